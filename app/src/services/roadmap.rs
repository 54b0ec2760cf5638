//! Transformation roadmaps and the executive report, per campaign: settings and targets,
//! the plan from the initiative library, people's decisions (pin, move, drop, owner, done)
//! that survive re-planning, the history of who changed what, the comparison with the
//! earlier campaign on the same model, and the report that brings it all together.
//!
//! Everyone in the organisation may read a campaign's roadmap and report (as they may read
//! its results); executives (owners and admins) change them. The plan is recomputed on
//! every read from the stored decisions and the anonymised results, so there is nothing to
//! keep in sync.

use super::assessments::{self, computed_results};
use super::auth::CurrentUser;
use super::hiring;
use super::roadmap_history::{settings_changes, Effect, Entry, Titles};
use crate::db::campaigns::{self, CampaignRecord};
use crate::db::roadmaps::{self, InitiativeRecord};
use crate::domain::account::Name;
use crate::domain::initiative::Initiative;
use crate::domain::model::MaturityModel;
use crate::domain::planner::{self, level, Choice, DimensionState, PerceptionGapInfo, PlanInput};
use crate::domain::results::CampaignResults;
use crate::domain::roadmap::{parse_settings, RoadmapSettings, SettingsInput};
use crate::error::{AppError, AppResult};
use crate::i18n::{current, I18n};
use crate::models::roadmap::{
    CandidateStatus, ChangeView, DimensionChange, DimensionTarget, DoneInitiative, HiringStatus,
    OrgDesignStep, PhaseView, Reassessment, ReportView, RoadmapItem, RoadmapView, SettingsView,
};
use crate::state::AppState;
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap};

/// How many lines of history a roadmap shows.
const HISTORY_LINES: i64 = 50;

fn day(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d").to_string()
}

/// Everything a roadmap is computed from.
struct Loaded {
    record: CampaignRecord,
    model: std::sync::Arc<MaturityModel>,
    results: CampaignResults,
    settings: RoadmapSettings,
    saved: bool,
    decisions: Vec<InitiativeRecord>,
}

async fn load(state: &AppState, user: &CurrentUser, campaign_id: &str) -> AppResult<Loaded> {
    let record = assessments::find(state, user, campaign_id).await?;
    let (model, results) = computed_results(state, &record).await?;
    let stored = roadmaps::settings(state.db.pool(), &record.id).await?;
    let saved = stored.is_some();
    let settings =
        stored.unwrap_or_else(|| RoadmapSettings::defaults(record.created_at.date_naive()));
    let decisions = roadmaps::initiatives(state.db.pool(), &record.id).await?;
    Ok(Loaded {
        record,
        model,
        results,
        settings,
        saved,
        decisions,
    })
}

/// The dimension's widest perception gap as the planner and the page name it.
fn gap_info(results: &CampaignResults, dimension_id: &str) -> Option<PerceptionGapInfo> {
    results
        .gaps
        .iter()
        .find(|g| g.dimension_id == dimension_id && g.question_id.is_none())
        .map(|g| PerceptionGapInfo {
            high: g.high.function.label().to_owned(),
            low: g.low.function.label().to_owned(),
            gap: g.size,
        })
}

fn dimension_targets(loaded: &Loaded) -> Vec<DimensionTarget> {
    loaded
        .results
        .dimensions
        .iter()
        .map(|d| DimensionTarget {
            id: d.id.clone(),
            title: d.title.clone(),
            current: d.summary.mean,
            target: loaded.settings.target(&d.id, d.summary.mean),
            target_set: loaded.settings.targets.contains_key(&d.id),
            perception_gap: gap_info(&loaded.results, &d.id),
        })
        .collect()
}

