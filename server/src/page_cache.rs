//! Serves respondents' questionnaire steps (`GET /a/{token}/step/{n}`) from
//! [`app::services::page_cache`] when nothing they show has changed, and keeps what the app
//! renders otherwise. Also listens, on PostgreSQL, for what other servers changed.

use crate::session::session_token;
use app::db::page_changes::{self, PageChange};
use app::services::cookies::request_cookie;
use app::services::flash;
use app::services::page_cache::{CachedPage, PageCache, PageKey, PageRecorder, Template};
use app::services::questionnaire::resume_cookie_name;
use app::services::tokens::hash_token;
use app::state::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{header, HeaderValue, Method, StatusCode};
use std::time::Duration;

/// Largest page body kept (a step page is some 25 KB).
const MAX_PAGE_BYTES: usize = 1024 * 1024;

/// Middleware around the routed app, inside the in-flight limit (see `startup::router`):
/// answers from the cache, or keeps what the app renders.
pub async fn serve_questionnaire_steps(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let Some(key) = cache_key(&state, &request) else {
        return next.run(request).await;
    };
    if let Some(page) = state.pages.get(&key, state.clock.now()) {
        return send(&page);
    }
    let ticket = state.pages.ticket();
    let recorder = PageRecorder::default();
    request.extensions_mut().insert(recorder.clone());
    let response = next.run(request).await;
    let Some(dependencies) = recorder.take() else {
        return response;
    };
    if response.status() != StatusCode::OK || response.headers().contains_key(header::SET_COOKIE) {
        return response;
    }
    let Some(nonce) = response_nonce(&response) else {
        return response;
    };
    let (parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_PAGE_BYTES).await {
        Ok(bytes) => bytes,
        Err(error) => {
            tracing::error!(%error, "could not read a rendered questionnaire page");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let page = CachedPage {
        status: parts.status,
        headers: parts
            .headers
            .iter()
            // The length is the body's own; the rest is sent as it was.
            .filter(|(name, _)| {
                *name != header::CONTENT_LENGTH && *name != header::TRANSFER_ENCODING
            })
            .map(|(name, value)| {
                (
                    name.clone(),
                    Template::new(value.as_bytes(), nonce.as_bytes()),
                )
            })
            .collect(),
        body: Template::new(&bytes, nonce.as_bytes()),
    };
    state.pages.put(ticket, key, dependencies, page);
    Response::from_parts(parts, Body::from(bytes))
}

/// The key of a request the cache may answer: a plain `GET` of a questionnaire step by a
/// respondent (no account session, no flash waiting to be shown).
fn cache_key(state: &AppState, request: &Request) -> Option<PageKey> {
    if !state.pages.enabled() || request.method() != Method::GET {
        return None;
    }
    let uri = request.uri();
    if !is_questionnaire_step(uri.path()) {
        return None;
    }
    let headers = request.headers();
    if session_token(state, headers).is_some() || request_cookie(headers, flash::COOKIE).is_some() {
        return None;
    }
    Some(PageKey {
        path: uri
            .path_and_query()
            .map_or_else(|| uri.path().to_owned(), |p| p.as_str().to_owned()),
        resume_hash: request_cookie(headers, resume_cookie_name(state.auth.secure_cookies))
            .map(|token| hash_token(&token)),
        // As `language::attach_locale` will decide it for a visitor without a session.
        locale: crate::language::request_locale(None, headers),
    })
}

/// `/a/{token}/step/{n}`.
fn is_questionnaire_step(path: &str) -> bool {
    let mut segments = path.strip_prefix("/a/").unwrap_or_default().split('/');
    matches!(
        (segments.next(), segments.next(), segments.next(), segments.next()),
        (Some(token), Some("step"), Some(step), None)
            if !token.is_empty() && !step.is_empty() && step.bytes().all(|b| b.is_ascii_digit())
    )
}

/// The nonce of a rendered page, from its Content-Security-Policy.
fn response_nonce(response: &Response) -> Option<String> {
    let policy = response
        .headers()
        .get(header::CONTENT_SECURITY_POLICY)?
        .to_str()
        .ok()?;
    let start = policy.find("'nonce-")? + "'nonce-".len();
    let end = policy[start..].find('\'')? + start;
    let nonce = &policy[start..end];
    // A fresh random value is at least 16 characters; anything shorter could match page text.
    (nonce.len() >= 16).then(|| nonce.to_owned())
}

/// A kept page with a nonce of its own.
fn send(page: &CachedPage) -> Response {
    let nonce = leptos::nonce::Nonce::new();
    let mut response = Response::new(Body::from(page.body.fill(nonce.as_bytes())));
    *response.status_mut() = page.status;
    let headers = response.headers_mut();
    for (name, value) in &page.headers {
        if let Ok(value) = HeaderValue::from_bytes(&value.fill(nonce.as_bytes())) {
            headers.append(name.clone(), value);
        }
    }
    response
}

/// On PostgreSQL: forgets the pages other servers announce as changed (see
/// `app::db::page_changes`). Until it listens, and whenever the connection drops (changes
/// may have been missed meanwhile), the cache holds nothing and keeps nothing.
pub fn listen_for_changes(database_url: String, pages: PageCache) -> tokio::task::JoinHandle<()> {
    pages.set_coherent(false);
    tokio::spawn(async move {
        loop {
            match listen(&database_url, &pages).await {
                Ok(()) => {}
                Err(error) => {
                    tracing::warn!(%error, "not hearing page changes from other servers; questionnaire pages are not cached until it reconnects");
                }
            }
            pages.set_coherent(false);
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    })
}

async fn listen(database_url: &str, pages: &PageCache) -> Result<(), sqlx::Error> {
    let mut listener = sqlx::postgres::PgListener::connect(database_url).await?;
    listener.listen(page_changes::CHANNEL).await?;
    // Whatever changed before we listened is unknown: this starts empty.
    pages.set_coherent(true);
    tracing::debug!("listening for page changes");
    loop {
        // `None`: the connection dropped; notifications may have been lost.
        let Some(notification) = listener.try_recv().await? else {
            return Ok(());
        };
        match PageChange::from_payload(notification.payload()) {
            PageChange::Response(id) => pages.forget_response(id),
            PageChange::Everything => pages.clear(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_questionnaire_steps_are_cached() {
        assert!(is_questionnaire_step("/a/tok/step/1"));
        assert!(is_questionnaire_step("/a/tok/step/12"));
        for path in [
            "/a/tok",
            "/a/tok/step",
            "/a/tok/step/",
            "/a/tok/step/x",
            "/a/tok/step/1/more",
            "/a/tok/review",
            "/a//step/1",
            "/assessments/1",
        ] {
            assert!(!is_questionnaire_step(path), "{path}");
        }
    }

    #[test]
    fn the_nonce_is_read_from_the_policy() {
        let mut response = Response::new(Body::empty());
        response.headers_mut().insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("script-src 'self' 'nonce-AbCdEfGhIjKlMnOpQr' 'x'"),
        );
        assert_eq!(response_nonce(&response).unwrap(), "AbCdEfGhIjKlMnOpQr");
        response.headers_mut().insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("script-src 'nonce-short'"),
        );
        assert!(response_nonce(&response).is_none());
    }
}
