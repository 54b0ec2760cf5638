//! The roadmap planner: from where each maturity dimension stands, where an executive wants
//! it, and the initiative library, a phased transformation roadmap with a reason for every
//! step (as data: [`Reason`] is worded where it is shown, in the reader's language) and the
//! level each dimension is projected to reach after each phase.
//!
//! Pure and deterministic: the same inputs give the same plan, whatever the order of the
//! initiatives. Nothing here does I/O; people's choices (pins and drops) come in as data,
//! so they survive re-planning simply by being passed again.
//!
//! # Rules
//!
//! - **Useful lift.** A lift is useful when its dimension is below its target
//!   (`current < target`), it would raise it (`to > current`) and it can take effect
//!   before the target is reached (`from - 1 < target`; see the projection rule: a lift
//!   that needs the dimension at the target already cannot close the gap). Lifts for
//!   dimensions not in the input are ignored.
//! - **Relevant.** An initiative with at least one useful lift. Irrelevant initiatives are
//!   ignored, except when pinned or needed as a prerequisite.
//! - **Done.** An initiative all of whose lifts are for known dimensions already at or above
//!   its `to` level: the company is already there, so as a prerequisite it counts as met
//!   and is not scheduled (unless pinned: then what needs it waits for it like for any
//!   other, so that nothing shares a phase with its prerequisite).
//! - **Score** = Σ over the dimensions of its useful lifts of
//!   (min(to, target) − current) × weight × urgency × impact factor, where urgency is
//!   1 + the dimension's perception gap in levels (misalignment first). Two useful lifts
//!   on the same dimension count once, with the larger gain, so a split lift is not
//!   counted twice.
//! - **Candidates** are the relevant and the pinned initiatives, plus (transitively) every
//!   prerequisite of a candidate that is not done; a pulled-in prerequisite that lifts
//!   nothing needed is explained as `"Needed before <title>"`. Dropped initiatives are never
//!   candidates and are not listed anywhere; a candidate that needs one (not done, directly
//!   or through other prerequisites) cannot be scheduled, and pulls in no prerequisites
//!   except those that share its fate (work done for nothing would only crowd the plan).
//! - **Ranking.** Prerequisites of pinned initiatives come first (the earliest pin first), so
//!   that pins can stay where people put them. Then by *priority*: the score, raised to the
//!   priority of any candidate that depends on it, so that a low-scoring prerequisite of a
//!   high-scoring initiative is not left for last. Then by score, then by id (ascending).
//! - **Greedy fill.** Phases in order. In each phase first the initiatives pinned to it whose
//!   prerequisites are all done or in earlier phases, whatever their effort (a phase can
//!   only be over capacity through its pins). A pin whose prerequisites are not ready moves
//!   to the next phase, and its reason says so; a pin beyond the last phase goes to the last.
//!   Then, in rank order, every unpinned candidate whose prerequisites are all done or in
//!   earlier phases (never the same phase: the work runs in parallel) and whose effort fits
//!   the capacity left. Prerequisites are thus never scheduled after or with what needs them.
//! - **Unscheduled** lists the candidates that found no phase, with why: too big for any
//!   phase, a dropped or unknown prerequisite, a prerequisite that is itself unscheduled or
//!   only done in the last phase, or capacity that ran out.
//! - **Projection.** `levels[0]` is the current level; after phase `p`, every initiative
//!   done in phases `0..=p` raises each of its dimensions to `max(level, min(to, 5))`, but
//!   only when the level before phase `p` is at least `from - 1` (an initiative from 3 to 4
//!   does not help a dimension at 1.5, but does one at 2.2). Initiatives of the same phase
//!   do not build on each other; those of earlier phases do, so a 1→2 then 2→3 chain
//!   across phases works. Levels never go down and never exceed [`MAX_LEVEL`] (for current
//!   levels within the scale).
//!
//! Inputs are assumed valid as the content loader and the campaign settings guarantee them
//! (unique ids, no prerequisite cycles, finite levels, weights and efforts). Should they not
//! be, the planner still terminates without panicking: an invalid effort makes an initiative
//! unschedulable rather than corrupting the phase totals, a NaN or negative capacity counts
//! as 0, initiatives in a cycle are never scheduled, and a repeated id is planned once.

use super::initiative::Initiative;
pub use super::reason::{GapNote, Named, PinOutcome, Reason, Unplaced};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// The highest level of the maturity scale.
pub const MAX_LEVEL: f64 = 5.0;

/// Perception gaps below this many levels are not worth a clause in a reason: they are
/// within what rounding and a few respondents produce.
const NOTABLE_GAP: f64 = 0.5;

/// Slack for comparing sums of efforts and levels: 0.1 + 0.2 weeks must fit a capacity of
/// 0.3, and a level of 1.9999999999 counts as 2.
const EPSILON: f64 = 1e-9;

/// Where a dimension stands and where it should go.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DimensionState {
    pub id: String,
    pub title: String,
    /// Weight of the dimension in the model.
    pub weight: f64,
    /// The level now (the campaign's mean).
    pub current: f64,
    /// The level the executive wants; see [`default_target`].
    pub target: f64,
    /// The widest gap between two functions' means on this dimension, and who (e.g.
    /// ("Marketing", "Sales", 1.9)); `None` without one.
    pub perception_gap: Option<PerceptionGapInfo>,
}

/// The widest gap between two functions on one dimension.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PerceptionGapInfo {
    /// The function with the higher mean, as named in a sentence ("Marketing").
    pub high: String,
    /// The function with the lower mean ("Sales").
    pub low: String,
    /// The difference in levels, > 0.
    pub gap: f64,
}

/// The default target: current + 1, capped at [`MAX_LEVEL`] and never below current (a
/// dimension already at the top stays there). Exact, not rounded.
pub fn default_target(current: f64) -> f64 {
    (current + 1.0).min(MAX_LEVEL).max(current)
}

/// What people decided about one initiative; survives re-planning. Stored as
/// `{"kind": "pin", "phase": 2}` or `{"kind": "drop"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Choice {
    /// Keep it, in this phase (0-based). Moving an initiative is pinning it elsewhere.
    Pin { phase: usize },
    /// Never plan it.
    Drop,
}

/// Everything the planner needs, borrowed from the caller.
///
/// Only `Serialize` among the serde traits: it borrows its slices, so there is nothing to
/// deserialize into.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PlanInput<'a> {
    pub dimensions: &'a [DimensionState],
    pub initiatives: &'a [Initiative],
    /// How many phases (e.g. quarters) to plan.
    pub phases: usize,
    /// Person-weeks available per phase.
    pub capacity_weeks: f64,
    /// People's choices, by initiative id. Ids not in the library are ignored.
    pub choices: &'a BTreeMap<String, Choice>,
}

/// A roadmap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// One per phase, in order.
    pub phases: Vec<PlannedPhase>,
    /// Candidates that did not fit, with why, highest-ranked first.
    pub unscheduled: Vec<Unscheduled>,
    /// One per input dimension, in input order.
    pub projections: Vec<DimensionProjection>,
}

/// The initiatives of one phase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedPhase {
    /// 0-based.
    pub index: usize,
    /// Pinned ones first, then in rank order.
    pub initiatives: Vec<PlannedInitiative>,
    /// The sum of the initiatives' efforts.
    pub effort_weeks: f64,
}

/// One scheduled initiative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlannedInitiative {
    pub id: String,
    pub title: String,
    pub effort_weeks: f64,
    /// Placed by a pin (possibly moved later for its prerequisites).
    pub pinned: bool,
    /// Its own score (see the module doc); 0 for one that lifts nothing needed.
    pub score: f64,
    /// Why it is in the plan.
    pub why: Reason,
}

/// A candidate that found no phase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unscheduled {
    pub id: String,
    pub title: String,
    /// Why it is not in the plan.
    pub why: Reason,
}

/// Level per dimension: `levels[0]` now, `levels[p + 1]` after phase p.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DimensionProjection {
    pub id: String,
    pub title: String,
    pub target: f64,
    pub levels: Vec<f64>,
}

/// Plans a roadmap; see the module doc for the rules.
pub fn plan(input: &PlanInput) -> Plan {
    let planner = Planner::new(input);
    let schedule = planner.schedule();
    planner.to_plan(&schedule)
}

/// A prerequisite as written in an initiative, resolved against the library.
enum Prerequisite<'a> {
    Known(usize),
    Unknown(&'a str),
}

/// A pinned candidate's way through the phases.
#[derive(Clone)]
struct Pin {
    /// The phase people chose (0-based, possibly beyond the plan).
    requested: usize,
    /// Where it is placed next: the requested phase clamped to the plan, then later while
    /// its prerequisites are not ready.
    target: usize,
    /// The prerequisites that were not ready in the first phase it tried; empty while it
    /// has not moved.
    blockers: Vec<usize>,
}

