//! One module per route area.

pub mod assessments;
pub mod auth;
pub mod dashboard;
pub mod hiring;
pub mod home;
pub mod invite;
pub mod questionnaire;
pub mod roadmap;
pub mod settings;

use crate::api::public_page;
use crate::components::layout::PageView;
use leptos::prelude::*;
use leptos_meta::Title;

/// The page for any path we do not know.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let page = Resource::new_blocking(|| (), |_| public_page());
    view! {
        <Title text="Page not found"/>
        <PageView resource=page render=|_| view! {
            <section class="panel">
                <h1>"Page not found"</h1>
                <p>"There is no page at this address. It may have moved, or the link may be mistyped."</p>
                <p><a href="/">"Go to the start page"</a></p>
            </section>
        }/>
    }
}
