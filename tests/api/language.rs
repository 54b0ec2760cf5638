//! Which language pages come in: the account's setting, else the visitor's choice on this
//! device, else the browser's Accept-Language; and the switcher on every page, which works
//! as a plain form post (JavaScript off).

use crate::assessments::Respondent;
use app::i18n::{I18n, Locale};
use revalign_tests::api::{admin_with_token, Api};
use revalign_tests::{cookie_value, location, on_both_backends, Backend, TestApp, PASSWORD};

on_both_backends!(
    the_browser_language_picks_the_page_language,
    a_visitor_switches_language_and_it_survives_reloads,
    a_signed_in_persons_choice_follows_them_to_another_browser,
    a_respondent_switches_language_on_their_link,
    the_switcher_stays_on_the_site_and_names_a_bad_choice,
    pages_in_chinese_bring_a_font_for_chinese,
    a_campaign_is_answered_in_both_languages_and_its_results_combine_them,
    an_admin_reading_chinese_launches_and_manages_in_chinese,
    a_role_shows_its_rubric_in_the_readers_language,
);

/// The `lang` of a page's `<html>`.
fn html_lang(page: &str) -> &str {
    let start = page.find("<html lang=\"").expect("an <html lang>") + 12;
    let end = page[start..].find('"').expect("a closing quote") + start;
    &page[start..end]
}

/// The switcher's form on a page: posts to /language and comes back to `here`.
fn assert_switcher(page: &str, here: &str, offers: &str) {
    assert!(
        page.contains("action=\"/language\""),
        "no language switcher: {page}"
    );
    assert!(
        page.contains(&format!("name=\"next\" value=\"{here}\"")),
        "the switcher does not come back to {here}: {page}"
    );
    assert!(
        page.contains(&format!("name=\"locale\" value=\"{offers}\"")),
        "does not offer {offers}"
    );
}

async fn the_browser_language_picks_the_page_language(backend: Backend) {
    let app = TestApp::spawn(backend).await;

    let chinese = app
        .page_as_in(&app.client, "/signin", Some("zh-CN,zh;q=0.9,en;q=0.8"))
        .await;
    assert_eq!(html_lang(&chinese), "zh-CN");
    assert!(chinese.contains("<h1>登录</h1>"), "{chinese}");
    assert!(chinese.contains("电子邮箱"), "field labels are translated");
    assert!(
        !chinese.contains("E-mail address"),
        "no English left on the form"
    );
    assert_switcher(&chinese, "/signin", "en");

    let english = app
        .page_as_in(&app.client, "/signin", Some("en-GB,en;q=0.9"))
        .await;
    assert_eq!(html_lang(&english), "en");
    assert!(english.contains("<h1>Sign in</h1>"));
    assert_switcher(&english, "/signin", "zh-CN");

    // A language we do not have falls back to English; so does asking for none.
    let french = app
        .page_as_in(&app.client, "/signin", Some("fr-FR,fr;q=0.9"))
        .await;
    assert_eq!(html_lang(&french), "en");
    assert_eq!(html_lang(&app.page("/").await), "en");

    // Pages for unknown paths and errors come in the language too.
    let missing = app
        .page_as_in(&app.client, "/no-such-page", Some("zh"))
        .await;
    assert!(missing.contains("页面不存在"), "{missing}");
}

async fn a_visitor_switches_language_and_it_survives_reloads(backend: Backend) {
    let app = TestApp::spawn(backend).await;

    let switched = app
        .post_form(
            "/language",
            &[("locale", "zh-CN"), ("next", "/signup?from=home")],
        )
        .await;
    assert_eq!(switched.status(), 303);
    assert_eq!(location(&switched), "/signup?from=home");
    assert_eq!(
        cookie_value(&switched, "revalign_lang").as_deref(),
        Some("zh-CN")
    );

    // The choice beats the browser's language, on every page, until changed.
    for path in ["/signup?from=home", "/signin", "/"] {
        let page = app
            .page_as_in(&app.client, path, Some("en-US,en;q=0.9"))
            .await;
        assert_eq!(html_lang(&page), "zh-CN", "{path}");
        assert_switcher(&page, path, "en");
    }
    assert!(app.page("/signup").await.contains("创建组织"));

    app.post_form("/language", &[("locale", "en"), ("next", "/signup")])
        .await;
    let page = app.page_as_in(&app.client, "/signup", Some("zh-CN")).await;
    assert_eq!(html_lang(&page), "en");
    assert!(page.contains("Create an organisation"));
}

