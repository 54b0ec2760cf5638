//! The in-flight limit: with every place taken, a request waits the queue timeout and is
//! then answered 503 with `Retry-After`, in the form its caller can read.

use crate::survey::Survey;
use revalign_tests::{on_both_backends, Backend, TestApp};
use std::time::{Duration, Instant};

on_both_backends!(past_the_in_flight_limit_requests_wait_briefly_then_hear_busy);

async fn past_the_in_flight_limit_requests_wait_briefly_then_hear_busy(backend: Backend) {
    let _turn = crate::ONE_AT_A_TIME.lock().await;
    let app = TestApp::spawn_with(backend, |settings| {
        settings.max_in_flight = 2;
        settings.queue_timeout_ms = 200;
        settings.db_max_connections = 1;
        settings.db_acquire_timeout_secs = 5;
    })
    .await;
    let survey = Survey::launch(&app).await;

    // Two API reads take both places and then wait for the only connection, held here.
    let held = app.state.db.pool().acquire().await.expect("a connection");
    let slow = |client: reqwest::Client, url: String, token: String| async move {
        client.get(url).bearer_auth(token).send().await.unwrap()
    };
    let first = tokio::spawn(slow(
        app.client.clone(),
        app.url("/api/v1/campaigns"),
        survey.token.clone(),
    ));
    let second = tokio::spawn(slow(
        app.client.clone(),
        app.url("/api/v1/campaigns"),
        survey.token.clone(),
    ));
    tokio::time::sleep(Duration::from_millis(300)).await;

    let started = Instant::now();
    let api = app
        .client
        .get(app.url("/api/v1/campaigns"))
        .bearer_auth(&survey.token)
        .send()
        .await
        .unwrap();
    let waited = started.elapsed();
    assert_eq!(api.status(), 503);
    assert_eq!(api.headers()["retry-after"], "5");
    assert!(
        waited >= Duration::from_millis(200) && waited < Duration::from_secs(1),
        "waited the queue timeout, then heard at once: {waited:?}"
    );
    let body: serde_json::Value = api.json().await.unwrap();
    assert!(body["message"].as_str().unwrap().contains("busy"));

    // A browser asking for a page gets a page.
    let page = reqwest::Client::new()
        .get(app.url("/signin"))
        .header("Accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 503);
    assert!(page.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    assert!(page.text().await.unwrap().contains("<h1>Busy</h1>"));

    // A plain form post: the page says nothing was taken and leads back to the form.
    let form = reqwest::Client::new()
        .post(app.url("/signin"))
        .header("Accept", "text/html")
        .header("Origin", &app.address)
        .header("Referer", app.url("/signin?next=/dashboard"))
        .form(&[("email", "ana@acme.test"), ("password", "whatever")])
        .send()
        .await
        .unwrap();
    assert_eq!(form.status(), 503);
    let text = form.text().await.unwrap();
    assert!(text.contains("did not take this form"), "{text}");
    assert!(text.contains("href=\"/signin?next=/dashboard\""), "{text}");

    // Static files are not counted: the stylesheet of that page still comes.
    let css = app.get("/pkg/revalign.css").await;
    assert_ne!(css.status(), 503, "static files pass the limit");

    drop(held);
    for request in [first, second] {
        let response = request.await.unwrap();
        assert_eq!(response.status(), 200, "the requests let in finish");
    }
    let after = app
        .client
        .get(app.url("/api/v1/campaigns"))
        .bearer_auth(&survey.token)
        .send()
        .await
        .unwrap();
    assert_eq!(after.status(), 200, "places are given back");
}
