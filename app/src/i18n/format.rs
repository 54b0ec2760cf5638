//! Dates and numbers as each locale writes them (CLDR's medium date formats; both locales
//! use `.` for decimals and `,` to group thousands).

use super::Locale;
use chrono::{DateTime, Datelike, NaiveDate, Utc};

const EN_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

pub(super) fn date(locale: Locale, date: NaiveDate) -> String {
    match locale {
        Locale::En => format!(
            "{} {} {}",
            date.day(),
            EN_MONTHS[date.month0() as usize],
            date.year()
        ),
        Locale::ZhCn => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
    }
}

pub(super) fn date_time(locale: Locale, at: DateTime<Utc>) -> String {
    let day = date(locale, at.date_naive());
    let time = at.format("%H:%M");
    match locale {
        Locale::En => format!("{day}, {time} UTC"),
        Locale::ZhCn => format!("{day} {time} UTC"),
    }
}

pub(super) fn month(locale: Locale, date: NaiveDate) -> String {
    match locale {
        Locale::En => format!("{} {}", EN_MONTHS[date.month0() as usize], date.year()),
        Locale::ZhCn => format!("{}年{}月", date.year(), date.month()),
    }
}

pub(super) fn number(_locale: Locale, value: f64, decimals: usize) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text.as_str(), None),
    };
    let mut grouped = String::with_capacity(text.len() + whole.len() / 3 + 1);
    // "-0.0" reads oddly; a value that rounds to zero has no sign.
    if value < 0.0 && text.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        grouped.push('-');
    }
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if let Some(fraction) = fraction {
        grouped.push('.');
        grouped.push_str(fraction);
    }
    grouped
}
