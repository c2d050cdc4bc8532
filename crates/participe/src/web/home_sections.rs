//! The home page's sections as a visitor sees them: each switched-on
//! section with what it shows (templates/home/{kind}.html draws it).

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use minijinja::Value;
use participe_domain::home_section::{Kind, Mode};
use participe_domain::project::{Phase, phase_at};
use serde::Serialize;

use super::cards::{self, ProjectCard};
use super::context::Ctx;
use super::error::AppResult;
use super::home::listed_visibilities;
use crate::app::AppState;
use crate::services::translations::Translations;
use crate::storage::home_sections::{self, HomeSection, SectionItem, TermProject};
use crate::storage::taxonomy::Kind::{District, Theme};
use crate::storage::{events, news, projects, steps};
use crate::view;
use participe_domain::translation::Kind as Tr;

/// How many open projects show their counters on the home page.
const COUNTED_PROJECTS: usize = 12;

/// A section ready to draw.
#[derive(Debug, Serialize)]
pub struct SectionView {
    pub kind: &'static str,
    /// Its heading's id (the first projects section of each kind keeps a
    /// stable one: `home-open`, `home-upcoming`, `home-past`).
    pub anchor: String,
    /// The administrator's title; empty for the kind's own heading.
    pub title: String,
    /// Its heading key when the title is empty.
    pub heading: String,
    pub body: String,
    pub data: Value,
}

/// A project card with its phase and creation date, to pick sections' cards.
struct Placed {
    card: ProjectCard,
    phase: Phase,
    created_at: DateTime<Utc>,
}

/// The switched-on sections, in order, with their content.
pub async fn views(state: &AppState, ctx: &Ctx) -> AppResult<Vec<SectionView>> {
    let sections: Vec<HomeSection> = home_sections::all(&state.db)
        .await?
        .into_iter()
        .filter(|s| s.enabled)
        .collect();
    let kinds: HashSet<Kind> = sections.iter().map(HomeSection::kind).collect();
    let needs_projects = kinds.contains(&Kind::Intro) || kinds.contains(&Kind::Projects);
    let tr = state.translations.get(&state.db, ctx.lang).await?;
    let placed = if needs_projects {
        project_cards(state, ctx, &tr).await?
    } else {
        vec![]
    };
    let items = if kinds.contains(&Kind::Projects) || kinds.contains(&Kind::Highlights) {
        home_sections::items(&state.db).await?
    } else {
        vec![]
    };
    // The introduction's second button leads to the first projects section.
    let projects_anchor = sections
        .iter()
        .find(|s| s.kind() == Kind::Projects)
        .map(|s| base_anchor(Kind::Projects, Mode::parse(&s.mode).unwrap_or(Mode::Current)));
    let mut used = HashSet::new();
    let mut anchor = |base: String, id: i64| {
        if used.insert(base.clone()) {
            base
        } else {
            format!("{base}-{id}")
        }
    };
    let mut views = Vec::with_capacity(sections.len());
    for s in &sections {
        let kind = s.kind();
        let mode = Mode::parse(&s.mode).unwrap_or(Mode::Current);
        let heading = match kind {
            Kind::Projects => base_anchor(kind, mode),
            _ => format!("home-section-{}", kind.as_str()),
        };
        let data = match kind {
            Kind::Intro => intro(&placed, projects_anchor.as_deref()),
            Kind::Projects => projects_of(s, mode, &placed, &items),
            Kind::Highlights => highlights(s, &items, ctx, &tr),
            Kind::Themes => terms(
                home_sections::terms_with_projects(&state.db, Theme).await?,
                Tr::Theme,
                &tr,
            ),
            Kind::Map => terms(
                home_sections::terms_with_projects(&state.db, District).await?,
                Tr::District,
                &tr,
            ),
            Kind::Proposals => {
                view! { proposals => home_sections::latest_proposals(&state.db, s.item_count).await? }
            }
            Kind::Figures => {
                let counters = state.counters.public_projects(&state.db).await?;
                let projects = projects::count_public(&state.db).await?;
                view! { counters, projects }
            }
            Kind::Events => {
                let next = events::published(&state.db, Utc::now(), false, s.item_count, 0).await?;
                view! { events => tr.event_cards(next) }
            }
            Kind::News => {
                let posts = news::published(&state.db, Utc::now(), s.item_count, 0).await?;
                view! { posts => tr.news_cards(posts) }
            }
            Kind::Text | Kind::Newsletter => Value::UNDEFINED,
        };
        views.push(SectionView {
            kind: kind.as_str(),
            anchor: anchor(base_anchor(kind, mode), s.id),
            title: s.title.clone(),
            heading,
            body: s.body.clone(),
            data,
        });
    }
    Ok(views)
}

/// A section's heading id before telling apart sections of the same kind.
fn base_anchor(kind: Kind, mode: Mode) -> String {
    match (kind, mode) {
        (Kind::Projects, Mode::Current) => "home-open".to_string(),
        (Kind::Projects, m) => format!("home-{}", m.as_str()),
        (k, _) => format!("home-{}", k.as_str()),
    }
}

