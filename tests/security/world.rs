//! One populated server the route-walking tests share: two organisations, the six kinds of
//! visitor the authorisation matrix knows, and an object behind every route parameter
//! (with spares for the routes that use one up, such as closing a campaign).

use revalign_tests::api::{create_token, other_organisation_token, Api};
use revalign_tests::{location, TestApp, PASSWORD};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// Who is asking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Actor {
    /// No cookie, no token.
    Anonymous,
    /// Someone who opened a campaign's invitation link and answers it; no account.
    Respondent,
    /// A member of Acme who interviews for the role the routes point at.
    Member,
    /// A member of Acme who interviews for another role only.
    OtherInterviewer,
    /// The admin of another organisation (Globex).
    OtherAdmin,
    /// Acme's admin (its owner).
    Admin,
}

impl Actor {
    /// In the order a matrix row is walked: the admin last, so that a route that uses its
    /// object up (closing, withdrawing) is refused to everyone else first.
    pub const ALL: [Actor; 6] = [
        Actor::Anonymous,
        Actor::Respondent,
        Actor::Member,
        Actor::OtherInterviewer,
        Actor::OtherAdmin,
        Actor::Admin,
    ];
}

/// A visitor: a browser (cookies) and, for people with accounts, an API token.
pub struct Visitor {
    pub browser: reqwest::Client,
    pub token: Option<String>,
}

pub struct World {
    pub app: TestApp,
    pub visitors: BTreeMap<Actor, Visitor>,
    /// Route parameter values by name, e.g. `campaign`, `link_token`; see [`World::build`].
    pub values: BTreeMap<&'static str, String>,
}

impl World {
    pub async fn build(app: TestApp) -> World {
        let mut values = BTreeMap::new();
        app.sign_up("Acme", "Ana Admin", "ana@acme.test", PASSWORD)
            .await;
        let ana_token = create_token(&app, &app.client, "Ana's script").await;
        let ana = Api::new(&app, &ana_token);
        let ben = app
            .join_as_member("Ben Member", "ben@acme.test", PASSWORD)
            .await;
        let ben_token = create_token(&app, &ben, "Ben's script").await;
        create_token(&app, &ben, "Ben's spare").await;
        let settings = app.page_as(&ben, "/settings").await;
        let spare = &settings[settings
            .find("Ben's spare")
            .expect("the spare token listed")..];
        values.insert("spare_token", first_action_id(spare, "/settings/tokens/"));
        let ivy = app
            .join_as_member("Ivy Interviewer", "ivy@acme.test", PASSWORD)
            .await;
        let ivy_token = create_token(&app, &ivy, "Ivy's script").await;
        let (gus, gus_token) = other_organisation_token(&app).await;

        // Assessments: the campaign every route points at, and spares to close and withdraw.
        let campaign = ana
            .launch_named("Baseline", &["marketing", "sales"], 3)
            .await;
        let link = ana.function_link(&campaign, "sales").await;
        for (name, spare) in [
            ("form_spare_link", "Spare A"),
            ("api_spare_link", "Spare B"),
        ] {
            let added = app
                .post_form(
                    &format!("/assessments/{campaign}/links"),
                    &[("function", "sales"), ("person_name", spare)],
                )
                .await;
            assert_eq!(added.status(), 303, "person link added");
            let (_, links) = ana
                .get(&format!("/api/v1/campaigns/{campaign}/invitations"))
                .await;
            values.insert(name, link_id(&links, spare));
        }
        values.insert(
            "form_spare_campaign",
            ana.launch_named("Spare one", &["sales"], 3).await,
        );
        values.insert(
            "api_spare_campaign",
            ana.launch_named("Spare two", &["sales"], 3).await,
        );
        values.insert("campaign", campaign);
        values.insert(
            "link_token",
            link.strip_prefix("/a/")
                .expect("a respondent link")
                .to_owned(),
        );
        values.insert("initiative", "joint-planning-cycle".to_owned());

        // The respondent has opened the link and started.
        let respondent = TestApp::browser_like_client();
        let started = app
            .post_form_as(&respondent, &format!("{link}/start"), &[])
            .await;
        assert_eq!(started.status(), 303, "the respondent starts");

        // Hiring: Ben interviews for the role the routes point at, Ivy for another one.
        let (role, stage, candidate) = open_role(&ana, "VP Revenue Operations", "Ben Member").await;
        open_role(&ana, "Head of Sales Operations", "Ivy Interviewer").await;
        values.insert("role", role);
        values.insert("stage", stage);
        values.insert("candidate", candidate);

        // Organisation invites: one to revoke, one to accept.
        for (name, note) in [("spare_invite", "to revoke"), ("invite_token", "to accept")] {
            let created = app
                .post_form("/settings/invites", &[("role", "member"), ("note", note)])
                .await;
            assert_eq!(location(&created), "/settings");
            let page = app.page("/settings").await;
            if name == "invite_token" {
                values.insert(name, shown_invite_token(&page));
            } else {
                values.insert(name, last_action_id(&page, "/settings/invites/"));
            }
        }
        let members = app.page("/settings").await;
        let remove = remove_path(&members, "Ivy Interviewer");
        let ivy_id = remove
            .strip_prefix("/settings/members/")
            .and_then(|rest| rest.strip_suffix("/remove"))
            .expect("a member's remove path");
        values.insert("member_to_remove", ivy_id.to_owned());

        let visitors = BTreeMap::from([
            (
                Actor::Anonymous,
                Visitor {
                    browser: TestApp::browser_like_client(),
                    token: None,
                },
            ),
            (
                Actor::Respondent,
                Visitor {
                    browser: respondent,
                    token: None,
                },
            ),
            (
                Actor::Member,
                Visitor {
                    browser: ben,
                    token: Some(ben_token),
                },
            ),
            (
                Actor::OtherInterviewer,
                Visitor {
                    browser: ivy,
                    token: Some(ivy_token),
                },
            ),
            (
                Actor::OtherAdmin,
                Visitor {
                    browser: gus,
                    token: Some(gus_token),
                },
            ),
            (
                Actor::Admin,
                Visitor {
                    browser: app.client.clone(),
                    token: Some(ana_token),
                },
            ),
        ]);
        World {
            app,
            visitors,
            values,
        }
    }

