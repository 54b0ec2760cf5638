//! Point 6: the authorisation matrix. Every route the server answers (pages, form posts and
//! downloads, server functions, the JSON API) is asked by six kinds of visitor, and each
//! answer's status must be the one the table below expects. The table is checked against
//! the server's own route inventory: a route added without a rule here fails the test, and
//! so does a rule for a route that no longer exists.
//!
//! How each kind of route is asked, so that an allowed request changes as little as
//! possible: pages and downloads with GET; form posts from our own page with
//! `Accept: application/json` and an empty form (an allowed visitor meets the validation,
//! 422; a refused one 401, 403 or 404); server functions as the page would call them; the
//! API with the visitor's bearer token (none for visitors without an account) and the body
//! `{}`. Routes that use their object up (closing a campaign, withdrawing a link, removing a
//! member, signing out) point at spares, or come last.

use crate::world::{Actor, World};
use revalign_tests::{on_both_backends, Backend, TestApp};
use server::endpoints::{inventory, Route, RouteKind};
use std::collections::BTreeSet;

on_both_backends!(every_route_answers_each_kind_of_visitor_as_the_table_says);

/// One row: a route, the concrete request (route parameters named after the world's values),
/// and the status expected for each visitor, in the order of [`Actor::ALL`]:
/// anonymous, respondent, member, interviewer of another role, admin of another
/// organisation, admin.
pub(crate) struct Rule {
    pub(crate) method: &'static str,
    pub(crate) route: &'static str,
    pub(crate) path: &'static str,
    /// Server functions: their arguments, form-encoded. API: a JSON body. Else empty.
    body: &'static str,
    expect: [u16; 6],
}

const fn rule(
    method: &'static str,
    route: &'static str,
    path: &'static str,
    body: &'static str,
    expect: [u16; 6],
) -> Rule {
    Rule {
        method,
        route,
        path,
        body,
        expect,
    }
}

