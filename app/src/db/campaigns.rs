//! Assessment campaigns, the model versions they were launched with, and their
//! invitation links. Every read that starts from an id is scoped to an organisation.

use super::{from_millis, opt_millis, to_millis};
use crate::domain::model::Function;
use chrono::{DateTime, Utc};
use sqlx::{any::AnyRow, Any, Executor, Row};

/// Stores a model version's exact text once; later launches of the same version reuse it.
pub async fn save_model_version<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    hash: &str,
    model_id: &str,
    source: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO model_versions (hash, model_id, source, first_used_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (hash) DO NOTHING",
    )
    .bind(hash)
    .bind(model_id)
    .bind(source)
    .bind(to_millis(now))
    .execute(ex)
    .await?;
    Ok(())
}

/// The Markdown of a stored model version.
pub async fn model_source<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    hash: &str,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query("SELECT source FROM model_versions WHERE hash = $1")
        .bind(hash)
        .fetch_optional(ex)
        .await?
        .map(|row| row.try_get("source"))
        .transpose()
}

/// Records that a campaign was launched with this translation of its model.
pub async fn insert_translation<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    campaign_id: &str,
    locale: &str,
    model_hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO campaign_translations (campaign_id, locale, model_hash) VALUES ($1, $2, $3)",
    )
    .bind(campaign_id)
    .bind(locale)
    .bind(model_hash)
    .execute(ex)
    .await?;
    Ok(())
}

/// The hash of the model version a campaign shows in `locale`, if it was launched with one.
pub async fn translation_hash<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    campaign_id: &str,
    locale: &str,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query(
        "SELECT model_hash FROM campaign_translations WHERE campaign_id = $1 AND locale = $2",
    )
    .bind(campaign_id)
    .bind(locale)
    .fetch_optional(ex)
    .await?
    .map(|row| row.try_get("model_hash"))
    .transpose()
}

/// A campaign row with its creator's name.
#[derive(Debug, Clone)]
pub struct CampaignRecord {
    pub id: String,
    pub organisation_id: String,
    pub organisation_name: String,
    pub name: String,
    pub model_hash: String,
    pub functions: Vec<Function>,
    pub min_group_size: usize,
    pub closes_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub created_by_name: String,
    pub created_at: DateTime<Utc>,
}

impl CampaignRecord {
    /// Closed by hand, or past its close date.
    pub fn is_closed(&self, now: DateTime<Utc>) -> bool {
        self.closed_at.is_some() || self.closes_at.is_some_and(|at| at <= now)
    }
}

/// What a new campaign row holds.
#[derive(Debug, Clone)]
pub struct NewCampaign<'a> {
    pub id: &'a str,
    pub organisation_id: &'a str,
    pub name: &'a str,
    pub model_hash: &'a str,
    pub functions: &'a [Function],
    pub min_group_size: usize,
    pub closes_at: Option<DateTime<Utc>>,
    pub created_by: &'a str,
    pub created_at: DateTime<Utc>,
}

