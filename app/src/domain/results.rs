//! Campaign results: maturity per dimension and question, per function, and the
//! perception gaps between functions, computed from the stored responses of one campaign.
//!
//! The gaps are the point of the product: the same process rated 4 by sales and 2 by
//! customer success says more than either number alone. Everything here is pure and
//! deterministic (same input, same output, same order), so the server can cache or
//! recompute results freely and tests can compare them exactly.
//!
//! Anonymity: a function with fewer respondents than [`ResultsSettings::min_group_size`]
//! is never shown on its own (no per-function numbers, no gaps); its answers still count
//! in the all-respondents numbers, and its head count is listed in
//! [`CampaignResults::by_function`].

use std::collections::HashMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::stats::{self, RunningStats};
use crate::domain::model::{Answer, Function, MaturityModel};
use crate::i18n::I18n;

/// The default anonymity threshold: the smallest function group shown on its own.
pub const DEFAULT_MIN_GROUP_SIZE: usize = 3;

/// Two functions' means closer than this count as equal: the weighted sums behind them
/// can differ by rounding alone, and a "gap" of 1e-15 is not a finding.
const GAP_EPSILON: f64 = 1e-9;

/// One submitted response: who answered (by function) and what they answered. The question
/// ids may be borrowed (`&str`): the server reads 400,000 answers for a big campaign, and
/// copying each id into its own `String` would cost more than computing the results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ResponseAnswers<Id = String> {
    pub function: Function,
    /// `(question id, answer)`. Ids not in the model and levels outside its scale are
    /// ignored (the service validates before storing); if a question appears twice, the
    /// later answer wins.
    pub answers: Vec<(Id, Answer)>,
}

/// How results are computed and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultsSettings {
    /// Anonymity threshold: functions with fewer respondents are not shown on their own.
    pub min_group_size: usize,
}

impl Default for ResultsSettings {
    fn default() -> Self {
        Self {
            min_group_size: DEFAULT_MIN_GROUP_SIZE,
        }
    }
}

/// Everything the results pages and the report show for one campaign.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CampaignResults {
    /// All responses, whatever they answered.
    pub respondents: usize,
    /// The functions that responded, in [`Function::ALL`] order, with their head counts.
    pub by_function: Vec<FunctionCount>,
    /// All respondents, all dimensions (see [`compute`] for the definitions).
    pub overall: Summary,
    /// One per model dimension, in model order.
    pub dimensions: Vec<DimensionResult>,
    /// Per dimension and per question, the widest gap between two shown functions;
    /// largest first, ties in model order (each dimension before its questions).
    pub gaps: Vec<PerceptionGap>,
    /// The anonymity threshold these results were computed with, to explain hidden groups.
    pub min_group_size: usize,
}

/// How many people of one function responded, and whether they are shown on their own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FunctionCount {
    pub function: Function,
    pub respondents: usize,
    /// `respondents >= min_group_size`: only then do per-function numbers appear anywhere.
    pub shown: bool,
    /// The function's overall numbers (as [`CampaignResults::overall`], over its own
    /// respondents); `None` when the function is not shown.
    pub summary: Option<Summary>,
}

/// Level statistics for one slice of the answers (a question, a dimension or everything;
/// all respondents or one function).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Summary {
    /// Weighted mean level, on the model's 1..=scale; `None` without level answers.
    pub mean: Option<f64>,
    /// Sample standard deviation of the respondents' scores for the slice (of the answers
    /// themselves for a question); `None` for fewer than two scored respondents.
    pub spread: Option<f64>,
    /// Level answers counted.
    pub answers: usize,
    /// "Don't know" answers: never a level, but a sign of low visibility.
    pub dont_know: usize,
    /// "Not applicable" answers: neither a level nor a don't-know.
    pub not_applicable: usize,
    /// `dont_know / (answers + dont_know)`: the share of people who could have rated this
    /// and said they did not know. `None` when that denominator is 0.
    pub dont_know_share: Option<f64>,
}

/// Results for one dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DimensionResult {
    pub id: String,
    pub title: String,
    /// All respondents.
    pub summary: Summary,
    /// Only functions with at least `min_group_size` respondents, in [`Function::ALL`]
    /// order; a shown function without level answers here has `summary.mean == None`.
    pub by_function: Vec<FunctionSummary>,
    /// Within-group agreement r_wg(J) over the dimension's questions, all respondents,
    /// uniform null on the model's scale (see [`stats::r_wg_j`]). `None` when no question
    /// has two level answers.
    pub agreement: Option<f64>,
    /// Cronbach's alpha over the dimension's questions, from the respondents who gave a
    /// level to every one of them (see [`stats::cronbach_alpha`]). `None` for a
    /// one-question dimension, fewer than three such respondents, or no variation.
    pub consistency: Option<f64>,
    /// One per question of the dimension, in model order.
    pub questions: Vec<QuestionResult>,
}

/// Results for one question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct QuestionResult {
    pub id: String,
    pub text: String,
    /// All respondents.
    pub summary: Summary,
    /// Only shown functions, as for [`DimensionResult::by_function`].
    pub by_function: Vec<FunctionSummary>,
    /// How many respondents chose each level, lowest first (one entry per level).
    pub level_counts: Vec<usize>,
}

/// One shown function's numbers for a dimension or question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FunctionSummary {
    pub function: Function,
    /// All respondents of the function (the head count the threshold is checked against),
    /// not only those who gave a level here; see `summary.answers` for that.
    pub respondents: usize,
    pub summary: Summary,
}

/// A function's mean level on a dimension or question.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FunctionMean {
    pub function: Function,
    pub mean: f64,
}

