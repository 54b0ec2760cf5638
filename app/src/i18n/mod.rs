//! The one translation mechanism for everything the UI says: [Fluent] catalogues, one set of
//! `.ftl` files per locale under `app/locales/<locale>/`, compiled into the binary.
//!
//! Pages are server components, so text is translated on the server while the page renders
//! ([`use_i18n`] finds the request's [`I18n`] in the Leptos context; form handlers and
//! middleware build one from the request's [`Locale`]). Islands never translate: they get
//! their strings as props, which keeps the catalogues and the Fluent runtime out of the wasm
//! (nothing the islands reach refers to them, so the linker drops them).
//!
//! Keys are `area-what` (`nav-dashboard`, `signin-title`); a message with variables names
//! them `{ $name }`. The tests in `tests.rs` fail when a key is missing in either locale,
//! when the two locales disagree on a message's attributes or variables, and when the code
//! asks for a key no catalogue has.
//!
//! [Fluent]: https://projectfluent.org

use serde::{Deserialize, Serialize};

mod catalogue;
mod format;
#[cfg(test)]
mod tests;

pub use catalogue::{Arg, CATALOGUE_FILES};

/// Marks a string literal as a catalogue key where it is not passed straight to
/// [`I18n::t`] (e.g. `label_key()` methods), so that the tests check it exists.
#[macro_export]
macro_rules! tr_key {
    ($key:literal) => {
        $key
    };
}

/// A language the UI and the content come in.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Locale {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-CN")]
    ZhCn,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::En, Locale::ZhCn];

    /// The BCP 47 tag: what `<html lang>`, the cookie and the catalogue directory use.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::ZhCn => "zh-CN",
        }
    }

    /// The language's name in itself, as a language switcher shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::ZhCn => "简体中文",
        }
    }

    /// The locale a language tag asks for, if we have one: `en` and every `en-*`, and
    /// every `zh*` (Simplified Chinese is the Chinese we have; readers of Traditional
    /// Chinese are closer to it than to English). Case does not matter.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Locale::En),
            "zh" => Some(Locale::ZhCn),
            _ => None,
        }
    }

    /// The best locale for an `Accept-Language` header: the supported language with the
    /// highest quality (the earlier one on a tie); `None` when it names none of ours.
    pub fn negotiate(accept_language: &str) -> Option<Locale> {
        let mut best: Option<(f32, Locale)> = None;
        for item in accept_language.split(',') {
            let mut parts = item.split(';');
            let Some(locale) = parts.next().and_then(Locale::from_tag) else {
                continue;
            };
            let quality = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
                .unwrap_or(0.0);
            if quality > 0.0 && best.is_none_or(|(q, _)| quality > q) {
                best = Some((quality, locale));
            }
        }
        best.map(|(_, locale)| locale)
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

/// The name of the cookie that remembers a visitor's language choice.
pub const LOCALE_COOKIE: &str = "revalign_lang";

/// Translates for one locale. Cheap to copy; every component that shows text takes one
/// from [`use_i18n`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct I18n {
    pub locale: Locale,
}

impl I18n {
    pub fn new(locale: Locale) -> Self {
        I18n { locale }
    }

    /// The message `key` (a key missing from the catalogue comes back as itself, and is
    /// logged; the tests make sure none is).
    pub fn t(self, key: &str) -> String {
        catalogue::catalogue().format(self.locale, key, &[])
    }

    /// The message `key` with its variables, e.g.
    /// `i18n.t_with("results-responses", &[("count", count.into())])`.
    pub fn t_with(self, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        catalogue::catalogue().format(self.locale, key, args)
    }

    /// A calendar date the way this locale writes it: `3 Dec 2026`, `2026年12月3日`.
    pub fn date(self, date: chrono::NaiveDate) -> String {
        format::date(self.locale, date)
    }

    /// A moment (UTC) with date and minutes: `3 Dec 2026, 14:05 UTC`, `2026年12月3日 14:05 UTC`.
    pub fn date_time(self, at: chrono::DateTime<chrono::Utc>) -> String {
        format::date_time(self.locale, at)
    }

