//! Hiring: roles, their interview plan and candidates; interviews and scorecards (only what
//! the visibility rule lets the caller read); the debrief with its statistics; decisions.

use super::{created, ApiJson, ApiResult, ApiUser, ErrorBody, PREFIX};
use app::domain::rubric::{CareerFunction, Recommendation, Visibility};
use app::models::hiring::{
    CandidateScorecards, CandidateView, DebriefView, InterviewKit, MyInterview, RoleList, RoleView,
    ScorecardView,
};
use app::services::hiring::{self, AddCandidate, AddStage, OpenRole, ScorecardInput};
use app::state::AppState;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Json;
use serde::Deserialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// What opening a role takes.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenRoleRequest {
    #[schema(example = "VP Revenue Operations")]
    pub title: String,
    /// The id of a rubric, e.g. `revops-leader`.
    #[schema(example = "revops-leader")]
    pub rubric: String,
    /// When interviewers see each other's scorecards; the organisation's rule if absent.
    #[schema(value_type = Option<Visibility>)]
    pub visibility: Option<String>,
}

/// An interview to add to a role's plan.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddStageRequest {
    #[schema(example = "Panel: marketing and sales")]
    pub name: String,
    /// The user id of the interviewer, a member of the organisation (see the role's `members`).
    pub interviewer: String,
    /// 2 to 4 competency ids of the role's rubric.
    pub focus: Vec<String>,
}

/// One role of a candidate's career.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CareerRequest {
    pub title: String,
    #[schema(value_type = CareerFunction)]
    pub function: String,
    pub years: f64,
}

/// A candidate to add to a role.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddCandidateRequest {
    pub name: String,
    pub current_title: String,
    #[serde(default)]
    pub career: Vec<CareerRequest>,
}

/// What an interviewer gives one focus competency.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RatingRequest {
    /// `1` to the rubric's scale, or `no-evidence`; absent while undecided (drafts only).
    pub rating: Option<String>,
    #[serde(default)]
    pub evidence: String,
}

/// A scorecard to save as a draft or to submit.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScorecardRequest {
    /// Focus competency id -> rating and evidence.
    #[serde(default)]
    pub ratings: BTreeMap<String, RatingRequest>,
    #[schema(value_type = Option<Recommendation>)]
    pub recommendation: Option<String>,
    #[serde(default)]
    pub takeaways: String,
}

impl From<ScorecardRequest> for ScorecardInput {
    fn from(body: ScorecardRequest) -> Self {
        ScorecardInput {
            ratings: body
                .ratings
                .into_iter()
                .map(|(id, r)| (id, (r.rating.unwrap_or_default(), r.evidence)))
                .collect(),
            recommendation: body.recommendation.unwrap_or_default(),
            takeaways: body.takeaways,
        }
    }
}

/// A hiring decision to record.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionRequest {
    /// `hire`, `no-hire` or `hold`.
    #[schema(example = "hold")]
    pub outcome: String,
    pub rationale: String,
}

/// The organisation's roles, newest first.
#[utoipa::path(
    get, path = "/roles", operation_id = "list_roles", tag = "hiring",
    security(("api_token" = [])),
    responses(
        (status = 200, description = "The roles", body = RoleList),
        (status = 401, description = "No valid API token", body = ErrorBody),
    )
)]
pub async fn list_roles(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<RoleList>> {
    Ok(Json(hiring::list_roles(&state, &user).await?))
}

/// Opens a role from a rubric (admins).
#[utoipa::path(
    post, path = "/roles", operation_id = "open_role", tag = "hiring",
    security(("api_token" = [])),
    request_body = OpenRoleRequest,
    responses(
        (status = 201, description = "Opened; `Location` is the role's URL", body = RoleView),
        (status = 400, description = "The body is not valid JSON", body = ErrorBody),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 403, description = "Only admins open roles", body = ErrorBody),
        (status = 415, description = "The body is not sent with `Content-Type: application/json`", body = ErrorBody),
        (status = 422, description = "Invalid input; `fields` names each bad field", body = ErrorBody),
    )
)]
pub async fn open_role(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    ApiJson(body): ApiJson<OpenRoleRequest>,
) -> ApiResult<Response> {
    let form = OpenRole {
        title: body.title,
        rubric_id: body.rubric,
        visibility: body.visibility.unwrap_or_default(),
    };
    let id = hiring::open_role(&state, &user, &form).await?;
    let role = hiring::role(&state, &user, &id).await?;
    Ok(created(format!("{PREFIX}/roles/{id}"), role))
}

