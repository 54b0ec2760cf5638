//! A campaign's transformation roadmap (`/assessments/:id/roadmap`) and its executive
//! report (`/assessments/:id/report`). Server components only: every control is a plain
//! form, so the whole page works with JavaScript off; the report prints as a paginated
//! document (see the print rules in `style/main.css`).

use crate::api::roadmap::{report_page, roadmap_page};
use crate::components::charts::{
    RadarChart, RadarSeries, RoadmapTimeline, TimelineItem, TimelinePhase,
};
use crate::components::form::{AppForm, Notice};
use crate::components::layout::PageView;
use crate::domain::model::Function;
use crate::domain::planner::{level, weeks};
use crate::domain::roadmap::PhaseLength;
use crate::i18n::{use_i18n, I18n};
use crate::models::roadmap::{
    CandidateStatus, DimensionTarget, PhaseView, Reassessment, ReportView, RoadmapItem, RoadmapView,
};
use crate::models::Flash;
use crate::pages::assessments::{param, short_title, Heatmap};
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_meta::Title;

fn opt_level(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), level)
}

/// A phase's title in the reader's language: "Phase 1 · Jan 2027 – Mar 2027", or with
/// phases of one month "Phase 1 · Jan 2027". (The exports keep the English `label`.)
fn phase_title(i18n: I18n, phase: &PhaseView, length: PhaseLength) -> String {
    let day = |text: &str| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    let (Some(start), Some(end)) = (day(&phase.starts_on), day(&phase.ends_on)) else {
        return phase.label.clone();
    };
    let number = ("number", (phase.index + 1).into());
    if length == PhaseLength::Month {
        i18n.t_with(
            "roadmap-phase-title-month",
            &[number, ("month", i18n.month(start).into())],
        )
    } else {
        i18n.t_with(
            "roadmap-phase-title",
            &[
                number,
                ("start", i18n.month(start).into()),
                ("end", i18n.month(end).into()),
            ],
        )
    }
}

/// A function's name in the reader's language, from its English label.
fn function_label(i18n: I18n, label: &str) -> String {
    Function::from_label(label).map_or_else(|| label.to_owned(), |f| i18n.t(f.label_key()))
}

/// "Debrief ready", "2 of 3 scorecards in", "Decided: Hire", ...
fn candidate_state(i18n: I18n, candidate: &CandidateStatus) -> String {
    match candidate.decision {
        Some(outcome) => i18n.t_with(
            "roadmap-candidate-decided",
            &[("outcome", i18n.t(outcome.label_key()).into())],
        ),
        None if candidate.interviews == 0 => i18n.t("roadmap-candidate-no-interviews"),
        None if candidate.scorecards_submitted >= candidate.interviews => {
            i18n.t("roadmap-candidate-debrief-ready")
        }
        None => i18n.t_with(
            "roadmap-candidate-scorecards-in",
            &[
                ("submitted", candidate.scorecards_submitted.into()),
                ("interviews", candidate.interviews.into()),
            ],
        ),
    }
}

fn timeline(i18n: I18n, phases: &[PhaseView], length: PhaseLength) -> Vec<TimelinePhase> {
    phases
        .iter()
        .map(|p| TimelinePhase {
            label: phase_title(i18n, p, length),
            items: p
                .initiatives
                .iter()
                .map(|i| TimelineItem {
                    title: i.title.clone(),
                    tooltip: i18n.t_with(
                        "roadmap-timeline-bar",
                        &[
                            ("title", i.title.clone().into()),
                            ("effort", weeks(i.effort_weeks).into()),
                        ],
                    ),
                    done: i.done_on.is_some(),
                })
                .collect(),
        })
        .collect()
}

/// Links to the downloads of a campaign.
#[component]
fn Downloads(campaign_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let link = |file: &str, label: String| {
        view! { <li><a class="button" href=format!("/assessments/{campaign_id}/{file}") download="">{label}</a></li> }
    };
    view! {
        <ul class="downloads" aria-label=i18n.t("roadmap-downloads")>
            {link("report.md", i18n.t("roadmap-download-report-md"))}
            {link("results.csv", i18n.t("roadmap-download-results-csv"))}
            {link("results.json", i18n.t("roadmap-download-results-json"))}
            {link("roadmap.csv", i18n.t("roadmap-download-roadmap-csv"))}
            {link("roadmap.json", i18n.t("roadmap-download-roadmap-json"))}
        </ul>
    }
}

