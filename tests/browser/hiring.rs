use crate::chinese::{switch_to_chinese, zh};
use revalign_tests::browser::{assert_no_console_errors, require_built_site, Browser, Driver};
use revalign_tests::{location, Backend, TestApp};

const PASSWORD: &str = "correct horse battery";
const XFL: &str = "cross-functional-leadership";
const BRIDGE: &str = "bridging-marketing-sales";
const CS: &str = "cs-friction";

/// The value of the `<option>` named `name` in a page.
fn option_value(page: &str, name: &str) -> String {
    let end = page
        .find(&format!("\">{name}</option>"))
        .unwrap_or_else(|| panic!("no option {name}"));
    let start = page[..end].rfind("value=\"").unwrap() + 7;
    page[start..end].to_owned()
}

async fn sign_in(driver: &Driver, app: &TestApp, email: &str, javascript: bool) -> Browser {
    let browser = driver.browser(javascript).await;
    browser.goto(&app.url("/signin")).await;
    browser.fill("E-mail address", email).await;
    browser.fill("Password", PASSWORD).await;
    browser.click_button("Sign in").await;
    browser
        .wait_for_text("//nav[@aria-label='Main']", "signed in")
        .await;
    browser
}

/// Rates each (competency, level) with evidence, chooses a recommendation.
async fn fill_scorecard(browser: &Browser, ratings: &[(&str, &str, &str)], recommendation: &str) {
    for (competency, level, evidence) in ratings {
        browser
            .click_id(&format!("scorecard-{competency}-{level}"))
            .await;
        if !evidence.is_empty() {
            let field = browser
                .client
                .find(fantoccini::Locator::Id(&format!(
                    "scorecard-evidence-{competency}"
                )))
                .await
                .expect("evidence field");
            field.send_keys(evidence).await.expect("type evidence");
        }
    }
    browser
        .click_id(&format!("scorecard-recommendation-{recommendation}"))
        .await;
}

