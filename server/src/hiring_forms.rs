//! Form endpoints for hiring: admins opening roles, setting visibility and weights,
//! planning interviews, adding candidates and recording decisions; interviewers saving
//! (and autosaving) and submitting their scorecards. Same two ways of answering as every
//! form (see `forms`): redirect + flash, or JSON for the islands.

use crate::forms::{autosave_refused, kept, pair_value, value, Fields, Outcome};
use app::error::AppError;
use app::models::Flash;
use app::services::auth::CurrentUser;
use app::services::hiring::{self, AddCandidate, AddStage, OpenRole, ScorecardInput};
use app::state::AppState;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use http::HeaderMap;
use serde_json::json;
use std::collections::BTreeMap;

/// Form fields in order, repeated names kept (checkbox groups).
type Pairs = Form<Vec<(String, String)>>;

/// Rows of the candidate form's career table (`career.0.*` to `career.4.*`).
const CAREER_ROWS: usize = 5;

/// Every value of field `name` (a checkbox group), in order.
fn all(pairs: &[(String, String)], name: &str) -> Vec<String> {
    pairs
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .collect()
}

/// The fields named in `names` or starting with one of `prefixes`, to put back into the form.
fn kept_pairs(
    pairs: &[(String, String)],
    names: &[&str],
    prefixes: &[&str],
) -> BTreeMap<String, String> {
    pairs
        .iter()
        .filter(|(k, _)| names.contains(&k.as_str()) || prefixes.iter().any(|p| k.starts_with(p)))
        .cloned()
        .collect()
}

pub async fn open_role(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    headers: HeaderMap,
    Form(fields): Fields,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let values = kept(&fields, &["title", "rubric", "visibility"]);
    let Some(Extension(user)) = user else {
        return outcome.failure("/hiring", "role", AppError::Unauthenticated, values);
    };
    let form = OpenRole {
        title: value(&fields, "title").to_owned(),
        rubric_id: value(&fields, "rubric").to_owned(),
        visibility: value(&fields, "visibility").to_owned(),
    };
    match hiring::open_role(&state, &user, &form).await {
        Ok(id) => outcome.success(
            &format!("/hiring/roles/{id}"),
            Vec::new(),
            Some(Flash::notice(
                "role",
                &app::i18n::current().t("hiring-role-opened"),
            )),
        ),
        Err(error) => outcome.failure("/hiring", "role", error, values),
    }
}

pub async fn set_visibility(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    headers: HeaderMap,
    Form(fields): Fields,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let values = kept(&fields, &["visibility"]);
    let Some(Extension(user)) = user else {
        return outcome.failure("/hiring", "visibility", AppError::Unauthenticated, values);
    };
    match hiring::set_organisation_visibility(&state, &user, value(&fields, "visibility")).await {
        Ok(()) => outcome.success(
            "/hiring",
            Vec::new(),
            Some(Flash::notice(
                "visibility",
                &app::i18n::current().t("hiring-visibility-saved"),
            )),
        ),
        Err(error) => outcome.failure("/hiring", "visibility", error, values),
    }
}

pub async fn update_role(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(role_id): Path<String>,
    headers: HeaderMap,
    Form(pairs): Pairs,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let back = format!("/hiring/roles/{role_id}");
    let values = kept_pairs(&pairs, &["visibility"], &["weight."]);
    let Some(Extension(user)) = user else {
        return outcome.failure(&back, "role-settings", AppError::Unauthenticated, values);
    };
    let weights: Vec<(String, String)> = pairs
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("weight.")?.to_owned(), v.clone())))
        .collect();
    let visibility = pair_value(&pairs, "visibility").to_owned();
    match hiring::update_role(&state, &user, &role_id, &visibility, &weights).await {
        Ok(()) => outcome.success(
            &back,
            Vec::new(),
            Some(Flash::notice(
                "role-settings",
                &app::i18n::current().t("hiring-role-saved"),
            )),
        ),
        Err(error) => outcome.failure(&back, "role-settings", error, values),
    }
}

pub async fn add_stage(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(role_id): Path<String>,
    headers: HeaderMap,
    Form(pairs): Pairs,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let back = format!("/hiring/roles/{role_id}");
    let focus = all(&pairs, "focus");
    let mut values = BTreeMap::new();
    for name in ["name", "interviewer"] {
        values.insert(name.to_owned(), pair_value(&pairs, name).to_owned());
    }
    values.insert("focus".to_owned(), focus.join(","));
    let Some(Extension(user)) = user else {
        return outcome.failure(&back, "stage", AppError::Unauthenticated, values);
    };
    let form = AddStage {
        name: pair_value(&pairs, "name").to_owned(),
        interviewer_id: pair_value(&pairs, "interviewer").to_owned(),
        focus,
    };
    match hiring::add_stage(&state, &user, &role_id, &form).await {
        Ok(_) => outcome.success(
            &back,
            Vec::new(),
            Some(Flash::notice(
                "stage",
                &app::i18n::current().t("hiring-stage-added"),
            )),
        ),
        Err(error) => outcome.failure(&back, "stage", error, values),
    }
}

