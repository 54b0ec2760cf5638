//! Roadmaps and the executive report: read the plan, change its settings and targets,
//! decide about single initiatives; the report as JSON and Markdown, results and roadmap as
//! CSV. The same services and rules as the pages.

use super::{ApiJson, ApiResult, ApiUser, ErrorBody};
use crate::roadmap_forms::{download_body, file_response, Download};
use app::domain::roadmap::{PhaseLength, SettingsInput};
use app::models::roadmap::{ReportView, RoadmapView};
use app::services::roadmap::{self, InitiativeAction};
use app::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Json;
use serde::Deserialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// A campaign's roadmap: settings, targets per dimension, the phased plan with a reason
/// for every initiative, projections, history and the comparison with the earlier campaign.
#[utoipa::path(
    get, path = "/campaigns/{id}/roadmap", operation_id = "get_roadmap", tag = "roadmaps",
    security(("api_token" = [])),
    params(("id" = String, Path, description = "The campaign's id")),
    responses(
        (status = 200, description = "The roadmap", body = RoadmapView),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 404, description = "No such campaign in your organisation", body = ErrorBody),
    )
)]
pub async fn get_roadmap(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<RoadmapView>> {
    Ok(Json(roadmap::roadmap(&state, &user, &id).await?))
}

/// New roadmap settings. Every field is required; `targets` may leave dimensions out (or
/// give `null`) for the default target, current level + 1 capped at 5.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SettingsRequest {
    /// How many phases to plan, 1 to 12.
    #[schema(example = 4, minimum = 1, maximum = 12)]
    pub phases: u32,
    /// Person-weeks available per phase, more than 0 and at most 1000.
    #[schema(example = 12.0)]
    pub capacity_weeks: f64,
    #[schema(value_type = PhaseLength, example = "quarter")]
    pub phase_length: String,
    /// The first day of the first phase, `YYYY-MM-DD`.
    #[schema(example = "2027-01-01")]
    pub starts_on: String,
    /// Target level (1 to 5) per dimension id.
    #[serde(default)]
    #[schema(example = json!({"data": 3.0, "alignment": null}))]
    pub targets: BTreeMap<String, Option<f64>>,
}

/// Changes the settings and targets (executives); the plan is re-computed, keeping every
/// pin, move and drop.
#[utoipa::path(
    put, path = "/campaigns/{id}/roadmap/settings", operation_id = "save_roadmap_settings",
    tag = "roadmaps", security(("api_token" = [])),
    params(("id" = String, Path, description = "The campaign's id")),
    request_body = SettingsRequest,
    responses(
        (status = 200, description = "Saved; the re-planned roadmap", body = RoadmapView),
        (status = 400, description = "The body is not valid JSON", body = ErrorBody),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 403, description = "Only owners and admins change roadmaps", body = ErrorBody),
        (status = 404, description = "No such campaign in your organisation", body = ErrorBody),
        (status = 415, description = "The body is not sent with `Content-Type: application/json`", body = ErrorBody),
        (status = 422, description = "Invalid settings, each field named", body = ErrorBody),
    )
)]
pub async fn save_settings(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<SettingsRequest>,
) -> ApiResult<Json<RoadmapView>> {
    let input = SettingsInput {
        phases: body.phases.to_string(),
        capacity_weeks: body.capacity_weeks.to_string(),
        phase_length: body.phase_length,
        starts_on: body.starts_on,
        targets: body
            .targets
            .into_iter()
            .map(|(id, t)| (id, t.map(|t| t.to_string()).unwrap_or_default()))
            .collect(),
    };
    roadmap::save_settings(&state, &user, &id, &input).await?;
    Ok(Json(roadmap::roadmap(&state, &user, &id).await?))
}

/// What to do with one initiative.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InitiativeRequest {
    /// `move` (to `phase`), `drop`, `restore` (the planner decides again), `owner` (set
    /// `owner`; empty clears it), `done` or `not-done`.
    #[schema(example = "move")]
    pub action: String,
    /// For `move`: the phase, 1-based as shown.
    #[schema(example = 2, minimum = 1)]
    pub phase: Option<u32>,
    /// For `owner`: the person responsible.
    #[schema(example = "Dana Scott")]
    pub owner: Option<String>,
}

