//! A hiring panel for tests: Acme with Ana (admin) and three interviewers (Ben, Cleo, Dan),
//! a role with one interview stage each, and a candidate, set up through the JSON API.

use crate::api::{admin_with_token, create_token, join_acme, Api};
use crate::TestApp;
use serde_json::{json, Value};

pub const XFL: &str = "cross-functional-leadership";
pub const BRIDGE: &str = "bridging-marketing-sales";
pub const CS: &str = "cs-friction";
pub const CHANGE: &str = "change-leadership";

/// Acme with Ana (admin) and three interviewers, a role with one stage each, a candidate.
pub struct Panel<'a> {
    /// The interviewers' signed-in browsers: Ben, Cleo, Dan.
    pub browsers: [reqwest::Client; 3],
    pub ana: Api<'a>,
    pub ben: Api<'a>,
    pub cleo: Api<'a>,
    pub dan: Api<'a>,
    pub role: String,
    pub candidate: String,
    /// Stage ids of Ben, Cleo and Dan.
    pub stages: [String; 3],
}

pub async fn panel<'a>(app: &'a TestApp, visibility: Option<&str>) -> Panel<'a> {
    let ana = Api::new(app, &admin_with_token(app).await);
    let mut members = Vec::new();
    let mut browsers = Vec::new();
    for (name, email) in [
        ("Ben Ode", "ben@acme.test"),
        ("Cleo Park", "cleo@acme.test"),
        ("Dan Yu", "dan@acme.test"),
    ] {
        let browser = join_acme(app, name, email).await;
        members.push(Api::new(app, &create_token(app, &browser, "script").await));
        browsers.push(browser);
    }
    let mut body = json!({"title": "VP Revenue Operations", "rubric": "revops-leader"});
    if let Some(visibility) = visibility {
        body["visibility"] = json!(visibility);
    }
    let (status, role) = ana.post("/api/v1/roles", body).await;
    assert_eq!(status, 201, "{role}");
    let role_id = role["id"].as_str().unwrap().to_owned();
    let member_id = |name: &str| {
        role["members"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["name"] == name)
            .map(|m| m["id"].as_str().unwrap().to_owned())
            .unwrap_or_else(|| panic!("{name} is not listed in {role}"))
    };
    let plan = [
        ("Ben Ode", "Leadership", [XFL, BRIDGE, CS].to_vec()),
        (
            "Cleo Park",
            "Marketing and sales",
            [XFL, BRIDGE, CS].to_vec(),
        ),
        ("Dan Yu", "Change", [BRIDGE, CS, CHANGE].to_vec()),
    ];
    let mut stages = Vec::new();
    for (name, stage, focus) in plan {
        let (status, role) = ana
            .post(
                &format!("/api/v1/roles/{role_id}/stages"),
                json!({"name": stage, "interviewer": member_id(name), "focus": focus}),
            )
            .await;
        assert_eq!(status, 201, "{role}");
        let last = role["stages"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(last["interviewer_name"], name);
        stages.push(last["id"].as_str().unwrap().to_owned());
    }
    let (status, candidate) = ana
        .post(
            &format!("/api/v1/roles/{role_id}/candidates"),
            json!({
                "name": "Rita Quinn",
                "current_title": "Director of Sales Operations",
                "career": [
                    {"title": "Marketing analyst", "function": "marketing", "years": 2},
                    {"title": "Sales ops manager", "function": "sales", "years": 4.5},
                    {"title": "CS ops lead", "function": "customer-success", "years": 1.5}
                ]
            }),
        )
        .await;
    assert_eq!(status, 201, "{candidate}");
    let [ben, cleo, dan] = <[Api; 3]>::try_from(members).ok().unwrap();
    Panel {
        browsers: <[reqwest::Client; 3]>::try_from(browsers).unwrap(),
        ana,
        ben,
        cleo,
        dan,
        role: role_id,
        candidate: candidate["id"].as_str().unwrap().to_owned(),
        stages: <[String; 3]>::try_from(stages).unwrap(),
    }
}

impl Panel<'_> {
    pub fn scorecard_path(&self, stage: usize) -> String {
        format!(
            "/api/v1/interviews/{}/candidates/{}/scorecard",
            self.stages[stage], self.candidate
        )
    }

    /// Saves (`submit` false) or submits a scorecard for `stage` as `who`.
    pub async fn score(
        &self,
        who: &Api<'_>,
        stage: usize,
        ratings: &[(&str, &str, &str)],
        recommendation: &str,
        submit: bool,
    ) -> (u16, Value) {
        let ratings: serde_json::Map<String, Value> = ratings
            .iter()
            .map(|(id, rating, evidence)| {
                (
                    id.to_string(),
                    json!({"rating": rating, "evidence": evidence}),
                )
            })
            .collect();
        let body = json!({
            "ratings": ratings,
            "recommendation": recommendation,
            "takeaways": "Take-aways.",
        });
        let path = self.scorecard_path(stage);
        if submit {
            who.post(&format!("{path}/submit"), body).await
        } else {
            who.put(&path, body).await
        }
    }

    pub async fn scorecards(&self, who: &Api<'_>) -> Value {
        let (status, body) = who
            .get(&format!("/api/v1/candidates/{}/scorecards", self.candidate))
            .await;
        assert_eq!(status, 200, "{body}");
        body
    }

    pub async fn debrief(&self, who: &Api<'_>) -> (u16, Value) {
        who.get(&format!("/api/v1/candidates/{}/debrief", self.candidate))
            .await
    }
}
