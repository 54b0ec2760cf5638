//! `revalign backup` and `revalign restore` for the embedded SQLite database, and the lock
//! that keeps a restore from swapping the file under a running server.
//!
//! A backup is `VACUUM INTO`: SQLite writes a consistent snapshot of the live database (one
//! read transaction, so writers carry on) into a new file, which is then checked with
//! `PRAGMA integrity_check` before the command reports success. PostgreSQL has its own
//! tools for this (`pg_dump`, `pg_restore`); the commands say so instead of half-doing it.

use anyhow::{bail, Context};
use app::db::{sqlite_path, Backend};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, SqliteConnection};
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// What the commands say for PostgreSQL.
const POSTGRES_ADVICE: &str = "backup and restore here are for SQLite. For PostgreSQL use its \
own tools: `pg_dump --format=custom --file=revalign.dump \"$DATABASE_URL\"` while the server \
runs, and `pg_restore --clean --if-exists --dbname=\"$DATABASE_URL\" revalign.dump` with it stopped";

/// A shared lock on `<database>.lock`, held by every server using a SQLite database; a
/// restore takes it exclusively, so it refuses to run while a server is up (and a server
/// refuses to start during a restore). The operating system drops it when the process
/// ends, however it ends.
#[derive(Debug)]
pub struct DatabaseLock {
    _file: File,
}

impl DatabaseLock {
    /// The server's shared lock, or `None` for PostgreSQL (nothing to guard).
    pub fn for_server(database_url: &str) -> anyhow::Result<Option<Self>> {
        if Backend::from_url(database_url).map_err(anyhow::Error::msg)? != Backend::Sqlite {
            return Ok(None);
        }
        let path = lock_path(&sqlite_path(database_url)?);
        let file = open_lock_file(&path)?;
        match file.try_lock_shared() {
            Ok(()) => Ok(Some(Self { _file: file })),
            Err(TryLockError::WouldBlock) => bail!(
                "a restore into this database is running ({} is locked); start the server when it has finished",
                path.display()
            ),
            Err(TryLockError::Error(error)) => {
                Err(error).with_context(|| format!("could not lock {}", path.display()))
            }
        }
    }

    /// The restore's exclusive lock: fails while any server holds its shared one.
    fn exclusive(database: &Path) -> anyhow::Result<Self> {
        let path = lock_path(database);
        let file = open_lock_file(&path)?;
        match file.try_lock() {
            Ok(()) => Ok(Self { _file: file }),
            Err(TryLockError::WouldBlock) => bail!(
                "a RevAlign server is using {}: stop it before restoring (a backup needs no stop)",
                database.display()
            ),
            Err(TryLockError::Error(error)) => {
                Err(error).with_context(|| format!("could not lock {}", path.display()))
            }
        }
    }
}

fn lock_path(database: &Path) -> PathBuf {
    sibling(database, "lock")
}

fn open_lock_file(path: &Path) -> anyhow::Result<File> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("could not create {}", parent.display()))?;
    }
    OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .with_context(|| format!("could not open {}", path.display()))
}

/// What a finished backup or restore reports.
#[derive(Debug)]
pub struct Copied {
    pub path: PathBuf,
    pub bytes: u64,
    /// Where the database a restore replaced was kept, if there was one.
    pub previous: Option<PathBuf>,
}

/// Writes a consistent copy of the live database at `database_url` to `target` and checks
/// it. An existing `target` is replaced only with `force`.
pub async fn backup(database_url: &str, target: &Path, force: bool) -> anyhow::Result<Copied> {
    let database = sqlite_database(database_url)?;
    if !database.exists() {
        bail!("there is no database at {} to back up", database.display());
    }
    if target.exists() {
        if !force {
            bail!(
                "{} already exists: choose another file, or add --force to replace it",
                target.display()
            );
        }
        std::fs::remove_file(target)
            .with_context(|| format!("could not replace {}", target.display()))?;
    }
    let mut source = open(&database, false).await?;
    let target_text = target
        .to_str()
        .context("the backup file's path must be valid UTF-8")?;
    sqlx::query("VACUUM INTO $1")
        .bind(target_text)
        .execute(&mut source)
        .await
        .with_context(|| format!("could not write the backup to {}", target.display()))?;
    source.close().await.ok();
    check(target).await.with_context(|| {
        format!(
            "the backup at {} failed its check; keep your earlier backups",
            target.display()
        )
    })?;
    Ok(Copied {
        path: target.to_owned(),
        bytes: std::fs::metadata(target)?.len(),
        previous: None,
    })
}

