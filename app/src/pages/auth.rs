use crate::api::get_flash;
use crate::components::form::{AppForm, Field};
use crate::domain::account::{PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS};
use crate::models::Flash;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Sign in with e-mail and password.
#[component]
pub fn SignInPage() -> impl IntoView {
    let flash = Resource::new_blocking(|| (), |_| get_flash());
    let next = use_query_map()
        .with_untracked(|q| q.get("next"))
        .unwrap_or_default();
    view! {
        <Title text="Sign in"/>
        <section class="panel narrow">
            <h1>"Sign in"</h1>
            <Suspense fallback=|| ()>
                {move || {
                    let next = next.clone();
                    Suspend::new(async move {
                        let flash = Flash::for_form(&flash.await.ok().flatten(), "signin");
                        view! {
                            {flash.as_ref().and_then(|f| f.notice.clone()).map(|n| view! { <p class="notice" role="status">{n}</p> })}
                            <AppForm action="/signin".to_owned() id="signin" submit_label="Sign in" flash=flash.clone().unwrap_or_default()>
                                <input type="hidden" name="next" value=next/>
                                <Field form="signin" name="email" label="E-mail address" kind="email" autocomplete="email" required=true flash=flash.clone().unwrap_or_default()/>
                                <Field form="signin" name="password" label="Password" kind="password" autocomplete="current-password" required=true flash=flash.clone().unwrap_or_default()/>
                            </AppForm>
                        }
                    })
                }}
            </Suspense>
            <p>"New here? " <a href="/signup">"Create an organisation"</a></p>
        </section>
    }
}

/// Create an organisation and its first (owner) account.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let flash = Resource::new_blocking(|| (), |_| get_flash());
    view! {
        <Title text="Create an organisation"/>
        <section class="panel narrow">
            <h1>"Create an organisation"</h1>
            <p>"You become its owner and can invite your colleagues from marketing, sales and customer success."</p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let flash = Flash::for_form(&flash.await.ok().flatten(), "signup").unwrap_or_default();
                    view! {
                        <AppForm action="/signup".to_owned() id="signup" submit_label="Create organisation" flash=flash.clone()>
                            <Field form="signup" name="organisation_name" label="Organisation name" autocomplete="organization" required=true maxlength=100 flash=flash.clone()/>
                            <Field form="signup" name="display_name" label="Your name" autocomplete="name" required=true maxlength=100 flash=flash.clone()/>
                            <Field form="signup" name="email" label="Work e-mail address" kind="email" autocomplete="email" required=true flash=flash.clone()/>
                            <PasswordField form="signup" flash=flash.clone()/>
                        </AppForm>
                    }
                })}
            </Suspense>
            <p>"Already have an account? " <a href="/signin">"Sign in"</a></p>
        </section>
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
