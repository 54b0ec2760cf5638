//! RevAlign: the application. Pages are server components; only `islands` run in the
//! browser. With the `ssr` feature this crate also holds the services and data layer.
#![forbid(unsafe_code)]

pub mod api;
pub mod components;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod islands;
pub mod models;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod content;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod services;
#[cfg(feature = "ssr")]
pub mod state;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

/// The HTML document around every page. On the server it also sets the
/// Content-Security-Policy with this response's nonce, which the hydration scripts carry.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    set_content_security_policy();
    // Everything below translates for this request's locale (see `i18n`).
    let i18n = i18n::use_i18n();
    provide_context(i18n);
    view! {
        <!DOCTYPE html>
        <html lang=i18n.locale.tag()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="description" content=i18n.t("site-description")/>
                <link rel="stylesheet" href="/pkg/revalign.css"/>
                // Glyphs for Chinese where the system has none (charts and printed reports
                // included); split by unicode-range, so only the characters used load.
                {(i18n.locale == i18n::Locale::ZhCn)
                    .then(|| view! { <link rel="stylesheet" href=CHINESE_FONT_CSS/> })}
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The `@font-face` rules of the Chinese web font (from `style/public`).
pub const CHINESE_FONT_CSS: &str = "/fonts/noto-sans-sc/noto-sans-sc.css";

/// Where browsers post the violations of our Content-Security-Policy (`report-uri`).
pub const CSP_REPORT_PATH: &str = "/csp-reports";

/// The policy for HTML pages: scripts only from us or inline with this response's nonce,
/// wasm compilation allowed, nothing framed, forms only to us; violations are reported to
/// [`CSP_REPORT_PATH`].
#[cfg(feature = "ssr")]
fn set_content_security_policy() {
    let Some(nonce) = leptos::nonce::use_nonce() else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; \
         report-uri {CSP_REPORT_PATH}"
    );
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(&policy),
    ) {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
}

/// Routes and the frame every page shares.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i18n = i18n::use_i18n();
    view! {
        <Title formatter=|title: String| if title.is_empty() { "RevAlign".to_owned() } else { format!("{title} · RevAlign") }/>
        <Router>
            <a class="skip-link" href="#main">{i18n.t("skip-to-content")}</a>
            // Async: every page is complete (and every redirect decided) before the first
            // byte goes out, so pages and forms work the same with JavaScript off. Each page
            // renders its own header and <main> from the one resource it loads.
            <Routes fallback=pages::NotFound>
                    <Route path=path!("/") view=pages::home::HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/signin") view=pages::auth::SignInPage ssr=SsrMode::Async/>
                    <Route path=path!("/signup") view=pages::auth::SignUpPage ssr=SsrMode::Async/>
                    <Route path=path!("/dashboard") view=pages::dashboard::DashboardPage ssr=SsrMode::Async/>
                    <Route path=path!("/settings") view=pages::settings::SettingsPage ssr=SsrMode::Async/>
                <Route path=path!("/invites/:token") view=pages::invite::InvitePage ssr=SsrMode::Async/>
                <Route path=path!("/assessments") view=pages::assessments::CampaignsPage ssr=SsrMode::Async/>
                <Route path=path!("/assessments/new") view=pages::assessments::NewCampaignPage ssr=SsrMode::Async/>
                <Route path=path!("/assessments/:id") view=pages::assessments::CampaignPage ssr=SsrMode::Async/>
                <Route path=path!("/assessments/:id/results") view=pages::assessments::ResultsPage ssr=SsrMode::Async/>
                <Route path=path!("/assessments/:id/roadmap") view=pages::roadmap::RoadmapPage ssr=SsrMode::Async/>
                <Route path=path!("/assessments/:id/report") view=pages::roadmap::ReportPage ssr=SsrMode::Async/>
                <Route path=path!("/hiring") view=pages::hiring::RolesPage ssr=SsrMode::Async/>
                <Route path=path!("/hiring/roles/:id") view=pages::hiring::RolePage ssr=SsrMode::Async/>
                <Route path=path!("/hiring/candidates/:id") view=pages::hiring::CandidatePage ssr=SsrMode::Async/>
                <Route path=path!("/hiring/candidates/:id/debrief") view=pages::hiring::DebriefPage ssr=SsrMode::Async/>
                <Route path=path!("/interviews") view=pages::hiring::InterviewsPage ssr=SsrMode::Async/>
                <Route path=path!("/interviews/:stage/:candidate") view=pages::hiring::InterviewPage ssr=SsrMode::Async/>
                <Route path=path!("/a/:token") view=pages::questionnaire::RespondentStartPage ssr=SsrMode::Async/>
                <Route path=path!("/a/:token/step/:step") view=pages::questionnaire::QuestionnairePage ssr=SsrMode::Async/>
                <Route path=path!("/a/:token/review") view=pages::questionnaire::ReviewPage ssr=SsrMode::Async/>
                <Route path=path!("/a/:token/thanks") view=pages::questionnaire::ThanksPage ssr=SsrMode::Async/>
            </Routes>
            <footer class="site-footer">
                <p>{i18n.t("footer-tagline")}</p>
            </footer>
        </Router>
    }
}
