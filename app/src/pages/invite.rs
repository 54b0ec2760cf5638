use super::auth::PasswordField;
use crate::api::invite_page;
use crate::components::form::{AppForm, Field};
use crate::components::layout::PageView;
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
    view! {
        <Title text="Invitation"/>
        <PageView resource=page render=move |page| {
            let token = token.clone();
            let invite = page.content;
            let flash = Flash::for_form(&page.flash, "join").unwrap_or_default();
            let heading = format!("Join {}", invite.organisation_name);
            let intro = format!("{} invited you to join {} as {}.", invite.invited_by, invite.organisation_name, invite.role.label().to_lowercase());
            if invite.status != InviteStatus::Open {
                let why = match invite.status {
                    InviteStatus::Accepted => "This invite has already been used.",
                    InviteStatus::Revoked => "This invite was withdrawn.",
                    _ => "This invite has expired.",
                };
                return view! {
                    <section class="panel narrow">
                        <h1>{heading}</h1>
                        <p role="alert">{why}" Ask the person who sent it for a new link."</p>
                    </section>
                }.into_any();
            }
            match page.viewer {
                Some(viewer) => view! {
                    <section class="panel narrow">
                        <h1>{heading}</h1>
                        <p>{intro}</p>
                        <AppForm action=format!("/invites/{token}/accept") id="join" submit_label="Join organisation" flash=flash>
                            <p>{format!("You are signed in as {}.", viewer.email)}</p>
                        </AppForm>
                    </section>
                }.into_any(),
                None => view! {
                    <section class="panel narrow">
                        <h1>{heading}</h1>
                        <p>{intro}" Create your account to accept."</p>
                        <AppForm action=format!("/invites/{token}/signup") id="join" submit_label="Create account and join" flash=flash.clone()>
                            <Field form="join" name="display_name" label="Your name" autocomplete="name" required=true maxlength=100 flash=flash.clone()/>
                            <Field form="join" name="email" label="Work e-mail address" kind="email" autocomplete="email" required=true flash=flash.clone()/>
                            <PasswordField form="join" flash=flash.clone()/>
                        </AppForm>
                        <p>"Already have an account? "<a href=format!("/signin?next=/invites/{token}")>"Sign in first"</a>", then come back to this link."</p>
                    </section>
                }.into_any(),
            }
        }/>
    }
}
