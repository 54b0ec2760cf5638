//! Lighthouse on the release build: `target/release/revalign serve --demo` in Debian's
//! Chromium with Lighthouse's mobile settings, on the sign-in page, a questionnaire step,
//! the results and the executive report.

use revalign_tests::browser::require_built_site;
use revalign_tests::process::ServerProcess;
use revalign_tests::{cookie_value, location, workspace_root};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Lighthouse's bar (mobile settings): scores out of 100.
const MIN_PERFORMANCE: u32 = 95;
const MIN_ACCESSIBILITY: u32 = 100;
const MIN_BEST_PRACTICES: u32 = 95;

/// `target/release/revalign serve --demo` over a fresh SQLite file: the release build
/// Lighthouse measures. Killed when dropped.
struct ReleaseServer {
    process: ServerProcess,
    _dir: tempfile::TempDir,
}

impl ReleaseServer {
    async fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("lighthouse.db").display());
        ReleaseServer {
            process: ServerProcess::start_with(&url, &["--demo"], &[]).await,
            _dir: dir,
        }
    }

    fn url(&self, path: &str) -> String {
        self.process.url(path)
    }
}

/// Lighthouse's category scores for one page.
#[derive(Debug)]
struct Scores {
    performance: u32,
    accessibility: u32,
    best_practices: u32,
    /// The metrics and every failed audit of the three categories, to say what to fix.
    details: Vec<String>,
}

