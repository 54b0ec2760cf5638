//! The endpoints HTML forms post to. Each works two ways:
//! - a plain form post (JavaScript off): success redirects (303) to the next page; failure
//!   redirects back to the form with the errors and entered values in a signed flash cookie;
//! - a post from the `EnhancedForm` island (`Accept: application/json`): the answer is JSON,
//!   `{"redirect": …}` or `{"message": …, "fields": {…}}` with the error's status.

use app::error::AppError;
use app::i18n::I18n;
use app::models::Flash;
use app::services::{api_tokens, auth, flash, organisations};
use app::state::AppState;
use axum::extract::{ConnectInfo, Path, State};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use http::{header, HeaderMap, HeaderValue, StatusCode};
use serde_json::json;
use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;

use crate::session::session_token;
use app::services::auth::CurrentUser;

pub(crate) type Fields = Form<HashMap<String, String>>;

/// An error answered as-is (used outside form posts, e.g. by middleware).
pub struct ErrorResponse(pub AppError);

impl IntoResponse for ErrorResponse {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.0.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let i18n = app::i18n::current();
        let page = notice_page(i18n, &i18n.error_title(&self.0), &i18n.error(&self.0), "/");
        let mut response = (status, axum::response::Html(page)).into_response();
        add_retry_after(&self.0, response.headers_mut());
        response
    }
}

pub(crate) fn add_retry_after(error: &AppError, headers: &mut HeaderMap) {
    if let Some(seconds) = error.retry_after_secs() {
        headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
}

pub(crate) fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|accept| accept.contains("application/json"))
}

pub(crate) fn value<'a>(fields: &'a HashMap<String, String>, name: &str) -> &'a str {
    fields.get(name).map(String::as_str).unwrap_or_default()
}

/// The first value of field `name` in a form read as pairs (repeated names kept), or empty.
pub(crate) fn pair_value<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

/// A local path to continue to after signing in; anything else (other sites,
/// protocol-relative URLs) falls back to the dashboard.
pub fn safe_next(next: &str) -> &str {
    let local = next.starts_with('/') && !next.starts_with("//") && !next.contains('\\');
    if local {
        next
    } else {
        "/dashboard"
    }
}

/// How a form post ended.
pub(crate) struct Outcome<'a> {
    pub(crate) state: &'a AppState,
    pub(crate) json: bool,
}

impl<'a> Outcome<'a> {
    /// How a post to this endpoint is answered: JSON for the islands, else redirects.
    pub(crate) fn new(state: &'a AppState, headers: &HeaderMap) -> Self {
        Outcome {
            state,
            json: wants_json(headers),
        }
    }

    /// Success: go to `to`, setting `cookies` (and a flash, for a notice on the next page).
    pub(crate) fn success(&self, to: &str, cookies: Vec<String>, flash: Option<Flash>) -> Response {
        let mut response = if self.json {
            axum::Json(json!({ "redirect": to })).into_response()
        } else {
            see_other(to)
        };
        let mut cookies = cookies;
        if let Some(flash) = flash {
            cookies.push(flash::set_cookie(
                &flash,
                self.state.auth.secret.expose(),
                self.state.auth.secure_cookies,
            ));
        }
        for cookie in cookies {
            if let Ok(value) = HeaderValue::from_str(&cookie) {
                response.headers_mut().append(header::SET_COOKIE, value);
            }
        }
        response
    }

    /// Failure: tell the form what to fix; `values` are put back into the fields.
    pub(crate) fn failure(
        &self,
        back: &str,
        form: &str,
        error: AppError,
        values: BTreeMap<String, String>,
    ) -> Response {
        if matches!(error, AppError::Unauthenticated) && !self.json {
            return see_other(&format!("/signin?next={back}"));
        }
        let status =
            StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let i18n = app::i18n::current();
        let message = i18n.error(&error);
        let mut response = if self.json {
            (
                status,
                axum::Json(json!({ "message": message, "fields": error.fields() })),
            )
                .into_response()
        } else if matches!(error, AppError::RateLimited { .. } | AppError::Unavailable) {
            // A redirect cannot carry 429 or 503; answer with a small page that says when to
            // retry (the form, one step back, still holds what was typed).
            (
                status,
                axum::response::Html(notice_page(i18n, &i18n.error_title(&error), &message, back)),
            )
                .into_response()
        } else {
            let flash = Flash {
                form: form.to_owned(),
                error: Some(message),
                fields: error.fields(),
                values,
                ..Flash::default()
            };
            let mut response = see_other(back);
            if let Ok(cookie) = HeaderValue::from_str(&flash::set_cookie(
                &flash,
                self.state.auth.secret.expose(),
                self.state.auth.secure_cookies,
            )) {
                response.headers_mut().append(header::SET_COOKIE, cookie);
            }
            response
        };
        add_retry_after(&error, response.headers_mut());
        response
    }
}

