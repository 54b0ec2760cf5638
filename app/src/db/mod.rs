//! The data layer: one repository API over SQLite and PostgreSQL.
//!
//! Queries are plain runtime SQL with `$N` placeholders (bound in order, which both
//! backends accept) through sqlx's `Any` driver; the backend is picked from the URL scheme.
//! Timestamps are stored as UTC milliseconds in a BIGINT so both backends sort and compare
//! them the same way; [`to_millis`] and [`from_millis`] convert at the edge.

pub mod accounts;
pub mod api_tokens;
pub mod campaigns;
pub mod hiring;
pub mod invites;
pub mod page_changes;
pub mod responses;
pub mod roadmaps;
pub mod sessions;
pub mod sign_in_failures;

use chrono::{DateTime, TimeZone, Utc};
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::migrate::Migrator;
use sqlx::{Any, AnyConnection, AnyPool, Executor, Transaction};
use std::ops::{Deref, DerefMut};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Mutex, OwnedMutexGuard};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/postgres");

/// Which database engine a [`Db`] talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// Picks the backend from a `DATABASE_URL`.
    pub fn from_url(url: &str) -> Result<Self, String> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Backend::Postgres)
        } else {
            Err("DATABASE_URL must start with sqlite: or postgres://".into())
        }
    }
}

/// Pool sizing and waiting limits.
#[derive(Debug, Clone)]
pub struct PoolSettings {
    pub max_connections: u32,
    /// How long a request waits for a free connection before it is answered 503.
    pub acquire_timeout: Duration,
}

impl Default for PoolSettings {
    fn default() -> Self {
        Self {
            max_connections: 16,
            acquire_timeout: Duration::from_secs(5),
        }
    }
}

/// A connection pool plus the knowledge of which backend it is.
#[derive(Clone, Debug)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
    /// SQLite only: the turn to write, taken before `BEGIN IMMEDIATE` (see [`Db::begin_write`]).
    write_turn: Option<Arc<Mutex<()>>>,
    /// The longest wait for a connection, and on SQLite also for the turn to write.
    acquire_timeout: Duration,
}

impl Db {
    /// Connects, creating a SQLite file (and its folder) if it does not exist yet.
    pub async fn connect(url: &str, settings: &PoolSettings) -> Result<Self, sqlx::Error> {
        sqlx::any::install_default_drivers();
        let backend = Backend::from_url(url).map_err(|e| sqlx::Error::Configuration(e.into()))?;
        if backend == Backend::Sqlite {
            prepare_sqlite_file(url).await?;
        }
        let pool = AnyPoolOptions::new()
            .max_connections(settings.max_connections)
            .acquire_timeout(settings.acquire_timeout)
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // Per-connection settings: SQLite forgets them on every new connection.
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                        conn.execute("PRAGMA busy_timeout = 5000").await?;
                        conn.execute("PRAGMA synchronous = NORMAL").await?;
                    }
                    Ok(())
                })
            })
            .connect(url)
            .await?;
        let write_turn = (backend == Backend::Sqlite).then(|| Arc::new(Mutex::new(())));
        Ok(Db {
            pool,
            backend,
            write_turn,
            acquire_timeout: settings.acquire_timeout,
        })
    }

    /// Applies the migrations of this backend that have not run yet.
    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        let migrator = match self.backend {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        };
        migrator.run(&self.pool).await
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Starts a transaction that will write. On SQLite it takes the write lock up front
    /// (`BEGIN IMMEDIATE`): a deferred transaction that reads and then writes fails with
    /// "database is locked" as soon as another writer got in between.
    ///
    /// SQLite has one writer at a time, and a connection that finds the lock taken sleeps
    /// in its busy handler (1, 2, 5, 10 ... 100 ms) instead of being woken when the lock
    /// frees: under load the lock then sits idle while the waiters sleep, and writes fall
    /// to a few hundred per second with second-long tails. So this process's writers first
    /// queue for their turn here (first come, first served) and only then take a connection
    /// and the lock; `busy_timeout` still covers writers in other processes. The wait for
    /// the turn is bounded like the wait for a connection: past the pool's acquire timeout
    /// it fails with [`sqlx::Error::PoolTimedOut`] (answered 503) instead of queueing on.
    pub async fn begin_write(&self) -> Result<WriteTransaction, sqlx::Error> {
        match (self.backend, &self.write_turn) {
            (Backend::Sqlite, Some(turn)) => {
                let turn = tokio::time::timeout(self.acquire_timeout, turn.clone().lock_owned())
                    .await
                    .map_err(|_| sqlx::Error::PoolTimedOut)?;
                Ok(WriteTransaction {
                    tx: self.pool.begin_with("BEGIN IMMEDIATE").await?,
                    _turn: Some(turn),
                })
            }
            _ => Ok(WriteTransaction {
                tx: self.pool.begin().await?,
                _turn: None,
            }),
        }
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// A write transaction from [`Db::begin_write`]; use it as a connection (`&mut *tx`), then
/// `commit`. Dropped without a commit it rolls back, as a sqlx transaction does.
pub struct WriteTransaction {
    // Declared first so that it drops (queuing the rollback) before the turn is handed on.
    tx: Transaction<'static, Any>,
    _turn: Option<OwnedMutexGuard<()>>,
}

impl WriteTransaction {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }

    pub async fn rollback(self) -> Result<(), sqlx::Error> {
        self.tx.rollback().await
    }
}

impl Deref for WriteTransaction {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        &self.tx
    }
}

impl DerefMut for WriteTransaction {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }
}

/// The file a `sqlite:` URL names.
pub fn sqlite_path(url: &str) -> Result<std::path::PathBuf, sqlx::Error> {
    use sqlx::sqlite::SqliteConnectOptions;
    Ok(SqliteConnectOptions::from_str(url)?
        .get_filename()
        .to_path_buf())
}

/// Creates the database file with WAL journaling (a property of the file, so once is enough).
async fn prepare_sqlite_file(url: &str) -> Result<(), sqlx::Error> {
    use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode};
    use sqlx::ConnectOptions;
    let options = SqliteConnectOptions::from_str(url)?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal);
    if let Some(parent) = options.get_filename().parent() {
        if !parent.as_os_str().is_empty() {
            tokio::fs::create_dir_all(parent)
                .await
                .map_err(sqlx::Error::Io)?;
        }
    }
    let conn = options.connect().await?;
    sqlx::Connection::close(conn).await
}

/// UTC time as stored: milliseconds since the Unix epoch.
pub fn to_millis(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

/// The inverse of [`to_millis`]; out-of-range values (never written by us) become the epoch.
pub fn from_millis(millis: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(millis)
        .single()
        .unwrap_or_default()
}

/// Reads an optional timestamp column.
pub(crate) fn opt_millis(row: &AnyRow, column: &str) -> Result<Option<DateTime<Utc>>, sqlx::Error> {
    use sqlx::Row;
    Ok(row.try_get::<Option<i64>, _>(column)?.map(from_millis))
}

/// True when the error is a unique-constraint violation (same check on both backends).
pub fn is_unique_violation(error: &sqlx::Error) -> bool {
    matches!(error, sqlx::Error::Database(db) if db.is_unique_violation())
}
