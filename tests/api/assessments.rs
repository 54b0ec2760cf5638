//! Maturity assessments over HTTP: launching campaigns, answering through links (plain
//! form posts and the autosave's JSON posts), resuming, submitting, results and anonymity.

use futures::future::join_all;
use revalign_tests::{location, on_both_backends, Backend, TestApp};
use serde_json::Value;

const PASSWORD: &str = "correct horse battery";

on_both_backends!(
    launching_a_campaign_creates_one_link_per_function,
    launching_with_bad_input_names_each_field_and_creates_nothing,
    respondents_answer_through_their_function_link_and_results_show_the_gap,
    a_respondent_who_leaves_half_way_resumes_where_they_stopped,
    a_person_link_resumes_from_any_browser,
    submitting_twice_keeps_one_response,
    answers_are_locked_after_submit,
    bad_answers_are_refused_and_change_nothing,
    submitting_with_unanswered_questions_says_how_many,
    a_closed_campaign_takes_no_answers,
    functions_below_the_anonymity_threshold_are_not_shown,
    other_organisations_and_unknown_links_are_not_found,
    concurrent_respondents_lose_no_answers,
    the_demo_data_shows_a_finished_assessment_with_gaps,
    a_campaign_keeps_its_model_version_after_the_file_changes,
);

/// Signs up an organisation and launches a campaign; returns its id.
pub(crate) async fn launch(app: &TestApp, functions: &[&str], min_group_size: &str) -> String {
    app.sign_up("Acme", "Ana Admin", "ana@acme.test", PASSWORD)
        .await;
    launch_as_signed_in(app, "Baseline", functions, min_group_size).await
}

async fn launch_as_signed_in(
    app: &TestApp,
    name: &str,
    functions: &[&str],
    min_group_size: &str,
) -> String {
    let mut fields = vec![
        ("name", name),
        ("model", "revops-maturity"),
        ("min_group_size", min_group_size),
    ];
    fields.extend(functions.iter().map(|f| ("functions", *f)));
    let response = app.post_form("/assessments", &fields).await;
    let to = location(&response);
    assert!(to.starts_with("/assessments/"), "launched: {to}");
    to.trim_start_matches("/assessments/").to_owned()
}

/// The path of the link for `function` (a function link, or the person link for `person`).
pub(crate) async fn link(
    app: &TestApp,
    campaign: &str,
    function: &str,
    person: Option<&str>,
) -> String {
    let page = app.page(&format!("/assessments/{campaign}")).await;
    let marker = format!("data-function=\"{function}\"");
    page.split("<input")
        .filter(|input| input.contains(&marker))
        .find(|input| match person {
            Some(name) => input.contains(&format!("data-person=\"{name}\"")),
            None => !input.contains("data-person"),
        })
        .and_then(|input| {
            let start = input.find("/a/")?;
            let end = input[start..].find('"')? + start;
            Some(input[start..end].to_owned())
        })
        .unwrap_or_else(|| panic!("no {function} link on the campaign page"))
}

/// One person answering through a link, in their own browser (the JSON API tests use it
/// too).
pub(crate) struct Respondent<'a> {
    app: &'a TestApp,
    client: reqwest::Client,
    link: String,
}

impl<'a> Respondent<'a> {
    pub(crate) fn new(app: &'a TestApp, link: &str) -> Self {
        Respondent {
            app,
            client: TestApp::browser_like_client(),
            link: link.to_owned(),
        }
    }

    /// Starts (or continues): returns where the server sends them.
    pub(crate) async fn start(&self) -> String {
        let response = self
            .app
            .post_form_as(&self.client, &format!("{}/start", self.link), &[])
            .await;
        location(&response)
    }

