//! The debrief of a candidate's interview panel: the grid of ratings (competencies ×
//! interviewers), each competency's mean and spread, the role-weighted total, flags where
//! the panel disagrees, and how far the panel agrees overall (Krippendorff's alpha, ICC).
//! Also, across an organisation's candidates, each interviewer's leniency or severity
//! ([`calibration`]), and candidates of one role side by side ([`compare`]).
//!
//! "No evidence" is never a level: it is counted, but it never enters a mean, a spread, a
//! flag or an agreement statistic, because treating it as 0 (or as any level) would punish
//! the candidate for what the interview did not cover. A competency that was not a focus
//! of an interview is simply missing for that interviewer.
//!
//! Pure computation, no I/O. Statistics that are undefined come back as `None` (with a
//! note in words where the page must explain the gap), never as `NaN`.

use super::agreement::{icc, krippendorff_alpha, Metric};
use super::rubric::{Rating, Recommendation};
use super::stats::{mean, sample_std_dev, weighted_mean};
use crate::i18n::I18n;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Ratings this many levels apart (or more) on one competency raise a disagreement flag.
pub const FLAG_LEVEL_GAP: u8 = 2;
/// A positive and a negative recommendation this far apart in [`Recommendation::score`]
/// (or more) raise the recommendation flag: strong yes beside no, yes beside strong no.
/// Yes beside no (1 apart) is an ordinary split decision, not a flag.
pub const FLAG_RECOMMENDATION_GAP: u8 = 2;
/// Alpha is shown only with at least this many pairable competencies (two or more levels):
/// from a single competency it would say almost nothing.
pub const MIN_ALPHA_UNITS: usize = 2;
/// ICC needs at least this many competencies rated with a level by every rater.
pub const MIN_ICC_UNITS: usize = 3;
/// ICC needs at least this many raters (interviewers who gave at least one level).
pub const MIN_ICC_RATERS: usize = 2;
/// An interviewer's leaning is only judged from at least this many comparisons.
pub const MIN_CALIBRATION_COMPARISONS: usize = 3;
/// A mean deviation of at least this much above (below) the rest of the panel is lenient
/// (severe): half a level, on a four-level scale.
pub const LEANING_THRESHOLD: f64 = 0.5;

/// Deviations are means of means (e.g. 1/3 + 1/6), so a value meant to sit exactly on the
/// threshold can land a rounding error below it; this much slack keeps it on the line.
const THRESHOLD_SLACK: f64 = 1e-9;

/// Why an agreement statistic is missing. Pages word it in the reader's language; the API
/// carries it as its English sentence ([`Self::english`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum MissingAgreement {
    /// Alpha: fewer than [`MIN_ALPHA_UNITS`] competencies rated by two or more interviewers.
    AlphaTooFew,
    /// ICC: fewer than [`MIN_ICC_UNITS`] competencies rated by every interviewer, or fewer
    /// than [`MIN_ICC_RATERS`] interviewers.
    IccTooFew,
    /// Every level is the same, so there is no variance for agreement to account for.
    SameLevel,
    /// Undefined for any other reason (agreement.rs said so).
    Undefined,
}

impl MissingAgreement {
    pub const ALL: [MissingAgreement; 4] = [
        MissingAgreement::AlphaTooFew,
        MissingAgreement::IccTooFew,
        MissingAgreement::SameLevel,
        MissingAgreement::Undefined,
    ];

    /// In English, built from the constants so the words never state a different minimum
    /// from the one applied.
    pub fn english(self) -> String {
        match self {
            MissingAgreement::AlphaTooFew => format!(
                "Not enough data: alpha needs at least {MIN_ALPHA_UNITS} competencies rated \
                 by two or more interviewers."
            ),
            MissingAgreement::IccTooFew => format!(
                "Not enough data: ICC needs at least {MIN_ICC_UNITS} competencies rated with \
                 a level by every interviewer, and {MIN_ICC_RATERS} or more interviewers."
            ),
            MissingAgreement::SameLevel => {
                "All ratings are the same level, so agreement cannot be measured.".into()
            }
            MissingAgreement::Undefined => {
                "Agreement could not be computed from these ratings.".into()
            }
        }
    }
}

impl From<MissingAgreement> for String {
    fn from(why: MissingAgreement) -> String {
        why.english()
    }
}

impl TryFrom<String> for MissingAgreement {
    type Error = String;

    fn try_from(words: String) -> Result<Self, String> {
        MissingAgreement::ALL
            .into_iter()
            .find(|why| why.english() == words)
            .ok_or_else(|| format!("unknown reason for a missing statistic: {words:?}"))
    }
}

/// A competency as a role weighs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct WeightedCompetency {
    pub id: String,
    pub title: String,
    /// The role's weight (finite, non-negative); only relative weights matter.
    pub weight: f64,
}

/// One submitted scorecard, as the debrief reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PanelScorecard {
    pub interviewer_id: String,
    pub interviewer_name: String,
    /// Competency id -> rating, only for the interview's focus competencies. Should a
    /// competency appear twice, the first entry counts.
    pub ratings: Vec<(String, Rating)>,
    pub recommendation: Option<Recommendation>,
}

impl PanelScorecard {
    /// This scorecard's rating of a competency; `None` when it was not a focus.
    fn rating(&self, competency_id: &str) -> Option<Rating> {
        self.ratings
            .iter()
            .find(|(id, _)| id == competency_id)
            .map(|&(_, rating)| rating)
    }

    /// The level given to a competency; `None` for no evidence or not a focus.
    fn level(&self, competency_id: &str) -> Option<u8> {
        self.rating(competency_id).and_then(Rating::level)
    }
}

