//! Hiring pages: roles and their interview plan, candidates, "my interviews" with the
//! interview kit and scorecard, and the debrief. Every form is a plain HTML form (see
//! `server/src/hiring_forms.rs`); the scorecard is also autosaved by the `AutosaveForm` island.

use crate::api::hiring::{
    candidate_page, debrief_page, interview_page, interviews_page, role_page, roles_page,
};
use crate::components::form::{AppForm, Field, Notice};
use crate::components::layout::PageView;
use crate::domain::debrief::{self as panel, Leaning, MissingAgreement, RaterCalibration};
use crate::domain::rubric::{DecisionOutcome, Rating, Recommendation, Visibility};
use crate::i18n::{use_i18n, I18n};
use crate::islands::{AutosaveForm, AutosaveTexts};
use crate::models::hiring::{
    CandidateView, DebriefView, DecisionView, InterviewKit, MyInterview, RoleList, RoleView,
    ScorecardView,
};
use crate::models::Flash;
use crate::pages::assessments::one_decimal;
use crate::pages::textarea_text;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

fn param(name: &'static str) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let params = use_params_map();
    move || params.read().get(name).unwrap_or_default()
}

fn notice_of(flash: &Option<Flash>) -> Option<String> {
    flash.as_ref().and_then(|f| f.notice.clone())
}

/// A debrief statistic, or why it is missing, in the reader's language.
fn statistic(i18n: I18n, value: Option<f64>, note: Option<MissingAgreement>) -> String {
    match (value, note) {
        (Some(v), _) => format!("{v:.2}"),
        (None, Some(MissingAgreement::AlphaTooFew)) => i18n.t_with(
            "hiring-note-alpha-too-few",
            &[("min", panel::MIN_ALPHA_UNITS.to_string().into())],
        ),
        (None, Some(MissingAgreement::IccTooFew)) => i18n.t_with(
            "hiring-note-icc-too-few",
            &[
                ("min", panel::MIN_ICC_UNITS.to_string().into()),
                ("raters", panel::MIN_ICC_RATERS.to_string().into()),
            ],
        ),
        (None, Some(MissingAgreement::SameLevel)) => i18n.t("hiring-note-same-level"),
        (None, Some(MissingAgreement::Undefined)) => i18n.t("hiring-note-undefined"),
        (None, None) => i18n.t("hiring-not-enough-data"),
    }
}

/// "3 · Strong", "No evidence", or "–" for nothing yet.
fn rating_text(i18n: I18n, rating: Option<Rating>, level_names: &[String]) -> String {
    match rating {
        Some(Rating::Level(level)) => {
            let name = level_names
                .get(usize::from(level).saturating_sub(1))
                .cloned()
                .unwrap_or_default();
            format!("{level} · {name}")
        }
        Some(Rating::NoEvidence) => i18n.t("hiring-no-evidence"),
        None => "–".to_owned(),
    }
}

/// A `<select>` of the visibility rules; `inherit` adds "the organisation's rule" first.
#[component]
fn VisibilitySelect(
    form: &'static str,
    selected: Option<Visibility>,
    #[prop(optional)] inherit: Option<Visibility>,
    flash: Flash,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("{form}-visibility");
    let error_id = format!("{id}-error");
    let chosen = flash
        .value("visibility")
        .or_else(|| selected.map(|v| v.as_str().to_owned()))
        .unwrap_or_default();
    view! {
        <div class="field">
            <label for=id.clone()>{i18n.t("hiring-visibility-label")}</label>
            <select id=id.clone() name="visibility" aria-describedby=error_id.clone()>
                {inherit.map(|org| view! {
                    <option value="" selected=chosen.is_empty()>{i18n.t_with("hiring-visibility-inherit", &[("rule", i18n.t(org.label_key()).to_lowercase().into())])}</option>
                })}
                {Visibility::ALL.iter().map(|v| view! {
                    <option value=v.as_str() selected=chosen == v.as_str()>{i18n.t(v.label_key())}</option>
                }).collect_view()}
            </select>
            <p id=error_id class="field-error" data-error-for="visibility">{flash.field_error("visibility")}</p>
        </div>
    }
    .into_any()
}

// ---------------------------------------------------------------------------------------
// /hiring
// ---------------------------------------------------------------------------------------

/// `/hiring`: the organisation's roles; admins open roles and set the visibility rule.
#[component]
pub fn RolesPage() -> impl IntoView {
    let page = Resource::new_blocking(|| (), |_| roles_page());
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("hiring-title")/>
        <PageView resource=page render=|page| view! { <Roles list=page.content flash=page.flash/> }/>
    }
}

