//! The public GraphQL API: `POST /graphql` (queries and, with a write
//! token, mutations), `GET /graphql?query=…` (queries only), the GraphiQL
//! page at `GET /graphql` for browsers, and the schema at
//! `/graphql/schema.graphql`.
//!
//! Anyone may read what a visitor sees on the web. Staff integrations send
//! `Authorization: Bearer <token>` with a token issued in the back office:
//! `read_private` also reads draft projects and unpublished steps, `write`
//! also runs the mutations. Cookies are ignored, so the API needs no CSRF
//! token. Queries are bounded in depth and complexity, and requests are
//! rate-limited per address and per token (429 with Retry-After;
//! `--api-limit`). Mutations are recorded in the administrators' action log
//! (`audit`).

mod audit;
pub mod consultation;
mod mutation;
mod query;
pub mod questionnaire;
pub mod types;

use std::future::Future;
use std::sync::OnceLock;

use async_graphql::connection::{Connection, Edge};
use async_graphql::http::GraphiQLSource;
use async_graphql::{EmptyMutation, EmptySubscription, ErrorExtensions, OutputType, Result, Schema, SimpleObject};
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use participe_domain::Role;

use crate::app::AppState;
use crate::security::token_hash;
use crate::storage::{Db, api_tokens, rate_limit};
use crate::web::context::Ctx;

pub use mutation::MutationRoot;
pub use query::QueryRoot;

/// Depth and complexity bounds of a query (the standard introspection query
/// of GraphQL tools is 13 levels deep).
pub const MAX_DEPTH: usize = 16;
pub const MAX_COMPLEXITY: usize = 5_000;

pub type FullSchema = Schema<QueryRoot, MutationRoot, EmptySubscription>;
pub type ReadSchema = Schema<QueryRoot, EmptyMutation, EmptySubscription>;

/// The schema with mutations (POST).
pub fn schema() -> &'static FullSchema {
    static S: OnceLock<FullSchema> = OnceLock::new();
    S.get_or_init(|| {
        Schema::build(QueryRoot, MutationRoot, EmptySubscription)
            .limit_depth(MAX_DEPTH)
            .limit_complexity(MAX_COMPLEXITY)
            .finish()
    })
}

/// The read-only schema (GET requests never mutate).
fn read_schema() -> &'static ReadSchema {
    static S: OnceLock<ReadSchema> = OnceLock::new();
    S.get_or_init(|| {
        Schema::build(QueryRoot, EmptyMutation, EmptySubscription)
            .limit_depth(MAX_DEPTH)
            .limit_complexity(MAX_COMPLEXITY)
            .finish()
    })
}

/// The schema in SDL, as committed in `schema.graphql` at the crate root.
pub fn sdl() -> String {
    schema().sdl()
}

/// What a token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    ReadPrivate,
    Write,
}

/// Per-request data of the resolvers.
pub struct ApiCtx {
    pub state: AppState,
    pub db: Db,
    /// The token's id and scope; None for the public.
    pub token: Option<(i64, Scope)>,
}

impl ApiCtx {
    /// Whether the caller sees what staff see (drafts, unpublished steps).
    pub fn staff(&self) -> bool {
        self.token.is_some()
    }

    /// The role the caller's visibility follows.
    pub fn role(&self) -> Option<Role> {
        self.staff().then_some(Role::ProjectManager)
    }

    pub fn require_write(&self) -> Result<i64> {
        match self.token {
            Some((id, Scope::Write)) => Ok(id),
            _ => Err(error("FORBIDDEN", "this mutation needs a token with the write scope")),
        }
    }

    /// Votes of a proposal where the web shows them.
    pub async fn public_votes(&self, proposal_id: i64) -> Result<Option<i64>> {
        crate::storage::ballots::public_votes(&self.db, proposal_id).await.api()
    }
}

/// A GraphQL error with a machine-readable `code` extension.
pub fn error(code: &'static str, message: impl Into<String>) -> async_graphql::Error {
    async_graphql::Error::new(message).extend_with(|_, e| e.set("code", code))
}

