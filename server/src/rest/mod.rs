//! The JSON API under `/api/v1`: campaigns, invitations, responses, results and models,
//! authenticated by personal API tokens (`Authorization: Bearer ra_...`), described by a
//! generated OpenAPI document at `/api/v1/openapi.json`.
//!
//! Every handler is a thin shim over the same services the pages use, with the same
//! [`CurrentUser`], so authorisation is identical. Cookies are ignored here: the API is never
//! usable through a browser's ambient session (which is also why it needs no Origin check;
//! see `security::reject_cross_site`). Every answer is JSON, errors included:
//! `{"message": ..., "fields": {...}}` with the error's status.

mod campaigns;
mod hiring;
mod invitations;
mod models;
mod roadmaps;

use app::error::{AppError, FieldErrors};
use app::services::api_tokens;
use app::services::auth::CurrentUser;
use app::state::AppState;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use http::request::Parts;
use http::{header, HeaderMap, HeaderValue, StatusCode};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Where the API is mounted.
pub const PREFIX: &str = "/api/v1";

/// The name of the bearer security scheme in the OpenAPI document.
const SECURITY_SCHEME: &str = "api_token";

#[derive(OpenApi)]
#[openapi(
    info(
        title = "RevAlign API",
        version = "1",
        description = "Maturity assessments of RevAlign as JSON: campaigns, invitation links, \
            response counts and anonymised results. Authenticate with a personal API token \
            (Settings → API tokens) sent as `Authorization: Bearer <token>`; a token acts with \
            its owner's current role in the organisation it was created in."
    ),
    modifiers(&BearerScheme),
    tags(
        (name = "campaigns", description = "Assessment campaigns, their response counts and results"),
        (name = "invitations", description = "The links respondents answer through (admins)"),
        (name = "models", description = "Maturity models campaigns are launched from"),
        (name = "hiring", description = "RevOps-leader roles, interview plans, candidates, scorecards (subject to the visibility rule), debriefs and decisions"),
        (name = "roadmaps", description = "Transformation roadmaps from a campaign's gaps, the executive report and the exports (Markdown, CSV)"),
        (name = "meta", description = "This document"),
    )
)]
struct ApiDoc;

/// Adds the bearer scheme every operation but `openapi.json` requires.
struct BearerScheme;

impl Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        // utoipa fills the licence from Cargo.toml, where this private app has none to tell.
        openapi.info.license = None;
        openapi
            .components
            .get_or_insert_with(utoipa::openapi::Components::new)
            .add_security_scheme(
                SECURITY_SCHEME,
                SecurityScheme::Http(
                    HttpBuilder::new()
                        .scheme(HttpAuthScheme::Bearer)
                        .description(Some(
                            "A personal API token (`ra_...`) created under Settings → API tokens.",
                        ))
                        .build(),
                ),
            );
    }
}

/// The API's routes, relative to [`PREFIX`], each registered together with its
/// documentation, so the document cannot miss a route.
fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(campaigns::list, campaigns::launch))
        .routes(routes!(campaigns::show))
        .routes(routes!(campaigns::close))
        .routes(routes!(campaigns::responses))
        .routes(routes!(campaigns::results))
        .routes(routes!(invitations::list, invitations::create))
        .routes(routes!(invitations::withdraw))
        .routes(routes!(models::list))
        .routes(routes!(hiring::list_roles, hiring::open_role))
        .routes(routes!(hiring::get_role))
        .routes(routes!(hiring::add_stage))
        .routes(routes!(hiring::add_candidate))
        .routes(routes!(hiring::get_candidate))
        .routes(routes!(hiring::list_scorecards))
        .routes(routes!(hiring::get_debrief))
        .routes(routes!(hiring::record_decision))
        .routes(routes!(hiring::my_interviews))
        .routes(routes!(hiring::get_interview))
        .routes(routes!(hiring::save_scorecard))
        .routes(routes!(hiring::submit_scorecard))
        .routes(routes!(roadmaps::get_roadmap))
        .routes(routes!(roadmaps::save_settings))
        .routes(routes!(roadmaps::change_initiative))
        .routes(routes!(roadmaps::get_report))
        .routes(routes!(roadmaps::report_markdown))
        .routes(routes!(roadmaps::results_csv))
        .routes(routes!(roadmaps::roadmap_csv))
        .routes(routes!(openapi_json))
}

/// The router to nest at [`PREFIX`]. Unknown paths and wrong methods answer JSON too.
pub fn router() -> Router<AppState> {
    let (router, _) = routes().split_for_parts();
    router
        .method_not_allowed_fallback(method_not_allowed)
        .fallback(not_found)
}

