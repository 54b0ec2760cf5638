//! The interactive parts of the app. Each `#[island]` is hydrated in the browser; everything
//! else is server-rendered HTML. Keep islands few and small: every type adds to the wasm.
//!
//! Islands never translate (that would pull the catalogues into the wasm): what they say
//! comes in as props, translated by the server component that renders them ([`FormTexts`],
//! [`AutosaveTexts`], [`CopyTexts`]). Left out, a text is the English.

use crate::i18n::I18n;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Called by the hydrate entry point so that the linker keeps this crate's islands.
pub fn register() {}

/// What [`EnhancedForm`] says when a post goes wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormTexts {
    /// The server could not be reached.
    pub unreachable: String,
    /// The server answered with something other than the expected JSON; `{status}`
    /// becomes the HTTP status code.
    pub server_error: String,
}

impl FormTexts {
    /// The texts in `i18n`'s language.
    pub fn new(i18n: I18n) -> Self {
        FormTexts {
            unreachable: i18n.t("island-form-unreachable"),
            server_error: server_error(i18n),
        }
    }
}

impl Default for FormTexts {
    fn default() -> Self {
        FormTexts {
            unreachable: "We could not reach the server. Check your connection and try again; what you typed is still here.".into(),
            server_error: SERVER_ERROR.into(),
        }
    }
}

/// What [`AutosaveForm`] says while and after it saves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutosaveTexts {
    /// While a save is on its way.
    pub saving: String,
    /// After a save (a form can word its own with `data-saved-text` on its status line).
    pub saved: String,
    /// After the server refused a save (its message is shown above).
    pub not_saved: String,
    /// The server could not be reached.
    pub unreachable: String,
    /// As in [`FormTexts::server_error`].
    pub server_error: String,
    /// The progress in words after a save; `{answered}` and `{total}` become the counts.
    pub answered: String,
}

impl AutosaveTexts {
    /// The texts in `i18n`'s language.
    pub fn new(i18n: I18n) -> Self {
        AutosaveTexts {
            saving: i18n.t("island-autosave-saving"),
            saved: i18n.t("island-autosave-saved"),
            not_saved: i18n.t("island-autosave-not-saved"),
            unreachable: i18n.t("island-autosave-unreachable"),
            server_error: server_error(i18n),
            answered: i18n.t_with(
                "questionnaire-progress-answered",
                &[
                    ("answered", "{answered}".into()),
                    ("total", "{total}".into()),
                ],
            ),
        }
    }
}

impl Default for AutosaveTexts {
    fn default() -> Self {
        AutosaveTexts {
            saving: "Saving…".into(),
            saved: "All answers on this page are saved.".into(),
            not_saved: "Not saved: see the message above.".into(),
            unreachable: "Not saved: we could not reach the server. Your choices are still here; use the Save button to try again.".into(),
            server_error: SERVER_ERROR.into(),
            answered: "{answered} of {total} questions answered".into(),
        }
    }
}

/// The English of [`FormTexts::server_error`].
const SERVER_ERROR: &str = "The server answered with an error ({status}). Please try again.";

fn server_error(i18n: I18n) -> String {
    i18n.t_with("island-server-error", &[("status", "{status}".into())])
}

/// What a [`CopyButton`] says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CopyTexts {
    /// The button: "Copy link".
    pub copy: String,
    /// The button once it has copied.
    pub copied: String,
    /// Announced to screen readers once it has copied.
    pub announced: String,
}

impl CopyTexts {
    /// For a button that copies a link.
    pub fn link(i18n: I18n) -> Self {
        CopyTexts {
            copy: i18n.t("island-copy-link"),
            copied: i18n.t("island-copied"),
            announced: i18n.t("island-copied-link"),
        }
    }

    /// For a button that copies an API token.
    pub fn token(i18n: I18n) -> Self {
        CopyTexts {
            copy: i18n.t("island-copy-token"),
            copied: i18n.t("island-copied"),
            announced: i18n.t("island-copied-token"),
        }
    }