fn functions_to_text(functions: &[Function]) -> String {
    functions
        .iter()
        .map(|f| f.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

fn functions_from_text(text: &str) -> Result<Vec<Function>, sqlx::Error> {
    text.split(',')
        .filter(|s| !s.is_empty())
        .map(|s| {
            Function::parse(s)
                .ok_or_else(|| sqlx::Error::Decode(format!("unknown function {s:?}").into()))
        })
        .collect()
}

const SELECT_CAMPAIGN: &str =
    "SELECT c.id, c.organisation_id, o.name AS organisation_name, c.name, c.model_hash, c.functions, \
            c.min_group_size, c.closes_at, c.closed_at, u.display_name AS created_by_name, c.created_at \
     FROM campaigns c \
     JOIN organisations o ON o.id = c.organisation_id \
     JOIN users u ON u.id = c.created_by";

fn campaign_from_row(row: &AnyRow) -> Result<CampaignRecord, sqlx::Error> {
    let functions: String = row.try_get("functions")?;
    let min_group_size: i64 = row.try_get("min_group_size")?;
    Ok(CampaignRecord {
        id: row.try_get("id")?,
        organisation_id: row.try_get("organisation_id")?,
        organisation_name: row.try_get("organisation_name")?,
        name: row.try_get("name")?,
        model_hash: row.try_get("model_hash")?,
        functions: functions_from_text(&functions)?,
        min_group_size: usize::try_from(min_group_size).unwrap_or(1).max(1),
        closes_at: opt_millis(row, "closes_at")?,
        closed_at: opt_millis(row, "closed_at")?,
        created_by_name: row.try_get("created_by_name")?,
        created_at: from_millis(row.try_get("created_at")?),
    })
}

pub async fn insert<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    campaign: &NewCampaign<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO campaigns (id, organisation_id, name, model_hash, functions, min_group_size, \
                                closes_at, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(campaign.id)
    .bind(campaign.organisation_id)
    .bind(campaign.name)
    .bind(campaign.model_hash)
    .bind(functions_to_text(campaign.functions))
    .bind(campaign.min_group_size as i64)
    .bind(campaign.closes_at.map(to_millis))
    .bind(campaign.created_by)
    .bind(to_millis(campaign.created_at))
    .execute(ex)
    .await?;
    Ok(())
}

/// A campaign of `organisation_id`; another organisation's campaign is `None`.
pub async fn find<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organisation_id: &str,
    id: &str,
) -> Result<Option<CampaignRecord>, sqlx::Error> {
    let sql = format!("{SELECT_CAMPAIGN} WHERE c.organisation_id = $1 AND c.id = $2");
    sqlx::query(&sql)
        .bind(organisation_id)
        .bind(id)
        .fetch_optional(ex)
        .await?
        .as_ref()
        .map(campaign_from_row)
        .transpose()
}

/// Newest first.
pub async fn list_for_organisation<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organisation_id: &str,
) -> Result<Vec<CampaignRecord>, sqlx::Error> {
    let sql =
        format!("{SELECT_CAMPAIGN} WHERE c.organisation_id = $1 ORDER BY c.created_at DESC, c.id");
    sqlx::query(&sql)
        .bind(organisation_id)
        .fetch_all(ex)
        .await?
        .iter()
        .map(campaign_from_row)
        .collect()
}

/// Closes an open campaign now; false when it was not found or already closed.
pub async fn close<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organisation_id: &str,
    id: &str,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE campaigns SET closed_at = $1 \
         WHERE organisation_id = $2 AND id = $3 AND closed_at IS NULL",
    )
    .bind(to_millis(now))
    .bind(organisation_id)
    .bind(id)
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Responses per campaign and function of an organisation (or of one of its campaigns):
/// (campaign id, function, submitted, in progress).
pub async fn response_counts<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organisation_id: &str,
    only_campaign: Option<&str>,
) -> Result<Vec<(String, Function, usize, usize)>, sqlx::Error> {
    let sql = format!(
        "SELECT r.campaign_id, r.function, \
                SUM(CASE WHEN r.submitted_at IS NULL THEN 0 ELSE 1 END) AS submitted, \
                SUM(CASE WHEN r.submitted_at IS NULL THEN 1 ELSE 0 END) AS started \
         FROM responses r JOIN campaigns c ON c.id = r.campaign_id \
         WHERE c.organisation_id = $1{} \
         GROUP BY r.campaign_id, r.function",
        if only_campaign.is_some() {
            " AND r.campaign_id = $2"
        } else {
            ""
        }
    );
    let mut query = sqlx::query(&sql).bind(organisation_id);
    if let Some(campaign_id) = only_campaign {
        query = query.bind(campaign_id);
    }
    let rows = query.fetch_all(ex).await?;
    rows.iter()
        .map(|row| {
            let function: String = row.try_get("function")?;
            let function = Function::parse(&function).ok_or_else(|| {
                sqlx::Error::Decode(format!("unknown function {function:?}").into())
            })?;
            let submitted: i64 = row.try_get("submitted")?;
            let started: i64 = row.try_get("started")?;
            Ok((
                row.try_get("campaign_id")?,
                function,
                submitted.max(0) as usize,
                started.max(0) as usize,
            ))
        })
        .collect()
}

