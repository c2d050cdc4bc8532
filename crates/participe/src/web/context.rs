//! What every handler knows about the request: who is signed in, in which
//! language, the CSRF token to put in forms, and the client address.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use participe_domain::Role;
use participe_domain::permission::{Action, can};

use super::error::{AppError, ErrorKind};
use crate::i18n::Lang;
use crate::storage::users::User;

#[derive(Clone, Debug)]
pub struct Ctx {
    pub user: Option<User>,
    pub lang: Lang,
    pub csrf: String,
    /// Hash of the session token, when signed in.
    pub session_hash: Option<String>,
    pub client_ip: String,
    /// Message id of a one-time notice set by the previous request.
    pub flash: Option<String>,
    /// Path and query of the request, for "back here" links.
    pub path: String,
}

impl Ctx {
    pub fn role(&self) -> Option<Role> {
        self.user.as_ref().map(User::role)
    }

    /// The groups of the signed-in person (none when anonymous).
    pub fn groups(&self) -> Vec<i64> {
        self.user.as_ref().map(User::groups).unwrap_or_default()
    }

    pub fn can(&self, action: Action) -> bool {
        can(self.role(), action)
    }

    /// The signed-in user, or a redirect to the log-in page.
    pub fn user(&self) -> Result<&User, AppError> {
        self.user.as_ref().ok_or(AppError::new(ErrorKind::LoginRequired))
    }

    /// Passes when the user may perform `action`; otherwise asks anonymous
    /// visitors to log in and refuses everyone else.
    pub fn require(&self, action: Action) -> Result<&User, AppError> {
        let user = self.user()?;
        if can(Some(user.role()), action) {
            Ok(user)
        } else {
            Err(AppError::forbidden())
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Ctx>()
            .cloned()
            .ok_or_else(|| AppError::internal("request context missing"))
    }
}
