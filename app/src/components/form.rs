//! Forms that post as plain HTML (working with JavaScript off) and are enhanced by the
//! `EnhancedForm` island when it is on: errors then appear next to the fields without a
//! page load. Field errors live in elements marked `data-error-for`, which both the server
//! render and the island fill.

use crate::i18n::use_i18n;
use crate::islands::{EnhancedForm, FormTexts};
use crate::models::Flash;
use leptos::prelude::*;

/// A form with a form-level error line, its fields, and a submit button.
#[component]
pub fn AppForm(
    /// Where the form posts to.
    action: String,
    /// The form's id; also how flash messages find their form.
    id: &'static str,
    #[prop(into)] submit_label: String,
    /// Outcome of the previous post of this form, if it failed.
    #[prop(optional)]
    flash: Option<Flash>,
    children: Children,
) -> impl IntoView {
    let error = flash.and_then(|f| f.error);
    // The island's own messages (server unreachable and the like), in the page's language.
    let texts = FormTexts::new(use_i18n());
    view! {
        <EnhancedForm texts=texts>
            <form method="post" action=action id=id class="app-form" aria-describedby=format!("{id}-error")>
                <p id=format!("{id}-error") class="form-error" role="alert" data-form-error="">{error}</p>
                {children()}
                <div class="actions">
                    <button type="submit" class="button primary">{submit_label}</button>
                </div>
            </form>
        </EnhancedForm>
    }
}

/// A labelled input with its error line and optional hint.
#[component]
pub fn Field(
    /// The form field's name; the element id is `<form>-<name>`.
    name: &'static str,
    form: &'static str,
    #[prop(into)] label: String,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] required: bool,
    #[prop(optional)] minlength: Option<u32>,
    #[prop(optional)] maxlength: Option<u32>,
    /// Previously submitted value and error, from the flash.
    #[prop(optional)]
    flash: Option<Flash>,
) -> impl IntoView {
    let id = format!("{form}-{name}");
    let error = flash.as_ref().and_then(|f| f.field_error(name));
    let value = if kind == "password" {
        None
    } else {
        flash.as_ref().and_then(|f| f.value(name))
    };
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described_by = if hint.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        error_id.clone()
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {hint.map(|hint| view! { <p id=hint_id class="hint">{hint}</p> })}
            <input
                id=id
                name=name
                type=kind
                value=value
                autocomplete=autocomplete
                required=required
                minlength=minlength
                maxlength=maxlength
                aria-invalid=error.as_ref().map(|_| "true")
                aria-describedby=described_by
            />
            <p id=error_id class="field-error" data-error-for=name>{error}</p>
        </div>
    }
}

/// A notice shown after something worked.
#[component]
pub fn Notice(message: String) -> impl IntoView {
    view! { <p class="notice" role="status">{message}</p> }
}
