//! The JSON API under /api/v1: personal API tokens from settings, the same authorisation as
//! the pages, JSON errors, anonymised results and the generated OpenAPI document.

use crate::assessments::Respondent;
pub(crate) use revalign_tests::api::{
    admin_with_token, create_token, join_acme, other_organisation_token, Api,
};
use revalign_tests::api::{shown_token, status_and_json};
use revalign_tests::{location, on_both_backends, Backend, TestApp};
use serde_json::{json, Value};

const PASSWORD: &str = "correct horse battery";

on_both_backends!(
    a_member_creates_a_token_in_settings_that_is_shown_once_and_works_as_bearer,
    a_revoked_token_gets_401,
    a_token_needs_a_name_of_at_most_100_characters,
    revoking_another_persons_token_is_not_found,
    requests_without_a_valid_token_get_401_with_a_bearer_challenge,
    a_session_cookie_does_not_authenticate_the_api,
    a_member_can_read_campaigns_but_not_launch_or_manage_them,
    a_token_acts_with_its_owners_current_membership,
    an_admin_launches_reads_and_closes_a_campaign_through_the_api,
    launching_with_bad_input_is_422_naming_each_field_and_creates_nothing,
    malformed_json_is_400_and_a_body_that_does_not_fit_is_422_naming_the_field,
    another_organisations_ids_and_unknown_ids_are_404,
    results_through_the_api_equal_the_results_page_and_hide_small_functions,
    response_counts_show_numbers_per_function_and_no_identities,
    the_invitations_endpoint_lists_working_links_and_withdraws_them,
    the_openapi_document_describes_every_route_and_the_bearer_scheme,
    no_response_contains_a_token_hash_or_another_persons_token,
    state_changing_api_routes_answer_get_with_405,
    unknown_api_paths_answer_json_404,
);

/// Every API path the router serves, as the OpenAPI document must list them.
const API_PATHS: [&str; 28] = [
    "/api/v1/campaigns",
    "/api/v1/campaigns/{id}",
    "/api/v1/campaigns/{id}/close",
    "/api/v1/campaigns/{id}/responses",
    "/api/v1/campaigns/{id}/results",
    "/api/v1/campaigns/{id}/invitations",
    "/api/v1/campaigns/{id}/invitations/{link_id}/withdraw",
    "/api/v1/campaigns/{id}/roadmap",
    "/api/v1/campaigns/{id}/roadmap/settings",
    "/api/v1/campaigns/{id}/roadmap/initiatives/{initiative_id}",
    "/api/v1/campaigns/{id}/report",
    "/api/v1/campaigns/{id}/report.md",
    "/api/v1/campaigns/{id}/results.csv",
    "/api/v1/campaigns/{id}/roadmap.csv",
    "/api/v1/models",
    "/api/v1/openapi.json",
    "/api/v1/roles",
    "/api/v1/roles/{id}",
    "/api/v1/roles/{id}/stages",
    "/api/v1/roles/{id}/candidates",
    "/api/v1/candidates/{id}",
    "/api/v1/candidates/{id}/scorecards",
    "/api/v1/candidates/{id}/debrief",
    "/api/v1/candidates/{id}/decisions",
    "/api/v1/interviews",
    "/api/v1/interviews/{stage_id}/candidates/{candidate_id}",
    "/api/v1/interviews/{stage_id}/candidates/{candidate_id}/scorecard",
    "/api/v1/interviews/{stage_id}/candidates/{candidate_id}/scorecard/submit",
];

/// Ana invites Ben as a member; returns Ben's signed-in browser.
async fn member_of_acme(app: &TestApp) -> reqwest::Client {
    join_acme(app, "Ben Member", "ben@acme.test").await
}

async fn answer(app: &TestApp, link: &str, level: &str) {
    let respondent = Respondent::new(app, link);
    respondent.start().await;
    respondent.answer_all(level).await;
    assert_eq!(
        location(&respondent.submit().await),
        format!("{link}/thanks")
    );
}