    /// The same browser talking to another server (on the same database).
    pub(crate) fn on<'b>(&self, app: &'b TestApp) -> Respondent<'b> {
        Respondent {
            app,
            client: self.client.clone(),
            link: self.link.clone(),
        }
    }

    pub(crate) fn link(&self) -> &str {
        &self.link
    }

    pub(crate) fn client(&self) -> &reqwest::Client {
        &self.client
    }

    /// The question ids on a step, as the page names its fields.
    pub(crate) async fn questions(&self, step: usize) -> Vec<String> {
        let page = self
            .app
            .page_as(&self.client, &format!("{}/step/{step}", self.link))
            .await;
        let mut ids: Vec<String> = page
            .split("name=\"q.")
            .skip(1)
            .filter_map(|rest| rest.split('"').next().map(str::to_owned))
            .collect();
        ids.dedup();
        ids
    }

    /// Answers every question of a step with `value` as a plain form post ("Save and continue").
    pub(crate) async fn answer_step(&self, step: usize, value: &str) -> reqwest::Response {
        let questions = self.questions(step).await;
        let names: Vec<String> = questions.iter().map(|q| format!("q.{q}")).collect();
        let mut fields: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), value)).collect();
        fields.push(("nav", "next"));
        self.app
            .post_form_as(&self.client, &format!("{}/step/{step}", self.link), &fields)
            .await
    }

    /// Answers step `i + 1` (one per dimension, in model order) with `values[i]`.
    pub(crate) async fn answer_steps(&self, values: &[&str; 8]) {
        for (i, value) in values.iter().enumerate() {
            let response = self.answer_step(i + 1, value).await;
            assert_eq!(response.status(), 303, "step {} saved", i + 1);
        }
    }

    pub(crate) async fn answer_all(&self, value: &str) {
        for step in 1..=8 {
            let response = self.answer_step(step, value).await;
            assert_eq!(response.status(), 303, "step {step} saved");
        }
    }

    /// Saves fields the way the autosave island does; returns status and JSON.
    pub(crate) async fn autosave(&self, step: usize, fields: &[(&str, &str)]) -> (u16, Value) {
        let mut fields = fields.to_vec();
        fields.push(("autosave", "1"));
        let response = self
            .app
            .post_form_json_as(&self.client, &format!("{}/step/{step}", self.link), &fields)
            .await;
        let status = response.status().as_u16();
        (status, response.json().await.expect("JSON answer"))
    }

    /// Switches their browser's language with the page's switcher (a plain form post).
    pub(crate) async fn choose_language(&self, locale: &str) {
        let response = self
            .app
            .post_form_as(
                &self.client,
                "/language",
                &[("locale", locale), ("next", &self.link)],
            )
            .await;
        assert_eq!(location(&response), self.link);
    }

    pub(crate) async fn submit(&self) -> reqwest::Response {
        self.app
            .post_form_as(&self.client, &format!("{}/submit", self.link), &[])
            .await
    }

    pub(crate) async fn page(&self, path: &str) -> String {
        self.app
            .page_as(&self.client, &format!("{}{path}", self.link))
            .await
    }
}

async fn launching_a_campaign_creates_one_link_per_function(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let campaign = launch(&app, &["marketing", "sales"], "3").await;

    let page = app.page(&format!("/assessments/{campaign}")).await;
    assert!(page.contains("Assessment launched"));
    assert_eq!(page.matches("data-function=").count(), 2);
    let marketing = link(&app, &campaign, "marketing", None).await;
    let sales = link(&app, &campaign, "sales", None).await;
    assert_ne!(marketing, sales);
    assert!(marketing.len() > 40, "the link token is long and random");

    let dashboard = app.page("/dashboard").await;
    assert!(dashboard.contains("Baseline"));
    assert!(dashboard.contains("Open"));
    assert!(dashboard.contains("Marketing</strong>: 0 submitted"));
}

async fn launching_with_bad_input_names_each_field_and_creates_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("Acme", "Ana", "ana@acme.test", PASSWORD).await;

    let response = app
        .post_form_json_as(
            &app.client,
            "/assessments",
            &[
                ("name", "  "),
                ("model", "no-such-model"),
                ("functions", "hr"),
                ("closes_on", "31/12/2026"),
                ("min_group_size", "0"),
            ],
        )
        .await;

    assert_eq!(response.status(), 422);
    let body: Value = response.json().await.unwrap();
    for field in ["name", "model", "functions", "closes_on", "min_group_size"] {
        assert!(
            body["fields"][field]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{field} has a message: {body}"
        );
    }
    assert!(app
        .page("/assessments")
        .await
        .contains("No assessments yet"));
}