/// The debrief of one candidate's panel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Debrief {
    /// The grid's columns, in scorecard order.
    pub interviewers: Vec<DebriefInterviewer>,
    /// The grid's rows, in competency order.
    pub rows: Vec<CompetencyRow>,
    /// Σ w·mean / Σ w over the competencies that have a mean; `None` when none has.
    pub weighted_total: Option<f64>,
    /// Set when the panel's recommendations are far apart, naming the extreme pair,
    /// e.g. "Strong yes (Ana Lee) beside No (Ben Ode)".
    pub recommendation_flag: Option<String>,
    pub agreement: PanelAgreement,
}

/// A column of the debrief grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DebriefInterviewer {
    pub id: String,
    pub name: String,
    pub recommendation: Option<Recommendation>,
}

/// A row of the debrief grid: one competency across the panel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CompetencyRow {
    pub id: String,
    pub title: String,
    pub weight: f64,
    /// Aligned with [`Debrief::interviewers`]; `None` = not a focus of that interview.
    pub cells: Vec<Option<Rating>>,
    /// Mean of the levels (no evidence is not a level); `None` without levels.
    pub mean: Option<f64>,
    /// Sample standard deviation of the levels; `None` with fewer than two.
    pub spread: Option<f64>,
    /// How many levels were given.
    pub levels: usize,
    /// How many interviewers said "no evidence".
    pub no_evidence: usize,
    /// Set when two levels are [`FLAG_LEVEL_GAP`] or more apart, naming the lowest and
    /// the highest, e.g. "Ratings 2 levels apart: Ana Lee 1, Ben Ode 3".
    pub flag: Option<String>,
}

/// How far the panel agrees across competencies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PanelAgreement {
    /// Krippendorff's alpha, ordinal metric (levels are ordered, not evenly spaced).
    pub alpha_ordinal: Option<f64>,
    /// Krippendorff's alpha, interval metric (levels as numbers).
    pub alpha_interval: Option<f64>,
    /// ICC(2,1): absolute agreement of a single interviewer (two-way random effects).
    pub icc2_1: Option<f64>,
    /// ICC(2,k): absolute agreement of the panel's mean rating.
    pub icc2_k: Option<f64>,
    /// Competencies with at least two levels (pairable), which alpha uses.
    pub units: usize,
    /// Interviewers who gave at least one level.
    pub raters: usize,
    /// Competencies rated with a level by every such rater, which ICC uses.
    pub complete_units: usize,
    /// Why alpha is missing (in the API: an English sentence).
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>))]
    pub alpha_note: Option<MissingAgreement>,
    /// Why ICC is missing (in the API: an English sentence).
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>))]
    pub icc_note: Option<MissingAgreement>,
}

/// Builds the debrief grid of one candidate from the role's competencies and the panel's
/// submitted scorecards. Ratings of competencies the role does not list are ignored.
///
/// Every scorecard is its own column, even if one interviewer submitted two (the data
/// layer is expected to prevent that).
pub fn debrief(competencies: &[WeightedCompetency], scorecards: &[PanelScorecard]) -> Debrief {
    let interviewers = scorecards
        .iter()
        .map(|s| DebriefInterviewer {
            id: s.interviewer_id.clone(),
            name: s.interviewer_name.clone(),
            recommendation: s.recommendation,
        })
        .collect();
    let rows: Vec<CompetencyRow> = competencies
        .iter()
        .map(|c| competency_row(c, scorecards))
        .collect();
    let weighted: Vec<(f64, f64)> = rows
        .iter()
        .filter_map(|row| row.mean.map(|m| (m, row.weight)))
        .collect();
    Debrief {
        interviewers,
        weighted_total: weighted_mean(&weighted),
        recommendation_flag: recommendation_flag(scorecards),
        agreement: panel_agreement(competencies, scorecards),
        rows,
    }
}

fn competency_row(competency: &WeightedCompetency, scorecards: &[PanelScorecard]) -> CompetencyRow {
    let cells: Vec<Option<Rating>> = scorecards
        .iter()
        .map(|s| s.rating(&competency.id))
        .collect();
    let levels: Vec<f64> = cells
        .iter()
        .filter_map(|cell| cell.and_then(Rating::level))
        .map(f64::from)
        .collect();
    let no_evidence = cells
        .iter()
        .filter(|cell| **cell == Some(Rating::NoEvidence))
        .count();
    CompetencyRow {
        id: competency.id.clone(),
        title: competency.title.clone(),
        weight: competency.weight,
        mean: mean(&levels),
        spread: sample_std_dev(&levels),
        levels: levels.len(),
        no_evidence,
        flag: level_flag(&cells, scorecards),
        cells,
    }
}

/// The lowest and the highest level of a debrief row when they are far enough apart to
/// flag, with the columns (interviewers) that gave them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevelGap {
    pub gap: u8,
    pub low: u8,
    /// Index of the column that gave `low`.
    pub low_by: usize,
    pub high: u8,
    /// Index of the column that gave `high`.
    pub high_by: usize,
}

/// The [`LevelGap`] of a row's cells, when [`FLAG_LEVEL_GAP`] or more. On ties the earlier
/// column is named, so the flag is stable. Pages use it to word the flag in their language.
pub fn level_gap(cells: &[Option<Rating>]) -> Option<LevelGap> {
    let given = || {
        cells
            .iter()
            .enumerate()
            .filter_map(|(i, cell)| cell.and_then(Rating::level).map(|level| (level, i)))
    };
    // min_by_key/max_by_key return the first/last of equal keys; reversing for the max
    // makes both pick the earliest scorecard.
    let (low, low_by) = given().min_by_key(|&(level, _)| level)?;
    let (high, high_by) = given().rev().max_by_key(|&(level, _)| level)?;
    let gap = high - low;
    (gap >= FLAG_LEVEL_GAP).then_some(LevelGap {
        gap,
        low,
        low_by,
        high,
        high_by,
    })
}

