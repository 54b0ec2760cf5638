//! Server-side sessions. Rows are keyed by the SHA-256 of the cookie's token.

use super::{accounts::parse_role, from_millis, to_millis};
use crate::domain::account::Role;
use crate::i18n::Locale;
use chrono::{DateTime, Utc};
use sqlx::{Any, Executor, Row};

/// A live session joined with who it belongs to.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    pub user_id: String,
    pub email: String,
    pub display_name: String,
    pub organisation_id: String,
    pub organisation_name: String,
    pub role: Role,
    /// The person's chosen UI language (`None`: their browser's).
    pub locale: Option<Locale>,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
}

pub async fn insert<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    token_hash: &str,
    user_id: &str,
    organisation_id: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, organisation_id, created_at, last_seen_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(organisation_id)
    .bind(to_millis(now))
    .bind(to_millis(now))
    .execute(ex)
    .await?;
    Ok(())
}

/// The session with its user and membership; `None` when the session does not exist or the
/// user is no longer a member of the session's organisation.
pub async fn find<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    token_hash: &str,
) -> Result<Option<SessionRecord>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT s.user_id, u.email, u.display_name, s.organisation_id, o.name AS organisation_name, \
                m.role, u.locale, s.created_at, s.last_seen_at \
         FROM sessions s \
         JOIN users u ON u.id = s.user_id \
         JOIN organisations o ON o.id = s.organisation_id \
         JOIN memberships m ON m.organisation_id = s.organisation_id AND m.user_id = s.user_id \
         WHERE s.token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(ex)
    .await?;
    row.map(|row| {
        let role: String = row.try_get("role")?;
        Ok(SessionRecord {
            user_id: row.try_get("user_id")?,
            email: row.try_get("email")?,
            display_name: row.try_get("display_name")?,
            organisation_id: row.try_get("organisation_id")?,
            organisation_name: row.try_get("organisation_name")?,
            role: parse_role(&role)?,
            locale: row
                .try_get::<Option<String>, _>("locale")?
                .as_deref()
                .and_then(Locale::from_tag),
            created_at: from_millis(row.try_get("created_at")?),
            last_seen_at: from_millis(row.try_get("last_seen_at")?),
        })
    })
    .transpose()
}

pub async fn touch<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
        .bind(to_millis(now))
        .bind(token_hash)
        .execute(ex)
        .await?;
    Ok(())
}

/// Moves a session to another organisation the user belongs to.
pub async fn switch_organisation<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    token_hash: &str,
    organisation_id: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE sessions SET organisation_id = $1 WHERE token_hash = $2")
        .bind(organisation_id)
        .bind(token_hash)
        .execute(ex)
        .await?;
    Ok(())
}

pub async fn delete<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    token_hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(ex)
        .await?;
    Ok(())
}

/// Ends every session a person has in one organisation (they were removed from it).
pub async fn delete_for_member<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    user_id: &str,
    organisation_id: &str,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND organisation_id = $2")
        .bind(user_id)
        .bind(organisation_id)
        .execute(ex)
        .await?;
    Ok(done.rows_affected())
}

/// Removes sessions idle since before `idle_cutoff` or created before `absolute_cutoff`.
pub async fn delete_expired<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    idle_cutoff: DateTime<Utc>,
    absolute_cutoff: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
        .bind(to_millis(idle_cutoff))
        .bind(to_millis(absolute_cutoff))
        .execute(ex)
        .await?;
    Ok(done.rows_affected())
}
