//! The leader-candidate rubric as the application sees it once its Markdown has been parsed
//! (see `crate::content`): competencies with a definition, a behaviourally anchored scale and
//! interview questions; and what an interviewer can say on a scorecard.

use crate::tr_key;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A parsed rubric. Built only by the content loader, which guarantees: at least one
/// competency; ids unique across the file; every competency has exactly
/// `level_names.len()` anchors and at least one interview question; weights finite and > 0.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rubric {
    /// Stable id from the front matter (`revops-leader`); the same across locales.
    pub id: String,
    pub title: String,
    pub version: String,
    pub locale: String,
    /// The name of each level, lowest first. Its length is the scale (4 for the RevOps leader).
    pub level_names: Vec<String>,
    /// How to use the rubric, rendered to HTML (trusted content).
    pub intro_html: String,
    pub competencies: Vec<Competency>,
}

/// One thing a candidate is assessed on (e.g. "Bridging marketing and sales").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Competency {
    pub id: String,
    pub title: String,
    /// What the competency means, rendered to HTML.
    pub definition_html: String,
    /// The default weight a new role gives it.
    pub weight: f64,
    /// Ids of the maturity-model dimensions this competency helps to lift; a role can
    /// suggest higher weights for them when the organisation's assessment is weak there.
    pub addresses: Vec<String>,
    /// The observable behaviour at each level, lowest first, as plain text.
    pub anchors: Vec<String>,
    pub questions: Vec<InterviewQuestion>,
}

/// A question of the interview kit, with the follow-ups an interviewer can ask.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterviewQuestion {
    pub id: String,
    pub text: String,
    /// A note for the interviewer (what to listen for), rendered to HTML.
    pub note_html: Option<String>,
    pub follow_ups: Vec<String>,
}

impl Rubric {
    /// The number of levels on the anchored scale.
    pub fn scale(&self) -> u8 {
        self.level_names.len() as u8
    }

    pub fn competency(&self, id: &str) -> Option<&Competency> {
        self.competencies.iter().find(|c| c.id == id)
    }
}

/// What an interviewer gives one focus competency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case", tag = "kind", content = "level")]
pub enum Rating {
    /// A level on the rubric's anchored scale, 1-based.
    Level(u8),
    /// The interview gave no evidence either way: never counted as a level.
    NoEvidence,
}

impl Rating {
    /// The form and storage value: `1`..`4` or `no-evidence`.
    pub fn as_value(self) -> String {
        match self {
            Rating::Level(level) => level.to_string(),
            Rating::NoEvidence => "no-evidence".into(),
        }
    }

    /// Reads a form or stored value, checking the level against the scale.
    pub fn parse(input: &str, scale: u8) -> Result<Rating, String> {
        match input.trim() {
            "no-evidence" => Ok(Rating::NoEvidence),
            other => match other.parse::<u8>() {
                Ok(level) if (1..=scale).contains(&level) => Ok(Rating::Level(level)),
                _ => Err(format!(
                    "Choose a level from 1 to {scale}, or \"no evidence\"."
                )),
            },
        }
    }

    pub fn level(self) -> Option<u8> {
        match self {
            Rating::Level(level) => Some(level),
            Rating::NoEvidence => None,
        }
    }
}

/// The interviewer's overall call, on Greenhouse's four-point scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Recommendation {
    StrongNo,
    No,
    Yes,
    StrongYes,
}