async fn a_member_creates_a_token_in_settings_that_is_shown_once_and_works_as_bearer(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("Acme", "Ana Admin", "ana@acme.test", PASSWORD)
        .await;
    let ben = member_of_acme(&app).await;

    let token = create_token(&app, &ben, "Ben's export").await;

    assert!(token.starts_with("ra_") && token.len() > 40, "{token}");
    let again = app.page_as(&ben, "/settings").await;
    assert_eq!(shown_token(&again), None, "shown only once");
    assert!(!again.contains(&token));
    assert!(again.contains("Ben's export"));
    assert!(again.contains("Never"), "not used yet");
    let (status, body) = Api::new(&app, &token).get("/api/v1/campaigns").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["campaigns"], json!([]));
    assert_eq!(body["can_launch"], false);
    let used = app.page_as(&ben, "/settings").await;
    assert!(!used.contains("<td>Never</td>"), "last use is recorded");
    assert!(
        !app.page("/settings").await.contains("Ben's export"),
        "Ana does not see Ben's tokens"
    );
}

async fn a_revoked_token_gets_401(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let token = admin_with_token(&app).await;
    let api = Api::new(&app, &token);
    assert_eq!(api.get("/api/v1/campaigns").await.0, 200);
    let page = app.page("/settings").await;
    let start = page.find("/settings/tokens/").expect("a revoke button");
    let end = page[start..].find('"').unwrap() + start;

    let revoked = app.post_form(&page[start..end], &[]).await;

    assert_eq!(location(&revoked), "/settings");
    let settings = app.page("/settings").await;
    assert!(settings.contains("API token revoked"));
    assert!(settings.contains("Revoked "));
    let (status, body) = api.get("/api/v1/campaigns").await;
    assert_eq!(status, 401);
    assert!(body["message"].as_str().unwrap().contains("revoked"));
    let (status, _) = api
        .post(
            "/api/v1/campaigns",
            json!({"name": "X", "model": "revops-maturity", "functions": ["sales"]}),
        )
        .await;
    assert_eq!(status, 401);
}

async fn a_token_needs_a_name_of_at_most_100_characters(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("Acme", "Ana Admin", "ana@acme.test", PASSWORD)
        .await;
    let too_long = "x".repeat(101);

    for name in ["   ", too_long.as_str()] {
        let response = app
            .post_form_json_as(&app.client, "/settings/tokens", &[("name", name)])
            .await;
        assert_eq!(response.status(), 422);
        let body: Value = response.json().await.unwrap();
        assert!(body["fields"]["name"].is_string(), "{body}");
    }

    let settings = app.page("/settings").await;
    assert!(settings.contains("No API tokens yet."));
    assert_eq!(shown_token(&settings), None);
}

async fn revoking_another_persons_token_is_not_found(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let ana_token = admin_with_token(&app).await;
    let page = app.page("/settings").await;
    let start = page.find("/settings/tokens/").expect("a revoke button");
    let end = page[start..].find('"').unwrap() + start;
    let revoke_anas = page[start..end].to_owned();
    let ben = member_of_acme(&app).await;
    let (gus, _) = other_organisation_token(&app).await;

    for client in [&ben, &gus] {
        let response = app.post_form_json_as(client, &revoke_anas, &[]).await;
        assert_eq!(response.status(), 404);
    }

    assert_eq!(
        Api::new(&app, &ana_token).get("/api/v1/campaigns").await.0,
        200,
        "Ana's token still works"
    );
}

