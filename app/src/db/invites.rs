//! Invitations to join an organisation. The link carries a random token; only its hash is
//! stored, so the link can be shown once and never read back from the database.

use super::{accounts::parse_role, from_millis, opt_millis, to_millis};
use crate::domain::account::Role;
use chrono::{DateTime, Utc};
use sqlx::{any::AnyRow, Any, Executor, Row};

#[derive(Debug, Clone)]
pub struct InviteRecord {
    pub id: String,
    pub organisation_id: String,
    pub organisation_name: String,
    pub role: Role,
    pub note: String,
    pub created_by_name: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub accepted_by_name: Option<String>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// What a new invite row holds.
#[derive(Debug, Clone)]
pub struct NewInvite<'a> {
    pub id: &'a str,
    pub organisation_id: &'a str,
    pub token_hash: &'a str,
    pub role: Role,
    pub note: &'a str,
    pub created_by: &'a str,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

const SELECT: &str =
    "SELECT i.id, i.organisation_id, o.name AS organisation_name, i.role, i.note, \
            c.display_name AS created_by_name, i.created_at, i.expires_at, \
            a.display_name AS accepted_by_name, i.accepted_at, i.revoked_at \
     FROM invites i \
     JOIN organisations o ON o.id = i.organisation_id \
     JOIN users c ON c.id = i.created_by \
     LEFT JOIN users a ON a.id = i.accepted_by";

fn from_row(row: &AnyRow) -> Result<InviteRecord, sqlx::Error> {
    let role: String = row.try_get("role")?;
    Ok(InviteRecord {
        id: row.try_get("id")?,
        organisation_id: row.try_get("organisation_id")?,
        organisation_name: row.try_get("organisation_name")?,
        role: parse_role(&role)?,
        note: row.try_get("note")?,
        created_by_name: row.try_get("created_by_name")?,
        created_at: from_millis(row.try_get("created_at")?),
        expires_at: from_millis(row.try_get("expires_at")?),
        accepted_by_name: row.try_get("accepted_by_name")?,
        accepted_at: opt_millis(row, "accepted_at")?,
        revoked_at: opt_millis(row, "revoked_at")?,
    })
}

pub async fn insert<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    invite: &NewInvite<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO invites (id, organisation_id, token_hash, role, note, created_by, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(invite.id)
    .bind(invite.organisation_id)
    .bind(invite.token_hash)
    .bind(invite.role.as_str())
    .bind(invite.note)
    .bind(invite.created_by)
    .bind(to_millis(invite.created_at))
    .bind(to_millis(invite.expires_at))
    .execute(ex)
    .await?;
    Ok(())
}

pub async fn find_by_token_hash<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    token_hash: &str,
) -> Result<Option<InviteRecord>, sqlx::Error> {
    let sql = format!("{SELECT} WHERE i.token_hash = $1");
    sqlx::query(&sql)
        .bind(token_hash)
        .fetch_optional(ex)
        .await?
        .as_ref()
        .map(from_row)
        .transpose()
}

pub async fn list_for_organisation<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organisation_id: &str,
) -> Result<Vec<InviteRecord>, sqlx::Error> {
    let sql = format!("{SELECT} WHERE i.organisation_id = $1 ORDER BY i.created_at DESC, i.id");
    sqlx::query(&sql)
        .bind(organisation_id)
        .fetch_all(ex)
        .await?
        .iter()
        .map(from_row)
        .collect()
}

/// Marks an open invite accepted; returns false when it was already used or revoked.
pub async fn mark_accepted<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: &str,
    user_id: &str,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE invites SET accepted_by = $1, accepted_at = $2 \
         WHERE id = $3 AND accepted_at IS NULL AND revoked_at IS NULL",
    )
    .bind(user_id)
    .bind(to_millis(now))
    .bind(id)
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Revokes an open invite of this organisation; false when there is none with that id.
pub async fn revoke<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organisation_id: &str,
    id: &str,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE invites SET revoked_at = $1 \
         WHERE organisation_id = $2 AND id = $3 AND accepted_at IS NULL AND revoked_at IS NULL",
    )
    .bind(to_millis(now))
    .bind(organisation_id)
    .bind(id)
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}
