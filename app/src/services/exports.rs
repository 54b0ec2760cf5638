//! The downloads of a campaign: the executive report as Markdown, results and roadmap as
//! CSV (JSON is the views themselves, serialised). Made only from the anonymised views
//! (`CampaignResults`, `RoadmapView`), so they show exactly what the pages show: functions
//! below the anonymity threshold never appear on their own.
//!
//! Numbers are written as the pages write them (levels with one decimal, spreads with two)
//! so that a download can be checked against the screen. Text typed by people (owners) is
//! escaped for each format: Markdown control characters are backslash-escaped, and CSV
//! cells that a spreadsheet would run as a formula get a leading apostrophe.

use crate::domain::model::Function;
use crate::domain::planner::{level, weeks};
use crate::domain::results::{CampaignResults, Summary};
use crate::models::roadmap::{ReportView, RoadmapItem, RoadmapView};
use std::fmt::Write;

fn opt_level(value: Option<f64>) -> String {
    value.map_or_else(String::new, level)
}

fn opt_two(value: Option<f64>) -> String {
    value.map_or_else(String::new, |v| format!("{v:.2}"))
}

/// Escapes text for Markdown so it reads as typed: no emphasis, code, links, HTML, entities
/// (`&lt;` typed by a person stays `&lt;`, not `<`) or table cells. Only for text placed
/// inside a line (after a list marker or in a cell), where characters that matter at the
/// start of a line (`#`, `1.`, `-`) cannot start a block.
pub fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// One CSV cell (RFC 4180): quoted when needed; a leading `=`, `+`, `-`, `@`, tab or CR
/// (a formula to spreadsheets) is defused with an apostrophe.
pub fn csv_cell(text: &str) -> String {
    let defused = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') if text.parse::<f64>().is_err() => {
            format!("'{text}")
        }
        _ => text.to_owned(),
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

