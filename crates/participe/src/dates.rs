//! Dates as people write them: "du 3 septembre au 18 octobre 2026", with the
//! time only where it matters (a step that does not start and end at
//! midnight), the year only once when both ends share it, and the month only
//! once when they share that too. Month names and the phrases around the
//! dates come from the catalogues (`month-N`, `dates-*`).

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike, Utc};
use chrono_tz::Tz;

use crate::i18n::{I18n, Lang};

/// One end of a range, in local time.
#[derive(Debug, Clone, Copy, PartialEq)]
struct End {
    day: NaiveDate,
    time: Option<NaiveTime>,
}

/// A start is a whole day when it is local midnight.
fn start_of(dt: DateTime<Utc>, tz: Tz) -> End {
    let local = dt.with_timezone(&tz);
    let t = local.time();
    End {
        day: local.date_naive(),
        time: (t.hour() != 0 || t.minute() != 0).then_some(t),
    }
}

/// An end is a whole day when it is 23:59 (the last minute of that day) or
/// local midnight (the end of the day before).
fn end_of(dt: DateTime<Utc>, tz: Tz) -> End {
    let local = dt.with_timezone(&tz);
    let t = local.time();
    if t.hour() == 0 && t.minute() == 0 {
        End {
            day: local.date_naive().pred_opt().unwrap_or(local.date_naive()),
            time: None,
        }
    } else if t.hour() == 23 && t.minute() == 59 {
        End {
            day: local.date_naive(),
            time: None,
        }
    } else {
        End {
            day: local.date_naive(),
            time: Some(t),
        }
    }
}

fn day_number(d: NaiveDate, lang: Lang) -> String {
    match (lang, d.day()) {
        (Lang::Fr, 1) => "1er".to_string(),
        (_, n) => n.to_string(),
    }
}

fn time_text(t: NaiveTime, lang: Lang) -> String {
    match lang {
        Lang::Fr if t.minute() == 0 => format!("{} h", t.hour()),
        Lang::Fr => format!("{} h {:02}", t.hour(), t.minute()),
        Lang::En => format!("{}:{:02}", t.hour(), t.minute()),
    }
}

/// The name of month `m` (1–12), read from the catalogues once: they are
/// embedded in the binary, so they never change while it runs.
fn month_name(i18n: &I18n, lang: Lang, m: u32) -> &'static str {
    static NAMES: std::sync::OnceLock<Vec<Vec<String>>> = std::sync::OnceLock::new();
    let names = NAMES.get_or_init(|| {
        Lang::ALL
            .iter()
            .map(|l| (1..=12).map(|m| i18n.t(*l, &format!("month-{m}"), None)).collect())
            .collect()
    });
    let l = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    names[l].get(m as usize - 1).map(String::as_str).unwrap_or("")
}

/// "3 septembre 2026", "3 septembre", or "3"; with its time if it has one
/// ("3 septembre 2026 à 9 h 30").
fn date_text(i18n: &I18n, lang: Lang, e: End, month: bool, year: bool) -> String {
    let mut s = day_number(e.day, lang);
    if month {
        s.push(' ');
        s.push_str(month_name(i18n, lang, e.day.month()));
    }
    if year {
        s.push(' ');
        s.push_str(&e.day.year().to_string());
    }
    if let Some(t) = e.time {
        let mut args = fluent_bundle::FluentArgs::new();
        args.set("date", s);
        args.set("time", time_text(t, lang));
        s = i18n.t(lang, "dates-at-time", Some(&args));
    }
    s
}

/// A moment, written out: "3 septembre 2026 à 9 h 30".
pub fn moment(i18n: &I18n, lang: Lang, tz: Tz, dt: DateTime<Utc>) -> String {
    let local = dt.with_timezone(&tz);
    let e = End {
        day: local.date_naive(),
        time: Some(local.time()),
    };
    date_text(i18n, lang, e, true, true)
}

/// A calendar day, written out: "1er septembre 2026".
pub fn day(i18n: &I18n, lang: Lang, d: NaiveDate) -> String {
    date_text(i18n, lang, End { day: d, time: None }, true, true)
}

