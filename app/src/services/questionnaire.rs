//! The respondent's side: open an invitation link, answer step by step (each answer saved
//! as it is given), resume later, submit once. Respondents have no account: the link token
//! is their credential, and for a function link a cookie tells this browser's response
//! apart from colleagues' who use the same link.

use super::tokens::{hash_token, new_id, new_token};
use crate::db::campaigns::{self, CampaignRecord, LinkRecord};
use crate::db::page_changes::{self, PageChange};
use crate::db::responses::{self, AnswerRecord, NewResponse, ResponseRecord};
use crate::domain::model::{Answer, MaturityModel};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n;
use crate::models::assessment::{
    LevelChoice, LinkState, Progress, QuestionView, QuestionnaireStep, RespondentStart, ReviewView,
    StepSummary,
};
use crate::services::page_cache::PageDependencies;
use crate::state::AppState;
use std::collections::HashMap;
use std::sync::Arc;

/// Longest comment a respondent can leave on one question.
pub const COMMENT_MAX_CHARS: usize = 1000;
/// Most answers accepted in one save (a whole step; the biggest model step is far smaller).
pub const MAX_ANSWERS_PER_SAVE: usize = 100;

/// The cookie that finds this browser's response again (scoped to the link's path).
pub fn resume_cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Secure-revalign_response"
    } else {
        "revalign_response"
    }
}

/// `Set-Cookie` for a resume token: only sent back to this link's pages, for 60 days.
pub fn resume_cookie(state: &AppState, link_token: &str, resume_token: &str) -> String {
    let secure = state.auth.secure_cookies;
    format!(
        "{}={resume_token}; Path=/a/{link_token}; Max-Age={}; HttpOnly; SameSite=Lax{}",
        resume_cookie_name(secure),
        60 * 24 * 3600,
        if secure { "; Secure" } else { "" }
    )
}

/// A link with everything needed to answer through it.
struct Opened {
    link: LinkRecord,
    campaign: CampaignRecord,
    model: Arc<MaturityModel>,
}

impl Opened {
    fn state(&self, state: &AppState) -> LinkState {
        let now = state.clock.now();
        if self.link.revoked_at.is_some() {
            LinkState::Withdrawn
        } else if self.campaign.is_closed(now) {
            let on = self
                .campaign
                .closed_at
                .or(self
                    .campaign
                    .closes_at
                    .map(|at| at - chrono::Duration::days(1)))
                .unwrap_or(now);
            LinkState::Closed {
                on: on.format("%Y-%m-%d").to_string(),
            }
        } else {
            LinkState::Open
        }
    }

    /// Fails with a message the respondent understands (in the request's language) unless
    /// answers are taken.
    fn require_open(&self, state: &AppState) -> AppResult<()> {
        let i18n = i18n::current();
        match self.state(state) {
            LinkState::Open => Ok(()),
            LinkState::Closed { on } => Err(AppError::invalid_form(i18n.t_with(
                "questionnaire-error-closed",
                &[("on", i18n.day(&on).into())],
            ))),
            LinkState::Withdrawn => Err(AppError::invalid_form(
                i18n.t("questionnaire-error-withdrawn"),
            )),
        }
    }
}

async fn open(state: &AppState, token: &str) -> AppResult<Opened> {
    let (link, campaign) = campaigns::find_link_by_token(state.db.pool(), token)
        .await?
        .ok_or(AppError::NotFound)?;
    // The respondent's language: the campaign's translation of its model where it has one.
    let (_, model) = state
        .content
        .campaign_model(
            &state.db,
            &campaign.id,
            &campaign.model_hash,
            crate::i18n::current().locale,
        )
        .await?;
    Ok(Opened {
        link,
        campaign,
        model,
    })
}

/// This browser's (or this person's) response through the link, if one was started.
async fn existing_response(
    state: &AppState,
    opened: &Opened,
    resume: Option<&str>,
) -> AppResult<Option<ResponseRecord>> {
    if opened.link.person_name.is_some() {
        return Ok(responses::find_for_person_link(state.db.pool(), &opened.link.id).await?);
    }
    match resume {
        Some(token) => {
            Ok(
                responses::find_by_resume(state.db.pool(), &opened.link.id, &hash_token(token))
                    .await?,
            )
        }
        None => Ok(None),
    }
}

