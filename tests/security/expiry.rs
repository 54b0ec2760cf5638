//! Point 4: sessions end after 12 hours without activity and 14 days after sign-in however
//! active, measured on the server's clock (moved by the test).

use revalign_tests::{on_both_backends, Backend, TestApp, PASSWORD};

on_both_backends!(
    idle_sessions_expire,
    sessions_end_after_their_absolute_lifetime
);

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