impl LevelGap {
    /// "Ratings 2 levels apart: Ana Lee 1, Ben Ode 3" in the language of `i18n`; `name`
    /// names the interviewer of a column.
    pub fn words(&self, i18n: I18n, name: impl Fn(usize) -> String) -> String {
        i18n.t_with(
            "hiring-flag-levels",
            &[
                ("gap", self.gap.to_string().into()),
                ("low_by", name(self.low_by).into()),
                ("low", self.low.to_string().into()),
                ("high_by", name(self.high_by).into()),
                ("high", self.high.to_string().into()),
            ],
        )
    }
}

/// Names the lowest and the highest level of a row when they are far enough apart (in
/// English, for the API).
fn level_flag(cells: &[Option<Rating>], scorecards: &[PanelScorecard]) -> Option<String> {
    let gap = level_gap(cells)?;
    Some(gap.words(I18n::default(), |i| scorecards[i].interviewer_name.clone()))
}

/// The most positive and the most negative recommendation of a panel, with the columns
/// that gave them, when a positive one sits beside a negative one at least
/// [`FLAG_RECOMMENDATION_GAP`] apart: `((high, column), (low, column))`.
pub fn recommendation_gap(
    recommendations: &[Option<Recommendation>],
) -> Option<((Recommendation, usize), (Recommendation, usize))> {
    let given = || {
        recommendations
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.map(|r| (r, i)))
    };
    let (high, high_by) = given().rev().max_by_key(|&(r, _)| r.score())?;
    let (low, low_by) = given().min_by_key(|&(r, _)| r.score())?;
    let far_apart = high.score() - low.score() >= FLAG_RECOMMENDATION_GAP;
    (high.is_positive() && !low.is_positive() && far_apart)
        .then_some(((high, high_by), (low, low_by)))
}

/// "Strong yes (Ana Lee) beside No (Ben Ode)" for a [`recommendation_gap`], in the language
/// of `i18n`; `name` names the interviewer of a column.
pub fn recommendation_words(
    ((high, high_by), (low, low_by)): ((Recommendation, usize), (Recommendation, usize)),
    i18n: I18n,
    name: impl Fn(usize) -> String,
) -> String {
    i18n.t_with(
        "hiring-flag-recommendations",
        &[
            ("high", i18n.t(high.label_key()).into()),
            ("high_by", name(high_by).into()),
            ("low", i18n.t(low.label_key()).into()),
            ("low_by", name(low_by).into()),
        ],
    )
}

/// Names the most positive and the most negative recommendation when a positive one sits
/// beside a negative one at least [`FLAG_RECOMMENDATION_GAP`] apart (in English, for the
/// API).
fn recommendation_flag(scorecards: &[PanelScorecard]) -> Option<String> {
    let recommendations: Vec<Option<Recommendation>> =
        scorecards.iter().map(|s| s.recommendation).collect();
    let gap = recommendation_gap(&recommendations)?;
    Some(recommendation_words(gap, I18n::default(), |i| {
        scorecards[i].interviewer_name.clone()
    }))
}

fn panel_agreement(
    competencies: &[WeightedCompetency],
    scorecards: &[PanelScorecard],
) -> PanelAgreement {
    // levels[c][r]: scorecard r's level for competency c, as agreement.rs takes values.
    let levels: Vec<Vec<Option<f64>>> = competencies
        .iter()
        .map(|c| {
            scorecards
                .iter()
                .map(|s| s.level(&c.id).map(f64::from))
                .collect()
        })
        .collect();
    // Interviewers who gave no level anywhere add nothing but empty columns; dropping them
    // also keeps them from emptying ICC's complete matrix.
    let raters: Vec<usize> = (0..scorecards.len())
        .filter(|&r| levels.iter().any(|row| row[r].is_some()))
        .collect();
    let alpha_units: Vec<Vec<Option<f64>>> = levels
        .iter()
        .filter(|row| row.iter().flatten().count() >= 2)
        .map(|row| raters.iter().map(|&r| row[r]).collect())
        .collect();
    // Without raters every row would be vacuously "complete".
    let complete: Vec<Vec<f64>> = levels
        .iter()
        .filter(|_| !raters.is_empty())
        .filter_map(|row| raters.iter().map(|&r| row[r]).collect::<Option<Vec<f64>>>())
        .collect();

    let (alpha_ordinal, alpha_interval, alpha_note) = if alpha_units.len() < MIN_ALPHA_UNITS {
        (None, None, Some(MissingAgreement::AlphaTooFew))
    } else {
        let ordinal = krippendorff_alpha(&alpha_units, Metric::Ordinal);
        let interval = krippendorff_alpha(&alpha_units, Metric::Interval);
        let note = (ordinal.is_none() || interval.is_none())
            .then(|| undefined_note(alpha_units.iter().flatten().flatten().copied()));
        (ordinal, interval, note)
    };

    let (icc2_1, icc2_k, icc_note) =
        if complete.len() < MIN_ICC_UNITS || raters.len() < MIN_ICC_RATERS {
            (None, None, Some(MissingAgreement::IccTooFew))
        } else {
            let (single, average) = icc(&complete).map_or((None, None), |i| (i.icc2_1, i.icc2_k));
            let note = (single.is_none() || average.is_none())
                .then(|| undefined_note(complete.iter().flatten().copied()));
            (single, average, note)
        };

    PanelAgreement {
        alpha_ordinal,
        alpha_interval,
        icc2_1,
        icc2_k,
        units: alpha_units.len(),
        raters: raters.len(),
        complete_units: complete.len(),
        alpha_note,
        icc_note,
    }
}

/// Explains an undefined statistic: almost always because every level is the same, so
/// there is no variance for agreement to account for.
fn undefined_note(values: impl Iterator<Item = f64>) -> MissingAgreement {
    let mut values = values.peekable();
    let first = values.peek().copied();
    if values.all(|v| Some(v) == first) {
        MissingAgreement::SameLevel
    } else {
        MissingAgreement::Undefined
    }
}

