//! Markdown to [`Initiative`]s: the initiative library under `content/initiatives/`, checked
//! against every rule of `content/README.md`.
//!
//! One file is parsed on its own by [`parse_initiatives`], with the helpers the model parser
//! uses (the same line numbers, Markdown blocks, ids, links and escaping of raw HTML). What
//! spans files (ids unique across the library, prerequisites that exist and form no cycle,
//! lifted dimensions that a maturity model has) is checked by [`check_library`] once every
//! file has been parsed; an initiative that fails one of those checks is an error in its own
//! file, and that file is skipped like any other file with a mistake.

use super::parse::{
    blocks, check_id, heading_depth, is_atx_heading, is_comment_block, is_language_tag,
    is_safe_url, plain_text, render, slug, snippet, source_lines, unquote, Block, Issues,
    LineIndex,
};
use super::{ContentError, ContentIssue, LoadedInitiative};
use crate::domain::initiative::{Impact, Initiative, Lift};
use crate::domain::model::Function;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};
use std::collections::{HashMap, HashSet, VecDeque};
use std::ops::RangeInclusive;
use std::sync::Arc;

/// The front-matter keys of an initiative file, all required.
const FRONT_MATTER_KEYS: [&str; 2] = ["title", "locale"];

/// The metadata keys of an initiative, in the order the README lists them.
const METADATA_KEYS: [&str; 7] = [
    "lifts",
    "effort",
    "impact",
    "owner",
    "requires",
    "kpis",
    "org-design",
];

/// The metadata keys every initiative must have.
const REQUIRED_KEYS: [&str; 4] = ["lifts", "effort", "impact", "owner"];

/// The levels a lift may start from and reach: the scale of the RevOps maturity model.
const LEVELS: RangeInclusive<u8> = 1..=5;

/// One initiative file that parsed without issues. Its front matter (title, locale) is
/// checked but not kept: nothing shows it yet.
pub(super) struct ParsedFile {
    /// The front matter's `locale`, with the line it is on.
    pub(super) locale: String,
    pub(super) locale_line: usize,
    /// In the order of the file.
    pub(super) initiatives: Vec<ParsedInitiative>,
}

/// An initiative plus the lines the cross-file checks report on.
pub(super) struct ParsedInitiative {
    pub(super) initiative: Initiative,
    /// The line of its `#` heading.
    pub(super) line: usize,
    /// The line of its `lifts:` item, where an unknown dimension is reported.
    pub(super) lifts_line: usize,
    /// The line of its `requires:` item (the heading's when it has none), where an unknown
    /// prerequisite or a cycle is reported.
    pub(super) requires_line: usize,
    /// The line of each metadata item, by key (`effort`, `org-design`, ...).
    pub(super) meta_lines: HashMap<&'static str, usize>,
}

/// Parses and validates one initiative file written in Markdown; see `content/README.md`.
///
/// Returns each initiative with the line of its heading, in file order, or every issue
/// found in the file, sorted by line. What depends on other files (prerequisites defined
/// elsewhere, ids used in another file, dimension ids of the maturity models) is not checked
/// here but when the whole library is loaded ([`super::ContentLibrary::load`]).
pub fn parse_initiatives(source: &str) -> Result<Vec<(Initiative, usize)>, Vec<ContentIssue>> {
    parse_file(source).map(|file| {
        file.initiatives
            .into_iter()
            .map(|parsed| (parsed.initiative, parsed.line))
            .collect()
    })
}

/// Parses one file; see [`parse_initiatives`].
pub(super) fn parse_file(source: &str) -> Result<ParsedFile, Vec<ContentIssue>> {
    let lines = LineIndex::new(source);
    let mut issues = Issues::default();
    let Some((front, body_start)) = read_front_matter(source, &lines, &mut issues) else {
        return Err(issues.into_sorted());
    };
    let mut walker = Walker {
        source,
        lines: &lines,
        issues: &mut issues,
        ids: HashMap::new(),
        current: None,
        initiatives: Vec::new(),
        saw_heading: false,
    };
    for block in blocks(source, body_start) {
        walker.block(&block);
    }
    let initiatives = walker.finish(lines.line(body_start));
    if !issues.is_empty() {
        return Err(issues.into_sorted());
    }
    match (front.title, front.locale) {
        (Some(_), Some(locale)) => Ok(ParsedFile {
            locale,
            locale_line: front.locale_line,
            initiatives,
        }),
        // A missing or invalid key has already produced an issue; this arm only keeps the
        // function total should that ever change.
        _ => Err(vec![ContentIssue {
            line: 1,
            message: "the front matter is incomplete: it needs title and locale".into(),
        }]),
    }
}

