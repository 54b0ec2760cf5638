//! Respondents' responses and their answers.

use super::{from_millis, opt_millis, to_millis};
use crate::domain::model::Function;
use chrono::{DateTime, Utc};
use sqlx::{any::AnyRow, Any, Executor, Row};

#[derive(Debug, Clone)]
pub struct ResponseRecord {
    pub id: String,
    pub campaign_id: String,
    pub link_id: String,
    pub function: Function,
    pub started_at: DateTime<Utc>,
    pub submitted_at: Option<DateTime<Utc>>,
}

/// A stored answer, with the value as written (see `domain::model::Answer::as_value`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerRecord {
    pub question_id: String,
    pub value: String,
    pub comment: String,
}

const SELECT: &str =
    "SELECT id, campaign_id, link_id, function, started_at, submitted_at FROM responses";

fn from_row(row: &AnyRow) -> Result<ResponseRecord, sqlx::Error> {
    let function: String = row.try_get("function")?;
    Ok(ResponseRecord {
        id: row.try_get("id")?,
        campaign_id: row.try_get("campaign_id")?,
        link_id: row.try_get("link_id")?,
        function: Function::parse(&function)
            .ok_or_else(|| sqlx::Error::Decode(format!("unknown function {function:?}").into()))?,
        started_at: from_millis(row.try_get("started_at")?),
        submitted_at: opt_millis(row, "submitted_at")?,
    })
}

/// What a new response row holds. Exactly one of `person_link` / `resume_hash` is set.
#[derive(Debug, Clone)]
pub struct NewResponse<'a> {
    pub id: &'a str,
    pub campaign_id: &'a str,
    pub link_id: &'a str,
    /// The link, when it belongs to one person (at most one response per such link).
    pub person_link: bool,
    /// Hash of the browser's resume cookie, for function links.
    pub resume_hash: Option<&'a str>,
    pub function: Function,
    pub now: DateTime<Utc>,
}

pub async fn insert<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    response: &NewResponse<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO responses (id, campaign_id, link_id, person_link_id, resume_hash, function, \
                                started_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)",
    )
    .bind(response.id)
    .bind(response.campaign_id)
    .bind(response.link_id)
    .bind(response.person_link.then_some(response.link_id))
    .bind(response.resume_hash)
    .bind(response.function.as_str())
    .bind(to_millis(response.now))
    .execute(ex)
    .await?;
    Ok(())
}

/// The response of a person link, if they started one.
pub async fn find_for_person_link<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    link_id: &str,
) -> Result<Option<ResponseRecord>, sqlx::Error> {
    let sql = format!("{SELECT} WHERE person_link_id = $1");
    sqlx::query(&sql)
        .bind(link_id)
        .fetch_optional(ex)
        .await?
        .as_ref()
        .map(from_row)
        .transpose()
}

/// The response a browser's resume cookie points to, through this link only.
pub async fn find_by_resume<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    link_id: &str,
    resume_hash: &str,
) -> Result<Option<ResponseRecord>, sqlx::Error> {
    let sql = format!("{SELECT} WHERE link_id = $1 AND resume_hash = $2");
    sqlx::query(&sql)
        .bind(link_id)
        .bind(resume_hash)
        .fetch_optional(ex)
        .await?
        .as_ref()
        .map(from_row)
        .transpose()
}

/// Re-reads a response (inside a write transaction, to see whether it is still open).
pub async fn find<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    id: &str,
) -> Result<Option<ResponseRecord>, sqlx::Error> {
    let sql = format!("{SELECT} WHERE id = $1");
    sqlx::query(&sql)
        .bind(id)
        .fetch_optional(ex)
        .await?
        .as_ref()
        .map(from_row)
        .transpose()
}

pub async fn answers<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    response_id: &str,
) -> Result<Vec<AnswerRecord>, sqlx::Error> {
    sqlx::query(
        "SELECT question_id, value, comment FROM answers WHERE response_id = $1 ORDER BY question_id",
    )
    .bind(response_id)
    .fetch_all(ex)
    .await?
    .iter()
    .map(|row| {
        Ok(AnswerRecord {
            question_id: row.try_get("question_id")?,
            value: row.try_get("value")?,
            comment: row.try_get("comment")?,
        })
    })
    .collect()
}

