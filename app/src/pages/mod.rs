//! One module per route area.

pub mod assessments;
pub mod auth;
pub mod dashboard;
pub mod hiring;
pub mod home;
pub mod invite;
pub mod questionnaire;
pub mod roadmap;
pub mod settings;

use crate::api::public_page;
use crate::components::layout::PageView;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use leptos_meta::Title;

/// Text to put inside a `<textarea>`, escaped for it.
///
/// tachys writes the children of a `<textarea>` as they are, as it does for `<script>` and
/// `<style>` (its `ESCAPE_CHILDREN` is `false` for all three), but a browser reads a text
/// area's content as escapable text: `&lt;` in it is `<`, and `</textarea>` ends it. Unescaped,
/// a stored comment such as `</textarea><img src=x onerror=...>` would become markup, and
/// entities a person typed (`&amp;`) would come back changed. So every text area that shows
/// stored or typed text goes through this. A leading newline is doubled because the parser
/// drops the first newline after `<textarea>`.
pub(crate) fn textarea_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    if text.starts_with('\n') || text.starts_with("\r\n") {
        out.push('\n');
    }
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            other => out.push(other),
        }
    }
    out
}

/// The page for any path we do not know.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let page = Resource::new_blocking(|| (), |_| public_page());
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t("not-found-title")/>
        <PageView resource=page render=move |_| view! {
            <section class="panel">
                <h1>{i18n.t("not-found-title")}</h1>
                <p>{i18n.t("not-found-body")}</p>
                <p><a href="/">{i18n.t("not-found-link")}</a></p>
            </section>
        }/>
    }
}

#[cfg(test)]
mod tests {
    use super::textarea_text;

    #[test]
    fn text_area_content_cannot_close_the_text_area_or_change() {
        assert_eq!(
            textarea_text("</textarea><script>x</script> &lt; & ok"),
            "&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt; &amp;lt; &amp; ok"
        );
        assert_eq!(textarea_text("\nsecond line"), "\n\nsecond line");
        assert_eq!(textarea_text(""), "");
    }
}
