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
use crate::domain::planner::{level, weeks};
use crate::domain::roadmap::PhaseLength;
use crate::models::roadmap::{
    DimensionTarget, PhaseView, Reassessment, ReportView, RoadmapItem, RoadmapView,
};
use crate::models::Flash;
use crate::pages::assessments::{param, short_title, Heatmap};
use leptos::prelude::*;
use leptos_meta::Title;

fn opt_level(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), level)
}

fn timeline(phases: &[PhaseView]) -> Vec<TimelinePhase> {
    phases
        .iter()
        .map(|p| TimelinePhase {
            label: p.label.clone(),
            items: p
                .initiatives
                .iter()
                .map(|i| TimelineItem {
                    title: i.title.clone(),
                    effort_weeks: i.effort_weeks,
                    done: i.done_on.is_some(),
                })
                .collect(),
        })
        .collect()
}

/// Links to the downloads of a campaign.
#[component]
fn Downloads(campaign_id: String) -> impl IntoView {
    let link = |file: &str, label: &'static str| {
        view! { <li><a class="button" href=format!("/assessments/{campaign_id}/{file}") download="">{label}</a></li> }
    };
    view! {
        <ul class="downloads" aria-label="Downloads">
            {link("report.md", "Report (Markdown)")}
            {link("results.csv", "Results (CSV)")}
            {link("results.json", "Results (JSON)")}
            {link("roadmap.csv", "Roadmap (CSV)")}
            {link("roadmap.json", "Roadmap (JSON)")}
        </ul>
    }
}

/// `/assessments/:id/roadmap`.
#[component]
pub fn RoadmapPage() -> impl IntoView {
    let id = param("id");
    let page = Resource::new_blocking(id, roadmap_page);
    view! {
        <Title text="Roadmap"/>
        <PageView resource=page render=|page| view! { <Roadmap view=page.content flash=page.flash/> }/>
    }
}