async fn a_signed_in_persons_choice_follows_them_to_another_browser(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("Acme", "Ana Admin", "ana@acme.test", PASSWORD)
        .await;

    let switched = app
        .post_form("/language", &[("locale", "zh-CN"), ("next", "/dashboard")])
        .await;
    assert_eq!(location(&switched), "/dashboard");
    let dashboard = app.page("/dashboard").await;
    assert_eq!(html_lang(&dashboard), "zh-CN");
    assert!(dashboard.contains("退出登录"), "the header is translated");

    // On a second browser with no cookie and an English Accept-Language, her account's
    // setting decides once she signs in.
    let laptop = TestApp::browser_like_client();
    let before = app.page_as_in(&laptop, "/signin", Some("en")).await;
    assert_eq!(html_lang(&before), "en");
    app.sign_in_as(&laptop, "ana@acme.test", PASSWORD).await;
    let there = app.page_as_in(&laptop, "/dashboard", Some("en")).await;
    assert_eq!(html_lang(&there), "zh-CN");

    // Someone else's browser language is theirs: a colleague still sees English.
    let colleague = app
        .join_as_member("Mo Member", "mo@acme.test", PASSWORD)
        .await;
    let theirs = app.page_as_in(&colleague, "/dashboard", Some("en")).await;
    assert_eq!(html_lang(&theirs), "en");
}

async fn a_respondent_switches_language_on_their_link(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = admin_with_token(&app).await;
    let api = Api::new(&app, &admin);
    let campaign = api.launch(&["marketing", "sales"], 1).await;
    let link = api.function_link(&campaign, "sales").await;

    let respondent = TestApp::browser_like_client();
    let start = app.page_as_in(&respondent, &link, Some("en")).await;
    assert_eq!(html_lang(&start), "en");
    assert_switcher(&start, &link, "zh-CN");

    let switched = app
        .post_form_as(
            &respondent,
            "/language",
            &[("locale", "zh-CN"), ("next", &link)],
        )
        .await;
    assert_eq!(
        location(&switched),
        link,
        "back to the same questionnaire page"
    );
    let again = app.page_as_in(&respondent, &link, Some("en")).await;
    assert_eq!(html_lang(&again), "zh-CN");
}

async fn the_switcher_stays_on_the_site_and_names_a_bad_choice(backend: Backend) {
    let app = TestApp::spawn(backend).await;

    let unknown = app
        .post_form_json_as(
            &app.client,
            "/language",
            &[("locale", "klingon"), ("next", "/")],
        )
        .await;
    assert_eq!(unknown.status(), 422);
    assert_eq!(
        cookie_value(&unknown, "revalign_lang"),
        None,
        "nothing is remembered"
    );
    let body: serde_json::Value = unknown.json().await.expect("JSON");
    assert_eq!(
        body["fields"]["locale"],
        "Choose one of the languages offered."
    );

    for elsewhere in [
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example",
    ] {
        let response = app
            .post_form("/language", &[("locale", "zh-CN"), ("next", elsewhere)])
            .await;
        assert_eq!(location(&response), "/dashboard", "{elsewhere}");
    }
    // The bad choice is named in the visitor's language.
    let unknown = app
        .post_form_json_as(&app.client, "/language", &[("locale", "xx"), ("next", "/")])
        .await;
    let body: serde_json::Value = unknown.json().await.expect("JSON");
    assert_eq!(body["fields"]["locale"], "请选择所提供的语言之一。");
    assert_eq!(
        html_lang(&app.page("/signin").await),
        "zh-CN",
        "the valid choice stands"
    );
}

