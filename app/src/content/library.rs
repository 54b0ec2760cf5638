//! The set of models found under the content root at start-up.

use super::{content_hash, parse, ContentError};
use crate::domain::model::MaturityModel;
use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A model that parsed without issues, with the exact text it came from.
#[derive(Debug, Clone)]
pub struct LoadedModel {
    /// Where it was read from, e.g. `content/models/revops-maturity.md`.
    pub path: String,
    /// [`content_hash`] of `source`: what a campaign launched with this model records.
    pub hash: String,
    /// The file's exact text, stored with each campaign so it can be re-parsed later.
    pub source: Arc<str>,
    pub model: Arc<MaturityModel>,
}

/// Every model under a content root, and every mistake that kept a file out.
#[derive(Debug, Clone, Default)]
pub struct ContentLibrary {
    /// In file-name order.
    pub models: Vec<LoadedModel>,
    /// In file-name order, then by line.
    pub errors: Vec<ContentError>,
}

impl ContentLibrary {
    /// Reads `<root>/models/*.md` (sorted by file name).
    ///
    /// A bad file becomes entries in `errors` and is skipped; the rest still load, so one
    /// typo never takes the whole questionnaire down. A missing `models` folder is an empty
    /// library, not an error. Two files with the same model id and locale would make
    /// "which one?" ambiguous: the second is reported and skipped.
    pub fn load(root: &Path) -> ContentLibrary {
        let mut library = ContentLibrary::default();
        let folder = root.join("models");
        let files = match model_files(&folder) {
            Ok(files) => files,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return library,
            Err(error) => {
                library.errors.push(ContentError {
                    path: folder.display().to_string(),
                    line: 0,
                    message: format!("cannot read the models folder: {error}"),
                });
                return library;
            }
        };

        // (id, locale) -> path of the file that claimed it first.
        let mut claimed: HashMap<(String, String), String> = HashMap::new();
        for file in files {
            let path = file.display().to_string();
            let source = match read_text(&file) {
                Ok(source) => source,
                Err((line, message)) => {
                    library.errors.push(ContentError {
                        path,
                        line,
                        message,
                    });
                    continue;
                }
            };
            let parsed = match parse::parse(&source) {
                Ok(parsed) => parsed,
                Err(issues) => {
                    library
                        .errors
                        .extend(issues.into_iter().map(|issue| ContentError {
                            path: path.clone(),
                            line: issue.line,
                            message: issue.message,
                        }));
                    continue;
                }
            };
            let key = (parsed.model.id.clone(), parsed.model.locale.clone());
            if let Some(first) = claimed.get(&key) {
                library.errors.push(ContentError {
                    path,
                    line: parsed.id_line,
                    message: format!(
                        "model \"{}\" (locale \"{}\") has the same id as {first}: give this \
                         model another id, or another locale if it is a translation",
                        key.0, key.1
                    ),
                });
                continue;
            }
            claimed.insert(key, path.clone());
            library.models.push(LoadedModel {
                path,
                hash: content_hash(&source),
                source: Arc::from(source),
                model: Arc::new(parsed.model),
            });
        }
        library
    }

    /// The model with this id: its English version if there is one, otherwise the first
    /// found (by file name).
    pub fn model(&self, id: &str) -> Option<&LoadedModel> {
        let mut with_id = self.models.iter().filter(|loaded| loaded.model.id == id);
        let first = with_id.next()?;
        if first.model.locale == "en" {
            return Some(first);
        }
        Some(
            with_id
                .find(|loaded| loaded.model.locale == "en")
                .unwrap_or(first),
        )
    }
}

/// The `*.md` files directly in `folder`, sorted by file name. Hidden files (editor
/// backups such as `.#x.md`) are not content.
fn model_files(folder: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        let is_markdown = path.extension().is_some_and(|ext| ext == "md");
        let is_hidden = path
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with('.'));
        if is_markdown && !is_hidden && path.is_file() {
            files.push(path);
        }
    }
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(files)
}

/// Reads a file as UTF-8, or says why not: (line, message).
fn read_text(path: &Path) -> Result<String, (usize, String)> {
    let bytes =
        std::fs::read(path).map_err(|error| (0, format!("cannot read the file: {error}")))?;
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&byte| byte == b'\n').count() + 1;
        (
            line,
            "the file is not valid UTF-8 from this line on: save it with UTF-8 encoding".into(),
        )
    })
}