#[component]
fn Roadmap(view: RoadmapView, flash: Option<Flash>) -> impl IntoView {
    let id = view.summary.id.clone();
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
                <a href=format!("/assessments/{id}/results")>"Results"</a>
            </p>
            <div class="panel-head">
                <h1>{format!("Roadmap: {}", view.summary.name)}</h1>
                <a class="button" href=format!("/assessments/{id}/report")>"Executive report"</a>
            </div>
            {notice.map(|message| view! { <Notice message/> })}
            <p>"Initiatives from the library that close the gaps between where each dimension stands and its target, largest gaps and widest perception gaps first, in phases that respect prerequisites and the capacity you set. Moves, drops and owners are kept whenever the plan is recomputed."</p>
            <Downloads campaign_id=id.clone()/>
        </section>
    };
    if no_answers {
        return view! {
            {head}
            <section class="panel">
                <p class="empty">"No one has submitted answers yet, so there is nothing to plan from. Share the invitation links from the assessment page; the roadmap appears with the first submitted response."</p>
            </section>
        }
        .into_any();
    }
    let phase_count = view.settings.phases;
    view! {
        {head}
        <Settings view=view.clone() flash=flash.clone()/>
        <section class="panel" id="plan">
            <h2>"The plan"</h2>
            <RoadmapTimeline phases=timeline(&view.phases) title=format!("Roadmap timeline: {} phases", view.phases.len())/>
            {view.phases.iter().map(|phase| {
                let over = phase.effort_weeks > phase.capacity_weeks + 1e-9;
                view! {
                    <div class="phase" id=format!("phase-{}", phase.index + 1)>
                        <div class="phase-head">
                            <h3>{phase.label.clone()}</h3>
                            <p class=if over { "over-capacity" } else { "hint" }>{format!(
                                "{} of {} person-weeks{}",
                                weeks(phase.effort_weeks),
                                weeks(phase.capacity_weeks),
                                if over { " (over capacity through pinned initiatives)" } else { "" }
                            )}</p>
                        </div>
                        {if phase.initiatives.is_empty() {
                            view! { <p class="empty">"Nothing planned in this phase."</p> }.into_any()
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
            <h2>"Not scheduled"</h2>
            {if view.unscheduled.is_empty() {
                view! { <p class="empty">"Every initiative the targets need fits into the plan."</p> }.into_any()
            } else {
                view! {
                    <p>"Needed for the targets but not in any phase, with why. Raise the capacity, add phases, or move one into a phase yourself."</p>
                    {view.unscheduled.iter().cloned().map(|item| view! {
                        <Initiative item campaign_id=id.clone() phases=phase_count can_edit=view.can_edit flash=flash.clone()/>
                    }).collect_view()}
                }.into_any()
            }}
        </section>
        {(!view.dropped.is_empty()).then(|| view! {
            <section class="panel" id="dropped">
                <h2>"Dropped"</h2>
                {view.dropped.iter().cloned().map(|item| view! {
                    <Initiative item campaign_id=id.clone() phases=phase_count can_edit=view.can_edit dropped=true flash=flash.clone()/>
                }).collect_view()}
            </section>
        })}
        <Projections view=view.clone()/>
        {view.previous.clone().map(|previous| view! { <ReassessmentPanel previous/> })}
        <section class="panel" id="history">
            <h2>"History"</h2>
            {if view.history.is_empty() {
                view! { <p class="empty">"No changes yet: this is the plan as computed from the results and the default settings."</p> }.into_any()
            } else {
                view! {
                    <ol class="history">
                        {view.history.iter().map(|c| view! {
                            <li><strong>{c.what.clone()}</strong><br/><span class="hint">{format!("{} · {} UTC", c.who, c.at)}</span></li>
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
    let form_flash = Flash::for_form(&flash, "roadmap-settings").unwrap_or_default();
    let s = view.settings.clone();
    let value = |name: &str, default: String| form_flash.value(name).unwrap_or(default);
    if !view.can_edit {
        return view! {
            <section class="panel" id="settings">
                <h2>"Targets and capacity"</h2>
                <p>{format!(
                    "{} phases of one {} each from {}, {} person-weeks per phase. Owners and admins change these.",
                    s.phases,
                    match s.phase_length { PhaseLength::Month => "month", PhaseLength::Quarter => "quarter", PhaseLength::HalfYear => "half-year" },
                    s.starts_on,
                    weeks(s.capacity_weeks)
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
            <h2>"Targets and capacity"</h2>
            <p>"Set where each dimension should get to and how much the team can do per phase; the plan below follows. An empty target means one level up from now (at most 5)."</p>
            <AppForm action=format!("/assessments/{}/roadmap/settings", view.summary.id) id="roadmap-settings" submit_label="Save and re-plan" flash=form_flash.clone()>
                <div class="settings-grid">
                    <div class="field">
                        <label for="roadmap-settings-phases">"Phases"</label>
                        <input id="roadmap-settings-phases" name="phases" type="number" min="1" max="12" step="1" value=phases required=true aria-describedby="roadmap-settings-phases-error"/>
                        <p id="roadmap-settings-phases-error" class="field-error" data-error-for="phases">{error("phases")}</p>
                    </div>
                    <div class="field">
                        <label for="roadmap-settings-phase_length">"Phase length"</label>
                        <select id="roadmap-settings-phase_length" name="phase_length" aria-describedby="roadmap-settings-phase_length-error">
                            {PhaseLength::ALL.into_iter().map(|p| view! {
                                <option value=p.as_str() selected=p.as_str() == length>{p.label()}</option>
                            }).collect_view()}
                        </select>
                        <p id="roadmap-settings-phase_length-error" class="field-error" data-error-for="phase_length">{error("phase_length")}</p>
                    </div>
                    <div class="field">
                        <label for="roadmap-settings-starts_on">"First phase starts"</label>
                        <input id="roadmap-settings-starts_on" name="starts_on" type="date" value=starts required=true aria-describedby="roadmap-settings-starts_on-error"/>
                        <p id="roadmap-settings-starts_on-error" class="field-error" data-error-for="starts_on">{error("starts_on")}</p>
                    </div>
                    <div class="field">
                        <label for="roadmap-settings-capacity_weeks">"Person-weeks per phase"</label>
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
    view! {
        <div class="scroll">
            <table class="numbers targets">
                <caption>"Targets per dimension"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Dimension"</th>
                        <th scope="col">"Now"</th>
                        <th scope="col">"Widest perception gap"</th>
                        <th scope="col">"Target"</th>
                    </tr>
                </thead>
                <tbody>
                    {dimensions.into_iter().map(|d| {
                        let gap = d.perception_gap.as_ref().map_or_else(
                            || "–".to_owned(),
                            |g| format!("{} vs {}: {}", g.high, g.low.to_lowercase(), level(g.gap)),
                        );
                        let target = match &inputs {
                            Some(flash) => {
                                let name = format!("target.{}", d.id);
                                let input_id = format!("roadmap-settings-target-{}", d.id);
                                let typed = flash.value(&name).unwrap_or_else(|| if d.target_set { level(d.target) } else { String::new() });
                                let error = flash.field_error(&name);
                                let label = format!("Target for {}", d.title);
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
    let form = format!("initiative-{}", item.id);
    let own = flash.as_ref().filter(|f| f.form == form).cloned();
    let error = own.as_ref().and_then(|f| f.error.clone());
    let notice = own.as_ref().and_then(|f| f.notice.clone());
    let action = format!("/assessments/{campaign_id}/roadmap/initiatives/{}", item.id);
    let meta = format!(
        "{} person-weeks · {} impact · owned by {}{}",
        weeks(item.effort_weeks),
        item.impact.label().to_lowercase(),
        item.owner_function.label().to_lowercase(),
        item.owner
            .as_ref()
            .map(|o| format!(" · owner: {o}"))
            .unwrap_or_default()
    );
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
                            <label for=phase_id.clone()>"Phase"</label><br/>
                            <select id=phase_id.clone() name="phase">
                                {(1..=phases).map(|p| view! { <option value=p.to_string() selected=p == current>{p.to_string()}</option> }).collect_view()}
                            </select>
                        </span>
                        <button type="submit" class="button">{if item.phase.is_some() { "Move" } else { "Put in phase" }}</button>
                    </form>
                })}
                {if dropped || item.pinned {
                    view! {
                        <form method="post" action=action.clone()>
                            <input type="hidden" name="action" value="restore"/>
                            <button type="submit" class="button">{if dropped { "Restore" } else { "Let the planner decide" }}</button>
                        </form>
                    }.into_any()
                } else {
                    ().into_any()
                }}
                {(!dropped && item.done_on.is_none()).then(|| view! {
                    <form method="post" action=action.clone()>
                        <input type="hidden" name="action" value="drop"/>
                        <button type="submit" class="button">"Drop"</button>
                    </form>
                })}
                {(item.phase.is_some()).then(|| view! {
                    <form method="post" action=action.clone()>
                        <input type="hidden" name="action" value=if item.done_on.is_some() { "not-done" } else { "done" }/>
                        <button type="submit" class="button">{if item.done_on.is_some() { "Mark not done" } else { "Mark done" }}</button>
                    </form>
                })}
                {(!dropped).then(|| view! {
                    <form method="post" action=action.clone()>
                        <input type="hidden" name="action" value="owner"/>
                        <span>
                            <label for=owner_id.clone()>"Owner"</label><br/>
                            <input id=owner_id.clone() name="owner" type="text" maxlength="100" value=item.owner.clone().unwrap_or_default()/>
                        </span>
                        <button type="submit" class="button">"Save owner"</button>
                    </form>
                })}
            </div>
        }
    });
    view! {
        <article class="initiative" id=form.clone() aria-labelledby=format!("{form}-title")>
            <h4 id=format!("{form}-title")>
                {item.title.clone()}
                {item.pinned.then(|| view! { <span class="badge">"Pinned"</span> })}
                {item.org_design.then(|| view! { <span class="badge">"Org design"</span> })}
                {item.done_on.clone().map(|on| view! { <span class="badge done">{format!("Done {on}")}</span> })}
            </h4>
            <p class="reason">{item.reason.clone()}</p>
            <p class="meta">{meta}</p>
            <p class="meta">{format!("Lifts {}", item.lifts)}{(!item.requires.is_empty()).then(|| format!(" · needs {}", item.requires.join(", ")))}</p>
            {(!item.kpis.is_empty()).then(|| view! { <p class="meta">{format!("Progress shows in: {}", item.kpis.join("; "))}</p> })}
            {error.map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            {notice.map(|message| view! { <Notice message/> })}
            {controls}
        </article>
    }
}

#[component]
fn Projections(view: RoadmapView) -> impl IntoView {
    let phases = view.phases.len();
    view! {
        <section class="panel" id="projections">
            <h2>"Projected levels"</h2>
            <p>"Where each dimension is expected to stand after each phase, if the planned initiatives are done."</p>
            <div class="scroll">
                <table class="numbers">
                    <thead>
                        <tr>
                            <th scope="col">"Dimension"</th>
                            <th scope="col">"Now"</th>
                            {(1..=phases).map(|p| view! { <th scope="col">{format!("After phase {p}")}</th> }).collect_view()}
                            <th scope="col">"Target"</th>
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
    view! {
        <section class="panel report-section" id="reassessment">
            <h2>{format!("Since {} ({})", previous.campaign_name, previous.launched)}</h2>
            <p>"The change per dimension against the earlier assessment on the same model."</p>
            <div class="scroll">
                <table class="numbers">
                    <thead>
                        <tr><th scope="col">"Dimension"</th><th scope="col">"Before"</th><th scope="col">"Now"</th><th scope="col">"Change"</th></tr>
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
            <h3>"Initiatives done in between"</h3>
            {if previous.done.is_empty() {
                view! { <p class="empty">"No initiative of the earlier roadmap was marked done."</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {previous.done.iter().map(|d| view! {
                            <li>{format!("{} (done {}{})", d.title, d.done_on, d.done_by.as_ref().map(|b| format!(" by {b}")).unwrap_or_default())}</li>
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
    view! {
        <Title text="Executive report"/>
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
    let roadmap = &report.roadmap;
    let id = roadmap.summary.id.clone();
    view! {
        <section class="panel report-section" id="summary">
            <p class="crumbs screen-only">
                <a href=format!("/assessments/{id}")>{roadmap.summary.name.clone()}</a>" · "
                <a href=format!("/assessments/{id}/roadmap")>"Roadmap"</a>
            </p>
            <h1>{format!("Executive report: {}", roadmap.summary.name)}</h1>
            <p class="hint">{format!("{} · generated {}", roadmap.summary.model_title, report.generated_on)}</p>
            <Downloads campaign_id=id.clone()/>
            <p class="hint screen-only">"To save it as a PDF, print this page and choose \"Save as PDF\"; navigation and buttons are left out and each section starts on a new page."</p>
            <h2>"Summary"</h2>
            <ul class="report-summary">
                {report.summary.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}
            </ul>
            {(!report.top_gaps.is_empty()).then(|| view! {
                <h3>"Top perception gaps"</h3>
                <ol class="gaps">
                    {report.top_gaps.iter().map(|g| view! { <li><strong>{g.sentence()}</strong><span class="hint">{format!(" · gap {}", level(g.size))}</span></li> }).collect_view()}
                </ol>
            })}
        </section>
    }
    .into_any()
}

#[component]
fn ReportMaturity(roadmap: RoadmapView, scale: u8) -> impl IntoView {
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
    let projected_label = format!("Projected after phase {}", roadmap.phases.len());
    let series = vec![
        RadarSeries {
            label: "Now".into(),
            values: roadmap.dimensions.iter().map(|d| d.current).collect(),
        },
        RadarSeries {
            label: "Target".into(),
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
            <h2>"Maturity: now, target and projected"</h2>
            <div class="chart-with-table">
                <RadarChart axes series scale title="Maturity per dimension: now, target and projected at the end of the roadmap".into()/>
                <table class="numbers">
                    <caption>"Level per dimension"</caption>
                    <thead>
                        <tr><th scope="col">"Dimension"</th><th scope="col">"Now"</th><th scope="col">"Target"</th><th scope="col">{projected_label.clone()}</th></tr>
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
    let phases = roadmap
        .phases
        .iter()
        .map(|p| {
            let list = if p.initiatives.is_empty() {
                view! { <p class="empty">"Nothing planned."</p> }.into_any()
            } else {
                view! {
                    <ul>
                        {p.initiatives.iter().map(|i| view! {
                            <li>
                                <strong>{i.title.clone()}</strong>
                                {i.done_on.clone().map(|on| view! { <span class="badge done">{format!("Done {on}")}</span> })}
                                <br/><span class="hint">{format!(
                                    "{} person-weeks · {}{} · {}",
                                    weeks(i.effort_weeks),
                                    i.owner_function.label(),
                                    i.owner.as_ref().map(|o| format!(" (owner: {o})")).unwrap_or_default(),
                                    i.reason
                                )}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            };
            view! {
                <h3>{format!("{} ({} of {} person-weeks)", p.label, weeks(p.effort_weeks), weeks(p.capacity_weeks))}</h3>
                {list}
            }
            .into_any()
        })
        .collect_view();
    view! {
        <section class="panel report-section" id="roadmap">
            <h2>"Roadmap"</h2>
            <RoadmapTimeline phases=timeline(&roadmap.phases) title=format!("Roadmap timeline: {} phases", roadmap.phases.len())/>
            {phases}
            {(!roadmap.unscheduled.is_empty()).then(|| view! {
                <h3>"Not scheduled"</h3>
                <ul>{roadmap.unscheduled.iter().map(|i| view! { <li><strong>{i.title.clone()}</strong><br/><span class="hint">{i.reason.clone()}</span></li> }).collect_view()}</ul>
            })}
        </section>
    }
    .into_any()
}

#[component]
fn OrgDesign(report: ReportView) -> impl IntoView {
    view! {
        <section class="panel report-section" id="org-design">
            <h2>"Organisation design"</h2>
            <p>"The roles and teams to create as RevOps takes shape: first one leader across marketing, sales and customer success, then specialists for strategy, planning, and compensation and incentives as the function matures."</p>
            {if report.org_design.is_empty() {
                view! { <p class="empty">"No organisation-design step is needed to reach the targets."</p> }.into_any()
            } else {
                view! {
                    <ol>
                        {report.org_design.iter().map(|s| view! {
                            <li><strong>{s.title.clone()}</strong>{format!(" · {}", s.phase.clone().unwrap_or_else(|| "not scheduled".into()))}<br/><span class="hint">{s.reason.clone()}</span></li>
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
    let roles = if report.hiring.is_empty() {
        view! { <p class="empty">"No RevOps-leader role is open. Open one under Hiring to interview candidates against the rubric."</p> }.into_any()
    } else {
        report
            .hiring
            .iter()
            .map(|role| {
                let candidates = if role.candidates.is_empty() {
                    view! { <p class="empty">"No candidates to show."</p> }.into_any()
                } else {
                    view! {
                        <table class="numbers">
                            <thead><tr><th scope="col">"Candidate"</th><th scope="col">"Scorecards"</th><th scope="col">"State"</th></tr></thead>
                            <tbody>
                                {role.candidates.iter().map(|c| view! {
                                    <tr>
                                        <th scope="row">{c.name.clone()}</th>
                                        <td>{format!("{} of {}", c.scorecards_submitted, c.interviews)}</td>
                                        <td>{c.state()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }
                    .into_any()
                };
                view! {
                    <h3>{format!("{} ({} interviews per candidate)", role.title, role.stages)}</h3>
                    {candidates}
                }
                .into_any()
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="panel report-section" id="hiring">
            <h2>"Hiring the RevOps leader"</h2>
            {roles}
        </section>
    }
    .into_any()
}
