//! The lines of a roadmap's history as data: what people changed (an initiative's phase,
//! drop, owner, done; the settings), stored as JSON beside the English words, and worded
//! when shown, in the reader's language with the titles of that language.

use crate::domain::model::MaturityModel;
use crate::domain::planner::{level, weeks};
use crate::domain::roadmap::{PhaseLength, RoadmapSettings};
use crate::i18n::I18n;
use serde::{Deserialize, Serialize};

/// What an action did to one initiative. Phases are 0-based.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    Moved { from: usize, to: usize },
    Pinned { phase: usize },
    Dropped,
    Restored,
    ClearedOwner,
    Owner(String),
    MarkedDone,
    MarkedNotDone,
}

/// One changed setting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SettingChange {
    Phases {
        from: usize,
        to: usize,
    },
    Capacity {
        from: f64,
        to: f64,
    },
    PhaseLength {
        from: PhaseLength,
        to: PhaseLength,
    },
    /// Days as `YYYY-MM-DD`.
    Start {
        from: String,
        to: String,
    },
    /// A dimension's target; `None` is the default.
    Target {
        dimension: String,
        /// The dimension's title in English, for lines whose model is gone.
        title: String,
        from: Option<f64>,
        to: Option<f64>,
    },
}

/// A line of the history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Entry {
    Initiative {
        id: String,
        /// Its English title when it happened.
        title: String,
        effect: Effect,
    },
    /// Empty when the settings were saved unchanged.
    Settings { changes: Vec<SettingChange> },
}

/// What changed between two settings.
pub fn settings_changes(
    before: &RoadmapSettings,
    after: &RoadmapSettings,
    model: &MaturityModel,
) -> Vec<SettingChange> {
    let mut changes = Vec::new();
    if before.phases != after.phases {
        changes.push(SettingChange::Phases {
            from: before.phases,
            to: after.phases,
        });
    }
    if before.capacity_weeks != after.capacity_weeks {
        changes.push(SettingChange::Capacity {
            from: before.capacity_weeks,
            to: after.capacity_weeks,
        });
    }
    if before.phase_length != after.phase_length {
        changes.push(SettingChange::PhaseLength {
            from: before.phase_length,
            to: after.phase_length,
        });
    }
    if before.starts_on != after.starts_on {
        changes.push(SettingChange::Start {
            from: before.starts_on.to_string(),
            to: after.starts_on.to_string(),
        });
    }
    for dimension in &model.dimensions {
        let (from, to) = (
            before.targets.get(&dimension.id).copied(),
            after.targets.get(&dimension.id).copied(),
        );
        if from != to {
            changes.push(SettingChange::Target {
                dimension: dimension.id.clone(),
                title: dimension.title.clone(),
                from,
                to,
            });
        }
    }
    changes
}

/// A title in the reader's language by id, where there is a translation.
type Lookup<'a> = Box<dyn Fn(&str) -> Option<String> + Send + Sync + 'a>;

/// The titles lines are worded with.
pub struct Titles<'a> {
    pub initiative: Lookup<'a>,
    pub dimension: Lookup<'a>,
}

impl Titles<'static> {
    /// The titles each line was recorded with (English).
    pub fn recorded() -> Self {
        Titles {
            initiative: Box::new(|_| None),
            dimension: Box::new(|_| None),
        }
    }
}

impl Entry {
    /// The line in words, without a final full stop: "Moved “CRM hygiene” from phase 1 to
    /// phase 2", "Changed the settings: phases 4 → 6; …".
    pub fn words(&self, i18n: I18n, titles: &Titles<'_>) -> String {
        match self {
            Entry::Initiative { id, title, effect } => {
                let title = (titles.initiative)(id).unwrap_or_else(|| title.clone());
                effect_words(effect, &title, i18n)
            }
            Entry::Settings { changes } if changes.is_empty() => {
                i18n.t("roadmap-change-settings-unchanged")
            }
            Entry::Settings { changes } => {
                let parts: Vec<String> = changes
                    .iter()
                    .map(|change| setting_words(change, i18n, titles))
                    .collect();
                i18n.t_with(
                    "roadmap-change-settings",
                    &[(
                        "changes",
                        parts.join(&i18n.t("roadmap-change-separator")).into(),
                    )],
                )
            }
        }
    }
}

