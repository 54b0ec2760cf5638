//! Translations: loading content in several locales and checking each translation's
//! structure against its English version.

use super::*;
use std::path::Path;

const MODEL: &str = "---
id: m
title: Model
version: 1
locale: en
levels: Low | Mid | High
---

# Data {#data}

## Is there one CRM? {#data-crm}

1. No CRM.
2. One CRM, partly used.
3. One CRM, fully used.

## Is data tracked? {#data-track weight=2}

1. No.
2. Partly.
3. Fully.

# Planning {#planning weight=2}

## Is there one plan? {#planning-plan}

1. No plan.
2. Two plans.
3. One plan.
";

const MODEL_ZH: &str = "---
id: m
title: 模型
version: 1
locale: zh-CN
levels: 低 | 中 | 高
---

# 数据 {#data}

## 是否只有一套 CRM？ {#data-crm}

1. 没有 CRM。
2. 一套 CRM，部分使用。
3. 一套 CRM，全面使用。

## 数据是否被追踪？ {#data-track weight=2}

1. 否。
2. 部分。
3. 全部。

# 规划 {#planning weight=2}

## 是否只有一份计划？ {#planning-plan}

1. 没有计划。
2. 两份计划。
3. 一份计划。
";

const RUBRIC: &str = "---
id: r
title: Rubric
version: 1
locale: en
levels: Weak | Strong
---

# Bridging {#bridging weight=2 addresses=data,planning}

Definition.

1. Weak.
2. Strong.

## Tell me about a dispute. {#bridging-q1}

- What happened?
";

const RUBRIC_ZH: &str = "---
id: r
title: 评分表
version: 1
locale: zh-CN
levels: 弱 | 强
---

# 衔接 {#bridging weight=2 addresses=data,planning}

定义。

1. 弱。
2. 强。

## 请讲一次争议。 {#bridging-q1}

- 发生了什么？
";

const INITIATIVES: &str = "---
title: Planning
locale: en
---

# Build one CRM {#one-crm}

- lifts: data 1-2
- effort: 4
- impact: high
- owner: operations

1. Do it.

# Plan together {#plan-together}

- lifts: planning 1-3
- effort: 2.5
- impact: medium
- owner: leadership
- requires: one-crm
- org-design: yes

1. Plan.
";

const INITIATIVES_ZH: &str = "---
title: 规划
locale: zh-CN
---

# 建一套 CRM {#one-crm}

- lifts: data 1-2
- effort: 4
- impact: high
- owner: operations

1. 落地。

# 联合规划 {#plan-together}

- lifts: planning 1-3
- effort: 2.5
- impact: medium
- owner: leadership
- requires: one-crm
- org-design: yes

1. 规划。
";

fn write(root: &Path, folder: &str, name: &str, source: &str) {
    let dir = root.join(folder);
    std::fs::create_dir_all(&dir).expect("content folder");
    std::fs::write(dir.join(name), source).expect("content file");
}

/// A content root with the English fixtures and their translations, with `changes` written
/// over (or beside) them as (folder, file name, text).
fn library_with(changes: &[(&str, &str, String)]) -> (tempfile::TempDir, ContentLibrary) {
    let root = tempfile::tempdir().expect("temp dir");
    write(root.path(), "models", "m.md", MODEL);
    write(root.path(), "models", "m.zh-CN.md", MODEL_ZH);
    write(root.path(), "rubrics", "r.md", RUBRIC);
    write(root.path(), "rubrics", "r.zh-CN.md", RUBRIC_ZH);
    write(root.path(), "initiatives", "planning.md", INITIATIVES);
    write(
        root.path(),
        "initiatives",
        "planning.zh-CN.md",
        INITIATIVES_ZH,
    );
    for (folder, name, source) in changes {
        write(root.path(), folder, name, source);
    }
    let library = ContentLibrary::load(root.path());
    (root, library)
}

