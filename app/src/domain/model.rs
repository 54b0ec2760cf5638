//! The maturity model as the application sees it once its Markdown has been parsed and
//! validated (see `crate::content`): dimensions, questions, worded levels, weights.
//! Also the business functions respondents answer for, and what an answer can be.

use crate::tr_key;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A parsed maturity model. Built only by the content loader, which guarantees the
/// invariants: at least one dimension, each with at least one question; ids unique across
/// the whole model; every question has exactly `level_names.len()` level descriptions;
/// weights finite and > 0.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MaturityModel {
    /// Stable id from the front matter (`revops-maturity`); the same across locales.
    pub id: String,
    pub title: String,
    /// The author's version label (`1`, `2026.1`). The content hash is what pins a campaign.
    pub version: String,
    /// `en`, `zh-CN`.
    pub locale: String,
    /// The name of each level, lowest first ("Siloed", ..., "Unified"). Its length is the scale.
    pub level_names: Vec<String>,
    /// Introductory text before the first dimension, rendered to HTML (trusted content).
    pub intro_html: String,
    pub dimensions: Vec<Dimension>,
}

/// One area of maturity (e.g. "Data and single source of truth").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dimension {
    pub id: String,
    pub title: String,
    /// What the dimension covers, rendered to HTML.
    pub description_html: String,
    /// Weight of this dimension in the overall level.
    pub weight: f64,
    pub questions: Vec<Question>,
}

/// One question with a worded description per level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// Unique across the model; answers are stored under it.
    pub id: String,
    pub text: String,
    /// Optional help shown under the question, rendered to HTML.
    pub help_html: Option<String>,
    /// Weight of this question within its dimension.
    pub weight: f64,
    /// What each level looks like, lowest first, as plain text.
    pub levels: Vec<String>,
}

impl MaturityModel {
    /// The number of levels on the scale (5 for the RevOps model).
    pub fn scale(&self) -> u8 {
        self.level_names.len() as u8
    }

    pub fn question_count(&self) -> usize {
        self.dimensions.iter().map(|d| d.questions.len()).sum()
    }

    /// Finds a question and the dimension it belongs to.
    pub fn question(&self, question_id: &str) -> Option<(&Dimension, &Question)> {
        self.dimensions.iter().find_map(|d| {
            d.questions
                .iter()
                .find(|q| q.id == question_id)
                .map(|q| (d, q))
        })
    }

    pub fn dimension(&self, dimension_id: &str) -> Option<&Dimension> {
        self.dimensions.iter().find(|d| d.id == dimension_id)
    }
}

/// The business functions whose people answer an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Function {
    Marketing,
    Sales,
    CustomerSuccess,
    Operations,
    Finance,
    Leadership,
}

impl Function {
    pub const ALL: [Function; 6] = [
        Function::Marketing,
        Function::Sales,
        Function::CustomerSuccess,
        Function::Operations,
        Function::Finance,
        Function::Leadership,
    ];

    /// The stored and URL form (`customer-success`).
    pub fn as_str(self) -> &'static str {
        match self {
            Function::Marketing => "marketing",
            Function::Sales => "sales",
            Function::CustomerSuccess => "customer-success",
            Function::Operations => "operations",
            Function::Finance => "finance",
            Function::Leadership => "leadership",
        }
    }

    /// How the function is named in a sentence ("customer success").
    pub fn label(self) -> &'static str {
        match self {
            Function::Marketing => "Marketing",
            Function::Sales => "Sales",
            Function::CustomerSuccess => "Customer success",
            Function::Operations => "Operations",
            Function::Finance => "Finance",
            Function::Leadership => "Leadership",
        }
    }

    /// The function whose [`Self::label`] this is.
    pub fn from_label(label: &str) -> Option<Function> {
        Function::ALL.into_iter().find(|f| f.label() == label)
    }

    /// The catalogue key of [`Self::label`], for pages: `i18n.t(x.label_key())`.
    pub fn label_key(self) -> &'static str {
        match self {
            Function::Marketing => tr_key!("label-function-marketing"),
            Function::Sales => tr_key!("label-function-sales"),
            Function::CustomerSuccess => tr_key!("label-function-customer-success"),
            Function::Operations => tr_key!("label-function-operations"),
            Function::Finance => tr_key!("label-function-finance"),
            Function::Leadership => tr_key!("label-function-leadership"),
        }
    }

    pub fn parse(input: &str) -> Option<Function> {
        Function::ALL.into_iter().find(|f| f.as_str() == input)
    }
}

impl fmt::Display for Function {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// What a respondent said to one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "level")]
pub enum Answer {
    /// A level on the model's scale, 1-based.
    Level(u8),
    /// "I don't know": counted in the don't-know share, never as a level.
    DontKnow,
    /// "Not applicable to us": neither a level nor a don't-know.
    NotApplicable,
}

impl Answer {
    /// The form and storage value: `1`..`5`, `dont-know`, `not-applicable`.
    pub fn as_value(self) -> String {
        match self {
            Answer::Level(level) => level.to_string(),
            Answer::DontKnow => "dont-know".into(),
            Answer::NotApplicable => "not-applicable".into(),
        }
    }

    /// Reads a form or stored value, checking the level against the scale.
    pub fn parse(input: &str, scale: u8) -> Result<Answer, String> {
        match input.trim() {
            "dont-know" => Ok(Answer::DontKnow),
            "not-applicable" => Ok(Answer::NotApplicable),
            other => match other.parse::<u8>() {
                Ok(level) if (1..=scale).contains(&level) => Ok(Answer::Level(level)),
                _ => Err(format!(
                    "Choose a level from 1 to {scale}, \"don't know\" or \"not applicable\"."
                )),
            },
        }
    }

    pub fn level(self) -> Option<u8> {
        match self {
            Answer::Level(level) => Some(level),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_round_trip_through_their_form_value() {
        for answer in [
            Answer::Level(1),
            Answer::Level(5),
            Answer::DontKnow,
            Answer::NotApplicable,
        ] {
            assert_eq!(Answer::parse(&answer.as_value(), 5), Ok(answer));
        }
    }

    #[test]
    fn levels_outside_the_scale_are_refused() {
        assert!(Answer::parse("0", 5).is_err());
        assert!(Answer::parse("6", 5).is_err());
        assert!(Answer::parse("4", 3).is_err());
        assert!(Answer::parse("three", 5).is_err());
    }

    #[test]
    fn functions_round_trip_through_their_stored_form() {
        for function in Function::ALL {
            assert_eq!(Function::parse(function.as_str()), Some(function));
        }
        assert_eq!(Function::parse("hr"), None);
    }
}
