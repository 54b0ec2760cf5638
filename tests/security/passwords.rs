//! Point 5: passwords are stored as argon2id with the recommended parameters, sign-in is
//! rate-limited (429 with Retry-After) per account and per address, and an unknown e-mail
//! gets exactly the answer a wrong password gets.

use revalign_tests::{location, on_both_backends, Backend, TestApp, PASSWORD};

on_both_backends!(
    stored_hashes_are_argon2id_with_owasp_parameters,
    sign_in_fails_with_the_same_message_for_unknown_user_and_wrong_password,
    sign_in_is_rate_limited_per_account_with_retry_after,
    sign_in_is_rate_limited_per_client_address,
);

async fn stored_hashes_are_argon2id_with_owasp_parameters(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("Acme", "Ana", "ana@acme.test", PASSWORD).await;
    app.join_as_member("Ben", "ben@acme.test", PASSWORD).await;

    let hashes: Vec<String> = sqlx::query_scalar("SELECT password_hash FROM users")
        .fetch_all(app.state.db.pool())
        .await
        .unwrap();

    assert_eq!(hashes.len(), 2);
    for hash in &hashes {
        // PHC string: algorithm, version 0x13, 19 MiB memory, 2 passes, 1 lane (OWASP's
        // first recommendation for argon2id), then a salt and the hash.
        let parts: Vec<&str> = hash.split('$').collect();
        assert_eq!(
            parts[1..4],
            ["argon2id", "v=19", "m=19456,t=2,p=1"],
            "{hash}"
        );
        assert!(parts[4].len() >= 22, "a salt of at least 16 bytes: {hash}");
        assert!(!hash.contains(PASSWORD));
    }
    assert_ne!(hashes[0], hashes[1], "the same password, salted apart");
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

    // With JavaScript off too: the same redirect, and the same page after it.
    let mut shown = Vec::new();
    for email in ["ana@acme.test", "nobody@acme.test"] {
        let browser = TestApp::browser_like_client();
        let response = app.post_form_as(&browser, "/signin", &fields(email)).await;
        assert_eq!(response.status(), 303);
        let back = location(&response);
        let page = app.page_as(&browser, &back).await;
        let message = page
            .split("role=\"alert\"")
            .nth(1)
            .map(|rest| rest[..rest.find('<').unwrap()].to_owned())
            .expect("the sign-in page says what went wrong");
        shown.push((back, message));
    }
    assert_eq!(shown[0], shown[1]);
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
