use crate::api::organisation_page;
use crate::components::form::{AppForm, Field, Notice};
use crate::components::layout::PageView;
use crate::i18n::use_i18n;
use crate::islands::CopyButton;
use crate::models::{ApiTokenView, Flash, InviteStatus, OrganisationView};
use leptos::prelude::*;
use leptos_meta::Title;

/// Organisation settings: members, the viewer's API tokens, and for admins, invites.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let page = Resource::new_blocking(|| (), |_| organisation_page());
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("settings-title")/>
        <PageView resource=page render=|page| view! { <Settings org=page.content flash=page.flash/> }/>
    }
}

#[component]
fn Settings(org: OrganisationView, flash: Option<Flash>) -> impl IntoView {
    let i18n = use_i18n();
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
                    <label for="new-invite-link">{i18n.t("settings-invite-link")}</label>
                    <input id="new-invite-link" type="text" readonly value=link.clone()/>
                    <CopyButton text=link/>
                </div>
            })}
        </section>
        <section class="panel">
            <h2>{i18n.t("settings-members")}</h2>
            {members_error.map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            <table>
                <thead><tr><th scope="col">{i18n.t("settings-col-name")}</th><th scope="col">{i18n.t("settings-col-email")}</th><th scope="col">{i18n.t("settings-col-role")}</th><th scope="col">{i18n.t("settings-col-joined")}</th>{can_manage.then(|| view! { <th scope="col">{i18n.t("settings-col-access")}</th> })}</tr></thead>
                <tbody>
                    {org.members.into_iter().map(|m| {
                        let remove = m.removable.then(|| view! {
                            <form method="post" action=format!("/settings/members/{}/remove", m.user_id) class="inline">
                                <button type="submit" class="link-button" aria-label=i18n.t_with("settings-remove-member", &[("name", m.display_name.clone().into())])>{i18n.t("settings-remove")}</button>
                            </form>
                        });
                        view! {
                            <tr>
                                <td>{m.display_name}</td><td>{m.email}</td><td>{i18n.t(m.role.label_key())}</td><td>{m.joined}</td>
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
                <h2>{i18n.t("settings-invite-title")}</h2>
                <p>{i18n.t("settings-invite-intro")}</p>
                <AppForm action="/settings/invites".to_owned() id="invite" submit_label=i18n.t("settings-invite-submit") flash=invite_flash.clone()>
                    <div class="field">
                        <label for="invite-role">{i18n.t("settings-field-role")}</label>
                        <select id="invite-role" name="role" aria-describedby="invite-role-error">
                            <option value="member" selected=true>{i18n.t("settings-role-member")}</option>
                            <option value="admin">{i18n.t("settings-role-admin")}</option>
                        </select>
                        <p id="invite-role-error" class="field-error" data-error-for="role">{invite_flash.field_error("role")}</p>
                    </div>
                    <Field form="invite" name="note" label=i18n.t("settings-field-note") hint=i18n.t("settings-field-note-hint") maxlength=200 flash=invite_flash.clone()/>
                </AppForm>
            </section>
            <section class="panel">
                <h2>{i18n.t("settings-invites")}</h2>
                {revoke_error.map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
                {if invites.is_empty() {
                    view! { <p class="empty">{i18n.t("settings-invites-none")}</p> }.into_any()
                } else {
                    view! {
                        <table>
                            <thead><tr><th scope="col">{i18n.t("settings-col-note")}</th><th scope="col">{i18n.t("settings-col-role")}</th><th scope="col">{i18n.t("settings-col-created")}</th><th scope="col">{i18n.t("settings-col-status")}</th><th scope="col"><span class="sr-only">{i18n.t("settings-col-actions")}</span></th></tr></thead>
                            <tbody>
                                {invites.clone().into_iter().map(|invite| {
                                    let status = match (invite.status, invite.accepted_by.clone()) {
                                        (InviteStatus::Accepted, Some(name)) => i18n.t_with("settings-invite-accepted-by", &[("name", name.into())]),
                                        (InviteStatus::Open, _) => i18n.t_with("settings-invite-open-until", &[("date", i18n.day(&invite.expires).into())]),
                                        (status, _) => i18n.t(status.label_key()),
                                    };
                                    let note = if invite.note.is_empty() { i18n.t("settings-invite-no-note") } else { invite.note.clone() };
                                    view! {
                                        <tr>
                                            <td>{note.clone()}</td>
                                            <td>{i18n.t(invite.role.label_key())}</td>
                                            <td>{i18n.t_with(
                                                "settings-invite-created-by",
                                                &[("date", i18n.day(&invite.created).into()), ("name", invite.created_by.clone().into())],
                                            )}</td>
                                            <td>{status}</td>
                                            <td>
                                                {(invite.status == InviteStatus::Open).then(|| view! {
                                                    <form method="post" action=format!("/settings/invites/{}/revoke", invite.id) class="inline">
                                                        <button type="submit" class="link-button" aria-label=i18n.t_with("settings-revoke-invite", &[("note", note.clone().into())])>{i18n.t("settings-revoke")}</button>
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
    let i18n = use_i18n();
    let create_flash = Flash::for_form(&flash, "api-token").unwrap_or_default();
    let new_token = create_flash.api_token.clone();
    let created_notice = create_flash.notice.clone();
    let revoke_flash = Flash::for_form(&flash, "api-token-revoke");
    let revoke_notice = revoke_flash.as_ref().and_then(|f| f.notice.clone());
    let revoke_error = revoke_flash.and_then(|f| f.error);
    view! {
        <section class="panel" aria-labelledby="api-tokens-heading">
            <h2 id="api-tokens-heading">{i18n.t("settings-tokens")}</h2>
            <p>
                {i18n.t("settings-tokens-intro-before")}
                <code>"Authorization: Bearer <token>"</code>{i18n.t("settings-tokens-intro-between")}
                <a href="/api/v1/openapi.json">"/api/v1/openapi.json"</a>{i18n.t("settings-tokens-intro-after")}
            </p>
            {created_notice.map(|message| view! { <Notice message/> })}
            {new_token.map(|token| view! {
                <div class="invite-link">
                    <label for="new-api-token">{i18n.t("settings-token-new")}</label>
                    <input id="new-api-token" type="text" readonly value=token.clone()/>
                    <CopyButton text=token what="token".to_owned()/>
                </div>
            })}
            <AppForm action="/settings/tokens".to_owned() id="api-token" submit_label=i18n.t("settings-token-submit") flash=create_flash.clone()>
                <Field form="api-token" name="name" label=i18n.t("settings-field-token-name") hint=i18n.t("settings-field-token-name-hint") required=true maxlength=100 flash=create_flash.clone()/>
            </AppForm>
            {revoke_notice.map(|message| view! { <Notice message/> })}
            {revoke_error.map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            {if tokens.is_empty() {
                view! { <p class="empty">{i18n.t("settings-tokens-none")}</p> }.into_any()
            } else {
                view! {
                    <table>
                        <thead><tr><th scope="col">{i18n.t("settings-col-name")}</th><th scope="col">{i18n.t("settings-col-created")}</th><th scope="col">{i18n.t("settings-col-last-used")}</th><th scope="col">{i18n.t("settings-col-status")}</th><th scope="col"><span class="sr-only">{i18n.t("settings-col-actions")}</span></th></tr></thead>
                        <tbody>
                            {tokens.into_iter().map(|token| {
                                let status = match &token.revoked {
                                    Some(on) => i18n.t_with("settings-token-revoked-on", &[("date", i18n.day(on).into())]),
                                    None => i18n.t("settings-token-active"),
                                };
                                let active = token.revoked.is_none();
                                view! {
                                    <tr>
                                        <td>{token.name.clone()}</td>
                                        <td>{i18n.day(&token.created)}</td>
                                        <td>{token.last_used.as_deref().map_or_else(|| i18n.t("settings-token-never-used"), |on| i18n.day(on))}</td>
                                        <td>{status}</td>
                                        <td>
                                            {active.then(|| view! {
                                                <form method="post" action=format!("/settings/tokens/{}/revoke", token.id) class="inline">
                                                    <button type="submit" class="link-button" aria-label=i18n.t_with("settings-revoke-token", &[("name", token.name.clone().into())])>{i18n.t("settings-revoke")}</button>
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