    /// The English for a button that copies a `what`.
    fn english(what: &str) -> Self {
        CopyTexts {
            copy: format!("Copy {what}"),
            copied: "Copied".into(),
            announced: format!("Copied the {what} to the clipboard"),
        }
    }
}

/// Wraps a plain `<form>`: with JavaScript on, submits it with `fetch` and shows the
/// server's field errors in place (no page load); on success it fetches the page the server
/// redirects to and swaps it in, also without a page load.
/// With JavaScript off the form posts as usual.
#[island]
pub fn EnhancedForm(
    /// What it says when a post goes wrong (English unless given).
    #[prop(optional)]
    texts: Option<FormTexts>,
    children: Children,
) -> impl IntoView {
    let texts = texts.unwrap_or_default();
    let root = NodeRef::<leptos::html::Div>::new();
    // Marks the form as enhanced once hydrated (tests and styles can tell).
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            let _ = el.set_attribute("data-enhanced", "true");
        }
    });
    view! {
        <div class="enhanced-form" node_ref=root on:submit=move |ev| browser::on_submit(ev, &texts)>
            {children()}
        </div>
    }
}

/// Wraps a plain `<form>` (a questionnaire step, a scorecard): with JavaScript on, every
/// changed choice is posted at once, and typed text a second after the typing pauses
/// (`autosave=1`, JSON answer); the status line says "Saved". The form's own buttons still
/// post the whole form, which is also all that happens with JavaScript off.
#[island]
pub fn AutosaveForm(
    /// What its status line says (English unless given).
    #[prop(optional)]
    texts: Option<AutosaveTexts>,
    children: Children,
) -> impl IntoView {
    let texts = texts.unwrap_or_default();
    let on_input = {
        let texts = texts.clone();
        move |ev| browser::on_input(ev, &texts)
    };
    let root = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(el) = root.get() {
            let _ = el.set_attribute("data-enhanced", "true");
        }
    });
    view! {
        <div class="autosave-form" node_ref=root on:change=move |ev| browser::on_change(ev, &texts) on:input=on_input>
            {children()}
        </div>
    }
}

/// A button that copies a text (an invite link, an API token) to the clipboard. `texts`
/// say what it copies; without them it speaks English and `what` names it on the button
/// ("link" unless given).
#[island]
pub fn CopyButton(
    text: String,
    #[prop(optional)] what: Option<String>,
    #[prop(optional)] texts: Option<CopyTexts>,
) -> impl IntoView {
    let CopyTexts {
        copy: label,
        copied: copied_label,
        announced,
    } = texts.unwrap_or_else(|| CopyTexts::english(what.as_deref().unwrap_or("link")));
    let (copied, set_copied) = signal(false);
    view! {
        <button type="button" class="button" on:click=move |_| {
            browser::copy(&text);
            set_copied.set(true);
        }>
            {move || if copied.get() { copied_label.clone() } else { label.clone() }}
        </button>
        <span class="sr-only" aria-live="polite">{move || copied.get().then(|| announced.clone())}</span>
    }
}

#[cfg(not(feature = "hydrate"))]
mod browser {
    // Event handlers never run during server rendering.
    use super::{AutosaveTexts, FormTexts};
    pub fn on_submit(_ev: leptos::ev::SubmitEvent, _texts: &FormTexts) {}
    pub fn on_change(_ev: leptos::ev::Event, _texts: &AutosaveTexts) {}
    pub fn on_input(_ev: leptos::ev::Event, _texts: &AutosaveTexts) {}
    pub fn copy(_text: &str) {}
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::{AutosaveTexts, FormTexts};
    use serde::Deserialize;
    use std::collections::BTreeMap;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{Element, HtmlElement, HtmlFormElement, Request, RequestInit, Response};

