//! Server functions the pages load their data with: thin shims that authenticate, call a
//! service and map the error. Each page loads everything it shows (viewer, flash, content)
//! through exactly one of them, read in one `<Suspense>`: one place decides redirects and
//! status codes. Writes go through plain form posts (see the server crate), so that every
//! form works without JavaScript.

pub mod assessment;
pub mod hiring;
pub mod organisation;
pub mod roadmap;
pub mod session;

pub use organisation::{invite_page, organisation_page};
pub use session::public_page;

#[cfg(feature = "ssr")]
pub(crate) mod context {
    use crate::error::{AppError, AppResult};
    use crate::services::auth::CurrentUser;
    use crate::state::AppState;
    use http::request::Parts;
    use leptos::prelude::*;

    pub fn state() -> AppResult<AppState> {
        use_context::<AppState>().ok_or_else(|| {
            tracing::error!("AppState missing from the Leptos context");
            AppError::Internal
        })
    }

    /// The signed-in user the session middleware attached to this request, if any.
    pub fn current_user() -> Option<CurrentUser> {
        use_context::<Parts>().and_then(|parts| parts.extensions.get::<CurrentUser>().cloned())
    }

    /// The signed-in user, or a redirect to the sign-in page that comes back here afterwards.
    pub fn require_user() -> AppResult<CurrentUser> {
        current_user().ok_or_else(|| {
            let back = use_context::<Parts>()
                .map(|parts| parts.uri.path().to_owned())
                .unwrap_or_else(|| "/dashboard".into());
            redirect(&format!("/signin?next={back}"));
            AppError::Unauthenticated
        })
    }

    /// Answers this request with the error's status (and `Retry-After` where it has one),
    /// unless a status (e.g. the redirect to sign-in) is already set.
    pub fn set_error_status(error: &AppError) {
        let Some(response) = use_context::<leptos_axum::ResponseOptions>() else {
            return;
        };
        let unset = response
            .0
            .read()
            .map(|parts| parts.status.is_none())
            .unwrap_or(true);
        if unset {
            response.set_status(
                http::StatusCode::from_u16(error.status_code())
                    .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR),
            );
            if let Some(seconds) = error.retry_after_secs() {
                response.insert_header(http::header::RETRY_AFTER, http::HeaderValue::from(seconds));
            }
        }
    }

    /// What a page loader returns, with the error's status set on failure: called over
    /// HTTP, a server function would otherwise answer 500 for every error.
    pub async fn answer<T>(load: impl std::future::Future<Output = AppResult<T>>) -> AppResult<T> {
        let result = load.await;
        if let Err(error) = &result {
            set_error_status(error);
        }
        result
    }

    /// Answers the page being rendered with a 302 to `to`. (`leptos_axum::redirect` only does
    /// that for requests that accept HTML; a page must redirect whoever asks.)
    pub fn redirect(to: &str) {
        if let (Some(response), Ok(location)) = (
            use_context::<leptos_axum::ResponseOptions>(),
            http::HeaderValue::from_str(to),
        ) {
            response.set_status(http::StatusCode::FOUND);
            response.insert_header(http::header::LOCATION, location);
        }
    }

    /// Wraps a page's content with the viewer and the flash (which is cleared once read).
    pub fn page<T>(content: T) -> AppResult<crate::models::Page<T>> {
        use crate::services::flash;
        let state = state()?;
        let flash = flash::read(&headers(), state.auth.secret.expose());
        if flash.is_some() {
            if let (Some(response), Ok(value)) = (
                use_context::<leptos_axum::ResponseOptions>(),
                http::HeaderValue::from_str(&flash::clear_cookie(state.auth.secure_cookies)),
            ) {
                response.append_header(http::header::SET_COOKIE, value);
            }
        }
        Ok(crate::models::Page {
            viewer: current_user().map(|user| user.viewer()),
            flash,
            content,
        })
    }

    /// This request's headers (empty outside a request).
    pub fn headers() -> http::HeaderMap {
        use_context::<Parts>()
            .map(|parts| parts.headers)
            .unwrap_or_default()
    }

    /// The respondent's resume token from the cookie scoped to their link, if any.
    pub fn resume_token(state: &AppState) -> Option<String> {
        let name = crate::services::questionnaire::resume_cookie_name(state.auth.secure_cookies);
        crate::services::cookies::request_cookie(&headers(), name)
    }
}
