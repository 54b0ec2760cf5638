//! The models, rubrics and initiatives found under the content root at start-up.

use super::translations::{self, ENGLISH};
use super::{content_hash, initiatives, parse, ContentError, ContentIssue};
use crate::domain::initiative::Initiative;
use crate::domain::model::MaturityModel;
use crate::domain::rubric::Rubric;
use std::collections::{HashMap, HashSet};
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

/// A leader rubric that parsed without issues, with the exact text it came from.
#[derive(Debug, Clone)]
pub struct LoadedRubric {
    /// Where it was read from, e.g. `content/rubrics/revops-leader.md`.
    pub path: String,
    /// [`content_hash`] of `source`: what a role opened from this rubric records.
    pub hash: String,
    /// The file's exact text, stored with each role so it can be re-parsed later.
    pub source: Arc<str>,
    pub rubric: Arc<Rubric>,
}

/// One initiative of the library, from a file that passed every check (its own and those
/// across files, see `content/README.md`).
#[derive(Debug, Clone)]
pub struct LoadedInitiative {
    /// The file it was read from, e.g. `content/initiatives/planning.md`.
    pub path: String,
    /// The line of its heading.
    pub line: usize,
    /// The front matter's `locale` of its file: `en`, `zh-CN`.
    pub locale: String,
    pub initiative: Arc<Initiative>,
}

/// Every model, rubric and initiative under a content root, and every mistake that kept a
/// file out.
///
/// `models`, `rubrics` and `initiatives` hold the English (`locale: en`) versions only, each
/// id once: everything that lists content (launching a campaign, the API, the roadmap
/// planner) sees one version per id. Translations into other locales, checked to have the
/// same structure as their English version, are in the `translated_*` lists and are reached
/// with [`ContentLibrary::model_in`], [`ContentLibrary::rubric_in`] and
/// [`ContentLibrary::initiative_in`].
#[derive(Debug, Clone, Default)]
pub struct ContentLibrary {
    /// English models, in file-name order.
    pub models: Vec<LoadedModel>,
    /// English rubrics, in file-name order.
    pub rubrics: Vec<LoadedRubric>,
    /// English initiatives, in file-name order, then in the order of each file. Ids are
    /// unique, every prerequisite is among them, and the prerequisites have no cycle.
    pub initiatives: Vec<LoadedInitiative>,
    /// Models in other locales, each with the same structure as the English model with its
    /// id; in file-name order.
    pub translated_models: Vec<LoadedModel>,
    /// Rubrics in other locales, each with the same structure as its English rubric.
    pub translated_rubrics: Vec<LoadedRubric>,
    /// Initiatives in other locales, each with the same id and metadata as an English one;
    /// in file-name order, then in the order of each file; an id at most once per locale.
    pub translated_initiatives: Vec<LoadedInitiative>,
    /// Models first, then rubrics, then initiatives; each in file-name order, then by line.
    pub errors: Vec<ContentError>,
}

/// A file that parsed, before it is wrapped as a model or a rubric.
struct ParsedFile<T> {
    path: String,
    source: String,
    locale: String,
    id: String,
    id_line: usize,
    document: T,
}

