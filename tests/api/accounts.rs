use revalign_tests::{cookie_value, location, on_both_backends, set_cookies, Backend, TestApp};

const PASSWORD: &str = "correct horse battery";

on_both_backends!(
    sign_up_creates_an_organisation_and_signs_the_owner_in,
    sign_up_reports_every_invalid_field_and_keeps_what_was_typed,
    sign_up_with_a_taken_email_says_so_on_the_email_field,
    sign_in_fails_with_the_same_message_for_unknown_user_and_wrong_password,
    sign_in_with_javascript_gets_json_field_errors,
    sign_in_is_rate_limited_per_account_with_retry_after,
    session_id_changes_at_sign_in,
    sign_out_ends_the_session_on_the_server,
    idle_sessions_expire,
    sessions_end_after_their_absolute_lifetime,
    pages_that_need_an_account_redirect_to_sign_in,
    sign_in_is_rate_limited_per_client_address,
    over_https_the_session_cookie_is_secure_and_host_prefixed,
);

async fn sign_up_creates_an_organisation_and_signs_the_owner_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;

    let response = app
        .sign_up("Acme Corp", "Ana Owner", "ana@acme.test", PASSWORD)
        .await;

    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/dashboard");
    let dashboard = app.page("/dashboard").await;
    assert!(
        dashboard.contains("Acme Corp"),
        "dashboard shows the organisation"
    );
    assert!(dashboard.contains("Ana Owner"), "header shows the user");
}

async fn sign_up_reports_every_invalid_field_and_keeps_what_was_typed(backend: Backend) {
    let app = TestApp::spawn(backend).await;

    let response = app.sign_up("", "Ana", "not-an-email", "short").await;

    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/signup");
    let page = app.page("/signup").await;
    assert!(
        page.contains("Enter your organisation&#x27;s name.")
            || page.contains("Enter your organisation's name."),
        "{page}"
    );
    assert!(page.contains("Enter an e-mail address like name@company.com."));
    assert!(page.contains("Use at least 8 characters for your password."));
    assert!(
        page.contains("value=\"not-an-email\""),
        "the typed e-mail is kept"
    );
    assert!(
        !page.contains("value=\"short\""),
        "passwords are never echoed"
    );
    // The flash is shown once.
    assert!(!app
        .page("/signup")
        .await
        .contains("Use at least 8 characters"));
}

async fn sign_up_with_a_taken_email_says_so_on_the_email_field(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("Acme", "Ana", "ana@acme.test", PASSWORD).await;
    let other = TestApp::browser_like_client();

    let response = app
        .post_form_json_as(
            &other,
            "/signup",
            &[
                ("organisation_name", "Other"),
                ("display_name", "Bob"),
                ("email", "ANA@acme.test"),
                ("password", PASSWORD),
            ],
        )
        .await;

    assert_eq!(response.status(), 422);
    let body: serde_json::Value = response.json().await.unwrap();
    assert!(body["fields"]["email"]
        .as_str()
        .unwrap()
        .contains("already exists"));
}

async fn sign_in_fails_with_the_same_message_for_unknown_user_and_wrong_password(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("Acme", "Ana", "ana@acme.test", PASSWORD).await;
    let fields = |email| [("email", email), ("password", "wrong password!")];

    let wrong_password = app
        .post_form_json_as(
            &TestApp::browser_like_client(),
            "/signin",
            &fields("ana@acme.test"),
        )
        .await;
    let unknown_user = app
        .post_form_json_as(
            &TestApp::browser_like_client(),
            "/signin",
            &fields("nobody@acme.test"),
        )
        .await;

    assert_eq!(wrong_password.status(), 422);
    assert_eq!(unknown_user.status(), 422);
    assert_eq!(
        wrong_password.text().await.unwrap(),
        unknown_user.text().await.unwrap()
    );
}

async fn sign_in_with_javascript_gets_json_field_errors(backend: Backend) {
    let app = TestApp::spawn(backend).await;

    let response = app
        .post_form_json_as(&app.client, "/signin", &[("email", ""), ("password", "")])
        .await;

    assert_eq!(response.status(), 422);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["fields"]["email"], "Enter your e-mail address.");
    assert_eq!(body["fields"]["password"], "Enter your password.");
}

async fn sign_in_is_rate_limited_per_account_with_retry_after(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("Acme", "Ana", "ana@acme.test", PASSWORD).await;
    for _ in 0..5 {
        let response = app.sign_in("ana@acme.test", "wrong password!").await;
        assert_eq!(
            response.status(),
            303,
            "failures below the limit redirect back with a message"
        );
    }

    let limited = app.sign_in("ana@acme.test", PASSWORD).await;

    assert_eq!(
        limited.status(),
        429,
        "even the right password waits once the limit is hit"
    );
    let retry_after: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        (1..=900).contains(&retry_after),
        "Retry-After {retry_after}"
    );
    // Once the window has passed, the right password works again.
    app.clock.advance(chrono::Duration::minutes(16));
    assert_eq!(
        location(&app.sign_in("ana@acme.test", PASSWORD).await),
        "/dashboard"
    );
}

