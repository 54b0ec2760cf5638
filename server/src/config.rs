//! Settings from the environment (and an optional `.env` file), overridable by flags.

use app::state::{AuthSettings, Secret};
use clap::Args;
use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

const DEFAULT_SITE_ROOT: &str = "target/site";
const DEFAULT_SESSION_IDLE_MINUTES: i64 = 12 * 60;
const DEFAULT_SESSION_MAX_HOURS: i64 = 14 * 24;
const DEFAULT_DB_MAX_CONNECTIONS: u32 = 16;
const DEFAULT_DB_ACQUIRE_TIMEOUT_SECS: u64 = 5;
const DEFAULT_MAX_IN_FLIGHT: usize = 64;
const DEFAULT_QUEUE_TIMEOUT_MS: u64 = 250;
const DEFAULT_PAGE_CACHE_MIB: usize = 64;

/// Everything the server can be configured with.
#[derive(Args, Clone)]
pub struct Settings {
    /// `sqlite:<path>` or `postgres://…`; the scheme picks the database backend.
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/revalign.db"
    )]
    pub database_url: String,

    /// Address to listen on. Port 0 picks a free port.
    #[arg(long, env = "REVALIGN_BIND", default_value = "127.0.0.1:3000")]
    pub bind: SocketAddr,

    /// The address people reach the site at, e.g. https://revalign.example.com. Decides the
    /// allowed Origin of form posts and, when https, Secure `__Host-` cookies.
    #[arg(long, env = "REVALIGN_PUBLIC_URL")]
    pub public_url: Option<url::Url>,

    /// Secret for signing cookies (at least 32 characters). Without it a random one is made
    /// at start.
    #[arg(long, env = "REVALIGN_SECRET", hide_env_values = true)]
    pub secret: Option<String>,

    /// Log filter, e.g. `info` or `revalign=debug,tower_http=debug`.
    #[arg(long, env = "RUST_LOG", default_value = "info")]
    pub log_level: String,

    /// Where the built site (wasm, JS, CSS, assets) lives.
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = DEFAULT_SITE_ROOT)]
    pub site_root: PathBuf,

    /// Minutes of inactivity after which a session ends.
    #[arg(long, env = "REVALIGN_SESSION_IDLE_MINUTES", default_value_t = DEFAULT_SESSION_IDLE_MINUTES)]
    pub session_idle_minutes: i64,

    /// Hours after sign-in after which a session ends however active.
    #[arg(long, env = "REVALIGN_SESSION_MAX_HOURS", default_value_t = DEFAULT_SESSION_MAX_HOURS)]
    pub session_max_hours: i64,

    /// Database connections in the pool.
    #[arg(long, env = "REVALIGN_DB_MAX_CONNECTIONS", default_value_t = DEFAULT_DB_MAX_CONNECTIONS)]
    pub db_max_connections: u32,

    /// Seconds a request waits for a database connection before it is answered 503.
    #[arg(long, env = "REVALIGN_DB_ACQUIRE_TIMEOUT_SECS", default_value_t = DEFAULT_DB_ACQUIRE_TIMEOUT_SECS)]
    pub db_acquire_timeout_secs: u64,

    /// Requests served at once; more wait in line (see `queue_timeout_ms`). Static files
    /// under /pkg are not counted.
    #[arg(long, env = "REVALIGN_MAX_IN_FLIGHT", default_value_t = DEFAULT_MAX_IN_FLIGHT)]
    pub max_in_flight: usize,

    /// Milliseconds a request waits in line for one of the `max_in_flight` places before it
    /// is answered 503 with `Retry-After`.
    #[arg(long, env = "REVALIGN_QUEUE_TIMEOUT_MS", default_value_t = DEFAULT_QUEUE_TIMEOUT_MS)]
    pub queue_timeout_ms: u64,

    /// Folder holding the Markdown content (`models/*.md`).
    #[arg(long, env = "REVALIGN_CONTENT_DIR", default_value = "content")]
    pub content_dir: PathBuf,

    /// Memory for respondents' questionnaire pages as last rendered, in MiB (0: render every
    /// time). See `app::services::page_cache`.
    #[arg(long, env = "REVALIGN_PAGE_CACHE_MIB", default_value_t = DEFAULT_PAGE_CACHE_MIB)]
    pub page_cache_mib: usize,
}