impl ContentLibrary {
    /// Reads `<root>/models/*.md`, `<root>/rubrics/*.md` and `<root>/initiatives/*.md`
    /// (each sorted by file name).
    ///
    /// A bad file becomes entries in `errors` and is skipped; the rest still load, so one
    /// typo never takes the whole questionnaire down. A missing folder is an empty list,
    /// not an error. Two files of one kind with the same id and locale would make "which
    /// one?" ambiguous: the second is reported and skipped. A rubric competency that
    /// `addresses` a dimension no loaded model has is an error in the rubric.
    ///
    /// Initiatives are checked across files once every initiative file has been parsed: an
    /// id already used in an earlier file, a lifted dimension no loaded model has, an
    /// unknown prerequisite or a cycle of prerequisites is an error in the file of the
    /// initiative concerned, and that file is skipped; an initiative that requires one in a
    /// skipped file is then an error too, in its own file. These checks run on the English
    /// initiatives (`locale: en`); ids may repeat in other locales.
    ///
    /// Files in another locale are translations: each is compared with its English version
    /// (a model or rubric with the same id; for initiatives, the English file it is named
    /// after, `x.zh-CN.md` for `x.md`) and loaded into the `translated_*` lists only if its
    /// structure is the same; each difference, and a translation with no English version,
    /// is an error at the translated file's line (see `content/README.md`).
    pub fn load(root: &Path) -> ContentLibrary {
        let mut library = ContentLibrary::default();
        let mut model_errors = Vec::new();
        let models = load_folder(&root.join("models"), "model", &mut model_errors, |source| {
            parse::parse(source).map(|parsed| {
                let key = (parsed.model.id.clone(), parsed.model.locale.clone());
                (parsed.model, key, parsed.id_line)
            })
        });
        let (english, translated): (Vec<_>, Vec<_>) =
            models.into_iter().partition(|file| file.locale == ENGLISH);
        library.models = english
            .into_iter()
            .map(|file| LoadedModel {
                hash: content_hash(&file.source),
                path: file.path,
                source: Arc::from(file.source),
                model: Arc::new(file.document),
            })
            .collect();
        for file in translated {
            let Some(english) = library.models.iter().find(|m| m.model.id == file.id) else {
                model_errors.push(no_english_version("model", "models", &file));
                continue;
            };
            let issues = translations::model_mismatches(
                &file.document,
                &file.source,
                &english.model,
                &english.source,
                &english.path,
            );
            if !issues.is_empty() {
                model_errors.extend(with_path(&file.path, issues));
                continue;
            }
            library.translated_models.push(LoadedModel {
                hash: content_hash(&file.source),
                path: file.path,
                source: Arc::from(file.source),
                model: Arc::new(file.document),
            });
        }
        sort_errors(&mut model_errors);
        library.errors.extend(model_errors);

        let dimension_ids: HashSet<&str> = library
            .models
            .iter()
            .flat_map(|loaded| loaded.model.dimensions.iter().map(|d| d.id.as_str()))
            .collect();
        let mut rubric_errors = Vec::new();
        let rubrics = load_folder(
            &root.join("rubrics"),
            "rubric",
            &mut rubric_errors,
            |source| {
                parse::parse_rubric(source).map(|parsed| {
                    let key = (parsed.rubric.id.clone(), parsed.rubric.locale.clone());
                    ((parsed.rubric, parsed.addresses), key, parsed.id_line)
                })
            },
        );
        let mut translated_rubrics = Vec::new();
        for file in rubrics {
            let (rubric, addresses) = file.document;
            let unknown: Vec<ContentError> = addresses
                .iter()
                .filter(|(id, _)| !dimension_ids.contains(id.as_str()))
                .map(|(id, line)| ContentError {
                    path: file.path.clone(),
                    line: *line,
                    message: format!(
                        "addresses names \"{id}\", which is not a dimension of any maturity \
                         model under models/: use a dimension id such as {}",
                        example_dimensions(&dimension_ids)
                    ),
                })
                .collect();
            if !unknown.is_empty() {
                rubric_errors.extend(unknown);
                continue;
            }
            let loaded = LoadedRubric {
                hash: content_hash(&file.source),
                path: file.path,
                source: Arc::from(file.source),
                rubric: Arc::new(rubric),
            };
            if file.locale == ENGLISH {
                library.rubrics.push(loaded);
            } else {
                translated_rubrics.push((loaded, file.id_line));
            }
        }
        for (loaded, id_line) in translated_rubrics {
            let Some(english) = library
                .rubrics
                .iter()
                .find(|r| r.rubric.id == loaded.rubric.id)
            else {
                rubric_errors.push(ContentError {
                    path: loaded.path.clone(),
                    line: id_line,
                    message: no_english_message(
                        "rubric",
                        "rubrics",
                        &loaded.rubric.id,
                        &loaded.rubric.locale,
                    ),
                });
                continue;
            };
            let issues = translations::rubric_mismatches(
                &loaded.rubric,
                &loaded.source,
                &english.rubric,
                &english.source,
                &english.path,
            );
            if issues.is_empty() {
                library.translated_rubrics.push(loaded);
            } else {
                rubric_errors.extend(with_path(&loaded.path, issues));
            }
        }
        sort_errors(&mut rubric_errors);
        library.errors.extend(rubric_errors);

        let mut initiative_errors = Vec::new();
        let mut files = Vec::new();
        let mut translated_files = Vec::new();
        let mut some_files_failed = false;
        for (path, source) in read_folder(
            &root.join("initiatives"),
            "initiative",
            &mut initiative_errors,
        ) {
            let source = match source {
                Ok(source) => source,
                Err((line, message)) => {
                    some_files_failed = true;
                    initiative_errors.push(ContentError {
                        path,
                        line,
                        message,
                    });
                    continue;
                }
            };
            match initiatives::parse_file(&source) {
                Ok(parsed) if parsed.locale == ENGLISH => {
                    files.push(initiatives::InitiativeFile { path, parsed });
                }
                Ok(parsed) => translated_files.push(initiatives::InitiativeFile { path, parsed }),
                Err(issues) => {
                    some_files_failed = true;
                    initiative_errors.extend(issues.into_iter().map(|issue| ContentError {
                        path: path.clone(),
                        line: issue.line,
                        message: issue.message,
                    }));
                }
            }
        }
        let (loaded, cross_file_errors) = initiatives::check_library(
            files,
            &dimension_ids,
            &example_dimensions(&dimension_ids),
            some_files_failed,
        );
        library.initiatives = loaded;
        initiative_errors.extend(cross_file_errors);
        let (translated, translation_errors) =
            translations::check_initiative_translations(&library.initiatives, translated_files);
        library.translated_initiatives = translated;
        initiative_errors.extend(translation_errors);
        sort_errors(&mut initiative_errors);
        library.errors.extend(initiative_errors);
        library
    }

