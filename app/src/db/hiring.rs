//! Hiring: rubric versions, roles, interview stages, candidates, scorecards and decisions.
//! Every read that starts from an id is scoped to an organisation (through the role), so
//! another organisation's ids are simply not found.

use super::{from_millis, opt_millis, to_millis};
use crate::domain::rubric::{DecisionOutcome, Recommendation, Visibility};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::{any::AnyRow, Any, Executor, Row};
use std::collections::BTreeMap;

fn decode(what: &str, value: &str) -> sqlx::Error {
    sqlx::Error::Decode(format!("unknown {what} {value:?}").into())
}

fn json_column<T: serde::de::DeserializeOwned>(
    row: &AnyRow,
    column: &str,
) -> Result<T, sqlx::Error> {
    let text: String = row.try_get(column)?;
    serde_json::from_str(&text).map_err(|e| sqlx::Error::Decode(Box::new(e)))
}

fn to_json<T: Serialize>(value: &T) -> String {
    // Maps of strings and numbers always serialise.
    serde_json::to_string(value).unwrap_or_else(|_| "{}".to_owned())
}

/// Stores a rubric version's exact text once; later roles with the same version reuse it.
pub async fn save_rubric_version<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    hash: &str,
    rubric_id: &str,
    source: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO rubric_versions (hash, rubric_id, source, first_used_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (hash) DO NOTHING",
    )
    .bind(hash)
    .bind(rubric_id)
    .bind(source)
    .bind(to_millis(now))
    .execute(ex)
    .await?;
    Ok(())
}

/// The Markdown of a stored rubric version.
pub async fn rubric_source<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    hash: &str,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query("SELECT source FROM rubric_versions WHERE hash = $1")
        .bind(hash)
        .fetch_optional(ex)
        .await?
        .map(|row| row.try_get("source"))
        .transpose()
}

/// Records that a role shows its rubric in `locale` as the version `rubric_hash`.
pub async fn insert_role_translation<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    role_id: &str,
    locale: &str,
    rubric_hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO role_translations (role_id, locale, rubric_hash) VALUES ($1, $2, $3)")
        .bind(role_id)
        .bind(locale)
        .bind(rubric_hash)
        .execute(ex)
        .await?;
    Ok(())
}

/// The hash of the rubric version a role shows in `locale`, if it was opened with one.
pub async fn role_translation_hash<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    role_id: &str,
    locale: &str,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query("SELECT rubric_hash FROM role_translations WHERE role_id = $1 AND locale = $2")
        .bind(role_id)
        .bind(locale)
        .fetch_optional(ex)
        .await?
        .map(|row| row.try_get("rubric_hash"))
        .transpose()
}

/// For each of an organisation's roles opened with a rubric translation into `locale`, that
/// translation's hash, by role id.
pub async fn role_translation_hashes<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organisation_id: &str,
    locale: &str,
) -> Result<BTreeMap<String, String>, sqlx::Error> {
    sqlx::query(
        "SELECT t.role_id, t.rubric_hash FROM role_translations t \
         JOIN hiring_roles r ON r.id = t.role_id \
         WHERE r.organisation_id = $1 AND t.locale = $2",
    )
    .bind(organisation_id)
    .bind(locale)
    .fetch_all(ex)
    .await?
    .iter()
    .map(|row| Ok((row.try_get("role_id")?, row.try_get("rubric_hash")?)))
    .collect()
}

/// The organisation's default visibility rule.
pub async fn organisation_visibility<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organisation_id: &str,
) -> Result<Visibility, sqlx::Error> {
    let value: String =
        sqlx::query_scalar("SELECT scorecard_visibility FROM organisations WHERE id = $1")
            .bind(organisation_id)
            .fetch_one(ex)
            .await?;
    Visibility::parse(&value).ok_or_else(|| decode("visibility", &value))
}

pub async fn set_organisation_visibility<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organisation_id: &str,
    visibility: Visibility,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE organisations SET scorecard_visibility = $1 WHERE id = $2")
        .bind(visibility.as_str())
        .bind(organisation_id)
        .execute(ex)
        .await?;
    Ok(())
}

/// A role with the rule in force for it.
#[derive(Debug, Clone)]
pub struct RoleRecord {
    pub id: String,
    pub organisation_id: String,
    pub title: String,
    pub rubric_hash: String,
    /// The role's own rule; None when the organisation's applies.
    pub own_visibility: Option<Visibility>,
    pub organisation_visibility: Visibility,
    pub weights: BTreeMap<String, f64>,
    pub created_at: DateTime<Utc>,
}