fn session_cookie_value(response: &reqwest::Response) -> Option<String> {
    cookie_value(response, "revalign_session")
}

async fn session_id_changes_at_sign_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let first =
        session_cookie_value(&app.sign_up("Acme", "Ana", "ana@acme.test", PASSWORD).await).unwrap();

    let response = app.sign_in("ana@acme.test", PASSWORD).await;
    let second = session_cookie_value(&response).expect("sign-in sets a session cookie");

    assert_ne!(first, second);
    let cookie = set_cookies(&response)
        .into_iter()
        .find(|c| c.starts_with("revalign_session="))
        .unwrap();
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
    }
    assert!(
        !cookie.contains("Secure"),
        "plain http: no Secure attribute"
    );
    // The session from before sign-in is dead.
    let stale = TestApp::browser_like_client()
        .get(app.url("/dashboard"))
        .header("Cookie", format!("revalign_session={first}"))
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), 302);
}

async fn sign_out_ends_the_session_on_the_server(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let token =
        session_cookie_value(&app.sign_up("Acme", "Ana", "ana@acme.test", PASSWORD).await).unwrap();

    let response = app.post_form("/signout", &[]).await;

    assert_eq!(location(&response), "/signin");
    let replayed = TestApp::browser_like_client()
        .get(app.url("/dashboard"))
        .header("Cookie", format!("revalign_session={token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(
        replayed.status(),
        302,
        "the old cookie no longer signs anyone in"
    );
    assert!(app.page("/signin").await.contains("You have signed out."));
}

async fn idle_sessions_expire(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("Acme", "Ana", "ana@acme.test", PASSWORD).await;
    app.clock.advance(chrono::Duration::hours(11));
    assert_eq!(
        app.get("/dashboard").await.status(),
        200,
        "11 hours idle is within the 12-hour limit"
    );

    app.clock
        .advance(chrono::Duration::hours(12) + chrono::Duration::minutes(1));

    assert_eq!(app.get("/dashboard").await.status(), 302);
}

async fn sessions_end_after_their_absolute_lifetime(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("Acme", "Ana", "ana@acme.test", PASSWORD).await;
    // Active every 10 hours, so never idle for long...
    for step in 0..33 {
        app.clock.advance(chrono::Duration::hours(10));
        assert_eq!(
            app.get("/dashboard").await.status(),
            200,
            "after {} hours",
            10 * (step + 1)
        );
    }
    // ...but 14 days after sign-in the session ends anyway.
    app.clock.advance(chrono::Duration::hours(10));
    assert_eq!(app.get("/dashboard").await.status(), 302);
}

async fn pages_that_need_an_account_redirect_to_sign_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;

    for path in ["/dashboard", "/settings"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 302, "{path}");
        assert_eq!(location(&response), format!("/signin?next={path}"));
    }
}

async fn sign_in_is_rate_limited_per_client_address(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("Acme", "Ana", "ana@acme.test", PASSWORD).await;
    // 30 failures spread over many accounts (so no single account hits its own limit).
    for i in 0..30 {
        let response = app
            .sign_in(&format!("guess{}@acme.test", i % 10), "wrong password!")
            .await;
        assert_eq!(response.status(), 303, "attempt {i}");
    }

    let limited = app.sign_in("ana@acme.test", PASSWORD).await;

    assert_eq!(
        limited.status(),
        429,
        "the address is blocked, whatever the account"
    );
    assert!(limited.headers().contains_key("retry-after"));
}

async fn over_https_the_session_cookie_is_secure_and_host_prefixed(backend: Backend) {
    let app = TestApp::spawn_with(backend, |settings| {
        settings.public_url = Some("https://revalign.example".parse().unwrap());
    })
    .await;

    let response = app
        .client
        .post(app.url("/signup"))
        .header("Origin", "https://revalign.example")
        .form(&[
            ("organisation_name", "Acme"),
            ("display_name", "Ana"),
            ("email", "ana@acme.test"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), 303);
    let cookie = set_cookies(&response)
        .into_iter()
        .find(|c| c.contains("revalign_session="))
        .expect("a session cookie");
    assert!(cookie.starts_with("__Host-revalign_session="), "{cookie}");
    for attribute in ["Secure", "HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
    }
    assert!(
        !cookie.contains("Domain="),
        "__Host- cookies carry no Domain"
    );
}
