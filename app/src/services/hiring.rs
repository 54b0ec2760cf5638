//! Hiring the RevOps leader: admins open roles from a rubric, plan the interviews and add
//! candidates; interviewers fill one scorecard per interview; the debrief puts the
//! submitted scorecards side by side with agreement statistics; admins record decisions.
//!
//! The visibility rule is enforced here, once, for pages and the JSON API alike: nobody but
//! its author reads a draft, and an interviewer reads another's submitted scorecard only as
//! the role's rule allows ([`Visibility::allows_peer_view`]). Admins read every submitted one.
//! Everything is scoped to the caller's organisation; other organisations' ids are "not found".

use super::auth::CurrentUser;
use super::tokens::new_id;
use crate::content::user_markdown::render_user_markdown;
use crate::db::accounts;
use crate::db::hiring::{
    self, CandidateRecord, NewCandidate, NewRole, NewStage, RoleRecord, ScorecardDraft,
    ScorecardRecord, StageRecord, StoredCareerEntry, StoredRating,
};
use crate::domain::account::Name;
use crate::domain::debrief::{self, PanelScorecard, RaterCalibration, WeightedCompetency};
use crate::domain::rubric::{
    suggest_weights, CareerFunction, DecisionOutcome, DimensionLevel, Rating, Recommendation,
    Rubric, Visibility,
};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n::{self, Locale};
use crate::models::hiring::{
    CandidateInterview, CandidateScorecards, CandidateSummary, CandidateView, CareerEntry,
    DebriefView, DecisionView, FocusCompetency, FunctionYears, InterviewKit, InterviewStatus,
    KitCompetency, KitQuestion, MemberChoice, MyInterview, RatingView, RoleCompetency, RoleList,
    RoleSummary, RoleView, RubricChoice, ScorecardView, StageView, WeightSuggestion,
};
use crate::state::AppState;
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// Evidence notes longer than this are refused (with a message), never cut.
pub const MAX_EVIDENCE_CHARS: usize = 4_000;
/// Key take-aways and decision rationales likewise.
pub const MAX_NOTE_CHARS: usize = 8_000;
/// The focus competencies an interview covers.
pub const FOCUS_COMPETENCIES: std::ops::RangeInclusive<usize> = 2..=4;
/// Career entries a candidate can have.
pub const MAX_CAREER_ENTRIES: usize = 20;

fn day(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d").to_string()
}

fn minute(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d %H:%M").to_string()
}

fn require_admin(user: &CurrentUser) -> AppResult<()> {
    user.require_campaign_manager()
}

fn is_admin(user: &CurrentUser) -> bool {
    user.role.can_run_campaigns()
}

/// A role of the caller's organisation with its rubric version.
async fn load_role(
    state: &AppState,
    user: &CurrentUser,
    role_id: &str,
) -> AppResult<(RoleRecord, Arc<Rubric>)> {
    let role = hiring::find_role(state.db.pool(), &user.organisation_id, role_id)
        .await?
        .ok_or(AppError::NotFound)?;
    // In the reader's language where the role was opened with a translation: the
    // competency ids, scales and weights are the same in every one.
    let rubric = state
        .content
        .role_rubric(
            &state.db,
            &role.id,
            &role.rubric_hash,
            i18n::current().locale,
        )
        .await?;
    Ok((role, rubric))
}