/// Anonymous, respondent, member, interviewer of another role, admin of another
/// organisation, admin: see [`Actor::ALL`]. One line per rule, so the table reads as one.
#[rustfmt::skip]
pub(crate) const RULES: &[Rule] = &[
    // Public pages.
    rule("GET", "/", "/", "", [200, 200, 200, 200, 200, 200]),
    rule("GET", "/signin", "/signin", "", [200, 200, 200, 200, 200, 200]),
    rule("GET", "/signup", "/signup", "", [200, 200, 200, 200, 200, 200]),
    rule("GET", "/health", "/health", "", [200, 200, 200, 200, 200, 200]),
    rule("POST", "/language", "/language", "", [422, 422, 422, 422, 422, 422]),
    rule("GET", "/invites/{token}", "/invites/{invite_token}", "", [200, 200, 200, 200, 200, 200]),
    // Signed-in pages; another organisation's objects do not exist for its people.
    rule("GET", "/dashboard", "/dashboard", "", [302, 302, 200, 200, 200, 200]),
    rule("GET", "/settings", "/settings", "", [302, 302, 200, 200, 200, 200]),
    rule("GET", "/assessments", "/assessments", "", [302, 302, 200, 200, 200, 200]),
    rule("GET", "/assessments/new", "/assessments/new", "", [302, 302, 403, 403, 200, 200]),
    rule("GET", "/assessments/{id}", "/assessments/{campaign}", "", [302, 302, 200, 200, 404, 200]),
    rule("GET", "/assessments/{id}/results", "/assessments/{campaign}/results", "", [302, 302, 200, 200, 404, 200]),
    rule("GET", "/assessments/{id}/roadmap", "/assessments/{campaign}/roadmap", "", [302, 302, 200, 200, 404, 200]),
    rule("GET", "/assessments/{id}/report", "/assessments/{campaign}/report", "", [302, 302, 200, 200, 404, 200]),
    rule("GET", "/hiring", "/hiring", "", [302, 302, 200, 200, 200, 200]),
    rule("GET", "/hiring/roles/{id}", "/hiring/roles/{role}", "", [302, 302, 200, 200, 404, 200]),
    rule("GET", "/hiring/candidates/{id}", "/hiring/candidates/{candidate}", "", [302, 302, 200, 403, 404, 200]),
    rule("GET", "/hiring/candidates/{id}/debrief", "/hiring/candidates/{candidate}/debrief", "", [302, 302, 403, 403, 404, 200]),
    rule("GET", "/interviews", "/interviews", "", [302, 302, 200, 200, 200, 200]),
    rule("GET", "/interviews/{stage}/{candidate}", "/interviews/{stage}/{candidate}", "", [302, 302, 200, 403, 404, 403]),
    // The questionnaire: the link is the credential.
    rule("GET", "/a/{token}", "/a/{link_token}", "", [200, 200, 200, 200, 200, 200]),
    rule("GET", "/a/{token}/step/{step}", "/a/{link_token}/step/1", "", [422, 200, 422, 422, 422, 422]),
    rule("GET", "/a/{token}/review", "/a/{link_token}/review", "", [422, 200, 422, 422, 422, 422]),
    rule("GET", "/a/{token}/thanks", "/a/{link_token}/thanks", "", [200, 200, 200, 200, 200, 200]),
    // Downloads.
    rule("GET", "/assessments/{id}/report.md", "/assessments/{campaign}/report.md", "", [303, 303, 200, 200, 404, 200]),
    rule("GET", "/assessments/{id}/results.csv", "/assessments/{campaign}/results.csv", "", [303, 303, 200, 200, 404, 200]),
    rule("GET", "/assessments/{id}/results.json", "/assessments/{campaign}/results.json", "", [303, 303, 200, 200, 404, 200]),
    rule("GET", "/assessments/{id}/roadmap.csv", "/assessments/{campaign}/roadmap.csv", "", [303, 303, 200, 200, 404, 200]),
    rule("GET", "/assessments/{id}/roadmap.json", "/assessments/{campaign}/roadmap.json", "", [303, 303, 200, 200, 404, 200]),
    // Form posts (empty forms: allowed visitors meet the validation, 422).
    rule("POST", "/signup", "/signup", "", [422, 422, 422, 422, 422, 422]),
    rule("POST", "/signin", "/signin", "", [422, 422, 422, 422, 422, 422]),
    // Browsers' CSP violation reports: anyone's browser may send one, but only as a report.
    rule("POST", "/csp-reports", "/csp-reports", "", [415, 415, 415, 415, 415, 415]),
    rule("POST", "/settings/invites", "/settings/invites", "", [401, 401, 403, 403, 422, 422]),
    rule("POST", "/settings/invites/{id}/revoke", "/settings/invites/{spare_invite}/revoke", "", [401, 401, 403, 403, 404, 200]),
    rule("POST", "/settings/tokens", "/settings/tokens", "", [401, 401, 422, 422, 422, 422]),
    rule("POST", "/settings/tokens/{id}/revoke", "/settings/tokens/{spare_token}/revoke", "", [401, 401, 200, 404, 404, 404]),
    rule("POST", "/invites/{token}/signup", "/invites/{invite_token}/signup", "", [422, 422, 422, 422, 422, 422]),
    rule("POST", "/assessments", "/assessments", "", [401, 401, 403, 403, 422, 422]),
    rule("POST", "/assessments/{id}/links", "/assessments/{campaign}/links", "", [401, 401, 403, 403, 404, 422]),
    rule("POST", "/assessments/{id}/links/{link}/withdraw", "/assessments/{campaign}/links/{form_spare_link}/withdraw", "", [401, 401, 403, 403, 404, 200]),
    rule("POST", "/assessments/{id}/close", "/assessments/{form_spare_campaign}/close", "", [401, 401, 403, 403, 404, 200]),
    rule("POST", "/assessments/{id}/roadmap/settings", "/assessments/{campaign}/roadmap/settings", "", [401, 401, 403, 403, 404, 422]),
    rule("POST", "/assessments/{id}/roadmap/initiatives/{initiative}", "/assessments/{campaign}/roadmap/initiatives/{initiative}", "action=move&phase=99", [401, 401, 403, 403, 404, 422]),
    rule("POST", "/a/{token}/start", "/a/{link_token}/start", "", [200, 200, 200, 200, 200, 200]),
    rule("POST", "/a/{token}/step/{step}", "/a/{link_token}/step/1", "", [200, 200, 200, 200, 200, 200]),
    rule("POST", "/a/{token}/submit", "/a/{link_token}/submit", "", [422, 422, 422, 422, 422, 422]),
    rule("POST", "/hiring/roles", "/hiring/roles", "", [401, 401, 403, 403, 422, 422]),
    rule("POST", "/hiring/visibility", "/hiring/visibility", "", [401, 401, 403, 403, 422, 422]),
    rule("POST", "/hiring/roles/{id}/settings", "/hiring/roles/{role}/settings", "", [401, 401, 403, 403, 404, 200]),
    rule("POST", "/hiring/roles/{id}/stages", "/hiring/roles/{role}/stages", "", [401, 401, 403, 403, 404, 422]),
    rule("POST", "/hiring/roles/{id}/candidates", "/hiring/roles/{role}/candidates", "", [401, 401, 403, 403, 404, 422]),
    rule("POST", "/interviews/{stage}/{candidate}", "/interviews/{stage}/{candidate}", "", [401, 401, 200, 403, 404, 403]),
    rule("POST", "/hiring/candidates/{id}/decisions", "/hiring/candidates/{candidate}/decisions", "", [401, 401, 403, 403, 404, 422]),
    // Server functions, called as the pages call them. (The questionnaire's resume cookie is
    // scoped to its link's path, so over /_fn/ no browser finds its answers: the pages load
    // these on the server.)
    rule("POST", "/_fn/public_page", "/_fn/public_page", "", [200, 200, 200, 200, 200, 200]),
    rule("POST", "/_fn/organisation_page", "/_fn/organisation_page", "", [302, 302, 200, 200, 200, 200]),
    rule("POST", "/_fn/invite_page", "/_fn/invite_page", "token={invite_token}", [200, 200, 200, 200, 200, 200]),
    rule("POST", "/_fn/campaigns_page", "/_fn/campaigns_page", "", [302, 302, 200, 200, 200, 200]),
    rule("POST", "/_fn/new_campaign_page", "/_fn/new_campaign_page", "", [302, 302, 403, 403, 200, 200]),
    rule("POST", "/_fn/campaign_page", "/_fn/campaign_page", "id={campaign}", [302, 302, 200, 200, 404, 200]),
    rule("POST", "/_fn/results_page", "/_fn/results_page", "id={campaign}", [302, 302, 200, 200, 404, 200]),
    rule("POST", "/_fn/roadmap_page", "/_fn/roadmap_page", "id={campaign}", [302, 302, 200, 200, 404, 200]),
    rule("POST", "/_fn/report_page", "/_fn/report_page", "id={campaign}", [302, 302, 200, 200, 404, 200]),
    rule("POST", "/_fn/respondent_page", "/_fn/respondent_page", "token={link_token}", [200, 200, 200, 200, 200, 200]),
    rule("POST", "/_fn/questionnaire_page", "/_fn/questionnaire_page", "token={link_token}&step=1", [422, 422, 422, 422, 422, 422]),
    rule("POST", "/_fn/review_page", "/_fn/review_page", "token={link_token}", [422, 422, 422, 422, 422, 422]),
    rule("POST", "/_fn/roles_page", "/_fn/roles_page", "", [302, 302, 200, 200, 200, 200]),
    rule("POST", "/_fn/role_page", "/_fn/role_page", "id={role}", [302, 302, 200, 200, 404, 200]),
    rule("POST", "/_fn/candidate_page", "/_fn/candidate_page", "id={candidate}", [302, 302, 200, 403, 404, 200]),
    rule("POST", "/_fn/debrief_page", "/_fn/debrief_page", "id={candidate}", [302, 302, 403, 403, 404, 200]),
    rule("POST", "/_fn/interviews_page", "/_fn/interviews_page", "", [302, 302, 200, 200, 200, 200]),
    rule("POST", "/_fn/interview_page", "/_fn/interview_page", "stage={stage}&candidate={candidate}", [302, 302, 200, 403, 404, 403]),
    // The JSON API: bearer tokens only, so visitors without an account get 401.
    rule("GET", "/api/v1/openapi.json", "/api/v1/openapi.json", "", [200, 200, 200, 200, 200, 200]),
    rule("GET", "/api/v1/models", "/api/v1/models", "", [401, 401, 403, 403, 200, 200]),
    rule("GET", "/api/v1/campaigns", "/api/v1/campaigns", "", [401, 401, 200, 200, 200, 200]),
    rule("POST", "/api/v1/campaigns", "/api/v1/campaigns", "{\"name\": \"\", \"model\": \"revops-maturity\", \"functions\": []}", [401, 401, 403, 403, 422, 422]),
    rule("GET", "/api/v1/campaigns/{id}", "/api/v1/campaigns/{campaign}", "", [401, 401, 200, 200, 404, 200]),
    rule("POST", "/api/v1/campaigns/{id}/close", "/api/v1/campaigns/{api_spare_campaign}/close", "", [401, 401, 403, 403, 404, 200]),
    rule("GET", "/api/v1/campaigns/{id}/responses", "/api/v1/campaigns/{campaign}/responses", "", [401, 401, 200, 200, 404, 200]),
    rule("GET", "/api/v1/campaigns/{id}/results", "/api/v1/campaigns/{campaign}/results", "", [401, 401, 200, 200, 404, 200]),
    rule("GET", "/api/v1/campaigns/{id}/invitations", "/api/v1/campaigns/{campaign}/invitations", "", [401, 401, 403, 403, 404, 200]),
    rule("POST", "/api/v1/campaigns/{id}/invitations", "/api/v1/campaigns/{campaign}/invitations", "{\"function\": \"finance\", \"person_name\": \"\"}", [401, 401, 403, 403, 404, 422]),
    rule("POST", "/api/v1/campaigns/{id}/invitations/{link_id}/withdraw", "/api/v1/campaigns/{campaign}/invitations/{api_spare_link}/withdraw", "", [401, 401, 403, 403, 404, 200]),
    rule("GET", "/api/v1/campaigns/{id}/roadmap", "/api/v1/campaigns/{campaign}/roadmap", "", [401, 401, 200, 200, 404, 200]),
    rule("PUT", "/api/v1/campaigns/{id}/roadmap/settings", "/api/v1/campaigns/{campaign}/roadmap/settings", "{\"phases\": 0, \"capacity_weeks\": 0, \"phase_length\": \"\", \"starts_on\": \"\"}", [401, 401, 403, 403, 404, 422]),
    rule("POST", "/api/v1/campaigns/{id}/roadmap/initiatives/{initiative_id}", "/api/v1/campaigns/{campaign}/roadmap/initiatives/{initiative}", "{\"action\": \"move\", \"phase\": 99}", [401, 401, 403, 403, 404, 422]),
    rule("GET", "/api/v1/campaigns/{id}/report", "/api/v1/campaigns/{campaign}/report", "", [401, 401, 200, 200, 404, 200]),
    rule("GET", "/api/v1/campaigns/{id}/report.md", "/api/v1/campaigns/{campaign}/report.md", "", [401, 401, 200, 200, 404, 200]),
    rule("GET", "/api/v1/campaigns/{id}/results.csv", "/api/v1/campaigns/{campaign}/results.csv", "", [401, 401, 200, 200, 404, 200]),
    rule("GET", "/api/v1/campaigns/{id}/roadmap.csv", "/api/v1/campaigns/{campaign}/roadmap.csv", "", [401, 401, 200, 200, 404, 200]),
    rule("GET", "/api/v1/roles", "/api/v1/roles", "", [401, 401, 200, 200, 200, 200]),
    rule("POST", "/api/v1/roles", "/api/v1/roles", "{\"title\": \"\", \"rubric\": \"revops-leader\"}", [401, 401, 403, 403, 422, 422]),
    rule("GET", "/api/v1/roles/{id}", "/api/v1/roles/{role}", "", [401, 401, 200, 200, 404, 200]),
    rule("POST", "/api/v1/roles/{id}/stages", "/api/v1/roles/{role}/stages", "{\"name\": \"\", \"interviewer\": \"\", \"focus\": []}", [401, 401, 403, 403, 404, 422]),
    rule("POST", "/api/v1/roles/{id}/candidates", "/api/v1/roles/{role}/candidates", "{\"name\": \"\", \"current_title\": \"\"}", [401, 401, 403, 403, 404, 422]),
    rule("GET", "/api/v1/candidates/{id}", "/api/v1/candidates/{candidate}", "", [401, 401, 200, 403, 404, 200]),
    rule("GET", "/api/v1/candidates/{id}/scorecards", "/api/v1/candidates/{candidate}/scorecards", "", [401, 401, 200, 403, 404, 200]),
    rule("GET", "/api/v1/candidates/{id}/debrief", "/api/v1/candidates/{candidate}/debrief", "", [401, 401, 403, 403, 404, 200]),
    rule("POST", "/api/v1/candidates/{id}/decisions", "/api/v1/candidates/{candidate}/decisions", "{\"outcome\": \"\", \"rationale\": \"\"}", [401, 401, 403, 403, 404, 422]),
    rule("GET", "/api/v1/interviews", "/api/v1/interviews", "", [401, 401, 200, 200, 200, 200]),
    rule("GET", "/api/v1/interviews/{stage_id}/candidates/{candidate_id}", "/api/v1/interviews/{stage}/candidates/{candidate}", "", [401, 401, 200, 403, 404, 403]),
    rule("PUT", "/api/v1/interviews/{stage_id}/candidates/{candidate_id}/scorecard", "/api/v1/interviews/{stage}/candidates/{candidate}/scorecard", "", [401, 401, 200, 403, 404, 403]),
    rule("POST", "/api/v1/interviews/{stage_id}/candidates/{candidate_id}/scorecard/submit", "/api/v1/interviews/{stage}/candidates/{candidate}/scorecard/submit", "", [401, 401, 422, 403, 404, 403]),
    // Last, as they change who is who: removing a member (Ivy, signed out by it), the admin
    // of Globex joining Acme through an invite, signing out.
    rule("POST", "/settings/members/{id}/remove", "/settings/members/{member_to_remove}/remove", "", [401, 401, 403, 403, 404, 200]),
    rule("POST", "/invites/{token}/accept", "/invites/{invite_token}/accept", "", [401, 401, 422, 401, 200, 422]),
    rule("POST", "/signout", "/signout", "", [200, 200, 200, 200, 200, 200]),
];

