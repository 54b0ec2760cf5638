//! Markdown to [`MaturityModel`], checking every rule of `content/README.md` on the way.
//!
//! The front matter is read line by line here rather than by the Markdown parser, so that
//! each key keeps its own line number. The rest of the file goes through pulldown-cmark and
//! is walked one top-level block at a time: a heading opens a dimension (`#`) or a question
//! (`##`); the blocks that follow belong to the last heading. Nothing stops at the first
//! mistake: the walk carries on so that all issues are reported together.

use super::ContentIssue;
use crate::domain::model::{Dimension, MaturityModel, Question};
use crate::domain::rubric::{Competency, InterviewQuestion, Rubric};
use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::HashMap;
use std::ops::{Range, RangeInclusive};

/// The front-matter keys, all required, in the order the README lists them.
const FRONT_MATTER_KEYS: [&str; 5] = ["id", "title", "version", "locale", "levels"];

/// How many levels a scale may have.
const LEVEL_COUNT: RangeInclusive<usize> = 2..=10;

/// Link schemes allowed in rendered text. Anything else (`javascript:`, `data:`, ...) could
/// run script in a respondent's browser, so it is refused rather than rendered.
const SAFE_SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// Level names that the questionnaire offers on its own with every question.
const AUTOMATIC_ANSWERS: [&str; 7] = [
    "don't know",
    "dont know",
    "do not know",
    "unknown",
    "not applicable",
    "n/a",
    "na",
];

/// How many characters of the author's text to quote in a message.
const SNIPPET_CHARS: usize = 60;

/// What a content file describes. Both kinds share the front matter, the heading syntax,
/// ids, links and every check on them; they differ in what the lists mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// `# dimension`, `## question` with an ordered list of levels.
    Model,
    /// `# competency` with an ordered list of anchors, `## interview question` with a
    /// bullet list of follow-ups.
    Rubric,
}

impl Kind {
    /// What a `#` heading opens, in messages.
    fn section(self) -> &'static str {
        match self {
            Kind::Model => "dimension",
            Kind::Rubric => "competency",
        }
    }

    /// What a `##` heading opens, in messages.
    fn item(self) -> &'static str {
        match self {
            Kind::Model => "question",
            Kind::Rubric => "interview question",
        }
    }
}

/// A parsed model plus what the library needs to report on it.
pub(super) struct Parsed {
    pub(super) model: MaturityModel,
    /// The line of the front matter's `id:`, where a clash with another file is reported.
    pub(super) id_line: usize,
}

/// A parsed rubric plus what the library needs to report on it.
pub(super) struct ParsedRubric {
    pub(super) rubric: Rubric,
    pub(super) id_line: usize,
    /// Each competency's `addresses=` ids with the line of its heading, checked against the
    /// maturity models once every file is loaded.
    pub(super) addresses: Vec<(String, usize)>,
}

/// Parses a whole maturity-model file; see [`super::parse_model`].
pub(super) fn parse(source: &str) -> Result<Parsed, Vec<ContentIssue>> {
    let document = parse_document(source, Kind::Model)?;
    Ok(Parsed {
        model: MaturityModel {
            id: document.id,
            title: document.title,
            version: document.version,
            locale: document.locale,
            level_names: document.level_names,
            intro_html: document.intro_html,
            dimensions: document.dimensions,
        },
        id_line: document.id_line,
    })
}

/// Parses a whole rubric file; see [`super::parse_rubric`].
pub(super) fn parse_rubric(source: &str) -> Result<ParsedRubric, Vec<ContentIssue>> {
    let document = parse_document(source, Kind::Rubric)?;
    Ok(ParsedRubric {
        rubric: Rubric {
            id: document.id,
            title: document.title,
            version: document.version,
            locale: document.locale,
            level_names: document.level_names,
            intro_html: document.intro_html,
            competencies: document.competencies,
        },
        id_line: document.id_line,
        addresses: document.addresses,
    })
}

/// Everything either kind of file yields; the parts of the other kind stay empty.
struct Document {
    id: String,
    id_line: usize,
    title: String,
    version: String,
    locale: String,
    level_names: Vec<String>,
    intro_html: String,
    dimensions: Vec<Dimension>,
    competencies: Vec<Competency>,
    addresses: Vec<(String, usize)>,
}

fn parse_document(source: &str, kind: Kind) -> Result<Document, Vec<ContentIssue>> {
    let lines = LineIndex::new(source);
    let mut issues = Issues::default();
    let mut ids = IdRegistry::default();

    let Some((front, body_start)) = read_front_matter(source, &lines, &mut issues, &mut ids) else {
        return Err(issues.into_sorted());
    };

    let mut walker = Walker {
        kind,
        source,
        lines: &lines,
        issues: &mut issues,
        ids: &mut ids,
        level_names: front.levels.as_deref(),
        intro_html: String::new(),
        dimensions: Vec::new(),
        competencies: Vec::new(),
        addresses: Vec::new(),
        dimension: None,
        question: None,
        saw_dimension: false,
    };
    for block in blocks(source, body_start) {
        walker.block(&block);
    }
    let finished = walker.finish(lines.line(body_start));

    if !issues.is_empty() {
        return Err(issues.into_sorted());
    }
    match (
        front.id,
        front.title,
        front.version,
        front.locale,
        front.levels,
    ) {
        (Some(id), Some(title), Some(version), Some(locale), Some(level_names)) => Ok(Document {
            id,
            id_line: front.id_line,
            title,
            version,
            locale,
            level_names,
            intro_html: finished.intro_html,
            dimensions: finished.dimensions,
            competencies: finished.competencies,
            addresses: finished.addresses,
        }),
        // Every missing or invalid key has already produced an issue; this arm only keeps
        // the function total should that ever change.
        _ => Err(vec![ContentIssue {
            line: 1,
            message:
                "the front matter is incomplete: it needs id, title, version, locale and levels"
                    .into(),
        }]),
    }
}

