//! Point 10: text people type cannot inject script. One table of XSS payloads goes through
//! every kind of field people write in — names, titles, notes, comments, owners, token names
//! and the Markdown of scorecards and decisions — and then every page that shows them (as
//! the people who can see them) and every download is read the way a browser reads it: with
//! a real HTML5 parser (html5ever, through `scraper`). Nothing that came from a payload may
//! be able to run script, and every payload must still be there for the reader, as text.
//! The report's Markdown is rendered as a Markdown viewer would (raw HTML allowed) and then
//! checked the same way; CSV cells cannot start a spreadsheet formula; JSON is served as
//! JSON that browsers will not sniff into HTML.

use crate::world::{Actor, World};
use revalign_tests::api::Api;
use revalign_tests::panel::{BRIDGE, XFL};
use revalign_tests::{location, on_both_backends, Backend, TestApp, PASSWORD};
use scraper::{ElementRef, Html, Node};
use serde_json::{json, Value};

on_both_backends!(user_written_text_cannot_inject_script_into_pages_or_exports);

/// The payloads. Each fits every field (at most 100 characters, no control characters) and
/// carries a marker, `xss` and two digits, where a reader must still see it once the text is
/// rendered, in plain text and in Markdown alike (link text, image alt text, the text of
/// escaped tags).
const PAYLOADS: [&str; 25] = [
    // Script tags.
    r#"<script>alert("xss01")</script>"#,
    // Event handlers.
    "<img src=x onerror=alert('xss02')>",
    // Breaking out of a double- and a single-quoted attribute, with and without a tag.
    r#""><svg onload=alert(1)>xss03"#,
    "'><img src=x onerror=alert(1)>xss04",
    r#"" onmouseover="alert(1)" x="xss05"#,
    "' autofocus onfocus='alert(1)' x='xss06",
    // `javascript:` and `data:` links in Markdown (one with entities and a tab).
    "[xss07](javascript:alert(1))",
    "[xss08](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[xss09](&#106;ava&#x09;script:alert(1))",
    // The same in raw HTML, and `vbscript:`.
    r#"<a href="javascript:alert(1)">xss10</a>"#,
    r#"<a href="data:text/html,<script>alert(1)</script>">xss11</a>"#,
    "<a href='vbscript:msgbox(1)'>xss12</a>",
    // Breaking out of a text area and out of the title.
    "</textarea><script>alert(1)</script>xss13",
    "</title><script>alert(1)</script>xss14",
    // Frames, <details ontoggle>, SVG links, plugins.
    r#"<iframe src="javascript:alert(1)">xss15</iframe>"#,
    "<details open ontoggle=alert(1)>xss16</details>",
    r#"<svg><a xlink:href="javascript:alert(1)"><text>xss17</text></a></svg>"#,
    "<object data=javascript:alert(1)>xss18</object><embed src=x.swf>",
    // Markdown images: a tracking pixel, and an alt text that tries to become attributes.
    "![xss19](https://evil.test/pixel.png)",
    r#"![xss20" onerror="alert(1)](javascript:alert(1))"#,
    // Entities, which must show as typed, not decoded into markup.
    "&lt;script&gt;alert(1)&lt;/script&gt; xss21",
    // Spreadsheet formulas, for the CSV downloads: `=`, `+`, `-` and `@`.
    r#"=HYPERLINK("https://evil.test","xss22")"#,
    "+SUM(1+1)*cmd|' /C calc'!xss23",
    "-2+3+cmd|' /C calc'!xss24",
    "@SUM(1+1)*cmd|' /C calc'!xss25",
];

/// The marker of a payload (`xss07`).
fn marker(payload: &str) -> &str {
    let at = payload.find("xss").expect("every payload has a marker");
    &payload[at..at + 5]
}

/// All payloads as one Markdown text, a paragraph each (for the Markdown fields, which take
/// thousands of characters).
fn markdown_of_all() -> String {
    PAYLOADS.join("\n\n")
}

