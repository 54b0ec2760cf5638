//! Page loaders for assessments: campaigns (members of the organisation) and the
//! questionnaire (anyone holding an invitation link).

use crate::error::AppError;
use crate::models::assessment::{
    CampaignList, CampaignView, NewCampaignForm, QuestionnaireStep, RespondentStart, ResultsView,
    ReviewView,
};
use crate::models::Page;
use leptos::prelude::*;

/// The organisation's campaigns.
#[server(prefix = "/_fn", endpoint = "campaigns_page")]
pub async fn campaigns_page() -> Result<Page<CampaignList>, AppError> {
    use super::context::{answer, page, require_user, state};
    answer(async move {
        let user = require_user()?;
        page(crate::services::assessments::list(&state()?, &user).await?)
    })
    .await
}

/// The form to launch a campaign (admins).
#[server(prefix = "/_fn", endpoint = "new_campaign_page")]
pub async fn new_campaign_page() -> Result<Page<NewCampaignForm>, AppError> {
    use super::context::{answer, page, require_user, state};
    answer(async move {
        let user = require_user()?;
        page(crate::services::assessments::new_campaign_form(
            &state()?,
            &user,
        )?)
    })
    .await
}

/// One campaign, with its links for admins.
#[server(prefix = "/_fn", endpoint = "campaign_page")]
pub async fn campaign_page(id: String) -> Result<Page<CampaignView>, AppError> {
    use super::context::{answer, headers, page, require_user, state};
    answer(async move {
        let user = require_user()?;
        let state = state()?;
        let origin = state.site_origin(&headers());
        page(crate::services::assessments::campaign(&state, &user, &id, &origin).await?)
    })
    .await
}

/// A campaign's results.
#[server(prefix = "/_fn", endpoint = "results_page")]
pub async fn results_page(id: String) -> Result<Page<ResultsView>, AppError> {
    use super::context::{answer, page, require_user, state};
    answer(async move {
        let user = require_user()?;
        page(crate::services::assessments::results(&state()?, &user, &id).await?)
    })
    .await
}

/// The start page behind an invitation link.
#[server(prefix = "/_fn", endpoint = "respondent_page")]
pub async fn respondent_page(token: String) -> Result<Page<RespondentStart>, AppError> {
    use super::context::{answer, page, resume_token, state};
    answer(async move {
        let state = state()?;
        let resume = resume_token(&state);
        page(crate::services::questionnaire::start_page(&state, &token, resume.as_deref()).await?)
    })
    .await
}

/// One questionnaire step.
#[server(prefix = "/_fn", endpoint = "questionnaire_page")]
pub async fn questionnaire_page(
    token: String,
    step: usize,
) -> Result<Page<QuestionnaireStep>, AppError> {
    use super::context::{answer, page, resume_token, state};
    use crate::services::page_cache::PageRecorder;
    use leptos::prelude::use_context;
    answer(async move {
        let state = state()?;
        let resume = resume_token(&state);
        let (step, dependencies) =
            crate::services::questionnaire::step(&state, &token, resume.as_deref(), step).await?;
        // The page cache (server crate) keeps the rendered page until these change.
        if let Some(recorder) = use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<PageRecorder>().cloned())
        {
            recorder.record(dependencies);
        }
        page(step)
    })
    .await
}

/// The review-and-submit page.
#[server(prefix = "/_fn", endpoint = "review_page")]
pub async fn review_page(token: String) -> Result<Page<ReviewView>, AppError> {
    use super::context::{answer, page, resume_token, state};
    answer(async move {
        let state = state()?;
        let resume = resume_token(&state);
        page(crate::services::questionnaire::review(&state, &token, resume.as_deref()).await?)
    })
    .await
}
