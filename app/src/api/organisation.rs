use crate::error::AppError;
use crate::models::{OrganisationView, PublicInvite};
use leptos::prelude::*;

/// Members and invites of the caller's organisation.
#[server(prefix = "/_fn", endpoint = "organisation")]
pub async fn get_organisation() -> Result<OrganisationView, AppError> {
    let user = super::context::require_user()?;
    crate::services::organisations::overview(&super::context::state()?, &user).await
}

/// The invite behind a link, as anyone holding the link may see it.
#[server(prefix = "/_fn", endpoint = "invite")]
pub async fn get_invite(token: String) -> Result<PublicInvite, AppError> {
    crate::services::organisations::public_invite(&super::context::state()?, &token).await
}