fn markers() -> Vec<&'static str> {
    PAYLOADS.into_iter().map(marker).collect()
}

/// The payloads as written into one kind of field: each followed by the field's `tag`, so
/// that a page showing several fields shows each payload once per field, and a missing
/// field cannot hide behind another.
fn written(tag: &str) -> Vec<String> {
    PAYLOADS.iter().map(|p| format!("{p} {tag}")).collect()
}

/// Each text, to be shown at least `times` times.
fn each(texts: &[String], times: usize) -> Vec<(&str, usize)> {
    texts.iter().map(|t| (t.as_str(), times)).collect()
}

/// Every text of every list, to be shown at least once.
fn shown<'a>(lists: &[&'a [String]]) -> Vec<(&'a str, usize)> {
    lists.iter().flat_map(|list| each(list, 1)).collect()
}

async fn user_written_text_cannot_inject_script_into_pages_or_exports(backend: Backend) {
    for (i, p) in PAYLOADS.into_iter().enumerate() {
        assert_eq!(
            marker(p),
            format!("xss{:02}", i + 1),
            "markers are unique: {p}"
        );
        assert!(p.chars().count() <= 85, "{p} fits a name with its tag");
    }
    let world = World::build(TestApp::spawn(backend).await).await;
    let app = &world.app;
    let token = |actor| world.visitors[&actor].token.clone().expect("a token");
    let ana = Api::new(app, &token(Actor::Admin));
    let ben = Api::new(app, &token(Actor::Member));
    let admin = &world.visitors[&Actor::Admin].browser;
    let member = &world.visitors[&Actor::Member].browser;
    let respondent = &world.visitors[&Actor::Respondent].browser;
    let (campaign, stage, candidate) = (
        &world.values["campaign"],
        &world.values["stage"],
        &world.values["candidate"],
    );
    let link = format!("/a/{}", world.values["link_token"]);
    let ids = write_every_payload(&world, &ana, &ben, &link).await;

    // Then everyone reads: what each page must show (and, for the Markdown fields, whose
    // markers stand in for the payloads, how often).
    let mut check = Checker::new(app);
    let [names, owners, roles, stages, candidates, titles] =
        ["campaign", "owner", "role", "stage", "candidate", "title"].map(written);
    let notes = markers().into_iter().map(str::to_owned).collect::<Vec<_>>();
    let settings = [written("member"), written("note"), written("token")];
    check
        .page(
            admin,
            "/settings",
            &shown(&[&settings[0], &settings[1], &settings[2]]),
        )
        .await;
    check.page(admin, "/dashboard", &[]).await;
    check.page(admin, "/assessments", &shown(&[&names])).await;
    let people = written("person");
    check
        .page(
            admin,
            &format!("/assessments/{campaign}"),
            &shown(&[&people]),
        )
        .await;
    for (i, id) in ids.campaigns.iter().enumerate() {
        let base = format!("/assessments/{id}");
        let (name, owner) = (names[i].as_str(), owners[i].as_str());
        check.page(admin, &base, &[(name, 1)]).await;
        check
            .page(admin, &format!("{base}/results"), &[(name, 1)])
            .await;
        check
            .page(admin, &format!("{base}/roadmap"), &[(name, 1), (owner, 1)])
            .await;
        // Every role's title and every candidate's name, besides the campaign's own.
        let mut report = shown(&[&roles, &candidates]);
        report.extend([(name, 1), (owner, 1)]);
        check.page(admin, &format!("{base}/report"), &report).await;
        check.exports(admin, &ana, id, name, owner, &report).await;
    }
    check.page(admin, "/hiring", &shown(&[&roles])).await;
    let role = &world.values["role"];
    check
        .page(
            admin,
            &format!("/hiring/roles/{role}"),
            &shown(&[&stages, &candidates]),
        )
        .await;
    for (id, title) in ids.roles.iter().zip(&roles) {
        check
            .page(admin, &format!("/hiring/roles/{id}"), &[(title, 1)])
            .await;
    }
    for ((id, name), title) in ids.candidates.iter().zip(&candidates).zip(&titles) {
        let page = format!("/hiring/candidates/{id}");
        check.page(admin, &page, &[(name, 1), (title, 1)]).await;
    }
    // The decision's rationale; the debrief's two evidence notes and take-aways.
    check
        .page(
            admin,
            &format!("/hiring/candidates/{candidate}"),
            &each(&notes, 1),
        )
        .await;
    let debrief = format!("/hiring/candidates/{candidate}/debrief");
    check.page(admin, &debrief, &each(&notes, 3)).await;
    check
        .page(member, "/interviews", &shown(&[&stages, &candidates]))
        .await;
    let interview = format!("/interviews/{stage}/{candidate}");
    check.page(member, &interview, &each(&notes, 3)).await;
    for (id, name) in ids.stages.iter().zip(&stages) {
        check
            .page(
                member,
                &format!("/interviews/{id}/{candidate}"),
                &[(name, 1)],
            )
            .await;
    }
    for (step, comments) in &ids.commented {
        check
            .page(
                respondent,
                &format!("{link}/step/{step}"),
                &each(comments, 1),
            )
            .await;
    }
    check.page(respondent, &format!("{link}/review"), &[]).await;
    for (founder, name) in ids.founders.iter().zip(&written("organisation")) {
        check.page(founder, "/dashboard", &[(name, 1)]).await;
        check.page(founder, "/settings", &[(name, 1)]).await;
    }
    check.finish();
}