/// The JSON answer to an autosave that was refused, `{"saved": false, "message", "fields"}`
/// with the error's status: the `AutosaveForm` island shows it beside the fields.
pub(crate) fn autosave_refused(error: &AppError) -> Response {
    let status =
        StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (
        status,
        axum::Json(json!({
            "saved": false,
            "message": app::i18n::current().error(error),
            "fields": error.fields(),
        })),
    )
        .into_response()
}

pub(crate) fn see_other(to: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(location) = HeaderValue::from_str(to) {
        response.headers_mut().insert(header::LOCATION, location);
    }
    response
}

/// A small page that says what happened and links back, in the request's language: the
/// answer to a plain form post when a redirect cannot carry the status (429, 503).
pub(crate) fn notice_page(i18n: I18n, title: &str, message: &str, back: &str) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{title} · RevAlign</title>\
         <link rel=\"stylesheet\" href=\"/pkg/revalign.css\"></head><body><main id=\"main\"><section class=\"panel narrow\">\
         <h1>{title}</h1><p role=\"alert\">{}</p><p><a href=\"{}\">{}</a></p></section></main></body></html>",
        escape(message),
        escape(back),
        escape(&i18n.t("back")),
        lang = i18n.locale.tag(),
        title = escape(title),
    )
}

pub(crate) fn kept(fields: &HashMap<String, String>, names: &[&str]) -> BTreeMap<String, String> {
    names
        .iter()
        .filter_map(|name| fields.get(*name).map(|v| (name.to_string(), v.clone())))
        .collect()
}

pub async fn sign_up(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(fields): Fields,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let form = auth::SignUp {
        organisation_name: value(&fields, "organisation_name").to_owned(),
        display_name: value(&fields, "display_name").to_owned(),
        email: value(&fields, "email").to_owned(),
        password: value(&fields, "password").to_owned(),
    };
    match auth::sign_up(&state, &form).await {
        Ok(session) => outcome.success(
            "/dashboard",
            vec![auth::session_cookie(&state, &session.token)],
            None,
        ),
        Err(error) => outcome.failure(
            "/signup",
            "signup",
            error,
            kept(&fields, &["organisation_name", "display_name", "email"]),
        ),
    }
}

pub async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(fields): Fields,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let next = safe_next(value(&fields, "next")).to_owned();
    let previous = session_token(&state, &headers);
    let result = auth::sign_in(
        &state,
        value(&fields, "email"),
        value(&fields, "password"),
        &client.ip().to_string(),
        previous.as_deref(),
    )
    .await;
    match result {
        Ok(session) => outcome.success(
            &next,
            vec![auth::session_cookie(&state, &session.token)],
            None,
        ),
        Err(error) => {
            let back = if next == "/dashboard" {
                "/signin".to_owned()
            } else {
                format!("/signin?next={next}")
            };
            outcome.failure(&back, "signin", error, kept(&fields, &["email"]))
        }
    }
}

pub async fn sign_out(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let outcome = Outcome::new(&state, &headers);
    if let Some(token) = session_token(&state, &headers) {
        if let Err(error) = auth::sign_out(&state, &token).await {
            return outcome.failure("/dashboard", "signout", error, BTreeMap::new());
        }
    }
    let notice = Flash::notice("signin", &app::i18n::current().t("auth-signed-out"));
    outcome.success(
        "/signin",
        vec![auth::clear_session_cookie(&state)],
        Some(notice),
    )
}

pub async fn create_invite(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    headers: HeaderMap,
    Form(fields): Fields,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let Some(Extension(user)) = user else {
        return outcome.failure(
            "/settings",
            "invite",
            AppError::Unauthenticated,
            BTreeMap::new(),
        );
    };
    match organisations::create_invite(
        &state,
        &user,
        value(&fields, "role"),
        value(&fields, "note"),
    )
    .await
    {
        Ok(invite) => {
            let link = format!("{}/invites/{}", state.site_origin(&headers), invite.token);
            let flash = Flash {
                invite_link: Some(link),
                ..Flash::notice("invite", &app::i18n::current().t("settings-invite-created"))
            };
            outcome.success("/settings", Vec::new(), Some(flash))
        }
        Err(error) => outcome.failure("/settings", "invite", error, kept(&fields, &["note"])),
    }
}

