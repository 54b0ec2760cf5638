//! Personal API tokens: every member creates and revokes their own in settings, and the JSON
//! API resolves `Authorization: Bearer` to the same [`CurrentUser`] a session gives, so the
//! API is authorised exactly like the pages.

use super::auth::CurrentUser;
use super::tokens::{hash_token, new_id, new_token};
use crate::db::api_tokens::{self, NewApiToken};
use crate::domain::account::Name;
use crate::error::{AppError, AppResult};
use crate::i18n::current;
use crate::models::ApiTokenView;
use crate::state::AppState;
use chrono::{DateTime, Duration, Utc};

/// Every API token starts with this, so that secret scanners and people recognise one.
pub const TOKEN_PREFIX: &str = "ra_";

/// Only record `last_used_at` this often, so that reading through the API does not write
/// on every request.
const TOUCH_EVERY: Duration = Duration::minutes(1);

fn day(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%d").to_string()
}

/// A token just created: `token` is shown once and stored nowhere.
#[derive(Debug)]
pub struct CreatedApiToken {
    pub id: String,
    pub token: String,
}

/// Creates a token for the caller in their current organisation. `name` says what it is
/// for ("CRM sync"), at most 100 characters.
#[tracing::instrument(skip_all)]
pub async fn create(
    state: &AppState,
    user: &CurrentUser,
    name: &str,
) -> AppResult<CreatedApiToken> {
    let i18n = current();
    let name = Name::parse(name, &i18n.t("settings-what-token-name"), i18n)
        .map_err(|e| AppError::field("name", e))?;
    let (id, token) = (new_id(), format!("{TOKEN_PREFIX}{}", new_token()));
    api_tokens::insert(
        state.db.pool(),
        &NewApiToken {
            id: &id,
            user_id: &user.user_id,
            organisation_id: &user.organisation_id,
            name: name.as_str(),
            token_hash: &hash_token(&token),
            created_at: state.clock.now(),
        },
    )
    .await?;
    tracing::info!(token_id = id, user_id = user.user_id, "API token created");
    Ok(CreatedApiToken { id, token })
}

/// The caller's own tokens in their current organisation, newest first.
pub async fn list_own(state: &AppState, user: &CurrentUser) -> AppResult<Vec<ApiTokenView>> {
    let records =
        api_tokens::list_for_owner(state.db.pool(), &user.user_id, &user.organisation_id).await?;
    Ok(records
        .into_iter()
        .map(|token| ApiTokenView {
            id: token.id,
            name: token.name,
            created: day(token.created_at),
            last_used: token.last_used_at.map(day),
            revoked: token.revoked_at.map(day),
        })
        .collect())
}

/// Revokes one of the caller's own tokens; anyone else's id is "not found".
pub async fn revoke(state: &AppState, user: &CurrentUser, token_id: &str) -> AppResult<()> {
    let revoked = api_tokens::revoke(
        state.db.pool(),
        &user.user_id,
        &user.organisation_id,
        token_id,
        state.clock.now(),
    )
    .await?;
    if revoked {
        tracing::info!(token_id, user_id = user.user_id, "API token revoked");
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// Resolves a bearer token to the person it acts for, with their current role. `None` for
/// an unknown or revoked token, or when its owner is no longer a member of its organisation.
pub async fn authenticate_bearer(state: &AppState, token: &str) -> AppResult<Option<CurrentUser>> {
    if !token.starts_with(TOKEN_PREFIX) {
        return Ok(None);
    }
    let Some(record) = api_tokens::find_live(state.db.pool(), &hash_token(token)).await? else {
        return Ok(None);
    };
    let now = state.clock.now();
    if record
        .last_used_at
        .is_none_or(|last| now - last > TOUCH_EVERY)
    {
        api_tokens::touch(state.db.pool(), &record.id, now).await?;
    }
    Ok(Some(CurrentUser {
        user_id: record.user_id,
        email: record.email,
        display_name: record.display_name,
        organisation_id: record.organisation_id,
        organisation_name: record.organisation_name,
        role: record.role,
        // The API answers in English; the setting is the pages' business.
        locale: None,
        // Not a session: nothing that works on sessions (sign-out, switching organisation)
        // can find a row under this key.
        session_hash: format!("api:{}", record.id),
    }))
}
