//! Headless Chromium through chromedriver (WebDriver), one driver per test binary run.

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// Panics with the command to run when the release site (wasm, CSS) is not built.
pub fn require_built_site() {
    let wasm = crate::workspace_root().join("target/site/pkg/revalign.wasm");
    assert!(
        wasm.exists(),
        "{} is missing: run `cargo leptos build --release` (./test does) before the browser tests",
        wasm.display()
    );
}

/// Fails on any console error except Chrome's network line for a 422: that is the
/// validation answer a form gets for bad input (a test provokes one on purpose), handled by
/// the page and not a script error.
pub async fn assert_no_console_errors(browser: &Browser, page: &str) {
    let errors: Vec<String> = browser
        .console_errors()
        .await
        .into_iter()
        .filter(|e| !e.contains("the server responded with a status of 422"))
        .collect();
    assert!(errors.is_empty(), "console errors on {page}: {errors:#?}");
}

/// A running chromedriver; killed when dropped.
pub struct Driver {
    process: Child,
    pub port: u16,
}

impl Driver {
    pub async fn start() -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let binary = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let process = Command::new(&binary)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {binary} (install chromium-driver): {e}"));
        let driver = Driver { process, port };
        for _ in 0..100 {
            if reqwest::get(format!("http://127.0.0.1:{port}/status"))
                .await
                .is_ok()
            {
                return driver;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("chromedriver did not start on port {port}");
    }

    /// A new browser window with its own profile; `javascript: false` turns scripts off.
    pub async fn browser(&self, javascript: bool) -> Browser {
        let profile = tempfile::tempdir().expect("profile folder");
        let args = vec![
            "--headless=new".to_owned(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--disable-dev-shm-usage".into(),
            "--window-size=1200,900".into(),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        let mut options = json!({ "args": args });
        if let Ok(binary) = std::env::var("CHROME_BIN") {
            options["binary"] = json!(binary);
        }
        if !javascript {
            options["prefs"] = json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), json!("chrome"));
        capabilities.insert("goog:chromeOptions".into(), options);
        capabilities.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("a Chromium session");
        Browser {
            client,
            _profile: profile,
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.process.kill();
        let _ = self.process.wait();
    }
}

/// One browser window, driven through what a person sees.
pub struct Browser {
    pub client: Client,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.expect("navigate");
    }

    /// Fills the input whose `<label>` says `label`.
    pub async fn fill(&self, label: &str, value: &str) {
        let field = self.field(label).await;
        field.clear().await.expect("clear field");
        field.send_keys(value).await.expect("type into field");
    }

    /// The input labelled `label`.
    pub async fn field(&self, label: &str) -> fantoccini::elements::Element {
        let label_el = self
            .client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::XPath(&format!(
                "//label[normalize-space(.)='{label}']"
            )))
            .await
            .unwrap_or_else(|e| panic!("no field labelled {label:?}: {e}"));
        let id = label_el
            .attr("for")
            .await
            .unwrap()
            .expect("label has a for attribute");
        self.client
            .find(Locator::Id(&id))
            .await
            .expect("labelled input exists")
    }

    /// Clicks the button with this text.
    pub async fn click_button(&self, text: &str) {
        self.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::XPath(&format!(
                "//button[normalize-space(.)='{text}']"
            )))
            .await
            .unwrap_or_else(|e| panic!("no button {text:?}: {e}"))
            .click()
            .await
            .expect("click");
    }

    /// Waits until the page has a `<h1>` with this text.
    pub async fn wait_for_heading(&self, text: &str) {
        self.wait_for_text(&format!("//h1[normalize-space(.)='{text}']"), text)
            .await;
    }

    /// Waits until an element matching `xpath` exists.
    pub async fn wait_for_text(&self, xpath: &str, what: &str) {
        let found = self
            .client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::XPath(xpath))
            .await;
        if let Err(e) = found {
            let source = self.client.source().await.unwrap_or_default();
            let console = self.console_errors().await;
            panic!(
                "{what:?} did not appear ({e}); console errors: {console:#?}; page was:\n{source}"
            );
        }
    }

    /// Waits until the page's form island has hydrated (each form island marks itself).
    pub async fn wait_for_hydration(&self) {
        self.wait_for_text("//div[@data-enhanced='true']", "hydrated form")
            .await;
    }

    /// Follows the link with this text.
    pub async fn click_link(&self, text: &str) {
        self.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::XPath(&format!("//a[normalize-space(.)='{text}']")))
            .await
            .unwrap_or_else(|e| panic!("no link {text:?}: {e}"))
            .click()
            .await
            .expect("click");
    }

    /// Clicks the element with this id.
    pub async fn click_id(&self, id: &str) {
        self.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Id(id))
            .await
            .unwrap_or_else(|e| panic!("no element #{id}: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("click #{id}: {e}"));
    }

    /// The `id`s of every element matching `css`.
    pub async fn ids_of(&self, css: &str) -> Vec<String> {
        let mut ids = Vec::new();
        for element in self
            .client
            .find_all(Locator::Css(css))
            .await
            .expect("query")
        {
            if let Ok(Some(id)) = element.attr("id").await {
                ids.push(id);
            }
        }
        ids
    }

    pub async fn text_of(&self, css: &str) -> String {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no element {css}: {e}"))
            .text()
            .await
            .unwrap_or_default()
    }

    pub async fn url(&self) -> String {
        self.client
            .current_url()
            .await
            .expect("current url")
            .to_string()
    }

    /// Messages the page logged at level SEVERE (errors, failed loads, panics).
    pub async fn console_errors(&self) -> Vec<String> {
        let logs = self
            .client
            .issue_cmd(BrowserLog)
            .await
            .expect("chromedriver returns the browser log");
        logs.as_array()
            .into_iter()
            .flatten()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| entry["message"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}

/// chromedriver's (non-W3C) command for reading the browser console.
#[derive(Debug)]
struct BrowserLog;

impl fantoccini::wd::WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": "browser" }).to_string()),
        )
    }
}