/// Replaces the database at `database_url` with the backup `source`, after checking that
/// the backup is an intact RevAlign database. The replaced database is kept beside it as
/// `<database>.before-restore-<time>`. Refuses while a server uses the database.
pub async fn restore(database_url: &str, source: &Path) -> anyhow::Result<Copied> {
    let database = sqlite_database(database_url)?;
    if !source.exists() {
        bail!("there is no backup at {}", source.display());
    }
    check(source)
        .await
        .with_context(|| format!("{} cannot be restored", source.display()))?;
    let _lock = DatabaseLock::exclusive(&database)?;

    // Copy next to the database first, so the swap itself is one rename.
    let incoming = sibling(&database, "restoring");
    std::fs::copy(source, &incoming)
        .with_context(|| format!("could not copy {} next to the database", source.display()))?;
    File::open(&incoming)?.sync_all()?;

    let previous = if database.exists() {
        // Fold the write-ahead log into the old file so that what is kept is whole.
        let mut old = open(&database, false).await?;
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&mut old)
            .await
            .context("could not checkpoint the current database before replacing it")?;
        old.close().await.ok();
        let kept = sibling(
            &database,
            &format!(
                "before-restore-{}",
                chrono::Utc::now().format("%Y%m%dT%H%M%SZ")
            ),
        );
        std::fs::rename(&database, &kept)
            .with_context(|| format!("could not move {} aside", database.display()))?;
        Some(kept)
    } else {
        None
    };
    for suffix in ["-wal", "-shm"] {
        let mut name = database.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
    std::fs::rename(&incoming, &database).with_context(|| {
        format!(
            "could not put the backup in place at {}",
            database.display()
        )
    })?;
    Ok(Copied {
        path: database.clone(),
        bytes: std::fs::metadata(&database)?.len(),
        previous,
    })
}

/// The file behind a SQLite URL; PostgreSQL URLs get the advice to use its own tools.
fn sqlite_database(database_url: &str) -> anyhow::Result<PathBuf> {
    match Backend::from_url(database_url).map_err(anyhow::Error::msg)? {
        Backend::Sqlite => Ok(sqlite_path(database_url)?),
        Backend::Postgres => bail!(POSTGRES_ADVICE),
    }
}

async fn open(path: &Path, read_only: bool) -> anyhow::Result<SqliteConnection> {
    SqliteConnectOptions::from_str("sqlite:")?
        .filename(path)
        .read_only(read_only)
        .create_if_missing(false)
        .connect()
        .await
        .with_context(|| format!("could not open {} as a SQLite database", path.display()))
}

/// The file opens as SQLite, passes `PRAGMA integrity_check` and holds RevAlign's schema
/// (its migration table, every migration applied successfully).
pub async fn check(path: &Path) -> anyhow::Result<()> {
    let mut conn = open(path, true).await?;
    let verdict: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await
        .context("it is not a readable SQLite database")?;
    if verdict != "ok" {
        bail!("SQLite's integrity check failed: {verdict}");
    }
    let failed: Option<i64> =
        sqlx::query_scalar("SELECT COUNT(*) FROM _sqlx_migrations WHERE success = 0")
            .fetch_optional(&mut conn)
            .await
            .context("it is not a RevAlign database (no migration history)")?;
    if failed.unwrap_or(0) > 0 {
        bail!("a migration in it did not finish");
    }
    conn.close().await.ok();
    Ok(())
}

fn sibling(database: &Path, suffix: &str) -> PathBuf {
    let mut name = database.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}
