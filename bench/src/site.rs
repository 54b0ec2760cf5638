//! Seeding and setup through the server's own HTTP endpoints, the way a browser uses them:
//! an admin signs up and launches a campaign, respondents start through a function link
//! and answer steps. Every post carries the server's `Origin`, as our pages' posts do.

use anyhow::{bail, Context};
use app::domain::model::MaturityModel;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// What the `seed` command hands to the load commands (as JSON in a file).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Seeded {
    /// `http://127.0.0.1:PORT`
    pub origin: String,
    pub campaign_id: String,
    /// The marketing function link's token (`/a/{token}`).
    pub token: String,
    /// Question ids per step (step 1 first), as the server's model has them.
    pub steps: Vec<Vec<String>>,
    /// Body size of `GET /a/{token}/step/1` for a started response.
    pub page_bytes: usize,
}

impl Seeded {
    pub fn load(path: &std::path::Path) -> anyhow::Result<Self> {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        Ok(serde_json::from_str(&text)?)
    }

    /// The host:port the server listens on.
    pub fn address(&self) -> anyhow::Result<std::net::SocketAddr> {
        let url = url::Url::parse(&self.origin)?;
        let host = url.host_str().context("origin has a host")?;
        let port = url.port().context("origin has a port")?;
        Ok(format!("{host}:{port}").parse()?)
    }
}

/// The question ids of each step of a model.
pub fn steps_of(model: &MaturityModel) -> Vec<Vec<String>> {
    model
        .dimensions
        .iter()
        .map(|d| d.questions.iter().map(|q| q.id.clone()).collect())
        .collect()
}

fn client(cookies: bool) -> anyhow::Result<reqwest::Client> {
    Ok(reqwest::Client::builder()
        .cookie_store(cookies)
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(256)
        .build()?)
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// Signs up an admin, launches a campaign for marketing, sales and customer success, reads
/// the marketing link from the campaign page, and measures the step-1 page's size.
pub async fn seed(origin: &str, model: &MaturityModel) -> anyhow::Result<Seeded> {
    let admin = client(true)?;
    let signed_up = admin
        .post(format!("{origin}/signup"))
        .header("Origin", origin)
        .form(&[
            ("organisation_name", "Bench Corp"),
            ("display_name", "Bea Bench"),
            ("email", "bea@bench.test"),
            ("password", "benchmark passphrase"),
        ])
        .send()
        .await?;
    if signed_up.status() != 303 || location(&signed_up) != "/dashboard" {
        bail!(
            "sign-up failed: {} -> {}",
            signed_up.status(),
            location(&signed_up)
        );
    }
    let launched = admin
        .post(format!("{origin}/assessments"))
        .header("Origin", origin)
        .form(&[
            ("name", "Benchmark"),
            ("model", model.id.as_str()),
            ("min_group_size", "3"),
            ("functions", "marketing"),
            ("functions", "sales"),
            ("functions", "customer-success"),
        ])
        .send()
        .await?;
    let to = location(&launched);
    let Some(campaign_id) = to.strip_prefix("/assessments/") else {
        bail!("launch failed: {} -> {to}", launched.status());
    };
    let page = admin
        .get(format!("{origin}/assessments/{campaign_id}"))
        .send()
        .await?
        .text()
        .await?;
    let token = page
        .split("<input")
        .filter(|input| input.contains("data-function=\"marketing\""))
        .find_map(|input| {
            let start = input.find("/a/")? + 3;
            let end = input[start..].find('"')? + start;
            Some(input[start..end].to_owned())
        })
        .context("no marketing link on the campaign page")?;
    let mut seeded = Seeded {
        origin: origin.to_owned(),
        campaign_id: campaign_id.to_owned(),
        token,
        steps: steps_of(model),
        page_bytes: 0,
    };
    let cookie = start_respondents(&seeded, 1, 1).await?.remove(0);
    let step = client(false)?
        .get(format!("{origin}/a/{}/step/1", seeded.token))
        .header("Cookie", &cookie)
        .send()
        .await?;
    if step.status() != 200 {
        bail!("the step page answered {}", step.status());
    }
    let body = step.bytes().await?;
    if !body.windows(7).any(|w| w == b"name=\"q") {
        bail!("the step page has no questions");
    }
    seeded.page_bytes = body.len();
    Ok(seeded)
}

/// Starts `count` responses through the link, `concurrency` at a time; returns each one's
/// `Cookie` header value (`revalign_response=...`).
pub async fn start_respondents(
    seeded: &Seeded,
    count: usize,
    concurrency: usize,
) -> anyhow::Result<Vec<String>> {
    let client = client(false)?;
    let url = format!("{}/a/{}/start", seeded.origin, seeded.token);
    let jobs = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for _ in 0..concurrency.max(1) {
        let (client, url, origin, jobs) = (
            client.clone(),
            url.clone(),
            seeded.origin.clone(),
            jobs.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let mut cookies = Vec::new();
            while jobs.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < count {
                let response = client.post(&url).header("Origin", &origin).send().await?;
                let cookie = response
                    .headers()
                    .get_all("set-cookie")
                    .iter()
                    .filter_map(|v| v.to_str().ok())
                    .find_map(|v| v.split(';').next().filter(|p| p.contains("_response=")))
                    .map(str::to_owned);
                match cookie {
                    Some(cookie) => cookies.push(cookie),
                    None => bail!(
                        "start answered {} without a resume cookie",
                        response.status()
                    ),
                }
            }
            Ok(cookies)
        }));
    }
    let mut all = Vec::with_capacity(count);
    for task in tasks {
        all.extend(task.await??);
    }
    Ok(all)
}

/// A spread of answers: mostly levels 1..=5, sometimes "don't know" or "not applicable".
pub fn answer_value(n: usize) -> String {
    match n % 17 {
        0 => "dont-know".into(),
        8 => "not-applicable".into(),
        k => ((k * 7 + n / 17) % 5 + 1).to_string(),
    }
}