fn lifts_text(initiative: &Initiative, model: &MaturityModel) -> String {
    initiative
        .lifts
        .iter()
        .map(|lift| {
            let title = model
                .dimension(&lift.dimension)
                .map_or(lift.dimension.as_str(), |d| d.title.as_str());
            format!("{title} {} \u{2192} {}", lift.from, lift.to)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The library's initiatives (in English: the plan is made from them; ids, efforts and
/// lifts are the same in every translation) and the plan for the loaded state.
fn planned(
    state: &AppState,
    loaded: &Loaded,
    dimensions: &[DimensionTarget],
) -> (Vec<Initiative>, planner::Plan) {
    let initiatives: Vec<Initiative> = state
        .content
        .library()
        .initiatives
        .iter()
        .map(|l| (*l.initiative).clone())
        .collect();
    let states: Vec<DimensionState> = dimensions
        .iter()
        .filter_map(|d| {
            Some(DimensionState {
                id: d.id.clone(),
                title: d.title.clone(),
                weight: loaded.model.dimension(&d.id).map_or(1.0, |m| m.weight),
                current: d.current?,
                target: d.target,
                perception_gap: d.perception_gap.clone(),
            })
        })
        .collect();
    let choices: BTreeMap<String, Choice> = loaded
        .decisions
        .iter()
        .filter_map(|d| Some((d.initiative_id.clone(), d.choice?)))
        .collect();
    let plan = planner::plan(&PlanInput {
        dimensions: &states,
        initiatives: &initiatives,
        phases: loaded.settings.phases,
        capacity_weeks: loaded.settings.capacity_weeks,
        choices: &choices,
    });
    (initiatives, plan)
}

/// What the reader sees of an initiative (title, KPIs): the library's translation into the
/// request's language where it has one, the English initiative otherwise.
fn shown_initiative<'a>(state: &'a AppState, id: &str) -> Option<&'a Initiative> {
    let library = state.content.library();
    library
        .initiative_in(id, current().locale.tag())
        .or_else(|| library.initiative(id))
        .map(|l| &*l.initiative)
}

/// The plan for the loaded state, as the page shows it.
fn plan_view(state: &AppState, loaded: &Loaded, dimensions: &[DimensionTarget]) -> PlannedRoadmap {
    let (initiatives, plan) = planned(state, loaded, dimensions);
    let by_id: HashMap<&str, &Initiative> =
        initiatives.iter().map(|i| (i.id.as_str(), i)).collect();
    let decisions: HashMap<&str, &InitiativeRecord> = loaded
        .decisions
        .iter()
        .map(|d| (d.initiative_id.as_str(), d))
        .collect();
    let i18n = current();
    let shown = |id: &str| shown_initiative(state, id);
    let title = |id: &str| shown(id).map(|i| i.title.clone());
    let words = |why: &planner::Reason| why.words(i18n, &title);
    let item =
        |id: &str, phase: Option<usize>, pinned: bool, reason: String| -> Option<RoadmapItem> {
            let initiative = by_id.get(id)?;
            let text = shown(id)?;
            let decision = decisions.get(id);
            Some(RoadmapItem {
                id: initiative.id.clone(),
                title: text.title.clone(),
                effort_weeks: initiative.effort_weeks,
                impact: initiative.impact,
                owner_function: initiative.owner,
                owner: decision.and_then(|d| d.owner.clone()),
                phase,
                pinned,
                reason,
                lifts: lifts_text(initiative, &loaded.model),
                kpis: text.kpis.clone(),
                requires: initiative
                    .requires
                    .iter()
                    .filter_map(|r| shown(r).map(|i| i.title.clone()))
                    .collect(),
                org_design: initiative.org_design,
                done_on: decision.and_then(|d| d.done_at).map(day),
                done_by: decision.and_then(|d| d.done_by_name.clone()),
            })
        };
    let phases = plan
        .phases
        .iter()
        .map(|phase| PhaseView {
            index: phase.index,
            label: loaded.settings.phase_label(phase.index),
            starts_on: loaded.settings.phase_start(phase.index).to_string(),
            ends_on: loaded.settings.phase_end(phase.index).to_string(),
            effort_weeks: phase.effort_weeks,
            capacity_weeks: loaded.settings.capacity_weeks,
            initiatives: phase
                .initiatives
                .iter()
                .filter_map(|p| item(&p.id, Some(phase.index), p.pinned, words(&p.why)))
                .collect(),
        })
        .collect();
    let unscheduled = plan
        .unscheduled
        .iter()
        .filter_map(|u| item(&u.id, None, false, words(&u.why)))
        .collect();
    let dropped = loaded
        .decisions
        .iter()
        .filter(|d| d.choice == Some(Choice::Drop))
        .filter_map(|d| {
            item(
                &d.initiative_id,
                None,
                false,
                i18n.t("roadmap-dropped-reason"),
            )
        })
        .collect();
    PlannedRoadmap {
        phases,
        unscheduled,
        dropped,
        projections: plan.projections,
    }
}

struct PlannedRoadmap {
    phases: Vec<PhaseView>,
    unscheduled: Vec<RoadmapItem>,
    dropped: Vec<RoadmapItem>,
    projections: Vec<planner::DimensionProjection>,
}

/// A campaign's roadmap.
pub async fn roadmap(
    state: &AppState,
    user: &CurrentUser,
    campaign_id: &str,
) -> AppResult<RoadmapView> {
    let loaded = load(state, user, campaign_id).await?;
    roadmap_from(state, user, loaded).await
}

async fn roadmap_from(
    state: &AppState,
    user: &CurrentUser,
    loaded: Loaded,
) -> AppResult<RoadmapView> {
    let dimensions = dimension_targets(&loaded);
    let planned = plan_view(state, &loaded, &dimensions);
    let changes = roadmaps::changes(state.db.pool(), &loaded.record.id, HISTORY_LINES).await?;
    let history: Vec<ChangeView> = {
        let titles = shown_titles(state, &loaded);
        changes
            .into_iter()
            .map(|c| ChangeView {
                at: c.at.format("%Y-%m-%d %H:%M").to_string(),
                who: c.actor_name,
                // Lines from before the details were kept have their English words only.
                what: c
                    .details
                    .as_deref()
                    .and_then(|json| serde_json::from_str::<Entry>(json).ok())
                    .map_or(c.description, |entry| entry.words(current(), &titles)),
            })
            .collect()
    };
    let previous = reassessment(state, user, &loaded).await?;
    let settings = SettingsView {
        phases: loaded.settings.phases,
        capacity_weeks: loaded.settings.capacity_weeks,
        phase_length: loaded.settings.phase_length,
        starts_on: loaded.settings.starts_on.to_string(),
        saved: loaded.saved,
    };
    let summary = assessments::summary(state, user, loaded.record).await?;
    Ok(RoadmapView {
        summary,
        can_edit: user.role.can_run_campaigns(),
        settings,
        dimensions,
        phases: planned.phases,
        unscheduled: planned.unscheduled,
        dropped: planned.dropped,
        projections: planned.projections,
        history,
        previous,
    })
}

/// The most recent earlier campaign on the same model with submitted responses, compared
/// with this one; with the initiatives of its roadmap marked done since it was launched.
async fn reassessment(
    state: &AppState,
    user: &CurrentUser,
    loaded: &Loaded,
) -> AppResult<Option<Reassessment>> {
    let all = campaigns::list_for_organisation(state.db.pool(), &user.organisation_id).await?;
    // Newest first; only those launched strictly before this one are earlier.
    let earlier = all
        .into_iter()
        .filter(|c| c.created_at < loaded.record.created_at);
    for candidate in earlier {
        let model = state
            .content
            .version(&state.db, &candidate.model_hash)
            .await?;
        if model.id != loaded.model.id {
            continue;
        }
        let (_, results) = computed_results(state, &candidate).await?;
        if results.respondents == 0 {
            continue;
        }
        let before: HashMap<&str, Option<f64>> = results
            .dimensions
            .iter()
            .map(|d| (d.id.as_str(), d.summary.mean))
            .collect();
        let changes = loaded
            .results
            .dimensions
            .iter()
            .map(|d| DimensionChange {
                id: d.id.clone(),
                title: d.title.clone(),
                before: before.get(d.id.as_str()).copied().flatten(),
                after: d.summary.mean,
            })
            .collect();
        let mut done: Vec<DoneInitiative> = roadmaps::initiatives(state.db.pool(), &candidate.id)
            .await?
            .into_iter()
            .filter_map(|d| {
                let at = d.done_at.filter(|at| *at >= candidate.created_at)?;
                Some(DoneInitiative {
                    title: shown_initiative(state, &d.initiative_id)
                        .map_or_else(|| d.initiative_id.clone(), |i| i.title.clone()),
                    id: d.initiative_id,
                    done_on: day(at),
                    done_by: d.done_by_name,
                })
            })
            .collect();
        done.sort_by(|a, b| a.done_on.cmp(&b.done_on).then_with(|| a.id.cmp(&b.id)));
        return Ok(Some(Reassessment {
            campaign_id: candidate.id,
            campaign_name: candidate.name,
            launched: day(candidate.created_at),
            changes,
            done,
        }));
    }
    Ok(None)
}

/// Writes a line of the history: its data, and its words in English (what older readers
/// of the table have).
async fn record_history(
    tx: &mut crate::db::WriteTransaction,
    campaign_id: &str,
    initiative_id: Option<&str>,
    actor_id: &str,
    now: DateTime<Utc>,
    entry: &Entry,
) -> AppResult<()> {
    let details = serde_json::to_string(entry).map_err(|_| AppError::Internal)?;
    let description = entry.words(I18n::default(), &Titles::recorded());
    roadmaps::record_change(
        &mut **tx,
        campaign_id,
        initiative_id,
        actor_id,
        now,
        &description,
        &details,
    )
    .await?;
    Ok(())
}

/// Initiative and dimension titles in the reader's language, for history lines.
fn shown_titles<'a>(state: &'a AppState, loaded: &'a Loaded) -> Titles<'a> {
    Titles {
        initiative: Box::new(move |id| shown_initiative(state, id).map(|i| i.title.clone())),
        dimension: Box::new(move |id| loaded.model.dimension(id).map(|d| d.title.clone())),
    }
}

/// Saves the settings and targets. Validation errors name each field.
#[tracing::instrument(skip_all)]
pub async fn save_settings(
    state: &AppState,
    user: &CurrentUser,
    campaign_id: &str,
    input: &SettingsInput,
) -> AppResult<()> {
    user.require_campaign_manager()?;
    let record = assessments::find(state, user, campaign_id).await?;
    let model = state.content.version(&state.db, &record.model_hash).await?;
    let ids: Vec<&str> = model.dimensions.iter().map(|d| d.id.as_str()).collect();
    let settings = parse_settings(input, &ids, current()).map_err(AppError::invalid)?;
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    let before = roadmaps::settings(&mut *tx, &record.id)
        .await?
        .unwrap_or_else(|| RoadmapSettings::defaults(record.created_at.date_naive()));
    roadmaps::save_settings(&mut *tx, &record.id, &settings, &user.user_id, now).await?;
    let entry = Entry::Settings {
        changes: settings_changes(&before, &settings, &model),
    };
    record_history(&mut tx, &record.id, None, &user.user_id, now, &entry).await?;
    tx.commit().await?;
    Ok(())
}

/// What someone does to one initiative of a roadmap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InitiativeAction {
    /// Keep it in this 0-based phase (also how it is moved).
    Pin {
        phase: usize,
    },
    Drop,
    /// Forget the pin or drop: the planner decides again.
    Restore,
    /// Set (or, with an empty name, clear) the person responsible.
    Owner(String),
    Done,
    NotDone,
}

