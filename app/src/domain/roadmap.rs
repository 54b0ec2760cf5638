//! A campaign's roadmap settings as an executive sets them: how many phases, how long each
//! is, when the first starts, how many person-weeks each has, and a target level per
//! dimension. Pure: parsing with messages that say what to fix, defaults, phase dates.

use super::planner::{default_target, MAX_LEVEL};
use crate::i18n::I18n;
use crate::tr_key;
use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// At most this many phases: beyond three years of quarters a plan is guesswork.
pub const MAX_PHASES: usize = 12;
/// At most this many person-weeks per phase (a team of 40 for a half-year).
pub const MAX_CAPACITY_WEEKS: f64 = 1000.0;

pub const DEFAULT_PHASES: usize = 4;
pub const DEFAULT_CAPACITY_WEEKS: f64 = 12.0;

/// How long one phase lasts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum PhaseLength {
    Month,
    Quarter,
    HalfYear,
}

impl PhaseLength {
    pub const ALL: [PhaseLength; 3] = [
        PhaseLength::Month,
        PhaseLength::Quarter,
        PhaseLength::HalfYear,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PhaseLength::Month => "month",
            PhaseLength::Quarter => "quarter",
            PhaseLength::HalfYear => "half-year",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PhaseLength::Month => "Months",
            PhaseLength::Quarter => "Quarters",
            PhaseLength::HalfYear => "Half-years",
        }
    }

    /// The catalogue key of [`Self::label`], for pages: `i18n.t(x.label_key())`.
    pub fn label_key(self) -> &'static str {
        match self {
            PhaseLength::Month => tr_key!("label-phase-length-month"),
            PhaseLength::Quarter => tr_key!("label-phase-length-quarter"),
            PhaseLength::HalfYear => tr_key!("label-phase-length-half-year"),
        }
    }

    pub fn months(self) -> u32 {
        match self {
            PhaseLength::Month => 1,
            PhaseLength::Quarter => 3,
            PhaseLength::HalfYear => 6,
        }
    }

    pub fn parse(input: &str) -> Option<PhaseLength> {
        PhaseLength::ALL
            .into_iter()
            .find(|p| p.as_str() == input.trim())
    }
}

/// The settings of one roadmap.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RoadmapSettings {
    /// 1..=[`MAX_PHASES`].
    pub phases: usize,
    /// Person-weeks per phase, > 0 and <= [`MAX_CAPACITY_WEEKS`].
    pub capacity_weeks: f64,
    pub phase_length: PhaseLength,
    /// The first day of the first phase.
    #[cfg_attr(feature = "ssr", schema(value_type = String, format = Date))]
    pub starts_on: NaiveDate,
    /// Target level per dimension id, 1..=5; a dimension without one gets
    /// [`default_target`] of its current level.
    pub targets: BTreeMap<String, f64>,
}

impl RoadmapSettings {
    /// Four quarters of 12 person-weeks from the first day of the quarter after `today`,
    /// with default targets.
    pub fn defaults(today: NaiveDate) -> Self {
        RoadmapSettings {
            phases: DEFAULT_PHASES,
            capacity_weeks: DEFAULT_CAPACITY_WEEKS,
            phase_length: PhaseLength::Quarter,
            starts_on: next_quarter(today),
            targets: BTreeMap::new(),
        }
    }

    /// The target for a dimension now at `current` (None: no answers yet).
    pub fn target(&self, dimension_id: &str, current: Option<f64>) -> f64 {
        self.targets
            .get(dimension_id)
            .copied()
            .unwrap_or_else(|| current.map_or(1.0, default_target))
    }

    /// First day of phase `index` (0-based).
    pub fn phase_start(&self, index: usize) -> NaiveDate {
        add_months(self.starts_on, self.phase_length.months() * index as u32)
    }

    /// Last day of phase `index`.
    pub fn phase_end(&self, index: usize) -> NaiveDate {
        self.phase_start(index + 1)
            .pred_opt()
            .unwrap_or(NaiveDate::MAX)
    }

