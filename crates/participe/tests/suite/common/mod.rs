//! Test harness: the real router over a real database (a fresh SQLite file,
//! or a fresh schema in the PostgreSQL named by `TEST_PG_URL`), driven by a
//! small HTTP client that keeps cookies and sends the CSRF token like a
//! browser would.
#![allow(dead_code)]

pub mod idp;
pub mod saml_idp;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::str::FromStr;

use axum::Router;
use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use participe::app::AppState;
use participe::config::Config;
use participe::storage::{Db, Engine};
use participe_domain::Role;
use participe_domain::account::Signup;
use scraper::{Html, Selector};
use sqlx::postgres::PgConnectOptions;
use tower::ServiceExt;

/// Declares one test per engine running the same scenario:
/// `engine_test!(name, scenario)` gives `name::sqlite` and `name::postgres`.
#[macro_export]
macro_rules! engine_test {
    ($name:ident, $scenario:ident) => {
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                let app = $crate::common::TestApp::new(participe::storage::Engine::Sqlite).await;
                super::$scenario(&app).await;
            }

            #[tokio::test]
            async fn postgres() {
                let Some(app) = $crate::common::TestApp::postgres().await else {
                    return;
                };
                super::$scenario(&app).await;
            }
        }
    };
}

pub struct TestApp {
    pub state: AppState,
    pub engine: Engine,
    /// The router, built once: its clones share it (a client is made for
    /// every request in some tests, and building the router is not free).
    router: std::sync::OnceLock<axum::Router>,
    _dir: tempfile::TempDir,
}

/// The PostgreSQL URL for tests. Without one, PostgreSQL tests are skipped
/// with a message, except under CI where skipping is a failure.
pub fn pg_url() -> Option<String> {
    match std::env::var("TEST_PG_URL") {
        Ok(u) if !u.is_empty() => Some(u),
        _ => {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!("CI=true but TEST_PG_URL is not set: PostgreSQL tests must run in CI");
            }
            eprintln!("SKIPPED: PostgreSQL test (set TEST_PG_URL=postgres://… to run it)");
            None
        }
    }
}

/// A directory for a test's SQLite file: in memory (/dev/shm) where the
/// machine has it, so that the commits' fsync, which tests do not need to
/// survive a power cut, costs nothing; else the usual temporary directory.
fn scratch_dir() -> tempfile::TempDir {
    let shm = std::path::Path::new("/dev/shm");
    if shm.is_dir()
        && let Ok(dir) = tempfile::Builder::new().prefix("participe-test-").tempdir_in(shm)
    {
        return dir;
    }
    tempfile::tempdir().unwrap()
}

async fn fresh_pg_db() -> Option<Db> {
    let url = pg_url()?;
    let opts = PgConnectOptions::from_str(&url).expect("TEST_PG_URL");
    let schema = format!("t_{}", &participe::security::random_token()[..16]);
    let admin = Db::connect_postgres(opts.clone())
        .await
        .expect("connect to TEST_PG_URL");
    if let Db::Postgres(p) = &admin {
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE SCHEMA {schema}")))
            .execute(p)
            .await
            .expect("create schema");
    }
    admin.close().await;
    Some(
        // Tests need no commit to survive a power cut: not waiting for the
        // disk after each one makes the PostgreSQL half of the suite faster.
        Db::connect_postgres(opts.options([("search_path", schema.as_str()), ("synchronous_commit", "off")]))
            .await
            .expect("connect to schema"),
    )
}

impl TestApp {
    pub async fn new(engine: Engine) -> TestApp {
        Self::configured(engine, |_| ())
            .await
            .expect("PostgreSQL not configured")
    }

    pub async fn postgres() -> Option<TestApp> {
        Self::configured(Engine::Postgres, |_| ()).await
    }

    /// An app whose configuration `tune` changes first (None: PostgreSQL
    /// is not configured, see `pg_url`).
    pub async fn configured(engine: Engine, tune: impl FnOnce(&mut Config)) -> Option<TestApp> {
        let (db, dir) = match engine {
            Engine::Sqlite => {
                let dir = scratch_dir();
                let url = format!("sqlite://{}", dir.path().join("test.db").display());
                (Db::connect(&url).await.unwrap(), dir)
            }
            Engine::Postgres => (fresh_pg_db().await?, tempfile::tempdir().unwrap()),
        };
        Some(Self::with_db(db, dir, tune).await)
    }

