//! Rendered questionnaire pages, kept in memory until the response they show changes.
//!
//! A respondent's step page depends on the link, the step, the language, and the one
//! response it shows (see [`PageDependencies`]); the campaign's model version never changes.
//! So a page rendered once can be sent again, with a fresh Content-Security-Policy nonce
//! put into the slots the old one left (see [`Template`]), until:
//! - a save or the submission of that response ([`PageCache::forget_response`]; every
//!   service that writes a response calls it after its commit);
//! - anything about a campaign or link changes, e.g. closing or withdrawing
//!   ([`PageCache::clear`]; those are rare, so they forget everything);
//! - the campaign's close date passes ([`PageDependencies::valid_until`]).
//!
//! A render that read the database before a change must not store what it read after the
//! change was forgotten: [`PageCache::ticket`] is taken before the render starts, and
//! [`PageCache::put`] refuses the page if anything was forgotten since. Forgetting is always
//! safe (the page is rendered again), so a full cache drops its oldest pages.
//!
//! Several servers on one PostgreSQL database hear each other's changes through
//! `LISTEN`/`NOTIFY` (see `db::notify`); the server crate wires that up.

use crate::i18n::Locale;
use chrono::{DateTime, Utc};
use http::{HeaderName, StatusCode};
use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// Which page, for whom: the same key is the same HTML (apart from the nonce).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PageKey {
    /// Path and query, as requested.
    pub path: String,
    /// The hash of the respondent's resume cookie (never the token itself), if they sent one.
    pub resume_hash: Option<String>,
    pub locale: Locale,
}

/// What a rendered page showed, as recorded by the loader that read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageDependencies {
    /// The response whose answers and progress the page shows.
    pub response_id: String,
    /// When the page stops being true without any write: the campaign's close date.
    pub valid_until: Option<DateTime<Utc>>,
}

/// Handed to a page's loader through the request; the loader fills in what the page read.
/// Only a page whose loader recorded its dependencies is ever kept.
#[derive(Debug, Clone, Default)]
pub struct PageRecorder(Arc<Mutex<Option<PageDependencies>>>);

impl PageRecorder {
    pub fn record(&self, dependencies: PageDependencies) {
        *lock(&self.0) = Some(dependencies);
    }

    pub fn take(&self) -> Option<PageDependencies> {
        lock(&self.0).take()
    }
}

/// Bytes with holes where a per-response value (the CSP nonce) goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    parts: Vec<Vec<u8>>,
}

impl Template {
    /// `text` with every occurrence of `slot` cut out.
    pub fn new(text: &[u8], slot: &[u8]) -> Self {
        let mut parts = Vec::new();
        let mut rest = text;
        while let Some(at) = find(rest, slot) {
            parts.push(rest[..at].to_vec());
            rest = &rest[at + slot.len()..];
        }
        parts.push(rest.to_vec());
        Template { parts }
    }