/// Lighthouse 12 (`REVALIGN_LIGHTHOUSE`, installed by ./test) in Chromium with its mobile
/// defaults (emulated phone, simulated slow 4G and a 4x slower CPU) on the sign-in page, a
/// questionnaire step, the results and the executive report of the demo data, served by
/// the release build. Fails below performance 95, accessibility 100 or best practices 95.
/// The performance score moves with whatever else the machine is doing, so a page that
/// misses it is measured again, up to three times, and its best run counts; every run is
/// printed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lighthouse_scores_meet_the_bar_on_the_release_build() {
    require_built_site();
    let lighthouse = lighthouse_cli();
    let server = ReleaseServer::start().await;
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();

    let signed_in = client
        .post(server.url("/signin"))
        .header("Origin", &server.process.address)
        .form(&[
            ("email", server::demo::DEMO_EMAIL),
            ("password", server::demo::DEMO_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    let session = cookie_value(&signed_in, "revalign_session").expect("the demo signs in");
    let session_cookie = format!("revalign_session={session}");
    let page = |path: String| {
        let client = client.clone();
        let cookie = session_cookie.clone();
        let url = server.url(&path);
        async move {
            let response = client
                .get(&url)
                .header("Cookie", cookie)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 200, "{url}");
            response.text().await.unwrap()
        }
    };
    let campaigns = page("/assessments".into()).await;
    let campaign = between(&campaigns, "href=\"/assessments/", "\"")
        .into_iter()
        .find(|id| !id.contains('/') && *id != "new")
        .expect("the demo campaign")
        .to_owned();
    let campaign_page = page(format!("/assessments/{campaign}")).await;
    let link = between(&campaign_page, "/a/", "\"")
        .into_iter()
        .next()
        .expect("a function link of the demo campaign")
        .to_owned();
    let started = client
        .post(server.url(&format!("/a/{link}/start")))
        .header("Origin", &server.process.address)
        .send()
        .await
        .unwrap();
    let resume = cookie_value(&started, "revalign_response").expect("a resume cookie");
    assert!(
        location(&started).contains("/step/"),
        "{}",
        location(&started)
    );

    let pages = [
        ("sign-in", "/signin".to_owned(), None),
        (
            "questionnaire step",
            format!("/a/{link}/step/1"),
            Some(format!("revalign_response={resume}")),
        ),
        (
            "results",
            format!("/assessments/{campaign}/results"),
            Some(session_cookie.clone()),
        ),
        (
            "executive report",
            format!("/assessments/{campaign}/report"),
            Some(session_cookie.clone()),
        ),
    ];
    let mut failures = Vec::new();
    println!(
        "Lighthouse {} (mobile) on the release build; bar: performance {MIN_PERFORMANCE}, accessibility {MIN_ACCESSIBILITY}, best practices {MIN_BEST_PRACTICES}",
        lighthouse_version(&lighthouse)
    );
    for (name, path, cookie) in pages {
        let mut best: Option<Scores> = None;
        for run in 1..=3 {
            let scores = measure(&lighthouse, &server.url(&path), cookie.as_deref());
            println!(
                "  {name:<20} run {run}: performance {:>3}, accessibility {:>3}, best practices {:>3}  ({path})",
                scores.performance, scores.accessibility, scores.best_practices
            );
            let better = best
                .as_ref()
                .is_none_or(|b| scores.performance > b.performance);
            if better {
                best = Some(scores);
            }
            if best.as_ref().unwrap().performance >= MIN_PERFORMANCE {
                break;
            }
        }
        let scores = best.unwrap();
        for line in &scores.details {
            println!("      {line}");
        }
        if scores.performance < MIN_PERFORMANCE
            || scores.accessibility < MIN_ACCESSIBILITY
            || scores.best_practices < MIN_BEST_PRACTICES
        {
            failures.push(format!(
                "{name} ({path}): performance {}, accessibility {}, best practices {}\n    {}",
                scores.performance,
                scores.accessibility,
                scores.best_practices,
                scores.details.join("\n    ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "below the Lighthouse bar (performance {MIN_PERFORMANCE}, accessibility {MIN_ACCESSIBILITY}, best practices {MIN_BEST_PRACTICES}):\n{}",
        failures.join("\n")
    );
}

/// Every piece of `text` between `start` and the next `end`.
fn between<'a>(text: &'a str, start: &str, end: &str) -> Vec<&'a str> {
    text.split(start)
        .skip(1)
        .filter_map(|rest| rest.find(end).map(|i| &rest[..i]))
        .collect()
}

/// The Lighthouse CLI: `REVALIGN_LIGHTHOUSE`, else where ./test installs it.
fn lighthouse_cli() -> PathBuf {
    let cli = std::env::var("REVALIGN_LIGHTHOUSE")
        .map(PathBuf::from)
        .unwrap_or_else(|_| workspace_root().join(".tools/node/node_modules/.bin/lighthouse"));
    assert!(
        cli.exists(),
        "Lighthouse is missing ({}): run ./test once, which installs it (ensure_quality_tools in .ci/tools.sh) and sets REVALIGN_LIGHTHOUSE",
        cli.display()
    );
    cli
}

fn lighthouse_version(cli: &Path) -> String {
    let output = Command::new(cli).arg("--version").output().unwrap();
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

/// Lighthouse's scores for `url`. Lighthouse sometimes fails to record a page load and says
/// so ("Something went wrong with recording the trace over your page load. Please run
/// Lighthouse again."): such a run measured nothing, so it is run again, up to three times.
/// Any other failure fails the test at once.
fn measure(cli: &Path, url: &str, cookie: Option<&str>) -> Scores {
    let mut attempts = Vec::new();
    for _ in 0..3 {
        match run_lighthouse(cli, url, cookie) {
            Ok(scores) => return scores,
            Err(again) => attempts.push(again),
        }
    }
    panic!(
        "lighthouse could not measure {url} in three attempts:\n{}",
        attempts.join("\n")
    );
}

/// What Lighthouse says when a run measured nothing and should simply be repeated.
const RUN_AGAIN: &str = "Please run Lighthouse again";

/// One Lighthouse run on `url` in a fresh Chromium profile; `Err` with Lighthouse's message
/// when it asks to be run again.
fn run_lighthouse(cli: &Path, url: &str, cookie: Option<&str>) -> Result<Scores, String> {
    let profile = tempfile::tempdir().unwrap();
    let report = profile.path().join("report.json");
    let chrome_flags = format!(
        "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
         --disable-background-networking --disable-component-update --disable-sync \
         --disable-dev-shm-usage --user-data-dir={}",
        profile.path().join("chrome").display()
    );
    let mut command = Command::new(cli);
    command
        .arg(url)
        .arg("--output=json")
        .arg(format!("--output-path={}", report.display()))
        .arg("--quiet")
        .arg("--only-categories=performance,accessibility,best-practices")
        .arg(format!("--chrome-flags={chrome_flags}"))
        .env(
            "CHROME_PATH",
            std::env::var("CHROME_PATH").unwrap_or_else(|_| "/usr/bin/chromium".into()),
        );
    if let Some(cookie) = cookie {
        command.arg(format!(
            "--extra-headers={}",
            serde_json::json!({ "Cookie": cookie })
        ));
    }
    let output = command.output().expect("run lighthouse");
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !output.status.success() && stderr.contains(RUN_AGAIN) {
        return Err(stderr.trim().to_owned());
    }
    assert!(
        output.status.success(),
        "lighthouse failed on {url}: {stderr}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    if let Some(error) = json["runtimeError"]["message"].as_str() {
        if error.contains(RUN_AGAIN) {
            return Err(error.to_owned());
        }
        panic!("lighthouse could not measure {url}: {error}");
    }
    let final_url = json["finalDisplayedUrl"].as_str().unwrap_or_default();
    assert_eq!(
        final_url, url,
        "lighthouse measured the page itself, not a redirect"
    );
    let score = |category: &str| {
        let value = json["categories"][category]["score"]
            .as_f64()
            .unwrap_or_else(|| panic!("no {category} score for {url}"));
        (value * 100.0).round() as u32
    };
    let mut details = Vec::new();
    let metrics: Vec<String> = [
        "first-contentful-paint",
        "largest-contentful-paint",
        "total-blocking-time",
        "cumulative-layout-shift",
        "speed-index",
    ]
    .iter()
    .map(|id| {
        format!(
            "{id} {}",
            json["audits"][id]["displayValue"].as_str().unwrap_or("?")
        )
    })
    .collect();
    details.push(metrics.join(", "));
    for category in ["performance", "accessibility", "best-practices"] {
        for reference in json["categories"][category]["auditRefs"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let id = reference["id"].as_str().unwrap_or_default();
            let audit = &json["audits"][id];
            let failed = audit["score"].as_f64().is_some_and(|s| s < 1.0)
                && reference["weight"].as_f64().unwrap_or(0.0) > 0.0;
            if failed {
                details.push(format!(
                    "{category}: {id} ({}): {}",
                    audit["score"],
                    audit["title"].as_str().unwrap_or_default()
                ));
            }
        }
    }
    Ok(Scores {
        performance: score("performance"),
        accessibility: score("accessibility"),
        best_practices: score("best-practices"),
        details,
    })
}
