//! `revalign-bench`: the maturity-assessment benchmark. `bench/run` drives it end to end;
//! each subcommand is one step, run as its own process next to the `revalign` server.
#![forbid(unsafe_code)]

mod executive;
mod load;
mod planner;
mod report;
mod results;
mod site;

use anyhow::Context;
use bytes::Bytes;
use clap::{Args, Parser, Subcommand};
use http::{header, Request, StatusCode};
use http_body_util::Full;
use load::{Check, MakeRequest, Plan};
use report::{Entry, Measure};
use site::Seeded;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

#[derive(Parser)]
#[command(
    name = "revalign-bench",
    about = "RevAlign maturity-assessment benchmark"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Load settings shared by the HTTP measurements.
#[derive(Args, Clone)]
struct LoadArgs {
    /// The file written by `seed`.
    #[arg(long)]
    seed: PathBuf,
    /// Concurrent keep-alive connections.
    #[arg(long, default_value_t = 64)]
    connections: usize,
    /// Seconds of load before counting starts.
    #[arg(long, default_value_t = 2)]
    warmup: u64,
    /// Seconds counted.
    #[arg(long, default_value_t = 10)]
    duration: u64,
    /// Append the figures to this file (JSON lines; `report` prints them).
    #[arg(long)]
    report: Option<PathBuf>,
    /// Database behind the server, for the table.
    #[arg(long, default_value = "sqlite")]
    backend: String,
}

