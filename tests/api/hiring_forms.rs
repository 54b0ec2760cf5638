//! Hiring through the plain HTML forms: each endpoint redirects (303) with JavaScript off,
//! errors and typed values coming back in the signed flash cookie, and answers JSON to the
//! islands. The JSON API (with a token) checks what was stored.

use crate::rest::{admin_with_token, create_token, join_acme, Api};
use app::models::Flash;
use revalign_tests::{cookie_value, location, on_both_backends, Backend, TestApp};
use serde_json::{json, Value};

on_both_backends!(
    an_admin_opens_a_role_plans_an_interview_and_adds_a_candidate_with_plain_forms,
    bad_input_goes_back_to_the_form_with_errors_and_the_typed_values,
    role_settings_and_the_organisation_rule_are_saved_from_forms,
    a_member_posting_to_open_a_role_is_refused_and_nothing_is_created,
    signed_out_posts_go_to_sign_in_and_change_nothing,
    an_interviewer_saves_a_draft_with_javascript_off,
    autosave_answers_json_and_stores_the_changed_value,
    an_incomplete_submission_goes_back_with_errors_and_locks_nothing,
    a_complete_submission_goes_to_the_candidate_and_locks_the_scorecard,
    a_decision_posted_from_the_debrief_is_recorded,
    a_scorecard_post_from_another_site_is_refused_and_saves_nothing,
);

const XFL: &str = "cross-functional-leadership";
const BRIDGE: &str = "bridging-marketing-sales";
const CS: &str = "cs-friction";

/// The flash a response sets, read with the server's secret.
fn flash(app: &TestApp, response: &reqwest::Response) -> Flash {
    let value = cookie_value(response, app::services::flash::COOKIE).expect("a flash cookie");
    app::services::flash::verify(&value, app.state.auth.secret.expose())
        .expect("a flash signed by the server")
}

async fn json_of(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let text = response.text().await.expect("body");
    let body = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("answer {status} is not JSON ({e}): {text}"));
    (status, body)
}

/// The last path segment of a redirect, e.g. the id in `/hiring/roles/{id}`.
fn id_in(location: &str, prefix: &str) -> String {
    location
        .strip_prefix(prefix)
        .unwrap_or_else(|| panic!("{location} does not start with {prefix}"))
        .to_owned()
}

/// Acme: Ana (admin, signed in on `app.client`, with a token) and Ben (member, his own
/// browser and token); a role opened by form, Ben interviewing on XFL, BRIDGE and CS; a
/// candidate.
struct Hiring<'a> {
    app: &'a TestApp,
    ana: Api<'a>,
    ben_browser: reqwest::Client,
    ben: Api<'a>,
    role: String,
    stage: String,
    candidate: String,
}

async fn hiring(app: &TestApp) -> Hiring<'_> {
    let ana = Api::new(app, &admin_with_token(app).await);
    let ben_browser = join_acme(app, "Ben Ode", "ben@acme.test").await;
    let ben = Api::new(app, &create_token(app, &ben_browser, "script").await);
    let opened = app
        .post_form(
            "/hiring/roles",
            &[
                ("title", "VP Revenue Operations"),
                ("rubric", "revops-leader"),
                ("visibility", ""),
            ],
        )
        .await;
    assert_eq!(opened.status(), 303);
    let role = id_in(&location(&opened), "/hiring/roles/");
    let (_, view) = ana.get(&format!("/api/v1/roles/{role}")).await;
    let ben_id = view["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "Ben Ode")
        .map(|m| m["id"].as_str().unwrap().to_owned())
        .expect("Ben is a member");
    let added = app
        .post_form(
            &format!("/hiring/roles/{role}/stages"),
            &[
                ("name", "Leadership"),
                ("interviewer", &ben_id),
                ("focus", XFL),
                ("focus", BRIDGE),
                ("focus", CS),
            ],
        )
        .await;
    assert_eq!(location(&added), format!("/hiring/roles/{role}"));
    let (_, view) = ana.get(&format!("/api/v1/roles/{role}")).await;
    let stage = view["stages"][0]["id"]
        .as_str()
        .expect("a stage")
        .to_owned();
    let candidate = app
        .post_form(
            &format!("/hiring/roles/{role}/candidates"),
            &[
                ("name", "Rita Quinn"),
                ("current_title", "Director of Sales Operations"),
                ("career.0.title", "Marketing analyst"),
                ("career.0.function", "marketing"),
                ("career.0.years", "2"),
            ],
        )
        .await;
    let candidate = id_in(&location(&candidate), "/hiring/candidates/");
    Hiring {
        app,
        ana,
        ben_browser,
        ben,
        role,
        stage,
        candidate,
    }
}

