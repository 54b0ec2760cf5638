//! The respondent's pages behind an invitation link: start, one step per dimension, review,
//! thank you. All are plain forms that work with JavaScript off; with it on, the
//! `AutosaveForm` island saves each answer the moment it is given.

use crate::api::assessment::{questionnaire_page, respondent_page, review_page};
use crate::components::form::{AppForm, Notice};
use crate::components::layout::PageView;
use crate::i18n::{use_i18n, I18n};
use crate::islands::{AutosaveForm, AutosaveTexts};
use crate::models::assessment::{
    LinkState, Progress, QuestionView, QuestionnaireStep, RespondentStart, ReviewView,
};
use crate::models::Flash;
use crate::pages::textarea_text;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

fn token() -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let params = use_params_map();
    move || params.read().get("token").unwrap_or_default()
}

/// `<progress>` plus the same in words.
#[component]
fn ProgressBar(
    progress: Progress,
    #[prop(optional)] step: Option<(usize, usize)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let answered = i18n.t_with(
        "questionnaire-progress-answered",
        &[
            ("answered", progress.answered.into()),
            ("total", progress.total.into()),
        ],
    );
    // The `AutosaveForm` island rewrites what follows the last " · " after each save.
    let words = match step {
        Some((step, steps)) => format!(
            "{} · {answered}",
            i18n.t_with(
                "questionnaire-progress-step",
                &[("step", step.into()), ("steps", steps.into())],
            )
        ),
        None => answered,
    };
    view! {
        <div class="progress">
            <progress max=progress.total value=progress.answered aria-label=i18n.t("questionnaire-progress-label") data-progress=""></progress>
            <p class="hint" data-progress-text="">{words}</p>
        </div>
    }
    .into_any()
}

/// `/a/:token`: what the assessment is, then Start (or Continue).
#[component]
pub fn RespondentStartPage() -> impl IntoView {
    let token = token();
    let page = Resource::new_blocking(token.clone(), respondent_page);
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("questionnaire-title")/>
        <PageView resource=page render=move |page| view! { <Start start=page.content flash=page.flash token=token()/> }/>
    }
}

#[component]
fn Start(start: RespondentStart, flash: Option<Flash>, token: String) -> impl IntoView {
    let i18n = use_i18n();
    let flash = Flash::for_form(&flash, "start").unwrap_or_default();
    // "marketing", "customer success": the function in running text.
    let function = i18n.t(start.function.label_key()).to_lowercase();
    let head = view! {
        <p class="crumbs">{start.organisation_name.clone()}</p>
        <h1>{start.campaign_name.clone()}</h1>
        <p>{match &start.person_name {
            Some(name) => i18n.t_with(
                "questionnaire-for-person",
                &[("name", name.clone().into()), ("function", function.into())],
            ),
            None => i18n.t_with("questionnaire-for-function", &[("function", function.into())]),
        }}</p>
    };
    let body = match (&start.state, &start.progress) {
        (_, Some(progress)) if progress.submitted => view! {
            <p class="notice">{i18n.t("questionnaire-submitted")}</p>
        }
        .into_any(),
        (LinkState::Closed { on }, _) => view! {
            <p class="form-error" role="alert">{i18n.t_with("questionnaire-closed", &[("on", i18n.day(on).into())])}</p>
        }
        .into_any(),
        (LinkState::Withdrawn, _) => view! {
            <p class="form-error" role="alert">{i18n.t("questionnaire-withdrawn")}</p>
        }
        .into_any(),
        (LinkState::Open, progress) => {
            let label = i18n.t(if progress.is_some() {
                "questionnaire-continue"
            } else {
                "questionnaire-start"
            });
            view! {
                <div class="intro" inner_html=start.intro_html.clone()></div>
                <p>{i18n.t_with(
                    "questionnaire-start-lead",
                    &[
                        ("questions", start.question_count.into()),
                        ("steps", start.dimension_titles.len().into()),
                    ],
                )}</p>
                <ol class="steps">
                    {start.dimension_titles.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}
                </ol>
                {progress.clone().map(|p| view! { <ProgressBar progress=p/> })}
                <AppForm action=format!("/a/{token}/start") id="start" submit_label=label flash=flash.clone()>
                    <span></span>
                </AppForm>
            }
            .into_any()
        }
    };
    view! {
        <section class="panel questionnaire">
            {head}
            {body}
        </section>
    }
    .into_any()
}

