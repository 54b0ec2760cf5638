//! Assessment pages for the organisation's people: the campaign list, launching a
//! campaign, one campaign with its links, and the results.

use crate::api::assessment::{campaign_page, campaigns_page, new_campaign_page, results_page};
use crate::components::charts::{heat_class, RadarChart, RadarSeries};
use crate::components::form::{AppForm, Field, Notice};
use crate::components::layout::PageView;
use crate::domain::model::Function;
use crate::domain::results::{CampaignResults, DimensionResult, Summary};
use crate::islands::CopyButton;
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

fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{:.0} %", v * 100.0))
}

/// The campaign list (also shown on the dashboard).
#[component]
pub fn CampaignTable(list: CampaignList) -> impl IntoView {
    if list.campaigns.is_empty() {
        return view! {
            <p class="empty">
                {if list.can_launch {
                    "No assessments yet. Launch one to see how marketing, sales and customer success each rate your RevOps maturity."
                } else {
                    "No assessments yet. An admin of your organisation can launch one."
                }}
            </p>
        }
        .into_any();
    }
    view! {
        <table class="campaigns">
            <thead>
                <tr>
                    <th scope="col">"Assessment"</th>
                    <th scope="col">"Status"</th>
                    <th scope="col">"Responses per function"</th>
                    <th scope="col">"Submitted"</th>
                </tr>
            </thead>
            <tbody>
                {list.campaigns.into_iter().map(|c| view! {
                    <tr>
                        <td><a href=format!("/assessments/{}", c.id)>{c.name.clone()}</a><br/><span class="hint">{c.model_title.clone()}</span></td>
                        <td>{status_text(&c)}</td>
                        <td><FunctionCounts summary=c.clone()/></td>
                        <td>{c.submitted}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

fn status_text(c: &CampaignSummary) -> String {
    match (c.status, &c.closes) {
        (CampaignStatus::Open, Some(day)) => format!("Open until {day}"),
        (CampaignStatus::Closed, Some(day)) => format!("Closed {day}"),
        (status, None) => status.label().to_owned(),
    }
}

#[component]
fn FunctionCounts(summary: CampaignSummary) -> impl IntoView {
    view! {
        <ul class="counts">
            {summary.functions.into_iter().map(|f| view! {
                <li>
                    <strong>{f.function.label()}</strong>
                    {if f.in_progress > 0 {
                        format!(": {} submitted, {} in progress", f.submitted, f.in_progress)
                    } else {
                        format!(": {} submitted", f.submitted)
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
    view! {
        <Title text="Assessments"/>
        <PageView resource=page render=|page| {
            let can_launch = page.content.can_launch;
            view! {
                <section class="panel">
                    <div class="panel-head">
                        <h1>"Maturity assessments"</h1>
                        {can_launch.then(|| view! { <a class="button primary" href="/assessments/new">"Launch an assessment"</a> })}
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
    view! {
        <Title text="Launch an assessment"/>
        <PageView resource=page render=|page| view! { <NewCampaign form=page.content flash=page.flash/> }/>
    }
}

#[component]
fn NewCampaign(form: NewCampaignForm, flash: Option<Flash>) -> impl IntoView {
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
                <h1>"Launch an assessment"</h1>
                <p class="empty">"No maturity model is available. Add one under content/models/ (see content/README.md) and restart the server."</p>
            </section>
        }
        .into_any();
    }
    view! {
        <section class="panel narrow-wide">
            <h1>"Launch an assessment"</h1>
            <p>"Everyone you send a link to answers the same questions. The results show where your functions agree and, above all, where they see things differently."</p>
            <AppForm action="/assessments".to_owned() id="campaign" submit_label="Launch" flash=flash.clone()>
                <Field form="campaign" name="name" label="Name" hint="For example \"RevOps baseline, Q1\"." required=true maxlength=100 flash=flash.clone()/>
                <div class="field">
                    <label for="campaign-model">"Maturity model"</label>
                    <select id="campaign-model" name="model" aria-describedby="campaign-model-error">
                        {form.models.iter().map(|m| view! {
                            <option value=m.id.clone()>{format!("{} (version {}, {} questions in {} dimensions)", m.title, m.version, m.questions, m.dimensions)}</option>
                        }).collect_view()}
                    </select>
                    <p id="campaign-model-error" class="field-error" data-error-for="model">{flash.field_error("model")}</p>
                </div>
                <fieldset class="field" aria-describedby="campaign-functions-error">
                    <legend>"Who answers"</legend>
                    <p class="hint">"Each function gets its own link; anyone with it answers as that function."</p>
                    {Function::ALL.iter().map(|f| {
                        let id = format!("campaign-function-{}", f.as_str());
                        view! {
                            <label class="check" for=id.clone()>
                                <input type="checkbox" id=id.clone() name="functions" value=f.as_str() checked=chosen.iter().any(|c| c == f.as_str())/>
                                {f.label()}
                            </label>
                        }
                    }).collect_view()}
                    <p id="campaign-functions-error" class="field-error" data-error-for="functions">{flash.field_error("functions")}</p>
                </fieldset>
                <Field form="campaign" name="closes_on" kind="date" label="Last day to answer (optional)" hint="Links stop taking answers after this day (UTC). You can also close the assessment by hand." flash=flash.clone()/>
                <div class="field">
                    <label for="campaign-min_group_size">"Anonymity threshold"</label>
                    <p id="campaign-min_group_size-hint" class="hint">"A function's own numbers show only once at least this many of its people have submitted. Below 3, people may recognise each other's answers."</p>
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
    view! {
        <Title text="Assessment"/>
        <PageView resource=page render=|page| view! { <Campaign view=page.content flash=page.flash/> }/>
    }
}

#[component]
fn Campaign(view: CampaignView, flash: Option<Flash>) -> impl IntoView {
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
        let who = link
            .person_name
            .clone()
            .unwrap_or_else(|| format!("Everyone in {}", link.function.label().to_lowercase()));
        let input_id = format!("link-{}", link.id);
        view! {
            <tr>
                <td>{link.function.label()}</td>
                <td>{who.clone()}</td>
                <td>
                    {if link.revoked {
                        view! { <span class="hint">"Withdrawn"</span> }.into_any()
                    } else {
                        view! {
                            <label class="sr-only" for=input_id.clone()>{format!("Link for {who}")}</label>
                            <input id=input_id class="link-field" type="text" readonly value=link.url.clone() data-function=link.function.as_str() data-person=link.person_name.clone()/>
                            <CopyButton text=link.url.clone()/>
                        }.into_any()
                    }}
                </td>
                <td>
                    {(!link.revoked).then(|| view! {
                        <form method="post" action=format!("/assessments/{campaign_id}/links/{}/withdraw", link.id) class="inline">
                            <button type="submit" class="link-button" aria-label=format!("Withdraw the link for {who}")>"Withdraw"</button>
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
                    <a class="button primary" href=format!("/assessments/{id}/results")>"Results"</a>
                    <a class="button" href=format!("/assessments/{id}/roadmap")>"Roadmap"</a>
                    <a class="button" href=format!("/assessments/{id}/report")>"Executive report"</a>
                </span>
            </div>
            {notice.map(|message| view! { <Notice message/> })}
            {action_error.map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            <dl class="facts">
                <dt>"Status"</dt><dd>{status_text(&summary)}</dd>
                <dt>"Model"</dt><dd>{format!("{}, version {} (content {})", summary.model_title, view.model_version, view.model_hash)}</dd>
                <dt>"Launched"</dt><dd>{format!("{} by {}", summary.created, summary.created_by)}</dd>
                <dt>"Anonymity"</dt><dd>{format!("A function's own numbers show from {} submitted responses.", summary.min_group_size)}</dd>
            </dl>
            <h2>"Responses"</h2>
            <FunctionCounts summary=summary.clone()/>
        </section>
    }
    .into_any();
    let manage = view.can_manage.then(|| view! {
            <section class="panel">
                <h2>"Invitation links"</h2>
                <p>"Send each function its link in your own chat or e-mail. Respondents need no account; answers are anonymous."</p>
                <table class="links">
                    <thead><tr><th scope="col">"Function"</th><th scope="col">"For"</th><th scope="col">"Link"</th><th scope="col"><span class="sr-only">"Actions"</span></th></tr></thead>
                    <tbody>
                        {function_links.into_iter().chain(person_links).map(|l| link_row(l, id.clone())).collect_view()}
                    </tbody>
                </table>
                {open.then(|| view! {
                    <h3>"Add a link for one person"</h3>
                    <p class="hint">"A personal link lets that person resume from any device. Their answers are still shown only within their function."</p>
                    <AppForm action=format!("/assessments/{}/links", summary.id) id="link" submit_label="Add link" flash=link_flash.clone()>
                        <div class="field">
                            <label for="link-function">"Function"</label>
                            <select id="link-function" name="function" aria-describedby="link-function-error">
                                {summary.functions.iter().map(|f| view! { <option value=f.function.as_str()>{f.function.label()}</option> }).collect_view()}
                            </select>
                            <p id="link-function-error" class="field-error" data-error-for="function">{link_flash.field_error("function")}</p>
                        </div>
                        <Field form="link" name="person_name" label="Name" required=true maxlength=100 flash=link_flash.clone()/>
                    </AppForm>
                }.into_any())}
            </section>
            {open.then(|| view! {
                <section class="panel">
                    <h2>"Close the assessment"</h2>
                    <p>"Links stop taking answers; people who have not submitted can no longer do so. Results stay."</p>
                    <form method="post" action=format!("/assessments/{}/close", summary.id)>
                        <button type="submit" class="button">"Close now"</button>
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
    view! {
        <Title text="Results"/>
        <PageView resource=page render=|page| view! { <Results view=page.content/> }/>
    }
}

#[component]
fn Results(view: ResultsView) -> impl IntoView {
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
                <h1>{format!("Results: {}", summary.name)}</h1>
                <span class="button-row">
                    <a class="button" href=format!("/assessments/{}/roadmap", summary.id)>"Roadmap"</a>
                    <a class="button" href=format!("/assessments/{}/report", summary.id)>"Executive report"</a>
                </span>
            </div>
            <p>{format!(
                "{} submitted response{}. Levels run from 1 ({}) to {} ({}).",
                results.respondents,
                if results.respondents == 1 { "" } else { "s" },
                level_names.first().cloned().unwrap_or_default(),
                scale,
                level_names.last().cloned().unwrap_or_default(),
            )}</p>
            <HiddenFunctions results=results.clone()/>
        </section>
    };
    if results.respondents == 0 {
        return view! {
            {head}
            <section class="panel">
                <p class="empty">"No one has submitted yet. Results appear here as soon as the first response is submitted; share the invitation links from the assessment page."</p>
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
    let min = results.min_group_size;
    let list = |small: bool| {
        results
            .by_function
            .iter()
            .filter(|f| !f.shown && (f.respondents < min) == small)
            .map(|f| format!("{} ({})", f.function.label(), f.respondents))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (too_small, shielding) = (list(true), list(false));
    let text = match (too_small.is_empty(), shielding.is_empty()) {
        (true, _) => None,
        (false, true) => Some(format!(
            "Counted only in the totals, to keep answers anonymous (fewer than {min} responses): {too_small}."
        )),
        (false, false) => Some(format!(
            "Counted only in the totals, to keep answers anonymous (fewer than {min} responses): {too_small}. \
             Also counted only in the totals, so that their answers cannot be worked out by subtraction: {shielding}."
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
    let functions = shown_functions(&results);
    let mut series = vec![RadarSeries {
        label: "Everyone".into(),
        values: results.dimensions.iter().map(|d| d.summary.mean).collect(),
    }];
    for function in &functions {
        series.push(RadarSeries {
            label: function.label().into(),
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
            <h2>"Maturity per dimension"</h2>
            <p class="big-number">{format!("Overall level {} of {scale}", one_decimal(overall.mean))}
                <span class="hint">{format!(" (spread {}, don't know {})", two_decimals(overall.spread), percent(overall.dont_know_share))}</span>
            </p>
            <div class="chart-with-table">
                <RadarChart axes series scale title="Maturity level per dimension, everyone and each function with enough responses".into()/>
                <table class="numbers">
                    <caption>"Mean level per dimension"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Dimension"</th>
                            <th scope="col">"Everyone"</th>
                            {functions.iter().map(|f| view! { <th scope="col">{f.label()}</th> }).collect_view()}
                            <th scope="col">"Spread"</th>
                            <th scope="col">"Answers"</th>
                            <th scope="col">"Don't know"</th>
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
                                <td>{percent(d.summary.dont_know_share)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

/// The part of a dimension title before any parenthesis, for chart labels.
pub fn short_title(title: &str) -> String {
    title.split(" (").next().unwrap_or(title).to_owned()
}

#[component]
fn Gaps(results: CampaignResults) -> impl IntoView {
    let top: Vec<_> = results.gaps.iter().take(8).cloned().collect();
    view! {
        <section class="panel" id="gaps">
            <h2>"Perception gaps"</h2>
            <p>"Where functions rate the same thing differently: the silos that are still there. Largest first."</p>
            {if top.is_empty() {
                view! { <p class="empty">"No gaps to show yet: that needs at least two functions with enough responses each."</p> }.into_any()
            } else {
                view! {
                    <ol class="gaps">
                        {top.into_iter().map(|gap| view! {
                            <li>
                                <strong>{gap.sentence()}</strong>
                                <span class="hint">{format!(
                                    " · gap {:.1}{}",
                                    gap.size,
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
    let functions = shown_functions(&results);
    view! {
        <section class="panel">
            <h2>"Heatmap: function × dimension"</h2>
            {if functions.is_empty() {
                view! { <p class="empty">"No function has enough responses yet to be shown on its own."</p> }.into_any()
            } else {
                view! {
                    <div class="scroll">
                        <table class="heatmap">
                            <thead>
                                <tr>
                                    <th scope="col">"Dimension"</th>
                                    {functions.iter().map(|f| view! { <th scope="col">{f.label()}</th> }).collect_view()}
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
    let agreement = dimension.agreement.map_or_else(
        || "Too few answers to tell (needs two or more answers per question).".to_owned(),
        |v| format!("{v:.2} (r_wg(J): 1 = everyone gave the same levels, 0 = as scattered as random answers)"),
    );
    let consistency = dimension.consistency.map_or_else(
        || "Not enough data (needs at least 3 responses that answered every question with a level).".to_owned(),
        |v| format!("{v:.2} (Cronbach's alpha: how consistently the questions measure one thing)"),
    );
    view! {
        <section class="panel dimension">
            <h2>{dimension.title.clone()}</h2>
            <dl class="facts">
                <dt>"Mean level"</dt><dd>{one_decimal(dimension.summary.mean)}</dd>
                <dt>"Agreement"</dt><dd>{agreement}</dd>
                <dt>"Consistency"</dt><dd>{consistency}</dd>
            </dl>
            <div class="scroll">
                <table class="numbers">
                    <thead>
                        <tr>
                            <th scope="col">"Question"</th>
                            <th scope="col">"Mean"</th>
                            <th scope="col">"Spread"</th>
                            <th scope="col">"Answers"</th>
                            <th scope="col">"Don't know"</th>
                            <th scope="col">{format!("Levels chosen (1 to {scale})")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {dimension.questions.into_iter().map(|q| view! {
                            <tr>
                                <th scope="row">{q.text}</th>
                                <td>{one_decimal(q.summary.mean)}</td>
                                <td>{two_decimals(q.summary.spread)}</td>
                                <td>{q.summary.answers}</td>
                                <td>{percent(q.summary.dont_know_share)}</td>
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