/// The widest difference between two shown functions' means on one dimension or question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PerceptionGap {
    pub dimension_id: String,
    pub dimension_title: String,
    /// `None` for a gap on the dimension as a whole.
    pub question_id: Option<String>,
    pub question_text: Option<String>,
    /// The function with the highest mean (the first in [`Function::ALL`] order on a tie).
    pub high: FunctionMean,
    /// The function with the lowest mean (the first in [`Function::ALL`] order on a tie).
    pub low: FunctionMean,
    /// `high.mean - low.mean`, always > 0.
    pub size: f64,
}

impl PerceptionGap {
    /// The gap as one readable line: `Sales rates handoffs 4.1, customer success 2.2` for a
    /// dimension, `Sales rates “Who owns the handoff?” 4.1, customer success 2.2` for a
    /// question (question text is quoted as written, because lower-casing a whole question
    /// reads badly). Means are rounded half away from zero to one decimal.
    pub fn sentence(&self) -> String {
        self.sentence_in(I18n::default())
    }

    /// [`Self::sentence`] in the language of `i18n` (`销售对“谁负责交接？”的评分为 4.1，客户成功为
    /// 2.2`); the titles and question texts are those of the model the results were
    /// computed from, so they are in the same language when the model is translated.
    pub fn sentence_in(&self, i18n: I18n) -> String {
        let subject = match &self.question_text {
            Some(text) => format!("\u{201c}{}\u{201d}", text.trim()),
            None => lower_first_word(self.dimension_title.trim()),
        };
        i18n.t_with(
            "results-gap-sentence",
            &[
                ("high", i18n.t(self.high.function.label_key()).into()),
                ("subject", subject.into()),
                ("high_mean", one_decimal(self.high.mean).into()),
                (
                    "low",
                    i18n.t(self.low.function.label_key()).to_lowercase().into(),
                ),
                ("low_mean", one_decimal(self.low.mean).into()),
            ],
        )
    }
}

