//! Hiring over the JSON API: roles, interview plans, candidates, scorecards under the
//! visibility rule, the debrief with its statistics, and decisions.

use app::domain::agreement::{krippendorff_alpha, Metric};
use revalign_tests::api::{create_token, join_acme, other_organisation_token, Api};
use revalign_tests::panel::{panel, BRIDGE, CHANGE, CS, XFL};
use revalign_tests::{on_both_backends, Backend, TestApp};
use serde_json::{json, Value};

on_both_backends!(
    the_debrief_shows_the_grid_flags_and_agreement_statistics,
    submitting_needs_every_rating_with_evidence_and_then_locks_the_scorecard,
    only_the_interviewer_fills_a_scorecard_and_other_organisations_get_404,
    opening_roles_and_planning_interviews_validate_each_field,
    decisions_are_recorded_with_their_author_and_rationale,
    an_interviewer_whose_browser_asks_for_chinese_sees_the_hiring_pages_in_chinese,
);

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

async fn an_interviewer_whose_browser_asks_for_chinese_sees_the_hiring_pages_in_chinese(
    backend: Backend,
) {
    use app::i18n::{I18n, Locale};
    let zh = I18n::new(Locale::ZhCn);
    let chinese = "zh-CN,zh;q=0.9,en;q=0.5";
    let app = TestApp::spawn(backend).await;
    let p = panel(&app, Some("always")).await;
    let ben = &p.browsers[0];

    let role = app
        .page_as_in(ben, &format!("/hiring/roles/{}", p.role), Some(chinese))
        .await;
    assert!(role.contains("<html lang=\"zh-CN\""), "{role}");
    for key in [
        "hiring-plan-title",
        "hiring-plan-hint",
        "hiring-competencies-title",
        "hiring-col-functions",
    ] {
        assert!(role.contains(&zh.t(key)), "{key} not in Chinese: {role}");
    }
    for english in [
        "Interview plan",
        "Competencies and weights",
        "Functions worked in",
    ] {
        assert!(
            !role.contains(english),
            "{english:?} left in English: {role}"
        );
    }
    let english_role = app
        .page_as_in(ben, &format!("/hiring/roles/{}", p.role), Some("en"))
        .await;
    assert!(english_role.contains("Interview plan"), "{english_role}");

    // Ben's scorecard, still a draft.
    let kit_path = format!("/interviews/{}/{}", p.stages[0], p.candidate);
    let kit = app.page_as_in(ben, &kit_path, Some(chinese)).await;
    for key in [
        "hiring-questions-to-ask",
        "hiring-recommendation-legend",
        "hiring-save-draft",
        "hiring-submit-scorecard",
        "hiring-status-draft",
        "hiring-no-evidence",
    ] {
        assert!(kit.contains(&zh.t(key)), "{key} not in Chinese: {kit}");
    }
    let heading = zh.t_with(
        "hiring-interview-heading",
        &[
            ("candidate", "Rita Quinn".into()),
            ("stage", "Leadership".into()),
        ],
    );
    assert!(kit.contains(&format!("<h1>{heading}</h1>")), "{kit}");
    for english in [
        "Questions to ask",
        "Overall recommendation",
        "Save draft",
        "Submit scorecard",
        "No evidence",
    ] {
        assert!(!kit.contains(english), "{english:?} left in English: {kit}");
    }

    // The debrief, with a disagreement flag and a note on ICC.
    let ratings = [
        [(XFL, "3", "e"), (BRIDGE, "4", "e"), (CS, "3", "e")],
        [(XFL, "1", "e"), (BRIDGE, "2", "e"), (CS, "3", "e")],
    ];
    assert_eq!(
        p.score(&p.ben, 0, &ratings[0], "strong-yes", true).await.0,
        200
    );
    assert_eq!(p.score(&p.cleo, 1, &ratings[1], "no", true).await.0, 200);
    let dan = [
        (BRIDGE, "4", "e"),
        (CS, "2", "e"),
        (CHANGE, "no-evidence", ""),
    ];
    assert_eq!(p.score(&p.dan, 2, &dan, "yes", true).await.0, 200);
    let debrief = app
        .page_as_in(
            ben,
            &format!("/hiring/candidates/{}/debrief", p.candidate),
            Some(chinese),
        )
        .await;
    let heading = zh.t_with(
        "hiring-debrief-heading",
        &[("candidate", "Rita Quinn".into())],
    );
    assert!(
        debrief.contains(&format!("<h1>{heading}</h1>")),
        "{debrief}"
    );
    for key in [
        "hiring-col-mean",
        "hiring-col-spread",
        "hiring-col-weighted-total",
        "hiring-alpha-ordinal",
        "hiring-agreement-hint",
    ] {
        assert!(
            debrief.contains(&zh.t(key)),
            "{key} not in Chinese: {debrief}"
        );
    }
    let flag = zh.t_with(
        "hiring-flag-levels",
        &[
            ("gap", "2".into()),
            ("low_by", "Cleo Park".into()),
            ("low", "1".into()),
            ("high_by", "Ben Ode".into()),
            ("high", "3".into()),
        ],
    );
    assert!(debrief.contains(&flag), "{flag} not in {debrief}");
    let icc_note = zh.t_with(
        "hiring-note-icc-too-few",
        &[("min", "3".into()), ("raters", "2".into())],
    );
    assert!(debrief.contains(&icc_note), "{icc_note} not in {debrief}");
    for english in [
        "Debrief: Rita Quinn",
        "levels apart",
        "Weighted total",
        "Not enough data",
        "Key take-aways",
    ] {
        assert!(
            !debrief.contains(english),
            "{english:?} left in English: {debrief}"
        );
    }
}