/// Every project the viewer may see listed, as a card.
async fn project_cards(state: &AppState, ctx: &Ctx, tr: &Translations) -> AppResult<Vec<Placed>> {
    let mut list = projects::list_with_visibility(&state.db, listed_visibilities(ctx)).await?;
    let groups = ctx.groups();
    list.retain(|p| p.visible_to(ctx.role(), &groups));
    let mut by_project: HashMap<i64, Vec<steps::Step>> = HashMap::new();
    for s in steps::published_of_all(&state.db).await? {
        by_project.entry(s.project_id).or_default().push(s);
    }
    let now = Utc::now();
    let mut placed = Vec::with_capacity(list.len());
    let mut counted = 0;
    for mut p in list {
        let mut steps = by_project.remove(&p.id).unwrap_or_default();
        let lang = tr.lang_of(Tr::Project, p.id, "title", &p.title);
        tr.project(&mut p);
        steps.iter_mut().for_each(|s| tr.step(s));
        let phase = phase_at(now, &cards::dates_of(&steps));
        // Counters only for open projects, the ones people act on, and for
        // the first few of them: the page's database work stays bounded
        // however many projects are open at once.
        let counters = if phase == Phase::Open && counted < COUNTED_PROJECTS {
            counted += 1;
            Some(state.counters.project(&state.db, p.id).await?)
        } else {
            None
        };
        let mut card = cards::card(now, &p, &steps, counters);
        card.lang = lang;
        placed.push(Placed {
            card,
            phase,
            created_at: p.created_at,
        });
    }
    Ok(placed)
}

/// The introduction's call: an open vote first, else the first open project.
fn intro(placed: &[Placed], projects_anchor: Option<&str>) -> Value {
    let open = || placed.iter().filter(|p| p.phase == Phase::Open).map(|p| &p.card);
    let call = open()
        .find(|c| c.cta == "vote")
        .or_else(|| open().next())
        .map(|c| view! { cta => c.cta, href => c.cta_href, title => c.title });
    view! { call, projects_anchor }
}

fn projects_of(s: &HomeSection, mode: Mode, placed: &[Placed], items: &[SectionItem]) -> Value {
    let count = usize::try_from(s.item_count).unwrap_or(0);
    let cards: Vec<&ProjectCard> = if mode == Mode::Chosen {
        // In the administrator's order, those the viewer may see.
        items
            .iter()
            .filter(|i| i.section_id == s.id)
            .filter_map(|i| placed.iter().find(|p| Some(p.card.id) == i.project_id))
            .map(|p| &p.card)
            .take(count)
            .collect()
    } else {
        let mut picked: Vec<&Placed> = placed.iter().filter(|p| mode.admits(p.phase)).collect();
        if mode == Mode::Recent {
            picked.sort_by_key(|p| std::cmp::Reverse(p.created_at));
        }
        picked.into_iter().take(count).map(|p| &p.card).collect()
    };
    view! { cards, wide => mode == Mode::Current }
}

/// A highlight: a project or page with its cover.
#[derive(Serialize)]
struct Highlight<'a> {
    href: String,
    title: String,
    summary: String,
    /// The title's language when not the reader's.
    lang: Option<&'static str>,
    cover_path: Option<&'a str>,
    cover_alt: &'a str,
    pattern: i64,
}

fn highlights(s: &HomeSection, items: &[SectionItem], ctx: &Ctx, tr: &Translations) -> Value {
    let signed_in = ctx.user.is_some();
    let list: Vec<Highlight> = items
        .iter()
        .filter(|i| i.section_id == s.id)
        // Restricted projects are listed to people signed in, like elsewhere.
        .filter(|i| i.public || (signed_in && i.project_id.is_some()))
        .map(|i| {
            // A page's summary is its description for search engines.
            let (kind, id, summary_field) = match (i.project_id, i.page_id) {
                (Some(id), _) => (Tr::Project, id, "summary"),
                (None, id) => (Tr::Page, id.unwrap_or_default(), "meta_description"),
            };
            let (title, lang) = tr.show(kind, id, "title", &i.title);
            let (summary, _) = tr.show(kind, id, summary_field, &i.summary);
            (i, title, summary, lang)
        })
        .map(|(i, title, summary, lang)| Highlight {
            href: match i.project_id {
                Some(_) => format!("/projects/{}", i.slug),
                None => format!("/pages/{}", i.slug),
            },
            title,
            summary,
            lang,
            cover_path: i.cover_path.as_deref(),
            cover_alt: &i.cover_alt,
            pattern: i.id.rem_euclid(6),
        })
        .collect();
    view! { items => list }
}

/// A text as shown and its language when not the reader's.
type Shown = (String, Option<&'static str>);

/// Themes or districts with their projects; those without any left out.
fn terms(rows: Vec<TermProject>, kind: Tr, tr: &Translations) -> Value {
    let mut terms: Vec<Value> = Vec::new();
    let mut current: Option<(i64, Shown, Vec<Value>)> = None;
    for r in rows {
        if current.as_ref().is_some_and(|c| c.0 != r.term_id)
            && let Some((_, (name, lang), projects)) = current.take()
            && !projects.is_empty()
        {
            terms.push(view! { name, lang, projects });
        }
        let entry = current.get_or_insert_with(|| (r.term_id, tr.show(kind, r.term_id, "name", &r.term), vec![]));
        if let (Some(id), Some(slug), Some(title)) = (r.project_id, r.slug, r.title) {
            let (title, lang) = tr.show(Tr::Project, id, "title", &title);
            entry.2.push(view! { slug, title, lang });
        }
    }
    if let Some((_, (name, lang), projects)) = current
        && !projects.is_empty()
    {
        terms.push(view! { name, lang, projects });
    }
    view! { terms }
}
