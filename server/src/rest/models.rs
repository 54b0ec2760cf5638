//! The maturity models campaigns can be launched from.

use super::{ApiResult, ApiUser, ErrorBody};
use app::models::assessment::ModelChoice;
use app::services::assessments;
use app::state::AppState;
use axum::extract::State;
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

/// The models an admin can launch a campaign from.
#[derive(Debug, Serialize, ToSchema)]
pub struct ModelList {
    pub models: Vec<ModelChoice>,
    /// The anonymity threshold a campaign gets unless `min_group_size` is given.
    pub default_min_group_size: usize,
}

/// Launchable models (admins).
#[utoipa::path(
    get,
    path = "/models",
    operation_id = "list_models",
    tag = "models",
    security(("api_token" = [])),
    responses(
        (status = 200, description = "The models", body = ModelList),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 403, description = "Only admins launch campaigns", body = ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<ModelList>> {
    let form = assessments::new_campaign_form(&state, &user)?;
    Ok(Json(ModelList {
        models: form.models,
        default_min_group_size: form.default_min_group_size,
    }))
}
