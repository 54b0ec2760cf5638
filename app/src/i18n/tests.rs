//! The catalogues are complete and agree with each other and with the code.

use super::catalogue::{sources, CATALOGUE_FILES};
use super::{I18n, Locale};
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A message's shape: its attributes, and the variables each part uses.
#[derive(Debug, Default, PartialEq, Eq)]
struct Shape {
    has_value: bool,
    /// Variables of the value (`""`) and of each attribute (by name).
    variables: BTreeMap<String, BTreeSet<String>>,
}

/// Every message of `locale`: `file/id` to its shape. Panics with file and line on a
/// syntax error.
fn messages(locale: Locale) -> BTreeMap<String, (String, Shape)> {
    let mut all = BTreeMap::new();
    for (file, source) in sources(locale) {
        let resource = fluent_syntax::parser::parse(source).unwrap_or_else(|(_, errors)| {
            let problems: Vec<String> = errors
                .iter()
                .map(|e| format!("line {}: {:?}", line_of(source, e.pos.start), e.kind))
                .collect();
            panic!("app/locales/{locale}/{file}.ftl: {}", problems.join("; "))
        });
        for entry in resource.body {
            let ast::Entry::Message(message) = entry else {
                continue;
            };
            let mut shape = Shape {
                has_value: message.value.is_some(),
                ..Shape::default()
            };
            if let Some(value) = &message.value {
                shape
                    .variables
                    .insert(String::new(), pattern_variables(value));
            }
            for attribute in &message.attributes {
                shape.variables.insert(
                    attribute.id.name.to_owned(),
                    pattern_variables(&attribute.value),
                );
            }
            let previous = all.insert(message.id.name.to_owned(), (file.to_owned(), shape));
            assert!(
                previous.is_none(),
                "app/locales/{locale}: message {} is defined twice (also in {}.ftl)",
                message.id.name,
                previous.map(|(f, _)| f).unwrap_or_default()
            );
        }
    }
    all
}

fn line_of(source: &str, offset: usize) -> usize {
    source[..offset.min(source.len())].matches('\n').count() + 1
}

fn pattern_variables(pattern: &ast::Pattern<&str>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, &mut found);
        }
    }
    found
}

fn expression_variables(expression: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_variables(inline, found),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, found);
            for variant in variants {
                found.extend(pattern_variables(&variant.value));
            }
        }
    }
}

fn inline_variables(inline: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            found.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, found);
            }
            for named in &arguments.named {
                inline_variables(&named.value, found);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, found),
        _ => {}
    }
}

#[test]
fn both_locales_have_every_message_with_the_same_attributes_and_variables() {
    let english = messages(Locale::En);
    let chinese = messages(Locale::ZhCn);
    assert!(
        english.len() > 50,
        "the English catalogue looks empty: {}",
        english.len()
    );
    let mut problems = Vec::new();
    for (id, (file, shape)) in &english {
        match chinese.get(id) {
            None => problems.push(format!("zh-CN/{file}.ftl lacks `{id}`")),
            Some((zh_file, zh_shape)) => {
                if zh_file != file {
                    problems.push(format!(
                        "`{id}` is in en/{file}.ftl but zh-CN/{zh_file}.ftl"
                    ));
                }
                if zh_shape != shape {
                    problems.push(format!(
                        "`{id}` differs: en has {shape:?}, zh-CN has {zh_shape:?}"
                    ));
                }
            }
        }
    }
    for (id, (file, _)) in &chinese {
        if !english.contains_key(id) {
            problems.push(format!("en/{file}.ftl lacks `{id}` (only zh-CN has it)"));
        }
    }
    assert!(
        problems.is_empty(),
        "catalogues disagree:\n{}",
        problems.join("\n")
    );
}

