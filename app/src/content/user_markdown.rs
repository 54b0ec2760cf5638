//! Markdown written by users (interview evidence notes, take-aways) rendered to HTML that is
//! safe to show to other people.
//!
//! Unlike the trusted content under `content/`, this text is typed by any signed-in user
//! and read by colleagues, so everything in it is treated as hostile:
//!
//! - **Raw HTML** (blocks, inline tags, comments, CDATA) is shown as escaped text, exactly
//!   as typed, never passed through and never silently dropped: a reader sees everything
//!   the writer wrote.
//! - **Links** are kept only for `http:`, `https:` and `mailto:` URLs (scheme matched
//!   case-insensitively). Every other URL, relative ones included, is refused and the link
//!   becomes its plain text. Kept links get `rel="nofollow noopener noreferrer"`.
//! - **Images** are never rendered as `<img>`: only their alt text is shown, so a note
//!   cannot load a tracking pixel or any other remote resource into a reader's browser.
//! - **Headings** (`#` and underlined) become bold paragraphs, so a user's text cannot add
//!   headings to the page's outline or outrank the page's own headings.
//! - **A single line break** is kept as a line break (`<br />`), as in most comment boxes:
//!   notes are typed into a text area by people who may not know Markdown. A blank line
//!   starts a new paragraph.
//! - **Extensions**: strikethrough (`~~text~~`) is on. Tables, footnotes, task lists,
//!   heading attributes, math and smart punctuation are off: notes do not need them, and
//!   footnotes and heading attributes would put user-chosen `id`s and fragment links into
//!   the page.
//!
//! The length of the input is not limited here; the caller decides how long a note may be.

use pulldown_cmark::{html, CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

/// URL schemes a user's link may use. Everything else, including relative URLs, is refused:
/// `javascript:`, `data:` and `vbscript:` run code, and relative URLs would point into this
/// application, where a crafted link could trigger an action for whoever clicks it.
const ALLOWED_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// The `rel` of every link a user writes: no search-engine credit (`nofollow`), and the
/// linked page gets neither a handle on this window (`noopener`) nor the address of the
/// page the link was on (`noreferrer`), which would reveal internal URLs.
const LINK_REL: &str = "nofollow noopener noreferrer";

/// Renders Markdown written by a user to HTML that is safe to put into a page.
///
/// See the module documentation for what is kept, what is refused and why.
pub fn render_user_markdown(source: &str) -> String {
    let mut events: Vec<Event<'_>> = Vec::new();
    // One entry per open link: whether it was rendered as `<a>`, so that the end of a
    // refused link does not emit a stray `</a>`.
    let mut open_links: Vec<bool> = Vec::new();
    // The raw text of the HTML block being read, shown as text once the block ends.
    let mut html_block: Option<String> = None;

    for event in Parser::new_ext(source, options()) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                events.push(Event::Start(Tag::Paragraph));
                events.push(Event::Start(Tag::Strong));
            }
            Event::End(TagEnd::Heading(_)) => {
                events.push(Event::End(TagEnd::Strong));
                events.push(Event::End(TagEnd::Paragraph));
            }
            Event::Start(Tag::HtmlBlock) => html_block = Some(String::new()),
            Event::Html(raw) => match html_block.as_mut() {
                Some(block) => block.push_str(&raw),
                // pulldown-cmark only emits `Html` inside an HTML block; if that ever
                // changes, the text is still shown escaped rather than passed through.
                None => events.push(Event::Text(raw)),
            },
            Event::End(TagEnd::HtmlBlock) => {
                push_as_text(&mut events, &html_block.take().unwrap_or_default());
            }
            // `Text` is escaped when written, so the tag is shown exactly as it was typed.
            Event::InlineHtml(raw) => events.push(Event::Text(raw)),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) => {
                let href = allowed_href(link_type, &dest_url);
                open_links.push(href.is_some());
                if let Some(href) = href {
                    events.push(Event::InlineHtml(link_start_tag(&href, &title).into()));
                }
                // A refused link emits nothing here: its text follows as ordinary text.
            }
            Event::End(TagEnd::Link) => {
                if open_links.pop() == Some(true) {
                    events.push(Event::InlineHtml(CowStr::Borrowed("</a>")));
                }
            }
            // The events between the start and end of an image are its alt text; dropping
            // only the image tags leaves that text in the flow of the paragraph.
            Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => {}
            Event::SoftBreak => events.push(Event::HardBreak),
            other => events.push(other),
        }
    }

    let mut out = String::with_capacity(source.len() + source.len() / 2);
    html::push_html(&mut out, events.into_iter());
    out
}