/// The phrase for a step's dates, or `None` when it has neither.
pub fn range(
    i18n: &I18n,
    lang: Lang,
    tz: Tz,
    starts_at: Option<DateTime<Utc>>,
    ends_at: Option<DateTime<Utc>>,
) -> Option<String> {
    let phrase = |id: &str, start: Option<String>, end: Option<String>| {
        let mut args = fluent_bundle::FluentArgs::new();
        if let Some(s) = start {
            args.set("start", s);
        }
        if let Some(e) = end {
            args.set("end", e);
        }
        i18n.t(lang, id, Some(&args))
    };
    match (starts_at, ends_at) {
        (None, None) => None,
        (Some(s), None) => Some(phrase(
            "dates-from",
            Some(date_text(i18n, lang, start_of(s, tz), true, true)),
            None,
        )),
        (None, Some(e)) => Some(phrase(
            "dates-until",
            None,
            Some(date_text(i18n, lang, end_of(e, tz), true, true)),
        )),
        (Some(s), Some(e)) => {
            let (a, b) = (start_of(s, tz), end_of(e, tz));
            let whole_days = a.time.is_none() && b.time.is_none();
            if whole_days && a.day >= b.day {
                return Some(phrase("dates-on", Some(date_text(i18n, lang, a, true, true)), None));
            }
            let same_year = whole_days && a.day.year() == b.day.year();
            let same_month = same_year && a.day.month() == b.day.month();
            Some(phrase(
                "dates-range",
                Some(date_text(i18n, lang, a, !same_month, !same_year)),
                Some(date_text(i18n, lang, b, true, true)),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn paris(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        chrono_tz::Europe::Paris
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn fr(s: Option<DateTime<Utc>>, e: Option<DateTime<Utc>>) -> String {
        let i18n = I18n::new();
        range(&i18n, Lang::Fr, chrono_tz::Europe::Paris, s, e).unwrap_or_default()
    }

    fn en(s: Option<DateTime<Utc>>, e: Option<DateTime<Utc>>) -> String {
        let i18n = I18n::new();
        range(&i18n, Lang::En, chrono_tz::Europe::Paris, s, e).unwrap_or_default()
    }

    #[test]
    fn whole_days_read_without_times() {
        let (s, e) = (paris(2026, 9, 3, 0, 0), paris(2026, 10, 18, 23, 59));
        assert_eq!(fr(Some(s), Some(e)), "du 3 septembre au 18 octobre 2026");
        assert_eq!(en(Some(s), Some(e)), "from 3 September to 18 October 2026");
        // Ending at midnight is the end of the day before.
        assert_eq!(
            fr(Some(s), Some(paris(2026, 10, 19, 0, 0))),
            "du 3 septembre au 18 octobre 2026"
        );
        assert_eq!(
            fr(Some(paris(2026, 10, 1, 0, 0)), Some(paris(2026, 10, 18, 23, 59))),
            "du 1er au 18 octobre 2026"
        );
        assert_eq!(
            en(Some(paris(2026, 10, 1, 0, 0)), Some(paris(2026, 10, 18, 23, 59))),
            "from 1 to 18 October 2026"
        );
        assert_eq!(
            fr(Some(paris(2025, 12, 1, 0, 0)), Some(paris(2026, 1, 31, 23, 59))),
            "du 1er décembre 2025 au 31 janvier 2026"
        );
        assert_eq!(
            fr(Some(paris(2026, 5, 9, 0, 0)), Some(paris(2026, 5, 10, 0, 0))),
            "le 9 mai 2026"
        );
    }

    #[test]
    fn moments_and_days() {
        let i18n = I18n::new();
        let tz = chrono_tz::Europe::Paris;
        assert_eq!(
            moment(&i18n, Lang::Fr, tz, paris(2026, 12, 3, 4, 9)),
            "3 décembre 2026 à 4 h 09"
        );
        assert_eq!(
            moment(&i18n, Lang::En, tz, paris(2026, 12, 3, 16, 0)),
            "3 December 2026 at 16:00"
        );
        let d = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
        assert_eq!(day(&i18n, Lang::Fr, d), "1er septembre 2026");
        assert_eq!(day(&i18n, Lang::En, d), "1 September 2026");
    }

    #[test]
    fn times_show_when_they_matter() {
        assert_eq!(
            fr(Some(paris(2026, 9, 3, 9, 30)), Some(paris(2026, 10, 18, 18, 0))),
            "du 3 septembre 2026 à 9 h 30 au 18 octobre 2026 à 18 h"
        );
        assert_eq!(
            en(Some(paris(2026, 9, 3, 9, 30)), Some(paris(2026, 10, 18, 18, 0))),
            "from 3 September 2026 at 9:30 to 18 October 2026 at 18:00"
        );
        assert_eq!(fr(Some(paris(2026, 9, 3, 0, 0)), None), "à partir du 3 septembre 2026");
        assert_eq!(fr(None, Some(paris(2026, 9, 3, 23, 59))), "jusqu’au 3 septembre 2026");
        assert_eq!(
            en(None, Some(paris(2026, 9, 3, 12, 0))),
            "until 3 September 2026 at 12:00"
        );
        let i18n = I18n::new();
        assert_eq!(range(&i18n, Lang::Fr, chrono_tz::Europe::Paris, None, None), None);
    }
}