async fn requests_without_a_valid_token_get_401_with_a_bearer_challenge(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let token = admin_with_token(&app).await;
    let client = reqwest::Client::new();

    let none = client
        .get(app.url("/api/v1/campaigns"))
        .send()
        .await
        .unwrap();
    let wrong = client
        .get(app.url("/api/v1/campaigns"))
        .bearer_auth(format!("{token}x"))
        .send()
        .await
        .unwrap();
    let basic = client
        .get(app.url("/api/v1/campaigns"))
        .basic_auth("ana@acme.test", Some(PASSWORD))
        .send()
        .await
        .unwrap();
    let post_without = client
        .post(app.url("/api/v1/campaigns"))
        .json(&json!({"name": "X", "model": "revops-maturity", "functions": ["sales"]}))
        .send()
        .await
        .unwrap();

    for response in [none, wrong, basic, post_without] {
        assert_eq!(response.status(), 401);
        let challenge = response.headers()["www-authenticate"].to_str().unwrap();
        assert!(challenge.starts_with("Bearer"), "{challenge}");
        let (_, body) = status_and_json(response).await;
        assert!(body["message"].as_str().unwrap().contains("API token"));
        assert_eq!(body["fields"], json!({}));
    }
}

async fn a_session_cookie_does_not_authenticate_the_api(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("Acme", "Ana Admin", "ana@acme.test", PASSWORD)
        .await;

    let read = app.get("/api/v1/campaigns").await;
    let launch = app
        .client
        .post(app.url("/api/v1/campaigns"))
        .header("Origin", &app.address)
        .json(&json!({"name": "X", "model": "revops-maturity", "functions": ["sales"]}))
        .send()
        .await
        .unwrap();

    assert_eq!(read.status(), 401, "the browser's session is ignored");
    assert_eq!(launch.status(), 401);
    assert!(app
        .page("/assessments")
        .await
        .contains("No assessments yet"));
}

async fn a_member_can_read_campaigns_but_not_launch_or_manage_them(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = Api::new(&app, &admin_with_token(&app).await);
    let campaign = admin.launch(&["sales"], 3).await;
    let ben = member_of_acme(&app).await;
    let member = Api::new(&app, &create_token(&app, &ben, "Ben").await);

    let (status, list) = member.get("/api/v1/campaigns").await;
    assert_eq!(status, 200);
    assert_eq!(list["campaigns"][0]["id"], campaign.as_str());
    let (status, one) = member.get(&format!("/api/v1/campaigns/{campaign}")).await;
    assert_eq!(status, 200);
    assert_eq!(
        one["links"],
        json!([]),
        "members get no links, as on the page"
    );
    assert_eq!(
        member
            .get(&format!("/api/v1/campaigns/{campaign}/results"))
            .await
            .0,
        200
    );

    let (status, body) = member
        .post(
            "/api/v1/campaigns",
            json!({"name": "Mine", "model": "revops-maturity", "functions": ["sales"]}),
        )
        .await;
    assert_eq!(status, 403, "{body}");
    assert!(body["message"].as_str().unwrap().contains("access"));
    for path in [
        format!("/api/v1/campaigns/{campaign}/invitations"),
        "/api/v1/models".to_owned(),
    ] {
        assert_eq!(member.get(&path).await.0, 403, "{path}");
    }
    let add = member
        .post(
            &format!("/api/v1/campaigns/{campaign}/invitations"),
            json!({"function": "sales", "person_name": "Sam"}),
        )
        .await;
    assert_eq!(add.0, 403);
    let close = member
        .post(&format!("/api/v1/campaigns/{campaign}/close"), json!({}))
        .await;
    assert_eq!(close.0, 403);
    let (_, after) = admin.get("/api/v1/campaigns").await;
    assert_eq!(after["campaigns"].as_array().unwrap().len(), 1);
    assert_eq!(after["campaigns"][0]["status"], "Open");
}

