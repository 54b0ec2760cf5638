//! The results file (one JSON line per measurement) and the table printed from it.

use crate::load::Outcome;
use crate::results::Timings;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::Path;

/// One line of the results file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Entry {
    Load {
        measure: Measure,
        backend: String,
        connections: usize,
        outcome: Outcome,
    },
    Results {
        backend: String,
        timings: Timings,
    },
    Skipped {
        what: String,
        why: String,
    },
}

/// The load measurements, in the order the table lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    Page,
    Ceiling,
    Autosave,
    StepSave,
    Submit,
}

impl Measure {
    fn label(self) -> &'static str {
        match self {
            Measure::Page => "questionnaire page `GET /a/{token}/step/1`",
            Measure::Ceiling => "ceiling: bare axum handler, same bytes",
            Measure::Autosave => "answer autosave (1 answer, JSON)",
            Measure::StepSave => "step save (one post of a whole step, 5 answers)",
            Measure::Submit => "submission",
        }
    }

    fn unit(self) -> &'static str {
        match self {
            Measure::Page | Measure::Ceiling => "req/s",
            Measure::Autosave => "saves/s",
            Measure::StepSave => "posts/s",
            Measure::Submit => "submissions/s",
        }
    }
}

pub fn append(path: &Path, entry: &Entry) -> anyhow::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    writeln!(file, "{}", serde_json::to_string(entry)?)?;
    Ok(())
}

fn read(path: &Path) -> anyhow::Result<Vec<Entry>> {
    std::fs::read_to_string(path)?
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| Ok(serde_json::from_str(line)?))
        .collect()
}

fn verdict(met: bool) -> &'static str {
    if met {
        "met"
    } else {
        "**missed**"
    }
}

/// Prints the table (Markdown, so it can go into the README as it is).
pub fn print(path: &Path) -> anyhow::Result<()> {
    let entries = read(path)?;
    let mut loads: Vec<(Measure, &str, usize, &Outcome)> = entries
        .iter()
        .filter_map(|entry| match entry {
            Entry::Load {
                measure,
                backend,
                connections,
                outcome,
            } => Some((*measure, backend.as_str(), *connections, outcome)),
            _ => None,
        })
        .collect();
    loads.sort_by_key(|(measure, backend, _, _)| (*backend != "sqlite", *backend, *measure));
    println!("| measure | backend | result | p50 | p99 | errors | target |");
    println!("| --- | --- | --- | --- | --- | --- | --- |");
    for &(measure, backend, connections, outcome) in &loads {
        let target = match (measure, backend) {
            (Measure::Submit, "sqlite") => format!(
                ">= 1,000/s, 0 errors: {}",
                verdict(outcome.per_second >= 1000.0 && outcome.errors == 0)
            ),
            (Measure::Page, _) => {
                let ceiling = loads
                    .iter()
                    .find(|(m, b, _, _)| *m == Measure::Ceiling && (*b == backend || *b == "none"));
                match ceiling {
                    Some((_, _, _, ceiling)) if ceiling.per_second > 0.0 => {
                        let ratio = outcome.per_second / ceiling.per_second;
                        format!(
                            "{ratio:.2}x the ceiling (>= 0.5x): {}",
                            verdict(ratio >= 0.5)
                        )
                    }
                    _ => "no ceiling measured".into(),
                }
            }
            _ => String::new(),
        };
        let what = match measure {
            Measure::Submit => format!("{} ({} responses)", measure.label(), outcome.requests),
            _ => measure.label().to_owned(),
        };
        println!(
            "| {what} | {backend} | {:.0} {} ({connections} conns, {:.1} s) | {:.2} ms | {:.2} ms | {} | {target} |",
            outcome.per_second,
            measure.unit(),
            outcome.seconds,
            outcome.p50_ms,
            outcome.p99_ms,
            outcome.errors,
        );
    }
    for entry in &entries {
        if let Entry::Results { backend, timings } = entry {
            println!(
                "| results, {} responses × {} answers: `services::assessments::results` (median of {}; min {:.1}, max {:.1}) | {backend} | {:.1} ms | | | 0 | <= 100 ms: {} |",
                timings.responses,
                timings.answers / timings.responses.max(1),
                timings.runs,
                timings.service_min_ms,
                timings.service_max_ms,
                timings.service_median_ms,
                verdict(timings.service_median_ms <= 100.0),
            );
            println!(
                "| of which: database fetch `db::responses::submitted_answers` | {backend} | {:.1} ms | | | | |",
                timings.fetch_median_ms
            );
            println!(
                "| of which: rows to answers `services::assessments::response_answers` | {backend} | {:.1} ms | | | | |",
                timings.convert_median_ms
            );
            println!(
                "| of which: pure `domain::results::compute` | {backend} | {:.1} ms | | | | |",
                timings.compute_median_ms
            );
            println!(
                "| of which: head counts `db::campaigns::response_counts` | {backend} | {:.1} ms | | | | |",
                timings.counts_median_ms
            );
        }
    }
    for entry in &entries {
        if let Entry::Skipped { what, why } = entry {
            println!("\nSkipped {what}: {why}");
        }
    }
    Ok(())
}
