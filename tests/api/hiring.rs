//! Hiring over the JSON API: roles, interview plans, candidates, scorecards under the
//! visibility rule, the debrief with its statistics, and decisions.

use crate::rest::{admin_with_token, create_token, join_acme, other_organisation_token, Api};
use app::domain::agreement::{krippendorff_alpha, Metric};
use revalign_tests::{on_both_backends, Backend, TestApp};
use serde_json::{json, Value};

on_both_backends!(
    interviewers_read_others_scorecards_only_after_submitting_their_own,
    with_the_rule_never_only_admins_read_other_scorecards,
    the_debrief_shows_the_grid_flags_and_agreement_statistics,
    submitting_needs_every_rating_with_evidence_and_then_locks_the_scorecard,
    only_the_interviewer_fills_a_scorecard_and_other_organisations_get_404,
    opening_roles_and_planning_interviews_validate_each_field,
    decisions_are_recorded_with_their_author_and_rationale,
    user_text_is_rendered_without_markup_from_the_user,
    pages_and_server_functions_carry_other_scorecards_only_when_the_rule_allows,
);

const XFL: &str = "cross-functional-leadership";
const BRIDGE: &str = "bridging-marketing-sales";
const CS: &str = "cs-friction";
const CHANGE: &str = "change-leadership";

/// Acme with Ana (admin) and three interviewers, a role with one stage each, a candidate.
struct Panel<'a> {
    /// The interviewers' signed-in browsers: Ben, Cleo, Dan.
    browsers: [reqwest::Client; 3],
    ana: Api<'a>,
    ben: Api<'a>,
    cleo: Api<'a>,
    dan: Api<'a>,
    role: String,
    candidate: String,
    /// Stage ids of Ben, Cleo and Dan.
    stages: [String; 3],
}

async fn panel<'a>(app: &'a TestApp, visibility: Option<&str>) -> Panel<'a> {
    let ana = Api::new(app, &admin_with_token(app).await);
    let mut members = Vec::new();
    let mut browsers = Vec::new();
    for (name, email) in [
        ("Ben Ode", "ben@acme.test"),
        ("Cleo Park", "cleo@acme.test"),
        ("Dan Yu", "dan@acme.test"),
    ] {
        let browser = join_acme(app, name, email).await;
        members.push(Api::new(app, &create_token(app, &browser, "script").await));
        browsers.push(browser);
    }
    let mut body = json!({"title": "VP Revenue Operations", "rubric": "revops-leader"});
    if let Some(visibility) = visibility {
        body["visibility"] = json!(visibility);
    }
    let (status, role) = ana.post("/api/v1/roles", body).await;
    assert_eq!(status, 201, "{role}");
    let role_id = role["id"].as_str().unwrap().to_owned();
    let member_id = |name: &str| {
        role["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["name"] == name)
            .map(|m| m["id"].as_str().unwrap().to_owned())
            .unwrap_or_else(|| panic!("{name} is not listed in {role}"))
    };
    let plan = [
        ("Ben Ode", "Leadership", [XFL, BRIDGE, CS].to_vec()),
        (
            "Cleo Park",
            "Marketing and sales",
            [XFL, BRIDGE, CS].to_vec(),
        ),
        ("Dan Yu", "Change", [BRIDGE, CS, CHANGE].to_vec()),
    ];
    let mut stages = Vec::new();
    for (name, stage, focus) in plan {
        let (status, role) = ana
            .post(
                &format!("/api/v1/roles/{role_id}/stages"),
                json!({"name": stage, "interviewer": member_id(name), "focus": focus}),
            )
            .await;
        assert_eq!(status, 201, "{role}");
        let last = role["stages"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(last["interviewer_name"], name);
        stages.push(last["id"].as_str().unwrap().to_owned());
    }
    let (status, candidate) = ana
        .post(
            &format!("/api/v1/roles/{role_id}/candidates"),
            json!({
                "name": "Rita Quinn",
                "current_title": "Director of Sales Operations",
                "career": [
                    {"title": "Marketing analyst", "function": "marketing", "years": 2},
                    {"title": "Sales ops manager", "function": "sales", "years": 4.5},
                    {"title": "CS ops lead", "function": "customer-success", "years": 1.5}
                ]
            }),
        )
        .await;
    assert_eq!(status, 201, "{candidate}");
    let [ben, cleo, dan] = <[Api; 3]>::try_from(members).ok().unwrap();
    Panel {
        browsers: <[reqwest::Client; 3]>::try_from(browsers).unwrap(),
        ana,
        ben,
        cleo,
        dan,
        role: role_id,
        candidate: candidate["id"].as_str().unwrap().to_owned(),
        stages: <[String; 3]>::try_from(stages).unwrap(),
    }
}

impl Panel<'_> {
    fn scorecard_path(&self, stage: usize) -> String {
        format!(
            "/api/v1/interviews/{}/candidates/{}/scorecard",
            self.stages[stage], self.candidate
        )
    }

    /// Saves (`submit` false) or submits a scorecard for `stage` as `who`.
    async fn score(
        &self,
        who: &Api<'_>,
        stage: usize,
        ratings: &[(&str, &str, &str)],
        recommendation: &str,
        submit: bool,
    ) -> (u16, Value) {
        let ratings: serde_json::Map<String, Value> = ratings
            .iter()
            .map(|(id, rating, evidence)| {
                (
                    id.to_string(),
                    json!({"rating": rating, "evidence": evidence}),
                )
            })
            .collect();
        let body = json!({
            "ratings": ratings,
            "recommendation": recommendation,
            "takeaways": "Take-aways.",
        });
        let path = self.scorecard_path(stage);
        if submit {
            who.post(&format!("{path}/submit"), body).await
        } else {
            who.put(&path, body).await
        }
    }

    async fn scorecards(&self, who: &Api<'_>) -> Value {
        let (status, body) = who
            .get(&format!("/api/v1/candidates/{}/scorecards", self.candidate))
            .await;
        assert_eq!(status, 200, "{body}");
        body
    }

    async fn debrief(&self, who: &Api<'_>) -> (u16, Value) {
        who.get(&format!("/api/v1/candidates/{}/debrief", self.candidate))
            .await
    }
}

