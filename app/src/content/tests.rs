use super::*;
use crate::domain::model::{Dimension, MaturityModel, Question};
use std::collections::HashSet;
use std::path::Path;

const FRONT: &str = "---
id: sample
title: Sample model
version: 1
locale: en
levels: Low | Mid | High
---
";

const VALID: &str = "---
id: sample
title: Sample model
version: 1
locale: en
levels: Low | Mid | High
---

Intro *text*.

# Data and tools {#data}

About data.

## Is there one CRM? {#data-crm weight=2}

Help with <b>html</b>.

1. No CRM.
2. One CRM,
   partly used.
3. One CRM, `fully` used.

## Is data tracked? {#data-track}

1. No
2. Sometimes
3. Always

# People {#people weight=0.5}

## Are goals shared? {#people-goals}

1. None
2. Some
3. All
";

/// A model with the sample front matter and this body.
fn with_body(body: &str) -> String {
    format!("{FRONT}{body}")
}

/// A question that is valid on the sample's three-level scale.
fn question(id: &str) -> String {
    format!("## Question {id}? {{#{id}}}\n\n1. a\n2. b\n3. c\n\n")
}

/// The 1-based line on which `needle` first appears.
fn line_of(source: &str, needle: &str) -> usize {
    let at = source
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in source"));
    source[..at].matches('\n').count() + 1
}