// ---------------------------------------------------------------------------------------
// Front matter
// ---------------------------------------------------------------------------------------

#[derive(Default)]
struct FrontMatter {
    title: Option<String>,
    locale: Option<String>,
    locale_line: usize,
}

/// Reads the `---` block at the top of the file: the values found and the offset at which
/// the Markdown body starts, or `None` when the block is never closed (the rest of the file
/// could then not be told apart from it).
fn read_front_matter(
    source: &str,
    lines: &LineIndex,
    issues: &mut Issues,
) -> Option<(FrontMatter, usize)> {
    let start = if source.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let mut rows = source_lines(source, start);
    if !matches!(rows.next(), Some((_, _, text)) if text.trim_end() == "---") {
        issues.push(
            1,
            "missing front matter: start the file with a line \"---\", then title and locale \
             as \"key: value\" lines, then another \"---\"",
        );
        return Some((FrontMatter::default(), start));
    }
    let mut front = FrontMatter::default();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    // Issues about the lines inside; dropped if the block is never closed, since every line
    // of the body would then show up as a bad key.
    let mut inside = Issues::default();
    let mut first_stray_line = None;
    for (offset, len, text) in rows {
        let line = lines.line(offset);
        if text.trim_end() == "---" {
            for key in FRONT_MATTER_KEYS {
                if !seen.contains_key(key) {
                    inside.push(
                        line,
                        format!(
                            "missing front-matter key \"{key}\": add a line such as \
                             \"{key}: {}\" before the closing \"---\"",
                            example_front_value(key)
                        ),
                    );
                }
            }
            for issue in inside.into_sorted() {
                issues.push(issue.line, issue.message);
            }
            return Some((front, offset + len));
        }
        if text.trim().is_empty() {
            continue;
        }
        let Some((key, value)) = text.split_once(':') else {
            first_stray_line.get_or_insert(line);
            inside.push(
                line,
                format!(
                    "front-matter line \"{}\" is not \"key: value\": write one key, a colon \
                     and its value per line, e.g. \"title: Planning and alignment\"",
                    snippet(text.trim())
                ),
            );
            continue;
        };
        let key = key.trim();
        let value = unquote(value.trim());
        let Some(&key) = FRONT_MATTER_KEYS.iter().find(|&&known| known == key) else {
            first_stray_line.get_or_insert(line);
            inside.push(
                line,
                format!(
                    "unknown front-matter key \"{}\"; an initiative file has only title and \
                     locale (each initiative's own facts go in the list under its heading)",
                    snippet(key)
                ),
            );
            continue;
        };
        if let Some(first) = seen.insert(key, line) {
            inside.push(
                line,
                format!(
                    "front-matter key \"{key}\" is given twice (first on line {first}): keep one"
                ),
            );
            continue;
        }
        if value.is_empty() {
            inside.push(
                line,
                format!(
                    "front-matter key \"{key}\" has no value: write it after the colon, \
                     e.g. \"{key}: {}\"",
                    example_front_value(key)
                ),
            );
            continue;
        }
        if key == "title" {
            front.title = Some(value.to_owned());
        } else if is_language_tag(value) {
            front.locale = Some(value.to_owned());
            front.locale_line = line;
        } else {
            inside.push(
                line,
                format!(
                    "locale \"{}\" is not a language tag: write one such as \"en\" or \"zh-CN\"",
                    snippet(value)
                ),
            );
        }
    }
    let hint = first_stray_line
        .map(|line| format!(" (probably before line {line})"))
        .unwrap_or_default();
    issues.push(
        1,
        format!(
            "the front matter is not closed: add a line \"---\" after its last \"key: value\" \
             line{hint}"
        ),
    );
    None
}

fn example_front_value(key: &str) -> &'static str {
    match key {
        "title" => "Planning and alignment",
        _ => "en",
    }
}

// ---------------------------------------------------------------------------------------
// Markdown body
// ---------------------------------------------------------------------------------------

/// Where an initiative is in its walk: right after its heading the next block must be the
/// metadata list; everything after it is the body.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Stage {
    Metadata,
    Body,
}

/// An initiative being read.
struct Draft {
    /// Empty when the heading has no usable id (already reported).
    id: String,
    /// How messages name it: its id, or its title when it has none.
    name: String,
    title: String,
    line: usize,
    stage: Stage,
    /// The metadata list was missing and that has been reported: no missing-key issues.
    no_metadata: bool,
    meta: Metadata,
    body_html: String,
    has_steps: bool,
}

