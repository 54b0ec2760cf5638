//! What every request handler and server function can reach: the database, the settings
//! that shape authentication, and the clock (injectable, so expiry can be tested).

use crate::db::Db;
use crate::services::content::ContentStore;
use crate::services::page_cache::PageCache;
use crate::services::results_cache::ResultsCache;
use axum::extract::FromRef;
use chrono::{DateTime, Duration, Utc};
use leptos::config::LeptosOptions;
use std::fmt;
use std::sync::Arc;

/// Shared application state: one reference-counted pointer, so cloning it (axum does for
/// every middleware and handler that takes it) costs one atomic increment. Its fields are
/// reached through `Deref` (`state.db`, `state.clock`).
#[derive(Clone, Debug)]
pub struct AppState(Arc<Shared>);

impl AppState {
    pub fn new(shared: Shared) -> Self {
        AppState(Arc::new(shared))
    }
}

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// What [`AppState`] shares.
#[derive(Debug)]
pub struct Shared {
    pub db: Db,
    pub auth: Arc<AuthSettings>,
    pub clock: Clock,
    pub leptos_options: LeptosOptions,
    /// The configured public address (`scheme://host[:port]`), for links we hand out.
    pub public_origin: Option<Arc<str>>,
    /// Maturity models from `content/`, and the versions campaigns were launched with.
    pub content: ContentStore,
    /// Campaign results computed since the last submission (see `services::results_cache`).
    pub results: ResultsCache,
    /// Respondents' questionnaire pages as last rendered (see `services::page_cache`).
    pub pages: PageCache,
    /// Content-Security-Policy violations browsers reported to `/csp-reports`.
    pub csp_reports: CspReports,
}

impl Shared {
    /// `scheme://host` for links we hand out: the configured public address, else the one
    /// the browser addressed us by.
    pub fn site_origin(&self, headers: &http::HeaderMap) -> String {
        if let Some(public) = &self.public_origin {
            return public.to_string();
        }
        if let Some(origin) = headers
            .get(http::header::ORIGIN)
            .and_then(|v| v.to_str().ok())
        {
            return origin.to_owned();
        }
        let host = headers
            .get(http::header::HOST)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("localhost");
        format!("http://{host}")
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// The Content-Security-Policy violations browsers have reported since start, newest last
/// (at most [`CspReports::KEPT`]; the log has every one). The browser tests read them: a
/// page that breaks its own policy fails the test that showed it.
#[derive(Clone, Debug, Default)]
pub struct CspReports(Arc<std::sync::Mutex<Vec<String>>>);

impl CspReports {
    /// Reports kept in memory; the rest only go to the log (anyone may post reports).
    pub const KEPT: usize = 100;

    pub fn record(&self, violation: String) {
        let mut kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if kept.len() < Self::KEPT {
            kept.push(violation);
        }
    }

    /// The reports so far.
    pub fn list(&self) -> Vec<String> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The reports so far, forgetting them.
    pub fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// Session and sign-in rules.
#[derive(Clone, Debug)]
pub struct AuthSettings {
    /// A session unused for this long ends.
    pub session_idle_timeout: Duration,
    /// A session ends this long after sign-in, however active.
    pub session_max_age: Duration,
    /// Served over https: cookies get `Secure` and the `__Host-` prefix.
    pub secure_cookies: bool,
    /// Failed sign-ins allowed per account within `failure_window`.
    pub max_failures_per_account: i64,
    /// Failed sign-ins allowed per client address within `failure_window`.
    pub max_failures_per_client: i64,
    pub failure_window: Duration,
    /// How long an invite link stays valid.
    pub invite_lifetime: Duration,
    /// Signs cookies that carry messages between pages (never shown, never logged).
    pub secret: Secret,
}

impl Default for AuthSettings {
    fn default() -> Self {
        Self {
            session_idle_timeout: Duration::hours(12),
            session_max_age: Duration::days(14),
            secure_cookies: false,
            max_failures_per_account: 5,
            max_failures_per_client: 30,
            failure_window: Duration::minutes(15),
            invite_lifetime: Duration::days(14),
            secret: Secret::random(),
        }
    }
}

impl AuthSettings {
    /// The session cookie's name; `__Host-` makes browsers refuse it unless it is Secure,
    /// host-only and for path `/`.
    pub fn session_cookie_name(&self) -> &'static str {
        if self.secure_cookies {
            "__Host-revalign_session"
        } else {
            "revalign_session"
        }
    }
}

/// The source of "now". Production uses the system clock; tests move time by hand.
#[derive(Clone)]
pub struct Clock(Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>);

impl Clock {
    pub fn system() -> Self {
        Clock(Arc::new(Utc::now))
    }

    pub fn from_fn(now: impl Fn() -> DateTime<Utc> + Send + Sync + 'static) -> Self {
        Clock(Arc::new(now))
    }

    pub fn now(&self) -> DateTime<Utc> {
        (self.0)()
    }
}

impl fmt::Debug for Clock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Clock(now = {})", self.now())
    }
}

/// A secret value whose `Debug` output is redacted.
#[derive(Clone)]
pub struct Secret(Arc<[u8]>);

impl Secret {
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Secret(bytes.into().into())
    }

    /// A fresh random secret (used when none is configured: cookies then do not survive a
    /// restart, which only matters for a one-minute flash message).
    pub fn random() -> Self {
        Secret::new(crate::services::tokens::new_token())
    }

    pub fn expose(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(<redacted>)")
    }
}