impl InitiativeAction {
    /// From a form: `action` is `move` (with `phase`, 1-based as shown), `drop`, `restore`,
    /// `owner` (with `owner`), `done` or `not-done`.
    pub fn from_form(action: &str, phase: &str, owner: &str) -> AppResult<Self> {
        match action.trim() {
            "move" | "pin" => match phase.trim().parse::<usize>() {
                Ok(p) if p >= 1 => Ok(InitiativeAction::Pin { phase: p - 1 }),
                _ => Err(AppError::field(
                    "phase",
                    current().t("roadmap-error-choose-phase"),
                )),
            },
            "drop" => Ok(InitiativeAction::Drop),
            "restore" => Ok(InitiativeAction::Restore),
            "owner" => Ok(InitiativeAction::Owner(owner.to_owned())),
            "done" => Ok(InitiativeAction::Done),
            "not-done" => Ok(InitiativeAction::NotDone),
            _ => Err(AppError::invalid_form(
                current().t("roadmap-error-unknown-action"),
            )),
        }
    }
}

/// Applies one action to one initiative and records it in the history (as data, worded for
/// each reader). Returns a sentence saying what was done, in the request's language.
#[tracing::instrument(skip_all)]
pub async fn change_initiative(
    state: &AppState,
    user: &CurrentUser,
    campaign_id: &str,
    initiative_id: &str,
    action: &InitiativeAction,
) -> AppResult<String> {
    user.require_campaign_manager()?;
    let loaded = load(state, user, campaign_id).await?;
    let initiative = &state
        .content
        .library()
        .initiative(initiative_id)
        .ok_or(AppError::NotFound)?
        .initiative;
    let change = Change {
        phases: loaded.settings.phases,
        planned_phase: current_phase(state, &loaded, &initiative.id),
        now: state.clock.now(),
        user_id: &user.user_id,
    };
    let mut tx = state.db.begin_write().await?;
    let mut record = roadmaps::lock_initiative(&mut tx, &loaded.record.id, &initiative.id).await?;
    let effect = change.apply(action, &mut record)?;
    roadmaps::save_initiative(&mut *tx, &loaded.record.id, &record).await?;
    let entry = Entry::Initiative {
        id: initiative.id.clone(),
        title: initiative.title.clone(),
        effect,
    };
    record_history(
        &mut tx,
        &loaded.record.id,
        Some(&initiative.id),
        &user.user_id,
        change.now,
        &entry,
    )
    .await?;
    tx.commit().await?;
    let words = entry.words(current(), &shown_titles(state, &loaded));
    Ok(words)
}