/// The library, sorted by id, with everything the ranking needs per initiative; indices
/// into these vectors are positions in id order, so comparing them compares ids.
struct Planner<'a> {
    input: &'a PlanInput<'a>,
    capacity: f64,
    initiatives: Vec<&'a Initiative>,
    dimensions: BTreeMap<&'a str, &'a DimensionState>,
    prerequisites: Vec<Vec<Prerequisite<'a>>>,
    score: Vec<f64>,
    /// The dimension that contributes most to the score, for the reason.
    main_dimension: Vec<Option<&'a DimensionState>>,
    done: Vec<bool>,
    dropped: Vec<bool>,
    /// Needs, directly or through other prerequisites, one that is dropped or unknown (and
    /// not done): can never be scheduled.
    doomed: Vec<bool>,
    candidate: Vec<bool>,
    /// Candidates that depend directly on each candidate.
    dependents: Vec<Vec<usize>>,
    priority: Vec<f64>,
    /// For a prerequisite of a pin: the earliest phase a pin that needs it is placed in.
    deadline: Vec<Option<usize>>,
    pins: Vec<Option<Pin>>,
    /// Candidates in rank order.
    order: Vec<usize>,
}

impl<'a> Planner<'a> {
    fn new(input: &'a PlanInput<'a>) -> Self {
        let mut initiatives: Vec<&Initiative> = input.initiatives.iter().collect();
        initiatives.sort_by(|a, b| a.id.cmp(&b.id));
        // Ids are unique in a loaded library; should one repeat, plan it once.
        initiatives.dedup_by(|a, b| a.id == b.id);
        let n = initiatives.len();
        let index: BTreeMap<&str, usize> = initiatives
            .iter()
            .enumerate()
            .map(|(i, initiative)| (initiative.id.as_str(), i))
            .collect();

        let mut dimensions = BTreeMap::new();
        for dimension in input.dimensions {
            dimensions.entry(dimension.id.as_str()).or_insert(dimension);
        }

        let prerequisites: Vec<Vec<Prerequisite>> = initiatives
            .iter()
            .map(|initiative| {
                let unique: BTreeSet<&str> =
                    initiative.requires.iter().map(String::as_str).collect();
                unique
                    .into_iter()
                    .map(|id| match index.get(id) {
                        Some(&j) => Prerequisite::Known(j),
                        None => Prerequisite::Unknown(id),
                    })
                    .collect()
            })
            .collect();

        let mut planner = Planner {
            input,
            capacity: input.capacity_weeks.max(0.0),
            initiatives,
            dimensions,
            prerequisites,
            score: vec![0.0; n],
            main_dimension: vec![None; n],
            done: vec![false; n],
            dropped: vec![false; n],
            doomed: vec![false; n],
            candidate: vec![false; n],
            dependents: vec![Vec::new(); n],
            priority: vec![0.0; n],
            deadline: vec![None; n],
            pins: vec![None; n],
            order: Vec::new(),
        };
        planner.assess();
        planner.find_doomed();
        planner.select_candidates();
        planner.rank();
        planner
    }

    /// Scores every initiative and reads people's choices.
    fn assess(&mut self) {
        let last_phase = self.input.phases.saturating_sub(1);
        for (i, initiative) in self.initiatives.iter().enumerate() {
            // The best gain per dimension, in dimension id order so that ties in the reason
            // go to the first id.
            let mut contributions: BTreeMap<&str, (f64, &DimensionState)> = BTreeMap::new();
            let mut done = !initiative.lifts.is_empty();
            for lift in &initiative.lifts {
                let Some(&dimension) = self.dimensions.get(lift.dimension.as_str()) else {
                    done = false;
                    continue;
                };
                let to = f64::from(lift.to).min(MAX_LEVEL);
                if dimension.current + EPSILON < to {
                    done = false;
                }
                let useful = dimension.current < dimension.target
                    && to > dimension.current
                    && f64::from(lift.from) - 1.0 < dimension.target;
                if useful {
                    let urgency = 1.0
                        + dimension
                            .perception_gap
                            .as_ref()
                            .map_or(0.0, |gap| gap.gap.max(0.0));
                    let gain = to.min(dimension.target) - dimension.current;
                    let contribution = gain * dimension.weight * urgency;
                    let entry = contributions
                        .entry(dimension.id.as_str())
                        .or_insert((contribution, dimension));
                    entry.0 = entry.0.max(contribution);
                }
            }
            let mut best: Option<(f64, &DimensionState)> = None;
            for &(contribution, dimension) in contributions.values() {
                if best.is_none_or(|(top, _)| contribution > top) {
                    best = Some((contribution, dimension));
                }
            }
            let total: f64 = contributions.values().map(|&(c, _)| c).sum();
            self.score[i] = total * initiative.impact.factor();
            self.main_dimension[i] = best.map(|(_, dimension)| dimension);
            self.done[i] = done;
            match self.input.choices.get(&initiative.id) {
                Some(Choice::Drop) => self.dropped[i] = true,
                Some(&Choice::Pin { phase }) => {
                    self.pins[i] = Some(Pin {
                        requested: phase,
                        target: phase.min(last_phase),
                        blockers: Vec::new(),
                    })
                }
                None => {}
            }
        }
    }

    /// Marks what can never be scheduled because of a dropped or unknown prerequisite.
    fn find_doomed(&mut self) {
        // A fixed point rather than a recursion: as many passes as the longest chain, which
        // is short, and no stack to overflow on a long one.
        let mut changed = true;
        while changed {
            changed = false;
            for i in 0..self.initiatives.len() {
                if self.doomed[i] {
                    continue;
                }
                let doomed = self.prerequisites[i]
                    .iter()
                    .any(|prerequisite| match *prerequisite {
                        Prerequisite::Known(j) => {
                            !self.done[j] && (self.dropped[j] || self.doomed[j])
                        }
                        Prerequisite::Unknown(_) => true,
                    });
                if doomed {
                    self.doomed[i] = true;
                    changed = true;
                }
            }
        }
    }

    /// The relevant and pinned initiatives plus the prerequisites they need. One that can
    /// never be scheduled pulls in only the prerequisites that explain why (those that are
    /// doomed too), not work that would be done for nothing.
    fn select_candidates(&mut self) {
        let mut stack: Vec<usize> = (0..self.initiatives.len())
            .filter(|&i| {
                !self.dropped[i] && (self.main_dimension[i].is_some() || self.pins[i].is_some())
            })
            .collect();
        while let Some(i) = stack.pop() {
            if self.candidate[i] {
                continue;
            }
            self.candidate[i] = true;
            for prerequisite in &self.prerequisites[i] {
                if let Prerequisite::Known(j) = *prerequisite {
                    if !self.dropped[j]
                        && !self.done[j]
                        && !self.candidate[j]
                        && (!self.doomed[i] || self.doomed[j])
                    {
                        stack.push(j);
                    }
                }
            }
        }
        for i in 0..self.initiatives.len() {
            // Doomed candidates lend no priority and are nothing to be "needed before".
            if !self.candidate[i] || self.doomed[i] {
                continue;
            }
            for prerequisite in &self.prerequisites[i] {
                if let Prerequisite::Known(j) = *prerequisite {
                    if self.candidate[j] {
                        self.dependents[j].push(i);
                    }
                }
            }
        }
    }

    /// Priorities and pin deadlines flow from dependents to prerequisites, so they are
    /// computed dependents first (reverse topological order of the candidates).
    fn rank(&mut self) {
        let n = self.initiatives.len();
        let mut waiting: Vec<usize> = (0..n).map(|i| self.dependents[i].len()).collect();
        let mut ready: Vec<usize> = (0..n)
            .filter(|&i| self.candidate[i] && waiting[i] == 0)
            .collect();
        let mut seen = vec![false; n];
        while let Some(i) = ready.pop() {
            seen[i] = true;
            let mut priority = self.score[i];
            let mut deadline: Option<usize> = None;
            for &d in &self.dependents[i] {
                priority = priority.max(self.priority[d]);
                let needed_by = match &self.pins[d] {
                    Some(pin) => Some(pin.target),
                    None => self.deadline[d],
                };
                deadline = match (deadline, needed_by) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
            }
            self.priority[i] = priority;
            if self.pins[i].is_none() {
                self.deadline[i] = deadline;
            }
            if self.doomed[i] {
                // Not among its prerequisites' dependents, so not waited for.
                continue;
            }
            for prerequisite in &self.prerequisites[i] {
                if let Prerequisite::Known(j) = *prerequisite {
                    if self.candidate[j] {
                        waiting[j] -= 1;
                        if waiting[j] == 0 {
                            ready.push(j);
                        }
                    }
                }
            }
        }
        // A cycle (which the loader rules out) leaves its members unseen: they rank by their
        // own score and, needing each other first, are never scheduled.
        for (i, seen) in seen.into_iter().enumerate() {
            if self.candidate[i] && !seen {
                self.priority[i] = self.score[i];
            }
        }
        let mut order: Vec<usize> = (0..n).filter(|&i| self.candidate[i]).collect();
        order.sort_by(|&a, &b| self.compare(a, b));
        self.order = order;
    }