pub async fn add_candidate(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(role_id): Path<String>,
    headers: HeaderMap,
    Form(pairs): Pairs,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let back = format!("/hiring/roles/{role_id}");
    let values = kept_pairs(&pairs, &["name", "current_title"], &["career."]);
    let Some(Extension(user)) = user else {
        return outcome.failure(&back, "candidate", AppError::Unauthenticated, values);
    };
    let career = (0..CAREER_ROWS)
        .map(|n| {
            let part = |name: &str| pair_value(&pairs, &format!("career.{n}.{name}")).to_owned();
            (part("title"), part("function"), part("years"))
        })
        .collect();
    let form = AddCandidate {
        name: pair_value(&pairs, "name").to_owned(),
        current_title: pair_value(&pairs, "current_title").to_owned(),
        career,
    };
    match hiring::add_candidate(&state, &user, &role_id, &form).await {
        Ok(id) => outcome.success(
            &format!("/hiring/candidates/{id}"),
            Vec::new(),
            Some(Flash::notice(
                "candidate",
                &app::i18n::current().t("hiring-candidate-added"),
            )),
        ),
        Err(error) => outcome.failure(&back, "candidate", error, values),
    }
}

/// Saves the interviewer's scorecard as a draft (`intent=save`, the default) or submits it
/// (`intent=submit`). With `autosave=1` (the island, JSON) it only saves the draft, never
/// submits, and answers `{"saved": …}`.
pub async fn save_scorecard(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path((stage_id, candidate_id)): Path<(String, String)>,
    headers: HeaderMap,
    Form(pairs): Pairs,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let back = format!("/interviews/{stage_id}/{candidate_id}");
    let autosave = pairs.iter().any(|(k, v)| k == "autosave" && v == "1");
    let submit = !autosave && pair_value(&pairs, "intent") == "submit";
    let values = kept_pairs(
        &pairs,
        &["recommendation", "takeaways"],
        &["rating.", "evidence."],
    );
    let Some(Extension(user)) = user else {
        return outcome.failure(&back, "scorecard", AppError::Unauthenticated, values);
    };
    let input = ScorecardInput::from_pairs(&pairs);
    let saved =
        hiring::save_scorecard(&state, &user, &stage_id, &candidate_id, &input, submit).await;
    if submit
        && !outcome.json
        && matches!(&saved, Err(AppError::Invalid { fields, .. }) if !fields.is_empty())
    {
        // An incomplete submission going back through the flash cookie: notes longer than
        // a cookie holds would be lost, so keep what was typed as the (private) draft too.
        // The draft may still be refused (e.g. a note too long); the submission's errors are
        // what the form shows either way.
        let _ =
            hiring::save_scorecard(&state, &user, &stage_id, &candidate_id, &input, false).await;
    }
    match saved {
        Ok(_) if autosave && outcome.json => axum::Json(json!({ "saved": true })).into_response(),
        Ok(_) if submit => outcome.success(
            &format!("/hiring/candidates/{candidate_id}"),
            Vec::new(),
            Some(Flash::notice(
                "scorecard",
                &app::i18n::current().t("hiring-scorecard-submitted"),
            )),
        ),
        Ok(_) => outcome.success(
            &back,
            Vec::new(),
            Some(Flash::notice(
                "scorecard",
                &app::i18n::current().t("hiring-draft-saved"),
            )),
        ),
        Err(error) if autosave && outcome.json => autosave_refused(&error),
        Err(error) => outcome.failure(&back, "scorecard", error, values),
    }
}

pub async fn decide(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(candidate_id): Path<String>,
    headers: HeaderMap,
    Form(fields): Fields,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let back = format!("/hiring/candidates/{candidate_id}/debrief");
    let values = kept(&fields, &["outcome", "rationale"]);
    let Some(Extension(user)) = user else {
        return outcome.failure(&back, "decision", AppError::Unauthenticated, values);
    };
    let result = hiring::decide(
        &state,
        &user,
        &candidate_id,
        value(&fields, "outcome"),
        value(&fields, "rationale"),
    )
    .await;
    match result {
        Ok(()) => outcome.success(
            &back,
            Vec::new(),
            Some(Flash::notice(
                "decision",
                &app::i18n::current().t("hiring-decision-recorded"),
            )),
        ),
        Err(error) => outcome.failure(&back, "decision", error, values),
    }
}