/// The OpenAPI document, built once.
pub fn openapi() -> &'static utoipa::openapi::OpenApi {
    static DOCUMENT: OnceLock<utoipa::openapi::OpenApi> = OnceLock::new();
    DOCUMENT.get_or_init(|| {
        OpenApiRouter::with_openapi(ApiDoc::openapi())
            .nest(PREFIX, routes())
            .into_openapi()
    })
}

/// This API's OpenAPI 3.1 document.
#[utoipa::path(
    get,
    path = "/openapi.json",
    operation_id = "openapi",
    tag = "meta",
    responses((status = 200, description = "The OpenAPI document", content_type = "application/json"))
)]
async fn openapi_json() -> Response {
    static JSON: OnceLock<String> = OnceLock::new();
    let body = JSON.get_or_init(|| serde_json::to_string(openapi()).unwrap_or_default());
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        body.as_str(),
    )
        .into_response()
}

async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "There is no such API endpoint. The endpoints are listed in /api/v1/openapi.json.",
    )
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "This endpoint does not take that method (changes need POST). See /api/v1/openapi.json.",
    )
}

/// Every error answer of the API.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ErrorBody {
    /// What went wrong and what to do about it.
    pub message: String,
    /// One message per bad field of the request body, keyed by the field's name (empty when
    /// the error is not about a field).
    pub fields: BTreeMap<String, String>,
}

/// An error answered as JSON with its status (and `Retry-After` or `WWW-Authenticate` where
/// they apply).
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    body: ErrorBody,
    retry_after_secs: Option<u64>,
    /// For 401: the `error` of the `WWW-Authenticate` challenge, when a token was sent.
    bearer_error: Option<&'static str>,
}

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> Self {
        ApiError {
            status,
            body: ErrorBody {
                message: message.into(),
                fields: FieldErrors::new(),
            },
            retry_after_secs: None,
            bearer_error: None,
        }
    }

    fn with_fields(mut self, fields: FieldErrors) -> Self {
        self.body.fields = fields;
        self
    }

    pub(crate) fn missing_token() -> Self {
        ApiError::new(
            StatusCode::UNAUTHORIZED,
            "Send an API token as `Authorization: Bearer <token>`. Create one in RevAlign under \
             Settings → API tokens.",
        )
    }

    fn invalid_token() -> Self {
        ApiError {
            bearer_error: Some("invalid_token"),
            ..ApiError::new(
                StatusCode::UNAUTHORIZED,
                "This API token does not work: it is unknown or revoked, or its owner is no \
                 longer a member of the organisation. Create a new one under Settings → API tokens.",
            )
        }
    }
}

impl From<AppError> for ApiError {
    fn from(error: AppError) -> Self {
        if matches!(error, AppError::Unauthenticated) {
            return ApiError::missing_token();
        }
        let status =
            StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        ApiError {
            retry_after_secs: error.retry_after_secs(),
            ..ApiError::new(status, error.to_string()).with_fields(error.fields())
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, Json(self.body)).into_response();
        let headers = response.headers_mut();
        if let Some(seconds) = self.retry_after_secs {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        if self.status == StatusCode::UNAUTHORIZED {
            let challenge = match self.bearer_error {
                Some(error) => format!("Bearer realm=\"RevAlign\", error=\"{error}\""),
                None => "Bearer realm=\"RevAlign\"".to_owned(),
            };
            if let Ok(value) = HeaderValue::from_str(&challenge) {
                headers.insert(header::WWW_AUTHENTICATE, value);
            }
        }
        response
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// The person an API request acts for, from its bearer token (never from a cookie).
pub struct ApiUser(pub CurrentUser);

/// The token of an `Authorization: Bearer <token>` header (the scheme is case-insensitive).
pub fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> ApiResult<Self> {
        let token = bearer_token(&parts.headers).ok_or_else(ApiError::missing_token)?;
        match api_tokens::authenticate_bearer(state, token).await? {
            Some(user) => Ok(ApiUser(user)),
            None => Err(ApiError::invalid_token()),
        }
    }
}

/// A JSON request body. Unlike `axum::Json`, what it refuses is answered as JSON that says
/// what to fix: 415 without a JSON content type, 400 for malformed JSON, 422 naming the
/// fields that are missing, unknown or of the wrong type.
pub struct ApiJson<T>(pub T);

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|essence| essence.trim().to_ascii_lowercase())
        .is_some_and(|essence| {
            essence == "application/json"
                || (essence.starts_with("application/") && essence.ends_with("+json"))
        })
}

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> ApiResult<Self> {
        if !is_json(request.headers()) {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "Send the body as JSON, with the header `Content-Type: application/json`.",
            ));
        }
        let bytes = Bytes::from_request(request, state)
            .await
            .map_err(|rejection| ApiError::new(rejection.status(), rejection.body_text()))?;
        parse_json(&bytes).map(ApiJson)
    }
}