fn progress(
    model: &MaturityModel,
    response: &ResponseRecord,
    answers: &[AnswerRecord],
) -> Progress {
    let answered: HashMap<&str, ()> = answers
        .iter()
        .map(|a| (a.question_id.as_str(), ()))
        .collect();
    let resume_step = model
        .dimensions
        .iter()
        .position(|d| {
            d.questions
                .iter()
                .any(|q| !answered.contains_key(q.id.as_str()))
        })
        .map(|i| i + 1)
        .unwrap_or(model.dimensions.len() + 1);
    Progress {
        answered: model
            .dimensions
            .iter()
            .flat_map(|d| &d.questions)
            .filter(|q| answered.contains_key(q.id.as_str()))
            .count(),
        total: model.question_count(),
        steps: model.dimensions.len(),
        resume_step,
        submitted: response.submitted_at.is_some(),
    }
}

/// The start page: what the assessment is, and where this respondent stands.
pub async fn start_page(
    state: &AppState,
    token: &str,
    resume: Option<&str>,
) -> AppResult<RespondentStart> {
    let opened = open(state, token).await?;
    let progress = match existing_response(state, &opened, resume).await? {
        Some(response) => {
            let answers = responses::answers(state.db.pool(), &response.id).await?;
            Some(progress(&opened.model, &response, &answers))
        }
        None => None,
    };
    Ok(RespondentStart {
        state: opened.state(state),
        organisation_name: opened.campaign.organisation_name.clone(),
        campaign_name: opened.campaign.name.clone(),
        model_title: opened.model.title.clone(),
        function: opened.link.function,
        person_name: opened.link.person_name.clone(),
        intro_html: opened.model.intro_html.clone(),
        dimension_titles: opened
            .model
            .dimensions
            .iter()
            .map(|d| d.title.clone())
            .collect(),
        question_count: opened.model.question_count(),
        progress,
    })
}

/// A started (or resumed) response, and the cookie to set when a new browser started one.
#[derive(Debug)]
pub struct Started {
    /// A new resume token for the cookie; `None` when nothing needs to change.
    pub resume_token: Option<String>,
    pub progress: Progress,
}

/// Starts answering through a link, or picks up the response this browser or person
/// already has.
#[tracing::instrument(skip_all)]
pub async fn start(state: &AppState, token: &str, resume: Option<&str>) -> AppResult<Started> {
    let opened = open(state, token).await?;
    if let Some(response) = existing_response(state, &opened, resume).await? {
        let answers = responses::answers(state.db.pool(), &response.id).await?;
        return Ok(Started {
            progress: progress(&opened.model, &response, &answers),
            resume_token: None,
        });
    }
    opened.require_open(state)?;
    let now = state.clock.now();
    let id = new_id();
    let person_link = opened.link.person_name.is_some();
    let resume_token = (!person_link).then(new_token);
    let resume_hash = resume_token.as_deref().map(hash_token);
    let inserted = responses::insert(
        state.db.pool(),
        &NewResponse {
            id: &id,
            campaign_id: &opened.campaign.id,
            link_id: &opened.link.id,
            person_link,
            resume_hash: resume_hash.as_deref(),
            function: opened.link.function,
            now,
        },
    )
    .await;
    let response = match inserted {
        Ok(()) => responses::find(state.db.pool(), &id).await?,
        // The same person opened their link twice at once: keep the response that won.
        Err(error) if person_link && crate::db::is_unique_violation(&error) => {
            responses::find_for_person_link(state.db.pool(), &opened.link.id).await?
        }
        Err(error) => return Err(error.into()),
    }
    .ok_or(AppError::Internal)?;
    let answers = responses::answers(state.db.pool(), &response.id).await?;
    Ok(Started {
        progress: progress(&opened.model, &response, &answers),
        resume_token,
    })
}

/// The response a request works on: it must exist (started) for this link.
async fn current(
    state: &AppState,
    token: &str,
    resume: Option<&str>,
) -> AppResult<(Opened, ResponseRecord)> {
    let opened = open(state, token).await?;
    let response = existing_response(state, &opened, resume)
        .await?
        .ok_or_else(|| {
            AppError::invalid_form(i18n::current().t("questionnaire-error-no-response"))
        })?;
    Ok((opened, response))
}

