//! Sign-up, sign-in, sign-out and sessions.

use super::tokens::{hash_token, new_id, new_token};
use crate::db::{accounts, invites, sessions, sign_in_failures};
use crate::domain::account::{Email, Name, Password, Role};
use crate::error::{AppError, AppResult, FieldErrors};
use crate::i18n::{current, I18n, Locale};
use crate::models::{InviteStatus, Viewer};
use crate::state::AppState;
use crate::tr_key;
use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use chrono::Duration;
use std::sync::OnceLock;

/// The catalogue key of the message for every failed sign-in, whether the e-mail is unknown
/// or the password wrong: telling them apart would reveal who has an account.
pub const SIGN_IN_FAILED: &str = tr_key!("auth-sign-in-failed");

/// Who is making a request, resolved from the session cookie. Server-side only.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub user_id: String,
    pub email: String,
    pub display_name: String,
    pub organisation_id: String,
    pub organisation_name: String,
    pub role: Role,
    /// The UI language the person chose; `None` follows their browser.
    pub locale: Option<Locale>,
    /// Identifies the session row (the hash, never the token itself).
    pub session_hash: String,
}

impl CurrentUser {
    pub fn viewer(&self) -> Viewer {
        Viewer {
            display_name: self.display_name.clone(),
            email: self.email.clone(),
            organisation_name: self.organisation_name.clone(),
            role: self.role,
        }
    }