fn interviewers(scorecards: &Value) -> Vec<&str> {
    scorecards["scorecards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["interviewer_name"].as_str().unwrap())
        .collect()
}

async fn interviewers_read_others_scorecards_only_after_submitting_their_own(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let p = panel(&app, None).await;
    let (status, _) = p
        .score(&p.cleo, 1, &[(XFL, "2", "CLEO-DRAFT-NOTE")], "", false)
        .await;
    assert_eq!(status, 200);
    let full = [
        (XFL, "3", "BEN-EVIDENCE led the joint plan"),
        (BRIDGE, "4", "Settled lead routing"),
        (CS, "no-evidence", ""),
    ];
    let (status, submitted) = p.score(&p.ben, 0, &full, "yes", true).await;
    assert_eq!(status, 200, "{submitted}");
    assert_eq!(submitted["status"], "submitted");

    // Ben submitted; Cleo's is still a draft: Ben reads only his own.
    let ben_view = p.scorecards(&p.ben).await;
    assert_eq!(interviewers(&ben_view), ["Ben Ode"]);
    assert_eq!(ben_view["pending"], 2);
    assert!(!ben_view.to_string().contains("CLEO-DRAFT-NOTE"));
    // Cleo has not submitted: Ben's submitted scorecard stays hidden from her.
    let cleo_view = p.scorecards(&p.cleo).await;
    assert_eq!(interviewers(&cleo_view), ["Cleo Park"]);
    assert_eq!(cleo_view["hidden_submitted"], 1);
    assert!(cleo_view["hidden_reason"]
        .as_str()
        .unwrap()
        .contains("Submit your own scorecard first"));
    assert!(!cleo_view.to_string().contains("BEN-EVIDENCE"));
    let (status, _) = p.debrief(&p.cleo).await;
    assert_eq!(status, 403, "no debrief before submitting");

    let cleo_full = [
        (XFL, "2", "CLEO-EVIDENCE"),
        (BRIDGE, "2", "Vague on lead routing"),
        (CS, "3", "Ran a CS handoff fix"),
    ];
    let (status, _) = p.score(&p.cleo, 1, &cleo_full, "no", true).await;
    assert_eq!(status, 200);
    let cleo_view = p.scorecards(&p.cleo).await;
    assert_eq!(interviewers(&cleo_view), ["Cleo Park", "Ben Ode"]);
    assert!(cleo_view.to_string().contains("BEN-EVIDENCE"));
    assert_eq!(cleo_view["hidden_submitted"], 0);
    let (status, debrief) = p.debrief(&p.cleo).await;
    assert_eq!(status, 200, "{debrief}");
    // Dan has not submitted and sees neither; the admin sees both submitted ones.
    let dan_view = p.scorecards(&p.dan).await;
    assert_eq!(interviewers(&dan_view), ["Dan Yu"]);
    assert_eq!(dan_view["hidden_submitted"], 2);
    let ana_view = p.scorecards(&p.ana).await;
    assert_eq!(interviewers(&ana_view), ["Ben Ode", "Cleo Park"]);
    assert_eq!(ana_view["pending"], 1);
}

async fn with_the_rule_never_only_admins_read_other_scorecards(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let p = panel(&app, Some("never")).await;
    let ratings = [(XFL, "3", "A"), (BRIDGE, "3", "B"), (CS, "3", "C")];
    assert_eq!(p.score(&p.ben, 0, &ratings, "yes", true).await.0, 200);
    assert_eq!(p.score(&p.cleo, 1, &ratings, "yes", true).await.0, 200);

    let ben_view = p.scorecards(&p.ben).await;
    assert_eq!(ben_view["rule"], "never");
    assert_eq!(interviewers(&ben_view), ["Ben Ode"]);
    assert_eq!(ben_view["hidden_submitted"], 1);
    assert_eq!(p.debrief(&p.ben).await.0, 403);
    assert_eq!(p.debrief(&p.ana).await.0, 200);
    let (_, role) = p.ana.get(&format!("/api/v1/roles/{}", p.role)).await;
    assert_eq!(role["visibility"], "never");
    assert_eq!(role["visibility_inherited"], false);
}

async fn the_debrief_shows_the_grid_flags_and_agreement_statistics(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let p = panel(&app, Some("always")).await;
    // Levels per competency (Ben, Cleo, Dan); "-" = not a focus of that interview.
    //   cross-functional leadership: 3, 1, -
    //   bridging marketing and sales: 4, 2, 4
    //   CS friction: 3, 3, 2
    //   change leadership: -, -, no evidence
    let ben = [(XFL, "3", "e"), (BRIDGE, "4", "e"), (CS, "3", "e")];
    let cleo = [(XFL, "1", "e"), (BRIDGE, "2", "e"), (CS, "3", "e")];
    let dan = [
        (BRIDGE, "4", "e"),
        (CS, "2", "e"),
        (CHANGE, "no-evidence", ""),
    ];
    assert_eq!(p.score(&p.ben, 0, &ben, "strong-yes", true).await.0, 200);
    assert_eq!(p.score(&p.cleo, 1, &cleo, "no", true).await.0, 200);
    assert_eq!(p.score(&p.dan, 2, &dan, "yes", true).await.0, 200);

    let (status, view) = p.debrief(&p.ana).await;
    assert_eq!(status, 200, "{view}");
    let debrief = &view["debrief"];
    let names: Vec<&str> = debrief["interviewers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Ben Ode", "Cleo Park", "Dan Yu"]);
    let row = |id: &str| {
        debrief["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()
            .clone()
    };
    let bridging = row(BRIDGE);
    assert!((bridging["mean"].as_f64().unwrap() - 10.0 / 3.0).abs() < 1e-9);
    assert!(bridging["flag"]
        .as_str()
        .unwrap()
        .contains("2 levels apart"));
    let xfl = row(XFL);
    assert_eq!(xfl["mean"], 2.0);
    assert_eq!(
        xfl["cells"][2],
        Value::Null,
        "not a focus of Dan's interview"
    );
    assert!(xfl["flag"].as_str().unwrap().contains("Cleo Park 1"));
    assert_eq!(row(CS)["flag"], Value::Null, "3, 3, 2 are within one level");
    let change = row(CHANGE);
    assert_eq!(change["mean"], Value::Null);
    assert_eq!(change["no_evidence"], 1);
    let flag = debrief["recommendation_flag"].as_str().unwrap();
    assert!(flag.contains("Strong yes") && flag.contains("No"), "{flag}");

    // Alpha over competencies x interviewers, no evidence and gaps missing.
    let units = vec![
        vec![Some(3.0), Some(1.0), None],
        vec![Some(4.0), Some(2.0), Some(4.0)],
        vec![Some(3.0), Some(3.0), Some(2.0)],
    ];
    let expected = krippendorff_alpha(&units, Metric::Ordinal).unwrap();
    let alpha = debrief["agreement"]["alpha_ordinal"].as_f64().unwrap();
    assert!((alpha - expected).abs() < 1e-12, "{alpha} vs {expected}");
    assert!(debrief["agreement"]["alpha_interval"].as_f64().is_some());
    // Only two competencies were rated by all three: too few for ICC, and the page says so.
    assert_eq!(debrief["agreement"]["icc2_1"], Value::Null);
    assert!(debrief["agreement"]["icc_note"]
        .as_str()
        .unwrap()
        .contains("Not enough data"));
    assert_eq!(view["pending"], 0);

    // The role compares its candidates with the same weighted total.
    let (_, role) = p.ana.get(&format!("/api/v1/roles/{}", p.role)).await;
    let compared = &role["comparison"]["rows"][0];
    assert_eq!(compared["name"], "Rita Quinn");
    assert_eq!(compared["weighted_total"], debrief["weighted_total"]);
    assert_eq!(role["candidates"][0]["scorecards_submitted"], 3);
    assert_eq!(role["candidates"][0]["functions_worked_in"], 3);
}

async fn submitting_needs_every_rating_with_evidence_and_then_locks_the_scorecard(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let p = panel(&app, None).await;
    let (status, body) = p
        .score(&p.ben, 0, &[(XFL, "3", ""), (BRIDGE, "5", "x")], "", true)
        .await;
    assert_eq!(status, 422, "{body}");
    let fields = &body["fields"];
    assert!(fields[format!("evidence.{XFL}")]
        .as_str()
        .unwrap()
        .contains("what you observed"));
    assert!(fields[format!("rating.{BRIDGE}")]
        .as_str()
        .unwrap()
        .contains("from 1 to 4"));
    assert!(fields[format!("rating.{CS}")]
        .as_str()
        .unwrap()
        .contains("no evidence"));
    assert!(fields["recommendation"].is_string());
    let kit_path = format!(
        "/api/v1/interviews/{}/candidates/{}",
        p.stages[0], p.candidate
    );
    let (_, kit) = p.ben.get(&kit_path).await;
    assert_eq!(kit["scorecard"]["status"], "not-started", "nothing saved");
    assert_eq!(kit["focus"].as_array().unwrap().len(), 3);
    assert_eq!(kit["focus"][0]["anchors"].as_array().unwrap().len(), 4);

    let long = "x".repeat(4_001);
    let (status, body) = p.score(&p.ben, 0, &[(XFL, "3", &long)], "", false).await;
    assert_eq!(status, 422);
    assert!(body["fields"][format!("evidence.{XFL}")]
        .as_str()
        .unwrap()
        .contains("at most 4000"));

    let full = [(XFL, "3", "a"), (BRIDGE, "2", "b"), (CS, "no-evidence", "")];
    assert_eq!(p.score(&p.ben, 0, &full, "yes", true).await.0, 200);
    let (status, body) = p.score(&p.ben, 0, &full, "no", false).await;
    assert_eq!(status, 422);
    assert!(body["message"].as_str().unwrap().contains("locked"));
    assert_eq!(p.score(&p.ben, 0, &full, "no", true).await.0, 422);
    let (_, kit) = p.ben.get(&kit_path).await;
    assert_eq!(kit["scorecard"]["recommendation"], "yes", "unchanged");
    let (_, mine) = p.ben.get("/api/v1/interviews").await;
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(mine[0]["status"], "submitted");
    assert_eq!(mine[0]["candidate_name"], "Rita Quinn");
}

async fn only_the_interviewer_fills_a_scorecard_and_other_organisations_get_404(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let p = panel(&app, None).await;
    let ratings = [(XFL, "3", "a")];
    assert_eq!(p.score(&p.cleo, 0, &ratings, "", false).await.0, 403);
    assert_eq!(p.score(&p.ana, 0, &ratings, "", false).await.0, 403);
    let eve = Api::new(
        &app,
        &create_token(
            &app,
            &join_acme(&app, "Eve Off", "eve@acme.test").await,
            "s",
        )
        .await,
    );
    for path in [
        format!("/api/v1/candidates/{}", p.candidate),
        format!("/api/v1/candidates/{}/scorecards", p.candidate),
        format!("/api/v1/candidates/{}/debrief", p.candidate),
    ] {
        assert_eq!(eve.get(&path).await.0, 403, "{path}: not on the panel");
    }
    let (_, gus) = other_organisation_token(&app).await;
    let gus = Api::new(&app, &gus);
    for path in [
        format!("/api/v1/roles/{}", p.role),
        format!("/api/v1/candidates/{}", p.candidate),
        format!("/api/v1/candidates/{}/scorecards", p.candidate),
        format!("/api/v1/candidates/{}/debrief", p.candidate),
        format!(
            "/api/v1/interviews/{}/candidates/{}",
            p.stages[0], p.candidate
        ),
    ] {
        let (status, body) = gus.get(&path).await;
        assert_eq!(status, 404, "{path}: {body}");
    }
    assert_eq!(p.score(&gus, 0, &ratings, "", false).await.0, 404);
    let (_, roles) = gus.get("/api/v1/roles").await;
    assert_eq!(roles["roles"], json!([]));
    // Eve is a member of Acme but on no panel: she sees the role, not who is considered.
    let (status, role) = eve.get(&format!("/api/v1/roles/{}", p.role)).await;
    assert_eq!(status, 200);
    assert_eq!(role["candidates"], json!([]));
    assert!(!role.to_string().contains("Rita Quinn"));
}

async fn opening_roles_and_planning_interviews_validate_each_field(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let p = panel(&app, None).await;
    let (status, body) = p
        .ana
        .post(
            "/api/v1/roles",
            json!({"title": " ", "rubric": "nope", "visibility": "sometimes"}),
        )
        .await;
    assert_eq!(status, 422);
    for field in ["title", "rubric", "visibility"] {
        assert!(body["fields"][field].is_string(), "{field}: {body}");
    }
    let (status, _) = p
        .ben
        .post(
            "/api/v1/roles",
            json!({"title": "Head of RevOps", "rubric": "revops-leader"}),
        )
        .await;
    assert_eq!(status, 403, "members do not open roles");
    let (status, body) = p
        .ana
        .post(
            &format!("/api/v1/roles/{}/stages", p.role),
            json!({"name": "Solo", "interviewer": "nobody", "focus": [XFL]}),
        )
        .await;
    assert_eq!(status, 422);
    assert!(body["fields"]["interviewer"].is_string());
    assert!(body["fields"]["focus"]
        .as_str()
        .unwrap()
        .contains("Choose 2 to 4"));
    let (status, body) = p
        .ana
        .post(
            &format!("/api/v1/roles/{}/candidates", p.role),
            json!({"name": "Sam", "current_title": "CRO",
                   "career": [{"title": "AE", "function": "hr", "years": 0}]}),
        )
        .await;
    assert_eq!(status, 422);
    assert!(body["fields"]["career.0.function"].is_string(), "{body}");
    assert!(body["fields"]["career.0.years"].is_string(), "{body}");
    let (_, role) = p.ana.get(&format!("/api/v1/roles/{}", p.role)).await;
    assert_eq!(role["stages"].as_array().unwrap().len(), 3, "nothing added");
    assert_eq!(role["candidates"].as_array().unwrap().len(), 1);
}

async fn decisions_are_recorded_with_their_author_and_rationale(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let p = panel(&app, None).await;
    let path = format!("/api/v1/candidates/{}/decisions", p.candidate);
    let (status, body) = p
        .ana
        .post(&path, json!({"outcome": "maybe", "rationale": ""}))
        .await;
    assert_eq!(status, 422);
    assert!(body["fields"]["outcome"].is_string() && body["fields"]["rationale"].is_string());
    let decision = json!({"outcome": "hold", "rationale": "Waiting for the **reference** check."});
    assert_eq!(p.ben.post(&path, decision.clone()).await.0, 403);
    let (status, candidate) = p.ana.post(&path, decision).await;
    assert_eq!(status, 201, "{candidate}");
    let recorded = &candidate["decisions"][0];
    assert_eq!(recorded["outcome"], "hold");
    assert_eq!(recorded["decided_by"], "Ana Admin");
    assert!(recorded["rationale_html"]
        .as_str()
        .unwrap()
        .contains("<strong>reference</strong>"));
    let (_, role) = p.ana.get(&format!("/api/v1/roles/{}", p.role)).await;
    assert_eq!(role["candidates"][0]["decision"], "hold");
    let (_, role) = p.ben.get(&format!("/api/v1/roles/{}", p.role)).await;
    assert_eq!(
        role["candidates"][0]["decision"],
        Value::Null,
        "admins only"
    );
}

async fn user_text_is_rendered_without_markup_from_the_user(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let p = panel(&app, None).await;
    let payload = "<script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror=alert(3)>";
    let (status, saved) = p.score(&p.ben, 0, &[(XFL, "3", payload)], "", false).await;
    assert_eq!(status, 200, "{saved}");
    let html = saved["ratings"][0]["evidence_html"].as_str().unwrap();
    assert!(
        !html.contains("<script") && !html.contains("<img"),
        "{html}"
    );
    assert!(!html.contains("href=\"javascript:"), "{html}");
    assert!(html.contains("&lt;script&gt;"), "shown as text: {html}");
    assert_eq!(saved["ratings"][0]["evidence"], payload, "kept as written");
}

/// What a server function the pages load with answers this browser (its JSON body).
async fn server_fn(app: &TestApp, browser: &reqwest::Client, name: &str, id: &str) -> String {
    browser
        .post(app.url(&format!("/_fn/{name}")))
        .header("Origin", &app.address)
        .header("Accept", "application/json")
        .form(&[("id", id)])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

async fn pages_and_server_functions_carry_other_scorecards_only_when_the_rule_allows(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let p = panel(&app, None).await;
    let [ben, cleo, _] = &p.browsers;
    let (status, _) = p
        .score(&p.cleo, 1, &[(XFL, "2", "CLEO-DRAFT-NOTE")], "", false)
        .await;
    assert_eq!(status, 200);
    let ratings = [
        (XFL, "3", "BEN-EVIDENCE"),
        (BRIDGE, "4", "b"),
        (CS, "3", "c"),
    ];
    assert_eq!(p.score(&p.ben, 0, &ratings, "yes", true).await.0, 200);
    let candidate_page = format!("/hiring/candidates/{}", p.candidate);
    let debrief_page = format!("{candidate_page}/debrief");

    // Cleo has not submitted: neither the pages nor their server functions carry Ben's card.
    let page = app.page_as(cleo, &debrief_page).await;
    assert!(page.contains("No access") && !page.contains("BEN-EVIDENCE"));
    let data = server_fn(&app, cleo, "debrief_page", &p.candidate).await;
    assert!(!data.contains("BEN-EVIDENCE"), "{data}");
    let page = app.page_as(cleo, &candidate_page).await;
    assert!(!page.contains("BEN-EVIDENCE") && !page.contains("/debrief\""));
    // Ben has: his debrief shows his own card and never Cleo's draft, in HTML or data.
    let page = app.page_as(ben, &debrief_page).await;
    assert!(page.contains("BEN-EVIDENCE") && !page.contains("CLEO-DRAFT-NOTE"));
    let data = server_fn(&app, ben, "debrief_page", &p.candidate).await;
    assert!(data.contains("BEN-EVIDENCE") && !data.contains("CLEO-DRAFT-NOTE"));
    // Cleo's own interview page is the only place her draft appears.
    let interview = format!("/interviews/{}/{}", p.stages[1], p.candidate);
    assert!(app
        .page_as(cleo, &interview)
        .await
        .contains("CLEO-DRAFT-NOTE"));
    assert!(!app
        .page_as(ben, &interview)
        .await
        .contains("CLEO-DRAFT-NOTE"));

    let full = [
        (XFL, "2", "CLEO-DRAFT-NOTE"),
        (BRIDGE, "2", "x"),
        (CS, "3", "y"),
    ];
    assert_eq!(p.score(&p.cleo, 1, &full, "no", true).await.0, 200);
    let data = server_fn(&app, cleo, "debrief_page", &p.candidate).await;
    assert!(
        data.contains("BEN-EVIDENCE"),
        "readable once she has submitted"
    );
    assert!(app
        .page_as(cleo, &debrief_page)
        .await
        .contains("BEN-EVIDENCE"));
}
