//! Translations: a model, rubric or initiative file in another locale than English, checked
//! against its English version (see "Translations" in `content/README.md`).
//!
//! A translation changes the words, never the structure: the same dimensions, questions,
//! levels and weights (models), the same competencies, anchors, questions, weights and
//! `addresses` (rubrics), the same initiatives with the same metadata (initiatives). Answers,
//! scorecards and roadmaps are stored by id, so a translation that differed in structure
//! would score or plan differently from the English version; each difference is reported
//! on the translated file's line, saying what the English version has.

use super::initiatives::InitiativeFile;
use super::library::LoadedInitiative;
use super::ContentError;
use super::ContentIssue;
use crate::domain::initiative::{Impact, Initiative, Lift};
use crate::domain::model::MaturityModel;
use crate::domain::rubric::Rubric;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

/// The locale every translation is checked against.
pub const ENGLISH: &str = "en";

/// The line of each `{#id}` heading in a file that parsed, by id.
fn heading_lines(source: &str) -> HashMap<String, usize> {
    let mut lines = HashMap::new();
    for (index, line) in source.lines().enumerate() {
        let trimmed = line.trim_start();
        if !trimmed.starts_with('#') {
            continue;
        }
        if let Some(start) = trimmed.find("{#") {
            let rest = &trimmed[start + 2..];
            let end = rest
                .find(|c: char| c == '}' || c.is_whitespace())
                .unwrap_or(rest.len());
            lines.entry(rest[..end].to_owned()).or_insert(index + 1);
        }
    }
    lines
}

/// The line of a front-matter key (`levels:`), or 1 if it cannot be found.
fn front_line(source: &str, key: &str) -> usize {
    let prefix = format!("{key}:");
    source
        .lines()
        .enumerate()
        .skip(1)
        .take_while(|(_, line)| line.trim() != "---")
        .find(|(_, line)| line.trim_start().starts_with(&prefix))
        .map_or(1, |(index, _)| index + 1)
}

/// One side of a comparison: a file's ids (in order) with their heading lines.
struct Side<'a> {
    ids: Vec<&'a str>,
    lines: &'a HashMap<String, usize>,
}

impl Side<'_> {
    fn line(&self, id: &str) -> usize {
        self.lines.get(id).copied().unwrap_or(1)
    }
}

/// Compares the ids of one level (dimensions, questions of a dimension, ...) of a
/// translation with the English version: missing ids (reported at `missing_line`), extra
/// ids (at their heading; `elsewhere` may explain where the English version has it) and,
/// when both have the same ids, their order.
#[allow(clippy::too_many_arguments)]
fn compare_ids(
    kind: &str,
    within: &str,
    here: &Side<'_>,
    english: &Side<'_>,
    english_path: &str,
    missing_line: usize,
    elsewhere: impl Fn(&str) -> Option<String>,
    issues: &mut Vec<ContentIssue>,
) {
    let here_set: HashSet<&str> = here.ids.iter().copied().collect();
    let english_set: HashSet<&str> = english.ids.iter().copied().collect();
    for id in &english.ids {
        if !here_set.contains(id) {
            issues.push(ContentIssue {
                line: missing_line,
                message: format!(
                    "{kind} \"{id}\"{within} is missing here but is in {english_path} line {}: \
                     translate it with the same id",
                    english.line(id)
                ),
            });
        }
    }
    for id in &here.ids {
        if !english_set.contains(id) {
            let message = elsewhere(id).unwrap_or_else(|| {
                format!(
                    "{kind} \"{id}\"{within} is not in {english_path}: a translation has the \
                     same {kind}s as the English version, so use the id of the {kind} it \
                     translates or remove it"
                )
            });
            issues.push(ContentIssue {
                line: here.line(id),
                message,
            });
        }
    }
    if here_set == english_set && here.ids.len() == english.ids.len() {
        if let Some(position) = here.ids.iter().zip(&english.ids).position(|(a, b)| a != b) {
            let id = here.ids[position];
            let english_position = english.ids.iter().position(|e| *e == id).unwrap_or(0);
            issues.push(ContentIssue {
                line: here.line(id),
                message: format!(
                    "{kind} \"{id}\"{within} is number {} here but number {} in {english_path}: \
                     keep the order of the English version",
                    position + 1,
                    english_position + 1
                ),
            });
        }
    }
}

