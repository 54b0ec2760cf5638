//! Roadmaps: per campaign, the settings, people's decisions about initiatives and the
//! history of changes. Callers scope by campaign, which they have already found within the
//! caller's organisation.

use super::{from_millis, opt_millis, to_millis};
use crate::domain::planner::Choice;
use crate::domain::roadmap::RoadmapSettings;
use chrono::{DateTime, Utc};
use sqlx::{any::AnyRow, Any, Executor, Row};

fn decode_error(what: &str, value: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("unknown {what} {value:?}").into())
}

/// The stored settings of a campaign's roadmap; `None` until someone saves them.
pub async fn settings<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    campaign_id: &str,
) -> Result<Option<RoadmapSettings>, sqlx::Error> {
    let Some(text) =
        sqlx::query_scalar::<_, String>("SELECT settings FROM roadmaps WHERE campaign_id = $1")
            .bind(campaign_id)
            .fetch_optional(ex)
            .await?
    else {
        return Ok(None);
    };
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

pub async fn save_settings<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    campaign_id: &str,
    settings: &RoadmapSettings,
    by: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let text = serde_json::to_string(settings).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    sqlx::query(
        "INSERT INTO roadmaps (campaign_id, settings, updated_by, updated_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (campaign_id) DO UPDATE SET settings = excluded.settings, \
         updated_by = excluded.updated_by, updated_at = excluded.updated_at",
    )
    .bind(campaign_id)
    .bind(text)
    .bind(by)
    .bind(to_millis(now))
    .execute(ex)
    .await?;
    Ok(())
}

/// What people decided about one initiative of a roadmap.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InitiativeRecord {
    pub initiative_id: String,
    pub choice: Option<Choice>,
    pub owner: Option<String>,
    pub done_at: Option<DateTime<Utc>>,
    /// The user id of who marked it done, and their name.
    pub done_by: Option<String>,
    pub done_by_name: Option<String>,
}

fn initiative_from_row(row: &AnyRow) -> Result<InitiativeRecord, sqlx::Error> {
    let choice: Option<String> = row.try_get("choice")?;
    let phase: Option<i64> = row.try_get("phase")?;
    let choice = match (choice.as_deref(), phase) {
        (None, _) => None,
        (Some("drop"), _) => Some(Choice::Drop),
        (Some("pin"), Some(phase)) => Some(Choice::Pin {
            phase: usize::try_from(phase).unwrap_or_default(),
        }),
        (Some(other), _) => return Err(decode_error("roadmap choice", other)),
    };
    Ok(InitiativeRecord {
        initiative_id: row.try_get("initiative_id")?,
        choice,
        owner: row.try_get("owner")?,
        done_at: opt_millis(row, "done_at")?,
        done_by: row.try_get("done_by")?,
        done_by_name: row.try_get("done_by_name")?,
    })
}

/// Every initiative of the roadmap someone decided something about, by id.
pub async fn initiatives<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    campaign_id: &str,
) -> Result<Vec<InitiativeRecord>, sqlx::Error> {
    sqlx::query(
        "SELECT i.initiative_id, i.choice, i.phase, i.owner, i.done_at, i.done_by, u.display_name AS done_by_name \
         FROM roadmap_initiatives i LEFT JOIN users u ON u.id = i.done_by \
         WHERE i.campaign_id = $1 ORDER BY i.initiative_id",
    )
    .bind(campaign_id)
    .fetch_all(ex)
    .await?
    .iter()
    .map(initiative_from_row)
    .collect()
}

