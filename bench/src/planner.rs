//! The roadmap planner on a library four times the size of ours: 200 synthetic initiatives
//! over 8 dimensions, planned into 8 phases by the pure `domain::planner::plan`, timed on
//! its own (no database, no rendering).
//!
//! The library is generated from a fixed seed by a small inline PRNG, so every run plans
//! exactly the same input: lifts between levels 1 and 5, efforts of 1 to 8 person-weeks,
//! all three impacts, prerequisite chains (each initiative may need up to two with a lower
//! index, so there is no cycle), perception gaps on some dimensions, and a few pins
//! (one beyond the last phase) and drops.

use anyhow::bail;
use app::domain::initiative::{Impact, Initiative, Lift};
use app::domain::model::Function;
use app::domain::planner::{
    self, default_target, Choice, DimensionState, PerceptionGapInfo, Plan, PlanInput,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

/// Untimed runs before the timed ones (allocator and caches warm).
const WARMUP_RUNS: usize = 3;

/// The synthetic library's seed: change it and the figures are for another input.
const SEED: u64 = 0x5EED_2026_0200_0008;

/// What was planned, and how long it took, in milliseconds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PlannerTimings {
    pub initiatives: usize,
    pub dimensions: usize,
    pub phases: usize,
    pub capacity_weeks: f64,
    /// Pins and drops in the choices.
    pub pins: usize,
    pub drops: usize,
    pub runs: usize,
    /// Initiatives the plan schedules, and candidates it leaves unscheduled.
    pub scheduled: usize,
    pub unscheduled: usize,
    pub median_ms: f64,
    pub min_ms: f64,
    pub max_ms: f64,
}

/// SplitMix64: small, fast and good enough to vary a synthetic library; not for secrets.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n` > 0; the modulo bias is irrelevant at these sizes).
    fn below(&mut self, n: usize) -> usize {
        // Both conversions are lossless on 64-bit targets and at worst truncate elsewhere,
        // which only changes which value is drawn.
        (self.next() % n.max(1) as u64) as usize
    }

    /// True with probability `percent` / 100.
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

fn initiative_id(index: usize) -> String {
    format!("init-{index:03}")
}

/// `count` dimensions, currents spread evenly over 1.2..=3.5, targets the default (current
/// + 1, capped at 5), weights 1 to 2, and a perception gap on every other one.
pub fn dimensions(count: usize) -> Vec<DimensionState> {
    let step = if count > 1 {
        2.3 / (count - 1) as f64
    } else {
        0.0
    };
    (0..count)
        .map(|d| {
            let current = 1.2 + step * d as f64;
            DimensionState {
                id: format!("dim-{d}"),
                title: format!("Dimension {d}"),
                weight: 1.0 + (d % 3) as f64 * 0.5,
                current,
                target: default_target(current),
                perception_gap: (d % 2 == 0).then(|| PerceptionGapInfo {
                    high: "Marketing".into(),
                    low: "Sales".into(),
                    gap: 0.4 + 0.3 * (d / 2) as f64,
                }),
            }
        })
        .collect()
}

/// `count` initiatives over dimensions `dim-0..dim-{dimensions - 1}`, from [`SEED`].
pub fn library(count: usize, dimensions: usize) -> Vec<Initiative> {
    let mut rng = SplitMix64(SEED);
    (0..count)
        .map(|i| {
            let lifts = (0..1 + usize::from(rng.chance(35)))
                .map(|_| {
                    let from = 1 + rng.below(4) as u8;
                    let to = (from + 1 + u8::from(rng.chance(25))).min(5);
                    Lift {
                        dimension: format!("dim-{}", rng.below(dimensions)),
                        from,
                        to,
                    }
                })
                .collect();
            let mut requires: Vec<String> = Vec::new();
            if i > 0 {
                let wanted = match rng.below(10) {
                    0..=3 => 0,
                    4..=7 => 1,
                    _ => 2,
                };
                for _ in 0..wanted {
                    // Mostly recent ones, so that chains form, sometimes anything earlier.
                    let back = if rng.chance(70) {
                        1 + rng.below(i.min(12))
                    } else {
                        1 + rng.below(i)
                    };
                    let id = initiative_id(i - back);
                    if !requires.contains(&id) {
                        requires.push(id);
                    }
                }
            }
            Initiative {
                id: initiative_id(i),
                title: format!("Synthetic initiative {i}"),
                lifts,
                effort_weeks: 1.0 + rng.below(15) as f64 * 0.5,
                impact: Impact::ALL[rng.below(Impact::ALL.len())],
                owner: Function::ALL[rng.below(Function::ALL.len())],
                requires,
                kpis: vec![format!("KPI {i}")],
                org_design: i % 10 == 0,
                body_html: format!("<p>Steps of initiative {i}.</p>"),
            }
        })
        .collect()
}

