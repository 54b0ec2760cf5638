//! Demo data for a first look: one organisation and its admin, created only into an empty
//! database.

use app::db::accounts;
use app::error::AppResult;
use app::services::auth::{self, SignUp};
use app::state::AppState;

pub const DEMO_EMAIL: &str = "demo@revalign.test";
pub const DEMO_PASSWORD: &str = "revalign-demo";

/// Creates the demo organisation unless the database already has users.
/// Returns true when it was created now.
pub async fn seed(state: &AppState) -> AppResult<bool> {
    if accounts::count_users(state.db.pool()).await? > 0 {
        return Ok(false);
    }
    auth::sign_up(
        state,
        &SignUp {
            organisation_name: "Northwind Demo".into(),
            display_name: "Dana Demo".into(),
            email: DEMO_EMAIL.into(),
            password: DEMO_PASSWORD.into(),
        },
    )
    .await?;
    Ok(true)
}
