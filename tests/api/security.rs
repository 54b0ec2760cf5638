use revalign_tests::{on_both_backends, Backend, TestApp};

const PASSWORD: &str = "correct horse battery";

on_both_backends!(
    cross_site_posts_are_rejected,
    server_functions_reject_cross_site_posts_too,
    state_changing_endpoints_do_not_answer_get,
    every_response_carries_security_headers,
    pages_get_a_fresh_csp_nonce_that_their_scripts_carry,
    no_secret_reaches_the_browser,
);

async fn cross_site_posts_are_rejected(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let fields = [
        ("organisation_name", "Evil"),
        ("display_name", "Eve"),
        ("email", "eve@evil.test"),
        ("password", PASSWORD),
    ];

    let foreign_origin = app
        .client
        .post(app.url("/signup"))
        .header("Origin", "http://evil.test")
        .form(&fields)
        .send()
        .await
        .unwrap();
    let no_origin = app
        .client
        .post(app.url("/signup"))
        .form(&fields)
        .send()
        .await
        .unwrap();
    let fetch_metadata = app
        .client
        .post(app.url("/signup"))
        .header("Origin", &app.address)
        .header("Sec-Fetch-Site", "cross-site")
        .form(&fields)
        .send()
        .await
        .unwrap();

    assert_eq!(foreign_origin.status(), 403);
    assert_eq!(no_origin.status(), 403);
    assert_eq!(fetch_metadata.status(), 403);
    // Nothing was created: signing in with those details fails.
    assert_eq!(app.sign_in("eve@evil.test", PASSWORD).await.status(), 303);
    assert!(app.page("/signin").await.contains("incorrect"));
}

async fn server_functions_reject_cross_site_posts_too(backend: Backend) {
    let app = TestApp::spawn(backend).await;

    let response = app
        .client
        .post(app.url("/_fn/public_page"))
        .header("Origin", "http://evil.test")
        .send()
        .await
        .unwrap();
    let same_origin = app
        .client
        .post(app.url("/_fn/public_page"))
        .header("Sec-Fetch-Site", "same-origin")
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), 403);
    assert_eq!(same_origin.status(), 200);
}

async fn state_changing_endpoints_do_not_answer_get(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("Acme", "Ana", "ana@acme.test", PASSWORD).await;

    let sign_out_by_get = app.get("/signout").await;

    assert_ne!(sign_out_by_get.status(), 303);
    assert_eq!(app.get("/dashboard").await.status(), 200, "still signed in");
}

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

async fn no_secret_reaches_the_browser(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let response = app.sign_up("Acme", "Ana", "ana@acme.test", PASSWORD).await;
    let token =
        revalign_tests::cookie_value(&response, "revalign_session").expect("a session cookie");

    for path in ["/dashboard", "/settings", "/"] {
        let page = app.page(path).await;
        assert!(!page.contains(&token), "{path} shows the session token");
        assert!(!page.contains("$argon2"), "{path} shows a password hash");
    }
}
