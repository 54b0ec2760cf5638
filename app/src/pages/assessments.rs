//! Assessment pages for the organisation's people: the campaign list, launching a
//! campaign, one campaign with its links, and the results.

use crate::api::assessment::{campaign_page, campaigns_page, new_campaign_page, results_page};
use crate::components::charts::{heat_class, RadarChart, RadarSeries};
use crate::components::form::{AppForm, Field, Notice};
use crate::components::layout::PageView;
use crate::domain::model::Function;
use crate::domain::results::{CampaignResults, DimensionResult, Summary};
use crate::i18n::{use_i18n, I18n};
use crate::islands::{CopyButton, CopyTexts};
use crate::models::assessment::{
    CampaignList, CampaignStatus, CampaignSummary, CampaignView, NewCampaignForm, ResultsView,
};
use crate::models::Flash;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// A route parameter of the current page, as the page's resource key.
pub(crate) fn param(name: &'static str) -> impl Fn() -> String + Send + Sync + 'static {
    let params = use_params_map();
    move || params.read().get(name).unwrap_or_default()
}

/// "2.8" or "–" when there is no number.
pub fn one_decimal(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.1}"))
}

fn two_decimals(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.2}"))
}

fn percent(i18n: I18n, value: Option<f64>) -> String {
    value.map_or_else(
        || "–".to_owned(),
        |v| {
            i18n.t_with(
                "results-percent",
                &[("value", format!("{:.0}", v * 100.0).into())],
            )
        },
    )
}

