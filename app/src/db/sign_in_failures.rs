//! Failed sign-in attempts, the memory behind the sign-in rate limit.

use super::{from_millis, to_millis};
use chrono::{DateTime, Utc};
use sqlx::{Any, Executor, Row};

pub async fn record<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    key: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO sign_in_failures (key, at) VALUES ($1, $2)")
        .bind(key)
        .bind(to_millis(now))
        .execute(ex)
        .await?;
    Ok(())
}

/// How many failures `key` had since `since`, and when the oldest of them happened.
pub async fn recent<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    key: &str,
    since: DateTime<Utc>,
) -> Result<(i64, Option<DateTime<Utc>>), sqlx::Error> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS failures, MIN(at) AS oldest FROM sign_in_failures WHERE key = $1 AND at >= $2",
    )
    .bind(key)
    .bind(to_millis(since))
    .fetch_one(ex)
    .await?;
    let oldest: Option<i64> = row.try_get("oldest")?;
    Ok((row.try_get("failures")?, oldest.map(from_millis)))
}

pub async fn clear<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    key: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sign_in_failures WHERE key = $1")
        .bind(key)
        .execute(ex)
        .await?;
    Ok(())
}

pub async fn prune<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    before: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM sign_in_failures WHERE at < $1")
        .bind(to_millis(before))
        .execute(ex)
        .await?;
    Ok(done.rows_affected())
}