    async fn with_db(db: Db, dir: tempfile::TempDir, tune: impl FnOnce(&mut Config)) -> TestApp {
        if std::env::var("TEST_LOG").is_ok() {
            let _ = tracing_subscriber::fmt().with_test_writer().try_init();
        }
        db.migrate().await.expect("migrations");
        let engine = db.engine();
        let mut config = Config::local(dir.path().to_path_buf());
        // Built-in fonts are read from here: empty unless a test puts files in.
        config.fonts_dir = dir.path().join("fonts");
        tune(&mut config);
        TestApp {
            state: AppState::new(db, config),
            engine,
            router: std::sync::OnceLock::new(),
            _dir: dir,
        }
    }

    pub fn db(&self) -> &Db {
        &self.state.db
    }

    /// A browser-like client coming from its own address.
    pub fn client(&self) -> Client {
        let n = NEXT_CLIENT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.client_from(SocketAddr::from((
            [10, (n >> 16) as u8, (n >> 8) as u8, n as u8],
            40000,
        )))
    }

    pub fn client_from(&self, addr: SocketAddr) -> Client {
        let router = self.router.get_or_init(|| self.state.router()).clone();
        Client {
            router: router.layer(MockConnectInfo(addr)),
            cookies: HashMap::new(),
        }
    }
}

/// A browser-like client of another server (another `AppState`, with its
/// own memory) sharing the same database.
pub fn client_of(state: &AppState) -> Client {
    let n = NEXT_CLIENT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let addr = SocketAddr::from(([10, (n >> 16) as u8, (n >> 8) as u8, n as u8], 40000));
    Client {
        router: state.router().layer(MockConnectInfo(addr)),
        cookies: HashMap::new(),
    }
}

impl TestApp {
    /// Creates a confirmed account with this role; returns its id.
    pub async fn user(&self, email: &str, role: Role) -> i64 {
        let s = Signup {
            display_name: format!("Test {}", role.as_str()),
            email: email.into(),
            password: PASSWORD.into(),
        };
        participe::services::accounts::create(self.db(), &s, role, participe::i18n::Lang::Fr, true)
            .await
            .expect("create user")
    }

    /// A client logged in as a new account with this role.
    pub async fn logged_in(&self, role: Role) -> Client {
        let email = format!(
            "{}-{}@example.org",
            role.as_str(),
            &participe::security::random_token()[..8]
        );
        self.user(&email, role).await;
        let mut c = self.client();
        c.login(&email, PASSWORD).await;
        c
    }

    /// Counts the rows of a table.
    pub async fn count(&self, table: &str) -> i64 {
        let sql = sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}"));
        participe::on_db!(self.db(), |p| sqlx::query_scalar::<_, i64>(sql).fetch_one(p).await).unwrap()
    }
}

/// Each client gets its own address, so rate limits count per client.
static NEXT_CLIENT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);

pub const PASSWORD: &str = "correct horse battery";

#[derive(Clone)]
pub struct Client {
    router: Router,
    pub cookies: HashMap<String, String>,
}

pub struct Res {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
    /// The body as sent (for images and files).
    pub bytes: Vec<u8>,
}

impl Res {
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    pub fn html(&self) -> Html {
        Html::parse_document(&self.body)
    }

    /// Text of every element matching a CSS selector.
    pub fn texts(&self, css: &str) -> Vec<String> {
        let sel = Selector::parse(css).expect("selector");
        self.html()
            .select(&sel)
            .map(|e| e.text().collect::<String>().trim().to_string())
            .collect()
    }

    pub fn text(&self, css: &str) -> String {
        self.texts(css)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("nothing matches {css} in:\n{}", self.body))
    }

    /// An attribute of the first element matching a CSS selector.
    pub fn attr(&self, css: &str, name: &str) -> String {
        let sel = Selector::parse(css).expect("selector");
        let html = self.html();
        let el = html
            .select(&sel)
            .next()
            .unwrap_or_else(|| panic!("nothing matches {css} in:\n{}", self.body));
        el.value().attr(name).unwrap_or_default().to_string()
    }

    pub fn has(&self, css: &str) -> bool {
        !self.texts(css).is_empty()
    }

    /// The message shown next to a form field (`#f-NAME-error`).
    pub fn field_error(&self, field: &str) -> String {
        self.text(&format!("#f-{field}-error"))
    }
}

impl Client {
    pub async fn request(&mut self, method: Method, path: &str, content_type: Option<&str>, body: Vec<u8>) -> Res {
        self.request_with(method, path, content_type, &[], body).await
    }

