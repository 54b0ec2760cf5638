//! What the assessment pages show: campaigns for the organisation's people, the
//! questionnaire for respondents, and results. No page here ever carries who answered what.

use crate::domain::model::Function;
use crate::domain::results::CampaignResults;
use crate::tr_key;
use serde::{Deserialize, Serialize};

/// Where a campaign stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum CampaignStatus {
    Open,
    Closed,
}

impl CampaignStatus {
    pub fn label(self) -> &'static str {
        match self {
            CampaignStatus::Open => "Open",
            CampaignStatus::Closed => "Closed",
        }
    }

    /// The catalogue key of [`Self::label`], for pages: `i18n.t(x.label_key())`.
    pub fn label_key(self) -> &'static str {
        match self {
            CampaignStatus::Open => tr_key!("label-campaign-status-open"),
            CampaignStatus::Closed => tr_key!("label-campaign-status-closed"),
        }
    }
}

/// Responses of one function in a campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FunctionProgress {
    pub function: Function,
    pub submitted: usize,
    pub in_progress: usize,
}

/// A campaign as lists show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CampaignSummary {
    pub id: String,
    pub name: String,
    pub model_title: String,
    pub status: CampaignStatus,
    /// `YYYY-MM-DD` (UTC) of the close date, if one is set or it was closed by hand.
    pub closes: Option<String>,
    pub created: String,
    pub created_by: String,
    /// One entry per function taking part, in the model's function order.
    pub functions: Vec<FunctionProgress>,
    pub submitted: usize,
    pub min_group_size: usize,
}

/// A model an admin can launch a campaign from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ModelChoice {
    pub id: String,
    pub title: String,
    pub version: String,
    pub dimensions: usize,
    pub questions: usize,
}

/// The assessments overview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CampaignList {
    pub can_launch: bool,
    pub campaigns: Vec<CampaignSummary>,
}

/// The "launch a campaign" form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewCampaignForm {
    pub models: Vec<ModelChoice>,
    pub default_min_group_size: usize,
}

/// An invitation link as the campaign page shows it to admins.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LinkView {
    pub id: String,
    pub function: Function,
    pub person_name: Option<String>,
    pub url: String,
    pub revoked: bool,
}

/// One campaign's page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CampaignView {
    pub summary: CampaignSummary,
    pub can_manage: bool,
    /// Empty for people who may not manage the campaign.
    pub links: Vec<LinkView>,
    pub model_version: String,
    /// First 12 hex digits of the model version's SHA-256.
    pub model_hash: String,
}

/// A campaign's results page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ResultsView {
    pub summary: CampaignSummary,
    /// The model's level names, lowest first (the name of level 1 is the first).
    pub level_names: Vec<String>,
    pub results: CampaignResults,
}

/// Whether a respondent's link can still be used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum LinkState {
    Open,
    /// The campaign closed (by hand or on its close date).
    Closed {
        on: String,
    },
    /// An admin withdrew this link.
    Withdrawn,
}

/// How far a respondent got.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub answered: usize,
    pub total: usize,
    /// Steps in the questionnaire (one per dimension), not counting the review.
    pub steps: usize,
    /// The first step with an unanswered question (1-based), or the review step.
    pub resume_step: usize,
    pub submitted: bool,
}

/// The start page behind an invitation link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RespondentStart {
    pub organisation_name: String,
    pub campaign_name: String,
    pub model_title: String,
    pub function: Function,
    pub person_name: Option<String>,
    pub state: LinkState,
    pub intro_html: String,
    pub dimension_titles: Vec<String>,
    pub question_count: usize,
    /// Set when this browser (or this person's link) already started.
    pub progress: Option<Progress>,
}

/// A level a respondent can pick.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelChoice {
    /// The form value (`1`..`5`).
    pub value: String,
    pub name: String,
    pub description: String,
}

/// One question on a step, with what the respondent already answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionView {
    pub id: String,
    pub text: String,
    pub help_html: Option<String>,
    pub levels: Vec<LevelChoice>,
    /// The stored answer's form value, if any.
    pub answer: Option<String>,
    pub comment: String,
}

/// One step of the questionnaire: one dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionnaireStep {
    pub campaign_name: String,
    pub organisation_name: String,
    pub function: Function,
    /// 1-based.
    pub step: usize,
    pub steps: usize,
    pub dimension_title: String,
    pub dimension_html: String,
    pub questions: Vec<QuestionView>,
    pub progress: Progress,
    pub comment_max_chars: usize,
    /// Closed or withdrawn links show their answers read-only, saying why.
    pub state: LinkState,
}

/// A step on the review page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepSummary {
    pub step: usize,
    pub title: String,
    pub answered: usize,
    pub total: usize,
}

/// The last page before submitting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewView {
    pub campaign_name: String,
    pub organisation_name: String,
    pub function: Function,
    pub steps: Vec<StepSummary>,
    pub progress: Progress,
}