fn check_scale(
    here: &[String],
    english: &[String],
    source: &str,
    english_path: &str,
    issues: &mut Vec<ContentIssue>,
) {
    if here.len() != english.len() {
        issues.push(ContentIssue {
            line: front_line(source, "levels"),
            message: format!(
                "levels names {} levels here but {english_path} has {} ({}): a translation keeps \
                 the scale, so name the same {} levels in this language, lowest first",
                here.len(),
                english.len(),
                english.join(" | "),
                english.len()
            ),
        });
    }
}

fn check_weight(
    kind: &str,
    id: &str,
    here: f64,
    english: f64,
    line: usize,
    english_path: &str,
    issues: &mut Vec<ContentIssue>,
) {
    if here != english {
        issues.push(ContentIssue {
            line,
            message: format!(
                "{kind} \"{id}\" has weight={here} here but weight={english} in {english_path}: \
                 keep the weights of the English version"
            ),
        });
    }
}

#[allow(clippy::too_many_arguments)]
fn check_count(
    kind: &str,
    id: &str,
    what: &str,
    here: usize,
    english: usize,
    line: usize,
    english_path: &str,
    issues: &mut Vec<ContentIssue>,
) {
    if here != english {
        issues.push(ContentIssue {
            line,
            message: format!(
                "{kind} \"{id}\" has {here} {what} here but {english} in {english_path}: write \
                 exactly one item for each {what_one} of the English version",
                what_one = what.trim_end_matches('s')
            ),
        });
    }
}

/// Every structural difference between a translated model and its English version.
pub(super) fn model_mismatches(
    model: &MaturityModel,
    source: &str,
    english: &MaturityModel,
    english_source: &str,
    english_path: &str,
) -> Vec<ContentIssue> {
    let mut issues = Vec::new();
    let lines = heading_lines(source);
    let english_lines = heading_lines(english_source);
    let id_line = front_line(source, "id");
    check_scale(
        &model.level_names,
        &english.level_names,
        source,
        english_path,
        &mut issues,
    );
    let here = Side {
        ids: model.dimensions.iter().map(|d| d.id.as_str()).collect(),
        lines: &lines,
    };
    let there = Side {
        ids: english.dimensions.iter().map(|d| d.id.as_str()).collect(),
        lines: &english_lines,
    };
    let english_question_dimension: HashMap<&str, &str> = english
        .dimensions
        .iter()
        .flat_map(|d| {
            d.questions
                .iter()
                .map(move |q| (q.id.as_str(), d.id.as_str()))
        })
        .collect();
    let english_dimensions: HashSet<&str> = there.ids.iter().copied().collect();
    compare_ids(
        "dimension",
        "",
        &here,
        &there,
        english_path,
        id_line,
        |id| {
            english_question_dimension.get(id).map(|dimension| {
                format!(
                    "\"{id}\" is a question of dimension \"{dimension}\" in {english_path}, not \
                     a dimension: make it a \"##\" question under that dimension"
                )
            })
        },
        &mut issues,
    );
    for dimension in &model.dimensions {
        let Some(theirs) = english.dimensions.iter().find(|d| d.id == dimension.id) else {
            continue;
        };
        let line = here.line(&dimension.id);
        check_weight(
            "dimension",
            &dimension.id,
            dimension.weight,
            theirs.weight,
            line,
            english_path,
            &mut issues,
        );
        let within = format!(" of dimension \"{}\"", dimension.id);
        compare_ids(
            "question",
            &within,
            &Side {
                ids: dimension.questions.iter().map(|q| q.id.as_str()).collect(),
                lines: &lines,
            },
            &Side {
                ids: theirs.questions.iter().map(|q| q.id.as_str()).collect(),
                lines: &english_lines,
            },
            english_path,
            line,
            |id| {
                if let Some(other) = english_question_dimension.get(id) {
                    Some(format!(
                        "question \"{id}\" belongs to dimension \"{other}\" in {english_path}, \
                         not to \"{}\": move it under that dimension",
                        dimension.id
                    ))
                } else if english_dimensions.contains(id) {
                    Some(format!(
                        "\"{id}\" is a dimension in {english_path}, not a question: make it a \
                         \"#\" heading"
                    ))
                } else {
                    None
                }
            },
            &mut issues,
        );
        for question in &dimension.questions {
            let Some(their_question) = theirs.questions.iter().find(|q| q.id == question.id) else {
                continue;
            };
            let line = here.line(&question.id);
            check_weight(
                "question",
                &question.id,
                question.weight,
                their_question.weight,
                line,
                english_path,
                &mut issues,
            );
            if model.level_names.len() != english.level_names.len() {
                // Already reported once, at `levels:`.
                continue;
            }
            check_count(
                "question",
                &question.id,
                "levels",
                question.levels.len(),
                their_question.levels.len(),
                line,
                english_path,
                &mut issues,
            );
        }
    }
    issues.sort_by_key(|issue| issue.line);
    issues
}

