//! Assessment campaigns as the organisation's people run them: launch from a model, share
//! links per function or per person, follow responses, close, read results. Everything is
//! scoped to the caller's organisation; another organisation's ids are "not found".

use super::auth::CurrentUser;
use super::tokens::{new_id, new_token};
use crate::db::campaigns::{self, CampaignRecord, LinkRecord, NewCampaign};
use crate::db::responses;
use crate::domain::account::Name;
use crate::domain::model::{Function, MaturityModel};
use crate::domain::results::{self, ResponseAnswers, ResultsSettings, DEFAULT_MIN_GROUP_SIZE};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n::{I18n, Locale};
use crate::models::assessment::{
    CampaignList, CampaignStatus, CampaignSummary, CampaignView, FunctionProgress, LinkView,
    ModelChoice, NewCampaignForm, ResultsView,
};
use crate::services::results_cache::ResultsKey;
use crate::state::AppState;
use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;

/// The largest threshold an admin can set (beyond it, no function would ever show).
pub const MAX_MIN_GROUP_SIZE: usize = 50;

fn day(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d").to_string()
}

/// The launch form as submitted.
#[derive(Debug, Clone, Default)]
pub struct LaunchCampaign {
    pub name: String,
    pub model_id: String,
    /// Function ids (`marketing`, `customer-success`, ...).
    pub functions: Vec<String>,
    /// `YYYY-MM-DD`, or empty for no close date.
    pub closes_on: String,
    /// Empty for the default.
    pub min_group_size: String,
}

/// The models an admin can launch from, and the form's defaults.
pub fn new_campaign_form(state: &AppState, user: &CurrentUser) -> AppResult<NewCampaignForm> {
    user.require_campaign_manager()?;
    let models = state
        .content
        .library()
        .models
        .iter()
        .map(|loaded| ModelChoice {
            id: loaded.model.id.clone(),
            title: loaded.model.title.clone(),
            version: loaded.model.version.clone(),
            dimensions: loaded.model.dimensions.len(),
            questions: loaded.model.question_count(),
        })
        .collect();
    Ok(NewCampaignForm {
        models,
        default_min_group_size: DEFAULT_MIN_GROUP_SIZE,
    })
}

/// Launches a campaign and creates one link per function taking part. Returns its id.
#[tracing::instrument(skip_all)]
pub async fn launch(
    state: &AppState,
    user: &CurrentUser,
    form: &LaunchCampaign,
) -> AppResult<String> {
    user.require_campaign_manager()?;
    let now = state.clock.now();
    let mut errors = FieldErrors::new();

    let i18n = crate::i18n::current();
    let name = Name::parse(&form.name, &i18n.t("assessments-what-campaign-name"), i18n)
        .map_err(|e| errors.insert("name".into(), e))
        .ok();
    let model = state.content.current_model(&form.model_id);
    if model.is_none() {
        errors.insert("model".into(), i18n.t("assessments-error-model"));
    }
    let mut functions = Vec::new();
    for value in &form.functions {
        match Function::parse(value) {
            Some(function) if !functions.contains(&function) => functions.push(function),
            Some(_) => {}
            None => {
                errors.insert(
                    "functions".into(),
                    i18n.t_with(
                        "assessments-error-unknown-function",
                        &[("value", value.as_str().into())],
                    ),
                );
            }
        }
    }
    if functions.is_empty() && !errors.contains_key("functions") {
        errors.insert("functions".into(), i18n.t("assessments-error-functions"));
    }
    functions.sort();
    let closes_at = parse_close_date(&form.closes_on, now, i18n)
        .map_err(|e| errors.insert("closes_on".into(), e))
        .ok()
        .flatten();
    let min_group_size = parse_min_group_size(&form.min_group_size, i18n)
        .map_err(|e| errors.insert("min_group_size".into(), e))
        .unwrap_or(DEFAULT_MIN_GROUP_SIZE);
    let (Some(name), Some(model), true) = (name, model, errors.is_empty()) else {
        return Err(AppError::invalid(errors));
    };

    let id = new_id();
    let mut tx = state.db.begin_write().await?;
    campaigns::save_model_version(&mut *tx, &model.hash, &model.model.id, &model.source, now)
        .await?;
    campaigns::insert(
        &mut *tx,
        &NewCampaign {
            id: &id,
            organisation_id: &user.organisation_id,
            name: name.as_str(),
            model_hash: &model.hash,
            functions: &functions,
            min_group_size,
            closes_at,
            created_by: &user.user_id,
            created_at: now,
        },
    )
    .await?;
    for function in &functions {
        campaigns::insert_link(&mut *tx, &new_link(&id, *function, None, now)).await?;
    }
    // Pin the model's translations too, so respondents can answer in their language and
    // keep seeing the wording the campaign started with.
    for locale in Locale::ALL.into_iter().filter(|l| *l != Locale::En) {
        if let Some(translation) = state
            .content
            .library()
            .model_in(&model.model.id, locale.tag())
        {
            campaigns::save_model_version(
                &mut *tx,
                &translation.hash,
                &translation.model.id,
                &translation.source,
                now,
            )
            .await?;
            campaigns::insert_translation(&mut *tx, &id, locale.tag(), &translation.hash).await?;
        }
    }
    tx.commit().await?;
    tracing::info!(campaign = %id, functions = functions.len(), "campaign launched");
    Ok(id)
}