/// One step of the questionnaire with the respondent's answers so far, and what the page
/// depends on (for `services::page_cache`).
pub async fn step(
    state: &AppState,
    token: &str,
    resume: Option<&str>,
    step: usize,
) -> AppResult<(QuestionnaireStep, PageDependencies)> {
    let (opened, response) = current(state, token, resume).await?;
    let model = &opened.model;
    let dimension = step
        .checked_sub(1)
        .and_then(|i| model.dimensions.get(i))
        .ok_or(AppError::NotFound)?;
    let answers = responses::answers(state.db.pool(), &response.id).await?;
    let by_question: HashMap<&str, &AnswerRecord> = answers
        .iter()
        .map(|a| (a.question_id.as_str(), a))
        .collect();
    let questions = dimension
        .questions
        .iter()
        .map(|q| QuestionView {
            id: q.id.clone(),
            text: q.text.clone(),
            help_html: q.help_html.clone(),
            levels: q
                .levels
                .iter()
                .zip(&model.level_names)
                .enumerate()
                .map(|(i, (description, name))| LevelChoice {
                    value: (i + 1).to_string(),
                    name: name.clone(),
                    description: description.clone(),
                })
                .collect(),
            answer: by_question.get(q.id.as_str()).map(|a| a.value.clone()),
            comment: by_question
                .get(q.id.as_str())
                .map(|a| a.comment.clone())
                .unwrap_or_default(),
        })
        .collect();
    let page = QuestionnaireStep {
        campaign_name: opened.campaign.name.clone(),
        organisation_name: opened.campaign.organisation_name.clone(),
        function: opened.link.function,
        step,
        steps: model.dimensions.len(),
        dimension_title: dimension.title.clone(),
        dimension_html: dimension.description_html.clone(),
        questions,
        progress: progress(model, &response, &answers),
        comment_max_chars: COMMENT_MAX_CHARS,
        state: opened.state(state),
    };
    let dependencies = PageDependencies {
        response_id: response.id,
        valid_until: opened.campaign.closes_at,
    };
    Ok((page, dependencies))
}

/// One answer as submitted: the question, the chosen value, and an optional comment.
#[derive(Debug, Clone, Default)]
pub struct SubmittedAnswer {
    pub question_id: String,
    pub value: String,
    pub comment: String,
}

/// Reads a step form's fields: `q.<question id>` holds the choice, `c.<question id>` the
/// comment. A comment without a choice cannot be stored, so it is an error on that question
/// rather than silently dropped. Messages are in the request's language.
pub fn answers_from_form(fields: &[(String, String)]) -> AppResult<Vec<SubmittedAnswer>> {
    let mut answers: Vec<SubmittedAnswer> = Vec::new();
    let mut comments: Vec<(&str, &str)> = Vec::new();
    for (name, value) in fields {
        if let Some(id) = name.strip_prefix("q.") {
            match answers.iter_mut().find(|a| a.question_id == id) {
                Some(existing) => existing.value = value.clone(),
                None => answers.push(SubmittedAnswer {
                    question_id: id.to_owned(),
                    value: value.clone(),
                    comment: String::new(),
                }),
            }
        } else if let Some(id) = name.strip_prefix("c.") {
            comments.push((id, value));
        }
    }
    let mut errors = FieldErrors::new();
    for (id, comment) in comments {
        match answers.iter_mut().find(|a| a.question_id == id) {
            Some(answer) => answer.comment = comment.to_owned(),
            None if comment.trim().is_empty() => {}
            None => {
                errors.insert(
                    format!("q.{id}"),
                    i18n::current().t("questionnaire-error-comment-needs-answer"),
                );
            }
        }
    }
    if errors.is_empty() {
        Ok(answers)
    } else {
        Err(AppError::invalid(errors))
    }
}

