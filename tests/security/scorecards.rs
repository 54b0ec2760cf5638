//! Point 7: interviewers are blind to each other's scorecards until they have submitted
//! their own (or for ever, under the rule "never"), and the rule holds wherever the data
//! leaves the server: the JSON API, the HTML pages and the server functions behind them.

use revalign_tests::panel::{panel, BRIDGE, CS, XFL};
use revalign_tests::{on_both_backends, Backend, TestApp};
use serde_json::Value;

on_both_backends!(
    interviewers_read_others_scorecards_only_after_submitting_their_own,
    with_the_rule_never_only_admins_read_other_scorecards,
    pages_and_server_functions_carry_other_scorecards_only_when_the_rule_allows,
);

async fn interviewers_read_others_scorecards_only_after_submitting_their_own(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let p = panel(&app, None).await;
    let (status, _) = p
        .score(&p.cleo, 1, &[(XFL, "2", "CLEO-DRAFT-NOTE")], "", false)
        .await;
    assert_eq!(status, 200);
    let full = [
        (XFL, "3", "BEN-EVIDENCE led the joint plan"),
        (BRIDGE, "4", "Settled lead routing"),
        (CS, "no-evidence", ""),
    ];
    let (status, submitted) = p.score(&p.ben, 0, &full, "yes", true).await;
    assert_eq!(status, 200, "{submitted}");
    assert_eq!(submitted["status"], "submitted");

    // Ben submitted; Cleo's is still a draft: Ben reads only his own.
    let ben_view = p.scorecards(&p.ben).await;
    assert_eq!(interviewers(&ben_view), ["Ben Ode"]);
    assert_eq!(ben_view["pending"], 2);
    assert!(!ben_view.to_string().contains("CLEO-DRAFT-NOTE"));
    // Cleo has not submitted: Ben's submitted scorecard stays hidden from her.
    let cleo_view = p.scorecards(&p.cleo).await;
    assert_eq!(interviewers(&cleo_view), ["Cleo Park"]);
    assert_eq!(cleo_view["hidden_submitted"], 1);
    assert!(cleo_view["hidden_reason"]
        .as_str()
        .unwrap()
        .contains("Submit your own scorecard first"));
    assert!(!cleo_view.to_string().contains("BEN-EVIDENCE"));
    let (status, _) = p.debrief(&p.cleo).await;
    assert_eq!(status, 403, "no debrief before submitting");

    let cleo_full = [
        (XFL, "2", "CLEO-EVIDENCE"),
        (BRIDGE, "2", "Vague on lead routing"),
        (CS, "3", "Ran a CS handoff fix"),
    ];
    let (status, _) = p.score(&p.cleo, 1, &cleo_full, "no", true).await;
    assert_eq!(status, 200);
    let cleo_view = p.scorecards(&p.cleo).await;
    assert_eq!(interviewers(&cleo_view), ["Cleo Park", "Ben Ode"]);
    assert!(cleo_view.to_string().contains("BEN-EVIDENCE"));
    assert_eq!(cleo_view["hidden_submitted"], 0);
    let (status, debrief) = p.debrief(&p.cleo).await;
    assert_eq!(status, 200, "{debrief}");
    // Dan has not submitted and sees neither; the admin sees both submitted ones.
    let dan_view = p.scorecards(&p.dan).await;
    assert_eq!(interviewers(&dan_view), ["Dan Yu"]);
    assert_eq!(dan_view["hidden_submitted"], 2);
    let ana_view = p.scorecards(&p.ana).await;
    assert_eq!(interviewers(&ana_view), ["Ben Ode", "Cleo Park"]);
    assert_eq!(ana_view["pending"], 1);
}