/// `/a/:token/step/:step`: one dimension's questions.
#[component]
pub fn QuestionnairePage() -> impl IntoView {
    let params = use_params_map();
    let token = token();
    let key = move || {
        let step = params
            .read()
            .get("step")
            .and_then(|s| s.parse::<usize>().ok())
            .unwrap_or(0);
        (token(), step)
    };
    let page = Resource::new_blocking(key, |(token, step)| questionnaire_page(token, step));
    let token = self::token();
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("questionnaire-title")/>
        <PageView resource=page render=move |page| view! { <Step step=page.content flash=page.flash token=token()/> }/>
    }
}

#[component]
fn Step(step: QuestionnaireStep, flash: Option<Flash>, token: String) -> impl IntoView {
    let i18n = use_i18n();
    let flash = Flash::for_form(&flash, "step").unwrap_or_default();
    let last = step.step == step.steps;
    let locked = step.progress.submitted || step.state != LinkState::Open;
    // Why the answers are read-only: submitted, or the link no longer takes answers.
    let locked_notice = match &step.state {
        _ if step.progress.submitted => Some(view! { <Notice message=i18n.t("questionnaire-locked")/> }.into_any()),
        LinkState::Open => None,
        LinkState::Closed { on } => Some(view! {
            <p class="form-error" role="alert">{i18n.t_with("questionnaire-closed", &[("on", i18n.day(on).into())])}</p>
        }.into_any()),
        LinkState::Withdrawn => Some(view! {
            <p class="form-error" role="alert">{i18n.t("questionnaire-withdrawn")}</p>
        }.into_any()),
    };
    let questions = step
        .questions
        .iter()
        .cloned()
        .map(|q| {
            let value = flash.value(&format!("q.{}", q.id)).or(q.answer.clone());
            let comment = flash
                .value(&format!("c.{}", q.id))
                .unwrap_or_else(|| q.comment.clone());
            let error = flash.field_error(&format!("q.{}", q.id));
            let comment_error = flash.field_error(&format!("c.{}", q.id));
            view! { <QuestionField question=q value comment error comment_error max=step.comment_max_chars locked/> }
        })
        .collect_view();
    view! {
        <section class="panel questionnaire">
            <p class="crumbs">{format!("{} · {}", step.organisation_name, step.campaign_name)}</p>
            <ProgressBar progress=step.progress.clone() step=(step.step, step.steps)/>
            <h1>{step.dimension_title.clone()}</h1>
            <div class="intro" inner_html=step.dimension_html.clone()></div>
            {locked_notice}
            <AutosaveForm texts=AutosaveTexts::new(i18n)>
                <form method="post" action=format!("/a/{token}/step/{}", step.step) id="step" class="app-form">
                    <p id="step-error" class="form-error" role="alert" data-form-error="">{flash.error.clone()}</p>
                    {questions}
                    <p class="save-status hint" aria-live="polite" data-save-status="">{i18n.t("questionnaire-saved-on-next")}</p>
                    // "Save and continue" comes first in the document: it is the button Enter
                    // presses. The stylesheet shows "Back" on the left.
                    <div class="actions step-actions">
                        <button type="submit" name="nav" value="next" class="button primary" disabled=locked>
                            {i18n.t(if last { "questionnaire-save-review" } else { "questionnaire-save-continue" })}
                        </button>
                        {(step.step > 1).then(|| view! { <button type="submit" name="nav" value="back" class="button" disabled=locked>{i18n.t("questionnaire-back")}</button> })}
                    </div>
                </form>
            </AutosaveForm>
        </section>
    }
    .into_any()
}

#[component]
fn QuestionField(
    question: QuestionView,
    value: Option<String>,
    comment: String,
    error: Option<String>,
    comment_error: Option<String>,
    max: usize,
    locked: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = format!("q.{}", question.id);
    let comment_name = format!("c.{}", question.id);
    let error_id = format!("{}-error", question.id);
    let comment_open = !comment.is_empty() || comment_error.is_some();
    let class = if error.is_some() {
        "question invalid"
    } else {
        "question"
    };
    let is = |v: &str| value.as_deref() == Some(v);
    let choice = |v: String, title: String, description: Option<String>| {
        let id = format!("{}-{v}", question.id);
        let checked = is(&v);
        view! {
            <li>
                <input type="radio" id=id.clone() name=name.clone() value=v checked=checked disabled=locked/>
                <label for=id>
                    <strong>{title}</strong>
                    {description.map(|d| view! { <span class="level-description">{d}</span> })}
                </label>
            </li>
        }
    };
    let levels = question
        .levels
        .iter()
        .map(|l| {
            choice(
                l.value.clone(),
                format!("{} · {}", l.value, l.name),
                Some(l.description.clone()),
            )
        })
        .collect_view();
    view! {
        <fieldset class=class aria-describedby=error_id.clone()>
            <legend>{question.text.clone()}</legend>
            {question.help_html.clone().map(|h| view! { <div class="hint" inner_html=h></div> })}
            <ul class="levels">
                {levels}
                {choice("dont-know".into(), i18n.t("questionnaire-dont-know"), None)}
                {choice("not-applicable".into(), i18n.t("questionnaire-not-applicable"), None)}
            </ul>
            <p id=error_id.clone() class="field-error" data-error-for=name.clone()>{error.clone()}</p>
            <details class="comment" open=comment_open>
                <summary>{i18n.t("questionnaire-add-comment")}</summary>
                <label class="sr-only" for=format!("{}-comment", question.id)>{i18n.t_with("questionnaire-comment-on", &[("question", question.text.clone().into())])}</label>
                <textarea id=format!("{}-comment", question.id) name=comment_name.clone() maxlength=max rows="3" disabled=locked>{textarea_text(&comment)}</textarea>
                <p class="field-error" data-error-for=comment_name.clone()>{comment_error.clone()}</p>
            </details>
        </fieldset>
    }
    .into_any()
}

