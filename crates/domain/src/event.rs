//! Events (public meetings, workshops, walks, online sessions): their form,
//! and who gets a seat when people register — in order, up to the capacity,
//! the others on a waiting list that moves up when someone cancels.

use chrono::NaiveDateTime;

use crate::step::parse_local_datetime;
use crate::{FieldErrors, menu, text};

/// Longest description (Markdown).
pub const MAX_DESCRIPTION: usize = 20_000;
/// Longest address.
pub const MAX_ADDRESS: usize = 300;
/// Most seats an event may offer.
pub const MAX_CAPACITY: i64 = 100_000;
/// How long before an event its registrants get a reminder.
pub const REMINDER_HOURS: i64 = 24;

/// An event form as submitted.
#[derive(Debug, Default)]
pub struct RawEvent<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub starts_at: &'a str,
    pub ends_at: &'a str,
    pub address: &'a str,
    pub online_url: &'a str,
    /// "on" when people register.
    pub registration: bool,
    /// Empty: no limit.
    pub capacity: &'a str,
    pub published: bool,
}

/// A valid event form; dates still in the platform's local time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventInput {
    pub title: String,
    pub description: String,
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub address: String,
    pub online_url: String,
    pub registration: bool,
    pub capacity: Option<i64>,
    pub published: bool,
}

impl EventInput {
    pub fn parse(raw: &RawEvent) -> Result<EventInput, FieldErrors> {
        let mut errors = FieldErrors::new();
        let title = errors.check("title", text::title(raw.title));
        let description = errors.check("description", text::long_text(raw.description, MAX_DESCRIPTION));
        let required = |r: Result<Option<NaiveDateTime>, &'static str>| r.and_then(|d| d.ok_or("error-required"));
        let starts_at = errors.check("starts_at", required(parse_local_datetime(raw.starts_at)));
        let ends_at = errors.check("ends_at", required(parse_local_datetime(raw.ends_at)));
        if let (Some(s), Some(e)) = (starts_at, ends_at)
            && e <= s
        {
            errors.add("ends_at", "error-end-before-start");
        }
        let address = raw.address.trim();
        if address.chars().count() > MAX_ADDRESS || address.contains(['\n', '\r']) {
            errors.add("address", "error-event-address");
        }
        let online_url = match raw.online_url.trim() {
            "" => String::new(),
            u => errors
                .check(
                    "online_url",
                    menu::url(u)
                        .ok()
                        .filter(|u| u.starts_with("http"))
                        .ok_or("error-event-online-url"),
                )
                .unwrap_or_default(),
        };
        let capacity = match raw.capacity.trim() {
            "" => None,
            c => errors.check(
                "capacity",
                c.parse::<i64>()
                    .ok()
                    .filter(|n| (1..=MAX_CAPACITY).contains(n))
                    .map(Some)
                    .ok_or("error-event-capacity"),
            ),
        };
        errors.into_result(|| EventInput {
            title: title.unwrap_or_default(),
            description: description.unwrap_or_default(),
            starts_at: starts_at.unwrap_or_default(),
            ends_at: ends_at.unwrap_or_default(),
            address: address.to_string(),
            online_url,
            registration: raw.registration,
            capacity: capacity.flatten(),
            published: raw.published,
        })
    }
}

/// Where a registration stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seat {
    Confirmed,
    Waiting,
}

impl Seat {
    pub fn as_str(self) -> &'static str {
        match self {
            Seat::Confirmed => "confirmed",
            Seat::Waiting => "waiting",
        }
    }

    pub fn parse(s: &str) -> Option<Seat> {
        match s {
            "confirmed" => Some(Seat::Confirmed),
            "waiting" => Some(Seat::Waiting),
            _ => None,
        }
    }
}

/// The seat of a new registration, given the confirmed ones so far.
pub fn seat_for(capacity: Option<i64>, confirmed: i64) -> Seat {
    match capacity {
        Some(c) if confirmed >= c => Seat::Waiting,
        _ => Seat::Confirmed,
    }
}

/// How many people on the waiting list move up: the seats free, at most
/// the people waiting.
pub fn promotions(capacity: Option<i64>, confirmed: i64, waiting: i64) -> i64 {
    match capacity {
        None => waiting,
        Some(c) => (c - confirmed).clamp(0, waiting),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw<'a>(starts: &'a str, ends: &'a str, capacity: &'a str, url: &'a str) -> RawEvent<'a> {
        RawEvent {
            title: "Atelier vélo",
            description: "Réparons ensemble.",
            starts_at: starts,
            ends_at: ends,
            address: "Maison du quartier, 3 rue Haute",
            online_url: url,
            registration: true,
            capacity,
            published: true,
        }
    }

    #[test]
    fn a_complete_event_parses() {
        let e = EventInput::parse(&raw(
            "2027-03-01T18:00",
            "2027-03-01T20:00",
            "25",
            "https://visio.example.org/a",
        ))
        .unwrap();
        assert_eq!(e.capacity, Some(25));
        assert_eq!(e.online_url, "https://visio.example.org/a");
        assert!(
            EventInput::parse(&raw("2027-03-01T18:00", "2027-03-01T20:00", "", ""))
                .unwrap()
                .capacity
                .is_none()
        );
    }

    #[test]
    fn bad_dates_capacity_and_links_are_refused_with_their_field() {
        let fields = |r: RawEvent| -> Vec<String> {
            EventInput::parse(&r)
                .unwrap_err()
                .0
                .into_iter()
                .map(|e| e.field)
                .collect()
        };
        assert_eq!(fields(raw("", "2027-03-01T20:00", "25", "")), ["starts_at"]);
        assert_eq!(
            fields(raw("2027-03-01T20:00", "2027-03-01T18:00", "25", "")),
            ["ends_at"]
        );
        assert_eq!(
            fields(raw("2027-03-01T18:00", "2027-03-01T20:00", "0", "")),
            ["capacity"]
        );
        assert_eq!(
            fields(raw("2027-03-01T18:00", "2027-03-01T20:00", "beaucoup", "")),
            ["capacity"]
        );
        assert_eq!(
            fields(raw("2027-03-01T18:00", "2027-03-01T20:00", "", "javascript:alert(1)")),
            ["online_url"]
        );
        assert_eq!(
            fields(raw("2027-03-01T18:00", "2027-03-01T20:00", "", "/local")),
            ["online_url"]
        );
    }

    #[test]
    fn seats_go_in_order_then_to_the_waiting_list() {
        assert_eq!(seat_for(Some(2), 1), Seat::Confirmed);
        assert_eq!(seat_for(Some(2), 2), Seat::Waiting);
        assert_eq!(seat_for(None, 10_000), Seat::Confirmed);
        assert_eq!(promotions(Some(5), 3, 10), 2);
        assert_eq!(promotions(Some(5), 6, 10), 0);
        assert_eq!(promotions(Some(5), 3, 1), 1);
        assert_eq!(promotions(None, 3, 4), 4);
        for s in [Seat::Confirmed, Seat::Waiting] {
            assert_eq!(Seat::parse(s.as_str()), Some(s));
        }
    }
}