/// The rules' routes against the server's: nothing missing, nothing stale, nothing twice.
#[test]
fn the_table_covers_every_route_exactly_once() {
    let served: BTreeSet<(String, String)> = inventory()
        .into_iter()
        .map(|route| (route.method.to_string(), route.path))
        .collect();
    let mut ruled = BTreeSet::new();
    for rule in RULES {
        assert!(
            ruled.insert((rule.method.to_owned(), rule.route.to_owned())),
            "two rules for {} {}",
            rule.method,
            rule.route
        );
    }
    let missing: Vec<_> = served.difference(&ruled).collect();
    let stale: Vec<_> = ruled.difference(&served).collect();
    assert!(
        missing.is_empty(),
        "routes without a rule in the authorisation matrix (add one to RULES): {missing:#?}"
    );
    assert!(
        stale.is_empty(),
        "rules for routes the server does not have: {stale:#?}"
    );
}

async fn every_route_answers_each_kind_of_visitor_as_the_table_says(backend: Backend) {
    let world = World::build(TestApp::spawn(backend).await).await;
    let kinds: std::collections::BTreeMap<(String, String), RouteKind> = inventory()
        .into_iter()
        .map(|Route { kind, method, path }| ((method.to_string(), path), kind))
        .collect();
    let mut wrong = Vec::new();
    for rule in RULES {
        let kind = kinds[&(rule.method.to_owned(), rule.route.to_owned())];
        let mut actual = [0u16; 6];
        for (i, actor) in Actor::ALL.into_iter().enumerate() {
            actual[i] = ask(&world, actor, kind, rule).await;
        }
        if actual != rule.expect {
            wrong.push(format!(
                "{} {} ({kind:?}): expected {:?}, got {actual:?}",
                rule.method, rule.path, rule.expect
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "answers that differ from the matrix (visitors: {:?}):\n{}",
        Actor::ALL,
        wrong.join("\n")
    );
}

/// The status `actor` gets for the rule's request.
async fn ask(world: &World, actor: Actor, kind: RouteKind, rule: &Rule) -> u16 {
    let app = &world.app;
    let visitor = &world.visitors[&actor];
    let url = app.url(&world.fill(rule.path));
    let method: http::Method = rule.method.parse().unwrap();
    let request = match kind {
        RouteKind::Api => {
            // A script: no cookies, the visitor's token if they have one.
            let request = reqwest::Client::new().request(method, &url);
            let request = match &visitor.token {
                Some(token) => request.bearer_auth(token),
                None => request,
            };
            if rule.method == "GET" {
                request
            } else {
                let body = if rule.body.is_empty() {
                    "{}"
                } else {
                    rule.body
                };
                request
                    .header("Content-Type", "application/json")
                    .body(world.fill(body))
            }
        }
        RouteKind::Page => visitor.browser.request(method, &url),
        RouteKind::Form | RouteKind::ServerFn if rule.method == "GET" => {
            visitor.browser.request(method, &url)
        }
        RouteKind::Form | RouteKind::ServerFn => visitor
            .browser
            .request(method, &url)
            .header("Origin", &app.address)
            .header("Accept", "application/json")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(world.fill(rule.body)),
    };
    request
        .send()
        .await
        .unwrap_or_else(|e| panic!("{} {url}: {e}", rule.method))
        .status()
        .as_u16()
}