/// The metadata list of one initiative. A key that was given but is invalid is in `seen`
/// (so it is not also reported as missing) and stays `None`.
#[derive(Default)]
struct Metadata {
    list_line: usize,
    seen: HashMap<&'static str, usize>,
    lifts: Option<Vec<Lift>>,
    lifts_line: usize,
    effort: Option<f64>,
    impact: Option<Impact>,
    owner: Option<Function>,
    requires: Vec<String>,
    requires_line: Option<usize>,
    kpis: Vec<String>,
    org_design: bool,
}

struct Walker<'s, 'r> {
    source: &'s str,
    lines: &'r LineIndex,
    issues: &'r mut Issues,
    /// Each initiative id with the line of its heading: ids are unique within the file.
    ids: HashMap<String, usize>,
    current: Option<Draft>,
    initiatives: Vec<ParsedInitiative>,
    saw_heading: bool,
}

impl Walker<'_, '_> {
    fn block(&mut self, block: &Block<'_>) {
        self.check_links(block);
        if let Some(Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        })) = block.first()
        {
            self.heading(block, *level, id.as_ref(), classes, attrs);
            return;
        }
        self.check_nested_headings(block);
        let line = self.line(block.start());
        let Some(draft) = &mut self.current else {
            // The intro before the first initiative: notes for authors, not shown.
            return;
        };
        if is_comment_block(block) {
            return;
        }
        if draft.stage == Stage::Metadata {
            draft.stage = Stage::Body;
            if matches!(block.first(), Some(Event::Start(Tag::List(None)))) {
                let mut meta = std::mem::take(&mut draft.meta);
                meta.list_line = line;
                let name = draft.name.clone();
                self.metadata(block, &name, &mut meta);
                if let Some(draft) = &mut self.current {
                    draft.meta = meta;
                }
                return;
            }
            draft.no_metadata = true;
            let (name, heading_line) = (draft.name.clone(), draft.line);
            self.issues.push(heading_line, missing_metadata(&name));
        }
        let Some(draft) = &mut self.current else {
            return;
        };
        // A "---" rule is a harmless visual separator between initiatives.
        if !matches!(block.first(), Some(Event::Rule)) {
            draft.body_html.push_str(&render(block));
            draft.has_steps = true;
        }
    }

    fn line(&self, offset: usize) -> usize {
        self.lines.line(offset)
    }

    fn heading(
        &mut self,
        block: &Block<'_>,
        level: HeadingLevel,
        id: Option<&CowStr<'_>>,
        classes: &[CowStr<'_>],
        attrs: &[(CowStr<'_>, Option<CowStr<'_>>)],
    ) {
        let line = self.line(block.start());
        let text = plain_text(&block.events);
        if !is_atx_heading(self.source.get(block.start()..).unwrap_or("")) {
            self.issues.push(
                line,
                format!(
                    "\"{}\" is followed by a line of \"---\" or \"===\", which makes it a \
                     heading: put a blank line before that line, or write initiatives as \
                     \"# Title {{#id}}\"",
                    snippet(&text)
                ),
            );
            return;
        }
        if level != HeadingLevel::H1 {
            // The blocks after it stay with the current initiative, so that this one
            // mistake does not also show up as a missing metadata list.
            let hashes = "#".repeat(heading_depth(level));
            self.issues.push(
                line,
                format!(
                    "\"{hashes} ...\" headings are not allowed in an initiative file: each \
                     initiative is one \"# Title {{#id}}\" heading; write its steps as \
                     paragraphs or a numbered list"
                ),
            );
            return;
        }
        self.finish_initiative();
        self.saw_heading = true;
        if text.is_empty() {
            self.issues.push(
                line,
                "initiative heading has no text: write the initiative's title after \"#\"",
            );
        }
        let id = match id {
            Some(id) => match check_id(id) {
                Ok(()) => {
                    if let Some(&first) = self.ids.get(id.as_ref()) {
                        self.issues.push(
                            line,
                            format!(
                                "duplicate id \"{id}\" (first used on line {first}): give each \
                                 initiative its own id"
                            ),
                        );
                    } else {
                        self.ids.insert(id.to_string(), line);
                    }
                    id.to_string()
                }
                Err(message) => {
                    self.issues.push(line, message);
                    String::new()
                }
            },
            None => {
                let hint = if text.contains('{') {
                    " (the {...} must be the last thing on the line, start with \"{#\" and end with \"}\")"
                } else {
                    ""
                };
                self.issues.push(
                    line,
                    format!(
                        "initiative heading \"# {}\" has no id: add one at the end of the line, \
                         e.g. \"# {} {{#{}}}\"{hint}",
                        snippet(&text),
                        snippet(&text),
                        slug(&text)
                    ),
                );
                String::new()
            }
        };
        for class in classes {
            self.issues.push(
                line,
                format!(
                    "heading attribute \".{}\" is not used: only {{#id}} is allowed; write \
                     everything else in the metadata list under the heading",
                    snippet(class)
                ),
            );
        }
        for (key, _) in attrs {
            self.issues.push(
                line,
                format!(
                    "unknown heading attribute \"{}\": only {{#id}} is allowed; write \
                     everything else in the metadata list under the heading",
                    snippet(key)
                ),
            );
        }
        let name = if id.is_empty() {
            format!("\"{}\"", snippet(&text))
        } else {
            format!("\"{id}\"")
        };
        self.current = Some(Draft {
            id,
            name,
            title: text,
            line,
            stage: Stage::Metadata,
            no_metadata: false,
            meta: Metadata {
                list_line: line,
                lifts_line: line,
                ..Metadata::default()
            },
            body_html: String::new(),
            has_steps: false,
        });
    }

    /// Reads the bullet list under a heading: one `key: value` per item.
    fn metadata(&mut self, block: &Block<'_>, name: &str, meta: &mut Metadata) {
        for item in list_items(block) {
            let line = self.line(item.start);
            if let Some(nested) = item.nested {
                self.issues.push(
                    self.line(nested),
                    format!(
                        "a metadata item of initiative {name} contains a nested list: write \
                         each key and its value on one line, e.g. \"- kpis: first; second\""
                    ),
                );
                continue;
            }
            let Some((key, value)) = item.text.split_once(':') else {
                self.issues.push(
                    line,
                    format!(
                        "metadata item \"{}\" of initiative {name} is not \"key: value\": the \
                         first bullet list under the heading holds the metadata, e.g. \
                         \"- effort: 4\"; write steps after it, as paragraphs or a numbered list",
                        snippet(&item.text)
                    ),
                );
                continue;
            };
            let key = key.trim();
            let value = value.trim();
            let Some(&key) = METADATA_KEYS.iter().find(|&&known| known == key) else {
                self.issues.push(
                    line,
                    format!(
                        "unknown metadata key \"{}\" in initiative {name}; expected lifts, \
                         effort, impact, owner, requires, kpis or org-design",
                        snippet(key)
                    ),
                );
                continue;
            };
            if let Some(first) = meta.seen.insert(key, line) {
                self.issues.push(
                    line,
                    format!(
                        "metadata key \"{key}\" of initiative {name} is given twice (first on \
                         line {first}): keep one"
                    ),
                );
                continue;
            }
            if value.is_empty() {
                let remove = if REQUIRED_KEYS.contains(&key) {
                    ""
                } else {
                    ", or remove the line"
                };
                self.issues.push(
                    line,
                    format!(
                        "metadata key \"{key}\" of initiative {name} has no value: write it \
                         after the colon, e.g. \"- {key}: {}\"{remove}",
                        example_metadata_value(key)
                    ),
                );
                continue;
            }
            match key {
                "lifts" => {
                    meta.lifts_line = line;
                    meta.lifts = self.lifts(value, line);
                }
                "effort" => match value.parse::<f64>() {
                    Ok(weeks) if weeks.is_finite() && weeks > 0.0 => meta.effort = Some(weeks),
                    _ => self.issues.push(
                        line,
                        format!(
                            "effort \"{}\" must be a number of person-weeks greater than 0, \
                             e.g. \"- effort: 4\" (no unit)",
                            snippet(value)
                        ),
                    ),
                },
                "impact" => match Impact::parse(value) {
                    Some(impact) => meta.impact = Some(impact),
                    None => self.issues.push(
                        line,
                        format!("impact \"{}\" must be low, medium or high", snippet(value)),
                    ),
                },
                "owner" => match Function::parse(value) {
                    Some(owner) => meta.owner = Some(owner),
                    None => self.issues.push(
                        line,
                        format!(
                            "owner \"{}\" must be one of {}",
                            snippet(value),
                            function_list()
                        ),
                    ),
                },
                "requires" => {
                    meta.requires_line = Some(line);
                    meta.requires = self.requires(value, line);
                }
                "kpis" => meta.kpis = self.kpis(value, line),
                _ => match value {
                    "yes" => meta.org_design = true,
                    "no" => meta.org_design = false,
                    _ => self.issues.push(
                        line,
                        format!(
                            "org-design \"{}\" must be yes or no (yes when the initiative \
                             creates a role or team)",
                            snippet(value)
                        ),
                    ),
                },
            }
        }
    }

    /// `planning 1-3, alignment 2-3`, or `None` (with issues) when any part is unusable.
    fn lifts(&mut self, value: &str, line: usize) -> Option<Vec<Lift>> {
        let mut lifts: Vec<Lift> = Vec::new();
        let mut usable = true;
        for (position, part) in value.split(',').map(str::trim).enumerate() {
            if part.is_empty() {
                self.issues.push(
                    line,
                    format!(
                        "lift {} in lifts is empty: remove the extra \",\" or write a dimension \
                         and its levels, e.g. \"planning 1-3\"",
                        position + 1
                    ),
                );
                usable = false;
                continue;
            }
            match parse_lift(part) {
                Ok(lift) => {
                    if lifts.iter().any(|other| other.dimension == lift.dimension) {
                        self.issues.push(
                            line,
                            format!(
                                "dimension \"{}\" is lifted twice in lifts: keep one range of \
                                 levels for it",
                                lift.dimension
                            ),
                        );
                        usable = false;
                    } else {
                        lifts.push(lift);
                    }
                }
                Err(message) => {
                    self.issues.push(line, message);
                    usable = false;
                }
            }
        }
        usable.then_some(lifts)
    }

    /// `a-id, b-id`: ids of other initiatives, each once.
    fn requires(&mut self, value: &str, line: usize) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for (position, id) in value.split(',').map(str::trim).enumerate() {
            if id.is_empty() {
                self.issues.push(
                    line,
                    format!(
                        "prerequisite {} in requires is empty: remove the extra \",\"",
                        position + 1
                    ),
                );
            } else if let Err(message) = check_id(id) {
                self.issues.push(
                    line,
                    format!("in requires, {message}; separate initiative ids with commas"),
                );
            } else if ids.iter().any(|known| known == id) {
                self.issues.push(
                    line,
                    format!("\"{id}\" is named twice in requires: keep one"),
                );
            } else {
                ids.push(id.to_owned());
            }
        }
        ids
    }

    /// `first measure; second measure`.
    fn kpis(&mut self, value: &str, line: usize) -> Vec<String> {
        let mut kpis = Vec::new();
        for (position, kpi) in value.split(';').map(str::trim).enumerate() {
            if kpi.is_empty() {
                self.issues.push(
                    line,
                    format!(
                        "KPI {} in kpis is empty: remove the extra \";\" (KPIs are separated \
                         by \";\")",
                        position + 1
                    ),
                );
            } else {
                kpis.push(kpi.to_owned());
            }
        }
        kpis
    }

    fn finish_initiative(&mut self) {
        let Some(draft) = self.current.take() else {
            return;
        };
        let name = &draft.name;
        if draft.stage == Stage::Metadata {
            self.issues.push(draft.line, missing_metadata(name));
            return;
        }
        let meta = draft.meta;
        if !draft.no_metadata {
            for key in REQUIRED_KEYS {
                if !meta.seen.contains_key(key) {
                    self.issues.push(
                        meta.list_line,
                        format!(
                            "initiative {name} has no \"{key}\": add \"- {key}: {}\" to the \
                             metadata list under its heading",
                            example_metadata_value(key)
                        ),
                    );
                }
            }
        }
        if !draft.has_steps {
            self.issues.push(
                draft.line,
                format!(
                    "initiative {name} has no steps: after its metadata list, describe the \
                     concrete steps as paragraphs or a numbered list"
                ),
            );
        }
        let requires_line = meta.requires_line.unwrap_or(draft.line);
        if !draft.id.is_empty() && meta.requires.contains(&draft.id) {
            self.issues.push(
                requires_line,
                format!(
                    "initiative {name} requires itself: remove \"{}\" from requires",
                    draft.id
                ),
            );
        }
        let (Some(lifts), Some(effort_weeks), Some(impact), Some(owner)) =
            (meta.lifts, meta.effort, meta.impact, meta.owner)
        else {
            return;
        };
        if draft.id.is_empty() || !draft.has_steps {
            return;
        }
        self.initiatives.push(ParsedInitiative {
            initiative: Initiative {
                id: draft.id,
                title: draft.title,
                lifts,
                effort_weeks,
                impact,
                owner,
                requires: meta.requires,
                kpis: meta.kpis,
                org_design: meta.org_design,
                body_html: draft.body_html,
            },
            line: draft.line,
            lifts_line: meta.lifts_line,
            requires_line,
            meta_lines: meta.seen,
        });
    }

    fn finish(mut self, body_line: usize) -> Vec<ParsedInitiative> {
        self.finish_initiative();
        if !self.saw_heading {
            self.issues.push(
                body_line,
                "the file has no initiatives: add a \"# Title {#id}\" heading, directly under \
                 it a bullet list with lifts, effort, impact and owner, then the steps",
            );
        }
        self.initiatives
    }

    /// Refuses links and images whose scheme could run script or smuggle content.
    fn check_links(&mut self, block: &Block<'_>) {
        for (event, range) in &block.events {
            if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event {
                if !is_safe_url(dest_url) {
                    self.issues.push(
                        self.lines.line(range.start),
                        format!(
                            "link to \"{}\" is not allowed: use an http(s), mailto or relative link",
                            snippet(dest_url)
                        ),
                    );
                }
            }
        }
    }

    /// A heading inside a list or quote would not open an initiative, which is never what
    /// the author meant.
    fn check_nested_headings(&mut self, block: &Block<'_>) {
        if let Some((_, range)) = block
            .events
            .iter()
            .find(|(event, _)| matches!(event, Event::Start(Tag::Heading { .. })))
        {
            self.issues.push(
                self.lines.line(range.start),
                "heading inside a list or quote: start headings at the beginning of a line, \
                 outside any list or quote",
            );
        }
    }
}