impl LoadArgs {
    fn timed(&self) -> Plan {
        Plan::Timed {
            warmup: Duration::from_secs(self.warmup),
            measure: Duration::from_secs(self.duration),
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Sign up an admin, launch a campaign and note its marketing link and page size.
    Seed {
        /// The running server, e.g. http://127.0.0.1:3000.
        #[arg(long)]
        url: String,
        #[arg(long, default_value = "content")]
        content_dir: PathBuf,
        #[arg(long, default_value = "revops-maturity")]
        model: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Serve pre-built bytes from a bare axum handler: the ceiling for the page.
    Ceiling {
        #[arg(long, default_value_t = 0)]
        port: u16,
        /// Body size, the questionnaire page's.
        #[arg(long)]
        bytes: usize,
    },
    /// Load `GET /a/{token}/step/1` (each connection its own started response).
    Page {
        #[command(flatten)]
        load: LoadArgs,
        /// Send the load here instead of to the server (the ceiling's address).
        #[arg(long)]
        target: Option<String>,
        /// The server renders every view (started with `REVALIGN_PAGE_CACHE_MIB=0`): record
        /// it as such.
        #[arg(long)]
        rendered: bool,
    },
    /// Load single-answer autosaves (JSON), each connection cycling through its respondents.
    Autosave {
        #[command(flatten)]
        load: LoadArgs,
        /// Started respondents to spread the saves over.
        #[arg(long, default_value_t = 512)]
        respondents: usize,
    },
    /// Start N respondents, save all their answers (one post per step, measured), then
    /// submit them all (measured).
    Submit {
        #[command(flatten)]
        load: LoadArgs,
        #[arg(long, default_value_t = 5000)]
        respondents: usize,
    },
    /// Seed 10,000 submitted responses into a fresh database and time the results, then
    /// the executive report of the same campaign (data, Markdown export, HTML page).
    Results {
        /// A fresh database: `sqlite://<file>` or `postgres://…` (see `pg-create`).
        #[arg(long)]
        database_url: String,
        #[arg(long, default_value = "content")]
        content_dir: PathBuf,
        #[arg(long, default_value = "revops-maturity")]
        model: String,
        #[arg(long, default_value_t = 10_000)]
        responses: usize,
        #[arg(long, default_value_t = 7)]
        runs: usize,
        #[arg(long)]
        report: Option<PathBuf>,
        #[arg(long, default_value = "sqlite")]
        backend: String,
    },
    /// Time the pure roadmap planner on a synthetic library (no database).
    Planner {
        #[arg(long, default_value_t = 200)]
        initiatives: usize,
        #[arg(long, default_value_t = 8)]
        dimensions: usize,
        #[arg(long, default_value_t = 8)]
        phases: usize,
        /// Person-weeks per phase.
        #[arg(long, default_value_t = 20.0)]
        capacity: f64,
        #[arg(long, default_value_t = 101)]
        runs: usize,
        #[arg(long)]
        report: Option<PathBuf>,
    },
    /// Create an empty PostgreSQL database (`revalign_bench_…`) and print its URL.
    PgCreate {
        #[arg(long)]
        admin_url: String,
    },
    /// Drop a database made by `pg-create`.
    PgDrop {
        #[arg(long)]
        admin_url: String,
        #[arg(long)]
        database_url: String,
    },
    /// Note in the results file that a part was skipped, and why.
    Skip {
        #[arg(long)]
        what: String,
        #[arg(long)]
        why: String,
        #[arg(long)]
        report: PathBuf,
    },
    /// Record the resident memory of a process (`/proc/<pid>/status`): once, or the peak
    /// of samples taken every 100 ms for `--sample-for` seconds.
    Memory {
        #[arg(long)]
        pid: u32,
        #[arg(long)]
        backend: String,
        /// What the server was doing, e.g. "idle" or "under load (autosave)".
        #[arg(long)]
        when: String,
        #[arg(long, default_value_t = 0.0)]
        sample_for: f64,
        #[arg(long)]
        report: PathBuf,
    },
    /// Print the results file as a table.
    Report { file: PathBuf },
    /// Print each figure of NEW beside the same figure of OLD (two results files).
    Compare { old: PathBuf, new: PathBuf },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Seed {
            url,
            content_dir,
            model,
            out,
        } => {
            let library = app::content::ContentLibrary::load(&content_dir);
            let model = &library
                .model(&model)
                .with_context(|| format!("no model {model} in {}", content_dir.display()))?
                .model;
            let seeded = site::seed(url.trim_end_matches('/'), model).await?;
            std::fs::write(&out, serde_json::to_string_pretty(&seeded)?)?;
            println!("{}", seeded.page_bytes);
        }
        Command::Ceiling { port, bytes } => ceiling(port, bytes).await?,
        Command::Page {
            load,
            target,
            rendered,
        } => page(&load, target.as_deref(), rendered).await?,
        Command::Autosave { load, respondents } => autosave(&load, respondents).await?,
        Command::Submit { load, respondents } => submit(&load, respondents).await?,
        Command::Results {
            database_url,
            content_dir,
            model,
            responses,
            runs,
            report,
            backend,
        } => {
            let (timings, report_timings) =
                results::measure(&database_url, &content_dir, &model, responses, runs).await?;
            println!(
                "    results ({backend}): service median {:.1} ms (min {:.1}, max {:.1}); fetch {:.1} ms, convert {:.1} ms, compute {:.1} ms, counts {:.1} ms",
                timings.service_median_ms,
                timings.service_min_ms,
                timings.service_max_ms,
                timings.fetch_median_ms,
                timings.convert_median_ms,
                timings.compute_median_ms,
                timings.counts_median_ms,
            );
            println!(
                "    executive report ({backend}): service median {:.1} ms (min {:.1}, max {:.1}; roadmap {:.1} ms, hiring {:.1} ms); Markdown download {:.1} ms (export alone {:.2} ms, {} B); page {:.1} ms (min {:.1}, max {:.1}, {} B)",
                report_timings.service_median_ms,
                report_timings.service_min_ms,
                report_timings.service_max_ms,
                report_timings.roadmap_median_ms,
                report_timings.hiring_median_ms,
                report_timings.markdown_median_ms,
                report_timings.export_median_ms,
                report_timings.markdown_bytes,
                report_timings.page_median_ms,
                report_timings.page_min_ms,
                report_timings.page_max_ms,
                report_timings.page_bytes,
            );
            if let Some(path) = report {
                report::append(
                    &path,
                    &Entry::Results {
                        backend: backend.clone(),
                        timings,
                    },
                )?;
                report::append(
                    &path,
                    &Entry::Report {
                        backend,
                        timings: report_timings,
                    },
                )?;
            }
        }
        Command::Planner {
            initiatives,
            dimensions,
            phases,
            capacity,
            runs,
            report,
        } => {
            let timings = planner::measure(initiatives, dimensions, phases, capacity, runs)?;
            println!(
                "    planner: {} initiatives × {} dimensions into {} phases of {} person-weeks: median {:.3} ms (min {:.3}, max {:.3}) over {} runs; {} scheduled, {} unscheduled",
                timings.initiatives,
                timings.dimensions,
                timings.phases,
                timings.capacity_weeks,
                timings.median_ms,
                timings.min_ms,
                timings.max_ms,
                timings.runs,
                timings.scheduled,
                timings.unscheduled,
            );
            if let Some(path) = report {
                report::append(&path, &Entry::Planner { timings })?;
            }
        }
        Command::PgCreate { admin_url } => {
            println!("{}", results::create_postgres_database(&admin_url).await?);
        }
        Command::PgDrop {
            admin_url,
            database_url,
        } => results::drop_postgres_database(&admin_url, &database_url).await?,
        Command::Skip { what, why, report } => {
            report::append(&report, &Entry::Skipped { what, why })?;
        }
        Command::Memory {
            pid,
            backend,
            when,
            sample_for,
            report,
        } => {
            let until = std::time::Instant::now() + Duration::from_secs_f64(sample_for);
            let mut rss_kib = rss_kib(pid)?;
            while std::time::Instant::now() < until {
                tokio::time::sleep(Duration::from_millis(100)).await;
                match self::rss_kib(pid) {
                    Ok(now) => rss_kib = rss_kib.max(now),
                    Err(_) => break, // the process ended
                }
            }
            println!("    server RSS {when}: {:.1} MiB", rss_kib as f64 / 1024.0);
            report::append(
                &report,
                &Entry::Memory {
                    backend,
                    when,
                    rss_kib,
                },
            )?;
        }
        Command::Report { file } => report::print(&file)?,
        Command::Compare { old, new } => report::compare(&old, &new)?,
    }
    Ok(())
}

/// `VmRSS` of a process, in KiB.
fn rss_kib(pid: u32) -> anyhow::Result<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .with_context(|| format!("no process {pid}"))?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|kib| kib.trim().trim_end_matches("kB").trim().parse().ok())
        .context("no VmRSS line in /proc status")
}