impl RoleRecord {
    /// The rule in force: the role's own, else the organisation's.
    pub fn visibility(&self) -> Visibility {
        self.own_visibility.unwrap_or(self.organisation_visibility)
    }
}

const SELECT_ROLE: &str =
    "SELECT r.id, r.organisation_id, r.title, r.rubric_hash, r.visibility, r.weights, r.created_at, \
            o.scorecard_visibility \
     FROM hiring_roles r JOIN organisations o ON o.id = r.organisation_id";

fn role_from_row(row: &AnyRow) -> Result<RoleRecord, sqlx::Error> {
    let own: Option<String> = row.try_get("visibility")?;
    let organisation: String = row.try_get("scorecard_visibility")?;
    Ok(RoleRecord {
        id: row.try_get("id")?,
        organisation_id: row.try_get("organisation_id")?,
        title: row.try_get("title")?,
        rubric_hash: row.try_get("rubric_hash")?,
        own_visibility: own
            .map(|v| Visibility::parse(&v).ok_or_else(|| decode("visibility", &v)))
            .transpose()?,
        organisation_visibility: Visibility::parse(&organisation)
            .ok_or_else(|| decode("visibility", &organisation))?,
        weights: json_column(row, "weights")?,
        created_at: from_millis(row.try_get("created_at")?),
    })
}

pub struct NewRole<'a> {
    pub id: &'a str,
    pub organisation_id: &'a str,
    pub title: &'a str,
    pub rubric_hash: &'a str,
    pub visibility: Option<Visibility>,
    pub weights: &'a BTreeMap<String, f64>,
    pub created_by: &'a str,
    pub created_at: DateTime<Utc>,
}

pub async fn insert_role<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    role: &NewRole<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO hiring_roles (id, organisation_id, title, rubric_hash, visibility, weights, \
                                   created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(role.id)
    .bind(role.organisation_id)
    .bind(role.title)
    .bind(role.rubric_hash)
    .bind(role.visibility.map(Visibility::as_str))
    .bind(to_json(role.weights))
    .bind(role.created_by)
    .bind(to_millis(role.created_at))
    .execute(ex)
    .await?;
    Ok(())
}

pub async fn update_role_settings<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organisation_id: &str,
    role_id: &str,
    visibility: Option<Visibility>,
    weights: &BTreeMap<String, f64>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE hiring_roles SET visibility = $1, weights = $2 WHERE organisation_id = $3 AND id = $4",
    )
    .bind(visibility.map(Visibility::as_str))
    .bind(to_json(weights))
    .bind(organisation_id)
    .bind(role_id)
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn find_role<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organisation_id: &str,
    id: &str,
) -> Result<Option<RoleRecord>, sqlx::Error> {
    let sql = format!("{SELECT_ROLE} WHERE r.organisation_id = $1 AND r.id = $2");
    sqlx::query(&sql)
        .bind(organisation_id)
        .bind(id)
        .fetch_optional(ex)
        .await?
        .as_ref()
        .map(role_from_row)
        .transpose()
}

/// Newest first.
pub async fn list_roles<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organisation_id: &str,
) -> Result<Vec<RoleRecord>, sqlx::Error> {
    let sql =
        format!("{SELECT_ROLE} WHERE r.organisation_id = $1 ORDER BY r.created_at DESC, r.id");
    sqlx::query(&sql)
        .bind(organisation_id)
        .fetch_all(ex)
        .await?
        .iter()
        .map(role_from_row)
        .collect()
}

/// An interview of the plan, with its interviewer's name.
#[derive(Debug, Clone)]
pub struct StageRecord {
    pub id: String,
    pub role_id: String,
    pub position: usize,
    pub name: String,
    pub interviewer_id: String,
    pub interviewer_name: String,
    pub focus: Vec<String>,
}

const SELECT_STAGE: &str =
    "SELECT s.id, s.role_id, s.position, s.name, s.interviewer_id, u.display_name AS interviewer_name, \
            s.focus \
     FROM interview_stages s JOIN users u ON u.id = s.interviewer_id";