    /// A request with extra headers (a `Referer`, say).
    pub async fn request_with(
        &mut self,
        method: Method,
        path: &str,
        content_type: Option<&str>,
        headers: &[(&str, &str)],
        body: Vec<u8>,
    ) -> Res {
        let mut req = Request::builder().method(method).uri(path);
        for (name, value) in headers {
            req = req.header(*name, *value);
        }
        if !self.cookies.is_empty() {
            let c = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ");
            req = req.header(header::COOKIE, c);
        }
        if let Some(ct) = content_type {
            req = req.header(header::CONTENT_TYPE, ct);
        }
        let res = self
            .router
            .clone()
            .oneshot(req.body(Body::from(body)).unwrap())
            .await
            .unwrap();
        for v in res.headers().get_all(header::SET_COOKIE) {
            let c = cookie::Cookie::parse(v.to_str().unwrap().to_string()).unwrap();
            if c.max_age().is_some_and(|a| a.is_zero()) {
                self.cookies.remove(c.name());
            } else {
                self.cookies.insert(c.name().to_string(), c.value().to_string());
            }
        }
        let status = res.status();
        let headers = res.headers().clone();
        // An event stream never ends: only its status and headers are read.
        if headers
            .get(header::CONTENT_TYPE)
            .is_some_and(|v| v == "text/event-stream")
        {
            return Res {
                status,
                headers,
                body: String::new(),
                bytes: Vec::new(),
            };
        }
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        Res {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
        }
    }

    pub async fn get(&mut self, path: &str) -> Res {
        self.request(Method::GET, path, None, vec![]).await
    }

    /// The CSRF token a page would carry (the cookie's value), fetching a
    /// page first if this client has none yet.
    pub async fn csrf(&mut self) -> String {
        if !self.cookies.contains_key("participe_csrf") {
            // A page whose cost does not grow with the database (the home
            // page lists every project), so long tests stay linear.
            self.get("/terms").await;
        }
        self.cookies["participe_csrf"].clone()
    }

    /// POSTs a form with the CSRF token, like a browser submitting a page's form.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Res {
        let token = self.csrf().await;
        let mut all: Vec<(&str, &str)> = vec![("_csrf", &token)];
        all.extend_from_slice(fields);
        self.post_raw(path, &all).await
    }

    /// POSTs a form exactly as given (no CSRF token added).
    pub async fn post_raw(&mut self, path: &str, fields: &[(&str, &str)]) -> Res {
        let body = serde_urlencoded::to_string(fields).unwrap();
        self.request(
            Method::POST,
            path,
            Some("application/x-www-form-urlencoded"),
            body.into_bytes(),
        )
        .await
    }

    /// POSTs a multipart form with one file field, the CSRF token in the query.
    pub async fn upload(&mut self, path: &str, field: &str, filename: &str, bytes: &[u8]) -> Res {
        let token = self.csrf().await;
        let boundary = "XXparticipeXX";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let uri = format!("{path}?_csrf={token}");
        self.request(
            Method::POST,
            &uri,
            Some(&format!("multipart/form-data; boundary={boundary}")),
            body,
        )
        .await
    }

    pub async fn login(&mut self, email: &str, password: &str) -> Res {
        let res = self.post("/login", &[("email", email), ("password", password)]).await;
        assert_eq!(res.status, StatusCode::SEE_OTHER, "login failed: {}", res.body);
        res
    }
}

/// The newest email sent to `to`, from the outbox.
pub async fn last_email_to(app: &TestApp, to: &str) -> participe::storage::outbox::Email {
    participe::storage::outbox::list(app.db(), 1000, 0)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.to_address == to)
        .unwrap_or_else(|| panic!("no email to {to}"))
}

/// The path of the first link to this site in a text.
pub fn link_path(text: &str) -> String {
    let url = text
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:8080/"))
        .expect("a link");
    url.trim_start_matches("http://127.0.0.1:8080").to_string()
}

/// A valid 1×1 PNG.
pub const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00,
    0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49,
    0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x60, 0x00, 0x02, 0x00, 0x00, 0x05, 0x00, 0x01, 0xE9, 0xFA, 0xDC, 0xD8, 0x00,
    0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

/// A public project with an open, published collect step; returns
/// (project slug, step id). Staff set it up through the back office.
pub async fn open_collect_step(app: &TestApp, admin: &mut Client, title: &str) -> (String, i64) {
    open_step(app, admin, title, "collect").await
}