/// The role's competencies with its weights, in rubric order.
fn weighted(role: &RoleRecord, rubric: &Rubric) -> Vec<WeightedCompetency> {
    rubric
        .competencies
        .iter()
        .map(|c| WeightedCompetency {
            id: c.id.clone(),
            title: c.title.clone(),
            weight: role.weights.get(&c.id).copied().unwrap_or(c.weight),
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Roles and the interview plan
// ---------------------------------------------------------------------------------------

/// The form to open a role.
#[derive(Debug, Clone, Default)]
pub struct OpenRole {
    pub title: String,
    pub rubric_id: String,
    /// Empty: the organisation's rule.
    pub visibility: String,
}

/// The organisation's roles, and what an admin can open them from.
pub async fn list_roles(state: &AppState, user: &CurrentUser) -> AppResult<RoleList> {
    let pool = state.db.pool();
    let roles = hiring::list_roles(pool, &user.organisation_id).await?;
    let stages = hiring::stages_for_organisation(pool, &user.organisation_id).await?;
    let candidates = hiring::candidates_for_organisation(pool, &user.organisation_id).await?;
    let visibility = hiring::organisation_visibility(pool, &user.organisation_id).await?;
    // Each role's rubric in the reader's language: the translation it was opened with, else
    // its English version (as `ContentStore::role_rubric`, in one query for all roles).
    let translated = match i18n::current().locale {
        Locale::En => BTreeMap::new(),
        other => hiring::role_translation_hashes(pool, &user.organisation_id, other.tag()).await?,
    };
    let mut summaries = Vec::with_capacity(roles.len());
    for role in roles {
        let hash = translated.get(&role.id).unwrap_or(&role.rubric_hash);
        let rubric = state.content.rubric_version(&state.db, hash).await?;
        summaries.push(RoleSummary {
            stages: stages.iter().filter(|s| s.role_id == role.id).count(),
            candidates: candidates.iter().filter(|c| c.role_id == role.id).count(),
            opened: day(role.created_at),
            id: role.id,
            title: role.title,
            rubric_title: rubric.title.clone(),
        });
    }
    let rubrics = if is_admin(user) {
        let library = state.content.library();
        let locale = i18n::current().locale.tag();
        library
            .rubrics
            .iter()
            .map(|loaded| RubricChoice {
                id: loaded.rubric.id.clone(),
                // In the reader's language; a role opened from it pins every translation.
                title: library
                    .rubric_in(&loaded.rubric.id, locale)
                    .unwrap_or(loaded)
                    .rubric
                    .title
                    .clone(),
                version: loaded.rubric.version.clone(),
                competencies: loaded.rubric.competencies.len(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let calibration = if is_admin(user) {
        calibration(state, user).await?
    } else {
        Vec::new()
    };
    Ok(RoleList {
        roles: summaries,
        can_manage: is_admin(user),
        rubrics,
        visibility,
        calibration,
    })
}

fn parse_visibility(value: &str, errors: &mut FieldErrors) -> Option<Visibility> {
    let value = value.trim();
    if value.is_empty() || value == "organisation" {
        return None;
    }
    let parsed = Visibility::parse(value);
    if parsed.is_none() {
        errors.insert(
            "visibility".into(),
            i18n::current().t("hiring-error-visibility"),
        );
    }
    parsed
}

/// Opens a role from the current version of a rubric, with the rubric's default weights.
#[tracing::instrument(skip_all)]
pub async fn open_role(state: &AppState, user: &CurrentUser, form: &OpenRole) -> AppResult<String> {
    require_admin(user)?;
    let now = state.clock.now();
    let i18n = i18n::current();
    let mut errors = FieldErrors::new();
    let title = Name::parse(&form.title, &i18n.t("hiring-what-role-title"), i18n)
        .map_err(|e| errors.insert("title".into(), e))
        .ok();
    let rubric = state.content.current_rubric(&form.rubric_id);
    if rubric.is_none() {
        errors.insert("rubric".into(), i18n.t("hiring-error-rubric"));
    }
    let visibility = parse_visibility(&form.visibility, &mut errors);
    let (Some(title), Some(rubric), true) = (title, rubric, errors.is_empty()) else {
        return Err(AppError::invalid(errors));
    };
    let weights: BTreeMap<String, f64> = rubric
        .rubric
        .competencies
        .iter()
        .map(|c| (c.id.clone(), c.weight))
        .collect();
    let id = new_id();
    let mut tx = state.db.begin_write().await?;
    hiring::save_rubric_version(
        &mut *tx,
        &rubric.hash,
        &rubric.rubric.id,
        &rubric.source,
        now,
    )
    .await?;
    hiring::insert_role(
        &mut *tx,
        &NewRole {
            id: &id,
            organisation_id: &user.organisation_id,
            title: title.as_str(),
            rubric_hash: &rubric.hash,
            visibility,
            weights: &weights,
            created_by: &user.user_id,
            created_at: now,
        },
    )
    .await?;
    // Pin the rubric's translations too, so interviewers can rate in their language and
    // keep seeing the wording the role was opened with.
    for locale in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
        if let Some(translation) = state
            .content
            .library()
            .rubric_in(&rubric.rubric.id, locale.tag())
        {
            hiring::save_rubric_version(
                &mut *tx,
                &translation.hash,
                &translation.rubric.id,
                &translation.source,
                now,
            )
            .await?;
            hiring::insert_role_translation(&mut *tx, &id, locale.tag(), &translation.hash).await?;
        }
    }
    tx.commit().await?;
    tracing::info!(role = %id, "role opened");
    Ok(id)
}

/// Sets a role's visibility rule (empty: the organisation's) and competency weights. Weights
/// not given keep their value.
pub async fn update_role(
    state: &AppState,
    user: &CurrentUser,
    role_id: &str,
    visibility: &str,
    weights: &[(String, String)],
) -> AppResult<()> {
    require_admin(user)?;
    let (role, rubric) = load_role(state, user, role_id).await?;
    let i18n = i18n::current();
    let mut errors = FieldErrors::new();
    let visibility = parse_visibility(visibility, &mut errors);
    let mut new_weights = role.weights.clone();
    for (id, value) in weights {
        let field = format!("weight.{id}");
        if rubric.competency(id).is_none() {
            errors.insert(field, i18n.t("hiring-error-weight-competency"));
            continue;
        }
        match value.trim().parse::<f64>() {
            Ok(weight) if weight.is_finite() && (0.0..=10.0).contains(&weight) && weight > 0.0 => {
                new_weights.insert(id.clone(), weight);
            }
            _ => {
                errors.insert(field, i18n.t("hiring-error-weight"));
            }
        }
    }
    if !errors.is_empty() {
        return Err(AppError::invalid(errors));
    }
    let mut tx = state.db.begin_write().await?;
    let updated = hiring::update_role_settings(
        &mut *tx,
        &user.organisation_id,
        &role.id,
        visibility,
        &new_weights,
    )
    .await?;
    tx.commit().await?;
    if updated {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// Sets the organisation's default visibility rule.
pub async fn set_organisation_visibility(
    state: &AppState,
    user: &CurrentUser,
    value: &str,
) -> AppResult<()> {
    require_admin(user)?;
    let visibility = Visibility::parse(value).ok_or_else(|| {
        AppError::field("visibility", i18n::current().t("hiring-error-visibility"))
    })?;
    let mut tx = state.db.begin_write().await?;
    hiring::set_organisation_visibility(&mut *tx, &user.organisation_id, visibility).await?;
    tx.commit().await?;
    Ok(())
}

/// The form to add an interview to a role's plan.
#[derive(Debug, Clone, Default)]
pub struct AddStage {
    pub name: String,
    /// The user id of a member of the organisation.
    pub interviewer_id: String,
    /// Competency ids of the role's rubric.
    pub focus: Vec<String>,
}

/// Adds an interview at the end of a role's plan. Returns the stage's id.
pub async fn add_stage(
    state: &AppState,
    user: &CurrentUser,
    role_id: &str,
    form: &AddStage,
) -> AppResult<String> {
    require_admin(user)?;
    let (role, rubric) = load_role(state, user, role_id).await?;
    let i18n = i18n::current();
    let mut errors = FieldErrors::new();
    let name = Name::parse(&form.name, &i18n.t("hiring-what-stage-name"), i18n)
        .map_err(|e| errors.insert("name".into(), e))
        .ok();
    let members = accounts::list_members(state.db.pool(), &user.organisation_id).await?;
    if !members.iter().any(|m| m.user_id == form.interviewer_id) {
        errors.insert("interviewer".into(), i18n.t("hiring-error-interviewer"));
    }
    let mut focus = Vec::new();
    for id in &form.focus {
        if rubric.competency(id).is_none() {
            errors.insert(
                "focus".into(),
                i18n.t_with("hiring-error-focus-unknown", &[("id", id.as_str().into())]),
            );
        } else if !focus.contains(id) {
            focus.push(id.clone());
        }
    }
    if !errors.contains_key("focus") && !FOCUS_COMPETENCIES.contains(&focus.len()) {
        errors.insert(
            "focus".into(),
            i18n.t_with(
                "hiring-error-focus-count",
                &[
                    ("min", FOCUS_COMPETENCIES.start().to_string().into()),
                    ("max", FOCUS_COMPETENCIES.end().to_string().into()),
                    ("chosen", focus.len().to_string().into()),
                ],
            ),
        );
    }
    let (Some(name), true) = (name, errors.is_empty()) else {
        return Err(AppError::invalid(errors));
    };
    // Rubric order, so every page lists them the same way.
    focus.sort_by_key(|id| rubric.competencies.iter().position(|c| &c.id == id));
    let id = new_id();
    let mut tx = state.db.begin_write().await?;
    hiring::insert_stage(
        &mut *tx,
        &NewStage {
            id: &id,
            role_id: &role.id,
            name: name.as_str(),
            interviewer_id: &form.interviewer_id,
            focus: &focus,
            created_at: state.clock.now(),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// The form to add a candidate; `career` rows are (title, function, years) as typed.
#[derive(Debug, Clone, Default)]
pub struct AddCandidate {
    pub name: String,
    pub current_title: String,
    pub career: Vec<(String, String, String)>,
}

/// Adds a candidate to a role. Returns the candidate's id.
pub async fn add_candidate(
    state: &AppState,
    user: &CurrentUser,
    role_id: &str,
    form: &AddCandidate,
) -> AppResult<String> {
    require_admin(user)?;
    let (role, _) = load_role(state, user, role_id).await?;
    let i18n = i18n::current();
    let mut errors = FieldErrors::new();
    let name = Name::parse(&form.name, &i18n.t("hiring-what-candidate-name"), i18n)
        .map_err(|e| errors.insert("name".into(), e))
        .ok();
    let current_title = Name::parse(
        &form.current_title,
        &i18n.t("hiring-what-candidate-title"),
        i18n,
    )
    .map_err(|e| errors.insert("current_title".into(), e))
    .ok();
    let mut career = Vec::new();
    if form.career.len() > MAX_CAREER_ENTRIES {
        errors.insert(
            "career".into(),
            i18n.t_with(
                "hiring-error-career-count",
                &[("max", MAX_CAREER_ENTRIES.to_string().into())],
            ),
        );
    }
    for (index, (title, function, years)) in form.career.iter().enumerate() {
        if title.trim().is_empty() && function.trim().is_empty() && years.trim().is_empty() {
            continue; // an empty row of the form
        }
        let n = index + 1;
        let role_n: (&str, i18n::Arg<'_>) = ("n", n.to_string().into());
        let what = i18n.t_with("hiring-what-career-title", std::slice::from_ref(&role_n));
        let title = Name::parse(title, &what, i18n)
            .map_err(|e| errors.insert(format!("career.{index}.title"), e))
            .ok();
        let function = CareerFunction::parse(function);
        if function.is_none() {
            errors.insert(
                format!("career.{index}.function"),
                i18n.t_with(
                    "hiring-error-career-function",
                    std::slice::from_ref(&role_n),
                ),
            );
        }
        let years = match years.trim().replace(',', ".").parse::<f64>() {
            Ok(y) if y.is_finite() && y > 0.0 && y <= 50.0 => Some(y),
            _ => {
                errors.insert(
                    format!("career.{index}.years"),
                    i18n.t_with("hiring-error-career-years", std::slice::from_ref(&role_n)),
                );
                None
            }
        };
        if let (Some(title), Some(function), Some(years)) = (title, function, years) {
            career.push(StoredCareerEntry {
                title: title.as_str().to_owned(),
                function: function.as_str().to_owned(),
                years,
            });
        }
    }
    let (Some(name), Some(current_title), true) = (name, current_title, errors.is_empty()) else {
        return Err(AppError::invalid(errors));
    };
    let id = new_id();
    let mut tx = state.db.begin_write().await?;
    hiring::insert_candidate(
        &mut *tx,
        &NewCandidate {
            id: &id,
            role_id: &role.id,
            name: name.as_str(),
            current_title: current_title.as_str(),
            career: &career,
            created_by: &user.user_id,
            created_at: state.clock.now(),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

fn stage_view(stage: &StageRecord, rubric: &Rubric) -> StageView {
    StageView {
        id: stage.id.clone(),
        position: stage.position,
        name: stage.name.clone(),
        interviewer_name: stage.interviewer_name.clone(),
        focus: stage
            .focus
            .iter()
            .map(|id| FocusCompetency {
                id: id.clone(),
                title: rubric
                    .competency(id)
                    .map_or_else(|| id.clone(), |c| c.title.clone()),
            })
            .collect(),
    }
}

fn career_entries(candidate: &CandidateRecord) -> Vec<CareerEntry> {
    candidate
        .career
        .iter()
        .map(|entry| CareerEntry {
            title: entry.title.clone(),
            function: CareerFunction::parse(&entry.function).unwrap_or(CareerFunction::Other),
            years: entry.years,
        })
        .collect()
}

/// Years per function, largest first (ties in the functions' order).
fn breadth(career: &[CareerEntry]) -> Vec<FunctionYears> {
    let mut years: Vec<FunctionYears> = CareerFunction::ALL
        .iter()
        .map(|&function| FunctionYears {
            function,
            years: career
                .iter()
                .filter(|e| e.function == function)
                .map(|e| e.years)
                .sum(),
        })
        .filter(|f| f.years > 0.0)
        .collect();
    years.sort_by(|a, b| b.years.total_cmp(&a.years));
    years
}

/// How many of the revenue functions (not "other") a career has been in.
fn functions_worked_in(career: &[CareerEntry]) -> usize {
    breadth(career)
        .iter()
        .filter(|f| f.function != CareerFunction::Other)
        .count()
}

/// Everything about the organisation's hiring that pages need in one read.
struct HiringData {
    stages: Vec<StageRecord>,
    candidates: Vec<CandidateRecord>,
    /// (stage id, candidate id) -> submitted?
    scorecards: HashMap<(String, String), bool>,
    decisions: Vec<(String, hiring::DecisionRecord)>,
}

async fn hiring_data(state: &AppState, user: &CurrentUser) -> AppResult<HiringData> {
    let pool = state.db.pool();
    let org = &user.organisation_id;
    Ok(HiringData {
        stages: hiring::stages_for_organisation(pool, org).await?,
        candidates: hiring::candidates_for_organisation(pool, org).await?,
        scorecards: hiring::scorecard_states(pool, org)
            .await?
            .into_iter()
            .map(|(stage, candidate, submitted)| ((stage, candidate), submitted))
            .collect(),
        decisions: hiring::decisions_for_organisation(pool, org).await?,
    })
}

impl HiringData {
    fn status(&self, stage_id: &str, candidate_id: &str) -> InterviewStatus {
        match self
            .scorecards
            .get(&(stage_id.to_owned(), candidate_id.to_owned()))
        {
            None => InterviewStatus::NotStarted,
            Some(false) => InterviewStatus::Draft,
            Some(true) => InterviewStatus::Submitted,
        }
    }

    fn latest_decision(&self, candidate_id: &str) -> Option<DecisionOutcome> {
        self.decisions
            .iter()
            .find(|(id, _)| id == candidate_id)
            .map(|(_, d)| d.outcome)
    }
}

/// One role: its competencies and weights, plan, candidates; for admins also the members
/// who can interview and the candidates compared.
pub async fn role(state: &AppState, user: &CurrentUser, role_id: &str) -> AppResult<RoleView> {
    let (role, rubric) = load_role(state, user, role_id).await?;
    let data = hiring_data(state, user).await?;
    let stages: Vec<&StageRecord> = data
        .stages
        .iter()
        .filter(|s| s.role_id == role.id)
        .collect();
    let candidates: Vec<&CandidateRecord> = data
        .candidates
        .iter()
        .filter(|c| c.role_id == role.id)
        .collect();
    let admin = is_admin(user);
    // Members see the candidates of roles they interview for, and no decisions: who else
    // is being considered, and how it ended, is the hiring team's business.
    let on_panel = stages.iter().any(|s| s.interviewer_id == user.user_id);
    let candidates: Vec<&CandidateRecord> = if admin || on_panel {
        candidates
    } else {
        Vec::new()
    };
    let competencies = weighted(&role, &rubric);
    let comparison = if admin {
        let submitted =
            hiring::submitted_scorecards_for_organisation(state.db.pool(), &user.organisation_id)
                .await?;
        let rows: Vec<(String, String, Vec<PanelScorecard>)> = candidates
            .iter()
            .map(|c| {
                let panel = submitted
                    .iter()
                    .filter(|s| s.candidate_id == c.id)
                    .map(|s| panel_scorecard(s, &rubric))
                    .collect();
                (c.id.clone(), c.name.clone(), panel)
            })
            .collect();
        Some(debrief::compare(&competencies, &rows))
    } else {
        None
    };
    let (suggestions, suggestions_from) = if admin {
        weight_suggestions(state, user, &rubric, &competencies).await?
    } else {
        (Vec::new(), None)
    };
    let members = if admin {
        accounts::list_members(state.db.pool(), &user.organisation_id)
            .await?
            .into_iter()
            .map(|m| MemberChoice {
                id: m.user_id,
                name: m.display_name,
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(RoleView {
        visibility: role.visibility(),
        visibility_inherited: role.own_visibility.is_none(),
        can_manage: admin,
        competencies: competencies
            .into_iter()
            .map(|c| RoleCompetency {
                id: c.id,
                title: c.title,
                weight: c.weight,
            })
            .collect(),
        stages: stages.iter().map(|s| stage_view(s, &rubric)).collect(),
        candidates: candidates
            .iter()
            .map(|c| {
                let career = career_entries(c);
                CandidateSummary {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    current_title: c.current_title.clone(),
                    functions_worked_in: functions_worked_in(&career),
                    scorecards_submitted: stages
                        .iter()
                        .filter(|s| data.status(&s.id, &c.id) == InterviewStatus::Submitted)
                        .count(),
                    interviews: stages.len(),
                    decision: admin.then(|| data.latest_decision(&c.id)).flatten(),
                }
            })
            .collect(),
        members,
        suggestions,
        suggestions_from,
        comparison,
        id: role.id,
        title: role.title,
        rubric_title: rubric.title.clone(),
        rubric_version: rubric.version.clone(),
    })
}

/// Weights suggested from the organisation's newest assessment with submitted responses,
/// and that assessment's name; nothing when there is none.
async fn weight_suggestions(
    state: &AppState,
    user: &CurrentUser,
    rubric: &Rubric,
    current: &[WeightedCompetency],
) -> AppResult<(Vec<WeightSuggestion>, Option<String>)> {
    let campaigns =
        crate::db::campaigns::list_for_organisation(state.db.pool(), &user.organisation_id).await?;
    for campaign in campaigns {
        let view = super::assessments::results(state, user, &campaign.id).await?;
        if view.results.respondents == 0 {
            continue;
        }
        let scale = view.level_names.len() as u8;
        let levels: Vec<DimensionLevel> = view
            .results
            .dimensions
            .iter()
            .filter_map(|d| {
                Some(DimensionLevel {
                    id: d.id.clone(),
                    title: d.title.clone(),
                    level: d.summary.mean?,
                    scale,
                })
            })
            .collect();
        let suggestions = suggest_weights(rubric, &levels, i18n::current())
            .into_iter()
            .zip(current)
            .map(|(s, c)| WeightSuggestion {
                competency_id: s.competency_id,
                competency_title: c.title.clone(),
                current: c.weight,
                suggested: s.suggested,
                reason: s.reason,
            })
            .collect();
        return Ok((suggestions, Some(campaign.name)));
    }
    Ok((Vec::new(), None))
}

/// Each interviewer's average deviation from the rest of their panels, across every
/// candidate of the organisation (admins only).
pub async fn calibration(state: &AppState, user: &CurrentUser) -> AppResult<Vec<RaterCalibration>> {
    require_admin(user)?;
    let submitted =
        hiring::submitted_scorecards_for_organisation(state.db.pool(), &user.organisation_id)
            .await?;
    let roles = hiring::list_roles(state.db.pool(), &user.organisation_id).await?;
    let candidates =
        hiring::candidates_for_organisation(state.db.pool(), &user.organisation_id).await?;
    let mut panels = Vec::new();
    for candidate in &candidates {
        let Some(role) = roles.iter().find(|r| r.id == candidate.role_id) else {
            continue;
        };
        let rubric = state
            .content
            .rubric_version(&state.db, &role.rubric_hash)
            .await?;
        panels.push(
            submitted
                .iter()
                .filter(|s| s.candidate_id == candidate.id)
                .map(|s| panel_scorecard(s, &rubric))
                .collect::<Vec<_>>(),
        );
    }
    Ok(debrief::calibration(&panels))
}

// ---------------------------------------------------------------------------------------
// Candidates, interviews and scorecards
// ---------------------------------------------------------------------------------------

/// A candidate of the caller's organisation with its role and the role's rubric.
async fn load_candidate(
    state: &AppState,
    user: &CurrentUser,
    candidate_id: &str,
) -> AppResult<(CandidateRecord, RoleRecord, Arc<Rubric>)> {
    let candidate = hiring::find_candidate(state.db.pool(), &user.organisation_id, candidate_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (role, rubric) = load_role(state, user, &candidate.role_id).await?;
    Ok((candidate, role, rubric))
}

/// Whether the viewer may read other interviewers' submitted scorecards of a candidate.
fn may_read_peers(
    user: &CurrentUser,
    role: &RoleRecord,
    stages: &[&StageRecord],
    scorecards: &[ScorecardRecord],
) -> bool {
    if is_admin(user) {
        return true;
    }
    let own: Vec<&&StageRecord> = stages
        .iter()
        .filter(|s| s.interviewer_id == user.user_id)
        .collect();
    if own.is_empty() {
        // Not on this candidate's panel: members outside the panel read nothing.
        return false;
    }
    let submitted_own = own.iter().all(|stage| {
        scorecards
            .iter()
            .any(|s| s.stage_id == stage.id && s.submitted_at.is_some())
    });
    role.visibility().allows_peer_view(submitted_own)
}

/// One candidate: career, breadth, interviews and decisions. Members who are neither admins
/// nor on the candidate's panel get "no access".
pub async fn candidate(
    state: &AppState,
    user: &CurrentUser,
    candidate_id: &str,
) -> AppResult<CandidateView> {
    let (candidate, role, _) = load_candidate(state, user, candidate_id).await?;
    let data = hiring_data(state, user).await?;
    let stages: Vec<&StageRecord> = data
        .stages
        .iter()
        .filter(|s| s.role_id == role.id)
        .collect();
    let on_panel = stages.iter().any(|s| s.interviewer_id == user.user_id);
    if !is_admin(user) && !on_panel {
        return Err(AppError::Forbidden);
    }
    let scorecards = hiring::scorecards_for_candidate(state.db.pool(), &candidate.id).await?;
    let career = career_entries(&candidate);
    Ok(CandidateView {
        interviews: stages
            .iter()
            .map(|s| CandidateInterview {
                stage_id: s.id.clone(),
                stage_name: s.name.clone(),
                interviewer_name: s.interviewer_name.clone(),
                status: data.status(&s.id, &candidate.id),
                mine: s.interviewer_id == user.user_id,
            })
            .collect(),
        decisions: decision_views(&data.decisions, &candidate.id),
        can_manage: is_admin(user),
        can_see_debrief: may_read_peers(user, &role, &stages, &scorecards),
        breadth: breadth(&career),
        career,
        id: candidate.id,
        role_id: role.id,
        role_title: role.title,
        name: candidate.name,
        current_title: candidate.current_title,
    })
}

fn decision_views(
    decisions: &[(String, hiring::DecisionRecord)],
    candidate_id: &str,
) -> Vec<DecisionView> {
    decisions
        .iter()
        .filter(|(id, _)| id == candidate_id)
        .map(|(_, d)| DecisionView {
            outcome: d.outcome,
            rationale: d.rationale.clone(),
            rationale_html: render_user_markdown(&d.rationale),
            decided_by: d.decided_by_name.clone(),
            decided_at: minute(d.decided_at),
        })
        .collect()
}

/// The interviews the caller conducts, across the organisation's roles.
pub async fn my_interviews(state: &AppState, user: &CurrentUser) -> AppResult<Vec<MyInterview>> {
    let data = hiring_data(state, user).await?;
    let roles = hiring::list_roles(state.db.pool(), &user.organisation_id).await?;
    let mut interviews = Vec::new();
    for stage in data
        .stages
        .iter()
        .filter(|s| s.interviewer_id == user.user_id)
    {
        let role_title = roles
            .iter()
            .find(|r| r.id == stage.role_id)
            .map(|r| r.title.clone())
            .unwrap_or_default();
        for candidate in data
            .candidates
            .iter()
            .filter(|c| c.role_id == stage.role_id)
        {
            interviews.push(MyInterview {
                stage_id: stage.id.clone(),
                stage_name: stage.name.clone(),
                candidate_id: candidate.id.clone(),
                candidate_name: candidate.name.clone(),
                role_title: role_title.clone(),
                status: data.status(&stage.id, &candidate.id),
            });
        }
    }
    Ok(interviews)
}

/// A stage of the candidate's role, or not found.
async fn load_interview(
    state: &AppState,
    user: &CurrentUser,
    stage_id: &str,
    candidate_id: &str,
) -> AppResult<(StageRecord, CandidateRecord, RoleRecord, Arc<Rubric>)> {
    let (candidate, role, rubric) = load_candidate(state, user, candidate_id).await?;
    let stage = hiring::stages_for_role(state.db.pool(), &role.id)
        .await?
        .into_iter()
        .find(|s| s.id == stage_id)
        .ok_or(AppError::NotFound)?;
    Ok((stage, candidate, role, rubric))
}

fn scorecard_view(
    record: Option<&ScorecardRecord>,
    stage: &StageRecord,
    candidate_id: &str,
    rubric: &Rubric,
) -> ScorecardView {
    let ratings = stage
        .focus
        .iter()
        .map(|id| {
            let stored = record.and_then(|r| r.ratings.get(id));
            let evidence = stored.map(|s| s.evidence.clone()).unwrap_or_default();
            RatingView {
                competency_id: id.clone(),
                competency_title: rubric
                    .competency(id)
                    .map_or_else(|| id.clone(), |c| c.title.clone()),
                rating: stored
                    .and_then(|s| s.rating.as_deref())
                    .and_then(|v| Rating::parse(v, rubric.scale()).ok()),
                evidence_html: render_user_markdown(&evidence),
                evidence,
            }
        })
        .collect();
    let takeaways = record.map(|r| r.takeaways.clone()).unwrap_or_default();
    ScorecardView {
        stage_id: stage.id.clone(),
        stage_name: stage.name.clone(),
        candidate_id: candidate_id.to_owned(),
        interviewer_name: stage.interviewer_name.clone(),
        status: match record {
            None => InterviewStatus::NotStarted,
            Some(r) if r.submitted_at.is_some() => InterviewStatus::Submitted,
            Some(_) => InterviewStatus::Draft,
        },
        ratings,
        recommendation: record.and_then(|r| r.recommendation),
        takeaways_html: render_user_markdown(&takeaways),
        takeaways,
        submitted_at: record.and_then(|r| r.submitted_at).map(minute),
    }
}

/// The interview kit and the caller's own scorecard. Only the stage's interviewer.
pub async fn interview_kit(
    state: &AppState,
    user: &CurrentUser,
    stage_id: &str,
    candidate_id: &str,
) -> AppResult<InterviewKit> {
    let (stage, candidate, role, rubric) =
        load_interview(state, user, stage_id, candidate_id).await?;
    if stage.interviewer_id != user.user_id {
        return Err(AppError::Forbidden);
    }
    let record = hiring::find_scorecard(state.db.pool(), &stage.id, &candidate.id).await?;
    let focus = stage
        .focus
        .iter()
        .filter_map(|id| rubric.competency(id))
        .map(|c| KitCompetency {
            id: c.id.clone(),
            title: c.title.clone(),
            definition_html: c.definition_html.clone(),
            anchors: c.anchors.clone(),
            questions: c
                .questions
                .iter()
                .map(|q| KitQuestion {
                    text: q.text.clone(),
                    note_html: q.note_html.clone(),
                    follow_ups: q.follow_ups.clone(),
                })
                .collect(),
        })
        .collect();
    Ok(InterviewKit {
        scorecard: scorecard_view(record.as_ref(), &stage, &candidate.id, &rubric),
        stage_id: stage.id,
        stage_name: stage.name,
        candidate_id: candidate.id,
        candidate_name: candidate.name,
        role_title: role.title,
        level_names: rubric.level_names.clone(),
        intro_html: rubric.intro_html.clone(),
        focus,
    })
}

/// A scorecard as posted: per focus competency a rating value (`1`..`4`, `no-evidence`, or
/// empty) and an evidence note; the recommendation value; the take-aways.
#[derive(Debug, Clone, Default)]
pub struct ScorecardInput {
    pub ratings: BTreeMap<String, (String, String)>,
    pub recommendation: String,
    pub takeaways: String,
}

impl ScorecardInput {
    /// Reads `rating.<id>`, `evidence.<id>`, `recommendation` and `takeaways` form fields.
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut input = ScorecardInput::default();
        for (key, value) in pairs {
            if let Some(id) = key.strip_prefix("rating.") {
                input.ratings.entry(id.to_owned()).or_default().0 = value.clone();
            } else if let Some(id) = key.strip_prefix("evidence.") {
                input.ratings.entry(id.to_owned()).or_default().1 = value.clone();
            } else if key == "recommendation" {
                input.recommendation = value.clone();
            } else if key == "takeaways" {
                input.takeaways = value.clone();
            }
        }
        input
    }
}

/// Saves the caller's scorecard as a draft, or submits it (`submit`), which locks it. A
/// draft may be incomplete; a submission needs every focus competency rated (or "no
/// evidence"), an evidence note for every level, and a recommendation. Whatever is wrong is
/// reported per field and nothing is saved.
#[tracing::instrument(skip_all)]
pub async fn save_scorecard(
    state: &AppState,
    user: &CurrentUser,
    stage_id: &str,
    candidate_id: &str,
    input: &ScorecardInput,
    submit: bool,
) -> AppResult<ScorecardView> {
    let (stage, candidate, _, rubric) = load_interview(state, user, stage_id, candidate_id).await?;
    if stage.interviewer_id != user.user_id {
        return Err(AppError::Forbidden);
    }
    let i18n = i18n::current();
    let mut errors = FieldErrors::new();
    let mut ratings = BTreeMap::new();
    for id in input.ratings.keys() {
        if !stage.focus.contains(id) {
            errors.insert(
                format!("rating.{id}"),
                i18n.t_with("hiring-error-rating-unknown", &[("id", id.as_str().into())]),
            );
        }
    }
    for id in &stage.focus {
        let (value, evidence) = input.ratings.get(id).cloned().unwrap_or_default();
        let title = rubric
            .competency(id)
            .map_or(id.as_str(), |c| c.title.as_str());
        let competency: (&str, i18n::Arg<'_>) = ("competency", title.into());
        let rating = if value.trim().is_empty() {
            if submit {
                errors.insert(
                    format!("rating.{id}"),
                    i18n.t_with(
                        "hiring-error-rating-missing",
                        std::slice::from_ref(&competency),
                    ),
                );
            }
            None
        } else {
            match Rating::parse(&value, rubric.scale()) {
                Ok(rating) => Some(rating),
                Err(_) => {
                    errors.insert(
                        format!("rating.{id}"),
                        i18n.t_with(
                            "hiring-error-rating-level",
                            &[("scale", rubric.scale().to_string().into())],
                        ),
                    );
                    None
                }
            }
        };
        let evidence = evidence.trim().to_owned();
        if evidence.chars().count() > MAX_EVIDENCE_CHARS {
            errors.insert(
                format!("evidence.{id}"),
                i18n.t_with(
                    "hiring-error-evidence-long",
                    &[
                        competency.clone(),
                        ("max", MAX_EVIDENCE_CHARS.to_string().into()),
                        ("count", evidence.chars().count().to_string().into()),
                    ],
                ),
            );
        } else if submit && matches!(rating, Some(Rating::Level(_))) && evidence.is_empty() {
            errors.insert(
                format!("evidence.{id}"),
                i18n.t_with(
                    "hiring-error-evidence-missing",
                    std::slice::from_ref(&competency),
                ),
            );
        }
        ratings.insert(
            id.clone(),
            StoredRating {
                rating: rating.map(Rating::as_value),
                evidence,
            },
        );
    }
    let recommendation = match input.recommendation.trim() {
        "" => {
            if submit {
                errors.insert(
                    "recommendation".into(),
                    i18n.t("hiring-error-recommendation-missing"),
                );
            }
            None
        }
        value => {
            let parsed = Recommendation::parse(value);
            if parsed.is_none() {
                errors.insert(
                    "recommendation".into(),
                    i18n.t("hiring-error-recommendation"),
                );
            }
            parsed
        }
    };
    let takeaways = input.takeaways.trim();
    if takeaways.chars().count() > MAX_NOTE_CHARS {
        errors.insert(
            "takeaways".into(),
            i18n.t_with(
                "hiring-error-takeaways-long",
                &[
                    ("max", MAX_NOTE_CHARS.to_string().into()),
                    ("count", takeaways.chars().count().to_string().into()),
                ],
            ),
        );
    }
    if !errors.is_empty() {
        return Err(AppError::invalid(errors));
    }
    let id = new_id();
    let mut tx = state.db.begin_write().await?;
    let saved = hiring::save_scorecard(
        &mut *tx,
        &ScorecardDraft {
            id: &id,
            stage_id: &stage.id,
            candidate_id: &candidate.id,
            interviewer_id: &user.user_id,
            ratings: &ratings,
            recommendation,
            takeaways,
            now: state.clock.now(),
            submit,
        },
    )
    .await?;
    tx.commit().await?;
    if !saved {
        return Err(AppError::invalid_form(i18n.t("hiring-error-locked")));
    }
    let record = hiring::find_scorecard(state.db.pool(), &stage.id, &candidate.id).await?;
    Ok(scorecard_view(
        record.as_ref(),
        &stage,
        &candidate.id,
        &rubric,
    ))
}

/// A submitted scorecard as the debrief reads it.
fn panel_scorecard(record: &ScorecardRecord, rubric: &Rubric) -> PanelScorecard {
    PanelScorecard {
        interviewer_id: record.interviewer_id.clone(),
        interviewer_name: record.interviewer_name.clone(),
        ratings: record
            .ratings
            .iter()
            .filter_map(|(id, stored)| {
                let rating = Rating::parse(stored.rating.as_deref()?, rubric.scale()).ok()?;
                Some((id.clone(), rating))
            })
            .collect(),
        recommendation: record.recommendation,
    }
}

/// The scorecards of a candidate the caller may read: their own (draft or submitted), and
/// others' submitted ones as the rule allows. Members neither admin nor on the panel: no access.
pub async fn candidate_scorecards(
    state: &AppState,
    user: &CurrentUser,
    candidate_id: &str,
) -> AppResult<CandidateScorecards> {
    let (candidate, role, rubric) = load_candidate(state, user, candidate_id).await?;
    let all_stages = hiring::stages_for_role(state.db.pool(), &role.id).await?;
    let stages: Vec<&StageRecord> = all_stages.iter().collect();
    if !is_admin(user) && !stages.iter().any(|s| s.interviewer_id == user.user_id) {
        return Err(AppError::Forbidden);
    }
    let records = hiring::scorecards_for_candidate(state.db.pool(), &candidate.id).await?;
    let peers = may_read_peers(user, &role, &stages, &records);
    let mut visible = Vec::new();
    let mut hidden_submitted = 0;
    let mut pending = 0;
    for stage in &stages {
        let record = records.iter().find(|r| r.stage_id == stage.id);
        let mine = stage.interviewer_id == user.user_id;
        let submitted = record.is_some_and(|r| r.submitted_at.is_some());
        if mine {
            visible.insert(0, scorecard_view(record, stage, &candidate.id, &rubric));
        } else if !submitted {
            pending += 1;
        } else if peers {
            visible.push(scorecard_view(record, stage, &candidate.id, &rubric));
        } else {
            hidden_submitted += 1;
        }
    }
    let rule = role.visibility();
    let i18n = i18n::current();
    let hidden_reason = (hidden_submitted > 0).then(|| match rule {
        Visibility::Never => i18n.t("hiring-hidden-never"),
        _ => i18n.t("hiring-hidden-submit-first"),
    });
    Ok(CandidateScorecards {
        candidate_id: candidate.id,
        rule,
        scorecards: visible,
        hidden_submitted,
        pending,
        hidden_reason,
    })
}

/// The debrief: for admins always, for interviewers of the panel once the rule lets them
/// read the others' scorecards.
pub async fn debrief(
    state: &AppState,
    user: &CurrentUser,
    candidate_id: &str,
) -> AppResult<DebriefView> {
    let (candidate, role, rubric) = load_candidate(state, user, candidate_id).await?;
    let all_stages = hiring::stages_for_role(state.db.pool(), &role.id).await?;
    let stages: Vec<&StageRecord> = all_stages.iter().collect();
    let records = hiring::scorecards_for_candidate(state.db.pool(), &candidate.id).await?;
    if !may_read_peers(user, &role, &stages, &records) {
        return Err(AppError::Forbidden);
    }
    // In the order of the interview plan, so the grid's columns follow the interviews.
    let submitted: Vec<&ScorecardRecord> = stages
        .iter()
        .filter_map(|stage| {
            records
                .iter()
                .find(|r| r.stage_id == stage.id && r.submitted_at.is_some())
        })
        .collect();
    let panel: Vec<PanelScorecard> = submitted
        .iter()
        .map(|r| panel_scorecard(r, &rubric))
        .collect();
    let scorecards = submitted
        .iter()
        .filter_map(|r| {
            let stage = stages.iter().find(|s| s.id == r.stage_id)?;
            Some(scorecard_view(Some(r), stage, &candidate.id, &rubric))
        })
        .collect();
    let decisions =
        hiring::decisions_for_organisation(state.db.pool(), &user.organisation_id).await?;
    Ok(DebriefView {
        debrief: debrief::debrief(&weighted(&role, &rubric), &panel),
        scorecards,
        pending: stages.len().saturating_sub(submitted.len()),
        decisions: decision_views(&decisions, &candidate.id),
        can_decide: is_admin(user),
        level_names: rubric.level_names.clone(),
        candidate_id: candidate.id,
        candidate_name: candidate.name,
        role_id: role.id,
        role_title: role.title,
    })
}

/// Records a decision (admins). The rationale is required.
pub async fn decide(
    state: &AppState,
    user: &CurrentUser,
    candidate_id: &str,
    outcome: &str,
    rationale: &str,
) -> AppResult<()> {
    require_admin(user)?;
    let (candidate, _, _) = load_candidate(state, user, candidate_id).await?;
    let i18n = i18n::current();
    let mut errors = FieldErrors::new();
    let outcome = DecisionOutcome::parse(outcome);
    if outcome.is_none() {
        errors.insert("outcome".into(), i18n.t("hiring-error-outcome"));
    }
    let rationale = rationale.trim();
    if rationale.is_empty() {
        errors.insert("rationale".into(), i18n.t("hiring-error-rationale-missing"));
    } else if rationale.chars().count() > MAX_NOTE_CHARS {
        errors.insert(
            "rationale".into(),
            i18n.t_with(
                "hiring-error-rationale-long",
                &[("max", MAX_NOTE_CHARS.to_string().into())],
            ),
        );
    }
    let (Some(outcome), true) = (outcome, errors.is_empty()) else {
        return Err(AppError::invalid(errors));
    };
    let mut tx = state.db.begin_write().await?;
    hiring::insert_decision(
        &mut *tx,
        &new_id(),
        &candidate.id,
        outcome,
        rationale,
        &user.user_id,
        state.clock.now(),
    )
    .await?;
    tx.commit().await?;
    tracing::info!(candidate = %candidate.id, outcome = outcome.as_str(), "hiring decision recorded");
    Ok(())
}