/// The bare handler: whatever the request, the same pre-built bytes as an HTML page.
async fn ceiling(port: u16, bytes: usize) -> anyhow::Result<()> {
    let body = Bytes::from(
        "<!DOCTYPE html>"
            .bytes()
            .chain(std::iter::repeat(b'x'))
            .take(bytes)
            .collect::<Vec<u8>>(),
    );
    let router = axum::Router::new().fallback(move || {
        let body = body.clone();
        async move { ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], body) }
    });
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("ceiling listening on http://{}", listener.local_addr()?);
    axum::serve(listener, router).await?;
    Ok(())
}

fn record(load: &LoadArgs, measure: Measure, backend: &str, outcome: &load::Outcome) {
    println!("    {measure:?} ({backend}): {}", outcome.line());
    for sample in &outcome.error_samples {
        println!("      error: {sample}");
    }
    if let Some(path) = &load.report {
        let entry = Entry::Load {
            measure,
            backend: backend.to_owned(),
            connections: load.connections,
            outcome: outcome.clone(),
        };
        if let Err(error) = report::append(path, &entry) {
            eprintln!("could not write {}: {error}", path.display());
        }
    }
}

/// A request as our pages' scripts or forms send it: `Host`, and for posts the `Origin`.
fn request(seeded: &Seeded, method: &str, path: &str, cookie: &str) -> http::request::Builder {
    let host = seeded.origin.trim_start_matches("http://");
    let builder = Request::builder()
        .method(method)
        .uri(path)
        .header(header::HOST, host)
        .header(header::COOKIE, cookie);
    if method == "POST" {
        builder
            .header(header::ORIGIN, &seeded.origin)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
    } else {
        builder
    }
}

fn form(fields: &[(String, String)]) -> Full<Bytes> {
    let body = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish();
    Full::new(Bytes::from(body))
}

async fn page(load: &LoadArgs, target: Option<&str>, rendered: bool) -> anyhow::Result<()> {
    let seeded = Seeded::load(&load.seed)?;
    let cookies = site::start_respondents(&seeded, load.connections, 8).await?;
    let (address, measure, backend) = match target {
        Some(url) => {
            let url = url::Url::parse(url)?;
            let address = format!(
                "{}:{}",
                url.host_str().context("target host")?,
                url.port().context("target port")?
            );
            (address.parse()?, Measure::Ceiling, "none".to_owned())
        }
        None if rendered => (
            seeded.address()?,
            Measure::PageRendered,
            load.backend.clone(),
        ),
        None => (seeded.address()?, Measure::Page, load.backend.clone()),
    };
    let path = format!("/a/{}/step/1", seeded.token);
    let make: Arc<MakeRequest> = {
        let seeded = seeded.clone();
        Arc::new(move |worker, _| {
            request(&seeded, "GET", &path, &cookies[worker % cookies.len()])
                .body(Full::new(Bytes::new()))
                .expect("a valid request")
        })
    };
    let expected = seeded.page_bytes;
    let check: Arc<Check> = Arc::new(move |status, body: &[u8]| {
        // The page's size varies by a few bytes at most (nonce, ids); a different page
        // (an error, the start page) differs by far more.
        status == StatusCode::OK && body.len().abs_diff(expected) < 64
    });
    let outcome = load::run(address, load.connections, load.timed(), make, check).await;
    record(load, measure, &backend, &outcome);
    Ok(())
}

