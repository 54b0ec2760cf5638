//! A JSON API client that acts like a script (bearer token, no cookies, no Origin), and
//! the settings-page flow that creates a token.

use crate::{location, TestApp, PASSWORD};
use serde_json::{json, Value};

/// An API client: no cookie jar, no Origin, like a script with curl.
pub struct Api<'a> {
    app: &'a TestApp,
    /// A plain client (no cookies), for requests the helpers below do not cover.
    pub client: reqwest::Client,
    /// The bearer token it sends.
    pub token: String,
}

impl<'a> Api<'a> {
    pub fn new(app: &'a TestApp, token: &str) -> Self {
        Api {
            app,
            client: reqwest::Client::new(),
            token: token.to_owned(),
        }
    }

    pub async fn get(&self, path: &str) -> (u16, Value) {
        let response = self
            .client
            .get(self.app.url(path))
            .bearer_auth(&self.token)
            .send()
            .await
            .expect("GET request");
        status_and_json(response).await
    }

    pub async fn post(&self, path: &str, body: Value) -> (u16, Value) {
        let response = self
            .client
            .post(self.app.url(path))
            .bearer_auth(&self.token)
            .json(&body)
            .send()
            .await
            .expect("POST request");
        status_and_json(response).await
    }

    /// GET, the answer as it came (for files).
    pub async fn get_raw(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.app.url(path))
            .bearer_auth(&self.token)
            .send()
            .await
            .expect("GET request")
    }

    /// PUT with a JSON body.
    pub async fn put(&self, path: &str, body: Value) -> (u16, Value) {
        let response = self
            .client
            .put(self.app.url(path))
            .bearer_auth(&self.token)
            .json(&body)
            .send()
            .await
            .expect("PUT request");
        status_and_json(response).await
    }

    /// Launches a campaign named "Baseline"; returns its id.
    pub async fn launch(&self, functions: &[&str], min_group_size: u32) -> String {
        self.launch_named("Baseline", functions, min_group_size)
            .await
    }

    /// Launches a campaign; returns its id.
    pub async fn launch_named(
        &self,
        name: &str,
        functions: &[&str],
        min_group_size: u32,
    ) -> String {
        let (status, body) = self
            .post(
                "/api/v1/campaigns",
                json!({
                    "name": name,
                    "model": "revops-maturity",
                    "functions": functions,
                    "min_group_size": min_group_size,
                }),
            )
            .await;
        assert_eq!(status, 201, "launched: {body}");
        body["summary"]["id"].as_str().expect("an id").to_owned()
    }

    /// The path (`/a/...`) of the function link for `function`.
    pub async fn function_link(&self, campaign: &str, function: &str) -> String {
        let (status, links) = self
            .get(&format!("/api/v1/campaigns/{campaign}/invitations"))
            .await;
        assert_eq!(status, 200, "{links}");
        let url = links
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["function"] == function && l["person_name"].is_null())
            .and_then(|l| l["url"].as_str())
            .unwrap_or_else(|| panic!("no {function} link: {links}"))
            .to_owned();
        url.strip_prefix(&self.app.address)
            .expect("links point at this server")
            .to_owned()
    }
}

pub async fn status_and_json(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let text = response.text().await.expect("body");
    let body = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("answer {status} is not JSON ({e}): {text}"));
    (status, body)
}

/// Creates an API token in settings as `client`; returns the token the page shows once.
pub async fn create_token(app: &TestApp, client: &reqwest::Client, name: &str) -> String {
    let response = app
        .post_form_as(client, "/settings/tokens", &[("name", name)])
        .await;
    assert_eq!(location(&response), "/settings");
    let page = app.page_as(client, "/settings").await;
    shown_token(&page).expect("the settings page shows the new token")
}

/// The token in the "new token" box of a settings page, if there is one.
pub fn shown_token(page: &str) -> Option<String> {
    let input = page.split("id=\"new-api-token\"").nth(1)?;
    let start = input.find("value=\"")? + 7;
    let end = input[start..].find('"')? + start;
    Some(input[start..end].to_owned())
}

/// Signs up Acme with Ana as owner (on `app.client`) and gives her a token.
pub async fn admin_with_token(app: &TestApp) -> String {
    app.sign_up("Acme", "Ana Admin", "ana@acme.test", PASSWORD)
        .await;
    create_token(app, &app.client, "Ana's script").await
}

/// Ana (signed in on `app.client`) invites a member, who joins with a new account; returns
/// the member's signed-in browser.
pub async fn join_acme(app: &TestApp, name: &str, email: &str) -> reqwest::Client {
    app.join_as_member(name, email, PASSWORD).await
}

/// Signs up another organisation (Globex) in its own browser and gives Gus a token.
pub async fn other_organisation_token(app: &TestApp) -> (reqwest::Client, String) {
    let gus = TestApp::browser_like_client();
    app.post_form_as(
        &gus,
        "/signup",
        &[
            ("organisation_name", "Globex"),
            ("display_name", "Gus"),
            ("email", "gus@globex.test"),
            ("password", PASSWORD),
        ],
    )
    .await;
    let token = create_token(app, &gus, "Gus's script").await;
    (gus, token)
}
