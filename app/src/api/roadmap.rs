//! Page loaders for a campaign's roadmap and executive report (members of the organisation;
//! executives may change the roadmap, see `services::roadmap`).

use crate::error::AppError;
use crate::models::roadmap::{ReportView, RoadmapView};
use crate::models::Page;
use leptos::prelude::*;

/// A campaign's roadmap.
#[server(prefix = "/_fn", endpoint = "roadmap_page")]
pub async fn roadmap_page(id: String) -> Result<Page<RoadmapView>, AppError> {
    use super::context::{answer, page, require_user, state};
    answer(async move {
        let user = require_user()?;
        page(crate::services::roadmap::roadmap(&state()?, &user, &id).await?)
    })
    .await
}

/// A campaign's executive report.
#[server(prefix = "/_fn", endpoint = "report_page")]
pub async fn report_page(id: String) -> Result<Page<ReportView>, AppError> {
    use super::context::{answer, page, require_user, state};
    answer(async move {
        use crate::services::roadmap::{report, summary_sentences};
        let user = require_user()?;
        let mut view = report(&state()?, &user, &id).await?;
        // The service words the summary in English, for the exports; the page in the
        // reader's language.
        view.summary = summary_sentences(
            &view.roadmap,
            &view.results,
            &view.level_names,
            crate::i18n::use_i18n(),
        );
        page(view)
    })
    .await
}