    /// `path` with every `{name}` replaced by the value of that name.
    pub fn fill(&self, path: &str) -> String {
        let mut filled = path.to_owned();
        for (name, value) in &self.values {
            filled = filled.replace(&format!("{{{name}}}"), value);
        }
        let unfilled = filled
            .split('{')
            .skip(1)
            .any(|rest| rest.starts_with(|c: char| c.is_ascii_lowercase()));
        assert!(
            !unfilled,
            "no value for a parameter of {path} (known: {:?})",
            self.values.keys()
        );
        filled
    }
}

/// Opens a role with one interview stage by the member named `interviewer` and one
/// candidate; returns the ids of the role, the stage and the candidate.
pub(crate) async fn open_role(
    ana: &Api<'_>,
    title: &str,
    interviewer: &str,
) -> (String, String, String) {
    let (status, opened) = ana
        .post(
            "/api/v1/roles",
            json!({"title": title, "rubric": "revops-leader"}),
        )
        .await;
    assert_eq!(status, 201, "{opened}");
    let role = opened["id"].as_str().unwrap().to_owned();
    let interviewer = opened["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == interviewer)
        .and_then(|m| m["id"].as_str())
        .unwrap_or_else(|| panic!("{interviewer} is not a member: {opened}"));
    let (status, view) = ana
        .post(
            &format!("/api/v1/roles/{role}/stages"),
            json!({
                "name": "Leadership",
                "interviewer": interviewer,
                "focus": ["cross-functional-leadership", "bridging-marketing-sales"],
            }),
        )
        .await;
    assert_eq!(status, 201, "{view}");
    let stage = view["stages"][0]["id"].as_str().unwrap().to_owned();
    let (status, candidate) = ana
        .post(
            &format!("/api/v1/roles/{role}/candidates"),
            json!({"name": format!("Candidate for {title}"), "current_title": "Director"}),
        )
        .await;
    assert_eq!(status, 201, "{candidate}");
    (role, stage, candidate["id"].as_str().unwrap().to_owned())
}

fn link_id(links: &Value, person: &str) -> String {
    links
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["person_name"] == person)
        .and_then(|l| l["id"].as_str())
        .unwrap_or_else(|| panic!("no link for {person}: {links}"))
        .to_owned()
}

/// The id in the last form action under `prefix` on a page, e.g. the newest token's
/// `/settings/tokens/{id}/revoke`.
fn last_action_id(page: &str, prefix: &str) -> String {
    let needle = format!("action=\"{prefix}");
    id_after(page, page.rfind(&needle), &needle)
}

/// The id in the first form action under `prefix` on a page.
fn first_action_id(page: &str, prefix: &str) -> String {
    let needle = format!("action=\"{prefix}");
    id_after(page, page.find(&needle), &needle)
}

/// The path segment after `needle`, found at `at`.
fn id_after(page: &str, at: Option<usize>, needle: &str) -> String {
    let start = at.unwrap_or_else(|| panic!("no form with {needle}…")) + needle.len();
    page[start..start + page[start..].find('/').unwrap()].to_owned()
}

/// The path the settings page's "Remove" form for the member `name` posts to.
pub(crate) fn remove_path(settings: &str, name: &str) -> String {
    let label = format!("aria-label=\"Remove {name} from the organisation\"");
    let before = &settings[..settings
        .find(&label)
        .unwrap_or_else(|| panic!("no Remove button for {name}"))];
    let start = before.rfind("action=\"").expect("the form's action") + "action=\"".len();
    before[start..start + before[start..].find('"').unwrap()].to_owned()
}

/// The token of the invite link the settings page shows once after creating it.
fn shown_invite_token(page: &str) -> String {
    let start = page.find("/invites/").expect("the new invite link") + "/invites/".len();
    let end = page[start..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap()
        + start;
    page[start..end].to_owned()
}
