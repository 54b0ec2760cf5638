//! Why the roadmap planner put an initiative where it did, or left it out: as data, so that
//! the words are chosen where the reason is shown, in the reader's language, with the
//! initiative titles of that language. The planner decides; [`Reason::words`] writes.

use super::model::Function;
use super::planner::{level, weeks, PerceptionGapInfo};
use crate::i18n::I18n;
use serde::{Deserialize, Serialize};

/// Why an initiative is in the plan, or why not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reason {
    /// Scheduled.
    Planned {
        /// The dimension it lifts that weighs most in its score, if any.
        gap: Option<GapNote>,
        /// The scheduled or waiting initiatives that need it, in rank order.
        needed_before: Vec<Named>,
        /// What became of people's pin, if it has one.
        pin: Option<PinOutcome>,
    },
    /// Not scheduled: the first cause that applies.
    Unscheduled {
        /// The phase people pinned it to (1-based), if they did.
        pinned_to: Option<usize>,
        cause: Unplaced,
    },
}

/// An initiative a reason names: its id, and its title in the library the plan was made
/// from (the words may use a translation instead).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Named {
    pub id: String,
    pub title: String,
}

/// A dimension below its target, as a reason names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GapNote {
    /// The dimension's title, in the language of the results the plan was made from.
    pub dimension: String,
    pub current: f64,
    pub target: f64,
    /// The functions' widest difference on it, when it is worth a clause.
    pub perception: Option<PerceptionGapInfo>,
}

/// What became of a pin. Phases are 1-based.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum PinOutcome {
    /// In the phase people chose.
    Kept,
    /// Later than chosen, because these prerequisites were not ready in time.
    Moved {
        requested: usize,
        phase: usize,
        blockers: Vec<Named>,
    },
    /// Chosen beyond the plan's last phase, so in the last one.
    Last { requested: usize, phase: usize },
}

/// Why a candidate found no phase. Phases are 1-based.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Unplaced {
    NoPhases,
    DroppedPrerequisites(Vec<Named>),
    /// Prerequisites the library does not have (their ids as written).
    UnknownPrerequisites(Vec<String>),
    NoEffort,
    TooBig {
        effort: f64,
        capacity: f64,
    },
    Waiting(Vec<Named>),
    OnlyInLastPhase(Vec<Named>),
    NoCapacity {
        first: usize,
        last: usize,
    },
}

impl Reason {
    /// The words in English, with the titles the plan was made with.
    pub fn english(&self) -> String {
        self.words(I18n::default(), &|_| None)
    }

