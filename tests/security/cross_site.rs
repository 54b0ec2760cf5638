//! Point 1: state-changing requests from other sites are refused — a foreign `Origin`, or
//! no `Origin` with `Sec-Fetch-Site: cross-site` — on every form post, every server function
//! and every API route, even when the browser carries a valid session cookie.

use crate::world::{Actor, World};
use revalign_tests::{on_both_backends, Backend, TestApp, PASSWORD};
use server::endpoints::{inventory, RouteKind};

on_both_backends!(
    cross_site_posts_are_rejected,
    server_functions_reject_cross_site_posts_too,
    state_changing_endpoints_do_not_answer_get,
    every_state_changing_route_refuses_other_sites,
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
    // The refusal says what to do, in the browser's language.
    let chinese = app
        .client
        .post(app.url("/signup"))
        .header("Origin", "http://evil.test")
        .header("Accept-Language", "zh-CN")
        .form(&fields)
        .send()
        .await
        .unwrap();
    assert_eq!(chinese.status(), 403);
    assert_eq!(
        chinese.text().await.unwrap(),
        "此请求并非来自 RevAlign 页面，已被拒绝。请刷新页面后重试。"
    );
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

/// Any concrete value for each route parameter; the request never gets past the check.
fn concrete(world: &World, route: &str) -> String {
    route
        .split('/')
        .map(|segment| {
            if segment.starts_with('{') {
                world.values["campaign"].as_str()
            } else {
                segment
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

async fn every_state_changing_route_refuses_other_sites(backend: Backend) {
    let world = World::build(TestApp::spawn(backend).await).await;
    let app = &world.app;
    // The admin's browser: signed in, so only the request's origin can stop it.
    let browser = &world.visitors[&Actor::Admin].browser;
    let routes: Vec<_> = inventory()
        .into_iter()
        .filter(|route| route.method != http::Method::GET)
        .collect();
    assert!(
        routes.len() > 40,
        "forms, server functions and API: {routes:#?}"
    );
    let mut accepted = Vec::new();
    for route in &routes {
        let url = app.url(&concrete(&world, &route.path));
        let foreign = browser
            .request(route.method.clone(), &url)
            .header("Origin", "https://evil.example")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body("name=x")
            .send()
            .await
            .unwrap();
        let cross_site = browser
            .request(route.method.clone(), &url)
            .header("Sec-Fetch-Site", "cross-site")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body("name=x")
            .send()
            .await
            .unwrap();
        // The API never reads cookies: without its bearer token it answers 401.
        let refused = if route.kind == RouteKind::Api {
            401
        } else {
            403
        };
        for (how, response) in [("foreign Origin", foreign), ("Sec-Fetch-Site", cross_site)] {
            if response.status() != refused {
                accepted.push(format!(
                    "{} {} with {how}: {}",
                    route.method,
                    route.path,
                    response.status()
                ));
            }
        }
    }
    assert!(accepted.is_empty(), "not refused:\n{}", accepted.join("\n"));
    // Nothing happened: the campaign every route pointed at is still open.
    let campaign = app
        .page(&format!("/assessments/{}", world.values["campaign"]))
        .await;
    assert!(campaign.contains("Close the assessment"), "still open");
}
