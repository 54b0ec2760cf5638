//! Cross-site request protection and security headers.

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::{header, HeaderMap, HeaderValue, Method, StatusCode};

/// Where state-changing requests may come from.
#[derive(Clone, Debug)]
pub struct OriginPolicy {
    /// The configured public origin; when absent, the request's own `Host` is the site.
    pub public_origin: Option<String>,
}

impl OriginPolicy {
    /// True when a request that changes state may proceed: the browser says it is
    /// same-origin, or its `Origin` is this site. A request with neither is refused, and so
    /// is any that a browser marks cross-site.
    pub fn allows(&self, headers: &HeaderMap) -> bool {
        match headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
            Some("same-origin") => return true,
            // "none" is a user typing the URL; no browser sends that with a POST from a page.
            Some("cross-site" | "same-site" | "none") => return false,
            _ => {}
        }
        let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
            return false;
        };
        match &self.public_origin {
            Some(expected) => origin.eq_ignore_ascii_case(expected),
            None => {
                let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
                let authority = origin
                    .strip_prefix("http://")
                    .or_else(|| origin.strip_prefix("https://"));
                matches!((authority, host), (Some(a), Some(h)) if a.eq_ignore_ascii_case(h))
            }
        }
    }
}

/// True for a JSON API request that carries an `Authorization: Bearer` token.
///
/// Such a request cannot be a cross-site forgery, so it needs no Origin: a forgery works by
/// making the victim's browser attach a credential it holds on its own (a cookie). The API
/// ignores cookies and accepts nothing but the bearer token, which a browser never adds by
/// itself, and which a page on another site can only set on a cross-origin request after a
/// CORS preflight that we never grant. Whoever sends the header already holds the token. (A
/// bearer header with a wrong token is still answered 401 by the API itself.)
fn is_bearer_api_request(request: &Request) -> bool {
    crate::session::is_api_path(request.uri().path())
        && crate::rest::bearer_token(request.headers()).is_some()
}

/// Rejects cross-site state-changing requests (every method but GET, HEAD and OPTIONS),
/// server functions included, with 403. JSON API requests with a bearer token are exempt
/// (see [`is_bearer_api_request`]); API requests without one keep the rule, refused with
/// the API's own 401 that asks for a token.
pub async fn reject_cross_site(
    State(policy): State<OriginPolicy>,
    request: Request,
    next: Next,
) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if safe || is_bearer_api_request(&request) || policy.allows(request.headers()) {
        return next.run(request).await;
    }
    tracing::warn!(method = %request.method(), path = request.uri().path(), "cross-site request refused");
    if crate::session::is_api_path(request.uri().path()) {
        // Refused all the same; an API client is told what it lacks: its token.
        return crate::rest::ApiError::missing_token().into_response();
    }
    (
        StatusCode::FORBIDDEN,
        "This request did not come from a RevAlign page, so it was refused. Reload the page and try again.",
    )
        .into_response()
}

/// The policy for responses that did not set their own (everything but HTML pages): no
/// scripts at all.
const DEFAULT_CSP: &str = "default-src 'none'; img-src 'self'; style-src 'self'; \
    base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Adds the security headers every response carries.
pub async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    headers
        .entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static(DEFAULT_CSP));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, HeaderValue::from_static(v));
        }
        map
    }

    #[test]
    fn same_origin_fetch_metadata_is_allowed() {
        let policy = OriginPolicy {
            public_origin: None,
        };
        assert!(policy.allows(&headers(&[("sec-fetch-site", "same-origin")])));
    }

    #[test]
    fn cross_site_fetch_metadata_is_refused_even_with_a_matching_origin() {
        let policy = OriginPolicy {
            public_origin: None,
        };
        assert!(!policy.allows(&headers(&[
            ("sec-fetch-site", "cross-site"),
            ("origin", "http://app.test"),
            ("host", "app.test"),
        ])));
    }

    #[test]
    fn origin_must_match_host_or_public_origin() {
        let by_host = OriginPolicy {
            public_origin: None,
        };
        assert!(by_host.allows(&headers(&[
            ("origin", "http://app.test:3000"),
            ("host", "app.test:3000")
        ])));
        assert!(!by_host.allows(&headers(&[
            ("origin", "http://evil.test"),
            ("host", "app.test")
        ])));
        let by_config = OriginPolicy {
            public_origin: Some("https://app.test".into()),
        };
        assert!(by_config.allows(&headers(&[
            ("origin", "https://app.test"),
            ("host", "internal:8080")
        ])));
        assert!(!by_config.allows(&headers(&[
            ("origin", "http://app.test"),
            ("host", "app.test")
        ])));
    }

    #[test]
    fn only_api_requests_with_a_bearer_token_skip_the_origin_check() {
        let request = |path: &str, authorization: Option<&str>| {
            let mut builder = Request::builder().method(Method::POST).uri(path);
            if let Some(value) = authorization {
                builder = builder.header(header::AUTHORIZATION, value);
            }
            builder.body(axum::body::Body::empty()).unwrap()
        };
        assert!(is_bearer_api_request(&request(
            "/api/v1/campaigns",
            Some("Bearer ra_x")
        )));
        assert!(!is_bearer_api_request(&request("/api/v1/campaigns", None)));
        assert!(!is_bearer_api_request(&request(
            "/api/v1/campaigns",
            Some("Basic eDp5")
        )));
        assert!(!is_bearer_api_request(&request(
            "/settings/tokens",
            Some("Bearer ra_x")
        )));
        assert!(!is_bearer_api_request(&request(
            "/api/v1x/campaigns",
            Some("Bearer ra_x")
        )));
    }

    #[test]
    fn requests_without_origin_or_fetch_metadata_are_refused() {
        let policy = OriginPolicy {
            public_origin: None,
        };
        assert!(!policy.allows(&headers(&[("host", "app.test")])));
    }
}
