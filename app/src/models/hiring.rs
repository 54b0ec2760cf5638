//! What the hiring pages and the JSON API show: roles, their interview plan, candidates,
//! interview kits, scorecards (only those the visibility rule lets the viewer read), the
//! debrief and decisions. Never another interviewer's draft.

use crate::domain::debrief::{Comparison, Debrief, RaterCalibration};
use crate::domain::rubric::{CareerFunction, DecisionOutcome, Rating, Recommendation, Visibility};
use crate::tr_key;
use serde::{Deserialize, Serialize};

/// A rubric a role can be opened from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RubricChoice {
    pub id: String,
    pub title: String,
    pub version: String,
    pub competencies: usize,
}

/// The organisation's roles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RoleList {
    pub roles: Vec<RoleSummary>,
    /// Admins open roles and manage interview plans.
    pub can_manage: bool,
    /// Empty for people who may not open roles.
    pub rubrics: Vec<RubricChoice>,
    /// The organisation's default visibility rule for scorecards.
    pub visibility: Visibility,
    /// For admins: how each interviewer rates compared with their panels. Empty otherwise.
    pub calibration: Vec<RaterCalibration>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RoleSummary {
    pub id: String,
    pub title: String,
    pub rubric_title: String,
    pub stages: usize,
    pub candidates: usize,
    /// `YYYY-MM-DD` (UTC).
    pub opened: String,
}

/// A competency with the weight this role gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RoleCompetency {
    pub id: String,
    pub title: String,
    pub weight: f64,
}

/// One interview of the plan: every candidate of the role has it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct StageView {
    pub id: String,
    pub position: usize,
    pub name: String,
    pub interviewer_name: String,
    /// The focus competencies, in rubric order.
    pub focus: Vec<FocusCompetency>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FocusCompetency {
    pub id: String,
    pub title: String,
}

/// A member an admin can make an interviewer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MemberChoice {
    pub id: String,
    pub name: String,
}

/// A suggested weight for a competency from the organisation's latest assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct WeightSuggestion {
    pub competency_id: String,
    pub competency_title: String,
    pub current: f64,
    pub suggested: f64,
    /// Why, in words ("Addresses Data and single source of truth, rated 1.8 of 5 ...").
    pub reason: Option<String>,
}

/// One role with its plan and candidates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RoleView {
    pub id: String,
    pub title: String,
    pub rubric_title: String,
    pub rubric_version: String,
    /// The rule in force for this role.
    pub visibility: Visibility,
    /// True when the role follows the organisation's rule rather than its own.
    pub visibility_inherited: bool,
    pub can_manage: bool,
    pub competencies: Vec<RoleCompetency>,
    pub stages: Vec<StageView>,
    pub candidates: Vec<CandidateSummary>,
    /// For admins: the members who can interview. Empty otherwise.
    pub members: Vec<MemberChoice>,
    /// For admins: weights suggested from the latest assessment; empty without one.
    pub suggestions: Vec<WeightSuggestion>,
    /// For admins: the assessment the suggestions come from.
    pub suggestions_from: Option<String>,
    /// For admins: the candidates side by side (submitted scorecards only).
    pub comparison: Option<Comparison>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CandidateSummary {
    pub id: String,
    pub name: String,
    pub current_title: String,
    /// How many of marketing, sales, customer success and operations they have worked in.
    pub functions_worked_in: usize,
    pub scorecards_submitted: usize,
    pub interviews: usize,
    pub decision: Option<DecisionOutcome>,
}

/// One role in a candidate's career.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CareerEntry {
    pub title: String,
    pub function: CareerFunction,
    pub years: f64,
}

/// Years per function over a whole career.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FunctionYears {
    pub function: CareerFunction,
    pub years: f64,
}

/// Where an interview of a candidate stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum InterviewStatus {
    NotStarted,
    Draft,
    Submitted,
}

impl InterviewStatus {
    pub fn label(self) -> &'static str {
        match self {
            InterviewStatus::NotStarted => "Not started",
            InterviewStatus::Draft => "Draft",
            InterviewStatus::Submitted => "Submitted",
        }
    }

    /// The catalogue key of [`Self::label`], for pages: `i18n.t(x.label_key())`.
    pub fn label_key(self) -> &'static str {
        match self {
            InterviewStatus::NotStarted => tr_key!("label-interview-status-not-started"),
            InterviewStatus::Draft => tr_key!("label-interview-status-draft"),
            InterviewStatus::Submitted => tr_key!("label-interview-status-submitted"),
        }
    }
}

