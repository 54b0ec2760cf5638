use crate::error::AppError;
use crate::models::{OrganisationView, Page, PublicInvite};
use leptos::prelude::*;

/// Members and invites of the caller's organisation (dashboard and settings).
#[server(prefix = "/_fn", endpoint = "organisation_page")]
pub async fn organisation_page() -> Result<Page<OrganisationView>, AppError> {
    use super::context::{answer, page, require_user, state};
    answer(async move {
        let user = require_user()?;
        page(crate::services::organisations::overview(&state()?, &user).await?)
    })
    .await
}

/// The invite behind a link, as anyone holding the link may see it.
#[server(prefix = "/_fn", endpoint = "invite_page")]
pub async fn invite_page(token: String) -> Result<Page<PublicInvite>, AppError> {
    use super::context::{answer, page, state};
    answer(async move { page(crate::services::organisations::public_invite(&state()?, &token).await?) })
        .await
}