async fn respondents_answer_through_their_function_link_and_results_show_the_gap(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let campaign = launch(&app, &["marketing", "sales"], "1").await;
    let marketing = link(&app, &campaign, "marketing", None).await;
    let sales = link(&app, &campaign, "sales", None).await;

    for (link, level) in [(&marketing, "2"), (&marketing, "3"), (&sales, "5")] {
        let respondent = Respondent::new(&app, link);
        assert_eq!(respondent.start().await, format!("{link}/step/1"));
        respondent.answer_all(level).await;
        assert_eq!(
            location(&respondent.submit().await),
            format!("{link}/thanks")
        );
        assert!(respondent.page("/thanks").await.contains("Thank you"));
    }

    let results = app.page(&format!("/assessments/{campaign}/results")).await;
    assert!(results.contains("3 submitted responses"));
    // Everyone: (2 + 3 + 5) / 3 = 3.33; marketing 2.5, sales 5.0.
    assert!(results.contains("Overall level 3.3 of 5"), "overall mean");
    assert!(results.contains("Sales rates alignment and shared goals 5.0, marketing 2.5"));
    assert!(results.contains("<svg"), "the radar chart is drawn");
    assert!(results.contains("class=\"heatmap\""));
    let dashboard = app.page("/dashboard").await;
    assert!(dashboard.contains("Marketing</strong>: 2 submitted"));
    assert!(dashboard.contains("Sales</strong>: 1 submitted"));
}

async fn a_respondent_who_leaves_half_way_resumes_where_they_stopped(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let campaign = launch(&app, &["sales"], "3").await;
    let sales = link(&app, &campaign, "sales", None).await;
    let respondent = Respondent::new(&app, &sales);
    respondent.start().await;
    for step in 1..=3 {
        respondent.answer_step(step, "4").await;
    }

    let start_page = respondent.page("").await;
    assert!(start_page.contains("Continue where you left off"));
    assert!(start_page.contains("15 of 40 questions answered"));
    assert_eq!(respondent.start().await, format!("{sales}/step/4"));
    let step_one = respondent.page("/step/1").await;
    assert!(
        step_one.matches("checked").count() >= 5,
        "earlier answers are shown again"
    );

    // A colleague on another browser gets a response of their own.
    let colleague = Respondent::new(&app, &sales);
    assert!(!colleague
        .page("")
        .await
        .contains("Continue where you left off"));
    assert_eq!(colleague.start().await, format!("{sales}/step/1"));
}

async fn a_person_link_resumes_from_any_browser(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let campaign = launch(&app, &["marketing"], "3").await;
    let added = app
        .post_form(
            &format!("/assessments/{campaign}/links"),
            &[("function", "marketing"), ("person_name", "Mia Marketing")],
        )
        .await;
    assert_eq!(location(&added), format!("/assessments/{campaign}"));
    let mia = link(&app, &campaign, "marketing", Some("Mia Marketing")).await;

    let laptop = Respondent::new(&app, &mia);
    laptop.start().await;
    laptop.answer_step(1, "3").await;
    let phone = Respondent::new(&app, &mia);

    assert!(phone.page("").await.contains("For Mia Marketing"));
    assert_eq!(phone.start().await, format!("{mia}/step/2"));
}

async fn submitting_twice_keeps_one_response(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let campaign = launch(&app, &["sales"], "1").await;
    let respondent = Respondent::new(&app, &link(&app, &campaign, "sales", None).await);
    respondent.start().await;
    respondent.answer_all("3").await;

    let first = respondent.submit().await;
    let second = respondent.submit().await;

    assert_eq!(location(&first), location(&second));
    let results = app.page(&format!("/assessments/{campaign}/results")).await;
    assert!(
        results.contains("1 submitted response."),
        "one response counted"
    );
}

