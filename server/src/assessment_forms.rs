//! Form endpoints for assessments: admins launching and managing campaigns, respondents
//! starting, saving steps (and autosaving single answers) and submitting. Same two ways of
//! answering as every form (see `forms`): redirect + flash, or JSON for the islands.

use crate::forms::{autosave_refused, kept, value, Fields, Outcome};
use app::error::AppError;
use app::models::Flash;
use app::services::auth::CurrentUser;
use app::services::cookies::request_cookie;
use app::services::{assessments, questionnaire};
use app::state::AppState;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use http::HeaderMap;
use serde_json::json;
use std::collections::BTreeMap;

/// Form fields in order, repeated names kept (checkbox groups).
type Pairs = Form<Vec<(String, String)>>;

pub async fn launch(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    headers: HeaderMap,
    Form(pairs): Pairs,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let field = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let functions: Vec<String> = pairs
        .iter()
        .filter(|(k, _)| k == "functions")
        .map(|(_, v)| v.clone())
        .collect();
    let mut values = BTreeMap::new();
    for name in ["name", "closes_on", "min_group_size"] {
        values.insert(name.to_owned(), field(name));
    }
    values.insert("functions".to_owned(), functions.join(","));
    let Some(Extension(user)) = user else {
        return outcome.failure(
            "/assessments/new",
            "campaign",
            AppError::Unauthenticated,
            values,
        );
    };
    let form = assessments::LaunchCampaign {
        name: field("name"),
        model_id: field("model"),
        functions,
        closes_on: field("closes_on"),
        min_group_size: field("min_group_size"),
    };
    match assessments::launch(&state, &user, &form).await {
        Ok(id) => outcome.success(
            &format!("/assessments/{id}"),
            Vec::new(),
            Some(Flash::notice(
                "campaign",
                &app::i18n::current().t("assessments-launched"),
            )),
        ),
        Err(error) => outcome.failure("/assessments/new", "campaign", error, values),
    }
}

pub async fn add_link(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(campaign_id): Path<String>,
    headers: HeaderMap,
    Form(fields): Fields,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let back = format!("/assessments/{campaign_id}");
    let values = kept(&fields, &["person_name"]);
    let Some(Extension(user)) = user else {
        return outcome.failure(&back, "link", AppError::Unauthenticated, values);
    };
    let result = assessments::add_person_link(
        &state,
        &user,
        &campaign_id,
        value(&fields, "function"),
        value(&fields, "person_name"),
    )
    .await;
    match result {
        Ok(_) => outcome.success(
            &back,
            Vec::new(),
            Some(Flash::notice(
                "link",
                &app::i18n::current().t("assessments-link-added"),
            )),
        ),
        Err(error) => outcome.failure(&back, "link", error, values),
    }
}

pub async fn withdraw_link(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path((campaign_id, link_id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let back = format!("/assessments/{campaign_id}");
    let Some(Extension(user)) = user else {
        return outcome.failure(
            &back,
            "campaign-action",
            AppError::Unauthenticated,
            BTreeMap::new(),
        );
    };
    match assessments::revoke_link(&state, &user, &campaign_id, &link_id).await {
        Ok(()) => outcome.success(
            &back,
            Vec::new(),
            Some(Flash::notice(
                "campaign-action",
                &app::i18n::current().t("assessments-link-withdrawn-notice"),
            )),
        ),
        Err(error) => outcome.failure(&back, "campaign-action", error, BTreeMap::new()),
    }
}

pub async fn close(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(campaign_id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let back = format!("/assessments/{campaign_id}");
    let Some(Extension(user)) = user else {
        return outcome.failure(
            &back,
            "campaign-action",
            AppError::Unauthenticated,
            BTreeMap::new(),
        );
    };
    match assessments::close(&state, &user, &campaign_id).await {
        Ok(()) => outcome.success(
            &back,
            Vec::new(),
            Some(Flash::notice(
                "campaign-action",
                &app::i18n::current().t("assessments-closed-notice"),
            )),
        ),
        Err(error) => outcome.failure(&back, "campaign-action", error, BTreeMap::new()),
    }
}

/// The respondent's resume token from the cookie their link's pages receive.
fn resume_token(state: &AppState, headers: &HeaderMap) -> Option<String> {
    request_cookie(
        headers,
        questionnaire::resume_cookie_name(state.auth.secure_cookies),
    )
}

/// Where a respondent with this progress continues.
fn continue_at(token: &str, progress: &app::models::assessment::Progress) -> String {
    if progress.submitted {
        format!("/a/{token}/thanks")
    } else if progress.resume_step > progress.steps {
        format!("/a/{token}/review")
    } else {
        format!("/a/{token}/step/{}", progress.resume_step)
    }
}

pub async fn start(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let resume = resume_token(&state, &headers);
    match questionnaire::start(&state, &token, resume.as_deref()).await {
        Ok(started) => {
            let cookies = started
                .resume_token
                .map(|resume| questionnaire::resume_cookie(&state, &token, &resume))
                .into_iter()
                .collect();
            outcome.success(&continue_at(&token, &started.progress), cookies, None)
        }
        Err(error) => outcome.failure(&format!("/a/{token}"), "start", error, BTreeMap::new()),
    }
}

/// Saves a step. With `autosave=1` (the island, JSON) it only saves and reports progress;
/// otherwise it saves and moves back or on as the pressed button (`nav`) says.
pub async fn save_step(
    State(state): State<AppState>,
    Path((token, step)): Path<(String, usize)>,
    headers: HeaderMap,
    Form(pairs): Pairs,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let back = format!("/a/{token}/step/{step}");
    let autosave = pairs.iter().any(|(k, v)| k == "autosave" && v == "1");
    let nav_back = pairs.iter().any(|(k, v)| k == "nav" && v == "back");
    let values: BTreeMap<String, String> = pairs
        .iter()
        .filter(|(k, _)| k.starts_with("q.") || k.starts_with("c."))
        .cloned()
        .collect();
    let resume = resume_token(&state, &headers);
    let saved = match questionnaire::answers_from_form(&pairs) {
        Ok(answers) => questionnaire::save(&state, &token, resume.as_deref(), &answers).await,
        Err(error) => Err(error),
    };
    match saved {
        Ok(progress) if autosave && outcome.json => axum::Json(json!({
            "saved": true,
            "answered": progress.answered,
            "total": progress.total,
        }))
        .into_response(),
        Ok(progress) => {
            let to = if nav_back {
                if step > 1 {
                    format!("/a/{token}/step/{}", step - 1)
                } else {
                    format!("/a/{token}")
                }
            } else if step >= progress.steps {
                format!("/a/{token}/review")
            } else {
                format!("/a/{token}/step/{}", step + 1)
            };
            outcome.success(&to, Vec::new(), None)
        }
        Err(error) if autosave && outcome.json => autosave_refused(&error),
        Err(error) => outcome.failure(&back, "step", error, values),
    }
}

pub async fn submit(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let resume = resume_token(&state, &headers);
    match questionnaire::submit(&state, &token, resume.as_deref()).await {
        Ok(_) => outcome.success(&format!("/a/{token}/thanks"), Vec::new(), None),
        Err(error) => outcome.failure(
            &format!("/a/{token}/review"),
            "submit",
            error,
            BTreeMap::new(),
        ),
    }
}
