use crate::error::AppError;
use crate::models::{Flash, Viewer};
use leptos::prelude::*;

/// The signed-in person for the page header, or `None` when nobody is signed in.
#[server(prefix = "/_fn", endpoint = "viewer")]
pub async fn get_viewer() -> Result<Option<Viewer>, AppError> {
    Ok(super::context::current_user().map(|user| user.viewer()))
}

/// Takes the one-time outcome of the last form post (shown once, then cleared).
#[server(prefix = "/_fn", endpoint = "flash")]
pub async fn get_flash() -> Result<Option<Flash>, AppError> {
    use crate::services::flash;
    let state = super::context::state()?;
    let flash = flash::read(&super::context::cookie_header(), state.auth.secret.expose());
    if flash.is_some() {
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            if let Ok(value) =
                http::HeaderValue::from_str(&flash::clear_cookie(state.auth.secure_cookies))
            {
                response.append_header(http::header::SET_COOKIE, value);
            }
        }
    }
    Ok(flash)
}
