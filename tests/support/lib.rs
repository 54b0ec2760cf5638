//! Test support: a real server on a free port over a fresh database (SQLite file or a new
//! PostgreSQL database) per test, HTTP helpers, and a headless Chromium driver.

pub mod api;
pub mod browser;
pub mod panel;
pub mod process;

use app::state::Clock;
use chrono::{DateTime, Duration, Utc};
use server::{Application, Settings};
use std::sync::{Arc, Mutex};

/// The password every test account uses.
pub const PASSWORD: &str = "correct horse battery";

/// Which database a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs each named `async fn(Backend)` once on SQLite and once on PostgreSQL, as
/// `<name>::sqlite` and `<name>::postgres`.
#[macro_export]
macro_rules! on_both_backends {
    ($($test:ident),* $(,)?) => {
        $(
            mod $test {
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn sqlite() {
                    super::$test($crate::Backend::Sqlite).await
                }
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn postgres() {
                    super::$test($crate::Backend::Postgres).await
                }
            }
        )*
    };
}

/// The PostgreSQL server tests create their databases on (`./test` sets it).
pub fn postgres_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// A database that exists for one test and is removed afterwards.
pub struct TestDb {
    pub url: String,
    pub backend: Backend,
    _dir: Option<tempfile::TempDir>,
    postgres_name: Option<String>,
}

impl TestDb {
    pub async fn new(backend: Backend) -> Self {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temporary directory");
                let url = format!("sqlite://{}", dir.path().join("test.db").display());
                TestDb {
                    url,
                    backend,
                    _dir: Some(dir),
                    postgres_name: None,
                }
            }
            Backend::Postgres => {
                use sqlx::Connection;
                let admin = postgres_admin_url();
                let name = format!(
                    "revalign_test_{}",
                    app::services::tokens::new_id()
                        .to_lowercase()
                        .replace(['-', '_'], "")
                );
                let mut conn = sqlx::PgConnection::connect(&admin)
                    .await
                    .unwrap_or_else(|e| {
                        panic!("cannot reach PostgreSQL at {admin} (set TEST_POSTGRES_URL): {e}")
                    });
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&mut conn)
                    .await
                    .expect("create test database");
                let mut url = url::Url::parse(&admin).expect("TEST_POSTGRES_URL is a URL");
                url.set_path(&name);
                TestDb {
                    url: url.to_string(),
                    backend,
                    _dir: None,
                    postgres_name: Some(name),
                }
            }
        }
    }
}

impl TestDb {
    /// The same database for another server; the first one removes it.
    fn shared(&self) -> TestDb {
        TestDb {
            url: self.url.clone(),
            backend: self.backend,
            _dir: None,
            postgres_name: None,
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some(name) = self.postgres_name.take() else {
            return;
        };
        // Drop runs outside async context: use a small runtime on its own thread.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            runtime.block_on(async {
                use sqlx::Connection;
                let mut conn = sqlx::PgConnection::connect(&postgres_admin_url())
                    .await
                    .ok()?;
                sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut conn)
                    .await
                    .ok()
            })
        })
        .join();
    }
}

/// A clock the test moves by hand.
#[derive(Clone)]
pub struct TestClock(Arc<Mutex<DateTime<Utc>>>);

impl TestClock {
    pub fn new() -> Self {
        TestClock(Arc::new(Mutex::new(Utc::now())))
    }

    /// The time the server reads now.
    pub fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }

    pub fn advance(&self, by: Duration) {
        *self.0.lock().unwrap() += by;
    }

    pub fn clock(&self) -> Clock {
        let now = self.0.clone();
        Clock::from_fn(move || *now.lock().unwrap())
    }
}

impl Default for TestClock {
    fn default() -> Self {
        Self::new()
    }
}

/// A running server plus a cookie-keeping HTTP client that acts like one browser.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub clock: TestClock,
    pub state: app::state::AppState,
    pub db: TestDb,
    server: ServerTask,
}

impl TestApp {
    pub async fn spawn(backend: Backend) -> Self {
        Self::spawn_with(backend, |_| {}).await
    }