impl Recommendation {
    pub const ALL: [Recommendation; 4] = [
        Recommendation::StrongNo,
        Recommendation::No,
        Recommendation::Yes,
        Recommendation::StrongYes,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Recommendation::StrongNo => "strong-no",
            Recommendation::No => "no",
            Recommendation::Yes => "yes",
            Recommendation::StrongYes => "strong-yes",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Recommendation::StrongNo => "Strong no",
            Recommendation::No => "No",
            Recommendation::Yes => "Yes",
            Recommendation::StrongYes => "Strong yes",
        }
    }

    /// The catalogue key of [`Self::label`], for pages: `i18n.t(x.label_key())`.
    pub fn label_key(self) -> &'static str {
        match self {
            Recommendation::StrongNo => tr_key!("label-recommendation-strong-no"),
            Recommendation::No => tr_key!("label-recommendation-no"),
            Recommendation::Yes => tr_key!("label-recommendation-yes"),
            Recommendation::StrongYes => tr_key!("label-recommendation-strong-yes"),
        }
    }

    /// 1 (strong no) to 4 (strong yes), for comparing two recommendations.
    pub fn score(self) -> u8 {
        match self {
            Recommendation::StrongNo => 1,
            Recommendation::No => 2,
            Recommendation::Yes => 3,
            Recommendation::StrongYes => 4,
        }
    }

    pub fn parse(input: &str) -> Option<Recommendation> {
        Recommendation::ALL
            .into_iter()
            .find(|r| r.as_str() == input.trim())
    }

    /// True for yes and strong yes.
    pub fn is_positive(self) -> bool {
        self >= Recommendation::Yes
    }
}

impl fmt::Display for Recommendation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// When an interviewer may read the other interviewers' scorecards for the same candidate.
/// Admins always may; nobody but its author ever sees a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Visibility {
    /// Only admins read other interviewers' scorecards.
    Never,
    /// Once the interviewer has submitted their own scorecard for the candidate.
    #[default]
    AfterSubmit,
    /// As soon as they are submitted.
    Always,
}

impl Visibility {
    pub const ALL: [Visibility; 3] = [
        Visibility::Never,
        Visibility::AfterSubmit,
        Visibility::Always,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Never => "never",
            Visibility::AfterSubmit => "after-submit",
            Visibility::Always => "always",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Visibility::Never => "Never (admins only)",
            Visibility::AfterSubmit => "After submitting their own",
            Visibility::Always => "Always",
        }
    }

    /// The catalogue key of [`Self::label`], for pages: `i18n.t(x.label_key())`.
    pub fn label_key(self) -> &'static str {
        match self {
            Visibility::Never => tr_key!("label-visibility-never"),
            Visibility::AfterSubmit => tr_key!("label-visibility-after-submit"),
            Visibility::Always => tr_key!("label-visibility-always"),
        }
    }

    pub fn parse(input: &str) -> Option<Visibility> {
        Visibility::ALL
            .into_iter()
            .find(|v| v.as_str() == input.trim())
    }

    /// Whether an interviewer who is not an admin may read another interviewer's
    /// submitted scorecard for a candidate, given whether they submitted their own.
    pub fn allows_peer_view(self, submitted_own: bool) -> bool {
        match self {
            Visibility::Never => false,
            Visibility::AfterSubmit => submitted_own,
            Visibility::Always => true,
        }
    }
}

/// The function a past role was in, for a candidate's career history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum CareerFunction {
    Marketing,
    Sales,
    CustomerSuccess,
    Operations,
    Other,
}

impl CareerFunction {
    pub const ALL: [CareerFunction; 5] = [
        CareerFunction::Marketing,
        CareerFunction::Sales,
        CareerFunction::CustomerSuccess,
        CareerFunction::Operations,
        CareerFunction::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CareerFunction::Marketing => "marketing",
            CareerFunction::Sales => "sales",
            CareerFunction::CustomerSuccess => "customer-success",
            CareerFunction::Operations => "operations",
            CareerFunction::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CareerFunction::Marketing => "Marketing",
            CareerFunction::Sales => "Sales",
            CareerFunction::CustomerSuccess => "Customer success",
            CareerFunction::Operations => "Operations",
            CareerFunction::Other => "Other",
        }
    }

    /// The catalogue key of [`Self::label`], for pages: `i18n.t(x.label_key())`.
    pub fn label_key(self) -> &'static str {
        match self {
            CareerFunction::Marketing => tr_key!("label-career-function-marketing"),
            CareerFunction::Sales => tr_key!("label-career-function-sales"),
            CareerFunction::CustomerSuccess => tr_key!("label-career-function-customer-success"),
            CareerFunction::Operations => tr_key!("label-career-function-operations"),
            CareerFunction::Other => tr_key!("label-career-function-other"),
        }
    }

    pub fn parse(input: &str) -> Option<CareerFunction> {
        CareerFunction::ALL
            .into_iter()
            .find(|f| f.as_str() == input.trim())
    }
}