/// What an action on one initiative needs to know besides its stored decisions.
struct Change<'a> {
    phases: usize,
    /// Where the plan puts it now, if anywhere.
    planned_phase: Option<usize>,
    now: DateTime<Utc>,
    user_id: &'a str,
}

impl Change<'_> {
    /// Applies `action` to `record`; returns what it did, or why it does not apply.
    fn apply(&self, action: &InitiativeAction, record: &mut InitiativeRecord) -> AppResult<Effect> {
        let i18n = current();
        Ok(match action {
            InitiativeAction::Pin { phase } => {
                if *phase >= self.phases {
                    return Err(AppError::field(
                        "phase",
                        i18n.t_with("roadmap-error-phase-range", &[("max", self.phases.into())]),
                    ));
                }
                record.choice = Some(Choice::Pin { phase: *phase });
                match self.planned_phase {
                    Some(was) if was != *phase => Effect::Moved {
                        from: was,
                        to: *phase,
                    },
                    _ => Effect::Pinned { phase: *phase },
                }
            }
            InitiativeAction::Drop => {
                if record.done_at.is_some() {
                    return Err(AppError::invalid_form(i18n.t("roadmap-error-drop-done")));
                }
                record.choice = Some(Choice::Drop);
                Effect::Dropped
            }
            InitiativeAction::Restore => {
                record.choice = None;
                Effect::Restored
            }
            InitiativeAction::Owner(name) if name.trim().is_empty() => {
                record.owner = None;
                Effect::ClearedOwner
            }
            InitiativeAction::Owner(name) => {
                let name = Name::parse(name, &i18n.t("roadmap-what-owner-name"), i18n)
                    .map_err(|e| AppError::field("owner", e))?;
                record.owner = Some(name.as_str().to_owned());
                Effect::Owner(name.as_str().to_owned())
            }
            InitiativeAction::Done => {
                if record.done_at.is_some() {
                    return Err(AppError::invalid_form(i18n.t("roadmap-error-already-done")));
                }
                // Keep it where it is: a done initiative must not move when the plan changes.
                match (record.choice, self.planned_phase) {
                    (Some(Choice::Pin { .. }), _) => {}
                    (_, Some(phase)) => record.choice = Some(Choice::Pin { phase }),
                    (_, None) => {
                        return Err(AppError::invalid_form(
                            i18n.t("roadmap-error-done-unscheduled"),
                        ))
                    }
                }
                record.done_at = Some(self.now);
                record.done_by = Some(self.user_id.to_owned());
                Effect::MarkedDone
            }
            InitiativeAction::NotDone => {
                if record.done_at.is_none() {
                    return Err(AppError::invalid_form(i18n.t("roadmap-error-not-done")));
                }
                record.done_at = None;
                record.done_by = None;
                Effect::MarkedNotDone
            }
        })
    }
}

