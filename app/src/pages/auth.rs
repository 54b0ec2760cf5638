use crate::api::public_page;
use crate::components::form::{AppForm, Field};
use crate::components::layout::PageView;
use crate::domain::account::{PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS};
use crate::models::Flash;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Sign in with e-mail and password.
#[component]
pub fn SignInPage() -> impl IntoView {
    let page = Resource::new_blocking(|| (), |_| public_page());
    let next = use_query_map()
        .with_untracked(|q| q.get("next"))
        .unwrap_or_default();
    view! {
        <Title text="Sign in"/>
        <PageView resource=page render=move |page| {
            let flash = Flash::for_form(&page.flash, "signin").unwrap_or_default();
            let next = next.clone();
            view! {
                <section class="panel narrow">
                    <h1>"Sign in"</h1>
                    {flash.notice.clone().map(|n| view! { <p class="notice" role="status">{n}</p> })}
                    <AppForm action="/signin".to_owned() id="signin" submit_label="Sign in" flash=flash.clone()>
                        <input type="hidden" name="next" value=next/>
                        <Field form="signin" name="email" label="E-mail address" kind="email" autocomplete="email" required=true flash=flash.clone()/>
                        <Field form="signin" name="password" label="Password" kind="password" autocomplete="current-password" required=true flash=flash.clone()/>
                    </AppForm>
                    <p>"New here? " <a href="/signup">"Create an organisation"</a></p>
                </section>
            }
        }/>
    }
}

/// Create an organisation and its first (owner) account.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let page = Resource::new_blocking(|| (), |_| public_page());
    view! {
        <Title text="Create an organisation"/>
        <PageView resource=page render=|page| {
            let flash = Flash::for_form(&page.flash, "signup").unwrap_or_default();
            view! {
                <section class="panel narrow">
                    <h1>"Create an organisation"</h1>
                    <p>"You become its owner and can invite your colleagues from marketing, sales and customer success."</p>
                    <AppForm action="/signup".to_owned() id="signup" submit_label="Create organisation" flash=flash.clone()>
                        <Field form="signup" name="organisation_name" label="Organisation name" autocomplete="organization" required=true maxlength=100 flash=flash.clone()/>
                        <Field form="signup" name="display_name" label="Your name" autocomplete="name" required=true maxlength=100 flash=flash.clone()/>
                        <Field form="signup" name="email" label="Work e-mail address" kind="email" autocomplete="email" required=true flash=flash.clone()/>
                        <PasswordField form="signup" flash=flash.clone()/>
                    </AppForm>
                    <p>"Already have an account? " <a href="/signin">"Sign in"</a></p>
                </section>
            }
        }/>
    }
}

/// The new-password field with its rules spelled out.
#[component]
pub fn PasswordField(form: &'static str, flash: Flash) -> impl IntoView {
    view! {
        <Field
            form=form
            name="password"
            label="Password"
            kind="password"
            autocomplete="new-password"
            hint="8 to 128 characters. A few unrelated words make a strong password."
            required=true
            minlength=PASSWORD_MIN_CHARS as u32
            maxlength=PASSWORD_MAX_CHARS as u32
            flash=flash
        />
    }
}
