use crate::api::organisation_page;
use crate::components::form::{AppForm, Field, Notice};
use crate::components::layout::PageView;
use crate::islands::CopyButton;
use crate::models::{ApiTokenView, Flash, InviteStatus, OrganisationView};
use leptos::prelude::*;
use leptos_meta::Title;

/// Organisation settings: members, the viewer's API tokens, and for admins, invites.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let page = Resource::new_blocking(|| (), |_| organisation_page());
    view! {
        <Title text="Organisation"/>
        <PageView resource=page render=|page| view! { <Settings org=page.content flash=page.flash/> }/>
    }
}

#[component]
fn Settings(org: OrganisationView, flash: Option<Flash>) -> impl IntoView {
    // The API token forms show their outcome in their own section.
    let notice = flash
        .as_ref()
        .filter(|f| !f.form.starts_with("api-token"))
        .and_then(|f| f.notice.clone());
    let invite_link = flash.as_ref().and_then(|f| f.invite_link.clone());
    let invite_flash = Flash::for_form(&flash, "invite").unwrap_or_default();
    let revoke_error = Flash::for_form(&flash, "revoke").and_then(|f| f.error);
    let members_error = Flash::for_form(&flash, "members").and_then(|f| f.error);
    let can_manage = org.can_manage_members;
    let invites = org.invites.clone();
    let api_tokens = org.api_tokens.clone();
    view! {
        <section class="panel">
            <h1>{org.name.clone()}</h1>
            {notice.map(|message| view! { <Notice message/> })}
            {invite_link.map(|link| view! {
                <div class="invite-link">
                    <label for="new-invite-link">"Invite link (shown only now, copy it before leaving this page)"</label>
                    <input id="new-invite-link" type="text" readonly value=link.clone()/>
                    <CopyButton text=link/>
                </div>
            })}
        </section>
        <section class="panel">
            <h2>"Members"</h2>
            {members_error.map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            <table>
                <thead><tr><th scope="col">"Name"</th><th scope="col">"E-mail"</th><th scope="col">"Role"</th><th scope="col">"Joined"</th>{can_manage.then(|| view! { <th scope="col">"Access"</th> })}</tr></thead>
                <tbody>
                    {org.members.into_iter().map(|m| {
                        let remove = m.removable.then(|| view! {
                            <form method="post" action=format!("/settings/members/{}/remove", m.user_id) class="inline">
                                <button type="submit" class="link-button" aria-label=format!("Remove {} from the organisation", m.display_name)>"Remove"</button>
                            </form>
                        });
                        view! {
                            <tr>
                                <td>{m.display_name}</td><td>{m.email}</td><td>{m.role.label()}</td><td>{m.joined}</td>
                                {can_manage.then(|| view! { <td>{remove}</td> })}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
        <ApiTokens tokens=api_tokens flash=flash.clone()/>
        {can_manage.then(|| view! {
            <section class="panel">
                <h2>"Invite a colleague"</h2>
                <p>"Create a link and send it to them in your own chat or e-mail. Anyone with the link can join, once, within 14 days."</p>
                <AppForm action="/settings/invites".to_owned() id="invite" submit_label="Create invite link" flash=invite_flash.clone()>
                    <div class="field">
                        <label for="invite-role">"Role"</label>
                        <select id="invite-role" name="role" aria-describedby="invite-role-error">
                            <option value="member" selected=true>"Member: takes part, answers and interviews"</option>
                            <option value="admin">"Admin: also manages members and invites"</option>
                        </select>
                        <p id="invite-role-error" class="field-error" data-error-for="role">{invite_flash.field_error("role")}</p>
                    </div>
                    <Field form="invite" name="note" label="Note (optional)" hint="Who it is for, so you can tell the links apart." maxlength=200 flash=invite_flash.clone()/>
                </AppForm>
            </section>
            <section class="panel">
                <h2>"Invites"</h2>
                {revoke_error.map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
                {if invites.is_empty() {
                    view! { <p class="empty">"No invites yet."</p> }.into_any()
                } else {
                    view! {
                        <table>
                            <thead><tr><th scope="col">"Note"</th><th scope="col">"Role"</th><th scope="col">"Created"</th><th scope="col">"Status"</th><th scope="col"><span class="sr-only">"Actions"</span></th></tr></thead>
                            <tbody>
                                {invites.clone().into_iter().map(|invite| {
                                    let status = match (invite.status, invite.accepted_by.clone()) {
                                        (InviteStatus::Accepted, Some(name)) => format!("Accepted by {name}"),
                                        (InviteStatus::Open, _) => format!("Open until {}", invite.expires),
                                        (status, _) => status.label().to_owned(),
                                    };
                                    let note = if invite.note.is_empty() { "(no note)".to_owned() } else { invite.note.clone() };
                                    view! {
                                        <tr>
                                            <td>{note.clone()}</td>
                                            <td>{invite.role.label()}</td>
                                            <td>{format!("{} by {}", invite.created, invite.created_by)}</td>
                                            <td>{status}</td>
                                            <td>
                                                {(invite.status == InviteStatus::Open).then(|| view! {
                                                    <form method="post" action=format!("/settings/invites/{}/revoke", invite.id) class="inline">
                                                        <button type="submit" class="link-button" aria-label=format!("Revoke invite: {note}")>"Revoke"</button>
                                                    </form>
                                                })}
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }}
            </section>
        })}
    }
    .into_any()
}

/// The viewer's personal API tokens: create one (shown once), see when each was used,
/// revoke them.
#[component]
fn ApiTokens(tokens: Vec<ApiTokenView>, flash: Option<Flash>) -> impl IntoView {
    let create_flash = Flash::for_form(&flash, "api-token").unwrap_or_default();
    let new_token = create_flash.api_token.clone();
    let created_notice = create_flash.notice.clone();
    let revoke_flash = Flash::for_form(&flash, "api-token-revoke");
    let revoke_notice = revoke_flash.as_ref().and_then(|f| f.notice.clone());
    let revoke_error = revoke_flash.and_then(|f| f.error);
    view! {
        <section class="panel" aria-labelledby="api-tokens-heading">
            <h2 id="api-tokens-heading">"API tokens"</h2>
            <p>
                "A token lets a script or another tool use the JSON API as you, with your role in this organisation: send it as "
                <code>"Authorization: Bearer <token>"</code>". The API is described at "
                <a href="/api/v1/openapi.json">"/api/v1/openapi.json"</a>"."
            </p>
            {created_notice.map(|message| view! { <Notice message/> })}
            {new_token.map(|token| view! {
                <div class="invite-link">
                    <label for="new-api-token">"Your new token (shown only now, copy it before leaving this page)"</label>
                    <input id="new-api-token" type="text" readonly value=token.clone()/>
                    <CopyButton text=token what="token".to_owned()/>
                </div>
            })}
            <AppForm action="/settings/tokens".to_owned() id="api-token" submit_label="Create token" flash=create_flash.clone()>
                <Field form="api-token" name="name" label="Token name" hint="What it is for, e.g. “CRM sync”, so you can tell tokens apart." required=true maxlength=100 flash=create_flash.clone()/>
            </AppForm>
            {revoke_notice.map(|message| view! { <Notice message/> })}
            {revoke_error.map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            {if tokens.is_empty() {
                view! { <p class="empty">"No API tokens yet."</p> }.into_any()
            } else {
                view! {
                    <table>
                        <thead><tr><th scope="col">"Name"</th><th scope="col">"Created"</th><th scope="col">"Last used"</th><th scope="col">"Status"</th><th scope="col"><span class="sr-only">"Actions"</span></th></tr></thead>
                        <tbody>
                            {tokens.into_iter().map(|token| {
                                let status = match &token.revoked {
                                    Some(on) => format!("Revoked {on}"),
                                    None => "Active".to_owned(),
                                };
                                let active = token.revoked.is_none();
                                view! {
                                    <tr>
                                        <td>{token.name.clone()}</td>
                                        <td>{token.created.clone()}</td>
                                        <td>{token.last_used.clone().unwrap_or_else(|| "Never".to_owned())}</td>
                                        <td>{status}</td>
                                        <td>
                                            {active.then(|| view! {
                                                <form method="post" action=format!("/settings/tokens/{}/revoke", token.id) class="inline">
                                                    <button type="submit" class="link-button" aria-label=format!("Revoke token: {}", token.name)>"Revoke"</button>
                                                </form>
                                            })}
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
    .into_any()
}