fn line_of(source: &str, needle: &str) -> usize {
    source
        .lines()
        .position(|line| line.contains(needle))
        .map(|index| index + 1)
        .unwrap_or_else(|| panic!("{needle:?} not in the source"))
}

/// The only error, which must be in `file` (a path ending) at `line` and contain `fragment`.
fn assert_only_error(library: &ContentLibrary, file: &str, line: usize, fragment: &str) {
    assert_eq!(library.errors.len(), 1, "{:#?}", library.errors);
    let error = &library.errors[0];
    assert!(error.path.ends_with(file), "{error}");
    assert_eq!(error.line, line, "{error}");
    assert!(error.message.contains(fragment), "{error}");
    assert!(
        error.to_string().contains(&format!("{file}:{line}: ")),
        "{error}"
    );
}

#[test]
fn translations_with_the_same_structure_load_beside_the_english_versions() {
    let (_root, library) = library_with(&[]);

    assert!(library.errors.is_empty(), "{:#?}", library.errors);
    // What lists content sees each id once, in English.
    assert_eq!(library.models.len(), 1);
    assert_eq!(library.models[0].model.locale, "en");
    assert_eq!(library.rubrics.len(), 1);
    let ids: Vec<&str> = library
        .initiatives
        .iter()
        .map(|i| i.initiative.id.as_str())
        .collect();
    assert_eq!(ids, ["one-crm", "plan-together"]);
    assert!(library.initiatives.iter().all(|i| i.locale == "en"));
    assert_eq!(
        library.model("m").map(|m| m.model.title.as_str()),
        Some("Model")
    );

    // Translations are reached explicitly.
    let zh = library.model_in("m", "zh-CN").expect("zh-CN model");
    assert_eq!(zh.model.title, "模型");
    assert_eq!(zh.hash, content_hash(MODEL_ZH));
    assert!(zh.path.ends_with("models/m.zh-CN.md"), "{}", zh.path);
    assert_eq!(
        library.model_in("m", "en").map(|m| m.hash.as_str()),
        Some(content_hash(MODEL).as_str())
    );
    assert!(library.model_in("m", "de").is_none());
    assert!(library.model_in("other", "zh-CN").is_none());
    assert_eq!(
        library
            .rubric_in("r", "zh-CN")
            .map(|r| r.rubric.title.as_str()),
        Some("评分表")
    );
    assert_eq!(
        library
            .rubric_in("r", "en")
            .map(|r| r.rubric.title.as_str()),
        Some("Rubric")
    );
    let plan = library
        .initiative_in("plan-together", "zh-CN")
        .expect("zh-CN initiative");
    assert_eq!(plan.initiative.title, "联合规划");
    assert_eq!(plan.locale, "zh-CN");
    assert_eq!(plan.line, line_of(INITIATIVES_ZH, "# 联合规划"));
    assert_eq!(
        library
            .initiative_in("plan-together", "en")
            .map(|i| i.initiative.title.as_str()),
        Some("Plan together")
    );
    assert_eq!(
        library
            .initiative("plan-together")
            .map(|i| i.locale.as_str()),
        Some("en")
    );
    assert_eq!(library.locales(), ["en", "zh-CN"]);
}

#[test]
fn an_empty_library_has_no_locales_and_english_alone_is_one() {
    let root = tempfile::tempdir().expect("temp dir");
    assert!(ContentLibrary::load(root.path()).locales().is_empty());
    write(root.path(), "models", "m.md", MODEL);
    assert_eq!(ContentLibrary::load(root.path()).locales(), ["en"]);
}

