//! Which language a request is answered in, and the endpoint the language switcher posts to.
//!
//! The locale is, in this order: the signed-in person's setting, the visitor's earlier
//! choice (the `revalign_lang` cookie, which respondents and visitors without an account get
//! too), the best match in `Accept-Language`, English. [`attach_locale`] puts it into the
//! request's extensions, where pages (through `app::i18n::use_i18n`) and form handlers find it.

use crate::forms::{safe_next, see_other, wants_json, Fields};
use app::error::AppError;
use app::i18n::{I18n, Locale, LOCALE_COOKIE};
use app::services::auth::{self, CurrentUser};
use app::services::cookies::request_cookie;
use app::state::AppState;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{header, HeaderMap, HeaderValue, StatusCode};
use serde_json::json;

/// How long a language choice is remembered on a device: a year.
const COOKIE_MAX_AGE_SECS: u64 = 365 * 24 * 60 * 60;

/// The locale for a request from `user` (if signed in) with these headers.
pub fn request_locale(user: Option<&CurrentUser>, headers: &HeaderMap) -> Locale {
    user.and_then(|user| user.locale)
        .or_else(|| request_cookie(headers, LOCALE_COOKIE).and_then(|tag| Locale::from_tag(&tag)))
        .or_else(|| {
            headers
                .get_all(header::ACCEPT_LANGUAGE)
                .iter()
                .filter_map(|value| value.to_str().ok())
                .find_map(Locale::negotiate)
        })
        .unwrap_or_default()
}

/// Middleware (inside `attach_current_user`): attaches the request's [`Locale`] to the
/// request (for the pages) and to the task answering it (for form handlers, through
/// `app::i18n::current`).
pub async fn attach_locale(mut request: Request, next: Next) -> Response {
    let locale = request_locale(request.extensions().get::<CurrentUser>(), request.headers());
    request.extensions_mut().insert(locale);
    app::i18n::in_request_locale(locale, next.run(request)).await
}

/// `POST /language` (`locale`, `next`): remembers the language on this device and, for a
/// signed-in person, in their account; then back to `next` (a local path).
pub async fn switch_language(
    State(state): State<AppState>,
    user: Option<axum::Extension<CurrentUser>>,
    current: Option<axum::Extension<Locale>>,
    headers: HeaderMap,
    axum::Form(fields): Fields,
) -> Response {
    let next = safe_next(crate::forms::value(&fields, "next")).to_owned();
    let Some(locale) = Locale::from_tag(crate::forms::value(&fields, "locale")) else {
        let i18n = I18n::new(current.map(|c| c.0).unwrap_or_default());
        let error = AppError::field("locale", i18n.t("language-unknown"));
        return if wants_json(&headers) {
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                axum::Json(json!({ "message": i18n.error(&error), "fields": error.fields() })),
            )
                .into_response()
        } else {
            see_other(&next)
        };
    };
    if let Some(user) = user.as_deref() {
        if let Err(error) = auth::set_locale(&state, user, Some(locale)).await {
            return crate::forms::ErrorResponse(error).into_response();
        }
    }
    let secure = if state.auth.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{LOCALE_COOKIE}={}; Path=/; Max-Age={COOKIE_MAX_AGE_SECS}; HttpOnly; SameSite=Lax{secure}",
        locale.tag()
    );
    let mut response = if wants_json(&headers) {
        axum::Json(json!({ "redirect": next })).into_response()
    } else {
        see_other(&next)
    };
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}