impl Hiring<'_> {
    fn interview(&self) -> String {
        format!("/interviews/{}/{}", self.stage, self.candidate)
    }

    /// Ben's scorecard as the JSON API shows it to him.
    async fn scorecard(&self) -> Value {
        let (status, kit) = self
            .ben
            .get(&format!(
                "/api/v1/interviews/{}/candidates/{}",
                self.stage, self.candidate
            ))
            .await;
        assert_eq!(status, 200, "{kit}");
        kit["scorecard"].clone()
    }

    /// Ben posts his scorecard form (JavaScript off).
    async fn post_scorecard(&self, fields: &[(&str, &str)]) -> reqwest::Response {
        self.app
            .post_form_as(&self.ben_browser, &self.interview(), fields)
            .await
    }
}

fn evidence_of<'a>(scorecard: &'a Value, id: &str) -> &'a Value {
    let rating = scorecard["ratings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["competency_id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {scorecard}"));
    &rating["evidence"]
}

fn rating_of<'a>(scorecard: &'a Value, id: &str) -> &'a Value {
    let rating = scorecard["ratings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["competency_id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {scorecard}"));
    &rating["rating"]
}

const COMPLETE: [(&str, &str); 9] = [
    ("rating.cross-functional-leadership", "3"),
    (
        "evidence.cross-functional-leadership",
        "Led the joint pipeline plan.",
    ),
    ("rating.bridging-marketing-sales", "4"),
    ("evidence.bridging-marketing-sales", "Settled lead routing."),
    ("rating.cs-friction", "no-evidence"),
    ("evidence.cs-friction", ""),
    ("recommendation", "yes"),
    ("takeaways", "Strong operator."),
    ("intent", "submit"),
];

async fn an_admin_opens_a_role_plans_an_interview_and_adds_a_candidate_with_plain_forms(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let ana = Api::new(&app, &admin_with_token(&app).await);
    let opened = app
        .post_form(
            "/hiring/roles",
            &[
                ("title", "Head of RevOps"),
                ("rubric", "revops-leader"),
                ("visibility", "never"),
            ],
        )
        .await;
    assert_eq!(opened.status(), 303);
    let role = id_in(&location(&opened), "/hiring/roles/");
    let notice = flash(&app, &opened);
    assert_eq!(notice.form, "role");
    assert_eq!(
        notice.notice.as_deref(),
        Some("Role opened. Plan its interviews and add candidates below.")
    );
    let (status, view) = ana.get(&format!("/api/v1/roles/{role}")).await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["title"], "Head of RevOps");
    assert_eq!(view["visibility"], "never");
    let ana_id = view["members"][0]["id"].as_str().unwrap().to_owned();

    let added = app
        .post_form(
            &format!("/hiring/roles/{role}/stages"),
            &[
                ("name", "Panel"),
                ("interviewer", &ana_id),
                ("focus", CS),
                ("focus", XFL),
            ],
        )
        .await;
    assert_eq!(added.status(), 303);
    assert_eq!(location(&added), format!("/hiring/roles/{role}"));
    assert_eq!(flash(&app, &added).form, "stage");

    let added = app
        .post_form(
            &format!("/hiring/roles/{role}/candidates"),
            &[
                ("name", "Rita Quinn"),
                ("current_title", "Director of Sales Operations"),
                ("career.0.title", "Marketing analyst"),
                ("career.0.function", "marketing"),
                ("career.0.years", "2"),
                ("career.1.title", ""),
                ("career.1.function", ""),
                ("career.1.years", ""),
                ("career.2.title", "Sales ops manager"),
                ("career.2.function", "sales"),
                ("career.2.years", "4,5"),
            ],
        )
        .await;
    assert_eq!(added.status(), 303);
    let candidate = id_in(&location(&added), "/hiring/candidates/");
    assert_eq!(flash(&app, &added).form, "candidate");

    let (_, view) = ana.get(&format!("/api/v1/roles/{role}")).await;
    let stage = &view["stages"][0];
    assert_eq!(stage["name"], "Panel");
    assert_eq!(stage["interviewer_name"], "Ana Admin");
    let focus: Vec<&str> = stage["focus"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(focus, [XFL, CS], "in rubric order");
    let (status, view) = ana.get(&format!("/api/v1/candidates/{candidate}")).await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["name"], "Rita Quinn");
    let career: Vec<(&str, f64)> = view["career"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["title"].as_str().unwrap(), e["years"].as_f64().unwrap()))
        .collect();
    assert_eq!(
        career,
        [("Marketing analyst", 2.0), ("Sales ops manager", 4.5)],
        "the empty row is skipped, the others kept in order"
    );
}