/// Deserialises a body, turning serde's error into one that names the field to fix.
fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> ApiResult<T> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = error.path().to_string();
        json_error(error.inner(), &path)
    })?;
    // Anything after the value (a second object, stray text) is malformed too.
    deserializer
        .end()
        .map_err(|error| json_error(&error, "."))?;
    Ok(value)
}

/// 400 for JSON that does not parse, 422 for JSON that does not fit; `path` is where in the
/// body the error is ("." for the top level).
fn json_error(error: &serde_json::Error, path: &str) -> ApiError {
    // serde_json appends " at line L column C"; the field name says where already.
    let full = error.to_string();
    let what = full
        .rfind(" at line ")
        .map_or(full.as_str(), |at| &full[..at]);
    if !error.is_data() {
        return ApiError::new(
            StatusCode::BAD_REQUEST,
            format!("The request body is not valid JSON ({full}). Send one JSON object."),
        );
    }
    let mut fields = FieldErrors::new();
    if let Some(name) = backticked_after(what, "missing field ") {
        fields.insert(name.to_owned(), "This field is required.".to_owned());
    } else if let Some(name) = backticked_after(what, "unknown field ") {
        fields.insert(name.to_owned(), format!("Remove this field: {what}."));
    } else if path != "." {
        fields.insert(path.to_owned(), format!("Wrong type: {what}."));
    }
    let message = if fields.is_empty() {
        format!("The JSON body does not fit this endpoint ({what}); see /api/v1/openapi.json.")
    } else {
        "The JSON body does not fit this endpoint: fix the named fields.".to_owned()
    };
    ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, message).with_fields(fields)
}

/// `name` from a serde message like "missing field `name`".
fn backticked_after<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    message
        .strip_prefix(prefix)?
        .strip_prefix('`')?
        .split('`')
        .next()
}

/// Answers `201 Created` with a `Location` header and the body.
fn created<T: Serialize>(location: String, body: T) -> Response {
    let mut response = (StatusCode::CREATED, Json(body)).into_response();
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Body {
        name: String,
        size: Option<u32>,
    }

    fn refused(json: &str) -> ApiError {
        parse_json::<Body>(json.as_bytes()).expect_err("refused")
    }

    #[test]
    fn malformed_json_is_a_bad_request() {
        for json in ["{\"name\": ", "", "{\"name\": \"x\"} trailing", "{name: 1}"] {
            assert_eq!(refused(json).status, StatusCode::BAD_REQUEST, "{json:?}");
        }
    }

    #[test]
    fn missing_unknown_and_mistyped_fields_are_named() {
        let missing = refused("{}");
        assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(missing.body.fields.contains_key("name"));

        let unknown = refused(r#"{"name": "x", "colour": 1}"#);
        assert!(unknown.body.fields.contains_key("colour"), "{unknown:?}");

        let mistyped = refused(r#"{"name": "x", "size": "big"}"#);
        assert_eq!(mistyped.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(mistyped.body.fields["size"].contains("expected u32"));

        let not_an_object = refused("\"text\"");
        assert_eq!(not_an_object.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(not_an_object.body.message.contains("invalid type"));
    }

    #[test]
    fn only_bearer_authorization_counts() {
        let mut headers = HeaderMap::new();
        assert_eq!(bearer_token(&headers), None);
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Basic abc"));
        assert_eq!(bearer_token(&headers), None);
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("bearer ra_x"),
        );
        assert_eq!(bearer_token(&headers), Some("ra_x"));
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer "));
        assert_eq!(bearer_token(&headers), None);
    }

    #[test]
    fn the_document_lists_every_route_under_the_prefix() {
        let document = serde_json::to_value(openapi()).unwrap();
        let paths = document["paths"].as_object().unwrap();
        assert!(paths.keys().all(|path| path.starts_with("/api/v1/")));
        assert!(paths.contains_key("/api/v1/campaigns/{id}/results"));
        assert!(document["components"]["securitySchemes"][SECURITY_SCHEME].is_object());
    }
}
