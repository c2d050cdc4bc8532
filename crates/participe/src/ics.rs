//! Events as iCalendar (RFC 5545) for calendar applications: one event's
//! `.ics` file and the feed of every published event.

use icalendar::{Calendar, Component, EventLike, EventStatus};

use crate::storage::events::Event;

/// A calendar of `events` named after the site; `base` is the public URL.
pub fn calendar(site: &str, base: &str, events: &[Event]) -> String {
    let host = base
        .split("://")
        .nth(1)
        .unwrap_or(base)
        .split(['/', ':'])
        .next()
        .unwrap_or("participe");
    let mut cal = Calendar::new();
    cal.name(site);
    for e in events {
        let link = format!("{base}/events/{}", e.id);
        let mut ev = icalendar::Event::new();
        ev.uid(&format!("event-{}@{host}", e.id))
            .summary(&e.title)
            .starts(e.starts_at)
            .ends(e.ends_at)
            .timestamp(e.updated_at)
            .url(&link)
            .status(if e.cancelled_at.is_some() {
                EventStatus::Cancelled
            } else {
                EventStatus::Confirmed
            });
        let mut description = e.description.clone();
        if !e.online_url.is_empty() {
            description.push_str(&format!("\n\n{}", e.online_url));
        }
        description.push_str(&format!("\n\n{link}"));
        ev.description(description.trim());
        if !e.address.is_empty() {
            ev.location(&e.address);
        }
        cal.push(ev.done());
    }
    cal.done().to_string()
}
