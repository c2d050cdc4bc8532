//! Records the staff's changes in the administrators' action log: around
//! every route, once the handler has answered, a successful request that
//! `participe_domain::admin_log::is_logged` names is written down with who
//! made it, the route it matched and the client's address. A failure to
//! write is logged and does not undo the action.

use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use participe_domain::admin_log::is_logged;

use super::context::Ctx;
use crate::app::AppState;
use crate::storage::admin_log::{self, NewAction};

pub async fn record(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let route = req.extensions().get::<MatchedPath>().map(|m| m.as_str().to_string());
    let logged = route.filter(|r| is_logged(req.method().as_str(), r)).and_then(|r| {
        let ctx = req.extensions().get::<Ctx>()?;
        let user = ctx.user.clone()?;
        Some((
            r,
            user,
            ctx.client_ip.clone(),
            req.method().to_string(),
            req.uri().path().to_string(),
        ))
    });
    let res = next.run(req).await;
    let Some((route, user, ip, method, path)) = logged else {
        return res;
    };
    // A form sent back with its errors (4xx) or a failure changed nothing.
    let status = res.status();
    if status.is_client_error() || status.is_server_error() {
        return res;
    }
    let label = format!(
        "{} <{}>",
        user.display_name.as_deref().unwrap_or(""),
        user.email.as_deref().unwrap_or("")
    );
    let action = NewAction {
        user_id: Some(user.id),
        user_label: &label,
        role: &user.role,
        method: &method,
        path: &path,
        route: &route,
        status: i64::from(status.as_u16()),
        ip: &ip,
    };
    if let Err(e) = admin_log::record(&state.db, &action).await {
        tracing::error!(%path, "administrator action not logged: {e}");
    }
    res
}
