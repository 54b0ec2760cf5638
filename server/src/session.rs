//! Resolves the session cookie to a [`CurrentUser`] and attaches it to the request, where
//! form handlers and server functions find it.

use app::error::AppError;
use app::services::auth;
use app::services::cookies::request_cookie;
use app::state::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

/// The session token in a request's cookies, if any.
pub fn session_token(state: &AppState, headers: &http::HeaderMap) -> Option<String> {
    request_cookie(headers, state.auth.session_cookie_name())
}

pub async fn attach_current_user(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Result<Response, crate::forms::ErrorResponse> {
    // Static files never need to know who is asking, and the JSON API ignores cookies on
    // purpose: it authenticates by bearer token only (see `rest`).
    let path = request.uri().path();
    if path.starts_with("/pkg/") || is_api_path(path) {
        return Ok(next.run(request).await);
    }
    if let Some(token) = session_token(&state, request.headers()) {
        tracing::debug!("resolving session");
        let resolved = auth::authenticate(&state, &token).await;
        tracing::debug!(
            signed_in = matches!(resolved, Ok(Some(_))),
            "session resolved"
        );
        match resolved {
            Ok(Some(user)) => {
                request.extensions_mut().insert(user);
            }
            Ok(None) => {}
            Err(error @ (AppError::Unavailable | AppError::Internal)) => {
                return Err(crate::forms::ErrorResponse(error));
            }
            Err(_) => {}
        }
    }
    Ok(next.run(request).await)
}

/// True for paths of the JSON API.
pub fn is_api_path(path: &str) -> bool {
    path.strip_prefix(crate::rest::PREFIX)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}
