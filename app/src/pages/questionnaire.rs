//! The respondent's pages behind an invitation link: start, one step per dimension, review,
//! thank you. All are plain forms that work with JavaScript off; with it on, the
//! `AutosaveForm` island saves each answer the moment it is given.

use crate::api::assessment::{questionnaire_page, respondent_page, review_page};
use crate::components::form::{AppForm, Notice};
use crate::components::layout::PageView;
use crate::islands::AutosaveForm;
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
    let words = match step {
        Some((step, steps)) => format!(
            "Step {step} of {steps} · {} of {} questions answered",
            progress.answered, progress.total
        ),
        None => format!(
            "{} of {} questions answered",
            progress.answered, progress.total
        ),
    };
    view! {
        <div class="progress">
            <progress max=progress.total value=progress.answered aria-label="Questions answered" data-progress=""></progress>
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
    view! {
        <Title text="Assessment"/>
        <PageView resource=page render=move |page| view! { <Start start=page.content flash=page.flash token=token()/> }/>
    }
}

#[component]
fn Start(start: RespondentStart, flash: Option<Flash>, token: String) -> impl IntoView {
    let flash = Flash::for_form(&flash, "start").unwrap_or_default();
    let head = view! {
        <p class="crumbs">{start.organisation_name.clone()}</p>
        <h1>{start.campaign_name.clone()}</h1>
        <p>{match &start.person_name {
            Some(name) => format!("For {name}, answering as {}.", start.function.label().to_lowercase()),
            None => format!("You answer as someone from {}.", start.function.label().to_lowercase()),
        }}</p>
    };
    let body = match (&start.state, &start.progress) {
        (_, Some(progress)) if progress.submitted => view! {
            <p class="notice">"You have submitted your answers. Thank you!"</p>
        }
        .into_any(),
        (LinkState::Closed { on }, _) => view! {
            <p class="form-error" role="alert">{format!("This assessment closed on {on}. Answers can no longer be given or changed.")}</p>
        }
        .into_any(),
        (LinkState::Withdrawn, _) => view! {
            <p class="form-error" role="alert">"This link was withdrawn by the organisation. Ask the person who sent it for a new one."</p>
        }
        .into_any(),
        (LinkState::Open, progress) => {
            let label = if progress.is_some() { "Continue where you left off" } else { "Start" };
            view! {
                <div class="intro" inner_html=start.intro_html.clone()></div>
                <p>{format!(
                    "{} questions in {} steps; about 10 to 15 minutes. Each answer is saved as you go: you can close this page and open the link again later.",
                    start.question_count,
                    start.dimension_titles.len()
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
    view! {
        <Title text="Assessment"/>
        <PageView resource=page render=move |page| view! { <Step step=page.content flash=page.flash token=token()/> }/>
    }
}

#[component]
fn Step(step: QuestionnaireStep, flash: Option<Flash>, token: String) -> impl IntoView {
    let flash = Flash::for_form(&flash, "step").unwrap_or_default();
    let last = step.step == step.steps;
    let locked = step.progress.submitted;
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
            {locked.then(|| view! { <Notice message="You have submitted; your answers are locked and shown here read-only.".to_owned()/> })}
            <AutosaveForm>
                <form method="post" action=format!("/a/{token}/step/{}", step.step) id="step" class="app-form">
                    <p id="step-error" class="form-error" role="alert" data-form-error="">{flash.error.clone()}</p>
                    {questions}
                    <p class="save-status hint" aria-live="polite" data-save-status="">"Answers are saved when you move to the next step."</p>
                    // "Save and continue" comes first in the document: it is the button Enter
                    // presses. The stylesheet shows "Back" on the left.
                    <div class="actions step-actions">
                        <button type="submit" name="nav" value="next" class="button primary" disabled=locked>
                            {if last { "Save and review" } else { "Save and continue" }}
                        </button>
                        {(step.step > 1).then(|| view! { <button type="submit" name="nav" value="back" class="button" disabled=locked>"Back"</button> })}
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
                {choice("dont-know".into(), "Don't know".into(), None)}
                {choice("not-applicable".into(), "Not applicable to us".into(), None)}
            </ul>
            <p id=error_id.clone() class="field-error" data-error-for=name.clone()>{error.clone()}</p>
            <details class="comment" open=comment_open>
                <summary>"Add a comment (optional)"</summary>
                <label class="sr-only" for=format!("{}-comment", question.id)>{format!("Comment on: {}", question.text)}</label>
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
    view! {
        <Title text="Review and submit"/>
        <PageView resource=page render=move |page| view! { <Review review=page.content flash=page.flash token=token()/> }/>
    }
}

#[component]
fn Review(review: ReviewView, flash: Option<Flash>, token: String) -> impl IntoView {
    let flash = Flash::for_form(&flash, "submit").unwrap_or_default();
    let complete = review.progress.answered == review.progress.total;
    view! {
        <section class="panel questionnaire">
            <p class="crumbs">{format!("{} · {}", review.organisation_name, review.campaign_name)}</p>
            <h1>"Review and submit"</h1>
            <ProgressBar progress=review.progress.clone()/>
            <table>
                <thead><tr><th scope="col">"Step"</th><th scope="col">"Answered"</th></tr></thead>
                <tbody>
                    {review.steps.iter().map(|s| view! {
                        <tr>
                            <td><a href=format!("/a/{token}/step/{}", s.step)>{format!("{}. {}", s.step, s.title)}</a></td>
                            <td>{format!("{} of {}", s.answered, s.total)}{(s.answered < s.total).then_some(" · not complete")}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            {if review.progress.submitted {
                view! { <p class="notice">"You have submitted your answers. Thank you!"</p> }.into_any()
            } else {
                view! {
                    <p>{if complete {
                        "All questions are answered. Once you submit, your answers are locked."
                    } else {
                        "Some questions are still open. Choose \"don't know\" where you are unsure, then submit."
                    }}</p>
                    <AppForm action=format!("/a/{token}/submit") id="submit" submit_label="Submit my answers" flash=flash.clone()>
                        <span></span>
                    </AppForm>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}

/// `/a/:token/thanks`.
#[component]
pub fn ThanksPage() -> impl IntoView {
    let token = token();
    let page = Resource::new_blocking(token.clone(), respondent_page);
    view! {
        <Title text="Thank you"/>
        <PageView resource=page render=move |page| {
            let submitted = page.content.progress.as_ref().is_some_and(|p| p.submitted);
            view! {
                <section class="panel questionnaire">
                    <p class="crumbs">{page.content.organisation_name.clone()}</p>
                    {if submitted {
                        view! {
                            <h1>"Thank you"</h1>
                            <p>{format!("Your answers to \"{}\" are in. They are combined with your colleagues' answers; no one sees what you answered yourself.", page.content.campaign_name)}</p>
                            <p>"You can close this page."</p>
                        }.into_any()
                    } else {
                        view! {
                            <h1>"Not submitted yet"</h1>
                            <p><a href=format!("/a/{}/review", token())>"Review and submit your answers"</a></p>
                        }.into_any()
                    }}
                </section>
            }
        }/>
    }
}
