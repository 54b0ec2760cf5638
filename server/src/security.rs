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
    // Before sign-in is looked at: the device's choice or the browser's language.
    let i18n = app::i18n::I18n::new(crate::language::request_locale(None, request.headers()));
    (StatusCode::FORBIDDEN, i18n.t("cross-site-refused")).into_response()
}

/// The policy for responses that did not set their own (everything but HTML pages): no
/// scripts at all.
const DEFAULT_CSP: &str = "default-src 'none'; img-src 'self'; style-src 'self'; \
    base-uri 'none'; form-action 'self'; frame-ancestors 'none'; report-uri /csp-reports";

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

/// Largest violation report read; a real one is well under 2 KB.
const MAX_CSP_REPORT_BYTES: usize = 16 * 1024;

/// `POST /csp-reports`: browsers report here what our Content-Security-Policy blocked
/// (`report-uri` sends `application/csp-report`, the Reporting API
/// `application/reports+json`). Each violation is logged and kept in
/// [`app::state::CspReports`], where the browser tests find it. Anyone may post (a report
/// changes nothing but the log), so bodies are capped and only a bounded number is kept;
/// other sites are still refused by [`reject_cross_site`] like every other post.
pub async fn csp_report(
    State(state): State<app::state::AppState>,
    headers: HeaderMap,
    body: axum::body::Body,
) -> Response {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default();
    if !matches!(
        content_type.as_str(),
        "application/csp-report" | "application/reports+json" | "application/json"
    ) {
        return (
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Expected application/csp-report or application/reports+json.",
        )
            .into_response();
    }
    let Ok(bytes) = axum::body::to_bytes(body, MAX_CSP_REPORT_BYTES).await else {
        return (StatusCode::PAYLOAD_TOO_LARGE, "Report too large.").into_response();
    };
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
        return (StatusCode::BAD_REQUEST, "The report is not JSON.").into_response();
    };
    let violations = csp_violations(&json);
    if violations.is_empty() {
        return (StatusCode::BAD_REQUEST, "No CSP violation in the report.").into_response();
    }
    for violation in violations {
        tracing::warn!(%violation, "Content-Security-Policy violation reported");
        state.csp_reports.record(violation);
    }
    StatusCode::NO_CONTENT.into_response()
}

/// One line per violation in a report of either format: which directive blocked what, on
/// which page, from where in which script.
fn csp_violations(json: &serde_json::Value) -> Vec<String> {
    use serde_json::Value;
    // `report-uri`: {"csp-report": {"document-uri": ..., "violated-directive": ...}};
    // Reporting API: [{"type": "csp-violation", "body": {"documentURL": ..., ...}}].
    let bodies: Vec<&Value> = match json {
        Value::Object(map) => map.get("csp-report").into_iter().collect(),
        Value::Array(reports) => reports
            .iter()
            .filter(|r| r["type"] == "csp-violation")
            .map(|r| &r["body"])
            .collect(),
        _ => Vec::new(),
    };
    let field = |body: &Value, names: &[&str]| {
        names
            .iter()
            .find_map(|name| match &body[*name] {
                Value::String(s) if !s.is_empty() => Some(s.clone()),
                Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
            .unwrap_or_else(|| "?".to_owned())
    };
    bodies
        .into_iter()
        .filter(|body| body.is_object())
        .map(|body| {
            let mut line = format!(
                "{} blocked {} on {}",
                field(
                    body,
                    &[
                        "effective-directive",
                        "effectiveDirective",
                        "violated-directive"
                    ]
                ),
                field(body, &["blocked-uri", "blockedURL"]),
                field(body, &["document-uri", "documentURL"]),
            );
            let source = field(body, &["source-file", "sourceFile"]);
            if source != "?" {
                line.push_str(&format!(
                    " (at {source}:{})",
                    field(body, &["line-number", "lineNumber"])
                ));
            }
            let sample = field(body, &["script-sample", "sample"]);
            if sample != "?" {
                line.push_str(&format!(": {sample:?}"));
            }
            line.chars().take(500).collect()
        })
        .collect()
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
    fn the_default_policy_reports_where_pages_do() {
        assert!(DEFAULT_CSP.ends_with(&format!("report-uri {}", app::CSP_REPORT_PATH)));
    }

    #[test]
    fn violations_are_read_from_both_report_formats() {
        let legacy = serde_json::json!({"csp-report": {
            "document-uri": "http://app.test/signin",
            "violated-directive": "script-src-elem",
            "effective-directive": "script-src-elem",
            "blocked-uri": "inline",
            "source-file": "http://app.test/signin",
            "line-number": 3,
            "script-sample": "alert(1)"
        }});
        assert_eq!(
            csp_violations(&legacy),
            vec!["script-src-elem blocked inline on http://app.test/signin (at http://app.test/signin:3): \"alert(1)\""]
        );
        let reporting = serde_json::json!([
            {"type": "csp-violation", "body": {
                "documentURL": "http://app.test/", "effectiveDirective": "img-src",
                "blockedURL": "http://evil.test/x.png"
            }},
            {"type": "deprecation", "body": {"id": "x"}}
        ]);
        assert_eq!(
            csp_violations(&reporting),
            vec!["img-src blocked http://evil.test/x.png on http://app.test/"]
        );
        assert!(csp_violations(&serde_json::json!({"other": 1})).is_empty());
    }

    #[test]
    fn requests_without_origin_or_fetch_metadata_are_refused() {
        let policy = OriginPolicy {
            public_origin: None,
        };
        assert!(!policy.allows(&headers(&[("host", "app.test")])));
    }
}