/// Where the payloads went, each list in the order of [`PAYLOADS`].
struct Written {
    /// Campaigns named by each payload, one of whose planned initiatives it owns.
    campaigns: Vec<String>,
    /// Roles titled by each payload.
    roles: Vec<String>,
    /// Interview stages of the world's role, Ben's, named by each payload.
    stages: Vec<String>,
    /// Candidates for the world's role named, and currently titled, by each payload.
    candidates: Vec<String>,
    /// The questionnaire's steps with the comments the respondent wrote on them.
    commented: Vec<(usize, Vec<String>)>,
    /// The signed-in browsers of the organisations named by each payload.
    founders: Vec<reqwest::Client>,
}

/// Acme's people (Ana the admin, Ben who interviews, the respondent at `link`) write every
/// payload into every field, each kind of field with its tag (see [`written`]), and other
/// people found organisations named by them.
async fn write_every_payload(world: &World, ana: &Api<'_>, ben: &Api<'_>, link: &str) -> Written {
    let app = &world.app;
    let (campaign, role, stage, candidate) = (
        &world.values["campaign"],
        &world.values["role"],
        &world.values["stage"],
        &world.values["candidate"],
    );
    // Each payload names a campaign, which one person answers (so that its roadmap plans
    // initiatives), and owns one of its initiatives.
    let mut campaigns = Vec::new();
    for (name, owner) in written("campaign").iter().zip(written("owner")) {
        let id = ana.launch_named(name, &["sales"], 1).await;
        let sales = ana.function_link(&id, "sales").await;
        let someone = TestApp::browser_like_client();
        answer_every_step(app, &someone, &sales, &mut std::iter::empty()).await;
        submit(app, &someone, &sales).await;
        let (_, roadmap) = ana.get(&format!("/api/v1/campaigns/{id}/roadmap")).await;
        let initiative = roadmap["phases"][0]["initiatives"][0]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("a planned initiative: {roadmap}"));
        let (status, body) = ana
            .post(
                &format!("/api/v1/campaigns/{id}/roadmap/initiatives/{initiative}"),
                json!({"action": "owner", "owner": owner}),
            )
            .await;
        assert_eq!(status, 200, "owner set: {body}");
        campaigns.push(id);
    }
    let links = format!("/assessments/{campaign}/links");
    let [members, notes, tokens, people] = ["member", "note", "token", "person"].map(written);
    for i in 0..PAYLOADS.len() {
        app.join_as_member(&members[i], &format!("writer{i}@acme.test"), PASSWORD)
            .await;
        for (path, fields) in [
            (
                "/settings/invites",
                vec![("role", "member"), ("note", &*notes[i])],
            ),
            ("/settings/tokens", vec![("name", &*tokens[i])]),
            (
                &*links,
                vec![("function", "sales"), ("person_name", &*people[i])],
            ),
        ] {
            let response = app.post_form(path, &fields).await;
            assert_eq!(response.status(), 303, "{path} takes {fields:?}");
        }
    }
    let ben_id = member_id(ana, role, "Ben Member").await;
    let (mut roles, mut stages, mut candidates) = (Vec::new(), Vec::new(), Vec::new());
    let [titles, names, candidate_names, current_titles] =
        ["role", "stage", "candidate", "title"].map(written);
    for i in 0..PAYLOADS.len() {
        let (status, opened) = ana
            .post(
                "/api/v1/roles",
                json!({"title": titles[i], "rubric": "revops-leader"}),
            )
            .await;
        assert_eq!(status, 201, "{opened}");
        roles.push(opened["id"].as_str().unwrap().to_owned());
        let (status, view) = ana
            .post(
                &format!("/api/v1/roles/{role}/stages"),
                json!({"name": names[i], "interviewer": ben_id, "focus": [XFL, BRIDGE]}),
            )
            .await;
        assert_eq!(status, 201, "{view}");
        let added = view["stages"].as_array().unwrap().last().unwrap();
        stages.push(added["id"].as_str().unwrap().to_owned());
        let (status, added) = ana
            .post(
                &format!("/api/v1/roles/{role}/candidates"),
                json!({"name": candidate_names[i], "current_title": current_titles[i]}),
            )
            .await;
        assert_eq!(status, 201, "{added}");
        candidates.push(added["id"].as_str().unwrap().to_owned());
    }
    // Ben's scorecard and Ana's decision carry all payloads at once, as Markdown.
    let markdown = markdown_of_all();
    let (status, body) = ben
        .post(
            &format!("/api/v1/interviews/{stage}/candidates/{candidate}/scorecard/submit"),
            json!({
                "ratings": {
                    XFL: {"rating": "3", "evidence": markdown},
                    BRIDGE: {"rating": "2", "evidence": markdown},
                },
                "recommendation": "yes",
                "takeaways": markdown,
            }),
        )
        .await;
    assert_eq!(status, 200, "scorecard submitted: {body}");
    let (status, body) = ana
        .post(
            &format!("/api/v1/candidates/{candidate}/decisions"),
            json!({"outcome": "hold", "rationale": markdown}),
        )
        .await;
    assert_eq!(status, 201, "decision recorded: {body}");
    // The respondent comments on one question per payload.
    let respondent = &world.visitors[&Actor::Respondent].browser;
    let comments = written("comment");
    let commented: Vec<(usize, Vec<String>)> = answer_every_step(
        app,
        respondent,
        link,
        &mut comments.iter().map(String::as_str),
    )
    .await
    .into_iter()
    .map(|(step, written)| (step, written.into_iter().map(str::to_owned).collect()))
    .collect();
    assert_eq!(
        commented.iter().map(|(_, c)| c.len()).sum::<usize>(),
        PAYLOADS.len(),
        "every payload written as a comment"
    );
    // Other organisations, one named by each payload.
    let mut founders = Vec::new();
    for (i, name) in written("organisation").iter().enumerate() {
        let founder = TestApp::browser_like_client();
        let email = format!("founder{i}@xss.test");
        let fields = [
            ("organisation_name", name.as_str()),
            ("display_name", "Founder"),
            ("email", &email),
            ("password", PASSWORD),
        ];
        let signed_up = app.post_form_as(&founder, "/signup", &fields).await;
        assert_eq!(location(&signed_up), "/dashboard", "{name} signs up");
        founders.push(founder);
    }
    Written {
        campaigns,
        roles,
        stages,
        candidates,
        commented,
        founders,
    }
}