/// A hiring decision for a candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum DecisionOutcome {
    Hire,
    NoHire,
    Hold,
}

impl DecisionOutcome {
    pub const ALL: [DecisionOutcome; 3] = [
        DecisionOutcome::Hire,
        DecisionOutcome::NoHire,
        DecisionOutcome::Hold,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DecisionOutcome::Hire => "hire",
            DecisionOutcome::NoHire => "no-hire",
            DecisionOutcome::Hold => "hold",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DecisionOutcome::Hire => "Hire",
            DecisionOutcome::NoHire => "No hire",
            DecisionOutcome::Hold => "Hold",
        }
    }

    /// The catalogue key of [`Self::label`], for pages: `i18n.t(x.label_key())`.
    pub fn label_key(self) -> &'static str {
        match self {
            DecisionOutcome::Hire => tr_key!("label-decision-outcome-hire"),
            DecisionOutcome::NoHire => tr_key!("label-decision-outcome-no-hire"),
            DecisionOutcome::Hold => tr_key!("label-decision-outcome-hold"),
        }
    }

    pub fn parse(input: &str) -> Option<DecisionOutcome> {
        DecisionOutcome::ALL
            .into_iter()
            .find(|d| d.as_str() == input.trim())
    }
}

/// A maturity dimension's overall level in an assessment, for suggesting role weights.
#[derive(Debug, Clone, PartialEq)]
pub struct DimensionLevel {
    pub id: String,
    pub title: String,
    /// The weighted mean level, on the model's 1..=`scale`.
    pub level: f64,
    pub scale: u8,
}

/// A weight the role page proposes for one competency, with its reason.
#[derive(Debug, Clone, PartialEq)]
pub struct SuggestedWeight {
    pub competency_id: String,
    pub suggested: f64,
    /// Why, in words; None when the suggestion is the rubric's default weight.
    pub reason: Option<String>,
}

/// How much a weak dimension raises the weight of a competency that addresses it: the
/// weakest addressed dimension decides. Levels are compared as a share of the way up the
/// scale, so on a five-level model "weak" is below 2.5 and "middling" below 3.5.
const WEAK_SHARE: f64 = 0.375;
const MIDDLING_SHARE: f64 = 0.625;
const WEAK_RAISE: f64 = 1.0;
const MIDDLING_RAISE: f64 = 0.5;

/// Suggests a weight for each competency of `rubric` from an assessment's dimension
/// levels: the rubric's default weight, raised by 1 when the weakest dimension it
/// addresses is weak and by 0.5 when it is middling. A competency addressing no assessed
/// dimension keeps its default. Deterministic, in rubric order; the reasons are in the
/// language of `i18n`.
pub fn suggest_weights(
    rubric: &Rubric,
    levels: &[DimensionLevel],
    i18n: crate::i18n::I18n,
) -> Vec<SuggestedWeight> {
    rubric
        .competencies
        .iter()
        .map(|competency| {
            let weakest = competency
                .addresses
                .iter()
                .filter_map(|id| levels.iter().find(|l| &l.id == id))
                .min_by(|a, b| share(a).total_cmp(&share(b)));
            let (raise, dimension) = match weakest {
                Some(d) if share(d) < WEAK_SHARE => (WEAK_RAISE, Some(d)),
                Some(d) if share(d) < MIDDLING_SHARE => (MIDDLING_RAISE, Some(d)),
                _ => (0.0, None),
            };
            SuggestedWeight {
                competency_id: competency.id.clone(),
                suggested: competency.weight + raise,
                reason: dimension.map(|d| {
                    i18n.t_with(
                        "hiring-suggestion-reason",
                        &[
                            ("dimension", d.title.clone().into()),
                            ("level", format!("{:.1}", d.level).into()),
                            ("scale", d.scale.to_string().into()),
                            ("raise", raise.to_string().into()),
                        ],
                    )
                }),
            }
        })
        .collect()
}