impl Settings {
    /// Settings with every default and the given database, ignoring the environment
    /// (tests start from this).
    pub fn for_database(database_url: impl Into<String>) -> Self {
        Self {
            database_url: database_url.into(),
            bind: SocketAddr::from(([127, 0, 0, 1], 0)),
            public_url: None,
            secret: None,
            log_level: "info".into(),
            site_root: PathBuf::from(DEFAULT_SITE_ROOT),
            session_idle_minutes: DEFAULT_SESSION_IDLE_MINUTES,
            session_max_hours: DEFAULT_SESSION_MAX_HOURS,
            db_max_connections: DEFAULT_DB_MAX_CONNECTIONS,
            db_acquire_timeout_secs: DEFAULT_DB_ACQUIRE_TIMEOUT_SECS,
            max_in_flight: DEFAULT_MAX_IN_FLIGHT,
            queue_timeout_ms: DEFAULT_QUEUE_TIMEOUT_MS,
            // The repository's own content, wherever the tests run from.
            content_dir: PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../content")),
            page_cache_mib: DEFAULT_PAGE_CACHE_MIB,
        }
    }

    pub fn secure_cookies(&self) -> bool {
        self.public_url
            .as_ref()
            .is_some_and(|url| url.scheme() == "https")
    }

    pub fn auth_settings(&self) -> anyhow::Result<AuthSettings> {
        let secret = match &self.secret {
            Some(secret) if secret.len() < 32 => {
                anyhow::bail!("REVALIGN_SECRET must be at least 32 characters long")
            }
            Some(secret) => Secret::new(secret.as_bytes().to_vec()),
            None => Secret::random(),
        };
        Ok(AuthSettings {
            session_idle_timeout: chrono::Duration::minutes(self.session_idle_minutes),
            session_max_age: chrono::Duration::hours(self.session_max_hours),
            secure_cookies: self.secure_cookies(),
            secret,
            ..AuthSettings::default()
        })
    }

    pub fn pool_settings(&self) -> app::db::PoolSettings {
        app::db::PoolSettings {
            max_connections: self.db_max_connections,
            acquire_timeout: Duration::from_secs(self.db_acquire_timeout_secs),
        }
    }

    pub fn in_flight_limit(&self) -> crate::limits::InFlightLimit {
        crate::limits::InFlightLimit::new(
            self.max_in_flight,
            Duration::from_millis(self.queue_timeout_ms),
        )
    }

    pub fn page_cache(&self) -> app::services::page_cache::PageCache {
        app::services::page_cache::PageCache::with_capacity(self.page_cache_mib * 1024 * 1024)
    }

    /// The Origin form posts must come from, when configured.
    pub fn public_origin(&self) -> Option<String> {
        self.public_url
            .as_ref()
            .map(|url| url.origin().ascii_serialization())
    }
}

/// The database URL with any password replaced, for logs.
pub fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("redacted"));
            parsed.to_string()
        }
        _ => url.to_owned(),
    }
}

impl fmt::Debug for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Settings")
            .field("database_url", &redact_url(&self.database_url))
            .field("bind", &self.bind)
            .field("public_url", &self.public_url.as_ref().map(|u| u.as_str()))
            .field("content_dir", &self.content_dir)
            .field("secret", &self.secret.as_ref().map(|_| "<redacted>"))
            .field("log_level", &self.log_level)
            .field("site_root", &self.site_root)
            .field("session_idle_minutes", &self.session_idle_minutes)
            .field("session_max_hours", &self.session_max_hours)
            .field("db_max_connections", &self.db_max_connections)
            .field("db_acquire_timeout_secs", &self.db_acquire_timeout_secs)
            .field("max_in_flight", &self.max_in_flight)
            .field("queue_timeout_ms", &self.queue_timeout_ms)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_hides_secrets_and_passwords() {
        let mut settings = Settings::for_database("postgres://app:hunter2@db/revalign");
        settings.secret = Some("s".repeat(40));
        let shown = format!("{settings:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(!shown.contains(&"s".repeat(40)), "{shown}");
    }

    #[test]
    fn https_public_url_turns_on_secure_cookies() {
        let mut settings = Settings::for_database("sqlite://x.db");
        assert!(!settings.secure_cookies());
        settings.public_url = Some("https://revalign.example.com".parse().unwrap());
        assert!(settings.secure_cookies());
        assert_eq!(
            settings.public_origin().as_deref(),
            Some("https://revalign.example.com")
        );
    }

    #[test]
    fn short_secrets_are_refused() {
        let mut settings = Settings::for_database("sqlite://x.db");
        settings.secret = Some("too short".into());
        assert!(settings.auth_settings().is_err());
    }
}