fn stage_from_row(row: &AnyRow) -> Result<StageRecord, sqlx::Error> {
    let focus: String = row.try_get("focus")?;
    let position: i64 = row.try_get("position")?;
    Ok(StageRecord {
        id: row.try_get("id")?,
        role_id: row.try_get("role_id")?,
        position: usize::try_from(position).unwrap_or_default(),
        name: row.try_get("name")?,
        interviewer_id: row.try_get("interviewer_id")?,
        interviewer_name: row.try_get("interviewer_name")?,
        focus: focus
            .split(',')
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
    })
}

pub struct NewStage<'a> {
    pub id: &'a str,
    pub role_id: &'a str,
    pub name: &'a str,
    pub interviewer_id: &'a str,
    pub focus: &'a [String],
    pub created_at: DateTime<Utc>,
}

/// Appends a stage at the end of the role's plan.
pub async fn insert_stage<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    stage: &NewStage<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO interview_stages (id, role_id, position, name, interviewer_id, focus, created_at) \
         VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM interview_stages WHERE role_id = $3), \
                 $4, $5, $6, $7)",
    )
    .bind(stage.id)
    .bind(stage.role_id)
    .bind(stage.role_id)
    .bind(stage.name)
    .bind(stage.interviewer_id)
    .bind(stage.focus.join(","))
    .bind(to_millis(stage.created_at))
    .execute(ex)
    .await?;
    Ok(())
}

pub async fn stages_for_role<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    role_id: &str,
) -> Result<Vec<StageRecord>, sqlx::Error> {
    let sql = format!("{SELECT_STAGE} WHERE s.role_id = $1 ORDER BY s.position, s.id");
    sqlx::query(&sql)
        .bind(role_id)
        .fetch_all(ex)
        .await?
        .iter()
        .map(stage_from_row)
        .collect()
}

/// Every stage of an organisation's roles, for counting and calibration.
pub async fn stages_for_organisation<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organisation_id: &str,
) -> Result<Vec<StageRecord>, sqlx::Error> {
    let sql = format!(
        "{SELECT_STAGE} JOIN hiring_roles r ON r.id = s.role_id \
         WHERE r.organisation_id = $1 ORDER BY s.role_id, s.position, s.id"
    );
    sqlx::query(&sql)
        .bind(organisation_id)
        .fetch_all(ex)
        .await?
        .iter()
        .map(stage_from_row)
        .collect()
}

/// A candidate; `career` is the stored JSON, read by the service.
#[derive(Debug, Clone)]
pub struct CandidateRecord {
    pub id: String,
    pub role_id: String,
    pub name: String,
    pub current_title: String,
    pub career: Vec<StoredCareerEntry>,
    pub created_at: DateTime<Utc>,
}

/// One role of a career as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredCareerEntry {
    pub title: String,
    pub function: String,
    pub years: f64,
}

const SELECT_CANDIDATE: &str =
    "SELECT c.id, c.role_id, c.name, c.current_title, c.career, c.created_at \
     FROM candidates c JOIN hiring_roles r ON r.id = c.role_id";

fn candidate_from_row(row: &AnyRow) -> Result<CandidateRecord, sqlx::Error> {
    Ok(CandidateRecord {
        id: row.try_get("id")?,
        role_id: row.try_get("role_id")?,
        name: row.try_get("name")?,
        current_title: row.try_get("current_title")?,
        career: json_column(row, "career")?,
        created_at: from_millis(row.try_get("created_at")?),
    })
}

pub struct NewCandidate<'a> {
    pub id: &'a str,
    pub role_id: &'a str,
    pub name: &'a str,
    pub current_title: &'a str,
    pub career: &'a [StoredCareerEntry],
    pub created_by: &'a str,
    pub created_at: DateTime<Utc>,
}

pub async fn insert_candidate<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    candidate: &NewCandidate<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO candidates (id, role_id, name, current_title, career, created_by, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(candidate.id)
    .bind(candidate.role_id)
    .bind(candidate.name)
    .bind(candidate.current_title)
    .bind(to_json(&candidate.career))
    .bind(candidate.created_by)
    .bind(to_millis(candidate.created_at))
    .execute(ex)
    .await?;
    Ok(())
}

/// A candidate of one of the organisation's roles.
pub async fn find_candidate<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organisation_id: &str,
    id: &str,
) -> Result<Option<CandidateRecord>, sqlx::Error> {
    let sql = format!("{SELECT_CANDIDATE} WHERE r.organisation_id = $1 AND c.id = $2");
    sqlx::query(&sql)
        .bind(organisation_id)
        .bind(id)
        .fetch_optional(ex)
        .await?
        .as_ref()
        .map(candidate_from_row)
        .transpose()
}