async fn pages_in_chinese_bring_a_font_for_chinese(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let link = "<link rel=\"stylesheet\" href=\"/fonts/noto-sans-sc/noto-sans-sc.css\"";

    let english = app.page_as_in(&app.client, "/signin", Some("en")).await;
    assert!(
        !english.contains(link),
        "English pages do not load the Chinese font's rules"
    );
    let chinese = app.page_as_in(&app.client, "/signin", Some("zh-CN")).await;
    assert!(chinese.contains(link), "{chinese}");

    // Every slice the rules name is served (from the site the release build assembled).
    let css = app.get("/fonts/noto-sans-sc/noto-sans-sc.css").await;
    assert_eq!(css.status(), 200);
    let css = css.text().await.expect("CSS");
    let slices: Vec<&str> = css
        .split("url(")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .collect();
    assert!(
        slices.len() > 90,
        "the font is split into its unicode-range slices: {}",
        slices.len()
    );
    // Every Chinese character of the page falls in some slice's unicode-range.
    let ranges: Vec<(u32, u32)> = css
        .split("unicode-range:")
        .skip(1)
        .filter_map(|rest| rest.split(';').next())
        .flat_map(|list| list.split(','))
        .filter_map(|range| {
            let range = range.trim().strip_prefix("U+")?;
            let (lo, hi) = range.split_once('-').unwrap_or((range, range));
            Some((
                u32::from_str_radix(lo, 16).ok()?,
                u32::from_str_radix(hi, 16).ok()?,
            ))
        })
        .collect();
    let uncovered: String = chinese
        .chars()
        .filter(|c| *c as u32 >= 0x3000)
        .filter(|c| {
            !ranges
                .iter()
                .any(|(lo, hi)| (*lo..=*hi).contains(&(*c as u32)))
        })
        .collect();
    assert!(
        uncovered.is_empty(),
        "characters without a glyph slice: {uncovered}"
    );
    for slice in slices {
        let font = app.get(slice).await;
        assert_eq!(font.status(), 200, "{slice}");
        assert!(
            font.bytes().await.expect("font").starts_with(b"wOF2"),
            "{slice} is WOFF2"
        );
    }
}

async fn a_campaign_is_answered_in_both_languages_and_its_results_combine_them(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = admin_with_token(&app).await;
    let api = Api::new(&app, &admin);
    let campaign = api.launch(&["marketing", "sales"], 1).await;

    // Marketing answers in English (level 2 throughout), sales in Chinese (level 5).
    let english = Respondent::new(&app, &api.function_link(&campaign, "marketing").await);
    english.start().await;
    let step = english.page("/step/1").await;
    assert!(step.contains("Alignment and shared goals"), "{step}");
    english.answer_all("2").await;
    english.submit().await;

    let chinese = Respondent::new(&app, &api.function_link(&campaign, "sales").await);
    chinese.choose_language("zh-CN").await;
    chinese.start().await;
    let step = chinese.page("/step/1").await;
    assert_eq!(html_lang(&step), "zh-CN");
    assert!(
        step.contains("协同与共同目标"),
        "the campaign's Chinese model: {step}"
    );
    assert!(!step.contains("Alignment and shared goals"));
    chinese.answer_all("5").await;
    chinese.submit().await;

    // Both answers count, whichever language they were given in, and each reader sees the
    // results in theirs.
    let results = app.page(&format!("/assessments/{campaign}/results")).await;
    assert!(results.contains("2 submitted responses"), "{results}");
    assert!(
        results.contains("Sales rates alignment and shared goals 5.0, marketing 2.0"),
        "{results}"
    );
    app.post_form("/language", &[("locale", "zh-CN"), ("next", "/dashboard")])
        .await;
    let results = app.page(&format!("/assessments/{campaign}/results")).await;
    assert!(results.contains("协同与共同目标"), "{results}");
    assert!(!results.contains("Alignment and shared goals"));
    // The page around the numbers is Chinese too, the gap sentence included.
    for chinese in [
        "已提交 2 份答卷",
        "认知差距",
        "销售对协同与共同目标的评分为 5.0，市场为 2.0",
        "热力图：职能 × 维度",
    ] {
        assert!(results.contains(chinese), "{chinese} not in {results}");
    }
    for english in ["Perception gaps", "submitted responses", "Heatmap"] {
        assert!(!results.contains(english), "{english} left in {results}");
    }
    // Downloads stay English, titles and sentences included, whoever downloads them.
    let markdown = app
        .get(&format!("/assessments/{campaign}/report.md"))
        .await
        .text()
        .await
        .expect("the Markdown report");
    assert!(
        markdown.contains("Sales rates alignment and shared goals 5.0, marketing 2.0"),
        "{markdown}"
    );
    assert!(!markdown.contains("协同与共同目标"), "{markdown}");
}

