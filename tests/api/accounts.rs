use revalign_tests::{location, on_both_backends, Backend, TestApp};

const PASSWORD: &str = "correct horse battery";

on_both_backends!(
    sign_up_creates_an_organisation_and_signs_the_owner_in,
    sign_up_reports_every_invalid_field_and_keeps_what_was_typed,
    sign_up_with_a_taken_email_says_so_on_the_email_field,
    sign_in_with_javascript_gets_json_field_errors,
    pages_that_need_an_account_redirect_to_sign_in,
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

async fn pages_that_need_an_account_redirect_to_sign_in(backend: Backend) {
    let app = TestApp::spawn(backend).await;

    for path in ["/dashboard", "/settings"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 302, "{path}");
        assert_eq!(location(&response), format!("/signin?next={path}"));
    }
}