/// Oldest first.
pub async fn candidates_for_organisation<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organisation_id: &str,
) -> Result<Vec<CandidateRecord>, sqlx::Error> {
    let sql =
        format!("{SELECT_CANDIDATE} WHERE r.organisation_id = $1 ORDER BY c.created_at, c.id");
    sqlx::query(&sql)
        .bind(organisation_id)
        .fetch_all(ex)
        .await?
        .iter()
        .map(candidate_from_row)
        .collect()
}

/// What an interviewer wrote for one competency, as stored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoredRating {
    /// `1`..`4`, `no-evidence`, or None while undecided.
    pub rating: Option<String>,
    #[serde(default)]
    pub evidence: String,
}

/// A scorecard with its interviewer's and stage's names.
#[derive(Debug, Clone)]
pub struct ScorecardRecord {
    pub id: String,
    pub stage_id: String,
    pub candidate_id: String,
    pub interviewer_id: String,
    pub interviewer_name: String,
    pub ratings: BTreeMap<String, StoredRating>,
    pub recommendation: Option<Recommendation>,
    pub takeaways: String,
    pub updated_at: DateTime<Utc>,
    pub submitted_at: Option<DateTime<Utc>>,
}

const SELECT_SCORECARD: &str =
    "SELECT sc.id, sc.stage_id, sc.candidate_id, sc.interviewer_id, u.display_name AS interviewer_name, \
            sc.ratings, sc.recommendation, sc.takeaways, sc.updated_at, sc.submitted_at \
     FROM scorecards sc JOIN users u ON u.id = sc.interviewer_id";

fn scorecard_from_row(row: &AnyRow) -> Result<ScorecardRecord, sqlx::Error> {
    let recommendation: Option<String> = row.try_get("recommendation")?;
    Ok(ScorecardRecord {
        id: row.try_get("id")?,
        stage_id: row.try_get("stage_id")?,
        candidate_id: row.try_get("candidate_id")?,
        interviewer_id: row.try_get("interviewer_id")?,
        interviewer_name: row.try_get("interviewer_name")?,
        ratings: json_column(row, "ratings")?,
        recommendation: recommendation
            .map(|r| Recommendation::parse(&r).ok_or_else(|| decode("recommendation", &r)))
            .transpose()?,
        takeaways: row.try_get("takeaways")?,
        updated_at: from_millis(row.try_get("updated_at")?),
        submitted_at: opt_millis(row, "submitted_at")?,
    })
}

/// Every scorecard of a candidate, drafts included: callers decide what the viewer sees.
pub async fn scorecards_for_candidate<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    candidate_id: &str,
) -> Result<Vec<ScorecardRecord>, sqlx::Error> {
    let sql =
        format!("{SELECT_SCORECARD} WHERE sc.candidate_id = $1 ORDER BY sc.submitted_at, sc.id");
    sqlx::query(&sql)
        .bind(candidate_id)
        .fetch_all(ex)
        .await?
        .iter()
        .map(scorecard_from_row)
        .collect()
}

/// Every submitted scorecard of an organisation, for comparison and calibration.
pub async fn submitted_scorecards_for_organisation<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organisation_id: &str,
) -> Result<Vec<ScorecardRecord>, sqlx::Error> {
    let sql = format!(
        "{SELECT_SCORECARD} JOIN candidates c ON c.id = sc.candidate_id \
         JOIN hiring_roles r ON r.id = c.role_id \
         WHERE r.organisation_id = $1 AND sc.submitted_at IS NOT NULL \
         ORDER BY sc.candidate_id, sc.submitted_at, sc.id"
    );
    sqlx::query(&sql)
        .bind(organisation_id)
        .fetch_all(ex)
        .await?
        .iter()
        .map(scorecard_from_row)
        .collect()
}

/// Drafts and submissions of every scorecard of an organisation: (stage, candidate, submitted).
pub async fn scorecard_states<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organisation_id: &str,
) -> Result<Vec<(String, String, bool)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT sc.stage_id, sc.candidate_id, sc.submitted_at FROM scorecards sc \
         JOIN candidates c ON c.id = sc.candidate_id JOIN hiring_roles r ON r.id = c.role_id \
         WHERE r.organisation_id = $1",
    )
    .bind(organisation_id)
    .fetch_all(ex)
    .await?;
    rows.iter()
        .map(|row| {
            Ok((
                row.try_get("stage_id")?,
                row.try_get("candidate_id")?,
                row.try_get::<Option<i64>, _>("submitted_at")?.is_some(),
            ))
        })
        .collect()
}