    /// Starts the app with settings adjusted by `configure`.
    pub async fn spawn_with(backend: Backend, configure: impl FnOnce(&mut Settings)) -> Self {
        Self::spawn_on(TestDb::new(backend).await, configure).await
    }

    /// A second server on this one's database, as in a deployment of several (PostgreSQL
    /// only: a server holds a SQLite file alone). It has its own clock and secret.
    pub async fn spawn_beside(&self) -> Self {
        assert_eq!(self.db.backend, Backend::Postgres, "SQLite has one server");
        Self::spawn_on(self.db.shared(), |_| {}).await
    }

    async fn spawn_on(db: TestDb, configure: impl FnOnce(&mut Settings)) -> Self {
        init_test_logging();
        let mut settings = Settings::for_database(db.url.clone());
        settings.site_root = workspace_root().join("target/site");
        // The in-flight limit's defaults suit the release build with the machine to itself;
        // these servers are debug builds, several at once on two cores, where a burst of
        // 160 saves can take longer than the default 250 ms wait in line. Tests of the limit
        // itself (tests/resilience) set their own.
        settings.queue_timeout_ms = 30_000;
        configure(&mut settings);
        let clock = TestClock::new();
        let application = Application::build_with_clock(&settings, clock.clock())
            .await
            .expect("the application starts");
        let address = format!("http://{}", application.local_addr());
        let state = application.state().clone();
        let server = ServerTask {
            handle: tokio::spawn(async move {
                let _ = application.run_until(std::future::pending()).await;
            }),
            state: state.clone(),
        };
        TestApp {
            address,
            client: Self::browser_like_client(),
            clock,
            state,
            db,
            server,
        }
    }

    /// Stops the server (its listener, pool and database lock are gone when this returns)
    /// and hands over the database, for a test that goes on with another server on it.
    pub async fn stop(self) -> TestDb {
        let TestApp {
            state,
            db,
            mut server,
            ..
        } = self;
        server.handle.abort();
        let _ = (&mut server.handle).await;
        state.db.close().await;
        db
    }