    /// The English model with this id.
    pub fn model(&self, id: &str) -> Option<&LoadedModel> {
        self.models.iter().find(|m| m.model.id == id)
    }

    /// The English rubric with this id.
    pub fn rubric(&self, id: &str) -> Option<&LoadedRubric> {
        self.rubrics.iter().find(|r| r.rubric.id == id)
    }

    /// The English initiative with this id.
    pub fn initiative(&self, id: &str) -> Option<&LoadedInitiative> {
        self.initiatives
            .iter()
            .find(|loaded| loaded.initiative.id == id)
    }

    /// The model with this id in this locale (`en`, `zh-CN`), if it is there.
    pub fn model_in(&self, id: &str, locale: &str) -> Option<&LoadedModel> {
        self.models
            .iter()
            .chain(&self.translated_models)
            .find(|m| m.model.id == id && m.model.locale == locale)
    }

    /// The rubric with this id in this locale, if it is there.
    pub fn rubric_in(&self, id: &str, locale: &str) -> Option<&LoadedRubric> {
        self.rubrics
            .iter()
            .chain(&self.translated_rubrics)
            .find(|r| r.rubric.id == id && r.rubric.locale == locale)
    }

    /// The initiative with this id in this locale, if it is there.
    pub fn initiative_in(&self, id: &str, locale: &str) -> Option<&LoadedInitiative> {
        self.initiatives
            .iter()
            .chain(&self.translated_initiatives)
            .find(|loaded| loaded.initiative.id == id && loaded.locale == locale)
    }

    /// Every locale some loaded content is in: `en` first (when anything loaded), then the
    /// others sorted.
    pub fn locales(&self) -> Vec<&str> {
        let mut others: Vec<&str> = self
            .translated_models
            .iter()
            .map(|m| m.model.locale.as_str())
            .chain(
                self.translated_rubrics
                    .iter()
                    .map(|r| r.rubric.locale.as_str()),
            )
            .chain(
                self.translated_initiatives
                    .iter()
                    .map(|i| i.locale.as_str()),
            )
            .collect();
        others.sort_unstable();
        others.dedup();
        let any_english =
            !(self.models.is_empty() && self.rubrics.is_empty() && self.initiatives.is_empty());
        let mut locales = Vec::with_capacity(others.len() + 1);
        if any_english || !others.is_empty() {
            locales.push(ENGLISH);
        }
        locales.extend(others);
        locales
    }
}