/// The Markdown extensions user text may use; see the module documentation.
fn options() -> Options {
    Options::ENABLE_STRIKETHROUGH
}

/// Shows the source of an HTML block as a paragraph of text, keeping its line breaks so
/// that pasted markup reads the way it was typed.
fn push_as_text<'a>(events: &mut Vec<Event<'a>>, raw: &str) {
    events.push(Event::Start(Tag::Paragraph));
    for (index, line) in raw.trim_end_matches(['\r', '\n']).lines().enumerate() {
        if index > 0 {
            events.push(Event::HardBreak);
        }
        events.push(Event::Text(CowStr::from(line.to_owned())));
    }
    events.push(Event::End(TagEnd::Paragraph));
}

/// The escaped `href` for a link, or `None` when the link must not be rendered.
///
/// pulldown-cmark hands over the destination with entities and backslash escapes already
/// decoded, so `&#106;avascript:` arrives here as `javascript:`. The scheme is then compared
/// exactly, character for character: a tab, newline, control character or space anywhere
/// before the first `:` (which browsers would strip, turning `java\tscript:` back into
/// `javascript:`) makes the scheme unequal to every allowed one, so the link is refused.
fn allowed_href(link_type: LinkType, dest_url: &str) -> Option<String> {
    let url = if link_type == LinkType::Email {
        // An email autolink (`<name@example.com>`) carries the bare address.
        format!("mailto:{dest_url}")
    } else {
        dest_url.to_owned()
    };
    let (scheme, rest) = url.split_once(':')?;
    let scheme = scheme.to_ascii_lowercase();
    if !ALLOWED_SCHEMES.contains(&scheme.as_str()) {
        return None;
    }
    let has_target = if scheme == "mailto" {
        !rest.is_empty()
    } else {
        // `https:foo` or a bare `https://` is not a usable web address.
        rest.len() > 2 && rest.starts_with("//")
    };
    has_target.then(|| escape_href(&url))
}

/// The opening `<a>` tag of an allowed link. `href` is already escaped.
fn link_start_tag(href: &str, title: &str) -> String {
    let mut tag = format!("<a href=\"{href}\"");
    if !title.is_empty() {
        tag.push_str(" title=\"");
        tag.push_str(&escape_attribute(title));
        tag.push('"');
    }
    tag.push_str(" rel=\"");
    tag.push_str(LINK_REL);
    tag.push_str("\">");
    tag
}

/// Escapes a URL for a double-quoted `href`, the way pulldown-cmark does for trusted links:
/// characters that are safe in a URL stay, `&` and `'` become entities, and every other
/// byte (quotes, `<`, `>`, spaces, control characters, non-ASCII) is percent-encoded. No
/// character that could end the attribute or the tag survives.
fn escape_href(url: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(url.len());
    for byte in url.bytes() {
        match byte {
            b'&' => out.push_str("&amp;"),
            b'\'' => out.push_str("&#x27;"),
            b'a'..=b'z'
            | b'A'..=b'Z'
            | b'0'..=b'9'
            | b'!'
            | b'#'
            | b'$'
            | b'%'
            | b'('..=b'/'
            | b':'
            | b';'
            | b'='
            | b'?'
            | b'@'
            | b'^'
            | b'_'
            | b'~' => out.push(char::from(byte)),
            _ => {
                out.push('%');
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 0x0f)]));
            }
        }
    }
    out
}

