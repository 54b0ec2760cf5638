use crate::error::AppError;
use crate::models::{OrganisationView, Page, PublicInvite};
use leptos::prelude::*;

/// Members and invites of the caller's organisation (dashboard and settings).
#[server(prefix = "/_fn", endpoint = "organisation_page")]
pub async fn organisation_page() -> Result<Page<OrganisationView>, AppError> {
    let user = super::context::require_user()?;
    let organisation =
        crate::services::organisations::overview(&super::context::state()?, &user).await?;
    super::context::page(organisation)
}

/// The invite behind a link, as anyone holding the link may see it.
#[server(prefix = "/_fn", endpoint = "invite_page")]
pub async fn invite_page(token: String) -> Result<Page<PublicInvite>, AppError> {
    let invite =
        crate::services::organisations::public_invite(&super::context::state()?, &token).await?;
    super::context::page(invite)
}