/// Lower-cases the first letter of a title so it reads inside a sentence ("Data quality"
/// -> "data quality"), unless the first word has capitals after its first letter, which
/// marks an acronym or a name ("CRM hygiene", "RevOps governance") that must keep them.
pub(crate) fn lower_first_word(title: &str) -> String {
    let first_word = title.split_whitespace().next().unwrap_or("");
    if first_word.chars().skip(1).any(char::is_uppercase) {
        return title.to_string();
    }
    let mut chars = title.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One decimal, rounded half away from zero (4.25 -> "4.3"), as people expect; plain
/// `{:.1}` rounds 4.25 to "4.2".
fn one_decimal(value: f64) -> String {
    format!("{:.1}", (value * 10.0).round() / 10.0)
}

/// Number of accumulation groups: everyone (index 0) plus one per function.
const GROUPS: usize = 1 + Function::ALL.len();
const EVERYONE: usize = 0;

fn group_of(function: Function) -> usize {
    1 + Function::ALL
        .iter()
        .position(|&f| f == function)
        .expect("Function::ALL lists every function")
}

/// Computes a campaign's results.
///
/// Definitions (the same for all respondents and, over its own respondents, for each
/// function):
/// - Only level answers count as levels; "don't know" and "not applicable" are counted
///   separately and never move a mean.
/// - A respondent's *dimension score* is the weighted mean (question weights) of their
///   level answers in that dimension; a respondent without level answers there has none.
/// - A dimension's `mean` is the weighted mean of all level answers in it, each weighted by
///   its question's weight (pooled over respondents); its `spread` is the sample standard
///   deviation of the respondents' dimension scores.
/// - A question's `mean` and `spread` are those of its level answers.
/// - A respondent's *overall score* is the weighted mean (dimension weights) of their
///   dimension scores. The overall `mean` is the weighted mean of the dimension means by
///   dimension weight, over the dimensions that have level answers; the overall `spread`
///   is the sample standard deviation of the respondents' overall scores.
/// - Agreement (r_wg(J)) and consistency (Cronbach's alpha) are computed per dimension over
///   all respondents.
/// - Gaps: for each dimension and each question, among the shown functions that have a
///   mean there, the pair with the largest difference (high minus low); only when at least
///   two shown functions have a mean, and differences of (practically) zero are dropped.
///
/// Cost is linear in the number of answers: question ids are mapped to indices once, and
/// counts are accumulated in flat arrays (10,000 responses × 40 questions: about 8 ms in a
/// release build with answers in model order, about 20 ms in random order).
/// Which function groups are shown on their own. A group below the threshold is hidden; and
/// because "everyone" minus the shown groups gives away the hidden groups' pooled answers,
/// while that pool is smaller than the threshold the smallest shown group is hidden too
/// (complementary suppression), until the pool is large enough or nothing is shown.
fn shown_groups(respondents: &[usize], min_group_size: usize) -> [bool; GROUPS] {
    let mut shown: [bool; GROUPS] = std::array::from_fn(|g| {
        g != EVERYONE && respondents[g] > 0 && respondents[g] >= min_group_size
    });
    loop {
        let hidden_pool: usize = (0..GROUPS)
            .filter(|&g| g != EVERYONE && !shown[g])
            .map(|g| respondents[g])
            .sum();
        if hidden_pool == 0 || hidden_pool >= min_group_size {
            return shown;
        }
        // Smallest shown group; among equals the last in `Function::ALL` order.
        let Some(smallest) = (0..GROUPS)
            .filter(|&g| shown[g])
            .min_by_key(|&g| (respondents[g], std::cmp::Reverse(g)))
        else {
            return shown;
        };
        shown[smallest] = false;
    }
}

pub fn compute<Id: AsRef<str>>(
    model: &MaturityModel,
    responses: &[ResponseAnswers<Id>],
    settings: &ResultsSettings,
) -> CampaignResults {
    let layout = Layout::new(model);
    let tallies = Tallies::accumulate(&layout, responses);
    let shown = shown_groups(&tallies.respondents, settings.min_group_size);

    let shown_functions = || {
        Function::ALL
            .into_iter()
            .filter(|&f| shown[group_of(f)])
            .map(|f| (f, group_of(f)))
    };

    let mut dimensions = Vec::with_capacity(model.dimensions.len());
    let mut gaps = Vec::new();
    for (d, dimension) in model.dimensions.iter().enumerate() {
        let range = layout.dimension_questions[d].clone();
        let by_function: Vec<FunctionSummary> = shown_functions()
            .map(|(function, g)| FunctionSummary {
                function,
                respondents: tallies.respondents[g],
                summary: tallies.dimension_summary(&layout, g, d),
            })
            .collect();
        let questions: Vec<QuestionResult> = dimension
            .questions
            .iter()
            .zip(range.clone())
            .map(|(question, q)| QuestionResult {
                id: question.id.clone(),
                text: question.text.clone(),
                summary: tallies.question_summary(EVERYONE, q),
                by_function: shown_functions()
                    .map(|(function, g)| FunctionSummary {
                        function,
                        respondents: tallies.respondents[g],
                        summary: tallies.question_summary(g, q),
                    })
                    .collect(),
                level_counts: tallies.level_counts(EVERYONE, q).to_vec(),
            })
            .collect();

        if let Some((high, low)) = widest_gap(&by_function) {
            gaps.push(PerceptionGap {
                dimension_id: dimension.id.clone(),
                dimension_title: dimension.title.clone(),
                question_id: None,
                question_text: None,
                high,
                low,
                size: high.mean - low.mean,
            });
        }
        for question in &questions {
            if let Some((high, low)) = widest_gap(&question.by_function) {
                gaps.push(PerceptionGap {
                    dimension_id: dimension.id.clone(),
                    dimension_title: dimension.title.clone(),
                    question_id: Some(question.id.clone()),
                    question_text: Some(question.text.clone()),
                    high,
                    low,
                    size: high.mean - low.mean,
                });
            }
        }

        dimensions.push(DimensionResult {
            id: dimension.id.clone(),
            title: dimension.title.clone(),
            summary: tallies.dimension_summary(&layout, EVERYONE, d),
            by_function,
            agreement: tallies.agreement(&layout, range.clone()),
            consistency: tallies.consistency(&layout, range),
            questions,
        });
    }
    // Stable sort: equal sizes keep the model order in which the gaps were pushed.
    gaps.sort_by(|a, b| b.size.total_cmp(&a.size));

    let by_function = Function::ALL
        .into_iter()
        .map(|f| (f, group_of(f)))
        .filter(|&(_, g)| tallies.respondents[g] > 0)
        .map(|(function, g)| FunctionCount {
            function,
            respondents: tallies.respondents[g],
            shown: shown[g],
            summary: shown[g].then(|| tallies.overall_summary(&layout, g)),
        })
        .collect();

    CampaignResults {
        respondents: responses.len(),
        by_function,
        overall: tallies.overall_summary(&layout, EVERYONE),
        dimensions,
        gaps,
        min_group_size: settings.min_group_size,
    }
}

/// Among functions that have a mean, the highest and the lowest (first in list order on
/// ties); `None` unless at least two have a mean and they differ.
fn widest_gap(by_function: &[FunctionSummary]) -> Option<(FunctionMean, FunctionMean)> {
    let mut with_mean = by_function.iter().filter_map(|fs| {
        fs.summary.mean.map(|mean| FunctionMean {
            function: fs.function,
            mean,
        })
    });
    let first = with_mean.next()?;
    let (mut high, mut low, mut count) = (first, first, 1);
    for candidate in with_mean {
        count += 1;
        if candidate.mean > high.mean {
            high = candidate;
        }
        if candidate.mean < low.mean {
            low = candidate;
        }
    }
    (count >= 2 && high.mean - low.mean > GAP_EPSILON).then_some((high, low))
}

/// The model flattened for counting: questions numbered 0.. in model order, so each
/// dimension's questions are one contiguous range.
struct Layout<'m> {
    scale: usize,
    question_weights: Vec<f64>,
    dimension_weights: Vec<f64>,
    dimension_questions: Vec<Range<usize>>,
    question_ids: Vec<&'m str>,
    index: HashMap<&'m str, usize>,
}

impl<'m> Layout<'m> {
    fn new(model: &'m MaturityModel) -> Self {
        let mut layout = Layout {
            scale: usize::from(model.scale()),
            question_weights: Vec::with_capacity(model.question_count()),
            dimension_weights: Vec::with_capacity(model.dimensions.len()),
            dimension_questions: Vec::with_capacity(model.dimensions.len()),
            question_ids: Vec::with_capacity(model.question_count()),
            index: HashMap::with_capacity(model.question_count()),
        };
        for dimension in &model.dimensions {
            let start = layout.question_ids.len();
            for question in &dimension.questions {
                layout
                    .index
                    .insert(question.id.as_str(), layout.question_ids.len());
                layout.question_ids.push(question.id.as_str());
                layout.question_weights.push(question.weight);
            }
            layout.dimension_weights.push(dimension.weight);
            layout
                .dimension_questions
                .push(start..layout.question_ids.len());
        }
        layout
    }

    fn question_count(&self) -> usize {
        self.question_ids.len()
    }

    /// The index of a question id. Responses usually list answers in model order, so the
    /// question after the previous one is tried before hashing.
    fn find(&self, id: &str, expected: usize) -> Option<usize> {
        if self.question_ids.get(expected) == Some(&id) {
            Some(expected)
        } else {
            self.index.get(id).copied()
        }
    }
}

