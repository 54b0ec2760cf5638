//! Demo data for a first look: one organisation, its admin, and an assessment with answers
//! from marketing, sales and customer success, created only into an empty database.

use app::db::{accounts, campaigns};
use app::domain::model::Function;
use app::error::{AppError, AppResult};
use app::services::assessments::{self, LaunchCampaign};
use app::services::auth::{self, SignUp};
use app::services::questionnaire::{self, SubmittedAnswer};
use app::state::AppState;

pub const DEMO_EMAIL: &str = "demo@revalign.test";
pub const DEMO_PASSWORD: &str = "revalign-demo";

/// Creates the demo organisation unless the database already has users.
/// Returns true when it was created now.
pub async fn seed(state: &AppState) -> AppResult<bool> {
    if accounts::count_users(state.db.pool()).await? > 0 {
        return Ok(false);
    }
    let session = auth::sign_up(
        state,
        &SignUp {
            organisation_name: "Northwind Demo".into(),
            display_name: "Dana Demo".into(),
            email: DEMO_EMAIL.into(),
            password: DEMO_PASSWORD.into(),
        },
    )
    .await?;
    let admin = auth::authenticate(state, &session.token)
        .await?
        .ok_or(AppError::Internal)?;
    auth::sign_out(state, &session.token).await?;
    if state.content.current_model("revops-maturity").is_some() {
        seed_assessment(state, &admin).await?;
    }
    Ok(true)
}

/// How each function sees the eight dimensions (alignment, planning, handoffs, data, tech
/// stack, leadership, lifecycle, incentives): sales rates most things higher than marketing
/// and customer success do, the perception gaps a real first assessment often shows.
fn profile(function: Function) -> [u8; 8] {
    match function {
        Function::Sales => [4, 3, 4, 3, 3, 3, 3, 4],
        Function::CustomerSuccess => [2, 2, 1, 2, 2, 2, 3, 2],
        _ => [2, 2, 2, 3, 2, 2, 2, 2],
    }
}

async fn seed_assessment(state: &AppState, admin: &auth::CurrentUser) -> AppResult<()> {
    let campaign = assessments::launch(
        state,
        admin,
        &LaunchCampaign {
            name: "RevOps baseline (demo)".into(),
            model_id: "revops-maturity".into(),
            functions: vec![
                "marketing".into(),
                "sales".into(),
                "customer-success".into(),
            ],
            closes_on: String::new(),
            min_group_size: "3".into(),
        },
    )
    .await?;
    let model = state
        .content
        .current_model("revops-maturity")
        .ok_or(AppError::Internal)?
        .model
        .clone();
    for link in campaigns::list_links(state.db.pool(), &campaign).await? {
        let people = match link.function {
            Function::Sales => 5,
            Function::Marketing => 4,
            _ => 4,
        };
        for person in 0..people {
            let started = questionnaire::start(state, &link.token, None).await?;
            let resume = started.resume_token.ok_or(AppError::Internal)?;
            let base = profile(link.function);
            let mut answers = Vec::new();
            for (d, dimension) in model.dimensions.iter().enumerate() {
                for (q, question) in dimension.questions.iter().enumerate() {
                    let value = if (person + d + q) % 13 == 0 {
                        "dont-know".to_owned()
                    } else {
                        let wobble = ((person + q) % 3) as i32 - 1;
                        (i32::from(base[d]) + wobble).clamp(1, 5).to_string()
                    };
                    answers.push(SubmittedAnswer {
                        question_id: question.id.clone(),
                        value,
                        comment: String::new(),
                    });
                }
            }
            // The last customer-success person stopped half-way: an "in progress" response.
            let half_way = link.function == Function::CustomerSuccess && person == people - 1;
            if half_way {
                answers.truncate(answers.len() / 2);
            }
            questionnaire::save(state, &link.token, Some(&resume), &answers).await?;
            if !half_way {
                questionnaire::submit(state, &link.token, Some(&resume)).await?;
            }
        }
    }
    Ok(())
}
