//! The initiative library as the application sees it once its Markdown has been parsed
//! (see `crate::content`): the transformation steps a roadmap is planned from.

use super::model::Function;
use crate::tr_key;
use serde::{Deserialize, Serialize};

/// One initiative of the library. Built only by the content loader, which guarantees: ids
/// unique across the library; every prerequisite is the id of another initiative; the
/// prerequisites have no cycle; at least one lift; effort finite and > 0.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Initiative {
    pub id: String,
    pub title: String,
    /// Which maturity dimensions it lifts, and from which level to which.
    pub lifts: Vec<Lift>,
    /// Person-weeks of work.
    pub effort_weeks: f64,
    pub impact: Impact,
    /// The function that owns it.
    pub owner: Function,
    /// Ids of initiatives that must be done (scheduled in an earlier phase) first.
    pub requires: Vec<String>,
    /// The measures that show progress.
    pub kpis: Vec<String>,
    /// An organisation-design step (a role or team to create) rather than a practice.
    pub org_design: bool,
    /// The concrete steps, rendered to HTML (trusted content).
    pub body_html: String,
}

/// One dimension an initiative lifts: a company at `from` (or above) reaches `to` once it
/// is done.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lift {
    /// A dimension id of the maturity model (`data`, `alignment`, ...).
    pub dimension: String,
    pub from: u8,
    pub to: u8,
}

/// How much an initiative is expected to change the revenue result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Impact {
    Low,
    Medium,
    High,
}

impl Impact {
    pub const ALL: [Impact; 3] = [Impact::Low, Impact::Medium, Impact::High];

    pub fn as_str(self) -> &'static str {
        match self {
            Impact::Low => "low",
            Impact::Medium => "medium",
            Impact::High => "high",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Impact::Low => "Low",
            Impact::Medium => "Medium",
            Impact::High => "High",
        }
    }

    /// The catalogue key of [`Self::label`], for pages: `i18n.t(x.label_key())`.
    pub fn label_key(self) -> &'static str {
        match self {
            Impact::Low => tr_key!("label-impact-low"),
            Impact::Medium => tr_key!("label-impact-medium"),
            Impact::High => tr_key!("label-impact-high"),
        }
    }

    pub fn parse(input: &str) -> Option<Impact> {
        Impact::ALL.into_iter().find(|i| i.as_str() == input.trim())
    }

    /// A multiplier for ranking: low 1, medium 2, high 3.
    pub fn factor(self) -> f64 {
        match self {
            Impact::Low => 1.0,
            Impact::Medium => 2.0,
            Impact::High => 3.0,
        }
    }
}