/// Escapes text for a double-quoted attribute value such as `title`.
fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::render_user_markdown;

    /// One hostile input, with what must still be visible (as text) in the output and how
    /// many `<a>` tags may come out of it.
    struct Payload {
        markdown: &'static str,
        visible: &'static str,
        links: usize,
    }

    const XSS_PAYLOADS: &[Payload] = &[
        Payload {
            markdown: "<script>alert(1)</script>",
            visible: "&lt;script&gt;alert(1)&lt;/script&gt;",
            links: 0,
        },
        Payload {
            markdown: "Hello <script>alert(1)</script> world",
            visible: "Hello &lt;script&gt;alert(1)&lt;/script&gt; world",
            links: 0,
        },
        Payload {
            markdown: "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
            visible: "&lt;SCRIPT SRC=https://evil.example/x.js&gt;",
            links: 0,
        },
        Payload {
            markdown: "<img src=x onerror=alert(1)>",
            visible: "&lt;img src=x onerror=alert(1)&gt;",
            links: 0,
        },
        Payload {
            markdown: "Note: <img src=x onerror=alert(1)> inline",
            visible: "&lt;img src=x onerror=alert(1)&gt;",
            links: 0,
        },
        Payload {
            markdown: "<svg onload=alert(1)>",
            visible: "&lt;svg onload=alert(1)&gt;",
            links: 0,
        },
        Payload {
            markdown: "<svg><script>alert(1)</script></svg>",
            visible: "&lt;svg&gt;&lt;script&gt;",
            links: 0,
        },
        Payload {
            markdown: "<iframe src=\"javascript:alert(1)\"></iframe>",
            visible: "&lt;iframe src=\"javascript:alert(1)\"&gt;",
            links: 0,
        },
        Payload {
            markdown: "<style>body { display: none }</style>",
            visible: "&lt;style&gt;body { display: none }&lt;/style&gt;",
            links: 0,
        },
        Payload {
            markdown: "<div onclick=\"alert(1)\">click me</div>",
            visible: "&lt;div onclick=\"alert(1)\"&gt;click me&lt;/div&gt;",
            links: 0,
        },
        Payload {
            markdown: "see <a href=\"https://ok.example\" onmouseover=\"alert(1)\">this</a>",
            visible: "&lt;a href=\"https://ok.example\" onmouseover=\"alert(1)\"&gt;this",
            links: 0,
        },
        Payload {
            markdown: "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            visible: "&lt;math&gt;&lt;mtext&gt;",
            links: 0,
        },
        Payload {
            markdown: "<object data=\"javascript:alert(1)\"></object><embed src=x.swf>",
            visible: "&lt;object data=",
            links: 0,
        },
        Payload {
            markdown: "[click](javascript:alert(1))",
            visible: "click",
            links: 0,
        },
        Payload {
            markdown: "[click](JaVaScRiPt:alert(1))",
            visible: "click",
            links: 0,
        },
        Payload {
            markdown: "[click](&#106;avascript:alert(1))",
            visible: "click",
            links: 0,
        },
        Payload {
            markdown: "[click](&#x6A;&#x61;&#x76;&#x61;script&#x3A;alert(1))",
            visible: "click",
            links: 0,
        },
        Payload {
            markdown: "[click](java&#9;script:alert(1))",
            visible: "click",
            links: 0,
        },
        Payload {
            markdown: "[click](java&#10;script:alert(1))",
            visible: "click",
            links: 0,
        },
        Payload {
            markdown: "[click](<java\tscript:alert(1)>)",
            visible: "click",
            links: 0,
        },
        Payload {
            markdown: "[click](<java\nscript:alert(1)>)",
            visible: "click",
            links: 0,
        },
        Payload {
            markdown: "[click](\u{1}javascript:alert(1))",
            visible: "click",
            links: 0,
        },
        Payload {
            markdown: "[click](   javascript:alert(1))",
            visible: "click",
            links: 0,
        },
        Payload {
            markdown: "[click](jav\\ascript:alert(1))",
            visible: "click",
            links: 0,
        },
        Payload {
            markdown: "[click][evil]\n\n[evil]: javascript:alert(1)",
            visible: "click",
            links: 0,
        },
        Payload {
            markdown: "[evil]\n\n[evil]: JAVASCRIPT:alert(1) \"title\"",
            visible: "evil",
            links: 0,
        },
        Payload {
            markdown: "<javascript:alert(1)>",
            visible: "javascript:alert(1)",
            links: 0,
        },
        Payload {
            markdown: "<JaVaScRiPt:alert(document.cookie)>",
            visible: "JaVaScRiPt:alert(document.cookie)",
            links: 0,
        },
        Payload {
            markdown: "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            visible: "click",
            links: 0,
        },
        Payload {
            markdown: "<data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==>",
            visible: "data:text/html;base64,",
            links: 0,
        },
        Payload {
            markdown: "[click](vbscript:msgbox(1))",
            visible: "click",
            links: 0,
        },
        Payload {
            markdown: "[click][vb]\n\n[vb]: VBScript:msgbox(1)",
            visible: "click",
            links: 0,
        },
        Payload {
            markdown: "![x](javascript:alert(1))",
            visible: "x",
            links: 0,
        },
        Payload {
            markdown: "![x\" onerror=\"alert(1)](https://img.example/p.png)",
            visible: "x\" onerror=\"alert(1)",
            links: 0,
        },
        Payload {
            markdown: "[a](https://x.example \"a\\\" onmouseover=\\\"alert(1)\")",
            visible: "title=\"a&quot; onmouseover=&quot;alert(1)\"",
            links: 1,
        },
        Payload {
            markdown: "[a](https://x.example 'a\\' onmouseover=\\'alert(1)')",
            visible: "title=\"a&#x27; onmouseover=&#x27;alert(1)\"",
            links: 1,
        },
        Payload {
            markdown: "[a](https://x.example/\"onmouseover=\"alert(1))",
            visible: "href=\"https://x.example/%22onmouseover=%22alert(1)\"",
            links: 1,
        },
        Payload {
            markdown: "<https://x.example/\"onmouseover=\"alert(1)>",
            visible: "href=\"https://x.example/%22onmouseover=%22alert(1)\"",
            links: 1,
        },
        Payload {
            markdown: "[<img src=x onerror=alert(1)>](https://x.example)",
            visible: "&lt;img src=x onerror=alert(1)&gt;</a>",
            links: 1,
        },
        Payload {
            markdown: "<!-- <script>alert(1)</script> -->",
            visible: "&lt;!-- &lt;script&gt;alert(1)&lt;/script&gt; --&gt;",
            links: 0,
        },
        Payload {
            markdown: "before <!-- hidden --> after",
            visible: "before &lt;!-- hidden --&gt; after",
            links: 0,
        },
        Payload {
            markdown: "<![CDATA[<script>alert(1)</script>]]>",
            visible: "&lt;![CDATA[&lt;script&gt;",
            links: 0,
        },
        Payload {
            markdown: "text <![CDATA[<img src=x onerror=alert(1)>]]> text",
            visible: "&lt;![CDATA[&lt;img",
            links: 0,
        },
        Payload {
            markdown: "# <img src=x onerror=alert(1)>",
            visible: "<p><strong>&lt;img src=x onerror=alert(1)&gt;</strong></p>",
            links: 0,
        },
        Payload {
            markdown: "```\"><script>alert(1)</script>\ncode\n```",
            visible: "&lt;script&gt;",
            links: 0,
        },
        Payload {
            markdown: "`<script>alert(1)</script>`",
            visible: "<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>",
            links: 0,
        },
    ];

    /// Tags the renderer may produce, with the attributes each may carry. Anything else in
    /// the output would be markup that came from the user.
    const ALLOWED_TAGS: &[(&str, &[&str])] = &[
        ("a", &["href", "title", "rel"]),
        ("blockquote", &[]),
        ("br", &[]),
        ("code", &["class"]),
        ("del", &[]),
        ("em", &[]),
        ("hr", &[]),
        ("li", &[]),
        ("ol", &["start"]),
        ("p", &[]),
        ("pre", &[]),
        ("strong", &[]),
        ("ul", &[]),
    ];

    /// A tag found in rendered HTML: its name and its attributes, in order.
    struct FoundTag {
        name: String,
        attributes: Vec<(String, String)>,
    }

    /// Reads every tag in `html` the way a browser's tokeniser would: outside a tag, every
    /// `<` starts one; inside, `>` ends it unless it is within a quoted attribute value.
    /// Checking the tags themselves, rather than searching for words, means that harmless
    /// escaped text such as `onmouseover=&quot;` inside a title does not count as markup,
    /// while a real attribute named `onmouseover` always does.
    fn tags(html: &str) -> Vec<FoundTag> {
        let mut found = Vec::new();
        let mut chars = html.chars().peekable();
        while let Some(c) = chars.next() {
            if c != '<' {
                continue;
            }
            let mut name = String::new();
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || c == '>' || (c == '/' && !name.is_empty()) {
                    break;
                }
                name.push(c.to_ascii_lowercase());
                chars.next();
            }
            let mut attributes = Vec::new();
            loop {
                while chars.peek().is_some_and(|&c| c.is_whitespace() || c == '/') {
                    chars.next();
                }
                match chars.peek() {
                    None => break,
                    Some('>') => {
                        chars.next();
                        break;
                    }
                    Some(_) => {}
                }
                let mut attribute = String::new();
                while let Some(&c) = chars.peek() {
                    if c.is_whitespace() || matches!(c, '=' | '>' | '/') {
                        break;
                    }
                    attribute.push(c.to_ascii_lowercase());
                    chars.next();
                }
                let mut value = String::new();
                if chars.peek() == Some(&'=') {
                    chars.next();
                    match chars.peek().copied() {
                        Some(quote @ ('"' | '\'')) => {
                            chars.next();
                            for c in chars.by_ref() {
                                if c == quote {
                                    break;
                                }
                                value.push(c);
                            }
                        }
                        _ => {
                            while let Some(&c) = chars.peek() {
                                if c.is_whitespace() || c == '>' {
                                    break;
                                }
                                value.push(c);
                                chars.next();
                            }
                        }
                    }
                }
                attributes.push((attribute, value));
            }
            found.push(FoundTag { name, attributes });
        }
        found
    }

    /// The first sign of markup in `html` that the renderer itself does not write: a
    /// dangerous construct, a tag or attribute outside [`ALLOWED_TAGS`], a link to a scheme
    /// that is not allowed, or a link without the `rel` attribute. `None` when all is well.
    fn unsafe_markup(html: &str) -> Option<String> {
        let lower = html.to_ascii_lowercase();
        for construct in [
            "<script", "<img", "<iframe", "<svg", "<style", "<math", "<object", "<embed", "<div",
            "<!--", "<![cdata", "<h1", "<table",
        ] {
            if lower.contains(construct) {
                return Some(format!("{construct} in the output"));
            }
        }
        for tag in tags(html) {
            let closing = tag.name.starts_with('/');
            let name = tag.name.trim_start_matches('/');
            let Some((_, allowed)) = ALLOWED_TAGS.iter().find(|(allowed, _)| *allowed == name)
            else {
                return Some(format!("tag <{}>", tag.name));
            };
            for (attribute, value) in &tag.attributes {
                if !allowed.contains(&attribute.as_str()) {
                    return Some(format!("attribute {attribute} on <{name}>"));
                }
                let value = value.to_ascii_lowercase();
                let valid = match attribute.as_str() {
                    "href" => ["http://", "https://", "mailto:"]
                        .iter()
                        .any(|scheme| value.starts_with(scheme)),
                    "rel" => value == "nofollow noopener noreferrer",
                    "class" => value.starts_with("language-"),
                    "start" => value.chars().all(|c| c.is_ascii_digit()),
                    _ => true,
                };
                if !valid {
                    return Some(format!("{attribute}={value:?} on <{name}>"));
                }
            }
            let has_rel = tag
                .attributes
                .iter()
                .any(|(attribute, _)| attribute == "rel");
            if name == "a" && !closing && !has_rel {
                return Some("a link without rel".to_owned());
            }
        }
        None
    }

    #[test]
    fn xss_payloads_never_become_markup() {
        for payload in XSS_PAYLOADS {
            let html = render_user_markdown(payload.markdown);

            assert_eq!(
                unsafe_markup(&html),
                None,
                "for {:?}: {html}",
                payload.markdown
            );
            assert!(
                html.contains(payload.visible),
                "expected {:?} in output for {:?}: {html}",
                payload.visible,
                payload.markdown
            );
            assert_eq!(
                html.matches("<a ").count(),
                payload.links,
                "links in output for {:?}: {html}",
                payload.markdown
            );
        }
    }

    #[test]
    fn the_payload_table_is_large_enough() {
        assert!(XSS_PAYLOADS.len() >= 20);
    }

    #[test]
    fn the_tag_checker_catches_unsafe_markup() {
        // Guards the guard: the checks above would pass vacuously if `tags` missed tags.
        for unsafe_html in [
            "<p onclick=\"x\">a</p>",
            "<a href=\"javascript:alert(1)\" rel=\"nofollow noopener noreferrer\">a</a>",
            "<a href=\"/relative\" rel=\"nofollow noopener noreferrer\">a</a>",
            "<a href=\"https://ok.example\">no rel</a>",
            "<IMG SRC=x>",
            "<span>a</span>",
            "<p>a</p><a href='javascript:x' rel='nofollow noopener noreferrer'>b</a>",
            "<a href=\"https://ok.example\" rel=\"nofollow noopener noreferrer\" onclick=x>a</a>",
        ] {
            assert!(
                unsafe_markup(unsafe_html).is_some(),
                "not caught: {unsafe_html}"
            );
        }
    }

    #[test]
    fn bold_and_emphasis_are_rendered() {
        let html = render_user_markdown("**Strong** answer, *clear* example, ~~vague~~");

        assert_eq!(
            html,
            "<p><strong>Strong</strong> answer, <em>clear</em> example, <del>vague</del></p>\n"
        );
    }

    #[test]
    fn bullet_and_numbered_lists_are_rendered() {
        let html = render_user_markdown("- one\n- two\n\n3. three\n4. four");

        assert_eq!(
            html,
            "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>\n"
        );
    }

    #[test]
    fn inline_code_and_code_blocks_show_their_text() {
        let html = render_user_markdown("Use `a < b`.\n\n```sql\nselect 1 where a < b;\n```");

        assert_eq!(
            html,
            "<p>Use <code>a &lt; b</code>.</p>\n<pre><code class=\"language-sql\">select 1 where a &lt; b;\n</code></pre>\n"
        );
    }

    #[test]
    fn safe_https_link_keeps_its_href_and_gets_rel() {
        let html = render_user_markdown("[the plan](https://example.com/plan?q=1&r=2)");

        assert_eq!(
            html,
            "<p><a href=\"https://example.com/plan?q=1&amp;r=2\" rel=\"nofollow noopener noreferrer\">the plan</a></p>\n"
        );
    }

    #[test]
    fn link_title_is_kept_and_escaped() {
        let html = render_user_markdown("[plan](http://example.com \"Q3 <plan>\")");

        assert_eq!(
            html,
            "<p><a href=\"http://example.com\" title=\"Q3 &lt;plan&gt;\" rel=\"nofollow noopener noreferrer\">plan</a></p>\n"
        );
    }

    #[test]
    fn scheme_is_matched_without_regard_to_case() {
        let html = render_user_markdown("<HTTPS://Example.com/A>");

        assert!(html.contains("<a href=\"HTTPS://Example.com/A\" rel="));
    }

    #[test]
    fn mailto_and_email_autolinks_are_allowed() {
        let html = render_user_markdown("[mail](mailto:ana@example.com) or <bo@example.com>");

        assert!(html.contains(
            "<a href=\"mailto:ana@example.com\" rel=\"nofollow noopener noreferrer\">mail</a>"
        ));
        assert!(html.contains("<a href=\"mailto:bo@example.com\" rel=\"nofollow noopener noreferrer\">bo@example.com</a>"));
    }

    #[test]
    fn reference_and_auto_links_to_https_are_rendered() {
        let html = render_user_markdown(
            "[notes][n] and <https://example.com>\n\n[n]: https://example.com/n",
        );

        assert_eq!(
            html.matches("rel=\"nofollow noopener noreferrer\"").count(),
            2
        );
        assert!(html.contains("<a href=\"https://example.com/n\""));
    }

    #[test]
    fn refused_links_become_their_text() {
        for markdown in [
            "[the deck](/admin/delete)",
            "[the deck](#top)",
            "[the deck](//evil.example/x)",
            "[the deck](deck.pdf)",
            "[the deck](ftp://files.example/deck)",
            "[the deck](https:deck)",
            "[the deck](tel:+4912345)",
        ] {
            let html = render_user_markdown(markdown);

            assert_eq!(html, "<p>the deck</p>\n", "for {markdown:?}");
        }
    }

    #[test]
    fn images_show_only_their_alt_text() {
        let html =
            render_user_markdown("Chart: ![pipeline by stage](https://tracker.example/p.gif)");

        assert_eq!(html, "<p>Chart: pipeline by stage</p>\n");
    }

    #[test]
    fn an_image_inside_a_link_leaves_a_text_link() {
        let html =
            render_user_markdown("[![logo](https://img.example/l.png)](https://example.com)");

        assert_eq!(
            html,
            "<p><a href=\"https://example.com\" rel=\"nofollow noopener noreferrer\">logo</a></p>\n"
        );
    }

    #[test]
    fn headings_become_bold_paragraphs() {
        let html = render_user_markdown("# Summary\n\nStrong hire\n===\n\n### Risks");

        assert_eq!(
            html,
            "<p><strong>Summary</strong></p>\n<p><strong>Strong hire</strong></p>\n<p><strong>Risks</strong></p>\n"
        );
    }

    #[test]
    fn a_blank_line_starts_a_new_paragraph() {
        let html = render_user_markdown("First point.\n\nSecond point.");

        assert_eq!(html, "<p>First point.</p>\n<p>Second point.</p>\n");
    }

    #[test]
    fn a_single_line_break_is_kept() {
        let html = render_user_markdown("Asked about churn.\nGave two examples.");

        assert_eq!(
            html,
            "<p>Asked about churn.<br />\nGave two examples.</p>\n"
        );
    }

    #[test]
    fn raw_html_is_shown_as_typed() {
        let html = render_user_markdown("<b>bold?</b>\n\n<div>\n<p>block</p>\n</div>");

        assert_eq!(
            html,
            "<p>&lt;b&gt;bold?&lt;/b&gt;</p>\n<p>&lt;div&gt;<br />\n&lt;p&gt;block&lt;/p&gt;<br />\n&lt;/div&gt;</p>\n"
        );
    }

    #[test]
    fn tables_and_footnotes_stay_text() {
        let html =
            render_user_markdown("| a | b |\n| - | - |\n| 1 | 2 |\n\nSee[^1].\n\n[^1]: Note.");

        assert!(!html.contains("<table"), "{html}");
        assert!(!html.contains("<sup"), "{html}");
        assert!(!html.contains("id="), "{html}");
        assert!(html.contains("| a | b |"), "{html}");
    }

    #[test]
    fn empty_input_renders_nothing() {
        assert_eq!(render_user_markdown(""), "");
    }
}