/// The phase the plan puts an initiative in now, if any.
fn current_phase(state: &AppState, loaded: &Loaded, initiative_id: &str) -> Option<usize> {
    let (_, plan) = planned(state, loaded, &dimension_targets(loaded));
    plan.phases
        .iter()
        .find(|p| p.initiatives.iter().any(|i| i.id == initiative_id))
        .map(|p| p.index)
}

/// The executive report of a campaign.
pub async fn report(
    state: &AppState,
    user: &CurrentUser,
    campaign_id: &str,
) -> AppResult<ReportView> {
    let loaded = load(state, user, campaign_id).await?;
    let results = loaded.results.clone();
    let level_names = loaded.model.level_names.clone();
    let roadmap = roadmap_from(state, user, loaded).await?;
    let hiring = hiring_status(state, user).await?;
    let top_gaps = results
        .gaps
        .iter()
        .filter(|g| g.question_id.is_none())
        .take(3)
        .cloned()
        .collect();
    let org_design = org_design_steps(&roadmap);
    let summary = summary_sentences(&roadmap, &results, &level_names, I18n::default());
    Ok(ReportView {
        generated_on: day(state.clock.now()),
        roadmap,
        results,
        level_names,
        summary,
        top_gaps,
        org_design,
        hiring,
    })
}