fn csv_row(out: &mut String, cells: &[String]) {
    let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

fn summary_cells(summary: &Summary) -> [String; 5] {
    [
        opt_level(summary.mean),
        opt_two(summary.spread),
        summary.answers.to_string(),
        summary.dont_know.to_string(),
        summary.not_applicable.to_string(),
    ]
}

/// Results as CSV: one row per dimension and question, for everyone and for each function
/// shown on its own.
pub fn results_csv(results: &CampaignResults) -> String {
    let mut out = String::new();
    csv_row(
        &mut out,
        &[
            "dimension_id",
            "dimension",
            "question_id",
            "question",
            "group",
            "respondents",
            "mean",
            "spread",
            "answers",
            "dont_know",
            "not_applicable",
        ]
        .map(str::to_owned),
    );
    let group_row = |out: &mut String,
                     d_id: &str,
                     d: &str,
                     q_id: &str,
                     q: &str,
                     group: &str,
                     respondents: usize,
                     summary: &Summary| {
        let mut cells = vec![
            d_id.to_owned(),
            d.to_owned(),
            q_id.to_owned(),
            q.to_owned(),
            group.to_owned(),
            respondents.to_string(),
        ];
        cells.extend(summary_cells(summary));
        csv_row(out, &cells);
    };
    for d in &results.dimensions {
        group_row(
            &mut out,
            &d.id,
            &d.title,
            "",
            "",
            "everyone",
            results.respondents,
            &d.summary,
        );
        for f in &d.by_function {
            group_row(
                &mut out,
                &d.id,
                &d.title,
                "",
                "",
                f.function.as_str(),
                f.respondents,
                &f.summary,
            );
        }
        for q in &d.questions {
            group_row(
                &mut out,
                &d.id,
                &d.title,
                &q.id,
                &q.text,
                "everyone",
                results.respondents,
                &q.summary,
            );
            for f in &q.by_function {
                group_row(
                    &mut out,
                    &d.id,
                    &d.title,
                    &q.id,
                    &q.text,
                    f.function.as_str(),
                    f.respondents,
                    &f.summary,
                );
            }
        }
    }
    out
}

fn item_row(
    out: &mut String,
    phase: Option<(usize, &str, &str, &str)>,
    status: &str,
    item: &RoadmapItem,
) {
    let (number, label, starts, ends) = match phase {
        Some((i, label, starts, ends)) => ((i + 1).to_string(), label, starts, ends),
        None => (String::new(), "", "", ""),
    };
    csv_row(
        out,
        &[
            number,
            label.to_owned(),
            starts.to_owned(),
            ends.to_owned(),
            status.to_owned(),
            item.id.clone(),
            item.title.clone(),
            weeks(item.effort_weeks),
            item.impact.as_str().to_owned(),
            item.owner_function.label().to_owned(),
            item.owner.clone().unwrap_or_default(),
            if item.pinned { "yes" } else { "no" }.to_owned(),
            item.done_on.clone().unwrap_or_default(),
            item.lifts.clone(),
            item.reason.clone(),
        ],
    );
}

/// The roadmap as CSV: one row per initiative, scheduled ones by phase, then those not
/// scheduled and those dropped.
pub fn roadmap_csv(roadmap: &RoadmapView) -> String {
    let mut out = String::new();
    csv_row(
        &mut out,
        &[
            "phase",
            "phase_label",
            "starts_on",
            "ends_on",
            "status",
            "initiative_id",
            "title",
            "effort_weeks",
            "impact",
            "owner_function",
            "owner",
            "pinned",
            "done_on",
            "lifts",
            "reason",
        ]
        .map(str::to_owned),
    );
    for phase in &roadmap.phases {
        for item in &phase.initiatives {
            item_row(
                &mut out,
                Some((phase.index, &phase.label, &phase.starts_on, &phase.ends_on)),
                "scheduled",
                item,
            );
        }
    }
    for item in &roadmap.unscheduled {
        item_row(&mut out, None, "not-scheduled", item);
    }
    for item in &roadmap.dropped {
        item_row(&mut out, None, "dropped", item);
    }
    out
}

fn shown_functions(results: &CampaignResults) -> Vec<Function> {
    results
        .by_function
        .iter()
        .filter(|f| f.shown)
        .map(|f| f.function)
        .collect()
}

/// The executive report as Markdown, section by section as on the page.
pub fn report_markdown(report: &ReportView) -> String {
    let roadmap = &report.roadmap;
    let results = &report.results;
    let mut md = String::new();
    let name = markdown_text(&roadmap.summary.name);
    let _ = writeln!(md, "# Executive report: {name}\n");
    let _ = writeln!(
        md,
        "{} · {} · generated {}\n",
        markdown_text(&roadmap.summary.model_title),
        if roadmap.summary.status == crate::models::assessment::CampaignStatus::Open {
            "open"
        } else {
            "closed"
        },
        report.generated_on
    );

    let _ = writeln!(md, "## Summary\n");
    for sentence in &report.summary {
        let _ = writeln!(md, "- {}", markdown_text(sentence));
    }
    md.push('\n');

    let _ = writeln!(md, "## Maturity per dimension\n");
    let _ = writeln!(md, "| Dimension | Current | Target | Projected |");
    let _ = writeln!(md, "|---|---:|---:|---:|");
    for d in &roadmap.dimensions {
        let projected = roadmap
            .projections
            .iter()
            .find(|p| p.id == d.id)
            .and_then(|p| p.levels.last().copied());
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} |",
            markdown_text(&d.title),
            opt_level(d.current),
            level(d.target),
            opt_level(projected)
        );
    }
    md.push('\n');

    let _ = writeln!(md, "## Perception gaps\n");
    if results.gaps.is_empty() {
        let _ = writeln!(
            md,
            "No gaps to show: that needs at least two functions with enough responses each.\n"
        );
    } else {
        for gap in results.gaps.iter().take(8) {
            let _ = writeln!(
                md,
                "1. {} (gap {})",
                markdown_text(&gap.sentence()),
                level(gap.size)
            );
        }
        md.push('\n');
    }

    let functions = shown_functions(results);
    let _ = writeln!(md, "## Heatmap: function × dimension\n");
    if functions.is_empty() {
        let _ = writeln!(
            md,
            "No function has enough responses yet to be shown on its own.\n"
        );
    } else {
        let header: Vec<&str> = functions.iter().map(|f| f.label()).collect();
        let _ = writeln!(md, "| Dimension | {} |", header.join(" | "));
        let _ = writeln!(md, "|---|{}", "---:|".repeat(functions.len()));
        for d in &results.dimensions {
            let cells: Vec<String> = functions
                .iter()
                .map(|f| {
                    opt_level(
                        d.by_function
                            .iter()
                            .find(|s| s.function == *f)
                            .and_then(|s| s.summary.mean),
                    )
                })
                .collect();
            let _ = writeln!(
                md,
                "| {} | {} |",
                markdown_text(&d.title),
                cells.join(" | ")
            );
        }
        md.push('\n');
    }

    let _ = writeln!(md, "## Roadmap\n");
    for phase in &roadmap.phases {
        let _ = writeln!(
            md,
            "### {} ({} of {} person-weeks)\n",
            markdown_text(&phase.label),
            weeks(phase.effort_weeks),
            weeks(phase.capacity_weeks)
        );
        if phase.initiatives.is_empty() {
            let _ = writeln!(md, "Nothing planned.\n");
        }
        for item in &phase.initiatives {
            let _ = writeln!(md, "{}", item_markdown(item));
        }
        if !phase.initiatives.is_empty() {
            md.push('\n');
        }
    }
    if !roadmap.unscheduled.is_empty() {
        let _ = writeln!(md, "### Not scheduled\n");
        for item in &roadmap.unscheduled {
            let _ = writeln!(md, "{}", item_markdown(item));
        }
        md.push('\n');
    }

    let _ = writeln!(md, "## Organisation design\n");
    if report.org_design.is_empty() {
        let _ = writeln!(
            md,
            "No organisation-design step is needed to reach the targets.\n"
        );
    } else {
        for step in &report.org_design {
            let when = step.phase.as_deref().unwrap_or("not scheduled");
            let _ = writeln!(
                md,
                "- **{}** ({}): {}",
                markdown_text(&step.title),
                markdown_text(when),
                markdown_text(&step.reason)
            );
        }
        md.push('\n');
    }

    let _ = writeln!(md, "## Hiring the RevOps leader\n");
    if report.hiring.is_empty() {
        let _ = writeln!(md, "No RevOps-leader role is open.\n");
    }
    for role in &report.hiring {
        let _ = writeln!(md, "### {}\n", markdown_text(&role.title));
        if role.candidates.is_empty() {
            let _ = writeln!(md, "No candidates to show.\n");
            continue;
        }
        for c in &role.candidates {
            let _ = writeln!(
                md,
                "- {}: {}",
                markdown_text(&c.name),
                markdown_text(&c.state())
            );
        }
        md.push('\n');
    }

    if let Some(previous) = &roadmap.previous {
        let _ = writeln!(
            md,
            "## Since {} ({})\n",
            markdown_text(&previous.campaign_name),
            previous.launched
        );
        let _ = writeln!(md, "| Dimension | Before | Now | Change |");
        let _ = writeln!(md, "|---|---:|---:|---:|");
        for c in &previous.changes {
            let delta = c
                .delta()
                .map(|d| format!("{}{}", if d > 0.0 { "+" } else { "" }, level(d)))
                .unwrap_or_default();
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} |",
                markdown_text(&c.title),
                opt_level(c.before),
                opt_level(c.after),
                delta
            );
        }
        md.push('\n');
        if previous.done.is_empty() {
            let _ = writeln!(
                md,
                "No initiative of the earlier roadmap was marked done.\n"
            );
        } else {
            let _ = writeln!(md, "Done since then:\n");
            for d in &previous.done {
                let _ = writeln!(md, "- {} ({})", markdown_text(&d.title), d.done_on);
            }
            md.push('\n');
        }
    }
    md
}