fn new_link(
    campaign_id: &str,
    function: Function,
    person_name: Option<String>,
    now: DateTime<Utc>,
) -> LinkRecord {
    LinkRecord {
        id: new_id(),
        campaign_id: campaign_id.to_owned(),
        token: new_token(),
        function,
        person_name,
        created_at: now,
        revoked_at: None,
    }
}

/// A close date is the last day answers are taken: the campaign closes at the end of it (UTC).
fn parse_close_date(
    input: &str,
    now: DateTime<Utc>,
    i18n: I18n,
) -> Result<Option<DateTime<Utc>>, String> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(None);
    }
    let date = NaiveDate::parse_from_str(input, "%Y-%m-%d")
        .map_err(|_| i18n.t("assessments-error-close-format"))?;
    if date < now.date_naive() {
        return Err(i18n.t("assessments-error-close-past"));
    }
    let end = date
        .succ_opt()
        .and_then(|next| next.and_hms_opt(0, 0, 0))
        .map(|at| at.and_utc())
        .ok_or_else(|| i18n.t("assessments-error-close-far"))?;
    Ok(Some(end))
}

fn parse_min_group_size(input: &str, i18n: I18n) -> Result<usize, String> {
    let input = input.trim();
    if input.is_empty() {
        return Ok(DEFAULT_MIN_GROUP_SIZE);
    }
    match input.parse::<usize>() {
        Ok(n) if (1..=MAX_MIN_GROUP_SIZE).contains(&n) => Ok(n),
        _ => Err(i18n.t_with(
            "assessments-error-min-group",
            &[("max", MAX_MIN_GROUP_SIZE.into())],
        )),
    }
}

async fn summaries(
    state: &AppState,
    user: &CurrentUser,
    records: Vec<CampaignRecord>,
) -> AppResult<Vec<CampaignSummary>> {
    // One campaign's page counts only its own responses, not the organisation's.
    let only = match records.as_slice() {
        [one] => Some(one.id.as_str()),
        _ => None,
    };
    let mut counts: HashMap<(String, Function), (usize, usize)> = HashMap::new();
    for (campaign_id, function, submitted, started) in
        campaigns::response_counts(state.db.pool(), &user.organisation_id, only).await?
    {
        counts.insert((campaign_id, function), (submitted, started));
    }
    let now = state.clock.now();
    let mut out = Vec::with_capacity(records.len());
    let locale = crate::i18n::current().locale;
    for record in records {
        // Titled in the reader's language where the campaign has the model's translation.
        let (_, model) = state
            .content
            .campaign_model(&state.db, &record.id, &record.model_hash, locale)
            .await?;
        let functions: Vec<FunctionProgress> = record
            .functions
            .iter()
            .map(|function| {
                let (submitted, in_progress) = counts
                    .get(&(record.id.clone(), *function))
                    .copied()
                    .unwrap_or_default();
                FunctionProgress {
                    function: *function,
                    submitted,
                    in_progress,
                }
            })
            .collect();
        out.push(CampaignSummary {
            status: if record.is_closed(now) {
                CampaignStatus::Closed
            } else {
                CampaignStatus::Open
            },
            closes: record
                .closed_at
                .or(record.closes_at.map(|at| at - chrono::Duration::days(1)))
                .map(day),
            created: day(record.created_at),
            created_by: record.created_by_name,
            submitted: functions.iter().map(|f| f.submitted).sum(),
            functions,
            min_group_size: record.min_group_size,
            model_title: model.title.clone(),
            id: record.id,
            name: record.name,
        });
    }
    Ok(out)
}