/// The id of the member called `name`, as the role's page offers them as interviewers.
async fn member_id(ana: &Api<'_>, role: &str, name: &str) -> String {
    let (status, view) = ana.get(&format!("/api/v1/roles/{role}")).await;
    assert_eq!(status, 200, "{view}");
    view["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == name)
        .and_then(|m| m["id"].as_str())
        .unwrap_or_else(|| panic!("{name} is not a member: {view}"))
        .to_owned()
}

/// Answers every question of the eight steps (one per dimension) through `link` with 3, as
/// plain form posts, with the next of `comments` as the comment on each question while
/// there are any; returns each step with the comments written on it.
pub(crate) async fn answer_every_step<'a>(
    app: &TestApp,
    browser: &reqwest::Client,
    link: &str,
    comments: &mut (dyn Iterator<Item = &'a str> + Send),
) -> Vec<(usize, Vec<&'a str>)> {
    let started = app
        .post_form_as(browser, &format!("{link}/start"), &[])
        .await;
    assert_eq!(started.status(), 303, "{link} started");
    let mut commented = Vec::new();
    for step in 1..=8 {
        let page = app.page_as(browser, &format!("{link}/step/{step}")).await;
        let mut questions: Vec<String> = page
            .split("name=\"q.")
            .skip(1)
            .filter_map(|rest| rest.split('"').next().map(str::to_owned))
            .collect();
        questions.dedup();
        assert!(!questions.is_empty(), "step {step} has questions: {page}");
        let mut fields = Vec::new();
        let mut written = Vec::new();
        for question in questions {
            fields.push((format!("q.{question}"), "3"));
            if let Some(comment) = comments.next() {
                fields.push((format!("c.{question}"), comment));
                written.push(comment);
            }
        }
        let mut form: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), *v)).collect();
        form.push(("nav", "next"));
        let saved = app
            .post_form_as(browser, &format!("{link}/step/{step}"), &form)
            .await;
        assert_eq!(saved.status(), 303, "step {step} saved");
        if !written.is_empty() {
            commented.push((step, written));
        }
    }
    commented
}

