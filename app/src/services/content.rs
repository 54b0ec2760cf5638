//! The content the server runs with: the models loaded from `content/` at start, and every
//! model version campaigns were launched with (read back from the database and parsed once).

use crate::content::{parse_model, parse_rubric, ContentLibrary, LoadedModel, LoadedRubric};
use crate::db::{campaigns, hiring, Db};
use crate::domain::model::MaturityModel;
use crate::domain::rubric::Rubric;
use crate::error::{AppError, AppResult};
use crate::i18n::Locale;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Loaded content plus a cache of parsed model versions by content hash.
#[derive(Clone, Debug)]
pub struct ContentStore {
    library: Arc<ContentLibrary>,
    versions: Arc<Mutex<HashMap<String, Arc<MaturityModel>>>>,
    rubric_versions: Arc<Mutex<HashMap<String, Arc<Rubric>>>>,
}

impl ContentStore {
    pub fn new(library: ContentLibrary) -> Self {
        let versions = library
            .models
            .iter()
            .map(|m| (m.hash.clone(), m.model.clone()))
            .collect();
        let rubric_versions = library
            .rubrics
            .iter()
            .map(|r| (r.hash.clone(), r.rubric.clone()))
            .collect();
        ContentStore {
            library: Arc::new(library),
            versions: Arc::new(Mutex::new(versions)),
            rubric_versions: Arc::new(Mutex::new(rubric_versions)),
        }
    }

    pub fn library(&self) -> &ContentLibrary {
        &self.library
    }

    /// The current version of a model, as loaded at start.
    pub fn current_model(&self, id: &str) -> Option<&LoadedModel> {
        self.library.model(id)
    }

    /// The model version with this content hash: from memory, else from the database.
    pub async fn version(&self, db: &Db, hash: &str) -> AppResult<Arc<MaturityModel>> {
        if let Some(model) = self.cached(hash) {
            return Ok(model);
        }
        let source = campaigns::model_source(db.pool(), hash)
            .await?
            .ok_or_else(|| {
                tracing::error!(hash, "model version missing from the database");
                AppError::Internal
            })?;
        let model = parse_model(&source).map_err(|issues| {
            // Stored versions were valid when stored; this only happens if the parser got
            // stricter since. The campaign cannot be shown until that is resolved.
            tracing::error!(hash, ?issues, "a stored model version no longer parses");
            AppError::Internal
        })?;
        let model = Arc::new(model);
        if let Ok(mut versions) = self.versions.lock() {
            versions.insert(hash.to_owned(), model.clone());
        }
        Ok(model)
    }

    /// The model version a campaign shows in `locale`: the translation it was launched with,
    /// else (English, or no translation at launch) its English version. With its hash.
    pub async fn campaign_model(
        &self,
        db: &Db,
        campaign_id: &str,
        english_hash: &str,
        locale: Locale,
    ) -> AppResult<(String, Arc<MaturityModel>)> {
        let hash = match locale {
            Locale::En => None,
            other => campaigns::translation_hash(db.pool(), campaign_id, other.tag()).await?,
        }
        .unwrap_or_else(|| english_hash.to_owned());
        let model = self.version(db, &hash).await?;
        Ok((hash, model))
    }

    /// The rubric a role shows in `locale`: the translation it was opened with, else its
    /// English version (`english_hash`).
    pub async fn role_rubric(
        &self,
        db: &Db,
        role_id: &str,
        english_hash: &str,
        locale: Locale,
    ) -> AppResult<Arc<Rubric>> {
        let hash = match locale {
            Locale::En => None,
            other => hiring::role_translation_hash(db.pool(), role_id, other.tag()).await?,
        }
        .unwrap_or_else(|| english_hash.to_owned());
        self.rubric_version(db, &hash).await
    }

    /// The current version of a rubric, as loaded at start.
    pub fn current_rubric(&self, id: &str) -> Option<&LoadedRubric> {
        self.library.rubric(id)
    }

    /// The rubric version with this content hash: from memory, else from the database.
    pub async fn rubric_version(&self, db: &Db, hash: &str) -> AppResult<Arc<Rubric>> {
        let cached = self
            .rubric_versions
            .lock()
            .ok()
            .and_then(|versions| versions.get(hash).cloned());
        if let Some(rubric) = cached {
            return Ok(rubric);
        }
        let source = hiring::rubric_source(db.pool(), hash)
            .await?
            .ok_or_else(|| {
                tracing::error!(hash, "rubric version missing from the database");
                AppError::Internal
            })?;
        let rubric = Arc::new(parse_rubric(&source).map_err(|issues| {
            tracing::error!(hash, ?issues, "a stored rubric version no longer parses");
            AppError::Internal
        })?);
        if let Ok(mut versions) = self.rubric_versions.lock() {
            versions.insert(hash.to_owned(), rubric.clone());
        }
        Ok(rubric)
    }

    fn cached(&self, hash: &str) -> Option<Arc<MaturityModel>> {
        self.versions
            .lock()
            .ok()
            .and_then(|versions| versions.get(hash).cloned())
    }
}
