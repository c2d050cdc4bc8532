//! Events over HTTP, on both engines: written and published by staff,
//! listed on the events page, the home page and their projects' pages;
//! registration up to the capacity with a waiting list (20 people at once),
//! cancellations moving the list up, the event cancelled, reminders sent
//! once, and the `.ics` file and feed parsed back by an iCalendar parser.

use crate::common;

use axum::http::StatusCode;
use chrono::{Duration, Utc};
use common::{Client, TestApp};
use participe::storage::events;
use participe_domain::Role;

/// A date `days` from now at 18:00 (local), as a datetime-local field wants it.
fn local(days: i64, hour: u32) -> String {
    let d = (Utc::now() + Duration::days(days)).date_naive();
    format!("{}T{hour:02}:00", d.format("%Y-%m-%d"))
}

async fn create_event(admin: &mut Client, fields: &[(&str, &str)]) -> i64 {
    let res = admin.post("/admin/events/new", fields).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    res.location().trim_start_matches("/admin/events/").parse().unwrap()
}

async fn publishing_and_listing(app: &TestApp) {
    let mut admin = app.logged_in(Role::Administrator).await;
    let mut visitor = app.client();
    let (slug, _) = common::open_collect_step(app, &mut admin, "Budget des écoles").await;
    let project = participe::storage::projects::by_slug(app.db(), &slug)
        .await
        .unwrap()
        .unwrap()
        .id;

    // Refused with reasons: no start, an end before the start, no seats,
    // a link that is not a web address. Nothing is stored.
    let (start, end) = (local(10, 18), local(10, 20));
    let res = admin
        .post(
            "/admin/events/new",
            &[
                ("title", "Atelier"),
                ("starts_at", ""),
                ("ends_at", &start),
                ("capacity", "0"),
                ("online_url", "javascript:alert(1)"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.field_error("starts_at").contains("obligatoire"),
        "{}",
        res.field_error("starts_at")
    );
    assert!(res.field_error("capacity").contains("de 1 à 100 000"));
    assert!(res.field_error("online_url").contains("https://"));
    let res = admin
        .post(
            "/admin/events/new",
            &[("title", "Atelier"), ("starts_at", &end), ("ends_at", &start)],
        )
        .await;
    assert!(
        res.field_error("ends_at").contains("postérieure"),
        "{}",
        res.field_error("ends_at")
    );
    assert_eq!(app.count("events").await, 0);

    // Written as a draft: staff preview it, visitors do not see it.
    let project_id = project.to_string();
    let id = create_event(
        &mut admin,
        &[
            ("title", "Atelier des écoles"),
            ("description", "Venez **dessiner** la cour.<script>x()</script>"),
            ("starts_at", &start),
            ("ends_at", &end),
            ("address", "École Jean Jaurès, 2 rue de l’École"),
            ("registration", "on"),
            ("capacity", "30"),
            ("projects", &project_id),
        ],
    )
    .await;
    assert_eq!(
        visitor.get(&format!("/events/{id}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(admin.get(&format!("/events/{id}")).await.has(".notice"));
    assert_eq!(
        visitor.get(&format!("/events/{id}/calendar.ics")).await.status,
        StatusCode::NOT_FOUND
    );

    // Published: on the events page, the project's page and its own page.
    let res = admin
        .post(
            &format!("/admin/events/{id}"),
            &[
                ("title", "Atelier des écoles"),
                ("description", "Venez **dessiner** la cour.<script>x()</script>"),
                ("starts_at", &start),
                ("ends_at", &end),
                ("address", "École Jean Jaurès, 2 rue de l’École"),
                ("registration", "on"),
                ("capacity", "30"),
                ("projects", &project_id),
                ("published", "on"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        visitor.get("/events").await.texts(".event-card h3 a"),
        ["Atelier des écoles"]
    );
    assert_eq!(
        visitor
            .get(&format!("/projects/{slug}"))
            .await
            .texts(".event-card h3 a"),
        ["Atelier des écoles"]
    );
    let page = visitor.get(&format!("/events/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.text("h1"), "Atelier des écoles");
    assert_eq!(page.text(".rich strong"), "dessiner");
    assert!(!page.body.contains("<script>x()"));
    assert!(page.text(".event-registration").contains("30 place(s) libre(s) sur 30"));
    assert_eq!(
        page.attr(".event-registration a.button", "href"),
        format!("/login?next=/events/{id}")
    );
    assert!(visitor.get("/events/past").await.has(".empty"));

    // The home page's events section.
    let res = admin.post("/admin/home/sections", &[("kind", "events")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(
        visitor
            .get("/")
            .await
            .texts("section[aria-labelledby=home-events] .event-card h3 a"),
        ["Atelier des écoles"]
    );

    // Only staff write events.
    let mut participant = app.logged_in(Role::Participant).await;
    assert_eq!(participant.get("/admin/events").await.status, StatusCode::FORBIDDEN);
    let res = participant.post(&format!("/admin/events/{id}/delete"), &[]).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(
        participant
            .get(&format!("/admin/events/{id}/registrants.csv"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}
engine_test!(publishing, publishing_and_listing);

async fn published_event(app: &TestApp, capacity: &str, days: i64) -> i64 {
    let mut admin = app.logged_in(Role::ProjectManager).await;
    create_event(
        &mut admin,
        &[
            ("title", "Balade urbaine"),
            ("starts_at", &local(days, 10)),
            ("ends_at", &local(days, 12)),
            ("address", "Parvis de la mairie"),
            ("registration", "on"),
            ("capacity", capacity),
            ("published", "on"),
        ],
    )
    .await
}

async fn capacity_and_waiting_list(app: &TestApp) {
    let id = published_event(app, "3", 5).await;
    let path = format!("/events/{id}/register");

    // Twenty people register at the same moment: three seats, seventeen waiting.
    let people: Vec<Client> = futures_util::future::join_all((0..20).map(|_| app.logged_in(Role::Participant))).await;
    let mut tasks = Vec::new();
    for mut c in people.clone() {
        let path = path.clone();
        tasks.push(tokio::spawn(async move { c.post(&path, &[]).await.status }));
    }
    for t in tasks {
        assert_eq!(t.await.unwrap(), StatusCode::SEE_OTHER);
    }
    let e = events::get(app.db(), id).await.unwrap();
    assert_eq!((e.confirmed, e.waiting), (3, 17));
    assert_eq!(app.count("event_registrations").await, 20);

    // Registering twice changes nothing; the registration is in the
    // person's copy of their data.
    let mut first = people[0].clone();
    first.post(&path, &[]).await;
    assert_eq!(app.count("event_registrations").await, 20);
    let someone = events::registrants(app.db(), id).await.unwrap()[0].user_id;
    let copy = participe::storage::personal_data::event_registrations(app.db(), someone)
        .await
        .unwrap();
    assert_eq!(copy[0].title, "Balade urbaine");

    // Who holds a seat, who waits, in the order they came.
    let list = events::registrants(app.db(), id).await.unwrap();
    let seated: Vec<i64> = list
        .iter()
        .filter(|r| r.status == "confirmed")
        .map(|r| r.user_id)
        .collect();
    let waiting: Vec<i64> = list
        .iter()
        .filter(|r| r.status == "waiting")
        .map(|r| r.user_id)
        .collect();
    assert_eq!(seated.len(), 3);
    let mut someone_seated = None;
    let mut someone_waiting = None;
    for c in &people {
        let mut c = c.clone();
        let page = c.get(&format!("/events/{id}")).await;
        if page.text(".event-registration").contains("votre place est réservée") {
            someone_seated.get_or_insert(c);
        } else {
            assert!(page.text(".event-registration").contains("liste d’attente"));
            someone_waiting.get_or_insert(c);
        }
    }
    let mut seated_client = someone_seated.unwrap();

    // A seat freed: the first person waiting takes it and is told.
    let res = seated_client.post(&format!("/events/{id}/unregister"), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let e = events::get(app.db(), id).await.unwrap();
    assert_eq!((e.confirmed, e.waiting), (3, 16));
    let moved_up = participe::storage::users::by_id(app.db(), waiting[0])
        .await
        .unwrap()
        .unwrap();
    let email = common::last_email_to(app, moved_up.email.as_deref().unwrap()).await;
    assert!(email.subject.contains("Une place s’est libérée"), "{}", email.subject);
    assert_eq!(
        events::seat_of(app.db(), id, waiting[0]).await.unwrap(),
        Some(participe_domain::event::Seat::Confirmed)
    );

    // More seats opened by staff move the list up too.
    let mut admin = app.logged_in(Role::Administrator).await;
    let e = events::get(app.db(), id).await.unwrap();
    let tz = app.state.config.timezone;
    let fmt = |d: chrono::DateTime<Utc>| d.with_timezone(&tz).format("%Y-%m-%dT%H:%M").to_string();
    let res = admin
        .post(
            &format!("/admin/events/{id}"),
            &[
                ("title", "Balade urbaine"),
                ("starts_at", &fmt(e.starts_at)),
                ("ends_at", &fmt(e.ends_at)),
                ("registration", "on"),
                ("capacity", "10"),
                ("published", "on"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let e = events::get(app.db(), id).await.unwrap();
    assert_eq!((e.confirmed, e.waiting), (10, 9));

    // The door list for staff, seats first.
    let csv = admin.get(&format!("/admin/events/{id}/registrants.csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines.len(), 1 + 19);
    assert!(lines[1].contains(";confirmed;"), "{}", lines[1]);
    assert!(lines[19].contains(";waiting;"), "{}", lines[19]);

    // Cancelled: everyone is told, nobody registers any more.
    let res = admin.post(&format!("/admin/events/{id}/cancel"), &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    let cancelled = participe::storage::outbox::list(app.db(), 1000, 0)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.subject.contains("Événement annulé"))
        .count();
    assert_eq!(cancelled, 19);
    let mut late = someone_waiting.unwrap();
    assert_eq!(late.post(&path, &[]).await.status, StatusCode::BAD_REQUEST);
    assert!(app.client().get(&format!("/events/{id}")).await.has("p.alert"));
    // Cancelling again tells nobody twice.
    admin.post(&format!("/admin/events/{id}/cancel"), &[]).await;
    let again = participe::storage::outbox::list(app.db(), 1000, 0)
        .await
        .unwrap()
        .into_iter()
        .filter(|m| m.subject.contains("Événement annulé"))
        .count();
    assert_eq!(again, 19);
}
/// Registrations really at the same moment: several worker threads.
mod capacity {
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn sqlite() {
        let app = crate::common::TestApp::new(participe::storage::Engine::Sqlite).await;
        super::capacity_and_waiting_list(&app).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn postgres() {
        let Some(app) = crate::common::TestApp::postgres().await else {
            return;
        };
        super::capacity_and_waiting_list(&app).await;
    }
}

async fn reminders_once(app: &TestApp) {
    // Tomorrow morning's event (within a day), and one next week.
    let soon = published_event(app, "2", 0).await;
    let later = published_event(app, "", 7).await;
    // Today at 10:00 may be past already: move it to two hours from now.
    let e = events::get(app.db(), soon).await.unwrap();
    let data = events::EventData {
        title: e.title.clone(),
        description: String::new(),
        starts_at: Utc::now() + Duration::hours(2),
        ends_at: Utc::now() + Duration::hours(4),
        address: e.address.clone(),
        online_url: String::new(),
        registration: true,
        capacity: Some(2),
        published: true,
    };
    events::update(app.db(), soon, &data, &[]).await.unwrap();
    let mut people = Vec::new();
    for _ in 0..3 {
        let mut c = app.logged_in(Role::Participant).await;
        for id in [soon, later] {
            c.post(&format!("/events/{id}/register"), &[]).await;
        }
        people.push(c);
    }
    let state = &app.state;
    let reminders = |app: &TestApp| {
        let db = app.db().clone();
        async move {
            participe::storage::outbox::list(&db, 1000, 0)
                .await
                .unwrap()
                .into_iter()
                .filter(|m| m.subject.starts_with("[") && m.subject.contains("Rappel"))
                .count()
        }
    };
    let sent = participe::services::events::send_reminders(app.db(), &state.config, &state.i18n)
        .await
        .unwrap();
    assert_eq!(sent, 1, "only the event within a day");
    assert_eq!(
        reminders(app).await,
        2,
        "the two people with a seat, not the one waiting"
    );
    participe::services::events::send_reminders(app.db(), &state.config, &state.i18n)
        .await
        .unwrap();
    assert_eq!(reminders(app).await, 2, "once");
}
engine_test!(reminders, reminders_once);

/// The properties of the VEVENTs of a calendar, parsed by the `ical` crate.
fn vevents(body: &str) -> Vec<Vec<(String, String)>> {
    let mut parser = ical::IcalParser::new(body.as_bytes());
    let cal = parser.next().expect("a calendar").expect("a valid calendar");
    assert!(parser.next().is_none(), "one calendar");
    cal.events
        .into_iter()
        .map(|e| {
            e.properties
                .into_iter()
                .map(|p| (p.name, p.value.unwrap_or_default()))
                .collect()
        })
        .collect()
}

fn prop<'a>(event: &'a [(String, String)], name: &str) -> &'a str {
    event
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("no {name} in {event:?}"))
}

async fn calendar_files(app: &TestApp) {
    let walk = published_event(app, "", 5).await;
    let other = published_event(app, "", 9).await;
    let mut visitor = app.client();

    let res = visitor.get(&format!("/events/{walk}/calendar.ics")).await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(
        res.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let parsed = vevents(&res.body);
    assert_eq!(parsed.len(), 1);
    let e = events::get(app.db(), walk).await.unwrap();
    assert_eq!(prop(&parsed[0], "SUMMARY"), "Balade urbaine");
    assert_eq!(prop(&parsed[0], "LOCATION"), "Parvis de la mairie");
    assert_eq!(
        prop(&parsed[0], "DTSTART"),
        e.starts_at.format("%Y%m%dT%H%M%SZ").to_string()
    );
    assert_eq!(
        prop(&parsed[0], "DTEND"),
        e.ends_at.format("%Y%m%dT%H%M%SZ").to_string()
    );
    assert_eq!(prop(&parsed[0], "STATUS"), "CONFIRMED");
    assert!(prop(&parsed[0], "UID").starts_with(&format!("event-{walk}@")));
    assert!(prop(&parsed[0], "URL").ends_with(&format!("/events/{walk}")));

    // The feed: both events, a cancelled one marked so, a draft left out.
    let mut admin = app.logged_in(Role::Administrator).await;
    admin.post(&format!("/admin/events/{other}/cancel"), &[]).await;
    create_event(
        &mut admin,
        &[
            ("title", "Brouillon"),
            ("starts_at", &local(3, 9)),
            ("ends_at", &local(3, 10)),
        ],
    )
    .await;
    let feed = visitor.get("/events.ics").await;
    assert_eq!(feed.status, StatusCode::OK);
    let parsed = vevents(&feed.body);
    let summaries: Vec<(&str, &str)> = parsed.iter().map(|e| (prop(e, "SUMMARY"), prop(e, "STATUS"))).collect();
    assert_eq!(
        summaries,
        [("Balade urbaine", "CONFIRMED"), ("Balade urbaine", "CANCELLED")]
    );
}
engine_test!(calendar, calendar_files);