async fn bad_input_goes_back_to_the_form_with_errors_and_the_typed_values(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = hiring(&app).await;
    let bad_role = [
        ("title", " "),
        ("rubric", "nope"),
        ("visibility", "sometimes"),
    ];
    let back = app.post_form("/hiring/roles", &bad_role).await;
    assert_eq!(back.status(), 303);
    assert_eq!(location(&back), "/hiring");
    let sent = flash(&app, &back);
    assert_eq!(sent.form, "role");
    for field in ["title", "rubric", "visibility"] {
        assert!(sent.fields.contains_key(field), "{field}: {sent:?}");
    }
    assert_eq!(sent.value("visibility").as_deref(), Some("sometimes"));
    let (status, body) = json_of(
        app.post_form_json_as(&app.client, "/hiring/roles", &bad_role)
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(body["message"].is_string());
    for field in ["title", "rubric", "visibility"] {
        assert!(body["fields"][field].is_string(), "{field}: {body}");
    }

    let candidates = format!("/hiring/roles/{}/candidates", h.role);
    let bad_candidate = [
        ("name", "Sam Lee"),
        ("current_title", "CRO"),
        ("career.0.title", "Account executive at Initech"),
        ("career.0.function", "hr"),
        ("career.0.years", "0"),
    ];
    let back = app.post_form(&candidates, &bad_candidate).await;
    assert_eq!(back.status(), 303);
    assert_eq!(location(&back), format!("/hiring/roles/{}", h.role));
    let sent = flash(&app, &back);
    assert_eq!(sent.form, "candidate");
    assert!(sent.fields.contains_key("career.0.function"), "{sent:?}");
    assert!(sent.fields.contains_key("career.0.years"), "{sent:?}");
    for (name, typed) in bad_candidate {
        assert_eq!(sent.value(name).as_deref(), Some(typed), "{name} kept");
    }
    let (status, body) = json_of(
        app.post_form_json_as(&app.client, &candidates, &bad_candidate)
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(body["fields"]["career.0.years"].is_string(), "{body}");

    let stages = format!("/hiring/roles/{}/stages", h.role);
    let bad_stage = [
        ("name", "Solo chat"),
        ("interviewer", "nobody"),
        ("focus", XFL),
    ];
    let back = app.post_form(&stages, &bad_stage).await;
    assert_eq!(location(&back), format!("/hiring/roles/{}", h.role));
    let sent = flash(&app, &back);
    assert_eq!(sent.form, "stage");
    assert!(sent.fields.contains_key("interviewer") && sent.fields.contains_key("focus"));
    assert_eq!(sent.value("name").as_deref(), Some("Solo chat"));
    assert_eq!(sent.value("focus").as_deref(), Some(XFL));

    let (_, view) = h.ana.get(&format!("/api/v1/roles/{}", h.role)).await;
    assert_eq!(view["stages"].as_array().unwrap().len(), 1, "nothing added");
    assert_eq!(view["candidates"].as_array().unwrap().len(), 1);
    let (_, roles) = h.ana.get("/api/v1/roles").await;
    assert_eq!(roles["roles"].as_array().unwrap().len(), 1);
}

async fn role_settings_and_the_organisation_rule_are_saved_from_forms(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = hiring(&app).await;
    let saved = app
        .post_form("/hiring/visibility", &[("visibility", "always")])
        .await;
    assert_eq!(saved.status(), 303);
    assert_eq!(location(&saved), "/hiring");
    assert_eq!(flash(&app, &saved).form, "visibility");
    let (_, view) = h.ana.get(&format!("/api/v1/roles/{}", h.role)).await;
    assert_eq!(view["visibility"], "always");
    assert_eq!(view["visibility_inherited"], true);

    let settings = format!("/hiring/roles/{}/settings", h.role);
    let weight = format!("weight.{XFL}");
    let saved = app
        .post_form(&settings, &[("visibility", "never"), (&weight, "2.5")])
        .await;
    assert_eq!(saved.status(), 303);
    assert_eq!(location(&saved), format!("/hiring/roles/{}", h.role));
    let notice = flash(&app, &saved);
    assert_eq!(notice.form, "role-settings");
    assert_eq!(notice.notice.as_deref(), Some("Saved."));
    let (_, view) = h.ana.get(&format!("/api/v1/roles/{}", h.role)).await;
    assert_eq!(view["visibility"], "never");
    assert_eq!(view["visibility_inherited"], false);
    let xfl = view["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == XFL)
        .unwrap();
    assert_eq!(xfl["weight"], 2.5);

    let bad = [("visibility", ""), (weight.as_str(), "0")];
    let back = app.post_form(&settings, &bad).await;
    assert_eq!(location(&back), format!("/hiring/roles/{}", h.role));
    let sent = flash(&app, &back);
    assert_eq!(sent.form, "role-settings");
    assert!(sent.fields.contains_key(&weight), "{sent:?}");
    assert_eq!(sent.value(&weight).as_deref(), Some("0"));
    let (status, body) = json_of(app.post_form_json_as(&app.client, &settings, &bad).await).await;
    assert_eq!(status, 422);
    assert!(body["fields"][&weight].is_string(), "{body}");
    let (_, view) = h.ana.get(&format!("/api/v1/roles/{}", h.role)).await;
    assert_eq!(view["visibility"], "never", "unchanged");

    let (status, _) = json_of(
        app.post_form_json_as(
            &h.ben_browser,
            "/hiring/visibility",
            &[("visibility", "never")],
        )
        .await,
    )
    .await;
    assert_eq!(status, 403, "members do not set the rule");
}

async fn a_member_posting_to_open_a_role_is_refused_and_nothing_is_created(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let ana = Api::new(&app, &admin_with_token(&app).await);
    let ben = join_acme(&app, "Ben Ode", "ben@acme.test").await;
    let role = [("title", "Head of RevOps"), ("rubric", "revops-leader")];
    let (status, body) = json_of(app.post_form_json_as(&ben, "/hiring/roles", &role).await).await;
    assert_eq!(status, 403, "{body}");
    assert!(body["message"].is_string());
    let back = app.post_form_as(&ben, "/hiring/roles", &role).await;
    assert_eq!(back.status(), 303);
    assert_eq!(location(&back), "/hiring");
    assert!(flash(&app, &back).error.is_some());
    let (_, roles) = ana.get("/api/v1/roles").await;
    assert_eq!(roles["roles"], json!([]));
}

async fn signed_out_posts_go_to_sign_in_and_change_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = hiring(&app).await;
    let stranger = TestApp::browser_like_client();
    let back = app
        .post_form_as(
            &stranger,
            "/hiring/roles",
            &[("title", "Head of RevOps"), ("rubric", "revops-leader")],
        )
        .await;
    assert_eq!(back.status(), 303);
    assert_eq!(location(&back), "/signin?next=/hiring");
    let back = app.post_form_as(&stranger, &h.interview(), &COMPLETE).await;
    assert_eq!(location(&back), format!("/signin?next={}", h.interview()));
    let (status, _) = json_of(
        app.post_form_json_as(&stranger, &h.interview(), &COMPLETE)
            .await,
    )
    .await;
    assert_eq!(status, 401);
    let (_, roles) = h.ana.get("/api/v1/roles").await;
    assert_eq!(roles["roles"].as_array().unwrap().len(), 1);
    assert_eq!(h.scorecard().await["status"], "not-started");
}

async fn an_interviewer_saves_a_draft_with_javascript_off(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = hiring(&app).await;
    let saved = h
        .post_scorecard(&[
            ("rating.cross-functional-leadership", "2"),
            (
                "evidence.cross-functional-leadership",
                "Ran the QBR across marketing and sales.",
            ),
            ("rating.bridging-marketing-sales", ""),
            ("evidence.bridging-marketing-sales", ""),
            ("takeaways", "Follow up on CS."),
            ("intent", "save"),
        ])
        .await;
    assert_eq!(saved.status(), 303);
    assert_eq!(location(&saved), h.interview());
    let notice = flash(&app, &saved);
    assert_eq!(notice.form, "scorecard");
    assert_eq!(
        notice.notice.as_deref(),
        Some("Draft saved. Nobody else can read it.")
    );
    let scorecard = h.scorecard().await;
    assert_eq!(scorecard["status"], "draft");
    assert_eq!(
        evidence_of(&scorecard, XFL),
        "Ran the QBR across marketing and sales."
    );
    assert_eq!(
        rating_of(&scorecard, XFL),
        &json!({"kind": "level", "level": 2})
    );
    assert_eq!(scorecard["takeaways"], "Follow up on CS.");
    // The admin reads no drafts.
    let (_, theirs) = h
        .ana
        .get(&format!("/api/v1/candidates/{}/scorecards", h.candidate))
        .await;
    assert!(!theirs.to_string().contains("Ran the QBR"), "{theirs}");
}

async fn autosave_answers_json_and_stores_the_changed_value(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = hiring(&app).await;
    let form = [
        ("rating.cross-functional-leadership", "3"),
        ("evidence.cross-functional-leadership", "AUTOSAVED note"),
        ("recommendation", ""),
        ("takeaways", ""),
        ("autosave", "1"),
    ];
    let (status, body) = json_of(
        app.post_form_json_as(&h.ben_browser, &h.interview(), &form)
            .await,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body, json!({"saved": true}));
    let scorecard = h.scorecard().await;
    assert_eq!(scorecard["status"], "draft");
    assert_eq!(evidence_of(&scorecard, XFL), "AUTOSAVED note");

    // An autosave never submits, even with the submit button's value in the form.
    let mut complete = COMPLETE.to_vec();
    complete.push(("autosave", "1"));
    let (status, body) = json_of(
        app.post_form_json_as(&h.ben_browser, &h.interview(), &complete)
            .await,
    )
    .await;
    assert_eq!((status, &body["saved"]), (200, &json!(true)), "{body}");
    assert_eq!(h.scorecard().await["status"], "draft");

    let field = format!("rating.{BRIDGE}");
    let (status, body) = json_of(
        app.post_form_json_as(
            &h.ben_browser,
            &h.interview(),
            &[(field.as_str(), "7"), ("autosave", "1")],
        )
        .await,
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["saved"], false);
    assert!(body["message"].is_string());
    assert!(body["fields"][&field].is_string(), "{body}");
    assert_eq!(
        evidence_of(&h.scorecard().await, XFL),
        "Led the joint pipeline plan.",
        "the refused autosave changed nothing"
    );
}

async fn an_incomplete_submission_goes_back_with_errors_and_locks_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = hiring(&app).await;
    let incomplete = [
        ("rating.cross-functional-leadership", "3"),
        (
            "evidence.cross-functional-leadership",
            "TYPED: led the joint plan.",
        ),
        ("rating.bridging-marketing-sales", ""),
        (
            "evidence.bridging-marketing-sales",
            "TYPED: vague on routing.",
        ),
        ("rating.cs-friction", ""),
        ("evidence.cs-friction", ""),
        ("takeaways", "TYPED take-aways."),
        ("intent", "submit"),
    ];
    let back = h.post_scorecard(&incomplete).await;
    assert_eq!(back.status(), 303);
    assert_eq!(location(&back), h.interview());
    let sent = flash(&app, &back);
    assert_eq!(sent.form, "scorecard");
    assert!(sent.error.is_some());
    for field in [
        format!("rating.{BRIDGE}"),
        format!("rating.{CS}"),
        "recommendation".to_owned(),
    ] {
        assert!(sent.fields.contains_key(&field), "{field}: {sent:?}");
    }
    for (name, typed) in &incomplete[..7] {
        assert_eq!(sent.value(name).as_deref(), Some(*typed), "{name} kept");
    }
    let scorecard = h.scorecard().await;
    assert_eq!(scorecard["status"], "draft", "kept as a draft, not locked");
    assert_eq!(evidence_of(&scorecard, BRIDGE), "TYPED: vague on routing.");
    assert_eq!(scorecard["submitted_at"], Value::Null);

    let (status, body) = json_of(
        app.post_form_json_as(&h.ben_browser, &h.interview(), &incomplete)
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(body["fields"][format!("rating.{CS}")].is_string(), "{body}");
    // Still open: a later draft save works.
    let saved = h
        .post_scorecard(&[("recommendation", "no"), ("intent", "save")])
        .await;
    assert_eq!(location(&saved), h.interview());
    assert_eq!(h.scorecard().await["recommendation"], "no");
}

async fn a_complete_submission_goes_to_the_candidate_and_locks_the_scorecard(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = hiring(&app).await;
    let submitted = h.post_scorecard(&COMPLETE).await;
    assert_eq!(submitted.status(), 303);
    assert_eq!(
        location(&submitted),
        format!("/hiring/candidates/{}", h.candidate)
    );
    let notice = flash(&app, &submitted);
    assert_eq!(notice.form, "scorecard");
    assert_eq!(notice.notice.as_deref(), Some("Scorecard submitted."));
    let scorecard = h.scorecard().await;
    assert_eq!(scorecard["status"], "submitted");
    assert_eq!(scorecard["recommendation"], "yes");

    let mut changed = COMPLETE.to_vec();
    changed[6] = ("recommendation", "no");
    let back = h.post_scorecard(&changed).await;
    assert_eq!(back.status(), 303);
    assert_eq!(location(&back), h.interview());
    let sent = flash(&app, &back);
    assert!(
        sent.error.as_deref().unwrap().contains("locked"),
        "{sent:?}"
    );
    changed[8] = ("intent", "save");
    let (status, body) = json_of(
        app.post_form_json_as(&h.ben_browser, &h.interview(), &changed)
            .await,
    )
    .await;
    assert_eq!(status, 422);
    assert!(body["message"].as_str().unwrap().contains("locked"));
    assert_eq!(h.scorecard().await["recommendation"], "yes", "unchanged");
    // The admin now reads it.
    let (_, theirs) = h
        .ana
        .get(&format!("/api/v1/candidates/{}/scorecards", h.candidate))
        .await;
    assert_eq!(theirs["scorecards"][0]["interviewer_name"], "Ben Ode");
}

async fn a_decision_posted_from_the_debrief_is_recorded(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = hiring(&app).await;
    let decisions = format!("/hiring/candidates/{}/decisions", h.candidate);
    let debrief = format!("/hiring/candidates/{}/debrief", h.candidate);
    let back = app
        .post_form(
            &decisions,
            &[("outcome", ""), ("rationale", "TYPED: strong on routing.")],
        )
        .await;
    assert_eq!(back.status(), 303);
    assert_eq!(location(&back), debrief);
    let sent = flash(&app, &back);
    assert_eq!(sent.form, "decision");
    assert!(sent.fields.contains_key("outcome"), "{sent:?}");
    assert_eq!(
        sent.value("rationale").as_deref(),
        Some("TYPED: strong on routing.")
    );

    let decision = [
        ("outcome", "hold"),
        ("rationale", "Waiting for the **reference** check."),
    ];
    let (status, _) = json_of(
        app.post_form_json_as(&h.ben_browser, &decisions, &decision)
            .await,
    )
    .await;
    assert_eq!(status, 403, "members do not decide");
    let recorded = app.post_form(&decisions, &decision).await;
    assert_eq!(recorded.status(), 303);
    assert_eq!(location(&recorded), debrief);
    assert_eq!(flash(&app, &recorded).form, "decision");
    let (_, candidate) = h
        .ana
        .get(&format!("/api/v1/candidates/{}", h.candidate))
        .await;
    let decisions = candidate["decisions"].as_array().unwrap();
    assert_eq!(decisions.len(), 1, "{candidate}");
    assert_eq!(decisions[0]["outcome"], "hold");
    assert_eq!(decisions[0]["decided_by"], "Ana Admin");
    assert_eq!(
        decisions[0]["rationale"],
        "Waiting for the **reference** check."
    );
}

async fn a_scorecard_post_from_another_site_is_refused_and_saves_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let h = hiring(&app).await;
    let mut draft = COMPLETE.to_vec();
    draft[8] = ("intent", "save");
    let refused = h
        .ben_browser
        .post(app.url(&h.interview()))
        .header("Origin", "http://evil.test")
        .form(&draft)
        .send()
        .await
        .expect("POST request");
    assert_eq!(refused.status(), 403);
    let refused = h
        .ben_browser
        .post(app.url(&h.interview()))
        .header("Origin", "http://evil.test")
        .form(&COMPLETE)
        .send()
        .await
        .expect("POST request");
    assert_eq!(refused.status(), 403);
    assert_eq!(h.scorecard().await["status"], "not-started");
}
