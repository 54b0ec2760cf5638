//! The embedded catalogues and the Fluent bundles built from them.

use super::Locale;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::sync::OnceLock;

/// A message variable's value: text or a number (numbers pick plural forms).
pub type Arg<'a> = fluent_bundle::FluentValue<'a>;

macro_rules! catalogue_files {
    ($($name:literal),* $(,)?) => {
        /// Every catalogue file, by name, with its English and its Simplified Chinese text.
        /// A file in `app/locales/en/` that is not listed here fails the tests.
        pub const CATALOGUE_FILES: &[(&str, &str, &str)] = &[
            $((
                $name,
                include_str!(concat!("../../locales/en/", $name, ".ftl")),
                include_str!(concat!("../../locales/zh-CN/", $name, ".ftl")),
            )),*
        ];
    };
}

catalogue_files![
    "common",
    "labels",
    "home",
    "auth",
    "dashboard",
    "settings",
    "invite",
    "assessments",
    "questionnaire",
    "results",
    "roadmap",
    "hiring",
];

/// The text of every catalogue file of `locale`, with the file's name.
pub(crate) fn sources(locale: Locale) -> impl Iterator<Item = (&'static str, &'static str)> {
    CATALOGUE_FILES
        .iter()
        .map(move |(name, en, zh)| match locale {
            Locale::En => (*name, *en),
            Locale::ZhCn => (*name, *zh),
        })
}

pub(crate) struct Catalogue {
    en: FluentBundle<FluentResource>,
    zh_cn: FluentBundle<FluentResource>,
}

/// The catalogues, parsed once per process.
pub(crate) fn catalogue() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| Catalogue {
        en: bundle(Locale::En),
        zh_cn: bundle(Locale::ZhCn),
    })
}

fn bundle(locale: Locale) -> FluentBundle<FluentResource> {
    let language = locale
        .tag()
        .parse()
        .expect("our locale tags are valid language identifiers");
    let mut bundle = FluentBundle::new_concurrent(vec![language]);
    // Isolation marks (U+2068/U+2069) around variables only matter for mixing
    // right-to-left text in; neither of our languages is, and they would end up in
    // attributes, exports and copied text.
    bundle.set_use_isolating(false);
    for (name, source) in sources(locale) {
        // A syntax error keeps the rest of the file; the tests fail on any.
        let resource =
            FluentResource::try_new(source.to_owned()).unwrap_or_else(|(resource, errors)| {
                report(locale, name, &format!("{errors:?}"));
                resource
            });
        if let Err(errors) = bundle.add_resource(resource) {
            report(locale, name, &format!("{errors:?}"));
        }
    }
    bundle
}

fn report(locale: Locale, file: &str, problem: &str) {
    #[cfg(feature = "ssr")]
    tracing::error!(%locale, file, problem, "translation catalogue has errors");
    #[cfg(not(feature = "ssr"))]
    let _ = (locale, file, problem);
}

impl Catalogue {
    pub(crate) fn bundle(&self, locale: Locale) -> &FluentBundle<FluentResource> {
        match locale {
            Locale::En => &self.en,
            Locale::ZhCn => &self.zh_cn,
        }
    }

    /// The message `key` (or its attribute, `key.attribute`) in `locale`, falling back to
    /// English and then to the key itself.
    pub(crate) fn format(&self, locale: Locale, key: &str, args: &[(&str, Arg<'_>)]) -> String {
        let fluent_args = (!args.is_empty()).then(|| {
            let mut fluent_args = FluentArgs::with_capacity(args.len());
            for (name, value) in args {
                fluent_args.set(*name, value.clone());
            }
            fluent_args
        });
        let found = self
            .lookup(locale, key, fluent_args.as_ref())
            .or_else(|| self.lookup(Locale::En, key, fluent_args.as_ref()));
        found.unwrap_or_else(|| {
            report(locale, "-", &format!("missing message {key}"));
            key.to_owned()
        })
    }

    fn lookup(&self, locale: Locale, key: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
        let bundle = self.bundle(locale);
        let (id, attribute) = match key.split_once('.') {
            Some((id, attribute)) => (id, Some(attribute)),
            None => (key, None),
        };
        let message = bundle.get_message(id)?;
        let pattern = match attribute {
            Some(attribute) => message.get_attribute(attribute)?.value(),
            None => message.value()?,
        };
        let mut errors = Vec::new();
        let text = bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned();
        if !errors.is_empty() {
            report(locale, "-", &format!("{key}: {errors:?}"));
        }
        Some(text)
    }
}
