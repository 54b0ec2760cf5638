//! Point 3: a new session id at every sign-in (the one from before is dead), and a session
//! cookie that stops working the moment its owner signs out or is removed from the
//! organisation — the API tokens of a removed member die with it.

use crate::world::remove_path;
use revalign_tests::api::{create_token, Api};
use revalign_tests::{
    cookie_value, location, on_both_backends, set_cookies, Backend, TestApp, PASSWORD,
};

on_both_backends!(
    session_id_changes_at_sign_in,
    sign_out_ends_the_session_on_the_server,
    removing_a_member_ends_their_sessions_and_tokens,
    only_admins_remove_members_and_never_themselves_or_the_owner,
);

/// A browser that replays a stolen or stale session cookie.
async fn replay(app: &TestApp, token: &str, path: &str) -> reqwest::Response {
    TestApp::browser_like_client()
        .get(app.url(path))
        .header("Cookie", format!("revalign_session={token}"))
        .send()
        .await
        .unwrap()
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

fn session_cookie_value(response: &reqwest::Response) -> Option<String> {
    cookie_value(response, "revalign_session")
}

async fn removing_a_member_ends_their_sessions_and_tokens(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("Acme", "Ana", "ana@acme.test", PASSWORD).await;
    let ben = app.join_as_member("Ben", "ben@acme.test", PASSWORD).await;
    let ben_token = create_token(&app, &ben, "Ben's script").await;
    // Ben is signed in twice: this browser and another one.
    let second = app
        .sign_in_as(&TestApp::browser_like_client(), "ben@acme.test", PASSWORD)
        .await;
    let second_cookie = session_cookie_value(&second).unwrap();
    assert_eq!(app.get_as(&ben, "/dashboard").await.status(), 200);
    assert_eq!(
        Api::new(&app, &ben_token).get("/api/v1/campaigns").await.0,
        200
    );

    let settings = app.page("/settings").await;
    let removed = app
        .post_form_json_as(&app.client, &remove_path(&settings, "Ben"), &[])
        .await;

    assert_eq!(removed.status(), 200, "{}", removed.text().await.unwrap());
    assert_eq!(
        app.get_as(&ben, "/dashboard").await.status(),
        302,
        "this browser is signed out"
    );
    assert_eq!(
        replay(&app, &second_cookie, "/dashboard").await.status(),
        302,
        "and the other one"
    );
    assert_eq!(
        Api::new(&app, &ben_token).get("/api/v1/campaigns").await.0,
        401,
        "his API token is revoked"
    );
    let settings = app.page("/settings").await;
    assert!(
        settings.contains("Ben was removed from the organisation"),
        "{settings}"
    );
    assert!(!settings.contains("ben@acme.test"), "no longer listed");
    // Signing in again finds no organisation to enter.
    let again = app
        .sign_in_as(&TestApp::browser_like_client(), "ben@acme.test", PASSWORD)
        .await;
    assert_ne!(location(&again), "/dashboard");
}

async fn only_admins_remove_members_and_never_themselves_or_the_owner(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("Acme", "Ana", "ana@acme.test", PASSWORD).await;
    let ben = app.join_as_member("Ben", "ben@acme.test", PASSWORD).await;
    let cleo = app.join_as_member("Cleo", "cleo@acme.test", PASSWORD).await;
    let as_ana = app.page("/settings").await;
    let cleo_path = remove_path(&as_ana, "Cleo");
    assert!(
        !as_ana.contains("aria-label=\"Remove Ana"),
        "no button to remove herself"
    );

    let by_member = app.post_form_json_as(&ben, &cleo_path, &[]).await;
    let owner_id = {
        let ana_id: String = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
            .bind("ana@acme.test")
            .fetch_one(app.state.db.pool())
            .await
            .unwrap();
        format!("/settings/members/{ana_id}/remove")
    };
    let owner_by_self = app.post_form_json_as(&app.client, &owner_id, &[]).await;
    let unknown = app
        .post_form_json_as(&app.client, "/settings/members/no-such-person/remove", &[])
        .await;

    assert_eq!(by_member.status(), 403, "members cannot remove anyone");
    assert_eq!(owner_by_self.status(), 422);
    assert!(owner_by_self
        .text()
        .await
        .unwrap()
        .contains("cannot remove yourself"));
    assert_eq!(unknown.status(), 404);
    assert_eq!(
        app.get_as(&cleo, "/dashboard").await.status(),
        200,
        "Cleo is still in"
    );
    assert!(
        !app.page_as(&ben, "/settings").await.contains("Remove Cleo"),
        "members see no button"
    );
}