    /// A fresh client with its own cookie jar: a second person or browser.
    pub fn browser_like_client() -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("HTTP client")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("GET request")
    }

    /// GET as `client` (another person's browser).
    pub async fn get_as(&self, client: &reqwest::Client, path: &str) -> reqwest::Response {
        client
            .get(self.url(path))
            .send()
            .await
            .expect("GET request")
    }

    /// Posts a form the way a browser on our own page does (with our Origin).
    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> reqwest::Response {
        self.post_form_as(&self.client, path, fields).await
    }

    /// Posts a form from `client` (another person or browser) as a plain HTML form post.
    pub async fn post_form_as(
        &self,
        client: &reqwest::Client,
        path: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        self.post_from_our_page(client.post(self.url(path)), fields)
            .await
    }

    /// Posts a form as the `EnhancedForm` island does (JavaScript on): the answer is JSON.
    pub async fn post_form_json_as(
        &self,
        client: &reqwest::Client,
        path: &str,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        let request = client
            .post(self.url(path))
            .header("Accept", "application/json");
        self.post_from_our_page(request, fields).await
    }

    async fn post_from_our_page(
        &self,
        request: reqwest::RequestBuilder,
        fields: &[(&str, &str)],
    ) -> reqwest::Response {
        request
            .header("Origin", &self.address)
            .form(fields)
            .send()
            .await
            .expect("POST request")
    }

    /// Signs up a new organisation; the client is signed in afterwards.
    pub async fn sign_up(
        &self,
        organisation: &str,
        name: &str,
        email: &str,
        password: &str,
    ) -> reqwest::Response {
        self.post_form(
            "/signup",
            &[
                ("organisation_name", organisation),
                ("display_name", name),
                ("email", email),
                ("password", password),
            ],
        )
        .await
    }

    /// The signed-in person on `self.client` (an admin) invites a member, who joins with a
    /// new account; returns the member's signed-in browser.
    pub async fn join_as_member(&self, name: &str, email: &str, password: &str) -> reqwest::Client {
        let invited = self
            .post_form("/settings/invites", &[("role", "member"), ("note", name)])
            .await;
        assert_eq!(location(&invited), "/settings");
        let page = self.page("/settings").await;
        let start = page.find("/invites/").expect("an invite link");
        let end = page[start..].find('"').unwrap() + start;
        let member = TestApp::browser_like_client();
        let joined = self
            .post_form_as(
                &member,
                &format!("{}/signup", &page[start..end]),
                &[
                    ("display_name", name),
                    ("email", email),
                    ("password", password),
                ],
            )
            .await;
        assert_eq!(location(&joined), "/dashboard");
        member
    }

    pub async fn sign_in(&self, email: &str, password: &str) -> reqwest::Response {
        self.post_form("/signin", &[("email", email), ("password", password)])
            .await
    }

    /// Signs in on `client` (a browser of its own).
    pub async fn sign_in_as(
        &self,
        client: &reqwest::Client,
        email: &str,
        password: &str,
    ) -> reqwest::Response {
        self.post_form_as(
            client,
            "/signin",
            &[("email", email), ("password", password)],
        )
        .await
    }

    /// The HTML of a page.
    pub async fn page(&self, path: &str) -> String {
        self.page_as(&self.client, path).await
    }

    /// The HTML of a page as `client` (another person or browser) sees it.
    pub async fn page_as(&self, client: &reqwest::Client, path: &str) -> String {
        self.page_as_in(client, path, None).await
    }

    /// Like [`Self::page_as`], from a browser that asks for `accept_language` (the
    /// `Accept-Language` header) when it is given.
    pub async fn page_as_in(
        &self,
        client: &reqwest::Client,
        path: &str,
        accept_language: Option<&str>,
    ) -> String {
        let mut request = client.get(self.url(path));
        if let Some(languages) = accept_language {
            request = request.header("Accept-Language", languages);
        }
        request
            .send()
            .await
            .expect("GET request")
            .text()
            .await
            .expect("page body")
    }
}

impl TestApp {
    /// Fails, naming each one, if a browser reported a Content-Security-Policy violation to
    /// this server (`POST /csp-reports`). Runs when the app is dropped at the end of every
    /// test too, so no browser test passes while one of its pages broke the policy.
    pub fn assert_no_csp_violations(&self) {
        assert_no_csp_violations(&self.state);
    }
}

fn assert_no_csp_violations(state: &app::state::AppState) {
    let violations = state.csp_reports.take();
    assert!(
        violations.is_empty(),
        "Chromium reported {} Content-Security-Policy violation(s) to this test's server:\n{}",
        violations.len(),
        violations.join("\n")
    );
}

/// The server task, stopped when the [`TestApp`] goes; the CSP reports its server received
/// are checked then.
struct ServerTask {
    handle: tokio::task::JoinHandle<()>,
    state: app::state::AppState,
}

impl Drop for ServerTask {
    fn drop(&mut self) {
        self.handle.abort();
        if !std::thread::panicking() {
            assert_no_csp_violations(&self.state);
        }
    }
}

/// Server logs are quiet in tests; `TEST_LOG=debug` (any filter) shows them with each test.
fn init_test_logging() {
    if let Ok(filter) = std::env::var("TEST_LOG") {
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new(filter))
            .with_writer(std::io::stderr)
            .try_init();
    }
}

/// The workspace folder (where `target/site` is built).
pub fn workspace_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the workspace")
        .to_path_buf()
}

/// The `Location` header of a redirect.
pub fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// The value a response sets for cookie `name`, if it sets one.
pub fn cookie_value(response: &reqwest::Response, name: &str) -> Option<String> {
    set_cookies(response).iter().find_map(|header| {
        let pair = header.split(';').next()?;
        pair.strip_prefix(name)?
            .strip_prefix('=')
            .map(str::to_owned)
    })
}

/// The `Set-Cookie` headers of a response.
pub fn set_cookies(response: &reqwest::Response) -> Vec<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect()
}