/// Counts accumulated in one pass over the responses, per group (everyone, each function).
struct Tallies {
    question_count: usize,
    scale: usize,
    respondents: [usize; GROUPS],
    /// `[group][question][level - 1]`, flat.
    level_counts: Vec<usize>,
    /// `[group][question]`, flat.
    dont_know: Vec<usize>,
    not_applicable: Vec<usize>,
    /// Respondents' dimension scores, `[group][dimension]`, flat.
    dimension_scores: Vec<RunningStats>,
    /// Respondents' overall scores, per group.
    overall_scores: [RunningStats; GROUPS],
    /// Each respondent's level per question (0 = no level), `[respondent][question]`, flat;
    /// kept for Cronbach's alpha, which needs whole rows.
    levels: Vec<u8>,
}

impl Tallies {
    fn accumulate<Id: AsRef<str>>(layout: &Layout<'_>, responses: &[ResponseAnswers<Id>]) -> Self {
        let nq = layout.question_count();
        let nd = layout.dimension_weights.len();
        let scale = layout.scale;
        let mut tallies = Tallies {
            question_count: nq,
            scale,
            respondents: [0; GROUPS],
            level_counts: vec![0; GROUPS * nq * scale],
            dont_know: vec![0; GROUPS * nq],
            not_applicable: vec![0; GROUPS * nq],
            dimension_scores: vec![RunningStats::new(); GROUPS * nd],
            overall_scores: [RunningStats::new(); GROUPS],
            levels: vec![0; responses.len() * nq],
        };
        // The respondent's answers by question index, reused: last answer wins.
        let mut row: Vec<Option<Answer>> = vec![None; nq];

        for (r, response) in responses.iter().enumerate() {
            let g = group_of(response.function);
            tallies.respondents[EVERYONE] += 1;
            tallies.respondents[g] += 1;

            row.fill(None);
            let mut expected = 0;
            for (id, answer) in &response.answers {
                let Some(q) = layout.find(id.as_ref(), expected) else {
                    continue;
                };
                expected = q + 1;
                if let Answer::Level(level) = answer {
                    if *level == 0 || usize::from(*level) > scale {
                        continue;
                    }
                }
                row[q] = Some(*answer);
            }

            let levels = &mut tallies.levels[r * nq..(r + 1) * nq];
            let mut overall = (0.0, 0.0);
            for (d, range) in layout.dimension_questions.iter().enumerate() {
                let mut score = (0.0, 0.0);
                for q in range.clone() {
                    match row[q] {
                        Some(Answer::Level(level)) => {
                            levels[q] = level;
                            let l = usize::from(level);
                            for group in [EVERYONE, g] {
                                tallies.level_counts[(group * nq + q) * scale + l - 1] += 1;
                            }
                            let w = layout.question_weights[q];
                            score.0 += w * f64::from(level);
                            score.1 += w;
                        }
                        Some(Answer::DontKnow) => {
                            for group in [EVERYONE, g] {
                                tallies.dont_know[group * nq + q] += 1;
                            }
                        }
                        Some(Answer::NotApplicable) => {
                            for group in [EVERYONE, g] {
                                tallies.not_applicable[group * nq + q] += 1;
                            }
                        }
                        None => {}
                    }
                }
                if score.1 > 0.0 {
                    let dimension_score = score.0 / score.1;
                    for group in [EVERYONE, g] {
                        tallies.dimension_scores[group * nd + d].push(dimension_score);
                    }
                    let w = layout.dimension_weights[d];
                    overall.0 += w * dimension_score;
                    overall.1 += w;
                }
            }
            if overall.1 > 0.0 {
                let overall_score = overall.0 / overall.1;
                for group in [EVERYONE, g] {
                    tallies.overall_scores[group].push(overall_score);
                }
            }
        }
        tallies
    }

    fn level_counts(&self, group: usize, q: usize) -> &[usize] {
        let start = (group * self.question_count + q) * self.scale;
        &self.level_counts[start..start + self.scale]
    }

    /// Count, mean and sample variance of a question's level answers, computed exactly
    /// from the level counts in two passes (levels are small integers).
    fn question_moments(&self, group: usize, q: usize) -> (usize, Option<f64>, Option<f64>) {
        let counts = self.level_counts(group, q);
        let answers: usize = counts.iter().sum();
        let levels = || (1..).zip(counts).map(|(l, &c)| (f64::from(l), c as f64));
        let mean =
            (answers > 0).then(|| levels().map(|(l, c)| l * c).sum::<f64>() / answers as f64);
        let variance = match mean {
            Some(m) if answers >= 2 => Some(
                levels().map(|(l, c)| c * (l - m) * (l - m)).sum::<f64>() / (answers - 1) as f64,
            ),
            _ => None,
        };
        (answers, mean, variance)
    }

    fn question_summary(&self, group: usize, q: usize) -> Summary {
        let (answers, mean, variance) = self.question_moments(group, q);
        let at = group * self.question_count + q;
        summary(
            mean,
            variance.map(f64::sqrt),
            answers,
            self.dont_know[at],
            self.not_applicable[at],
        )
    }

    fn dimension_summary(&self, layout: &Layout<'_>, group: usize, d: usize) -> Summary {
        let nd = layout.dimension_weights.len();
        let (mut weighted_sum, mut weight) = (0.0, 0.0);
        let (mut answers, mut dont_know, mut not_applicable) = (0, 0, 0);
        for q in layout.dimension_questions[d].clone() {
            let w = layout.question_weights[q];
            for (l, &c) in (1..).zip(self.level_counts(group, q)) {
                weighted_sum += w * f64::from(l) * c as f64;
                weight += w * c as f64;
                answers += c;
            }
            let at = group * self.question_count + q;
            dont_know += self.dont_know[at];
            not_applicable += self.not_applicable[at];
        }
        summary(
            (weight > 0.0).then(|| weighted_sum / weight),
            self.dimension_scores[group * nd + d].sample_std_dev(),
            answers,
            dont_know,
            not_applicable,
        )
    }