    fn compare(&self, a: usize, b: usize) -> Ordering {
        let by_deadline = match (self.deadline[a], self.deadline[b]) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        by_deadline
            .then(self.priority[b].total_cmp(&self.priority[a]))
            .then(self.score[b].total_cmp(&self.score[a]))
            .then(a.cmp(&b))
    }

    fn effort(&self, i: usize) -> f64 {
        self.initiatives[i].effort_weeks
    }

    fn valid_effort(&self, i: usize) -> bool {
        let effort = self.effort(i);
        effort.is_finite() && effort >= 0.0
    }

    /// A prerequisite that is done and not planned anyway. A done one that is pinned is
    /// waited for like any other, so that nothing shares a phase with its prerequisite.
    fn met_up_front(&self, j: usize) -> bool {
        self.done[j] && !self.candidate[j]
    }

    /// The known prerequisites of `i` that are neither met up front nor scheduled before
    /// `phase`.
    fn missing_before(&self, i: usize, phase: usize, phase_of: &[Option<usize>]) -> Vec<usize> {
        self.prerequisites[i]
            .iter()
            .filter_map(|prerequisite| match *prerequisite {
                Prerequisite::Known(j) => Some(j),
                Prerequisite::Unknown(_) => None,
            })
            .filter(|&j| !self.met_up_front(j) && phase_of[j].is_none_or(|q| q >= phase))
            .collect()
    }

    /// The greedy fill (see the module doc).
    fn schedule(&self) -> Schedule {
        let n = self.initiatives.len();
        let mut schedule = Schedule {
            phase_of: vec![None; n],
            phases: vec![Vec::new(); self.input.phases],
            // Pins move as planning goes; the moving copy lives here so `self` stays shared.
            pins: self.pins.clone(),
        };
        for phase in 0..self.input.phases {
            let mut used = 0.0;
            for &i in &self.order {
                let Some(pin) = schedule.pins[i].as_mut() else {
                    continue;
                };
                if pin.target != phase || self.doomed[i] || !self.valid_effort(i) {
                    continue;
                }
                let missing = self.missing_before(i, phase, &schedule.phase_of);
                if missing.is_empty() {
                    schedule.phase_of[i] = Some(phase);
                    schedule.phases[phase].push(i);
                    used += self.effort(i);
                } else if phase + 1 < self.input.phases {
                    // Explain the move by what held it up where people put it.
                    if pin.blockers.is_empty() {
                        pin.blockers = missing;
                    }
                    pin.target = phase + 1;
                }
            }
            let mut left = self.capacity - used;
            for &i in &self.order {
                if schedule.phase_of[i].is_some()
                    || self.pins[i].is_some()
                    || self.doomed[i]
                    || !self.valid_effort(i)
                {
                    continue;
                }
                let effort = self.effort(i);
                // One pass in rank order is the same as "repeatedly take the best that
                // fits": capacity only shrinks, and nothing placed in this phase makes
                // another eligible in it.
                if effort <= left + EPSILON
                    && self.missing_before(i, phase, &schedule.phase_of).is_empty()
                {
                    schedule.phase_of[i] = Some(phase);
                    schedule.phases[phase].push(i);
                    left -= effort;
                }
            }
        }
        schedule
    }

    fn to_plan(&self, schedule: &Schedule) -> Plan {
        let phases = schedule
            .phases
            .iter()
            .enumerate()
            .map(|(index, members)| {
                let initiatives: Vec<PlannedInitiative> = members
                    .iter()
                    .map(|&i| {
                        let initiative = self.initiatives[i];
                        PlannedInitiative {
                            id: initiative.id.clone(),
                            title: initiative.title.clone(),
                            effort_weeks: initiative.effort_weeks,
                            pinned: self.pins[i].is_some(),
                            score: self.score[i],
                            why: self.planned_reason(i, index, schedule),
                        }
                    })
                    .collect();
                PlannedPhase {
                    index,
                    effort_weeks: initiatives.iter().map(|p| p.effort_weeks).sum(),
                    initiatives,
                }
            })
            .collect();
        let unscheduled = self
            .order
            .iter()
            .filter(|&&i| schedule.phase_of[i].is_none())
            .map(|&i| Unscheduled {
                id: self.initiatives[i].id.clone(),
                title: self.initiatives[i].title.clone(),
                why: self.unscheduled_reason(i, schedule),
            })
            .collect();
        Plan {
            phases,
            unscheduled,
            projections: self.projections(schedule),
        }
    }

    /// Why a scheduled initiative is in the plan.
    fn planned_reason(&self, i: usize, phase: usize, schedule: &Schedule) -> Reason {
        let gap = self.main_dimension[i].map(|dimension| GapNote {
            dimension: dimension.title.clone(),
            current: dimension.current,
            target: dimension.target,
            perception: dimension
                .perception_gap
                .clone()
                .filter(|gap| gap.gap >= NOTABLE_GAP),
        });
        let mut dependents = self.dependents[i].clone();
        dependents.sort_by(|&a, &b| self.compare(a, b));
        let pin = schedule.pins[i].as_ref().map(|pin| {
            if !pin.blockers.is_empty() {
                PinOutcome::Moved {
                    requested: pin.requested + 1,
                    phase: phase + 1,
                    blockers: self.named(&pin.blockers),
                }
            } else if pin.requested != phase {
                PinOutcome::Last {
                    requested: pin.requested + 1,
                    phase: phase + 1,
                }
            } else {
                PinOutcome::Kept
            }
        });
        Reason::Planned {
            gap,
            needed_before: self.named(&dependents),
            pin,
        }
    }

    /// Why a candidate found no phase; the first cause that applies, direct causes only (a
    /// prerequisite's own trouble is in its own entry).
    fn unscheduled_reason(&self, i: usize, schedule: &Schedule) -> Reason {
        let pinned_to = self.pins[i].as_ref().map(|pin| pin.requested + 1);
        let dropped: Vec<usize> = self.prerequisites[i]
            .iter()
            .filter_map(|prerequisite| match *prerequisite {
                Prerequisite::Known(j) if self.dropped[j] && !self.done[j] => Some(j),
                _ => None,
            })
            .collect();
        let unknown: Vec<String> = self.prerequisites[i]
            .iter()
            .filter_map(|prerequisite| match *prerequisite {
                Prerequisite::Unknown(id) => Some(id.to_owned()),
                Prerequisite::Known(_) => None,
            })
            .collect();
        // Known prerequisites that are not done: the ones it has to wait for.
        let pending = self.missing_before(i, 0, &schedule.phase_of);
        let waiting: Vec<usize> = pending
            .iter()
            .copied()
            .filter(|&j| schedule.phase_of[j].is_none())
            .collect();
        let last_prerequisite = pending.iter().filter_map(|&j| schedule.phase_of[j]).max();
        let cause = if self.input.phases == 0 {
            Unplaced::NoPhases
        } else if !dropped.is_empty() {
            Unplaced::DroppedPrerequisites(self.named(&dropped))
        } else if !unknown.is_empty() {
            Unplaced::UnknownPrerequisites(unknown)
        } else if !self.valid_effort(i) {
            Unplaced::NoEffort
        } else if self.pins[i].is_none() && self.effort(i) > self.capacity + EPSILON {
            Unplaced::TooBig {
                effort: self.effort(i),
                capacity: self.capacity,
            }
        } else if !waiting.is_empty() {
            Unplaced::Waiting(self.named(&waiting))
        } else if let Some(last) = last_prerequisite.filter(|&q| q + 1 >= self.input.phases) {
            let latest: Vec<usize> = pending
                .iter()
                .copied()
                .filter(|&j| schedule.phase_of[j] == Some(last))
                .collect();
            Unplaced::OnlyInLastPhase(self.named(&latest))
        } else {
            Unplaced::NoCapacity {
                first: last_prerequisite.map_or(0, |q| q + 1) + 1,
                last: self.input.phases,
            }
        };
        Reason::Unscheduled { pinned_to, cause }
    }

    /// The projected level of every dimension after every phase.
    fn projections(&self, schedule: &Schedule) -> Vec<DimensionProjection> {
        // (phase, from, to) of every scheduled lift, by dimension.
        let mut lifts: BTreeMap<&str, Vec<(usize, f64, f64)>> = BTreeMap::new();
        for (i, initiative) in self.initiatives.iter().enumerate() {
            let Some(phase) = schedule.phase_of[i] else {
                continue;
            };
            for lift in &initiative.lifts {
                lifts.entry(lift.dimension.as_str()).or_default().push((
                    phase,
                    f64::from(lift.from),
                    f64::from(lift.to).min(MAX_LEVEL),
                ));
            }
        }
        self.input
            .dimensions
            .iter()
            .map(|dimension| {
                let own = lifts
                    .get(dimension.id.as_str())
                    .map_or(&[][..], Vec::as_slice);
                let mut levels = Vec::with_capacity(self.input.phases + 1);
                levels.push(dimension.current);
                for phase in 0..self.input.phases {
                    let before = levels[phase];
                    let mut after = before;
                    // Every initiative done so far, judged against the level before this
                    // phase: work in the same phase runs in parallel and cannot build on
                    // itself, and an earlier one that needed more maturity can take effect
                    // now that the dimension has caught up.
                    for &(done_in, from, to) in own {
                        if done_in <= phase && before + EPSILON >= from - 1.0 {
                            after = after.max(to);
                        }
                    }
                    levels.push(after);
                }
                DimensionProjection {
                    id: dimension.id.clone(),
                    title: dimension.title.clone(),
                    target: dimension.target,
                    levels,
                }
            })
            .collect()
    }