/// Submits the answers given through `link`.
pub(crate) async fn submit(app: &TestApp, browser: &reqwest::Client, link: &str) {
    let submitted = app
        .post_form_as(browser, &format!("{link}/submit"), &[])
        .await;
    assert_eq!(location(&submitted), format!("{link}/thanks"), "submitted");
}

/// Reads pages and downloads and collects what it finds wrong, to report all at once.
struct Checker<'a> {
    app: &'a TestApp,
    problems: Vec<String>,
    checked: usize,
}

impl<'a> Checker<'a> {
    fn new(app: &'a TestApp) -> Self {
        Checker {
            app,
            problems: Vec::new(),
            checked: 0,
        }
    }

    /// A page as `who` sees it: safe, and showing each text of `shown` as text, at least
    /// as many times as it says.
    async fn page(&mut self, who: &reqwest::Client, path: &str, shown: &[(&str, usize)]) {
        let response = who.get(self.app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 200, "GET {path}");
        let csp = response.headers()["content-security-policy"]
            .to_str()
            .unwrap()
            .to_owned();
        let nonce = csp
            .split("'nonce-")
            .nth(1)
            .and_then(|rest| rest.split('\'').next())
            .unwrap_or_else(|| panic!("{path}: no nonce in {csp}"))
            .to_owned();
        let html = response.text().await.unwrap();
        let document = Html::parse_document(&html);
        self.inspect(path, &document, Some(&nonce), shown);
    }

