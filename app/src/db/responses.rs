//! Respondents' responses and their answers.

use super::{from_millis, opt_millis, to_millis};
use crate::domain::model::{Answer, Function, MaturityModel};
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

/// Marks a response submitted and freezes its answers (as [`freeze_answers`] wrote them)
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

/// The tag that starts answers frozen by [`freeze_answers`].
const FROZEN: &str = "v2:";

/// A submitted response's answers, frozen as one short text for the results: [`FROZEN`],
/// then one character per question of the campaign's model, in model order: the level
/// (`1` to `9`, `a` for 10), `?` for "don't know", `/` for "not applicable", `.` where no
/// answer was given. 43 bytes for the 40 questions of the RevOps model, so the results of
/// 10,000 responses read under half a megabyte. Positions are safe because a campaign
/// keeps the model version it was launched with, and a translation of it has the same
/// questions in the same order (checked when content loads).
pub fn freeze_answers(model: &MaturityModel, answer: impl Fn(&str) -> Option<Answer>) -> String {
    let mut text = String::with_capacity(FROZEN.len() + model.question_count());
    text.push_str(FROZEN);
    for question in model.dimensions.iter().flat_map(|d| &d.questions) {
        text.push(match answer(&question.id) {
            Some(Answer::Level(level)) => char::from_digit(level.into(), 36).unwrap_or('.'),
            Some(Answer::DontKnow) => '?',
            Some(Answer::NotApplicable) => '/',
            None => '.',
        });
    }
    text
}

/// The answers [`freeze_answers`] froze, with the model's question ids. Also reads the form
/// responses submitted before it keep: `question=value` pairs joined by `,`. Anything
/// unreadable (a level off the scale, an unknown id) is left out.
pub fn thaw_answers<'m>(text: &str, model: &'m MaturityModel) -> Vec<(&'m str, Answer)> {
    let scale = model.scale();
    let mut answers = Vec::with_capacity(model.question_count());
    match text.strip_prefix(FROZEN) {
        Some(marks) => {
            let questions = model.dimensions.iter().flat_map(|d| &d.questions);
            for (question, mark) in questions.zip(marks.chars()) {
                let answer = match mark {
                    '?' => Answer::DontKnow,
                    '/' => Answer::NotApplicable,
                    digit => match digit.to_digit(36) {
                        Some(level @ 1..) if level <= u32::from(scale) => {
                            Answer::Level(level as u8)
                        }
                        _ => continue,
                    },
                };
                answers.push((question.id.as_str(), answer));
            }
        }
        None => answers.extend(
            text.split(',')
                .filter_map(|pair| pair.split_once('='))
                .filter_map(|(id, value)| {
                    let (_, question) = model.question(id)?;
                    Some((question.id.as_str(), Answer::parse(value, scale).ok()?))
                }),
        ),
    }
    answers
}

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

/// Every submitted response of a campaign, one row each: (function, its answers as
/// [`freeze_answers`] wrote them at submit). The input of the results; reading one short
/// row per response instead of every answer row is what keeps results for 10,000
/// responses fast.
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
    use crate::domain::model::{Dimension, Question};

    /// Two dimensions of two questions each, on a scale of `levels`.
    fn model(levels: usize) -> MaturityModel {
        let question = |id: &str| Question {
            id: id.into(),
            text: id.into(),
            help_html: None,
            weight: 1.0,
            levels: vec![String::new(); levels],
        };
        let dimension = |id: &str, questions: [&str; 2]| Dimension {
            id: id.into(),
            title: id.into(),
            description_html: String::new(),
            weight: 1.0,
            questions: questions.into_iter().map(question).collect(),
        };
        MaturityModel {
            id: "m".into(),
            title: "M".into(),
            version: "1".into(),
            locale: "en".into(),
            level_names: vec![String::new(); levels],
            intro_html: String::new(),
            dimensions: vec![
                dimension("a", ["a-1", "a-2"]),
                dimension("b", ["b-1", "b-2"]),
            ],
        }
    }

    #[test]
    fn frozen_answers_are_one_mark_per_question_and_read_back_as_given() {
        let model = model(5);
        let given = |id: &str| match id {
            "a-1" => Some(Answer::Level(4)),
            "a-2" => Some(Answer::DontKnow),
            "b-1" => Some(Answer::NotApplicable),
            _ => None,
        };
        let text = freeze_answers(&model, given);
        assert_eq!(text, "v2:4?/.");
        assert_eq!(
            thaw_answers(&text, &model),
            vec![
                ("a-1", Answer::Level(4)),
                ("a-2", Answer::DontKnow),
                ("b-1", Answer::NotApplicable),
            ]
        );
    }

    #[test]
    fn every_level_of_a_ten_level_scale_survives_freezing() {
        let model = model(10);
        for level in 1..=10 {
            let text = freeze_answers(&model, |_| Some(Answer::Level(level)));
            let thawed = thaw_answers(&text, &model);
            assert_eq!(thawed.len(), 4, "{text}");
            assert!(
                thawed.iter().all(|(_, a)| *a == Answer::Level(level)),
                "{text}"
            );
        }
    }

    #[test]
    fn marks_off_the_scale_or_beyond_the_model_are_left_out() {
        let model = model(5);
        assert_eq!(
            thaw_answers("v2:6x03", &model),
            vec![("b-2", Answer::Level(3))]
        );
        assert_eq!(thaw_answers("v2:11111111", &model).len(), 4);
        assert!(thaw_answers("", &model).is_empty());
    }

    #[test]
    fn answers_frozen_in_the_earlier_form_still_read() {
        let model = model(5);
        assert_eq!(
            thaw_answers(
                "a-1=4,b-2=dont-know,b-1=not-applicable,x=3,a-2=9,bad",
                &model
            ),
            vec![
                ("a-1", Answer::Level(4)),
                ("b-2", Answer::DontKnow),
                ("b-1", Answer::NotApplicable),
            ]
        );
    }
}