/// The campaign list (also shown on the dashboard).
#[component]
pub fn CampaignTable(list: CampaignList) -> impl IntoView {
    let i18n = use_i18n();
    if list.campaigns.is_empty() {
        return view! {
            <p class="empty">
                {i18n.t(if list.can_launch {
                    "assessments-empty-admin"
                } else {
                    "assessments-empty-member"
                })}
            </p>
        }
        .into_any();
    }
    view! {
        <table class="campaigns">
            <thead>
                <tr>
                    <th scope="col">{i18n.t("assessments-col-assessment")}</th>
                    <th scope="col">{i18n.t("assessments-col-status")}</th>
                    <th scope="col">{i18n.t("assessments-col-responses")}</th>
                    <th scope="col">{i18n.t("assessments-col-submitted")}</th>
                </tr>
            </thead>
            <tbody>
                {list.campaigns.into_iter().map(|c| view! {
                    <tr>
                        <td><a href=format!("/assessments/{}", c.id)>{c.name.clone()}</a><br/><span class="hint">{c.model_title.clone()}</span></td>
                        <td>{status_text(i18n, &c)}</td>
                        <td><FunctionCounts summary=c.clone()/></td>
                        <td>{c.submitted}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

fn status_text(i18n: I18n, c: &CampaignSummary) -> String {
    match (c.status, &c.closes) {
        (CampaignStatus::Open, Some(on)) => i18n.t_with(
            "assessments-status-open-until",
            &[("day", i18n.day(on).into())],
        ),
        (CampaignStatus::Closed, Some(on)) => i18n.t_with(
            "assessments-status-closed-on",
            &[("day", i18n.day(on).into())],
        ),
        (status, None) => i18n.t(status.label_key()),
    }
}

#[component]
fn FunctionCounts(summary: CampaignSummary) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="counts">
            {summary.functions.into_iter().map(|f| view! {
                <li>
                    <strong>{i18n.t(f.function.label_key())}</strong>
                    {if f.in_progress > 0 {
                        i18n.t_with(
                            "assessments-count-submitted-in-progress",
                            &[("submitted", f.submitted.into()), ("in_progress", f.in_progress.into())],
                        )
                    } else {
                        i18n.t_with("assessments-count-submitted", &[("submitted", f.submitted.into())])
                    }}
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// `/assessments`: every campaign of the organisation.
#[component]
pub fn CampaignsPage() -> impl IntoView {
    let page = Resource::new_blocking(|| (), |_| campaigns_page());
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("assessments-title")/>
        <PageView resource=page render=move |page| {
            let can_launch = page.content.can_launch;
            view! {
                <section class="panel">
                    <div class="panel-head">
                        <h1>{i18n.t("assessments-heading")}</h1>
                        {can_launch.then(|| view! { <a class="button primary" href="/assessments/new">{i18n.t("assessments-launch-button")}</a> })}
                    </div>
                    <CampaignTable list=page.content/>
                </section>
            }
        }/>
    }
}

/// `/assessments/new`: the launch form.
#[component]
pub fn NewCampaignPage() -> impl IntoView {
    let page = Resource::new_blocking(|| (), |_| new_campaign_page());
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("assessments-launch-title")/>
        <PageView resource=page render=|page| view! { <NewCampaign form=page.content flash=page.flash/> }/>
    }
}

#[component]
fn NewCampaign(form: NewCampaignForm, flash: Option<Flash>) -> impl IntoView {
    let i18n = use_i18n();
    let flash = Flash::for_form(&flash, "campaign").unwrap_or_default();
    let chosen: Vec<String> = flash
        .value("functions")
        .map(|v| v.split(',').map(str::to_owned).collect())
        .unwrap_or_else(|| {
            [
                Function::Marketing,
                Function::Sales,
                Function::CustomerSuccess,
            ]
            .iter()
            .map(|f| f.as_str().to_owned())
            .collect()
        });
    let min_group = flash
        .value("min_group_size")
        .unwrap_or_else(|| form.default_min_group_size.to_string());
    if form.models.is_empty() {
        return view! {
            <section class="panel">
                <h1>{i18n.t("assessments-launch-title")}</h1>
                <p class="empty">{i18n.t("assessments-launch-no-models")}</p>
            </section>
        }
        .into_any();
    }
    view! {
        <section class="panel narrow-wide">
            <h1>{i18n.t("assessments-launch-title")}</h1>
            <p>{i18n.t("assessments-launch-lead")}</p>
            <AppForm action="/assessments".to_owned() id="campaign" submit_label=i18n.t("assessments-launch-submit") flash=flash.clone()>
                <Field form="campaign" name="name" label=i18n.t("assessments-field-name") hint=i18n.t("assessments-field-name-hint") required=true maxlength=100 flash=flash.clone()/>
                <div class="field">
                    <label for="campaign-model">{i18n.t("assessments-field-model")}</label>
                    <select id="campaign-model" name="model" aria-describedby="campaign-model-error">
                        {form.models.iter().map(|m| view! {
                            <option value=m.id.clone()>{i18n.t_with(
                                "assessments-model-choice",
                                &[
                                    ("title", m.title.clone().into()),
                                    ("version", m.version.clone().into()),
                                    ("questions", m.questions.into()),
                                    ("dimensions", m.dimensions.into()),
                                ],
                            )}</option>
                        }).collect_view()}
                    </select>
                    <p id="campaign-model-error" class="field-error" data-error-for="model">{flash.field_error("model")}</p>
                </div>
                <fieldset class="field" aria-describedby="campaign-functions-error">
                    <legend>{i18n.t("assessments-field-functions")}</legend>
                    <p class="hint">{i18n.t("assessments-field-functions-hint")}</p>
                    {Function::ALL.iter().map(|f| {
                        let id = format!("campaign-function-{}", f.as_str());
                        view! {
                            <label class="check" for=id.clone()>
                                <input type="checkbox" id=id.clone() name="functions" value=f.as_str() checked=chosen.iter().any(|c| c == f.as_str())/>
                                {i18n.t(f.label_key())}
                            </label>
                        }
                    }).collect_view()}
                    <p id="campaign-functions-error" class="field-error" data-error-for="functions">{flash.field_error("functions")}</p>
                </fieldset>
                <Field form="campaign" name="closes_on" kind="date" label=i18n.t("assessments-field-closes") hint=i18n.t("assessments-field-closes-hint") flash=flash.clone()/>
                <div class="field">
                    <label for="campaign-min_group_size">{i18n.t("assessments-field-min-group")}</label>
                    <p id="campaign-min_group_size-hint" class="hint">{i18n.t("assessments-field-min-group-hint")}</p>
                    <input id="campaign-min_group_size" name="min_group_size" type="number" min="1" max="50" value=min_group aria-describedby="campaign-min_group_size-hint campaign-min_group_size-error"/>
                    <p id="campaign-min_group_size-error" class="field-error" data-error-for="min_group_size">{flash.field_error("min_group_size")}</p>
                </div>
            </AppForm>
        </section>
    }
    .into_any()
}

/// `/assessments/:id`: one campaign, its progress and (for admins) its links.
#[component]
pub fn CampaignPage() -> impl IntoView {
    let id = param("id");
    let page = Resource::new_blocking(id, campaign_page);
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("assessments-campaign-title")/>
        <PageView resource=page render=|page| view! { <Campaign view=page.content flash=page.flash/> }/>
    }
}

#[component]
fn Campaign(view: CampaignView, flash: Option<Flash>) -> impl IntoView {
    let i18n = use_i18n();
    let notice = flash.as_ref().and_then(|f| f.notice.clone());
    let link_flash = Flash::for_form(&flash, "link").unwrap_or_default();
    let action_error = Flash::for_form(&flash, "campaign-action").and_then(|f| f.error);
    let summary = view.summary.clone();
    let id = summary.id.clone();
    let open = summary.status == CampaignStatus::Open;
    let function_links: Vec<_> = view
        .links
        .iter()
        .filter(|l| l.person_name.is_none())
        .cloned()
        .collect();
    let person_links: Vec<_> = view
        .links
        .iter()
        .filter(|l| l.person_name.is_some())
        .cloned()
        .collect();
    let link_row = move |link: crate::models::assessment::LinkView, campaign_id: String| {
        let who = link.person_name.clone().unwrap_or_else(|| {
            i18n.t_with(
                "assessments-link-everyone-in",
                &[(
                    "function",
                    i18n.t(link.function.label_key()).to_lowercase().into(),
                )],
            )
        });
        let input_id = format!("link-{}", link.id);
        view! {
            <tr>
                <td>{i18n.t(link.function.label_key())}</td>
                <td>{who.clone()}</td>
                <td>
                    {if link.revoked {
                        view! { <span class="hint">{i18n.t("assessments-link-withdrawn")}</span> }.into_any()
                    } else {
                        view! {
                            <label class="sr-only" for=input_id.clone()>{i18n.t_with("assessments-link-for", &[("who", who.clone().into())])}</label>
                            <input id=input_id class="link-field" type="text" readonly value=link.url.clone() data-function=link.function.as_str() data-person=link.person_name.clone()/>
                            <CopyButton text=link.url.clone() texts=CopyTexts::link(i18n)/>
                        }.into_any()
                    }}
                </td>
                <td>
                    {(!link.revoked).then(|| view! {
                        <form method="post" action=format!("/assessments/{campaign_id}/links/{}/withdraw", link.id) class="inline">
                            <button type="submit" class="link-button" aria-label=i18n.t_with("assessments-link-withdraw-label", &[("who", who.clone().into())])>{i18n.t("assessments-link-withdraw")}</button>
                        </form>
                    })}
                </td>
            </tr>
        }
        .into_any()
    };
    let head = view! {
        <section class="panel">
            <div class="panel-head">
                <h1>{summary.name.clone()}</h1>
                <span class="button-row">
                    <a class="button primary" href=format!("/assessments/{id}/results")>{i18n.t("assessments-results-button")}</a>
                    <a class="button" href=format!("/assessments/{id}/roadmap")>{i18n.t("assessments-roadmap-button")}</a>
                    <a class="button" href=format!("/assessments/{id}/report")>{i18n.t("assessments-report-button")}</a>
                </span>
            </div>
            {notice.map(|message| view! { <Notice message/> })}
            {action_error.map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            <dl class="facts">
                <dt>{i18n.t("assessments-fact-status")}</dt><dd>{status_text(i18n, &summary)}</dd>
                <dt>{i18n.t("assessments-fact-model")}</dt><dd>{i18n.t_with(
                    "assessments-model-version",
                    &[
                        ("title", summary.model_title.clone().into()),
                        ("version", view.model_version.clone().into()),
                        ("hash", view.model_hash.clone().into()),
                    ],
                )}</dd>
                <dt>{i18n.t("assessments-fact-launched")}</dt><dd>{i18n.t_with(
                    "assessments-launched-by",
                    &[("day", i18n.day(&summary.created).into()), ("name", summary.created_by.clone().into())],
                )}</dd>
                <dt>{i18n.t("assessments-fact-anonymity")}</dt><dd>{i18n.t_with(
                    "assessments-anonymity-from",
                    &[("count", summary.min_group_size.into())],
                )}</dd>
            </dl>
            <h2>{i18n.t("assessments-responses")}</h2>
            <FunctionCounts summary=summary.clone()/>
        </section>
    }
    .into_any();
    let manage = view.can_manage.then(|| view! {
            <section class="panel">
                <h2>{i18n.t("assessments-links")}</h2>
                <p>{i18n.t("assessments-links-lead")}</p>
                <table class="links">
                    <thead><tr>
                        <th scope="col">{i18n.t("assessments-col-function")}</th>
                        <th scope="col">{i18n.t("assessments-col-for")}</th>
                        <th scope="col">{i18n.t("assessments-col-link")}</th>
                        <th scope="col"><span class="sr-only">{i18n.t("assessments-col-actions")}</span></th>
                    </tr></thead>
                    <tbody>
                        {function_links.into_iter().chain(person_links).map(|l| link_row(l, id.clone())).collect_view()}
                    </tbody>
                </table>
                {open.then(|| view! {
                    <h3>{i18n.t("assessments-add-link")}</h3>
                    <p class="hint">{i18n.t("assessments-add-link-hint")}</p>
                    <AppForm action=format!("/assessments/{}/links", summary.id) id="link" submit_label=i18n.t("assessments-add-link-submit") flash=link_flash.clone()>
                        <div class="field">
                            <label for="link-function">{i18n.t("assessments-field-function")}</label>
                            <select id="link-function" name="function" aria-describedby="link-function-error">
                                {summary.functions.iter().map(|f| view! { <option value=f.function.as_str()>{i18n.t(f.function.label_key())}</option> }).collect_view()}
                            </select>
                            <p id="link-function-error" class="field-error" data-error-for="function">{link_flash.field_error("function")}</p>
                        </div>
                        <Field form="link" name="person_name" label=i18n.t("assessments-field-person-name") required=true maxlength=100 flash=link_flash.clone()/>
                    </AppForm>
                }.into_any())}
            </section>
            {open.then(|| view! {
                <section class="panel">
                    <h2>{i18n.t("assessments-close")}</h2>
                    <p>{i18n.t("assessments-close-lead")}</p>
                    <form method="post" action=format!("/assessments/{}/close", summary.id)>
                        <button type="submit" class="button">{i18n.t("assessments-close-button")}</button>
                    </form>
                </section>
            }.into_any())}
        }
        .into_any()
    );
    view! { {head}{manage} }.into_any()
}

/// `/assessments/:id/results`.
#[component]
pub fn ResultsPage() -> impl IntoView {
    let id = param("id");
    let page = Resource::new_blocking(id, results_page);
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("results-title")/>
        <PageView resource=page render=|page| view! { <Results view=page.content/> }/>
    }
}

#[component]
fn Results(view: ResultsView) -> impl IntoView {
    let i18n = use_i18n();
    let ResultsView {
        summary,
        level_names,
        results,
    } = view;
    let scale = level_names.len() as u8;
    let head = view! {
        <section class="panel">
            <p class="crumbs"><a href=format!("/assessments/{}", summary.id)>{summary.name.clone()}</a></p>
            <div class="panel-head">
                <h1>{i18n.t_with("results-heading", &[("name", summary.name.clone().into())])}</h1>
                <span class="button-row">
                    <a class="button" href=format!("/assessments/{}/roadmap", summary.id)>{i18n.t("assessments-roadmap-button")}</a>
                    <a class="button" href=format!("/assessments/{}/report", summary.id)>{i18n.t("assessments-report-button")}</a>
                </span>
            </div>
            <p>{i18n.t_with(
                "results-lead",
                &[
                    ("count", results.respondents.into()),
                    ("lowest", level_names.first().cloned().unwrap_or_default().into()),
                    ("scale", scale.into()),
                    ("highest", level_names.last().cloned().unwrap_or_default().into()),
                ],
            )}</p>
            <HiddenFunctions results=results.clone()/>
        </section>
    };
    if results.respondents == 0 {
        return view! {
            {head}
            <section class="panel">
                <p class="empty">{i18n.t("results-empty")}</p>
            </section>
        }
        .into_any();
    }
    view! {
        {head}
        <Overview results=results.clone() scale/>
        <Gaps results=results.clone()/>
        <Heatmap results=results.clone() scale/>
        {results.dimensions.iter().cloned().map(|d| view! { <DimensionDetail dimension=d scale/> }).collect_view()}
    }
    .into_any()
}

#[component]
fn HiddenFunctions(results: CampaignResults) -> impl IntoView {
    let i18n = use_i18n();
    let min = results.min_group_size;
    let list = |small: bool| {
        results
            .by_function
            .iter()
            .filter(|f| !f.shown && (f.respondents < min) == small)
            .map(|f| {
                i18n.t_with(
                    "results-hidden-function",
                    &[
                        ("function", i18n.t(f.function.label_key()).into()),
                        ("count", f.respondents.into()),
                    ],
                )
            })
            .collect::<Vec<_>>()
            .join(&i18n.t("list-separator"))
    };
    let (too_small, shielding) = (list(true), list(false));
    let small = || {
        i18n.t_with(
            "results-hidden-small",
            &[("min", min.into()), ("functions", too_small.clone().into())],
        )
    };
    let text = match (too_small.is_empty(), shielding.is_empty()) {
        (true, _) => None,
        (false, true) => Some(small()),
        (false, false) => Some(format!(
            "{} {}",
            small(),
            i18n.t_with(
                "results-hidden-shielding",
                &[("functions", shielding.clone().into())]
            )
        )),
    };
    text.map(|text| view! { <p class="hint">{text}</p> })
}

/// The functions with their own numbers, in order.
fn shown_functions(results: &CampaignResults) -> Vec<Function> {
    results
        .by_function
        .iter()
        .filter(|f| f.shown)
        .map(|f| f.function)
        .collect()
}

fn function_mean(dimension: &DimensionResult, function: Function) -> Option<f64> {
    dimension
        .by_function
        .iter()
        .find(|f| f.function == function)
        .and_then(|f| f.summary.mean)
}

#[component]
fn Overview(results: CampaignResults, scale: u8) -> impl IntoView {
    let i18n = use_i18n();
    let functions = shown_functions(&results);
    let mut series = vec![RadarSeries {
        label: i18n.t("results-everyone"),
        values: results.dimensions.iter().map(|d| d.summary.mean).collect(),
    }];
    for function in &functions {
        series.push(RadarSeries {
            label: i18n.t(function.label_key()),
            values: results
                .dimensions
                .iter()
                .map(|d| function_mean(d, *function))
                .collect(),
        });
    }
    let axes = results
        .dimensions
        .iter()
        .map(|d| short_title(&d.title))
        .collect();
    let overall: &Summary = &results.overall;
    view! {
        <section class="panel">
            <h2>{i18n.t("results-maturity")}</h2>
            <p class="big-number">{i18n.t_with(
                    "results-overall",
                    &[("level", one_decimal(overall.mean).into()), ("scale", scale.into())],
                )}
                <span class="hint">{i18n.t_with(
                    "results-overall-detail",
                    &[
                        ("spread", two_decimals(overall.spread).into()),
                        ("dont_know", percent(i18n, overall.dont_know_share).into()),
                    ],
                )}</span>
            </p>
            <div class="chart-with-table">
                <RadarChart axes series scale title=i18n.t("results-radar-title")/>
                <table class="numbers">
                    <caption>{i18n.t("results-mean-per-dimension")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("results-col-dimension")}</th>
                            <th scope="col">{i18n.t("results-everyone")}</th>
                            {functions.iter().map(|f| view! { <th scope="col">{i18n.t(f.label_key())}</th> }).collect_view()}
                            <th scope="col">{i18n.t("results-col-spread")}</th>
                            <th scope="col">{i18n.t("results-col-answers")}</th>
                            <th scope="col">{i18n.t("results-col-dont-know")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {results.dimensions.iter().map(|d| view! {
                            <tr>
                                <th scope="row">{d.title.clone()}</th>
                                <td>{one_decimal(d.summary.mean)}</td>
                                {functions.iter().map(|f| view! { <td>{one_decimal(function_mean(d, *f))}</td> }).collect_view()}
                                <td>{two_decimals(d.summary.spread)}</td>
                                <td>{d.summary.answers}</td>
                                <td>{percent(i18n, d.summary.dont_know_share)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

/// The part of a dimension title before any parenthesis (`(` after a space, or Chinese
/// `（`), for chart labels.
pub fn short_title(title: &str) -> String {
    let end = [" (", "（"]
        .iter()
        .filter_map(|open| title.find(open))
        .min()
        .unwrap_or(title.len());
    title[..end].to_owned()
}

#[cfg(test)]
mod tests {
    use super::short_title;

    #[test]
    fn chart_labels_leave_out_the_parenthesis_in_either_language() {
        assert_eq!(
            short_title("Customer lifecycle (retention and expansion)"),
            "Customer lifecycle"
        );
        assert_eq!(short_title("客户生命周期（留存与增购）"), "客户生命周期");
        assert_eq!(short_title("Planning and KPIs"), "Planning and KPIs");
    }
}

#[component]
fn Gaps(results: CampaignResults) -> impl IntoView {
    let i18n = use_i18n();
    let top: Vec<_> = results.gaps.iter().take(8).cloned().collect();
    view! {
        <section class="panel" id="gaps">
            <h2>{i18n.t("results-gaps")}</h2>
            <p>{i18n.t("results-gaps-lead")}</p>
            {if top.is_empty() {
                view! { <p class="empty">{i18n.t("results-gaps-none")}</p> }.into_any()
            } else {
                view! {
                    <ol class="gaps">
                        {top.into_iter().map(|gap| view! {
                            <li>
                                <strong>{gap.sentence_in(i18n)}</strong>
                                <span class="hint">{format!(
                                    " · {}{}",
                                    i18n.t_with("results-gap-size", &[("size", format!("{:.1}", gap.size).into())]),
                                    gap.question_id.as_ref().map(|_| format!(" · {}", gap.dimension_title)).unwrap_or_default()
                                )}</span>
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}

#[component]
pub fn Heatmap(results: CampaignResults, scale: u8) -> impl IntoView {
    let i18n = use_i18n();
    let functions = shown_functions(&results);
    view! {
        <section class="panel">
            <h2>{i18n.t("results-heatmap")}</h2>
            {if functions.is_empty() {
                view! { <p class="empty">{i18n.t("results-heatmap-empty")}</p> }.into_any()
            } else {
                view! {
                    <div class="scroll">
                        <table class="heatmap">
                            <thead>
                                <tr>
                                    <th scope="col">{i18n.t("results-col-dimension")}</th>
                                    {functions.iter().map(|f| view! { <th scope="col">{i18n.t(f.label_key())}</th> }).collect_view()}
                                </tr>
                            </thead>
                            <tbody>
                                {results.dimensions.iter().map(|d| view! {
                                    <tr>
                                        <th scope="row">{d.title.clone()}</th>
                                        {functions.iter().map(|f| {
                                            let mean = function_mean(d, *f);
                                            let class = mean.map(|m| heat_class(m, scale)).unwrap_or_else(|| "heat heat-none".into());
                                            view! { <td class=class>{one_decimal(mean)}</td> }
                                        }).collect_view()}
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}

#[component]
fn DimensionDetail(dimension: DimensionResult, scale: u8) -> impl IntoView {
    let i18n = use_i18n();
    let agreement = dimension.agreement.map_or_else(
        || i18n.t("results-agreement-none"),
        |v| {
            i18n.t_with(
                "results-agreement-value",
                &[("value", format!("{v:.2}").into())],
            )
        },
    );
    let consistency = dimension.consistency.map_or_else(
        || i18n.t("results-consistency-none"),
        |v| {
            i18n.t_with(
                "results-consistency-value",
                &[("value", format!("{v:.2}").into())],
            )
        },
    );
    view! {
        <section class="panel dimension">
            <h2>{dimension.title.clone()}</h2>
            <dl class="facts">
                <dt>{i18n.t("results-fact-mean")}</dt><dd>{one_decimal(dimension.summary.mean)}</dd>
                <dt>{i18n.t("results-fact-agreement")}</dt><dd>{agreement}</dd>
                <dt>{i18n.t("results-fact-consistency")}</dt><dd>{consistency}</dd>
            </dl>
            <div class="scroll">
                <table class="numbers">
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("results-col-question")}</th>
                            <th scope="col">{i18n.t("results-col-mean")}</th>
                            <th scope="col">{i18n.t("results-col-spread")}</th>
                            <th scope="col">{i18n.t("results-col-answers")}</th>
                            <th scope="col">{i18n.t("results-col-dont-know")}</th>
                            <th scope="col">{i18n.t_with("results-col-levels", &[("scale", scale.into())])}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {dimension.questions.into_iter().map(|q| view! {
                            <tr>
                                <th scope="row">{q.text}</th>
                                <td>{one_decimal(q.summary.mean)}</td>
                                <td>{two_decimals(q.summary.spread)}</td>
                                <td>{q.summary.answers}</td>
                                <td>{percent(i18n, q.summary.dont_know_share)}</td>
                                <td>{q.level_counts.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(" · ")}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}
