//! The initiative library: one file's parser (front matter, headings, the metadata list and
//! the steps) and the checks across files that the library runs after loading them all.

use super::*;
use crate::domain::initiative::{Impact, Initiative, Lift};
use crate::domain::model::Function;
use std::collections::{HashMap, HashSet};
use std::path::Path;

const VALID: &str = "---
title: Planning
locale: en
---

A note for authors, *not shown*.

# Write one revenue glossary {#shared-glossary}

- lifts: alignment 1-3
- effort: 2.5
- impact: medium
- owner: operations

1. Collect the terms.
2. Agree one definition per term.

# Run one joint planning cycle {#joint-planning}

- lifts: planning 1-3, alignment 2-3
- effort: 6
- impact: high
- owner: customer-success
- requires: shared-glossary, later-one
- kpis: Plan signed before the year starts; Share of targets derived from the goal
- org-design: yes

Start with <b>one</b> goal.

<!-- a note that is not shown -->

1. Publish a calendar.
2. Agree the goal.

- A second list is part of the steps.

---

# Appoint a leader {#later-one}

- org-design: no
- owner: leadership
- impact: low
- effort: 1
- lifts: leadership 4-5

The steps, as a paragraph.
";

fn with_initiative(meta: &str, body: &str) -> String {
    format!("---\ntitle: T\nlocale: en\n---\n\n# Do the thing {{#do-thing}}\n\n{meta}\n\n{body}\n")
}

