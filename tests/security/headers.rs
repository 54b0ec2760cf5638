//! Point 9: every response carries the security headers, and every page a
//! Content-Security-Policy with a fresh nonce that its scripts (and only they) carry.
//! (That Chromium reports no CSP violation while the browser tests run is checked there.)

use crate::authorization::RULES;
use crate::world::{Actor, World};
use revalign_tests::{on_both_backends, Backend, TestApp};
use server::endpoints::{inventory, RouteKind};

on_both_backends!(
    every_response_carries_security_headers,
    pages_get_a_fresh_csp_nonce_that_their_scripts_carry,
    every_page_has_a_nonce_policy_and_no_script_without_its_nonce,
    csp_reports_from_our_pages_are_recorded_and_other_sites_refused,
);

async fn every_response_carries_security_headers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for path in [
        "/",
        "/signin",
        "/health",
        "/no-such-page",
        "/pkg/does-not-exist.js",
    ] {
        let response = app.get(path).await;
        let headers = response.headers();
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert!(headers.contains_key("referrer-policy"), "{path}");
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
    }
    assert_eq!(app.get("/no-such-page").await.status(), 404);
}

async fn pages_get_a_fresh_csp_nonce_that_their_scripts_carry(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let nonce_of = |csp: &str| {
        let start = csp.find("'nonce-").expect("CSP has a nonce") + 7;
        csp[start..start + csp[start..].find('\'').unwrap()].to_owned()
    };

    let first = app.get("/signin").await;
    let csp = first.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    let html = first.text().await.unwrap();
    let second = app.get("/signin").await;
    let csp2 = second.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();

    assert!(csp.contains("'wasm-unsafe-eval'"));
    let nonce = nonce_of(&csp);
    assert_ne!(nonce, nonce_of(&csp2), "a new nonce per response");
    let script_tags: Vec<&str> = html
        .split("<script")
        .skip(1)
        .map(|rest| &rest[..rest.find('>').unwrap()])
        .collect();
    assert!(!script_tags.is_empty(), "the page has hydration scripts");
    for tag in script_tags {
        assert!(
            tag.contains(&format!("nonce=\"{nonce}\"")),
            "script without this response's nonce: <script{tag}>"
        );
    }
}

/// The nonce in a policy's `script-src`, if it has one.
fn nonce_of(csp: &str) -> Option<&str> {
    let start = csp.find("'nonce-")? + "'nonce-".len();
    Some(&csp[start..start + csp[start..].find('\'')?])
}

async fn every_page_has_a_nonce_policy_and_no_script_without_its_nonce(backend: Backend) {
    let world = World::build(TestApp::spawn(backend).await).await;
    let pages: Vec<_> = inventory()
        .into_iter()
        .filter(|route| route.kind == RouteKind::Page)
        .map(|route| {
            RULES
                .iter()
                .find(|rule| rule.method == "GET" && rule.route == route.path)
                .expect("every page has a rule (the matrix checks)")
        })
        .collect();
    assert!(pages.len() >= 20, "every page route");
    for rule in pages {
        // The questionnaire as its respondent sees it; everything else as the admin.
        let who = if rule.route.starts_with("/a/") {
            Actor::Respondent
        } else {
            Actor::Admin
        };
        let browser = &world.visitors[&who].browser;
        let mut path = world.fill(rule.path);
        let mut response = browser.get(world.app.url(&path)).send().await.unwrap();
        if response.status().is_redirection() {
            // e.g. the thank-you page before submitting: check where it leads instead.
            path = revalign_tests::location(&response);
            response = browser.get(world.app.url(&path)).send().await.unwrap();
        }
        let headers = response.headers().clone();
        let html = response.text().await.unwrap();
        assert!(
            html.starts_with("<!DOCTYPE html>"),
            "{path} is a page: {html}"
        );
        assert_eq!(headers["x-frame-options"], "DENY", "{path}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        let csp = headers["content-security-policy"].to_str().unwrap();
        let nonce = nonce_of(csp).unwrap_or_else(|| panic!("{path}: no nonce in {csp}"));
        for directive in [
            "object-src 'none'",
            "base-uri 'none'",
            "frame-ancestors 'none'",
            "report-uri /csp-reports",
        ] {
            assert!(csp.contains(directive), "{path}: {csp} lacks {directive}");
        }
        assert!(!csp.contains("'unsafe-inline'"), "{path}: {csp}");
        for tag in html.split("<script").skip(1) {
            let tag = &tag[..tag.find('>').unwrap()];
            assert!(
                tag.contains(&format!("nonce=\"{nonce}\"")),
                "{path}: a script without this response's nonce: <script{tag}>"
            );
        }
    }
}

/// `POST /csp-reports` takes both report formats from our own pages (as Chromium sends them:
/// `Sec-Fetch-Site: same-origin`, or only our `Origin`) and keeps each violation where the
/// browser tests read them; other sites, other body types and oversized bodies are refused
/// and leave nothing behind.
async fn csp_reports_from_our_pages_are_recorded_and_other_sites_refused(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let legacy = serde_json::json!({"csp-report": {
        "document-uri": app.url("/signin"),
        "effective-directive": "script-src-elem",
        "blocked-uri": "inline",
        "line-number": 7
    }})
    .to_string();
    let reporting = serde_json::json!([{"type": "csp-violation", "body": {
        "documentURL": app.url("/dashboard"),
        "effectiveDirective": "img-src",
        "blockedURL": "https://evil.example/pixel.png"
    }}])
    .to_string();
    let post = |content_type: &str, body: String| {
        app.client
            .post(app.url("/csp-reports"))
            .header("Content-Type", content_type)
            .body(body)
    };

    let same_origin = post("application/csp-report", legacy.clone())
        .header("Sec-Fetch-Site", "same-origin")
        .send()
        .await
        .unwrap();
    let our_origin = post("application/reports+json", reporting.clone())
        .header("Origin", &app.address)
        .send()
        .await
        .unwrap();
    assert_eq!(same_origin.status(), 204);
    assert_eq!(our_origin.status(), 204);
    assert_eq!(
        app.state.csp_reports.take(),
        vec![
            format!("script-src-elem blocked inline on {}", app.url("/signin")),
            format!(
                "img-src blocked https://evil.example/pixel.png on {}",
                app.url("/dashboard")
            ),
        ]
    );

    let foreign = post("application/csp-report", legacy.clone())
        .header("Origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    let cross_site = post("application/reports+json", reporting)
        .header("Sec-Fetch-Site", "cross-site")
        .send()
        .await
        .unwrap();
    let no_origin = post("application/csp-report", legacy.clone())
        .send()
        .await
        .unwrap();
    let wrong_type = post("text/plain", legacy.clone())
        .header("Sec-Fetch-Site", "same-origin")
        .send()
        .await
        .unwrap();
    let too_large = post(
        "application/csp-report",
        format!(
            "{{\"csp-report\": {{\"blocked-uri\": \"{}\"}}}}",
            "x".repeat(20_000)
        ),
    )
    .header("Sec-Fetch-Site", "same-origin")
    .send()
    .await
    .unwrap();
    let not_a_report = post("application/csp-report", "{}".to_owned())
        .header("Sec-Fetch-Site", "same-origin")
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), 403);
    assert_eq!(cross_site.status(), 403);
    assert_eq!(no_origin.status(), 403);
    assert_eq!(wrong_type.status(), 415);
    assert_eq!(too_large.status(), 413);
    assert_eq!(not_a_report.status(), 400);
    assert!(app.state.csp_reports.list().is_empty(), "nothing recorded");
}