/// The organisation's campaigns, newest first.
pub async fn list(state: &AppState, user: &CurrentUser) -> AppResult<CampaignList> {
    let records = campaigns::list_for_organisation(state.db.pool(), &user.organisation_id).await?;
    Ok(CampaignList {
        can_launch: user.role.can_run_campaigns(),
        campaigns: summaries(state, user, records).await?,
    })
}

/// A campaign of the caller's organisation; another organisation's is "not found".
pub(crate) async fn find(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
) -> AppResult<CampaignRecord> {
    campaigns::find(state.db.pool(), &user.organisation_id, id)
        .await?
        .ok_or(AppError::NotFound)
}

pub(crate) async fn summary(
    state: &AppState,
    user: &CurrentUser,
    record: CampaignRecord,
) -> AppResult<CampaignSummary> {
    summaries(state, user, vec![record])
        .await?
        .pop()
        .ok_or(AppError::Internal)
}

/// One campaign; admins also get its links. `origin` is `scheme://host` for the link URLs.
pub async fn campaign(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    origin: &str,
) -> AppResult<CampaignView> {
    let record = find(state, user, id).await?;
    let can_manage = user.role.can_run_campaigns();
    let links = if can_manage {
        link_views(state, &record.id, origin).await?
    } else {
        Vec::new()
    };
    let model = state.content.version(&state.db, &record.model_hash).await?;
    let model_hash = record.model_hash.chars().take(12).collect();
    Ok(CampaignView {
        model_version: model.version.clone(),
        model_hash,
        summary: summary(state, user, record).await?,
        can_manage,
        links,
    })
}

/// One campaign as lists show it, with its response counts per function.
pub async fn campaign_summary(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
) -> AppResult<CampaignSummary> {
    let record = find(state, user, id).await?;
    summary(state, user, record).await
}

/// A campaign's invitation links (admins only), withdrawn ones included.
pub async fn links(
    state: &AppState,
    user: &CurrentUser,
    campaign_id: &str,
    origin: &str,
) -> AppResult<Vec<LinkView>> {
    user.require_campaign_manager()?;
    let record = find(state, user, campaign_id).await?;
    link_views(state, &record.id, origin).await
}

async fn link_views(state: &AppState, campaign_id: &str, origin: &str) -> AppResult<Vec<LinkView>> {
    let mut links = campaigns::list_links(state.db.pool(), campaign_id).await?;
    // Function links in the order functions are listed everywhere, then person links
    // in the order they were added (the sort is stable).
    links.sort_by_key(|link| {
        (
            link.person_name.is_some(),
            link.person_name.is_none().then_some(link.function),
        )
    });
    Ok(links
        .into_iter()
        .map(|link| LinkView {
            url: format!("{origin}/a/{}", link.token),
            id: link.id,
            function: link.function,
            person_name: link.person_name,
            revoked: link.revoked_at.is_some(),
        })
        .collect())
}