fn org_design_steps(roadmap: &RoadmapView) -> Vec<OrgDesignStep> {
    let scheduled = roadmap.phases.iter().flat_map(|phase| {
        phase
            .initiatives
            .iter()
            .filter(|i| i.org_design)
            .map(move |i| OrgDesignStep {
                id: i.id.clone(),
                title: i.title.clone(),
                phase: Some(phase.label.clone()),
                reason: i.reason.clone(),
            })
    });
    let waiting = roadmap
        .unscheduled
        .iter()
        .filter(|i| i.org_design)
        .map(|i| OrgDesignStep {
            id: i.id.clone(),
            title: i.title.clone(),
            phase: None,
            reason: i.reason.clone(),
        });
    scheduled.chain(waiting).collect()
}

async fn hiring_status(state: &AppState, user: &CurrentUser) -> AppResult<Vec<HiringStatus>> {
    let roles = hiring::list_roles(state, user).await?;
    let mut out = Vec::with_capacity(roles.roles.len());
    for summary in roles.roles {
        let role = hiring::role(state, user, &summary.id).await?;
        out.push(HiringStatus {
            role_id: role.id,
            title: role.title,
            stages: role.stages.len(),
            candidates: role
                .candidates
                .into_iter()
                .map(|c| CandidateStatus {
                    id: c.id,
                    name: c.name,
                    scorecards_submitted: c.scorecards_submitted,
                    interviews: c.interviews,
                    decision: c.decision,
                })
                .collect(),
        });
    }
    Ok(out)
}

/// Joins "a", "b" and "c" as "a, b and c" (`a、b 和 c`).
fn and_list(items: &[String], i18n: I18n) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => i18n.t_with(
            "roadmap-list-and",
            &[
                ("init", init.join(&i18n.t("roadmap-list-separator")).into()),
                ("last", last.as_str().into()),
            ],
        ),
    }
}