/// The total number of items, beside the edges.
#[derive(SimpleObject)]
pub struct Total {
    pub total_count: i64,
}

/// A Relay connection page: cursors are item positions; `first` is at most 100.
pub async fn page<T, F, Fut>(
    after: Option<String>,
    first: Option<i32>,
    total: i64,
    fetch: F,
) -> Result<Connection<usize, T, Total, async_graphql::connection::EmptyFields>>
where
    T: OutputType,
    F: FnOnce(i64, i64) -> Fut,
    Fut: Future<Output = Result<Vec<T>>>,
{
    let first = first.unwrap_or(20);
    if !(0..=100).contains(&first) {
        return Err(error("BAD_PAGE", "first must be between 0 and 100"));
    }
    let offset = match after {
        None => 0,
        Some(c) => c
            .parse::<usize>()
            .map(|n| n + 1)
            .map_err(|_| error("BAD_CURSOR", format!("invalid cursor {c:?}")))?,
    };
    let items = fetch(offset as i64, i64::from(first)).await?;
    let end = offset + items.len();
    let mut conn = Connection::with_additional_fields(offset > 0, (end as i64) < total, Total { total_count: total });
    conn.edges.extend(
        items
            .into_iter()
            .enumerate()
            .map(|(i, item)| Edge::new(offset + i, item)),
    );
    Ok(conn)
}

/// Storage errors reach clients as a generic message; the details are logged.
pub trait Stored<T> {
    fn api(self) -> Result<T>;
}

impl<T> Stored<T> for crate::storage::StoreResult<T> {
    fn api(self) -> Result<T> {
        self.map_err(|e| {
            tracing::error!("api storage error: {e}");
            error("INTERNAL", "internal error")
        })
    }
}

/// Reads the bearer token: Ok(None) without one, Err for an invalid one.
async fn caller(db: &Db, headers: &HeaderMap) -> std::result::Result<Option<(i64, Scope)>, Response> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let token = value
        .to_str()
        .ok()
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .unwrap_or("");
    let found = if token.is_empty() {
        None
    } else {
        api_tokens::check(db, &token_hash(token)).await.map_err(|e| {
            tracing::error!("api token check: {e}");
            gql_error(StatusCode::INTERNAL_SERVER_ERROR, "INTERNAL", "internal error", None)
        })?
    };
    match found {
        Some((id, scope)) => Ok(Some((
            id,
            if scope == "write" {
                Scope::Write
            } else {
                Scope::ReadPrivate
            },
        ))),
        None => Err(gql_error(
            StatusCode::UNAUTHORIZED,
            "UNAUTHENTICATED",
            "invalid or revoked API token",
            None,
        )),
    }
}

/// A response in the GraphQL error shape.
fn gql_error(status: StatusCode, code: &str, message: &str, retry_after: Option<i64>) -> Response {
    let body = serde_json::json!({ "errors": [{ "message": message, "extensions": { "code": code } }] });
    let mut res = (status, [(header::CONTENT_TYPE, "application/json")], body.to_string()).into_response();
    if let Some(s) = retry_after
        && let Ok(v) = HeaderValue::from_str(&s.to_string())
    {
        res.headers_mut().insert(header::RETRY_AFTER, v);
    }
    res
}

/// Counts one request of this caller; a 429 past the limit.
async fn rate_limited(state: &AppState, ctx: &Ctx, token: Option<(i64, Scope)>) -> Option<Response> {
    let db = &state.db;
    let per_address = state.config.rate_limits.api;
    let (bucket, max) = match token {
        Some((id, _)) => (format!("api-token:{id}"), per_address.saturating_mul(4)),
        None => (format!("api-ip:{}", ctx.client_ip), per_address),
    };
    let now = chrono::Utc::now().timestamp();
    let window = now - now.rem_euclid(60);
    match rate_limit::hit(db, &bucket, window).await {
        Ok(hits) if hits > max => Some(gql_error(
            StatusCode::TOO_MANY_REQUESTS,
            "RATE_LIMITED",
            "too many requests; try again later",
            Some(window + 60 - now),
        )),
        Ok(_) => None,
        Err(e) => {
            tracing::error!("api rate limit: {e}");
            None
        }
    }
}

