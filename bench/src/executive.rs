//! The executive report for the big campaign `results` seeds (10,000 submitted responses):
//! its data (`services::roadmap::report`: results, roadmap plan and hiring status), its
//! Markdown export as `GET /assessments/{id}/report.md` makes it, and the whole HTML page
//! `GET /assessments/{id}/report` rendered by the app's own server.
//!
//! Before timing, the organisation gets what an executive would have added by then: a few
//! roadmap decisions (a pin, a drop, an owner, so the plan is re-planned around them) and
//! a RevOps-leader role with two interviews and three candidates (the report's hiring
//! panel). The page is served in this process on the listener `Application::build` bound,
//! one request at a time, so the figure is the server's work for one visitor (rendering,
//! the service call inside it, HTTP) without the load part's concurrency.

use anyhow::{bail, Context};
use app::services::auth::CurrentUser;
use app::services::exports;
use app::services::hiring::{self, AddCandidate, AddStage, OpenRole};
use app::services::roadmap::{self, InitiativeAction};
use app::state::AppState;
use serde::{Deserialize, Serialize};
use server::Application;
use std::time::{Duration, Instant};

/// The rubric the seeded role is opened from (in `content/rubrics/`).
const RUBRIC: &str = "revops-leader";

/// Timings of one backend, in milliseconds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReportTimings {
    pub responses: usize,
    pub runs: usize,
    /// Initiatives the report's roadmap schedules.
    pub scheduled: usize,
    /// `services::roadmap::report`: the data the page and the export are made from.
    pub service_median_ms: f64,
    pub service_min_ms: f64,
    pub service_max_ms: f64,
    /// Parts of the service, each timed on its own: `services::roadmap::roadmap` (the
    /// campaign's results, the plan, the history) and the hiring status
    /// (`hiring::list_roles`, then `hiring::role` for each).
    pub roadmap_median_ms: f64,
    pub hiring_median_ms: f64,
    /// `exports::report_markdown(&roadmap::report(..))`, as the `report.md` download does.
    pub markdown_median_ms: f64,
    pub markdown_min_ms: f64,
    pub markdown_max_ms: f64,
    /// `exports::report_markdown` alone, on an already computed report.
    pub export_median_ms: f64,
    pub markdown_bytes: usize,
    /// `GET /assessments/{id}/report`, from request to the last byte of the page.
    pub page_median_ms: f64,
    pub page_min_ms: f64,
    pub page_max_ms: f64,
    pub page_bytes: usize,
}

/// Median, min and max, in milliseconds.
fn spread(mut values: Vec<Duration>) -> (f64, f64, f64) {
    values.sort_unstable();
    let ms = |d: Option<&Duration>| d.map_or(0.0, |d| d.as_secs_f64() * 1000.0);
    (
        ms(values.get(values.len() / 2)),
        ms(values.first()),
        ms(values.last()),
    )
}

/// A role with two interviews (the admin interviews) and three candidates.
async fn seed_hiring(state: &AppState, admin: &CurrentUser) -> anyhow::Result<()> {
    let rubric = state
        .content
        .current_rubric(RUBRIC)
        .with_context(|| format!("no rubric {RUBRIC} in the content"))?
        .rubric
        .clone();
    let competencies: Vec<String> = rubric.competencies.iter().map(|c| c.id.clone()).collect();
    if competencies.len() < 4 {
        bail!("the {RUBRIC} rubric has fewer than 4 competencies");
    }
    let role = hiring::open_role(
        state,
        admin,
        &OpenRole {
            title: "Head of Revenue Operations".into(),
            rubric_id: RUBRIC.into(),
            visibility: String::new(),
        },
    )
    .await?;
    for (name, focus) in [
        ("First interview", &competencies[0..2]),
        ("Second interview", &competencies[2..4]),
    ] {
        hiring::add_stage(
            state,
            admin,
            &role,
            &AddStage {
                name: name.into(),
                interviewer_id: admin.user_id.clone(),
                focus: focus.to_vec(),
            },
        )
        .await?;
    }
    for (name, title, function) in [
        ("Ada Candidate", "Director of Sales Operations", "sales"),
        ("Ben Candidate", "Marketing Operations Lead", "marketing"),
        ("Cleo Candidate", "CS Operations Lead", "customer-success"),
    ] {
        hiring::add_candidate(
            state,
            admin,
            &role,
            &AddCandidate {
                name: name.into(),
                current_title: title.into(),
                career: vec![
                    (title.into(), function.into(), "4".into()),
                    ("Analyst".into(), "operations".into(), "3.5".into()),
                ],
            },
        )
        .await?;
    }
    Ok(())
}

/// A pin (the first initiative of the first phase, moved to the second), a drop (the
/// first of the last phase that has any) and an owner (on the first phase's second).
async fn seed_decisions(
    state: &AppState,
    admin: &CurrentUser,
    campaign: &str,
) -> anyhow::Result<()> {
    let view = roadmap::roadmap(state, admin, campaign).await?;
    let first = view
        .phases
        .first()
        .map(|p| p.initiatives.as_slice())
        .unwrap_or_default();
    let last = view
        .phases
        .iter()
        .rev()
        .find(|p| !p.initiatives.is_empty() && p.index > 0)
        .and_then(|p| p.initiatives.first());
    let (Some(pinned), Some(dropped)) = (first.first(), last) else {
        bail!("the roadmap schedules too little for a benchmark (phase 1 or later phases empty)");
    };
    let changes = [
        (pinned.id.clone(), InitiativeAction::Pin { phase: 1 }),
        (dropped.id.clone(), InitiativeAction::Drop),
    ]
    .into_iter()
    .chain(
        first
            .get(1)
            .map(|i| (i.id.clone(), InitiativeAction::Owner("Olivia Owner".into()))),
    );
    for (id, action) in changes {
        roadmap::change_initiative(state, admin, campaign, &id, &action).await?;
    }
    Ok(())
}

