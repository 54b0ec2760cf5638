//! Roadmap forms (settings and targets; one initiative's move, drop, restore, owner, done)
//! and the downloads of a campaign for signed-in people: the report as Markdown, results
//! and roadmap as CSV and JSON. Forms answer as every form does (see `forms`).

use crate::forms::{pair_value, see_other, Outcome};
use app::domain::roadmap::SettingsInput;
use app::error::AppError;
use app::models::Flash;
use app::services::auth::CurrentUser;
use app::services::roadmap::{self, InitiativeAction};
use app::services::{assessments, exports};
use app::state::AppState;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Form};
use http::{header, HeaderMap, HeaderValue, StatusCode};
use std::collections::BTreeMap;

type Pairs = Form<Vec<(String, String)>>;

/// The settings form as typed: `phases`, `capacity_weeks`, `phase_length`, `starts_on` and
/// `target.<dimension id>`.
pub(crate) fn settings_input(pairs: &[(String, String)]) -> SettingsInput {
    SettingsInput {
        phases: pair_value(pairs, "phases").to_owned(),
        capacity_weeks: pair_value(pairs, "capacity_weeks").to_owned(),
        phase_length: pair_value(pairs, "phase_length").to_owned(),
        starts_on: pair_value(pairs, "starts_on").to_owned(),
        targets: pairs
            .iter()
            .filter_map(|(k, v)| Some((k.strip_prefix("target.")?.to_owned(), v.clone())))
            .collect(),
    }
}

pub async fn save_settings(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path(campaign_id): Path<String>,
    headers: HeaderMap,
    Form(pairs): Pairs,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let back = format!("/assessments/{campaign_id}/roadmap");
    let values: BTreeMap<String, String> = pairs.iter().cloned().collect();
    let Some(Extension(user)) = user else {
        return outcome.failure(&back, "roadmap-settings", AppError::Unauthenticated, values);
    };
    match roadmap::save_settings(&state, &user, &campaign_id, &settings_input(&pairs)).await {
        Ok(()) => outcome.success(
            &back,
            Vec::new(),
            Some(Flash::notice(
                "roadmap-settings",
                &app::i18n::current().t("roadmap-settings-saved"),
            )),
        ),
        Err(error) => outcome.failure(&back, "roadmap-settings", error, values),
    }
}

pub async fn change_initiative(
    State(state): State<AppState>,
    user: Option<Extension<CurrentUser>>,
    Path((campaign_id, initiative_id)): Path<(String, String)>,
    headers: HeaderMap,
    Form(pairs): Pairs,
) -> Response {
    let outcome = Outcome::new(&state, &headers);
    let back = format!("/assessments/{campaign_id}/roadmap");
    // Errors show beside the initiative they are about.
    let form = format!("initiative-{initiative_id}");
    let values: BTreeMap<String, String> = pairs.iter().cloned().collect();
    let Some(Extension(user)) = user else {
        return outcome.failure(&back, &form, AppError::Unauthenticated, values);
    };
    let action = match InitiativeAction::from_form(
        pair_value(&pairs, "action"),
        pair_value(&pairs, "phase"),
        pair_value(&pairs, "owner"),
    ) {
        Ok(action) => action,
        Err(error) => return outcome.failure(&back, &form, error, values),
    };
    match roadmap::change_initiative(&state, &user, &campaign_id, &initiative_id, &action).await {
        Ok(done) => outcome.success(
            &format!("{back}#initiative-{initiative_id}"),
            Vec::new(),
            Some(Flash::notice(
                &form,
                &app::i18n::current().t_with("roadmap-change-notice", &[("change", done.into())]),
            )),
        ),
        Err(error) => outcome.failure(&back, &form, error, values),
    }
}

/// Which download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Download {
    ReportMarkdown,
    ResultsCsv,
    ResultsJson,
    RoadmapCsv,
    RoadmapJson,
}

impl Download {
    fn file_name(self) -> &'static str {
        match self {
            Download::ReportMarkdown => "report.md",
            Download::ResultsCsv => "results.csv",
            Download::ResultsJson => "results.json",
            Download::RoadmapCsv => "roadmap.csv",
            Download::RoadmapJson => "roadmap.json",
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            Download::ReportMarkdown => "text/markdown; charset=utf-8",
            Download::ResultsCsv | Download::RoadmapCsv => "text/csv; charset=utf-8",
            Download::ResultsJson | Download::RoadmapJson => "application/json",
        }
    }
}

/// The body of a download, made by the same services as the pages. Downloads are English
/// whatever the reader's language (their headings and column names are, for the
/// spreadsheets and scripts that read them), so the services run in English for them:
/// titles, reasons and sentences match the rest of the file.
pub(crate) async fn download_body(
    state: &AppState,
    user: &CurrentUser,
    campaign_id: &str,
    which: Download,
) -> Result<String, AppError> {
    app::i18n::in_request_locale(
        app::i18n::Locale::En,
        english_download(state, user, campaign_id, which),
    )
    .await
}

async fn english_download(
    state: &AppState,
    user: &CurrentUser,
    campaign_id: &str,
    which: Download,
) -> Result<String, AppError> {
    let json = |value: serde_json::Result<String>| value.map_err(|_| AppError::Internal);
    Ok(match which {
        Download::ReportMarkdown => {
            exports::report_markdown(&roadmap::report(state, user, campaign_id).await?)
        }
        Download::ResultsCsv => exports::results_csv(
            &assessments::results(state, user, campaign_id)
                .await?
                .results,
        ),
        Download::ResultsJson => json(serde_json::to_string_pretty(
            &assessments::results(state, user, campaign_id).await?,
        ))?,
        Download::RoadmapCsv => {
            exports::roadmap_csv(&roadmap::roadmap(state, user, campaign_id).await?)
        }
        Download::RoadmapJson => json(serde_json::to_string_pretty(
            &roadmap::roadmap(state, user, campaign_id).await?,
        ))?,
    })
}

/// A file answer: the content type, and `Content-Disposition: attachment` with a name
/// that says which campaign it is from.
pub(crate) fn file_response(campaign_id: &str, which: Download, body: String) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(which.content_type()),
    );
    // Campaign ids are our own URL-safe tokens; anything else falls back to a plain name.
    let name = format!("revalign-{campaign_id}-{}", which.file_name());
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .unwrap_or_else(|_| HeaderValue::from_static("attachment"));
    headers.insert(header::CONTENT_DISPOSITION, disposition);
    response
}

async fn download(
    state: AppState,
    user: Option<Extension<CurrentUser>>,
    campaign_id: String,
    which: Download,
) -> Response {
    let Some(Extension(user)) = user else {
        return see_other(&format!(
            "/signin?next=/assessments/{campaign_id}/{}",
            which.file_name()
        ));
    };
    match download_body(&state, &user, &campaign_id, which).await {
        Ok(body) => file_response(&campaign_id, which, body),
        Err(error) => {
            let status = StatusCode::from_u16(error.status_code())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, error.to_string()).into_response()
        }
    }
}

macro_rules! download_handler {
    ($name:ident, $which:expr) => {
        pub async fn $name(
            State(state): State<AppState>,
            user: Option<Extension<CurrentUser>>,
            Path(campaign_id): Path<String>,
        ) -> Response {
            download(state, user, campaign_id, $which).await
        }
    };
}

download_handler!(report_markdown, Download::ReportMarkdown);
download_handler!(results_csv, Download::ResultsCsv);
download_handler!(results_json, Download::ResultsJson);
download_handler!(roadmap_csv, Download::RoadmapCsv);
download_handler!(roadmap_json, Download::RoadmapJson);
