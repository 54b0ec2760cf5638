//! What the roadmap and executive report pages (and their exports) show for one campaign.
//! Built from the campaign's anonymised results only, so nothing here can identify a
//! respondent.

use crate::domain::initiative::Impact;
use crate::domain::model::Function;
use crate::domain::planner::{DimensionProjection, PerceptionGapInfo};
use crate::domain::results::{CampaignResults, PerceptionGap};
use crate::domain::roadmap::PhaseLength;
use crate::domain::rubric::DecisionOutcome;
use crate::models::assessment::CampaignSummary;
use serde::{Deserialize, Serialize};

/// A campaign's roadmap: settings, targets, the plan and its history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RoadmapView {
    pub summary: CampaignSummary,
    /// Executives (owners and admins) change settings and decisions; everyone else reads.
    pub can_edit: bool,
    pub settings: SettingsView,
    /// One per model dimension, in model order.
    pub dimensions: Vec<DimensionTarget>,
    /// One per phase, in order.
    pub phases: Vec<PhaseView>,
    /// Candidates that found no phase, with why.
    pub unscheduled: Vec<RoadmapItem>,
    /// Initiatives people dropped: never planned, listed so they can be restored.
    pub dropped: Vec<RoadmapItem>,
    /// Level per dimension now and after each phase.
    pub projections: Vec<DimensionProjection>,
    /// Who changed what, newest first (the latest 50).
    pub history: Vec<ChangeView>,
    /// The earlier campaign on the same model, if any, compared with this one.
    pub previous: Option<Reassessment>,
}

impl RoadmapView {
    /// Every scheduled initiative, phase by phase.
    pub fn scheduled(&self) -> impl Iterator<Item = &RoadmapItem> {
        self.phases.iter().flat_map(|p| p.initiatives.iter())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SettingsView {
    pub phases: usize,
    pub capacity_weeks: f64,
    pub phase_length: PhaseLength,
    /// `YYYY-MM-DD`.
    pub starts_on: String,
    /// False while every setting is still its default.
    pub saved: bool,
}

/// Where one dimension stands and where the executive wants it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DimensionTarget {
    pub id: String,
    pub title: String,
    /// Everyone's mean; `None` without level answers (then it is not planned for).
    pub current: Option<f64>,
    pub target: f64,
    /// True when the executive set this target (false: the default, current + 1).
    pub target_set: bool,
    /// The widest gap between two functions shown on their own.
    pub perception_gap: Option<PerceptionGapInfo>,
}

/// One phase of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PhaseView {
    /// 0-based.
    pub index: usize,
    /// "Phase 1 · Jan 2027 – Mar 2027".
    pub label: String,
    /// `YYYY-MM-DD`.
    pub starts_on: String,
    pub ends_on: String,
    pub effort_weeks: f64,
    pub capacity_weeks: f64,
    pub initiatives: Vec<RoadmapItem>,
}

/// One initiative as the roadmap shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RoadmapItem {
    pub id: String,
    pub title: String,
    pub effort_weeks: f64,
    pub impact: Impact,
    /// The function the library says owns it.
    pub owner_function: Function,
    /// The person responsible, as someone typed it.
    pub owner: Option<String>,
    /// 0-based phase; `None` when not scheduled.
    pub phase: Option<usize>,
    /// Placed by a person (pinned or moved) rather than by the planner.
    pub pinned: bool,
    /// Why it is where it is, in words.
    pub reason: String,
    /// "Data 2 → 3; Tech stack 2 → 3".
    pub lifts: String,
    pub kpis: Vec<String>,
    /// Titles of its prerequisites.
    pub requires: Vec<String>,
    pub org_design: bool,
    /// `YYYY-MM-DD` when it was marked done, and by whom.
    pub done_on: Option<String>,
    pub done_by: Option<String>,
}

/// One line of history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChangeView {
    /// `YYYY-MM-DD HH:MM` UTC.
    pub at: String,
    pub who: String,
    pub what: String,
}

/// This campaign against the earlier one on the same model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Reassessment {
    pub campaign_id: String,
    pub campaign_name: String,
    /// `YYYY-MM-DD` the earlier campaign was launched.
    pub launched: String,
    /// One per dimension of this campaign's model, in model order.
    pub changes: Vec<DimensionChange>,
    /// Initiatives of the earlier campaign's roadmap marked done since it was launched.
    pub done: Vec<DoneInitiative>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DimensionChange {
    pub id: String,
    pub title: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

impl DimensionChange {
    /// `after - before` when both exist.
    pub fn delta(&self) -> Option<f64> {
        Some(self.after? - self.before?)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DoneInitiative {
    pub id: String,
    pub title: String,
    pub done_on: String,
    pub done_by: Option<String>,
}

/// The executive report: everything on one page, and what the exports are made from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReportView {
    pub roadmap: RoadmapView,
    pub results: CampaignResults,
    pub level_names: Vec<String>,
    /// The summary in plain words, one sentence per entry.
    pub summary: Vec<String>,
    /// The largest perception gaps on whole dimensions (at most three).
    pub top_gaps: Vec<PerceptionGap>,
    /// Organisation-design steps: the org-design initiatives of the plan, in phase order,
    /// and those still needed but not scheduled.
    pub org_design: Vec<OrgDesignStep>,
    /// The RevOps-leader roles the viewer may see, with their candidates' state.
    pub hiring: Vec<HiringStatus>,
    /// `YYYY-MM-DD` the report was produced.
    pub generated_on: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OrgDesignStep {
    pub id: String,
    pub title: String,
    /// The phase label it is planned in, or `None` when not scheduled.
    pub phase: Option<String>,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct HiringStatus {
    pub role_id: String,
    pub title: String,
    /// Interviews planned per candidate.
    pub stages: usize,
    /// Empty for people who may not see the role's candidates.
    pub candidates: Vec<CandidateStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CandidateStatus {
    pub id: String,
    pub name: String,
    pub scorecards_submitted: usize,
    pub interviews: usize,
    pub decision: Option<DecisionOutcome>,
}

impl CandidateStatus {
    /// "Debrief ready", "2 of 3 scorecards in", "Hired", ...
    pub fn state(&self) -> String {
        match self.decision {
            Some(outcome) => format!("Decided: {}", outcome.label()),
            None if self.interviews == 0 => "No interviews planned".to_owned(),
            None if self.scorecards_submitted >= self.interviews => "Debrief ready".to_owned(),
            None => format!(
                "{} of {} scorecards in",
                self.scorecards_submitted, self.interviews
            ),
        }
    }
}
