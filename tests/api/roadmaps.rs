//! Roadmaps and the executive report: the plan from the results, people's moves, drops,
//! owners and done marks kept across re-planning with their history, validation, who may
//! read and change what, the comparison with an earlier campaign, and the exports (report
//! Markdown, results and roadmap CSV and JSON) through the pages and the JSON API.

use crate::assessments::Respondent;
use crate::rest::{admin_with_token, create_token, join_acme, other_organisation_token, Api};
use revalign_tests::{location, on_both_backends, Backend, TestApp};
use serde_json::{json, Value};

on_both_backends!(
    the_roadmap_plans_from_the_gaps_and_keeps_moves_and_drops_when_re_planned,
    settings_and_decisions_are_validated_and_bad_input_changes_nothing,
    members_read_the_roadmap_but_only_executives_change_it_and_other_organisations_get_404,
    a_done_initiative_stays_in_place_and_the_next_campaign_compares_against_the_last,
    exports_match_the_numbers_on_the_page_and_leave_out_small_functions,
    the_report_shows_every_section_and_the_hiring_status,
    simultaneous_changes_to_one_initiative_are_all_kept,
    results_and_the_roadmap_follow_each_new_submission,
    the_roadmap_reads_in_the_readers_language_history_included,
);

/// One respondent through a function link, answering step i (dimension i) with values[i].
async fn respond(app: &TestApp, link: &str, values: &[&str; 8]) {
    let respondent = Respondent::new(app, link);
    respondent.start().await;
    respondent.answer_steps(values).await;
    assert_eq!(
        location(&respondent.submit().await),
        format!("{link}/thanks")
    );
}

const MARKETING: [&str; 8] = ["4", "3", "3", "3", "3", "2", "3", "3"];
const SALES: [&str; 8] = ["2", "2", "2", "1", "2", "1", "2", "2"];

/// Acme with Ana (admin, token) and a campaign answered by two marketing and two sales
/// people (shown at a threshold of 2) and one each from customer success and finance (not
/// shown on their own).
async fn answered(app: &TestApp) -> (Api<'_>, String) {
    let ana = Api::new(app, &admin_with_token(app).await);
    let campaign = ana
        .launch(&["marketing", "sales", "customer-success", "finance"], 2)
        .await;
    for (function, values, count) in [
        ("marketing", MARKETING, 2),
        ("sales", SALES, 2),
        ("customer-success", ["1"; 8], 1),
        ("finance", ["5"; 8], 1),
    ] {
        let link = ana.function_link(&campaign, function).await;
        for _ in 0..count {
            respond(app, &link, &values).await;
        }
    }
    (ana, campaign)
}

fn scheduled(roadmap: &Value) -> Vec<(usize, String, bool)> {
    roadmap["phases"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| {
            let index = p["index"].as_u64().unwrap() as usize;
            p["initiatives"].as_array().unwrap().iter().map(move |i| {
                (
                    index,
                    i["id"].as_str().unwrap().to_owned(),
                    i["pinned"].as_bool().unwrap(),
                )
            })
        })
        .collect()
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_owned())
        .collect()
}

fn item<'v>(roadmap: &'v Value, id: &str) -> &'v Value {
    roadmap["phases"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["initiatives"].as_array().unwrap())
        .chain(roadmap["unscheduled"].as_array().unwrap())
        .chain(roadmap["dropped"].as_array().unwrap())
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("{id} is nowhere in the roadmap"))
}

/// One decimal, half away from zero, as pages and exports write levels.
fn level(value: f64) -> String {
    format!("{:.1}", (value * 10.0).round() / 10.0)
}

