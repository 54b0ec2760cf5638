//! Campaigns: list, launch, read, close; their response counts and results.

use super::{created, ApiJson, ApiResult, ApiUser, ErrorBody, PREFIX};
use app::domain::model::Function;
use app::models::assessment::{
    CampaignList, CampaignStatus, CampaignView, FunctionProgress, ResultsView,
};
use app::services::assessments::{self, LaunchCampaign};
use app::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Json;
use http::HeaderMap;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// What launching a campaign takes.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LaunchRequest {
    /// The campaign's name, e.g. "Baseline 2026".
    #[schema(example = "Baseline 2026")]
    pub name: String,
    /// The id of a model from `GET /api/v1/models`.
    #[schema(example = "revops-maturity")]
    pub model: String,
    /// The functions whose people will answer; one link is created for each.
    // Strings here so that an unknown function gets the service's message, not serde's.
    #[schema(value_type = Vec<Function>, example = json!(["marketing", "sales", "customer-success"]))]
    pub functions: Vec<String>,
    /// The last day answers are taken, `YYYY-MM-DD` (UTC); none for no close date.
    #[schema(example = "2026-12-31")]
    pub closes_on: Option<String>,
    /// Anonymity threshold: a function's numbers show only from this many submitted
    /// responses (1 to 50; 3 unless given).
    #[schema(example = 3, minimum = 1, maximum = 50)]
    pub min_group_size: Option<u32>,
}

/// How many responses a campaign has, per function. Never who answered or what.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResponseCounts {
    pub campaign_id: String,
    pub status: CampaignStatus,
    /// Submitted responses, all functions.
    pub submitted: usize,
    /// Started but not yet submitted, all functions.
    pub in_progress: usize,
    /// One entry per function taking part.
    pub functions: Vec<FunctionProgress>,
}

/// The organisation's campaigns, newest first, with response counts per function.
#[utoipa::path(
    get,
    path = "/campaigns",
    operation_id = "list_campaigns",
    tag = "campaigns",
    security(("api_token" = [])),
    responses(
        (status = 200, description = "The campaigns", body = CampaignList),
        (status = 401, description = "No valid API token", body = ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<CampaignList>> {
    Ok(Json(assessments::list(&state, &user).await?))
}

/// Launches a campaign (admins): one invitation link per function is created with it.
#[utoipa::path(
    post,
    path = "/campaigns",
    operation_id = "launch_campaign",
    tag = "campaigns",
    security(("api_token" = [])),
    request_body = LaunchRequest,
    responses(
        (status = 201, description = "Launched; `Location` is the campaign's URL", body = CampaignView),
        (status = 400, description = "The body is not valid JSON", body = ErrorBody),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 403, description = "Only admins launch campaigns", body = ErrorBody),
        (status = 415, description = "The body is not sent with `Content-Type: application/json`", body = ErrorBody),
        (status = 422, description = "Invalid input; `fields` names each bad field", body = ErrorBody),
    )
)]
pub async fn launch(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    headers: HeaderMap,
    ApiJson(body): ApiJson<LaunchRequest>,
) -> ApiResult<Response> {
    let form = LaunchCampaign {
        name: body.name,
        model_id: body.model,
        functions: body.functions,
        closes_on: body.closes_on.unwrap_or_default(),
        min_group_size: body
            .min_group_size
            .map(|n| n.to_string())
            .unwrap_or_default(),
    };
    let id = assessments::launch(&state, &user, &form).await?;
    let origin = state.site_origin(&headers);
    let campaign = assessments::campaign(&state, &user, &id, &origin).await?;
    Ok(created(format!("{PREFIX}/campaigns/{id}"), campaign))
}

/// One campaign; for admins with its invitation links.
#[utoipa::path(
    get,
    path = "/campaigns/{id}",
    operation_id = "get_campaign",
    tag = "campaigns",
    security(("api_token" = [])),
    params(("id" = String, Path, description = "The campaign's id")),
    responses(
        (status = 200, description = "The campaign", body = CampaignView),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 404, description = "No such campaign in your organisation", body = ErrorBody),
    )
)]
pub async fn show(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Json<CampaignView>> {
    let origin = state.site_origin(&headers);
    Ok(Json(
        assessments::campaign(&state, &user, &id, &origin).await?,
    ))
}

/// Closes a campaign now (admins): its links stop taking answers; results stay.
#[utoipa::path(
    post,
    path = "/campaigns/{id}/close",
    operation_id = "close_campaign",
    tag = "campaigns",
    security(("api_token" = [])),
    params(("id" = String, Path, description = "The campaign's id")),
    responses(
        (status = 200, description = "Closed", body = CampaignView),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 403, description = "Only admins close campaigns", body = ErrorBody),
        (status = 404, description = "No such campaign in your organisation", body = ErrorBody),
        (status = 422, description = "Already closed", body = ErrorBody),
    )
)]
pub async fn close(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Json<CampaignView>> {
    assessments::close(&state, &user, &id).await?;
    let origin = state.site_origin(&headers);
    Ok(Json(
        assessments::campaign(&state, &user, &id, &origin).await?,
    ))
}

/// Response counts per function: submitted and in progress. Never identities or answers.
#[utoipa::path(
    get,
    path = "/campaigns/{id}/responses",
    operation_id = "get_response_counts",
    tag = "campaigns",
    security(("api_token" = [])),
    params(("id" = String, Path, description = "The campaign's id")),
    responses(
        (status = 200, description = "The counts", body = ResponseCounts),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 404, description = "No such campaign in your organisation", body = ErrorBody),
    )
)]
pub async fn responses(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<ResponseCounts>> {
    let summary = assessments::campaign_summary(&state, &user, &id).await?;
    Ok(Json(ResponseCounts {
        in_progress: summary.functions.iter().map(|f| f.in_progress).sum(),
        submitted: summary.submitted,
        status: summary.status,
        functions: summary.functions,
        campaign_id: summary.id,
    }))
}

/// Results of the submitted responses, exactly as the results page shows them: functions
/// below the campaign's anonymity threshold have no numbers of their own.
#[utoipa::path(
    get,
    path = "/campaigns/{id}/results",
    operation_id = "get_results",
    tag = "campaigns",
    security(("api_token" = [])),
    params(("id" = String, Path, description = "The campaign's id")),
    responses(
        (status = 200, description = "The results, with the model's level names", body = ResultsView),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 404, description = "No such campaign in your organisation", body = ErrorBody),
    )
)]
pub async fn results(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<ResultsView>> {
    Ok(Json(assessments::results(&state, &user, &id).await?))
}