    /// The reason in words, in the language of `i18n`. `translated` gives an initiative's
    /// title in that language by id, where there is one; otherwise the title the plan was
    /// made with is used.
    pub fn words(&self, i18n: I18n, translated: &dyn Fn(&str) -> Option<String>) -> String {
        let titles = |named: &[Named]| {
            let titles: Vec<String> = named
                .iter()
                .map(|n| translated(&n.id).unwrap_or_else(|| n.title.clone()))
                .collect();
            join(i18n, &titles)
        };
        let count = |named: &[Named]| ("count", named.len().into());
        match self {
            Reason::Planned {
                gap,
                needed_before,
                pin,
            } => {
                let gap = gap.as_ref().map(|gap| gap_clause(i18n, gap));
                let body = match (gap, needed_before.is_empty()) {
                    (Some(gap), false) => i18n.t_with(
                        "planner-gap-needed-before",
                        &[
                            ("gap", gap.into()),
                            ("titles", titles(needed_before).into()),
                        ],
                    ),
                    (Some(gap), true) => gap,
                    (None, false) => i18n.t_with(
                        "planner-needed-before",
                        &[("titles", titles(needed_before).into())],
                    ),
                    (None, true) => i18n.t("planner-nothing-below-target"),
                };
                match pin {
                    None => body,
                    Some(PinOutcome::Kept) => {
                        i18n.t_with("planner-pinned", &[("body", body.into())])
                    }
                    Some(PinOutcome::Moved {
                        requested,
                        phase,
                        blockers,
                    }) => i18n.t_with(
                        "planner-pin-moved",
                        &[
                            ("requested", (*requested).into()),
                            ("phase", (*phase).into()),
                            ("blockers", titles(blockers).into()),
                            ("body", body.into()),
                        ],
                    ),
                    Some(PinOutcome::Last { requested, phase }) => i18n.t_with(
                        "planner-pin-last",
                        &[
                            ("requested", (*requested).into()),
                            ("phase", (*phase).into()),
                            ("body", body.into()),
                        ],
                    ),
                }
            }
            Reason::Unscheduled { pinned_to, cause } => {
                let cause = match cause {
                    Unplaced::NoPhases => i18n.t("planner-no-phases"),
                    Unplaced::DroppedPrerequisites(ids) => i18n.t_with(
                        "planner-needs-dropped",
                        &[("titles", titles(ids).into()), count(ids)],
                    ),
                    Unplaced::UnknownPrerequisites(ids) => i18n.t_with(
                        "planner-needs-unknown",
                        &[("ids", join(i18n, ids).into()), ("count", ids.len().into())],
                    ),
                    Unplaced::NoEffort => i18n.t("planner-no-effort"),
                    Unplaced::TooBig { effort, capacity } => i18n.t_with(
                        "planner-too-big",
                        &[
                            ("effort", weeks(*effort).into()),
                            ("capacity", weeks(*capacity).into()),
                        ],
                    ),
                    Unplaced::Waiting(ids) => i18n.t_with(
                        "planner-needs-unscheduled",
                        &[("titles", titles(ids).into()), count(ids)],
                    ),
                    Unplaced::OnlyInLastPhase(ids) => i18n.t_with(
                        "planner-needs-last-phase",
                        &[("titles", titles(ids).into()), count(ids)],
                    ),
                    Unplaced::NoCapacity { first, last } if first == last => {
                        i18n.t_with("planner-no-capacity-phase", &[("phase", (*last).into())])
                    }
                    Unplaced::NoCapacity { first, last } => i18n.t_with(
                        "planner-no-capacity-phases",
                        &[("first", (*first).into()), ("last", (*last).into())],
                    ),
                };
                match pinned_to {
                    Some(phase) => i18n.t_with(
                        "planner-pinned-unscheduled",
                        &[("phase", (*phase).into()), ("cause", cause.into())],
                    ),
                    None => cause,
                }
            }
        }
    }
}

/// "Data: 1.8 → target 3.0; marketing and sales differ by 1.9".
fn gap_clause(i18n: I18n, gap: &GapNote) -> String {
    let clause = i18n.t_with(
        "planner-gap",
        &[
            ("dimension", gap.dimension.clone().into()),
            ("current", level(gap.current).into()),
            ("target", level(gap.target).into()),
        ],
    );
    match &gap.perception {
        Some(perception) => i18n.t_with(
            "planner-gap-differ",
            &[
                ("gap", clause.into()),
                ("high", function_in_sentence(i18n, &perception.high).into()),
                ("low", function_in_sentence(i18n, &perception.low).into()),
                ("size", level(perception.gap).into()),
            ],
        ),
        None => clause,
    }
}

/// A function the planner names by its English label, in the reader's language and as it
/// reads inside a sentence ("customer success").
fn function_in_sentence(i18n: I18n, label: &str) -> String {
    let name =
        Function::from_label(label).map_or_else(|| label.to_owned(), |f| i18n.t(f.label_key()));
    super::results::lower_first_word(&name)
}

/// "A", "A and B", "A, B and C" (`A、B和C`).
pub fn join(i18n: I18n, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => i18n.t_with(
            "list-and",
            &[
                ("init", init.join(&i18n.t("list-separator")).into()),
                ("last", last.clone().into()),
            ],
        ),
    }
}
