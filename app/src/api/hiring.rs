//! Page loaders for hiring: roles, candidates, interviews and the debrief. Members of the
//! organisation only; what each may read is decided in `services::hiring`.

use crate::error::AppError;
use crate::models::hiring::{
    CandidateView, DebriefView, InterviewKit, MyInterview, RoleList, RoleView,
};
use crate::models::Page;
use leptos::prelude::*;

/// The organisation's roles.
#[server(prefix = "/_fn", endpoint = "roles_page")]
pub async fn roles_page() -> Result<Page<RoleList>, AppError> {
    use super::context::{answer, page, require_user, state};
    answer(async move {
        let user = require_user()?;
        page(crate::services::hiring::list_roles(&state()?, &user).await?)
    })
    .await
}

/// One role with its plan and candidates.
#[server(prefix = "/_fn", endpoint = "role_page")]
pub async fn role_page(id: String) -> Result<Page<RoleView>, AppError> {
    use super::context::{answer, page, require_user, state};
    answer(async move {
        let user = require_user()?;
        page(crate::services::hiring::role(&state()?, &user, &id).await?)
    })
    .await
}

/// One candidate.
#[server(prefix = "/_fn", endpoint = "candidate_page")]
pub async fn candidate_page(id: String) -> Result<Page<CandidateView>, AppError> {
    use super::context::{answer, page, require_user, state};
    answer(async move {
        let user = require_user()?;
        page(crate::services::hiring::candidate(&state()?, &user, &id).await?)
    })
    .await
}

/// A candidate's debrief.
#[server(prefix = "/_fn", endpoint = "debrief_page")]
pub async fn debrief_page(id: String) -> Result<Page<DebriefView>, AppError> {
    use super::context::{answer, page, require_user, state};
    answer(async move {
        let user = require_user()?;
        page(crate::services::hiring::debrief(&state()?, &user, &id).await?)
    })
    .await
}

/// The interviews the viewer conducts.
#[server(prefix = "/_fn", endpoint = "interviews_page")]
pub async fn interviews_page() -> Result<Page<Vec<MyInterview>>, AppError> {
    use super::context::{answer, page, require_user, state};
    answer(async move {
        let user = require_user()?;
        page(crate::services::hiring::my_interviews(&state()?, &user).await?)
    })
    .await
}

/// One interview: the kit and the viewer's own scorecard.
#[server(prefix = "/_fn", endpoint = "interview_page")]
pub async fn interview_page(
    stage: String,
    candidate: String,
) -> Result<Page<InterviewKit>, AppError> {
    use super::context::{answer, page, require_user, state};
    answer(async move {
        let user = require_user()?;
        page(crate::services::hiring::interview_kit(&state()?, &user, &stage, &candidate).await?)
    })
    .await
}
