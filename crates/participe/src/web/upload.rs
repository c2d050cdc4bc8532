//! Reading one image from a multipart form and storing it.

use axum::extract::Multipart;

use super::error::{AppError, AppResult};
use crate::app::AppState;
use crate::files::{check_image, new_name};

/// The stored name of the uploaded image in field `field`, or the message id
/// of what is wrong with it.
pub async fn store_image(
    state: &AppState,
    mut multipart: Multipart,
    field: &str,
) -> AppResult<Result<String, &'static str>> {
    let mut bytes = None;
    while let Some(f) = multipart
        .next_field()
        .await
        .map_err(|e| AppError::bad_request(format!("multipart: {e}")))?
    {
        if f.name() == Some(field) {
            match f.bytes().await {
                Ok(b) => bytes = Some(b),
                Err(_) => return Ok(Err("error-upload-too-large")),
            }
        }
    }
    let Some(bytes) = bytes else {
        return Ok(Err("error-required"));
    };
    let kind = match check_image(&bytes, state.config.max_upload_bytes) {
        Ok(k) => k,
        Err(code) => return Ok(Err(code)),
    };
    let name = new_name(kind);
    state.files.put(name.clone(), bytes.to_vec()).await?;
    Ok(Ok(name))
}