#[test]
fn a_translation_missing_a_question_is_reported_and_skipped() {
    let without = MODEL_ZH.replace(
        "## 数据是否被追踪？ {#data-track weight=2}\n\n1. 否。\n2. 部分。\n3. 全部。\n\n",
        "",
    );
    assert_ne!(without, MODEL_ZH);
    let (_root, library) = library_with(&[("models", "m.zh-CN.md", without.clone())]);

    assert_only_error(
        &library,
        "models/m.zh-CN.md",
        line_of(&without, "{#data}"),
        "question \"data-track\" of dimension \"data\" is missing here but is in ",
    );
    let english_line = format!("models/m.md line {}", line_of(MODEL, "{#data-track"));
    assert!(
        library.errors[0].message.contains(&english_line),
        "{}",
        library.errors[0]
    );
    assert!(library.model_in("m", "zh-CN").is_none());
    // Everything else still loads.
    assert!(library.model("m").is_some());
    assert!(library.rubric_in("r", "zh-CN").is_some());
    assert!(library.initiative_in("one-crm", "zh-CN").is_some());
}

#[test]
fn other_structural_differences_in_a_model_are_each_reported() {
    let changed = MODEL_ZH
        .replace("{#planning weight=2}", "{#planning}")
        .replace("{#data-track weight=2}", "{#data-tracking weight=2}");
    let (_root, library) = library_with(&[("models", "m.zh-CN.md", changed.clone())]);
    let errors: Vec<(usize, &str)> = library
        .errors
        .iter()
        .map(|e| (e.line, e.message.as_str()))
        .collect();
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert_eq!(errors[0].0, line_of(&changed, "{#data}"));
    assert!(errors[0]
        .1
        .contains("\"data-track\" of dimension \"data\" is missing"));
    assert_eq!(errors[1].0, line_of(&changed, "{#data-tracking"));
    assert!(errors[1]
        .1
        .contains("\"data-tracking\" of dimension \"data\" is not in"));
    assert_eq!(errors[2].0, line_of(&changed, "{#planning}"));
    assert!(errors[2].1.contains("weight=1 here but weight=2 in"));
    assert!(library.model_in("m", "zh-CN").is_none());

    let reordered = format!(
        "{}\n{}",
        &MODEL_ZH[..MODEL_ZH.find("# 数据").expect("data")],
        "# 规划 {#planning weight=2}\n\n## 是否只有一份计划？ {#planning-plan}\n\n1. 无\n2. 二\n3. 一\n\n\
         # 数据 {#data}\n\n## CRM {#data-crm}\n\n1. a\n2. b\n3. c\n\n## 追踪 {#data-track weight=2}\n\n1. a\n2. b\n3. c\n"
    );
    let (_root, library) = library_with(&[("models", "m.zh-CN.md", reordered.clone())]);
    assert_only_error(
        &library,
        "models/m.zh-CN.md",
        line_of(&reordered, "{#planning weight=2}"),
        "dimension \"planning\" is number 1 here but number 2 in",
    );
}

#[test]
fn a_translation_with_an_extra_level_is_reported_and_skipped() {
    // One more level on the whole scale: the translation parses, but its scale differs.
    let four = MODEL_ZH
        .replace("levels: 低 | 中 | 高", "levels: 低 | 中 | 高 | 极高")
        .replace(
            "3. 一套 CRM，全面使用。\n",
            "3. 一套 CRM，全面使用。\n4. 更多。\n",
        )
        .replace("3. 全部。\n", "3. 全部。\n4. 更多。\n")
        .replace("3. 一份计划。\n", "3. 一份计划。\n4. 更多。\n");
    let (_root, library) = library_with(&[("models", "m.zh-CN.md", four.clone())]);
    assert_only_error(
        &library,
        "models/m.zh-CN.md",
        line_of(&four, "levels:"),
        "levels names 4 levels here but",
    );
    assert!(library.model_in("m", "zh-CN").is_none());
    assert!(library.rubric_in("r", "zh-CN").is_some());

    // One more item under one question only: the file's own check reports it.
    let extra = MODEL_ZH.replace("3. 全部。\n", "3. 全部。\n4. 更多。\n");
    let (_root, library) = library_with(&[("models", "m.zh-CN.md", extra.clone())]);
    assert_eq!(library.errors.len(), 1, "{:#?}", library.errors);
    assert!(library.errors[0].path.ends_with("models/m.zh-CN.md"));
    assert_eq!(library.errors[0].line, line_of(&extra, "1. 否。"));
    assert!(library.model_in("m", "zh-CN").is_none());
    assert!(library.model("m").is_some());
}

