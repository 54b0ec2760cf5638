use crate::error::AppError;
use crate::i18n::{use_i18n, Locale};
use crate::models::{Page, Viewer};
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

/// The top bar: product name, navigation for signed-in people, organisation and user, and
/// the language switcher.
#[component]
pub fn Header(viewer: Option<Viewer>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <header class="site-header">
            <a class="brand" href="/">"RevAlign"</a>
            {match viewer {
                Some(viewer) => view! {
                    <nav aria-label=i18n.t("nav-main")>
                        <ul>
                            <li><a href="/dashboard">{i18n.t("nav-dashboard")}</a></li>
                            <li><a href="/assessments">{i18n.t("nav-assessments")}</a></li>
                            <li><a href="/hiring">{i18n.t("nav-hiring")}</a></li>
                            <li><a href="/interviews">{i18n.t("nav-interviews")}</a></li>
                            <li><a href="/settings">{i18n.t("nav-organisation")}</a></li>
                        </ul>
                    </nav>
                    <div class="who">
                        <span class="org" title=i18n.t("header-organisation")>{viewer.organisation_name}</span>
                        <span class="user">{viewer.display_name}</span>
                        <form method="post" action="/signout" class="inline">
                            <button type="submit" class="link-button">{i18n.t("sign-out")}</button>
                        </form>
                        <LanguageSwitch/>
                    </div>
                }
                .into_any(),
                None => view! {
                    <nav aria-label=i18n.t("nav-account")>
                        <ul>
                            <li><a href="/signin">{i18n.t("sign-in")}</a></li>
                            <li><a href="/signup" class="button">{i18n.t("create-organisation")}</a></li>
                        </ul>
                    </nav>
                    <div class="who"><LanguageSwitch/></div>
                }
                .into_any(),
            }}
        </header>
    }
}

/// Where the language switcher posts: it remembers the choice (a cookie, and the account's
/// setting when signed in) and comes back to `next`.
pub const LANGUAGE_PATH: &str = "/language";

/// A plain form with one button per other language, labelled in that language, that
/// switches the page to it (with or without JavaScript) and returns to this address.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let here = leptos_router::hooks::use_location();
    let next = format!(
        "{}{}",
        here.pathname.get_untracked(),
        here.search.with_untracked(|search| if search.is_empty() {
            String::new()
        } else {
            format!("?{search}")
        })
    );
    let others = Locale::ALL
        .into_iter()
        .filter(move |locale| *locale != i18n.locale);
    view! {
        <form method="post" action=LANGUAGE_PATH class="inline language-switch">
            <input type="hidden" name="next" value=next/>
            {others
                .map(|locale| {
                    let name = locale.native_name();
                    view! {
                        <button
                            type="submit"
                            name="locale"
                            value=locale.tag()
                            class="link-button"
                            lang=locale.tag()
                            title=i18n.t_with("language-switch-to", &[("language", name.into())])
                        >
                            {name}
                        </button>
                    }
                })
                .collect_view()}
        </form>
    }
}

/// Renders a page once its data has loaded: the header, then `render`'s content in `<main>`,
/// or an error panel when loading failed.
#[component]
pub fn PageView<T, F, V>(resource: Resource<Result<Page<T>, AppError>>, render: F) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    F: Fn(Page<T>) -> V + Clone + Send + Sync + 'static,
    // Erased to AnyView: deep view types overflow the compiler's query depth in release.
    V: IntoView + IntoAny + 'static,
{
    view! {
        <Suspense fallback=|| view! { <Loading/> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(page) => view! {
                            <Header viewer=page.viewer.clone()/>
                            <main id="main" tabindex="-1">{render(page).into_any()}</main>
                        }
                        .into_any(),
                        Err(error) => view! {
                            <Header viewer=None/>
                            <main id="main" tabindex="-1"><ErrorPanel error/></main>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// What a page shows instead of its content when loading it failed.
#[component]
pub fn ErrorPanel(error: AppError) -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::api::context::set_error_status(&error);
    let i18n = use_i18n();
    view! {
        <section class="panel error-panel" role="alert">
            <h1>{i18n.error_title(&error)}</h1>
            <p>{i18n.error(&error)}</p>
            <p><a href="/">{i18n.t("back-to-start")}</a></p>
        </section>
    }
}

/// Shown while a page's data loads (only visible when streaming).
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">{use_i18n().t("loading")}</p> }
}