/// Sorts errors by file, then line (file-name order, as the files were read).
fn sort_errors(errors: &mut [ContentError]) {
    errors.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
}

fn with_path(path: &str, issues: Vec<ContentIssue>) -> impl Iterator<Item = ContentError> + '_ {
    issues.into_iter().map(move |issue| ContentError {
        path: path.to_owned(),
        line: issue.line,
        message: issue.message,
    })
}

fn no_english_message(kind: &str, folder: &str, id: &str, locale: &str) -> String {
    format!(
        "{kind} \"{id}\" (locale \"{locale}\") has no English version: a translation needs a \
         {kind} with the same id and locale: {ENGLISH} under {folder}/ (check the id, or fix \
         or add the English {kind} first)"
    )
}

fn no_english_version<T>(kind: &str, folder: &str, file: &ParsedFile<T>) -> ContentError {
    ContentError {
        path: file.path.clone(),
        line: file.id_line,
        message: no_english_message(kind, folder, &file.id, &file.locale),
    }
}

/// Up to three known dimension ids, quoted, for a message.
fn example_dimensions(ids: &HashSet<&str>) -> String {
    let mut ids: Vec<&str> = ids.iter().copied().collect();
    ids.sort_unstable();
    if ids.is_empty() {
        return "those of a model (no model loaded)".to_owned();
    }
    ids.iter()
        .take(3)
        .map(|id| format!("\"{id}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads and parses every `*.md` in `folder` with `parse`, which returns the document, its
/// (id, locale) and the line of its id. Mistakes go to `errors`; a missing folder is empty.
fn load_folder<T>(
    folder: &Path,
    kind: &str,
    errors: &mut Vec<ContentError>,
    parse: impl Fn(&str) -> Result<(T, (String, String), usize), Vec<ContentIssue>>,
) -> Vec<ParsedFile<T>> {
    let mut loaded = Vec::new();
    // (id, locale) -> path of the file that claimed it first.
    let mut claimed: HashMap<(String, String), String> = HashMap::new();
    for (path, source) in read_folder(folder, kind, errors) {
        let source = match source {
            Ok(source) => source,
            Err((line, message)) => {
                errors.push(ContentError {
                    path,
                    line,
                    message,
                });
                continue;
            }
        };
        let (document, key, id_line) = match parse(&source) {
            Ok(parsed) => parsed,
            Err(issues) => {
                errors.extend(issues.into_iter().map(|issue| ContentError {
                    path: path.clone(),
                    line: issue.line,
                    message: issue.message,
                }));
                continue;
            }
        };
        if let Some(first) = claimed.get(&key) {
            errors.push(ContentError {
                path,
                line: id_line,
                message: format!(
                    "{kind} \"{}\" (locale \"{}\") has the same id as {first}: give this \
                     {kind} another id, or another locale if it is a translation",
                    key.0, key.1
                ),
            });
            continue;
        }
        claimed.insert(key.clone(), path.clone());
        let (id, locale) = key;
        loaded.push(ParsedFile {
            path,
            source,
            locale,
            id,
            id_line,
            document,
        });
    }
    loaded
}

/// Every `*.md` in `folder` (sorted by file name): its path and its text, or why it cannot
/// be read as (line, message). A folder that cannot be read goes to `errors`; a missing
/// folder is empty.
type FolderFiles = Vec<(String, Result<String, (usize, String)>)>;

fn read_folder(folder: &Path, kind: &str, errors: &mut Vec<ContentError>) -> FolderFiles {
    let files = match markdown_files(folder) {
        Ok(files) => files,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Vec::new(),
        Err(error) => {
            errors.push(ContentError {
                path: folder.display().to_string(),
                line: 0,
                message: format!("cannot read the {kind}s folder: {error}"),
            });
            return Vec::new();
        }
    };
    files
        .into_iter()
        .map(|file| (file.display().to_string(), read_text(&file)))
        .collect()
}

/// The `*.md` files directly in `folder`, sorted by file name. Hidden files (editor
/// backups such as `.#x.md`) are not content.
fn markdown_files(folder: &Path) -> io::Result<Vec<PathBuf>> {
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
