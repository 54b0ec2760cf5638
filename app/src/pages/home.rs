use crate::api::public_page;
use crate::components::layout::PageView;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

/// The start page: signed-in people go straight to their dashboard.
#[component]
pub fn HomePage() -> impl IntoView {
    let page = Resource::new_blocking(|| (), |_| public_page());
    view! {
        <Title text=""/>
        <PageView resource=page render=|page| {
            if page.viewer.is_some() {
                return view! { <Redirect path="/dashboard"/> }.into_any();
            }
            view! {
                <section class="hero">
                    <h1>"One revenue team, one plan"</h1>
                    <p class="lead">
                        "RevAlign helps companies merge marketing, sales and customer success operations into one Revenue Operations function: "
                        "see where the teams disagree, hire the leader who can bridge them, and follow a roadmap built from the gaps."
                    </p>
                    <p class="cta">
                        <a class="button primary" href="/signup">"Create an organisation"</a>
                        <a class="button" href="/signin">"Sign in"</a>
                    </p>
                </section>
                <section class="features" aria-label="What RevAlign does">
                    <article class="card">
                        <h2>"Maturity self-assessment"</h2>
                        <p>"Each function answers the same questions. Results show maturity per dimension and, above all, where marketing, sales and customer success see things differently."</p>
                    </article>
                    <article class="card">
                        <h2>"RevOps leader scorecards"</h2>
                        <p>"Interview candidates on cross-functional leadership, diplomacy and bridging the teams, on anchored scales, blind to each other until they submit."</p>
                    </article>
                    <article class="card">
                        <h2>"Transformation roadmap"</h2>
                        <p>"Phased initiatives and org-design steps from the gaps, in a report your executives can print."</p>
                    </article>
                </section>
            }
            .into_any()
        }/>
    }
}
