//! Results of a vote step: the table and its bar chart (online and paper
//! apart), the winners and the budget used, participation figures, the
//! counting rule in words, juries drawn by lot, and the `.pb` file anyone
//! can recount.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use minijinja::Value;
use participe_domain::permission::Action;
use participe_domain::vote::AGE_BANDS;

use super::{VoteStep, vote_step};
use crate::app::AppState;
use crate::services::vote_count::StepBallots;
use crate::storage::ballots::{self, ResultRow};
use crate::view;
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};
use crate::web::form::PathParams;
use crate::web::render;

/// Results are public once published; managers may preview them.
fn may_see(ctx: &Ctx, vs: &VoteStep) -> bool {
    vs.settings.published() || ctx.can(Action::DecideProposals)
}

/// The rows to show: the frozen results, or a live count for a preview.
async fn rows(state: &AppState, vs: &VoteStep) -> AppResult<(Vec<ResultRow>, Option<String>)> {
    if vs.settings.published() {
        return Ok((ballots::results(&state.db, vs.step.id).await?, None));
    }
    let sb = StepBallots::load(&state.db, vs.step.id)
        .await
        .map_err(AppError::internal)?;
    match sb.count() {
        Ok(count) => Ok((
            count
                .rows
                .iter()
                .filter_map(|r| {
                    let c = vs.candidates.iter().find(|c| c.id == r.id)?;
                    Some(ResultRow {
                        proposal_id: r.id,
                        title: c.title.clone(),
                        cost: c.cost,
                        district_name: c.district_name.clone(),
                        online: r.online,
                        paper: r.paper,
                        selected: count.selected.contains(&r.id),
                        selection_order: count.selected.iter().position(|id| *id == r.id).map(|i| i as i64 + 1),
                    })
                })
                .collect(),
            None,
        )),
        Err(participe_domain::tally::TallyError::TalliesNeedGreedy) => {
            Ok((vec![], Some("results-tallies-need-greedy".into())))
        }
        Err(e) => Err(AppError::internal(format!("{e:?}"))),
    }
}

/// Bars of the chart, scaled to the largest total (width in SVG units).
fn chart(rows: &[ResultRow]) -> Value {
    const WIDTH: f64 = 520.0;
    let max = rows.iter().map(|r| r.online + r.paper).max().unwrap_or(0).max(1) as f64;
    let bars: Vec<Value> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let online = (r.online as f64 / max * WIDTH).round();
            let paper = (r.paper as f64 / max * WIDTH).round();
            let label: String = if r.title.chars().count() > 38 {
                r.title.chars().take(37).chain(std::iter::once('…')).collect()
            } else {
                r.title.clone()
            };
            view! { y => i * 28, label, online_w => online, paper_w => paper, paper_x => 308.0 + online,
            label_x => 314.0 + online + paper, total => r.online + r.paper, title => r.title, selected => r.selected }
        })
        .collect();
    view! { bars, height => rows.len() * 28 + 8 }
}

pub async fn show(State(state): State<AppState>, ctx: Ctx, PathParams(id): PathParams<i64>) -> AppResult<Html<String>> {
    let vs = vote_step(&state, &ctx, id).await?;
    if !may_see(&ctx, &vs) {
        return render::page(
            &state,
            &ctx,
            "votes/results.html",
            view! { project => vs.project, step => vs.step, settings => vs.settings, hidden => true },
        )
        .await;
    }
    let (rows, problem) = rows(&state, &vs).await?;
    let winners: Vec<&ResultRow> = {
        let mut w: Vec<&ResultRow> = rows.iter().filter(|r| r.selected).collect();
        w.sort_by_key(|r| r.selection_order);
        w
    };
    let used: i64 = winners.iter().filter_map(|r| r.cost).sum();
    let budget: i64 = if vs.settings.per_district {
        vs.envelopes.iter().map(|e| e.amount).sum()
    } else {
        vs.settings.envelope.unwrap_or(0)
    };
    // Participation, counted by the database from complete ballots.
    let part = ballots::participation(&state.db, vs.step.id).await?;
    let tally_voters = ballots::tally_voters(&state.db, vs.step.id).await?;
    let stats = ballots::stats(&state.db, vs.step.id).await?;
    let n = stats.sizes.iter().map(|(_, c)| c).sum::<i64>().max(1) as f64;
    let single = stats.sizes.iter().find(|(size, _)| *size == 1).map_or(0, |(_, c)| *c);
    let sizes: Vec<Value> = stats
        .sizes
        .iter()
        .map(|(size, count)| view! { size, count, share => percent(*count as f64 * 100.0 / n, ctx.lang) })
        .collect();
    let mut by_district: BTreeMap<String, i64> = BTreeMap::new();
    for (district, count) in &stats.by_district {
        let name = district
            .and_then(|d| vs.districts.iter().find(|t| t.id == d))
            .map(|t| t.name.clone())
            .unwrap_or_default();
        *by_district.entry(name).or_default() += count;
    }
    let band_count = |band: Option<&str>| {
        stats
            .by_age_band
            .iter()
            .filter(|(b, _)| b.as_deref() == band)
            .map(|(_, c)| c)
            .sum::<i64>()
    };
    let by_age: Vec<Value> = AGE_BANDS
        .iter()
        .map(|band| view! { band, count => band_count(Some(band)) })
        .chain(std::iter::once(view! { band => "unknown", count => band_count(None) }))
        .collect();
    let juries: Vec<Value> = ballots::juries(&state.db, vs.step.id)
        .await?
        .into_iter()
        .map(|(j, members)| view! { j => j, members })
        .collect();
    render::page(
        &state,
        &ctx,
        "votes/results.html",
        view! {
            project => vs.project, step => vs.step, settings => vs.settings, hidden => false,
            preview => !vs.settings.published(),
            problem,
            chart => chart(&rows),
            rows, winners, used, budget,
            part, tally_voters,
            total_voters => part.online_voters + part.paper_ballots + tally_voters,
            sizes,
            single_share => percent(single as f64 * 100.0 / n, ctx.lang),
            by_district, by_age, juries,
        },
    )
    .await
}

/// The step's ballots as a pabulib `.pb` file (public once published).
pub async fn export_pb(
    State(state): State<AppState>,
    ctx: Ctx,
    PathParams(id): PathParams<i64>,
) -> AppResult<Response> {
    let vs = vote_step(&state, &ctx, id).await?;
    if !may_see(&ctx, &vs) {
        return Err(AppError::not_found());
    }
    let body = pb_body(&state, id).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"participe-vote-{id}.pb\""),
            ),
        ],
        body,
    )
        .into_response())
}

/// The `.pb` file of a vote step as a streamed body (404 for other steps).
pub async fn pb_body(state: &AppState, id: i64) -> AppResult<axum::body::Body> {
    use futures_util::StreamExt;
    let pieces = crate::services::vote_count::pb_export(&state.db, id)
        .await
        .map_err(AppError::internal)?
        .ok_or_else(AppError::not_found)?;
    Ok(axum::body::Body::from_stream(pieces.map(|piece| {
        piece.map(axum::body::Bytes::from).map_err(|e| {
            tracing::error!("pb export: {e}");
            std::io::Error::other(e.to_string())
        })
    })))
}

/// A percentage with one decimal, with the language's decimal separator.
fn percent(v: f64, lang: crate::i18n::Lang) -> String {
    let s = format!("{v:.1}");
    match lang {
        crate::i18n::Lang::Fr => s.replace('.', ","),
        crate::i18n::Lang::En => s,
    }
}