fn meta(lines: &[&str]) -> String {
    lines
        .iter()
        .map(|line| format!("- {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

const BASE_META: [&str; 4] = [
    "lifts: data 1-2",
    "effort: 3",
    "impact: high",
    "owner: sales",
];

/// A file with one initiative whose metadata is [`BASE_META`] with `replace` swapped in for
/// the line with the same key (or added when no line has it).
fn with_meta(replace: &str) -> String {
    let key = replace.split(':').next().unwrap_or(replace);
    let mut lines: Vec<&str> = BASE_META
        .iter()
        .copied()
        .filter(|line| !line.starts_with(&format!("{key}:")))
        .collect();
    lines.push(replace);
    with_initiative(&meta(&lines), "1. Step one.")
}

fn line_of(source: &str, needle: &str) -> usize {
    source
        .lines()
        .position(|line| line.contains(needle))
        .map(|index| index + 1)
        .unwrap_or_else(|| panic!("{needle:?} not in source"))
}

fn issues_of(source: &str) -> Vec<ContentIssue> {
    match parse_initiatives(source) {
        Ok(parsed) => panic!("expected issues, parsed {parsed:#?}"),
        Err(issues) => issues,
    }
}

fn assert_issue(source: &str, line: usize, fragment: &str) {
    let issues = issues_of(source);
    assert!(
        issues
            .iter()
            .any(|issue| issue.line == line && issue.message.contains(fragment)),
        "no issue on line {line} containing {fragment:?}; got {issues:#?}"
    );
}

/// What the loader guarantees of every initiative of a file that parsed.
fn check_invariants(parsed: &[(Initiative, usize)], line_count: usize) -> Result<(), String> {
    let mut ids = HashSet::new();
    let mut previous_line = 0;
    for (initiative, line) in parsed {
        if !ids.insert(initiative.id.as_str()) {
            return Err(format!("duplicate id {}", initiative.id));
        }
        if *line <= previous_line || *line > line_count {
            return Err(format!("line {line} out of order or range"));
        }
        previous_line = *line;
        if initiative.lifts.is_empty() {
            return Err(format!("{} lifts nothing", initiative.id));
        }
        for lift in &initiative.lifts {
            if !(1..=5).contains(&lift.from) || !(1..=5).contains(&lift.to) || lift.from >= lift.to
            {
                return Err(format!("{} has a bad lift {lift:?}", initiative.id));
            }
        }
        if !(initiative.effort_weeks.is_finite() && initiative.effort_weeks > 0.0) {
            return Err(format!(
                "{} has effort {}",
                initiative.id, initiative.effort_weeks
            ));
        }
        if initiative.requires.contains(&initiative.id) {
            return Err(format!("{} requires itself", initiative.id));
        }
        if initiative.body_html.trim().is_empty() {
            return Err(format!("{} has no steps", initiative.id));
        }
        if initiative.body_html.contains("<script") || initiative.body_html.contains("<b>") {
            return Err(format!("{} lets raw HTML through", initiative.id));
        }
    }
    Ok(())
}

#[test]
fn a_valid_file_parses_into_exactly_the_expected_initiatives() {
    let parsed = parse_initiatives(VALID).expect("valid file");
    let expected = vec![
        (
            Initiative {
                id: "shared-glossary".into(),
                title: "Write one revenue glossary".into(),
                lifts: vec![Lift {
                    dimension: "alignment".into(),
                    from: 1,
                    to: 3,
                }],
                effort_weeks: 2.5,
                impact: Impact::Medium,
                owner: Function::Operations,
                requires: vec![],
                kpis: vec![],
                org_design: false,
                body_html: "<ol>\n<li>Collect the terms.</li>\n<li>Agree one definition per term.</li>\n</ol>\n"
                    .into(),
            },
            line_of(VALID, "{#shared-glossary}"),
        ),
        (
            Initiative {
                id: "joint-planning".into(),
                title: "Run one joint planning cycle".into(),
                lifts: vec![
                    Lift {
                        dimension: "planning".into(),
                        from: 1,
                        to: 3,
                    },
                    Lift {
                        dimension: "alignment".into(),
                        from: 2,
                        to: 3,
                    },
                ],
                effort_weeks: 6.0,
                impact: Impact::High,
                owner: Function::CustomerSuccess,
                requires: vec!["shared-glossary".into(), "later-one".into()],
                kpis: vec![
                    "Plan signed before the year starts".into(),
                    "Share of targets derived from the goal".into(),
                ],
                org_design: true,
                body_html: "<p>Start with &lt;b&gt;one&lt;/b&gt; goal.</p>\n\
                            <ol>\n<li>Publish a calendar.</li>\n<li>Agree the goal.</li>\n</ol>\n\
                            <ul>\n<li>A second list is part of the steps.</li>\n</ul>\n"
                    .into(),
            },
            line_of(VALID, "{#joint-planning}"),
        ),
        (
            Initiative {
                id: "later-one".into(),
                title: "Appoint a leader".into(),
                lifts: vec![Lift {
                    dimension: "leadership".into(),
                    from: 4,
                    to: 5,
                }],
                effort_weeks: 1.0,
                impact: Impact::Low,
                owner: Function::Leadership,
                requires: vec![],
                kpis: vec![],
                org_design: false,
                body_html: "<p>The steps, as a paragraph.</p>\n".into(),
            },
            line_of(VALID, "{#later-one}"),
        ),
    ];
    assert_eq!(parsed, expected);
}

#[test]
fn crlf_line_endings_and_a_byte_order_mark_are_accepted() {
    let source = format!("\u{feff}{}", VALID.replace('\n', "\r\n"));
    let parsed = parse_initiatives(&source).expect("CRLF file");
    assert_eq!(parsed.len(), 3);
    assert_eq!(parsed[1].0.kpis.len(), 2);
}

#[test]
fn unsafe_links_in_the_steps_are_refused() {
    let source = with_initiative(&meta(&BASE_META), "1. See [this](javascript:alert(1)).");
    assert_issue(&source, line_of(&source, "javascript"), "is not allowed");
    let safe = with_initiative(
        &meta(&BASE_META),
        "1. See [the plan](https://example.com/plan).",
    );
    assert!(parse_initiatives(&safe).is_ok());
}

#[test]
fn a_file_without_front_matter_is_told_to_start_with_dashes() {
    assert_issue("# A {#a}\n\n- effort: 1\n", 1, "missing front matter");
}

#[test]
fn unclosed_front_matter_is_reported_once_on_the_first_line() {
    let issues = issues_of("---\ntitle: T\nlocale: en\n\n# A {#a}\n");
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(issues[0].line, 1);
    assert!(issues[0].message.contains("not closed"));
}

#[test]
fn front_matter_keys_are_checked() {
    let source = "---\ntitle: T\nid: x\n---\n\n# A {#a}\n\n- effort: 1\n";
    assert_issue(source, 3, "unknown front-matter key \"id\"");
    assert_issue(source, 4, "missing front-matter key \"locale\"");
    let twice = "---\ntitle: T\ntitle: U\nlocale: en\n---\n";
    assert_issue(twice, 3, "given twice (first on line 2)");
    let empty = "---\ntitle:\nlocale: en\n---\n";
    assert_issue(empty, 2, "has no value");
    let bad_locale = "---\ntitle: T\nlocale: English!\n---\n";
    assert_issue(bad_locale, 3, "not a language tag");
    let no_colon = "---\ntitle T\nlocale: en\n---\n";
    assert_issue(no_colon, 2, "is not \"key: value\"");
}

#[test]
fn a_file_with_no_initiatives_is_reported() {
    assert_issue(
        "---\ntitle: T\nlocale: en\n---\n\nJust text.\n",
        5,
        "no initiatives",
    );
}

#[test]
fn headings_without_an_id_get_a_suggested_one() {
    let source = with_initiative(&meta(&BASE_META), "1. Step.").replace(" {#do-thing}", "");
    assert_issue(&source, 6, "has no id");
    assert_issue(&source, 6, "{#do-the-thing}");
}

#[test]
fn bad_and_duplicate_ids_and_heading_attributes_are_reported() {
    let bad = with_initiative(&meta(&BASE_META), "1. Step.").replace("do-thing", "Do_Thing");
    assert_issue(&bad, 6, "may only use lower-case letters");
    let attribute = with_initiative(&meta(&BASE_META), "1. Step.")
        .replace("{#do-thing}", "{#do-thing weight=2}");
    assert_issue(&attribute, 6, "only {#id} is allowed");
    let body = format!(
        "1. Step.\n\n# Again {{#do-thing}}\n\n{}\n\n1. Step.",
        meta(&BASE_META)
    );
    let duplicate = with_initiative(&meta(&BASE_META), &body);
    assert_issue(
        &duplicate,
        line_of(&duplicate, "# Again"),
        "duplicate id \"do-thing\" (first used on line 6)",
    );
}

#[test]
fn deeper_and_underlined_headings_are_explained() {
    let deeper = with_initiative(&meta(&BASE_META), "## Steps\n\n1. Step.");
    assert_issue(
        &deeper,
        line_of(&deeper, "## Steps"),
        "headings are not allowed",
    );
    let underlined = with_initiative(&meta(&BASE_META), "1. Step.\n\nSome text\n---");
    assert_issue(
        &underlined,
        line_of(&underlined, "Some text"),
        "followed by a line of \"---\"",
    );
}

#[test]
fn a_heading_without_a_metadata_list_directly_under_it_is_reported() {
    let source = with_initiative("Some text first.", &meta(&BASE_META));
    assert_issue(&source, 6, "has no metadata list");
    let nothing = "---\ntitle: T\nlocale: en\n---\n\n# Do the thing {#do-thing}\n";
    assert_issue(nothing, 6, "has no metadata list");
}

#[test]
fn missing_required_keys_are_reported_at_the_list() {
    let source = with_initiative(&meta(&["lifts: data 1-2", "impact: high"]), "1. Step.");
    let list = line_of(&source, "- lifts");
    assert_issue(&source, list, "has no \"effort\"");
    assert_issue(&source, list, "has no \"owner\"");
    assert!(issues_of(&source).len() == 2, "{:#?}", issues_of(&source));
}

#[test]
fn unknown_duplicate_empty_and_colonless_metadata_items_are_reported() {
    let unknown = with_meta("weight: 2");
    assert_issue(
        &unknown,
        line_of(&unknown, "weight"),
        "unknown metadata key \"weight\"",
    );
    let mut lines = BASE_META.to_vec();
    lines.push("effort: 4");
    let twice = with_initiative(&meta(&lines), "1. Step.");
    assert_issue(&twice, line_of(&twice, "effort: 4"), "given twice");
    let empty = with_meta("requires:");
    assert_issue(&empty, line_of(&empty, "requires"), "has no value");
    let colonless = with_meta("effort 3");
    assert_issue(
        &colonless,
        line_of(&colonless, "effort 3"),
        "is not \"key: value\"",
    );
    let nested = with_initiative(
        &format!("{}\n- kpis:\n  - first\n  - second", meta(&BASE_META)),
        "1. Step.",
    );
    assert_issue(&nested, line_of(&nested, "- first"), "nested list");
}

#[test]
fn lifts_must_name_a_dimension_and_go_up_within_the_scale() {
    for (value, fragment) in [
        ("lifts: data", "needs a dimension id and two levels"),
        ("lifts: data 1", "from-to"),
        ("lifts: data a-b", "whole numbers"),
        ("lifts: data 3-3", "does not go up"),
        ("lifts: data 4-2", "does not go up"),
        ("lifts: data 0-2", "between 1 and 5"),
        ("lifts: data 2-6", "between 1 and 5"),
        ("lifts: data 1-2, data 2-3", "lifted twice"),
        ("lifts: Data 1-2", "may only use lower-case"),
        ("lifts: data 1-2,", "lift 2 in lifts is empty"),
    ] {
        let source = with_meta(value);
        assert_issue(&source, line_of(&source, "- lifts"), fragment);
    }
    let spaced = with_meta("lifts: data 1 - 2,planning 2-4");
    let parsed = parse_initiatives(&spaced).expect("spaces around the dash are fine");
    assert_eq!(parsed[0].0.lifts.len(), 2);
}

#[test]
fn effort_impact_owner_and_org_design_values_are_checked() {
    for (value, fragment) in [
        ("effort: 0", "greater than 0"),
        ("effort: -2", "greater than 0"),
        ("effort: NaN", "greater than 0"),
        ("effort: 3 weeks", "no unit"),
        ("impact: huge", "must be low, medium or high"),
        (
            "owner: cs",
            "must be one of marketing, sales, customer-success, operations, finance or leadership",
        ),
        ("org-design: true", "must be yes or no"),
    ] {
        let source = with_meta(value);
        let key = value.split(':').next().unwrap_or(value);
        assert_issue(&source, line_of(&source, &format!("- {key}")), fragment);
    }
}

#[test]
fn requires_and_kpis_are_checked() {
    let bad = with_meta("requires: a, B_c");
    assert_issue(&bad, line_of(&bad, "requires"), "may only use lower-case");
    let twice = with_meta("requires: a, a");
    assert_issue(&twice, line_of(&twice, "requires"), "named twice");
    let empty_part = with_meta("requires: a,,b");
    assert_issue(
        &empty_part,
        line_of(&empty_part, "requires"),
        "prerequisite 2 in requires is empty",
    );
    let itself = with_meta("requires: do-thing");
    assert_issue(&itself, line_of(&itself, "requires"), "requires itself");
    let kpis = with_meta("kpis: one;; two");
    assert_issue(&kpis, line_of(&kpis, "kpis"), "KPI 2 in kpis is empty");
}

#[test]
fn an_initiative_without_steps_is_reported_on_its_heading() {
    let source = with_initiative(&meta(&BASE_META), "<!-- steps to come -->\n\n---");
    assert_issue(&source, 6, "has no steps");
}

#[test]
fn several_issues_are_reported_in_one_pass_sorted_by_line() {
    let source = "---\ntitle: T\nlocale: en\nfoo: bar\n---\n\n# A {#a}\n\n- effort: x\n- impact: big\n\n1. s\n\n# B\n\n- lifts: data 2-1\n";
    let issues = issues_of(source);
    let lines: Vec<usize> = issues.iter().map(|issue| issue.line).collect();
    let mut sorted = lines.clone();
    sorted.sort_unstable();
    assert_eq!(lines, sorted);
    for line in [4, 9, 10, 14, 16] {
        assert!(
            lines.contains(&line),
            "no issue on line {line}: {issues:#?}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Across files
// ---------------------------------------------------------------------------------------

const MODEL: &str = "---
id: m
title: M
version: 1
locale: en
levels: A | B | C | D | E
---

# Data {#data}

## Q? {#data-q}

1. a
2. b
3. c
4. d
5. e

# Planning {#planning}

## Q? {#planning-q}

1. a
2. b
3. c
4. d
5. e
";

fn initiative(id: &str, requires: &str) -> String {
    let requires = if requires.is_empty() {
        String::new()
    } else {
        format!("- requires: {requires}\n")
    };
    format!(
        "# Initiative {id} {{#{id}}}\n\n- lifts: data 1-2\n- effort: 2\n- impact: low\n\
         - owner: finance\n{requires}\n1. Do it.\n\n"
    )
}

fn file(initiatives: &[String]) -> String {
    format!("---\ntitle: T\nlocale: en\n---\n\n{}", initiatives.concat())
}

fn library_with(files: &[(&str, String)]) -> (tempfile::TempDir, ContentLibrary) {
    let root = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(root.path().join("models")).expect("models dir");
    std::fs::write(root.path().join("models/m.md"), MODEL).expect("write model");
    std::fs::create_dir_all(root.path().join("initiatives")).expect("initiatives dir");
    for (name, source) in files {
        std::fs::write(root.path().join("initiatives").join(name), source).expect("write");
    }
    let library = ContentLibrary::load(root.path());
    (root, library)
}

fn loaded_ids(library: &ContentLibrary) -> Vec<&str> {
    library
        .initiatives
        .iter()
        .map(|loaded| loaded.initiative.id.as_str())
        .collect()
}

fn path_ends(error: &ContentError, name: &str) -> bool {
    error.path.ends_with(&format!("initiatives/{name}"))
}

#[test]
fn prerequisites_may_live_in_other_files() {
    let a = file(&[initiative("a", "b"), initiative("c", "")]);
    let b = file(&[initiative("b", "c")]);
    let (_root, library) = library_with(&[("a.md", a.clone()), ("b.md", b)]);
    assert!(library.errors.is_empty(), "{:#?}", library.errors);
    assert_eq!(loaded_ids(&library), ["a", "c", "b"]);
    let first = &library.initiatives[0];
    assert!(first.path.ends_with("initiatives/a.md"));
    assert_eq!(first.line, line_of(&a, "{#a}"));
    assert_eq!(
        library
            .initiative("b")
            .map(|loaded| loaded.initiative.requires.clone()),
        Some(vec!["c".to_owned()])
    );
}

#[test]
fn an_unknown_prerequisite_is_an_error_in_its_own_file_which_is_skipped() {
    let a = file(&[initiative("a", "")]);
    let b = file(&[initiative("b", "a, nowhere")]);
    let (_root, library) = library_with(&[("a.md", a), ("b.md", b.clone())]);
    assert_eq!(loaded_ids(&library), ["a"]);
    assert_eq!(library.errors.len(), 1, "{:#?}", library.errors);
    let error = &library.errors[0];
    assert!(path_ends(error, "b.md"), "{error}");
    assert_eq!(error.line, line_of(&b, "- requires"));
    assert!(error.message.contains("requires \"nowhere\""), "{error}");
    assert!(
        error.message.contains("not the id of any initiative"),
        "{error}"
    );
}

#[test]
fn a_cycle_across_two_files_is_reported_in_both_with_the_ids_in_it() {
    let a = file(&[initiative("x", ""), initiative("a", "b")]);
    let b = file(&[initiative("b", "a")]);
    let (_root, library) = library_with(&[("a.md", a.clone()), ("b.md", b.clone())]);
    assert!(library.initiatives.is_empty(), "{:#?}", library.initiatives);
    assert_eq!(library.errors.len(), 2, "{:#?}", library.errors);
    let (in_a, in_b) = (&library.errors[0], &library.errors[1]);
    assert!(path_ends(in_a, "a.md") && path_ends(in_b, "b.md"));
    assert_eq!(in_a.line, line_of(&a, "- requires: b"));
    assert_eq!(in_b.line, line_of(&b, "- requires: a"));
    assert!(in_a.message.contains("cycle: a -> b -> a"), "{in_a}");
    assert!(in_a.message.contains("\"b\" is in"), "{in_a}");
    assert!(in_b.message.contains("cycle: b -> a -> b"), "{in_b}");
}

#[test]
fn a_longer_cycle_in_one_file_is_reported_once() {
    let a = file(&[
        initiative("a", "b"),
        initiative("b", "c"),
        initiative("c", "a"),
    ]);
    let (_root, library) = library_with(&[("a.md", a.clone())]);
    assert_eq!(library.errors.len(), 1, "{:#?}", library.errors);
    assert_eq!(library.errors[0].line, line_of(&a, "- requires: b"));
    assert!(library.errors[0].message.contains("a -> b -> c -> a"));
}

#[test]
fn an_initiative_requiring_one_in_a_skipped_file_is_skipped_too() {
    // c.md has a mistake of its own; b.md needs it, a.md needs b.md.
    let a = file(&[initiative("a", "b")]);
    let b = file(&[initiative("b", "c")]);
    let c = file(&[initiative("c", "")]).replace("- impact: low", "- impact: huge");
    let d = file(&[initiative("d", "")]);
    let (_root, library) = library_with(&[
        ("a.md", a.clone()),
        ("b.md", b.clone()),
        ("c.md", c),
        ("d.md", d),
    ]);
    assert_eq!(loaded_ids(&library), ["d"]);
    let errors: Vec<String> = library.errors.iter().map(ToString::to_string).collect();
    assert_eq!(errors.len(), 3, "{errors:#?}");
    // b.md's prerequisite is in a file that did not parse, so its id is not known...
    assert!(errors[1].contains("initiatives/b.md") && errors[1].contains("requires \"c\""));
    assert!(
        errors[1].contains("not the id of any initiative"),
        "{errors:#?}"
    );
    assert!(errors[1].contains("a file with errors"), "{errors:#?}");
    assert_eq!(library.errors[1].line, line_of(&b, "- requires"));
    // ... and a.md's is in b.md, which is skipped: a.md is told to fix b.md first.
    assert!(errors[0].contains("initiatives/a.md") && errors[0].contains("requires \"b\""));
    assert!(errors[0].contains("initiatives/b.md line 6"), "{errors:#?}");
    assert!(errors[0].contains("fix that file first"), "{errors:#?}");
    assert_eq!(library.errors[0].line, line_of(&a, "- requires"));
    assert!(errors[2].contains("initiatives/c.md") && errors[2].contains("impact \"huge\""));
}

#[test]
fn the_same_id_in_two_files_keeps_the_first_and_reports_the_second() {
    let a = file(&[initiative("a", "")]);
    let b = file(&[initiative("z", ""), initiative("a", "")]);
    let (_root, library) = library_with(&[("a.md", a), ("b.md", b.clone())]);
    assert_eq!(loaded_ids(&library), ["a"]);
    assert_eq!(library.errors.len(), 1, "{:#?}", library.errors);
    let error = &library.errors[0];
    assert!(path_ends(error, "b.md"));
    assert_eq!(error.line, line_of(&b, "{#a}"));
    assert!(error.message.contains("duplicate id \"a\""), "{error}");
    assert!(error.message.contains("initiatives/a.md line 6"), "{error}");
}

#[test]
fn a_lifted_dimension_must_be_one_of_a_loaded_model() {
    let a = file(&[initiative("a", "")]).replace("data 1-2", "data 1-2, culture 1-3");
    let (_root, library) = library_with(&[("a.md", a.clone())]);
    assert!(library.initiatives.is_empty());
    assert_eq!(library.errors.len(), 1, "{:#?}", library.errors);
    assert_eq!(library.errors[0].line, line_of(&a, "- lifts"));
    assert!(library.errors[0].message.contains("\"culture\""));
    assert!(library.errors[0].message.contains("\"data\", \"planning\""));
}

#[test]
fn a_file_with_a_mistake_is_skipped_and_the_rest_load() {
    let good = file(&[initiative("a", "")]);
    let bad = file(&[initiative("b", "")]).replace("- effort: 2", "- effort: two");
    let (_root, library) = library_with(&[("a.md", good), ("b.md", bad.clone())]);
    assert_eq!(loaded_ids(&library), ["a"]);
    assert_eq!(library.errors.len(), 1);
    assert!(path_ends(&library.errors[0], "b.md"));
    assert_eq!(library.errors[0].line, line_of(&bad, "- effort"));
}

#[test]
fn a_missing_initiatives_folder_is_an_empty_library() {
    let root = tempfile::tempdir().expect("temp dir");
    let library = ContentLibrary::load(root.path());
    assert!(library.initiatives.is_empty());
    assert!(library.errors.is_empty());
}

// ---------------------------------------------------------------------------------------
// The shipped library
// ---------------------------------------------------------------------------------------

fn shipped() -> ContentLibrary {
    ContentLibrary::load(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../content"
    )))
}

#[test]
fn the_shipped_initiative_library_loads_without_errors() {
    let library = shipped();
    assert!(library.errors.is_empty(), "{:#?}", library.errors);
    assert!(
        library.initiatives.len() >= 30,
        "only {} initiatives",
        library.initiatives.len()
    );
    let files: HashSet<&str> = library
        .initiatives
        .iter()
        .map(|l| l.path.as_str())
        .collect();
    assert!(
        files.len() >= 4,
        "initiatives should be split by theme: {files:?}"
    );
}

#[test]
fn every_dimension_is_lifted_from_level_1_up_to_level_5() {
    let library = shipped();
    let model = library.model("revops-maturity").expect("shipped model");
    for dimension in &model.model.dimensions {
        let lifts: Vec<&Lift> = library
            .initiatives
            .iter()
            .flat_map(|l| l.initiative.lifts.iter())
            .filter(|lift| lift.dimension == dimension.id)
            .collect();
        assert!(
            lifts.iter().any(|lift| lift.from == 1),
            "nothing lifts {} from level 1",
            dimension.id
        );
        assert!(
            lifts.iter().any(|lift| lift.to == 5),
            "nothing lifts {} to level 5",
            dimension.id
        );
        // Every level in between can be left by some initiative.
        for level in 1..5 {
            assert!(
                lifts
                    .iter()
                    .any(|lift| lift.from <= level && lift.to > level),
                "nothing lifts {} beyond level {level}",
                dimension.id
            );
        }
    }
}

#[test]
fn the_shipped_library_contains_the_themes_of_the_article() {
    let library = shipped();
    let by_id: HashMap<&str, &Initiative> = library
        .initiatives
        .iter()
        .map(|l| (l.initiative.id.as_str(), l.initiative.as_ref()))
        .collect();
    for id in [
        "joint-planning-cycle",
        "shared-kpis-and-targets",
        "tool-overlap-audit",
        "consolidate-revenue-platform",
        "customer-data-source-of-truth",
        "marketing-sales-lead-sla",
        "sales-to-cs-handoff-sla",
        "appoint-revops-leader",
        "revops-strategy-lead",
        "revops-planning-lead",
        "compensation-incentives-lead",
    ] {
        assert!(by_id.contains_key(id), "missing theme initiative {id}");
    }
    for id in [
        "appoint-revops-leader",
        "revops-strategy-lead",
        "revops-planning-lead",
        "compensation-incentives-lead",
    ] {
        assert!(by_id[id].org_design, "{id} should be an org-design step");
    }
    let chain = [
        "shared-revenue-glossary",
        "shared-kpis-and-targets",
        "joint-revenue-dashboard",
        "quarterly-joint-reforecast",
    ];
    for pair in chain.windows(2) {
        assert!(
            by_id[pair[1]].requires.iter().any(|r| r == pair[0]),
            "{} should require {}",
            pair[1],
            pair[0]
        );
    }
}

#[test]
fn every_shipped_initiative_has_three_to_eight_numbered_steps() {
    let library = shipped();
    let mut efforts = Vec::new();
    for loaded in &library.initiatives {
        let initiative = &loaded.initiative;
        let steps = initiative.body_html.matches("<li>").count();
        assert!(
            initiative.body_html.contains("<ol>") && (3..=8).contains(&steps),
            "{} has {steps} steps",
            initiative.id
        );
        assert!(
            (1.0..=16.0).contains(&initiative.effort_weeks),
            "{} effort {}",
            initiative.id,
            initiative.effort_weeks
        );
        assert!(!initiative.kpis.is_empty(), "{} has no KPIs", initiative.id);
        efforts.push(initiative.effort_weeks);
    }
    assert!(efforts.contains(&1.0) && efforts.contains(&16.0));
}

mod properties {
    use super::*;
    use proptest::prelude::*;
    use proptest::sample::{select, Index};

    /// Never panics; an Ok file keeps the invariants; issues are sorted, non-empty and
    /// point at lines that exist.
    fn check(source: &str) -> Result<(), TestCaseError> {
        let line_count = source.split('\n').count().max(1);
        match parse_initiatives(source) {
            Ok(parsed) => {
                prop_assert_eq!(check_invariants(&parsed, line_count), Ok(()));
            }
            Err(issues) => {
                prop_assert!(!issues.is_empty());
                for pair in issues.windows(2) {
                    prop_assert!(pair[0].line <= pair[1].line);
                }
                for issue in &issues {
                    prop_assert!(
                        (1..=line_count).contains(&issue.line),
                        "line {} outside 1..={}",
                        issue.line,
                        line_count
                    );
                    prop_assert!(!issue.message.is_empty());
                }
            }
        }
        Ok(())
    }

    const FRAGMENTS: &[&str] = &[
        "#",
        "# ",
        "## ",
        "# Initiative {#init-x}",
        "# Initiative {#joint-planning}",
        "{#a weight=2}",
        "- lifts: data 1-3",
        "- lifts: data 3-1, x",
        "- lifts: ,",
        "- effort: 0",
        "- effort: 1e400",
        "- impact: high",
        "- owner: sales",
        "- requires: later-one",
        "- requires: joint-planning",
        "- kpis: ;",
        "- org-design: yes",
        "- ",
        ":",
        "1. step",
        "   - nested",
        "---",
        "===",
        "",
        "title: X",
        "locale: zz-9",
        "> # quoted",
        "<script>x</script>",
        "<!-- note -->",
        "```",
        "[x](javascript:y)",
        "é中文🙂",
        "\0",
        "\u{feff}",
        "\r",
        "\t- ",
    ];

    #[derive(Debug, Clone)]
    enum Mutation {
        Delete(Index),
        Duplicate(Index),
        Insert(Index, &'static str),
        Append(Index, &'static str),
    }

    fn mutation() -> impl Strategy<Value = Mutation> {
        prop_oneof![
            any::<Index>().prop_map(Mutation::Delete),
            any::<Index>().prop_map(Mutation::Duplicate),
            (any::<Index>(), select(FRAGMENTS)).prop_map(|(at, s)| Mutation::Insert(at, s)),
            (any::<Index>(), select(FRAGMENTS)).prop_map(|(at, s)| Mutation::Append(at, s)),
        ]
    }

    fn mutate(source: &str, mutations: &[Mutation]) -> String {
        let mut lines: Vec<String> = source.lines().map(str::to_owned).collect();
        for mutation in mutations {
            if lines.is_empty() {
                lines.push(String::new());
            }
            match mutation {
                Mutation::Delete(at) => {
                    lines.remove(at.index(lines.len()));
                }
                Mutation::Duplicate(at) => {
                    let at = at.index(lines.len());
                    let copy = lines[at].clone();
                    lines.insert(at, copy);
                }
                Mutation::Insert(at, fragment) => {
                    let at = at.index(lines.len() + 1);
                    lines.insert(at, (*fragment).to_owned());
                }
                Mutation::Append(at, fragment) => {
                    let at = at.index(lines.len());
                    lines[at].push_str(fragment);
                }
            }
        }
        lines.join("\n")
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics(source in any::<String>()) {
            check(&source)?;
        }

        #[test]
        fn markdown_like_text_after_valid_front_matter_never_panics(
            body in "([-#0-9 .,;:{}=a-z\n`>*<!\u{0}é]|lifts: |effort: |requires: |\\{#){0,300}"
        ) {
            check(&format!("---\ntitle: T\nlocale: en\n---\n{body}"))?;
        }

        #[test]
        fn mutated_files_never_panic_and_keep_the_invariants(
            mutations in proptest::collection::vec(mutation(), 0..8)
        ) {
            check(&mutate(VALID, &mutations))?;
        }
    }
}
