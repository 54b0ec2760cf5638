use revalign_tests::{cookie_value, location, on_both_backends, Backend, TestApp};

const PASSWORD: &str = "correct horse battery";

on_both_backends!(
    an_admin_invites_a_member_who_joins_with_a_new_account,
    an_invite_link_works_only_once,
    members_cannot_create_invites,
    organisations_never_see_each_others_members_or_invites,
    revoking_another_organisations_invite_is_not_found,
    pages_render_completely_under_concurrent_requests,
    invite_links_use_the_configured_public_address,
);

/// Creates an invite as the signed-in admin and returns the link's path.
async fn create_invite(app: &TestApp, role: &str, note: &str) -> String {
    let response = app
        .post_form("/settings/invites", &[("role", role), ("note", note)])
        .await;
    assert_eq!(location(&response), "/settings");
    let page = app.page("/settings").await;
    let start = page
        .find("/invites/")
        .expect("the settings page shows the new link");
    let end = page[start..].find('"').unwrap() + start;
    page[start..end].to_owned()
}

async fn an_admin_invites_a_member_who_joins_with_a_new_account(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("Acme", "Ana Admin", "ana@acme.test", PASSWORD)
        .await;
    let link = create_invite(&app, "member", "for Ben in sales").await;
    let ben = TestApp::browser_like_client();

    let invite_page = app.page_as(&ben, &link).await;
    assert!(invite_page.contains("Ana Admin invited you to join Acme as member."));
    let joined = app
        .post_form_as(
            &ben,
            &format!("{link}/signup"),
            &[
                ("display_name", "Ben Sales"),
                ("email", "ben@acme.test"),
                ("password", PASSWORD),
            ],
        )
        .await;

    assert_eq!(location(&joined), "/dashboard");
    let settings = app.page_as(&ben, "/settings").await;
    assert!(
        settings.contains("Ben Sales") && settings.contains("Ana Admin"),
        "both are members"
    );
    assert!(
        !settings.contains("Invite a colleague"),
        "members do not get the invite form"
    );
    assert!(app
        .page("/settings")
        .await
        .contains("Accepted by Ben Sales"));
}

async fn an_invite_link_works_only_once(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("Acme", "Ana", "ana@acme.test", PASSWORD).await;
    let link = create_invite(&app, "member", "").await;
    let first = TestApp::browser_like_client();
    app.post_form_as(
        &first,
        &format!("{link}/signup"),
        &[
            ("display_name", "Ben"),
            ("email", "ben@acme.test"),
            ("password", PASSWORD),
        ],
    )
    .await;
    let second = TestApp::browser_like_client();

    let response = app
        .post_form_json_as(
            &second,
            &format!("{link}/signup"),
            &[
                ("display_name", "Eve"),
                ("email", "eve@acme.test"),
                ("password", PASSWORD),
            ],
        )
        .await;

    assert_eq!(response.status(), 422);
    assert!(response.text().await.unwrap().contains("already been used"));
    let page = app.page_as(&second, &link).await;
    assert!(page.contains("This invite has already been used."));
}

async fn members_cannot_create_invites(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("Acme", "Ana", "ana@acme.test", PASSWORD).await;
    let link = create_invite(&app, "member", "").await;
    let member = TestApp::browser_like_client();
    app.post_form_as(
        &member,
        &format!("{link}/signup"),
        &[
            ("display_name", "Ben"),
            ("email", "ben@acme.test"),
            ("password", PASSWORD),
        ],
    )
    .await;

    let response = app
        .post_form_json_as(
            &member,
            "/settings/invites",
            &[("role", "admin"), ("note", "")],
        )
        .await;

    assert_eq!(response.status(), 403);
}