/// `/a/:token/review`: what is answered, then submit.
#[component]
pub fn ReviewPage() -> impl IntoView {
    let token = token();
    let page = Resource::new_blocking(token.clone(), review_page);
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("questionnaire-review-title")/>
        <PageView resource=page render=move |page| view! { <Review review=page.content flash=page.flash token=token()/> }/>
    }
}

#[component]
fn Review(review: ReviewView, flash: Option<Flash>, token: String) -> impl IntoView {
    let i18n = use_i18n();
    let flash = Flash::for_form(&flash, "submit").unwrap_or_default();
    let complete = review.progress.answered == review.progress.total;
    view! {
        <section class="panel questionnaire">
            <p class="crumbs">{format!("{} · {}", review.organisation_name, review.campaign_name)}</p>
            <h1>{i18n.t("questionnaire-review-title")}</h1>
            <ProgressBar progress=review.progress.clone()/>
            <table>
                <thead><tr><th scope="col">{i18n.t("questionnaire-review-step")}</th><th scope="col">{i18n.t("questionnaire-review-answered")}</th></tr></thead>
                <tbody>
                    {review.steps.iter().map(|s| view! {
                        <tr>
                            <td><a href=format!("/a/{token}/step/{}", s.step)>{format!("{}. {}", s.step, s.title)}</a></td>
                            <td>{step_answered(i18n, s.answered, s.total)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            {if review.progress.submitted {
                view! { <p class="notice">{i18n.t("questionnaire-submitted")}</p> }.into_any()
            } else {
                view! {
                    <p>{i18n.t(if complete {
                        "questionnaire-review-complete"
                    } else {
                        "questionnaire-review-incomplete"
                    })}</p>
                    <AppForm action=format!("/a/{token}/submit") id="submit" submit_label=i18n.t("questionnaire-submit") flash=flash.clone()>
                        <span></span>
                    </AppForm>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}

/// A review row's count: "3 of 5 · not complete" until the step is fully answered.
fn step_answered(i18n: I18n, answered: usize, total: usize) -> String {
    let key = if answered < total {
        "questionnaire-review-step-incomplete"
    } else {
        "questionnaire-review-step-complete"
    };
    i18n.t_with(
        key,
        &[("answered", answered.into()), ("total", total.into())],
    )
}

/// `/a/:token/thanks`.
#[component]
pub fn ThanksPage() -> impl IntoView {
    let token = token();
    let page = Resource::new_blocking(token.clone(), respondent_page);
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("questionnaire-thanks-title")/>
        <PageView resource=page render=move |page| {
            let submitted = page.content.progress.as_ref().is_some_and(|p| p.submitted);
            view! {
                <section class="panel questionnaire">
                    <p class="crumbs">{page.content.organisation_name.clone()}</p>
                    {if submitted {
                        view! {
                            <h1>{i18n.t("questionnaire-thanks-title")}</h1>
                            <p>{i18n.t_with("questionnaire-thanks-body", &[("campaign", page.content.campaign_name.clone().into())])}</p>
                            <p>{i18n.t("questionnaire-thanks-close")}</p>
                        }.into_any()
                    } else {
                        view! {
                            <h1>{i18n.t("questionnaire-not-submitted")}</h1>
                            <p><a href=format!("/a/{}/review", token())>{i18n.t("questionnaire-review-link")}</a></p>
                        }.into_any()
                    }}
                </section>
            }
        }/>
    }
}
