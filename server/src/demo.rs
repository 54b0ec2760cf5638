//! Demo data for a first look: one organisation, its admin, an assessment with answers
//! from marketing, sales and customer success, and a RevOps-leader role with two candidates
//! and a panel of three, created only into an empty database.

use app::db::{accounts, campaigns};
use app::domain::model::Function;
use app::error::{AppError, AppResult};
use app::services::assessments::{self, LaunchCampaign};
use app::services::auth::{self, SignUp};
use app::services::hiring::{self, AddCandidate, AddStage, OpenRole, ScorecardInput};
use app::services::organisations;
use app::services::questionnaire::{self, SubmittedAnswer};
use app::services::tokens::new_token;
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
    if state.content.current_rubric("revops-leader").is_some() {
        seed_hiring(state, &admin).await?;
    }
    Ok(true)
}

/// A member who joins through an invite, with a random password nobody knows: a sample
/// interviewer whose scorecards the demo admin can read.
async fn demo_member(
    state: &AppState,
    admin: &auth::CurrentUser,
    name: &str,
    email: &str,
) -> AppResult<auth::CurrentUser> {
    let invite = organisations::create_invite(state, admin, "member", name).await?;
    let session =
        auth::sign_up_with_invite(state, &invite.token, name, email, &new_token()).await?;
    let member = auth::authenticate(state, &session.token)
        .await?
        .ok_or(AppError::Internal)?;
    auth::sign_out(state, &session.token).await?;
    Ok(member)
}

fn scorecard(
    ratings: &[(&str, &str, &str)],
    recommendation: &str,
    takeaways: &str,
) -> ScorecardInput {
    ScorecardInput {
        ratings: ratings
            .iter()
            .map(|(id, rating, evidence)| {
                (id.to_string(), (rating.to_string(), evidence.to_string()))
            })
            .collect(),
        recommendation: recommendation.into(),
        takeaways: takeaways.into(),
    }
}

/// "VP Revenue Operations (demo)": the demo admin, Priya (marketing) and Tom (customer
/// success) interview; Priya and Tom have scored Jordan on two shared competencies and
/// disagree on cross-functional leadership, so the debrief has a flag and an alpha; the
/// admin's own interviews are still open.
async fn seed_hiring(state: &AppState, admin: &auth::CurrentUser) -> AppResult<()> {
    let priya = demo_member(state, admin, "Priya Shah", "priya@revalign.test").await?;
    let tom = demo_member(state, admin, "Tom Berg", "tom@revalign.test").await?;
    let role = hiring::open_role(
        state,
        admin,
        &OpenRole {
            title: "VP Revenue Operations (demo)".into(),
            rubric_id: "revops-leader".into(),
            visibility: String::new(),
        },
    )
    .await?;
    let plan = [
        (
            "Leadership interview",
            &admin.user_id,
            [
                "cross-functional-leadership",
                "diplomacy-influence",
                "change-leadership",
            ],
        ),
        (
            "Marketing and sales panel",
            &priya.user_id,
            [
                "cross-functional-leadership",
                "bridging-marketing-sales",
                "planning-kpi-design",
            ],
        ),
        (
            "Customer success panel",
            &tom.user_id,
            [
                "cross-functional-leadership",
                "cs-friction",
                "planning-kpi-design",
            ],
        ),
    ];
    let mut stages = Vec::new();
    for (name, interviewer, focus) in plan {
        let form = AddStage {
            name: name.into(),
            interviewer_id: interviewer.clone(),
            focus: focus.iter().map(|f| f.to_string()).collect(),
        };
        stages.push(hiring::add_stage(state, admin, &role, &form).await?);
    }
    let career = |rows: &[(&str, &str, &str)]| {
        rows.iter()
            .map(|(t, f, y)| (t.to_string(), f.to_string(), y.to_string()))
            .collect()
    };
    let jordan = hiring::add_candidate(
        state,
        admin,
        &role,
        &AddCandidate {
            name: "Jordan Lee".into(),
            current_title: "Director of Sales Operations".into(),
            career: career(&[
                ("Marketing analyst", "marketing", "2"),
                ("Sales operations manager", "sales", "4"),
                ("Director of Sales Operations", "operations", "3"),
            ]),
        },
    )
    .await?;
    let sam = hiring::add_candidate(
        state,
        admin,
        &role,
        &AddCandidate {
            name: "Sam Rivera".into(),
            current_title: "Head of Marketing Operations".into(),
            career: career(&[
                ("Customer success manager", "customer-success", "3"),
                ("Marketing operations lead", "marketing", "5"),
            ]),
        },
    )
    .await?;
    let submissions = [
        (&priya, &stages[1], &jordan, scorecard(&[
            ("cross-functional-leadership", "4", "Led the joint pipeline review with the CMO and CRO for two years; showed the **conversion** figures."),
            ("bridging-marketing-sales", "3", "Rewrote the lead definition with both teams; routing disputes fell."),
            ("planning-kpi-design", "3", "Built one funnel model for marketing and sales targets."),
        ], "strong-yes", "Strong on bridging marketing and sales; probe customer success depth.")),
        (&tom, &stages[2], &jordan, scorecard(&[
            ("cross-functional-leadership", "2", "Examples stayed inside sales; customer success appeared as a requester."),
            ("cs-friction", "2", "Could not name a renewal handoff problem they had fixed."),
            ("planning-kpi-design", "2", "Planned customer success capacity after the sales plan was set, not with it."),
        ], "no", "Sales-ops centred; little evidence of working with customer success.")),
        (&priya, &stages[1], &sam, scorecard(&[
            ("cross-functional-leadership", "3", "Ran the quarterly planning forum for marketing and CS."),
            ("bridging-marketing-sales", "2", "Knows the marketing side well; sales examples were second-hand."),
            ("planning-kpi-design", "4", "Designed shared pipeline KPIs that finance adopted."),
        ], "yes", "Broad career; check the sales side in the leadership interview.")),
    ];
    for (who, stage, candidate, input) in submissions {
        hiring::save_scorecard(state, who, stage, candidate, &input, true).await?;
    }
    Ok(())
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