/// Which way an interviewer leans compared with the rest of their panels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum Leaning {
    /// Rates at least [`LEANING_THRESHOLD`] above the rest of the panel on average.
    Lenient,
    /// Rates at least [`LEANING_THRESHOLD`] below the rest of the panel on average.
    Severe,
    /// Within [`LEANING_THRESHOLD`] of the rest of the panel.
    InLine,
    /// Fewer than [`MIN_CALIBRATION_COMPARISONS`] comparisons.
    NotEnoughData,
}

/// One interviewer's calibration across an organisation's candidates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RaterCalibration {
    pub interviewer_id: String,
    /// The name on the first scorecard seen for this interviewer.
    pub name: String,
    /// How many of their levels could be compared with at least one other level.
    pub comparisons: usize,
    /// Mean of (their level - mean of the others' levels); `None` below
    /// [`MIN_CALIBRATION_COMPARISONS`].
    pub mean_deviation: Option<f64>,
    pub leaning: Leaning,
}

/// Each interviewer's average deviation from the rest of the panel across all candidates of
/// an organisation: lenient (+) or severe (-). Admin-only information.
///
/// `panels` holds one candidate's scorecards each. A deviation is an interviewer's level
/// minus the mean of the other interviewers' levels for the same candidate and competency,
/// taken only where at least one other interviewer gave a level. Interviewers are matched
/// across panels by id; everyone who submitted a scorecard is listed, even without
/// comparisons. Sorted by name, then id.
pub fn calibration(panels: &[Vec<PanelScorecard>]) -> Vec<RaterCalibration> {
    // id -> (name, deviations); the order of first appearance is irrelevant as we sort.
    let mut by_id: HashMap<&str, (&str, Vec<f64>)> = HashMap::new();
    for panel in panels {
        for scorecard in panel {
            by_id
                .entry(&scorecard.interviewer_id)
                .or_insert_with(|| (&scorecard.interviewer_name, Vec::new()));
        }
        for scorecard in panel {
            let deviations = panel_deviations(scorecard, panel);
            if let Some((_, all)) = by_id.get_mut(scorecard.interviewer_id.as_str()) {
                all.extend(deviations);
            }
        }
    }
    let mut result: Vec<RaterCalibration> = by_id
        .into_iter()
        .map(|(id, (name, deviations))| {
            let mean_deviation = if deviations.len() >= MIN_CALIBRATION_COMPARISONS {
                mean(&deviations)
            } else {
                None
            };
            RaterCalibration {
                interviewer_id: id.to_string(),
                name: name.to_string(),
                comparisons: deviations.len(),
                mean_deviation,
                leaning: leaning(mean_deviation),
            }
        })
        .collect();
    result.sort_by(|a, b| {
        a.name
            .cmp(&b.name)
            .then_with(|| a.interviewer_id.cmp(&b.interviewer_id))
    });
    result
}

/// One scorecard's deviations from the rest of its panel, one per competency it gave a
/// level that somebody else in the panel also gave a level.
fn panel_deviations(scorecard: &PanelScorecard, panel: &[PanelScorecard]) -> Vec<f64> {
    let mut seen: Vec<&str> = Vec::new();
    let mut deviations = Vec::new();
    for (competency, _) in &scorecard.ratings {
        // A repeated competency counts once, like everywhere else (first entry wins).
        if seen.contains(&competency.as_str()) {
            continue;
        }
        seen.push(competency);
        let Some(own) = scorecard.level(competency) else {
            continue;
        };
        // "Others" by id, not by position: a second scorecard by the same interviewer
        // must not count as a second opinion.
        let others: Vec<f64> = panel
            .iter()
            .filter(|s| s.interviewer_id != scorecard.interviewer_id)
            .filter_map(|s| s.level(competency).map(f64::from))
            .collect();
        if let Some(others_mean) = mean(&others) {
            deviations.push(f64::from(own) - others_mean);
        }
    }
    deviations
}

fn leaning(mean_deviation: Option<f64>) -> Leaning {
    match mean_deviation {
        None => Leaning::NotEnoughData,
        Some(d) if d >= LEANING_THRESHOLD - THRESHOLD_SLACK => Leaning::Lenient,
        Some(d) if d <= -LEANING_THRESHOLD + THRESHOLD_SLACK => Leaning::Severe,
        Some(_) => Leaning::InLine,
    }
}

/// Candidates of one role side by side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Comparison {
    /// The columns: the role's competencies, in order.
    pub competencies: Vec<WeightedCompetency>,
    /// Best weighted total first; candidates without one last; ties by name.
    pub rows: Vec<ComparisonRow>,
}

/// One candidate in a [`Comparison`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ComparisonRow {
    pub candidate_id: String,
    pub name: String,
    /// Each competency's mean level, aligned with [`Comparison::competencies`].
    pub means: Vec<Option<f64>>,
    pub weighted_total: Option<f64>,
    /// How many scorecards the means rest on.
    pub scorecards: usize,
}

