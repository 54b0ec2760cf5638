//! Users, organisations and memberships.

use super::{from_millis, to_millis};
use crate::domain::account::Role;
use crate::i18n::Locale;
use chrono::{DateTime, Utc};
use sqlx::{Any, Executor, Row};

/// A user row, with the password hash: never leaves the server.
#[derive(Debug, Clone)]
pub struct UserRecord {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
}

/// A member of an organisation as the members list shows them.
#[derive(Debug, Clone)]
pub struct MemberRecord {
    pub user_id: String,
    pub display_name: String,
    pub email: String,
    pub role: Role,
    pub joined_at: DateTime<Utc>,
}

pub async fn insert_organisation<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: &str,
    name: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO organisations (id, name, created_at) VALUES ($1, $2, $3)")
        .bind(id)
        .bind(name)
        .bind(to_millis(now))
        .execute(ex)
        .await?;
    Ok(())
}

pub async fn insert_user<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: &str,
    email: &str,
    display_name: &str,
    password_hash: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO users (id, email, display_name, password_hash, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(email)
    .bind(display_name)
    .bind(password_hash)
    .bind(to_millis(now))
    .execute(ex)
    .await?;
    Ok(())
}

pub async fn insert_membership<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organisation_id: &str,
    user_id: &str,
    role: Role,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO memberships (organisation_id, user_id, role, created_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(organisation_id)
    .bind(user_id)
    .bind(role.as_str())
    .bind(to_millis(now))
    .execute(ex)
    .await?;
    Ok(())
}

pub async fn find_user_by_email<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    email: &str,
) -> Result<Option<UserRecord>, sqlx::Error> {
    let row =
        sqlx::query("SELECT id, email, display_name, password_hash FROM users WHERE email = $1")
            .bind(email)
            .fetch_optional(ex)
            .await?;
    row.map(|row| {
        Ok(UserRecord {
            id: row.try_get("id")?,
            email: row.try_get("email")?,
            display_name: row.try_get("display_name")?,
            password_hash: row.try_get("password_hash")?,
        })
    })
    .transpose()
}

pub async fn count_users<'e, E: Executor<'e, Database = Any>>(ex: E) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COUNT(*) FROM users")
        .fetch_one(ex)
        .await
}

/// The organisation a user lands in after signing in: the one they joined first.
pub async fn first_membership<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    user_id: &str,
) -> Result<Option<(String, Role)>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT organisation_id, role FROM memberships WHERE user_id = $1 \
         ORDER BY created_at, organisation_id LIMIT 1",
    )
    .bind(user_id)
    .fetch_optional(ex)
    .await?;
    row.map(|row| {
        let role: String = row.try_get("role")?;
        Ok((row.try_get("organisation_id")?, parse_role(&role)?))
    })
    .transpose()
}

pub async fn membership_role<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organisation_id: &str,
    user_id: &str,
) -> Result<Option<Role>, sqlx::Error> {
    let role: Option<String> = sqlx::query_scalar(
        "SELECT role FROM memberships WHERE organisation_id = $1 AND user_id = $2",
    )
    .bind(organisation_id)
    .bind(user_id)
    .fetch_optional(ex)
    .await?;
    role.as_deref().map(parse_role).transpose()
}

pub async fn list_members<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organisation_id: &str,
) -> Result<Vec<MemberRecord>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT u.id, u.display_name, u.email, m.role, m.created_at \
         FROM memberships m JOIN users u ON u.id = m.user_id \
         WHERE m.organisation_id = $1 ORDER BY m.created_at, u.display_name",
    )
    .bind(organisation_id)
    .fetch_all(ex)
    .await?;
    rows.iter()
        .map(|row| {
            let role: String = row.try_get("role")?;
            Ok(MemberRecord {
                user_id: row.try_get("id")?,
                display_name: row.try_get("display_name")?,
                email: row.try_get("email")?,
                role: parse_role(&role)?,
                joined_at: from_millis(row.try_get("created_at")?),
            })
        })
        .collect()
}

pub(crate) fn parse_role(value: &str) -> Result<Role, sqlx::Error> {
    Role::parse(value).ok_or_else(|| sqlx::Error::Decode(format!("unknown role {value:?}").into()))
}

/// Deletes a person's membership of an organisation; false when they had none.
pub async fn delete_membership<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organisation_id: &str,
    user_id: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM memberships WHERE organisation_id = $1 AND user_id = $2")
        .bind(organisation_id)
        .bind(user_id)
        .execute(ex)
        .await?;
    Ok(done.rows_affected() > 0)
}

/// Sets a person's UI language (`None`: follow the browser).
pub async fn set_locale<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    user_id: &str,
    locale: Option<Locale>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE users SET locale = $1 WHERE id = $2")
        .bind(locale.map(Locale::tag))
        .bind(user_id)
        .execute(ex)
        .await?;
    Ok(())
}