async fn answers_are_locked_after_submit(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let campaign = launch(&app, &["sales"], "1").await;
    let respondent = Respondent::new(&app, &link(&app, &campaign, "sales", None).await);
    respondent.start().await;
    respondent.answer_all("3").await;
    respondent.submit().await;
    let question = respondent.questions(1).await.remove(0);

    let (status, body) = respondent
        .autosave(1, &[(&format!("q.{question}"), "5")])
        .await;

    assert_eq!(status, 422);
    assert!(body["message"].as_str().unwrap().contains("locked"));
    let results = app.page(&format!("/assessments/{campaign}/results")).await;
    assert!(
        results.contains("Overall level 3.0 of 5"),
        "answers unchanged"
    );
}

async fn bad_answers_are_refused_and_change_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let campaign = launch(&app, &["sales"], "1").await;
    let respondent = Respondent::new(&app, &link(&app, &campaign, "sales", None).await);
    respondent.start().await;
    let questions = respondent.questions(1).await;
    let (q0, q1) = (format!("q.{}", questions[0]), format!("q.{}", questions[1]));
    let (status, _) = respondent.autosave(1, &[(&q0, "2")]).await;
    assert_eq!(status, 200);

    let long_comment = "x".repeat(1001);
    let c1 = format!("c.{}", questions[1]);
    for (fields, bad_field) in [
        (vec![(q0.as_str(), "6"), (q1.as_str(), "4")], q0.as_str()),
        (
            vec![(q1.as_str(), "4"), ("q.no-such-question", "3")],
            "q.no-such-question",
        ),
        (
            vec![(q1.as_str(), "4"), (c1.as_str(), long_comment.as_str())],
            c1.as_str(),
        ),
        (vec![(q0.as_str(), "two")], q0.as_str()),
    ] {
        let (status, body) = respondent.autosave(1, &fields).await;
        assert_eq!(status, 422, "{fields:?} refused");
        assert!(
            body["fields"][bad_field].as_str().is_some(),
            "{bad_field} is named: {body}"
        );
    }

    // Still exactly the one good answer, unchanged.
    let review = respondent.page("/review").await;
    assert!(review.contains("1 of 40 questions answered"));
    let step = respondent.page("/step/1").await;
    let chosen = format!(
        "id=\"{}-2\" name=\"{q0}\" value=\"2\" checked",
        questions[0]
    );
    assert!(step.contains(&chosen), "the first answer is still 2");
}

async fn submitting_with_unanswered_questions_says_how_many(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let campaign = launch(&app, &["sales"], "1").await;
    let respondent = Respondent::new(&app, &link(&app, &campaign, "sales", None).await);
    respondent.start().await;
    respondent.answer_step(1, "dont-know").await;

    let response = respondent.submit().await;

    assert_eq!(location(&response), format!("{}/review", respondent.link));
    let review = respondent.page("/review").await;
    assert!(review.contains("35 questions are still without an answer (step 2 is the first)"));
}

async fn a_closed_campaign_takes_no_answers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let campaign = launch(&app, &["sales"], "1").await;
    let respondent = Respondent::new(&app, &link(&app, &campaign, "sales", None).await);
    respondent.start().await;
    let question = respondent.questions(1).await.remove(0);

    let closed = app
        .post_form(&format!("/assessments/{campaign}/close"), &[])
        .await;
    assert_eq!(location(&closed), format!("/assessments/{campaign}"));

    let (status, body) = respondent
        .autosave(1, &[(&format!("q.{question}"), "3")])
        .await;
    assert_eq!(status, 422);
    assert!(body["message"].as_str().unwrap().contains("closed"));
    assert!(respondent
        .page("")
        .await
        .contains("This assessment closed on"));
    let newcomer = Respondent::new(&app, &respondent.link);
    assert_eq!(
        newcomer.start().await,
        respondent.link,
        "no new response once closed"
    );
}