    /// Overall numbers for a group: dimension means combined by dimension weight.
    fn overall_summary(&self, layout: &Layout<'_>, group: usize) -> Summary {
        let summaries: Vec<Summary> = (0..layout.dimension_weights.len())
            .map(|d| self.dimension_summary(layout, group, d))
            .collect();
        let pairs: Vec<(f64, f64)> = summaries
            .iter()
            .zip(&layout.dimension_weights)
            .filter_map(|(s, &w)| s.mean.map(|m| (m, w)))
            .collect();
        summary(
            stats::weighted_mean(&pairs),
            self.overall_scores[group].sample_std_dev(),
            summaries.iter().map(|s| s.answers).sum(),
            summaries.iter().map(|s| s.dont_know).sum(),
            summaries.iter().map(|s| s.not_applicable).sum(),
        )
    }

    /// r_wg(J) over a dimension's questions, everyone's answers.
    fn agreement(&self, layout: &Layout<'_>, questions: Range<usize>) -> Option<f64> {
        let variances: Vec<f64> = questions
            .filter_map(|q| self.question_moments(EVERYONE, q).2)
            .collect();
        stats::r_wg_j_from_item_variances(&variances, u8::try_from(layout.scale).ok()?)
    }

    /// Cronbach's alpha over a dimension's questions, respondents with a level on each.
    fn consistency(&self, layout: &Layout<'_>, questions: Range<usize>) -> Option<f64> {
        let nq = layout.question_count();
        if questions.len() < 2 || nq == 0 {
            return None;
        }
        let mut complete = Vec::new();
        for levels in self.levels.chunks_exact(nq) {
            let answered = &levels[questions.clone()];
            if answered.iter().all(|&l| l > 0) {
                complete.extend(answered.iter().map(|&l| f64::from(l)));
            }
        }
        stats::cronbach_alpha_complete(&complete, questions.len())
    }
}

