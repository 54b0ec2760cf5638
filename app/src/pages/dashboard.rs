use crate::api::organisation_page;
use crate::components::layout::PageView;
use leptos::prelude::*;
use leptos_meta::Title;

/// The signed-in home: where assessments, scorecards and roadmaps will be listed.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let page = Resource::new_blocking(|| (), |_| organisation_page());
    view! {
        <Title text="Dashboard"/>
        <PageView resource=page render=|page| {
            let org = page.content;
            view! {
                <section class="panel">
                    <h1>{org.name.clone()}</h1>
                    <p>{format!("{} member(s). ", org.members.len())}<a href="/settings">"Manage the organisation"</a></p>
                </section>
                <section class="features" aria-label="Your work">
                    <article class="card">
                        <h2>"Maturity assessments"</h2>
                        <p class="empty">"No assessments yet. Launching a self-assessment for marketing, sales and customer success arrives in the next release."</p>
                    </article>
                    <article class="card">
                        <h2>"Leader scorecards"</h2>
                        <p class="empty">"No open roles yet. Interview plans and blind scorecards for RevOps-leader candidates are on the way."</p>
                    </article>
                    <article class="card">
                        <h2>"Roadmaps and reports"</h2>
                        <p class="empty">"A roadmap is built from an assessment's gaps: run an assessment first."</p>
                    </article>
                </section>
            }
        }/>
    }
}