/// The report's summary in plain words, one sentence per entry, worded by `i18n`: the
/// report (and its Markdown export) in English, the report page in the reader's language.
pub fn summary_sentences(
    roadmap: &RoadmapView,
    results: &CampaignResults,
    level_names: &[String],
    i18n: I18n,
) -> Vec<String> {
    let mut out = Vec::new();
    let functions: Vec<String> = results
        .by_function
        .iter()
        .map(|f| i18n.t(f.function.label_key()).to_lowercase())
        .collect();
    if results.respondents == 0 {
        out.push(i18n.t("roadmap-summary-no-answers"));
        return out;
    }
    let count = ("count", results.respondents.into());
    let overall = match results.overall.mean {
        Some(mean) => {
            let mut args = vec![
                count,
                ("functions", and_list(&functions, i18n).into()),
                ("level", level(mean).into()),
                ("max", level_names.len().into()),
            ];
            match level_names.get((mean.round() as usize).saturating_sub(1)) {
                Some(name) => {
                    args.push(("name", name.as_str().into()));
                    i18n.t_with("roadmap-summary-overall-named", &args)
                }
                None => i18n.t_with("roadmap-summary-overall", &args),
            }
        }
        None => i18n.t_with("roadmap-summary-no-level", &[count]),
    };
    out.push(overall);
    let rated: Vec<(&str, f64)> = results
        .dimensions
        .iter()
        .filter_map(|d| Some((d.title.as_str(), d.summary.mean?)))
        .collect();
    let strongest = rated
        .iter()
        .copied()
        .reduce(|a, b| if b.1 > a.1 { b } else { a });
    let weakest = rated
        .iter()
        .copied()
        .reduce(|a, b| if b.1 < a.1 { b } else { a });
    if let (Some(s), Some(w)) = (strongest, weakest) {
        if rated.len() > 1 {
            out.push(i18n.t_with(
                "roadmap-summary-strongest-weakest",
                &[
                    ("strongest", s.0.into()),
                    ("strongest_level", level(s.1).into()),
                    ("weakest", w.0.into()),
                    ("weakest_level", level(w.1).into()),
                ],
            ));
        }
    }
    let gaps: Vec<String> = results
        .gaps
        .iter()
        .filter(|g| g.question_id.is_none())
        .take(3)
        .map(|g| {
            i18n.t_with(
                "roadmap-summary-gap",
                &[
                    ("sentence", g.sentence_in(i18n).into()),
                    ("gap", level(g.size).into()),
                ],
            )
        })
        .collect();
    if gaps.is_empty() {
        out.push(i18n.t("roadmap-summary-no-gaps"));
    } else {
        out.push(i18n.t_with(
            "roadmap-summary-gaps",
            &[("gaps", gaps.join(&i18n.t("roadmap-kpi-separator")).into())],
        ));
    }
    let scheduled = roadmap.scheduled().count();
    if scheduled == 0 {
        out.push(i18n.t("roadmap-summary-nothing-planned"));
    } else {
        let reached = roadmap
            .projections
            .iter()
            .filter(|p| p.levels.last().is_some_and(|l| *l + 1e-9 >= p.target))
            .count();
        let last = roadmap
            .phases
            .last()
            .map(|p| i18n.day(&p.ends_on))
            .unwrap_or_default();
        out.push(i18n.t_with(
            "roadmap-summary-plan",
            &[
                ("initiatives", scheduled.into()),
                ("phases", roadmap.phases.len().into()),
                ("until", last.into()),
                ("reached", reached.into()),
                ("dimensions", roadmap.projections.len().into()),
            ],
        ));
    }
    if let Some(previous) = &roadmap.previous {
        let moved: Vec<String> = previous
            .changes
            .iter()
            .filter_map(|c| Some((c, c.delta()?)))
            .filter(|(_, d)| d.abs() >= 0.05)
            .map(|(c, d)| format!("{} {}{}", c.title, if d > 0.0 { "+" } else { "" }, level(d)))
            .collect();
        let since = [
            ("campaign", previous.campaign_name.as_str().into()),
            ("date", i18n.day(&previous.launched).into()),
        ];
        out.push(if moved.is_empty() {
            i18n.t_with("roadmap-summary-since-unchanged", &since)
        } else {
            let mut args = since.to_vec();
            args.push((
                "moved",
                moved.join(&i18n.t("roadmap-list-separator")).into(),
            ));
            i18n.t_with("roadmap-summary-since", &args)
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_come_from_the_form_with_one_based_phases() {
        assert_eq!(
            InitiativeAction::from_form("move", "3", "").unwrap(),
            InitiativeAction::Pin { phase: 2 }
        );
        assert!(InitiativeAction::from_form("move", "0", "").is_err());
        assert!(InitiativeAction::from_form("move", "", "").is_err());
        assert!(InitiativeAction::from_form("explode", "", "").is_err());
        assert_eq!(
            InitiativeAction::from_form("owner", "", "Dana").unwrap(),
            InitiativeAction::Owner("Dana".into())
        );
    }
}