    /// "Phase 1 · Jan 2027 - Mar 2027" (one month: "Phase 1 · Jan 2027"), in English for
    /// the exports; pages word it from [`Self::phase_start`] and [`Self::phase_end`].
    pub fn phase_label(&self, index: usize) -> String {
        let (start, end) = (self.phase_start(index), self.phase_end(index));
        if self.phase_length == PhaseLength::Month {
            format!("Phase {} · {}", index + 1, start.format("%b %Y"))
        } else {
            format!(
                "Phase {} · {} – {}",
                index + 1,
                start.format("%b %Y"),
                end.format("%b %Y")
            )
        }
    }
}

fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// The first day of the calendar quarter after the one `today` is in.
pub fn next_quarter(today: NaiveDate) -> NaiveDate {
    let quarter_start_month = (today.month0() / 3) * 3 + 1;
    let this_quarter =
        NaiveDate::from_ymd_opt(today.year(), quarter_start_month, 1).unwrap_or(today);
    add_months(this_quarter, 3)
}

/// The settings form as typed: every field a string, targets by dimension id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SettingsInput {
    pub phases: String,
    pub capacity_weeks: String,
    pub phase_length: String,
    pub starts_on: String,
    pub targets: BTreeMap<String, String>,
}

/// Parses the settings form. `dimensions` are the model's dimension ids; a target for any
/// other id is an error, a dimension left empty keeps the default. Errors are keyed by
/// field name (`phases`, `capacity_weeks`, `phase_length`, `starts_on`, `target.<id>`) and
/// worded by `i18n`.
pub fn parse_settings(
    input: &SettingsInput,
    dimensions: &[&str],
    i18n: I18n,
) -> Result<RoadmapSettings, BTreeMap<String, String>> {
    let mut errors = BTreeMap::new();
    let phases = match input.phases.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_PHASES).contains(&n) => n,
        _ => {
            errors.insert(
                "phases".into(),
                i18n.t_with("roadmap-error-phases", &[("max", MAX_PHASES.into())]),
            );
            0
        }
    };
    let capacity_weeks = match parse_number(&input.capacity_weeks) {
        Some(c) if c > 0.0 && c <= MAX_CAPACITY_WEEKS => c,
        _ => {
            errors.insert(
                "capacity_weeks".into(),
                i18n.t_with(
                    "roadmap-error-capacity",
                    &[("max", format!("{MAX_CAPACITY_WEEKS:.0}").into())],
                ),
            );
            0.0
        }
    };
    let phase_length = PhaseLength::parse(&input.phase_length).unwrap_or_else(|| {
        errors.insert("phase_length".into(), i18n.t("roadmap-error-phase-length"));
        PhaseLength::Quarter
    });
    let starts_on =
        NaiveDate::parse_from_str(input.starts_on.trim(), "%Y-%m-%d").unwrap_or_else(|_| {
            errors.insert("starts_on".into(), i18n.t("roadmap-error-starts-on"));
            NaiveDate::MIN
        });
    let mut targets = BTreeMap::new();
    for (id, value) in &input.targets {
        if !dimensions.contains(&id.as_str()) {
            errors.insert(
                format!("target.{id}"),
                i18n.t_with(
                    "roadmap-error-unknown-dimension",
                    &[("id", id.as_str().into())],
                ),
            );
            continue;
        }
        if value.trim().is_empty() {
            continue;
        }
        match parse_number(value) {
            Some(t) if (1.0..=MAX_LEVEL).contains(&t) => {
                targets.insert(id.clone(), t);
            }
            _ => {
                errors.insert(
                    format!("target.{id}"),
                    i18n.t_with(
                        "roadmap-error-target",
                        &[("max", format!("{MAX_LEVEL:.0}").into())],
                    ),
                );
            }
        }
    }
    if errors.is_empty() {
        Ok(RoadmapSettings {
            phases,
            capacity_weeks,
            phase_length,
            starts_on,
            targets,
        })
    } else {
        Err(errors)
    }
}

