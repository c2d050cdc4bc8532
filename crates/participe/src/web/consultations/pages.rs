//! Pages of a consultation: the sections on the step page, a section with
//! its contributions, and a contribution (or an amendment) with its votes,
//! arguments, sources and amendments.

use std::collections::BTreeMap;

use axum::extract::{Query, State};
use axum::response::Response;
use participe_domain::FieldErrors;
use participe_domain::consultation::{OpinionSort, Side, VoteWidget, threshold_progress};
use participe_domain::diff;
use serde::Deserialize;

use super::{Place, opinion_place, place};
use crate::app::AppState;
use crate::storage::arguments::{self, About};
use crate::storage::consultations::{self, Section};
use crate::storage::opinions::{self, Opinion};
use crate::storage::sources;
use crate::storage::upvotes::{self, Upvoted};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::AppResult;
use crate::web::form::{PathParams, errors_value, form_response};
use crate::web::pagination::{PageQuery, Pager};
use crate::web::render;

/// Opinions per page of a section.
const PER_PAGE: i64 = 30;

/// A section in a tree, with its depth and its figures.
#[derive(serde::Serialize)]
pub struct TreeItem {
    #[serde(flatten)]
    pub section: Section,
    pub depth: usize,
}

/// The consultations of a step with their section trees, for the step page.
pub async fn step_consultations(state: &AppState, step_id: i64) -> AppResult<Vec<minijinja::Value>> {
    let mut out = Vec::new();
    for c in consultations::of_step(&state.db, step_id).await? {
        let sections = consultations::sections(&state.db, c.id).await?;
        let depths = consultations::depths(&sections);
        let tree: Vec<TreeItem> = sections
            .into_iter()
            .zip(depths)
            .map(|(section, depth)| TreeItem { section, depth })
            .collect();
        out.push(view! { consultation => c, tree });
    }
    Ok(out)
}

/// The three votes of an opinion as the bar and its legend show them.
#[derive(serde::Serialize)]
pub struct Bar {
    pub agree: i64,
    pub mixed: i64,
    pub disagree: i64,
    pub total: i64,
    pub shares: [i64; 3],
}

pub fn bar(o: &Opinion) -> Bar {
    let c = o.counts();
    Bar {
        agree: c.agree,
        mixed: c.mixed,
        disagree: c.disagree,
        total: c.total(),
        shares: c.shares(),
    }
}

#[derive(serde::Serialize)]
struct Card {
    #[serde(flatten)]
    opinion: Opinion,
    bar: Bar,
}