    fn named(&self, indices: &[usize]) -> Vec<Named> {
        indices
            .iter()
            .map(|&j| Named {
                id: self.initiatives[j].id.clone(),
                title: self.initiatives[j].title.clone(),
            })
            .collect()
    }
}

/// The outcome of the greedy fill.
struct Schedule {
    /// The phase of each initiative (by index), `None` if none.
    phase_of: Vec<Option<usize>>,
    /// The initiatives of each phase, in the order they were placed.
    phases: Vec<Vec<usize>>,
    /// The pins as they ended up (moved targets, blockers).
    pins: Vec<Option<Pin>>,
}

/// A level as people read it: one decimal, rounded half away from zero (2.25 -> "2.3"),
/// as the reasons, the roadmap pages and the exports write levels.
pub fn level(value: f64) -> String {
    format!("{:.1}", (value * 10.0).round() / 10.0)
}

/// Person-weeks as people write them: "4", "2.5".
pub fn weeks(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::initiative::{Impact, Lift};
    use crate::domain::model::Function;

    fn dimension(
        id: &str,
        title: &str,
        weight: f64,
        current: f64,
        target: f64,
        gap: Option<(&str, &str, f64)>,
    ) -> DimensionState {
        DimensionState {
            id: id.into(),
            title: title.into(),
            weight,
            current,
            target,
            perception_gap: gap.map(|(high, low, gap)| PerceptionGapInfo {
                high: high.into(),
                low: low.into(),
                gap,
            }),
        }
    }

    fn initiative(
        id: &str,
        title: &str,
        lifts: &[(&str, u8, u8)],
        effort_weeks: f64,
        impact: Impact,
        requires: &[&str],
    ) -> Initiative {
        Initiative {
            id: id.into(),
            title: title.into(),
            lifts: lifts
                .iter()
                .map(|&(dimension, from, to)| Lift {
                    dimension: dimension.into(),
                    from,
                    to,
                })
                .collect(),
            effort_weeks,
            impact,
            owner: Function::Operations,
            requires: requires.iter().map(|&r| r.into()).collect(),
            kpis: Vec::new(),
            org_design: false,
            body_html: String::new(),
        }
    }

    fn run(
        dimensions: &[DimensionState],
        initiatives: &[Initiative],
        phases: usize,
        capacity_weeks: f64,
        choices: &BTreeMap<String, Choice>,
    ) -> Plan {
        plan(&PlanInput {
            dimensions,
            initiatives,
            phases,
            capacity_weeks,
            choices,
        })
    }

    fn no_choices() -> BTreeMap<String, Choice> {
        BTreeMap::new()
    }

    fn choices(list: &[(&str, Choice)]) -> BTreeMap<String, Choice> {
        list.iter().map(|(id, c)| (id.to_string(), *c)).collect()
    }

    /// The ids of each phase, in order.
    fn ids(plan: &Plan) -> Vec<Vec<&str>> {
        plan.phases
            .iter()
            .map(|p| p.initiatives.iter().map(|i| i.id.as_str()).collect())
            .collect()
    }

    fn planned<'p>(plan: &'p Plan, id: &str) -> (usize, &'p PlannedInitiative) {
        plan.phases
            .iter()
            .find_map(|p| {
                p.initiatives
                    .iter()
                    .find(|i| i.id == id)
                    .map(|i| (p.index, i))
            })
            .unwrap_or_else(|| panic!("{id} is not planned"))
    }

    /// Id, title and reason (in English) of each unscheduled one.
    fn unscheduled(plan: &Plan) -> Vec<(&str, &str, String)> {
        plan.unscheduled
            .iter()
            .map(|u| (u.id.as_str(), u.title.as_str(), u.why.english()))
            .collect()
    }

    fn assert_close(actual: f64, expected: f64) {
        assert!(
            (actual - expected).abs() < 1e-9,
            "expected {expected}, got {actual}"
        );
    }

    fn assert_levels(actual: &[f64], expected: &[f64]) {
        assert_eq!(actual.len(), expected.len(), "{actual:?}");
        for (a, e) in actual.iter().zip(expected) {
            assert_close(*a, *e);
        }
    }

    const DATA: &str = "Data and single source of truth";

    /// Three dimensions: data far below its target with a big marketing/sales gap, process
    /// half a level below with a small gap, technology already where the executive wants it.
    fn hand_dimensions() -> Vec<DimensionState> {
        vec![
            dimension(
                "data",
                DATA,
                2.0,
                1.8,
                3.0,
                Some(("Marketing", "Sales", 1.9)),
            ),
            dimension(
                "process",
                "Process and handoffs",
                1.0,
                2.5,
                default_target(2.5),
                Some(("Sales", "Customer success", 0.3)),
            ),
            dimension("tech", "Technology", 1.0, 4.2, 4.2, None),
        ]
    }

    fn hand_library() -> Vec<Initiative> {
        use Impact::*;
        vec![
            initiative(
                "crm-hygiene",
                "CRM hygiene",
                &[("data", 1, 2)],
                4.0,
                Medium,
                &[],
            ),
            initiative(
                "shared-definitions",
                "Shared funnel definitions",
                &[("data", 2, 3)],
                6.0,
                High,
                &["crm-hygiene"],
            ),
            initiative(
                "handoff-sla",
                "Handoff SLA",
                &[("process", 2, 3)],
                3.0,
                Medium,
                &["deal-desk"],
            ),
            initiative(
                "joint-pipeline-review",
                "Joint pipeline review",
                &[("process", 3, 4)],
                5.0,
                High,
                &["handoff-sla", "tool-audit"],
            ),
            initiative("tool-audit", "Tool audit", &[("tech", 3, 4)], 2.0, Low, &[]),
            initiative("deal-desk", "Deal desk", &[("tech", 4, 5)], 3.0, Low, &[]),
            initiative(
                "partner-portal",
                "Partner portal",
                &[("process", 1, 2)],
                2.0,
                High,
                &[],
            ),
        ]
    }

    #[test]
    fn levels_and_weeks_are_written_as_people_read_them() {
        assert_eq!(level(2.25), "2.3");
        assert_eq!(level(3.0), "3.0");
        assert_eq!(weeks(4.0), "4");
        assert_eq!(weeks(2.5), "2.5");
    }

    #[test]
    fn hand_example_plans_exact_phases_order_reasons_and_projections() {
        // Scores (gain × weight × (1 + gap) × impact):
        //   shared-definitions: (3 - 1.8) × 2 × 2.9 × 3 = 20.88
        //   crm-hygiene:        (2 - 1.8) × 2 × 2.9 × 2 = 2.32, priority 20.88 (needed by ^)
        //   joint-pipeline:     (3.5 - 2.5) × 1 × 1.3 × 3 = 3.9
        //   handoff-sla:        (3 - 2.5) × 1 × 1.3 × 2 = 1.3, priority 3.9
        //   deal-desk:          0 (tech is at its target), priority 3.9 (needed by handoff)
        //   tool-audit (tech 3→4 at 4.2) and partner-portal (process 1→2 at 2.5) are done.
        // Rank: shared-definitions, crm-hygiene, joint-pipeline-review, handoff-sla,
        // deal-desk. Capacity 10:
        //   phase 1: crm-hygiene 4 + deal-desk 3 = 7 (the others wait for them)
        //   phase 2: shared-definitions 6 + handoff-sla 3 = 9
        //   phase 3: joint-pipeline-review 5 (tool-audit counts as done)
        let plan = run(&hand_dimensions(), &hand_library(), 3, 10.0, &no_choices());
        assert_eq!(
            ids(&plan),
            vec![
                vec!["crm-hygiene", "deal-desk"],
                vec!["shared-definitions", "handoff-sla"],
                vec!["joint-pipeline-review"],
            ]
        );
        let efforts: Vec<f64> = plan.phases.iter().map(|p| p.effort_weeks).collect();
        assert_eq!(efforts, vec![7.0, 9.0, 5.0]);
        assert!(plan.unscheduled.is_empty());

        let (_, crm) = planned(&plan, "crm-hygiene");
        assert_close(crm.score, 2.32);
        assert_eq!(
            crm.why.english(),
            "Data and single source of truth: 1.8 → target 3.0; marketing and sales differ \
             by 1.9; needed before Shared funnel definitions"
        );
        assert!(!crm.pinned);
        let (_, deal_desk) = planned(&plan, "deal-desk");
        assert_close(deal_desk.score, 0.0);
        assert_eq!(deal_desk.why.english(), "Needed before Handoff SLA");
        let (_, shared) = planned(&plan, "shared-definitions");
        assert_close(shared.score, 20.88);
        assert_eq!(
            shared.why.english(),
            "Data and single source of truth: 1.8 → target 3.0; marketing and sales differ \
             by 1.9"
        );
        // A 0.3 gap is below the 0.5 worth mentioning.
        let (_, handoff) = planned(&plan, "handoff-sla");
        assert_close(handoff.score, 1.3);
        assert_eq!(
            handoff.why.english(),
            "Process and handoffs: 2.5 → target 3.5; needed before Joint pipeline review"
        );
        let (_, joint) = planned(&plan, "joint-pipeline-review");
        assert_close(joint.score, 3.9);
        assert_eq!(
            joint.why.english(),
            "Process and handoffs: 2.5 → target 3.5"
        );

        // data: crm 1→2 applies at 1.8 (≥ 0); shared 2→3 needs ≥ 1, so from 2.0 → 3.
        // process: handoff 2→3 in phase 2 → 3; joint 3→4 needs ≥ 2, from 3.0 → 4.
        // tech: deal desk 4→5 needs ≥ 3: 4.2 → 5 after phase 1.
        let projections = &plan.projections;
        assert_eq!(projections.len(), 3);
        assert_eq!(projections[0].id, "data");
        assert_eq!(projections[0].title, DATA);
        assert_close(projections[0].target, 3.0);
        assert_levels(&projections[0].levels, &[1.8, 2.0, 3.0, 3.0]);
        assert_levels(&projections[1].levels, &[2.5, 2.5, 3.0, 4.0]);
        assert_close(projections[1].target, 3.5);
        assert_levels(&projections[2].levels, &[4.2, 5.0, 5.0, 5.0]);
    }

    #[test]
    fn prerequisites_are_pulled_in_and_scheduled_in_earlier_phases() {
        // Only "forecast" lifts anything needed; it needs "pipeline", which needs "crm".
        // Both are pulled in, one phase apart, even though capacity would allow all three
        // in the first phase.
        let dimensions = [
            dimension("data", "Data", 1.0, 2.0, 3.0, None),
            dimension("tech", "Technology", 1.0, 3.0, 3.0, None),
        ];
        let library = [
            initiative(
                "forecast",
                "Forecast",
                &[("data", 2, 3)],
                1.0,
                Impact::High,
                &["pipeline"],
            ),
            initiative(
                "pipeline",
                "Pipeline stages",
                &[("tech", 3, 4)],
                1.0,
                Impact::Low,
                &["crm"],
            ),
            initiative(
                "crm",
                "CRM rollout",
                &[("tech", 3, 4)],
                1.0,
                Impact::Low,
                &[],
            ),
        ];
        let plan = run(&dimensions, &library, 4, 10.0, &no_choices());
        assert_eq!(
            ids(&plan),
            vec![vec!["crm"], vec!["pipeline"], vec!["forecast"], vec![]]
        );
        assert_eq!(
            planned(&plan, "crm").1.why.english(),
            "Needed before Pipeline stages"
        );
        assert_eq!(
            planned(&plan, "pipeline").1.why.english(),
            "Needed before Forecast"
        );
        assert_eq!(plan.phases[3].effort_weeks, 0.0);
    }

    #[test]
    fn done_prerequisites_count_as_met_and_are_not_scheduled() {
        // "crm" lifts tech 2→3 and tech is already at 3.4: the company is past it.
        let dimensions = [
            dimension("data", "Data", 1.0, 2.0, 3.0, None),
            dimension("tech", "Technology", 1.0, 3.4, 4.0, None),
        ];
        let library = [
            initiative(
                "forecast",
                "Forecast",
                &[("data", 2, 3)],
                1.0,
                Impact::High,
                &["crm"],
            ),
            initiative(
                "crm",
                "CRM rollout",
                &[("tech", 2, 3)],
                1.0,
                Impact::Low,
                &[],
            ),
        ];
        let plan = run(&dimensions, &library, 2, 10.0, &no_choices());
        assert_eq!(ids(&plan), vec![vec!["forecast"], vec![]]);
        assert!(plan.unscheduled.is_empty());
    }

    /// Three initiatives on three dimensions with scores 3 > 2 > 1 (gain 1, weight 1, no
    /// gap, impact high / medium / low).
    fn three_dimensions() -> Vec<DimensionState> {
        ["a", "b", "c"]
            .iter()
            .map(|id| dimension(id, &id.to_uppercase(), 1.0, 2.0, 3.0, None))
            .collect()
    }

    fn three_initiatives(efforts: [f64; 3]) -> Vec<Initiative> {
        vec![
            initiative(
                "x-high",
                "High",
                &[("a", 2, 3)],
                efforts[0],
                Impact::High,
                &[],
            ),
            initiative(
                "y-medium",
                "Medium",
                &[("b", 2, 3)],
                efforts[1],
                Impact::Medium,
                &[],
            ),
            initiative("z-low", "Low", &[("c", 2, 3)], efforts[2], Impact::Low, &[]),
        ]
    }

    #[test]
    fn capacity_is_respected_and_smaller_work_fills_what_is_left() {
        // Capacity 10: phase 1 takes high (6); medium (5) does not fit the 4 left, low (4)
        // does. Phase 2 takes medium.
        let plan = run(
            &three_dimensions(),
            &three_initiatives([6.0, 5.0, 4.0]),
            2,
            10.0,
            &no_choices(),
        );
        assert_eq!(ids(&plan), vec![vec!["x-high", "z-low"], vec!["y-medium"]]);
        assert_eq!(plan.phases[0].effort_weeks, 10.0);

        // With one phase, medium does not fit anywhere.
        let plan = run(
            &three_dimensions(),
            &three_initiatives([6.0, 5.0, 4.0]),
            1,
            10.0,
            &no_choices(),
        );
        assert_eq!(ids(&plan), vec![vec!["x-high", "z-low"]]);
        assert_eq!(
            unscheduled(&plan),
            vec![(
                "y-medium",
                "Medium",
                "Did not fit in the capacity left in phase 1".to_owned()
            )]
        );

        // Capacity 3 over three phases: each 3-week initiative fills one phase.
        let plan = run(
            &three_dimensions(),
            &three_initiatives([3.0, 3.0, 3.0]),
            2,
            3.0,
            &no_choices(),
        );
        assert_eq!(ids(&plan), vec![vec!["x-high"], vec!["y-medium"]]);
        assert_eq!(
            plan.unscheduled[0].why.english(),
            "Did not fit in the capacity left in phases 1\u{2013}2"
        );
    }

    #[test]
    fn perception_gaps_raise_urgency_so_misalignment_comes_first() {
        // Same gain, weight and impact; the 1.5 gap makes "b" 2.5 times as urgent.
        let dimensions = [
            dimension("a", "A", 1.0, 2.0, 3.0, None),
            dimension(
                "b",
                "B",
                1.0,
                2.0,
                3.0,
                Some(("Customer success", "Finance", 1.5)),
            ),
        ];
        let library = [
            initiative("on-a", "On A", &[("a", 2, 3)], 5.0, Impact::Medium, &[]),
            initiative("on-b", "On B", &[("b", 2, 3)], 5.0, Impact::Medium, &[]),
        ];
        let plan = run(&dimensions, &library, 2, 5.0, &no_choices());
        assert_eq!(ids(&plan), vec![vec!["on-b"], vec!["on-a"]]);
        let (_, on_b) = planned(&plan, "on-b");
        assert_close(on_b.score, 5.0);
        assert_eq!(
            on_b.why.english(),
            "B: 2.0 → target 3.0; customer success and finance differ by 1.5"
        );
        assert_close(planned(&plan, "on-a").1.score, 2.0);
    }

    #[test]
    fn a_pin_is_honoured_and_survives_replanning_with_another_capacity() {
        let pins = choices(&[("z-low", Choice::Pin { phase: 2 })]);
        let library = three_initiatives([3.0, 3.0, 3.0]);
        let plan = run(&three_dimensions(), &library, 3, 10.0, &pins);
        // Without the pin all three would share phase 1.
        assert_eq!(
            ids(&plan),
            vec![vec!["x-high", "y-medium"], vec![], vec!["z-low"]]
        );
        let (_, low) = planned(&plan, "z-low");
        assert!(low.pinned);
        assert_eq!(low.why.english(), "Pinned. C: 2.0 → target 3.0");

        // Less capacity moves the others, not the pin.
        let plan = run(&three_dimensions(), &library, 3, 3.0, &pins);
        assert_eq!(
            ids(&plan),
            vec![vec!["x-high"], vec!["y-medium"], vec!["z-low"]]
        );
        assert!(planned(&plan, "z-low").1.pinned);
    }

    #[test]
    fn a_pinned_initiative_that_lifts_nothing_needed_is_still_planned() {
        let dimensions = [dimension("a", "A", 1.0, 4.0, 4.0, None)];
        let library = [initiative(
            "extra",
            "Extra",
            &[("a", 4, 5)],
            2.0,
            Impact::Low,
            &[],
        )];
        let plan = run(
            &dimensions,
            &library,
            2,
            10.0,
            &choices(&[("extra", Choice::Pin { phase: 1 })]),
        );
        assert_eq!(ids(&plan), vec![vec![], vec!["extra"]]);
        assert_eq!(
            planned(&plan, "extra").1.why.english(),
            "Pinned. No dimension it lifts is below its target"
        );
        assert!(run(&dimensions, &library, 2, 10.0, &no_choices())
            .phases
            .iter()
            .all(|p| p.initiatives.is_empty()));
    }

    /// "forecast" (data 2→3, high) needs "cleanup" (data 1→2, low); "routing" (process
    /// 2→3, weight 3, high) scores more than both and takes 8 of the 10 weeks.
    fn pin_case() -> (Vec<DimensionState>, Vec<Initiative>) {
        let dimensions = vec![
            dimension("data", "Data", 1.0, 1.0, 3.0, None),
            dimension("process", "Process", 3.0, 2.0, 3.0, None),
        ];
        let library = vec![
            initiative(
                "forecast",
                "Forecast",
                &[("data", 2, 3)],
                2.0,
                Impact::High,
                &["cleanup"],
            ),
            initiative(
                "cleanup",
                "Data cleanup",
                &[("data", 1, 2)],
                4.0,
                Impact::Low,
                &[],
            ),
            initiative(
                "routing",
                "Lead routing",
                &[("process", 2, 3)],
                8.0,
                Impact::High,
                &[],
            ),
        ];
        (dimensions, library)
    }

    #[test]
    fn a_pin_pulls_its_prerequisites_ahead_of_higher_scores() {
        // Unpinned, routing (score 9) would take phase 1 and leave cleanup no room:
        let (dimensions, library) = pin_case();
        let plan = run(&dimensions, &library, 3, 10.0, &no_choices());
        assert_eq!(
            ids(&plan),
            vec![vec!["routing"], vec!["cleanup"], vec!["forecast"]]
        );
        // Pinned to phase 2, forecast needs cleanup in phase 1, so cleanup goes first there
        // and routing waits for phase 2, after the pin.
        let pins = choices(&[("forecast", Choice::Pin { phase: 1 })]);
        let plan = run(&dimensions, &library, 3, 10.0, &pins);
        assert_eq!(
            ids(&plan),
            vec![vec!["cleanup"], vec!["forecast", "routing"], vec![]]
        );
        assert_eq!(
            planned(&plan, "forecast").1.why.english(),
            "Pinned. Data: 1.0 → target 3.0"
        );
        assert_eq!(
            planned(&plan, "cleanup").1.why.english(),
            "Data: 1.0 → target 3.0; needed before Forecast"
        );
    }

    #[test]
    fn a_pin_before_its_prerequisites_can_be_done_moves_and_says_why() {
        let (dimensions, library) = pin_case();
        let pins = choices(&[("forecast", Choice::Pin { phase: 0 })]);
        let plan = run(&dimensions, &library, 3, 10.0, &pins);
        assert_eq!(
            ids(&plan),
            vec![vec!["cleanup"], vec!["forecast", "routing"], vec![]]
        );
        let (_, forecast) = planned(&plan, "forecast");
        assert!(forecast.pinned);
        assert_eq!(
            forecast.why.english(),
            "Pinned to phase 1; moved to phase 2 because it needs Data cleanup first. \
             Data: 1.0 → target 3.0"
        );

        // With a single phase there is nowhere to move to.
        let plan = run(&dimensions, &library, 1, 10.0, &pins);
        assert_eq!(ids(&plan), vec![vec!["cleanup"]]);
        let forecast = plan
            .unscheduled
            .iter()
            .find(|u| u.id == "forecast")
            .unwrap();
        assert_eq!(
            forecast.why.english(),
            "Pinned to phase 1. Needs Data cleanup first, which is only done in the last phase"
        );
    }

    #[test]
    fn a_pin_beyond_the_plan_goes_to_the_last_phase() {
        let pins = choices(&[("z-low", Choice::Pin { phase: 7 })]);
        let plan = run(
            &three_dimensions(),
            &three_initiatives([1.0; 3]),
            2,
            10.0,
            &pins,
        );
        assert_eq!(ids(&plan), vec![vec!["x-high", "y-medium"], vec!["z-low"]]);
        assert_eq!(
            planned(&plan, "z-low").1.why.english(),
            "Pinned to phase 8; moved to phase 2, the last of the plan. C: 2.0 → target 3.0"
        );
    }

    #[test]
    fn pins_alone_may_exceed_capacity_but_no_unpinned_work_joins_them() {
        let pins = choices(&[
            ("x-high", Choice::Pin { phase: 0 }),
            ("y-medium", Choice::Pin { phase: 0 }),
        ]);
        let plan = run(
            &three_dimensions(),
            &three_initiatives([6.0, 6.0, 1.0]),
            2,
            10.0,
            &pins,
        );
        assert_eq!(ids(&plan), vec![vec!["x-high", "y-medium"], vec!["z-low"]]);
        assert_eq!(plan.phases[0].effort_weeks, 12.0);
    }

    #[test]
    fn dropped_initiatives_are_never_planned_nor_listed() {
        let (dimensions, library) = pin_case();
        let dropped = choices(&[("routing", Choice::Drop)]);
        let plan = run(&dimensions, &library, 3, 10.0, &dropped);
        assert_eq!(ids(&plan), vec![vec!["cleanup"], vec!["forecast"], vec![]]);
        assert!(plan.unscheduled.is_empty());

        // Dropping a prerequisite leaves what needs it unscheduled, and says why.
        let dropped = choices(&[("cleanup", Choice::Drop)]);
        let plan = run(&dimensions, &library, 3, 10.0, &dropped);
        assert_eq!(ids(&plan), vec![vec!["routing"], vec![], vec![]]);
        assert_eq!(
            unscheduled(&plan),
            vec![(
                "forecast",
                "Forecast",
                "Needs Data cleanup, which was dropped".to_owned()
            )]
        );
    }

    #[test]
    fn work_needed_only_by_what_cannot_be_scheduled_is_not_pulled_in() {
        // Forecast needs cleanup (dropped) and training (lifts nothing needed): training
        // would be done for nothing, so it is left out; forecast is listed with why.
        let (dimensions, mut library) = pin_case();
        library[0].requires.push("training".into());
        library.push(initiative(
            "training",
            "Training",
            &[("data", 4, 5)],
            1.0,
            Impact::Low,
            &[],
        ));
        let dropped = choices(&[("cleanup", Choice::Drop)]);
        let plan = run(&dimensions, &library, 3, 10.0, &dropped);
        assert_eq!(ids(&plan), vec![vec!["routing"], vec![], vec![]]);
        assert_eq!(plan.unscheduled.len(), 1);
        assert_eq!(plan.unscheduled[0].id, "forecast");
    }

    #[test]
    fn a_pin_waits_for_a_prerequisite_pinned_later() {
        // Forecast pinned to phase 1, cleanup (what it needs) to phase 2: the pin on
        // cleanup is kept, so forecast moves to phase 3.
        let (dimensions, library) = pin_case();
        let pins = choices(&[
            ("forecast", Choice::Pin { phase: 0 }),
            ("cleanup", Choice::Pin { phase: 1 }),
        ]);
        let plan = run(&dimensions, &library, 3, 10.0, &pins);
        assert_eq!(
            ids(&plan),
            vec![vec!["routing"], vec!["cleanup"], vec!["forecast"]]
        );
        assert!(planned(&plan, "forecast").1.why.english().starts_with(
            "Pinned to phase 1; moved to phase 3 because it needs Data cleanup first."
        ));
    }

    #[test]
    fn a_prerequisite_missing_from_the_library_is_named() {
        let (dimensions, mut library) = pin_case();
        library[2].requires = vec!["crm-audit".into()];
        let plan = run(&dimensions, &library, 2, 10.0, &no_choices());
        let routing = plan.unscheduled.iter().find(|u| u.id == "routing").unwrap();
        assert_eq!(
            routing.why.english(),
            "Needs crm-audit, which is not in the library"
        );
    }

    #[test]
    fn an_initiative_larger_than_a_phase_is_unscheduled_with_the_reason() {
        let plan = run(
            &three_dimensions(),
            &three_initiatives([12.5, 2.0, 2.0]),
            3,
            10.0,
            &no_choices(),
        );
        assert_eq!(ids(&plan), vec![vec!["y-medium", "z-low"], vec![], vec![]]);
        assert_eq!(
            unscheduled(&plan),
            vec![(
                "x-high",
                "High",
                "Takes 12.5 person-weeks, more than a phase holds (10)".to_owned()
            )]
        );
    }

    #[test]
    fn what_needs_an_unscheduled_prerequisite_is_unscheduled_too() {
        let (dimensions, mut library) = pin_case();
        library[1].effort_weeks = 11.0;
        let plan = run(&dimensions, &library, 3, 10.0, &no_choices());
        let reasons: Vec<(&str, String)> = plan
            .unscheduled
            .iter()
            .map(|u| (u.id.as_str(), u.why.english()))
            .collect();
        let reasons: Vec<(&str, &str)> = reasons.iter().map(|(id, r)| (*id, r.as_str())).collect();
        assert_eq!(
            reasons,
            // Same priority (cleanup inherits forecast's 6), so the higher score first.
            vec![
                (
                    "forecast",
                    "Needs Data cleanup first, which is not scheduled"
                ),
                (
                    "cleanup",
                    "Takes 11 person-weeks, more than a phase holds (10)"
                ),
            ]
        );
    }

    #[test]
    fn without_phases_every_candidate_is_unscheduled() {
        let plan = run(&hand_dimensions(), &hand_library(), 0, 10.0, &no_choices());
        assert!(plan.phases.is_empty());
        assert_eq!(plan.unscheduled.len(), 5);
        assert!(plan
            .unscheduled
            .iter()
            .all(|u| u.why.english() == "The plan has no phases"));
        assert_levels(&plan.projections[0].levels, &[1.8]);
    }

    #[test]
    fn the_plan_is_deterministic_whatever_the_initiative_order() {
        let dimensions = hand_dimensions();
        let library = hand_library();
        let pins = choices(&[("handoff-sla", Choice::Pin { phase: 2 })]);
        let first = run(&dimensions, &library, 3, 8.0, &pins);
        assert_eq!(first, run(&dimensions, &library, 3, 8.0, &pins));
        let mut reversed = library.clone();
        reversed.reverse();
        assert_eq!(first, run(&dimensions, &reversed, 3, 8.0, &pins));
        let mut rotated = library.clone();
        rotated.rotate_left(3);
        assert_eq!(first, run(&dimensions, &rotated, 3, 8.0, &pins));
    }

    #[test]
    fn ties_are_broken_by_id() {
        let library = [
            initiative("b", "B", &[("a", 2, 3)], 5.0, Impact::Low, &[]),
            initiative("a", "A", &[("a", 2, 3)], 5.0, Impact::Low, &[]),
        ];
        let plan = run(&three_dimensions(), &library, 2, 5.0, &no_choices());
        assert_eq!(ids(&plan), vec![vec!["a"], vec!["b"]]);
    }

    #[test]
    fn default_target_is_one_level_up_capped_at_five() {
        assert_eq!(default_target(1.8), 2.8);
        assert_eq!(default_target(4.0), 5.0);
        assert_eq!(default_target(4.5), 5.0);
        assert_eq!(default_target(5.0), 5.0);
    }

    #[test]
    fn a_lift_helps_only_from_one_level_below_where_it_starts() {
        // A 3→4 initiative: relevant to both (to 4 > current, from - 1 = 2 < target 4),
        // but it only moves the dimension that is at 2.2 (≥ 2), not the one at 1.5.
        let dimensions = [
            dimension("low", "Low", 1.0, 1.5, 4.0, None),
            dimension("mid", "Mid", 1.0, 2.2, 4.0, None),
        ];
        let library = [initiative(
            "both",
            "Both",
            &[("low", 3, 4), ("mid", 3, 4)],
            1.0,
            Impact::Low,
            &[],
        )];
        let plan = run(&dimensions, &library, 2, 10.0, &no_choices());
        assert_levels(&plan.projections[0].levels, &[1.5, 1.5, 1.5]);
        assert_levels(&plan.projections[1].levels, &[2.2, 4.0, 4.0]);
    }

    #[test]
    fn a_chain_across_phases_builds_level_on_level() {
        // 1→2 in phase 1 takes the dimension from 1.0 to 2; 3→4 needs ≥ 2 before its phase,
        // so once done in phase 2 it takes it to 4. In the same phase it could not.
        let dimensions = [dimension("d", "D", 1.0, 1.0, 4.0, None)];
        let library = [
            initiative("first", "First", &[("d", 1, 2)], 1.0, Impact::Low, &[]),
            initiative(
                "second",
                "Second",
                &[("d", 3, 4)],
                1.0,
                Impact::Low,
                &["first"],
            ),
        ];
        let plan = run(&dimensions, &library, 3, 10.0, &no_choices());
        assert_eq!(ids(&plan), vec![vec!["first"], vec!["second"], vec![]]);
        assert_levels(&plan.projections[0].levels, &[1.0, 2.0, 4.0, 4.0]);

        let unchained = [
            initiative("first", "First", &[("d", 1, 2)], 1.0, Impact::Low, &[]),
            initiative("second", "Second", &[("d", 3, 4)], 1.0, Impact::Low, &[]),
        ];
        let plan = run(&dimensions, &unchained, 3, 10.0, &no_choices());
        assert_eq!(ids(&plan), vec![vec!["second", "first"], vec![], vec![]]);
        // Same phase: only 1→2 applies after phase 1; 3→4 catches up after phase 2.
        assert_levels(&plan.projections[0].levels, &[1.0, 2.0, 4.0, 4.0]);
    }

    #[test]
    fn a_lift_that_starts_at_the_target_is_not_useful() {
        // Data 1.8 → 2.8: a 4→5 lift needs the dimension at 3 already, past the target.
        let dimensions = [dimension("data", "Data", 1.0, 1.8, 2.8, None)];
        let library = [
            initiative(
                "advanced",
                "Advanced",
                &[("data", 4, 5)],
                1.0,
                Impact::High,
                &[],
            ),
            initiative("next", "Next", &[("data", 3, 4)], 1.0, Impact::Low, &[]),
        ];
        let plan = run(&dimensions, &library, 1, 10.0, &no_choices());
        // 3→4 can apply from 2 < 2.8, so it stays: (2.8 - 1.8) × 1 × 1 × 1 = 1.
        assert_eq!(ids(&plan), vec![vec!["next"]]);
        assert_close(planned(&plan, "next").1.score, 1.0);
        assert!(plan.unscheduled.is_empty());
    }

    #[test]
    fn two_lifts_on_one_dimension_count_once() {
        // Gains 1.0 (2→3) and 2.0 (2→4, capped at target 4): the larger counts.
        let dimensions = [dimension("d", "D", 1.0, 2.0, 4.0, None)];
        let library = [initiative(
            "split",
            "Split",
            &[("d", 2, 3), ("d", 2, 4)],
            1.0,
            Impact::Low,
            &[],
        )];
        let plan = run(&dimensions, &library, 1, 10.0, &no_choices());
        assert_close(planned(&plan, "split").1.score, 2.0);
    }

    #[test]
    fn choices_are_stored_as_tagged_json() {
        let pin = serde_json::to_string(&Choice::Pin { phase: 2 }).unwrap();
        assert_eq!(pin, r#"{"kind":"pin","phase":2}"#);
        assert_eq!(
            serde_json::to_string(&Choice::Drop).unwrap(),
            r#"{"kind":"drop"}"#
        );
        let back: Choice = serde_json::from_str(&pin).unwrap();
        assert_eq!(back, Choice::Pin { phase: 2 });
    }

    #[test]
    fn planning_200_initiatives_over_8_phases_completes() {
        let dimensions: Vec<DimensionState> = (0..8)
            .map(|d| {
                let current = 1.0 + f64::from(d) * 0.4;
                dimension(
                    &format!("d{d}"),
                    &format!("Dimension {d}"),
                    1.0 + f64::from(d % 3),
                    current,
                    default_target(current),
                    Some(("Sales", "Marketing", f64::from(d) * 0.3)),
                )
            })
            .collect();
        let library: Vec<Initiative> = (0..200u32)
            .map(|i| {
                let from = (i % 4) as u8 + 1;
                let requires: Vec<String> = [i / 2, i / 3]
                    .iter()
                    .filter(|&&r| r < i)
                    .map(|r| format!("i{r:03}"))
                    .collect();
                let mut initiative = initiative(
                    &format!("i{i:03}"),
                    &format!("Initiative {i}"),
                    &[(&format!("d{}", i % 8), from, from + 1)],
                    1.0 + f64::from(i % 7),
                    Impact::ALL[(i % 3) as usize],
                    &[],
                );
                initiative.requires = requires;
                initiative
            })
            .collect();
        let plan = run(&dimensions, &library, 8, 40.0, &no_choices());
        assert_eq!(plan.phases.len(), 8);
        let planned: usize = plan.phases.iter().map(|p| p.initiatives.len()).sum();
        assert!(planned > 0);
        assert!(plan.phases.iter().all(|p| p.effort_weeks <= 40.0 + 1e-9));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;
        use proptest::sample::Index;
        use std::collections::BTreeSet;

        const DIMENSIONS: [&str; 4] = ["d0", "d1", "d2", "d3"];

        #[derive(Debug, Clone)]
        struct Case {
            dimensions: Vec<DimensionState>,
            initiatives: Vec<Initiative>,
            phases: usize,
            capacity: f64,
            choices: BTreeMap<String, Choice>,
            /// Sort keys that shuffle the library for the order-independence check.
            shuffle: Vec<u32>,
        }

        fn dimension_state() -> impl Strategy<Value = (f64, f64, Option<f64>, f64)> {
            (
                1.0..=5.0f64,
                prop_oneof![Just(None), (0.0..=2.5f64).prop_map(Some)],
                prop_oneof![Just(None), (0.0..=3.0f64).prop_map(Some)],
                0.5..3.0f64,
            )
                .prop_map(|(current, raise, gap, weight)| {
                    let target = match raise {
                        None => default_target(current),
                        Some(raise) => (current + raise).min(MAX_LEVEL),
                    };
                    (current, target, gap, weight)
                })
        }

        /// One initiative: lifts (dimension, from, span), effort, impact, prerequisites as
        /// indices into the initiatives before it (a DAG by construction), and a choice:
        /// 0 none, 1 drop, 2 pin.
        type Raw = (Vec<(usize, u8, u8)>, f64, usize, Vec<Index>, (u8, usize));

        fn raw_initiative() -> impl Strategy<Value = Raw> {
            (
                prop::collection::vec((0..DIMENSIONS.len(), 0u8..=4, 1u8..=2), 1..3),
                prop_oneof![(1u32..=24).prop_map(|h| f64::from(h) * 0.5), 0.1..12.0f64],
                0..3usize,
                prop::collection::vec(any::<Index>(), 0..3),
                (
                    prop_oneof![6 => Just(0u8), 1 => Just(1u8), 2 => Just(2u8)],
                    0..9usize,
                ),
            )
        }

        fn case() -> impl Strategy<Value = Case> {
            (
                prop::collection::vec(dimension_state(), DIMENSIONS.len()),
                prop::collection::vec(raw_initiative(), 0..30),
                0..7usize,
                prop_oneof![Just(0.0), 0.0..25.0f64, (1u32..=20).prop_map(f64::from)],
            )
                .prop_flat_map(|(dims, raws, phases, capacity)| {
                    let n = raws.len();
                    (
                        Just((dims, raws, phases, capacity)),
                        prop::collection::vec(any::<u32>(), n),
                    )
                })
                .prop_map(|((dims, raws, phases, capacity), shuffle)| {
                    let dimensions = dims
                        .into_iter()
                        .zip(DIMENSIONS)
                        .map(|((current, target, gap, weight), id)| {
                            dimension(
                                id,
                                &id.to_uppercase(),
                                weight,
                                current,
                                target,
                                gap.map(|g| ("Sales", "Marketing", g)),
                            )
                        })
                        .collect();
                    let mut initiatives = Vec::new();
                    let mut choices = BTreeMap::new();
                    for (i, (lifts, effort, impact, requires, (choice, pin))) in
                        raws.into_iter().enumerate()
                    {
                        let id = format!("i{i:02}");
                        let lifts: Vec<(&str, u8, u8)> = lifts
                            .iter()
                            .map(|&(d, from, span)| (DIMENSIONS[d], from, (from + span).min(5)))
                            .collect();
                        let mut initiative = initiative(
                            &id,
                            &id.to_uppercase(),
                            &lifts,
                            effort,
                            Impact::ALL[impact],
                            &[],
                        );
                        if i > 0 {
                            let prerequisites: BTreeSet<String> = requires
                                .iter()
                                .map(|r| format!("i{:02}", r.index(i)))
                                .collect();
                            initiative.requires = prerequisites.into_iter().collect();
                        }
                        match choice {
                            1 => {
                                choices.insert(id, Choice::Drop);
                            }
                            2 => {
                                choices.insert(id, Choice::Pin { phase: pin });
                            }
                            _ => {}
                        }
                        initiatives.push(initiative);
                    }
                    Case {
                        dimensions,
                        initiatives,
                        phases,
                        capacity,
                        choices,
                        shuffle,
                    }
                })
        }

        fn plan_of(case: &Case, initiatives: &[Initiative]) -> Plan {
            run(
                &case.dimensions,
                initiatives,
                case.phases,
                case.capacity,
                &case.choices,
            )
        }

        /// The module doc's "done": every lift's dimension already at its `to`.
        fn is_done(case: &Case, initiative: &Initiative) -> bool {
            initiative.lifts.iter().all(|lift| {
                case.dimensions
                    .iter()
                    .find(|d| d.id == lift.dimension)
                    .is_some_and(|d| d.current + 1e-9 >= f64::from(lift.to))
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            #[test]
            fn plans_keep_every_promise(case in case()) {
                let plan = plan_of(&case, &case.initiatives);
                let by_id: BTreeMap<&str, &Initiative> =
                    case.initiatives.iter().map(|i| (i.id.as_str(), i)).collect();

                // Each initiative at most once, in the phases or in unscheduled.
                let mut phase_of: BTreeMap<&str, usize> = BTreeMap::new();
                prop_assert_eq!(plan.phases.len(), case.phases);
                for (index, phase) in plan.phases.iter().enumerate() {
                    prop_assert_eq!(phase.index, index);
                    for planned in &phase.initiatives {
                        prop_assert!(phase_of.insert(planned.id.as_str(), index).is_none(),
                            "{} planned twice", planned.id);
                    }
                }
                for unscheduled in &plan.unscheduled {
                    prop_assert!(!phase_of.contains_key(unscheduled.id.as_str()));
                    prop_assert!(!unscheduled.why.english().is_empty());
                }
                let listed: BTreeSet<&str> = plan.unscheduled.iter().map(|u| u.id.as_str()).collect();
                prop_assert_eq!(listed.len(), plan.unscheduled.len());

                // Dropped ones nowhere; pins in their phase or later, or unscheduled.
                for (id, choice) in &case.choices {
                    match choice {
                        Choice::Drop => {
                            prop_assert!(!phase_of.contains_key(id.as_str()));
                            prop_assert!(!listed.contains(id.as_str()));
                        }
                        Choice::Pin { phase } => {
                            if let Some(&at) = phase_of.get(id.as_str()) {
                                prop_assert!(at >= (*phase).min(case.phases - 1));
                            } else {
                                prop_assert!(listed.contains(id.as_str()));
                            }
                        }
                    }
                }

                // Prerequisites: scheduled in an earlier phase, or already done.
                for (&id, &at) in &phase_of {
                    for prerequisite in &by_id[id].requires {
                        match phase_of.get(prerequisite.as_str()) {
                            Some(&before) => prop_assert!(before < at,
                                "{} in phase {} needs {} in phase {}", id, at, prerequisite, before),
                            None => prop_assert!(is_done(&case, by_id[prerequisite.as_str()]),
                                "{} needs {}, which is neither scheduled nor done", id, prerequisite),
                        }
                    }
                }

                // Capacity: exceeded only by phases of pinned initiatives alone.
                for phase in &plan.phases {
                    let sum: f64 = phase.initiatives.iter().map(|i| i.effort_weeks).sum();
                    prop_assert!((sum - phase.effort_weeks).abs() < 1e-9);
                    let pinned_only = phase.initiatives.iter().all(|i| i.pinned);
                    prop_assert!(phase.effort_weeks <= case.capacity + 1e-6 || pinned_only,
                        "phase {} holds {} of {}", phase.index, phase.effort_weeks, case.capacity);
                    for planned in &phase.initiatives {
                        prop_assert_eq!(planned.pinned, matches!(case.choices.get(&planned.id), Some(Choice::Pin { .. })));
                        prop_assert!(!planned.why.english().is_empty());
                        prop_assert!(planned.score.is_finite() && planned.score >= 0.0);
                    }
                }

                // Projections: start at current, never go down, never exceed 5.
                prop_assert_eq!(plan.projections.len(), case.dimensions.len());
                for (projection, dimension) in plan.projections.iter().zip(&case.dimensions) {
                    prop_assert_eq!(&projection.id, &dimension.id);
                    prop_assert_eq!(projection.levels.len(), case.phases + 1);
                    prop_assert_eq!(projection.levels[0], dimension.current);
                    for pair in projection.levels.windows(2) {
                        prop_assert!(pair[0] <= pair[1]);
                    }
                    for &level in &projection.levels {
                        prop_assert!(level >= dimension.current && level <= MAX_LEVEL);
                    }
                }
            }

            #[test]
            fn plans_do_not_depend_on_the_initiative_order(case in case()) {
                let mut keyed: Vec<(u32, Initiative)> =
                    case.shuffle.iter().copied().zip(case.initiatives.iter().cloned()).collect();
                keyed.sort_by_key(|(key, _)| *key);
                let shuffled: Vec<Initiative> = keyed.into_iter().map(|(_, i)| i).collect();
                let plan = plan_of(&case, &case.initiatives);
                prop_assert_eq!(&plan, &plan_of(&case, &shuffled));
                prop_assert_eq!(&plan, &plan_of(&case, &case.initiatives));
            }
        }
    }
}