/// Saves answers (one from the autosave, or a whole step from the plain form). All or
/// nothing: if any answer is invalid nothing is stored and each bad field is named.
/// Returns the progress after saving.
#[tracing::instrument(skip_all, fields(answers = answers.len()))]
pub async fn save(
    state: &AppState,
    token: &str,
    resume: Option<&str>,
    answers: &[SubmittedAnswer],
) -> AppResult<Progress> {
    let (opened, response) = current(state, token, resume).await?;
    opened.require_open(state)?;
    if answers.len() > MAX_ANSWERS_PER_SAVE {
        return Err(AppError::invalid_form(i18n::current().t_with(
            "questionnaire-error-too-many",
            &[("max", MAX_ANSWERS_PER_SAVE.into())],
        )));
    }
    let records = validate(&opened.model, answers)?;
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    // Re-read inside the write transaction: a submit may have won the race.
    let fresh = responses::find(&mut *tx, &response.id)
        .await?
        .ok_or(AppError::NotFound)?;
    if fresh.submitted_at.is_some() {
        return Err(AppError::invalid_form(
            i18n::current().t("questionnaire-error-locked"),
        ));
    }
    for record in &records {
        responses::upsert_answer(&mut *tx, &response.id, record, now).await?;
    }
    responses::touch(&mut *tx, &response.id, now).await?;
    let stored = responses::answers(&mut *tx, &response.id).await?;
    page_changes::announce(
        &mut *tx,
        state.db.backend(),
        PageChange::Response(&response.id),
    )
    .await?;
    tx.commit().await?;
    state.pages.forget_response(&response.id);
    Ok(progress(&opened.model, &fresh, &stored))
}

/// Checks every answer against the model; field names are `q.<question id>` for the choice
/// and `c.<question id>` for the comment, as in the form. Messages are in the request's
/// language.
fn validate(model: &MaturityModel, answers: &[SubmittedAnswer]) -> AppResult<Vec<AnswerRecord>> {
    let i18n = i18n::current();
    let mut errors = FieldErrors::new();
    let mut records = Vec::with_capacity(answers.len());
    for answer in answers {
        let field = format!("q.{}", answer.question_id);
        if model.question(&answer.question_id).is_none() {
            errors.insert(
                field,
                i18n.t_with(
                    "questionnaire-error-no-question",
                    &[("question", answer.question_id.as_str().into())],
                ),
            );
            continue;
        }
        let value = match Answer::parse(&answer.value, model.scale()) {
            Ok(value) => value,
            Err(_) => {
                errors.insert(
                    field,
                    i18n.t_with(
                        "questionnaire-error-level",
                        &[("scale", model.scale().into())],
                    ),
                );
                continue;
            }
        };
        let comment = answer.comment.trim();
        if comment.chars().count() > COMMENT_MAX_CHARS {
            errors.insert(
                format!("c.{}", answer.question_id),
                i18n.t_with(
                    "questionnaire-error-comment-too-long",
                    &[
                        ("max", COMMENT_MAX_CHARS.into()),
                        ("count", comment.chars().count().into()),
                    ],
                ),
            );
            continue;
        }
        records.push(AnswerRecord {
            question_id: answer.question_id.clone(),
            value: value.as_value(),
            comment: comment.to_owned(),
        });
    }
    if errors.is_empty() {
        Ok(records)
    } else {
        Err(AppError::invalid(errors))
    }
}

/// The review page: how many questions each step has answered.
pub async fn review(state: &AppState, token: &str, resume: Option<&str>) -> AppResult<ReviewView> {
    let (opened, response) = current(state, token, resume).await?;
    let answers = responses::answers(state.db.pool(), &response.id).await?;
    let answered: HashMap<&str, ()> = answers
        .iter()
        .map(|a| (a.question_id.as_str(), ()))
        .collect();
    let steps = opened
        .model
        .dimensions
        .iter()
        .enumerate()
        .map(|(i, d)| StepSummary {
            step: i + 1,
            title: d.title.clone(),
            answered: d
                .questions
                .iter()
                .filter(|q| answered.contains_key(q.id.as_str()))
                .count(),
            total: d.questions.len(),
        })
        .collect();
    Ok(ReviewView {
        campaign_name: opened.campaign.name.clone(),
        organisation_name: opened.campaign.organisation_name.clone(),
        function: opened.link.function,
        steps,
        progress: progress(&opened.model, &response, &answers),
    })
}

/// How a submit ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Submitted {
    Now,
    /// It had been submitted before (a double click, a replayed request): nothing changed.
    Already,
}