/// `/assessments/:id/roadmap`.
#[component]
pub fn RoadmapPage() -> impl IntoView {
    let id = param("id");
    let page = Resource::new_blocking(id, roadmap_page);
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("roadmap-title")/>
        <PageView resource=page render=|page| view! { <Roadmap view=page.content flash=page.flash/> }/>
    }
}

#[component]
fn Roadmap(view: RoadmapView, flash: Option<Flash>) -> impl IntoView {
    let i18n = use_i18n();
    let id = view.summary.id.clone();
    let length = view.settings.phase_length;
    // Notices about one initiative show beside it; the others here.
    let notice = flash
        .as_ref()
        .filter(|f| !f.form.starts_with("initiative-"))
        .and_then(|f| f.notice.clone());
    let no_answers = view.summary.submitted == 0;
    let head = view! {
        <section class="panel">
            <p class="crumbs">
                <a href=format!("/assessments/{id}")>{view.summary.name.clone()}</a>" · "
                <a href=format!("/assessments/{id}/results")>{i18n.t("roadmap-crumb-results")}</a>
            </p>
            <div class="panel-head">
                <h1>{i18n.t_with("roadmap-heading", &[("name", view.summary.name.clone().into())])}</h1>
                <a class="button" href=format!("/assessments/{id}/report")>{i18n.t("roadmap-report-title")}</a>
            </div>
            {notice.map(|message| view! { <Notice message/> })}
            <p>{i18n.t("roadmap-intro")}</p>
            <Downloads campaign_id=id.clone()/>
        </section>
    };
    if no_answers {
        return view! {
            {head}
            <section class="panel">
                <p class="empty">{i18n.t("roadmap-no-answers")}</p>
            </section>
        }
        .into_any();
    }
    let phase_count = view.settings.phases;
    view! {
        {head}
        <Settings view=view.clone() flash=flash.clone()/>
        <section class="panel" id="plan">
            <h2>{i18n.t("roadmap-plan")}</h2>
            <RoadmapTimeline phases=timeline(i18n, &view.phases, length) title=i18n.t_with("roadmap-timeline-title", &[("count", view.phases.len().into())])/>
            {view.phases.iter().map(|phase| {
                let over = phase.effort_weeks > phase.capacity_weeks + 1e-9;
                let effort = [
                    ("effort", weeks(phase.effort_weeks).into()),
                    ("capacity", weeks(phase.capacity_weeks).into()),
                ];
                view! {
                    <div class="phase" id=format!("phase-{}", phase.index + 1)>
                        <div class="phase-head">
                            <h3>{phase_title(i18n, phase, length)}</h3>
                            <p class=if over { "over-capacity" } else { "hint" }>{if over {
                                i18n.t_with("roadmap-phase-effort-over", &effort)
                            } else {
                                i18n.t_with("roadmap-phase-effort", &effort)
                            }}</p>
                        </div>
                        {if phase.initiatives.is_empty() {
                            view! { <p class="empty">{i18n.t("roadmap-phase-empty")}</p> }.into_any()
                        } else {
                            phase.initiatives.iter().cloned().map(|item| view! {
                                <Initiative item campaign_id=id.clone() phases=phase_count can_edit=view.can_edit flash=flash.clone()/>
                            }).collect_view().into_any()
                        }}
                    </div>
                }
            }).collect_view()}
        </section>
        <section class="panel" id="unscheduled">
            <h2>{i18n.t("roadmap-unscheduled")}</h2>
            {if view.unscheduled.is_empty() {
                view! { <p class="empty">{i18n.t("roadmap-unscheduled-none")}</p> }.into_any()
            } else {
                view! {
                    <p>{i18n.t("roadmap-unscheduled-intro")}</p>
                    {view.unscheduled.iter().cloned().map(|item| view! {
                        <Initiative item campaign_id=id.clone() phases=phase_count can_edit=view.can_edit flash=flash.clone()/>
                    }).collect_view()}
                }.into_any()
            }}
        </section>
        {(!view.dropped.is_empty()).then(|| view! {
            <section class="panel" id="dropped">
                <h2>{i18n.t("roadmap-dropped")}</h2>
                {view.dropped.iter().cloned().map(|item| view! {
                    <Initiative item campaign_id=id.clone() phases=phase_count can_edit=view.can_edit dropped=true flash=flash.clone()/>
                }).collect_view()}
            </section>
        })}
        <Projections view=view.clone()/>
        {view.previous.clone().map(|previous| view! { <ReassessmentPanel previous/> })}
        <section class="panel" id="history">
            <h2>{i18n.t("roadmap-history")}</h2>
            {if view.history.is_empty() {
                view! { <p class="empty">{i18n.t("roadmap-history-empty")}</p> }.into_any()
            } else {
                view! {
                    <ol class="history">
                        {view.history.iter().map(|c| view! {
                            <li><strong>{c.what.clone()}</strong><br/><span class="hint">{i18n.t_with(
                                "roadmap-history-by",
                                &[("who", c.who.clone().into()), ("at", i18n.minute(&c.at).into())],
                            )}</span></li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}

#[component]
fn Settings(view: RoadmapView, flash: Option<Flash>) -> impl IntoView {
    let i18n = use_i18n();
    let form_flash = Flash::for_form(&flash, "roadmap-settings").unwrap_or_default();
    let s = view.settings.clone();
    let value = |name: &str, default: String| form_flash.value(name).unwrap_or(default);
    if !view.can_edit {
        return view! {
            <section class="panel" id="settings">
                <h2>{i18n.t("roadmap-settings-title")}</h2>
                <p>{i18n.t_with(
                    "roadmap-settings-summary",
                    &[
                        ("phases", s.phases.into()),
                        ("length", s.phase_length.as_str().into()),
                        ("start", s.starts_on.clone().into()),
                        ("capacity", weeks(s.capacity_weeks).into()),
                    ],
                )}</p>
                <TargetsTable dimensions=view.dimensions.clone() inputs=None/>
            </section>
        }
        .into_any();
    }
    let phases = value("phases", s.phases.to_string());
    let capacity = value("capacity_weeks", weeks(s.capacity_weeks));
    let starts = value("starts_on", s.starts_on.clone());
    let length = form_flash
        .value("phase_length")
        .unwrap_or_else(|| s.phase_length.as_str().to_owned());
    let error = {
        let flash = form_flash.clone();
        move |name: &str| flash.field_error(name)
    };
    view! {
        <section class="panel" id="settings">
            <h2>{i18n.t("roadmap-settings-title")}</h2>
            <p>{i18n.t("roadmap-settings-intro")}</p>
            <AppForm action=format!("/assessments/{}/roadmap/settings", view.summary.id) id="roadmap-settings" submit_label=i18n.t("roadmap-settings-submit") flash=form_flash.clone()>
                <div class="settings-grid">
                    <div class="field">
                        <label for="roadmap-settings-phases">{i18n.t("roadmap-field-phases")}</label>
                        <input id="roadmap-settings-phases" name="phases" type="number" min="1" max="12" step="1" value=phases required=true aria-describedby="roadmap-settings-phases-error"/>
                        <p id="roadmap-settings-phases-error" class="field-error" data-error-for="phases">{error("phases")}</p>
                    </div>
                    <div class="field">
                        <label for="roadmap-settings-phase_length">{i18n.t("roadmap-field-phase-length")}</label>
                        <select id="roadmap-settings-phase_length" name="phase_length" aria-describedby="roadmap-settings-phase_length-error">
                            {PhaseLength::ALL.into_iter().map(|p| view! {
                                <option value=p.as_str() selected=p.as_str() == length>{i18n.t(p.label_key())}</option>
                            }).collect_view()}
                        </select>
                        <p id="roadmap-settings-phase_length-error" class="field-error" data-error-for="phase_length">{error("phase_length")}</p>
                    </div>
                    <div class="field">
                        <label for="roadmap-settings-starts_on">{i18n.t("roadmap-field-starts-on")}</label>
                        <input id="roadmap-settings-starts_on" name="starts_on" type="date" value=starts required=true aria-describedby="roadmap-settings-starts_on-error"/>
                        <p id="roadmap-settings-starts_on-error" class="field-error" data-error-for="starts_on">{error("starts_on")}</p>
                    </div>
                    <div class="field">
                        <label for="roadmap-settings-capacity_weeks">{i18n.t("roadmap-field-capacity")}</label>
                        <input id="roadmap-settings-capacity_weeks" name="capacity_weeks" type="text" inputmode="decimal" value=capacity required=true aria-describedby="roadmap-settings-capacity_weeks-error"/>
                        <p id="roadmap-settings-capacity_weeks-error" class="field-error" data-error-for="capacity_weeks">{error("capacity_weeks")}</p>
                    </div>
                </div>
                <TargetsTable dimensions=view.dimensions.clone() inputs=Some(form_flash.clone())/>
            </AppForm>
        </section>
    }
    .into_any()
}

/// Dimensions with their current level, perception gap and target; with `inputs`, the
/// targets are fields of the settings form (the flash puts back what was typed).
#[component]
fn TargetsTable(dimensions: Vec<DimensionTarget>, inputs: Option<Flash>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="scroll">
            <table class="numbers targets">
                <caption>{i18n.t("roadmap-targets-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{i18n.t("roadmap-col-dimension")}</th>
                        <th scope="col">{i18n.t("roadmap-col-now")}</th>
                        <th scope="col">{i18n.t("roadmap-col-widest-gap")}</th>
                        <th scope="col">{i18n.t("roadmap-col-target")}</th>
                    </tr>
                </thead>
                <tbody>
                    {dimensions.into_iter().map(|d| {
                        let gap = d.perception_gap.as_ref().map_or_else(
                            || "–".to_owned(),
                            |g| i18n.t_with(
                                "roadmap-gap-between",
                                &[
                                    ("high", function_label(i18n, &g.high).into()),
                                    ("low", function_label(i18n, &g.low).to_lowercase().into()),
                                    ("gap", level(g.gap).into()),
                                ],
                            ),
                        );
                        let target = match &inputs {
                            Some(flash) => {
                                let name = format!("target.{}", d.id);
                                let input_id = format!("roadmap-settings-target-{}", d.id);
                                let typed = flash.value(&name).unwrap_or_else(|| if d.target_set { level(d.target) } else { String::new() });
                                let error = flash.field_error(&name);
                                let label = i18n.t_with("roadmap-target-for", &[("dimension", d.title.clone().into())]);
                                view! {
                                    <label class="sr-only" for=input_id.clone()>{label}</label>
                                    <input id=input_id.clone() name=name.clone() type="text" inputmode="decimal" value=typed placeholder=level(d.target) aria-describedby=format!("{input_id}-error")/>
                                    <p id=format!("{input_id}-error") class="field-error" data-error-for=name>{error}</p>
                                }.into_any()
                            }
                            None => view! { {level(d.target)} }.into_any(),
                        };
                        view! {
                            <tr>
                                <th scope="row">{d.title.clone()}</th>
                                <td>{opt_level(d.current)}</td>
                                <td>{gap}</td>
                                <td>{target}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// One initiative, with its controls for people who may change the plan.
#[component]
fn Initiative(
    item: RoadmapItem,
    campaign_id: String,
    phases: usize,
    can_edit: bool,
    /// Listed among the dropped ones: it can only be restored.
    #[prop(optional)]
    dropped: bool,
    flash: Option<Flash>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = format!("initiative-{}", item.id);
    let own = flash.as_ref().filter(|f| f.form == form).cloned();
    let error = own.as_ref().and_then(|f| f.error.clone());
    let notice = own.as_ref().and_then(|f| f.notice.clone());
    let action = format!("/assessments/{campaign_id}/roadmap/initiatives/{}", item.id);
    let mut meta_args = vec![
        ("effort", weeks(item.effort_weeks).into()),
        (
            "impact",
            i18n.t(item.impact.label_key()).to_lowercase().into(),
        ),
        (
            "function",
            i18n.t(item.owner_function.label_key())
                .to_lowercase()
                .into(),
        ),
    ];
    let meta = match &item.owner {
        Some(owner) => {
            meta_args.push(("owner", owner.clone().into()));
            i18n.t_with("roadmap-initiative-meta-owner", &meta_args)
        }
        None => i18n.t_with("roadmap-initiative-meta", &meta_args),
    };
    let reason = item.reason.clone();
    let lifts = if item.requires.is_empty() {
        i18n.t_with(
            "roadmap-initiative-lifts",
            &[("lifts", item.lifts.clone().into())],
        )
    } else {
        i18n.t_with(
            "roadmap-initiative-lifts-needs",
            &[
                ("lifts", item.lifts.clone().into()),
                (
                    "needs",
                    item.requires.join(&i18n.t("roadmap-list-separator")).into(),
                ),
            ],
        )
    };
    let kpis = (!item.kpis.is_empty()).then(|| {
        i18n.t_with(
            "roadmap-initiative-kpis",
            &[(
                "kpis",
                item.kpis.join(&i18n.t("roadmap-kpi-separator")).into(),
            )],
        )
    });
    let controls = can_edit.then(|| {
        let phase_id = format!("{form}-phase");
        let owner_id = format!("{form}-owner");
        let current = item.phase.map(|p| p + 1).unwrap_or(1);
        view! {
            <div class="initiative-actions">
                {(item.done_on.is_none()).then(|| view! {
                    <form method="post" action=action.clone()>
                        <input type="hidden" name="action" value="move"/>
                        <span>
                            <label for=phase_id.clone()>{i18n.t("roadmap-field-phase")}</label><br/>
                            <select id=phase_id.clone() name="phase">
                                {(1..=phases).map(|p| view! { <option value=p.to_string() selected=p == current>{p.to_string()}</option> }).collect_view()}
                            </select>
                        </span>
                        <button type="submit" class="button">{if item.phase.is_some() { i18n.t("roadmap-move") } else { i18n.t("roadmap-put-in-phase") }}</button>
                    </form>
                })}
                {if dropped || item.pinned {
                    view! {
                        <form method="post" action=action.clone()>
                            <input type="hidden" name="action" value="restore"/>
                            <button type="submit" class="button">{if dropped { i18n.t("roadmap-restore") } else { i18n.t("roadmap-unpin") }}</button>
                        </form>
                    }.into_any()
                } else {
                    ().into_any()
                }}
                {(!dropped && item.done_on.is_none()).then(|| view! {
                    <form method="post" action=action.clone()>
                        <input type="hidden" name="action" value="drop"/>
                        <button type="submit" class="button">{i18n.t("roadmap-drop")}</button>
                    </form>
                })}
                {(item.phase.is_some()).then(|| view! {
                    <form method="post" action=action.clone()>
                        <input type="hidden" name="action" value=if item.done_on.is_some() { "not-done" } else { "done" }/>
                        <button type="submit" class="button">{if item.done_on.is_some() { i18n.t("roadmap-mark-not-done") } else { i18n.t("roadmap-mark-done") }}</button>
                    </form>
                })}
                {(!dropped).then(|| view! {
                    <form method="post" action=action.clone()>
                        <input type="hidden" name="action" value="owner"/>
                        <span>
                            <label for=owner_id.clone()>{i18n.t("roadmap-field-owner")}</label><br/>
                            <input id=owner_id.clone() name="owner" type="text" maxlength="100" value=item.owner.clone().unwrap_or_default()/>
                        </span>
                        <button type="submit" class="button">{i18n.t("roadmap-save-owner")}</button>
                    </form>
                })}
            </div>
        }
    });
    view! {
        <article class="initiative" id=form.clone() aria-labelledby=format!("{form}-title")>
            <h4 id=format!("{form}-title")>
                {item.title.clone()}
                {item.pinned.then(|| view! { <span class="badge">{i18n.t("roadmap-badge-pinned")}</span> })}
                {item.org_design.then(|| view! { <span class="badge">{i18n.t("roadmap-badge-org-design")}</span> })}
                {item.done_on.clone().map(|on| view! { <span class="badge done">{i18n.t_with("roadmap-badge-done", &[("date", i18n.day(&on).into())])}</span> })}
            </h4>
            <p class="reason">{reason}</p>
            <p class="meta">{meta}</p>
            <p class="meta">{lifts}</p>
            {kpis.map(|kpis| view! { <p class="meta">{kpis}</p> })}
            {error.map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            {notice.map(|message| view! { <Notice message/> })}
            {controls}
        </article>
    }
}

#[component]
fn Projections(view: RoadmapView) -> impl IntoView {
    let i18n = use_i18n();
    let phases = view.phases.len();
    view! {
        <section class="panel" id="projections">
            <h2>{i18n.t("roadmap-projections")}</h2>
            <p>{i18n.t("roadmap-projections-intro")}</p>
            <div class="scroll">
                <table class="numbers">
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("roadmap-col-dimension")}</th>
                            <th scope="col">{i18n.t("roadmap-col-now")}</th>
                            {(1..=phases).map(|p| view! { <th scope="col">{i18n.t_with("roadmap-col-after-phase", &[("number", p.into())])}</th> }).collect_view()}
                            <th scope="col">{i18n.t("roadmap-col-target")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {view.projections.iter().map(|p| view! {
                            <tr>
                                <th scope="row">{p.title.clone()}</th>
                                {p.levels.iter().map(|l| view! { <td>{level(*l)}</td> }).collect_view()}
                                <td>{level(p.target)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn ReassessmentPanel(previous: Reassessment) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="panel report-section" id="reassessment">
            <h2>{i18n.t_with(
                "roadmap-since",
                &[
                    ("campaign", previous.campaign_name.clone().into()),
                    ("date", i18n.day(&previous.launched).into()),
                ],
            )}</h2>
            <p>{i18n.t("roadmap-since-intro")}</p>
            <div class="scroll">
                <table class="numbers">
                    <thead>
                        <tr><th scope="col">{i18n.t("roadmap-col-dimension")}</th><th scope="col">{i18n.t("roadmap-col-before")}</th><th scope="col">{i18n.t("roadmap-col-now")}</th><th scope="col">{i18n.t("roadmap-col-change")}</th></tr>
                    </thead>
                    <tbody>
                        {previous.changes.iter().map(|c| {
                            let delta = c.delta();
                            let class = match delta { Some(d) if d >= 0.05 => "delta-up", Some(d) if d <= -0.05 => "delta-down", _ => "" };
                            view! {
                                <tr>
                                    <th scope="row">{c.title.clone()}</th>
                                    <td>{opt_level(c.before)}</td>
                                    <td>{opt_level(c.after)}</td>
                                    <td class=class>{delta.map_or_else(|| "–".to_owned(), |d| format!("{}{}", if d > 0.0 { "+" } else { "" }, level(d)))}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h3>{i18n.t("roadmap-done-between")}</h3>
            {if previous.done.is_empty() {
                view! { <p class="empty">{i18n.t("roadmap-done-between-none")}</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {previous.done.iter().map(|d| {
                            let mut args = vec![
                                ("initiative", d.title.clone().into()),
                                ("date", i18n.day(&d.done_on).into()),
                            ];
                            let line = match &d.done_by {
                                Some(by) => {
                                    args.push(("name", by.clone().into()));
                                    i18n.t_with("roadmap-done-item-by", &args)
                                }
                                None => i18n.t_with("roadmap-done-item", &args),
                            };
                            view! { <li>{line}</li> }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

/// `/assessments/:id/report`.
#[component]
pub fn ReportPage() -> impl IntoView {
    let id = param("id");
    let page = Resource::new_blocking(id, report_page);
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("roadmap-report-title")/>
        <PageView resource=page render=|page| view! { <Report report=page.content/> }/>
    }
}

#[component]
fn Report(report: ReportView) -> impl IntoView {
    let scale = report.level_names.len() as u8;
    let previous = report.roadmap.previous.clone();
    view! {
        <div class="report">
            <ReportSummary report=report.clone()/>
            <ReportMaturity roadmap=report.roadmap.clone() scale/>
            <div class="report-section" id="heatmap">
                <Heatmap results=report.results.clone() scale/>
            </div>
            <ReportRoadmap roadmap=report.roadmap.clone()/>
            <OrgDesign report=report.clone()/>
            <HiringPanel report=report.clone()/>
            {previous.map(|previous| view! { <ReassessmentPanel previous/> })}
        </div>
    }
    .into_any()
}

#[component]
fn ReportSummary(report: ReportView) -> impl IntoView {
    let i18n = use_i18n();
    let roadmap = &report.roadmap;
    let id = roadmap.summary.id.clone();
    view! {
        <section class="panel report-section" id="summary">
            <p class="crumbs screen-only">
                <a href=format!("/assessments/{id}")>{roadmap.summary.name.clone()}</a>" · "
                <a href=format!("/assessments/{id}/roadmap")>{i18n.t("roadmap-title")}</a>
            </p>
            <h1>{i18n.t_with("roadmap-report-heading", &[("name", roadmap.summary.name.clone().into())])}</h1>
            <p class="hint">{i18n.t_with(
                "roadmap-report-generated",
                &[
                    ("model", roadmap.summary.model_title.clone().into()),
                    ("date", i18n.day(&report.generated_on).into()),
                ],
            )}</p>
            <Downloads campaign_id=id.clone()/>
            <p class="hint screen-only">{i18n.t("roadmap-report-pdf-hint")}</p>
            <h2>{i18n.t("roadmap-report-summary")}</h2>
            <ul class="report-summary">
                {report.summary.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}
            </ul>
            {(!report.top_gaps.is_empty()).then(|| view! {
                <h3>{i18n.t("roadmap-report-top-gaps")}</h3>
                <ol class="gaps">
                    {report.top_gaps.iter().map(|g| view! { <li><strong>{g.sentence_in(i18n)}</strong><span class="hint">{format!(" · {}", i18n.t_with("roadmap-report-gap", &[("gap", level(g.size).into())]))}</span></li> }).collect_view()}
                </ol>
            })}
        </section>
    }
    .into_any()
}

#[component]
fn ReportMaturity(roadmap: RoadmapView, scale: u8) -> impl IntoView {
    let i18n = use_i18n();
    let projected = |id: &str| {
        roadmap
            .projections
            .iter()
            .find(|p| p.id == id)
            .and_then(|p| p.levels.last().copied())
    };
    let axes: Vec<String> = roadmap
        .dimensions
        .iter()
        .map(|d| short_title(&d.title))
        .collect();
    let projected_label = i18n.t_with(
        "roadmap-projected-after-phase",
        &[("number", roadmap.phases.len().into())],
    );
    let series = vec![
        RadarSeries {
            label: i18n.t("roadmap-col-now"),
            values: roadmap.dimensions.iter().map(|d| d.current).collect(),
        },
        RadarSeries {
            label: i18n.t("roadmap-col-target"),
            values: roadmap.dimensions.iter().map(|d| Some(d.target)).collect(),
        },
        RadarSeries {
            label: projected_label.clone(),
            values: roadmap
                .dimensions
                .iter()
                .map(|d| projected(&d.id))
                .collect(),
        },
    ];
    view! {
        <section class="panel report-section" id="maturity">
            <h2>{i18n.t("roadmap-maturity")}</h2>
            <div class="chart-with-table">
                <RadarChart axes series scale title=i18n.t("roadmap-maturity-chart")/>
                <table class="numbers">
                    <caption>{i18n.t("roadmap-maturity-caption")}</caption>
                    <thead>
                        <tr><th scope="col">{i18n.t("roadmap-col-dimension")}</th><th scope="col">{i18n.t("roadmap-col-now")}</th><th scope="col">{i18n.t("roadmap-col-target")}</th><th scope="col">{projected_label.clone()}</th></tr>
                    </thead>
                    <tbody>
                        {roadmap.dimensions.iter().map(|d| view! {
                            <tr>
                                <th scope="row">{d.title.clone()}</th>
                                <td>{opt_level(d.current)}</td>
                                <td>{level(d.target)}</td>
                                <td>{opt_level(projected(&d.id))}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

#[component]
fn ReportRoadmap(roadmap: RoadmapView) -> impl IntoView {
    let i18n = use_i18n();
    let length = roadmap.settings.phase_length;
    let phases = roadmap
        .phases
        .iter()
        .map(|p| {
            let list = if p.initiatives.is_empty() {
                view! { <p class="empty">{i18n.t("roadmap-report-phase-empty")}</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {p.initiatives.iter().map(|i| {
                            let mut args = vec![
                                ("effort", weeks(i.effort_weeks).into()),
                                ("function", i18n.t(i.owner_function.label_key()).into()),
                                ("reason", i.reason.clone().into()),
                            ];
                            let line = match &i.owner {
                                Some(owner) => {
                                    args.push(("owner", owner.clone().into()));
                                    i18n.t_with("roadmap-report-initiative-owner", &args)
                                }
                                None => i18n.t_with("roadmap-report-initiative", &args),
                            };
                            view! {
                                <li>
                                    <strong>{i.title.clone()}</strong>
                                    {i.done_on.clone().map(|on| view! { <span class="badge done">{i18n.t_with("roadmap-badge-done", &[("date", i18n.day(&on).into())])}</span> })}
                                    <br/><span class="hint">{line}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            };
            view! {
                <h3>{i18n.t_with(
                    "roadmap-report-phase",
                    &[
                        ("phase", phase_title(i18n, p, length).into()),
                        ("effort", weeks(p.effort_weeks).into()),
                        ("capacity", weeks(p.capacity_weeks).into()),
                    ],
                )}</h3>
                {list}
            }
            .into_any()
        })
        .collect_view();
    view! {
        <section class="panel report-section" id="roadmap">
            <h2>{i18n.t("roadmap-title")}</h2>
            <RoadmapTimeline phases=timeline(i18n, &roadmap.phases, length) title=i18n.t_with("roadmap-timeline-title", &[("count", roadmap.phases.len().into())])/>
            {phases}
            {(!roadmap.unscheduled.is_empty()).then(|| view! {
                <h3>{i18n.t("roadmap-unscheduled")}</h3>
                <ul>{roadmap.unscheduled.iter().map(|i| view! { <li><strong>{i.title.clone()}</strong><br/><span class="hint">{i.reason.clone()}</span></li> }).collect_view()}</ul>
            })}
        </section>
    }
    .into_any()
}

#[component]
fn OrgDesign(report: ReportView) -> impl IntoView {
    let i18n = use_i18n();
    let roadmap = &report.roadmap;
    // The phase a step is planned in, worded like the roadmap's phases.
    let phase_of = |step_id: &str| {
        roadmap
            .phases
            .iter()
            .find(|p| p.initiatives.iter().any(|i| i.id == step_id))
            .map(|p| phase_title(i18n, p, roadmap.settings.phase_length))
    };
    view! {
        <section class="panel report-section" id="org-design">
            <h2>{i18n.t("roadmap-org-design")}</h2>
            <p>{i18n.t("roadmap-org-design-intro")}</p>
            {if report.org_design.is_empty() {
                view! { <p class="empty">{i18n.t("roadmap-org-design-none")}</p> }.into_any()
            } else {
                view! {
                    <ol>
                        {report.org_design.iter().map(|s| {
                            let when = phase_of(&s.id).unwrap_or_else(|| i18n.t("roadmap-org-design-not-scheduled"));
                            view! {
                                <li><strong>{s.title.clone()}</strong>{format!(" · {when}")}<br/><span class="hint">{s.reason.clone()}</span></li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}

#[component]
fn HiringPanel(report: ReportView) -> impl IntoView {
    let i18n = use_i18n();
    let roles = if report.hiring.is_empty() {
        view! { <p class="empty">{i18n.t("roadmap-hiring-none")}</p> }.into_any()
    } else {
        report
            .hiring
            .iter()
            .map(|role| {
                let candidates = if role.candidates.is_empty() {
                    view! { <p class="empty">{i18n.t("roadmap-hiring-no-candidates")}</p> }.into_any()
                } else {
                    view! {
                        <table class="numbers">
                            <thead><tr><th scope="col">{i18n.t("roadmap-col-candidate")}</th><th scope="col">{i18n.t("roadmap-col-scorecards")}</th><th scope="col">{i18n.t("roadmap-col-state")}</th></tr></thead>
                            <tbody>
                                {role.candidates.iter().map(|c| view! {
                                    <tr>
                                        <th scope="row">{c.name.clone()}</th>
                                        <td>{i18n.t_with(
                                            "roadmap-scorecards-of",
                                            &[
                                                ("submitted", c.scorecards_submitted.into()),
                                                ("interviews", c.interviews.into()),
                                            ],
                                        )}</td>
                                        <td>{candidate_state(i18n, c)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }
                    .into_any()
                };
                view! {
                    <h3>{i18n.t_with(
                        "roadmap-hiring-role",
                        &[("role", role.title.clone().into()), ("count", role.stages.into())],
                    )}</h3>
                    {candidates}
                }
                .into_any()
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="panel report-section" id="hiring">
            <h2>{i18n.t("roadmap-hiring")}</h2>
            {roles}
        </section>
    }
    .into_any()
}
