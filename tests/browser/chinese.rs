//! The main flows once in Simplified Chinese, chosen with the switcher every page has: an
//! owner creates an organisation and a colleague joins it from an invite, the owner launches
//! an assessment, two respondents answer it in Chinese (one with JavaScript off), and the
//! results and the printed executive report read in Chinese, with the Chinese web font in
//! the page and in the PDF; the roadmap is re-planned and an initiative dropped in between.
//! (The hiring flow in Chinese is in `hiring.rs`.)
//!
//! The expected texts come from the zh-CN catalogue itself, so the test follows the
//! wording; what it checks is that the pages use it.

use app::i18n::{I18n, Locale};
use fantoccini::Locator;
use revalign_tests::browser::{
    assert_no_console_errors, pdf_fonts, pdf_pages, require_built_site, Browser, Driver,
};
use revalign_tests::{Backend, TestApp};

const PASSWORD: &str = "correct horse battery";
const ORGANISATION: &str = "远航营收";
const CAMPAIGN: &str = "第一季度基线";

pub(crate) fn zh() -> I18n {
    I18n::new(Locale::ZhCn)
}

/// Switches the page shown to Chinese with the header's switcher (a plain form, so it works
/// with JavaScript off too) and waits for the page to come back in Chinese.
pub(crate) async fn switch_to_chinese(browser: &Browser) {
    browser.click_button(Locale::ZhCn.native_name()).await;
    browser
        .wait_for_text("//html[@lang='zh-CN']", "the page in Chinese")
        .await;
}

async fn wait_for_step(browser: &Browser, step: usize) {
    let words = zh().t_with(
        "questionnaire-progress-step",
        &[("step", step.into()), ("steps", 8.into())],
    );
    browser
        .wait_for_text(
            &format!("//p[@data-progress-text and starts-with(., '{words}')]"),
            "questionnaire step",
        )
        .await;
}

