//! Respondents' step pages are kept in memory between views (`app::services::page_cache`).
//! Each test first views a page so that it is kept, then changes what it shows and views it
//! again: the change must show at once, as if nothing were kept. On SQLite and PostgreSQL,
//! and across two servers on one PostgreSQL database.

use crate::assessments::{launch, link, Respondent};
use revalign_tests::{location, on_both_backends, Backend, TestApp};
use std::time::Duration;

on_both_backends!(
    every_save_shows_on_the_next_view_of_a_kept_page,
    each_view_of_a_kept_page_has_a_nonce_of_its_own,
    closing_the_campaign_shows_on_kept_pages,
    withdrawing_the_link_shows_on_kept_pages,
    a_kept_page_shows_the_close_date_once_it_has_passed,
    a_page_seen_signed_in_is_not_shown_after_signing_out,
    a_kept_page_follows_the_language_chosen,
    colleagues_on_one_function_link_see_their_own_answers,
);

/// The value chosen for `question` on a step page, if any.
fn chosen(page: &str, question: &str) -> Option<String> {
    let name = format!("name=\"q.{question}\"");
    page.split("<input")
        .filter(|input| input.contains(&name))
        .map(|input| input.split('>').next().unwrap_or_default())
        .find(|input| input.contains(" checked"))
        .and_then(|input| {
            let value = input.split("value=\"").nth(1)?;
            Some(value.split('"').next()?.to_owned())
        })
}

/// A respondent with a started response on a fresh campaign's sales link, and the first
/// question of step 1; the step page has been viewed (and so kept) once.
async fn started(app: &TestApp) -> (String, Respondent<'_>, String) {
    let campaign = launch(app, &["sales"], "1").await;
    let respondent = Respondent::new(app, &link(app, &campaign, "sales", None).await);
    respondent.start().await;
    let question = respondent.questions(1).await.remove(0);
    assert_kept(app);
    (campaign, respondent, question)
}

/// The premise of these tests: the page just viewed was kept.
fn assert_kept(app: &TestApp) {
    assert!(!app.state.pages.is_empty(), "the step page was kept");
}

async fn every_save_shows_on_the_next_view_of_a_kept_page(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (_, respondent, question) = started(&app).await;
    assert_eq!(chosen(&respondent.page("/step/1").await, &question), None);

    let field = format!("q.{question}");
    let (status, _) = respondent.autosave(1, &[(&field, "2")]).await;
    assert_eq!(status, 200);
    assert_eq!(
        chosen(&respondent.page("/step/1").await, &question).as_deref(),
        Some("2"),
        "the autosaved answer shows"
    );

    let saved = respondent.answer_step(1, "4").await;
    assert_eq!(saved.status(), 303);
    let step_one = respondent.page("/step/1").await;
    assert_eq!(chosen(&step_one, &question).as_deref(), Some("4"));
    assert!(
        step_one.contains("5 of 40 questions answered"),
        "progress moves"
    );

    for step in 2..=8 {
        respondent.answer_step(step, "3").await;
    }
    assert_eq!(
        location(&respondent.submit().await),
        format!("{}/thanks", respondent.link())
    );
    let locked = respondent.page("/step/1").await;
    assert!(
        locked.contains("your answers are locked"),
        "submitted shows"
    );
    assert!(locked.contains("disabled"));
}

/// The nonce in a page's Content-Security-Policy header.
fn policy_nonce(response: &reqwest::Response) -> String {
    let policy = response
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .expect("a page has a policy");
    let start = policy.find("'nonce-").expect("a nonce in the policy") + "'nonce-".len();
    policy[start..].split('\'').next().unwrap().to_owned()
}