    /// The downloads of campaign `id`, called `name`, with an initiative owned by `owner`,
    /// from the pages and from the JSON API; the report shows `report` (as its page does).
    async fn exports(
        &mut self,
        who: &reqwest::Client,
        api: &Api<'_>,
        id: &str,
        name: &str,
        owner: &str,
        report: &[(&str, usize)],
    ) {
        let page = |file: &str| format!("/assessments/{id}/{file}");
        let from_api = |file: &str| format!("/api/v1/campaigns/{id}/{file}");
        for path in [page("report.md"), from_api("report.md")] {
            let markdown = self.download(who, api, &path, "text/markdown").await;
            self.report(&path, &markdown, report);
        }
        for (path, shown) in [
            (page("results.csv"), None),
            (from_api("results.csv"), None),
            (page("roadmap.csv"), Some(owner)),
            (from_api("roadmap.csv"), Some(owner)),
        ] {
            let csv = self.download(who, api, &path, "text/csv").await;
            self.csv(&path, &csv, shown);
        }
        // The campaign's name, and in the roadmap the owner.
        for (path, texts) in [
            (page("results.json"), vec![name]),
            (page("roadmap.json"), vec![name, owner]),
        ] {
            let body = self.download(who, api, &path, "application/json").await;
            self.checked += 1;
            let value: Value =
                serde_json::from_str(&body).unwrap_or_else(|e| panic!("{path} is not JSON ({e})"));
            for text in texts {
                if !json_strings(&value).contains(&text) {
                    self.problems.push(format!("{path}: {text:?} is missing"));
                }
            }
        }
    }

    /// GET a download (with the browser's cookie for pages, the token for the API); checks
    /// its content type and that browsers are told not to sniff it.
    async fn download(
        &mut self,
        who: &reqwest::Client,
        api: &Api<'_>,
        path: &str,
        content_type: &str,
    ) -> String {
        let response = if path.starts_with("/api/") {
            api.get_raw(path).await
        } else {
            who.get(self.app.url(path)).send().await.unwrap()
        };
        assert_eq!(response.status(), 200, "GET {path}");
        let headers = response.headers();
        let served = headers[http::header::CONTENT_TYPE].to_str().unwrap();
        if served.split(';').next() != Some(content_type) {
            self.problems
                .push(format!("{path}: served as {served}, not {content_type}"));
        }
        if headers.get("x-content-type-options").map(|v| v.as_bytes()) != Some(b"nosniff") {
            self.problems.push(format!("{path}: no nosniff"));
        }
        response.text().await.unwrap()
    }

    /// The report as a Markdown viewer shows it (raw HTML passed through): safe, and showing
    /// `shown`.
    fn report(&mut self, path: &str, markdown: &str, shown: &[(&str, usize)]) {
        use pulldown_cmark::{html, Options, Parser};
        let mut rendered = String::new();
        let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        html::push_html(&mut rendered, Parser::new_ext(markdown, options));
        let document = Html::parse_document(&rendered);
        self.inspect(path, &document, None, shown);
    }

    /// Every cell of a CSV download is safe to open in a spreadsheet; `shown` is one of them.
    fn csv(&mut self, path: &str, body: &str, shown: Option<&str>) {
        self.checked += 1;
        let mut found = shown.is_none();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(body.as_bytes());
        for record in reader.records() {
            let record = record.unwrap_or_else(|e| panic!("{path} is not CSV: {e}"));
            for cell in &record {
                let formula = cell.starts_with(['=', '+', '-', '@', '\t', '\r'])
                    && cell.parse::<f64>().is_err();
                if formula {
                    self.problems
                        .push(format!("{path}: a cell a spreadsheet runs: {cell:?}"));
                }
                found |= shown.is_some_and(|text| cell.contains(text));
            }
        }
        if !found {
            self.problems.push(format!(
                "{path}: {:?} is missing",
                shown.unwrap_or_default()
            ));
        }
    }

