//! The JSON API fuzzed against its own OpenAPI document by schemathesis (PyPI): with an API
//! token, over data behind every path parameter, no request may get a server error (5xx), a
//! status code the document does not list, or a body or content type that contradicts it.
//!
//! Path parameters draw from the ids of real objects most of the time (schemathesis's
//! dictionaries), random strings otherwise, so both the found and the not-found answers of
//! every operation are exercised. The seed and the number of examples are fixed, so every
//! run generates the same cases (two workers send them, so their order may vary); a run
//! takes about a minute. `./test` installs the pinned schemathesis into
//! `.tools/py` and sets `REVALIGN_SCHEMATHESIS` (see `.ci/tools.sh`).

use crate::xss::{answer_every_step, submit};
use revalign_tests::api::{admin_with_token, Api};
use revalign_tests::{on_both_backends, workspace_root, Backend, TestApp};
use serde_json::Value;
use std::process::Command;

on_both_backends!(the_api_answers_every_generated_request_as_its_document_says);

/// Test cases per operation and phase, and the seed they are drawn with.
const MAX_EXAMPLES: u32 = 60;
const SEED: u32 = 20261203;

/// What schemathesis checks on every answer.
const CHECKS: &str = "not_a_server_error,status_code_conformance,content_type_conformance,\
    response_schema_conformance";

async fn the_api_answers_every_generated_request_as_its_document_says(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let token = admin_with_token(&app).await;
    let ids = populate(&app, &token).await;

    let dir = tempfile::tempdir().expect("a working directory for schemathesis");
    let config = dir.path().join("schemathesis.toml");
    std::fs::write(&config, config_file(&ids)).expect("config written");
    let cli = schemathesis_cli();
    let mut command = Command::new(&cli);
    command
        .current_dir(dir.path())
        .arg("--config-file")
        .arg(&config)
        .arg("run")
        .arg(app.url("/api/v1/openapi.json"))
        .args(["--url", &app.address])
        .args(["--header", &format!("Authorization: Bearer {token}")])
        .args(["--checks", CHECKS])
        .args(["--max-examples", &MAX_EXAMPLES.to_string()])
        .args(["--seed", &SEED.to_string()])
        .args(["--workers", "2", "--request-timeout", "30"])
        .args(["--generation-database", "none", "--no-color"])
        .args(["--report", "har", "--report-har-path"])
        .arg(dir.path().join("requests.har"));
    // The server runs on this test's runtime: wait for the child without blocking it.
    let output = tokio::task::spawn_blocking(move || command.output())
        .await
        .unwrap()
        .unwrap_or_else(|e| {
            panic!(
                "could not start {} ({e}): run ./test, which installs schemathesis into \
                 .tools/py, or set REVALIGN_SCHEMATHESIS to its CLI",
                cli.display()
            )
        });
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.status.success(),
        "schemathesis found problems ({}):\n{report}",
        output.status
    );
    // A run that tested nothing, or only ever missed, would pass too: every operation was
    // called, and every read of an object found one (so the real ids were used). The
    // document itself is left out: schemathesis makes no request to the operation that
    // serves the document it reads.
    let har = std::fs::read_to_string(dir.path().join("requests.har")).expect("the HAR report");
    let calls = calls(&serde_json::from_str(&har).expect("the HAR report is JSON"));
    let document: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    let mut missed = Vec::new();
    let operations = document["paths"].as_object().unwrap().iter();
    for (template, item) in operations.filter(|(path, _)| *path != "/api/v1/openapi.json") {
        for method in item.as_object().unwrap().keys() {
            let method = method.to_uppercase();
            let statuses: Vec<u16> = calls
                .iter()
                .filter(|(m, path, _)| *m == method && fills(template, path))
                .map(|(_, _, status)| *status)
                .collect();
            let found = statuses.iter().any(|s| (200..300).contains(s));
            if statuses.is_empty() || (method == "GET" && !found) {
                missed.push(format!("{method} {template}: {statuses:?}"));
            }
        }
    }
    assert!(
        missed.is_empty() && calls.len() > 500,
        "{} requests; never called, or no object found:\n{}\n{report}",
        calls.len(),
        missed.join("\n")
    );
}

