//! Point 8: no secret reaches a browser or an API client: no password hash, no stored token
//! hash, no session or API token of anyone else, no e-mail address of another
//! organisation's people — checked on every page, download and API read, for every visitor.

use crate::authorization::RULES;
use crate::world::{Actor, World};
use revalign_tests::{on_both_backends, Backend, TestApp, PASSWORD};

on_both_backends!(
    no_secret_reaches_the_browser,
    no_read_anywhere_carries_a_secret
);

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

async fn no_read_anywhere_carries_a_secret(backend: Backend) {
    let world = World::build(TestApp::spawn(backend).await).await;
    let db = world.app.state.db.pool();
    let mut stored: Vec<String> = Vec::new();
    for query in [
        "SELECT password_hash FROM users",
        "SELECT token_hash FROM sessions",
        "SELECT token_hash FROM api_tokens",
        "SELECT token_hash FROM invites",
    ] {
        stored.extend(
            sqlx::query_scalar::<_, String>(query)
                .fetch_all(db)
                .await
                .unwrap(),
        );
    }
    assert!(
        stored.len() >= 10,
        "hashes of passwords, sessions, tokens, invites"
    );
    let reads: Vec<_> = RULES.iter().filter(|rule| rule.method == "GET").collect();
    let mut leaks = Vec::new();
    for actor in Actor::ALL {
        let visitor = &world.visitors[&actor];
        // Everyone's API token but this visitor's own.
        let mut secrets: Vec<String> = world
            .visitors
            .iter()
            .filter(|(other, _)| **other != actor)
            .filter_map(|(_, v)| v.token.clone())
            .collect();
        secrets.extend(stored.iter().cloned());
        secrets.push("$argon2".into());
        // People of the other organisation: Gus for Acme's visitors, Acme's for Gus.
        if actor == Actor::OtherAdmin {
            secrets.extend(["ana@acme.test", "ben@acme.test", "ivy@acme.test"].map(String::from));
        } else {
            secrets.push("gus@globex.test".into());
        }
        for rule in &reads {
            let url = world.app.url(&world.fill(rule.path));
            let request = if rule.route.starts_with("/api/") {
                let request = reqwest::Client::new().get(&url);
                match &visitor.token {
                    Some(token) => request.bearer_auth(token),
                    None => request,
                }
            } else {
                visitor.browser.get(&url)
            };
            let body = request.send().await.unwrap().text().await.unwrap();
            for secret in &secrets {
                if body.contains(secret.as_str()) {
                    leaks.push(format!("{actor:?} GET {}: {secret}", rule.path));
                }
            }
        }
    }
    assert!(
        leaks.is_empty(),
        "secrets in responses:\n{}",
        leaks.join("\n")
    );
}