#[test]
fn a_translation_whose_id_has_no_english_version_is_reported() {
    let other = MODEL_ZH.replace("id: m\n", "id: mm\n");
    let (_root, library) = library_with(&[("models", "m.zh-CN.md", other.clone())]);
    assert_only_error(
        &library,
        "models/m.zh-CN.md",
        line_of(&other, "id: mm"),
        "model \"mm\" (locale \"zh-CN\") has no English version",
    );
    assert!(library.model_in("mm", "zh-CN").is_none());

    let rubric = RUBRIC_ZH.replace("id: r\n", "id: rr\n");
    let (_root, library) = library_with(&[("rubrics", "r.zh-CN.md", rubric.clone())]);
    assert_only_error(
        &library,
        "rubrics/r.zh-CN.md",
        line_of(&rubric, "id: rr"),
        "rubric \"rr\" (locale \"zh-CN\") has no English version",
    );

    let initiative = INITIATIVES_ZH.replace("{#plan-together}", "{#plan-apart}");
    let (_root, library) =
        library_with(&[("initiatives", "planning.zh-CN.md", initiative.clone())]);
    let errors: Vec<(usize, &str)> = library
        .errors
        .iter()
        .map(|e| (e.line, e.message.as_str()))
        .collect();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert_eq!(errors[0].0, line_of(&initiative, "locale:"));
    assert!(errors[0].1.contains("\"plan-together\" is missing here"));
    assert_eq!(errors[1].0, line_of(&initiative, "{#plan-apart}"));
    assert!(errors[1]
        .1
        .contains("initiative \"plan-apart\" has no English version"));
    assert!(library.errors[1]
        .path
        .ends_with("initiatives/planning.zh-CN.md"));
    assert!(library.initiative_in("one-crm", "zh-CN").is_none());
    assert_eq!(library.initiatives.len(), 2);
}

#[test]
fn a_translated_initiative_with_different_metadata_is_reported_and_skipped() {
    let requires = INITIATIVES_ZH.replace("- requires: one-crm\n", "");
    let (_root, library) = library_with(&[("initiatives", "planning.zh-CN.md", requires.clone())]);
    assert_only_error(
        &library,
        "initiatives/planning.zh-CN.md",
        line_of(&requires, "{#plan-together}"),
        "initiative \"plan-together\" has requires nothing here but \"one-crm\" in",
    );
    assert!(library.initiative_in("plan-together", "zh-CN").is_none());
    assert!(
        library.initiative_in("one-crm", "zh-CN").is_none(),
        "the file is skipped"
    );
    assert!(library.model_in("m", "zh-CN").is_some());
    assert_eq!(library.initiatives.len(), 2);

    let other = INITIATIVES_ZH
        .replace("- requires: one-crm\n", "- requires: one-crm, plan-x\n")
        .replace("- effort: 4\n", "- effort: 5\n")
        .replace("- org-design: yes\n", "- org-design: no\n");
    let (_root, library) = library_with(&[("initiatives", "planning.zh-CN.md", other.clone())]);
    let lines: Vec<usize> = library.errors.iter().map(|e| e.line).collect();
    assert_eq!(
        lines,
        [
            line_of(&other, "effort: 5"),
            line_of(&other, "requires:"),
            line_of(&other, "org-design:")
        ],
        "{:#?}",
        library.errors
    );
    assert!(library.errors[0]
        .message
        .contains("has effort \"5\" here but \"4\" in"));
    assert!(library.errors[1]
        .message
        .contains("requires \"one-crm, plan-x\" here but \"one-crm\""));
}