/// A few pins (one in the first phase, one mid-plan, one in the last, one beyond it) and
/// drops (one early in the chains, so that what needs it cannot be scheduled).
pub fn choices(count: usize, phases: usize) -> BTreeMap<String, Choice> {
    let last = phases.saturating_sub(1);
    let pins = [
        (count / 12, 0),
        (count / 3, phases / 2),
        (count * 3 / 5, last),
        (count - count / 20, phases + 1),
    ];
    let drops = [count / 40, count / 2 + 1, count * 4 / 5];
    let mut choices = BTreeMap::new();
    for (index, phase) in pins {
        choices.insert(initiative_id(index), Choice::Pin { phase });
    }
    for index in drops {
        choices.insert(initiative_id(index), Choice::Drop);
    }
    choices
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn scheduled(plan: &Plan) -> usize {
    plan.phases.iter().map(|p| p.initiatives.len()).sum()
}

/// Plans the synthetic library `runs` times (after [`WARMUP_RUNS`] untimed ones) and
/// checks that the plan schedules something, fills every phase's list, and is the same
/// every time.
pub fn measure(
    initiatives: usize,
    dimension_count: usize,
    phases: usize,
    capacity_weeks: f64,
    runs: usize,
) -> anyhow::Result<PlannerTimings> {
    if initiatives == 0 || dimension_count == 0 || phases == 0 || runs == 0 {
        bail!("the planner benchmark needs initiatives, dimensions, phases and runs");
    }
    let dimensions = dimensions(dimension_count);
    let library = library(initiatives, dimension_count);
    let choices = choices(initiatives, phases);
    let input = PlanInput {
        dimensions: &dimensions,
        initiatives: &library,
        phases,
        capacity_weeks,
        choices: &choices,
    };

    let reference = planner::plan(&input);
    let planned = scheduled(&reference);
    if planned == 0 {
        bail!("the plan scheduled nothing: the benchmark would measure an empty plan");
    }
    if reference.phases.len() != phases {
        bail!(
            "the plan has {} phases, expected {phases}",
            reference.phases.len()
        );
    }
    for _ in 1..WARMUP_RUNS {
        std::hint::black_box(planner::plan(std::hint::black_box(&input)));
    }

    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        let plan = planner::plan(std::hint::black_box(&input));
        times.push(started.elapsed());
        if plan != reference {
            bail!("the planner gave a different plan for the same input");
        }
    }
    times.sort_unstable();

    Ok(PlannerTimings {
        initiatives,
        dimensions: dimension_count,
        phases,
        capacity_weeks,
        pins: choices
            .values()
            .filter(|c| matches!(c, Choice::Pin { .. }))
            .count(),
        drops: choices.values().filter(|c| **c == Choice::Drop).count(),
        runs,
        scheduled: planned,
        unscheduled: reference.unscheduled.len(),
        median_ms: millis(times[times.len() / 2]),
        min_ms: times.first().copied().map_or(0.0, millis),
        max_ms: times.last().copied().map_or(0.0, millis),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_library_is_deterministic_and_acyclic_by_construction() {
        let library = library(200, 8);
        assert_eq!(library, super::library(200, 8));
        for (i, initiative) in library.iter().enumerate() {
            assert!(!initiative.lifts.is_empty());
            for lift in &initiative.lifts {
                assert!((1..=4).contains(&lift.from) && lift.from < lift.to && lift.to <= 5);
            }
            assert!((1.0..=8.0).contains(&initiative.effort_weeks));
            assert!(initiative.requires.len() <= 2);
            for required in &initiative.requires {
                assert!(*required < initiative_id(i), "{required} is not before {i}");
            }
        }
        assert!(library.iter().filter(|i| !i.requires.is_empty()).count() > 100);
    }

    #[test]
    fn dimensions_span_the_levels_asked_for() {
        let dimensions = dimensions(8);
        assert!((dimensions[0].current - 1.2).abs() < 1e-9);
        assert!((dimensions[7].current - 3.5).abs() < 1e-9);
        assert!(dimensions
            .iter()
            .all(|d| (d.target - (d.current + 1.0).min(5.0)).abs() < 1e-9));
        assert_eq!(
            dimensions
                .iter()
                .filter(|d| d.perception_gap.is_some())
                .count(),
            4
        );
    }

    #[test]
    fn a_small_measurement_plans_something() {
        let timings = measure(200, 8, 8, 20.0, 3).expect("measured");
        assert!(timings.scheduled > 0);
        assert!(timings.unscheduled > 0);
        assert_eq!((timings.pins, timings.drops), (4, 3));
    }
}