/// A finite number; a decimal comma is accepted ("7,5").
fn parse_number(input: &str) -> Option<f64> {
    input
        .trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn input() -> SettingsInput {
        SettingsInput {
            phases: "4".into(),
            capacity_weeks: "12".into(),
            phase_length: "quarter".into(),
            starts_on: "2027-01-01".into(),
            targets: BTreeMap::new(),
        }
    }

    #[test]
    fn the_default_roadmap_starts_with_the_next_quarter() {
        assert_eq!(next_quarter(date(2026, 12, 2)), date(2027, 1, 1));
        assert_eq!(next_quarter(date(2026, 1, 1)), date(2026, 4, 1));
        assert_eq!(next_quarter(date(2026, 6, 30)), date(2026, 7, 1));
        let settings = RoadmapSettings::defaults(date(2026, 12, 2));
        assert_eq!(settings.phases, 4);
        assert_eq!(settings.starts_on, date(2027, 1, 1));
    }

    #[test]
    fn phases_follow_each_other_without_gaps() {
        let settings = RoadmapSettings::defaults(date(2026, 12, 2));
        assert_eq!(settings.phase_start(1), date(2027, 4, 1));
        assert_eq!(settings.phase_end(0), date(2027, 3, 31));
        assert_eq!(settings.phase_label(0), "Phase 1 · Jan 2027 – Mar 2027");
        let monthly = RoadmapSettings {
            phase_length: PhaseLength::Month,
            starts_on: date(2027, 1, 31),
            ..settings
        };
        // Month arithmetic clamps to the month's end rather than spilling over.
        assert_eq!(monthly.phase_start(1), date(2027, 2, 28));
        assert_eq!(monthly.phase_label(2), "Phase 3 · Mar 2027");
    }

    #[test]
    fn targets_default_to_one_level_up_capped_at_five() {
        let mut settings = RoadmapSettings::defaults(date(2026, 12, 2));
        assert_eq!(settings.target("data", Some(1.8)), 2.8);
        assert_eq!(settings.target("data", Some(4.6)), 5.0);
        assert_eq!(settings.target("data", None), 1.0);
        settings.targets.insert("data".into(), 3.0);
        assert_eq!(settings.target("data", Some(1.8)), 3.0);
    }

    #[test]
    fn valid_settings_parse_with_decimal_commas_and_empty_targets() {
        let mut form = input();
        form.capacity_weeks = "7,5".into();
        form.targets.insert("data".into(), "3".into());
        form.targets.insert("alignment".into(), " ".into());
        let settings = parse_settings(&form, &["data", "alignment"], I18n::default()).unwrap();
        assert_eq!(settings.capacity_weeks, 7.5);
        assert_eq!(settings.targets.len(), 1);
        assert_eq!(settings.targets["data"], 3.0);
    }

    #[test]
    fn each_bad_field_gets_its_own_message() {
        let form = SettingsInput {
            phases: "13".into(),
            capacity_weeks: "0".into(),
            phase_length: "fortnight".into(),
            starts_on: "next monday".into(),
            targets: [
                ("data".to_owned(), "6".to_owned()),
                ("nope".to_owned(), "3".to_owned()),
            ]
            .into(),
        };
        let errors = parse_settings(&form, &["data"], I18n::default()).unwrap_err();
        let keys: Vec<&str> = errors.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "capacity_weeks",
                "phase_length",
                "phases",
                "starts_on",
                "target.data",
                "target.nope"
            ]
        );
        assert!(errors["phases"].contains("1 to 12"));
        for bad in ["NaN", "inf", "-1", "1001", "twelve"] {
            let form = SettingsInput {
                capacity_weeks: bad.into(),
                ..input()
            };
            assert!(
                parse_settings(&form, &[], I18n::default()).is_err(),
                "{bad} accepted"
            );
        }
    }
}