/// Submits and locks the response. Every question needs an answer ("don't know" and "not
/// applicable" count); a second submit changes nothing.
#[tracing::instrument(skip_all)]
pub async fn submit(state: &AppState, token: &str, resume: Option<&str>) -> AppResult<Submitted> {
    let (opened, response) = current(state, token, resume).await?;
    if response.submitted_at.is_some() {
        return Ok(Submitted::Already);
    }
    opened.require_open(state)?;
    let mut tx = state.db.begin_write().await?;
    let answers = responses::answers(&mut *tx, &response.id).await?;
    let progress = progress(&opened.model, &response, &answers);
    if progress.answered < progress.total {
        let missing = progress.total - progress.answered;
        return Err(AppError::invalid_form(i18n::current().t_with(
            "questionnaire-error-unanswered",
            &[
                ("count", missing.into()),
                ("step", progress.resume_step.into()),
            ],
        )));
    }
    let scale = opened.model.scale();
    let by_question: HashMap<&str, Answer> = answers
        .iter()
        .filter_map(|a| Some((a.question_id.as_str(), Answer::parse(&a.value, scale).ok()?)))
        .collect();
    let frozen = responses::freeze_answers(&opened.model, |id| by_question.get(id).copied());
    if responses::mark_submitted(&mut *tx, &response.id, &frozen, state.clock.now()).await? {
        page_changes::announce(
            &mut *tx,
            state.db.backend(),
            PageChange::Response(&response.id),
        )
        .await?;
        tx.commit().await?;
        state.pages.forget_response(&response.id);
        tracing::info!(campaign = %opened.campaign.id, "response submitted");
        Ok(Submitted::Now)
    } else {
        Ok(Submitted::Already)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Dimension, Question};

    fn model() -> MaturityModel {
        MaturityModel {
            id: "m".into(),
            title: "M".into(),
            version: "1".into(),
            locale: "en".into(),
            level_names: (1..=5).map(|i| format!("L{i}")).collect(),
            intro_html: String::new(),
            dimensions: vec![Dimension {
                id: "d".into(),
                title: "D".into(),
                description_html: String::new(),
                weight: 1.0,
                questions: vec![Question {
                    id: "d-q".into(),
                    text: "Q?".into(),
                    help_html: None,
                    weight: 1.0,
                    levels: (1..=5).map(|i| format!("level {i}")).collect(),
                }],
            }],
        }
    }

    fn answer(question: &str, value: &str, comment: &str) -> SubmittedAnswer {
        SubmittedAnswer {
            question_id: question.into(),
            value: value.into(),
            comment: comment.into(),
        }
    }

    #[test]
    fn valid_answers_are_normalised() {
        let records = validate(&model(), &[answer("d-q", " 4 ", "  fine  ")]).unwrap();
        assert_eq!(records[0].value, "4");
        assert_eq!(records[0].comment, "fine");
    }

    #[test]
    fn each_bad_answer_is_named_by_its_field() {
        let error =
            validate(&model(), &[answer("d-q", "6", ""), answer("nope", "3", "")]).unwrap_err();
        let fields = error.fields();
        assert!(fields["q.d-q"].contains("1 to 5"), "{fields:?}");
        assert!(fields["q.nope"].contains("no question"), "{fields:?}");
    }

    #[test]
    fn a_step_form_becomes_answers_with_their_comments() {
        let fields = [
            ("q.a".to_owned(), "3".to_owned()),
            ("c.a".to_owned(), "why".to_owned()),
            ("q.b".to_owned(), "dont-know".to_owned()),
            ("c.c".to_owned(), "  ".to_owned()),
            ("nav".to_owned(), "next".to_owned()),
        ];
        let answers = answers_from_form(&fields).unwrap();
        assert_eq!(answers.len(), 2);
        assert_eq!(
            (answers[0].question_id.as_str(), answers[0].comment.as_str()),
            ("a", "why")
        );
        assert_eq!(answers[1].value, "dont-know");
    }

    #[test]
    fn a_comment_without_an_answer_is_not_silently_dropped() {
        let fields = [("c.a".to_owned(), "important".to_owned())];
        let error = answers_from_form(&fields).unwrap_err();
        assert!(error.fields().contains_key("q.a"));
    }

    #[test]
    fn oversized_comments_are_refused_with_the_limit() {
        let long = "x".repeat(COMMENT_MAX_CHARS + 1);
        let error = validate(&model(), &[answer("d-q", "3", &long)]).unwrap_err();
        assert!(error.fields()["c.d-q"].contains("1000"));
    }
}