/// Every structural difference between a translated rubric and its English version.
pub(super) fn rubric_mismatches(
    rubric: &Rubric,
    source: &str,
    english: &Rubric,
    english_source: &str,
    english_path: &str,
) -> Vec<ContentIssue> {
    let mut issues = Vec::new();
    let lines = heading_lines(source);
    let english_lines = heading_lines(english_source);
    check_scale(
        &rubric.level_names,
        &english.level_names,
        source,
        english_path,
        &mut issues,
    );
    let here = Side {
        ids: rubric.competencies.iter().map(|c| c.id.as_str()).collect(),
        lines: &lines,
    };
    let there = Side {
        ids: english.competencies.iter().map(|c| c.id.as_str()).collect(),
        lines: &english_lines,
    };
    let english_question_competency: HashMap<&str, &str> = english
        .competencies
        .iter()
        .flat_map(|c| {
            c.questions
                .iter()
                .map(move |q| (q.id.as_str(), c.id.as_str()))
        })
        .collect();
    compare_ids(
        "competency",
        "",
        &here,
        &there,
        english_path,
        front_line(source, "id"),
        |_| None,
        &mut issues,
    );
    for competency in &rubric.competencies {
        let Some(theirs) = english.competencies.iter().find(|c| c.id == competency.id) else {
            continue;
        };
        let line = here.line(&competency.id);
        check_weight(
            "competency",
            &competency.id,
            competency.weight,
            theirs.weight,
            line,
            english_path,
            &mut issues,
        );
        if competency.addresses != theirs.addresses {
            issues.push(ContentIssue {
                line,
                message: format!(
                    "competency \"{}\" has addresses={} here but addresses={} in {english_path}: \
                     keep the addresses of the English version",
                    competency.id,
                    competency.addresses.join(","),
                    theirs.addresses.join(",")
                ),
            });
        }
        if rubric.level_names.len() == english.level_names.len() {
            check_count(
                "competency",
                &competency.id,
                "anchors",
                competency.anchors.len(),
                theirs.anchors.len(),
                line,
                english_path,
                &mut issues,
            );
        }
        let within = format!(" of competency \"{}\"", competency.id);
        compare_ids(
            "interview question",
            &within,
            &Side {
                ids: competency.questions.iter().map(|q| q.id.as_str()).collect(),
                lines: &lines,
            },
            &Side {
                ids: theirs.questions.iter().map(|q| q.id.as_str()).collect(),
                lines: &english_lines,
            },
            english_path,
            line,
            |id| {
                english_question_competency.get(id).map(|other| {
                    format!(
                        "interview question \"{id}\" belongs to competency \"{other}\" in \
                         {english_path}, not to \"{}\": move it under that competency",
                        competency.id
                    )
                })
            },
            &mut issues,
        );
    }
    issues.sort_by_key(|issue| issue.line);
    issues
}

