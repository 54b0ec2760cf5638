use crate::error::AppError;
use crate::models::{Page, Viewer};
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

/// The top bar: product name, navigation for signed-in people, organisation and user.
#[component]
pub fn Header(viewer: Option<Viewer>) -> impl IntoView {
    view! {
        <header class="site-header">
            <a class="brand" href="/">"RevAlign"</a>
            {match viewer {
                Some(viewer) => view! {
                    <nav aria-label="Main">
                        <ul>
                            <li><a href="/dashboard">"Dashboard"</a></li>
                            <li><a href="/assessments">"Assessments"</a></li>
                            <li><a href="/hiring">"Hiring"</a></li>
                            <li><a href="/interviews">"Interviews"</a></li>
                            <li><a href="/settings">"Organisation"</a></li>
                        </ul>
                    </nav>
                    <div class="who">
                        <span class="org" title="Organisation">{viewer.organisation_name}</span>
                        <span class="user">{viewer.display_name}</span>
                        <form method="post" action="/signout" class="inline">
                            <button type="submit" class="link-button">"Sign out"</button>
                        </form>
                    </div>
                }
                .into_any(),
                None => view! {
                    <nav aria-label="Account">
                        <ul>
                            <li><a href="/signin">"Sign in"</a></li>
                            <li><a href="/signup" class="button">"Create an organisation"</a></li>
                        </ul>
                    </nav>
                }
                .into_any(),
            }}
        </header>
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
    let title = match error {
        AppError::NotFound => "Not found",
        AppError::Forbidden => "No access",
        AppError::Unauthenticated => "Please sign in",
        _ => "Something went wrong",
    };
    view! {
        <section class="panel error-panel" role="alert">
            <h1>{title}</h1>
            <p>{error.to_string()}</p>
            <p><a href="/">"Back to the start page"</a></p>
        </section>
    }
}

/// Shown while a page's data loads (only visible when streaming).
#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">"Loading…"</p> }
}