#[test]
fn no_message_is_empty_or_left_in_english_in_the_chinese_catalogue() {
    let zh = I18n::new(Locale::ZhCn);
    let en = I18n::new(Locale::En);
    let mut problems = Vec::new();
    for (id, (file, shape)) in messages(Locale::En) {
        if !shape.has_value {
            continue;
        }
        let english = en.t(&id);
        let chinese = zh.t(&id);
        if english.trim().is_empty() || chinese.trim().is_empty() {
            problems.push(format!("{file}.ftl: `{id}` is empty"));
        }
        // Names, codes and symbols may be the same in both; sentences may not.
        let is_sentence = english.split_whitespace().count() >= 3
            && shape.variables.values().all(BTreeSet::is_empty);
        if is_sentence && english == chinese {
            problems.push(format!(
                "zh-CN/{file}.ftl: `{id}` is still English: {chinese:?}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_catalogue_file_is_embedded() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    for locale in Locale::ALL {
        let mut on_disk: Vec<String> = std::fs::read_dir(dir.join(locale.tag()))
            .expect("app/locales/<locale> exists")
            .filter_map(|entry| {
                let name = entry.ok()?.file_name().into_string().ok()?;
                name.strip_suffix(".ftl").map(str::to_owned)
            })
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = CATALOGUE_FILES
            .iter()
            .map(|(name, ..)| (*name).to_owned())
            .collect();
        embedded.sort();
        assert_eq!(
            on_disk, embedded,
            "app/locales/{locale}/ and CATALOGUE_FILES differ"
        );
    }
}

/// The `.rs` files under `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir)
        .expect("source directory exists")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The literal keys the code asks for: the first argument of every `.t("…")`,
/// `.t_with("…"` and `tr_key!("…")` in the app and server sources.
fn keys_in_code() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("../server/src"), &mut files);
    let mut keys = Vec::new();
    for file in files {
        if file.ends_with("i18n/tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("source file is readable");
        for call in [".t(\"", ".t_with(\"", "tr_key!(\""] {
            for (start, _) in text.match_indices(call) {
                let rest = &text[start + call.len()..];
                let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
                if text[line_start..start].trim_start().starts_with("//") {
                    continue; // documentation, not a call
                }
                if let Some(end) = rest.find('"') {
                    let line = line_of(&text, start);
                    keys.push((rest[..end].to_owned(), format!("{}:{line}", file.display())));
                }
            }
        }
    }
    keys
}

#[test]
fn every_key_the_code_uses_is_in_both_catalogues() {
    let english = messages(Locale::En);
    let keys = keys_in_code();
    assert!(
        keys.len() > 20,
        "found too few translation calls: {}",
        keys.len()
    );
    let missing: Vec<String> = keys
        .iter()
        .filter(|(key, _)| {
            let (id, attribute) = match key.split_once('.') {
                Some((id, attribute)) => (id, Some(attribute)),
                None => (key.as_str(), None),
            };
            match english.get(id) {
                None => true,
                Some((_, shape)) => match attribute {
                    Some(attribute) => !shape.variables.contains_key(attribute),
                    None => !shape.has_value,
                },
            }
        })
        .map(|(key, at)| format!("{at}: `{key}`"))
        .collect();
    assert!(
        missing.is_empty(),
        "keys missing from app/locales:\n{}",
        missing.join("\n")
    );
}

#[test]
fn variables_are_filled_in_and_plurals_follow_the_number() {
    let en = I18n::new(Locale::En);
    let zh = I18n::new(Locale::ZhCn);
    assert_eq!(
        en.t_with("language-switch-to", &[("language", "简体中文".into())]),
        "Switch the language to 简体中文"
    );
    assert_eq!(
        zh.t_with("language-switch-to", &[("language", "English".into())]),
        "将语言切换为 English"
    );
    assert_eq!(en.t("no-such-key-anywhere"), "no-such-key-anywhere");
}

#[test]
fn accept_language_picks_the_best_supported_language() {
    assert_eq!(
        Locale::negotiate("zh-CN,zh;q=0.9,en;q=0.8"),
        Some(Locale::ZhCn)
    );
    assert_eq!(Locale::negotiate("en-GB,en;q=0.9"), Some(Locale::En));
    assert_eq!(
        Locale::negotiate("fr-FR, en;q=0.5, zh;q=0.7"),
        Some(Locale::ZhCn)
    );
    assert_eq!(Locale::negotiate("de, fr;q=0.8"), None);
    assert_eq!(Locale::negotiate("zh;q=0, en"), Some(Locale::En));
    assert_eq!(Locale::negotiate("ZH-hans"), Some(Locale::ZhCn));
    assert_eq!(Locale::negotiate(""), None);
    assert_eq!(Locale::negotiate("*"), None);
}

#[test]
fn tags_round_trip() {
    for locale in Locale::ALL {
        assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
        let json = serde_json::to_string(&locale).expect("serialises");
        assert_eq!(json, format!("\"{}\"", locale.tag()));
    }
    assert_eq!(Locale::from_tag("zh_TW"), Some(Locale::ZhCn));
    assert_eq!(Locale::from_tag("english"), None);
}

#[test]
fn dates_and_numbers_follow_the_locale() {
    use chrono::{NaiveDate, TimeZone, Utc};
    let en = I18n::new(Locale::En);
    let zh = I18n::new(Locale::ZhCn);
    let day = NaiveDate::from_ymd_opt(2026, 12, 3).expect("valid date");
    assert_eq!(en.date(day), "3 Dec 2026");
    assert_eq!(zh.date(day), "2026年12月3日");
    assert_eq!(en.month(day), "Dec 2026");
    assert_eq!(zh.month(day), "2026年12月");
    let at = Utc
        .with_ymd_and_hms(2026, 1, 5, 9, 7, 0)
        .single()
        .expect("valid time");
    assert_eq!(en.date_time(at), "5 Jan 2026, 09:07 UTC");
    assert_eq!(zh.date_time(at), "2026年1月5日 09:07 UTC");
    assert_eq!(en.minute("2026-01-05 09:07"), "5 Jan 2026, 09:07 UTC");
    assert_eq!(zh.minute("2026-01-05 09:07"), "2026年1月5日 09:07 UTC");
    assert_eq!(en.minute("soon"), "soon UTC");
    assert_eq!(en.day("2026-12-03"), "3 Dec 2026");
    assert_eq!(zh.day("2026-12-03"), "2026年12月3日");
    assert_eq!(zh.day("later"), "later");
    assert_eq!(en.number(1234567.891, 2), "1,234,567.89");
    assert_eq!(zh.number(3.26, 1), "3.3");
    assert_eq!(en.number(-0.04, 1), "0.0");
    assert_eq!(en.number(-1500.0, 0), "-1,500");
    assert_eq!(en.number(999.0, 0), "999");
}