#[component]
fn Roles(list: RoleList, flash: Option<Flash>) -> impl IntoView {
    let i18n = use_i18n();
    let notice = notice_of(&flash);
    let role_flash = Flash::for_form(&flash, "role").unwrap_or_default();
    let visibility_flash = Flash::for_form(&flash, "visibility").unwrap_or_default();
    let table = if list.roles.is_empty() {
        view! {
            <p class="empty">
                {if list.can_manage {
                    i18n.t("hiring-roles-empty-admin")
                } else {
                    i18n.t("hiring-roles-empty-member")
                }}
            </p>
        }
        .into_any()
    } else {
        view! {
            <table class="roles">
                <thead><tr>
                    <th scope="col">{i18n.t("hiring-col-role")}</th><th scope="col">{i18n.t("hiring-col-rubric")}</th>
                    <th scope="col">{i18n.t("hiring-col-interviews")}</th><th scope="col">{i18n.t("hiring-col-candidates")}</th><th scope="col">{i18n.t("hiring-col-opened")}</th>
                </tr></thead>
                <tbody>
                    {list.roles.iter().map(|r| view! {
                        <tr>
                            <td><a href=format!("/hiring/roles/{}", r.id)>{r.title.clone()}</a></td>
                            <td>{r.rubric_title.clone()}</td>
                            <td>{r.stages}</td>
                            <td>{r.candidates}</td>
                            <td>{i18n.day(&r.opened)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    let manage = list.can_manage.then(|| {
        let rubrics = list.rubrics.clone();
        view! {
            <section class="panel">
                <h2>{i18n.t("hiring-open-role")}</h2>
                {if rubrics.is_empty() {
                    view! { <p class="empty">{i18n.t("hiring-no-rubric")}</p> }.into_any()
                } else {
                    view! {
                        <AppForm action="/hiring/roles".to_owned() id="role" submit_label=i18n.t("hiring-open-role-submit") flash=role_flash.clone()>
                            <Field form="role" name="title" label=i18n.t("hiring-role-title-label") hint=i18n.t("hiring-role-title-hint") required=true maxlength=100 flash=role_flash.clone()/>
                            <div class="field">
                                <label for="role-rubric">{i18n.t("hiring-col-rubric")}</label>
                                <select id="role-rubric" name="rubric" aria-describedby="role-rubric-error">
                                    {rubrics.iter().map(|r| view! {
                                        <option value=r.id.clone()>{i18n.t_with("hiring-rubric-choice", &[("title", r.title.clone().into()), ("version", r.version.clone().into()), ("count", r.competencies.to_string().into())])}</option>
                                    }).collect_view()}
                                </select>
                                <p id="role-rubric-error" class="field-error" data-error-for="rubric">{role_flash.field_error("rubric")}</p>
                            </div>
                            <VisibilitySelect form="role" selected=None inherit=list.visibility flash=role_flash.clone()/>
                        </AppForm>
                    }.into_any()
                }}
            </section>
            <Calibration raters=list.calibration.clone()/>
            <section class="panel">
                <h2>{i18n.t("hiring-visibility-title")}</h2>
                <p>{i18n.t("hiring-visibility-intro")}</p>
                <AppForm action="/hiring/visibility".to_owned() id="visibility" submit_label=i18n.t("hiring-visibility-submit") flash=visibility_flash.clone()>
                    <VisibilitySelect form="visibility" selected=Some(list.visibility) flash=visibility_flash.clone()/>
                </AppForm>
            </section>
        }
        .into_any()
    });
    view! {
        <section class="panel">
            <div class="panel-head">
                <h1>{i18n.t("hiring-heading")}</h1>
                <a class="button" href="/interviews">{i18n.t("hiring-my-interviews")}</a>
            </div>
            {notice.map(|message| view! { <Notice message/> })}
            <p>{i18n.t("hiring-intro")}</p>
            {table}
        </section>
        {manage}
    }
    .into_any()
}

/// How each interviewer rates compared with the rest of their panels (admins only).
#[component]
fn Calibration(raters: Vec<RaterCalibration>) -> impl IntoView {
    if raters.is_empty() {
        return ().into_any();
    }
    let i18n = use_i18n();
    view! {
        <section class="panel">
            <h2>{i18n.t("hiring-calibration-title")}</h2>
            <p class="hint">{i18n.t("hiring-calibration-hint")}</p>
            <table class="calibration">
                <thead><tr><th scope="col">{i18n.t("hiring-col-interviewer")}</th><th scope="col">{i18n.t("hiring-col-compared")}</th><th scope="col">{i18n.t("hiring-col-average-difference")}</th><th scope="col">{i18n.t("hiring-col-tendency")}</th></tr></thead>
                <tbody>
                    {raters.into_iter().map(|r| view! {
                        <tr>
                            <td>{r.name.clone()}</td>
                            <td>{r.comparisons}</td>
                            <td>{r.mean_deviation.map_or_else(|| "–".to_owned(), |d| format!("{d:+.2}"))}</td>
                            <td>{match r.leaning {
                                Leaning::Lenient => i18n.t("hiring-leaning-lenient"),
                                Leaning::Severe => i18n.t("hiring-leaning-severe"),
                                Leaning::InLine => i18n.t("hiring-leaning-in-line"),
                                Leaning::NotEnoughData => i18n.t("hiring-leaning-not-enough-data"),
                            }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
    .into_any()
}

// ---------------------------------------------------------------------------------------
// /hiring/roles/:id
// ---------------------------------------------------------------------------------------

/// `/hiring/roles/:id`: competencies and weights, the interview plan, the candidates.
#[component]
pub fn RolePage() -> impl IntoView {
    let page = Resource::new_blocking(param("id"), role_page);
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("hiring-role-page-title")/>
        <PageView resource=page render=|page| view! { <Role role=page.content flash=page.flash/> }/>
    }
}

#[component]
fn Role(role: RoleView, flash: Option<Flash>) -> impl IntoView {
    let i18n = use_i18n();
    let notice = notice_of(&flash);
    let settings_flash = Flash::for_form(&flash, "role-settings").unwrap_or_default();
    let stage_flash = Flash::for_form(&flash, "stage").unwrap_or_default();
    let candidate_flash = Flash::for_form(&flash, "candidate").unwrap_or_default();
    let id = role.id.clone();
    let competencies_list = role.competencies.clone();
    let competencies = if role.can_manage {
        let own = (!role.visibility_inherited).then_some(role.visibility);
        view! {
            <AppForm action=format!("/hiring/roles/{id}/settings") id="role-settings" submit_label=i18n.t("hiring-weights-submit") flash=settings_flash.clone()>
                <table class="weights">
                    <thead><tr><th scope="col">{i18n.t("hiring-col-competency")}</th><th scope="col">{i18n.t("hiring-col-weight")}</th></tr></thead>
                    <tbody>
                        {role.competencies.iter().map(|c| {
                            let name = format!("weight.{}", c.id);
                            let input_id = format!("role-settings-weight-{}", c.id);
                            let value = settings_flash.value(&name).unwrap_or_else(|| format!("{}", c.weight));
                            view! {
                                <tr>
                                    <th scope="row"><label for=input_id.clone()>{c.title.clone()}</label></th>
                                    <td>
                                        <input id=input_id type="number" name=name.clone() value=value min="0.1" max="10" step="0.1" class="weight"/>
                                        <p class="field-error" data-error-for=name.clone()>{settings_flash.field_error(&name)}</p>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
                <VisibilitySelect form="role-settings" selected=own inherit=role.visibility flash=settings_flash.clone()/>
            </AppForm>
        }
        .into_any()
    } else {
        view! {
            <ul class="counts">
                {role.competencies.iter().map(|c| view! { <li><strong>{c.title.clone()}</strong>{i18n.t_with("hiring-weight-of", &[("weight", c.weight.to_string().into())])}</li> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let suggestions = (!role.suggestions.is_empty()).then(|| {
        let changes = role.suggestions.iter().any(|s| s.suggested != s.current);
        view! {
            <h3>{i18n.t("hiring-suggested-title")}</h3>
            <p class="hint">{i18n.t_with("hiring-suggested-hint", &[("assessment", role.suggestions_from.clone().unwrap_or_default().into())])}</p>
            <table class="suggestions">
                <thead><tr><th scope="col">{i18n.t("hiring-col-competency")}</th><th scope="col">{i18n.t("hiring-col-now")}</th><th scope="col">{i18n.t("hiring-col-suggested")}</th><th scope="col">{i18n.t("hiring-col-why")}</th></tr></thead>
                <tbody>
                    {role.suggestions.iter().map(|s| view! {
                        <tr>
                            <td>{s.competency_title.clone()}</td>
                            <td>{format!("{}", s.current)}</td>
                            <td>{format!("{}", s.suggested)}</td>
                            <td>{s.reason.clone().unwrap_or_else(|| i18n.t("hiring-default-weight"))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            {changes.then(|| view! {
                <form method="post" action=format!("/hiring/roles/{}/settings", role.id)>
                    {(!role.visibility_inherited).then(|| view! { <input type="hidden" name="visibility" value=role.visibility.as_str()/> })}
                    {role.suggestions.iter().map(|s| view! { <input type="hidden" name=format!("weight.{}", s.competency_id) value=format!("{}", s.suggested)/> }).collect_view()}
                    <button type="submit" class="button">{i18n.t("hiring-use-suggested")}</button>
                </form>
            })}
        }
        .into_any()
    });
    let stages = if role.stages.is_empty() {
        view! { <p class="empty">{i18n.t("hiring-no-stages")}</p> }.into_any()
    } else {
        view! {
            <ol class="plan">
                {role.stages.iter().map(|s| view! {
                    <li>
                        <strong>{s.name.clone()}</strong>" "{i18n.t_with("hiring-stage-with", &[("interviewer", s.interviewer_name.clone().into())])}" "
                        {s.focus.iter().map(|f| f.title.clone()).collect::<Vec<_>>().join(i18n.t("hiring-list-separator").as_str())}
                    </li>
                }).collect_view()}
            </ol>
        }
        .into_any()
    };
    let add_stage = role.can_manage.then(|| {
        let chosen: Vec<String> = stage_flash
            .value("focus")
            .map(|v| v.split(',').map(str::to_owned).collect())
            .unwrap_or_default();
        view! {
            <h3>{i18n.t("hiring-add-stage")}</h3>
            <AppForm action=format!("/hiring/roles/{id}/stages") id="stage" submit_label=i18n.t("hiring-add-stage-submit") flash=stage_flash.clone()>
                <Field form="stage" name="name" label=i18n.t("hiring-col-interview") hint=i18n.t("hiring-stage-name-hint") required=true maxlength=100 flash=stage_flash.clone()/>
                <div class="field">
                    <label for="stage-interviewer">{i18n.t("hiring-col-interviewer")}</label>
                    <select id="stage-interviewer" name="interviewer" aria-describedby="stage-interviewer-error">
                        {role.members.iter().map(|m| view! { <option value=m.id.clone()>{m.name.clone()}</option> }).collect_view()}
                    </select>
                    <p id="stage-interviewer-error" class="field-error" data-error-for="interviewer">{stage_flash.field_error("interviewer")}</p>
                </div>
                <fieldset class="field" aria-describedby="stage-focus-error">
                    <legend>{i18n.t("hiring-focus-legend")}</legend>
                    {competencies_list.iter().map(|c| {
                        let input_id = format!("stage-focus-{}", c.id);
                        view! {
                            <label class="check" for=input_id.clone()>
                                <input type="checkbox" id=input_id.clone() name="focus" value=c.id.clone() checked=chosen.contains(&c.id)/>
                                {c.title.clone()}
                            </label>
                        }
                    }).collect_view()}
                    <p id="stage-focus-error" class="field-error" data-error-for="focus">{stage_flash.field_error("focus")}</p>
                </fieldset>
            </AppForm>
        }
        .into_any()
    });
    let candidates = if role.candidates.is_empty() {
        view! { <p class="empty">{i18n.t("hiring-no-candidates")}</p> }.into_any()
    } else {
        view! {
            <table class="candidates">
                <thead><tr>
                    <th scope="col">{i18n.t("hiring-col-candidate")}</th><th scope="col">{i18n.t("hiring-col-functions")}</th>
                    <th scope="col">{i18n.t("hiring-col-scorecards")}</th><th scope="col">{i18n.t("hiring-col-decision")}</th>
                </tr></thead>
                <tbody>
                    {role.candidates.iter().map(|c| view! {
                        <tr>
                            <td><a href=format!("/hiring/candidates/{}", c.id)>{c.name.clone()}</a><br/><span class="hint">{c.current_title.clone()}</span></td>
                            <td>{c.functions_worked_in}</td>
                            <td>{i18n.t_with("hiring-scorecards-submitted", &[("submitted", c.scorecards_submitted.into()), ("interviews", c.interviews.into())])}</td>
                            <td>{c.decision.map_or_else(|| "–".to_owned(), |d| i18n.t(d.label_key()))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    let add_candidate = role.can_manage.then(|| view! {
        <h3>{i18n.t("hiring-add-candidate")}</h3>
        <AppForm action=format!("/hiring/roles/{id}/candidates") id="candidate" submit_label=i18n.t("hiring-add-candidate-submit") flash=candidate_flash.clone()>
            <Field form="candidate" name="name" label=i18n.t("hiring-candidate-name") required=true maxlength=100 flash=candidate_flash.clone()/>
            <Field form="candidate" name="current_title" label=i18n.t("hiring-candidate-current-title") required=true maxlength=100 flash=candidate_flash.clone()/>
            <CareerRows flash=candidate_flash.clone()/>
        </AppForm>
    }.into_any());
    let rule: (&str, crate::i18n::Arg<'_>) = (
        "rule",
        i18n.t(role.visibility.label_key()).to_lowercase().into(),
    );
    let visibility_fact = if role.visibility_inherited {
        i18n.t_with("hiring-visibility-fact-inherited", &[rule])
    } else {
        i18n.t_with("hiring-visibility-fact", &[rule])
    };
    let comparison = role.comparison.clone().filter(|c| !c.rows.is_empty()).map(|comparison| view! {
        <section class="panel">
            <h2>{i18n.t("hiring-compared-title")}</h2>
            <p class="hint">{i18n.t("hiring-compared-hint")}</p>
            <div class="scroll">
                <table class="comparison">
                    <thead><tr>
                        <th scope="col">{i18n.t("hiring-col-candidate")}</th>
                        {comparison.competencies.iter().map(|c| view! { <th scope="col">{c.title.clone()}</th> }).collect_view()}
                        <th scope="col">{i18n.t("hiring-col-weighted-total")}</th>
                    </tr></thead>
                    <tbody>
                        {comparison.rows.iter().map(|row| view! {
                            <tr>
                                <th scope="row"><a href=format!("/hiring/candidates/{}", row.candidate_id)>{row.name.clone()}</a></th>
                                {row.means.iter().map(|m| view! { <td>{one_decimal(*m)}</td> }).collect_view()}
                                <td><strong>{one_decimal(row.weighted_total)}</strong></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }.into_any());
    view! {
        <section class="panel">
            <p class="crumbs"><a href="/hiring">{i18n.t("hiring-title")}</a></p>
            <h1>{role.title.clone()}</h1>
            {notice.map(|message| view! { <Notice message/> })}
            <dl class="facts">
                <dt>{i18n.t("hiring-fact-rubric")}</dt><dd>{i18n.t_with("hiring-rubric-version", &[("title", role.rubric_title.clone().into()), ("version", role.rubric_version.clone().into())])}</dd>
                <dt>{i18n.t("hiring-fact-scorecards")}</dt><dd>{visibility_fact}</dd>
            </dl>
            <h2>{i18n.t("hiring-competencies-title")}</h2>
            {competencies}
            {suggestions}
        </section>
        <section class="panel">
            <h2>{i18n.t("hiring-plan-title")}</h2>
            <p class="hint">{i18n.t("hiring-plan-hint")}</p>
            {stages}
            {add_stage}
        </section>
        <section class="panel">
            <h2>{i18n.t("hiring-candidates-title")}</h2>
            {candidates}
            {add_candidate}
        </section>
        {comparison}
    }
    .into_any()
}

/// Five rows of career history: title, function, years.
#[component]
fn CareerRows(flash: Flash) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="field career">
            <legend>{i18n.t("hiring-career-legend")}</legend>
            <p class="hint">{i18n.t("hiring-career-hint")}</p>
            {(0..5).map(|n| {
                let field = |part: &str| format!("career.{n}.{part}");
                let id = |part: &str| format!("candidate-career-{n}-{part}");
                let chosen = flash.value(&field("function")).unwrap_or_default();
                let errors: Vec<String> = ["title", "function", "years"]
                    .iter()
                    .filter_map(|part| flash.field_error(&field(part)))
                    .collect();
                view! {
                    <div class="career-row">
                        <label for=id("title")>{i18n.t_with("hiring-career-role", &[("n", (n + 1).into())])}</label>
                        <input id=id("title") name=field("title") maxlength="100" value=flash.value(&field("title"))/>
                        <label for=id("function")>{i18n.t_with("hiring-career-function", &[("n", (n + 1).into())])}</label>
                        <select id=id("function") name=field("function")>
                            <option value="" selected=chosen.is_empty()>"–"</option>
                            {crate::domain::rubric::CareerFunction::ALL.iter().map(|f| view! {
                                <option value=f.as_str() selected=chosen == f.as_str()>{i18n.t(f.label_key())}</option>
                            }).collect_view()}
                        </select>
                        <label for=id("years")>{i18n.t_with("hiring-career-years", &[("n", (n + 1).into())])}</label>
                        <input id=id("years") name=field("years") type="number" min="0.1" max="50" step="0.1" value=flash.value(&field("years"))/>
                        <p class="field-error" data-error-for=field("title")>{errors.join(" ")}</p>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
    .into_any()
}

// ---------------------------------------------------------------------------------------
// /hiring/candidates/:id
// ---------------------------------------------------------------------------------------

/// `/hiring/candidates/:id`: career, breadth, interviews, decisions.
#[component]
pub fn CandidatePage() -> impl IntoView {
    let page = Resource::new_blocking(param("id"), candidate_page);
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("hiring-candidate-page-title")/>
        <PageView resource=page render=|page| view! { <Candidate candidate=page.content flash=page.flash/> }/>
    }
}

#[component]
fn Decisions(decisions: Vec<DecisionView>) -> impl IntoView {
    let i18n = use_i18n();
    if decisions.is_empty() {
        return view! { <p class="empty">{i18n.t("hiring-no-decision")}</p> }.into_any();
    }
    view! {
        <ul class="decisions">
            {decisions.into_iter().map(|d| view! {
                <li>
                    <strong>{i18n.t(d.outcome.label_key())}</strong>
                    " · "{i18n.t_with("hiring-decided", &[("by", d.decided_by.clone().into()), ("at", i18n.minute(&d.decided_at).into())])}
                    <div class="user-text" inner_html=d.rationale_html></div>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn Candidate(candidate: CandidateView, flash: Option<Flash>) -> impl IntoView {
    let i18n = use_i18n();
    let notice = notice_of(&flash);
    let id = candidate.id.clone();
    let career = if candidate.career.is_empty() {
        view! { <p class="empty">{i18n.t("hiring-no-career")}</p> }.into_any()
    } else {
        view! {
            <table class="career">
                <thead><tr><th scope="col">{i18n.t("hiring-col-role")}</th><th scope="col">{i18n.t("hiring-col-function")}</th><th scope="col">{i18n.t("hiring-col-years")}</th></tr></thead>
                <tbody>
                    {candidate.career.iter().map(|e| view! {
                        <tr><td>{e.title.clone()}</td><td>{i18n.t(e.function.label_key())}</td><td>{format!("{}", e.years)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p>
                <strong>{i18n.t("hiring-breadth")}" "</strong>
                {candidate.breadth.iter().map(|b| i18n.t_with("hiring-breadth-item", &[("function", i18n.t(b.function.label_key()).into()), ("years", b.years.to_string().into())])).collect::<Vec<_>>().join(" · ")}
            </p>
        }
        .into_any()
    };
    view! {
        <section class="panel">
            <p class="crumbs"><a href="/hiring">{i18n.t("hiring-title")}</a>" · "<a href=format!("/hiring/roles/{}", candidate.role_id)>{candidate.role_title.clone()}</a></p>
            <div class="panel-head">
                <h1>{candidate.name.clone()}</h1>
                {candidate.can_see_debrief.then(|| view! { <a class="button primary" href=format!("/hiring/candidates/{id}/debrief")>{i18n.t("hiring-debrief")}</a> })}
            </div>
            {notice.map(|message| view! { <Notice message/> })}
            <p class="lead">{candidate.current_title.clone()}</p>
            <h2>{i18n.t("hiring-career-title")}</h2>
            {career}
        </section>
        <section class="panel">
            <h2>{i18n.t("hiring-interviews-title")}</h2>
            <table class="interviews">
                <thead><tr><th scope="col">{i18n.t("hiring-col-interview")}</th><th scope="col">{i18n.t("hiring-col-interviewer")}</th><th scope="col">{i18n.t("hiring-col-scorecard")}</th></tr></thead>
                <tbody>
                    {candidate.interviews.iter().map(|i| view! {
                        <tr>
                            <td>{if i.mine {
                                view! { <a href=format!("/interviews/{}/{}", i.stage_id, id)>{i.stage_name.clone()}</a> }.into_any()
                            } else {
                                view! { <span>{i.stage_name.clone()}</span> }.into_any()
                            }}</td>
                            <td>{i.interviewer_name.clone()}</td>
                            <td>{i18n.t(i.status.label_key())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            {(!candidate.can_see_debrief).then(|| view! { <p class="hint">{i18n.t("hiring-debrief-closed-hint")}</p> })}
        </section>
        <section class="panel">
            <h2>{i18n.t("hiring-decision-title")}</h2>
            <Decisions decisions=candidate.decisions.clone()/>
        </section>
    }
    .into_any()
}

// ---------------------------------------------------------------------------------------
// /interviews and /interviews/:stage/:candidate
// ---------------------------------------------------------------------------------------

/// `/interviews`: the interviews the viewer conducts.
#[component]
pub fn InterviewsPage() -> impl IntoView {
    let page = Resource::new_blocking(|| (), |_| interviews_page());
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("hiring-my-interviews")/>
        <PageView resource=page render=|page| view! { <Interviews interviews=page.content/> }/>
    }
}

#[component]
fn Interviews(interviews: Vec<MyInterview>) -> impl IntoView {
    let i18n = use_i18n();
    let body = if interviews.is_empty() {
        view! { <p class="empty">{i18n.t("hiring-interviews-empty")}</p> }.into_any()
    } else {
        view! {
            <table class="interviews">
                <thead><tr><th scope="col">{i18n.t("hiring-col-candidate")}</th><th scope="col">{i18n.t("hiring-col-role")}</th><th scope="col">{i18n.t("hiring-col-interview")}</th><th scope="col">{i18n.t("hiring-col-scorecard")}</th></tr></thead>
                <tbody>
                    {interviews.into_iter().map(|i| view! {
                        <tr>
                            <td><a href=format!("/interviews/{}/{}", i.stage_id, i.candidate_id)>{i.candidate_name.clone()}</a></td>
                            <td>{i.role_title.clone()}</td>
                            <td>{i.stage_name.clone()}</td>
                            <td>{i18n.t(i.status.label_key())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section class="panel">
            <h1>{i18n.t("hiring-my-interviews")}</h1>
            {body}
        </section>
    }
    .into_any()
}

/// `/interviews/:stage/:candidate`: the interview kit and the viewer's scorecard.
#[component]
pub fn InterviewPage() -> impl IntoView {
    let stage = param("stage");
    let candidate = param("candidate");
    let page = Resource::new_blocking(
        move || (stage(), candidate()),
        |(s, c)| interview_page(s, c),
    );
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("hiring-interview-page-title")/>
        <PageView resource=page render=|page| view! { <Interview kit=page.content flash=page.flash/> }/>
    }
}

#[component]
fn Interview(kit: InterviewKit, flash: Option<Flash>) -> impl IntoView {
    let i18n = use_i18n();
    let notice = notice_of(&flash);
    let flash = Flash::for_form(&flash, "scorecard").unwrap_or_default();
    let card = kit.scorecard.clone();
    let locked = card.status == crate::models::hiring::InterviewStatus::Submitted;
    let levels = kit.level_names.clone();
    let competencies = kit.focus.iter().map(|c| {
        let rating = card.ratings.iter().find(|r| r.competency_id == c.id).cloned();
        let name = format!("rating.{}", c.id);
        let evidence_name = format!("evidence.{}", c.id);
        let value = flash.value(&name).or_else(|| rating.as_ref().and_then(|r| r.rating).map(Rating::as_value)).unwrap_or_default();
        let evidence = flash.value(&evidence_name).or_else(|| rating.as_ref().map(|r| r.evidence.clone())).unwrap_or_default();
        let error_id = format!("scorecard-{}-error", c.id);
        let choice = |v: String, title: String, description: Option<String>| {
            let input_id = format!("scorecard-{}-{v}", c.id);
            view! {
                <li>
                    <input type="radio" id=input_id.clone() name=name.clone() value=v.clone() checked=value == v disabled=locked/>
                    <label for=input_id>
                        <strong>{title}</strong>
                        {description.map(|d| view! { <span class="level-description">{d}</span> })}
                    </label>
                </li>
            }
        };
        let anchors = c.anchors.iter().enumerate().map(|(i, anchor)| {
            choice((i + 1).to_string(), format!("{} · {}", i + 1, levels.get(i).cloned().unwrap_or_default()), Some(anchor.clone()))
        }).collect_view();
        view! {
            <section class="competency">
                <h2>{c.title.clone()}</h2>
                <div class="hint" inner_html=c.definition_html.clone()></div>
                <details class="kit-questions" open=!locked>
                    <summary>{i18n.t("hiring-questions-to-ask")}</summary>
                    <ol>
                        {c.questions.iter().map(|q| view! {
                            <li>
                                <p><strong>{q.text.clone()}</strong></p>
                                {q.note_html.clone().map(|n| view! { <div class="hint" inner_html=n></div> })}
                                <ul>{q.follow_ups.iter().map(|f| view! { <li>{f.clone()}</li> }).collect_view()}</ul>
                            </li>
                        }).collect_view()}
                    </ol>
                </details>
                <fieldset class="question" aria-describedby=error_id.clone()>
                    <legend>{i18n.t_with("hiring-your-rating", &[("competency", c.title.clone().into())])}</legend>
                    <ul class="levels">
                        {anchors}
                        {choice("no-evidence".into(), i18n.t("hiring-no-evidence"), Some(i18n.t("hiring-no-evidence-description")))}
                    </ul>
                    <p id=error_id.clone() class="field-error" data-error-for=name.clone()>{flash.field_error(&name)}</p>
                </fieldset>
                <div class="field">
                    <label for=format!("scorecard-evidence-{}", c.id)>{i18n.t_with("hiring-evidence-label", &[("competency", c.title.clone().into())])}</label>
                    <textarea id=format!("scorecard-evidence-{}", c.id) name=evidence_name.clone() rows="4" maxlength="4000" disabled=locked>{textarea_text(&evidence)}</textarea>
                    <p class="field-error" data-error-for=evidence_name.clone()>{flash.field_error(&evidence_name)}</p>
                </div>
            </section>
        }
    }).collect_view();
    let recommendation = flash
        .value("recommendation")
        .or_else(|| card.recommendation.map(|r| r.as_str().to_owned()))
        .unwrap_or_default();
    let takeaways = flash
        .value("takeaways")
        .unwrap_or_else(|| card.takeaways.clone());
    view! {
        <section class="panel questionnaire">
            <p class="crumbs"><a href="/interviews">{i18n.t("hiring-my-interviews")}</a>{format!(" · {}", kit.role_title)}</p>
            <div class="panel-head">
                <h1>{i18n.t_with("hiring-interview-heading", &[("candidate", kit.candidate_name.clone().into()), ("stage", kit.stage_name.clone().into())])}</h1>
                <a class="button" href=format!("/hiring/candidates/{}", kit.candidate_id)>{i18n.t("hiring-col-candidate")}</a>
            </div>
            {notice.map(|message| view! { <Notice message/> })}
            {locked.then(|| view! { <Notice message=i18n.t_with("hiring-submitted-locked", &[("at", i18n.minute(&card.submitted_at.clone().unwrap_or_default()).into())])/> })}
            <details class="intro">
                <summary>{i18n.t("hiring-kit-intro")}</summary>
                <div inner_html=kit.intro_html.clone()></div>
            </details>
            <AutosaveForm texts=AutosaveTexts::new(i18n)>
                <form method="post" action=format!("/interviews/{}/{}", kit.stage_id, kit.candidate_id) id="scorecard" class="app-form">
                    <p id="scorecard-error" class="form-error" role="alert" data-form-error="">{flash.error.clone()}</p>
                    {competencies}
                    <fieldset class="question" aria-describedby="scorecard-recommendation-error">
                        <legend>{i18n.t("hiring-recommendation-legend")}</legend>
                        <ul class="levels recommendations">
                            {Recommendation::ALL.iter().map(|r| {
                                let input_id = format!("scorecard-recommendation-{}", r.as_str());
                                view! {
                                    <li>
                                        <input type="radio" id=input_id.clone() name="recommendation" value=r.as_str() checked=recommendation == r.as_str() disabled=locked/>
                                        <label for=input_id><strong>{i18n.t(r.label_key())}</strong></label>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        <p id="scorecard-recommendation-error" class="field-error" data-error-for="recommendation">{flash.field_error("recommendation")}</p>
                    </fieldset>
                    <div class="field">
                        <label for="scorecard-takeaways">{i18n.t("hiring-takeaways")}</label>
                        <p id="scorecard-takeaways-hint" class="hint">{i18n.t("hiring-takeaways-hint")}</p>
                        <textarea id="scorecard-takeaways" name="takeaways" rows="5" maxlength="8000" aria-describedby="scorecard-takeaways-hint" disabled=locked>{textarea_text(&takeaways)}</textarea>
                        <p class="field-error" data-error-for="takeaways">{flash.field_error("takeaways")}</p>
                    </div>
                    <p class="save-status hint" aria-live="polite" data-save-status="" data-saved-text=i18n.t("hiring-autosave-saved")>
                        {if locked { i18n.t("hiring-status-locked") } else { i18n.t("hiring-status-draft") }}
                    </p>
                    <div class="actions">
                        <button type="submit" name="intent" value="save" class="button" disabled=locked>{i18n.t("hiring-save-draft")}</button>
                        <button type="submit" name="intent" value="submit" class="button primary" disabled=locked>{i18n.t("hiring-submit-scorecard")}</button>
                    </div>
                </form>
            </AutosaveForm>
        </section>
    }
    .into_any()
}

// ---------------------------------------------------------------------------------------
// /hiring/candidates/:id/debrief
// ---------------------------------------------------------------------------------------

/// `/hiring/candidates/:id/debrief`: the grid, statistics, scorecards and the decision.
#[component]
pub fn DebriefPage() -> impl IntoView {
    let page = Resource::new_blocking(param("id"), debrief_page);
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("hiring-debrief")/>
        <PageView resource=page render=|page| view! { <Debrief view=page.content flash=page.flash/> }/>
    }
}

/// The interviewer of a debrief column, by index.
fn column_name(interviewers: &[crate::domain::debrief::DebriefInterviewer], i: usize) -> String {
    interviewers
        .get(i)
        .map(|p| p.name.clone())
        .unwrap_or_default()
}

/// A row's disagreement flag in the reader's language: "Ratings 2 levels apart: Ana Lee 1,
/// Ben Ode 3".
fn level_flag_text(
    i18n: I18n,
    cells: &[Option<Rating>],
    interviewers: &[crate::domain::debrief::DebriefInterviewer],
) -> String {
    panel::level_gap(cells).map_or_else(String::new, |gap| {
        gap.words(i18n, |i| column_name(interviewers, i))
    })
}

/// The panel's recommendation flag in the reader's language: "Strong yes (Ana Lee) beside
/// No (Ben Ode)".
fn recommendation_flag_text(
    i18n: I18n,
    interviewers: &[crate::domain::debrief::DebriefInterviewer],
) -> String {
    let recommendations: Vec<Option<Recommendation>> =
        interviewers.iter().map(|i| i.recommendation).collect();
    panel::recommendation_gap(&recommendations).map_or_else(String::new, |gap| {
        panel::recommendation_words(gap, i18n, |i| column_name(interviewers, i))
    })
}

#[component]
fn ScorecardDetail(card: ScorecardView, level_names: Vec<String>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <article class="card scorecard">
            <h3>{format!("{} · {}", card.interviewer_name, card.stage_name)}</h3>
            <p>
                <strong>{card.recommendation.map_or_else(|| i18n.t("hiring-no-recommendation"), |r| i18n.t(r.label_key()))}</strong>
                {card.submitted_at.clone().map(|at| format!(" · {}", i18n.t_with("hiring-submitted-at", &[("at", i18n.minute(&at).into())])))}
            </p>
            <dl>
                {card.ratings.iter().map(|r| view! {
                    <dt>{format!("{}: {}", r.competency_title, rating_text(i18n, r.rating, &level_names))}</dt>
                    <dd class="user-text" inner_html=r.evidence_html.clone()></dd>
                }).collect_view()}
            </dl>
            {(!card.takeaways.is_empty()).then(|| view! {
                <h4>{i18n.t("hiring-takeaways")}</h4>
                <div class="user-text" inner_html=card.takeaways_html.clone()></div>
            })}
        </article>
    }
    .into_any()
}

#[component]
fn Debrief(view: DebriefView, flash: Option<Flash>) -> impl IntoView {
    let i18n = use_i18n();
    let notice = notice_of(&flash);
    let decision_flash = Flash::for_form(&flash, "decision").unwrap_or_default();
    let debrief = view.debrief.clone();
    let levels = view.level_names.clone();
    let agreement = debrief.agreement.clone();
    let grid = if debrief.interviewers.is_empty() {
        view! { <p class="empty">{i18n.t("hiring-grid-empty")}</p> }.into_any()
    } else {
        view! {
            <div class="scroll">
                <table class="debrief-grid">
                    <caption class="sr-only">{i18n.t("hiring-grid-caption")}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.t("hiring-col-competency-weight")}</th>
                        {debrief.interviewers.iter().map(|i| view! { <th scope="col">{i.name.clone()}</th> }).collect_view()}
                        <th scope="col">{i18n.t("hiring-col-mean")}</th><th scope="col">{i18n.t("hiring-col-spread")}</th><th scope="col">{i18n.t("hiring-col-flag")}</th>
                    </tr></thead>
                    <tbody>
                        {debrief.rows.iter().map(|row| view! {
                            <tr class=if row.flag.is_some() { "flagged" } else { "" }>
                                <th scope="row">{format!("{} ({})", row.title, row.weight)}</th>
                                {row.cells.iter().map(|cell| view! { <td>{rating_text(i18n, *cell, &levels)}</td> }).collect_view()}
                                <td>{one_decimal(row.mean)}</td>
                                <td>{one_decimal(row.spread)}</td>
                                <td>{row.flag.as_ref().map(|_| level_flag_text(i18n, &row.cells, &debrief.interviewers)).unwrap_or_default()}</td>
                            </tr>
                        }).collect_view()}
                        <tr>
                            <th scope="row">{i18n.t("hiring-col-recommendation")}</th>
                            {debrief.interviewers.iter().map(|i| view! { <td><strong>{i.recommendation.map_or_else(|| "–".to_owned(), |r| i18n.t(r.label_key()))}</strong></td> }).collect_view()}
                            <td colspan="3">{debrief.recommendation_flag.as_ref().map(|_| recommendation_flag_text(i18n, &debrief.interviewers)).unwrap_or_default()}</td>
                        </tr>
                    </tbody>
                </table>
            </div>
        }
        .into_any()
    };
    let decide = view.can_decide.then(|| {
        let chosen = decision_flash.value("outcome").unwrap_or_default();
        let id = view.candidate_id.clone();
        view! {
            <h3>{i18n.t("hiring-record-decision")}</h3>
            <AppForm action=format!("/hiring/candidates/{id}/decisions") id="decision" submit_label=i18n.t("hiring-record-decision-submit") flash=decision_flash.clone()>
                <fieldset class="field" aria-describedby="decision-outcome-error">
                    <legend>{i18n.t("hiring-decision-title")}</legend>
                    {DecisionOutcome::ALL.iter().map(|d| {
                        let input_id = format!("decision-outcome-{}", d.as_str());
                        view! {
                            <label class="check" for=input_id.clone()>
                                <input type="radio" id=input_id.clone() name="outcome" value=d.as_str() checked=chosen == d.as_str()/>
                                {i18n.t(d.label_key())}
                            </label>
                        }
                    }).collect_view()}
                    <p id="decision-outcome-error" class="field-error" data-error-for="outcome">{decision_flash.field_error("outcome")}</p>
                </fieldset>
                <div class="field">
                    <label for="decision-rationale">{i18n.t("hiring-rationale")}</label>
                    <textarea id="decision-rationale" name="rationale" rows="4" maxlength="8000">{textarea_text(&decision_flash.value("rationale").unwrap_or_default())}</textarea>
                    <p class="field-error" data-error-for="rationale">{decision_flash.field_error("rationale")}</p>
                </div>
            </AppForm>
        }
        .into_any()
    });
    view! {
        <section class="panel">
            <p class="crumbs"><a href="/hiring">{i18n.t("hiring-title")}</a>" · "<a href=format!("/hiring/roles/{}", view.role_id)>{view.role_title.clone()}</a>" · "<a href=format!("/hiring/candidates/{}", view.candidate_id)>{view.candidate_name.clone()}</a></p>
            <h1>{i18n.t_with("hiring-debrief-heading", &[("candidate", view.candidate_name.clone().into())])}</h1>
            {notice.map(|message| view! { <Notice message/> })}
            {(view.pending > 0).then(|| view! { <p class="hint">{i18n.t_with("hiring-pending", &[("count", view.pending.into())])}</p> })}
            {grid}
            <dl class="facts">
                <dt>{i18n.t("hiring-col-weighted-total")}</dt><dd>{i18n.t_with("hiring-weighted-total-value", &[("total", one_decimal(debrief.weighted_total).into())])}</dd>
                <dt>{i18n.t("hiring-alpha-ordinal")}</dt><dd>{statistic(i18n, agreement.alpha_ordinal, agreement.alpha_note)}</dd>
                <dt>{i18n.t("hiring-alpha-interval")}</dt><dd>{statistic(i18n, agreement.alpha_interval, agreement.alpha_note)}</dd>
                <dt>{i18n.t("hiring-icc-single")}</dt><dd>{statistic(i18n, agreement.icc2_1, agreement.icc_note)}</dd>
                <dt>{i18n.t("hiring-icc-panel")}</dt><dd>{statistic(i18n, agreement.icc2_k, agreement.icc_note)}</dd>
            </dl>
            <p class="hint">{i18n.t("hiring-agreement-hint")}</p>
        </section>
        <section class="panel">
            <h2>{i18n.t("hiring-col-scorecards")}</h2>
            {view.scorecards.iter().map(|card| view! { <ScorecardDetail card=card.clone() level_names=levels.clone()/> }).collect_view()}
        </section>
        <section class="panel">
            <h2>{i18n.t("hiring-decision-title")}</h2>
            <Decisions decisions=view.decisions.clone()/>
            {decide}
        </section>
    }
    .into_any()
}
