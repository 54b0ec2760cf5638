//! Results for a big campaign: 10,000 submitted responses × 40 answers written straight
//! into a fresh database (bulk inserts into the app's schema), then the results service
//! timed exactly as the results page calls it, plus its parts (fetch, compute) on their own;
//! then the executive report on the same campaign (see `crate::executive`).

use crate::executive::{self, ReportTimings};
use crate::site::answer_value;
use anyhow::{bail, Context};
use app::db::{campaigns, responses, to_millis};
use app::domain::model::Answer;
use app::domain::results::{self, ResultsSettings};
use app::services::assessments::{self, LaunchCampaign};
use app::services::auth::{self, CurrentUser, SignUp};
use app::services::tokens::{hash_token, new_id};
use app::state::AppState;
use serde::{Deserialize, Serialize};
use server::{Application, Settings};
use std::collections::HashMap;
use std::time::{Duration, Instant};

/// Rows per multi-row INSERT: well under both backends' limits on bound values.
const RESPONSES_PER_INSERT: usize = 500;
const ANSWERS_PER_INSERT: usize = 1000;

/// Timings of one backend, in milliseconds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Timings {
    pub responses: usize,
    pub answers: usize,
    pub seed_seconds: f64,
    pub runs: usize,
    /// `services::assessments::results`: what the results page waits for.
    pub service_median_ms: f64,
    pub service_min_ms: f64,
    pub service_max_ms: f64,
    /// `db::responses::submitted_answers` alone.
    pub fetch_median_ms: f64,
    /// `services::assessments::response_answers`: the rows made into the domain's input.
    pub convert_median_ms: f64,
    /// `domain::results::compute` alone, on the grouped answers.
    pub compute_median_ms: f64,
    /// `db::campaigns::response_counts`: the campaign's head counts, for its summary.
    pub counts_median_ms: f64,
}

fn median(mut values: Vec<Duration>) -> f64 {
    values.sort_unstable();
    values
        .get(values.len() / 2)
        .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
}

/// The app over `database_url`, built by the server's own startup (which also migrates)
/// and bound to a free port; only the executive report's page is served from it.
async fn application(
    database_url: &str,
    content_dir: &std::path::Path,
) -> anyhow::Result<Application> {
    let mut settings = Settings::for_database(database_url);
    settings.content_dir = content_dir.to_owned();
    settings.site_root = std::env::temp_dir();
    Application::build(&settings).await
}

/// Who seeded what: the admin (and their session token, for the pages) and the campaign.
struct SeededCampaign {
    admin: CurrentUser,
    session_token: String,
    campaign: String,
}