/// Candidates of one role side by side: `(candidate id, name, scorecards)` each. Means and
/// totals are the ones [`debrief`] shows, so the two pages never disagree.
pub fn compare(
    competencies: &[WeightedCompetency],
    candidates: &[(String, String, Vec<PanelScorecard>)],
) -> Comparison {
    let mut rows: Vec<ComparisonRow> = candidates
        .iter()
        .map(|(candidate_id, name, scorecards)| {
            let d = debrief(competencies, scorecards);
            ComparisonRow {
                candidate_id: candidate_id.clone(),
                name: name.clone(),
                means: d.rows.iter().map(|row| row.mean).collect(),
                weighted_total: d.weighted_total,
                scorecards: scorecards.len(),
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        let by_total = match (a.weighted_total, b.weighted_total) {
            (Some(x), Some(y)) => y.total_cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        };
        by_total
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.candidate_id.cmp(&b.candidate_id))
    });
    Comparison {
        competencies: competencies.to_vec(),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Rating::{Level, NoEvidence};

    fn assert_close(actual: Option<f64>, expected: f64) {
        let actual = actual.expect("expected a value, got None");
        assert!(
            (actual - expected).abs() < 1e-12,
            "expected {expected}, got {actual}"
        );
    }

    fn comp(id: &str, weight: f64) -> WeightedCompetency {
        WeightedCompetency {
            id: id.into(),
            title: format!("Competency {id}"),
            weight,
        }
    }

    fn card(
        id: &str,
        name: &str,
        ratings: &[(&str, Rating)],
        recommendation: Option<Recommendation>,
    ) -> PanelScorecard {
        PanelScorecard {
            interviewer_id: id.into(),
            interviewer_name: name.into(),
            ratings: ratings.iter().map(|&(c, r)| (c.to_string(), r)).collect(),
            recommendation,
        }
    }

    /// A scorecard without a recommendation, for tests that only look at ratings.
    fn rated(id: &str, name: &str, ratings: &[(&str, Rating)]) -> PanelScorecard {
        card(id, name, ratings, None)
    }

    fn abc() -> Vec<WeightedCompetency> {
        vec![comp("a", 1.0), comp("b", 1.0), comp("c", 1.0)]
    }

    #[test]
    fn grid_aligns_cells_with_interviewers_and_leaves_focus_gaps_empty() {
        // Ana covered a and b, Ben b and c, Cy a (and "z", which the role does not list).
        let panel = [
            rated("u1", "Ana Lee", &[("a", Level(3)), ("b", NoEvidence)]),
            rated("u2", "Ben Ode", &[("c", Level(4)), ("b", Level(2))]),
            rated("u3", "Cy Park", &[("z", Level(4)), ("a", Level(1))]),
        ];
        let d = debrief(&abc(), &panel);
        let names: Vec<&str> = d.interviewers.iter().map(|i| i.name.as_str()).collect();
        assert_eq!(names, ["Ana Lee", "Ben Ode", "Cy Park"]);
        let ids: Vec<&str> = d.rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(d.rows[0].cells, [Some(Level(3)), None, Some(Level(1))]);
        assert_eq!(d.rows[1].cells, [Some(NoEvidence), Some(Level(2)), None]);
        assert_eq!(d.rows[2].cells, [None, Some(Level(4)), None]);
    }

    #[test]
    fn mean_spread_and_weighted_total_of_a_small_panel() {
        // a (weight 2): 3, 4, 2 -> mean 3; deviations 0, 1, -1 -> squares 2 / (3-1) = 1,
        //   spread √1 = 1.
        // b (weight 1): 2, 2 (Cy did not cover it) -> mean 2, spread 0.
        // c (weight 5): only "no evidence" -> no mean, so it stays out of the total.
        // Total = (2·3 + 1·2) / (2 + 1) = 8/3.
        let competencies = [comp("a", 2.0), comp("b", 1.0), comp("c", 5.0)];
        let panel = [
            rated("u1", "Ana Lee", &[("a", Level(3)), ("b", Level(2))]),
            rated("u2", "Ben Ode", &[("a", Level(4)), ("b", Level(2))]),
            rated("u3", "Cy Park", &[("a", Level(2)), ("c", NoEvidence)]),
        ];
        let d = debrief(&competencies, &panel);
        assert_close(d.rows[0].mean, 3.0);
        assert_close(d.rows[0].spread, 1.0);
        assert_eq!(d.rows[0].levels, 3);
        assert_close(d.rows[1].mean, 2.0);
        assert_close(d.rows[1].spread, 0.0);
        assert_eq!(d.rows[1].levels, 2);
        assert_eq!(d.rows[2].mean, None);
        assert_eq!(d.rows[2].spread, None);
        assert_close(d.weighted_total, 8.0 / 3.0);
    }

    #[test]
    fn no_evidence_is_counted_but_never_a_level() {
        // a: 4, no evidence, no evidence -> one level: mean 4 (not 4/3), no spread.
        // Ben and Cy gave no level at all, so the panel has a single rater.
        let panel = [
            rated("u1", "Ana Lee", &[("a", Level(4))]),
            rated("u2", "Ben Ode", &[("a", NoEvidence)]),
            rated("u3", "Cy Park", &[("a", NoEvidence), ("b", NoEvidence)]),
        ];
        let d = debrief(&abc(), &panel);
        let a = &d.rows[0];
        assert_close(a.mean, 4.0);
        assert_eq!(a.spread, None);
        assert_eq!((a.levels, a.no_evidence), (1, 2));
        assert_eq!(a.flag, None);
        let b = &d.rows[1];
        assert_eq!((b.mean, b.levels, b.no_evidence), (None, 0, 1));
        // Only a has a mean: total = 1·4 / 1 = 4.
        assert_close(d.weighted_total, 4.0);
        assert_eq!((d.agreement.raters, d.agreement.units), (1, 0));
    }

    #[test]
    fn rows_are_flagged_from_two_levels_apart_not_at_one() {
        // a: 1, 3, 2 -> 3 - 1 = 2 apart: flagged, lowest first.
        // b: 2, 3 -> 1 apart: not flagged.
        // c: 4, 1 -> 3 apart: flagged, Ben (1) named before Ana (4).
        let panel = [
            rated(
                "u1",
                "Ana Lee",
                &[("a", Level(1)), ("b", Level(2)), ("c", Level(4))],
            ),
            rated(
                "u2",
                "Ben Ode",
                &[("a", Level(3)), ("b", Level(3)), ("c", Level(1))],
            ),
            rated("u3", "Cy Park", &[("a", Level(2)), ("c", NoEvidence)]),
        ];
        let d = debrief(&abc(), &panel);
        assert_eq!(
            d.rows[0].flag.as_deref(),
            Some("Ratings 2 levels apart: Ana Lee 1, Ben Ode 3")
        );
        assert_eq!(d.rows[1].flag, None);
        assert_eq!(
            d.rows[2].flag.as_deref(),
            Some("Ratings 3 levels apart: Ben Ode 1, Ana Lee 4")
        );
    }

    #[test]
    fn a_tied_extreme_names_the_earliest_interviewer() {
        // a: 1, 3, 3, 1 -> 2 apart; Ana is the first 1 and Ben the first 3.
        let panel = [
            rated("u1", "Ana Lee", &[("a", Level(1))]),
            rated("u2", "Ben Ode", &[("a", Level(3))]),
            rated("u3", "Cy Park", &[("a", Level(3))]),
            rated("u4", "Dee Ray", &[("a", Level(1))]),
        ];
        let d = debrief(&abc(), &panel);
        assert_eq!(
            d.rows[0].flag.as_deref(),
            Some("Ratings 2 levels apart: Ana Lee 1, Ben Ode 3")
        );
    }

    #[test]
    fn recommendations_are_flagged_for_strong_yes_beside_no_but_not_yes_beside_no() {
        use Recommendation::{No, StrongNo, StrongYes, Yes};
        // Strong yes (4) beside no (2): 2 apart, one positive and one negative -> flag,
        // naming the extreme pair (Cy's yes and Dee's missing recommendation are not).
        let split = [
            card("u1", "Ana Lee", &[], Some(StrongYes)),
            card("u2", "Ben Ode", &[], Some(No)),
            card("u3", "Cy Park", &[], Some(Yes)),
            card("u4", "Dee Ray", &[], None),
        ];
        assert_eq!(
            debrief(&abc(), &split).recommendation_flag.as_deref(),
            Some("Strong yes (Ana Lee) beside No (Ben Ode)")
        );
        // Yes (3) beside no (2): 1 apart -> an ordinary split, no flag.
        let close = [
            card("u1", "Ana Lee", &[], Some(Yes)),
            card("u2", "Ben Ode", &[], Some(No)),
        ];
        assert_eq!(debrief(&abc(), &close).recommendation_flag, None);
        // Yes (3) beside strong no (1): 2 apart -> flag.
        let against = [
            card("u1", "Ana Lee", &[], Some(StrongNo)),
            card("u2", "Ben Ode", &[], Some(Yes)),
        ];
        assert_eq!(
            debrief(&abc(), &against).recommendation_flag.as_deref(),
            Some("Yes (Ben Ode) beside Strong no (Ana Lee)")
        );
        // Strong yes beside yes: 1 apart and both positive -> no flag.
        let agreed = [
            card("u1", "Ana Lee", &[], Some(StrongYes)),
            card("u2", "Ben Ode", &[], Some(Yes)),
        ];
        assert_eq!(debrief(&abc(), &agreed).recommendation_flag, None);
    }

    /// a: 4 3 4, b: 2 2 1, c: 3 3 3 (complete); d: 1 2 - (pairable, not complete);
    /// e: - 3 - (one level, not pairable). Dee gave only "no evidence": not a rater.
    fn agreeing_panel() -> (Vec<WeightedCompetency>, Vec<PanelScorecard>) {
        let competencies = ["a", "b", "c", "d", "e"]
            .iter()
            .map(|id| comp(id, 1.0))
            .collect();
        let panel = vec![
            rated(
                "u1",
                "Ana Lee",
                &[
                    ("a", Level(4)),
                    ("b", Level(2)),
                    ("c", Level(3)),
                    ("d", Level(1)),
                ],
            ),
            rated(
                "u2",
                "Ben Ode",
                &[
                    ("a", Level(3)),
                    ("b", Level(2)),
                    ("c", Level(3)),
                    ("d", Level(2)),
                    ("e", Level(3)),
                ],
            ),
            rated(
                "u3",
                "Cy Park",
                &[
                    ("a", Level(4)),
                    ("b", Level(1)),
                    ("c", Level(3)),
                    ("d", NoEvidence),
                ],
            ),
            rated("u4", "Dee Ray", &[("a", NoEvidence)]),
        ];
        (competencies, panel)
    }

    #[test]
    fn alpha_and_icc_are_those_of_the_expected_matrices() {
        let (competencies, panel) = agreeing_panel();
        let agreement = debrief(&competencies, &panel).agreement;
        assert_eq!(
            (agreement.units, agreement.raters, agreement.complete_units),
            (4, 3, 3)
        );
        assert_eq!((agreement.alpha_note, agreement.icc_note), (None, None));

        // Alpha: the pairable units a..d × the raters Ana, Ben, Cy.
        let units = vec![
            vec![Some(4.0), Some(3.0), Some(4.0)],
            vec![Some(2.0), Some(2.0), Some(1.0)],
            vec![Some(3.0), Some(3.0), Some(3.0)],
            vec![Some(1.0), Some(2.0), None],
        ];
        assert_eq!(
            agreement.alpha_ordinal,
            krippendorff_alpha(&units, Metric::Ordinal)
        );
        assert_eq!(
            agreement.alpha_interval,
            krippendorff_alpha(&units, Metric::Interval)
        );
        // By hand, interval: 11 pairable values, Σx = 28, Σx² = 82.
        // Within units, Σ over ordered pairs of (x - y)² / (m_u - 1):
        //   a 4/2 + b 4/2 + c 0 + d 2/1 = 6.
        // Over all values, Σ ordered pairs (x - y)² = 2(nΣx² - (Σx)²) = 2(902 - 784) = 236.
        // α = 1 - (n - 1)·6 / 236 = 1 - 60/236 = 44/59.
        assert_close(agreement.alpha_interval, 44.0 / 59.0);

        // ICC: the complete units a, b, c × the three raters.
        let complete = vec![
            vec![4.0, 3.0, 4.0],
            vec![2.0, 2.0, 1.0],
            vec![3.0, 3.0, 3.0],
        ];
        let direct = icc(&complete).expect("a 3 × 3 matrix has an ICC");
        assert_eq!(agreement.icc2_1, direct.icc2_1);
        assert_eq!(agreement.icc2_k, direct.icc2_k);
        // By hand (n = k = 3): grand mean 25/9; row means 11/3, 5/3, 3; column means
        // 3, 8/3, 8/3. SSR = 3·(64 + 100 + 4)/81 = 56/9; SSC = 3·(4 + 1 + 1)/81 = 2/9;
        // SST = 77 - 625/9 = 68/9; SSE = 68/9 - 56/9 - 2/9 = 10/9.
        // MSR = 28/9 = 56/18, MSC = 1/9 = 2/18, MSE = (10/9)/4 = 5/18.
        // ICC(2,1) = (MSR - MSE) / (MSR + 2·MSE + 3(MSC - MSE)/3)
        //          = (51/18) / ((56 + 10 - 3)/18) = 51/63 = 17/21.
        // ICC(2,k) = (MSR - MSE) / (MSR + (MSC - MSE)/3) = (51/18) / (55/18) = 51/55.
        assert_close(agreement.icc2_1, 17.0 / 21.0);
        assert_close(agreement.icc2_k, 51.0 / 55.0);
    }

    #[test]
    fn too_few_pairable_or_complete_competencies_give_notes_instead_of_statistics() {
        // a: 3, 4 is pairable; b: 2, - is not -> 1 unit < 2. Both gave a level, but only a
        // was rated by both -> 1 complete unit < 3.
        let panel = [
            rated("u1", "Ana Lee", &[("a", Level(3)), ("b", Level(2))]),
            rated("u2", "Ben Ode", &[("a", Level(4)), ("b", NoEvidence)]),
        ];
        let agreement = debrief(&abc(), &panel).agreement;
        assert_eq!(
            (agreement.units, agreement.raters, agreement.complete_units),
            (1, 2, 1)
        );
        assert_eq!(
            (agreement.alpha_ordinal, agreement.alpha_interval),
            (None, None)
        );
        assert_eq!((agreement.icc2_1, agreement.icc2_k), (None, None));
        assert_eq!(agreement.alpha_note, Some(MissingAgreement::AlphaTooFew));
        assert_eq!(agreement.icc_note, Some(MissingAgreement::IccTooFew));
        assert_eq!(
            MissingAgreement::AlphaTooFew.english(),
            "Not enough data: alpha needs at least 2 competencies rated by two or more \
             interviewers."
        );
    }

    #[test]
    fn a_single_interviewer_gets_no_icc_however_many_competencies() {
        // Three complete units, but one rater < 2.
        let panel = [rated(
            "u1",
            "Ana Lee",
            &[("a", Level(1)), ("b", Level(2)), ("c", Level(3))],
        )];
        let agreement = debrief(&abc(), &panel).agreement;
        assert_eq!(
            (agreement.units, agreement.raters, agreement.complete_units),
            (0, 1, 3)
        );
        assert_eq!(agreement.icc2_1, None);
        assert_eq!(agreement.icc_note, Some(MissingAgreement::IccTooFew));
        assert_eq!(agreement.alpha_note, Some(MissingAgreement::AlphaTooFew));
    }

    #[test]
    fn a_missing_statistic_travels_as_its_english_sentence_and_back() {
        for why in MissingAgreement::ALL {
            let json = serde_json::to_value(why).unwrap();
            assert_eq!(json, serde_json::Value::String(why.english()));
            assert_eq!(
                serde_json::from_value::<MissingAgreement>(json).unwrap(),
                why
            );
        }
        assert!(serde_json::from_str::<MissingAgreement>("\"Something else.\"").is_err());
    }

    #[test]
    fn identical_levels_explain_that_agreement_cannot_be_measured() {
        // Everyone gave 3 everywhere: enough data, but no variance for alpha or ICC.
        let everywhere_three = [("a", Level(3)), ("b", Level(3)), ("c", Level(3))];
        let panel = [
            rated("u1", "Ana Lee", &everywhere_three),
            rated("u2", "Ben Ode", &everywhere_three),
        ];
        let agreement = debrief(&abc(), &panel).agreement;
        assert_eq!(
            (agreement.units, agreement.raters, agreement.complete_units),
            (3, 2, 3)
        );
        assert_eq!(
            (agreement.alpha_ordinal, agreement.alpha_interval),
            (None, None)
        );
        assert_eq!((agreement.icc2_1, agreement.icc2_k), (None, None));
        assert_eq!(agreement.alpha_note, Some(MissingAgreement::SameLevel));
        assert_eq!(agreement.icc_note, Some(MissingAgreement::SameLevel));
    }

    #[test]
    fn an_empty_panel_has_rows_but_no_numbers() {
        let d = debrief(&abc(), &[]);
        assert!(d.interviewers.is_empty());
        assert_eq!(d.rows.len(), 3);
        assert!(d
            .rows
            .iter()
            .all(|r| r.cells.is_empty() && r.mean.is_none()));
        assert_eq!(d.weighted_total, None);
        assert_eq!(d.recommendation_flag, None);
        let agreement = &d.agreement;
        assert_eq!(
            (agreement.units, agreement.raters, agreement.complete_units),
            (0, 0, 0)
        );
        assert!(agreement.alpha_note.is_some() && agreement.icc_note.is_some());
    }

    #[test]
    fn debrief_survives_a_json_round_trip() {
        let (competencies, panel) = agreeing_panel();
        let d = debrief(&competencies, &panel);
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(serde_json::from_str::<Debrief>(&json).unwrap(), d);
    }

    #[test]
    fn calibration_finds_lenient_severe_in_line_and_thin_interviewers() {
        let panels = vec![
            // Candidate 1. Ana: a 4 - (2+3)/2 = 1.5, b 4 - (3+2)/2 = 1.5.
            // Ben: a 2 - (4+3)/2 = -1.5, b 3 - (4+2)/2 = 0.
            // Cy: a 3 - (4+2)/2 = 0, b 2 - (4+3)/2 = -1.5.
            vec![
                rated("u1", "Ana Lee", &[("a", Level(4)), ("b", Level(4))]),
                rated("u2", "Ben Ode", &[("a", Level(2)), ("b", Level(3))]),
                rated("u3", "Cy Park", &[("a", Level(3)), ("b", Level(2))]),
            ],
            // Candidate 2. Ana: 3 - (2+1)/2 = 1.5. Ben: 2 - (3+1)/2 = 0.
            // Dee: 1 - (3+2)/2 = -1.5.
            vec![
                rated("u1", "Ana Lee", &[("a", Level(3))]),
                rated("u2", "Ben Ode", &[("a", Level(2))]),
                rated("u4", "Dee Ray", &[("a", Level(1))]),
            ],
            // Candidate 3. Ana: no evidence, no comparison (and not an "other" either).
            // Ben: 2 - 2 = 0. Cy: 2 - 2 = 0.
            vec![
                rated("u1", "Ana Lee", &[("c", NoEvidence)]),
                rated("u2", "Ben Ode", &[("c", Level(2))]),
                rated("u3", "Cy Park", &[("c", Level(2))]),
            ],
            // Candidate 4. Eve alone: nobody to compare with.
            vec![rated("u5", "Eve Sun", &[("a", Level(4))])],
        ];
        let result = calibration(&panels);
        let summary: Vec<(&str, usize, Leaning)> = result
            .iter()
            .map(|r| (r.name.as_str(), r.comparisons, r.leaning))
            .collect();
        assert_eq!(
            summary,
            [
                // (1.5 + 1.5 + 1.5) / 3 = 1.5 >= 0.5.
                ("Ana Lee", 3, Leaning::Lenient),
                // (-1.5 + 0 + 0 + 0) / 4 = -0.375, within ±0.5.
                ("Ben Ode", 4, Leaning::InLine),
                // (0 - 1.5 + 0) / 3 = -0.5, exactly on the threshold: severe.
                ("Cy Park", 3, Leaning::Severe),
                // One comparison < 3.
                ("Dee Ray", 1, Leaning::NotEnoughData),
                ("Eve Sun", 0, Leaning::NotEnoughData),
            ]
        );
        assert_close(result[0].mean_deviation, 1.5);
        assert_close(result[1].mean_deviation, -0.375);
        assert_close(result[2].mean_deviation, -0.5);
        assert_eq!(result[3].mean_deviation, None);
        assert_eq!(result[4].mean_deviation, None);
        assert_eq!(result[0].interviewer_id, "u1");
    }

    #[test]
    fn calibration_sorts_namesakes_by_id() {
        // Two different people called Sam Roe; u9 deviates by 3 - 2 = +1 and u2 by -1, once each.
        let panels = vec![vec![
            rated("u9", "Sam Roe", &[("a", Level(3))]),
            rated("u2", "Sam Roe", &[("a", Level(2))]),
        ]];
        let ids: Vec<String> = calibration(&panels)
            .into_iter()
            .map(|r| r.interviewer_id)
            .collect();
        assert_eq!(ids, ["u2", "u9"]);
    }

    #[test]
    fn compare_orders_by_weighted_total_then_name_with_missing_totals_last() {
        // a weight 3, b weight 1.
        // Zoe: a 4, 4 and b 2, 2 -> means 4, 2; total (3·4 + 2) / 4 = 3.5.
        // Adam and Al: a 3, b 3 -> total 3, tied: by name, "Adam" < "Al".
        // Bea: a 2, b 4 -> total (6 + 4) / 4 = 2.5. Nia: no scorecards -> no total, last.
        let competencies = [comp("a", 3.0), comp("b", 1.0)];
        let both = |a: u8, b: u8| vec![rated("u1", "Ana Lee", &[("a", Level(a)), ("b", Level(b))])];
        let mut zoe = both(4, 2);
        zoe.push(rated("u2", "Ben Ode", &[("a", Level(4)), ("b", Level(2))]));
        let candidates = vec![
            ("c5".to_string(), "Nia".to_string(), vec![]),
            ("c3".to_string(), "Bea".to_string(), both(2, 4)),
            ("c4".to_string(), "Al".to_string(), both(3, 3)),
            ("c2".to_string(), "Adam".to_string(), both(3, 3)),
            ("c1".to_string(), "Zoe".to_string(), zoe),
        ];
        let comparison = compare(&competencies, &candidates);
        assert_eq!(comparison.competencies, competencies);
        let order: Vec<&str> = comparison.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(order, ["Zoe", "Adam", "Al", "Bea", "Nia"]);
        let zoe = &comparison.rows[0];
        assert_eq!(zoe.candidate_id, "c1");
        assert_eq!(zoe.means, [Some(4.0), Some(2.0)]);
        assert_close(zoe.weighted_total, 3.5);
        assert_eq!(zoe.scorecards, 2);
        assert_close(comparison.rows[3].weighted_total, 2.5);
        let nia = &comparison.rows[4];
        assert_eq!(
            (nia.means.clone(), nia.weighted_total),
            (vec![None, None], None)
        );
        assert_eq!(nia.scorecards, 0);
    }
}