/// The English file a translated initiative file translates: `handoffs.zh-CN.md` translates
/// `handoffs.md` in the same folder. `None` when the name does not end in `.<locale>.md`.
fn english_counterpart(path: &str, locale: &str) -> Option<String> {
    let suffix = format!(".{locale}.md");
    let name = Path::new(path).file_name()?.to_str()?;
    let stem = name.strip_suffix(&suffix).filter(|stem| !stem.is_empty())?;
    Some(
        Path::new(path)
            .with_file_name(format!("{stem}.md"))
            .display()
            .to_string(),
    )
}

fn lifts_text(lifts: &[Lift]) -> String {
    lifts
        .iter()
        .map(|lift| format!("{} {}-{}", lift.dimension, lift.from, lift.to))
        .collect::<Vec<_>>()
        .join(", ")
}

fn impact_text(impact: Impact) -> &'static str {
    match impact {
        Impact::Low => "low",
        Impact::Medium => "medium",
        Impact::High => "high",
    }
}

fn yes_no(value: bool) -> &'static str {
    if value {
        "yes"
    } else {
        "no"
    }
}

/// The metadata of an initiative as (key, value) pairs, in the README's order, for
/// comparing a translation with its English version. `requires` is compared as a set.
fn metadata(initiative: &Initiative) -> [(&'static str, String); 6] {
    let mut requires: Vec<&str> = initiative.requires.iter().map(String::as_str).collect();
    requires.sort_unstable();
    [
        ("lifts", lifts_text(&initiative.lifts)),
        ("effort", initiative.effort_weeks.to_string()),
        ("impact", impact_text(initiative.impact).to_owned()),
        ("owner", initiative.owner.as_str().to_owned()),
        ("requires", requires.join(", ")),
        ("org-design", yes_no(initiative.org_design).to_owned()),
    ]
}

/// Checks every translated initiative file against the English file it is named after
/// (`x.<locale>.md` translates `x.md`): the same initiative ids, each with the same lifts,
/// effort, impact, owner, requires and org-design; an id at most once per locale. A file
/// with any mismatch is skipped. Returns the translated initiatives that loaded (file by
/// file, in file order) and the errors.
pub(super) fn check_initiative_translations(
    english: &[LoadedInitiative],
    files: Vec<InitiativeFile>,
) -> (Vec<LoadedInitiative>, Vec<ContentError>) {
    let mut by_file: HashMap<&str, Vec<&LoadedInitiative>> = HashMap::new();
    let mut by_id: HashMap<&str, &LoadedInitiative> = HashMap::new();
    for loaded in english {
        by_file
            .entry(loaded.path.as_str())
            .or_default()
            .push(loaded);
        by_id.insert(loaded.initiative.id.as_str(), loaded);
    }
    // (locale, id) -> (path, line) of the first translation with it.
    let mut claimed: HashMap<(String, String), (String, usize)> = HashMap::new();
    let mut loaded = Vec::new();
    let mut errors = Vec::new();
    for file in files {
        let locale = file.parsed.locale.clone();
        let mut issues: Vec<ContentIssue> = Vec::new();
        let counterpart = english_counterpart(&file.path, &locale);
        let english_initiatives = counterpart
            .as_deref()
            .and_then(|path| by_file.get(path))
            .cloned()
            .unwrap_or_default();
        match &counterpart {
            None => issues.push(ContentIssue {
                line: file.parsed.locale_line,
                message: format!(
                    "a translation is named after the English file it translates plus its \
                     locale: rename this file, e.g. to \"handoffs.{locale}.md\" for the English \
                     \"handoffs.md\""
                ),
            }),
            Some(path) if english_initiatives.is_empty() => issues.push(ContentIssue {
                line: file.parsed.locale_line,
                message: format!(
                    "this translation has no English version: {path} does not exist or did not \
                     load (fix its errors first); every translated file needs its English file \
                     with locale: {ENGLISH}"
                ),
            }),
            Some(_) => {}
        }
        let english_path = counterpart.unwrap_or_default();
        let ids_here: HashSet<&str> = file
            .parsed
            .initiatives
            .iter()
            .map(|parsed| parsed.initiative.id.as_str())
            .collect();
        if !english_initiatives.is_empty() {
            for theirs in &english_initiatives {
                if !ids_here.contains(theirs.initiative.id.as_str()) {
                    issues.push(ContentIssue {
                        line: file.parsed.locale_line,
                        message: format!(
                            "initiative \"{}\" is missing here but is in {english_path} line {}: \
                             translate it with the same id and metadata",
                            theirs.initiative.id, theirs.line
                        ),
                    });
                }
            }
        }
        for parsed in &file.parsed.initiatives {
            let id = parsed.initiative.id.as_str();
            let key = (locale.clone(), id.to_owned());
            if let Some((path, line)) = claimed.get(&key) {
                issues.push(ContentIssue {
                    line: parsed.line,
                    message: format!(
                        "duplicate id \"{id}\": {path} line {line} already has a {locale} \
                         initiative with this id; each initiative is translated once per locale"
                    ),
                });
            }
            let Some(theirs) = english_initiatives
                .iter()
                .find(|loaded| loaded.initiative.id == id)
            else {
                if english_initiatives.is_empty() {
                    continue;
                }
                let message = match by_id.get(id) {
                    Some(other) => format!(
                        "initiative \"{id}\" is in {} (line {}), not in {english_path}: move it \
                         to the translation of that file",
                        other.path, other.line
                    ),
                    None => format!(
                        "initiative \"{id}\" has no English version: {english_path} has no \
                         initiative with this id; use the id of the initiative this translates"
                    ),
                };
                issues.push(ContentIssue {
                    line: parsed.line,
                    message,
                });
                continue;
            };
            let ours = metadata(&parsed.initiative);
            let english_meta = metadata(&theirs.initiative);
            for ((key, here), (_, there)) in ours.iter().zip(english_meta.iter()) {
                if here != there {
                    let line = parsed.meta_lines.get(key).copied().unwrap_or(parsed.line);
                    let shown = |value: &str| {
                        if value.is_empty() {
                            "nothing".to_owned()
                        } else {
                            format!("\"{value}\"")
                        }
                    };
                    issues.push(ContentIssue {
                        line,
                        message: format!(
                            "initiative \"{id}\" has {key} {} here but {} in {english_path} line \
                             {}: a translation keeps the metadata of the English version",
                            shown(here),
                            shown(there),
                            theirs.line
                        ),
                    });
                }
            }
        }
        if issues.is_empty() {
            for parsed in file.parsed.initiatives {
                claimed.insert(
                    (locale.clone(), parsed.initiative.id.clone()),
                    (file.path.clone(), parsed.line),
                );
                loaded.push(LoadedInitiative {
                    path: file.path.clone(),
                    line: parsed.line,
                    locale: locale.clone(),
                    initiative: Arc::new(parsed.initiative),
                });
            }
        } else {
            issues.sort_by_key(|issue| issue.line);
            errors.extend(issues.into_iter().map(|issue| ContentError {
                path: file.path.clone(),
                line: issue.line,
                message: issue.message,
            }));
        }
    }
    (loaded, errors)
}