async fn each_view_of_a_kept_page_has_a_nonce_of_its_own(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (_, respondent, _) = started(&app).await;
    let path = format!("{}/step/1", respondent.link());

    let mut seen = Vec::new();
    for _ in 0..3 {
        let response = app.get_as(respondent.client(), &path).await;
        assert_eq!(response.status(), 200);
        let nonce = policy_nonce(&response);
        let page = response.text().await.unwrap();
        let in_page: Vec<&str> = page
            .split("nonce=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        assert!(!in_page.is_empty(), "the hydration scripts carry the nonce");
        assert!(
            in_page.iter().all(|n| *n == nonce),
            "every script carries this response's nonce {nonce}: {in_page:?}"
        );
        assert!(
            page.contains("<form method=\"post\""),
            "the whole page is sent"
        );
        seen.push(nonce);
    }
    seen.dedup();
    assert_eq!(seen.len(), 3, "a new nonce for every view: {seen:?}");
}

async fn closing_the_campaign_shows_on_kept_pages(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (campaign, respondent, _) = started(&app).await;
    assert!(!respondent.page("/step/1").await.contains("closed on"));

    let closed = app
        .post_form(&format!("/assessments/{campaign}/close"), &[])
        .await;
    assert_eq!(location(&closed), format!("/assessments/{campaign}"));

    let step_one = respondent.page("/step/1").await;
    assert!(step_one.contains("This assessment closed on"), "{step_one}");
    assert!(step_one.contains("disabled"), "the answers are read-only");
}

async fn withdrawing_the_link_shows_on_kept_pages(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (campaign, respondent, _) = started(&app).await;
    assert!(!respondent.page("/step/1").await.contains("withdrawn"));

    let campaign_page = app.page(&format!("/assessments/{campaign}")).await;
    let action = campaign_page
        .split("action=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .find(|action| action.ends_with("/withdraw"))
        .expect("a withdraw button for the sales link")
        .to_owned();
    assert_eq!(
        location(&app.post_form(&action, &[]).await),
        format!("/assessments/{campaign}")
    );

    let step_one = respondent.page("/step/1").await;
    assert!(step_one.contains("This link was withdrawn"), "{step_one}");
    assert!(step_one.contains("disabled"));
}

async fn a_kept_page_shows_the_close_date_once_it_has_passed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up(
        "Acme",
        "Ana Admin",
        "ana@acme.test",
        "correct horse battery",
    )
    .await;
    let closes_on = (chrono::Utc::now() + chrono::Duration::days(2))
        .format("%Y-%m-%d")
        .to_string();
    let launched = app
        .post_form(
            "/assessments",
            &[
                ("name", "Baseline"),
                ("model", "revops-maturity"),
                ("min_group_size", "1"),
                ("functions", "sales"),
                ("closes_on", &closes_on),
            ],
        )
        .await;
    let campaign = location(&launched)
        .trim_start_matches("/assessments/")
        .to_owned();
    let respondent = Respondent::new(&app, &link(&app, &campaign, "sales", None).await);
    respondent.start().await;
    assert!(!respondent.page("/step/1").await.contains("closed on"));
    assert_kept(&app);

    app.clock.advance(chrono::Duration::days(4));

    let step_one = respondent.page("/step/1").await;
    assert!(step_one.contains("This assessment closed on"), "{step_one}");
}

async fn a_page_seen_signed_in_is_not_shown_after_signing_out(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    // Ana answers her own campaign in the browser she is signed in with.
    let campaign = launch(&app, &["sales"], "1").await;
    let sales = link(&app, &campaign, "sales", None).await;
    app.post_form(&format!("{sales}/start"), &[]).await;
    let signed_in = app.page(&format!("{sales}/step/1")).await;
    assert!(signed_in.contains("Ana Admin"), "her name in the header");

    app.post_form("/signout", &[]).await;

    let signed_out = app.page(&format!("{sales}/step/1")).await;
    assert!(
        signed_out.contains("<fieldset"),
        "the step is shown: {signed_out}"
    );
    assert!(
        !signed_out.contains("Ana Admin"),
        "nobody's name once signed out"
    );
}

async fn a_kept_page_follows_the_language_chosen(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (_, respondent, _) = started(&app).await;
    assert!(respondent.page("/step/1").await.contains("Don't know"));

    respondent.choose_language("zh-CN").await;

    let in_chinese = respondent.page("/step/1").await;
    assert!(in_chinese.contains("lang=\"zh-CN\""));
    assert!(in_chinese.contains("不清楚"), "{in_chinese}");
    respondent.choose_language("en").await;
    assert!(respondent.page("/step/1").await.contains("Don't know"));
}

async fn colleagues_on_one_function_link_see_their_own_answers(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (_, first, question) = started(&app).await;
    let colleague = Respondent::new(&app, first.link());
    colleague.start().await;
    let field = format!("q.{question}");
    first.autosave(1, &[(&field, "1")]).await;
    colleague.autosave(1, &[(&field, "5")]).await;

    for _ in 0..2 {
        assert_eq!(
            chosen(&first.page("/step/1").await, &question).as_deref(),
            Some("1")
        );
        assert_eq!(
            chosen(&colleague.page("/step/1").await, &question).as_deref(),
            Some("5")
        );
    }
    // Without the cookie there is no response to show: nobody's page.
    let stranger = app
        .get(&format!("{}/step/1", first.link()))
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(chosen(&stranger, &question), None);
}

/// Two servers on one PostgreSQL database: a respondent's browser talks to either (no
/// sticky sessions), and an admin to either.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_change_on_one_server_shows_on_the_other() {
    let one = TestApp::spawn(Backend::Postgres).await;
    let other = one.spawn_beside().await;
    let (campaign, on_one, question) = started(&one).await;
    let on_other = on_one.on(&other);
    // Once the other server listens for changes, it keeps what it renders.
    let kept = eventually(|| async {
        assert_eq!(chosen(&on_other.page("/step/1").await, &question), None);
        !other.state.pages.is_empty()
    })
    .await;
    assert!(kept, "the other server keeps the page");

    let field = format!("q.{question}");
    assert_eq!(on_one.autosave(1, &[(&field, "3")]).await.0, 200);
    let shown = eventually(|| async {
        chosen(&on_other.page("/step/1").await, &question) == Some("3".into())
    })
    .await;
    assert!(
        shown,
        "the other server shows the answer saved on the first"
    );

    assert_eq!(
        location(
            &one.post_form(&format!("/assessments/{campaign}/close"), &[])
                .await
        ),
        format!("/assessments/{campaign}")
    );
    let shown = eventually(|| async {
        on_other
            .page("/step/1")
            .await
            .contains("This assessment closed on")
    })
    .await;
    assert!(shown, "the other server shows the campaign closed");
}

/// Whether `check` holds within five seconds (another server hears of a change a moment
/// after it commits).
async fn eventually<F: std::future::Future<Output = bool>>(check: impl Fn() -> F) -> bool {
    for _ in 0..50 {
        if check().await {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    false
}
