//! Reading one image from a multipart form and storing it.

use axum::extract::Multipart;

use super::error::{AppError, AppResult};
use crate::app::AppState;
use crate::files::{check_image, new_name};
use participe_domain::{FieldErrors, text};

/// The stored name of the uploaded image in field `field`, or the message id
/// of what is wrong with it.
pub async fn store_image(
    state: &AppState,
    multipart: Multipart,
    field: &str,
) -> AppResult<Result<String, &'static str>> {
    match image_field(state, multipart, field).await? {
        Ok(bytes) => store_checked(state, &bytes, false).await,
        Err(code) => Ok(Err(code)),
    }
}

/// The image sent in field `field`, checked by its content, or the message
/// id of what is wrong with it.
pub async fn image_field(
    state: &AppState,
    mut multipart: Multipart,
    field: &str,
) -> AppResult<Result<Vec<u8>, &'static str>> {
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
    Ok(check_image(&bytes, state.config.max_upload_bytes).map(|_| bytes.to_vec()))
}

/// Checks an image by its content and stores it under a new name, with its
/// resized variants when `variants`.
async fn store_checked(state: &AppState, bytes: &[u8], variants: bool) -> AppResult<Result<String, &'static str>> {
    let kind = match check_image(bytes, state.config.max_upload_bytes) {
        Ok(k) => k,
        Err(code) => return Ok(Err(code)),
    };
    let name = new_name(kind);
    state.files.put(name.clone(), bytes.to_vec()).await?;
    if variants {
        crate::images::store_variants(&*state.files, &name, bytes.to_vec()).await?;
    }
    Ok(Ok(name))
}

/// Checks and stores an uploaded image with its resized variants; returns
/// its stored name, or the message id of what is wrong with it.
pub async fn store_cover(state: &AppState, file: Option<&UploadedFile>) -> AppResult<Result<String, &'static str>> {
    match file {
        Some(file) => store_checked(state, &file.bytes, true).await,
        None => Ok(Err("error-required")),
    }
}

/// The cover form of a project or a page (fields `cover` and `cover_alt`):
/// the stored image's name and its text alternative, or the problems.
pub async fn store_cover_form(
    state: &AppState,
    form: &MultipartForm,
) -> AppResult<Result<(String, String), FieldErrors>> {
    let mut errors = FieldErrors::new();
    let alt = errors.check("cover_alt", text::image_alt(form.get("cover_alt"), true));
    let file = form.files("cover").next();
    if file.is_none() {
        errors.add("cover", "error-required");
    }
    if let (Some(alt), true) = (alt, errors.is_empty()) {
        match store_cover(state, file).await? {
            Ok(name) => return Ok(Ok((name, alt))),
            Err(code) => errors.add("cover", code),
        }
    }
    Ok(Err(errors))
}

/// The cover form sent for something whose cover is `old`: the image is
/// stored and saved with `save(name, alt)`, then `old` and its sizes are
/// deleted; or the form's problems, nothing changed.
pub async fn replace_cover<F, Fut>(
    state: &AppState,
    form: &MultipartForm,
    old: Option<String>,
    save: F,
) -> AppResult<Result<(), FieldErrors>>
where
    F: FnOnce(String, String) -> Fut,
    Fut: std::future::Future<Output = crate::storage::StoreResult<()>>,
{
    match store_cover_form(state, form).await? {
        Ok((name, alt)) => {
            save(name, alt).await?;
            if let Some(old) = old {
                crate::images::delete_with_variants(&*state.files, old).await?;
            }
            Ok(Ok(()))
        }
        Err(errors) => Ok(Err(errors)),
    }
}

/// A file sent in a multipart form.
pub struct UploadedFile {
    pub field: String,
    pub filename: String,
    pub bytes: axum::body::Bytes,
}

/// A whole multipart form: its text fields (in order, repeated names kept)
/// and its non-empty files.
#[derive(Default)]
pub struct MultipartForm {
    pub fields: Vec<(String, String)>,
    pub files: Vec<UploadedFile>,
}

impl MultipartForm {
    pub fn get(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }

    /// The text fields as a form struct (missing ones defaulting, as with
    /// `HtmlForm`); a field sent twice where one is expected is a 400.
    pub fn parse<T: serde::de::DeserializeOwned>(&self) -> AppResult<T> {
        let pairs = self.fields.iter().map(|(k, v)| (k.as_str(), v.as_str()));
        T::deserialize(serde::de::value::MapDeserializer::<_, serde::de::value::Error>::new(
            pairs,
        ))
        .map_err(|e| AppError::bad_request(format!("form: {e}")))
    }

    pub fn files(&self, field: &str) -> impl Iterator<Item = &UploadedFile> {
        self.files.iter().filter(move |f| f.field == field)
    }

    /// The one-column list in the CSV file sent as `file`, read by `parse`;
    /// or why it was refused, as (line, message) pairs in `lang`.
    pub fn csv_list(
        &self,
        i18n: &crate::i18n::I18n,
        lang: crate::i18n::Lang,
        parse: impl Fn(&str) -> Result<Vec<String>, participe_domain::csv_list::ImportErrors>,
    ) -> Result<Vec<String>, Vec<(usize, String)>> {
        let t = |id: &str| i18n.t(lang, id, None);
        match self.files("file").next() {
            None => Err(vec![(0, t("error-required"))]),
            Some(file) => match std::str::from_utf8(&file.bytes).map(parse) {
                Err(_) => Err(vec![(0, t("error-id-codes-unreadable"))]),
                Ok(Err(lines)) => Err(lines.into_iter().map(|(line, code)| (line, t(code))).collect()),
                Ok(Ok(list)) => Ok(list),
            },
        }
    }
}

/// Reads a form sent either way: multipart (with files) or URL-encoded.
pub async fn read_any(req: axum::extract::Request, state: &AppState) -> AppResult<MultipartForm> {
    use axum::extract::FromRequest;
    let multipart = req
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if multipart {
        let m = Multipart::from_request(req, state)
            .await
            .map_err(|e| AppError::bad_request(format!("multipart: {e}")))?;
        return read_multipart(m).await;
    }
    let axum::extract::RawForm(raw) = axum::extract::RawForm::from_request(req, state)
        .await
        .map_err(|e| AppError::bad_request(format!("form: {e}")))?;
    Ok(MultipartForm {
        fields: super::form::pairs(&raw),
        files: vec![],
    })
}

/// Reads every part of a multipart form. A body that is not multipart, or
/// larger than the limit, is a 400 page.
pub async fn read_multipart(mut multipart: Multipart) -> AppResult<MultipartForm> {
    let mut form = MultipartForm::default();
    while let Some(f) = multipart
        .next_field()
        .await
        .map_err(|e| AppError::bad_request(format!("multipart: {e}")))?
    {
        let name = f.name().unwrap_or("").to_string();
        match f.file_name().map(str::to_string) {
            Some(filename) => {
                let bytes = f
                    .bytes()
                    .await
                    .map_err(|e| AppError::bad_request(format!("multipart: {e}")))?;
                if !bytes.is_empty() {
                    form.files.push(UploadedFile {
                        field: name,
                        filename,
                        bytes,
                    });
                }
            }
            None => {
                let text = f
                    .text()
                    .await
                    .map_err(|e| AppError::bad_request(format!("multipart: {e}")))?;
                form.fields.push((name, text));
            }
        }
    }
    Ok(form)
}