/// Decides about one initiative (executives): move it to a phase, drop or restore it, set
/// its owner, mark it done. Recorded in the roadmap's history with who did it.
#[utoipa::path(
    post, path = "/campaigns/{id}/roadmap/initiatives/{initiative_id}",
    operation_id = "change_roadmap_initiative", tag = "roadmaps", security(("api_token" = [])),
    params(
        ("id" = String, Path, description = "The campaign's id"),
        ("initiative_id" = String, Path, description = "The initiative's id in the library"),
    ),
    request_body = InitiativeRequest,
    responses(
        (status = 200, description = "Done; the re-planned roadmap", body = RoadmapView),
        (status = 400, description = "The body is not valid JSON", body = ErrorBody),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 403, description = "Only owners and admins change roadmaps", body = ErrorBody),
        (status = 404, description = "No such campaign or initiative", body = ErrorBody),
        (status = 415, description = "The body is not sent with `Content-Type: application/json`", body = ErrorBody),
        (status = 422, description = "An action that does not apply, or a bad phase or owner", body = ErrorBody),
    )
)]
pub async fn change_initiative(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, initiative_id)): Path<(String, String)>,
    ApiJson(body): ApiJson<InitiativeRequest>,
) -> ApiResult<Json<RoadmapView>> {
    let phase = body.phase.map(|p| p.to_string()).unwrap_or_default();
    let action = InitiativeAction::from_form(
        &body.action,
        &phase,
        body.owner.as_deref().unwrap_or_default(),
    )?;
    roadmap::change_initiative(&state, &user, &id, &initiative_id, &action).await?;
    Ok(Json(roadmap::roadmap(&state, &user, &id).await?))
}

/// The executive report: summary sentences, results, roadmap, organisation-design steps and
/// the RevOps-leader hiring status the caller may see.
#[utoipa::path(
    get, path = "/campaigns/{id}/report", operation_id = "get_report", tag = "roadmaps",
    security(("api_token" = [])),
    params(("id" = String, Path, description = "The campaign's id")),
    responses(
        (status = 200, description = "The report", body = ReportView),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 404, description = "No such campaign in your organisation", body = ErrorBody),
    )
)]
pub async fn get_report(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<ReportView>> {
    Ok(Json(roadmap::report(&state, &user, &id).await?))
}

async fn file(state: AppState, user: ApiUser, id: String, which: Download) -> ApiResult<Response> {
    let body = download_body(&state, &user.0, &id, which).await?;
    Ok(file_response(&id, which, body))
}

/// The executive report as Markdown.
#[utoipa::path(
    get, path = "/campaigns/{id}/report.md", operation_id = "get_report_markdown",
    tag = "roadmaps", security(("api_token" = [])),
    params(("id" = String, Path, description = "The campaign's id")),
    responses(
        (status = 200, description = "The report", content_type = "text/markdown", body = String),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 404, description = "No such campaign in your organisation", body = ErrorBody),
    )
)]
pub async fn report_markdown(
    State(state): State<AppState>,
    user: ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    file(state, user, id, Download::ReportMarkdown).await
}

/// Results as CSV: per dimension and question, everyone and each function shown on its own
/// (functions below the anonymity threshold never appear).
#[utoipa::path(
    get, path = "/campaigns/{id}/results.csv", operation_id = "get_results_csv",
    tag = "roadmaps", security(("api_token" = [])),
    params(("id" = String, Path, description = "The campaign's id")),
    responses(
        (status = 200, description = "The results", content_type = "text/csv", body = String),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 404, description = "No such campaign in your organisation", body = ErrorBody),
    )
)]
pub async fn results_csv(
    State(state): State<AppState>,
    user: ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    file(state, user, id, Download::ResultsCsv).await
}

/// The roadmap as CSV: one row per initiative, by phase, then those not scheduled or dropped.
#[utoipa::path(
    get, path = "/campaigns/{id}/roadmap.csv", operation_id = "get_roadmap_csv",
    tag = "roadmaps", security(("api_token" = [])),
    params(("id" = String, Path, description = "The campaign's id")),
    responses(
        (status = 200, description = "The roadmap", content_type = "text/csv", body = String),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 404, description = "No such campaign in your organisation", body = ErrorBody),
    )
)]
pub async fn roadmap_csv(
    State(state): State<AppState>,
    user: ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    file(state, user, id, Download::RoadmapCsv).await
}
