use crate::api::assessment::campaigns_page;
use crate::components::layout::PageView;
use crate::pages::assessments::CampaignTable;
use leptos::prelude::*;
use leptos_meta::Title;

/// The signed-in home: the organisation's assessments, and what later releases add.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let page = Resource::new_blocking(|| (), |_| campaigns_page());
    view! {
        <Title text="Dashboard"/>
        <PageView resource=page render=|page| {
            let organisation = page.viewer.as_ref().map(|v| v.organisation_name.clone()).unwrap_or_default();
            let can_launch = page.content.can_launch;
            view! {
                <section class="panel">
                    <div class="panel-head">
                        <h1>{organisation}</h1>
                        {can_launch.then(|| view! { <a class="button primary" href="/assessments/new">"Launch an assessment"</a> })}
                    </div>
                    <h2>"Maturity assessments"</h2>
                    <CampaignTable list=page.content/>
                </section>
                <section class="features" aria-label="Coming next">
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
