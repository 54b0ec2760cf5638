//! Tells every server on the same PostgreSQL database that cached questionnaire pages went
//! stale (see `services::page_cache`), with `NOTIFY` on [`CHANNEL`]. Sent inside the
//! transaction that made the change, PostgreSQL delivers it exactly when that commits, and
//! not at all when it rolls back. SQLite has no other servers: one holds the file (see the
//! server's `DatabaseLock`), so nothing is sent there.

use super::Backend;
use sqlx::{Any, Executor};

/// The channel servers `LISTEN` on.
pub const CHANNEL: &str = "revalign_pages";
/// The payload that means "forget every page"; any other payload is a response id.
pub const EVERYTHING: &str = "*";

/// What went stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageChange<'a> {
    /// The pages showing this response.
    Response(&'a str),
    /// Every page (a campaign or link changed).
    Everything,
}

impl<'a> PageChange<'a> {
    pub fn payload(self) -> &'a str {
        match self {
            PageChange::Response(id) => id,
            PageChange::Everything => EVERYTHING,
        }
    }

    /// Reads a notification's payload.
    pub fn from_payload(payload: &'a str) -> Self {
        if payload == EVERYTHING {
            PageChange::Everything
        } else {
            PageChange::Response(payload)
        }
    }
}

/// Announces `change` to the other servers (a no-op on SQLite).
pub async fn announce<'e, E: Executor<'e, Database = Any>>(
    executor: E,
    backend: Backend,
    change: PageChange<'_>,
) -> Result<(), sqlx::Error> {
    if backend != Backend::Postgres {
        return Ok(());
    }
    // `pg_notify` returns `void`, which the `Any` driver cannot read: select a number.
    sqlx::query("SELECT 1 FROM (SELECT pg_notify($1, $2)) AS sent")
        .bind(CHANNEL)
        .bind(change.payload())
        .execute(executor)
        .await?;
    Ok(())
}