fn cards(list: Vec<Opinion>) -> Vec<Card> {
    list.into_iter()
        .map(|o| Card {
            bar: bar(&o),
            opinion: o,
        })
        .collect()
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct SectionQuery {
    sort: Option<String>,
    page: Option<String>,
}

fn sort_of(requested: Option<&str>, default: &str) -> OpinionSort {
    requested
        .and_then(|s| OpinionSort::parse(s).ok())
        .or_else(|| OpinionSort::parse(default).ok())
        .unwrap_or(OpinionSort::Position)
}

pub async fn section(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    Query(q): Query<SectionQuery>,
) -> AppResult<Response> {
    let place = place(&state, &ctx, id).await?;
    let sort = sort_of(q.sort.as_deref(), &place.section.default_sort);
    let pager = Pager::new(&PageQuery { page: q.page }, PER_PAGE, place.section.opinion_count);
    // The random order is stable for a visitor within a day.
    let seed = ctx.user.as_ref().map_or(0, |u| u.id) + chrono::Utc::now().timestamp() / 86_400;
    let list = opinions::page(&state.db, id, None, sort, seed, pager.per_page, pager.offset()).await?;
    let my_votes: BTreeMap<String, String> = match &ctx.user {
        Some(u) => {
            let ids: Vec<i64> = list.iter().map(|o| o.id).collect();
            opinions::votes_of(&state.db, u.id, &ids)
                .await?
                .into_iter()
                .map(|(id, v)| (id.to_string(), v))
                .collect()
        }
        None => BTreeMap::new(),
    };
    let all = consultations::sections(&state.db, place.consultation.id).await?;
    let children: Vec<&Section> = all.iter().filter(|s| s.parent_id == Some(id)).collect();
    let parent = place.section.parent_id.and_then(|p| all.iter().find(|s| s.id == p));
    let progress = threshold_progress(place.section.vote_count, place.section.votes_threshold);
    let sorts: Vec<&str> = OpinionSort::ALL.iter().map(|s| s.as_str()).collect();
    let open = place.open();
    let Place {
        project,
        step,
        consultation,
        section,
    } = place;
    let html = render::page(
        &state,
        &ctx,
        "consultations/section.html",
        view! {
            project, step, consultation, section, parent, children, progress, open, pager, sorts,
            sort => sort.as_str(), opinions => cards(list), my_votes,
        },
    )
    .await?;
    Ok(form_response(html, false))
}

/// What a form left behind when it comes back with errors.
#[derive(Default)]
pub struct Feedback {
    pub errors: FieldErrors,
    /// The typed values, by field name, so nothing is lost.
    pub values: BTreeMap<String, String>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct OpinionQuery {
    /// Arguments by "votes" (default) or "date".
    arguments: Option<String>,
    /// Amendments by any opinion sort.
    amendments: Option<String>,
}

pub async fn opinion(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
    Query(q): Query<OpinionQuery>,
) -> AppResult<Response> {
    opinion_page(&state, &ctx, id, &q, Feedback::default()).await
}

/// The page of an opinion; with `feedback`, one of its forms came back.
pub async fn opinion_page(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    q: &OpinionQuery,
    feedback: Feedback,
) -> AppResult<Response> {
    let (opinion, place) = opinion_place(state, ctx, id).await?;
    let db = &state.db;
    let by_votes = q.arguments.as_deref() != Some("date");
    let about = About::Opinion(id);
    let args_for = arguments::public(db, about, Side::For, by_votes, 200).await?;
    let args_against = arguments::public(db, about, Side::Against, by_votes, 200).await?;
    let srcs = sources::public(db, id).await?;
    let amend_sort = sort_of(q.amendments.as_deref(), "votes");
    let amendments = if opinion.amends_id.is_none() {
        cards(opinions::page(db, opinion.section_id, Some(id), amend_sort, 0, 100, 0).await?)
    } else {
        Vec::new()
    };
    // An amendment shows what it changes in the text it amends.
    let (parent, changes) = match opinion.amends_id {
        Some(pid) => {
            let parent = opinions::by_id(db, pid).await?;
            let changes = parent.as_ref().map(|p| {
                let segments = diff::words(&p.body, &opinion.body);
                let (added, removed) = diff::counts(&segments);
                view! { segments, added, removed }
            });
            (parent, changes)
        }
        None => (None, None),
    };
    let (my_vote, my_arguments, my_sources, following) = match &ctx.user {
        Some(u) => {
            let arg_ids: Vec<i64> = args_for.iter().chain(&args_against).map(|a| a.id).collect();
            let src_ids: Vec<i64> = srcs.iter().map(|s| s.id).collect();
            (
                opinions::vote_of(db, id, u.id).await?.map(|v| v.as_str()),
                upvotes::mine(db, Upvoted::Argument, u.id, &arg_ids).await?,
                upvotes::mine(db, Upvoted::Source, u.id, &src_ids).await?,
                opinions::follows(db, u.id, id).await?,
            )
        }
        None => (None, Vec::new(), Vec::new(), false),
    };
    let widget = VoteWidget::parse(&place.section.vote_widget).unwrap_or(VoteWidget::Full);
    let categories = sources::categories(db).await?;
    let open = place.open() && opinion.is_public();
    let failed = !feedback.errors.is_empty();
    let bar = bar(&opinion);
    let Place {
        project,
        step,
        consultation,
        section,
    } = place;
    let html = render::page(
        state,
        ctx,
        "consultations/opinion.html",
        view! {
            project, step, consultation, section, opinion, bar, parent, changes, amendments, open, following,
            args_for, args_against, sources => srcs, categories, my_vote, my_arguments, my_sources,
            widget => widget.as_str(),
            arguments_sort => if by_votes { "votes" } else { "date" },
            amendments_sort => amend_sort.as_str(),
            errors => errors_value(&state.i18n, ctx.lang, &feedback.errors),
            values => feedback.values,
        },
    )
    .await?;
    Ok(form_response(html, failed))
}

/// Re-shows an opinion page with the errors of one of its forms.
pub async fn opinion_with_errors(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    errors: FieldErrors,
    values: &[(&str, &str)],
) -> AppResult<Response> {
    let values = values.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    opinion_page(state, ctx, id, &OpinionQuery::default(), Feedback { errors, values }).await
}