async fn functions_below_the_anonymity_threshold_are_not_shown(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let campaign = launch(&app, &["marketing", "sales", "customer-success"], "3").await;
    let marketing = link(&app, &campaign, "marketing", None).await;
    let sales = link(&app, &campaign, "sales", None).await;
    let success = link(&app, &campaign, "customer-success", None).await;
    for (link, level) in [
        (&marketing, "1"),
        (&marketing, "1"),
        (&sales, "4"),
        (&sales, "4"),
        (&sales, "5"),
        (&sales, "5"),
        (&success, "2"),
        (&success, "2"),
        (&success, "3"),
    ] {
        let respondent = Respondent::new(&app, link);
        respondent.start().await;
        respondent.answer_all(level).await;
        respondent.submit().await;
    }

    let results = app.page(&format!("/assessments/{campaign}/results")).await;

    assert!(results.contains("9 submitted responses"));
    assert!(results.contains("(fewer than 3 responses): Marketing (2)."));
    // Marketing's two answers would be everyone minus sales minus customer success: the
    // smaller of those two is held back as well.
    assert!(results.contains("worked out by subtraction: Customer success (3)."));
    for hidden in ["Marketing", "Customer success"] {
        assert!(
            !results.contains(&format!("<th scope=\"col\">{hidden}</th>")),
            "no {hidden} column"
        );
    }
    assert!(!results.contains("marketing 1.0") && !results.contains("Marketing rates"));
    assert!(results.contains("<th scope=\"col\">Sales</th>"));
}

async fn other_organisations_and_unknown_links_are_not_found(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let campaign = launch(&app, &["sales"], "3").await;
    let other = TestApp::browser_like_client();
    app.post_form_as(
        &other,
        "/signup",
        &[
            ("organisation_name", "Globex"),
            ("display_name", "Gus"),
            ("email", "gus@globex.test"),
            ("password", PASSWORD),
        ],
    )
    .await;

    for path in [
        format!("/assessments/{campaign}"),
        format!("/assessments/{campaign}/results"),
    ] {
        let response = other.get(app.url(&path)).send().await.unwrap();
        assert_eq!(response.status(), 404, "{path}");
    }
    let close = app
        .post_form_as(&other, &format!("/assessments/{campaign}/close"), &[])
        .await;
    assert_eq!(location(&close), format!("/assessments/{campaign}"));
    assert!(!app
        .page(&format!("/assessments/{campaign}"))
        .await
        .contains("Assessment closed"));
    assert!(!app.page_as(&other, "/dashboard").await.contains("Baseline"));

    let unknown = other
        .get(app.url("/a/not-a-real-link"))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 404);
    assert!(unknown.text().await.unwrap().contains("the link is wrong"));
}

async fn concurrent_respondents_lose_no_answers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let campaign = launch(&app, &["sales"], "1").await;
    let sales = link(&app, &campaign, "sales", None).await;
    let respondents: Vec<Respondent> = (0..32).map(|_| Respondent::new(&app, &sales)).collect();
    join_all(respondents.iter().map(|r| r.start())).await;
    let questions = respondents[0].questions(1).await;

    // Every respondent autosaves each question of step 1 separately, all at the same time.
    let saves = respondents.iter().enumerate().flat_map(|(i, r)| {
        questions.iter().map(move |q| async move {
            let level = (i % 5 + 1).to_string();
            r.autosave(1, &[(&format!("q.{q}"), &level)]).await
        })
    });
    let outcomes = join_all(saves).await;

    for (status, body) in &outcomes {
        assert_eq!(*status, 200, "every save succeeded: {body}");
    }
    for respondent in &respondents {
        let review = respondent.page("/review").await;
        assert!(
            review.contains("5 of 40 questions answered"),
            "all five answers of every respondent are stored"
        );
    }
}