fn missing_metadata(name: &str) -> String {
    format!(
        "initiative {name} has no metadata list: directly under its heading, add a bullet list \
         with at least lifts, effort, impact and owner, e.g. \"- lifts: planning 1-3\", \
         \"- effort: 4\", \"- impact: high\", \"- owner: operations\""
    )
}

fn example_metadata_value(key: &str) -> &'static str {
    match key {
        "lifts" => "planning 1-3",
        "effort" => "4",
        "impact" => "high",
        "owner" => "operations",
        "requires" => "shared-revenue-glossary",
        "kpis" => "Share of leads followed up within a day",
        _ => "no",
    }
}

fn function_list() -> String {
    let names: Vec<&str> = Function::ALL.iter().map(|f| f.as_str()).collect();
    match names.split_last() {
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

/// One lift, `planning 1-3`, or a message saying what is wrong with it.
fn parse_lift(part: &str) -> Result<Lift, String> {
    let example = "e.g. \"planning 1-3\" (the dimension id, then the level it starts from and \
                   the level it reaches)";
    let Some((dimension, range)) = part.split_once(char::is_whitespace) else {
        return Err(format!(
            "lift \"{}\" needs a dimension id and two levels, {example}",
            snippet(part)
        ));
    };
    check_id(dimension).map_err(|message| format!("in lifts, {message}"))?;
    let Some((from, to)) = range.split_once('-') else {
        return Err(format!(
            "lift \"{}\" needs its levels as from-to, {example}",
            snippet(part)
        ));
    };
    let (Ok(from), Ok(to)) = (from.trim().parse::<u8>(), to.trim().parse::<u8>()) else {
        return Err(format!(
            "the levels in lift \"{}\" must be whole numbers, {example}",
            snippet(part)
        ));
    };
    if !LEVELS.contains(&from) || !LEVELS.contains(&to) {
        return Err(format!(
            "the levels in lift \"{}\" must be between {} and {}",
            snippet(part),
            LEVELS.start(),
            LEVELS.end()
        ));
    }
    if from >= to {
        return Err(format!(
            "lift \"{}\" does not go up: the level it reaches must be higher than the level it \
             starts from, {example}",
            snippet(part)
        ));
    }
    Ok(Lift {
        dimension: dimension.to_owned(),
        from,
        to,
    })
}

/// One item of a top-level list.
struct ListItem {
    /// Offset of the item.
    start: usize,
    /// Its plain text.
    text: String,
    /// Offset of a list nested inside it, if any.
    nested: Option<usize>,
}

fn list_items(block: &Block<'_>) -> Vec<ListItem> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut item_start = None;
    let mut nested = None;
    for (index, (event, range)) in block.events.iter().enumerate() {
        match event {
            Event::Start(tag) => {
                if depth == 1 && matches!(tag, Tag::Item) {
                    item_start = Some(index);
                    nested = None;
                }
                if depth >= 2 && matches!(tag, Tag::List(_)) && nested.is_none() {
                    nested = Some(range.start);
                }
                depth += 1;
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                if depth == 1 && matches!(end, TagEnd::Item) {
                    if let Some(start) = item_start.take() {
                        items.push(ListItem {
                            start: block.events[start].1.start,
                            text: plain_text(&block.events[start..=index]),
                            nested: nested.take(),
                        });
                    }
                }
            }
            _ => {}
        }
    }
    items
}

// ---------------------------------------------------------------------------------------
// Across files
// ---------------------------------------------------------------------------------------

/// A file that parsed on its own, waiting for the checks that span the library.
pub(super) struct InitiativeFile {
    pub(super) path: String,
    pub(super) parsed: ParsedFile,
}

/// The checks that span files, run once every initiative file has been parsed:
///
/// 1. an id used in an earlier file (by file name) is an error at the later heading;
/// 2. a lifted dimension that no loaded maturity model has is an error at `lifts:`;
/// 3. a prerequisite that no initiative has as its id is an error at `requires:`;
/// 4. a cycle of prerequisites is an error in every file it passes through, at the
///    `requires:` of that file's first initiative in it, naming the whole cycle.
///
/// A file with any of these errors is skipped. Its initiatives then do not exist, so an
/// initiative elsewhere that requires one of them is an error too (naming the file to fix
/// first), and so on until no file is left with a prerequisite that did not load. What is
/// left satisfies the guarantees of [`Initiative`]. `examples` names known dimension ids for
/// the messages; `some_files_failed` says that some initiative file did not parse (its ids
/// are then unknown, which the message on an unknown prerequisite mentions).
pub(super) fn check_library(
    files: Vec<InitiativeFile>,
    dimension_ids: &HashSet<&str>,
    examples: &str,
    some_files_failed: bool,
) -> (Vec<LoadedInitiative>, Vec<ContentError>) {
    let unknown_hint = if some_files_failed {
        " (if it is in a file with errors of its own, fix that file first)"
    } else {
        ""
    };
    let mut errors: Vec<ContentError> = Vec::new();
    let mut bad = vec![false; files.len()];
    let error = |file: usize, line: usize, message: String| ContentError {
        path: files[file].path.clone(),
        line,
        message,
    };

    // Every initiative in order (file by file, then by line), and the first one with each id.
    let nodes: Vec<(usize, &ParsedInitiative)> = files
        .iter()
        .enumerate()
        .flat_map(|(file, parsed)| parsed.parsed.initiatives.iter().map(move |p| (file, p)))
        .collect();
    let all_ids: HashSet<&str> = nodes
        .iter()
        .map(|(_, parsed)| parsed.initiative.id.as_str())
        .collect();
    let mut first: HashMap<&str, usize> = HashMap::new();
    for (node, (file, parsed)) in nodes.iter().enumerate() {
        let id = parsed.initiative.id.as_str();
        match first.get(id) {
            Some(&earlier) => {
                let (earlier_file, earlier_parsed) = nodes[earlier];
                errors.push(error(
                    *file,
                    parsed.line,
                    format!(
                        "duplicate id \"{id}\": {} line {} already has an initiative with this \
                         id; ids are unique across all initiative files, so give this one \
                         another id",
                        files[earlier_file].path, earlier_parsed.line
                    ),
                ));
                bad[*file] = true;
            }
            None => {
                first.insert(id, node);
            }
        }
        for lift in &parsed.initiative.lifts {
            if !dimension_ids.contains(lift.dimension.as_str()) {
                errors.push(error(
                    *file,
                    parsed.lifts_line,
                    format!(
                        "lifts names \"{}\", which is not a dimension of any maturity model \
                         under models/: use a dimension id such as {examples}",
                        lift.dimension
                    ),
                ));
                bad[*file] = true;
            }
        }
        for required in &parsed.initiative.requires {
            if !all_ids.contains(required.as_str()) {
                errors.push(error(
                    *file,
                    parsed.requires_line,
                    format!(
                        "requires \"{required}\", which is not the id of any initiative in \
                         initiatives/: use the {{#id}} of an initiative's heading, or remove \
                         it{unknown_hint}"
                    ),
                ));
                bad[*file] = true;
            }
        }
    }

    // Prerequisite edges between the first initiatives with each id.
    let edges: Vec<Vec<usize>> = nodes
        .iter()
        .enumerate()
        .map(|(node, (_, parsed))| {
            if first.get(parsed.initiative.id.as_str()) != Some(&node) {
                return Vec::new();
            }
            parsed
                .initiative
                .requires
                .iter()
                .filter_map(|id| first.get(id.as_str()).copied())
                .collect()
        })
        .collect();
    let ids: Vec<&str> = nodes
        .iter()
        .map(|(_, parsed)| parsed.initiative.id.as_str())
        .collect();
    let file_of: Vec<usize> = nodes.iter().map(|(file, _)| *file).collect();
    for (node, cycle) in cycles(&edges, &file_of) {
        let (file, parsed) = nodes[node];
        let path: Vec<&str> = cycle.iter().map(|&n| ids[n]).collect();
        let mut elsewhere: Vec<String> = Vec::new();
        for &member in &cycle[1..cycle.len() - 1] {
            let member_file = nodes[member].0;
            if member_file != file {
                elsewhere.push(format!(
                    "\"{}\" is in {}",
                    ids[member], files[member_file].path
                ));
            }
        }
        let elsewhere = if elsewhere.is_empty() {
            String::new()
        } else {
            format!(" ({})", elsewhere.join(", "))
        };
        errors.push(error(
            file,
            parsed.requires_line,
            format!(
                "the prerequisites form a cycle: {}{elsewhere}; none of them could ever be \
                 started, so remove one of these requires",
                path.join(" -> ")
            ),
        ));
        bad[file] = true;
    }

    // A prerequisite in a skipped file did not load: the initiative requiring it cannot
    // load either.
    loop {
        let mut newly_bad = Vec::new();
        for (file, parsed) in &nodes {
            if bad[*file] {
                continue;
            }
            for required in &parsed.initiative.requires {
                let Some(&node) = first.get(required.as_str()) else {
                    continue;
                };
                let (required_file, required_parsed) = nodes[node];
                if bad[required_file] {
                    errors.push(error(
                        *file,
                        parsed.requires_line,
                        format!(
                            "requires \"{required}\" ({} line {}), which is not loaded because \
                             that file has errors: fix that file first",
                            files[required_file].path, required_parsed.line
                        ),
                    ));
                    newly_bad.push(*file);
                }
            }
        }
        if newly_bad.is_empty() {
            break;
        }
        for file in newly_bad {
            bad[file] = true;
        }
    }

    errors.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    let mut loaded = Vec::new();
    for (file, initiative_file) in files.into_iter().enumerate() {
        if bad[file] {
            continue;
        }
        let locale = initiative_file.parsed.locale;
        for parsed in initiative_file.parsed.initiatives {
            loaded.push(LoadedInitiative {
                locale: locale.clone(),
                path: initiative_file.path.clone(),
                line: parsed.line,
                initiative: Arc::new(parsed.initiative),
            });
        }
    }
    (loaded, errors)
}

/// The cycles among the prerequisites, each as the node to report it at and the shortest
/// cycle through that node, `[node, ..., node]`. A cycle is reported once per file it
/// passes through: for each strongly connected component (the nodes that lie on cycles with
/// each other), at the first of its nodes in each file (`file_of` gives a node's file;
/// nodes are in file order, then by line).
fn cycles(edges: &[Vec<usize>], file_of: &[usize]) -> Vec<(usize, Vec<usize>)> {
    let reach: Vec<Vec<bool>> = (0..edges.len()).map(|n| reachable(edges, n)).collect();
    let mut reported = HashSet::new();
    let mut found = Vec::new();
    for node in 0..edges.len() {
        if !reach[node][node] {
            continue;
        }
        let component = (0..edges.len())
            .find(|&other| reach[node][other] && reach[other][node])
            .unwrap_or(node);
        if reported.insert((component, file_of[node])) {
            found.push((node, shortest_cycle(edges, node)));
        }
    }
    found
}

/// Which nodes can be reached from `start` in one step or more.
fn reachable(edges: &[Vec<usize>], start: usize) -> Vec<bool> {
    let mut seen = vec![false; edges.len()];
    let mut queue: VecDeque<usize> = edges[start].iter().copied().collect();
    while let Some(node) = queue.pop_front() {
        if !seen[node] {
            seen[node] = true;
            queue.extend(edges[node].iter().copied());
        }
    }
    seen
}

/// The shortest path from `start` back to itself, `[start, ..., start]`; `start` must lie
/// on a cycle.
fn shortest_cycle(edges: &[Vec<usize>], start: usize) -> Vec<usize> {
    let mut parent: Vec<Option<usize>> = vec![None; edges.len()];
    let mut queue = VecDeque::from([start]);
    while let Some(node) = queue.pop_front() {
        for &next in &edges[node] {
            if next == start {
                let mut path = vec![node];
                while let Some(&last) = path.last() {
                    match parent[last] {
                        Some(previous) if last != start => path.push(previous),
                        _ => break,
                    }
                }
                path.reverse();
                path.push(start);
                return path;
            }
            if parent[next].is_none() {
                parent[next] = Some(node);
                queue.push_back(next);
            }
        }
    }
    vec![start, start]
}
