use crate::api::assessment::campaigns_page;
use crate::components::layout::PageView;
use crate::i18n::use_i18n;
use crate::pages::assessments::CampaignTable;
use leptos::prelude::*;
use leptos_meta::Title;

/// The signed-in home: the organisation's assessments, and what later releases add.
#[component]
pub fn DashboardPage() -> impl IntoView {
    let page = Resource::new_blocking(|| (), |_| campaigns_page());
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("dashboard-title")/>
        <PageView resource=page render=move |page| {
            let organisation = page.viewer.as_ref().map(|v| v.organisation_name.clone()).unwrap_or_default();
            let can_launch = page.content.can_launch;
            view! {
                <section class="panel">
                    <div class="panel-head">
                        <h1>{organisation}</h1>
                        {can_launch.then(|| view! { <a class="button primary" href="/assessments/new">{i18n.t("assessments-launch-button")}</a> })}
                    </div>
                    <h2>{i18n.t("assessments-heading")}</h2>
                    <CampaignTable list=page.content/>
                </section>
                <section class="features" aria-label=i18n.t("dashboard-coming-next")>
                    <article class="card">
                        <h2>{i18n.t("dashboard-scorecards")}</h2>
                        <p class="empty">{i18n.t("dashboard-scorecards-empty")}</p>
                    </article>
                    <article class="card">
                        <h2>{i18n.t("dashboard-roadmaps")}</h2>
                        <p class="empty">{i18n.t("dashboard-roadmaps-empty")}</p>
                    </article>
                </section>
            }
        }/>
    }
}