async fn organisations_never_see_each_others_members_or_invites(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("Acme", "Ana Acme", "ana@acme.test", PASSWORD)
        .await;
    create_invite(&app, "admin", "secret-acme-note").await;
    let globex = TestApp::browser_like_client();
    app.post_form_as(
        &globex,
        "/signup",
        &[
            ("organisation_name", "Globex"),
            ("display_name", "Gil Globex"),
            ("email", "gil@globex.test"),
            ("password", PASSWORD),
        ],
    )
    .await;

    let globex_settings = app.page_as(&globex, "/settings").await;

    assert!(globex_settings.contains("Gil Globex"));
    for foreign in ["Acme", "ana@acme.test", "secret-acme-note"] {
        assert!(!globex_settings.contains(foreign), "Globex sees {foreign}");
    }
}

async fn revoking_another_organisations_invite_is_not_found(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("Acme", "Ana", "ana@acme.test", PASSWORD).await;
    create_invite(&app, "member", "acme invite").await;
    let settings = app.page("/settings").await;
    let start = settings.find("/settings/invites/").unwrap();
    let end = settings[start..].find('"').unwrap() + start;
    let revoke_path = settings[start..end].to_owned();
    let globex = TestApp::browser_like_client();
    app.post_form_as(
        &globex,
        "/signup",
        &[
            ("organisation_name", "Globex"),
            ("display_name", "Gil"),
            ("email", "gil@globex.test"),
            ("password", PASSWORD),
        ],
    )
    .await;

    let response = app.post_form_json_as(&globex, &revoke_path, &[]).await;

    assert_eq!(response.status(), 404);
    assert!(
        app.page("/settings").await.contains("Open until"),
        "Acme's invite is still open"
    );
}

/// Many pages rendered at once all finish. (Regression: while leptos generated a route list
/// it suppressed resource loading process-wide, so a page rendering then never finished;
/// routes are now generated once per process.)
async fn pages_render_completely_under_concurrent_requests(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("Acme", "Ana", "ana@acme.test", PASSWORD).await;
    create_invite(&app, "member", "load").await;

    let requests = (0..40).map(|i| {
        let path = ["/settings", "/dashboard", "/signin", "/"][i % 4];
        let request = app.client.get(app.url(path)).send();
        async move { (path, request.await.unwrap()) }
    });
    let responses = futures::future::join_all(requests).await;

    for (path, response) in responses {
        let status = response.status().as_u16();
        assert!(
            status == 200 || (path == "/" && status == 302),
            "{path} answered {status}"
        );
        let body = response.text().await.unwrap();
        if status == 200 {
            assert!(
                body.contains("</footer></body></html>"),
                "{path} was cut off: ...{}",
                &body[body.len().saturating_sub(300)..]
            );
        }
    }
}

async fn invite_links_use_the_configured_public_address(backend: Backend) {
    const PUBLIC: &str = "https://revalign.example";
    let app = TestApp::spawn_with(backend, |settings| {
        settings.public_url = Some(PUBLIC.parse().unwrap())
    })
    .await;
    // Secure cookies are not sent back over plain http by a cookie jar: carry them by hand.
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let cookie_pair = |response: &reqwest::Response, name: &str| {
        let value = cookie_value(response, name).unwrap_or_else(|| panic!("no {name} cookie"));
        format!("{name}={value}")
    };
    let signed_up = client
        .post(app.url("/signup"))
        .header("Origin", PUBLIC)
        .form(&[
            ("organisation_name", "Acme"),
            ("display_name", "Ana"),
            ("email", "ana@acme.test"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    let session = cookie_pair(&signed_up, "__Host-revalign_session");

    let created = client
        .post(app.url("/settings/invites"))
        // No Origin header (a same-origin browser post may omit it): the link must still
        // use the public address, not the Host this request arrived at.
        .header("Sec-Fetch-Site", "same-origin")
        .header("Cookie", &session)
        .form(&[("role", "member"), ("note", "")])
        .send()
        .await
        .unwrap();
    let flash = cookie_pair(&created, "revalign_flash");
    let page = client
        .get(app.url("/settings"))
        .header("Cookie", format!("{session}; {flash}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();

    assert!(
        page.contains(&format!("{PUBLIC}/invites/")),
        "the link points at the public address"
    );
}