fn effect_words(effect: &Effect, title: &str, i18n: I18n) -> String {
    let title = ("initiative", title.into());
    match effect {
        Effect::Moved { from, to } => i18n.t_with(
            "roadmap-change-moved",
            &[title, ("from", (from + 1).into()), ("to", (to + 1).into())],
        ),
        Effect::Pinned { phase } => i18n.t_with(
            "roadmap-change-pinned",
            &[title, ("phase", (phase + 1).into())],
        ),
        Effect::Dropped => i18n.t_with("roadmap-change-dropped", &[title]),
        Effect::Restored => i18n.t_with("roadmap-change-restored", &[title]),
        Effect::ClearedOwner => i18n.t_with("roadmap-change-owner-cleared", &[title]),
        Effect::Owner(name) => i18n.t_with(
            "roadmap-change-owner",
            &[title, ("name", name.as_str().into())],
        ),
        Effect::MarkedDone => i18n.t_with("roadmap-change-done", &[title]),
        Effect::MarkedNotDone => i18n.t_with("roadmap-change-not-done", &[title]),
    }
}

fn setting_words(change: &SettingChange, i18n: I18n, titles: &Titles<'_>) -> String {
    let from_to = |key: &str, from: String, to: String| {
        i18n.t_with(key, &[("from", from.into()), ("to", to.into())])
    };
    let length = |l: &PhaseLength| i18n.t(l.label_key()).to_lowercase();
    match change {
        SettingChange::Phases { from, to } => {
            from_to("roadmap-change-phases", from.to_string(), to.to_string())
        }
        SettingChange::Capacity { from, to } => {
            from_to("roadmap-change-capacity", weeks(*from), weeks(*to))
        }
        SettingChange::PhaseLength { from, to } => {
            from_to("roadmap-change-phase-length", length(from), length(to))
        }
        SettingChange::Start { from, to } => {
            from_to("roadmap-change-start", i18n.day(from), i18n.day(to))
        }
        SettingChange::Target {
            dimension,
            title,
            from,
            to,
        } => {
            let show = |target: &Option<f64>| {
                target.map_or_else(|| i18n.t("roadmap-change-target-default"), level)
            };
            i18n.t_with(
                "roadmap-change-target",
                &[
                    (
                        "dimension",
                        (titles.dimension)(dimension)
                            .unwrap_or_else(|| title.clone())
                            .into(),
                    ),
                    ("from", show(from).into()),
                    ("to", show(to).into()),
                ],
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_read_back_from_their_json_in_either_language() {
        let entry = Entry::Initiative {
            id: "crm-hygiene".into(),
            title: "CRM hygiene".into(),
            effect: Effect::Moved { from: 0, to: 2 },
        };
        let stored = serde_json::to_string(&entry).unwrap();
        let back: Entry = serde_json::from_str(&stored).unwrap();
        assert_eq!(back, entry);
        assert_eq!(
            back.words(I18n::default(), &Titles::recorded()),
            "Moved “CRM hygiene” from phase 1 to phase 3"
        );
        let chinese = I18n::new(crate::i18n::Locale::ZhCn);
        let translated = Titles {
            initiative: Box::new(|id| (id == "crm-hygiene").then(|| "CRM 数据治理".to_owned())),
            dimension: Box::new(|_| None),
        };
        let words = back.words(chinese, &translated);
        assert!(
            words.contains("CRM 数据治理") && !words.contains("Moved"),
            "{words}"
        );
    }

    #[test]
    fn settings_lines_name_each_change() {
        let entry = Entry::Settings {
            changes: vec![
                SettingChange::Phases { from: 4, to: 6 },
                SettingChange::Capacity {
                    from: 12.0,
                    to: 7.5,
                },
                SettingChange::PhaseLength {
                    from: PhaseLength::Quarter,
                    to: PhaseLength::Month,
                },
                SettingChange::Target {
                    dimension: "data".into(),
                    title: "Data".into(),
                    from: None,
                    to: Some(4.0),
                },
            ],
        };
        assert_eq!(
            entry.words(I18n::default(), &Titles::recorded()),
            "Changed the settings: phases 4 → 6; capacity 12 → 7.5 person-weeks per phase; \
             phase length quarters → months; target for Data default → 4.0"
        );
        assert_eq!(
            Entry::Settings { changes: vec![] }.words(I18n::default(), &Titles::recorded()),
            "Saved the settings unchanged"
        );
    }
}
