//! GDPR right of access and portability: `/account/data` gives the signed-in
//! person a ZIP holding `data.json`, everything the platform keeps about
//! them (secrets such as password and session token hashes left out).

use std::io::Write;

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use zip::write::SimpleFileOptions;

use crate::app::AppState;
use crate::storage::{Db, personal_data as pd, personal_data_texts as texts, proposals};
use crate::web::context::Ctx;
use crate::web::error::{AppError, AppResult};

/// Everything about one person, as one JSON document.
pub async fn collect(db: &Db, user_id: i64) -> anyhow::Result<serde_json::Value> {
    let account = pd::account(db, user_id).await?;
    let answers = pd::answers(db, user_id).await?;
    let proposals: Vec<serde_json::Value> = proposals::by_author(db, user_id)
        .await?
        .into_iter()
        .map(|p| {
            let mine: Vec<&pd::Answer> = answers.iter().filter(|a| a.proposal_id == p.id).collect();
            serde_json::json!({
                "id": p.id,
                "reference": p.reference(),
                "state": p.state,
                "title": p.title,
                "summary": p.summary,
                "description": p.description,
                "cost": p.cost,
                "district": p.district_name,
                "theme": p.theme_name,
                "category": p.category_name,
                "address": p.address,
                "latitude": p.latitude,
                "longitude": p.longitude,
                "status": p.status_name,
                "outcome": p.outcome,
                "hidden_reason": p.hidden_reason,
                "created_at": p.created_at,
                "updated_at": p.updated_at,
                "published_at": p.published_at,
                "answers": mine.iter().map(|a| serde_json::json!({"question": a.question, "value": a.value})).collect::<Vec<_>>(),
            })
        })
        .collect();
    Ok(serde_json::json!({
        "format": "participe-personal-data/1",
        "exported_at": crate::storage::now(),
        "account": account,
        "proposals": proposals,
        "comments": pd::comments(db, user_id).await?,
        "follows": pd::follows(db, user_id).await?,
        "petition_supports": crate::storage::petitions::supported_by(db, user_id)
            .await?
            .into_iter()
            .map(|(proposal_id, at)| serde_json::json!({ "proposal_id": proposal_id, "supported_at": at }))
            .collect::<Vec<_>>(),
        "reports": pd::reports(db, user_id).await?,
        "ballots": pd::ballots(db, user_id).await?,
        "acceptances": pd::acceptances(db, user_id).await?,
        "sessions": pd::sessions(db, user_id).await?,
        "event_registrations": pd::event_registrations(db, user_id).await?,
        "groups": crate::storage::groups::of_user(db, user_id)
            .await?
            .into_iter()
            .map(|(id, name)| serde_json::json!({ "id": id, "name": name }))
            .collect::<Vec<_>>(),
        "consultations": {
            "texts": texts::opinions(db, user_id).await?,
            "votes": texts::votes(db, user_id).await?,
            "arguments": texts::arguments(db, user_id).await?,
            "sources": texts::sources(db, user_id).await?,
            "upvotes": texts::upvotes(db, user_id).await?,
            "followed_texts": texts::follows(db, user_id).await?,
        },
        "questionnaires": {
            "answers": texts::replies(db, user_id).await?,
            "participations": texts::participations(db, user_id).await?,
        },
    }))
}

/// The document in a ZIP, deflated.
pub fn zip(data: &serde_json::Value) -> anyhow::Result<Vec<u8>> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    z.start_file("data.json", options)?;
    serde_json::to_writer_pretty(&mut z, data)?;
    z.write_all(b"\n")?;
    Ok(z.finish()?.into_inner())
}

/// `GET /account/data`.
pub async fn download(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = ctx.user()?;
    let data = collect(&state.db, user.id).await?;
    let bytes = zip(&data).map_err(AppError::internal)?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/zip".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"participe-mes-donnees-{}.zip\"", user.id),
            ),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        bytes,
    )
        .into_response())
}