/// Method, path and status of every request schemathesis made, from its HAR report.
fn calls(har: &Value) -> Vec<(String, String, u16)> {
    har["log"]["entries"]
        .as_array()
        .expect("HAR entries")
        .iter()
        .map(|entry| {
            let url = url::Url::parse(entry["request"]["url"].as_str().unwrap()).unwrap();
            (
                entry["request"]["method"].as_str().unwrap().to_owned(),
                url.path().to_owned(),
                entry["response"]["status"].as_u64().unwrap() as u16,
            )
        })
        .collect()
}

/// Whether `path` is `template` with each `{parameter}` filled by one segment.
fn fills(template: &str, path: &str) -> bool {
    let (template, path): (Vec<_>, Vec<_>) =
        (template.split('/').collect(), path.split('/').collect());
    template.len() == path.len()
        && template.iter().zip(&path).all(|(t, p)| {
            if t.starts_with('{') {
                !p.is_empty()
            } else {
                t == p
            }
        })
}

/// The CLI: `REVALIGN_SCHEMATHESIS`, else the one `./test` installs into `.tools/py`.
fn schemathesis_cli() -> std::path::PathBuf {
    std::env::var_os("REVALIGN_SCHEMATHESIS")
        .map(Into::into)
        .unwrap_or_else(|| workspace_root().join(".tools/py/bin/schemathesis"))
}

/// Real ids by the path parameter they fill: campaigns, their invitation links and an
/// initiative of their roadmap; roles, candidates and interview stages.
struct Ids {
    campaigns: Vec<String>,
    links: Vec<String>,
    roles: Vec<String>,
    candidates: Vec<String>,
    stages: Vec<String>,
}

/// Acme with a campaign answered by two people in marketing and two in sales (shown at a
/// threshold of 2) and one still open for answers, and a role with an interview stage (Ana
/// herself interviews) and a candidate.
async fn populate(app: &TestApp, token: &str) -> Ids {
    let ana = Api::new(app, token);
    let answered = ana.launch(&["marketing", "sales"], 2).await;
    for function in ["marketing", "sales"] {
        let link = ana.function_link(&answered, function).await;
        for _ in 0..2 {
            let respondent = TestApp::browser_like_client();
            answer_every_step(app, &respondent, &link, &mut std::iter::empty()).await;
            submit(app, &respondent, &link).await;
        }
    }
    let open = ana.launch_named("Second", &["sales"], 3).await;
    let (status, links) = ana
        .get(&format!("/api/v1/campaigns/{open}/invitations"))
        .await;
    assert_eq!(status, 200, "{links}");
    let links = links
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_owned())
        .collect();

    let (role_id, stage, candidate) =
        crate::world::open_role(&ana, "VP Revenue Operations", "Ana Admin").await;
    Ids {
        campaigns: vec![answered, open],
        links,
        roles: vec![role_id],
        candidates: vec![candidate],
        stages: vec![stage],
    }
}

/// The schemathesis configuration: one dictionary of real ids per kind of object, bound to
/// the path parameters of the operations under each path (a random value the rest of the
/// time), and the initiatives of the roadmap library for the initiative routes.
fn config_file(ids: &Ids) -> String {
    let dictionary = |name: &str, values: &[String]| {
        format!(
            "[dictionaries.{name}]\nvalues = {}\n\n",
            Value::from(values.to_vec())
        )
    };
    let bind = |path_regex: &str, parameters: &[(&str, &str)]| {
        let bindings: Vec<String> = parameters
            .iter()
            .map(|(parameter, dictionary)| {
                format!(
                    "\"path.{parameter}\" = {{ dictionary = \"{dictionary}\", probability = 0.8 }}"
                )
            })
            .collect();
        format!(
            "[[operations]]\ninclude-path-regex = '{path_regex}'\nparameters = {{ {} }}\n\n",
            bindings.join(", ")
        )
    };
    let initiatives = ["joint-planning-cycle".to_owned()];
    [
        dictionary("campaigns", &ids.campaigns),
        dictionary("links", &ids.links),
        dictionary("initiatives", &initiatives),
        dictionary("roles", &ids.roles),
        dictionary("candidates", &ids.candidates),
        dictionary("stages", &ids.stages),
        bind(
            "^/api/v1/campaigns/",
            &[
                ("id", "campaigns"),
                ("link_id", "links"),
                ("initiative_id", "initiatives"),
            ],
        ),
        bind("^/api/v1/roles/", &[("id", "roles")]),
        bind("^/api/v1/candidates/", &[("id", "candidates")]),
        bind(
            "^/api/v1/interviews/",
            &[("stage_id", "stages"), ("candidate_id", "candidates")],
        ),
    ]
    .concat()
}