#[test]
fn a_translated_initiative_file_is_named_after_its_english_file() {
    let (_root, library) =
        library_with(&[("initiatives", "planning-zh.md", INITIATIVES_ZH.into())]);
    // planning.zh-CN.md still loads; the badly named copy is reported.
    assert!(library
        .errors
        .iter()
        .any(|e| e.path.ends_with("planning-zh.md")
            && e.line == line_of(INITIATIVES_ZH, "locale:")
            && e.message.contains("rename this file")));

    let (_root, library) =
        library_with(&[("initiatives", "other.zh-CN.md", INITIATIVES_ZH.into())]);
    assert!(library
        .errors
        .iter()
        .any(|e| e.path.ends_with("other.zh-CN.md")
            && e.message
                .contains("other.md does not exist or did not load")));
}

#[test]
fn rubric_translations_keep_competencies_anchors_questions_weights_and_addresses() {
    let changed = RUBRIC_ZH
        .replace("addresses=data,planning", "addresses=data")
        .replace("{#bridging-q1}", "{#bridging-q2}");
    let (_root, library) = library_with(&[("rubrics", "r.zh-CN.md", changed.clone())]);
    let errors: Vec<(usize, &str)> = library
        .errors
        .iter()
        .map(|e| (e.line, e.message.as_str()))
        .collect();
    assert_eq!(errors.len(), 3, "{errors:#?}");
    let heading = line_of(&changed, "{#bridging ");
    assert_eq!(errors[0].0, heading);
    assert_eq!(errors[1].0, heading);
    assert!(errors
        .iter()
        .any(|(_, m)| m.contains("addresses=data here but addresses=data,planning")));
    assert!(errors.iter().any(|(_, m)| m.contains(
        "interview question \"bridging-q1\" of competency \"bridging\" is missing here"
    )));
    assert_eq!(errors[2].0, line_of(&changed, "{#bridging-q2}"));
    assert!(library.rubric_in("r", "zh-CN").is_none());
    assert!(library.rubric("r").is_some());
}

#[test]
fn duplicate_ids_are_errors_within_one_locale_only() {
    // A second zh-CN model with the same id: the later file is reported.
    let (_root, library) = library_with(&[("models", "n.zh-CN.md", MODEL_ZH.into())]);
    assert_only_error(
        &library,
        "models/n.zh-CN.md",
        line_of(MODEL_ZH, "id: m"),
        "has the same id as ",
    );
    assert!(library.model_in("m", "zh-CN").is_some());

    // A second English model with the same id, likewise.
    let (_root, library) = library_with(&[("models", "n.md", MODEL.into())]);
    assert_only_error(&library, "models/n.md", 2, "has the same id as ");

    // An initiative translated twice in one locale (in a second translated file).
    let twice = INITIATIVES
        .replace("{#one-crm}", "{#two-crm}")
        .replace("- requires: one-crm\n", "- requires: two-crm\n");
    let twice = twice.replace("{#plan-together}", "{#plan-more}");
    let twice_zh = INITIATIVES_ZH
        .replace("{#plan-together}", "{#plan-more}")
        .replace("- requires: one-crm\n", "- requires: two-crm\n")
        .replace("{#one-crm}", "{#two-crm}");
    let twice_zh = twice_zh.replace("{#two-crm}", "{#one-crm}");
    let (_root, library) = library_with(&[
        ("initiatives", "second.md", twice),
        ("initiatives", "second.zh-CN.md", twice_zh.clone()),
    ]);
    assert!(library
        .errors
        .iter()
        .any(|e| e.path.ends_with("second.zh-CN.md")
            && e.line == line_of(&twice_zh, "{#one-crm}")
            && e.message.contains("duplicate id \"one-crm\"")));

    // An id twice among the English initiatives stays an error, as before.
    let (_root, library) = library_with(&[("initiatives", "z.md", INITIATIVES.into())]);
    assert!(library
        .errors
        .iter()
        .any(|e| e.path.ends_with("initiatives/z.md") && e.message.contains("duplicate id")));

    // The same ids in en and zh-CN are no error at all.
    let (_root, library) = library_with(&[]);
    assert!(library.errors.is_empty(), "{:#?}", library.errors);
}

