use super::auth::PasswordField;
use crate::api::invite_page;
use crate::components::form::{AppForm, Field};
use crate::components::layout::PageView;
use crate::i18n::use_i18n;
use crate::models::{Flash, InviteStatus};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// Where an invite link leads: join as the signed-in user, or create an account.
#[component]
pub fn InvitePage() -> impl IntoView {
    let token = use_params_map()
        .with_untracked(|p| p.get("token"))
        .unwrap_or_default();
    let page = Resource::new_blocking(
        {
            let token = token.clone();
            move || token.clone()
        },
        invite_page,
    );
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("invite-title")/>
        <PageView resource=page render=move |page| {
            let token = token.clone();
            let invite = page.content;
            let flash = Flash::for_form(&page.flash, "join").unwrap_or_default();
            let heading = i18n.t_with("invite-heading", &[("organisation", invite.organisation_name.clone().into())]);
            // The same sentence, alone for a signed-in user, with a call to sign up otherwise.
            let intro = |key: &str| i18n.t_with(key, &[
                ("invited_by", invite.invited_by.clone().into()),
                ("organisation", invite.organisation_name.clone().into()),
                ("role", i18n.t(invite.role.label_key()).to_lowercase().into()),
            ]);
            if invite.status != InviteStatus::Open {
                let why = i18n.t(match invite.status {
                    InviteStatus::Accepted => "invite-used",
                    InviteStatus::Revoked => "invite-revoked",
                    _ => "invite-expired",
                });
                return view! {
                    <section class="panel narrow">
                        <h1>{heading}</h1>
                        <p role="alert">{why}</p>
                    </section>
                }.into_any();
            }
            match page.viewer {
                Some(viewer) => view! {
                    <section class="panel narrow">
                        <h1>{heading}</h1>
                        <p>{intro("invite-intro")}</p>
                        <AppForm action=format!("/invites/{token}/accept") id="join" submit_label=i18n.t("invite-join") flash=flash>
                            <p>{i18n.t_with("invite-signed-in-as", &[("email", viewer.email.into())])}</p>
                        </AppForm>
                    </section>
                }.into_any(),
                None => view! {
                    <section class="panel narrow">
                        <h1>{heading}</h1>
                        <p>{intro("invite-intro-signup")}</p>
                        <AppForm action=format!("/invites/{token}/signup") id="join" submit_label=i18n.t("invite-signup") flash=flash.clone()>
                            <Field form="join" name="display_name" label=i18n.t("field-your-name") autocomplete="name" required=true maxlength=100 flash=flash.clone()/>
                            <Field form="join" name="email" label=i18n.t("field-work-email") kind="email" autocomplete="email" required=true flash=flash.clone()/>
                            <PasswordField form="join" flash=flash.clone()/>
                        </AppForm>
                        <p>{i18n.t("invite-have-account")}<a href=format!("/signin?next=/invites/{token}")>{i18n.t("invite-sign-in-first")}</a>{i18n.t("invite-then-come-back")}</p>
                    </section>
                }.into_any(),
            }
        }/>
    }
}