/// The scorecard of one interview, if the interviewer has saved anything yet.
pub async fn find_scorecard<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    stage_id: &str,
    candidate_id: &str,
) -> Result<Option<ScorecardRecord>, sqlx::Error> {
    let sql = format!("{SELECT_SCORECARD} WHERE sc.stage_id = $1 AND sc.candidate_id = $2");
    sqlx::query(&sql)
        .bind(stage_id)
        .bind(candidate_id)
        .fetch_optional(ex)
        .await?
        .as_ref()
        .map(scorecard_from_row)
        .transpose()
}

pub struct ScorecardDraft<'a> {
    pub id: &'a str,
    pub stage_id: &'a str,
    pub candidate_id: &'a str,
    pub interviewer_id: &'a str,
    pub ratings: &'a BTreeMap<String, StoredRating>,
    pub recommendation: Option<Recommendation>,
    pub takeaways: &'a str,
    pub now: DateTime<Utc>,
    /// Set to lock the scorecard as submitted at this moment.
    pub submit: bool,
}

/// Creates or replaces the scorecard of an interview unless it is already submitted.
/// Returns false (and changes nothing) when it was locked.
pub async fn save_scorecard<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    draft: &ScorecardDraft<'_>,
) -> Result<bool, sqlx::Error> {
    let submitted_at = draft.submit.then(|| to_millis(draft.now));
    let done = sqlx::query(
        "INSERT INTO scorecards (id, stage_id, candidate_id, interviewer_id, ratings, recommendation, \
                                 takeaways, updated_at, submitted_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
         ON CONFLICT (stage_id, candidate_id) DO UPDATE SET \
             ratings = excluded.ratings, recommendation = excluded.recommendation, \
             takeaways = excluded.takeaways, updated_at = excluded.updated_at, \
             submitted_at = excluded.submitted_at \
         WHERE scorecards.submitted_at IS NULL",
    )
    .bind(draft.id)
    .bind(draft.stage_id)
    .bind(draft.candidate_id)
    .bind(draft.interviewer_id)
    .bind(to_json(draft.ratings))
    .bind(draft.recommendation.map(Recommendation::as_str))
    .bind(draft.takeaways)
    .bind(to_millis(draft.now))
    .bind(submitted_at)
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}

#[derive(Debug, Clone)]
pub struct DecisionRecord {
    pub outcome: DecisionOutcome,
    pub rationale: String,
    pub decided_by_name: String,
    pub decided_at: DateTime<Utc>,
}

pub async fn insert_decision<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: &str,
    candidate_id: &str,
    outcome: DecisionOutcome,
    rationale: &str,
    decided_by: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO hiring_decisions (id, candidate_id, outcome, rationale, decided_by, decided_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(candidate_id)
    .bind(outcome.as_str())
    .bind(rationale)
    .bind(decided_by)
    .bind(to_millis(now))
    .execute(ex)
    .await?;
    Ok(())
}

/// Every decision of an organisation's candidates, newest first: (candidate id, decision).
pub async fn decisions_for_organisation<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    organisation_id: &str,
) -> Result<Vec<(String, DecisionRecord)>, sqlx::Error> {
    let rows = sqlx::query(
        "SELECT d.candidate_id, d.outcome, d.rationale, u.display_name, d.decided_at \
         FROM hiring_decisions d JOIN users u ON u.id = d.decided_by \
         JOIN candidates c ON c.id = d.candidate_id JOIN hiring_roles r ON r.id = c.role_id \
         WHERE r.organisation_id = $1 ORDER BY d.decided_at DESC, d.id DESC",
    )
    .bind(organisation_id)
    .fetch_all(ex)
    .await?;
    rows.iter()
        .map(|row| {
            let outcome: String = row.try_get("outcome")?;
            Ok((
                row.try_get("candidate_id")?,
                DecisionRecord {
                    outcome: DecisionOutcome::parse(&outcome)
                        .ok_or_else(|| decode("decision", &outcome))?,
                    rationale: row.try_get("rationale")?,
                    decided_by_name: row.try_get("display_name")?,
                    decided_at: from_millis(row.try_get("decided_at")?),
                },
            ))
        })
        .collect()
}