pub async fn revoke_invite(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(invite_id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let Some(Extension(user)) = user else {
        return outcome.failure(
            "/settings",
            "revoke",
            AppError::Unauthenticated,
            BTreeMap::new(),
        );
    };
    match organisations::revoke_invite(&state, &user, &invite_id).await {
        Ok(()) => {
            let flash = Flash::notice("revoke", &app::i18n::current().t("settings-invite-revoked"));
            outcome.success("/settings", Vec::new(), Some(flash))
        }
        Err(error) => outcome.failure("/settings", "revoke", error, BTreeMap::new()),
    }
}

/// An admin removes a member; their sessions and API tokens end with the membership.
pub async fn remove_member(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(member_id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let Some(Extension(user)) = user else {
        return outcome.failure(
            "/settings",
            "members",
            AppError::Unauthenticated,
            BTreeMap::new(),
        );
    };
    match organisations::remove_member(&state, &user, &member_id).await {
        Ok(name) => {
            let flash = Flash::notice(
                "members",
                &app::i18n::current().t_with("settings-member-removed", &[("name", name.into())]),
            );
            outcome.success("/settings", Vec::new(), Some(flash))
        }
        Err(error) => outcome.failure("/settings", "members", error, BTreeMap::new()),
    }
}

pub async fn create_api_token(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    headers: HeaderMap,
    Form(fields): Fields,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let Some(Extension(user)) = user else {
        return outcome.failure(
            "/settings",
            "api-token",
            AppError::Unauthenticated,
            BTreeMap::new(),
        );
    };
    match api_tokens::create(&state, &user, value(&fields, "name")).await {
        Ok(created) => {
            let flash = Flash {
                api_token: Some(created.token),
                ..Flash::notice(
                    "api-token",
                    &app::i18n::current().t("settings-token-created"),
                )
            };
            outcome.success("/settings", Vec::new(), Some(flash))
        }
        Err(error) => outcome.failure("/settings", "api-token", error, kept(&fields, &["name"])),
    }
}

pub async fn revoke_api_token(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(token_id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let Some(Extension(user)) = user else {
        return outcome.failure(
            "/settings",
            "api-token-revoke",
            AppError::Unauthenticated,
            BTreeMap::new(),
        );
    };
    match api_tokens::revoke(&state, &user, &token_id).await {
        Ok(()) => {
            let flash = Flash::notice(
                "api-token-revoke",
                &app::i18n::current().t("settings-token-revoked"),
            );
            outcome.success("/settings", Vec::new(), Some(flash))
        }
        Err(error) => outcome.failure("/settings", "api-token-revoke", error, BTreeMap::new()),
    }
}

pub async fn accept_invite(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let back = format!("/invites/{token}");
    let Some(Extension(user)) = user else {
        return outcome.failure(&back, "join", AppError::Unauthenticated, BTreeMap::new());
    };
    match organisations::accept_invite(&state, &user, &token).await {
        Ok(()) => outcome.success("/dashboard", Vec::new(), None),
        Err(error) => outcome.failure(&back, "join", error, BTreeMap::new()),
    }
}

pub async fn join_with_new_account(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    Form(fields): Fields,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let result = auth::sign_up_with_invite(
        &state,
        &token,
        value(&fields, "display_name"),
        value(&fields, "email"),
        value(&fields, "password"),
    )
    .await;
    match result {
        Ok(session) => outcome.success(
            "/dashboard",
            vec![auth::session_cookie(&state, &session.token)],
            None,
        ),
        Err(error) => outcome.failure(
            &format!("/invites/{token}"),
            "join",
            error,
            kept(&fields, &["display_name", "email"]),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_only_follows_local_paths() {
        assert_eq!(safe_next("/settings"), "/settings");
        assert_eq!(safe_next("https://evil.test/"), "/dashboard");
        assert_eq!(safe_next("//evil.test/"), "/dashboard");
        assert_eq!(safe_next("/\\evil.test"), "/dashboard");
        assert_eq!(safe_next(""), "/dashboard");
    }
}