/// A public project with one published step of `step_type`, open from two
/// days ago for twenty days; returns the project's slug and the step's id.
pub async fn open_step(app: &TestApp, admin: &mut Client, title: &str, step_type: &str) -> (String, i64) {
    let res = admin
        .post("/admin/projects/new", &[("title", title), ("visibility", "public")])
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let project: i64 = res.location().trim_start_matches("/admin/projects/").parse().unwrap();
    let start = (chrono::Utc::now() - chrono::Duration::days(2))
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let end = (chrono::Utc::now() + chrono::Duration::days(20))
        .format("%Y-%m-%dT%H:%M")
        .to_string();
    let res = admin
        .post(
            &format!("/admin/projects/{project}/steps/new"),
            &[
                ("title", "Dépôt"),
                ("step_type", step_type),
                ("starts_at", &start),
                ("ends_at", &end),
                ("published", "on"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let p = participe::storage::projects::by_id(app.db(), project)
        .await
        .unwrap()
        .unwrap();
    let step = participe::storage::steps::of_project(app.db(), project, true)
        .await
        .unwrap()
        .pop()
        .unwrap();
    (p.slug, step.id)
}

/// Builds a multipart body from text fields and files (name, filename, bytes).
pub fn multipart(fields: &[(&str, &str)], files: &[(&str, &str, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "XXparticipeXXboundaryXX";
    let mut body = Vec::new();
    for (k, v) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").as_bytes(),
        );
    }
    for (k, name, bytes) in files {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

impl Client {
    /// POSTs a multipart form (the CSRF token in the query, as the pages do).
    pub async fn post_multipart(&mut self, path: &str, fields: &[(&str, &str)], files: &[(&str, &str, &[u8])]) -> Res {
        let token = self.csrf().await;
        let (ct, body) = multipart(fields, files);
        let sep = if path.contains('?') { '&' } else { '?' };
        self.request(Method::POST, &format!("{path}{sep}_csrf={token}"), Some(&ct), body)
            .await
    }
}

/// Checks that every JSON file listed on `/open-data` holds as many records
/// as the page's rows column says; returns how many files were checked.
pub async fn assert_open_data_rows(c: &mut Client) -> usize {
    let page = c.get("/open-data").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let row = Selector::parse("tbody tr").unwrap();
    let link = Selector::parse("th a").unwrap();
    let cell = Selector::parse("td.numeric").unwrap();
    let files: Vec<(String, usize)> = page
        .html()
        .select(&row)
        .filter_map(|tr| {
            let href = tr.select(&link).next()?.value().attr("href")?.to_string();
            let rows = tr.select(&cell).next()?.text().collect::<String>();
            Some((href, rows.trim().parse().expect("rows is a number")))
        })
        .filter(|(href, _)| href.ends_with(".json"))
        .collect();
    for (href, rows) in &files {
        let res = c.get(href).await;
        assert_eq!(res.status, StatusCode::OK, "{href}");
        let json: serde_json::Value = serde_json::from_slice(&res.bytes).expect("JSON file");
        let records = json.as_array().unwrap_or_else(|| panic!("{href} is an array")).len();
        assert_eq!(
            records, *rows,
            "{href}: the page says {rows} rows, the file holds {records}"
        );
    }
    files.len()
}

/// The smallest TrueType file a font parser accepts: the `head`, `hhea` and
/// `maxp` tables, one glyph, no outlines. `marker` goes into its revision,
/// so two files can differ.
pub fn minimal_ttf(marker: u16) -> Vec<u8> {
    let be16 = |v: u16| v.to_be_bytes().to_vec();
    let be32 = |v: u32| v.to_be_bytes().to_vec();
    let mut head = Vec::new();
    for part in [
        be16(1),
        be16(0),
        be16(1),
        be16(marker), // version 1.0, revision 1.marker
        be32(0),
        be32(0x5F0F_3CF5),
        be16(0),
        be16(1000), // checksum adjustment, magic, flags, units per em
        vec![0; 16],
        vec![0; 8], // created, modified, then the bounding box
        be16(0),
        be16(8),
        be16(2),
        be16(0),
        be16(0), // mac style, smallest size, direction, loca format, glyph format
    ] {
        head.extend(part);
    }
    let mut hhea = Vec::new();
    for part in [
        be32(0x0001_0000),
        be16(800),
        be16((-200i16) as u16),
        be16(0),
        be16(500), // version, ascender, descender, gap, max advance
        be16(0),
        be16(0),
        be16(500),
        be16(1),
        be16(0),
        be16(0), // bearings, extent, caret slope and offset
        vec![0; 8],
        be16(0),
        be16(1), // reserved, metric format, horizontal metrics
    ] {
        hhea.extend(part);
    }
    let maxp = [be32(0x0000_5000), be16(1)].concat();
    let tables = [(*b"head", head), (*b"hhea", hhea), (*b"maxp", maxp)];
    let mut out = [be32(0x0001_0000), be16(3), be16(32), be16(1), be16(16)].concat();
    let mut offset = 12 + 16 * tables.len();
    let mut bodies = Vec::new();
    for (tag, body) in &tables {
        out.extend_from_slice(tag);
        out.extend(be32(0));
        out.extend(be32(offset as u32));
        out.extend(be32(body.len() as u32));
        let mut padded = body.clone();
        padded.resize(body.len().div_ceil(4) * 4, 0);
        offset += padded.len();
        bodies.extend(padded);
    }
    out.extend(bodies);
    out
}