/// Adds a link for one named person answering as `function`; returns the link's id.
#[tracing::instrument(skip_all)]
pub async fn add_person_link(
    state: &AppState,
    user: &CurrentUser,
    campaign_id: &str,
    function: &str,
    person_name: &str,
) -> AppResult<String> {
    user.require_campaign_manager()?;
    let record = find(state, user, campaign_id).await?;
    let i18n = crate::i18n::current();
    let mut errors = FieldErrors::new();
    let function = match Function::parse(function) {
        Some(f) if record.functions.contains(&f) => Some(f),
        _ => {
            errors.insert("function".into(), i18n.t("assessments-error-link-function"));
            None
        }
    };
    let name = Name::parse(person_name, &i18n.t("assessments-what-person-name"), i18n)
        .map_err(|e| errors.insert("person_name".into(), e))
        .ok();
    let (Some(function), Some(name)) = (function, name) else {
        return Err(AppError::invalid(errors));
    };
    let now = state.clock.now();
    if record.is_closed(now) {
        return Err(AppError::invalid_form(
            i18n.t("assessments-error-closed-no-links"),
        ));
    }
    let link = new_link(&record.id, function, Some(name.as_str().to_owned()), now);
    campaigns::insert_link(state.db.pool(), &link).await?;
    Ok(link.id)
}

/// Withdraws a link: it then shows a "withdrawn" page and takes no answers.
pub async fn revoke_link(
    state: &AppState,
    user: &CurrentUser,
    campaign_id: &str,
    link_id: &str,
) -> AppResult<()> {
    user.require_campaign_manager()?;
    let record = find(state, user, campaign_id).await?;
    let mut tx = state.db.begin_write().await?;
    if !campaigns::revoke_link(&mut *tx, &record.id, link_id, state.clock.now()).await? {
        return Err(AppError::NotFound);
    }
    pages_changed(state, tx).await
}

/// Commits a change to a campaign or link, and forgets the questionnaire pages that may
/// show it, here and (announced in the same transaction) on other servers.
async fn pages_changed(state: &AppState, mut tx: crate::db::WriteTransaction) -> AppResult<()> {
    use crate::db::page_changes::{announce, PageChange};
    announce(&mut *tx, state.db.backend(), PageChange::Everything).await?;
    tx.commit().await?;
    state.pages.clear();
    Ok(())
}

/// Closes a campaign now: its links stop taking answers; results stay.
pub async fn close(state: &AppState, user: &CurrentUser, campaign_id: &str) -> AppResult<()> {
    user.require_campaign_manager()?;
    let record = find(state, user, campaign_id).await?;
    if record.closed_at.is_some() {
        return Err(AppError::invalid_form(
            crate::i18n::current().t("assessments-error-already-closed"),
        ));
    }
    let mut tx = state.db.begin_write().await?;
    campaigns::close(
        &mut *tx,
        &user.organisation_id,
        &record.id,
        state.clock.now(),
    )
    .await?;
    pages_changed(state, tx).await
}

/// Results of a campaign's submitted responses, anonymised by its threshold.
pub async fn results(
    state: &AppState,
    user: &CurrentUser,
    campaign_id: &str,
) -> AppResult<ResultsView> {
    let record = find(state, user, campaign_id).await?;
    let (model, results) = computed_results(state, &record).await?;
    Ok(ResultsView {
        level_names: model.level_names.clone(),
        summary: summary(state, user, record).await?,
        results,
    })
}

/// The campaign's model version and its results, anonymised by its threshold; computed once
/// per submission (see `results_cache`).
pub(crate) async fn computed_results(
    state: &AppState,
    record: &CampaignRecord,
) -> AppResult<(std::sync::Arc<MaturityModel>, results::CampaignResults)> {
    // Results carry the model's titles: computed in the viewer's language, from the
    // campaign's version in it (the same ids, so every answer counts whatever language it
    // was given in), and cached per language.
    let locale = crate::i18n::current().locale;
    let (model_hash, model) = state
        .content
        .campaign_model(&state.db, &record.id, &record.model_hash, locale)
        .await?;
    let (submitted, last_submitted_at) =
        responses::submitted_version(state.db.pool(), &record.id).await?;
    let key = ResultsKey {
        model_hash,
        min_group_size: record.min_group_size,
        submitted,
        last_submitted_at,
    };
    let cache_id = format!("{}/{locale}", record.id);
    if let Some(cached) = state.results.get(&cache_id, &key) {
        return Ok((model, (*cached).clone()));
    }
    let rows = responses::submitted_answers(state.db.pool(), &record.id).await?;
    let responses = response_answers(&rows, &model);
    let settings = ResultsSettings {
        min_group_size: record.min_group_size,
    };
    let results = results::compute(&model, &responses, &settings);
    state
        .results
        .put(&cache_id, key, std::sync::Arc::new(results.clone()));
    Ok((model, results))
}