    /// A `YYYY-MM-DD` day, as services and the API carry days, the way this locale writes
    /// dates; anything else unchanged.
    pub fn day(self, iso: &str) -> String {
        chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
            .map_or_else(|_| iso.to_owned(), |date| self.date(date))
    }

    /// A `YYYY-MM-DD HH:MM` UTC moment, as services and the API carry them, the way this
    /// locale writes it (see [`Self::date_time`]); anything else as it is, marked UTC.
    pub fn minute(self, text: &str) -> String {
        chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M")
            .map_or_else(|_| format!("{text} UTC"), |at| self.date_time(at.and_utc()))
    }

    /// A month: `Dec 2026`, `2026年12月`.
    pub fn month(self, date: chrono::NaiveDate) -> String {
        format::month(self.locale, date)
    }

    /// What a page or form says about `error`. Validation errors about fields say how many
    /// to correct; a form-level validation message is the service's own.
    pub fn error(self, error: &crate::error::AppError) -> String {
        use crate::error::AppError;
        match error {
            AppError::Unauthenticated => self.t("error-unauthenticated"),
            AppError::Forbidden => self.t("error-forbidden"),
            AppError::NotFound => self.t("error-not-found"),
            AppError::Invalid { fields, .. } if !fields.is_empty() => {
                self.t_with("error-invalid-fields", &[("count", fields.len().into())])
            }
            AppError::Invalid { message, .. } => message.clone(),
            AppError::RateLimited { retry_after_secs } => self.t_with(
                "error-rate-limited",
                &[("seconds", (*retry_after_secs).into())],
            ),
            AppError::Unavailable => self.t("error-unavailable"),
            AppError::Internal => self.t("error-internal"),
        }
    }

    /// The heading for a page that shows only `error`.
    pub fn error_title(self, error: &crate::error::AppError) -> String {
        use crate::error::AppError;
        self.t(match error {
            AppError::NotFound => "error-title-not-found",
            AppError::Forbidden => "error-title-forbidden",
            AppError::Unauthenticated => "error-title-unauthenticated",
            AppError::RateLimited { .. } => "error-title-rate-limited",
            AppError::Unavailable => "error-title-unavailable",
            _ => "error-title-other",
        })
    }

    /// A number with `decimals` places and grouped thousands.
    pub fn number(self, value: f64, decimals: usize) -> String {
        format::number(self.locale, value, decimals)
    }
}

#[cfg(feature = "ssr")]
tokio::task_local! {
    /// The locale of the request this task is answering, for code outside the Leptos
    /// render (form handlers, the services they call): set by the server's locale middleware.
    static REQUEST_LOCALE: Locale;
}

/// Runs `work` as part of answering a request in `locale` (see [`current`]).
#[cfg(feature = "ssr")]
pub async fn in_request_locale<F: std::future::Future>(locale: Locale, work: F) -> F::Output {
    REQUEST_LOCALE.scope(locale, work).await
}

/// The translator for the request being answered, for services: the form handler's (set by
/// the locale middleware for this task), else the page's (from the Leptos context, which
/// follows the renderer onto other tasks), else English.
#[cfg(feature = "ssr")]
pub fn current() -> I18n {
    REQUEST_LOCALE
        .try_with(|locale| I18n::new(*locale))
        .unwrap_or_else(|_| use_i18n())
}

/// The translator for the page being rendered: the one the document shell put into the
/// context, else one for the request's locale, else English.
pub fn use_i18n() -> I18n {
    use leptos::prelude::use_context;
    if let Some(i18n) = use_context::<I18n>() {
        return i18n;
    }
    #[cfg(feature = "ssr")]
    if let Some(parts) = use_context::<http::request::Parts>() {
        if let Some(locale) = parts.extensions.get::<Locale>() {
            return I18n::new(*locale);
        }
    }
    I18n::default()
}
