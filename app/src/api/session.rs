use crate::error::AppError;
use crate::models::Page;
use leptos::prelude::*;

/// The frame of a page anyone may see: who is signed in and the last form's outcome.
#[server(prefix = "/_fn", endpoint = "public_page")]
pub async fn public_page() -> Result<Page<()>, AppError> {
    super::context::page(())
}