/// The 1-based line on which `needle` last appears.
fn last_line_of(source: &str, needle: &str) -> usize {
    let at = source
        .rfind(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in source"));
    source[..at].matches('\n').count() + 1
}

fn issues_of(source: &str) -> Vec<ContentIssue> {
    match parse_model(source) {
        Ok(model) => panic!("expected issues, parsed {model:#?}"),
        Err(issues) => issues,
    }
}

/// Asserts that parsing reports an issue on `line` whose message contains `fragment`.
fn assert_issue(source: &str, line: usize, fragment: &str) {
    let issues = issues_of(source);
    assert!(
        issues
            .iter()
            .any(|issue| issue.line == line && issue.message.contains(fragment)),
        "no issue on line {line} containing {fragment:?}; got {issues:#?}"
    );
}

/// The invariants documented on `MaturityModel`.
fn check_invariants(model: &MaturityModel) -> Result<(), String> {
    if !(2..=10).contains(&model.level_names.len()) {
        return Err(format!("scale of {}", model.level_names.len()));
    }
    if model.dimensions.is_empty() {
        return Err("no dimensions".into());
    }
    let mut ids = HashSet::from([model.id.as_str()]);
    for dimension in &model.dimensions {
        if !ids.insert(&dimension.id) {
            return Err(format!("duplicate id {}", dimension.id));
        }
        if !(dimension.weight.is_finite() && dimension.weight > 0.0) {
            return Err(format!("dimension weight {}", dimension.weight));
        }
        if dimension.questions.is_empty() {
            return Err(format!("dimension {} has no questions", dimension.id));
        }
        for question in &dimension.questions {
            if !ids.insert(&question.id) {
                return Err(format!("duplicate id {}", question.id));
            }
            if !(question.weight.is_finite() && question.weight > 0.0) {
                return Err(format!("question weight {}", question.weight));
            }
            if question.levels.len() != model.level_names.len() {
                return Err(format!("question {} has wrong level count", question.id));
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Parsing a valid model
// ---------------------------------------------------------------------------------------

#[test]
fn a_valid_model_parses_into_exactly_the_expected_model() {
    let model = parse_model(VALID).expect("valid model");

    let expected = MaturityModel {
        id: "sample".into(),
        title: "Sample model".into(),
        version: "1".into(),
        locale: "en".into(),
        level_names: vec!["Low".into(), "Mid".into(), "High".into()],
        intro_html: "<p>Intro <em>text</em>.</p>\n".into(),
        dimensions: vec![
            Dimension {
                id: "data".into(),
                title: "Data and tools".into(),
                description_html: "<p>About data.</p>\n".into(),
                weight: 1.0,
                questions: vec![
                    Question {
                        id: "data-crm".into(),
                        text: "Is there one CRM?".into(),
                        help_html: Some("<p>Help with &lt;b&gt;html&lt;/b&gt;.</p>\n".into()),
                        weight: 2.0,
                        levels: vec![
                            "No CRM.".into(),
                            "One CRM, partly used.".into(),
                            "One CRM, fully used.".into(),
                        ],
                    },
                    Question {
                        id: "data-track".into(),
                        text: "Is data tracked?".into(),
                        help_html: None,
                        weight: 1.0,
                        levels: vec!["No".into(), "Sometimes".into(), "Always".into()],
                    },
                ],
            },
            Dimension {
                id: "people".into(),
                title: "People".into(),
                description_html: String::new(),
                weight: 0.5,
                questions: vec![Question {
                    id: "people-goals".into(),
                    text: "Are goals shared?".into(),
                    help_html: None,
                    weight: 1.0,
                    levels: vec!["None".into(), "Some".into(), "All".into()],
                }],
            },
        ],
    };
    assert_eq!(model, expected);
    assert_eq!(check_invariants(&model), Ok(()));
}

#[test]
fn quoted_front_matter_values_and_crlf_line_endings_are_accepted() {
    let source = VALID
        .replace("title: Sample model", "title: \"Sample: model\"")
        .replace('\n', "\r\n");

    let model = parse_model(&source).expect("valid model");

    assert_eq!(model.title, "Sample: model");
    assert_eq!(model.dimensions.len(), 2);
}

#[test]
fn raw_html_in_help_is_escaped_not_passed_through() {
    let source = with_body(
        "# D {#d}\n\n## Q {#q}\n\n<script>alert(1)</script>\n\nSee <img src=x onerror=alert(1)> here.\n\n1. a\n2. b\n3. c\n",
    );

    let model = parse_model(&source).expect("valid model");
    let help = model.dimensions[0].questions[0]
        .help_html
        .clone()
        .expect("help");

    assert!(!help.contains("<script"), "{help}");
    assert!(!help.contains("<img"), "{help}");
    assert!(
        help.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{help}"
    );
    assert!(
        help.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{help}"
    );
}

#[test]
fn html_comments_are_dropped_rather_than_shown() {
    let source = with_body(
        "<!-- note to editors -->\n\n# D {#d}\n\nAbout <!-- inline note -->this.\n\n## Q {#q}\n\n<!-- help to come -->\n\n1. a\n2. b\n3. c\n\n<!-- reviewed -->\n",
    );

    let model = parse_model(&source).expect("valid model");

    assert_eq!(model.intro_html, "");
    assert_eq!(model.dimensions[0].description_html, "<p>About this.</p>\n");
    assert_eq!(model.dimensions[0].questions[0].help_html, None);
}

#[test]
fn a_rule_between_questions_is_a_harmless_separator() {
    let source = with_body(&format!(
        "# D {{#d}}\n\n{}\n---\n\n{}",
        question("q1"),
        question("q2")
    ));

    let model = parse_model(&source).expect("valid model");

    assert_eq!(model.question_count(), 2);
}

// ---------------------------------------------------------------------------------------
// Front matter
// ---------------------------------------------------------------------------------------

#[test]
fn a_file_without_front_matter_is_told_to_start_with_dashes() {
    let source = "# D {#d}\n\n## Q {#q}\n\n1. a\n2. b\n";

    assert_issue(
        source,
        1,
        "missing front matter: start the file with a line \"---\"",
    );
}

#[test]
fn unclosed_front_matter_is_reported_on_the_first_line() {
    let source = "---\nid: sample\ntitle: x\n\n# D {#d}\n";

    let issues = issues_of(source);

    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(issues[0].line, 1);
    assert!(issues[0].message.contains("not closed"));
    assert!(issues[0].message.contains("probably before line 5"));
}

#[test]
fn an_unknown_front_matter_key_lists_the_expected_ones() {
    let source = VALID.replace("title: Sample model", "titel: Sample model");

    assert_issue(
        &source,
        3,
        "unknown front-matter key \"titel\"; expected id, title, version, locale or levels",
    );
    // The real key is then missing too, reported on the closing line.
    assert_issue(&source, 7, "missing front-matter key \"title\"");
}

#[test]
fn a_front_matter_key_given_twice_is_reported_with_the_first_line() {
    let source = VALID.replace("version: 1\n", "version: 1\nversion: 2\n");

    assert_issue(
        &source,
        5,
        "front-matter key \"version\" is given twice (first on line 4)",
    );
}

#[test]
fn a_front_matter_line_without_a_colon_is_reported() {
    let source = VALID.replace("version: 1", "version 1");

    assert_issue(&source, 4, "is not \"key: value\"");
}

#[test]
fn an_empty_front_matter_value_is_reported() {
    let source = VALID.replace("title: Sample model", "title:");

    assert_issue(&source, 3, "front-matter key \"title\" has no value");
}

#[test]
fn a_scale_with_too_few_or_too_many_levels_is_reported() {
    let one = VALID.replace("levels: Low | Mid | High", "levels: Only");
    let eleven = VALID.replace("levels: Low | Mid | High", "levels: a|b|c|d|e|f|g|h|i|j|k");

    assert_issue(
        &one,
        6,
        "levels names 1 level; a scale needs 2 to 10 levels",
    );
    assert_issue(
        &eleven,
        6,
        "levels names 11 levels; a scale needs 2 to 10 levels",
    );
}

#[test]
fn an_empty_level_name_is_reported() {
    let source = VALID.replace("levels: Low | Mid | High", "levels: Low | | High");

    assert_issue(&source, 6, "level 2 in levels has no name");
}

#[test]
fn dont_know_written_as_a_level_is_reported() {
    let source = VALID.replace(
        "levels: Low | Mid | High",
        "levels: Low | Mid | High | Don't know",
    );

    assert_issue(&source, 6, "is offered automatically with every question");
}

#[test]
fn a_bad_model_id_or_locale_is_reported() {
    let bad_id = VALID.replace("id: sample", "id: Sample_Model");
    let bad_locale = VALID.replace("locale: en", "locale: english please");

    assert_issue(
        &bad_id,
        2,
        "id \"Sample_Model\" may only use lower-case letters, digits and \"-\"",
    );
    assert_issue(&bad_locale, 5, "is not a language tag");
}

// ---------------------------------------------------------------------------------------
// Headings
// ---------------------------------------------------------------------------------------

#[test]
fn a_file_with_no_dimensions_is_reported() {
    let source = with_body("\nJust an introduction.\n");

    assert_issue(&source, 8, "the model has no dimensions");
}

#[test]
fn a_dimension_without_questions_is_reported_on_its_heading() {
    let source = with_body(&format!(
        "\n# Data {{#data}}\n\nAbout data.\n\n# People {{#people}}\n\n{}",
        question("q")
    ));

    assert_issue(
        &source,
        line_of(&source, "# Data"),
        "dimension \"data\" has no questions",
    );
}

#[test]
fn a_question_before_any_dimension_is_reported() {
    let source = with_body(&format!(
        "\n{}# D {{#d}}\n\n{}",
        question("early"),
        question("q")
    ));

    assert_issue(
        &source,
        line_of(&source, "## Question early"),
        "comes before any dimension: put a \"# Dimension {#id}\" heading above it",
    );
}

#[test]
fn deeper_headings_are_not_allowed() {
    let source = with_body(&format!(
        "\n# D {{#d}}\n\n### Detail\n\n{}#### Deeper\n",
        question("q")
    ));

    assert_issue(
        &source,
        line_of(&source, "### Detail"),
        "\"### ...\" headings are not allowed; use \"#\" for dimensions and \"##\" for questions",
    );
    assert_issue(
        &source,
        line_of(&source, "#### Deeper"),
        "\"#### ...\" headings are not allowed",
    );
}

#[test]
fn headings_without_an_id_get_a_suggested_one() {
    let source = with_body("\n# Data and tools\n\n## Is there a CRM?\n\n1. a\n2. b\n3. c\n");

    assert_issue(
        &source,
        line_of(&source, "# Data"),
        "dimension heading \"# Data and tools\" has no id: add one at the end of the line, e.g. \"# Data and tools {#data-and-tools}\"",
    );
    assert_issue(
        &source,
        line_of(&source, "## Is"),
        "question heading \"## Is there a CRM?\" has no id",
    );
}

#[test]
fn ids_with_bad_characters_are_reported() {
    let source = with_body(&format!(
        "\n# D {{#Data_1}}\n\n{}## Q {{#1st}}\n\n1. a\n2. b\n3. c\n",
        question("q")
    ));

    assert_issue(
        &source,
        line_of(&source, "# D"),
        "id \"Data_1\" may only use lower-case letters, digits and \"-\", and must start with a letter",
    );
    assert_issue(
        &source,
        line_of(&source, "## Q {#1st"),
        "id \"1st\" may only use",
    );
}

#[test]
fn a_duplicate_id_names_the_line_of_its_first_use() {
    let source = with_body(&format!(
        "\n# D {{#d}}\n\n{}{}",
        question("alignment-goal"),
        question("alignment-goal")
    ));
    let first = line_of(&source, "## Question alignment-goal");
    let second = last_line_of(&source, "## Question alignment-goal");

    assert_issue(
        &source,
        second,
        &format!("duplicate id \"alignment-goal\" (first used on line {first})"),
    );
}

#[test]
fn a_dimension_may_not_reuse_the_model_id() {
    let source = with_body(&format!("\n# D {{#sample}}\n\n{}", question("q")));

    assert_issue(
        &source,
        line_of(&source, "# D"),
        "duplicate id \"sample\" (first used on line 2)",
    );
}

#[test]
fn weights_must_be_numbers_greater_than_zero() {
    for bad in ["-1", "0", "abc", "NaN", "inf"] {
        let source = with_body(&format!("\n# D {{#d weight={bad}}}\n\n{}", question("q")));

        assert_issue(
            &source,
            line_of(&source, "# D"),
            &format!("weight \"{bad}\" must be a number greater than 0"),
        );
    }
}

#[test]
fn unknown_heading_attributes_and_spaced_weights_are_reported() {
    let source = with_body(&format!(
        "\n# D {{#d wieght=2}}\n\n## Q {{#q weight = 2}}\n\n1. a\n2. b\n3. c\n\n{}",
        question("r")
    ));

    assert_issue(
        &source,
        line_of(&source, "# D"),
        "unknown heading attribute \"wieght\"",
    );
    assert_issue(&source, line_of(&source, "## Q"), "weight needs a value");
}

#[test]
fn an_underlined_heading_is_explained() {
    let source = with_body(&format!(
        "\n# D {{#d}}\n\n## Q {{#q}}\n\nSome help\n---\n\n1. a\n2. b\n3. c\n\n{}",
        question("r")
    ));

    assert_issue(
        &source,
        line_of(&source, "Some help"),
        "which makes it a heading: put a blank line before that line",
    );
}

// ---------------------------------------------------------------------------------------
// Lists of levels
// ---------------------------------------------------------------------------------------

#[test]
fn a_question_with_the_wrong_number_of_levels_names_the_scale() {
    let source = with_body("\n# D {#d}\n\n## Q {#data-crm}\n\n1. a\n2. b\n3. c\n4. d\n");

    assert_issue(
        &source,
        line_of(&source, "1. a"),
        "question \"data-crm\" has 4 levels; the front matter names 3 (Low ... High): write one list item per level",
    );
}

#[test]
fn a_question_without_a_list_is_reported_on_its_heading() {
    let source = with_body("\n# D {#d}\n\n## Q {#q}\n\nOnly help text.\n");

    assert_issue(
        &source,
        line_of(&source, "## Q"),
        "question \"q\" has no list of levels: add an ordered list with one item per level, lowest first (3: Low ... High)",
    );
}

#[test]
fn a_second_list_under_one_question_is_reported() {
    let source =
        with_body("\n# D {#d}\n\n## Q {#q}\n\n1. a\n2. b\n3. c\n\nand\n\n1. x\n2. y\n3. z\n");

    let issues = issues_of(&source);

    assert!(issues.iter().any(|i| i.line == line_of(&source, "and")
        && i.message
            .contains("text after the list of levels of question \"q\"")));
    assert!(issues.iter().any(|i| i.line == line_of(&source, "1. x")
        && i.message.contains(&format!(
            "question \"q\" has a second list (the first is on line {})",
            line_of(&source, "1. a")
        ))));
}

#[test]
fn a_nested_list_inside_a_level_is_reported() {
    let source = with_body("\n# D {#d}\n\n## Q {#q}\n\n1. a\n2. b\n   - detail\n3. c\n");

    assert_issue(
        &source,
        line_of(&source, "- detail"),
        "level 2 of question \"q\" contains a nested list",
    );
}

#[test]
fn bullet_levels_are_told_to_use_numbers() {
    let source = with_body("\n# D {#d}\n\n## Q {#q}\n\n- a\n- b\n- c\n");

    let issues = issues_of(&source);

    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(issues[0].line, line_of(&source, "- a"));
    assert!(issues[0].message.contains("lists its levels with bullets"));
}

#[test]
fn an_empty_level_is_reported() {
    let source = with_body("\n# D {#d}\n\n## Q {#q}\n\n1. a\n2.\n3. c\n");

    assert_issue(
        &source,
        line_of(&source, "2."),
        "level 2 of question \"q\" is empty",
    );
}

#[test]
fn a_list_numbered_from_other_than_one_is_reported() {
    let source = with_body("\n# D {#d}\n\n## Q {#q}\n\n0. a\n1. b\n2. c\n");

    assert_issue(
        &source,
        line_of(&source, "0. a"),
        "starts at 0: number it from 1",
    );
}

#[test]
fn script_links_are_refused() {
    let source = with_body(
        "\n# D {#d}\n\n## Q {#q}\n\nSee [this](javascript:alert(1)) or [that](https://example.com/a:b).\n\n1. a\n2. b\n3. c\n",
    );

    let issues = issues_of(&source);

    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(issues[0].line, line_of(&source, "See [this]"));
    assert!(issues[0]
        .message
        .contains("link to \"javascript:alert(1)\" is not allowed"));
}

#[test]
fn several_issues_are_reported_in_one_pass_sorted_by_line() {
    let source = "---
id: sample
titel: x
version: 1
locale: en
levels: Low | Mid | High
---

# D {#d weight=-1}

## Q {#q}

1. a
2. b

# E {#e}
";

    let issues = issues_of(source);
    let lines: Vec<usize> = issues.iter().map(|i| i.line).collect();

    assert_eq!(lines, vec![3, 7, 9, 13, 16], "{issues:#?}");
}

// ---------------------------------------------------------------------------------------
// Content hash
// ---------------------------------------------------------------------------------------

#[test]
fn the_content_hash_is_the_sha256_of_the_exact_bytes() {
    assert_eq!(
        content_hash("abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
    assert_eq!(content_hash(VALID), content_hash(VALID));
}

#[test]
fn changing_one_byte_changes_the_content_hash() {
    let edited = VALID.replacen("No CRM.", "No CRM!", 1);

    assert_eq!(edited.len(), VALID.len());
    assert_ne!(content_hash(&edited), content_hash(VALID));
}

// ---------------------------------------------------------------------------------------
// Library
// ---------------------------------------------------------------------------------------

fn write_model(root: &Path, name: &str, source: &str) {
    let folder = root.join("models");
    std::fs::create_dir_all(&folder).expect("create models folder");
    std::fs::write(folder.join(name), source).expect("write model");
}

#[test]
fn loading_skips_a_bad_file_and_keeps_the_good_one() {
    let root = tempfile::tempdir().expect("temp dir");
    write_model(root.path(), "a-good.md", VALID);
    let bad = VALID.replace("weight=2", "weight=-1");
    write_model(root.path(), "b-bad.md", &bad);
    write_model(root.path(), "notes.txt", "not a model");

    let library = ContentLibrary::load(root.path());

    assert_eq!(library.models.len(), 1);
    let good = &library.models[0];
    assert_eq!(good.model.id, "sample");
    assert_eq!(good.hash, content_hash(VALID));
    assert_eq!(&*good.source, VALID);
    assert!(good.path.ends_with("models/a-good.md"), "{}", good.path);

    assert_eq!(library.errors.len(), 1, "{:#?}", library.errors);
    let error = &library.errors[0];
    let expected_path = root.path().join("models").join("b-bad.md");
    assert_eq!(error.path, expected_path.display().to_string());
    assert_eq!(error.line, line_of(&bad, "weight=-1"));
    assert_eq!(
        error.to_string(),
        format!(
            "{}:{}: weight \"-1\" must be a number greater than 0, e.g. weight=2",
            expected_path.display(),
            error.line
        )
    );
    assert!(library.model("sample").is_some());
}

#[test]
fn a_second_file_with_the_same_model_id_is_reported() {
    let root = tempfile::tempdir().expect("temp dir");
    write_model(root.path(), "a.md", VALID);
    write_model(root.path(), "b.md", &VALID.replace("Sample model", "Copy"));
    write_model(
        root.path(),
        "c.md",
        &VALID.replace("locale: en", "locale: zh-CN"),
    );

    let library = ContentLibrary::load(root.path());

    assert_eq!(library.models.len(), 1);
    assert_eq!(
        library.translated_models.len(),
        1,
        "a translation is not a duplicate"
    );
    assert_eq!(library.errors.len(), 1, "{:#?}", library.errors);
    let first = root.path().join("models").join("a.md");
    assert!(library.errors[0].path.ends_with("b.md"));
    assert_eq!(library.errors[0].line, 2);
    assert!(library.errors[0]
        .message
        .contains(&format!("same id as {}", first.display())));
}

#[test]
fn the_english_model_is_preferred_when_looking_one_up() {
    let root = tempfile::tempdir().expect("temp dir");
    write_model(
        root.path(),
        "a-zh.md",
        &VALID.replace("locale: en", "locale: zh-CN"),
    );
    write_model(root.path(), "b-en.md", VALID);

    let library = ContentLibrary::load(root.path());

    assert_eq!(
        library.model("sample").map(|m| m.model.locale.as_str()),
        Some("en")
    );
    assert!(library.model("missing").is_none());
}

#[test]
fn a_missing_models_folder_is_an_empty_library() {
    let root = tempfile::tempdir().expect("temp dir");

    let library = ContentLibrary::load(root.path());

    assert!(library.models.is_empty());
    assert!(library.errors.is_empty());
}

#[test]
fn a_file_that_is_not_utf8_is_reported_with_the_line() {
    let root = tempfile::tempdir().expect("temp dir");
    let folder = root.path().join("models");
    std::fs::create_dir_all(&folder).expect("create models folder");
    std::fs::write(folder.join("latin1.md"), b"---\nid: x\ntitle: caf\xe9\n").expect("write");

    let library = ContentLibrary::load(root.path());

    assert_eq!(library.errors.len(), 1);
    assert_eq!(library.errors[0].line, 3);
    assert!(library.errors[0].message.contains("not valid UTF-8"));
}

/// The real model, written alongside the app. Fails until the file exists.
#[test]
fn the_shipped_revops_model_loads_without_errors() {
    let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../content"));

    let library = ContentLibrary::load(root);

    let errors: Vec<String> = library.errors.iter().map(ToString::to_string).collect();
    assert!(errors.is_empty(), "content errors:\n{}", errors.join("\n"));
    let revops = library
        .model("revops-maturity")
        .expect("content/models has the revops-maturity model");
    assert_eq!(revops.model.dimensions.len(), 8);
    for dimension in &revops.model.dimensions {
        assert!(
            (4..=6).contains(&dimension.questions.len()),
            "dimension {} has {} questions",
            dimension.id,
            dimension.questions.len()
        );
    }
    assert_eq!(check_invariants(&revops.model), Ok(()));
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

mod properties {
    use super::*;
    use proptest::prelude::*;
    use proptest::sample::{select, Index};

    /// Never panics; an Ok model keeps the invariants; issues are sorted, non-empty and
    /// point at lines that exist.
    fn check(source: &str) -> Result<(), TestCaseError> {
        match parse_model(source) {
            Ok(model) => {
                prop_assert_eq!(check_invariants(&model), Ok(()));
            }
            Err(issues) => {
                prop_assert!(!issues.is_empty());
                let line_count = source.split('\n').count().max(1);
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
        "# Dim {#dim-x}",
        "## Q {#q-x}",
        "## Q {#q-x weight=0}",
        "### deeper",
        "1.",
        "1. level",
        "4. level",
        "   1. nested",
        "- bullet",
        "{#",
        "{#data}",
        "{#a weight=NaN}",
        "---",
        "===",
        "",
        "levels: A | B",
        "id: other",
        "> # quoted",
        "<script>x</script>",
        "<!-- note -->",
        "```",
        "[x](javascript:y)",
        "é中文🙂",
        "\0",
        "\u{feff}",
        "\r",
        "\t1.",
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
            body in "([-#0-9 .{}=|:a-z\n`>*<!\u{0}é]|weight=|\\{#){0,300}"
        ) {
            check(&with_body(&body))?;
        }

        #[test]
        fn mutated_models_never_panic_and_keep_the_invariants(
            mutations in proptest::collection::vec(mutation(), 0..8)
        ) {
            check(&mutate(VALID, &mutations))?;
        }
    }
}