// ---------------------------------------------------------------------------------------
// Lines and issues
// ---------------------------------------------------------------------------------------

/// Maps byte offsets to 1-based line numbers.
pub(super) struct LineIndex {
    /// Byte offset at which each line starts.
    starts: Vec<usize>,
    /// The number of the last line that has any text, so that an offset at the very end of
    /// the file still points into it.
    last: usize,
}

impl LineIndex {
    pub(super) fn new(source: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(source.match_indices('\n').map(|(at, _)| at + 1));
        let last = if source.ends_with('\n') {
            starts.len() - 1
        } else {
            starts.len()
        };
        LineIndex {
            starts,
            last: last.max(1),
        }
    }

    pub(super) fn line(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&start| start <= offset)
            .clamp(1, self.last)
    }
}

#[derive(Default)]
pub(super) struct Issues(Vec<ContentIssue>);

impl Issues {
    pub(super) fn push(&mut self, line: usize, message: impl Into<String>) {
        self.0.push(ContentIssue {
            line,
            message: message.into(),
        });
    }

    pub(super) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sorted by line; issues on the same line keep the order they were found in.
    pub(super) fn into_sorted(self) -> Vec<ContentIssue> {
        let mut issues = self.0;
        issues.sort_by_key(|issue| issue.line);
        issues
    }
}

/// Every id used in the file (the model's and each `{#...}`) with the line it first
/// appeared on: ids must be unique within the file, because answers are stored by them.
#[derive(Default)]
struct IdRegistry(HashMap<String, usize>);