/// Seeds one campaign with `count` submitted responses spread over three functions.
async fn seed(state: &AppState, model_id: &str, count: usize) -> anyhow::Result<SeededCampaign> {
    let session = auth::sign_up(
        state,
        &SignUp {
            organisation_name: "Bench Corp".into(),
            display_name: "Bea Bench".into(),
            email: "bea@bench.test".into(),
            password: "benchmark passphrase".into(),
        },
    )
    .await?;
    let admin = auth::authenticate(state, &session.token)
        .await?
        .context("the new session authenticates")?;
    let campaign = assessments::launch(
        state,
        &admin,
        &LaunchCampaign {
            name: "Benchmark".into(),
            model_id: model_id.into(),
            functions: vec![
                "marketing".into(),
                "sales".into(),
                "customer-success".into(),
            ],
            closes_on: String::new(),
            min_group_size: "3".into(),
        },
    )
    .await?;
    let links = campaigns::list_links(state.db.pool(), &campaign).await?;
    let model = state
        .content
        .current_model(model_id)
        .context("the model is loaded")?
        .model
        .clone();
    let questions: Vec<&str> = model
        .dimensions
        .iter()
        .flat_map(|d| d.questions.iter().map(|q| q.id.as_str()))
        .collect();
    let position: HashMap<&str, usize> = questions
        .iter()
        .enumerate()
        .map(|(q, id)| (*id, q))
        .collect();
    let now = to_millis(state.clock.now());
    // Submitted one after another over the last hour, as a real campaign's would be.
    let spacing = 3_600_000 / i64::try_from(count.max(1))?;
    let submitted_at = |r: usize| now - 3_600_000 + spacing * r as i64;

    let mut tx = state.db.begin_write().await?;
    let ids: Vec<String> = (0..count).map(|_| new_id()).collect();
    for (chunk_index, chunk) in ids.chunks(RESPONSES_PER_INSERT).enumerate() {
        let mut sql = String::from(
            "INSERT INTO responses (id, campaign_id, link_id, person_link_id, resume_hash, \
             function, started_at, updated_at, submitted_at, submitted_answers) VALUES ",
        );
        for i in 0..chunk.len() {
            let b = i * 8;
            if i > 0 {
                sql.push(',');
            }
            sql.push_str(&format!(
                "(${}, ${}, ${}, NULL, ${}, ${}, ${}, ${}, ${}, ${})",
                b + 1,
                b + 2,
                b + 3,
                b + 4,
                b + 5,
                b + 6,
                b + 7,
                b + 7,
                b + 8
            ));
        }
        let mut query = sqlx::query(&sql);
        for (i, id) in chunk.iter().enumerate() {
            let r = chunk_index * RESPONSES_PER_INSERT + i;
            let link = &links[r % links.len()];
            // As `questionnaire::submit` freezes them.
            let frozen = responses::freeze_answers(&model, |id| {
                let q = position.get(id)?;
                Answer::parse(&answer_value(r * 3 + q), model.scale()).ok()
            });
            query = query
                .bind(id)
                .bind(&campaign)
                .bind(&link.id)
                .bind(hash_token(id))
                .bind(link.function.as_str())
                .bind(now - 7_200_000)
                .bind(submitted_at(r))
                .bind(frozen);
        }
        query.execute(&mut *tx).await?;
    }
    let answers: Vec<(usize, usize)> = (0..count)
        .flat_map(|r| (0..questions.len()).map(move |q| (r, q)))
        .collect();
    for chunk in answers.chunks(ANSWERS_PER_INSERT) {
        let mut sql = String::from(
            "INSERT INTO answers (response_id, question_id, value, comment, answered_at) VALUES ",
        );
        for i in 0..chunk.len() {
            let b = i * 3;
            if i > 0 {
                sql.push(',');
            }
            sql.push_str(&format!("(${}, ${}, ${}, '', {now})", b + 1, b + 2, b + 3));
        }
        let mut query = sqlx::query(&sql);
        for &(r, q) in chunk {
            query = query
                .bind(&ids[r])
                .bind(questions[q])
                .bind(answer_value(r * 3 + q));
        }
        query.execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(SeededCampaign {
        admin,
        session_token: session.token,
        campaign,
    })
}

/// Seeds a fresh database, times the results `runs` times (after one untimed run), then
/// the executive report of the same campaign (each way `runs` times, after one untimed).
pub async fn measure(
    database_url: &str,
    content_dir: &std::path::Path,
    model_id: &str,
    count: usize,
    runs: usize,
) -> anyhow::Result<(Timings, ReportTimings)> {
    let application = application(database_url, content_dir).await?;
    let state = application.state().clone();
    let seeding = Instant::now();
    let SeededCampaign {
        admin,
        session_token,
        campaign,
    } = seed(&state, model_id, count).await?;
    let seed_seconds = seeding.elapsed().as_secs_f64();
    let questions = state
        .content
        .current_model(model_id)
        .context("the model is loaded")?
        .model
        .question_count();
    eprintln!(
        "    seeded {count} responses × {questions} answers in {seed_seconds:.1} s; timing {runs} runs"
    );

    // Warm-up: the first call parses nothing new (the model is cached) but fills the
    // database's page cache, as a results page visited before would have.
    let view = assessments::results(&state, &admin, &campaign).await?;
    if view.results.respondents != count {
        bail!(
            "results counted {} respondents, expected {count}",
            view.results.respondents
        );
    }

    let mut service = Vec::with_capacity(runs);
    for _ in 0..runs {
        // The first view after a submission: the cached results are gone.
        state.results.clear();
        let started = Instant::now();
        let view = assessments::results(&state, &admin, &campaign).await?;
        service.push(started.elapsed());
        std::hint::black_box(view);
    }

    let record = campaigns::find(state.db.pool(), &admin.organisation_id, &campaign)
        .await?
        .context("the campaign exists")?;
    let model = state.content.version(&state.db, &record.model_hash).await?;
    let mut fetch = Vec::with_capacity(runs);
    let mut convert = Vec::with_capacity(runs);
    let mut compute = Vec::with_capacity(runs);
    let mut counts = Vec::with_capacity(runs);
    let settings = ResultsSettings {
        min_group_size: record.min_group_size,
    };
    for _ in 0..runs {
        let started = Instant::now();
        let rows = responses::submitted_answers(state.db.pool(), &campaign).await?;
        fetch.push(started.elapsed());
        let started = Instant::now();
        let grouped = assessments::response_answers(&rows, &model);
        convert.push(started.elapsed());
        let started = Instant::now();
        let results = results::compute(&model, &grouped, &settings);
        compute.push(started.elapsed());
        std::hint::black_box(results);
        let started = Instant::now();
        let counted =
            campaigns::response_counts(state.db.pool(), &admin.organisation_id, Some(&campaign))
                .await?;
        counts.push(started.elapsed());
        std::hint::black_box(counted);
    }

    eprintln!("    timing the executive report, {runs} runs each way");
    // Serves the page from `application`, whose shutdown closes the pool (closing it
    // again below is a no-op).
    let report =
        executive::measure(application, &admin, &session_token, &campaign, count, runs).await?;
    state.db.close().await;

    let timings = Timings {
        responses: count,
        answers: count * questions,
        seed_seconds,
        runs,
        service_min_ms: service
            .iter()
            .min()
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0),
        service_max_ms: service
            .iter()
            .max()
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0),
        service_median_ms: median(service),
        fetch_median_ms: median(fetch),
        convert_median_ms: median(convert),
        compute_median_ms: median(compute),
        counts_median_ms: median(counts),
    };
    Ok((timings, report))
}

/// Creates an empty PostgreSQL database next to `admin_url`'s and returns its URL.
pub async fn create_postgres_database(admin_url: &str) -> anyhow::Result<String> {
    use sqlx::Connection;
    let name = format!(
        "revalign_bench_{}",
        new_id().to_lowercase().replace(['-', '_'], "")
    );
    let mut conn = sqlx::PgConnection::connect(admin_url)
        .await
        .with_context(|| format!("cannot reach PostgreSQL at {admin_url}"))?;
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&mut conn)
        .await?;
    let mut url = url::Url::parse(admin_url)?;
    url.set_path(&name);
    Ok(url.to_string())
}

/// Drops a database made by [`create_postgres_database`].
pub async fn drop_postgres_database(admin_url: &str, database_url: &str) -> anyhow::Result<()> {
    use sqlx::Connection;
    let name = url::Url::parse(database_url)?
        .path()
        .trim_start_matches('/')
        .to_owned();
    if !name.starts_with("revalign_bench_") {
        bail!("refusing to drop {name}: not a benchmark database");
    }
    let mut conn = sqlx::PgConnection::connect(admin_url).await?;
    sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        .execute(&mut conn)
        .await?;
    Ok(())
}