/// One role: competencies and weights, interview plan, candidates; for admins the members
/// who can interview and the candidates compared.
#[utoipa::path(
    get, path = "/roles/{id}", operation_id = "get_role", tag = "hiring",
    security(("api_token" = [])),
    params(("id" = String, Path, description = "The role's id")),
    responses(
        (status = 200, description = "The role", body = RoleView),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 404, description = "No such role in your organisation", body = ErrorBody),
    )
)]
pub async fn get_role(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<RoleView>> {
    Ok(Json(hiring::role(&state, &user, &id).await?))
}

/// Adds an interview to the end of a role's plan (admins).
#[utoipa::path(
    post, path = "/roles/{id}/stages", operation_id = "add_stage", tag = "hiring",
    security(("api_token" = [])),
    params(("id" = String, Path, description = "The role's id")),
    request_body = AddStageRequest,
    responses(
        (status = 201, description = "Added; the role as it is now", body = RoleView),
        (status = 400, description = "The body is not valid JSON", body = ErrorBody),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 403, description = "Only admins plan interviews", body = ErrorBody),
        (status = 404, description = "No such role in your organisation", body = ErrorBody),
        (status = 415, description = "The body is not sent with `Content-Type: application/json`", body = ErrorBody),
        (status = 422, description = "Invalid input; `fields` names each bad field", body = ErrorBody),
    )
)]
pub async fn add_stage(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<AddStageRequest>,
) -> ApiResult<Response> {
    let form = AddStage {
        name: body.name,
        interviewer_id: body.interviewer,
        focus: body.focus,
    };
    hiring::add_stage(&state, &user, &id, &form).await?;
    let role = hiring::role(&state, &user, &id).await?;
    Ok(created(format!("{PREFIX}/roles/{id}"), role))
}

/// Adds a candidate to a role (admins).
#[utoipa::path(
    post, path = "/roles/{id}/candidates", operation_id = "add_candidate", tag = "hiring",
    security(("api_token" = [])),
    params(("id" = String, Path, description = "The role's id")),
    request_body = AddCandidateRequest,
    responses(
        (status = 201, description = "Added; `Location` is the candidate's URL", body = CandidateView),
        (status = 400, description = "The body is not valid JSON", body = ErrorBody),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 403, description = "Only admins add candidates", body = ErrorBody),
        (status = 404, description = "No such role in your organisation", body = ErrorBody),
        (status = 415, description = "The body is not sent with `Content-Type: application/json`", body = ErrorBody),
        (status = 422, description = "Invalid input; `fields` names each bad field", body = ErrorBody),
    )
)]
pub async fn add_candidate(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<AddCandidateRequest>,
) -> ApiResult<Response> {
    let form = AddCandidate {
        name: body.name,
        current_title: body.current_title,
        career: body
            .career
            .into_iter()
            .map(|c| (c.title, c.function, c.years.to_string()))
            .collect(),
    };
    let candidate = hiring::add_candidate(&state, &user, &id, &form).await?;
    let view = hiring::candidate(&state, &user, &candidate).await?;
    Ok(created(format!("{PREFIX}/candidates/{candidate}"), view))
}