    /// The text with `value` in every slot.
    pub fn fill(&self, value: &[u8]) -> Vec<u8> {
        let holes = self.parts.len() - 1;
        let mut out = Vec::with_capacity(self.len() + holes * value.len());
        for (i, part) in self.parts.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(value);
            }
            out.extend_from_slice(part);
        }
        out
    }

    /// How many slots there are.
    pub fn slots(&self) -> usize {
        self.parts.len() - 1
    }

    /// Bytes held, slots not counted.
    pub fn len(&self) -> usize {
        self.parts.iter().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || needle.len() > haystack.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A response as sent, with the nonce cut out of its headers and body.
#[derive(Debug, Clone)]
pub struct CachedPage {
    pub status: StatusCode,
    pub headers: Vec<(HeaderName, Template)>,
    pub body: Template,
}

impl CachedPage {
    /// Memory it holds, roughly.
    fn size(&self) -> usize {
        self.body.len()
            + self
                .headers
                .iter()
                .map(|(name, value)| name.as_str().len() + value.len())
                .sum::<usize>()
    }
}

/// Proof of when a render started; see [`PageCache::put`].
#[derive(Debug, Clone, Copy)]
pub struct Ticket(u64);

struct Entry {
    page: Arc<CachedPage>,
    dependencies: PageDependencies,
    size: usize,
}

#[derive(Default)]
struct Entries {
    by_key: HashMap<PageKey, Entry>,
    /// The keys showing each response, to forget them on a save.
    by_response: HashMap<String, Vec<PageKey>>,
    /// Keys in the order they were stored, the oldest first (some may be gone already, or
    /// stored again since: forgetting those early is harmless).
    order: VecDeque<PageKey>,
    bytes: usize,
    /// Counts every forgetting; a ticket from before one cannot store.
    generation: u64,
}

impl Entries {
    fn remove(&mut self, key: &PageKey) {
        let Some(entry) = self.by_key.remove(key) else {
            return;
        };
        self.bytes -= entry.size;
        let response_id = &entry.dependencies.response_id;
        if let Some(keys) = self.by_response.get_mut(response_id) {
            keys.retain(|k| k != key);
            if keys.is_empty() {
                self.by_response.remove(response_id);
            }
        }
    }

    /// Forgets every page; renders begun before cannot store.
    fn forget_all(&mut self) {
        *self = Entries {
            generation: self.generation + 1,
            ..Entries::default()
        };
    }
}

/// The cache; cheap to clone (all clones share it).
#[derive(Clone)]
pub struct PageCache {
    entries: Arc<Mutex<Entries>>,
    /// Most bytes held; 0 keeps nothing.
    capacity: usize,
    /// False while changes made elsewhere could go unheard (see [`PageCache::set_coherent`]).
    coherent: Arc<AtomicBool>,
}

impl Default for PageCache {
    fn default() -> Self {
        PageCache::with_capacity(Self::DEFAULT_CAPACITY)
    }
}

impl PageCache {
    /// 64 MiB: some 2,500 step pages of the RevOps model.
    pub const DEFAULT_CAPACITY: usize = 64 * 1024 * 1024;

    /// A cache holding at most `bytes` of pages (0: a cache that keeps nothing).
    pub fn with_capacity(bytes: usize) -> Self {
        PageCache {
            entries: Arc::default(),
            capacity: bytes,
            coherent: Arc::new(AtomicBool::new(true)),
        }
    }

    pub fn enabled(&self) -> bool {
        self.capacity > 0
    }

    /// While `false`, nothing is served or kept: set it while changes other servers make
    /// could go unheard (their announcements are not being received).
    pub fn set_coherent(&self, coherent: bool) {
        let mut entries = lock(&self.entries);
        self.coherent.store(coherent, Ordering::SeqCst);
        entries.forget_all();
    }

    fn serving(&self) -> bool {
        self.coherent.load(Ordering::SeqCst)
    }

    /// The page stored under `key`, unless it has stopped being valid at `now`.
    pub fn get(&self, key: &PageKey, now: DateTime<Utc>) -> Option<Arc<CachedPage>> {
        if !self.serving() {
            return None;
        }
        let mut entries = lock(&self.entries);
        let entry = entries.by_key.get(key)?;
        if entry
            .dependencies
            .valid_until
            .is_some_and(|until| now >= until)
        {
            entries.remove(key);
            return None;
        }
        Some(entry.page.clone())
    }

    /// Take one before reading what a page will show.
    pub fn ticket(&self) -> Ticket {
        Ticket(lock(&self.entries).generation)
    }

    /// Stores a page rendered after `ticket` was taken, unless something was forgotten
    /// since (the page may show what was true before) or the page alone exceeds the
    /// capacity. Returns whether it was stored.
    pub fn put(
        &self,
        ticket: Ticket,
        key: PageKey,
        dependencies: PageDependencies,
        page: CachedPage,
    ) -> bool {
        let size = page.size() + key.path.len();
        if size > self.capacity {
            return false;
        }
        let mut entries = lock(&self.entries);
        if entries.generation != ticket.0 || !self.serving() {
            return false;
        }
        entries.remove(&key);
        while entries.bytes + size > self.capacity {
            match entries.order.pop_front() {
                Some(oldest) => entries.remove(&oldest),
                None => break,
            }
        }
        entries
            .by_response
            .entry(dependencies.response_id.clone())
            .or_default()
            .push(key.clone());
        entries.order.push_back(key.clone());
        entries.bytes += size;
        entries.by_key.insert(
            key,
            Entry {
                page: Arc::new(page),
                dependencies,
                size,
            },
        );
        // Keys removed by a save stay in `order` until they come round; keep it bounded.
        if entries.order.len() > 2 * entries.by_key.len() + 64 {
            let Entries { order, by_key, .. } = &mut *entries;
            order.retain(|k| by_key.contains_key(k));
        }
        true
    }

    /// Forgets every page showing this response (call after a write to it commits).
    pub fn forget_response(&self, response_id: &str) {
        let mut entries = lock(&self.entries);
        entries.generation += 1;
        for key in entries.by_response.remove(response_id).unwrap_or_default() {
            entries.remove(&key);
        }
    }

    /// Forgets every page (after a change to a campaign or link, or when changes from
    /// elsewhere may have been missed).
    pub fn clear(&self) {
        lock(&self.entries).forget_all();
    }

    /// Pages held now.
    pub fn len(&self) -> usize {
        lock(&self.entries).by_key.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl fmt::Debug for PageCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let entries = lock(&self.entries);
        f.debug_struct("PageCache")
            .field("pages", &entries.by_key.len())
            .field("bytes", &entries.bytes)
            .field("capacity", &self.capacity)
            .finish()
    }
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn key(path: &str) -> PageKey {
        PageKey {
            path: path.into(),
            resume_hash: Some("r".into()),
            locale: Locale::En,
        }
    }

    fn depends_on(response_id: &str) -> PageDependencies {
        PageDependencies {
            response_id: response_id.into(),
            valid_until: None,
        }
    }

    fn page(body: &str) -> CachedPage {
        CachedPage {
            status: StatusCode::OK,
            headers: Vec::new(),
            body: Template::new(body.as_bytes(), b"NONCE"),
        }
    }

    fn body(cache: &PageCache, key: &PageKey) -> Option<String> {
        cache
            .get(key, Utc::now())
            .map(|page| String::from_utf8(page.body.fill(b"n")).unwrap())
    }

    #[test]
    fn a_template_puts_the_new_value_in_every_slot() {
        let template = Template::new(b"<script nonce=\"NONCE\"></script>NONCE!", b"NONCE");
        assert_eq!(template.slots(), 2);
        assert_eq!(
            template.fill(b"abc"),
            b"<script nonce=\"abc\"></script>abc!".to_vec()
        );
        assert_eq!(Template::new(b"plain", b"NONCE").fill(b"x"), b"plain");
        assert_eq!(Template::new(b"", b"NONCE").slots(), 0);
    }

    #[test]
    fn a_stored_page_is_served_for_its_key_only() {
        let cache = PageCache::default();
        assert!(cache.put(
            cache.ticket(),
            key("/a/t/step/1"),
            depends_on("r1"),
            page("one NONCE")
        ));
        assert_eq!(body(&cache, &key("/a/t/step/1")).unwrap(), "one n");
        assert!(body(&cache, &key("/a/t/step/2")).is_none());
        let other_browser = PageKey {
            resume_hash: Some("other".into()),
            ..key("/a/t/step/1")
        };
        assert!(body(&cache, &other_browser).is_none());
        let in_chinese = PageKey {
            locale: Locale::ZhCn,
            ..key("/a/t/step/1")
        };
        assert!(body(&cache, &in_chinese).is_none());
    }

    #[test]
    fn a_save_forgets_every_page_of_that_response_and_no_other() {
        let cache = PageCache::default();
        for step in 1..=3 {
            let ticket = cache.ticket();
            cache.put(
                ticket,
                key(&format!("/a/t/step/{step}")),
                depends_on("r1"),
                page("x"),
            );
        }
        let ticket = cache.ticket();
        cache.put(ticket, key("/a/u/step/1"), depends_on("r2"), page("y"));

        cache.forget_response("r1");

        for step in 1..=3 {
            assert!(body(&cache, &key(&format!("/a/t/step/{step}"))).is_none());
        }
        assert_eq!(body(&cache, &key("/a/u/step/1")).unwrap(), "y");
        assert_eq!(cache.len(), 1);
    }

    #[test]
    fn a_render_that_began_before_a_save_is_not_stored() {
        let cache = PageCache::default();
        let before = cache.ticket();
        cache.forget_response("r1");
        assert!(!cache.put(before, key("/a/t/step/1"), depends_on("r1"), page("old")));
        assert!(cache.is_empty());
        let after = cache.ticket();
        assert!(cache.put(after, key("/a/t/step/1"), depends_on("r1"), page("new")));
    }

    #[test]
    fn clearing_forgets_everything_and_stale_renders_with_it() {
        let cache = PageCache::default();
        let ticket = cache.ticket();
        cache.put(ticket, key("/a/t/step/1"), depends_on("r1"), page("x"));
        cache.clear();
        assert!(cache.is_empty());
        assert!(!cache.put(ticket, key("/a/t/step/2"), depends_on("r1"), page("x")));
    }

    #[test]
    fn a_page_is_not_served_once_the_campaign_has_closed() {
        let cache = PageCache::default();
        let closes = Utc.with_ymd_and_hms(2026, 12, 31, 0, 0, 0).unwrap();
        cache.put(
            cache.ticket(),
            key("/a/t/step/1"),
            PageDependencies {
                response_id: "r1".into(),
                valid_until: Some(closes),
            },
            page("x"),
        );
        let before = closes - chrono::Duration::seconds(1);
        assert!(cache.get(&key("/a/t/step/1"), before).is_some());
        assert!(cache.get(&key("/a/t/step/1"), closes).is_none());
        assert!(cache.is_empty(), "the stale page is dropped");
    }

    #[test]
    fn a_full_cache_drops_its_oldest_pages_first() {
        let page_size = page(&"x".repeat(100)).size() + key("/a/t/step/1").path.len();
        let cache = PageCache::with_capacity(3 * page_size);
        for step in 1..=4 {
            let ticket = cache.ticket();
            cache.put(
                ticket,
                key(&format!("/a/t/step/{step}")),
                depends_on(&format!("r{step}")),
                page(&"x".repeat(100)),
            );
        }
        assert!(
            body(&cache, &key("/a/t/step/1")).is_none(),
            "oldest dropped"
        );
        for step in 2..=4 {
            assert!(body(&cache, &key(&format!("/a/t/step/{step}"))).is_some());
        }
        cache.forget_response("r3");
        assert_eq!(cache.len(), 2);
    }

    #[test]
    fn an_incoherent_cache_serves_and_keeps_nothing_until_it_is_coherent_again() {
        let cache = PageCache::default();
        cache.put(
            cache.ticket(),
            key("/a/t/step/1"),
            depends_on("r1"),
            page("x"),
        );
        cache.set_coherent(false);
        assert!(body(&cache, &key("/a/t/step/1")).is_none());
        assert!(!cache.put(
            cache.ticket(),
            key("/a/t/step/1"),
            depends_on("r1"),
            page("x")
        ));
        cache.set_coherent(true);
        assert!(
            body(&cache, &key("/a/t/step/1")).is_none(),
            "what was kept before is gone"
        );
        assert!(cache.put(
            cache.ticket(),
            key("/a/t/step/1"),
            depends_on("r1"),
            page("x")
        ));
    }

    #[test]
    fn a_cache_without_capacity_keeps_nothing() {
        let cache = PageCache::with_capacity(0);
        assert!(!cache.enabled());
        assert!(!cache.put(
            cache.ticket(),
            key("/a/t/step/1"),
            depends_on("r1"),
            page("x")
        ));
    }
}