async fn an_admin_reading_chinese_launches_and_manages_in_chinese(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let zh = I18n::new(Locale::ZhCn);
    app.sign_up("远航营收", "李安娜", "anna@yuanhang.test", PASSWORD)
        .await;
    app.post_form("/language", &[("locale", "zh-CN"), ("next", "/dashboard")])
        .await;
    let dashboard = app.page("/dashboard").await;
    assert!(
        dashboard.contains(&zh.t("assessments-empty-admin")),
        "{dashboard}"
    );

    // A launch form without a name or a function: each field says what to fix, in Chinese.
    let refused = app
        .post_form_json_as(
            &app.client,
            "/assessments",
            &[
                ("name", " "),
                ("model", "revops-maturity"),
                ("min_group_size", "0"),
            ],
        )
        .await;
    assert_eq!(refused.status(), 422);
    let body: serde_json::Value = refused.json().await.expect("JSON");
    assert_eq!(
        body["fields"]["name"],
        zh.t_with(
            "account-error-name-empty",
            &[("what", zh.t("assessments-what-campaign-name").into())]
        )
    );
    assert_eq!(
        body["fields"]["functions"],
        "请至少选择一个参与作答的职能。"
    );
    assert_eq!(
        body["fields"]["min_group_size"],
        "请输入 1 到 50 之间的整数（3 或以上才能保证匿名）。"
    );

    let launched = app
        .post_form(
            "/assessments",
            &[
                ("name", "第一季度基线"),
                ("model", "revops-maturity"),
                ("functions", "marketing"),
                ("functions", "sales"),
                ("min_group_size", "3"),
            ],
        )
        .await;
    let campaign = location(&launched);
    let page = app.page(&campaign).await;
    for chinese in [
        zh.t("assessments-launched"),
        zh.t("assessments-links"),
        zh.t_with(
            "assessments-link-everyone-in",
            &[("function", zh.t("label-function-sales").into())],
        ),
        zh.t_with("assessments-anonymity-from", &[("count", 3.into())]),
        zh.t("assessments-close-button"),
    ] {
        assert!(page.contains(&chinese), "{chinese} not in {page}");
    }
    for english in ["Invitation links", "Everyone in", "Close now", "Withdraw"] {
        assert!(!page.contains(english), "{english} left in {page}");
    }
}

async fn a_role_shows_its_rubric_in_the_readers_language(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    app.sign_up("Acme Revenue", "Ana Owner", "ana@acme.test", PASSWORD)
        .await;
    let opened = app
        .post_form(
            "/hiring/roles",
            &[
                ("title", "VP Revenue Operations"),
                ("rubric", "revops-leader"),
                ("visibility", ""),
            ],
        )
        .await;
    assert_eq!(opened.status(), 303);
    let role = location(&opened);

    let english = app.page(&role).await;
    assert!(english.contains("Cross-functional leadership"), "{english}");
    assert!(!english.contains("跨职能领导力"));

    // The same role read in Chinese: the rubric's Chinese version, pinned when it opened.
    app.post_form("/language", &[("locale", "zh-CN"), ("next", "/dashboard")])
        .await;
    let chinese = app.page(&role).await;
    for competency in ["跨职能领导力", "沟通协调与影响力"] {
        assert!(
            chinese.contains(competency),
            "{competency} not in {chinese}"
        );
    }
    assert!(!chinese.contains("Cross-functional leadership"));
    // The list of roles names each role's rubric in Chinese too.
    let roles = app.page("/hiring").await;
    assert!(roles.contains("RevOps 负责人"), "{roles}");
    assert!(!roles.contains("RevOps leader"), "{roles}");
}