/// An interview of a candidate as the candidate page lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CandidateInterview {
    pub stage_id: String,
    pub stage_name: String,
    pub interviewer_name: String,
    pub status: InterviewStatus,
    /// The viewer is this interview's interviewer.
    pub mine: bool,
}

/// A recorded hiring decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DecisionView {
    pub outcome: DecisionOutcome,
    pub rationale: String,
    /// The rationale rendered from Markdown, safely.
    pub rationale_html: String,
    pub decided_by: String,
    /// `YYYY-MM-DD HH:MM` (UTC).
    pub decided_at: String,
}

/// One candidate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CandidateView {
    pub id: String,
    pub role_id: String,
    pub role_title: String,
    pub name: String,
    pub current_title: String,
    pub career: Vec<CareerEntry>,
    /// Years per function, largest first.
    pub breadth: Vec<FunctionYears>,
    pub interviews: Vec<CandidateInterview>,
    /// Newest first.
    pub decisions: Vec<DecisionView>,
    pub can_manage: bool,
    /// Whether the viewer may open the debrief now.
    pub can_see_debrief: bool,
}

/// An interview in "my interviews".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MyInterview {
    pub stage_id: String,
    pub stage_name: String,
    pub candidate_id: String,
    pub candidate_name: String,
    pub role_title: String,
    pub status: InterviewStatus,
}

/// A focus competency in the interview kit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct KitCompetency {
    pub id: String,
    pub title: String,
    pub definition_html: String,
    /// One per level, lowest first.
    pub anchors: Vec<String>,
    pub questions: Vec<KitQuestion>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct KitQuestion {
    pub text: String,
    pub note_html: Option<String>,
    pub follow_ups: Vec<String>,
}

/// An interviewer's view of one interview: the kit and their own scorecard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct InterviewKit {
    pub stage_id: String,
    pub stage_name: String,
    pub candidate_id: String,
    pub candidate_name: String,
    pub role_title: String,
    pub level_names: Vec<String>,
    pub intro_html: String,
    pub focus: Vec<KitCompetency>,
    pub scorecard: ScorecardView,
}

/// What an interviewer gave one competency.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RatingView {
    pub competency_id: String,
    pub competency_title: String,
    /// None while the draft has no choice yet.
    pub rating: Option<Rating>,
    pub evidence: String,
    pub evidence_html: String,
}

/// One scorecard. Shown to its author always, to others only as the rule allows, and
/// never as a draft to anyone but its author.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ScorecardView {
    pub stage_id: String,
    pub stage_name: String,
    pub candidate_id: String,
    pub interviewer_name: String,
    pub status: InterviewStatus,
    pub ratings: Vec<RatingView>,
    pub recommendation: Option<Recommendation>,
    pub takeaways: String,
    pub takeaways_html: String,
    /// `YYYY-MM-DD HH:MM` (UTC), once submitted.
    pub submitted_at: Option<String>,
}

/// The scorecards of a candidate that the viewer may read, and how many they may not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CandidateScorecards {
    pub candidate_id: String,
    pub rule: Visibility,
    /// The viewer's own (draft or submitted), then others' submitted ones they may read.
    pub scorecards: Vec<ScorecardView>,
    /// Others' submitted scorecards the rule keeps from the viewer for now.
    pub hidden_submitted: usize,
    /// Interviews not yet submitted, the viewer's own excluded.
    pub pending: usize,
    /// Why some are hidden, in words; None when nothing is.
    pub hidden_reason: Option<String>,
}

/// The debrief of a candidate: the grid, statistics, recommendations, decisions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DebriefView {
    pub candidate_id: String,
    pub candidate_name: String,
    pub role_id: String,
    pub role_title: String,
    pub level_names: Vec<String>,
    pub debrief: Debrief,
    /// The submitted scorecards the grid is built from.
    pub scorecards: Vec<ScorecardView>,
    /// Interviews of the plan not yet submitted.
    pub pending: usize,
    pub decisions: Vec<DecisionView>,
    pub can_decide: bool,
}
