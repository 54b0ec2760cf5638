//! Page quality: Chromium reports CSP violations to the server (and the harness fails a
//! test that had one), axe-core names accessibility violations (it checks every page the
//! browser tests reach: see `Browser::assert_accessible` in tests/support/browser.rs), and
//! the size budget of what the browser loads from the release site.

use revalign_tests::browser::{require_built_site, Driver};
use revalign_tests::{workspace_root, Backend, TestApp};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// The whole app's wasm, compressed with brotli at quality 11.
const WASM_BROTLI_BUDGET: u64 = 150 * 1024;
/// Everything the browser fetches for the first page (HTML, CSS, JS, wasm, icon), as
/// transferred (compressed, headers included).
const FIRST_PAGE_TRANSFER_BUDGET: u64 = 250 * 1024;

/// A page that breaks its own policy makes Chromium post a report to `/csp-reports`; the
/// server keeps it, and the harness's check (run when every test's app is dropped) fails
/// naming it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chromium_reports_csp_violations_and_the_harness_fails_on_them() {
    require_built_site();
    let app = TestApp::spawn(Backend::Sqlite).await;
    let driver = Driver::start().await;
    let browser = driver.browser(true).await;
    browser.goto(&app.url("/signin")).await;
    browser.wait_for_hydration().await;
    // An inline script without the nonce, as an injection would add it.
    browser
        .client
        .execute(
            "const s = document.createElement('script'); s.textContent = 'window.injected = 1;'; document.body.appendChild(s);",
            vec![],
        )
        .await
        .unwrap();
    let started = Instant::now();
    while app.state.csp_reports.list().is_empty() && started.elapsed() < Duration::from_secs(10) {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let ran = browser
        .client
        .execute("return window.injected === 1;", vec![])
        .await
        .unwrap();
    assert_eq!(
        ran,
        serde_json::json!(false),
        "the policy blocked the script"
    );
    let reports = app.state.csp_reports.list();
    assert_eq!(reports.len(), 1, "{reports:#?}");
    assert!(
        reports[0].starts_with(&format!(
            "script-src-elem blocked inline on {}",
            app.url("/signin")
        )),
        "{reports:#?}"
    );
    let failure = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        app.assert_no_csp_violations()
    }))
    .expect_err("the harness fails a test whose pages broke the policy");
    let message = failure
        .downcast_ref::<String>()
        .cloned()
        .unwrap_or_default();
    assert!(
        message.contains("script-src-elem blocked inline"),
        "{message}"
    );
    browser.close().await;
}

/// The accessibility check finds what it should, with JavaScript on and off: an image
/// without a text alternative added to a page is named.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_accessibility_check_names_violations_with_and_without_javascript() {
    require_built_site();
    let app = TestApp::spawn(Backend::Sqlite).await;
    let driver = Driver::start().await;
    for javascript in [true, false] {
        let browser = driver.browser(javascript).await;
        browser.goto(&app.url("/signin")).await;
        assert!(browser.axe_violations().await.is_empty(), "the page passes");
        browser
            .client
            .execute(
                "const i = document.createElement('img'); i.src = '/favicon.svg'; document.querySelector('main').appendChild(i);",
                vec![],
            )
            .await
            .unwrap();
        let violations = browser.axe_violations().await;
        assert!(
            violations.len() == 1 && violations[0].starts_with("image-alt (critical)"),
            "JavaScript {javascript}: {violations:#?}"
        );
        // Not `close`: it would check the page again and fail on purpose.
        browser.client.clone().close().await.unwrap();
    }
}

/// The wasm (brotli 11) and everything the sign-in page and the start page transfer, as
/// Chromium counts it, stay within their budgets.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_release_build_stays_within_its_size_budget() {
    require_built_site();
    let wasm = workspace_root().join("target/site/pkg/revalign.wasm");
    let raw = std::fs::metadata(&wasm).unwrap().len();
    let brotli = brotli_size(&wasm);
    println!("wasm: {raw} B raw, {brotli} B brotli (budget {WASM_BROTLI_BUDGET} B)");
    assert!(
        brotli <= WASM_BROTLI_BUDGET,
        "the wasm is {brotli} B with brotli 11, over its budget of {WASM_BROTLI_BUDGET} B"
    );

    let app = TestApp::spawn(Backend::Sqlite).await;
    let driver = Driver::start().await;
    for path in ["/signin", "/"] {
        // A fresh profile: nothing cached.
        let browser = driver.browser(true).await;
        browser.goto(&app.url(path)).await;
        if path == "/signin" {
            browser.wait_for_hydration().await;
        }
        let entries = loaded_resources(&browser).await;
        let total: u64 = entries.iter().map(|(_, bytes)| bytes).sum();
        println!(
            "first page {path}: {total} B transferred (budget {FIRST_PAGE_TRANSFER_BUDGET} B)"
        );
        for (name, bytes) in &entries {
            println!("    {bytes:>8} B  {name}");
        }
        assert!(
            entries.iter().any(|(name, _)| name.ends_with(".wasm")),
            "{path} loaded the wasm: {entries:#?}"
        );
        assert!(
            total <= FIRST_PAGE_TRANSFER_BUDGET,
            "{path} transferred {total} B, over the budget of {FIRST_PAGE_TRANSFER_BUDGET} B: {entries:#?}"
        );
        browser.close().await;
    }
}

/// The size of `file` compressed by the `brotli` CLI at quality 11.
fn brotli_size(file: &Path) -> u64 {
    let output = Command::new("brotli")
        .args(["-c", "-q", "11"])
        .arg(file)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run brotli ({e}): run ./test once, which installs it (ensure_brotli)")
        });
    assert!(
        output.status.success(),
        "brotli failed on {}",
        file.display()
    );
    output.stdout.len() as u64
}

/// Every request of the page so far (the document and its resources), with the bytes
/// transferred, once the wasm has loaded.
async fn loaded_resources(browser: &revalign_tests::browser::Browser) -> Vec<(String, u64)> {
    let started = Instant::now();
    loop {
        let value = browser
            .client
            .execute(
                "if (document.readyState !== 'complete') return null;
                 const all = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
                 if (!all.some(e => e.name.endsWith('.wasm') && e.responseEnd > 0)) return null;
                 return all.map(e => [e.name, e.transferSize]);",
                vec![],
            )
            .await
            .unwrap();
        if let Ok(entries) = serde_json::from_value::<Vec<(String, u64)>>(value) {
            return entries;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the page did not finish loading its wasm"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