/// One candidate (admins and the candidate's interviewers).
#[utoipa::path(
    get, path = "/candidates/{id}", operation_id = "get_candidate", tag = "hiring",
    security(("api_token" = [])),
    params(("id" = String, Path, description = "The candidate's id")),
    responses(
        (status = 200, description = "The candidate", body = CandidateView),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 403, description = "Neither an admin nor on the candidate's panel", body = ErrorBody),
        (status = 404, description = "No such candidate in your organisation", body = ErrorBody),
    )
)]
pub async fn get_candidate(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<CandidateView>> {
    Ok(Json(hiring::candidate(&state, &user, &id).await?))
}

/// The candidate's scorecards the caller may read: their own, and others' submitted ones
/// as the role's visibility rule allows. Drafts of others are never included.
#[utoipa::path(
    get, path = "/candidates/{id}/scorecards", operation_id = "list_scorecards", tag = "hiring",
    security(("api_token" = [])),
    params(("id" = String, Path, description = "The candidate's id")),
    responses(
        (status = 200, description = "The readable scorecards and how many are hidden", body = CandidateScorecards),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 403, description = "Neither an admin nor on the candidate's panel", body = ErrorBody),
        (status = 404, description = "No such candidate in your organisation", body = ErrorBody),
    )
)]
pub async fn list_scorecards(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<CandidateScorecards>> {
    Ok(Json(
        hiring::candidate_scorecards(&state, &user, &id).await?,
    ))
}

/// The debrief: grid, means, spread, disagreement flags, recommendations, weighted total
/// and the panel's agreement statistics. Admins; interviewers once the rule allows.
#[utoipa::path(
    get, path = "/candidates/{id}/debrief", operation_id = "get_debrief", tag = "hiring",
    security(("api_token" = [])),
    params(("id" = String, Path, description = "The candidate's id")),
    responses(
        (status = 200, description = "The debrief", body = DebriefView),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 403, description = "The visibility rule does not allow it yet", body = ErrorBody),
        (status = 404, description = "No such candidate in your organisation", body = ErrorBody),
    )
)]
pub async fn get_debrief(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
) -> ApiResult<Json<DebriefView>> {
    Ok(Json(hiring::debrief(&state, &user, &id).await?))
}

/// Records a decision for a candidate (admins); the debrief lists it, newest first.
#[utoipa::path(
    post, path = "/candidates/{id}/decisions", operation_id = "record_decision", tag = "hiring",
    security(("api_token" = [])),
    params(("id" = String, Path, description = "The candidate's id")),
    request_body = DecisionRequest,
    responses(
        (status = 201, description = "Recorded; the candidate as it is now", body = CandidateView),
        (status = 400, description = "The body is not valid JSON", body = ErrorBody),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 403, description = "Only admins decide", body = ErrorBody),
        (status = 404, description = "No such candidate in your organisation", body = ErrorBody),
        (status = 415, description = "The body is not sent with `Content-Type: application/json`", body = ErrorBody),
        (status = 422, description = "Invalid input; `fields` names each bad field", body = ErrorBody),
    )
)]
pub async fn record_decision(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<DecisionRequest>,
) -> ApiResult<Response> {
    hiring::decide(&state, &user, &id, &body.outcome, &body.rationale).await?;
    let view = hiring::candidate(&state, &user, &id).await?;
    Ok(created(format!("{PREFIX}/candidates/{id}"), view))
}

/// The interviews the caller conducts.
#[utoipa::path(
    get, path = "/interviews", operation_id = "my_interviews", tag = "hiring",
    security(("api_token" = [])),
    responses(
        (status = 200, description = "My interviews", body = Vec<MyInterview>),
        (status = 401, description = "No valid API token", body = ErrorBody),
    )
)]
pub async fn my_interviews(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
) -> ApiResult<Json<Vec<MyInterview>>> {
    Ok(Json(hiring::my_interviews(&state, &user).await?))
}