/// Opens `link`, switches to Chinese, answers every question with `value` and submits.
async fn answer_in_chinese(browser: &Browser, link: &str, value: &str) {
    let zh = zh();
    browser.goto(link).await;
    browser.wait_for_heading(CAMPAIGN).await;
    switch_to_chinese(browser).await;
    browser.click_button(&zh.t("questionnaire-start")).await;
    for step in 1..=8 {
        wait_for_step(browser, step).await;
        for id in browser
            .ids_of(&format!("input[type=radio][value='{value}']"))
            .await
        {
            browser.click_id(&id).await;
        }
        browser
            .click_button(&zh.t(if step == 8 {
                "questionnaire-save-review"
            } else {
                "questionnaire-save-continue"
            }))
            .await;
    }
    browser
        .wait_for_heading(&zh.t("questionnaire-review-title"))
        .await;
    browser.click_button(&zh.t("questionnaire-submit")).await;
    browser
        .wait_for_heading(&zh.t("questionnaire-thanks-title"))
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_organisation_runs_an_assessment_and_prints_the_report_in_chinese() {
    require_built_site();
    let zh = zh();
    let app = TestApp::spawn(Backend::Sqlite).await;
    let driver = Driver::start().await;

    // Sign-up, in Chinese from the switcher on the sign-up page.
    let owner = driver.browser(true).await;
    owner.goto(&app.url("/signup")).await;
    switch_to_chinese(&owner).await;
    owner.wait_for_heading(&zh.t("signup-title")).await;
    owner.wait_for_hydration().await;
    owner
        .fill(&zh.t("field-organisation-name"), ORGANISATION)
        .await;
    owner.fill(&zh.t("field-your-name"), "李安娜").await;
    owner
        .fill(&zh.t("field-work-email"), "anna@yuanhang.test")
        .await;
    owner.fill(&zh.t("field-password"), PASSWORD).await;
    owner.click_button(&zh.t("signup-submit")).await;
    owner.wait_for_heading(ORGANISATION).await;
    owner
        .wait_for_text(
            &format!("//h2[normalize-space(.)='{}']", zh.t("assessments-heading")),
            "the dashboard in Chinese",
        )
        .await;
    assert_no_console_errors(&owner, "sign-up in Chinese").await;

    // Invite a colleague, who joins from the link in another browser, in Chinese too.
    owner.goto(&app.url("/settings")).await;
    owner.wait_for_hydration().await;
    owner
        .fill(&zh.t("settings-field-note"), "王本，销售运营")
        .await;
    owner.click_button(&zh.t("settings-invite-submit")).await;
    owner
        .wait_for_text("//input[@id='new-invite-link']", "invite link")
        .await;
    let invite = owner.value_of("#new-invite-link").await;
    let colleague = driver.browser(true).await;
    colleague.goto(&invite).await;
    switch_to_chinese(&colleague).await;
    colleague
        .wait_for_heading(&zh.t_with("invite-heading", &[("organisation", ORGANISATION.into())]))
        .await;
    colleague.wait_for_hydration().await;
    colleague.fill(&zh.t("field-your-name"), "王本").await;
    colleague
        .fill(&zh.t("field-work-email"), "ben@yuanhang.test")
        .await;
    colleague.fill(&zh.t("field-password"), PASSWORD).await;
    colleague.click_button(&zh.t("invite-signup")).await;
    colleague.wait_for_heading(ORGANISATION).await;
    assert_no_console_errors(&colleague, "joining in Chinese").await;
    colleague.close().await;
    owner.goto(&app.url("/settings")).await;
    owner
        .wait_for_text(
            &format!(
                "//td[contains(., '{}')]",
                zh.t_with("settings-invite-accepted-by", &[("name", "王本".into())])
            ),
            "the accepted invite, in Chinese",
        )
        .await;

    // Launch an assessment for marketing and sales.
    owner.goto(&app.url("/assessments/new")).await;
    owner
        .wait_for_heading(&zh.t("assessments-launch-title"))
        .await;
    owner.wait_for_hydration().await;
    owner.fill(&zh.t("assessments-field-name"), CAMPAIGN).await;
    owner.fill(&zh.t("assessments-field-min-group"), "1").await;
    owner.click_id("campaign-function-customer-success").await;
    owner.click_button(&zh.t("assessments-launch-submit")).await;
    owner.wait_for_heading(CAMPAIGN).await;
    owner
        .wait_for_text(
            &format!(
                "//p[@role='status' and normalize-space(.)='{}']",
                zh.t("assessments-launched")
            ),
            "the launch notice in Chinese",
        )
        .await;
    let marketing = owner.value_of("input[data-function='marketing']").await;
    let sales = owner.value_of("input[data-function='sales']").await;
    assert_no_console_errors(&owner, "launch in Chinese").await;

    // Marketing answers 2 everywhere with JavaScript on, sales 5 with it off.
    let mei = driver.browser(true).await;
    answer_in_chinese(&mei, &marketing, "2").await;
    assert_no_console_errors(&mei, "questionnaire in Chinese").await;
    let sun = driver.browser(false).await;
    answer_in_chinese(&sun, &sales, "5").await;

    // The results, in Chinese: the model's Chinese titles, the gap in a Chinese sentence.
    owner.click_link(&zh.t("assessments-results-button")).await;
    owner
        .wait_for_heading(&zh.t_with("results-heading", &[("name", CAMPAIGN.into())]))
        .await;
    owner
        .wait_for_text("//figure[@class='radar']//*[name()='svg']", "radar chart")
        .await;
    let first_dimension = owner.text_of("table.heatmap tbody tr th").await;
    assert!(
        first_dimension
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "the heatmap names the dimensions of the Chinese model: {first_dimension}"
    );
    let sentence = zh.t_with(
        "results-gap-sentence",
        &[
            ("high", zh.t("label-function-sales").into()),
            ("subject", first_dimension.clone().into()),
            ("high_mean", "5.0".into()),
            ("low", zh.t("label-function-marketing").into()),
            ("low_mean", "2.0".into()),
        ],
    );
    assert_eq!(owner.text_of("ol.gaps li strong").await, sentence);
    let overall = owner.text_of(".big-number").await;
    assert!(
        overall.starts_with(&zh.t_with(
            "results-overall",
            &[("level", "3.5".into()), ("scale", 5.into())]
        )),
        "the overall level, everyone's mean of 2 and 5: {overall}"
    );
    assert_no_console_errors(&owner, "results in Chinese").await;

    // The roadmap, planned in Chinese: five phases, then the first initiative dropped; the
    // notices and the history read in Chinese.
    let results_url = owner.url().await;
    owner
        .goto(&results_url.replace("/results", "/roadmap"))
        .await;
    owner
        .wait_for_heading(&zh.t_with("roadmap-heading", &[("name", CAMPAIGN.into())]))
        .await;
    owner.wait_for_hydration().await;
    owner.fill(&zh.t("roadmap-field-phases"), "5").await;
    owner.click_button(&zh.t("roadmap-settings-submit")).await;
    owner
        .wait_for_text(
            &format!(
                "//p[@role='status' and normalize-space(.)='{}']",
                zh.t("roadmap-settings-saved")
            ),
            "settings saved, in Chinese",
        )
        .await;
    owner
        .wait_for_text("//div[@id='phase-5']", "the fifth phase")
        .await;
    let first = owner.ids_of("#phase-1 article.initiative").await;
    let dropped = first.first().expect("something in phase 1");
    owner
        .client
        .find(Locator::XPath(&format!(
            "//article[@id='{dropped}']//button[normalize-space(.)='{}']",
            zh.t("roadmap-drop")
        )))
        .await
        .expect("the drop button, in Chinese")
        .click()
        .await
        .expect("click");
    owner
        .wait_for_text(
            "//p[@role='status' and starts-with(., '移除了“')]",
            "dropped, in Chinese",
        )
        .await;
    let history = owner.text_of("#history").await;
    for line in ["修改了设置：阶段数 4 → 5", "移除了“"] {
        assert!(
            history.contains(line),
            "{line} not in the history: {history}"
        );
    }
    assert_no_console_errors(&owner, "roadmap in Chinese").await;

    // The executive report: the Chinese font is loaded for its text, and the PDF carries
    // the text (not empty boxes) in that font.
    let report_url = results_url.replace("/results", "/report");
    owner.goto(&report_url).await;
    let heading = zh.t_with("roadmap-report-heading", &[("name", CAMPAIGN.into())]);
    owner.wait_for_heading(&heading).await;
    let font_ready = owner
        .client
        .execute(
            "return document.fonts.load('16px \"Noto Sans SC\"', document.body.innerText).then(() => document.fonts.ready).then(() => document.fonts.check('16px \"Noto Sans SC\"', arguments[0]));",
            vec![serde_json::json!(heading)],
        )
        .await
        .expect("the font check runs");
    assert_eq!(
        font_ready,
        serde_json::json!(true),
        "Noto Sans SC is loaded for the heading's characters"
    );
    let pdf = owner.print_a4().await;
    let text = pdf_pages(&pdf).join("\n");
    // The model's Chinese title in the report's byline.
    let model_title = "RevOps 成熟度";
    for expected in [
        heading.as_str(),
        model_title,
        &zh.t("roadmap-report-summary"),
        &sentence,
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} is not in the PDF's text:\n{text}"
        );
    }
    let fonts = pdf_fonts(&pdf);
    assert!(
        fonts.iter().any(|f| f.starts_with("NotoSansSC")),
        "the PDF embeds Noto Sans SC: {fonts:?}"
    );
    assert_no_console_errors(&owner, "report in Chinese").await;

    for browser in [owner, mei, sun] {
        browser.close().await;
    }
}