/// Takes the row lock on one initiative's decisions for the rest of the write transaction
/// (creating an empty row if there is none), so that two people changing the same
/// initiative at once apply their changes one after the other instead of one overwriting
/// the other with what it read before. (SQLite's write transactions are exclusive anyway;
/// on PostgreSQL the no-op update waits for, then holds, the row lock.)
pub async fn lock_initiative(
    tx: &mut sqlx::AnyConnection,
    campaign_id: &str,
    initiative_id: &str,
) -> Result<InitiativeRecord, sqlx::Error> {
    sqlx::query(
        "INSERT INTO roadmap_initiatives (campaign_id, initiative_id) VALUES ($1, $2) \
         ON CONFLICT (campaign_id, initiative_id) DO NOTHING",
    )
    .bind(campaign_id)
    .bind(initiative_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "UPDATE roadmap_initiatives SET initiative_id = initiative_id \
         WHERE campaign_id = $1 AND initiative_id = $2",
    )
    .bind(campaign_id)
    .bind(initiative_id)
    .execute(&mut *tx)
    .await?;
    let row = sqlx::query(
        "SELECT i.initiative_id, i.choice, i.phase, i.owner, i.done_at, i.done_by, u.display_name AS done_by_name \
         FROM roadmap_initiatives i LEFT JOIN users u ON u.id = i.done_by \
         WHERE i.campaign_id = $1 AND i.initiative_id = $2",
    )
    .bind(campaign_id)
    .bind(initiative_id)
    .fetch_one(&mut *tx)
    .await?;
    initiative_from_row(&row)
}

/// Writes one initiative's decisions (all of them: read, change, write in one transaction).
pub async fn save_initiative<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    campaign_id: &str,
    record: &InitiativeRecord,
) -> Result<(), sqlx::Error> {
    let (choice, phase) = match record.choice {
        None => (None, None),
        Some(Choice::Drop) => (Some("drop"), None),
        Some(Choice::Pin { phase }) => (Some("pin"), i64::try_from(phase).ok()),
    };
    sqlx::query(
        "INSERT INTO roadmap_initiatives (campaign_id, initiative_id, choice, phase, owner, done_at, done_by) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (campaign_id, initiative_id) DO UPDATE SET choice = excluded.choice, \
         phase = excluded.phase, owner = excluded.owner, done_at = excluded.done_at, \
         done_by = excluded.done_by",
    )
    .bind(campaign_id)
    .bind(&record.initiative_id)
    .bind(choice)
    .bind(phase)
    .bind(record.owner.as_deref())
    .bind(record.done_at.map(to_millis))
    .bind(record.done_by.as_deref())
    .execute(ex)
    .await?;
    Ok(())
}

/// One line of a roadmap's history.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeRecord {
    pub initiative_id: Option<String>,
    pub actor_name: String,
    pub at: DateTime<Utc>,
    /// In English, as written at the time.
    pub description: String,
    /// What changed, as JSON (see `services::roadmap`); `None` on lines from before it was
    /// kept.
    pub details: Option<String>,
}

pub async fn record_change<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    campaign_id: &str,
    initiative_id: Option<&str>,
    actor_id: &str,
    now: DateTime<Utc>,
    description: &str,
    details: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO roadmap_changes (campaign_id, initiative_id, actor_id, at, description, details) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(campaign_id)
    .bind(initiative_id)
    .bind(actor_id)
    .bind(to_millis(now))
    .bind(description)
    .bind(details)
    .execute(ex)
    .await?;
    Ok(())
}

/// The newest `limit` changes, newest first.
pub async fn changes<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    campaign_id: &str,
    limit: i64,
) -> Result<Vec<ChangeRecord>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT c.initiative_id, u.display_name, c.at, c.description, c.details \
         FROM roadmap_changes c JOIN users u ON u.id = c.actor_id \
         WHERE c.campaign_id = $1 ORDER BY c.id DESC LIMIT $2",
    )
    .bind(campaign_id)
    .bind(limit)
    .fetch_all(ex)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(ChangeRecord {
                initiative_id: row.try_get("initiative_id")?,
                actor_name: row.try_get("display_name")?,
                at: from_millis(row.try_get("at")?),
                description: row.try_get("description")?,
                details: row.try_get("details")?,
            })
        })
        .collect()
}