/// A role with three interviewers: the first submits and still cannot read the others'
/// drafts; the second reads the first's scorecard only after submitting; the third fills the
/// scorecard with JavaScript off; the debrief shows the grid, a disagreement flag and alpha;
/// someone of another organisation gets nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panel_scores_a_candidate_blind_and_the_debrief_compares_them() {
    require_built_site();
    let app = TestApp::spawn(Backend::Sqlite).await;
    app.sign_up("Acme Revenue", "Ana Owner", "ana@acme.test", PASSWORD)
        .await;
    for (name, email) in [
        ("Ben Ode", "ben@acme.test"),
        ("Cleo Park", "cleo@acme.test"),
        ("Dan Yu", "dan@acme.test"),
    ] {
        app.join_as_member(name, email, PASSWORD).await;
    }
    let driver = Driver::start().await;

    // The admin opens the role in the browser; the plan and the candidate go in as forms.
    let ana = sign_in(&driver, &app, "ana@acme.test", true).await;
    ana.goto(&app.url("/hiring")).await;
    ana.wait_for_hydration().await;
    ana.fill("Title", "VP Revenue Operations").await;
    ana.click_button("Open role").await;
    ana.wait_for_heading("VP Revenue Operations").await;
    assert_no_console_errors(&ana, "open a role").await;
    let role_url = ana.url().await;
    let role_path = url::Url::parse(&role_url).unwrap().path().to_owned();
    let role_page = app.page(&role_path).await;
    for (name, stage, focus) in [
        ("Ben Ode", "Leadership", [XFL, BRIDGE, CS]),
        ("Cleo Park", "Marketing and sales", [XFL, BRIDGE, CS]),
        ("Dan Yu", "Customer success", [XFL, BRIDGE, CS]),
    ] {
        let interviewer = option_value(&role_page, name);
        let mut fields = vec![("name", stage), ("interviewer", interviewer.as_str())];
        fields.extend(focus.iter().map(|f| ("focus", *f)));
        let added = app.post_form(&format!("{role_path}/stages"), &fields).await;
        assert_eq!(location(&added), role_path);
    }
    let added = app
        .post_form(
            &format!("{role_path}/candidates"),
            &[
                ("name", "Rita Quinn"),
                ("current_title", "Director of Sales Operations"),
                ("career.0.title", "Field marketer"),
                ("career.0.function", "marketing"),
                ("career.0.years", "3"),
            ],
        )
        .await;
    let candidate_path = location(&added);
    assert!(candidate_path.starts_with("/hiring/candidates/"));
    let debrief_url = app.url(&format!("{candidate_path}/debrief"));

    // Cleo starts a draft; it is autosaved as she types.
    let cleo = sign_in(&driver, &app, "cleo@acme.test", true).await;
    cleo.goto(&app.url("/interviews")).await;
    cleo.click_link("Rita Quinn").await;
    cleo.wait_for_heading("Rita Quinn: Marketing and sales")
        .await;
    cleo.wait_for_hydration().await;
    fill_scorecard(&cleo, &[(XFL, "1", "CLEO-DRAFT only one team")], "no").await;
    cleo.wait_for_text(
        "//p[@data-save-status and starts-with(normalize-space(.), 'Draft saved.')]",
        "autosave confirmation",
    )
    .await;

    // Ben submits first; the debrief then shows his column only, never Cleo's draft.
    let ben = sign_in(&driver, &app, "ben@acme.test", true).await;
    ben.goto(&app.url("/interviews")).await;
    ben.click_link("Rita Quinn").await;
    ben.wait_for_heading("Rita Quinn: Leadership").await;
    ben.wait_for_hydration().await;
    let ratings = [
        (XFL, "4", "BEN-EVIDENCE led a joint plan"),
        (BRIDGE, "4", "Merged lead scoring"),
        (CS, "3", "Fixed renewal handoff"),
    ];
    fill_scorecard(&ben, &ratings, "strong-yes").await;
    ben.click_button("Submit scorecard").await;
    ben.wait_for_heading("Rita Quinn").await;
    ben.click_link("Debrief").await;
    ben.wait_for_heading("Debrief: Rita Quinn").await;
    let grid = ben.text_of("table.debrief-grid thead").await;
    assert!(
        grid.contains("Ben Ode") && !grid.contains("Cleo Park"),
        "{grid}"
    );
    let source = ben.client.source().await.unwrap();
    assert!(
        !source.contains("CLEO-DRAFT"),
        "a draft never reaches another browser"
    );
    assert_no_console_errors(&ben, "scorecard and debrief").await;

    // Cleo cannot open the debrief before she submits; afterwards she reads Ben's scorecard.
    assert_no_console_errors(&cleo, "draft with autosave").await;
    cleo.goto(&debrief_url).await;
    cleo.wait_for_heading("No access").await;
    let refused = cleo.console_errors().await;
    assert!(
        refused.len() == 1 && refused[0].contains("status of 403"),
        "only the refused page itself: {refused:#?}"
    );
    cleo.goto(&app.url("/interviews")).await;
    cleo.click_link("Rita Quinn").await;
    cleo.wait_for_heading("Rita Quinn: Marketing and sales")
        .await;
    cleo.wait_for_hydration().await;
    let checked = cleo
        .client
        .find(fantoccini::Locator::Id(&format!("scorecard-{XFL}-1")))
        .await
        .unwrap()
        .prop("checked")
        .await
        .unwrap();
    assert_eq!(
        checked.as_deref(),
        Some("true"),
        "the autosaved draft is back"
    );
    fill_scorecard(&cleo, &[(BRIDGE, "2", "Vague"), (CS, "3", "Solid")], "no").await;
    cleo.click_button("Submit scorecard").await;
    cleo.wait_for_heading("Rita Quinn").await;
    cleo.goto(&debrief_url).await;
    cleo.wait_for_heading("Debrief: Rita Quinn").await;
    assert!(cleo.client.source().await.unwrap().contains("BEN-EVIDENCE"));
    assert_no_console_errors(&cleo, "second interviewer").await;

    // Dan fills his scorecard with JavaScript off: plain form posts.
    let dan = sign_in(&driver, &app, "dan@acme.test", false).await;
    dan.goto(&app.url("/interviews")).await;
    dan.click_link("Rita Quinn").await;
    dan.wait_for_heading("Rita Quinn: Customer success").await;
    dan.click_button("Submit scorecard").await;
    dan.wait_for_text(
        "//p[@data-error-for='recommendation' and normalize-space(.)!='']",
        "the missing recommendation is named",
    )
    .await;
    fill_scorecard(
        &dan,
        &[
            (XFL, "3", "Ran QBRs"),
            (BRIDGE, "3", "Shared SLAs"),
            (CS, "2", "Thin"),
        ],
        "yes",
    )
    .await;
    dan.click_button("Submit scorecard").await;
    dan.wait_for_heading("Rita Quinn").await;

    // The admin's debrief: three columns, the flagged split on cross-functional leadership
    // (Ben 4, Cleo 1, Dan 3) and Krippendorff's alpha as a number.
    ana.goto(&debrief_url).await;
    ana.wait_for_heading("Debrief: Rita Quinn").await;
    let head = ana.text_of("table.debrief-grid thead").await;
    for name in ["Ben Ode", "Cleo Park", "Dan Yu"] {
        assert!(head.contains(name), "{head}");
    }
    let flagged = ana.text_of("table.debrief-grid tr.flagged").await;
    assert!(flagged.contains("Cross-functional leadership"), "{flagged}");
    assert!(flagged.contains("levels apart"), "{flagged}");
    let alpha = ana.text_of("dl.facts dt:nth-of-type(2) + dd").await;
    assert!(alpha.parse::<f64>().is_ok(), "alpha is a number: {alpha}");
    assert_no_console_errors(&ana, "debrief").await;

    // Someone of another organisation gets nothing.
    let signed_up = app
        .post_form_as(
            &TestApp::browser_like_client(),
            "/signup",
            &[
                ("organisation_name", "Globex"),
                ("display_name", "Gus"),
                ("email", "gus@globex.test"),
                ("password", PASSWORD),
            ],
        )
        .await;
    assert_eq!(location(&signed_up), "/dashboard");
    let gus = sign_in(&driver, &app, "gus@globex.test", true).await;
    gus.goto(&debrief_url).await;
    gus.wait_for_heading("Not found").await;
    assert!(!gus.client.source().await.unwrap().contains("Rita Quinn"));

    for browser in [ana, ben, cleo, dan, gus] {
        browser.close().await;
    }
}