async fn prepare(state: &AppState, ctx: &Ctx, headers: &HeaderMap) -> std::result::Result<ApiCtx, Response> {
    let token = caller(&state.db, headers).await?;
    if let Some(res) = rate_limited(state, ctx, token).await {
        return Err(res);
    }
    Ok(ApiCtx {
        state: state.clone(),
        db: state.db.clone(),
        token,
    })
}

/// Every error gets a `code`: the resolvers set theirs; the library's own
/// are either validation errors (no path), input that does not fit its type
/// (an `Int` too large, say) or, otherwise, unexpected.
fn label_errors(res: &mut async_graphql::Response) {
    for e in &mut res.errors {
        if e.extensions.as_ref().is_some_and(|x| x.get("code").is_some()) {
            continue;
        }
        let code = if e.path.is_empty() {
            "GRAPHQL_VALIDATION_FAILED"
        } else if e.message.starts_with("Failed to parse") || e.message.starts_with("Invalid value") {
            "BAD_USER_INPUT"
        } else {
            "INTERNAL"
        };
        e.extensions.get_or_insert_with(Default::default).set("code", code);
    }
}

fn json(mut res: async_graphql::Response) -> Response {
    label_errors(&mut res);
    let body = serde_json::to_string(&res).unwrap_or_else(|_| "{}".into());
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// `POST /graphql`: queries and mutations.
pub async fn post(State(state): State<AppState>, ctx: Ctx, headers: HeaderMap, body: axum::body::Bytes) -> Response {
    let api = match prepare(&state, &ctx, &headers).await {
        Ok(a) => a,
        Err(res) => return res,
    };
    let request: async_graphql::Request = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) => {
            return gql_error(
                StatusCode::BAD_REQUEST,
                "BAD_REQUEST",
                &format!("the body must be a JSON GraphQL request: {e}"),
                None,
            );
        }
    };
    // A write token's mutations go to the administrators' action log.
    let audited = match api.token {
        Some((id, Scope::Write)) => {
            audit::mutation_fields(&request.query, request.operation_name.as_deref()).map(|f| (id, f))
        }
        _ => None,
    };
    let res = schema().execute(request.data(api)).await;
    if let Some((token_id, fields)) = audited {
        audit::record(&state, token_id, &ctx.client_ip, &fields, &res.data).await;
    }
    json(res)
}

/// `GET /graphql`: a query in the query string, or the GraphiQL page.
pub async fn get(State(state): State<AppState>, ctx: Ctx, headers: HeaderMap, RawQuery(query): RawQuery) -> Response {
    let query = query.unwrap_or_default();
    if !url::form_urlencoded::parse(query.as_bytes()).any(|(k, _)| k == "query") {
        return graphiql();
    }
    let api = match prepare(&state, &ctx, &headers).await {
        Ok(a) => a,
        Err(res) => return res,
    };
    let request = match async_graphql::http::parse_query_string(&query) {
        Ok(r) => r,
        Err(e) => return gql_error(StatusCode::BAD_REQUEST, "BAD_REQUEST", &e.to_string(), None),
    };
    json(read_schema().execute(request.data(api)).await)
}

/// GraphiQL, loaded from its CDN: the only page whose Content Security
/// Policy allows a third-party script.
fn graphiql() -> Response {
    let html = GraphiQLSource::build()
        .endpoint("/graphql")
        .title("Participe — API GraphQL")
        .finish();
    let mut res = Html(html).into_response();
    res.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self' 'unsafe-inline' https://unpkg.com; \
             style-src 'self' 'unsafe-inline' https://unpkg.com; img-src 'self' data: https://unpkg.com; \
             font-src 'self' data: https://unpkg.com; connect-src 'self'; frame-ancestors 'none'",
        ),
    );
    res
}

/// `GET /graphql/schema.graphql`.
pub async fn schema_file() -> Response {
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], sdl()).into_response()
}