    /// What the form endpoints answer to `Accept: application/json`.
    #[derive(Deserialize, Default)]
    struct Outcome {
        redirect: Option<String>,
        message: Option<String>,
        #[serde(default)]
        fields: BTreeMap<String, String>,
    }

    pub fn copy(text: &str) {
        if let Some(window) = web_sys::window() {
            let _ = window.navigator().clipboard().write_text(text);
        }
    }

    pub fn on_submit(ev: leptos::ev::SubmitEvent, texts: &FormTexts) {
        let Some(form) = ev
            .target()
            .and_then(|t| t.dyn_into::<HtmlFormElement>().ok())
        else {
            return;
        };
        ev.prevent_default();
        if form.get_attribute("aria-busy").as_deref() == Some("true") {
            return; // already submitting: a double click must not post twice
        }
        set_busy(&form, true);
        let texts = texts.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let outcome = match post_json::<Outcome>(&form, &[], &texts.server_error).await {
                Ok(outcome) => outcome,
                Err(_) => Outcome::from_message(texts.unreachable),
            };
            if let Some(target) = outcome.redirect {
                follow(&target).await;
                return;
            }
            show_errors(&form, &outcome);
            set_busy(&form, false);
        });
    }

    /// What the step endpoint answers to an autosave.
    #[derive(Deserialize, Default)]
    struct Saved {
        #[serde(default)]
        saved: bool,
        answered: Option<u32>,
        total: Option<u32>,
        message: Option<String>,
        #[serde(default)]
        fields: BTreeMap<String, String>,
    }

    /// The form around the element an event happened on.
    fn form_of(ev: &leptos::ev::Event) -> Option<HtmlFormElement> {
        ev.target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| el.closest("form").ok().flatten())
            .and_then(|f| f.dyn_into::<HtmlFormElement>().ok())
    }

    pub fn on_change(ev: leptos::ev::Event, texts: &AutosaveTexts) {
        if let Some(form) = form_of(&ev) {
            cancel_pending(&form);
            autosave(form, texts.clone());
        }
    }

    /// How long typing must pause before the text is saved.
    const TYPING_PAUSE_MS: i32 = 1000;

    /// Typing in a text field: saves once the typing pauses (choices save on `change`).
    pub fn on_input(ev: leptos::ev::Event, texts: &AutosaveTexts) {
        let is_text = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|el| {
                el.tag_name() == "TEXTAREA" || el.get_attribute("type").as_deref() == Some("text")
            });
        let (true, Some(form), Some(window)) = (is_text, form_of(&ev), web_sys::window()) else {
            return;
        };
        cancel_pending(&form);
        let later = form.clone();
        let texts = texts.clone();
        let callback = wasm_bindgen::closure::Closure::once_into_js(move || autosave(later, texts));
        if let Ok(handle) = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            callback.unchecked_ref(),
            TYPING_PAUSE_MS,
        ) {
            let _ = form.set_attribute("data-autosave-timer", &handle.to_string());
        }
    }

    /// Drops a save still waiting for the typing to pause (a newer one replaces it).
    fn cancel_pending(form: &HtmlFormElement) {
        let pending = form
            .get_attribute("data-autosave-timer")
            .and_then(|v| v.parse::<i32>().ok());
        if let (Some(handle), Some(window)) = (pending, web_sys::window()) {
            window.clear_timeout_with_handle(handle);
            let _ = form.remove_attribute("data-autosave-timer");
        }
    }

    fn autosave(form: HtmlFormElement, texts: AutosaveTexts) {
        set_status(&form, &texts.saving);
        wasm_bindgen_futures::spawn_local(async move {
            let extra = [("autosave", "1")];
            let saved = match post_json::<Saved>(&form, &extra, &texts.server_error).await {
                Ok(saved) => saved,
                Err(_) => Saved::from_message(texts.unreachable.clone()),
            };
            let outcome = Outcome {
                redirect: None,
                message: saved.message.clone(),
                fields: saved.fields.clone(),
            };
            show_errors(&form, &outcome);
            if saved.saved {
                // A form can word its own confirmation (a scorecard is a draft, not answers).
                let text = form
                    .query_selector("[data-save-status]")
                    .ok()
                    .flatten()
                    .and_then(|status| status.get_attribute("data-saved-text"))
                    .unwrap_or(texts.saved);
                set_status(&form, &text);
                if let (Some(answered), Some(total)) = (saved.answered, saved.total) {
                    set_progress(&form, answered, total, &texts.answered);
                }
            } else {
                set_status(&form, &texts.not_saved);
            }
        });
    }

    fn set_status(form: &HtmlFormElement, text: &str) {
        if let Ok(Some(status)) = form.query_selector("[data-save-status]") {
            status.set_text_content(Some(text));
        }
    }

    /// Updates the progress bar and its words outside the form; `template` words the count
    /// (`{answered}` and `{total}` filled in).
    fn set_progress(form: &HtmlFormElement, answered: u32, total: u32, template: &str) {
        let Some(document) = form.owner_document() else {
            return;
        };
        if let Ok(Some(bar)) = document.query_selector("[data-progress]") {
            let _ = bar.set_attribute("value", &answered.to_string());
        }
        if let Ok(Some(text)) = document.query_selector("[data-progress-text]") {
            let words = text.text_content().unwrap_or_default();
            // "Step 2 of 8 · 7 of 40 questions answered": replace the count after the dot
            // (without a step there is no dot, and the count is all of it).
            let prefix = words.rsplit_once(" · ").map(|(prefix, _)| prefix);
            let count = template
                .replace("{answered}", &answered.to_string())
                .replace("{total}", &total.to_string());
            text.set_text_content(Some(&match prefix {
                Some(prefix) => format!("{prefix} · {count}"),
                None => count,
            }));
        }
    }

    /// Shows `target` after a successful post without a full page load: fetches it, swaps
    /// the page body, wakes the islands in it and updates the address bar. Anything
    /// unexpected falls back to a normal navigation.
    async fn follow(target: &str) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if swap_page(&window, target).await.is_err() {
            let _ = window.location().assign(target);
        }
    }

    async fn swap_page(window: &web_sys::Window, target: &str) -> Result<(), JsValue> {
        let init = RequestInit::new();
        init.set_method("GET");
        let headers = web_sys::Headers::new()?;
        headers.set("Accept", "text/html")?;
        init.set_headers(&headers);
        let request = Request::new_with_str_and_init(target, &init)?;
        let response: Response = JsFuture::from(window.fetch_with_request(&request))
            .await?
            .dyn_into()?;
        if !response.ok() {
            return Err(JsValue::NULL);
        }
        let html = JsFuture::from(response.text()?)
            .await?
            .as_string()
            .ok_or(JsValue::NULL)?;
        let parsed = web_sys::DomParser::new()?
            .parse_from_string(&html, web_sys::SupportedType::TextHtml)?;
        let new_body = parsed.body().ok_or(JsValue::NULL)?;
        let document = window.document().ok_or(JsValue::NULL)?;
        let body = document.body().ok_or(JsValue::NULL)?;
        // The island loader exposes this once the wasm has loaded (it has: we are running).
        let hydrate: js_sys::Function =
            js_sys::Reflect::get(window, &JsValue::from_str("__hydrateIsland"))?.dyn_into()?;
        body.set_inner_html(&new_body.inner_html());
        document.set_title(&parsed.title());
        window
            .history()?
            .push_state_with_url(&JsValue::NULL, "", Some(&response.url()))?;
        // Back and forward load the page properly rather than showing a stale body.
        let reload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        });
        window.set_onpopstate(Some(reload.as_ref().unchecked_ref()));
        reload.forget();
        window.scroll_to_with_x_and_y(0.0, 0.0);
        let islands = body.query_selector_all("leptos-island")?;
        for i in 0..islands.length() {
            if let Some(island) = islands.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let id = island.get_attribute("data-component").unwrap_or_default();
                hydrate.call2(&JsValue::NULL, &island, &JsValue::from_str(&id))?;
            }
        }
        // Tell assistive technology that the page changed: focus the new main content.
        if let Ok(Some(main)) = body.query_selector("main") {
            if let Ok(main) = main.dyn_into::<HtmlElement>() {
                let _ = main.focus();
            }
        }
        Ok(())
    }

    fn set_busy(form: &HtmlFormElement, busy: bool) {
        let _ = form.set_attribute("aria-busy", if busy { "true" } else { "false" });
        if let Ok(buttons) = form.query_selector_all("button[type=submit]") {
            for i in 0..buttons.length() {
                if let Some(button) = buttons.item(i).and_then(|b| b.dyn_into::<Element>().ok()) {
                    let _ = if busy {
                        button.set_attribute("disabled", "")
                    } else {
                        button.remove_attribute("disabled")
                    };
                }
            }
        }
    }

    /// Posts the form's fields (plus `extra`) asking for JSON, and reads the answer; a
    /// body that is not the expected JSON becomes the message `server_error` with the
    /// status code for `{status}`.
    async fn post_json<T: for<'de> Deserialize<'de> + ErrorMessage>(
        form: &HtmlFormElement,
        extra: &[(&str, &str)],
        server_error: &str,
    ) -> Result<T, JsValue> {
        let data = web_sys::FormData::new_with_form(form)?;
        for (name, value) in extra {
            data.append_with_str(name, value)?;
        }
        let body = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data)?;
        let init = RequestInit::new();
        init.set_method("POST");
        init.set_body(&body.into());
        let headers = web_sys::Headers::new()?;
        headers.set("Accept", "application/json")?;
        headers.set("Content-Type", "application/x-www-form-urlencoded")?;
        init.set_headers(&headers);
        let request = Request::new_with_str_and_init(&form.action(), &init)?;
        let window = web_sys::window().ok_or(JsValue::NULL)?;
        let response: Response = JsFuture::from(window.fetch_with_request(&request))
            .await?
            .dyn_into()?;
        let text = JsFuture::from(response.text()?)
            .await?
            .as_string()
            .unwrap_or_default();
        Ok(serde_json::from_str(&text).unwrap_or_else(|_| {
            T::from_message(server_error.replace("{status}", &response.status().to_string()))
        }))
    }

    /// Builds an answer that only carries a message.
    trait ErrorMessage {
        fn from_message(message: String) -> Self;
    }

    impl ErrorMessage for Outcome {
        fn from_message(message: String) -> Self {
            Outcome {
                message: Some(message),
                ..Outcome::default()
            }
        }
    }

    impl ErrorMessage for Saved {
        fn from_message(message: String) -> Self {
            Saved {
                message: Some(message),
                ..Saved::default()
            }
        }
    }

    fn show_errors(form: &HtmlFormElement, outcome: &Outcome) {
        if let Ok(Some(line)) = form.query_selector("[data-form-error]") {
            line.set_text_content(outcome.message.as_deref());
        }
        let mut first_invalid: Option<HtmlElement> = None;
        let Ok(slots) = form.query_selector_all("[data-error-for]") else {
            return;
        };
        for i in 0..slots.length() {
            let Some(slot) = slots.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            let name = slot.get_attribute("data-error-for").unwrap_or_default();
            let message = outcome.fields.get(&name);
            slot.set_text_content(message.map(String::as_str));
            if let Ok(Some(input)) = form.query_selector(&format!("[name=\"{name}\"]")) {
                let _ = match message {
                    Some(_) => input.set_attribute("aria-invalid", "true"),
                    None => input.remove_attribute("aria-invalid"),
                };
                if message.is_some() && first_invalid.is_none() {
                    first_invalid = input.dyn_into::<HtmlElement>().ok();
                }
            }
        }
        if let Some(input) = first_invalid {
            let _ = input.focus();
        }
    }
}