/// Writes (or overwrites) one answer.
pub async fn upsert_answer<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    response_id: &str,
    answer: &AnswerRecord,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO answers (response_id, question_id, value, comment, answered_at) \
         VALUES ($1, $2, $3, $4, $5) \
         ON CONFLICT (response_id, question_id) \
         DO UPDATE SET value = excluded.value, comment = excluded.comment, answered_at = excluded.answered_at",
    )
    .bind(response_id)
    .bind(&answer.question_id)
    .bind(&answer.value)
    .bind(&answer.comment)
    .bind(to_millis(now))
    .execute(ex)
    .await?;
    Ok(())
}

pub async fn touch<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    response_id: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE responses SET updated_at = $1 WHERE id = $2")
        .bind(to_millis(now))
        .bind(response_id)
        .execute(ex)
        .await?;
    Ok(())
}

/// Marks a response submitted and freezes its answers (as [`encode_answers`] wrote them)
/// on it; false when it already was submitted (a replayed submit).
pub async fn mark_submitted<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    response_id: &str,
    answers: &str,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE responses SET submitted_at = $1, updated_at = $1, submitted_answers = $2 \
         WHERE id = $3 AND submitted_at IS NULL",
    )
    .bind(to_millis(now))
    .bind(answers)
    .bind(response_id)
    .execute(ex)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A submitted response's answers as one text: `question=value` pairs joined by `,`.
/// Neither character occurs in question ids (`[a-z][a-z0-9-]*`, checked when the model is
/// loaded) or in stored values (see `domain::model::Answer::as_value`).
pub fn encode_answers<'a>(answers: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut text = String::new();
    for (question_id, value) in answers {
        if !text.is_empty() {
            text.push(',');
        }
        text.push_str(question_id);
        text.push('=');
        text.push_str(value);
    }
    text
}

/// The `(question id, value)` pairs of [`encode_answers`]; a malformed pair is skipped.
pub fn decode_answers(text: &str) -> impl Iterator<Item = (&str, &str)> {
    text.split(',').filter_map(|pair| pair.split_once('='))
}

/// Every submitted response of a campaign, one row each: (function, its answers as
/// [`encode_answers`] wrote them at submit). The input of the results; reading one short
/// row per response instead of every answer row is what keeps results for 10,000
/// responses fast.
/// How many responses of a campaign are submitted, and when the latest was (UTC millis):
/// what its results depend on besides the model and the threshold.
pub async fn submitted_version<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    campaign_id: &str,
) -> Result<(i64, Option<i64>), sqlx::Error> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS submitted, MAX(submitted_at) AS latest FROM responses \
         WHERE campaign_id = $1 AND submitted_at IS NOT NULL",
    )
    .bind(campaign_id)
    .fetch_one(ex)
    .await?;
    Ok((row.try_get("submitted")?, row.try_get("latest")?))
}

pub async fn submitted_answers<'e, E: Executor<'e, Database = Any>>(
    ex: E,
    campaign_id: &str,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query(
        "SELECT function, submitted_answers FROM responses \
         WHERE campaign_id = $1 AND submitted_at IS NOT NULL \
         ORDER BY submitted_at, id",
    )
    .bind(campaign_id)
    .fetch_all(ex)
    .await?
    .iter()
    .map(|row| {
        let answers: Option<String> = row.try_get(1)?;
        Ok((row.try_get(0)?, answers.unwrap_or_default()))
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frozen_answers_read_back_as_written() {
        let text = encode_answers([("a-1", "4"), ("b", "dont-know"), ("c", "not-applicable")]);
        assert_eq!(text, "a-1=4,b=dont-know,c=not-applicable");
        assert_eq!(
            decode_answers(&text).collect::<Vec<_>>(),
            vec![("a-1", "4"), ("b", "dont-know"), ("c", "not-applicable")]
        );
        assert_eq!(decode_answers("").count(), 0);
    }
}