/// How far up its scale a level is: 0 at level 1, 1 at the top.
fn share(level: &DimensionLevel) -> f64 {
    let steps = f64::from(level.scale.max(2) - 1);
    (level.level - 1.0) / steps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn competency(id: &str, weight: f64, addresses: &[&str]) -> Competency {
        Competency {
            id: id.into(),
            title: id.into(),
            definition_html: String::new(),
            weight,
            addresses: addresses.iter().map(|a| a.to_string()).collect(),
            anchors: Vec::new(),
            questions: Vec::new(),
        }
    }

    fn level(id: &str, level: f64) -> DimensionLevel {
        DimensionLevel {
            id: id.into(),
            title: format!("Dimension {id}"),
            level,
            scale: 5,
        }
    }

    #[test]
    fn the_weakest_addressed_dimension_raises_the_weight_with_a_reason() {
        let rubric = Rubric {
            id: "r".into(),
            title: "R".into(),
            version: "1".into(),
            locale: "en".into(),
            level_names: vec!["a".into(), "b".into()],
            intro_html: String::new(),
            competencies: vec![
                competency("data", 1.0, &["data", "tech"]),
                competency("plan", 2.0, &["planning"]),
                competency("change", 1.0, &["alignment"]),
                competency("other", 1.5, &[]),
            ],
        };
        // data 1.8 (weak: below 2.5), tech 4.0; planning 3.0 (middling); alignment 3.5
        // (exactly the middling limit, so not raised).
        let levels = [
            level("data", 1.8),
            level("tech", 4.0),
            level("planning", 3.0),
            level("alignment", 3.5),
        ];
        let suggested = suggest_weights(&rubric, &levels, crate::i18n::I18n::default());
        let weights: Vec<f64> = suggested.iter().map(|s| s.suggested).collect();
        assert_eq!(weights, [2.0, 2.5, 1.0, 1.5]);
        assert_eq!(
            suggested[0].reason.as_deref(),
            Some("Addresses Dimension data, rated 1.8 of 5 in the latest assessment: +1")
        );
        assert!(suggested[1].reason.as_deref().unwrap().ends_with("+0.5"));
        assert_eq!(suggested[2].reason, None);
        assert_eq!(suggested[3].reason, None);
    }

    #[test]
    fn ratings_round_trip_and_refuse_levels_off_the_scale() {
        for rating in [Rating::Level(1), Rating::Level(4), Rating::NoEvidence] {
            assert_eq!(Rating::parse(&rating.as_value(), 4), Ok(rating));
        }
        assert!(Rating::parse("0", 4).is_err());
        assert!(Rating::parse("5", 4).is_err());
        assert!(Rating::parse("", 4).is_err());
    }

    #[test]
    fn stored_forms_round_trip() {
        for r in Recommendation::ALL {
            assert_eq!(Recommendation::parse(r.as_str()), Some(r));
        }
        for v in Visibility::ALL {
            assert_eq!(Visibility::parse(v.as_str()), Some(v));
        }
        for f in CareerFunction::ALL {
            assert_eq!(CareerFunction::parse(f.as_str()), Some(f));
        }
        for d in DecisionOutcome::ALL {
            assert_eq!(DecisionOutcome::parse(d.as_str()), Some(d));
        }
        assert_eq!(Recommendation::parse("maybe"), None);
    }

    #[test]
    fn peers_see_scorecards_only_when_the_rule_allows() {
        assert!(!Visibility::Never.allows_peer_view(true));
        assert!(!Visibility::AfterSubmit.allows_peer_view(false));
        assert!(Visibility::AfterSubmit.allows_peer_view(true));
        assert!(Visibility::Always.allows_peer_view(false));
    }
}