/// The interview kit with the caller's own scorecard (the interview's interviewer only).
#[utoipa::path(
    get, path = "/interviews/{stage_id}/candidates/{candidate_id}", operation_id = "get_interview",
    tag = "hiring", security(("api_token" = [])),
    params(
        ("stage_id" = String, Path, description = "The interview stage's id"),
        ("candidate_id" = String, Path, description = "The candidate's id"),
    ),
    responses(
        (status = 200, description = "The kit and my scorecard", body = InterviewKit),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 403, description = "Not this interview's interviewer", body = ErrorBody),
        (status = 404, description = "No such interview in your organisation", body = ErrorBody),
    )
)]
pub async fn get_interview(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path((stage_id, candidate_id)): Path<(String, String)>,
) -> ApiResult<Json<InterviewKit>> {
    Ok(Json(
        hiring::interview_kit(&state, &user, &stage_id, &candidate_id).await?,
    ))
}

/// Saves the caller's scorecard as a draft (incomplete is fine; nobody else reads it).
#[utoipa::path(
    put, path = "/interviews/{stage_id}/candidates/{candidate_id}/scorecard",
    operation_id = "save_scorecard", tag = "hiring", security(("api_token" = [])),
    params(
        ("stage_id" = String, Path, description = "The interview stage's id"),
        ("candidate_id" = String, Path, description = "The candidate's id"),
    ),
    request_body = ScorecardRequest,
    responses(
        (status = 200, description = "Saved", body = ScorecardView),
        (status = 400, description = "The body is not valid JSON", body = ErrorBody),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 403, description = "Not this interview's interviewer", body = ErrorBody),
        (status = 404, description = "No such interview in your organisation", body = ErrorBody),
        (status = 415, description = "The body is not sent with `Content-Type: application/json`", body = ErrorBody),
        (status = 422, description = "Invalid input, or already submitted (locked)", body = ErrorBody),
    )
)]
pub async fn save_scorecard(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path((stage_id, candidate_id)): Path<(String, String)>,
    ApiJson(body): ApiJson<ScorecardRequest>,
) -> ApiResult<Json<ScorecardView>> {
    let input = ScorecardInput::from(body);
    Ok(Json(
        hiring::save_scorecard(&state, &user, &stage_id, &candidate_id, &input, false).await?,
    ))
}

/// Submits the caller's scorecard, which locks it: every focus competency rated (or "no
/// evidence"), evidence for every level, and a recommendation.
#[utoipa::path(
    post, path = "/interviews/{stage_id}/candidates/{candidate_id}/scorecard/submit",
    operation_id = "submit_scorecard", tag = "hiring", security(("api_token" = [])),
    params(
        ("stage_id" = String, Path, description = "The interview stage's id"),
        ("candidate_id" = String, Path, description = "The candidate's id"),
    ),
    request_body = ScorecardRequest,
    responses(
        (status = 200, description = "Submitted and locked", body = ScorecardView),
        (status = 400, description = "The body is not valid JSON", body = ErrorBody),
        (status = 401, description = "No valid API token", body = ErrorBody),
        (status = 403, description = "Not this interview's interviewer", body = ErrorBody),
        (status = 404, description = "No such interview in your organisation", body = ErrorBody),
        (status = 415, description = "The body is not sent with `Content-Type: application/json`", body = ErrorBody),
        (status = 422, description = "Incomplete or invalid, or already submitted", body = ErrorBody),
    )
)]
pub async fn submit_scorecard(
    State(state): State<AppState>,
    ApiUser(user): ApiUser,
    Path((stage_id, candidate_id)): Path<(String, String)>,
    ApiJson(body): ApiJson<ScorecardRequest>,
) -> ApiResult<Json<ScorecardView>> {
    let input = ScorecardInput::from(body);
    Ok(Json(
        hiring::save_scorecard(&state, &user, &stage_id, &candidate_id, &input, true).await?,
    ))
}