async fn the_roadmap_plans_from_the_gaps_and_keeps_moves_and_drops_when_re_planned(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let (ana, campaign) = answered(&app).await;
    let path = format!("/api/v1/campaigns/{campaign}/roadmap");
    let (status, roadmap) = ana.get(&path).await;
    assert_eq!(status, 200, "{roadmap}");
    assert_eq!(roadmap["settings"]["saved"], false);
    assert_eq!(roadmap["phases"].as_array().unwrap().len(), 4);
    assert_eq!(roadmap["can_edit"], true);

    // Current levels are the results' means; default targets one level up.
    let (_, results) = ana
        .get(&format!("/api/v1/campaigns/{campaign}/results"))
        .await;
    for (d, r) in roadmap["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .zip(results["results"]["dimensions"].as_array().unwrap())
    {
        let mean = r["summary"]["mean"].as_f64().unwrap();
        assert_eq!(d["id"], r["id"]);
        assert!((d["current"].as_f64().unwrap() - mean).abs() < 1e-9);
        assert!((d["target"].as_f64().unwrap() - (mean + 1.0).min(5.0)).abs() < 1e-9);
        assert_eq!(d["target_set"], false);
    }
    // The widest perception gap, marketing over sales on data, is named in a reason.
    let data = roadmap["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == "data")
        .unwrap();
    assert_eq!(data["perception_gap"]["high"], "Marketing");
    assert_eq!(data["perception_gap"]["low"], "Sales");
    assert!(
        roadmap
            .to_string()
            .contains("marketing and sales differ by 2.0"),
        "no reason names the data gap: {roadmap}"
    );

    let plan = scheduled(&roadmap);
    assert!(plan.len() >= 3, "a plan with something in it: {plan:?}");
    for phase in roadmap["phases"].as_array().unwrap() {
        assert!(
            phase["effort_weeks"].as_f64().unwrap() <= phase["capacity_weeks"].as_f64().unwrap()
        );
        for i in phase["initiatives"].as_array().unwrap() {
            assert!(!i["reason"].as_str().unwrap().is_empty());
        }
    }
    let first_phase: Vec<&(usize, String, bool)> = plan.iter().filter(|p| p.0 == 0).collect();
    assert!(
        first_phase.len() >= 2,
        "two initiatives in phase 1: {plan:?}"
    );
    let (moved, dropped) = (first_phase[0].1.clone(), first_phase[1].1.clone());

    let change = |id: &str, body: Value| {
        let ana = &ana;
        let path = format!("/api/v1/campaigns/{campaign}/roadmap/initiatives/{id}");
        async move { ana.post(&path, body).await }
    };
    let (status, after) = change(&moved, json!({"action": "move", "phase": 3})).await;
    assert_eq!(status, 200, "{after}");
    assert!(scheduled(&after).contains(&(2, moved.clone(), true)));
    let (status, after) = change(&dropped, json!({"action": "drop"})).await;
    assert_eq!(status, 200, "{after}");
    assert_eq!(ids(&after["dropped"]), [dropped.as_str()]);
    assert!(!scheduled(&after).iter().any(|p| p.1 == dropped));
    assert!(!ids(&after["unscheduled"]).contains(&dropped));

    // Re-plan with other settings: both choices stay.
    let (status, replanned) = ana
        .put(
            &format!("{path}/settings"),
            json!({
                "phases": 6,
                "capacity_weeks": 8,
                "phase_length": "month",
                "starts_on": "2027-02-01",
                "targets": {"data": 4.0, "alignment": null}
            }),
        )
        .await;
    assert_eq!(status, 200, "{replanned}");
    assert_eq!(replanned["settings"]["saved"], true);
    assert_eq!(replanned["phases"].as_array().unwrap().len(), 6);
    assert_eq!(replanned["phases"][0]["label"], "Phase 1 · Feb 2027");
    assert_eq!(replanned["phases"][5]["ends_on"], "2027-07-31");
    assert!(scheduled(&replanned).contains(&(2, moved.clone(), true)));
    assert_eq!(ids(&replanned["dropped"]), [dropped.as_str()]);
    let data = &replanned["dimensions"].as_array().unwrap()[3];
    assert_eq!(
        (
            data["id"].as_str(),
            data["target"].as_f64(),
            data["target_set"].as_bool()
        ),
        (Some("data"), Some(4.0), Some(true))
    );
    for phase in replanned["phases"].as_array().unwrap() {
        let unpinned: f64 = phase["initiatives"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["pinned"] == false)
            .map(|i| i["effort_weeks"].as_f64().unwrap())
            .sum();
        assert!(unpinned <= 8.0 + 1e-9, "phase over capacity: {phase}");
    }

    // The page shows the same: the moved one pinned in phase 3, the dropped one listed.
    let page = app.page(&format!("/assessments/{campaign}/roadmap")).await;
    let phase3 = page
        .split("id=\"phase-3\"")
        .nth(1)
        .and_then(|rest| rest.split("id=\"phase-4\"").next())
        .expect("phase 3 on the page");
    assert!(phase3.contains(&format!("id=\"initiative-{moved}\"")));
    let dropped_section = page
        .split("id=\"dropped\"")
        .nth(1)
        .expect("a dropped section");
    assert!(dropped_section.contains(&format!("id=\"initiative-{dropped}\"")));

    // Who changed what, newest first.
    let history: Vec<(String, String)> = replanned["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| {
            (
                h["who"].as_str().unwrap().to_owned(),
                h["what"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(history.len(), 3, "{history:?}");
    assert!(history.iter().all(|(who, _)| who == "Ana Admin"));
    assert!(history[0].1.starts_with("Changed the settings: phases 4 → 6; capacity 12 → 8 person-weeks per phase; phase length quarters → months; start "), "{}", history[0].1);
    assert!(
        history[0]
            .1
            .contains("target for Data and single source of truth default → 4.0"),
        "{}",
        history[0].1
    );
    assert!(history[1].1.starts_with("Dropped “"), "{}", history[1].1);
    assert!(
        history[2].1.starts_with("Moved “") && history[2].1.ends_with("from phase 1 to phase 3"),
        "{}",
        history[2].1
    );

    // Restoring gives the initiative back to the planner.
    let (status, restored) = change(&dropped, json!({"action": "restore"})).await;
    assert_eq!(status, 200);
    assert_eq!(restored["dropped"], json!([]));
    assert_eq!(item(&restored, &dropped)["pinned"], false);
}

async fn settings_and_decisions_are_validated_and_bad_input_changes_nothing(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (ana, campaign) = answered(&app).await;
    let path = format!("/api/v1/campaigns/{campaign}/roadmap");
    let (_, before) = ana.get(&path).await;

    let (status, body) = ana
        .put(
            &format!("{path}/settings"),
            json!({
                "phases": 0,
                "capacity_weeks": -1,
                "phase_length": "fortnight",
                "starts_on": "soon",
                "targets": {"nope": 3, "data": 9}
            }),
        )
        .await;
    assert_eq!(status, 422, "{body}");
    let fields: Vec<&String> = body["fields"].as_object().unwrap().keys().collect();
    assert_eq!(
        fields,
        [
            "capacity_weeks",
            "phase_length",
            "phases",
            "starts_on",
            "target.data",
            "target.nope"
        ]
    );
    assert!(body["fields"]["phases"]
        .as_str()
        .unwrap()
        .contains("from 1 to 12"));
    let (status, body) = ana
        .put(&format!("{path}/settings"), json!({"phases": "four"}))
        .await;
    assert_eq!(status, 422, "{body}");

    let first = scheduled(&before)[0].1.clone();
    let initiative = |id: &str| format!("{path}/initiatives/{id}");
    let (status, body) = ana
        .post(&initiative(&first), json!({"action": "move", "phase": 9}))
        .await;
    assert_eq!(status, 422);
    assert_eq!(body["fields"]["phase"], "Choose a phase from 1 to 4.");
    let (status, _) = ana
        .post(&initiative(&first), json!({"action": "explode"}))
        .await;
    assert_eq!(status, 422);
    let (status, body) = ana
        .post(
            &initiative(&first),
            json!({"action": "owner", "owner": "x".repeat(101)}),
        )
        .await;
    assert_eq!(status, 422);
    assert!(body["fields"]["owner"].is_string(), "{body}");
    let (status, _) = ana
        .post(&initiative("no-such-initiative"), json!({"action": "drop"}))
        .await;
    assert_eq!(status, 404);
    let (status, body) = ana
        .post(&initiative(&first), json!({"action": "not-done"}))
        .await;
    assert_eq!(status, 422);
    assert_eq!(body["message"], "This initiative is not marked done.");
    let (_, after) = ana.get(&path).await;
    assert_eq!(after["settings"], before["settings"]);
    assert_eq!(after["phases"], before["phases"]);
    assert_eq!(after["history"], json!([]), "nothing refused is recorded");

    // The plain form: back to the page with what to fix and what was typed.
    let response = app
        .post_form(
            &format!("/assessments/{campaign}/roadmap/settings"),
            &[
                ("phases", "4"),
                ("capacity_weeks", "lots"),
                ("phase_length", "quarter"),
                ("starts_on", "2027-01-01"),
                ("target.data", "3,5"),
            ],
        )
        .await;
    assert_eq!(
        location(&response),
        format!("/assessments/{campaign}/roadmap")
    );
    let page = app.page(&format!("/assessments/{campaign}/roadmap")).await;
    assert!(
        page.contains("Enter the person-weeks available per phase"),
        "no field message"
    );
    assert!(
        page.contains("value=\"lots\""),
        "the typed value is put back"
    );
    assert!(
        page.contains("value=\"3,5\""),
        "the typed target is put back"
    );
    let (_, after) = ana.get(&path).await;
    assert_eq!(after["settings"]["saved"], false);
}

async fn members_read_the_roadmap_but_only_executives_change_it_and_other_organisations_get_404(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let (_ana, campaign) = answered(&app).await;
    let ben_browser = join_acme(&app, "Ben Member", "ben@acme.test").await;
    let ben = Api::new(
        &app,
        &create_token(&app, &ben_browser, "Ben's script").await,
    );
    let path = format!("/api/v1/campaigns/{campaign}/roadmap");
    let (status, roadmap) = ben.get(&path).await;
    assert_eq!(status, 200);
    assert_eq!(roadmap["can_edit"], false);
    let first = scheduled(&roadmap)[0].1.clone();
    let (status, _) = ben
        .put(
            &format!("{path}/settings"),
            json!({"phases": 2, "capacity_weeks": 5, "phase_length": "quarter", "starts_on": "2027-01-01"}),
        )
        .await;
    assert_eq!(status, 403);
    let (status, _) = ben
        .post(
            &format!("{path}/initiatives/{first}"),
            json!({"action": "drop"}),
        )
        .await;
    assert_eq!(status, 403);
    let page = app
        .page_as(&ben_browser, &format!("/assessments/{campaign}/roadmap"))
        .await;
    assert!(page.contains("Owners and admins change these."));
    assert!(
        !page.contains("/roadmap/initiatives/"),
        "no controls for members"
    );
    let response = app
        .post_form_as(
            &ben_browser,
            &format!("/assessments/{campaign}/roadmap/initiatives/{first}"),
            &[("action", "drop")],
        )
        .await;
    assert_eq!(
        location(&response),
        format!("/assessments/{campaign}/roadmap")
    );
    let (_, after) = ben.get(&path).await;
    assert_eq!(
        after["dropped"],
        json!([]),
        "the member's drop changed nothing"
    );

    let (gus_browser, gus_token) = other_organisation_token(&app).await;
    let gus = Api::new(&app, &gus_token);
    for endpoint in [
        "roadmap",
        "report",
        "report.md",
        "results.csv",
        "roadmap.csv",
    ] {
        let response = gus
            .get_raw(&format!("/api/v1/campaigns/{campaign}/{endpoint}"))
            .await;
        assert_eq!(response.status(), 404, "{endpoint}");
    }
    let (status, _) = gus
        .post(
            &format!("{path}/initiatives/{first}"),
            json!({"action": "drop"}),
        )
        .await;
    assert_eq!(status, 404);
    for file in [
        "report.md",
        "results.csv",
        "results.json",
        "roadmap.csv",
        "roadmap.json",
    ] {
        let response = gus_browser
            .get(app.url(&format!("/assessments/{campaign}/{file}")))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 404, "{file}");
        let anonymous = TestApp::browser_like_client()
            .get(app.url(&format!("/assessments/{campaign}/{file}")))
            .send()
            .await
            .unwrap();
        assert_eq!(anonymous.status(), 303, "{file}");
        assert!(location(&anonymous).starts_with("/signin?next="));
    }
    let page = app
        .page_as(&gus_browser, &format!("/assessments/{campaign}/report"))
        .await;
    assert!(
        !page.contains("Executive report:"),
        "another organisation's report"
    );
}

async fn a_done_initiative_stays_in_place_and_the_next_campaign_compares_against_the_last(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let (ana, baseline) = answered(&app).await;
    let path = format!("/api/v1/campaigns/{baseline}/roadmap");
    let (_, roadmap) = ana.get(&path).await;
    assert!(
        roadmap["previous"].is_null(),
        "nothing earlier to compare with"
    );
    let (phase, done, _) = scheduled(&roadmap)[0].clone();
    let initiative = format!("{path}/initiatives/{done}");
    let (status, after) = ana
        .post(
            &initiative,
            json!({"action": "owner", "owner": "  Dana Scott "}),
        )
        .await;
    assert_eq!(status, 200, "{after}");
    assert_eq!(item(&after, &done)["owner"], "Dana Scott");
    let (status, after) = ana.post(&initiative, json!({"action": "done"})).await;
    assert_eq!(status, 200, "{after}");
    let marked = item(&after, &done);
    assert!(marked["done_on"].is_string());
    assert_eq!(marked["done_by"], "Ana Admin");
    assert_eq!(marked["owner"], "Dana Scott", "the owner stays");
    assert!(
        scheduled(&after).contains(&(phase, done.clone(), true)),
        "kept where it was"
    );
    let (status, body) = ana.post(&initiative, json!({"action": "drop"})).await;
    assert_eq!(status, 422, "{body}");
    let (status, _) = ana.post(&initiative, json!({"action": "done"})).await;
    assert_eq!(status, 422, "already done");
    // Re-planning with a much smaller capacity does not move it.
    let (status, replanned) = ana
        .put(
            &format!("{path}/settings"),
            json!({"phases": 4, "capacity_weeks": 0.5, "phase_length": "quarter", "starts_on": "2027-01-01"}),
        )
        .await;
    assert_eq!(status, 200, "{replanned}");
    assert!(scheduled(&replanned).contains(&(phase, done.clone(), true)));

    // A quarter later, a follow-up campaign on the same model, answered higher everywhere.
    app.clock.advance(chrono::Duration::days(90));
    let follow_up = ana
        .launch_named("Follow-up", &["marketing", "sales"], 1)
        .await;
    for (function, values) in [
        ("marketing", ["5", "4", "4", "4", "4", "3", "4", "4"]),
        ("sales", ["3", "3", "3", "3", "3", "2", "3", "3"]),
    ] {
        let link = ana.function_link(&follow_up, function).await;
        respond(&app, &link, &values).await;
    }
    let (status, later) = ana
        .get(&format!("/api/v1/campaigns/{follow_up}/roadmap"))
        .await;
    assert_eq!(status, 200);
    let previous = &later["previous"];
    assert_eq!(previous["campaign_id"], baseline.as_str());
    assert_eq!(previous["campaign_name"], "Baseline");
    let (_, before) = ana
        .get(&format!("/api/v1/campaigns/{baseline}/results"))
        .await;
    let (_, now) = ana
        .get(&format!("/api/v1/campaigns/{follow_up}/results"))
        .await;
    let changes = previous["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 8);
    for (i, change) in changes.iter().enumerate() {
        let b = before["results"]["dimensions"][i]["summary"]["mean"]
            .as_f64()
            .unwrap();
        let a = now["results"]["dimensions"][i]["summary"]["mean"]
            .as_f64()
            .unwrap();
        assert!((change["before"].as_f64().unwrap() - b).abs() < 1e-9);
        assert!((change["after"].as_f64().unwrap() - a).abs() < 1e-9);
        assert!(a > b, "answered higher: {change}");
    }
    assert_eq!(ids(&previous["done"]), [done.as_str()]);
    assert_eq!(previous["done"][0]["done_by"], "Ana Admin");
    // Ana's browser session has expired in the meantime; API tokens do not.
    app.sign_in("ana@acme.test", "correct horse battery").await;
    let page = app.page(&format!("/assessments/{follow_up}/report")).await;
    assert!(page.contains("Since Baseline ("), "the report compares");
    assert!(page.contains("Initiatives done in between"));
}

/// A CSV body (RFC 4180: quoted cells may hold commas, quotes and line breaks) as rows.
fn csv_rows(body: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let mut chars = body.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    assert!(
        !quoted && cell.is_empty() && row.is_empty(),
        "the CSV ends with a line break"
    );
    rows
}

async fn exports_match_the_numbers_on_the_page_and_leave_out_small_functions(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (ana, campaign) = answered(&app).await;
    let (_, results) = ana
        .get(&format!("/api/v1/campaigns/{campaign}/results"))
        .await;
    let (_, roadmap) = ana
        .get(&format!("/api/v1/campaigns/{campaign}/roadmap"))
        .await;

    let response = ana
        .get_raw(&format!("/api/v1/campaigns/{campaign}/results.csv"))
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/csv; charset=utf-8"
    );
    assert!(response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment; filename=\"revalign-"));
    let csv = response.text().await.unwrap();
    let rows = csv_rows(&csv);
    assert_eq!(
        rows[0][..7],
        [
            "dimension_id",
            "dimension",
            "question_id",
            "question",
            "group",
            "respondents",
            "mean"
        ]
    );
    let groups: std::collections::BTreeSet<&str> =
        rows[1..].iter().map(|r| r[4].as_str()).collect();
    assert_eq!(
        groups,
        ["everyone", "marketing", "sales"].into(),
        "small functions are left out"
    );
    let dimensions = results["results"]["dimensions"].as_array().unwrap();
    let questions: usize = dimensions
        .iter()
        .map(|d| d["questions"].as_array().unwrap().len())
        .sum();
    assert_eq!(rows.len() - 1, (dimensions.len() + questions) * 3);
    for d in dimensions {
        let row = rows
            .iter()
            .find(|r| r[0] == d["id"] && r[2].is_empty() && r[4] == "everyone")
            .unwrap();
        assert_eq!(row[6], level(d["summary"]["mean"].as_f64().unwrap()));
        assert_eq!(row[5], "6");
    }

    let csv = ana
        .get_raw(&format!("/api/v1/campaigns/{campaign}/roadmap.csv"))
        .await
        .text()
        .await
        .unwrap();
    let csv_ids: Vec<String> = csv_rows(&csv)[1..].iter().map(|r| r[5].clone()).collect();
    let mut expected: Vec<String> = scheduled(&roadmap).into_iter().map(|s| s.1).collect();
    expected.extend(ids(&roadmap["unscheduled"]));
    assert_eq!(csv_ids, expected);

    // The Markdown report: the page's numbers, and the same file through the page.
    let response = ana
        .get_raw(&format!("/api/v1/campaigns/{campaign}/report.md"))
        .await;
    assert_eq!(
        response.headers()["content-type"],
        "text/markdown; charset=utf-8"
    );
    let markdown = response.text().await.unwrap();
    let page = app.page(&format!("/assessments/{campaign}/report")).await;
    for heading in [
        "## Summary",
        "## Maturity per dimension",
        "## Perception gaps",
        "## Heatmap",
        "## Roadmap",
        "## Organisation design",
        "## Hiring the RevOps leader",
    ] {
        assert!(
            markdown.contains(heading),
            "{heading} missing from the Markdown"
        );
    }
    for d in roadmap["dimensions"].as_array().unwrap() {
        let projection = roadmap["projections"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == d["id"])
            .unwrap();
        let projected = projection["levels"]
            .as_array()
            .unwrap()
            .last()
            .unwrap()
            .as_f64()
            .unwrap();
        let (title, current, target) = (
            d["title"].as_str().unwrap(),
            level(d["current"].as_f64().unwrap()),
            level(d["target"].as_f64().unwrap()),
        );
        let line = format!("| {title} | {current} | {target} | {} |", level(projected));
        assert!(markdown.contains(&line), "{line} not in the Markdown");
        let cells = format!(
            "<td>{current}</td><td>{target}</td><td>{}</td>",
            level(projected)
        );
        assert!(
            page.contains(&cells),
            "{title}: {cells} not on the report page"
        );
    }
    assert!(!markdown.contains("| Customer success |") && !markdown.contains("Finance |"));
    let through_page = app
        .client
        .get(app.url(&format!("/assessments/{campaign}/report.md")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(through_page, markdown);
    let json: Value = app
        .client
        .get(app.url(&format!("/assessments/{campaign}/roadmap.json")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(json["phases"], roadmap["phases"]);
    let json: Value = app
        .client
        .get(app.url(&format!("/assessments/{campaign}/results.json")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(json["results"], results["results"]);
}

async fn the_report_shows_every_section_and_the_hiring_status(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (ana, campaign) = answered(&app).await;
    let (status, report) = ana
        .get(&format!("/api/v1/campaigns/{campaign}/report"))
        .await;
    assert_eq!(status, 200, "{report}");
    assert_eq!(report["hiring"], json!([]));
    let summary = report["summary"].as_array().unwrap();
    assert!(summary[0].as_str().unwrap().starts_with("6 people from marketing, sales, customer success and finance answered; the overall level is "));
    assert!(summary[1].as_str().unwrap().starts_with("Strongest: "));
    assert!(summary[2]
        .as_str()
        .unwrap()
        .starts_with("Where the functions see things differently: Marketing rates "));
    assert!(report["top_gaps"].as_array().unwrap().len() <= 3);
    assert!(report["top_gaps"]
        .as_array()
        .unwrap()
        .iter()
        .all(|g| g["question_id"].is_null()));

    let (status, role) = ana
        .post(
            "/api/v1/roles",
            json!({"title": "VP Revenue Operations", "rubric": "revops-leader"}),
        )
        .await;
    assert_eq!(status, 201, "{role}");
    let (status, _) = ana
        .post(
            &format!("/api/v1/roles/{}/candidates", role["id"].as_str().unwrap()),
            json!({"name": "Rita Quinn", "current_title": "Director of Sales Operations", "career": []}),
        )
        .await;
    assert_eq!(status, 201);
    let (_, report) = ana
        .get(&format!("/api/v1/campaigns/{campaign}/report"))
        .await;
    assert_eq!(report["hiring"][0]["title"], "VP Revenue Operations");
    assert_eq!(report["hiring"][0]["candidates"][0]["name"], "Rita Quinn");

    let page = app.page(&format!("/assessments/{campaign}/report")).await;
    for id in [
        "summary",
        "maturity",
        "heatmap",
        "roadmap",
        "org-design",
        "hiring",
    ] {
        assert!(
            page.contains(&format!("id=\"{id}\"")),
            "section {id} missing"
        );
    }
    assert!(page.contains("class=\"timeline\""), "the SVG timeline");
    assert!(page.contains("class=\"radar\""), "the radar chart");
    assert!(page.contains("Rita Quinn") && page.contains("No interviews planned"));
    let markdown = ana
        .get_raw(&format!("/api/v1/campaigns/{campaign}/report.md"))
        .await
        .text()
        .await
        .unwrap();
    assert!(markdown.contains("- Rita Quinn: No interviews planned"));
}

async fn simultaneous_changes_to_one_initiative_are_all_kept(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (ana, campaign) = answered(&app).await;
    let path = format!("/api/v1/campaigns/{campaign}/roadmap");
    let (_, roadmap) = ana.get(&path).await;
    // Each round, one person names the owner while another drops the initiative: whichever
    // lands second must not undo the first.
    for (round, (_, id, _)) in scheduled(&roadmap).into_iter().take(6).enumerate() {
        let owner = format!("Owner {round}");
        let initiative = format!("{path}/initiatives/{id}");
        let ((s1, b1), (s2, b2)) = tokio::join!(
            ana.post(&initiative, json!({"action": "owner", "owner": owner})),
            ana.post(&initiative, json!({"action": "drop"})),
        );
        assert_eq!((s1, s2), (200, 200), "{b1} {b2}");
        let (_, after) = ana.get(&path).await;
        let dropped = after["dropped"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id.as_str())
            .unwrap_or_else(|| panic!("round {round}: the drop was lost"));
        assert_eq!(
            dropped["owner"],
            owner.as_str(),
            "round {round}: the owner was lost"
        );
    }
}

async fn results_and_the_roadmap_follow_each_new_submission(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (ana, campaign) = answered(&app).await;
    let results_path = format!("/api/v1/campaigns/{campaign}/results");
    let (_, before) = ana.get(&results_path).await;
    let (_, roadmap_before) = ana
        .get(&format!("/api/v1/campaigns/{campaign}/roadmap"))
        .await;
    assert_eq!(before["results"]["respondents"], 6);
    // Read twice (the second from memory), then one more submission must show at once.
    let (_, again) = ana.get(&results_path).await;
    assert_eq!(again, before);
    let link = ana.function_link(&campaign, "sales").await;
    respond(&app, &link, &["5"; 8]).await;
    let (_, after) = ana.get(&results_path).await;
    assert_eq!(after["results"]["respondents"], 7);
    let (_, roadmap_after) = ana
        .get(&format!("/api/v1/campaigns/{campaign}/roadmap"))
        .await;
    let current = |r: &Value| r["dimensions"][0]["current"].as_f64().unwrap();
    assert!(current(&roadmap_after) > current(&roadmap_before));
}

/// A reader of Chinese sees the whole roadmap in Chinese: the initiatives' titles from the
/// library's translation, the planner's reasons, and the history lines (stored as data, so
/// a line written while someone read English reads in Chinese too).
async fn the_roadmap_reads_in_the_readers_language_history_included(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let (ana, campaign) = answered(&app).await;
    let path = format!("/api/v1/campaigns/{campaign}/roadmap");
    let (_, roadmap) = ana.get(&path).await;
    let first = scheduled(&roadmap)
        .into_iter()
        .find(|p| p.0 == 0)
        .expect("something in phase 1")
        .1;
    let (status, _) = ana
        .post(
            &format!("{path}/initiatives/{first}"),
            json!({"action": "drop"}),
        )
        .await;
    assert_eq!(status, 200);
    let (status, _) = ana
        .put(
            &format!("{path}/settings"),
            json!({"phases": 5, "capacity_weeks": 10, "phase_length": "quarter",
                   "starts_on": "2027-01-01", "targets": {}}),
        )
        .await;
    assert_eq!(status, 200);
    let english = app.page(&format!("/assessments/{campaign}/roadmap")).await;
    assert!(
        english.contains("Changed the settings: phases 4 → 5"),
        "{english}"
    );
    assert!(english.contains("Dropped “"), "{english}");

    app.post_form("/language", &[("locale", "zh-CN"), ("next", "/dashboard")])
        .await;
    let chinese = app.page(&format!("/assessments/{campaign}/roadmap")).await;
    for words in ["修改了设置：阶段数 4 → 5", "移除了“", "→ 目标"] {
        assert!(chinese.contains(words), "{words} not in {chinese}");
    }
    // When each change was made, the way Chinese writes dates (the test clock stands still).
    let at = app::i18n::I18n::new(app::i18n::Locale::ZhCn).date_time(app.clock.now());
    assert!(
        chinese.contains(&format!("Ana Admin · {at}")),
        "{at} not in {chinese}"
    );
    for words in [
        "Changed the settings",
        "Dropped “",
        "→ target",
        "Needed before",
    ] {
        assert!(!chinese.contains(words), "{words} left in {chinese}");
    }
    // The dropped initiative by its Chinese title, as the library's translation has it.
    let title = std::fs::read_dir(revalign_tests::workspace_root().join("content/initiatives"))
        .unwrap()
        .filter_map(|entry| std::fs::read_to_string(entry.unwrap().path()).ok())
        .filter(|text| text.contains("locale: zh-CN"))
        .find_map(|text| {
            text.lines()
                .find(|line| line.starts_with("# ") && line.contains(&format!("{{#{first}}}")))
                .map(|line| line[2..line.find(" {").unwrap()].to_owned())
        })
        .expect("the initiative has a Chinese title");
    assert!(
        chinese.contains(&format!("移除了“{title}”")),
        "{title}: {chinese}"
    );
}
