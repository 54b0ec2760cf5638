use crate::api::public_page;
use crate::components::form::{AppForm, Field};
use crate::components::layout::PageView;
use crate::domain::account::{PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS};
use crate::i18n::use_i18n;
use crate::models::Flash;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Sign in with e-mail and password.
#[component]
pub fn SignInPage() -> impl IntoView {
    let page = Resource::new_blocking(|| (), |_| public_page());
    let i18n = use_i18n();
    let next = use_query_map()
        .with_untracked(|q| q.get("next"))
        .unwrap_or_default();
    view! {
        <Title text=i18n.t("signin-title")/>
        <PageView resource=page render=move |page| {
            let flash = Flash::for_form(&page.flash, "signin").unwrap_or_default();
            let next = next.clone();
            view! {
                <section class="panel narrow">
                    <h1>{i18n.t("signin-title")}</h1>
                    {flash.notice.clone().map(|n| view! { <p class="notice" role="status">{n}</p> })}
                    <AppForm action="/signin".to_owned() id="signin" submit_label=i18n.t("signin-submit") flash=flash.clone()>
                        <input type="hidden" name="next" value=next/>
                        <Field form="signin" name="email" label=i18n.t("field-email") kind="email" autocomplete="email" required=true flash=flash.clone()/>
                        <Field form="signin" name="password" label=i18n.t("field-password") kind="password" autocomplete="current-password" required=true flash=flash.clone()/>
                    </AppForm>
                    <p>{i18n.t("signin-new-here")} " " <a href="/signup">{i18n.t("signin-create")}</a></p>
                </section>
            }
        }/>
    }
}

/// Create an organisation and its first (owner) account.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let page = Resource::new_blocking(|| (), |_| public_page());
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("signup-title")/>
        <PageView resource=page render=move |page| {
            let flash = Flash::for_form(&page.flash, "signup").unwrap_or_default();
            view! {
                <section class="panel narrow">
                    <h1>{i18n.t("signup-title")}</h1>
                    <p>{i18n.t("signup-lead")}</p>
                    <AppForm action="/signup".to_owned() id="signup" submit_label=i18n.t("signup-submit") flash=flash.clone()>
                        <Field form="signup" name="organisation_name" label=i18n.t("field-organisation-name") autocomplete="organization" required=true maxlength=100 flash=flash.clone()/>
                        <Field form="signup" name="display_name" label=i18n.t("field-your-name") autocomplete="name" required=true maxlength=100 flash=flash.clone()/>
                        <Field form="signup" name="email" label=i18n.t("field-work-email") kind="email" autocomplete="email" required=true flash=flash.clone()/>
                        <PasswordField form="signup" flash=flash.clone()/>
                    </AppForm>
                    <p>{i18n.t("signup-have-account")} " " <a href="/signin">{i18n.t("signup-sign-in")}</a></p>
                </section>
            }
        }/>
    }
}

/// The new-password field with its rules spelled out.
#[component]
pub fn PasswordField(form: &'static str, flash: Flash) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Field
            form=form
            name="password"
            label=i18n.t("field-password")
            kind="password"
            autocomplete="new-password"
            hint=i18n.t("password-hint")
            required=true
            minlength=PASSWORD_MIN_CHARS as u32
            maxlength=PASSWORD_MAX_CHARS as u32
            flash=flash
        />
    }
}