/// An invitation link of a campaign.
#[derive(Debug, Clone)]
pub struct LinkRecord {
    pub id: String,
    pub campaign_id: String,
    pub token: String,
    pub function: Function,
    /// Set for a link that belongs to one named person.
    pub person_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

fn link_from_row(row: &AnyRow) -> Result<LinkRecord, sqlx::Error> {
    let function: String = row.try_get("function")?;
    Ok(LinkRecord {
        id: row.try_get("id")?,
        campaign_id: row.try_get("campaign_id")?,
        token: row.try_get("token")?,
        function: Function::parse(&function)
            .ok_or_else(|| sqlx::Error::Decode(format!("unknown function {function:?}").into()))?,
        person_name: row.try_get("person_name")?,
        created_at: from_millis(row.try_get("created_at")?),
        revoked_at: opt_millis(row, "revoked_at")?,
    })
}

pub async fn insert_link<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    link: &LinkRecord,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO campaign_links (id, campaign_id, token, function, person_name, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(&link.id)
    .bind(&link.campaign_id)
    .bind(&link.token)
    .bind(link.function.as_str())
    .bind(link.person_name.as_deref())
    .bind(to_millis(link.created_at))
    .execute(ex)
    .await?;
    Ok(())
}

/// Function links first (in creation order), then person links.
pub async fn list_links<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    campaign_id: &str,
) -> Result<Vec<LinkRecord>, sqlx::Error> {
    sqlx::query(
        "SELECT id, campaign_id, token, function, person_name, created_at, revoked_at \
         FROM campaign_links WHERE campaign_id = $1 \
         ORDER BY CASE WHEN person_name IS NULL THEN 0 ELSE 1 END, created_at, id",
    )
    .bind(campaign_id)
    .fetch_all(ex)
    .await?
    .iter()
    .map(link_from_row)
    .collect()
}

/// The link behind a token, and its campaign (whatever the organisation: the token is the
/// credential).
pub async fn find_link_by_token<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    token: &str,
) -> Result<Option<(LinkRecord, CampaignRecord)>, sqlx::Error> {
    let sql = "SELECT l.id AS link_id, l.token, l.function AS link_function, l.person_name, \
                l.created_at AS link_created_at, l.revoked_at, c.id, c.organisation_id, \
                o.name AS organisation_name, c.name, c.model_hash, c.functions, c.min_group_size, \
                c.closes_at, c.closed_at, u.display_name AS created_by_name, c.created_at \
         FROM campaign_links l \
         JOIN campaigns c ON c.id = l.campaign_id \
         JOIN organisations o ON o.id = c.organisation_id \
         JOIN users u ON u.id = c.created_by \
         WHERE l.token = $1";
    let Some(row) = sqlx::query(sql).bind(token).fetch_optional(ex).await? else {
        return Ok(None);
    };
    let campaign = campaign_from_row(&row)?;
    let function: String = row.try_get("link_function")?;
    let link = LinkRecord {
        id: row.try_get("link_id")?,
        campaign_id: campaign.id.clone(),
        token: row.try_get("token")?,
        function: Function::parse(&function)
            .ok_or_else(|| sqlx::Error::Decode(format!("unknown function {function:?}").into()))?,
        person_name: row.try_get("person_name")?,
        created_at: from_millis(row.try_get("link_created_at")?),
        revoked_at: opt_millis(&row, "revoked_at")?,
    };
    Ok(Some((link, campaign)))
}

/// Withdraws a link of a campaign; false when it was not found or already revoked.
pub async fn revoke_link<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    campaign_id: &str,
    link_id: &str,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE campaign_links SET revoked_at = $1 \
         WHERE campaign_id = $2 AND id = $3 AND revoked_at IS NULL",
    )
    .bind(to_millis(now))
    .bind(campaign_id)
    .bind(link_id)
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}
