//! The results file (one JSON line per measurement) and the table printed from it.

use crate::executive::ReportTimings;
use crate::load::Outcome;
use crate::planner::PlannerTimings;
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
    /// The executive report of the campaign `Results` seeded.
    Report {
        backend: String,
        timings: ReportTimings,
    },
    /// The pure planner; no database.
    Planner {
        timings: PlannerTimings,
    },
    /// The server's resident memory: at idle, or the peak while a load ran.
    Memory {
        backend: String,
        when: String,
        rss_kib: u64,
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
    /// The page as respondents mostly get it again: kept by the server since its first view.
    Page,
    /// The same page from a server that renders every view (`REVALIGN_PAGE_CACHE_MIB=0`):
    /// what the first view after each save costs.
    PageRendered,
    Ceiling,
    Autosave,
    StepSave,
    Submit,
}

impl Measure {
    fn label(self) -> &'static str {
        match self {
            Measure::Page => "questionnaire page `GET /a/{token}/step/1`",
            Measure::PageRendered => {
                "questionnaire page, every view rendered (`REVALIGN_PAGE_CACHE_MIB=0`)"
            }
            Measure::Ceiling => "ceiling: bare axum handler, same bytes",
            Measure::Autosave => "answer autosave (1 answer, JSON)",
            Measure::StepSave => "step save (one post of a whole step, 5 answers)",
            Measure::Submit => "submission",
        }
    }

    fn unit(self) -> &'static str {
        match self {
            Measure::Page | Measure::PageRendered | Measure::Ceiling => "req/s",
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

/// The target for planning and for the report: under 50 ms on the release build.
const REPORT_TARGET_MS: f64 = 50.0;

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
            (Measure::Page | Measure::PageRendered, _) => {
                let ceiling = loads
                    .iter()
                    .find(|(m, b, _, _)| *m == Measure::Ceiling && (*b == backend || *b == "none"));
                match ceiling {
                    Some((_, _, _, ceiling)) if ceiling.per_second > 0.0 => {
                        let ratio = outcome.per_second / ceiling.per_second;
                        if measure == Measure::Page {
                            format!(
                                "{ratio:.2}x the ceiling (>= 0.5x): {}",
                                verdict(ratio >= 0.5)
                            )
                        } else {
                            format!("({ratio:.2}x the ceiling)")
                        }
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
        if let Entry::Report { backend, timings } = entry {
            print_report(backend, timings);
        }
    }
    for entry in &entries {
        if let Entry::Planner { timings } = entry {
            println!(
                "| planner: `domain::planner::plan`, {} initiatives × {} dimensions into {} phases of {} person-weeks, {} pins and {} drops ({} scheduled, {} unscheduled; median of {}; min {:.2}, max {:.2}) | none | {:.2} ms | | | 0 | <= {REPORT_TARGET_MS:.0} ms: {} |",
                timings.initiatives,
                timings.dimensions,
                timings.phases,
                timings.capacity_weeks,
                timings.pins,
                timings.drops,
                timings.scheduled,
                timings.unscheduled,
                timings.runs,
                timings.min_ms,
                timings.max_ms,
                timings.median_ms,
                verdict(timings.median_ms <= REPORT_TARGET_MS),
            );
        }
    }
    for entry in &entries {
        if let Entry::Memory {
            backend,
            when,
            rss_kib,
        } = entry
        {
            println!(
                "| server memory (RSS), {when} | {backend} | {:.1} MiB | | | | |",
                *rss_kib as f64 / 1024.0
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

/// The executive report's rows: the data, the Markdown download, the HTML page.
fn print_report(backend: &str, timings: &ReportTimings) {
    println!(
        "| executive report, {} responses: `services::roadmap::report` (results, plan of {} initiatives, hiring; median of {}; min {:.1}, max {:.1}) | {backend} | {:.1} ms | | | 0 | <= {REPORT_TARGET_MS:.0} ms: {} |",
        timings.responses,
        timings.scheduled,
        timings.runs,
        timings.service_min_ms,
        timings.service_max_ms,
        timings.service_median_ms,
        verdict(timings.service_median_ms <= REPORT_TARGET_MS),
    );
    println!(
        "| of which: `services::roadmap::roadmap` (the campaign's results, the plan, the history) | {backend} | {:.1} ms | | | | |",
        timings.roadmap_median_ms
    );
    println!(
        "| of which: hiring status (`hiring::list_roles`, `hiring::role` for each) | {backend} | {:.1} ms | | | | |",
        timings.hiring_median_ms
    );
    println!(
        "| report as Markdown, as `GET /assessments/{{id}}/report.md` makes it: `report` + `exports::report_markdown` ({} B; min {:.1}, max {:.1}) | {backend} | {:.1} ms | | | 0 | <= {REPORT_TARGET_MS:.0} ms: {} |",
        timings.markdown_bytes,
        timings.markdown_min_ms,
        timings.markdown_max_ms,
        timings.markdown_median_ms,
        verdict(timings.markdown_median_ms <= REPORT_TARGET_MS),
    );
    println!(
        "| of which: `exports::report_markdown` alone | {backend} | {:.2} ms | | | | |",
        timings.export_median_ms
    );
    println!(
        "| report page `GET /assessments/{{id}}/report`, one request at a time ({} B; min {:.1}, max {:.1}) | {backend} | {:.1} ms | | | 0 | <= {REPORT_TARGET_MS:.0} ms: {} |",
        timings.page_bytes,
        timings.page_min_ms,
        timings.page_max_ms,
        timings.page_median_ms,
        verdict(timings.page_median_ms <= REPORT_TARGET_MS),
    );
}

/// One comparable figure of a run: what, where, the value and whether more is better.
struct Figure {
    label: String,
    value: f64,
    unit: &'static str,
    higher_is_better: bool,
}

fn figures(entries: &[Entry]) -> Vec<Figure> {
    let mut figures = Vec::new();
    let mut add = |label: String, value: f64, unit: &'static str, higher_is_better: bool| {
        figures.push(Figure {
            label,
            value,
            unit,
            higher_is_better,
        })
    };
    for entry in entries {
        match entry {
            Entry::Load {
                measure,
                backend,
                outcome,
                ..
            } => {
                add(
                    format!("{} [{backend}]", measure.label()),
                    outcome.per_second,
                    measure.unit(),
                    true,
                );
                add(
                    format!("{} p99 [{backend}]", measure.label()),
                    outcome.p99_ms,
                    "ms",
                    false,
                );
            }
            Entry::Results { backend, timings } => add(
                format!("results service [{backend}]"),
                timings.service_median_ms,
                "ms",
                false,
            ),
            Entry::Report { backend, timings } => {
                add(
                    format!("executive report service [{backend}]"),
                    timings.service_median_ms,
                    "ms",
                    false,
                );
                add(
                    format!("report page [{backend}]"),
                    timings.page_median_ms,
                    "ms",
                    false,
                );
            }
            Entry::Planner { timings } => {
                add("planner".into(), timings.median_ms, "ms", false);
            }
            Entry::Memory {
                backend,
                when,
                rss_kib,
            } => add(
                format!("server RSS, {when} [{backend}]"),
                *rss_kib as f64 / 1024.0,
                "MiB",
                false,
            ),
            Entry::Skipped { .. } => {}
        }
    }
    figures
}

/// Prints each figure of `new` beside the same figure of `old`, flagging changes for the
/// worse of more than 10 %.
pub fn compare(old: &Path, new: &Path) -> anyhow::Result<()> {
    let before = figures(&read(old)?);
    println!(
        "| figure | {} | {} | change |",
        old.display(),
        new.display()
    );
    println!("| --- | --- | --- | --- |");
    for figure in figures(&read(new)?) {
        let previous = before.iter().find(|b| b.label == figure.label);
        let (was, change) = match previous {
            Some(previous) if previous.value != 0.0 => {
                let change = (figure.value - previous.value) / previous.value * 100.0;
                let worse = if figure.higher_is_better {
                    change < -10.0
                } else {
                    change > 10.0
                };
                (
                    format!("{:.2} {}", previous.value, previous.unit),
                    format!("{change:+.0} %{}", if worse { " **worse**" } else { "" }),
                )
            }
            _ => ("-".to_owned(), "new".to_owned()),
        };
        println!(
            "| {} | {was} | {:.2} {} | {change} |",
            figure.label, figure.value, figure.unit
        );
    }
    Ok(())
}