/// Turns the rows of `responses::submitted_answers` into one `ResponseAnswers` per
/// response, borrowing the question ids from the model. Public for the benchmark, which
/// times the results computation on its own.
pub fn response_answers<'m>(
    rows: &[(String, String)],
    model: &'m MaturityModel,
) -> Vec<ResponseAnswers<&'m str>> {
    rows.iter()
        .filter_map(|(function, text)| {
            // Written by us, so never expected; skip rather than fail the page.
            let function = Function::parse(function)?;
            let answers = responses::thaw_answers(text, model);
            Some(ResponseAnswers { function, answers })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 29, 10, 0, 0).unwrap()
    }

    #[test]
    fn a_close_date_closes_at_the_end_of_that_day() {
        let closes = parse_close_date("2026-12-31", now(), I18n::default())
            .unwrap()
            .unwrap();
        assert_eq!(closes, Utc.with_ymd_and_hms(2027, 1, 1, 0, 0, 0).unwrap());
        assert_eq!(parse_close_date("  ", now(), I18n::default()), Ok(None));
        assert!(parse_close_date("2026-11-28", now(), I18n::default()).is_err());
        assert!(parse_close_date("31/12/2026", now(), I18n::default()).is_err());
    }

    #[test]
    fn the_anonymity_threshold_is_bounded() {
        assert_eq!(
            parse_min_group_size("", I18n::default()),
            Ok(DEFAULT_MIN_GROUP_SIZE)
        );
        assert_eq!(parse_min_group_size("5", I18n::default()), Ok(5));
        assert!(parse_min_group_size("0", I18n::default()).is_err());
        assert!(parse_min_group_size("51", I18n::default()).is_err());
        assert!(parse_min_group_size("three", I18n::default()).is_err());
    }

    /// One dimension with questions `q1` and `q2` on five levels.
    fn two_questions() -> MaturityModel {
        let question = |id: &str| crate::domain::model::Question {
            id: id.into(),
            text: id.into(),
            help_html: None,
            weight: 1.0,
            levels: (1..=5).map(|i| format!("L{i}")).collect(),
        };
        MaturityModel {
            id: "m".into(),
            title: "M".into(),
            version: "1".into(),
            locale: "en".into(),
            level_names: (1..=5).map(|i| format!("L{i}")).collect(),
            intro_html: String::new(),
            dimensions: vec![crate::domain::model::Dimension {
                id: "d".into(),
                title: "D".into(),
                description_html: String::new(),
                weight: 1.0,
                questions: vec![question("q1"), question("q2")],
            }],
        }
    }

    #[test]
    fn each_submitted_response_becomes_its_answers() {
        use crate::domain::model::Answer;
        let rows = vec![
            ("sales".to_owned(), "v2:4?".to_owned()),
            ("marketing".to_owned(), "q1=2".to_owned()),
            ("nobody".to_owned(), "v2:11".to_owned()),
        ];
        let model = two_questions();
        let grouped = response_answers(&rows, &model);
        assert_eq!(grouped.len(), 2, "a row of an unknown function is skipped");
        assert_eq!(grouped[0].function, Function::Sales);
        assert_eq!(
            grouped[0].answers,
            vec![("q1", Answer::Level(4)), ("q2", Answer::DontKnow)]
        );
        assert_eq!(grouped[1].function, Function::Marketing);
        assert_eq!(grouped[1].answers, vec![("q1", Answer::Level(2))]);
    }
}