    /// The checks on one parsed document. `nonce` is the response's CSP nonce (pages), or
    /// `None` where no script at all may appear (a rendered download).
    fn inspect(
        &mut self,
        path: &str,
        document: &Html,
        nonce: Option<&str>,
        shown: &[(&str, usize)],
    ) {
        self.checked += 1;
        let problems = &mut self.problems;
        for element in document
            .root_element()
            .descendants()
            .filter_map(ElementRef::wrap)
        {
            let tag = element.value().name();
            let markup = || {
                let html = element.html();
                html.chars().take(160).collect::<String>()
            };
            if FORBIDDEN_ELEMENTS.contains(&tag) {
                problems.push(format!("{path}: a <{tag}> element: {}", markup()));
            }
            if tag == "script" {
                let ours = nonce.is_some_and(|n| element.value().attr("nonce") == Some(n))
                    && element
                        .value()
                        .attr("src")
                        .is_none_or(|src| src.starts_with("/pkg/"));
                let code = element.text().collect::<String>();
                if !ours || markers().iter().any(|m| code.contains(m)) {
                    problems.push(format!("{path}: a script not ours: {}", markup()));
                }
            }
            for (name, value) in element.value().attrs() {
                let name = name.to_ascii_lowercase();
                let url = normalised_url(value);
                let runs = name.starts_with("on")
                    || name == "srcdoc"
                    || name == "http-equiv"
                    || (URL_ATTRIBUTES.contains(&name.as_str())
                        && ["javascript:", "data:", "vbscript:"]
                            .iter()
                            .any(|scheme| url.starts_with(scheme)))
                    || (name == "style"
                        && (url.contains("expression(") || url.contains("javascript:")));
                let loads = LOADING_ATTRIBUTES.contains(&name.as_str())
                    && (url.starts_with("//") || url.contains("://"));
                if runs || loads {
                    problems.push(format!("{path}: <{tag} {name}={value:?}>: {}", markup()));
                }
            }
        }
        let visible = visible_text(document);
        for &(text, times) in shown {
            let count = visible.matches(text).count();
            if count < times {
                problems.push(format!(
                    "{path}: {text:?} is shown as text {count} times, not {times}"
                ));
            }
        }
    }

    fn finish(self) {
        assert!(
            self.checked > 300,
            "only {} pages and downloads",
            self.checked
        );
        assert!(
            self.problems.is_empty(),
            "{} problems in {} pages and downloads:\n{}",
            self.problems.len(),
            self.checked,
            self.problems.join("\n")
        );
    }
}

/// Elements that run or embed something of their own; none of our pages has one.
const FORBIDDEN_ELEMENTS: [&str; 8] = [
    "iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal",
];

/// Attributes a browser follows or loads as a URL (`values`, `to` and `from` for SVG
/// animations that set `href`).
const URL_ATTRIBUTES: [&str; 12] = [
    "href",
    "src",
    "action",
    "formaction",
    "data",
    "poster",
    "background",
    "srcset",
    "cite",
    "values",
    "to",
    "from",
];

/// Attributes whose URL is loaded without a click: only our own files may be.
const LOADING_ATTRIBUTES: [&str; 5] = ["src", "srcset", "poster", "data", "background"];

/// A URL as a browser's scheme check sees it: without ASCII whitespace or control
/// characters anywhere (browsers drop them) and in lower case.
fn normalised_url(value: &str) -> String {
    value
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// The text a reader sees: every text node outside `<script>`, `<style>` and `<template>`
/// (a text area's content is its text), plus the values of input boxes.
fn visible_text(document: &Html) -> String {
    let mut out = String::new();
    for node in document.tree.root().descendants() {
        match node.value() {
            Node::Text(text) => {
                let hidden = node
                    .ancestors()
                    .filter_map(ElementRef::wrap)
                    .any(|e| matches!(e.value().name(), "script" | "style" | "template"));
                if !hidden {
                    out.push_str(text);
                }
            }
            Node::Element(element) if element.name() == "input" => {
                out.push_str(element.attr("value").unwrap_or_default());
                out.push('\n');
            }
            _ => {}
        }
    }
    out
}

/// Every string in a JSON value.
fn json_strings(value: &Value) -> Vec<&str> {
    match value {
        Value::String(s) => vec![s.as_str()],
        Value::Array(items) => items.iter().flat_map(json_strings).collect(),
        Value::Object(fields) => fields.values().flat_map(json_strings).collect(),
        _ => Vec::new(),
    }
}
