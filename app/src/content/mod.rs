//! Loading the maturity models, leader rubrics and roadmap initiatives that live as
//! Markdown under `content/models/`, `content/rubrics/` and `content/initiatives/`.
//!
//! The format and every rule checked here are described in `content/README.md`. Content is
//! written by people, so a mistake is never a crash: each one becomes a [`ContentIssue`]
//! (or, with the file's path, a [`ContentError`]) that names the line and says what to fix,
//! and a file with mistakes is skipped while the rest still load.
//!
//! Server only (`ssr`): the browser receives parsed [`MaturityModel`]s and never carries the
//! Markdown parser.
//!
//! [`MaturityModel`]: crate::domain::model::MaturityModel

mod initiatives;
mod library;
mod parse;
mod translations;
pub mod user_markdown;

#[cfg(test)]
mod initiative_tests;
#[cfg(test)]
mod rubric_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod translation_tests;

pub use initiatives::parse_initiatives;
pub use library::{ContentLibrary, LoadedInitiative, LoadedModel, LoadedRubric};
pub use translations::ENGLISH;

use crate::domain::model::MaturityModel;
use crate::domain::rubric::Rubric;
use sha2::{Digest, Sha256};
use std::fmt;

/// One mistake in a model's source, found by [`parse_model`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentIssue {
    /// 1-based line of the offending heading, list, or front-matter line.
    pub line: usize,
    /// What is wrong and what to change, written for the author of the file.
    pub message: String,
}

impl fmt::Display for ContentIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// A [`ContentIssue`] (or a file that could not be read) together with the file it is in,
/// as reported at start-up and by `revalign check-content`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    /// The path as it was found under the content root, e.g. `content/models/x.md`.
    pub path: String,
    /// 1-based line; 0 when the problem concerns the whole file or folder (it could not be
    /// read), which is then displayed without a line number.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ContentError {
    /// `path:line: message`, the form editors and terminals turn into a link to the line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path, self.message)
        } else {
            write!(f, "{}:{}: {}", self.path, self.line, self.message)
        }
    }
}

impl std::error::Error for ContentError {}

/// Parses and validates one maturity model written in Markdown.
///
/// Returns every issue found in the file, sorted by line, so that an author can fix them
/// all in one go rather than one per run. Headings, paragraphs and lists are turned into
/// HTML on the way; raw HTML written in the Markdown is escaped (shown as text), never
/// passed through.
pub fn parse_model(source: &str) -> Result<MaturityModel, Vec<ContentIssue>> {
    parse::parse(source).map(|parsed| parsed.model)
}

/// Parses and validates one leader rubric written in Markdown: the same front matter,
/// headings, ids and checks as a model, with `#` competencies (definition, then an ordered
/// list of anchors) and `##` interview questions (a note, then a bullet list of follow-ups).
pub fn parse_rubric(source: &str) -> Result<Rubric, Vec<ContentIssue>> {
    parse::parse_rubric(source).map(|parsed| parsed.rubric)
}

/// The lower-case hex SHA-256 of the exact bytes of a model's source.
///
/// A campaign stores the source it was launched with under this hash, so editing a file
/// never changes a running or finished campaign.
pub fn content_hash(source: &str) -> String {
    let digest = Sha256::digest(source.as_bytes());
    let mut hex = String::with_capacity(digest.len() * 2);
    for byte in digest {
        hex.push(char::from(HEX_DIGITS[usize::from(byte >> 4)]));
        hex.push(char::from(HEX_DIGITS[usize::from(byte & 0x0f)]));
    }
    hex
}

const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";