/// Adds the decisions and the hiring role, then times the report `runs` times each way
/// (after one untimed call each), serving `application` for the page. `session_token`
/// is the admin's session, sent as the browser's cookie.
pub async fn measure(
    application: Application,
    admin: &CurrentUser,
    session_token: &str,
    campaign: &str,
    count: usize,
    runs: usize,
) -> anyhow::Result<ReportTimings> {
    let state = application.state().clone();
    seed_decisions(&state, admin, campaign).await?;
    seed_hiring(&state, admin).await?;

    // Warm-up, and the checks that the report is the one we mean to measure.
    let report = roadmap::report(&state, admin, campaign).await?;
    if report.results.respondents != count {
        bail!(
            "the report counted {} respondents, expected {count}",
            report.results.respondents
        );
    }
    let scheduled: usize = report
        .roadmap
        .phases
        .iter()
        .map(|p| p.initiatives.len())
        .sum();
    if scheduled == 0 || report.hiring.is_empty() {
        bail!("the report has no roadmap or no hiring status: nothing worth timing");
    }
    let markdown = exports::report_markdown(&report);
    let markdown_bytes = markdown.len();
    if !markdown.starts_with("# Executive report: ") {
        bail!("the Markdown export does not start with the report's title");
    }

    let mut service = Vec::with_capacity(runs);
    let mut export = Vec::with_capacity(runs);
    let mut download = Vec::with_capacity(runs);
    let mut plan = Vec::with_capacity(runs);
    let mut roles = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        let report = roadmap::report(&state, admin, campaign).await?;
        service.push(started.elapsed());
        let started = Instant::now();
        let markdown = exports::report_markdown(&report);
        export.push(started.elapsed());
        std::hint::black_box((report, markdown));
        let started = Instant::now();
        let markdown = exports::report_markdown(&roadmap::report(&state, admin, campaign).await?);
        download.push(started.elapsed());
        std::hint::black_box(markdown);
        let started = Instant::now();
        std::hint::black_box(roadmap::roadmap(&state, admin, campaign).await?);
        plan.push(started.elapsed());
        let started = Instant::now();
        for role in hiring::list_roles(&state, admin).await?.roles {
            std::hint::black_box(hiring::role(&state, admin, &role.id).await?);
        }
        roles.push(started.elapsed());
    }

    let (page, page_bytes) = time_page(application, session_token, campaign, runs).await?;

    let (service_median_ms, service_min_ms, service_max_ms) = spread(service);
    let (markdown_median_ms, markdown_min_ms, markdown_max_ms) = spread(download);
    let (export_median_ms, _, _) = spread(export);
    let (roadmap_median_ms, _, _) = spread(plan);
    let (hiring_median_ms, _, _) = spread(roles);
    let (page_median_ms, page_min_ms, page_max_ms) = spread(page);
    Ok(ReportTimings {
        responses: count,
        runs,
        scheduled,
        service_median_ms,
        service_min_ms,
        service_max_ms,
        roadmap_median_ms,
        hiring_median_ms,
        markdown_median_ms,
        markdown_min_ms,
        markdown_max_ms,
        export_median_ms,
        markdown_bytes,
        page_median_ms,
        page_min_ms,
        page_max_ms,
        page_bytes,
    })
}

/// Serves `application` until the page has been fetched `runs` times (after one untimed
/// fetch), then shuts it down (which closes its database pool). Returns the times and the
/// page's size.
async fn time_page(
    application: Application,
    session_token: &str,
    campaign: &str,
    runs: usize,
) -> anyhow::Result<(Vec<Duration>, usize)> {
    let origin = format!("http://{}", application.local_addr());
    let cookie = format!(
        "{}={session_token}",
        application.state().auth.session_cookie_name()
    );
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(application.run_until(async move {
        let _ = stopped.await;
    }));
    let timed = async {
        // No cookie store, no redirects, no compression: the page as the server renders it.
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        let url = format!("{origin}/assessments/{campaign}/report");
        let title = "Executive report: Benchmark";
        let fetch = || async {
            let response = client.get(&url).header("Cookie", &cookie).send().await?;
            let status = response.status();
            let body = response.bytes().await?;
            if status != reqwest::StatusCode::OK
                || !body.windows(title.len()).any(|w| w == title.as_bytes())
            {
                bail!(
                    "GET {url} answered {status} without the report ({} bytes)",
                    body.len()
                );
            }
            Ok::<usize, anyhow::Error>(body.len())
        };
        let bytes = fetch().await?;
        let mut times = Vec::with_capacity(runs);
        for _ in 0..runs {
            let started = Instant::now();
            std::hint::black_box(fetch().await?);
            times.push(started.elapsed());
        }
        Ok::<_, anyhow::Error>((times, bytes))
    }
    .await;
    let _ = stop.send(());
    server.await??;
    timed
}