fn summary(
    mean: Option<f64>,
    spread: Option<f64>,
    answers: usize,
    dont_know: usize,
    not_applicable: usize,
) -> Summary {
    let rated_or_unsure = answers + dont_know;
    Summary {
        mean,
        spread,
        answers,
        dont_know,
        not_applicable,
        dont_know_share: (rated_or_unsure > 0).then(|| dont_know as f64 / rated_or_unsure as f64),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Dimension, Question};
    use Answer::{DontKnow, Level, NotApplicable};
    use Function::{CustomerSuccess, Leadership, Marketing, Operations, Sales};

    fn question(id: &str, text: &str, weight: f64) -> Question {
        Question {
            id: id.into(),
            text: text.into(),
            help_html: None,
            weight,
            levels: (1..=5).map(|l| format!("Level {l}")).collect(),
        }
    }

    /// Two dimensions: "Handoffs" (weight 2) with q1 (weight 1) and q2 (weight 3), and
    /// "Data quality" (weight 1) with q3 (weight 1). Five levels.
    fn model() -> MaturityModel {
        MaturityModel {
            id: "revops-maturity".into(),
            title: "RevOps maturity".into(),
            version: "1".into(),
            locale: "en".into(),
            level_names: ["Siloed", "Emerging", "Defined", "Aligned", "Unified"]
                .map(String::from)
                .to_vec(),
            intro_html: String::new(),
            dimensions: vec![
                Dimension {
                    id: "handoffs".into(),
                    title: "Handoffs".into(),
                    description_html: String::new(),
                    weight: 2.0,
                    questions: vec![
                        question("q1", "Lead handoff is defined", 1.0),
                        question("q2", "Customer handoff is defined", 3.0),
                    ],
                },
                Dimension {
                    id: "data".into(),
                    title: "Data quality".into(),
                    description_html: String::new(),
                    weight: 1.0,
                    questions: vec![question("q3", "CRM data is trusted", 1.0)],
                },
            ],
        }
    }

    fn response(function: Function, answers: &[(&str, Answer)]) -> ResponseAnswers {
        ResponseAnswers {
            function,
            answers: answers
                .iter()
                .map(|&(id, answer)| (id.to_string(), answer))
                .collect(),
        }
    }

    /// `count` respondents of `function` who all give levels q1, q2, q3.
    fn alike(function: Function, count: usize, levels: [u8; 3]) -> Vec<ResponseAnswers> {
        let answers = [
            ("q1", Level(levels[0])),
            ("q2", Level(levels[1])),
            ("q3", Level(levels[2])),
        ];
        (0..count).map(|_| response(function, &answers)).collect()
    }

    fn results(responses: &[ResponseAnswers]) -> CampaignResults {
        compute(&model(), responses, &ResultsSettings::default())
    }

    fn assert_close(actual: Option<f64>, expected: f64) {
        let actual = actual.expect("expected a value, got None");
        assert!(
            (actual - expected).abs() < 1e-12,
            "expected {expected}, got {actual}"
        );
    }

    /// A deterministic mix of answers from four functions (one below the threshold).
    fn varied_responses() -> Vec<ResponseAnswers> {
        let mut seed: u32 = 7;
        let mut next = move || {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (seed >> 16) % 7
        };
        let functions = [
            (Marketing, 4),
            (Sales, 5),
            (CustomerSuccess, 3),
            (Leadership, 2),
        ];
        let mut responses = Vec::new();
        for (function, count) in functions {
            for _ in 0..count {
                let answers: Vec<(&str, Answer)> = ["q1", "q2", "q3"]
                    .into_iter()
                    .map(|id| {
                        let answer = match next() {
                            0 => DontKnow,
                            6 => NotApplicable,
                            level => Level(level as u8),
                        };
                        (id, answer)
                    })
                    .collect();
                responses.push(response(function, &answers));
            }
        }
        responses
    }

    #[test]
    fn a_hidden_group_smaller_than_the_threshold_hides_the_smallest_shown_group_too() {
        let n = |marketing, sales, cs| {
            let mut respondents = [0; GROUPS];
            respondents[group_of(Function::Marketing)] = marketing;
            respondents[group_of(Function::Sales)] = sales;
            respondents[group_of(Function::CustomerSuccess)] = cs;
            respondents[EVERYONE] = marketing + sales + cs;
            respondents
        };
        let shown = |respondents: [usize; GROUPS]| {
            let flags = shown_groups(&respondents, 3);
            Function::ALL
                .into_iter()
                .filter(|&f| flags[group_of(f)])
                .collect::<Vec<_>>()
        };
        // Marketing's 2 could be worked out as everyone minus sales: sales is hidden too.
        assert_eq!(shown(n(2, 3, 0)), vec![]);
        // Hiding customer success (the later of two equal groups) makes the pool 5.
        assert_eq!(shown(n(2, 3, 3)), vec![Function::Sales]);
        // Nothing hidden, or a hidden pool at the threshold: everyone large enough is shown.
        assert_eq!(
            shown(n(3, 4, 0)),
            vec![Function::Marketing, Function::Sales]
        );
        assert_eq!(
            shown(n(1, 4, 2)),
            vec![Function::Sales],
            "marketing and customer success pool to 3"
        );
    }

    #[test]
    fn means_use_question_and_dimension_weights() {
        let responses = [
            response(
                Sales,
                &[("q1", Level(2)), ("q2", Level(4)), ("q3", Level(3))],
            ),
            response(
                Sales,
                &[("q1", Level(4)), ("q2", Level(4)), ("q3", Level(5))],
            ),
            response(
                Sales,
                &[("q1", Level(3)), ("q2", DontKnow), ("q3", NotApplicable)],
            ),
        ];
        let results = results(&responses);

        let handoffs = &results.dimensions[0];
        // Pooled: q1 levels 2+4+3 = 9 at weight 1, q2 levels 4+4 = 8 at weight 3:
        // (9·1 + 8·3) / (3·1 + 2·3) = 33/9 = 11/3.
        assert_close(handoffs.summary.mean, 11.0 / 3.0);
        // Respondent scores (2·1+4·3)/4 = 3.5, (4+12)/4 = 4, 3/1 = 3: mean 3.5,
        // squared deviations 0 + .25 + .25 = .5, variance .25, SD .5.
        assert_close(handoffs.summary.spread, 0.5);
        assert_eq!(handoffs.summary.answers, 5);

        let data = &results.dimensions[1];
        // Levels 3 and 5: mean 4, SD √2.
        assert_close(data.summary.mean, 4.0);
        assert_close(data.summary.spread, 2.0f64.sqrt());

        // Overall mean: (2·11/3 + 1·4) / 3 = 34/9.
        assert_close(results.overall.mean, 34.0 / 9.0);
        // Overall scores: (2·3.5 + 3)/3 = 10/3, (2·4 + 5)/3 = 13/3, 3 (handoffs only).
        // Mean 32/9; squared deviations (4 + 49 + 25)/81 = 78/81; variance 39/81.
        assert_close(results.overall.spread, (39.0f64 / 81.0).sqrt());

        // Only Sales answered, so its numbers are everyone's.
        assert_eq!(handoffs.by_function.len(), 1);
        assert_eq!(handoffs.by_function[0].function, Sales);
        assert_eq!(handoffs.by_function[0].respondents, 3);
        assert_eq!(handoffs.by_function[0].summary, handoffs.summary);
        assert_eq!(
            results.by_function[0].summary.as_ref(),
            Some(&results.overall)
        );

        let q1 = &handoffs.questions[0];
        assert_close(q1.summary.mean, 3.0);
        assert_close(q1.summary.spread, 1.0);
        assert_eq!(q1.level_counts, vec![0, 1, 1, 1, 0]);
    }

    #[test]
    fn dont_know_and_not_applicable_never_count_as_levels() {
        let responses = [
            response(
                Marketing,
                &[("q1", DontKnow), ("q2", DontKnow), ("q3", NotApplicable)],
            ),
            response(
                Marketing,
                &[
                    ("q1", NotApplicable),
                    ("q2", DontKnow),
                    ("q3", NotApplicable),
                ],
            ),
            response(
                Marketing,
                &[("q1", Level(4)), ("q2", DontKnow), ("q3", NotApplicable)],
            ),
        ];
        let results = results(&responses);
        let handoffs = &results.dimensions[0];
        let (q1, q2) = (&handoffs.questions[0], &handoffs.questions[1]);
        let q3 = &results.dimensions[1].questions[0];

        // q1: one level (4), one don't-know, one not-applicable: share 1 / (1 + 1).
        assert_eq!(
            (
                q1.summary.answers,
                q1.summary.dont_know,
                q1.summary.not_applicable
            ),
            (1, 1, 1)
        );
        assert_close(q1.summary.mean, 4.0);
        assert_eq!(q1.summary.spread, None);
        assert_close(q1.summary.dont_know_share, 0.5);
        assert_eq!(q1.level_counts, vec![0, 0, 0, 1, 0]);

        // q2: only don't-knows: no mean, share 3 / (0 + 3).
        assert_eq!(q2.summary.mean, None);
        assert_close(q2.summary.dont_know_share, 1.0);

        // q3: only not-applicable: no mean, and no share (nobody could rate it).
        assert_eq!(q3.summary.mean, None);
        assert_eq!(q3.summary.not_applicable, 3);
        assert_eq!(q3.summary.dont_know_share, None);

        // The dimension: 1 level, 4 don't-knows, 1 not-applicable: share 4/5.
        assert_close(handoffs.summary.mean, 4.0);
        assert_close(handoffs.summary.dont_know_share, 0.8);
        // Overall: only the handoffs dimension has a level, so its mean is the overall.
        assert_close(results.overall.mean, 4.0);
        assert_eq!(
            (
                results.overall.answers,
                results.overall.dont_know,
                results.overall.not_applicable
            ),
            (1, 4, 4)
        );
        assert_close(results.overall.dont_know_share, 0.8);
    }

    #[test]
    fn a_function_below_the_threshold_is_hidden_but_counts_overall() {
        // Customer success (2) is below the threshold; marketing (3) is hidden as well, so
        // that everyone minus sales does not give away customer success's answers.
        let mut responses = alike(Marketing, 3, [2, 2, 2]);
        responses.extend(alike(Sales, 4, [4, 4, 4]));
        responses.extend(alike(CustomerSuccess, 2, [1, 1, 1]));
        let results = results(&responses);

        assert_eq!(results.respondents, 9);
        assert_eq!(
            results.by_function,
            vec![
                FunctionCount {
                    function: Marketing,
                    respondents: 3,
                    shown: false,
                    summary: None,
                },
                FunctionCount {
                    function: Sales,
                    respondents: 4,
                    shown: true,
                    summary: results.by_function[1].summary.clone(),
                },
                FunctionCount {
                    function: CustomerSuccess,
                    respondents: 2,
                    shown: false,
                    summary: None,
                },
            ]
        );
        for dimension in &results.dimensions {
            let functions: Vec<Function> =
                dimension.by_function.iter().map(|f| f.function).collect();
            assert_eq!(functions, vec![Sales]);
            for question in &dimension.questions {
                let functions: Vec<Function> =
                    question.by_function.iter().map(|f| f.function).collect();
                assert_eq!(functions, vec![Sales]);
            }
        }
        assert!(results.gaps.is_empty());
        // Overall q1: (3·2 + 4·4 + 2·1) / 9 = 24 / 9; the hidden answers still count.
        assert_close(results.dimensions[0].questions[0].summary.mean, 24.0 / 9.0);
        assert_eq!(results.overall.answers, 27);
    }

    #[test]
    fn the_top_gap_names_the_two_functions_furthest_apart() {
        let mut responses = alike(Marketing, 3, [3, 3, 3]);
        responses.extend(alike(Sales, 3, [5, 4, 3]));
        responses.extend(alike(CustomerSuccess, 3, [2, 2, 3]));
        let results = results(&responses);

        // q1: Sales 5 vs customer success 2 (3.0); handoffs: Sales (5·1 + 4·3)/4 = 4.25 vs
        // 2 (2.25); q2: 4 vs 2 (2.0). Everyone rates data quality 3: no gap there.
        let top = &results.gaps[0];
        assert_eq!(top.question_id.as_deref(), Some("q1"));
        assert_eq!(
            top.high,
            FunctionMean {
                function: Sales,
                mean: 5.0
            }
        );
        assert_eq!(
            top.low,
            FunctionMean {
                function: CustomerSuccess,
                mean: 2.0
            }
        );
        assert_close(Some(top.size), 3.0);
        assert_eq!(
            top.sentence(),
            "Sales rates \u{201c}Lead handoff is defined\u{201d} 5.0, customer success 2.0"
        );

        let dimension_gap = &results.gaps[1];
        assert_eq!(dimension_gap.dimension_id, "handoffs");
        assert_eq!(dimension_gap.question_id, None);
        assert_close(Some(dimension_gap.high.mean), 4.25);
        assert_close(Some(dimension_gap.size), 2.25);
        // 4.25 rounds half away from zero.
        assert_eq!(
            dimension_gap.sentence(),
            "Sales rates handoffs 4.3, customer success 2.0"
        );

        assert_eq!(results.gaps[2].question_id.as_deref(), Some("q2"));
        assert_eq!(results.gaps.len(), 3);
    }

    #[test]
    fn gaps_are_sorted_largest_first_among_shown_functions_only() {
        let results = results(&varied_responses());
        assert!(!results.gaps.is_empty());
        for pair in results.gaps.windows(2) {
            assert!(
                pair[0].size >= pair[1].size,
                "{} before {}",
                pair[0].size,
                pair[1].size
            );
        }
        for gap in &results.gaps {
            assert!(gap.size > 0.0);
            assert_close(Some(gap.size), gap.high.mean - gap.low.mean);
            // Leadership has 2 respondents: below the threshold.
            assert_ne!(gap.high.function, Leadership);
            assert_ne!(gap.low.function, Leadership);
        }
    }

    #[test]
    fn a_tie_for_highest_names_the_function_listed_first() {
        let mut responses = alike(Sales, 3, [4, 4, 4]);
        responses.extend(alike(Marketing, 3, [4, 4, 4]));
        responses.extend(alike(CustomerSuccess, 3, [2, 4, 4]));
        let results = results(&responses);
        let q1_gap = results
            .gaps
            .iter()
            .find(|gap| gap.question_id.as_deref() == Some("q1"))
            .expect("a gap on q1");
        assert_eq!(q1_gap.high.function, Marketing);
        assert_eq!(q1_gap.low.function, CustomerSuccess);
    }

    #[test]
    fn agreement_and_consistency_match_hand_computed_values() {
        let mut responses: Vec<ResponseAnswers> = [(1, 2), (2, 3), (3, 3), (4, 5)]
            .into_iter()
            .map(|(a, b)| response(Operations, &[("q1", Level(a)), ("q2", Level(b))]))
            .collect();
        responses.push(response(Operations, &[("q1", Level(3)), ("q2", DontKnow)]));
        let results = results(&responses);
        let handoffs = &results.dimensions[0];

        // Agreement over all level answers: q1 = 1,2,3,4,3 (variance 13/10), q2 = 2,3,3,5
        // (variance 19/12); mean variance 173/120; ratio to σ²_EU = 2 is 173/240;
        // r_wg(J) = 2·(67/240) / (2·(67/240) + 173/240) = 134/307 (Python fractions).
        assert_close(handoffs.agreement, 134.0 / 307.0);
        // Alpha over the four complete rows (the don't-know row is dropped): item
        // variances 5/3 and 19/12, totals 3,5,6,9 with variance 6.25;
        // α = 2·(1 - 3.25/6.25) = 24/25.
        assert_close(handoffs.consistency, 0.96);
        // One question: no alpha. Nobody answered q3: no agreement.
        assert_eq!(results.dimensions[1].consistency, None);
        assert_eq!(results.dimensions[1].agreement, None);
    }

    #[test]
    fn agreement_and_consistency_are_none_with_too_few_answers() {
        let one = results(&alike(Sales, 1, [3, 4, 5]));
        assert_eq!(one.dimensions[0].agreement, None);
        assert_eq!(one.dimensions[0].consistency, None);

        let mut two = alike(Sales, 1, [3, 4, 5]);
        two.extend(alike(Sales, 1, [2, 5, 5]));
        let two = results(&two);
        assert!(two.dimensions[0].agreement.is_some());
        assert_eq!(two.dimensions[0].consistency, None);
    }

    #[test]
    fn answers_to_unknown_questions_and_levels_off_the_scale_are_ignored() {
        let clean = results(&[response(Sales, &[("q1", Level(2))])]);
        let noisy = results(&[response(
            Sales,
            &[
                ("retired", Level(5)),
                ("q1", Level(2)),
                ("q2", Level(9)),
                ("q3", Level(0)),
            ],
        )]);
        assert_eq!(clean, noisy);
        assert_eq!(noisy.overall.answers, 1);
    }

    #[test]
    fn a_later_answer_to_the_same_question_wins() {
        let results = results(&[response(Sales, &[("q1", Level(2)), ("q1", Level(5))])]);
        let q1 = &results.dimensions[0].questions[0];
        assert_eq!(q1.summary.answers, 1);
        assert_close(q1.summary.mean, 5.0);
    }

    #[test]
    fn functions_are_listed_in_function_order() {
        let mut responses = alike(Leadership, 3, [3, 3, 3]);
        responses.extend(alike(Marketing, 3, [4, 4, 4]));
        let results = results(&responses);
        let counted: Vec<Function> = results.by_function.iter().map(|f| f.function).collect();
        assert_eq!(counted, vec![Marketing, Leadership]);
        let shown: Vec<Function> = results.dimensions[0]
            .by_function
            .iter()
            .map(|f| f.function)
            .collect();
        assert_eq!(shown, vec![Marketing, Leadership]);
    }

    #[test]
    fn no_responses_give_empty_results_not_a_panic() {
        let results = results(&[]);
        assert_eq!(results.respondents, 0);
        assert!(results.by_function.is_empty());
        assert_eq!(results.overall.mean, None);
        assert_eq!(results.overall.dont_know_share, None);
        assert_eq!(results.dimensions.len(), 2);
        assert_eq!(results.dimensions[0].questions[0].level_counts, vec![0; 5]);
        assert!(results.gaps.is_empty());
        assert_eq!(results.min_group_size, DEFAULT_MIN_GROUP_SIZE);
    }

    #[test]
    fn same_input_gives_the_same_output() {
        let responses = varied_responses();
        let first = results(&responses);
        let second = results(&responses);
        assert_eq!(first, second);
        assert_eq!(
            serde_json::to_string(&first).unwrap(),
            serde_json::to_string(&second).unwrap()
        );
    }

    #[test]
    fn results_round_trip_through_json() {
        let results = results(&varied_responses());
        let json = serde_json::to_string(&results).unwrap();
        let back: CampaignResults = serde_json::from_str(&json).unwrap();
        // serde_json without its `float_roundtrip` feature may parse a float one ulp off,
        // so compare the structure exactly and the numbers closely.
        assert_eq!(back.by_function.len(), results.by_function.len());
        assert_eq!(back.dimensions.len(), results.dimensions.len());
        assert_eq!(back.gaps.len(), results.gaps.len());
        for (a, b) in back.gaps.iter().zip(&results.gaps) {
            assert_eq!(
                (a.high.function, a.low.function),
                (b.high.function, b.low.function)
            );
            assert!((a.size - b.size).abs() < 1e-12);
        }
        assert!((back.overall.mean.unwrap() - results.overall.mean.unwrap()).abs() < 1e-12);
    }

    #[test]
    fn sentences_keep_acronyms_and_lower_case_other_titles() {
        let gap = |title: &str| PerceptionGap {
            dimension_id: "d".into(),
            dimension_title: title.into(),
            question_id: None,
            question_text: None,
            high: FunctionMean {
                function: CustomerSuccess,
                mean: 4.06,
            },
            low: FunctionMean {
                function: Sales,
                mean: 2.24,
            },
            size: 1.82,
        };
        assert_eq!(
            gap("Data quality").sentence(),
            "Customer success rates data quality 4.1, sales 2.2"
        );
        assert_eq!(
            gap("CRM hygiene").sentence(),
            "Customer success rates CRM hygiene 4.1, sales 2.2"
        );
        assert_eq!(
            gap("RevOps governance").sentence(),
            "Customer success rates RevOps governance 4.1, sales 2.2"
        );
    }
}
