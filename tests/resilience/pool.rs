//! The database pool runs dry: every kind of request (page, form, server function, API,
//! autosave) is answered 503 with `Retry-After` once the bounded wait for a connection is
//! over, and nothing stalls or is lost.

use crate::survey::{Respondent, Survey};
use revalign_tests::{on_both_backends, Backend, TestApp};
use std::time::{Duration, Instant};

on_both_backends!(an_exhausted_pool_answers_503_with_retry_after_and_recovers);

/// The pool of this test: two connections, and a one-second wait for one.
fn small_pool(settings: &mut server::Settings) {
    settings.db_max_connections = 2;
    settings.db_acquire_timeout_secs = 1;
}

async fn an_exhausted_pool_answers_503_with_retry_after_and_recovers(backend: Backend) {
    let _turn = crate::ONE_AT_A_TIME.lock().await;
    let app = TestApp::spawn_with(backend, small_pool).await;
    let survey = Survey::launch(&app).await;
    let respondent = Respondent::new(&app.address, &survey.link);
    respondent.start().await.expect("start");
    let (step, question) = survey.questions()[0].clone();

    // Something else holds every connection (a long report, a stuck migration...).
    let pool = app.state.db.pool();
    let held = vec![
        pool.acquire().await.expect("a connection"),
        pool.acquire().await.expect("a connection"),
    ];

    let started = Instant::now();
    let api = app
        .client
        .get(app.url("/api/v1/campaigns"))
        .bearer_auth(&survey.token)
        .send()
        .await
        .unwrap();
    assert_busy(&api, "the JSON API");
    let body: serde_json::Value = api.json().await.unwrap();
    assert!(body["message"].as_str().unwrap().contains("busy"), "{body}");

    // The signed-in admin's page: 503, not a sign-in redirect (the session could not be read).
    let page = app.get("/dashboard").await;
    assert_busy(&page, "a signed-in page");
    assert!(page.text().await.unwrap().contains("busy right now"));

    // A plain form post (JavaScript off) gets a page that says to send it again.
    let form = app
        .post_form(
            "/assessments",
            &[("name", "Another"), ("model", "revops-maturity")],
        )
        .await;
    assert_busy(&form, "a plain form post");

    // The questionnaire's autosave (JSON, no account).
    let save = respondent.autosave(step, &question, "4").await.unwrap();
    assert_eq!(save.0, 503, "autosave: {:?}", save.1);

    // A server function called over HTTP (as an island or a client-side load would).
    let token = survey.link.trim_start_matches("/a/");
    let server_fn = reqwest::Client::new()
        .post(app.url("/_fn/respondent_page"))
        .header("Origin", &app.address)
        .form(&[("token", token)])
        .send()
        .await
        .unwrap();
    assert_busy(&server_fn, "a server function");

    let waited = started.elapsed();
    assert!(
        waited < Duration::from_secs(5 * 3),
        "five requests each waited about the 1 s bound, not longer: {waited:?}"
    );

    drop(held);
    let save = respondent.autosave(step, &question, "4").await.unwrap();
    assert_eq!(save.0, 200, "saved once connections are free: {:?}", save.1);
    let api = app
        .client
        .get(app.url("/api/v1/campaigns"))
        .bearer_auth(&survey.token)
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), 200);
    assert_eq!(app.get("/dashboard").await.status(), 200);
}

fn assert_busy(response: &reqwest::Response, what: &str) {
    assert_eq!(response.status(), 503, "{what}");
    assert_eq!(
        response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("5"),
        "{what} says when to retry"
    );
}