async fn with_the_rule_never_only_admins_read_other_scorecards(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let p = panel(&app, Some("never")).await;
    let ratings = [(XFL, "3", "A"), (BRIDGE, "3", "B"), (CS, "3", "C")];
    assert_eq!(p.score(&p.ben, 0, &ratings, "yes", true).await.0, 200);
    assert_eq!(p.score(&p.cleo, 1, &ratings, "yes", true).await.0, 200);

    let ben_view = p.scorecards(&p.ben).await;
    assert_eq!(ben_view["rule"], "never");
    assert_eq!(interviewers(&ben_view), ["Ben Ode"]);
    assert_eq!(ben_view["hidden_submitted"], 1);
    assert_eq!(p.debrief(&p.ben).await.0, 403);
    assert_eq!(p.debrief(&p.ana).await.0, 200);
    let (_, role) = p.ana.get(&format!("/api/v1/roles/{}", p.role)).await;
    assert_eq!(role["visibility"], "never");
    assert_eq!(role["visibility_inherited"], false);
}

async fn pages_and_server_functions_carry_other_scorecards_only_when_the_rule_allows(
    backend: Backend,
) {
    let app = TestApp::spawn(backend).await;
    let p = panel(&app, None).await;
    let [ben, cleo, _] = &p.browsers;
    let (status, _) = p
        .score(&p.cleo, 1, &[(XFL, "2", "CLEO-DRAFT-NOTE")], "", false)
        .await;
    assert_eq!(status, 200);
    let ratings = [
        (XFL, "3", "BEN-EVIDENCE"),
        (BRIDGE, "4", "b"),
        (CS, "3", "c"),
    ];
    assert_eq!(p.score(&p.ben, 0, &ratings, "yes", true).await.0, 200);
    let candidate_page = format!("/hiring/candidates/{}", p.candidate);
    let debrief_page = format!("{candidate_page}/debrief");

    // Cleo has not submitted: neither the pages nor their server functions carry Ben's card.
    let page = app.page_as(cleo, &debrief_page).await;
    assert!(page.contains("No access") && !page.contains("BEN-EVIDENCE"));
    let data = server_fn(&app, cleo, "debrief_page", &p.candidate).await;
    assert!(!data.contains("BEN-EVIDENCE"), "{data}");
    let page = app.page_as(cleo, &candidate_page).await;
    assert!(!page.contains("BEN-EVIDENCE") && !page.contains("/debrief\""));
    // Ben has: his debrief shows his own card and never Cleo's draft, in HTML or data.
    let page = app.page_as(ben, &debrief_page).await;
    assert!(page.contains("BEN-EVIDENCE") && !page.contains("CLEO-DRAFT-NOTE"));
    let data = server_fn(&app, ben, "debrief_page", &p.candidate).await;
    assert!(data.contains("BEN-EVIDENCE") && !data.contains("CLEO-DRAFT-NOTE"));
    // Cleo's own interview page is the only place her draft appears.
    let interview = format!("/interviews/{}/{}", p.stages[1], p.candidate);
    assert!(app
        .page_as(cleo, &interview)
        .await
        .contains("CLEO-DRAFT-NOTE"));
    assert!(!app
        .page_as(ben, &interview)
        .await
        .contains("CLEO-DRAFT-NOTE"));

    let full = [
        (XFL, "2", "CLEO-DRAFT-NOTE"),
        (BRIDGE, "2", "x"),
        (CS, "3", "y"),
    ];
    assert_eq!(p.score(&p.cleo, 1, &full, "no", true).await.0, 200);
    let data = server_fn(&app, cleo, "debrief_page", &p.candidate).await;
    assert!(
        data.contains("BEN-EVIDENCE"),
        "readable once she has submitted"
    );
    assert!(app
        .page_as(cleo, &debrief_page)
        .await
        .contains("BEN-EVIDENCE"));
}

/// What a server function the pages load with answers this browser (its JSON body).
async fn server_fn(app: &TestApp, browser: &reqwest::Client, name: &str, id: &str) -> String {
    browser
        .post(app.url(&format!("/_fn/{name}")))
        .header("Origin", &app.address)
        .header("Accept", "application/json")
        .form(&[("id", id)])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

fn interviewers(scorecards: &Value) -> Vec<&str> {
    scorecards["scorecards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["interviewer_name"].as_str().unwrap())
        .collect()
}
