use fantoccini::Locator;
use revalign_tests::browser::{
    assert_no_console_errors, pdf_pages, require_built_site, Browser, Driver,
};
use revalign_tests::{Backend, TestApp};

/// Clicks the button `text` inside the initiative `id` (its forms are plain posts: the page
/// reloads with a notice).
async fn initiative_button(browser: &Browser, id: &str, text: &str) {
    browser
        .client
        .find(Locator::XPath(&format!(
            "//article[@id='initiative-{id}']//button[normalize-space(.)='{text}']"
        )))
        .await
        .unwrap_or_else(|e| panic!("no {text:?} button for {id}: {e}"))
        .click()
        .await
        .expect("click");
}

/// The initiatives of phase `n` (1-based) on the roadmap page, top to bottom.
async fn phase_initiatives(browser: &Browser, n: usize) -> Vec<String> {
    browser
        .ids_of(&format!("#phase-{n} article.initiative"))
        .await
        .into_iter()
        .map(|id| id.trim_start_matches("initiative-").to_owned())
        .collect()
}

/// An executive on the demo data sets targets and capacity, moves one initiative to a later
/// phase and drops another, re-plans and finds both choices kept; the report shows every
/// section, prints to a PDF with each section on its own page and no navigation, and its
/// Markdown and CSV downloads carry the numbers on the page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_executive_plans_the_roadmap_and_prints_the_report() {
    require_built_site();
    let app = TestApp::spawn(Backend::Sqlite).await;
    assert!(server::demo::seed(&app.state).await.unwrap());
    app.sign_in(server::demo::DEMO_EMAIL, server::demo::DEMO_PASSWORD)
        .await;
    let driver = Driver::start().await;
    let browser = driver.browser(true).await;
    browser.goto(&app.url("/signin")).await;
    browser
        .fill("E-mail address", server::demo::DEMO_EMAIL)
        .await;
    browser.fill("Password", server::demo::DEMO_PASSWORD).await;
    browser.click_button("Sign in").await;
    browser
        .wait_for_text("//nav[@aria-label='Main']", "signed in")
        .await;
    browser.click_link("RevOps baseline (demo)").await;
    browser.click_link("Roadmap").await;
    browser
        .wait_for_heading("Roadmap: RevOps baseline (demo)")
        .await;
    let roadmap_url = browser.url().await;
    let campaign = url::Url::parse(&roadmap_url)
        .unwrap()
        .path()
        .trim_start_matches("/assessments/")
        .trim_end_matches("/roadmap")
        .to_owned();

    // Targets and capacity, saved through the enhanced form.
    browser.wait_for_hydration().await;
    browser
        .fill("Target for Data and single source of truth", "4")
        .await;
    browser.fill("Person-weeks per phase", "10").await;
    browser.click_button("Save and re-plan").await;
    browser
        .wait_for_text(
            "//p[@role='status' and starts-with(., 'Settings saved')]",
            "saved",
        )
        .await;
    assert_no_console_errors(&browser, "roadmap settings").await;
    let first = phase_initiatives(&browser, 1).await;
    assert!(first.len() >= 2, "two initiatives in phase 1: {first:?}");
    let (moved, dropped) = (first[0].clone(), first[1].clone());

    // Move the first to phase 3.
    browser
        .client
        .find(Locator::Id(&format!("initiative-{moved}-phase")))
        .await
        .expect("the phase choice")
        .select_by_value("3")
        .await
        .expect("choose phase 3");
    initiative_button(&browser, &moved, "Move").await;
    browser
        .wait_for_text("//p[@role='status' and starts-with(., 'Moved')]", "moved")
        .await;
    // Drop the second.
    initiative_button(&browser, &dropped, "Drop").await;
    browser
        .wait_for_text(
            "//p[@role='status' and starts-with(., 'Dropped')]",
            "dropped",
        )
        .await;

    // Re-plan with more capacity and one phase more: both choices are kept.
    browser.wait_for_hydration().await;
    browser.fill("Phases", "5").await;
    browser.fill("Person-weeks per phase", "14").await;
    browser.click_button("Save and re-plan").await;
    browser
        .wait_for_text(
            "//p[@role='status' and starts-with(., 'Settings saved')]",
            "saved again",
        )
        .await;
    browser
        .wait_for_text("//div[@id='phase-5']", "the fifth phase")
        .await;
    assert!(phase_initiatives(&browser, 3).await.contains(&moved));
    for n in 1..=5 {
        assert!(!phase_initiatives(&browser, n).await.contains(&dropped));
    }
    assert_eq!(
        browser.ids_of("#dropped article.initiative").await,
        [format!("initiative-{dropped}")]
    );
    let history = browser.text_of("#history").await;
    assert!(
        history.contains("Moved “") && history.contains("Dropped “"),
        "{history}"
    );
    assert!(history.contains("Dana Demo"), "{history}");
    assert_no_console_errors(&browser, "roadmap").await;

    // The report: every section.
    browser.click_link("Executive report").await;
    browser
        .wait_for_heading("Executive report: RevOps baseline (demo)")
        .await;
    for id in [
        "summary",
        "maturity",
        "heatmap",
        "roadmap",
        "org-design",
        "hiring",
    ] {
        browser.wait_for_text(&format!("//*[@id='{id}']"), id).await;
    }
    let hiring = browser.text_of("#hiring").await;
    assert!(hiring.contains("VP Revenue Operations (demo)"), "{hiring}");
    assert_no_console_errors(&browser, "report").await;

    // Printed: one section per page, in order, without the navigation.
    let pdf = browser.print_a4().await;
    let pages = pdf_pages(&pdf);
    let headings = [
        "Summary",
        "Maturity: now, target and projected",
        "Heatmap: function × dimension",
        "Roadmap",
        "Organisation design",
        "Hiring the RevOps leader",
    ];
    let mut last_page = None;
    for heading in headings {
        let page = pages
            .iter()
            .position(|p| p.lines().any(|line| line.trim() == heading))
            .unwrap_or_else(|| panic!("{heading:?} not in the PDF: {pages:#?}"));
        assert!(
            last_page.is_none_or(|last| page > last),
            "{heading:?} does not start a new page (page {page}, previous section on {last_page:?})"
        );
        last_page = Some(page);
    }
    let all = pages.join("\n");
    assert!(!all.contains("Sign out"), "the PDF has the navigation");
    assert!(
        !all.contains("Report (Markdown)"),
        "the PDF has the download buttons"
    );

    // The downloads carry the numbers on the page.
    let markdown = app
        .client
        .get(app.url(&format!("/assessments/{campaign}/report.md")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let csv = app
        .client
        .get(app.url(&format!("/assessments/{campaign}/results.csv")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let rows = browser
        .client
        .find_all(Locator::Css("#maturity tbody tr"))
        .await
        .unwrap();
    assert_eq!(rows.len(), 8);
    for row in rows {
        let cells: Vec<String> = {
            let mut out = Vec::new();
            for cell in row.find_all(Locator::Css("th, td")).await.unwrap() {
                out.push(cell.text().await.unwrap());
            }
            out
        };
        let line = format!("| {} |", cells.join(" | "));
        assert!(
            markdown.contains(&line),
            "{line} not in the Markdown report"
        );
        let everyone = csv
            .lines()
            .find(|l| l.contains(&format!(",{},,,everyone,", cells[0])))
            .unwrap_or_else(|| panic!("no CSV row for {}", cells[0]));
        assert!(
            everyone.contains(&format!(",everyone,12,{},", cells[1])),
            "CSV {everyone} does not have the page's {} for 12 respondents",
            cells[1]
        );
    }
    browser.close().await;
}
