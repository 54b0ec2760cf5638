//! Organisation settings: members and invites. Every query is scoped to the caller's
//! organisation; ids from another organisation behave as if they did not exist.

use super::auth::CurrentUser;
use super::tokens::{hash_token, new_id, new_token};
use crate::db::{accounts, api_tokens, invites, sessions};
use crate::domain::account::Role;
use crate::error::{AppError, AppResult};
use crate::i18n::current;
use crate::models::{InviteStatus, InviteSummary, MemberView, OrganisationView, PublicInvite};
use crate::state::AppState;
use chrono::{DateTime, Utc};

/// Longest note an admin can attach to an invite ("for Dana, sales ops").
pub const INVITE_NOTE_MAX_CHARS: usize = 200;

fn day(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d").to_string()
}

pub(crate) fn invite_status(invite: &invites::InviteRecord, now: DateTime<Utc>) -> InviteStatus {
    if invite.accepted_at.is_some() {
        InviteStatus::Accepted
    } else if invite.revoked_at.is_some() {
        InviteStatus::Revoked
    } else if invite.expires_at <= now {
        InviteStatus::Expired
    } else {
        InviteStatus::Open
    }
}

/// Members (and, for admins, invites) of the caller's organisation, and the caller's own
/// API tokens.
pub async fn overview(state: &AppState, user: &CurrentUser) -> AppResult<OrganisationView> {
    let members = accounts::list_members(state.db.pool(), &user.organisation_id).await?;
    let can_manage = user.role.can_manage_members();
    let invites = if can_manage {
        let now = state.clock.now();
        invites::list_for_organisation(state.db.pool(), &user.organisation_id)
            .await?
            .into_iter()
            .map(|invite| InviteSummary {
                status: invite_status(&invite, now),
                id: invite.id,
                role: invite.role,
                note: invite.note,
                created_by: invite.created_by_name,
                created: day(invite.created_at),
                expires: day(invite.expires_at),
                accepted_by: invite.accepted_by_name,
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(OrganisationView {
        name: user.organisation_name.clone(),
        can_manage_members: can_manage,
        members: members
            .into_iter()
            .map(|m| MemberView {
                removable: can_manage && m.user_id != user.user_id && m.role != Role::Owner,
                user_id: m.user_id,
                display_name: m.display_name,
                email: m.email,
                role: m.role,
                joined: day(m.joined_at),
            })
            .collect(),
        invites,
        api_tokens: super::api_tokens::list_own(state, user).await?,
    })
}

/// A new invite and the secret token for its link (returned once, stored only as a hash).
#[derive(Debug)]
pub struct CreatedInvite {
    pub id: String,
    pub token: String,
}

/// Creates an invite link granting `role`; owners and admins only.
#[tracing::instrument(skip_all)]
pub async fn create_invite(
    state: &AppState,
    user: &CurrentUser,
    role: &str,
    note: &str,
) -> AppResult<CreatedInvite> {
    user.require_member_manager()?;
    let i18n = current();
    let role = Role::parse_invitable(role, i18n).map_err(|e| AppError::field("role", e))?;
    let note = note.trim();
    if note.chars().count() > INVITE_NOTE_MAX_CHARS {
        return Err(AppError::field(
            "note",
            i18n.t_with(
                "settings-error-note-too-long",
                &[("max", INVITE_NOTE_MAX_CHARS.into())],
            ),
        ));
    }
    let now = state.clock.now();
    let (id, token) = (new_id(), new_token());
    invites::insert(
        state.db.pool(),
        &invites::NewInvite {
            id: &id,
            organisation_id: &user.organisation_id,
            token_hash: &hash_token(&token),
            role,
            note,
            created_by: &user.user_id,
            created_at: now,
            expires_at: now + state.auth.invite_lifetime,
        },
    )
    .await?;
    Ok(CreatedInvite { id, token })
}

/// Withdraws an open invite of the caller's organisation.
pub async fn revoke_invite(state: &AppState, user: &CurrentUser, invite_id: &str) -> AppResult<()> {
    user.require_member_manager()?;
    if invites::revoke(
        state.db.pool(),
        &user.organisation_id,
        invite_id,
        state.clock.now(),
    )
    .await?
    {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// Removes a member from the caller's organisation (admins only): their membership goes,
/// and with it every session and API token they had here, so an old cookie or token signs
/// no one in. What they wrote (answers, scorecards, decisions) stays, under their name.
/// Nobody removes themselves or the owner. Returns the removed person's name.
pub async fn remove_member(
    state: &AppState,
    user: &CurrentUser,
    member_user_id: &str,
) -> AppResult<String> {
    user.require_member_manager()?;
    let members = accounts::list_members(state.db.pool(), &user.organisation_id).await?;
    let member = members
        .into_iter()
        .find(|m| m.user_id == member_user_id)
        .ok_or(AppError::NotFound)?;
    if member.user_id == user.user_id {
        return Err(AppError::invalid_form(
            current().t("settings-error-remove-yourself"),
        ));
    }
    if member.role == Role::Owner {
        return Err(AppError::invalid_form(
            current().t("settings-error-remove-owner"),
        ));
    }
    let mut tx = state.db.begin_write().await?;
    if !accounts::delete_membership(&mut *tx, &user.organisation_id, &member.user_id).await? {
        return Err(AppError::NotFound);
    }
    sessions::delete_for_member(&mut *tx, &member.user_id, &user.organisation_id).await?;
    api_tokens::revoke_for_member(
        &mut *tx,
        &member.user_id,
        &user.organisation_id,
        state.clock.now(),
    )
    .await?;
    tx.commit().await?;
    tracing::info!(
        removed = member.user_id,
        by = user.user_id,
        "member removed from organisation"
    );
    Ok(member.display_name)
}

/// What the invite page shows to anyone holding the link.
pub async fn public_invite(state: &AppState, token: &str) -> AppResult<PublicInvite> {
    let invite = invites::find_by_token_hash(state.db.pool(), &hash_token(token))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(PublicInvite {
        status: invite_status(&invite, state.clock.now()),
        organisation_name: invite.organisation_name,
        invited_by: invite.created_by_name,
        role: invite.role,
    })
}

/// A signed-in person accepts an invite: they join the organisation and their session
/// switches to it.
#[tracing::instrument(skip_all)]
pub async fn accept_invite(state: &AppState, user: &CurrentUser, token: &str) -> AppResult<()> {
    let invite = super::auth::open_invite(state, token).await?;
    let now = state.clock.now();
    let mut tx = state.db.begin_write().await?;
    // Someone who already belongs there leaves the invite open for the person it is for.
    if accounts::membership_role(&mut *tx, &invite.organisation_id, &user.user_id)
        .await?
        .is_some()
    {
        return Err(AppError::invalid_form(
            current().t("settings-error-already-member"),
        ));
    }
    if !invites::mark_accepted(&mut *tx, &invite.id, &user.user_id, now).await? {
        return Err(AppError::invalid_form(
            current().t("settings-invite-just-used"),
        ));
    }
    accounts::insert_membership(
        &mut *tx,
        &invite.organisation_id,
        &user.user_id,
        invite.role,
        now,
    )
    .await?;
    sessions::switch_organisation(&mut *tx, &user.session_hash, &invite.organisation_id).await?;
    tx.commit().await?;
    Ok(())
}