/// Signs in with the page switched to Chinese first (the switcher keeps the choice for the
/// session that follows).
async fn sign_in_in_chinese(
    driver: &Driver,
    app: &TestApp,
    email: &str,
    javascript: bool,
) -> Browser {
    let zh = zh();
    let browser = driver.browser(javascript).await;
    browser.goto(&app.url("/signin")).await;
    switch_to_chinese(&browser).await;
    browser.fill(&zh.t("field-email"), email).await;
    browser.fill(&zh.t("field-password"), PASSWORD).await;
    browser.click_button(&zh.t("signin-submit")).await;
    browser
        .wait_for_text(
            &format!("//nav[@aria-label='{}']", zh.t("nav-main")),
            "signed in, in Chinese",
        )
        .await;
    browser
}

/// The hiring flow once in Chinese: the admin opens a role, two interviewers (one with
/// JavaScript off) rate the candidate against the rubric's Chinese wording, and the
/// debrief, its split flagged, reads in Chinese.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panel_rates_a_candidate_and_debriefs_in_chinese() {
    require_built_site();
    let zh = zh();
    let app = TestApp::spawn(Backend::Sqlite).await;
    app.sign_up("远航营收", "李安娜", "anna@yuanhang.test", PASSWORD)
        .await;
    app.join_as_member("王本", "ben@yuanhang.test", PASSWORD)
        .await;
    app.join_as_member("陈丹", "dan@yuanhang.test", PASSWORD)
        .await;
    let driver = Driver::start().await;

    let anna = sign_in_in_chinese(&driver, &app, "anna@yuanhang.test", true).await;
    anna.goto(&app.url("/hiring")).await;
    anna.wait_for_hydration().await;
    anna.fill(&zh.t("hiring-role-title-label"), "营收运营副总裁")
        .await;
    anna.click_button(&zh.t("hiring-open-role-submit")).await;
    anna.wait_for_heading("营收运营副总裁").await;
    assert_no_console_errors(&anna, "open a role in Chinese").await;
    let role_path = url::Url::parse(&anna.url().await)
        .unwrap()
        .path()
        .to_owned();
    let role_page = app.page(&role_path).await;
    for (name, stage) in [("王本", "领导力"), ("陈丹", "客户成功")] {
        let interviewer = option_value(&role_page, name);
        let mut fields = vec![("name", stage), ("interviewer", interviewer.as_str())];
        fields.extend([XFL, BRIDGE, CS].iter().map(|f| ("focus", *f)));
        let added = app.post_form(&format!("{role_path}/stages"), &fields).await;
        assert_eq!(location(&added), role_path);
    }
    let added = app
        .post_form(
            &format!("{role_path}/candidates"),
            &[("name", "李丽"), ("current_title", "销售运营总监")],
        )
        .await;
    let candidate_path = location(&added);

    // Each interviewer's kit shows the rubric in Chinese; both submit.
    for (email, stage, javascript, ratings, recommendation) in [
        (
            "ben@yuanhang.test",
            "领导力",
            true,
            ["4", "4", "3"],
            "strong-yes",
        ),
        (
            "dan@yuanhang.test",
            "客户成功",
            false,
            ["1", "3", "2"],
            "no",
        ),
    ] {
        let interviewer = sign_in_in_chinese(&driver, &app, email, javascript).await;
        interviewer.goto(&app.url("/interviews")).await;
        interviewer.click_link("李丽").await;
        interviewer
            .wait_for_heading(&zh.t_with(
                "hiring-interview-heading",
                &[("candidate", "李丽".into()), ("stage", stage.into())],
            ))
            .await;
        let kit = interviewer.client.source().await.unwrap();
        assert!(kit.contains("跨职能领导力"), "the rubric in Chinese: {kit}");
        if javascript {
            interviewer.wait_for_hydration().await;
        }
        let ratings: Vec<(&str, &str, &str)> = [XFL, BRIDGE, CS]
            .into_iter()
            .zip(ratings)
            .map(|(competency, level)| (competency, level, "有具体例子"))
            .collect();
        fill_scorecard(&interviewer, &ratings, recommendation).await;
        interviewer
            .click_button(&zh.t("hiring-submit-scorecard"))
            .await;
        interviewer.wait_for_heading("李丽").await;
        assert_no_console_errors(&interviewer, "scorecard in Chinese").await;
        interviewer.close().await;
    }

    // The debrief in Chinese: both columns, the split on cross-functional leadership (4
    // and 1) flagged in words.
    anna.goto(&app.url(&format!("{candidate_path}/debrief")))
        .await;
    anna.wait_for_heading(&zh.t_with("hiring-debrief-heading", &[("candidate", "李丽".into())]))
        .await;
    let head = anna.text_of("table.debrief-grid thead").await;
    assert!(head.contains("王本") && head.contains("陈丹"), "{head}");
    let flagged = anna.text_of("table.debrief-grid tr.flagged").await;
    assert!(flagged.contains("跨职能领导力"), "{flagged}");
    assert!(flagged.contains("评分相差 3 个等级"), "{flagged}");
    assert_no_console_errors(&anna, "debrief in Chinese").await;
    anna.close().await;
}