fn item_markdown(item: &RoadmapItem) -> String {
    let mut line = format!(
        "- **{}** · {} person-weeks · {} impact · {}",
        markdown_text(&item.title),
        weeks(item.effort_weeks),
        item.impact.as_str(),
        item.owner_function.label()
    );
    if let Some(owner) = &item.owner {
        let _ = write!(line, " (owner: {})", markdown_text(owner));
    }
    if let Some(done) = &item.done_on {
        let _ = write!(line, " · done {done}");
    }
    let _ = write!(line, "  \n  {}", markdown_text(&item.reason));
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_formulas_defused() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("-1.5"), "-1.5");
        assert_eq!(csv_cell("line\nbreak"), "\"line\nbreak\"");
    }

    #[test]
    fn markdown_text_cannot_open_html_links_or_emphasis() {
        assert_eq!(markdown_text("<script>"), "\\<script\\>");
        assert_eq!(markdown_text("[x](javascript:y)"), "\\[x\\](javascript:y)");
        assert_eq!(markdown_text("*bold*\nnext"), "\\*bold\\* next");
        assert_eq!(markdown_text("Data 1.8 → 3.0"), "Data 1.8 → 3.0");
        assert_eq!(markdown_text("&lt;b&gt; & co"), "\\&lt;b\\&gt; \\& co");
    }

    #[test]
    fn escaped_markdown_renders_back_to_the_plain_text() {
        use pulldown_cmark::{html, Parser};
        for text in [
            "<img src=x onerror=alert(1)>",
            "[a](b) *c* `d` # e",
            "x | y",
            "<https://evil.test>",
            "&lt;script&gt; &#106;",
        ] {
            let mut rendered = String::new();
            html::push_html(
                &mut rendered,
                Parser::new(&format!("- {}", markdown_text(text))),
            );
            assert!(
                !rendered.contains("<img")
                    && !rendered.contains("<a ")
                    && !rendered.contains("<em>"),
                "{rendered}"
            );
            let shown = text
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;");
            assert!(rendered.contains(&shown), "{rendered} does not show {text}");
        }
    }
}
