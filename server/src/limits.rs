//! The in-flight limit: at most `max_in_flight` requests are served at once, the rest wait
//! in line for at most `queue_timeout`, and a request that finds no place in time is
//! answered at once with 503 and `Retry-After` instead of piling up. Under a load beyond
//! what the machine can serve, the requests let in still finish quickly and everyone else
//! hears "busy, retry" within the queue timeout: the server degrades, it does not stall.
//!
//! Static files under `/pkg` are not counted: they cost next to nothing, and a page whose
//! HTML was served but whose stylesheet was refused would be worse than either.

use crate::forms::{notice_page, wants_json};
use app::error::AppError;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use http::{header, HeaderValue, Method, StatusCode};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

/// The places and the longest wait for one; cheap to clone (one semaphore shared).
#[derive(Clone, Debug)]
pub struct InFlightLimit {
    places: Arc<Semaphore>,
    queue_timeout: Duration,
}

impl InFlightLimit {
    pub fn new(max_in_flight: usize, queue_timeout: Duration) -> Self {
        Self {
            places: Arc::new(Semaphore::new(max_in_flight.max(1))),
            queue_timeout,
        }
    }
}

/// The middleware: waits for a place, serves, gives the place back when the response is
/// ready (a streamed body finishes outside the limit).
pub async fn limit_in_flight(
    State(limit): State<InFlightLimit>,
    request: Request,
    next: Next,
) -> Response {
    if request.uri().path().starts_with("/pkg/") {
        return next.run(request).await;
    }
    match tokio::time::timeout(limit.queue_timeout, limit.places.acquire()).await {
        Ok(Ok(_place)) => next.run(request).await,
        // Timed out, or (never, since it is not closed) the semaphore closed.
        _ => {
            tracing::debug!(path = %request.uri().path(), "at capacity: answered 503");
            busy(&request)
        }
    }
}

/// 503 with `Retry-After`: JSON for the API and scripts, a page for a browser. A plain
/// form post gets a page that sends its author back to the form, still filled in.
fn busy(request: &Request) -> Response {
    let error = AppError::Unavailable;
    let json = request.uri().path().starts_with(crate::rest::PREFIX)
        || wants_json(request.headers())
        || request.headers().get(header::ACCEPT).is_none();
    let mut response = if json {
        (
            StatusCode::SERVICE_UNAVAILABLE,
            axum::Json(serde_json::json!({ "message": error.to_string() })),
        )
            .into_response()
    } else {
        // Outside the session middleware: the visitor's cookie or browser decides the language.
        let i18n = app::i18n::I18n::new(crate::language::request_locale(None, request.headers()));
        let message = i18n.t(if request.method() == Method::POST {
            "busy-form-not-taken"
        } else {
            "busy-try-again"
        });
        let page = notice_page(
            i18n,
            &i18n.t("error-title-unavailable"),
            &message,
            &back_link(request),
        );
        (StatusCode::SERVICE_UNAVAILABLE, Html(page)).into_response()
    };
    if let Some(seconds) = error.retry_after_secs() {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}

/// Where "Back" leads: the page the form was on (path and query of the `Referer`, so never
/// off the site), else the requested page itself for a GET, else the start page.
fn back_link(request: &Request) -> String {
    let referer = request
        .headers()
        .get(header::REFERER)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| url::Url::parse(value).ok());
    match referer {
        Some(url) => match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        },
        None if request.method() == Method::GET => request.uri().path().to_owned(),
        None => "/".to_owned(),
    }
}
