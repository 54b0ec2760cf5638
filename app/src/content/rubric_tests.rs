//! The rubric side of the parser: the same front matter, ids and checks as a model, with
//! anchors under competencies and follow-ups under interview questions.

use super::*;
use crate::domain::rubric::{Competency, InterviewQuestion, Rubric};
use std::path::Path;

const VALID: &str = "---
id: leader
title: Leader
version: 1
locale: en
levels: Weak | Good | Great
---

Rate only from *evidence*.

# Bridging marketing and sales {#bridging weight=2 addresses=data,planning}

What it means.

1. Blames the other side.
2. Names one joint fix.
3. Shows a joint plan with results.

## Tell me about a time you settled a lead dispute? {#bridging-q1}

Listen for <b>both</b> sides.

- What did sales give up?
- How did you measure it?

## What would you do first? {#bridging-q2}

# Change leadership {#change}

1. a
2. b
3. c

## Tell me about a change? {#change-q1}
";

/// A maturity model whose dimensions the rubric's `addresses=` may name.
const MODEL: &str = "---
id: m
title: M
version: 1
locale: en
levels: Low | High
---

# Data {#data}

## Q? {#data-q}

1. a
2. b

# Planning {#planning}

## Q? {#planning-q}

1. a
2. b
";

fn rubric_issues(source: &str) -> Vec<ContentIssue> {
    match parse_rubric(source) {
        Ok(rubric) => panic!("expected issues, parsed {rubric:#?}"),
        Err(issues) => issues,
    }
}

fn assert_rubric_issue(source: &str, line: usize, fragment: &str) {
    let issues = rubric_issues(source);
    assert!(
        issues
            .iter()
            .any(|issue| issue.line == line && issue.message.contains(fragment)),
        "no issue on line {line} containing {fragment:?}; got {issues:#?}"
    );
}

fn line_of(source: &str, needle: &str) -> usize {
    let at = source
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in source"));
    source[..at].matches('\n').count() + 1
}

#[test]
fn a_valid_rubric_parses_into_exactly_the_expected_rubric() {
    let rubric = parse_rubric(VALID).expect("valid rubric");
    let expected = Rubric {
        id: "leader".into(),
        title: "Leader".into(),
        version: "1".into(),
        locale: "en".into(),
        level_names: vec!["Weak".into(), "Good".into(), "Great".into()],
        intro_html: "<p>Rate only from <em>evidence</em>.</p>\n".into(),
        competencies: vec![
            Competency {
                id: "bridging".into(),
                title: "Bridging marketing and sales".into(),
                definition_html: "<p>What it means.</p>\n".into(),
                weight: 2.0,
                addresses: vec!["data".into(), "planning".into()],
                anchors: vec![
                    "Blames the other side.".into(),
                    "Names one joint fix.".into(),
                    "Shows a joint plan with results.".into(),
                ],
                questions: vec![
                    InterviewQuestion {
                        id: "bridging-q1".into(),
                        text: "Tell me about a time you settled a lead dispute?".into(),
                        note_html: Some(
                            "<p>Listen for &lt;b&gt;both&lt;/b&gt; sides.</p>\n".into(),
                        ),
                        follow_ups: vec![
                            "What did sales give up?".into(),
                            "How did you measure it?".into(),
                        ],
                    },
                    InterviewQuestion {
                        id: "bridging-q2".into(),
                        text: "What would you do first?".into(),
                        note_html: None,
                        follow_ups: Vec::new(),
                    },
                ],
            },
            Competency {
                id: "change".into(),
                title: "Change leadership".into(),
                definition_html: String::new(),
                weight: 1.0,
                addresses: Vec::new(),
                anchors: vec!["a".into(), "b".into(), "c".into()],
                questions: vec![InterviewQuestion {
                    id: "change-q1".into(),
                    text: "Tell me about a change?".into(),
                    note_html: None,
                    follow_ups: Vec::new(),
                }],
            },
        ],
    };
    assert_eq!(rubric, expected);
}

#[test]
fn a_competency_without_anchors_is_told_to_add_them() {
    let source = VALID.replace("1. a\n2. b\n3. c\n", "");
    assert_rubric_issue(
        &source,
        line_of(&source, "# Change leadership"),
        "has no anchors",
    );
}

#[test]
fn anchors_must_match_the_number_of_levels() {
    let source = VALID.replace("3. c\n", "");
    assert_rubric_issue(&source, line_of(&source, "1. a"), "has 2 anchors");
}

#[test]
fn a_competency_without_questions_is_reported() {
    let source = VALID.replace("## Tell me about a change? {#change-q1}\n", "");
    assert_rubric_issue(
        &source,
        line_of(&source, "# Change leadership"),
        "has no interview questions",
    );
}

