use crate::api::get_viewer;
use crate::error::AppError;
use leptos::prelude::*;

/// The top bar: product name, navigation for signed-in people, organisation and user.
#[component]
pub fn Header() -> impl IntoView {
    let viewer = Resource::new_blocking(|| (), |_| get_viewer());
    view! {
        <header class="site-header">
            <a class="brand" href="/">"RevAlign"</a>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match viewer.await.ok().flatten() {
                        Some(viewer) => view! {
                            <nav aria-label="Main">
                                <ul>
                                    <li><a href="/dashboard">"Dashboard"</a></li>
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
                    }
                })}
            </Suspense>
        </header>
    }
}

/// What a page shows instead of its content when loading it failed.
#[component]
pub fn ErrorPanel(error: AppError) -> impl IntoView {
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