/// The step (1-based) of each question, in model order.
fn question_steps(seeded: &Seeded) -> Vec<(usize, String)> {
    seeded
        .steps
        .iter()
        .enumerate()
        .flat_map(|(s, ids)| ids.iter().map(move |id| (s + 1, id.clone())))
        .collect()
}

async fn autosave(load: &LoadArgs, respondents: usize) -> anyhow::Result<()> {
    let seeded = Seeded::load(&load.seed)?;
    let respondents = respondents.max(load.connections);
    let cookies = site::start_respondents(&seeded, respondents, load.connections).await?;
    let questions = question_steps(&seeded);
    let make: Arc<MakeRequest> = {
        let seeded = seeded.clone();
        let connections = load.connections;
        Arc::new(move |worker, n| {
            // Each connection answers one respondent's questions in order, then the next
            // respondent's (its own respondents: worker, worker + connections, ...).
            let respondent = (worker + connections * (n / questions.len())) % cookies.len();
            let (step, id) = &questions[n % questions.len()];
            let fields = [
                (format!("q.{id}"), site::answer_value(n + worker)),
                ("autosave".to_owned(), "1".to_owned()),
            ];
            request(
                &seeded,
                "POST",
                &format!("/a/{}/step/{step}", seeded.token),
                &cookies[respondent],
            )
            .body(form(&fields))
            .expect("a valid request")
        })
    };
    let check: Arc<Check> = Arc::new(|status, body: &[u8]| {
        status == StatusCode::OK && body.windows(12).any(|w| w == b"\"saved\":true")
    });
    let outcome = load::run(
        seeded.address()?,
        load.connections,
        load.timed(),
        make,
        check,
    )
    .await;
    record(load, Measure::Autosave, &load.backend, &outcome);
    Ok(())
}

async fn submit(load: &LoadArgs, respondents: usize) -> anyhow::Result<()> {
    let seeded = Seeded::load(&load.seed)?;
    let address = seeded.address()?;
    let started = std::time::Instant::now();
    let cookies = Arc::new(site::start_respondents(&seeded, respondents, load.connections).await?);
    println!(
        "    started {respondents} responses in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    // Every answer of every respondent, one post per step (the plain "Save and continue"
    // form, answered as JSON so that a failure is a status and not a redirect).
    let steps = seeded.steps.len();
    let make: Arc<MakeRequest> = {
        let (seeded, cookies) = (seeded.clone(), cookies.clone());
        Arc::new(move |_, job| {
            let (respondent, step) = (job / steps, job % steps);
            let mut fields: Vec<(String, String)> = seeded.steps[step]
                .iter()
                .enumerate()
                .map(|(q, id)| (format!("q.{id}"), site::answer_value(respondent + step + q)))
                .collect();
            fields.push(("nav".into(), "next".into()));
            request(
                &seeded,
                "POST",
                &format!("/a/{}/step/{}", seeded.token, step + 1),
                &cookies[respondent],
            )
            .body(form(&fields))
            .expect("a valid request")
        })
    };
    let check: Arc<Check> = Arc::new(|status, body: &[u8]| {
        status == StatusCode::OK && body.starts_with(b"{\"redirect\":")
    });
    let plan = Plan::Jobs {
        count: respondents * steps,
    };
    let outcome = load::run(address, load.connections, plan, make, check).await;
    record(load, Measure::StepSave, &load.backend, &outcome);
    if outcome.errors > 0 {
        anyhow::bail!("answers were not all saved; submissions not measured");
    }

    let make: Arc<MakeRequest> = {
        let seeded = seeded.clone();
        Arc::new(move |_, job| {
            request(
                &seeded,
                "POST",
                &format!("/a/{}/submit", seeded.token),
                &cookies[job],
            )
            .body(Full::new(Bytes::new()))
            .expect("a valid request")
        })
    };
    let thanks = format!("/a/{}/thanks", seeded.token);
    let check: Arc<Check> = Arc::new(move |status, body: &[u8]| {
        status == StatusCode::OK && body.windows(thanks.len()).any(|w| w == thanks.as_bytes())
    });
    let plan = Plan::Jobs { count: respondents };
    let outcome = load::run(address, load.connections, plan, make, check).await;
    record(load, Measure::Submit, &load.backend, &outcome);
    Ok(())
}