impl IdRegistry {
    fn register(&mut self, id: &str, line: usize, issues: &mut Issues) {
        match self.0.get(id) {
            Some(&first) => issues.push(
                line,
                format!(
                    "duplicate id \"{id}\" (first used on line {first}): \
                     give each dimension and question its own id"
                ),
            ),
            None => {
                self.0.insert(id.to_owned(), line);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Front matter
// ---------------------------------------------------------------------------------------

#[derive(Default)]
struct FrontMatter {
    id: Option<String>,
    id_line: usize,
    title: Option<String>,
    version: Option<String>,
    locale: Option<String>,
    /// `None` when missing or invalid; the level-count checks are then skipped, since the
    /// scale they would compare against is unknown.
    levels: Option<Vec<String>>,
}

/// One line of the source: where it starts, its length including the line break, and its
/// text without the line break.
pub(super) fn source_lines(
    source: &str,
    from: usize,
) -> impl Iterator<Item = (usize, usize, &str)> {
    let rest = source.get(from..).unwrap_or("");
    let mut offset = from;
    rest.split_inclusive('\n').map(move |raw| {
        let start = offset;
        offset += raw.len();
        let text = raw.strip_suffix('\n').unwrap_or(raw);
        let text = text.strip_suffix('\r').unwrap_or(text);
        (start, raw.len(), text)
    })
}

/// Reads the `---` block at the top of the file. Returns the values found and the offset
/// at which the Markdown body starts, or `None` when the block is never closed: the rest of
/// the file cannot then be told apart from the front matter, and checking it would only
/// bury the one real mistake under false ones.
fn read_front_matter(
    source: &str,
    lines: &LineIndex,
    issues: &mut Issues,
    ids: &mut IdRegistry,
) -> Option<(FrontMatter, usize)> {
    // A byte-order mark, as some editors write, is not a reason to reject the file.
    let start = if source.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let mut rows = source_lines(source, start);
    if !matches!(rows.next(), Some((_, _, text)) if text.trim_end() == "---") {
        issues.push(
            1,
            "missing front matter: start the file with a line \"---\", then id, title, \
             version, locale and levels as \"key: value\" lines, then another \"---\"",
        );
        return Some((FrontMatter::default(), start));
    }

    let mut front = FrontMatter::default();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    // Where the front matter most likely should have ended, should it never be closed.
    let issues_before = issues.0.len();
    let mut first_stray_line = None;
    for (offset, len, text) in rows {
        let line = lines.line(offset);
        if text.trim_end() == "---" {
            for key in FRONT_MATTER_KEYS {
                if !seen.contains_key(key) {
                    issues.push(
                        line,
                        format!(
                            "missing front-matter key \"{key}\": add a line such as \
                             \"{key}: {}\" before the closing \"---\"",
                            example_value(key)
                        ),
                    );
                }
            }
            return Some((front, offset + len));
        }
        if text.trim().is_empty() {
            continue;
        }
        let Some((key, value)) = text.split_once(':') else {
            first_stray_line.get_or_insert(line);
            issues.push(
                line,
                format!(
                    "front-matter line \"{}\" is not \"key: value\": write one key, a colon \
                     and its value per line, e.g. \"title: RevOps maturity\"",
                    snippet(text.trim())
                ),
            );
            continue;
        };
        let key = key.trim();
        let value = unquote(value.trim());
        let Some(&key) = FRONT_MATTER_KEYS.iter().find(|&&known| known == key) else {
            first_stray_line.get_or_insert(line);
            issues.push(
                line,
                format!(
                    "unknown front-matter key \"{}\"; expected id, title, version, locale or levels",
                    snippet(key)
                ),
            );
            continue;
        };
        if let Some(first) = seen.insert(key, line) {
            issues.push(
                line,
                format!(
                    "front-matter key \"{key}\" is given twice (first on line {first}): keep one"
                ),
            );
            continue;
        }
        if value.is_empty() {
            issues.push(
                line,
                format!(
                    "front-matter key \"{key}\" has no value: write it after the colon, \
                     e.g. \"{key}: {}\"",
                    example_value(key)
                ),
            );
            continue;
        }
        match key {
            "id" => {
                front.id_line = line;
                match check_id(value) {
                    Ok(()) => {
                        ids.register(value, line, issues);
                        front.id = Some(value.to_owned());
                    }
                    Err(message) => issues.push(line, message),
                }
            }
            "title" => front.title = Some(value.to_owned()),
            "version" => front.version = Some(value.to_owned()),
            "locale" => {
                if is_language_tag(value) {
                    front.locale = Some(value.to_owned());
                } else {
                    issues.push(
                        line,
                        format!(
                            "locale \"{}\" is not a language tag: write one such as \"en\" or \"zh-CN\"",
                            snippet(value)
                        ),
                    );
                }
            }
            _ => front.levels = parse_levels(value, line, issues),
        }
    }
    // Without the closing line, each line after the front matter would be reported as a
    // bad key: keep only the one real mistake.
    issues.0.truncate(issues_before);
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

fn example_value(key: &str) -> &'static str {
    match key {
        "id" => "revops-maturity",
        "title" => "RevOps maturity",
        "version" => "1",
        "locale" => "en",
        _ => "Siloed | Coordinated | Aligned | Integrated | Unified",
    }
}

/// `"RevOps: maturity"` and `'...'` are accepted, as a YAML habit, and mean the text inside.
pub(super) fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|rest| rest.strip_suffix(quote))
        {
            return inner.trim();
        }
    }
    value
}

/// `Siloed | Coordinated | ...` into names, or `None` (with issues) when unusable.
fn parse_levels(value: &str, line: usize, issues: &mut Issues) -> Option<Vec<String>> {
    let names: Vec<String> = value
        .split('|')
        .map(|name| name.trim().to_owned())
        .collect();
    let mut usable = true;
    if !LEVEL_COUNT.contains(&names.len()) {
        issues.push(
            line,
            format!(
                "levels names {}; a scale needs {} to {} levels: separate their names with \"|\", \
                 e.g. \"levels: {}\"",
                count(names.len(), "level", "levels"),
                LEVEL_COUNT.start(),
                LEVEL_COUNT.end(),
                example_value("levels")
            ),
        );
        usable = false;
    }
    for (position, name) in names.iter().enumerate() {
        if name.is_empty() {
            issues.push(
                line,
                format!(
                    "level {} in levels has no name: remove the extra \"|\" or name the level",
                    position + 1
                ),
            );
            usable = false;
        } else if AUTOMATIC_ANSWERS.contains(&name.to_lowercase().as_str()) {
            issues.push(
                line,
                format!(
                    "level \"{}\" is offered automatically with every question: remove it from levels",
                    snippet(name)
                ),
            );
            usable = false;
        } else if names[..position].contains(name) {
            issues.push(
                line,
                format!(
                    "level name \"{}\" is used twice: give each level its own name",
                    snippet(name)
                ),
            );
            usable = false;
        }
    }
    usable.then_some(names)
}

/// Ids: lower-case ASCII letters, digits and `-`, starting with a letter.
pub(super) fn check_id(id: &str) -> Result<(), String> {
    let valid = id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if valid {
        Ok(())
    } else {
        Err(format!(
            "id \"{}\" may only use lower-case letters, digits and \"-\", and must start with \
             a letter, e.g. \"{}\"",
            snippet(id),
            slug(id)
        ))
    }
}

/// A BCP 47-like tag (`en`, `zh-CN`, `pt-BR`): it ends up in URLs and the `lang` attribute.
pub(super) fn is_language_tag(value: &str) -> bool {
    let mut parts = value.split('-');
    let language_ok = parts
        .next()
        .is_some_and(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    language_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

// ---------------------------------------------------------------------------------------
// Markdown body
// ---------------------------------------------------------------------------------------

/// One top-level Markdown block (a heading, a paragraph, a whole list, ...) with the byte
/// range of each of its events in the full source.
pub(super) struct Block<'a> {
    pub(super) events: Vec<(Event<'a>, Range<usize>)>,
}

impl<'a> Block<'a> {
    pub(super) fn first(&self) -> Option<&Event<'a>> {
        self.events.first().map(|(event, _)| event)
    }

    pub(super) fn start(&self) -> usize {
        self.events.first().map_or(0, |(_, range)| range.start)
    }
}

/// Splits the body (from `body_start` on) into top-level blocks.
pub(super) fn blocks(source: &str, body_start: usize) -> Vec<Block<'_>> {
    let body = source.get(body_start..).unwrap_or("");
    let mut blocks = Vec::new();
    let mut current = Vec::new();
    let mut depth = 0usize;
    for (event, range) in
        Parser::new_ext(body, Options::ENABLE_HEADING_ATTRIBUTES).into_offset_iter()
    {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        current.push((event, range.start + body_start..range.end + body_start));
        if depth == 0 {
            blocks.push(Block {
                events: std::mem::take(&mut current),
            });
        }
    }
    if !current.is_empty() {
        blocks.push(Block { events: current });
    }
    blocks
}

struct DimensionDraft {
    id: String,
    title: String,
    weight: f64,
    line: usize,
    description_html: String,
    questions: Vec<Question>,
    /// Rubric: the `addresses=` ids.
    addresses: Vec<String>,
    /// Rubric: the competency's anchors, one per level, and the line of their list.
    anchors: Option<Vec<String>>,
    anchor_line: usize,
    /// Rubric: the interview questions.
    interview_questions: Vec<InterviewQuestion>,
    /// Question headings seen under this dimension, valid or not, so that a dimension whose
    /// only question has a mistake is not also reported as having none.
    question_headings: usize,
}

struct QuestionDraft {
    id: String,
    /// How the question is named in messages: its id, or its text when it has no id.
    name: String,
    text: String,
    weight: f64,
    line: usize,
    help_html: String,
    levels: Option<Vec<String>>,
    /// Line of the list of levels (or of the bullet list written instead).
    list_line: usize,
    /// A bullet list stood where the levels should be and has been reported.
    bullet_list: bool,
    /// Rubric: the follow-up questions (a bullet list).
    follow_ups: Option<Vec<String>>,
    /// Written before any dimension: checked, reported, then dropped.
    orphan: bool,
}

impl QuestionDraft {
    fn has_list(&self) -> bool {
        self.levels.is_some() || self.bullet_list
    }
}

/// Walks the body's blocks in order, building the model and collecting issues.
struct Walker<'s, 'r> {
    kind: Kind,
    source: &'s str,
    lines: &'r LineIndex,
    issues: &'r mut Issues,
    ids: &'r mut IdRegistry,
    level_names: Option<&'r [String]>,
    intro_html: String,
    dimensions: Vec<Dimension>,
    competencies: Vec<Competency>,
    addresses: Vec<(String, usize)>,
    dimension: Option<DimensionDraft>,
    question: Option<QuestionDraft>,
    saw_dimension: bool,
}

impl Walker<'_, '_> {
    fn block(&mut self, block: &Block<'_>) {
        self.check_links(block);
        match block.first() {
            Some(Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            })) => self.heading(block, *level, id.as_ref(), classes, attrs),
            Some(Event::Start(Tag::List(Some(first_number)))) => {
                self.check_nested_headings(block);
                self.ordered_list(block, *first_number);
            }
            Some(Event::Start(Tag::List(None))) => {
                self.check_nested_headings(block);
                self.bullet_list(block);
            }
            _ => {
                self.check_nested_headings(block);
                self.content(block);
            }
        }
    }

    /// Closes the last question and dimension; returns what the body held.
    fn finish(mut self, body_line: usize) -> Finished {
        self.finish_question();
        self.finish_dimension();
        if !self.saw_dimension {
            let message = match self.kind {
                Kind::Model => {
                    "the model has no dimensions: add a \"# Dimension {#id}\" heading followed \
                     by at least one \"## Question {#id}\" with its list of levels"
                }
                Kind::Rubric => {
                    "the rubric has no competencies: add a \"# Competency {#id}\" heading with \
                     its definition, its ordered list of anchors and at least one \
                     \"## Interview question {#id}\""
                }
            };
            self.issues.push(body_line, message);
        }
        Finished {
            intro_html: self.intro_html,
            dimensions: self.dimensions,
            competencies: self.competencies,
            addresses: self.addresses,
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
            // "Some text" followed by a line of "---" or "===" is a heading in Markdown;
            // authors rarely mean that, and it has no id anyway.
            self.issues.push(
                line,
                format!(
                    "\"{}\" is followed by a line of \"---\" or \"===\", which makes it a \
                     heading: put a blank line before that line, or write headings as \
                     \"# Dimension {{#id}}\" and \"## Question {{#id}}\"",
                    snippet(&text)
                ),
            );
            return;
        }
        match level {
            HeadingLevel::H1 => {
                self.finish_question();
                self.finish_dimension();
                self.saw_dimension = true;
                let section = self.kind.section();
                let head = self.heading_parts(section, "#", &text, id, classes, attrs, line);
                if !head.addresses.is_empty() {
                    self.addresses
                        .extend(head.addresses.iter().map(|id| (id.clone(), line)));
                }
                self.dimension = Some(DimensionDraft {
                    id: head.id,
                    title: text,
                    weight: head.weight,
                    line,
                    description_html: String::new(),
                    questions: Vec::new(),
                    addresses: head.addresses,
                    anchors: None,
                    anchor_line: line,
                    interview_questions: Vec::new(),
                    question_headings: 0,
                });
            }
            HeadingLevel::H2 => {
                self.finish_question();
                let orphan = match &mut self.dimension {
                    Some(dimension) => {
                        dimension.question_headings += 1;
                        false
                    }
                    None => {
                        let (item, section) = (self.kind.item(), self.kind.section());
                        self.issues.push(
                            line,
                            format!(
                                "{item} \"## {}\" comes before any {section}: put a \
                                 \"# {} {{#id}}\" heading above it",
                                snippet(&text),
                                capitalised(section)
                            ),
                        );
                        true
                    }
                };
                let item = self.kind.item();
                let head = self.heading_parts(item, "##", &text, id, classes, attrs, line);
                self.question = Some(QuestionDraft {
                    id: head.id,
                    name: head.name,
                    text,
                    weight: head.weight,
                    line,
                    help_html: String::new(),
                    levels: None,
                    list_line: line,
                    bullet_list: false,
                    follow_ups: None,
                    orphan,
                });
            }
            deeper => {
                // The blocks after it stay with the current question or dimension, so
                // that this one mistake does not also show up as a missing list.
                let hashes = "#".repeat(heading_depth(deeper));
                let (section, item) = (self.kind.section(), self.kind.item());
                self.issues.push(
                    line,
                    format!(
                        "\"{hashes} ...\" headings are not allowed; use \"#\" for {} \
                         and \"##\" for {item}s",
                        plural(section)
                    ),
                );
            }
        }
    }

    /// Checks a heading's `{#id weight=... addresses=...}`: `weight` everywhere but on a
    /// rubric's interview questions, `addresses` only on a rubric's competencies.
    #[allow(clippy::too_many_arguments)]
    fn heading_parts(
        &mut self,
        kind: &str,
        hashes: &str,
        text: &str,
        id: Option<&CowStr<'_>>,
        classes: &[CowStr<'_>],
        attrs: &[(CowStr<'_>, Option<CowStr<'_>>)],
        line: usize,
    ) -> HeadingParts {
        if text.is_empty() {
            self.issues.push(
                line,
                format!("{kind} heading has no text: write the {kind} after \"{hashes}\""),
            );
        }
        let id = match id {
            Some(id) => {
                match check_id(id) {
                    Ok(()) => self.ids.register(id, line, self.issues),
                    Err(message) => self.issues.push(line, message),
                }
                id.to_string()
            }
            None => {
                let hint = if text.contains('{') {
                    " (the {...} must be the last thing on the line, start with \"{#\" and end with \"}\")"
                } else {
                    ""
                };
                self.issues.push(
                    line,
                    format!(
                        "{kind} heading \"{hashes} {}\" has no id: add one at the end of the \
                         line, e.g. \"{hashes} {} {{#{}}}\"{hint}",
                        snippet(text),
                        snippet(text),
                        slug(text)
                    ),
                );
                String::new()
            }
        };
        let name = if id.is_empty() {
            format!("\"{}\"", snippet(text))
        } else {
            format!("\"{}\"", snippet(&id))
        };
        let allowed: &[&str] = match (self.kind, hashes) {
            (Kind::Model, _) => &["weight"],
            (Kind::Rubric, "#") => &["weight", "addresses"],
            (Kind::Rubric, _) => &[],
        };
        let allowed_text = match allowed {
            [] => "only {#id} is allowed".to_owned(),
            [one] => format!("only {{#id}} and {one}= are allowed"),
            [first @ .., last] => {
                let first: Vec<String> = first.iter().map(|key| format!("{key}=")).collect();
                format!("only {{#id}}, {} and {last}= are allowed", first.join(", "))
            }
        };
        for class in classes {
            self.issues.push(
                line,
                format!(
                    "heading attribute \".{}\" is not used: {allowed_text}",
                    snippet(class)
                ),
            );
        }
        let mut weight = 1.0;
        let mut weight_seen = false;
        let mut addresses = Vec::new();
        let mut addresses_seen = false;
        for (key, value) in attrs {
            if !allowed.contains(&key.as_ref()) {
                self.issues.push(
                    line,
                    format!(
                        "unknown heading attribute \"{}\": {allowed_text}",
                        snippet(key)
                    ),
                );
                continue;
            }
            if key.as_ref() == "addresses" {
                if addresses_seen {
                    self.issues.push(line, "addresses is given twice: keep one");
                    continue;
                }
                addresses_seen = true;
                match value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
                    Some(list) => {
                        for id in list.split(',').map(str::trim) {
                            match check_id(id) {
                                Ok(()) if !addresses.iter().any(|a: &String| a == id) => {
                                    addresses.push(id.to_owned())
                                }
                                Ok(()) => {}
                                Err(message) => self.issues.push(line, message),
                            }
                        }
                    }
                    None => self.issues.push(
                        line,
                        "addresses needs dimension ids: write it as addresses=data,tech-stack \
                         (commas, no spaces)",
                    ),
                }
                continue;
            }
            if weight_seen {
                self.issues.push(line, "weight is given twice: keep one");
                continue;
            }
            weight_seen = true;
            match value {
                Some(value) => match parse_weight(value) {
                    Some(parsed) => weight = parsed,
                    None => self.issues.push(
                        line,
                        format!(
                            "weight \"{}\" must be a number greater than 0, e.g. weight=2",
                            snippet(value)
                        ),
                    ),
                },
                None => self.issues.push(
                    line,
                    "weight needs a value: write it as weight=2 (no spaces)",
                ),
            }
        }
        HeadingParts {
            id,
            name,
            weight,
            addresses,
        }
    }

    fn ordered_list(&mut self, block: &Block<'_>, first_number: u64) {
        if self.kind == Kind::Rubric {
            self.rubric_ordered_list(block, first_number);
            return;
        }
        let Some(mut question) = self.question.take() else {
            self.render_into_section(block);
            return;
        };
        let line = self.line(block.start());
        if question.has_list() {
            self.second_list(&question, line);
        } else {
            question.list_line = line;
            if first_number != 1 {
                self.issues.push(
                    line,
                    format!(
                        "the list of levels of question {} starts at {first_number}: number it \
                         from 1, so that item 1 is the lowest level",
                        question.name
                    ),
                );
            }
            let owner = format!("question {}", question.name);
            question.levels = Some(self.level_items(block, &owner, LEVEL_ITEMS));
        }
        self.question = Some(question);
    }

    /// In a rubric, a competency's ordered list is its anchors; an interview question has
    /// none (its follow-ups are bullets).
    fn rubric_ordered_list(&mut self, block: &Block<'_>, first_number: u64) {
        let line = self.line(block.start());
        if let Some(question) = &self.question {
            self.issues.push(
                line,
                format!(
                    "interview question {} has a numbered list: write its follow-up questions \
                     as a bullet list (\"- ...\"); the anchors belong under the competency, \
                     above its first question",
                    question.name
                ),
            );
            return;
        }
        let Some(mut competency) = self.dimension.take() else {
            self.intro_html.push_str(&render(block));
            return;
        };
        let name = section_name(&competency.id, &competency.title);
        if competency.anchors.is_some() {
            self.issues.push(
                line,
                format!(
                    "competency \"{name}\" has a second list of anchors (the first is on line \
                     {}): keep one ordered list with one item per level",
                    competency.anchor_line
                ),
            );
        } else {
            competency.anchor_line = line;
            if first_number != 1 {
                self.issues.push(
                    line,
                    format!(
                        "the anchors of competency \"{name}\" start at {first_number}: number \
                         them from 1, so that item 1 is the lowest level"
                    ),
                );
            }
            let owner = format!("competency \"{name}\"");
            competency.anchors = Some(self.level_items(block, &owner, LEVEL_ITEMS));
        }
        self.dimension = Some(competency);
    }

    fn bullet_list(&mut self, block: &Block<'_>) {
        if self.kind == Kind::Rubric {
            self.rubric_bullet_list(block);
            return;
        }
        let Some(mut question) = self.question.take() else {
            self.render_into_section(block);
            return;
        };
        let line = self.line(block.start());
        if question.has_list() {
            self.second_list(&question, line);
        } else {
            self.issues.push(
                line,
                format!(
                    "question {} lists its levels with bullets: number them instead \
                     (\"1. ...\", \"2. ...\"), one item per level, lowest first",
                    question.name
                ),
            );
            question.bullet_list = true;
            question.list_line = line;
        }
        self.question = Some(question);
    }

    /// In a rubric, an interview question's bullet list is its follow-ups; elsewhere a
    /// bullet list is part of the text it stands in.
    fn rubric_bullet_list(&mut self, block: &Block<'_>) {
        let Some(mut question) = self.question.take() else {
            self.rubric_text(block);
            return;
        };
        let line = self.line(block.start());
        if question.follow_ups.is_some() {
            self.issues.push(
                line,
                format!(
                    "interview question {} has a second list of follow-ups (the first is on \
                     line {}): keep one bullet list",
                    question.name, question.list_line
                ),
            );
        } else {
            question.list_line = line;
            let owner = format!("interview question {}", question.name);
            question.follow_ups = Some(self.level_items(block, &owner, FOLLOW_UP_ITEMS));
        }
        self.question = Some(question);
    }

    /// Text in a rubric: the intro, a competency's definition (before its anchors), or an
    /// interview question's note (before its follow-ups).
    fn rubric_text(&mut self, block: &Block<'_>) {
        let line = self.line(block.start());
        let is_rule = matches!(block.first(), Some(Event::Rule));
        if let Some(question) = &mut self.question {
            if question.follow_ups.is_none() {
                question.help_html.push_str(&render(block));
            } else if !is_rule {
                self.issues.push(
                    line,
                    format!(
                        "text after the follow-ups of interview question {}: move it above the \
                         list (it then becomes the note for the interviewer) or remove it",
                        question.name
                    ),
                );
            }
            return;
        }
        match &mut self.dimension {
            Some(competency) if competency.anchors.is_some() => {
                if !is_rule {
                    let name = section_name(&competency.id, &competency.title);
                    self.issues.push(
                        line,
                        format!(
                            "text after the anchors of competency \"{name}\": move it above \
                             the list (it then becomes part of the definition) or remove it"
                        ),
                    );
                }
            }
            Some(competency) => competency.description_html.push_str(&render(block)),
            None => self.intro_html.push_str(&render(block)),
        }
    }

    fn second_list(&mut self, question: &QuestionDraft, line: usize) {
        self.issues.push(
            line,
            format!(
                "question {} has a second list (the first is on line {}): keep one ordered \
                 list with one item per level",
                question.name, question.list_line
            ),
        );
    }

    /// The items of a list (a question's levels, a competency's anchors, a question's
    /// follow-ups), as plain text. `owner` names what the list belongs to in messages.
    fn level_items(&mut self, block: &Block<'_>, owner: &str, terms: ListTerms) -> Vec<String> {
        let mut items = Vec::new();
        let mut depth = 0usize;
        let mut item_start = None;
        let mut nested_reported = false;
        for (index, (event, range)) in block.events.iter().enumerate() {
            match event {
                Event::Start(tag) => {
                    if depth == 1 && matches!(tag, Tag::Item) {
                        item_start = Some(index);
                    }
                    if depth >= 2 && matches!(tag, Tag::List(_)) && !nested_reported {
                        nested_reported = true;
                        self.issues.push(
                            self.lines.line(range.start),
                            format!(
                                "{} {} of {owner} contains a nested list: write each {} as \
                                 one list item with no list inside it",
                                terms.item,
                                items.len() + 1,
                                terms.item
                            ),
                        );
                    }
                    depth += 1;
                }
                Event::End(end) => {
                    depth = depth.saturating_sub(1);
                    if depth == 1 && matches!(end, TagEnd::Item) {
                        if let Some(start) = item_start.take() {
                            let text = plain_text(&block.events[start..=index]);
                            if text.is_empty() {
                                self.issues.push(
                                    self.lines.line(block.events[start].1.start),
                                    format!(
                                        "{} {} of {owner} is empty: {}",
                                        terms.item,
                                        items.len() + 1,
                                        terms.when_empty
                                    ),
                                );
                            }
                            items.push(text);
                        }
                    }
                }
                _ => {}
            }
        }
        items
    }

    /// A paragraph (or quote, code, rule, ...): help text, a description, or the intro.
    fn content(&mut self, block: &Block<'_>) {
        if is_comment_block(block) {
            return;
        }
        if self.kind == Kind::Rubric {
            self.rubric_text(block);
            return;
        }
        let line = self.line(block.start());
        if let Some(question) = &mut self.question {
            if !question.has_list() {
                question.help_html.push_str(&render(block));
            } else if !matches!(block.first(), Some(Event::Rule)) {
                // A "---" rule between questions is a harmless visual separator; text
                // after the levels would silently vanish, so it is reported.
                self.issues.push(
                    line,
                    format!(
                        "text after the list of levels of question {}: move it above the list \
                         (it then becomes help text) or remove it",
                        question.name
                    ),
                );
            }
            return;
        }
        self.render_into_section(block);
    }

    /// Appends a block to the dimension description, or to the intro before any dimension.
    fn render_into_section(&mut self, block: &Block<'_>) {
        match &mut self.dimension {
            Some(dimension) => dimension.description_html.push_str(&render(block)),
            None => self.intro_html.push_str(&render(block)),
        }
    }

    fn finish_question(&mut self) {
        let Some(question) = self.question.take() else {
            return;
        };
        if self.kind == Kind::Rubric {
            if let (false, Some(competency)) = (question.orphan, &mut self.dimension) {
                competency.interview_questions.push(InterviewQuestion {
                    id: question.id,
                    text: question.text,
                    note_html: (!question.help_html.is_empty()).then_some(question.help_html),
                    follow_ups: question.follow_ups.unwrap_or_default(),
                });
            }
            return;
        }
        let Some(levels) = question.levels else {
            if !question.bullet_list {
                self.issues.push(
                    question.line,
                    format!(
                        "question {} has no list of levels: add an ordered list with one item \
                         per level, lowest first{}",
                        question.name,
                        self.level_names
                            .map(|names| format!(" ({}: {})", names.len(), span_of(names)))
                            .unwrap_or_default()
                    ),
                );
            }
            return;
        };
        if let Some(names) = self.level_names {
            if levels.len() != names.len() {
                self.issues.push(
                    question.list_line,
                    format!(
                        "question {} has {}; the front matter names {} ({}): write one list \
                         item per level",
                        question.name,
                        count(levels.len(), "level", "levels"),
                        names.len(),
                        span_of(names)
                    ),
                );
            }
        }
        if question.orphan {
            return;
        }
        if let Some(dimension) = &mut self.dimension {
            dimension.questions.push(Question {
                id: question.id,
                text: question.text,
                help_html: (!question.help_html.is_empty()).then_some(question.help_html),
                weight: question.weight,
                levels,
            });
        }
    }

    fn finish_dimension(&mut self) {
        let Some(dimension) = self.dimension.take() else {
            return;
        };
        if self.kind == Kind::Rubric {
            self.finish_competency(dimension);
            return;
        }
        if dimension.question_headings == 0 {
            let name = if dimension.id.is_empty() {
                snippet(&dimension.title)
            } else {
                dimension.id.clone()
            };
            self.issues.push(
                dimension.line,
                format!(
                    "dimension \"{name}\" has no questions: add at least one \
                     \"## Question {{#id}}\" heading with its list of levels"
                ),
            );
        }
        self.dimensions.push(Dimension {
            id: dimension.id,
            title: dimension.title,
            description_html: dimension.description_html,
            weight: dimension.weight,
            questions: dimension.questions,
        });
    }

    fn finish_competency(&mut self, competency: DimensionDraft) {
        let name = section_name(&competency.id, &competency.title);
        let scale = self
            .level_names
            .map(|names| format!(" ({}: {})", names.len(), span_of(names)))
            .unwrap_or_default();
        match &competency.anchors {
            None => self.issues.push(
                competency.line,
                format!(
                    "competency \"{name}\" has no anchors: after its definition, add an ordered \
                     list with one observable behaviour per level, lowest first{scale}"
                ),
            ),
            Some(anchors) => {
                if let Some(names) = self.level_names {
                    if anchors.len() != names.len() {
                        self.issues.push(
                            competency.anchor_line,
                            format!(
                                "competency \"{name}\" has {}; the front matter names {} ({}): \
                                 write one list item per level",
                                count(anchors.len(), "anchor", "anchors"),
                                names.len(),
                                span_of(names)
                            ),
                        );
                    }
                }
            }
        }
        if competency.question_headings == 0 {
            self.issues.push(
                competency.line,
                format!(
                    "competency \"{name}\" has no interview questions: add at least one \
                     \"## Question {{#id}}\" heading after its anchors"
                ),
            );
        }
        self.competencies.push(Competency {
            id: competency.id,
            title: competency.title,
            definition_html: competency.description_html,
            weight: competency.weight,
            addresses: competency.addresses,
            anchors: competency.anchors.unwrap_or_default(),
            questions: competency.interview_questions,
        });
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

    /// A heading inside a list or quote would not open a dimension or question, which is
    /// never what the author meant.
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

struct HeadingParts {
    /// Empty when the heading has no id (already reported).
    id: String,
    /// How messages name it.
    name: String,
    weight: f64,
    /// Rubric competencies: the maturity dimensions they help lift.
    addresses: Vec<String>,
}

/// What the walk over a file's body produced.
struct Finished {
    intro_html: String,
    dimensions: Vec<Dimension>,
    competencies: Vec<Competency>,
    addresses: Vec<(String, usize)>,
}

/// How a list's items are named in messages.
#[derive(Clone, Copy)]
struct ListTerms {
    item: &'static str,
    when_empty: &'static str,
}

const LEVEL_ITEMS: ListTerms = ListTerms {
    item: "level",
    when_empty: "describe what that level looks like",
};

const FOLLOW_UP_ITEMS: ListTerms = ListTerms {
    item: "follow-up",
    when_empty: "write the follow-up question or remove the item",
};

/// How messages name a dimension or competency: its id, or its title when it has none.
fn section_name(id: &str, title: &str) -> String {
    if id.is_empty() {
        snippet(title)
    } else {
        id.to_owned()
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn plural(word: &str) -> String {
    match word.strip_suffix('y') {
        Some(stem) => format!("{stem}ies"),
        None => format!("{word}s"),
    }
}

pub(super) fn heading_depth(level: HeadingLevel) -> usize {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// Whether a heading's source starts with `#` marks (rather than being underlined).
pub(super) fn is_atx_heading(text: &str) -> bool {
    let rest = text.trim_start_matches([' ', '\t']);
    let marks = rest.len() - rest.trim_start_matches('#').len();
    (1..=6).contains(&marks)
        && matches!(
            rest[marks..].chars().next(),
            None | Some(' ' | '\t' | '\r' | '\n')
        )
}

fn parse_weight(value: &str) -> Option<f64> {
    value
        .parse::<f64>()
        .ok()
        .filter(|weight| weight.is_finite() && *weight > 0.0)
}

/// Only the schemes in [`SAFE_SCHEMES`], or no scheme at all (a relative link or anchor).
pub(super) fn is_safe_url(url: &str) -> bool {
    // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let Some((scheme, _)) = cleaned.split_once(':') else {
        return true;
    };
    let is_scheme = !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    // "page/with:colon" or "?q=a:b" have no scheme: the colon comes after the path starts.
    !is_scheme || SAFE_SCHEMES.contains(&scheme)
}

fn is_comment(html: &str) -> bool {
    let html = html.trim();
    html.starts_with("<!--") && html.ends_with("-->")
}

/// An HTML block that is only a comment: an author's note, dropped rather than shown.
pub(super) fn is_comment_block(block: &Block<'_>) -> bool {
    if !matches!(block.first(), Some(Event::Start(Tag::HtmlBlock))) {
        return false;
    }
    let raw: String = block
        .events
        .iter()
        .filter_map(|(event, _)| match event {
            Event::Html(text) => Some(text.as_ref()),
            _ => None,
        })
        .collect();
    is_comment(&raw)
}

/// Renders a block to HTML with any raw HTML in it turned into visible, escaped text: the
/// content is written by people, and a stray `<script>` must not reach a browser.
pub(super) fn render(block: &Block<'_>) -> String {
    let safe = block.events.iter().filter_map(|(event, _)| match event {
        Event::Start(Tag::HtmlBlock) => Some(Event::Start(Tag::Paragraph)),
        Event::End(TagEnd::HtmlBlock) => Some(Event::End(TagEnd::Paragraph)),
        Event::Html(raw) => Some(Event::Text(raw.clone())),
        Event::InlineHtml(raw) if is_comment(raw) => None,
        Event::InlineHtml(raw) => Some(Event::Text(raw.clone())),
        other => Some(other.clone()),
    });
    let mut out = String::new();
    html::push_html(&mut out, safe);
    out
}

/// The text of some events without any markup, whitespace runs collapsed to one space.
pub(super) fn plain_text(events: &[(Event<'_>, Range<usize>)]) -> String {
    let mut out = String::new();
    for (event, _) in events {
        match event {
            Event::Text(text)
            | Event::Code(text)
            | Event::InlineMath(text)
            | Event::DisplayMath(text)
            | Event::Html(text) => out.push_str(text),
            Event::InlineHtml(text) if !is_comment(text) => out.push_str(text),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            // Keep the words of consecutive blocks (paragraphs in a loose list item) apart.
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::HtmlBlock
                | TagEnd::List(_)
                | TagEnd::Item
                | TagEnd::TableCell,
            ) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Quotes at most [`SNIPPET_CHARS`] characters of the author's text in a message.
pub(super) fn snippet(text: &str) -> String {
    let mut chars = text
        .chars()
        .map(|c| if c.is_control() { '\u{fffd}' } else { c });
    let mut out: String = chars.by_ref().take(SNIPPET_CHARS).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

/// An id suggestion made from a title: "Data & CRM" becomes "data-crm".
pub(super) fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.starts_with(|c: char| c.is_ascii_lowercase()) {
        slug.to_owned()
    } else if slug.is_empty() {
        "some-id".to_owned()
    } else {
        format!("id-{slug}")
    }
}

/// `"Siloed ... Unified"`: the ends of the scale, enough to recognise it.
fn span_of(names: &[String]) -> String {
    match (names.first(), names.last()) {
        (Some(first), Some(last)) => format!("{} ... {}", snippet(first), snippet(last)),
        _ => String::new(),
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
