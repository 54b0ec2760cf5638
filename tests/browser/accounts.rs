use revalign_tests::browser::{assert_no_console_errors, require_built_site, Driver};
use revalign_tests::{Backend, TestApp};

const PASSWORD: &str = "correct horse battery";

/// Sign up, sign out, sign in (a wrong password first, answered in place), invite a
/// colleague who accepts in a second browser; no console error or hydration panic anywhere.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn owner_signs_up_invites_a_colleague_who_joins_in_another_browser() {
    require_built_site();
    let app = TestApp::spawn(Backend::Sqlite).await;
    let driver = Driver::start().await;
    let owner = driver.browser(true).await;

    owner.goto(&app.url("/signup")).await;
    owner.wait_for_hydration().await;
    owner.fill("Organisation name", "Acme Revenue").await;
    owner.fill("Your name", "Ana Owner").await;
    owner.fill("Work e-mail address", "ana@acme.test").await;
    owner.fill("Password", PASSWORD).await;
    owner.click_button("Create organisation").await;
    owner.wait_for_heading("Acme Revenue").await;
    assert!(owner.url().await.ends_with("/dashboard"));
    assert_no_console_errors(&owner, "sign-up and dashboard").await;

    owner.click_button("Sign out").await;
    owner.wait_for_heading("Sign in").await;
    owner
        .wait_for_text(
            "//p[contains(., 'You have signed out.')]",
            "signed-out notice",
        )
        .await;

    // A wrong password: the message appears in place, without a page load.
    owner.wait_for_hydration().await;
    owner
        .client
        .execute("window.__samePage = true;", vec![])
        .await
        .unwrap();
    owner.fill("E-mail address", "ana@acme.test").await;
    owner.fill("Password", "not the password").await;
    owner.click_button("Sign in").await;
    owner
        .wait_for_text(
            "//p[@data-form-error and contains(., 'incorrect')]",
            "sign-in error",
        )
        .await;
    let same_page = owner
        .client
        .execute("return window.__samePage === true;", vec![])
        .await
        .unwrap();
    assert_eq!(
        same_page,
        serde_json::json!(true),
        "the error arrived without reloading the page"
    );
    owner.fill("Password", PASSWORD).await;
    owner.click_button("Sign in").await;
    owner.wait_for_heading("Acme Revenue").await;
    // Success too arrives without a page load: the dashboard was fetched and swapped in.
    let same_page = owner
        .client
        .execute("return window.__samePage === true;", vec![])
        .await
        .unwrap();
    assert_eq!(
        same_page,
        serde_json::json!(true),
        "signing in swapped the page in without reloading it"
    );
    assert!(
        owner.url().await.ends_with("/dashboard"),
        "the address bar follows"
    );

    // Invite a colleague.
    owner.goto(&app.url("/settings")).await;
    owner.wait_for_hydration().await;
    owner.fill("Note (optional)", "Ben, sales ops").await;
    owner.click_button("Create invite link").await;
    owner
        .wait_for_text("//input[@id='new-invite-link']", "invite link")
        .await;
    let link = owner
        .field("Invite link (shown only now, copy it before leaving this page)")
        .await
        .prop("value")
        .await
        .unwrap()
        .expect("the link field has a value");
    assert!(link.starts_with(&app.address), "{link}");
    assert_no_console_errors(&owner, "settings").await;

    let colleague = driver.browser(true).await;
    colleague.goto(&link).await;
    colleague.wait_for_heading("Join Acme Revenue").await;
    colleague.wait_for_hydration().await;
    colleague.fill("Your name", "Ben Sales").await;
    colleague.fill("Work e-mail address", "ben@acme.test").await;
    colleague.fill("Password", PASSWORD).await;
    colleague.click_button("Create account and join").await;
    colleague.wait_for_heading("Acme Revenue").await;
    assert_no_console_errors(&colleague, "invite and dashboard").await;

    owner.goto(&app.url("/settings")).await;
    owner
        .wait_for_text(
            "//td[contains(., 'Accepted by Ben Sales')]",
            "accepted invite",
        )
        .await;
    assert_no_console_errors(&owner, "settings after the invite").await;
    colleague.close().await;
    owner.close().await;
}

/// With JavaScript off, sign-in works through plain form posts, errors included.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_works_with_javascript_disabled() {
    require_built_site();
    let app = TestApp::spawn(Backend::Sqlite).await;
    app.sign_up("Acme Revenue", "Ana Owner", "ana@acme.test", PASSWORD)
        .await;
    let driver = Driver::start().await;
    let browser = driver.browser(false).await;

    browser.goto(&app.url("/signin")).await;
    browser.fill("E-mail address", "ana@acme.test").await;
    browser.fill("Password", "not the password").await;
    browser.click_button("Sign in").await;
    browser
        .wait_for_text(
            "//p[@data-form-error and contains(., 'incorrect')]",
            "sign-in error",
        )
        .await;
    assert_eq!(
        browser
            .field("E-mail address")
            .await
            .prop("value")
            .await
            .unwrap()
            .as_deref(),
        Some("ana@acme.test"),
        "the e-mail address is kept"
    );
    browser.fill("Password", PASSWORD).await;
    browser.click_button("Sign in").await;
    browser.wait_for_heading("Acme Revenue").await;
    let enhanced = browser
        .client
        .find_all(fantoccini::Locator::Css("[data-enhanced]"))
        .await
        .unwrap();
    assert!(enhanced.is_empty(), "no script ran");
    browser.close().await;
}