/// The shipped Simplified Chinese content: it loads without errors, matches the English
/// structure (or it would not have loaded), and leaves what the app lists unchanged.
#[test]
fn the_shipped_zh_cn_content_loads_and_matches_the_english_structure() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content");
    let library = ContentLibrary::load(&root);
    let errors: Vec<String> = library.errors.iter().map(ToString::to_string).collect();
    assert!(errors.is_empty(), "content errors:\n{}", errors.join("\n"));
    assert_eq!(library.locales(), ["en", "zh-CN"]);
    assert!(library.models.iter().all(|m| m.model.locale == "en"));
    assert!(library.rubrics.iter().all(|r| r.rubric.locale == "en"));
    assert!(library.initiatives.iter().all(|i| i.locale == "en"));

    let en = library.model("revops-maturity").expect("English model");
    let zh = library
        .model_in("revops-maturity", "zh-CN")
        .expect("zh-CN model");
    assert!(zh.path.ends_with("models/revops-maturity.zh-CN.md"));
    assert_ne!(zh.hash, en.hash);
    assert_eq!(zh.model.question_count(), en.model.question_count());
    for (ours, theirs) in zh.model.dimensions.iter().zip(&en.model.dimensions) {
        assert_eq!(ours.id, theirs.id);
        assert_ne!(ours.title, theirs.title, "{} is not translated", ours.id);
        for (q, e) in ours.questions.iter().zip(&theirs.questions) {
            assert_eq!(
                (&q.id, q.weight, q.levels.len()),
                (&e.id, e.weight, e.levels.len())
            );
            assert_ne!(q.text, e.text, "{} is not translated", q.id);
        }
    }

    let en = library.rubric("revops-leader").expect("English rubric");
    let zh = library
        .rubric_in("revops-leader", "zh-CN")
        .expect("zh-CN rubric");
    assert!(zh.path.ends_with("rubrics/revops-leader.zh-CN.md"));
    assert_eq!(zh.rubric.scale(), en.rubric.scale());
    for (ours, theirs) in zh.rubric.competencies.iter().zip(&en.rubric.competencies) {
        assert_eq!(
            (&ours.id, ours.weight, &ours.addresses),
            (&theirs.id, theirs.weight, &theirs.addresses)
        );
        assert_ne!(ours.title, theirs.title, "{} is not translated", ours.id);
        for (q, e) in ours.questions.iter().zip(&theirs.questions) {
            assert_eq!(q.id, e.id);
            assert_eq!(q.follow_ups.len(), e.follow_ups.len(), "{}", q.id);
            assert_ne!(q.text, e.text, "{} is not translated", q.id);
        }
    }

    // Every English initiative has its zh-CN version, in the file named after its own.
    assert_eq!(
        library.translated_initiatives.len(),
        library.initiatives.len()
    );
    for en in &library.initiatives {
        let zh = library
            .initiative_in(&en.initiative.id, "zh-CN")
            .unwrap_or_else(|| panic!("{} has no zh-CN version", en.initiative.id));
        assert_eq!(
            zh.path,
            en.path.replace(".md", ".zh-CN.md"),
            "{}",
            en.initiative.id
        );
        let (a, b) = (&zh.initiative, &en.initiative);
        assert_eq!(
            (&a.lifts, a.effort_weeks, a.impact, a.owner, a.org_design),
            (&b.lifts, b.effort_weeks, b.impact, b.owner, b.org_design)
        );
        assert_eq!(a.kpis.len(), b.kpis.len(), "{}: KPIs", a.id);
        assert_ne!(a.title, b.title, "{} is not translated", a.id);
    }
    // The planner's input is the English library, each initiative once.
    let mut ids: Vec<&str> = library
        .initiatives
        .iter()
        .map(|i| i.initiative.id.as_str())
        .collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count);
    assert_eq!(count, 50);
}
