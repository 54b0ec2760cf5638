use crate::api::public_page;
use crate::components::layout::PageView;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Redirect;

/// The start page: signed-in people go straight to their dashboard.
#[component]
pub fn HomePage() -> impl IntoView {
    let page = Resource::new_blocking(|| (), |_| public_page());
    let i18n = use_i18n();
    view! {
        <Title text=""/>
        <PageView resource=page render=move |page| {
            if page.viewer.is_some() {
                return view! { <Redirect path="/dashboard"/> }.into_any();
            }
            view! {
                <section class="hero">
                    <h1>{i18n.t("home-title")}</h1>
                    <p class="lead">
                        {i18n.t("home-lead")}
                    </p>
                    <p class="cta">
                        <a class="button primary" href="/signup">{i18n.t("create-organisation")}</a>
                        <a class="button" href="/signin">{i18n.t("sign-in")}</a>
                    </p>
                </section>
                <section class="features" aria-label=i18n.t("home-features")>
                    <article class="card">
                        <h2>{i18n.t("home-assessment-title")}</h2>
                        <p>{i18n.t("home-assessment-body")}</p>
                    </article>
                    <article class="card">
                        <h2>{i18n.t("home-scorecards-title")}</h2>
                        <p>{i18n.t("home-scorecards-body")}</p>
                    </article>
                    <article class="card">
                        <h2>{i18n.t("home-roadmap-title")}</h2>
                        <p>{i18n.t("home-roadmap-body")}</p>
                    </article>
                </section>
            }
            .into_any()
        }/>
    }
}
