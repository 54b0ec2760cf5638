use revalign_tests::browser::{assert_no_console_errors, require_built_site, Browser, Driver};
use revalign_tests::{Backend, TestApp};

const PASSWORD: &str = "correct horse battery";

/// Chooses `value` for every question on the current step (by clicking its radio button).
async fn answer_step(browser: &Browser, value: &str) {
    for id in browser
        .ids_of(&format!("input[type=radio][value='{value}']"))
        .await
    {
        browser.click_id(&id).await;
    }
}

/// Waits until the page shown is questionnaire step `step` (not the one before it, which
/// stays on screen until the next page has loaded).
async fn wait_for_step(browser: &Browser, step: usize) {
    browser
        .wait_for_text(
            &format!("//p[@data-progress-text and starts-with(., 'Step {step} of 8')]"),
            "questionnaire step",
        )
        .await;
}

/// Answers steps `from..=8` with `value`, saving each with the step's button.
async fn answer_steps(browser: &Browser, from: usize, value: &str) {
    for step in from..=8 {
        wait_for_step(browser, step).await;
        answer_step(browser, value).await;
        let button = if step == 8 {
            "Save and review"
        } else {
            "Save and continue"
        };
        browser.click_button(button).await;
    }
    browser.wait_for_heading("Review and submit").await;
}

async fn submit(browser: &Browser) {
    browser.click_button("Submit my answers").await;
    browser.wait_for_heading("Thank you").await;
}

/// An admin launches a campaign; three respondents from two functions answer through their
/// links (one with JavaScript off, one who leaves half-way and resumes); the results show the
/// radar, the heatmap and the top perception gap with the right numbers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn respondents_answer_through_links_and_the_results_show_their_gap() {
    require_built_site();
    let app = TestApp::spawn(Backend::Sqlite).await;
    app.sign_up("Acme Revenue", "Ana Owner", "ana@acme.test", PASSWORD)
        .await;
    let driver = Driver::start().await;
    let admin = driver.browser(true).await;
    admin.goto(&app.url("/signin")).await;
    admin.fill("E-mail address", "ana@acme.test").await;
    admin.fill("Password", PASSWORD).await;
    admin.click_button("Sign in").await;
    admin.wait_for_heading("Acme Revenue").await;

    admin.goto(&app.url("/assessments/new")).await;
    admin.wait_for_hydration().await;
    admin.fill("Name", "Q1 baseline").await;
    admin.fill("Anonymity threshold", "1").await;
    admin.click_id("campaign-function-customer-success").await; // untick: two functions
    admin.click_button("Launch").await;
    admin.wait_for_heading("Q1 baseline").await;
    assert_no_console_errors(&admin, "launch and campaign page").await;
    let marketing = admin.value_of("input[data-function='marketing']").await;
    let sales = admin.value_of("input[data-function='sales']").await;
    assert!(admin
        .client
        .find(fantoccini::Locator::Css(
            "input[data-function='customer-success']"
        ))
        .await
        .is_err());

    // Marketing, JavaScript on: answers are autosaved as they are clicked; leaves during
    // step 5 and resumes from the link later.
    let mia = driver.browser(true).await;
    mia.goto(&marketing).await;
    mia.wait_for_heading("Q1 baseline").await;
    mia.click_button("Start").await;
    for step in 1..=4 {
        wait_for_step(&mia, step).await;
        mia.wait_for_hydration().await;
        answer_step(&mia, "2").await;
        mia.click_button("Save and continue").await;
    }
    wait_for_step(&mia, 5).await;
    mia.wait_for_hydration().await;
    let step_five = mia.ids_of("input[type=radio][value='2']").await;
    mia.click_id(&step_five[0]).await;
    mia.click_id(&step_five[1]).await;
    mia.wait_for_text(
        "//p[@data-save-status and normalize-space(.)='All answers on this page are saved.']",
        "autosave confirmation",
    )
    .await;
    mia.wait_for_text(
        "//p[@data-progress-text and contains(., '22 of 40 questions answered')]",
        "progress updated in place",
    )
    .await;
    assert_no_console_errors(&mia, "questionnaire with autosave").await;
    mia.goto("about:blank").await;
    mia.goto(&marketing).await;
    mia.wait_for_text(
        "//p[contains(., '22 of 40 questions answered')]",
        "resume progress",
    )
    .await;
    mia.click_button("Continue where you left off").await;
    wait_for_step(&mia, 5).await;
    let checked = mia
        .client
        .find_all(fantoccini::Locator::Css("input[type=radio]:checked"))
        .await
        .unwrap();
    assert_eq!(checked.len(), 2, "the two autosaved answers are back");
    mia.wait_for_hydration().await;
    answer_steps(&mia, 5, "2").await;
    submit(&mia).await;
    assert_no_console_errors(&mia, "resume and submit").await;

    // Marketing, JavaScript off: plain form posts all the way.
    let max = driver.browser(false).await;
    max.goto(&marketing).await;
    max.click_button("Start").await;
    answer_steps(&max, 1, "3").await;
    submit(&max).await;

    // Sales, JavaScript on.
    let sam = driver.browser(true).await;
    sam.goto(&sales).await;
    sam.click_button("Start").await;
    answer_steps(&sam, 1, "5").await;
    submit(&sam).await;
    assert_no_console_errors(&sam, "sales respondent").await;

    admin.goto(&app.url("/dashboard")).await;
    admin.click_link("Q1 baseline").await;
    admin.wait_for_heading("Q1 baseline").await;
    admin.click_link("Results").await;
    admin.wait_for_heading("Results: Q1 baseline").await;
    admin
        .wait_for_text("//figure[@class='radar']//*[name()='svg']", "radar chart")
        .await;
    admin
        .wait_for_text("//table[@class='heatmap']", "heatmap")
        .await;
    // Marketing (2 and 3) averages 2.5 everywhere, sales 5.0: the top gap names both.
    let top_gap = admin.text_of("ol.gaps li strong").await;
    assert_eq!(
        top_gap,
        "Sales rates alignment and shared goals 5.0, marketing 2.5"
    );
    let heat = admin.text_of("table.heatmap tbody tr td").await;
    assert_eq!(heat, "2.5", "marketing's alignment cell");
    assert!(admin
        .text_of(".big-number")
        .await
        .starts_with("Overall level 3.3 of 5"));
    assert_no_console_errors(&admin, "results").await;

    for browser in [admin, mia, max, sam] {
        browser.close().await;
    }
}
