//! Personal API tokens. Rows are found by the SHA-256 of the token; the token itself is
//! never stored.

use super::{accounts::parse_role, from_millis, opt_millis, to_millis};
use crate::domain::account::Role;
use chrono::{DateTime, Utc};
use sqlx::{Any, Executor, Row};

/// What a new token row holds.
#[derive(Debug, Clone)]
pub struct NewApiToken<'a> {
    pub id: &'a str,
    pub user_id: &'a str,
    pub organisation_id: &'a str,
    pub name: &'a str,
    pub token_hash: &'a str,
    pub created_at: DateTime<Utc>,
}

/// A token as its owner's list shows it: no hash.
#[derive(Debug, Clone)]
pub struct ApiTokenRecord {
    pub id: String,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A live token joined with its owner and their current membership.
#[derive(Debug, Clone)]
pub struct BearerRecord {
    pub id: String,
    pub user_id: String,
    pub email: String,
    pub display_name: String,
    pub organisation_id: String,
    pub organisation_name: String,
    pub role: Role,
    pub last_used_at: Option<DateTime<Utc>>,
}

pub async fn insert<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    token: &NewApiToken<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO api_tokens (id, user_id, organisation_id, name, token_hash, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(token.id)
    .bind(token.user_id)
    .bind(token.organisation_id)
    .bind(token.name)
    .bind(token.token_hash)
    .bind(to_millis(token.created_at))
    .execute(ex)
    .await?;
    Ok(())
}

/// One person's tokens in one organisation, newest first.
pub async fn list_for_owner<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    user_id: &str,
    organisation_id: &str,
) -> Result<Vec<ApiTokenRecord>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens \
         WHERE user_id = $1 AND organisation_id = $2 ORDER BY created_at DESC, id",
    )
    .bind(user_id)
    .bind(organisation_id)
    .fetch_all(ex)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(ApiTokenRecord {
                id: row.try_get("id")?,
                name: row.try_get("name")?,
                created_at: from_millis(row.try_get("created_at")?),
                last_used_at: opt_millis(row, "last_used_at")?,
                revoked_at: opt_millis(row, "revoked_at")?,
            })
        })
        .collect()
}

/// The unrevoked token with this hash, if its owner is still a member of its organisation.
/// The membership must also be at least as old as the token: someone removed and later
/// invited again does not get their old tokens back.
pub async fn find_live<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    token_hash: &str,
) -> Result<Option<BearerRecord>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT t.id, t.user_id, u.email, u.display_name, t.organisation_id, \
                o.name AS organisation_name, m.role, t.last_used_at \
         FROM api_tokens t \
         JOIN users u ON u.id = t.user_id \
         JOIN organisations o ON o.id = t.organisation_id \
         JOIN memberships m ON m.organisation_id = t.organisation_id AND m.user_id = t.user_id \
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND m.created_at <= t.created_at",
    )
    .bind(token_hash)
    .fetch_optional(ex)
    .await?;
    row.map(|row| {
        let role: String = row.try_get("role")?;
        Ok(BearerRecord {
            id: row.try_get("id")?,
            user_id: row.try_get("user_id")?,
            email: row.try_get("email")?,
            display_name: row.try_get("display_name")?,
            organisation_id: row.try_get("organisation_id")?,
            organisation_name: row.try_get("organisation_name")?,
            role: parse_role(&role)?,
            last_used_at: opt_millis(&row, "last_used_at")?,
        })
    })
    .transpose()
}

/// Records a use of the token.
pub async fn touch<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
        .bind(to_millis(now))
        .bind(id)
        .execute(ex)
        .await?;
    Ok(())
}

/// Revokes one of a person's tokens (again revoking a revoked one keeps the first time).
/// False when no such token belongs to them in this organisation.
pub async fn revoke<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    user_id: &str,
    organisation_id: &str,
    id: &str,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, $1) \
         WHERE id = $2 AND user_id = $3 AND organisation_id = $4",
    )
    .bind(to_millis(now))
    .bind(id)
    .bind(user_id)
    .bind(organisation_id)
    .execute(ex)
    .await?;
    Ok(done.rows_affected() > 0)
}

/// Revokes every live token a person has in one organisation (they were removed from it).
pub async fn revoke_for_member<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    user_id: &str,
    organisation_id: &str,
    now: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE api_tokens SET revoked_at = $1 \
         WHERE user_id = $2 AND organisation_id = $3 AND revoked_at IS NULL",
    )
    .bind(to_millis(now))
    .bind(user_id)
    .bind(organisation_id)
    .execute(ex)
    .await?;
    Ok(done.rows_affected())
}
