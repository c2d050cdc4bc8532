//! The request-path error type. Handlers return `Result<_, AppError>`; the
//! response carries the error kind, and `layers::context` renders it as a
//! translated, branded page (or a redirect to the log-in page).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use crate::storage::StoreError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    BadRequest,
    LoginRequired,
    Forbidden,
    Csrf,
    NotFound,
    TooManyRequests,
    Internal,
}

impl ErrorKind {
    pub fn status(self) -> StatusCode {
        match self {
            ErrorKind::BadRequest => StatusCode::BAD_REQUEST,
            ErrorKind::LoginRequired => StatusCode::SEE_OTHER,
            ErrorKind::Forbidden | ErrorKind::Csrf => StatusCode::FORBIDDEN,
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Message ids of the error page's title and explanation.
    pub fn message_ids(self) -> (&'static str, &'static str) {
        match self {
            ErrorKind::BadRequest => ("error-page-bad-request", "error-page-bad-request-text"),
            ErrorKind::LoginRequired => ("error-page-login", "error-page-login-text"),
            ErrorKind::Forbidden => ("error-page-forbidden", "error-page-forbidden-text"),
            ErrorKind::Csrf => ("error-page-csrf", "error-page-csrf-text"),
            ErrorKind::NotFound => ("error-page-not-found", "error-page-not-found-text"),
            ErrorKind::TooManyRequests => ("error-page-too-many", "error-page-too-many-text"),
            ErrorKind::Internal => ("error-page-internal", "error-page-internal-text"),
        }
    }
}

#[derive(Debug)]
pub struct AppError {
    pub kind: ErrorKind,
    /// Logged, never shown.
    pub detail: Option<String>,
}

impl AppError {
    pub fn new(kind: ErrorKind) -> Self {
        AppError { kind, detail: None }
    }
    pub fn not_found() -> Self {
        Self::new(ErrorKind::NotFound)
    }
    pub fn forbidden() -> Self {
        Self::new(ErrorKind::Forbidden)
    }
    pub fn bad_request(detail: impl Into<String>) -> Self {
        AppError {
            kind: ErrorKind::BadRequest,
            detail: Some(detail.into()),
        }
    }
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        AppError {
            kind: ErrorKind::Internal,
            detail: Some(detail.to_string()),
        }
    }
}

/// Marker placed in the response extensions for the error renderer.
#[derive(Debug, Clone, Copy)]
pub struct ErrorMarker(pub ErrorKind);

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let Some(detail) = &self.detail {
            if self.kind == ErrorKind::Internal {
                tracing::error!("internal error: {detail}");
            } else {
                tracing::debug!(kind = ?self.kind, "{detail}");
            }
        }
        let mut res = self.kind.status().into_response();
        res.extensions_mut().insert(ErrorMarker(self.kind));
        res
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::not_found(),
            other => AppError::internal(other),
        }
    }
}

impl From<anyhow::Error> for AppError {
    fn from(e: anyhow::Error) -> Self {
        AppError::internal(format!("{e:#}"))
    }
}

impl From<minijinja::Error> for AppError {
    fn from(e: minijinja::Error) -> Self {
        AppError::internal(format!("template: {e:#}"))
    }
}

pub type AppResult<T> = Result<T, AppError>;