async fn a_token_acts_with_its_owners_current_membership(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("Acme", "Ana Admin", "ana@acme.test", PASSWORD)
        .await;
    let ben = member_of_acme(&app).await;
    let member = Api::new(&app, &create_token(&app, &ben, "Ben").await);
    assert_eq!(member.get("/api/v1/models").await.0, 403);
    let pool = app.state.db.pool();
    let ben_id: String = sqlx::query_scalar("SELECT id FROM users WHERE email = $1")
        .bind("ben@acme.test")
        .fetch_one(pool)
        .await
        .unwrap();

    sqlx::query("UPDATE memberships SET role = 'admin' WHERE user_id = $1")
        .bind(&ben_id)
        .execute(pool)
        .await
        .unwrap();
    assert_eq!(member.get("/api/v1/models").await.0, 200, "promoted");

    sqlx::query("DELETE FROM memberships WHERE user_id = $1")
        .bind(&ben_id)
        .execute(pool)
        .await
        .unwrap();
    assert_eq!(
        member.get("/api/v1/campaigns").await.0,
        401,
        "a removed member's token stops working"
    );
}

async fn an_admin_launches_reads_and_closes_a_campaign_through_the_api(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let api = Api::new(&app, &admin_with_token(&app).await);
    let (status, models) = api.get("/api/v1/models").await;
    assert_eq!(status, 200);
    assert!(models["models"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["id"] == "revops-maturity"));

    let response = api
        .client
        .post(app.url("/api/v1/campaigns"))
        .bearer_auth(&api.token)
        .json(&json!({
            "name": "Q4 baseline",
            "model": "revops-maturity",
            "functions": ["sales", "marketing"],
            "closes_on": "2099-12-31",
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    let created_at = location(&response);
    let (_, campaign) = status_and_json(response).await;
    let id = campaign["summary"]["id"].as_str().unwrap().to_owned();
    assert_eq!(created_at, format!("/api/v1/campaigns/{id}"));
    assert_eq!(campaign["summary"]["name"], "Q4 baseline");
    assert_eq!(campaign["summary"]["closes"], "2099-12-31");
    assert_eq!(campaign["summary"]["min_group_size"], 3);
    let functions: Vec<&str> = campaign["summary"]["functions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["function"].as_str().unwrap())
        .collect();
    assert_eq!(functions, ["marketing", "sales"]);
    assert_eq!(campaign["links"].as_array().unwrap().len(), 2);
    assert!(app.page("/assessments").await.contains("Q4 baseline"));

    let (status, read) = api.get(&created_at).await;
    assert_eq!(status, 200);
    assert_eq!(read["summary"], campaign["summary"]);

    let (status, closed) = api.post(&format!("{created_at}/close"), json!({})).await;
    assert_eq!(status, 200, "{closed}");
    assert_eq!(closed["summary"]["status"], "Closed");
    let (status, again) = api.post(&format!("{created_at}/close"), json!({})).await;
    assert_eq!(status, 422);
    assert!(again["message"]
        .as_str()
        .unwrap()
        .contains("already closed"));
}

async fn launching_with_bad_input_is_422_naming_each_field_and_creates_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let api = Api::new(&app, &admin_with_token(&app).await);

    let (status, body) = api
        .post(
            "/api/v1/campaigns",
            json!({
                "name": "  ",
                "model": "no-such-model",
                "functions": ["hr"],
                "closes_on": "31/12/2026",
                "min_group_size": 0,
            }),
        )
        .await;

    assert_eq!(status, 422);
    assert!(!body["message"].as_str().unwrap().is_empty());
    for field in ["name", "model", "functions", "closes_on", "min_group_size"] {
        assert!(
            body["fields"][field]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{field} has a message: {body}"
        );
    }
    let (_, list) = api.get("/api/v1/campaigns").await;
    assert_eq!(list["campaigns"], json!([]));
    let (status, body) = api
        .post(
            "/api/v1/campaigns",
            json!({"name": "Ok", "model": "revops-maturity", "functions": []}),
        )
        .await;
    assert_eq!(status, 422);
    assert!(body["fields"]["functions"].is_string());
}

async fn malformed_json_is_400_and_a_body_that_does_not_fit_is_422_naming_the_field(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let api = Api::new(&app, &admin_with_token(&app).await);
    let send = |body: &'static str, content_type: &'static str| {
        api.client
            .post(app.url("/api/v1/campaigns"))
            .bearer_auth(&api.token)
            .header("Content-Type", content_type)
            .body(body)
            .send()
    };

    let (status, malformed) =
        status_and_json(send("{\"name\": \"x\",", "application/json").await.unwrap()).await;
    assert_eq!(status, 400);
    assert!(malformed["message"]
        .as_str()
        .unwrap()
        .contains("not valid JSON"));

    let (status, missing) = status_and_json(
        send(
            r#"{"name": "x", "functions": ["sales"]}"#,
            "application/json",
        )
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(missing["fields"]["model"], "This field is required.");

    let (status, mistyped) = status_and_json(
        send(
            r#"{"name": "x", "model": "revops-maturity", "functions": ["sales"], "min_group_size": "three"}"#,
            "application/json",
        )
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(status, 422);
    assert!(mistyped["fields"]["min_group_size"]
        .as_str()
        .unwrap()
        .contains("expected u32"));

    let (status, unknown) = status_and_json(
        send(
            r#"{"name": "x", "model": "revops-maturity", "functions": ["sales"], "min_group": 3}"#,
            "application/json",
        )
        .await
        .unwrap(),
    )
    .await;
    assert_eq!(status, 422);
    assert!(unknown["fields"]["min_group"].is_string(), "{unknown}");

    let (status, not_json) = status_and_json(
        send("name=x", "application/x-www-form-urlencoded")
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(status, 415);
    assert!(not_json["message"]
        .as_str()
        .unwrap()
        .contains("application/json"));

    let (_, list) = api.get("/api/v1/campaigns").await;
    assert_eq!(list["campaigns"], json!([]), "nothing was launched");
}

async fn another_organisations_ids_and_unknown_ids_are_404(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let acme = Api::new(&app, &admin_with_token(&app).await);
    let campaign = acme.launch(&["sales"], 1).await;
    let (_, links) = acme
        .get(&format!("/api/v1/campaigns/{campaign}/invitations"))
        .await;
    let link_id = links[0]["id"].as_str().unwrap().to_owned();
    let (_, globex_token) = other_organisation_token(&app).await;
    let globex = Api::new(&app, &globex_token);
    let own = globex.launch(&["sales"], 1).await;

    for id in [campaign.as_str(), "no-such-campaign"] {
        for path in ["", "/results", "/responses", "/invitations"] {
            let (status, body) = globex.get(&format!("/api/v1/campaigns/{id}{path}")).await;
            assert_eq!(status, 404, "GET {id}{path}: {body}");
            assert!(body["message"].as_str().unwrap().contains("could not find"));
        }
        for (path, body) in [
            ("/close".to_owned(), json!({})),
            (
                "/invitations".to_owned(),
                json!({"function": "sales", "person_name": "Eve"}),
            ),
            (format!("/invitations/{link_id}/withdraw"), json!({})),
        ] {
            let (status, _) = globex
                .post(&format!("/api/v1/campaigns/{id}{path}"), body)
                .await;
            assert_eq!(status, 404, "POST {id}{path}");
        }
    }
    // Another campaign's link id under one's own campaign is not found either.
    let (status, _) = globex
        .post(
            &format!("/api/v1/campaigns/{own}/invitations/{link_id}/withdraw"),
            json!({}),
        )
        .await;
    assert_eq!(status, 404);

    let (_, still) = acme.get(&format!("/api/v1/campaigns/{campaign}")).await;
    assert_eq!(still["summary"]["status"], "Open", "not closed by Globex");
    assert!(still["links"]
        .as_array()
        .unwrap()
        .iter()
        .all(|l| l["revoked"] == false && l["person_name"].is_null()));
    let (_, list) = globex.get("/api/v1/campaigns").await;
    assert_eq!(
        list["campaigns"].as_array().unwrap().len(),
        1,
        "only its own"
    );
}

async fn results_through_the_api_equal_the_results_page_and_hide_small_functions(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let api = Api::new(&app, &admin_with_token(&app).await);
    let campaign = api
        .launch(&["marketing", "sales", "customer-success"], 3)
        .await;
    let marketing = api.function_link(&campaign, "marketing").await;
    let sales = api.function_link(&campaign, "sales").await;
    let success = api.function_link(&campaign, "customer-success").await;
    for (link, level) in [
        (&marketing, "1"),
        (&marketing, "2"),
        (&sales, "4"),
        (&sales, "4"),
        (&sales, "5"),
        (&success, "3"),
        (&success, "3"),
        (&success, "3"),
    ] {
        answer(&app, link, level).await;
    }

    let (status, results) = api
        .get(&format!("/api/v1/campaigns/{campaign}/results"))
        .await;

    assert_eq!(status, 200);
    // The results page loads its data through this server function: the same numbers.
    let page_data: Value = app
        .client
        .post(app.url("/_fn/results_page"))
        .header("Origin", &app.address)
        .header("Accept", "application/json")
        .form(&[("id", campaign.as_str())])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(results, page_data["content"]);
    assert_eq!(results["level_names"].as_array().unwrap().len(), 5);
    let numbers = &results["results"];
    assert_eq!(numbers["respondents"], 8);
    let overall = numbers["overall"]["mean"].as_f64().unwrap();
    assert!((overall - 25.0 / 8.0).abs() < 1e-9, "{overall}");
    let page = app.page(&format!("/assessments/{campaign}/results")).await;
    assert!(page.contains("Overall level 3.1 of 5"));

    // Marketing (2) is below the threshold; customer success (3) is held back too, since
    // everyone minus sales would otherwise give marketing's answers away.
    let by_function = numbers["by_function"].as_array().unwrap();
    for hidden in ["marketing", "customer-success"] {
        let count = by_function
            .iter()
            .find(|f| f["function"] == hidden)
            .unwrap();
        assert_eq!(count["shown"], false, "{hidden}");
        assert!(count["summary"].is_null(), "{hidden}");
        for part in ["dimensions", "gaps"] {
            let text = numbers[part].to_string();
            assert!(
                !text.contains(&format!("\"{hidden}\"")),
                "{part} show {hidden}"
            );
        }
    }
    assert!(numbers["dimensions"].to_string().contains("\"sales\""));
}

async fn response_counts_show_numbers_per_function_and_no_identities(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let api = Api::new(&app, &admin_with_token(&app).await);
    let campaign = api.launch(&["marketing", "sales"], 1).await;
    let (status, person) = api
        .post(
            &format!("/api/v1/campaigns/{campaign}/invitations"),
            json!({"function": "sales", "person_name": "Sam Sales"}),
        )
        .await;
    assert_eq!(status, 201);
    let sam = person["url"]
        .as_str()
        .unwrap()
        .strip_prefix(&app.address)
        .unwrap()
        .to_owned();
    answer(&app, &sam, "3").await;
    let halfway = Respondent::new(&app, &api.function_link(&campaign, "sales").await);
    halfway.start().await;

    let (status, counts) = api
        .get(&format!("/api/v1/campaigns/{campaign}/responses"))
        .await;

    assert_eq!(status, 200);
    assert_eq!(
        counts,
        json!({
            "campaign_id": campaign,
            "status": "Open",
            "submitted": 1,
            "in_progress": 1,
            "functions": [
                {"function": "marketing", "submitted": 0, "in_progress": 0},
                {"function": "sales", "submitted": 1, "in_progress": 1},
            ],
        })
    );
    let (_, results) = api
        .get(&format!("/api/v1/campaigns/{campaign}/results"))
        .await;
    assert!(!results.to_string().contains("Sam Sales"), "no identities");
}

async fn the_invitations_endpoint_lists_working_links_and_withdraws_them(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let api = Api::new(&app, &admin_with_token(&app).await);
    let campaign = api.launch(&["marketing", "sales"], 1).await;
    let invitations = format!("/api/v1/campaigns/{campaign}/invitations");

    let (status, person) = api
        .post(
            &invitations,
            json!({"function": "sales", "person_name": "Dana Sales"}),
        )
        .await;
    assert_eq!(status, 201, "{person}");
    assert_eq!(person["person_name"], "Dana Sales");
    let (status, bad) = api
        .post(
            &invitations,
            json!({"function": "finance", "person_name": " "}),
        )
        .await;
    assert_eq!(status, 422);
    assert!(bad["fields"]["function"].is_string() && bad["fields"]["person_name"].is_string());

    let (status, links) = api.get(&invitations).await;
    assert_eq!(status, 200);
    let links = links.as_array().unwrap().clone();
    assert_eq!(links.len(), 3);
    let described: Vec<(String, Value)> = links
        .iter()
        .map(|l| {
            (
                l["function"].as_str().unwrap().to_owned(),
                l["person_name"].clone(),
            )
        })
        .collect();
    assert_eq!(
        described,
        [
            ("marketing".to_owned(), Value::Null),
            ("sales".to_owned(), Value::Null),
            ("sales".to_owned(), json!("Dana Sales")),
        ]
    );
    for link in &links {
        let url = link["url"].as_str().unwrap();
        let page = reqwest::get(url).await.unwrap();
        assert_eq!(page.status(), 200, "{url} opens");
        assert!(page.text().await.unwrap().contains("Baseline"));
    }

    let dana_id = person["id"].as_str().unwrap();
    let (status, withdrawn) = api
        .post(&format!("{invitations}/{dana_id}/withdraw"), json!({}))
        .await;
    assert_eq!(status, 200, "{withdrawn}");
    assert_eq!(withdrawn["revoked"], true);
    let dana = person["url"].as_str().unwrap();
    let page = reqwest::get(dana).await.unwrap().text().await.unwrap();
    assert!(
        page.contains("withdrawn"),
        "the link no longer takes answers"
    );
    let (status, _) = api
        .post(&format!("{invitations}/no-such-link/withdraw"), json!({}))
        .await;
    assert_eq!(status, 404);
}

async fn the_openapi_document_describes_every_route_and_the_bearer_scheme(backend: Backend) {
    let app = TestApp::spawn(backend).await;

    let response = reqwest::get(app.url("/api/v1/openapi.json")).await.unwrap();

    assert_eq!(response.status(), 200, "public, no token needed");
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("application/json"));
    let document: Value = response.json().await.unwrap();
    assert!(document["openapi"].as_str().unwrap().starts_with("3."));
    assert_eq!(document["info"]["title"], "RevAlign API");
    let paths = document["paths"].as_object().unwrap();
    let mut documented: Vec<&str> = paths.keys().map(String::as_str).collect();
    documented.sort_unstable();
    let mut expected = API_PATHS.to_vec();
    expected.sort_unstable();
    assert_eq!(documented, expected);
    let methods = |path: &str| {
        let mut m: Vec<&str> = paths[path]
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .filter(|k| ["get", "post", "put", "patch", "delete"].contains(k))
            .collect();
        m.sort_unstable();
        m
    };
    assert_eq!(methods("/api/v1/campaigns"), ["get", "post"]);
    assert_eq!(
        methods("/api/v1/campaigns/{id}/invitations"),
        ["get", "post"]
    );
    assert_eq!(methods("/api/v1/campaigns/{id}/close"), ["post"]);
    assert_eq!(
        methods("/api/v1/campaigns/{id}/invitations/{link_id}/withdraw"),
        ["post"]
    );
    let scheme = &document["components"]["securitySchemes"]["api_token"];
    assert_eq!(scheme["type"], "http");
    assert_eq!(scheme["scheme"], "bearer");
    assert_eq!(
        paths["/api/v1/campaigns"]["get"]["security"],
        json!([{"api_token": []}])
    );
    for schema in ["CampaignResults", "ErrorBody", "LaunchRequest", "LinkView"] {
        assert!(
            document["components"]["schemas"][schema].is_object(),
            "{schema} is described"
        );
    }

    // Every documented GET answers (here: 401 without a token), never the HTML 404 page.
    let client = reqwest::Client::new();
    for path in &expected {
        if paths[*path].get("get").is_none() {
            continue;
        }
        let url = app.url(&path.replace("{id}", "x").replace("{link_id}", "y"));
        let status = client.get(url).send().await.unwrap().status();
        assert!([200, 401].contains(&status.as_u16()), "{path}: {status}");
    }
}

async fn no_response_contains_a_token_hash_or_another_persons_token(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let ana_token = admin_with_token(&app).await;
    let ana = Api::new(&app, &ana_token);
    let campaign = ana.launch(&["sales"], 1).await;
    let ben = member_of_acme(&app).await;
    let ben_token = create_token(&app, &ben, "Ben").await;
    let ben_api = Api::new(&app, &ben_token);
    let (_, gus_token) = other_organisation_token(&app).await;
    let hashes: Vec<String> = sqlx::query_scalar("SELECT token_hash FROM api_tokens")
        .fetch_all(app.state.db.pool())
        .await
        .unwrap();
    assert_eq!(hashes.len(), 3);

    let mut seen = Vec::new();
    for api in [&ana, &ben_api] {
        for path in [
            "/api/v1/campaigns".to_owned(),
            format!("/api/v1/campaigns/{campaign}"),
            format!("/api/v1/campaigns/{campaign}/invitations"),
            format!("/api/v1/campaigns/{campaign}/responses"),
            format!("/api/v1/campaigns/{campaign}/results"),
            "/api/v1/models".to_owned(),
        ] {
            seen.push(api.get(&path).await.1.to_string());
        }
    }
    // Settings pages after the one that showed each new token.
    seen.push(app.page("/settings").await);
    seen.push(app.page_as(&ben, "/settings").await);
    seen.push(
        reqwest::get(app.url("/api/v1/openapi.json"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
    );

    for body in &seen {
        for hash in &hashes {
            assert!(!body.contains(hash.as_str()), "a token hash leaked");
        }
        for token in [&ana_token, &ben_token, &gus_token] {
            assert!(!body.contains(token.as_str()), "a token leaked");
        }
        assert!(!body.contains("$argon2"), "a password hash leaked");
    }
}

async fn state_changing_api_routes_answer_get_with_405(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let api = Api::new(&app, &admin_with_token(&app).await);
    let campaign = api.launch(&["sales"], 1).await;
    let (_, links) = api
        .get(&format!("/api/v1/campaigns/{campaign}/invitations"))
        .await;
    let link = links[0]["id"].as_str().unwrap();

    for path in [
        format!("/api/v1/campaigns/{campaign}/close"),
        format!("/api/v1/campaigns/{campaign}/invitations/{link}/withdraw"),
    ] {
        let (status, body) = api.get(&path).await;
        assert_eq!(status, 405, "{path}");
        assert!(body["message"].as_str().unwrap().contains("POST"));
    }
    let (_, after) = api.get(&format!("/api/v1/campaigns/{campaign}")).await;
    assert_eq!(after["summary"]["status"], "Open");
    assert_eq!(after["links"][0]["revoked"], false);
    let delete = api
        .client
        .delete(app.url(&format!("/api/v1/campaigns/{campaign}")))
        .bearer_auth(&api.token)
        .send()
        .await
        .unwrap();
    assert_eq!(delete.status(), 405);
}

async fn unknown_api_paths_answer_json_404(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let api = Api::new(&app, &admin_with_token(&app).await);

    let (status, body) = api.get("/api/v1/no-such-thing").await;

    assert_eq!(status, 404);
    assert!(body["message"].as_str().unwrap().contains("openapi.json"));
}