async fn the_demo_data_shows_a_finished_assessment_with_gaps(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    assert!(server::demo::seed(&app.state).await.unwrap(), "seeded once");
    assert!(
        !server::demo::seed(&app.state).await.unwrap(),
        "and only once"
    );
    app.sign_in(server::demo::DEMO_EMAIL, server::demo::DEMO_PASSWORD)
        .await;

    let dashboard = app.page("/dashboard").await;
    assert!(dashboard.contains("RevOps baseline (demo)"));
    assert!(dashboard.contains("Customer success</strong>: 3 submitted, 1 in progress"));
    let row = "<td><a href=\"/assessments/";
    let id_start = dashboard.find(row).expect("a campaign row") + row.len();
    let id = &dashboard[id_start..id_start + dashboard[id_start..].find('"').unwrap()];
    let results = app.page(&format!("/assessments/{id}/results")).await;
    assert!(results.contains("12 submitted responses"));
    let gaps = &results[results.find("id=\"gaps\"").unwrap()..];
    let first_gap = &gaps[gaps.find("<strong>").unwrap()..gaps.find("</strong>").unwrap()];
    assert!(
        first_gap.contains("Sales rates") && first_gap.contains("customer success"),
        "the widest gap is between sales and customer success: {first_gap}"
    );

    // The demo role: the admin can read the submitted scorecards and the flagged split.
    let hiring = app.page("/hiring").await;
    let row = "<td><a href=\"/hiring/roles/";
    let role_start = hiring.find(row).expect("the demo role") + row.len();
    let role = &hiring[role_start..role_start + hiring[role_start..].find('"').unwrap()];
    let role_page = app.page(&format!("/hiring/roles/{role}")).await;
    assert!(role_page.contains("Jordan Lee") && role_page.contains("Sam Rivera"));
    assert!(
        role_page.contains("2 of 3 submitted"),
        "Jordan's two scorecards"
    );
    let link_end = role_page
        .find("\">Jordan Lee</a>")
        .expect("a link to Jordan");
    let link = "/hiring/candidates/";
    let candidate = &role_page[role_page[..link_end].rfind(link).unwrap() + link.len()..link_end];
    let debrief = app
        .page(&format!("/hiring/candidates/{candidate}/debrief"))
        .await;
    assert!(debrief.contains("Debrief: Jordan Lee"));
    assert!(
        debrief.contains("levels apart"),
        "Priya 4 and Tom 2 are flagged"
    );
    assert!(
        !debrief.contains("alpha needs at least"),
        "two competencies rated by both: alpha is shown"
    );
    let interviews = app.page("/interviews").await;
    assert!(
        interviews.contains("Leadership interview"),
        "the admin's own interviews"
    );
}

async fn a_campaign_keeps_its_model_version_after_the_file_changes(backend: Backend) {
    let content = tempfile::tempdir().unwrap();
    std::fs::create_dir(content.path().join("models")).unwrap();
    let file = content.path().join("models/revops-maturity.md");
    let original = std::fs::read_to_string(
        revalign_tests::workspace_root().join("content/models/revops-maturity.md"),
    )
    .unwrap();
    std::fs::write(&file, &original).unwrap();
    let dir = content.path().to_owned();
    let app = TestApp::spawn_with(backend, |s| s.content_dir = dir.clone()).await;
    let old_campaign = launch(&app, &["sales"], "1").await;
    let old_question =
        "Do marketing, sales and customer success work toward one shared revenue goal?";
    let new_question = "Is there one revenue goal that every function works toward?";
    assert!(
        original.contains(old_question),
        "the test edits a real question"
    );

    // The model is edited and the server restarted (a second server on the same database).
    std::fs::write(&file, original.replace(old_question, new_question)).unwrap();
    let mut settings = server::Settings::for_database(app.db.url.clone());
    settings.content_dir = dir;
    let restarted = server::Application::build(&settings).await.unwrap();
    let address = format!("http://{}", restarted.local_addr());
    let _server = tokio::spawn(restarted.run_until(std::future::pending()));
    let old_link = link(&app, &old_campaign, "sales", None).await;
    let respondent = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::limited(5))
        .build()
        .unwrap();
    let step_one = respondent
        .post(format!("{address}{old_link}/start"))
        .header("Origin", &address)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();

    assert!(
        step_one.contains(old_question),
        "the running campaign keeps its version"
    );
    assert!(!step_one.contains(new_question));
    // Launched on the restarted server (the admin's session is in the shared database).
    let launched = app
        .client
        .post(format!("{address}/assessments"))
        .header("Origin", &address)
        .form(&[
            ("name", "Second"),
            ("model", "revops-maturity"),
            ("functions", "sales"),
        ])
        .send()
        .await
        .unwrap();
    let new_campaign = location(&launched)
        .trim_start_matches("/assessments/")
        .to_owned();
    let new_link = link(&app, &new_campaign, "sales", None).await;
    let new_step_one = respondent
        .post(format!("{address}{new_link}/start"))
        .header("Origin", &address)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        new_step_one.contains(new_question),
        "new campaigns get the new version"
    );
}
