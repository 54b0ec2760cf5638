//! Headless Chromium through chromedriver (WebDriver), one driver per test binary run.

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use std::collections::HashSet;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};
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
    browser.assert_accessible().await;
}

/// The WCAG 2.x A and AA rules of axe-core that every page must pass.
pub const AXE_TAGS: [&str; 4] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/// axe-core's `axe.min.js`, from `REVALIGN_AXE` (./test installs the npm package and sets it).
fn axe_source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        let path = std::env::var("REVALIGN_AXE").unwrap_or_else(|_| {
            crate::workspace_root()
                .join(".tools/node/node_modules/axe-core/axe.min.js")
                .display()
                .to_string()
        });
        std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "axe-core is missing ({path}: {e}): run ./test once, which installs it \
                 (ensure_quality_tools in .ci/tools.sh) and sets REVALIGN_AXE"
            )
        })
    })
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
        let (client, profile) = session(self.port, javascript).await;
        Browser {
            client,
            javascript,
            driver_port: self.port,
            auditor: tokio::sync::OnceCell::new(),
            audited: Mutex::new(HashSet::new()),
            _profile: profile,
        }
    }
}

/// A Chromium session with its own profile; `javascript: false` turns scripts off.
async fn session(port: u16, javascript: bool) -> (Client, tempfile::TempDir) {
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
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a Chromium session");
    (client, profile)
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
    javascript: bool,
    driver_port: u16,
    /// With JavaScript off axe-core cannot run in the page (its timers never fire there):
    /// a second session, scripts on, checks a copy of the page's DOM instead.
    auditor: tokio::sync::OnceCell<(Client, tempfile::TempDir)>,
    /// The pages (address and title) axe-core has checked in this window.
    audited: Mutex<HashSet<String>>,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.expect("navigate");
        self.assert_accessible().await;
    }

    /// Runs axe-core's WCAG 2.x A/AA rules ([`AXE_TAGS`]) on the page shown now, once per
    /// address and title in this window, and fails naming every violation and where it is.
    /// Called by the helpers that arrive at a page (`goto`, `wait_for_heading`,
    /// `wait_for_hydration`, `assert_no_console_errors`, `close`), so every page the
    /// browser tests reach is checked, with JavaScript on and off.
    pub async fn assert_accessible(&self) {
        let url = self.url().await;
        let title = self.client.title().await.unwrap_or_default();
        if url.starts_with("data:") || url == "about:blank" {
            return;
        }
        let key = format!("{url} {title}");
        if !self.audited.lock().unwrap().insert(key) {
            return;
        }
        let violations = self.axe_violations().await;
        assert!(
            violations.is_empty(),
            "axe-core ({}) found {} accessibility violation(s) on {url} ({title:?}, JavaScript {}):\n{}",
            AXE_TAGS.join(", "),
            violations.len(),
            if self.javascript { "on" } else { "off" },
            violations.join("\n")
        );
    }

    /// axe-core's violations on the current page, one line per rule with its nodes.
    pub async fn axe_violations(&self) -> Vec<String> {
        if self.javascript {
            return axe_violations_in(&self.client).await;
        }
        // The page as this window shows it, scripts left out (they never ran here), on a
        // blank page of a scripts-on session, with a <base> so its stylesheet loads.
        let html = without_scripts(&self.client.source().await.expect("page source"));
        let url = url::Url::parse(&self.url().await).expect("page address");
        let base = format!("<base href=\"{}/\">", url.origin().ascii_serialization());
        let html = match html.find("<head>") {
            Some(i) => format!("{}{base}{}", &html[..i + 6], &html[i + 6..]),
            None => format!("{base}{html}"),
        };
        let (auditor, _) = self
            .auditor
            .get_or_init(|| session(self.driver_port, true))
            .await;
        auditor.goto("about:blank").await.expect("blank page");
        auditor
            .execute(
                "document.open(); document.write(arguments[0]); document.close();",
                vec![json!(html)],
            )
            .await
            .expect("copy the page");
        for _ in 0..100 {
            let ready = auditor
                .execute(
                    "return document.readyState === 'complete' && document.styleSheets.length > 0;",
                    vec![],
                )
                .await
                .expect("copy loaded");
            if ready == json!(true) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        axe_violations_in(auditor).await
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
        self.assert_accessible().await;
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
        self.assert_accessible().await;
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

    /// The `value` of the form field matching `css` (e.g. a link to copy).
    pub async fn value_of(&self, css: &str) -> String {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no field {css}: {e}"))
            .prop("value")
            .await
            .expect("the field's value")
            .unwrap_or_else(|| panic!("{css} has no value"))
    }

    /// The page printed to a PDF as a person would print it: A4, backgrounds on.
    pub async fn print_a4(&self) -> Vec<u8> {
        let pdf = self
            .client
            .print(
                fantoccini::wd::PrintConfiguration::builder()
                    .size(fantoccini::wd::PrintSize::A4)
                    .background(true)
                    .build()
                    .expect("a print configuration"),
            )
            .await
            .expect("Chromium prints the page");
        assert!(pdf.starts_with(b"%PDF"), "not a PDF");
        pdf
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
        if !std::thread::panicking() {
            self.assert_accessible().await;
        }
        if let Some((auditor, _)) = self.auditor.get() {
            let _ = auditor.clone().close().await;
        }
        let _ = self.client.close().await;
    }
}

/// Every `<script>` element of `html` left out.
fn without_scripts(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        out.push_str(&rest[..start]);
        rest = match rest[start..].find("</script>") {
            Some(end) => &rest[start + end + "</script>".len()..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// axe-core's violations on the page `client` shows, one line per rule with its nodes.
async fn axe_violations_in(client: &Client) -> Vec<String> {
    // DevTools evaluation is not subject to the page's CSP.
    let present = client
        .execute("return typeof window.axe === 'object';", vec![])
        .await
        .expect("script evaluation for axe-core");
    if present != json!(true) {
        client
            .execute(&format!("{}\n;return true;", axe_source()), vec![])
            .await
            .expect("inject axe-core");
    }
    let result = client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
              .then(r => done(r.violations.map(v =>
                  v.id + ' (' + v.impact + '): ' + v.help + ' [' + v.helpUrl + ']\n' +
                  v.nodes.slice(0, 8).map(n => '    ' + n.target.join(' ') + ' ' + n.html.slice(0, 160) +
                      '\n      ' + (n.failureSummary || '').replace(/\n/g, ' ')).join('\n'))))
              .catch(e => done(['axe.run failed: ' + e]));"#,
            vec![json!(AXE_TAGS)],
        )
        .await
        .expect("axe.run");
    serde_json::from_value(result).expect("axe.run answers a list")
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

/// What a poppler-utils tool (`pdftotext`, `pdffonts`) prints for this PDF, with `before`
/// and `after` the file's path on its command line.
fn poppler(tool: &str, before: &[&str], after: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, pdf).unwrap();
    let output = Command::new(tool)
        .args(before)
        .arg(&path)
        .args(after)
        .output()
        .unwrap_or_else(|e| panic!("{tool} runs (install poppler-utils; ./test does): {e}"));
    assert!(output.status.success(), "{tool} failed: {output:?}");
    String::from_utf8(output.stdout).expect("UTF-8 text")
}

/// The text of a PDF, one entry per page, read with pdftotext.
pub fn pdf_pages(pdf: &[u8]) -> Vec<String> {
    let text = poppler("pdftotext", &["-layout"], &["-"], pdf);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// The names of the fonts a PDF embeds, read with pdffonts (subset prefixes removed).
pub fn pdf_fonts(pdf: &[u8]) -> Vec<String> {
    poppler("pdffonts", &[], &[], pdf)
        .lines()
        .skip(2) // the header and its underline
        .filter_map(|line| line.split_whitespace().next())
        .map(|name| {
            name.split_once('+')
                .map_or(name, |(_, rest)| rest)
                .to_owned()
        })
        .collect()
}
