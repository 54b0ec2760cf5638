//! Invitation links (admins): the links respondents answer a campaign through.

use super::{created, ApiJson, ApiResult, ApiUser, ErrorBody, PREFIX};
use app::domain::model::Function;
use app::error::AppError;
use app::models::assessment::LinkView;
use app::services::assessments;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Json;
use http::HeaderMap;
use serde::Deserialize;
use utoipa::ToSchema;

/// A link for one named person.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewInvitation {
    /// One of the campaign's functions; the person answers as part of it.
    #[schema(value_type = Function, example = "sales")]
    pub function: String,
    /// Who the link is for (shown to them and in this list, never next to answers).
    #[schema(example = "Dana Sales")]
    pub person_name: String,
}

/// The campaign's links: one per function, then person links in the order they were added.
/// Withdrawn links are listed with `revoked: true`.
#[utoipa::path(
    get,
    path = "/campaigns/{id}/invitations",
    operation_id = "list_invitations",
    tag = "invitations",
    security(("api_token" = [])),
    params(("id" = String, Path, description = "The campaign's id")),
    responses(
        (status = 200, description = "The links, with their URLs", body = Vec<LinkView>),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 403, description = "Only admins see links", body = ErrorBody),
        (status = 404, description = "No such campaign in your organisation", body = ErrorBody),
    )
)]
pub async fn list(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Json<Vec<LinkView>>> {
    let origin = state.site_origin(&headers);
    Ok(Json(assessments::links(&state, &user, &id, &origin).await?))
}

/// Adds a link for one named person; their answers resume from any device.
#[utoipa::path(
    post,
    path = "/campaigns/{id}/invitations",
    operation_id = "create_invitation",
    tag = "invitations",
    security(("api_token" = [])),
    params(("id" = String, Path, description = "The campaign's id")),
    request_body = NewInvitation,
    responses(
        (status = 201, description = "The new link", body = LinkView),
        (status = 400, description = "The body is not valid JSON", body = ErrorBody),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 403, description = "Only admins add links", body = ErrorBody),
        (status = 404, description = "No such campaign in your organisation", body = ErrorBody),
        (status = 415, description = "The body is not sent with `Content-Type: application/json`", body = ErrorBody),
        (status = 422, description = "Invalid input, or the campaign is closed", body = ErrorBody),
    )
)]
pub async fn create(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<NewInvitation>,
) -> ApiResult<Response> {
    let link_id =
        assessments::add_person_link(&state, &user, &id, &body.function, &body.person_name).await?;
    let link = find_link(&state, &user, &id, &link_id, &headers).await?;
    Ok(created(
        format!("{PREFIX}/campaigns/{id}/invitations"),
        link,
    ))
}

/// Withdraws a link: it then takes no answers. Answers already submitted through it stay.
#[utoipa::path(
    post,
    path = "/campaigns/{id}/invitations/{link_id}/withdraw",
    operation_id = "withdraw_invitation",
    tag = "invitations",
    security(("api_token" = [])),
    params(
        ("id" = String, Path, description = "The campaign's id"),
        ("link_id" = String, Path, description = "The link's id"),
    ),
    responses(
        (status = 200, description = "The withdrawn link", body = LinkView),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 403, description = "Only admins withdraw links", body = ErrorBody),
        (status = 404, description = "No such campaign or link", body = ErrorBody),
    )
)]
pub async fn withdraw(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path((id, link_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> ApiResult<Json<LinkView>> {
    assessments::revoke_link(&state, &user, &id, &link_id).await?;
    Ok(Json(
        find_link(&state, &user, &id, &link_id, &headers).await?,
    ))
}

async fn find_link(
    state: &AppState,
    user: &app::services::auth::CurrentUser,
    campaign_id: &str,
    link_id: &str,
    headers: &HeaderMap,
) -> Result<LinkView, AppError> {
    let origin = state.site_origin(headers);
    assessments::links(state, user, campaign_id, &origin)
        .await?
        .into_iter()
        .find(|link| link.id == link_id)
        .ok_or(AppError::NotFound)
}