#[test]
fn numbered_follow_ups_are_told_to_use_bullets() {
    let source = VALID.replace("- What did sales", "1. What did sales");
    let source = source.replace("- How did you", "2. How did you");
    assert_rubric_issue(
        &source,
        line_of(&source, "1. What did sales"),
        "write its follow-up questions as a bullet list",
    );
}

#[test]
fn text_after_the_anchors_or_the_follow_ups_is_reported() {
    let source = VALID.replace(
        "3. Shows a joint plan with results.\n",
        "3. Shows a joint plan with results.\n\nStray text.\n",
    );
    assert_rubric_issue(&source, line_of(&source, "Stray"), "text after the anchors");
    let source = VALID.replace(
        "- How did you measure it?\n",
        "- How did you measure it?\n\nStray text.\n",
    );
    assert_rubric_issue(
        &source,
        line_of(&source, "Stray"),
        "text after the follow-ups",
    );
}

#[test]
fn heading_attributes_are_checked_per_kind_of_heading() {
    let source = VALID.replace("{#bridging-q1}", "{#bridging-q1 weight=2}");
    assert_rubric_issue(
        &source,
        line_of(&source, "## Tell me about a time"),
        "only {#id} is allowed",
    );
    let source = VALID.replace("addresses=data,planning", "addresses=Data");
    assert_rubric_issue(
        &source,
        line_of(&source, "# Bridging"),
        "may only use lower-case",
    );
    let source = VALID.replace("{#change}", "{#change owner=cs}");
    assert_rubric_issue(
        &source,
        line_of(&source, "# Change"),
        "only {#id}, weight= and addresses= are allowed",
    );
}

#[test]
fn duplicate_ids_are_reported_as_in_models() {
    let source = VALID.replace("{#change-q1}", "{#bridging-q1}");
    assert_rubric_issue(
        &source,
        line_of(&source, "## Tell me about a change"),
        "duplicate id \"bridging-q1\"",
    );
}

#[test]
fn an_empty_rubric_is_told_to_add_competencies() {
    let source = "---\nid: r\ntitle: R\nversion: 1\nlocale: en\nlevels: a | b\n---\n\nIntro.\n";
    let issues = rubric_issues(source);
    assert!(issues
        .iter()
        .any(|issue| issue.message.contains("the rubric has no competencies")));
}

fn write(root: &Path, folder: &str, name: &str, source: &str) {
    let dir = root.join(folder);
    std::fs::create_dir_all(&dir).expect("content folder");
    std::fs::write(dir.join(name), source).expect("content file");
}

#[test]
fn the_library_loads_rubrics_beside_models_and_checks_what_they_address() {
    let root = tempfile::tempdir().expect("temp dir");
    write(root.path(), "models", "m.md", MODEL);
    write(root.path(), "rubrics", "leader.md", VALID);
    let library = ContentLibrary::load(root.path());
    assert!(library.errors.is_empty(), "{:#?}", library.errors);
    let loaded = library.rubric("leader").expect("rubric loaded");
    assert_eq!(loaded.rubric.competencies.len(), 2);
    assert_eq!(loaded.hash, content_hash(VALID));

    let unknown = VALID.replace("addresses=data,planning", "addresses=data,pricing");
    write(root.path(), "rubrics", "leader.md", &unknown);
    let library = ContentLibrary::load(root.path());
    assert!(library.rubric("leader").is_none());
    let error = &library.errors[0];
    assert!(error.path.ends_with("leader.md"), "{error}");
    assert_eq!(error.line, line_of(&unknown, "# Bridging"));
    assert!(error.message.contains("\"pricing\""), "{error}");
}

#[test]
fn the_shipped_rubric_is_valid_and_complete() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let library = ContentLibrary::load(&root);
    assert!(library.errors.is_empty(), "{:#?}", library.errors);
    let rubric = &library
        .rubric("revops-leader")
        .expect("shipped rubric")
        .rubric;
    assert_eq!(rubric.scale(), 4);
    let ids: Vec<&str> = rubric.competencies.iter().map(|c| c.id.as_str()).collect();
    for required in [
        "cross-functional-leadership",
        "diplomacy-influence",
        "bridging-marketing-sales",
        "cs-friction",
        "breadth-beyond-sales-ops",
        "planning-kpi-design",
        "systems-data-consolidation",
        "change-leadership",
    ] {
        assert!(ids.contains(&required), "{required} missing from {ids:?}");
    }
    for competency in &rubric.competencies {
        assert!(
            (3..=5).contains(&competency.questions.len()),
            "{} has {} questions",
            competency.id,
            competency.questions.len()
        );
        assert!(!competency.definition_html.is_empty(), "{}", competency.id);
        assert!(
            competency
                .questions
                .iter()
                .all(|q| !q.follow_ups.is_empty()),
            "{} has a question without follow-ups",
            competency.id
        );
    }
}