    /// Fails with `Forbidden` unless this user may manage members and invites.
    pub fn require_member_manager(&self) -> AppResult<()> {
        if self.role.can_manage_members() {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// Fails with `Forbidden` unless this user may launch and manage assessment campaigns.
    pub fn require_campaign_manager(&self) -> AppResult<()> {
        if self.role.can_run_campaigns() {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }
}

/// A session just started: the token goes into the cookie and nowhere else.
#[derive(Debug)]
pub struct NewSession {
    pub token: String,
}

/// The sign-up form.
#[derive(Debug, Clone, Default)]
pub struct SignUp {
    pub organisation_name: String,
    pub display_name: String,
    pub email: String,
    pub password: String,
}

/// Validated account fields shared by both ways of signing up.
struct AccountInput {
    name: Name,
    email: Email,
    password: Password,
}

fn validate_account(
    display_name: &str,
    email: &str,
    password: &str,
    errors: &mut FieldErrors,
    i18n: I18n,
) -> Option<AccountInput> {
    let name = Name::parse(display_name, &i18n.t("auth-what-your-name"), i18n)
        .map_err(|e| errors.insert("display_name".into(), e));
    let email = Email::parse(email, i18n).map_err(|e| errors.insert("email".into(), e));
    let password = Password::parse(password, i18n).map_err(|e| errors.insert("password".into(), e));
    Some(AccountInput {
        name: name.ok()?,
        email: email.ok()?,
        password: password.ok()?,
    })
}

/// Hashes a password with argon2id and the crate's default (OWASP-recommended) parameters.
/// Runs on the blocking pool: hashing takes tens of milliseconds of CPU on purpose.
pub async fn hash_password(password: &Password) -> AppResult<String> {
    let password = password.expose().to_owned();
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
    })
    .await
    .map_err(|_| AppError::Internal)?
    .map_err(|error| {
        tracing::error!(%error, "password hashing failed");
        AppError::Internal
    })
}

/// Checks a password against a stored hash; `None` compares against a dummy hash so that an
/// unknown e-mail costs the same time as a wrong password.
async fn verify_password(password: String, stored: Option<String>) -> AppResult<bool> {
    static DUMMY: OnceLock<String> = OnceLock::new();
    let dummy = DUMMY
        .get_or_init(|| {
            let salt = SaltString::generate(&mut OsRng);
            Argon2::default()
                .hash_password(b"not a real password", &salt)
                .map(|h| h.to_string())
                .unwrap_or_default()
        })
        .clone();
    tokio::task::spawn_blocking(move || {
        let known = stored.is_some();
        let hash = stored.unwrap_or(dummy);
        let ok = PasswordHash::new(&hash)
            .map(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false);
        known && ok
    })
    .await
    .map_err(|_| AppError::Internal)
}

/// Stores a new person's account; an e-mail address already in use is the error `taken`,
/// on the form's `email` field.
async fn insert_account(
    conn: &mut sqlx::AnyConnection,
    user_id: &str,
    account: &AccountInput,
    password_hash: &str,
    now: chrono::DateTime<chrono::Utc>,
    taken: String,
) -> AppResult<()> {
    match accounts::insert_user(
        conn,
        user_id,
        account.email.as_str(),
        account.name.as_str(),
        password_hash,
        now,
    )
    .await
    {
        Err(e) if crate::db::is_unique_violation(&e) => Err(AppError::field("email", taken)),
        other => Ok(other?),
    }
}

/// Creates an organisation, its owner and a session for them.
#[tracing::instrument(skip_all)]
pub async fn sign_up(state: &AppState, form: &SignUp) -> AppResult<NewSession> {
    let i18n = current();
    let mut errors = FieldErrors::new();
    let organisation = Name::parse(
        &form.organisation_name,
        &i18n.t("auth-what-organisation-name"),
        i18n,
    )
    .map_err(|e| errors.insert("organisation_name".into(), e));
    let account = validate_account(
        &form.display_name,
        &form.email,
        &form.password,
        &mut errors,
        i18n,
    );
    let (Ok(organisation), Some(account), true) = (organisation, account, errors.is_empty()) else {
        return Err(AppError::invalid(errors));
    };
    let hash = hash_password(&account.password).await?;

    let now = state.clock.now();
    let (organisation_id, user_id, token) = (new_id(), new_id(), new_token());
    let mut tx = state.db.begin_write().await?;
    accounts::insert_organisation(&mut *tx, &organisation_id, organisation.as_str(), now).await?;
    insert_account(
        &mut tx,
        &user_id,
        &account,
        &hash,
        now,
        i18n.t("auth-error-email-taken"),
    )
    .await?;
    accounts::insert_membership(&mut *tx, &organisation_id, &user_id, Role::Owner, now).await?;
    sessions::insert(
        &mut *tx,
        &hash_token(&token),
        &user_id,
        &organisation_id,
        now,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(organisation_id, user_id, "organisation created");
    Ok(NewSession { token })
}

/// Creates an account through an invite link: the person joins the inviting organisation.
#[tracing::instrument(skip_all)]
pub async fn sign_up_with_invite(
    state: &AppState,
    invite_token: &str,
    display_name: &str,
    email: &str,
    password: &str,
) -> AppResult<NewSession> {
    let i18n = current();
    let invite = open_invite(state, invite_token).await?;
    let mut errors = FieldErrors::new();
    let Some(account) = validate_account(display_name, email, password, &mut errors, i18n) else {
        return Err(AppError::invalid(errors));
    };
    let hash = hash_password(&account.password).await?;

    let now = state.clock.now();
    let (user_id, token) = (new_id(), new_token());
    let mut tx = state.db.begin_write().await?;
    insert_account(
        &mut tx,
        &user_id,
        &account,
        &hash,
        now,
        i18n.t("auth-error-email-taken-invite"),
    )
    .await?;
    if !invites::mark_accepted(&mut *tx, &invite.id, &user_id, now).await? {
        return Err(AppError::invalid_form(i18n.t("settings-invite-just-used")));
    }
    accounts::insert_membership(
        &mut *tx,
        &invite.organisation_id,
        &user_id,
        invite.role,
        now,
    )
    .await?;
    sessions::insert(
        &mut *tx,
        &hash_token(&token),
        &user_id,
        &invite.organisation_id,
        now,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(
        organisation_id = invite.organisation_id,
        user_id,
        "joined through invite"
    );
    Ok(NewSession { token })
}

/// The invite behind a link, if it can still be used.
pub(crate) async fn open_invite(state: &AppState, token: &str) -> AppResult<invites::InviteRecord> {
    let invite = invites::find_by_token_hash(state.db.pool(), &hash_token(token))
        .await?
        .ok_or(AppError::NotFound)?;
    let i18n = current();
    match super::organisations::invite_status(&invite, state.clock.now()) {
        InviteStatus::Open => Ok(invite),
        InviteStatus::Accepted => Err(AppError::invalid_form(i18n.t("settings-invite-used"))),
        InviteStatus::Revoked => Err(AppError::invalid_form(i18n.t("settings-invite-withdrawn"))),
        InviteStatus::Expired => Err(AppError::invalid_form(i18n.t("settings-invite-expired"))),
    }
}

/// Signs in, ending the session the browser had before (so its id never carries over).
/// `client` is the caller's address, for the per-client rate limit.
#[tracing::instrument(skip_all)]
pub async fn sign_in(
    state: &AppState,
    email: &str,
    password: &str,
    client: &str,
    previous_token: Option<&str>,
) -> AppResult<NewSession> {
    let i18n = current();
    let email_key = Email::parse(email, i18n)
        .map(|e| e.to_string())
        .unwrap_or_else(|_| email.trim().to_lowercase());
    if password.is_empty() || email_key.is_empty() {
        let mut errors = FieldErrors::new();
        if email_key.is_empty() {
            errors.insert("email".into(), i18n.t("account-error-email-empty"));
        }
        if password.is_empty() {
            errors.insert("password".into(), i18n.t("auth-error-password-empty"));
        }
        return Err(AppError::invalid(errors));
    }
    let account_key = format!("account:{email_key}");
    let client_key = format!("client:{client}");
    let now = state.clock.now();
    let since = now - state.auth.failure_window;
    for (key, limit) in [
        (&account_key, state.auth.max_failures_per_account),
        (&client_key, state.auth.max_failures_per_client),
    ] {
        let (failures, oldest) = sign_in_failures::recent(state.db.pool(), key, since).await?;
        if failures >= limit {
            let until = oldest.unwrap_or(now) + state.auth.failure_window;
            let retry_after_secs = (until - now).num_seconds().max(1) as u64;
            tracing::warn!(key = key.split(':').next(), "sign-in rate limit reached");
            return Err(AppError::RateLimited { retry_after_secs });
        }
    }

    let user = accounts::find_user_by_email(state.db.pool(), &email_key).await?;
    let verified = verify_password(
        password.to_owned(),
        user.as_ref().map(|u| u.password_hash.clone()),
    )
    .await?;
    let user = match (user, verified) {
        (Some(user), true) => user,
        _ => {
            let mut tx = state.db.begin_write().await?;
            sign_in_failures::record(&mut *tx, &account_key, now).await?;
            sign_in_failures::record(&mut *tx, &client_key, now).await?;
            tx.commit().await?;
            return Err(AppError::invalid_form(i18n.t(SIGN_IN_FAILED)));
        }
    };
    let Some((organisation_id, _role)) =
        accounts::first_membership(state.db.pool(), &user.id).await?
    else {
        return Err(AppError::invalid_form(i18n.t("auth-error-no-organisation")));
    };

    let token = new_token();
    let mut tx = state.db.begin_write().await?;
    if let Some(previous) = previous_token {
        sessions::delete(&mut *tx, &hash_token(previous)).await?;
    }
    sign_in_failures::clear(&mut *tx, &account_key).await?;
    sessions::insert(
        &mut *tx,
        &hash_token(&token),
        &user.id,
        &organisation_id,
        now,
    )
    .await?;
    tx.commit().await?;
    tracing::info!(user_id = user.id, "signed in");
    Ok(NewSession { token })
}

/// Ends a session on the server; its cookie is worthless afterwards.
pub async fn sign_out(state: &AppState, token: &str) -> AppResult<()> {
    sessions::delete(state.db.pool(), &hash_token(token)).await?;
    Ok(())
}

/// Only refresh `last_seen_at` this often, so that reading pages does not write every time.
const TOUCH_EVERY: Duration = Duration::minutes(1);

/// Resolves a session cookie to the signed-in user; expired sessions are removed.
pub async fn authenticate(state: &AppState, token: &str) -> AppResult<Option<CurrentUser>> {
    let hash = hash_token(token);
    let Some(session) = sessions::find(state.db.pool(), &hash).await? else {
        return Ok(None);
    };
    let now = state.clock.now();
    let idle_expired = now - session.last_seen_at > state.auth.session_idle_timeout;
    let too_old = now - session.created_at > state.auth.session_max_age;
    if idle_expired || too_old {
        sessions::delete(state.db.pool(), &hash).await?;
        return Ok(None);
    }
    if now - session.last_seen_at > TOUCH_EVERY {
        sessions::touch(state.db.pool(), &hash, now).await?;
    }
    Ok(Some(CurrentUser {
        user_id: session.user_id,
        email: session.email,
        display_name: session.display_name,
        organisation_id: session.organisation_id,
        organisation_name: session.organisation_name,
        role: session.role,
        locale: session.locale,
        session_hash: hash,
    }))
}

/// Remembers the UI language a signed-in person chose (`None`: follow their browser).
pub async fn set_locale(
    state: &AppState,
    user: &CurrentUser,
    locale: Option<Locale>,
) -> AppResult<()> {
    accounts::set_locale(state.db.pool(), &user.user_id, locale).await?;
    Ok(())
}

/// Deletes expired sessions and old sign-in failures; run periodically.
pub async fn purge_expired(state: &AppState) -> AppResult<u64> {
    let now = state.clock.now();
    let sessions = sessions::delete_expired(
        state.db.pool(),
        now - state.auth.session_idle_timeout,
        now - state.auth.session_max_age,
    )
    .await?;
    let failures =
        sign_in_failures::prune(state.db.pool(), now - state.auth.failure_window).await?;
    Ok(sessions + failures)
}

/// The `Set-Cookie` value for a new session.
pub fn session_cookie(state: &AppState, token: &str) -> String {
    let secure = if state.auth.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    format!(
        "{}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
        state.auth.session_cookie_name(),
        state.auth.session_max_age.num_seconds()
    )
}

/// The `Set-Cookie` value that removes the session cookie.
pub fn clear_session_cookie(state: &AppState) -> String {
    let secure = if state.auth.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    format!(
        "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}",
        state.auth.session_cookie_name()
    )
}
