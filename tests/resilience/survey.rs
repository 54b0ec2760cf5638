//! A campaign with a sales link and respondents who answer through it, against any server
//! address (the in-process test server or a separate process on the same database).

use revalign_tests::api::admin_with_token;
use revalign_tests::{location, TestApp};
use serde_json::{json, Value};
use std::time::Duration;

/// What the tests need of a launched campaign.
pub struct Survey {
    /// The admin's API token.
    pub token: String,
    /// The sales function link, as a path (`/a/...`).
    pub link: String,
    /// The question ids of each step (one step per dimension), in order.
    pub steps: Vec<Vec<String>>,
}

impl Survey {
    /// Signs up Acme, launches a campaign for sales (results shown from one respondent) and
    /// reads the questions off the steps.
    pub async fn launch(app: &TestApp) -> Survey {
        let token = admin_with_token(app).await;
        let response = app
            .client
            .post(app.url("/api/v1/campaigns"))
            .bearer_auth(&token)
            .json(&json!({
                "name": "Resilience",
                "model": "revops-maturity",
                "functions": ["sales"],
                "min_group_size": 1,
            }))
            .send()
            .await
            .expect("launch");
        assert_eq!(response.status(), 201);
        let body: Value = response.json().await.expect("JSON");
        let campaign = body["summary"]["id"].as_str().expect("an id");
        let links: Value = app
            .client
            .get(app.url(&format!("/api/v1/campaigns/{campaign}/invitations")))
            .bearer_auth(&token)
            .send()
            .await
            .expect("links")
            .json()
            .await
            .expect("JSON");
        let url = links[0]["url"].as_str().expect("a link URL");
        let link = url
            .strip_prefix(&app.address)
            .expect("links point at this server")
            .to_owned();

        let scout = Respondent::new(&app.address, &link);
        scout.start().await.expect("start");
        let mut steps = Vec::new();
        for step in 1.. {
            let response = scout
                .client
                .get(format!("{}{}/step/{step}", scout.address, scout.link))
                .send()
                .await
                .expect("step page");
            if response.status() == 404 {
                break;
            }
            let page = response.text().await.expect("page");
            let mut ids: Vec<String> = page
                .split("name=\"q.")
                .skip(1)
                .filter_map(|rest| rest.split('"').next().map(str::to_owned))
                .collect();
            ids.dedup();
            if ids.is_empty() {
                break;
            }
            steps.push(ids);
        }
        assert_eq!(steps.len(), 8, "the model has eight dimensions");
        Survey { token, link, steps }
    }

    /// Every (step, question) in questionnaire order.
    pub fn questions(&self) -> Vec<(usize, String)> {
        self.steps
            .iter()
            .enumerate()
            .flat_map(|(i, ids)| ids.iter().map(move |id| (i + 1, id.clone())))
            .collect()
    }
}

/// One browser answering through the link on the server at `address`.
#[derive(Clone)]
pub struct Respondent {
    pub client: reqwest::Client,
    pub address: String,
    pub link: String,
}

impl Respondent {
    pub fn new(address: &str, link: &str) -> Self {
        Respondent {
            client: TestApp::browser_like_client(),
            address: address.to_owned(),
            link: link.to_owned(),
        }
    }

    /// The same browser (cookies and all) talking to another address.
    pub fn moved_to(&self, address: &str) -> Self {
        Respondent {
            address: address.to_owned(),
            ..self.clone()
        }
    }

    /// "Start": the server gives this browser its response (a cookie) and the first step.
    pub async fn start(&self) -> Result<String, reqwest::Error> {
        let response = self
            .client
            .post(format!("{}{}/start", self.address, self.link))
            .header("Origin", &self.address)
            .timeout(Duration::from_secs(10))
            .send()
            .await?;
        assert_eq!(response.status(), 303, "start redirects to a step");
        Ok(location(&response))
    }

    /// Saves one answer as the autosave island does; the status and JSON answer, or the
    /// transport error (server down).
    pub async fn autosave(
        &self,
        step: usize,
        question: &str,
        value: &str,
    ) -> Result<(u16, Value), reqwest::Error> {
        let name = format!("q.{question}");
        let response = self
            .client
            .post(format!("{}{}/step/{step}", self.address, self.link))
            .header("Origin", &self.address)
            .header("Accept", "application/json")
            .form(&[(name.as_str(), value), ("autosave", "1")])
            .timeout(Duration::from_secs(10))
            .send()
            .await?;
        let status = response.status().as_u16();
        let body = response.json().await.unwrap_or(Value::Null);
        Ok((status, body))
    }

    /// The respondent's step page (HTML).
    pub async fn step_page(&self, step: usize) -> Result<reqwest::Response, reqwest::Error> {
        self.client
            .get(format!("{}{}/step/{step}", self.address, self.link))
            .timeout(Duration::from_secs(10))
            .send()
            .await
    }
}
