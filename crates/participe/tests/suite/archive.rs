//! Reversibility: the whole-platform archive. The demo goes from SQLite to
//! PostgreSQL and back through `export` and `import`, losing nothing (same
//! rows, same values, same files); imports refuse a database with content
//! and corrupt archives, changing nothing; the back office runs the export
//! in the background with its progress, for administrators only.

use crate::common;

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use participe::services::archive;
use participe::services::jobs::Progress;
use participe::storage::{jobs, org, schema};
use participe_domain::Role;
use participe_domain::archive::Manifest;
use serde_json::Value;
use tower::ServiceExt;

use common::{Client, PNG, TestApp};

/// A PDF the file store accepts, next to the PNG logo.
const PDF: &[u8] = b"%PDF-1.4\n% Participe test attachment\n%%EOF\n";

fn uploads(app: &TestApp) -> PathBuf {
    archive::uploads_dir(&app.state.config.data_dir)
}

/// The demo on a fresh SQLite database, with an uploaded logo and an
/// attachment file.
async fn demo_source() -> TestApp {
    let app = TestApp::new(participe::storage::Engine::Sqlite).await;
    assert!(participe::demo::load(app.db()).await.unwrap());
    let logo = participe::files::new_name(participe::files::ImageKind::Png);
    app.state.files.put(logo.clone(), PNG.to_vec()).await.unwrap();
    org::set_logo(app.db(), Some(&logo)).await.unwrap();
    let pdf = participe::files::new_name(participe::files::ImageKind::Pdf);
    app.state.files.put(pdf, PDF.to_vec()).await.unwrap();
    app
}

async fn export(app: &TestApp, out: &Path) -> archive::Summary {
    let started = Instant::now();
    let s = archive::export(app.db(), &uploads(app), out, &Progress::silent())
        .await
        .unwrap_or_else(|e| panic!("export from {:?}: {e:#}", app.engine));
    eprintln!(
        "export from {:?}: {s} in {:.2} s",
        app.engine,
        started.elapsed().as_secs_f64()
    );
    s
}

async fn import(app: &TestApp, file: &Path) -> anyhow::Result<archive::Summary> {
    let started = Instant::now();
    let s = archive::import(app.db(), &uploads(app), file, &Progress::silent()).await?;
    eprintln!(
        "import into {:?}: {s} in {:.2} s",
        app.engine,
        started.elapsed().as_secs_f64()
    );
    Ok(s)
}

/// An archive's manifest, its tables (each row with sorted keys, rows
/// sorted) and its files.
struct Contents {
    manifest: Manifest,
    tables: BTreeMap<String, Vec<String>>,
    files: BTreeMap<String, Vec<u8>>,
}

fn read_zip(path: &Path) -> Contents {
    read_zip_bytes(&std::fs::read(path).unwrap())
}

fn read_zip_bytes(bytes: &[u8]) -> Contents {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP archive");
    let mut manifest = None;
    let (mut tables, mut files) = (BTreeMap::new(), BTreeMap::new());
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == "manifest.json" {
            manifest = Some(serde_json::from_slice::<Manifest>(&data).expect("manifest"));
        } else if let Some(t) = name.strip_prefix("tables/").and_then(|t| t.strip_suffix(".jsonl")) {
            let mut rows: Vec<String> = String::from_utf8(data)
                .unwrap()
                .lines()
                .map(|l| {
                    let v: BTreeMap<String, Value> = serde_json::from_str(l).expect("a JSON object");
                    serde_json::to_string(&v).unwrap()
                })
                .collect();
            rows.sort();
            tables.insert(t.to_string(), rows);
        } else if let Some(n) = name.strip_prefix("files/") {
            files.insert(n.to_string(), data);
        } else {
            panic!("unexpected entry {name}");
        }
    }
    Contents {
        manifest: manifest.expect("manifest.json"),
        tables,
        files,
    }
}

/// Both archives hold the same tables (same columns, types and rows, value
/// for value) and the same files, byte for byte.
fn assert_same(a: &Contents, b: &Contents, what: &str) {
    let columns = |c: &Contents| -> BTreeMap<String, Vec<(String, String, bool)>> {
        c.manifest
            .tables
            .iter()
            .map(|t| {
                let mut cols: Vec<_> = t
                    .columns
                    .iter()
                    .map(|c| (c.name.clone(), c.ty.as_str().to_string(), c.nullable))
                    .collect();
                cols.sort();
                (t.name.clone(), cols)
            })
            .collect()
    };
    assert_eq!(
        columns(a),
        columns(b),
        "{what}: same tables, columns and portable types"
    );
    assert_eq!(a.manifest.migrations, b.manifest.migrations, "{what}: migrations");
    assert_eq!(
        a.tables.keys().collect::<Vec<_>>(),
        b.tables.keys().collect::<Vec<_>>(),
        "{what}: tables"
    );
    for (t, rows) in &a.tables {
        let other = &b.tables[t];
        assert_eq!(rows.len(), other.len(), "{what}: rows of {t}");
        for (x, y) in rows.iter().zip(other) {
            assert_eq!(x, y, "{what}: a row of {t}");
        }
        let spec = a.manifest.table(t).unwrap();
        assert_eq!(spec.rows as usize, rows.len(), "{what}: manifest count of {t}");
    }
    assert_eq!(a.files, b.files, "{what}: files");
}

/// Rows in every table but the organisation's.
async fn content_rows(app: &TestApp) -> i64 {
    let s = schema::read(app.db()).await.unwrap();
    let mut n = 0;
    for t in s.tables.iter().filter(|t| t.name != "organisation") {
        n += app.count(&t.name).await;
    }
    // `migrate` creates the four built-in pages (legal, privacy, cookies,
    // contact) and the home page's first four sections.
    n - 4 - 4
}

/// After an import, the demo administrator logs in through the router,
/// sees the projects, and new rows get fresh ids.
async fn app_works(app: &TestApp) {
    let mut c = app.client();
    c.login(participe::demo::ADMIN_EMAIL, participe::demo::ADMIN_PASSWORD)
        .await;
    let res = c.get("/admin/projects").await;
    assert_eq!(res.status, StatusCode::OK);
    let projects = participe::storage::projects::list_all(app.db()).await.unwrap();
    assert!(projects.len() >= 3);
    for p in &projects {
        assert!(res.body.contains(&p.title), "{} listed", p.title);
    }
    let home = c.get("/").await;
    assert!(home.body.contains("Ville de Démo"), "branding restored");
    let logo = org::get(app.db()).await.unwrap().logo_path.expect("a logo");
    let res = c.get(&format!("/uploads/{logo}")).await;
    assert_eq!(res.status, StatusCode::OK, "the logo file is served");
    // Identity sequences continue after the imported ids.
    let res = c
        .post(
            "/admin/projects/new",
            &[("title", "Après l’import"), ("visibility", "draft")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let res = c.post("/admin/districts", &[("name", "Quartier importé")]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
}

#[tokio::test]
async fn demo_round_trips_between_engines() {
    let dir = tempfile::tempdir().unwrap();
    let source = demo_source().await;
    let a = dir.path().join("a.zip");
    let exported = export(&source, &a).await;
    assert!(exported.rows > 100 && exported.files == 2, "{exported}");
    let contents_a = read_zip(&a);
    assert_eq!(contents_a.manifest.source_engine, "sqlite");
    assert_eq!(contents_a.files.values().filter(|f| f.as_slice() == PNG).count(), 1);

    // SQLite → SQLite, always.
    let copy = TestApp::new(participe::storage::Engine::Sqlite).await;
    import(&copy, &a).await.unwrap();
    let again = dir.path().join("a2.zip");
    export(&copy, &again).await;
    assert_same(&contents_a, &read_zip(&again), "SQLite → SQLite");

    let Some(pg) = TestApp::postgres().await else {
        app_works(&copy).await;
        return;
    };
    // SQLite → PostgreSQL.
    import(&pg, &a).await.unwrap();
    let b = dir.path().join("b.zip");
    export(&pg, &b).await;
    let contents_b = read_zip(&b);
    assert_eq!(contents_b.manifest.source_engine, "postgres");
    assert_same(&contents_a, &contents_b, "SQLite → PostgreSQL");

    // PostgreSQL → SQLite.
    let back = TestApp::new(participe::storage::Engine::Sqlite).await;
    import(&back, &b).await.unwrap();
    let c = dir.path().join("c.zip");
    export(&back, &c).await;
    assert_same(&contents_b, &read_zip(&c), "PostgreSQL → SQLite");

    app_works(&pg).await;
    app_works(&back).await;
    let size = std::fs::metadata(&a).unwrap().len();
    eprintln!("demo archive: {size} bytes");
}

/// The command line: `participe export` then `participe import`.
#[tokio::test]
async fn the_commands_export_and_import() {
    use clap::Parser;
    let source = demo_source().await;
    let projects = participe::storage::projects::list_all(source.db()).await.unwrap().len();
    let dir = tempfile::tempdir().unwrap();
    let dst_db = dir.path().join("dst.db");
    // The source app's database is a file in its data directory.
    let data = source.state.config.data_dir.clone();
    let src_url = format!("sqlite://{}", data.join("test.db").display());
    let out = dir.path().join("out.zip");
    let cli = participe::cli::Cli::parse_from([
        "participe",
        "export",
        "--output",
        out.to_str().unwrap(),
        "--database-url",
        &src_url,
        "--data-dir",
        data.to_str().unwrap(),
    ]);
    participe::cli::run(cli).await.unwrap();
    let target = dir.path().join("target");
    let dst_url = format!("sqlite://{}", dst_db.display());
    let cli = participe::cli::Cli::parse_from([
        "participe",
        "import",
        out.to_str().unwrap(),
        "--database-url",
        &dst_url,
        "--data-dir",
        target.to_str().unwrap(),
    ]);
    participe::cli::run(cli).await.unwrap();
    assert_eq!(std::fs::read_dir(target.join("uploads")).unwrap().count(), 2);
    let db = participe::storage::Db::connect(&dst_url).await.unwrap();
    assert_eq!(
        participe::storage::projects::list_all(&db).await.unwrap().len(),
        projects
    );
    // A second import into the same database is refused.
    let cli = participe::cli::Cli::parse_from([
        "participe",
        "import",
        out.to_str().unwrap(),
        "--database-url",
        &dst_url,
        "--data-dir",
        target.to_str().unwrap(),
    ]);
    let err = participe::cli::run(cli).await.unwrap_err();
    assert!(format!("{err:#}").contains("not empty"), "{err:#}");
}

async fn refuses_a_database_with_content(app: &TestApp) {
    let dir = tempfile::tempdir().unwrap();
    let source = demo_source().await;
    let a = dir.path().join("a.zip");
    export(&source, &a).await;
    app.user("deja-la@example.org", Role::Participant).await;
    let before = content_rows(app).await;
    let err = import(app, &a).await.unwrap_err();
    let msg = format!("{err:#}");
    assert!(msg.contains("not empty") && msg.contains("users"), "{msg}");
    assert_eq!(content_rows(app).await, before, "nothing changed");
    assert_eq!(org::get(app.db()).await.unwrap().name, "Participe");
    assert!(!uploads(app).exists() || std::fs::read_dir(uploads(app)).unwrap().count() == 0);
}
engine_test!(refuses_non_empty, refuses_a_database_with_content);

/// Copies an archive, changing entries on the way (`edit` returns the new
/// bytes, or None to drop the entry) and adding `extra` ones.
fn rewrite(src: &Path, dst: &Path, edit: impl Fn(&str, Vec<u8>) -> Option<Vec<u8>>, extra: &[(&str, &[u8])]) {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(src).unwrap()).unwrap();
    let mut out = zip::ZipWriter::new(std::fs::File::create(dst).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if let Some(data) = edit(&name, data) {
            out.start_file(name, opts).unwrap();
            out.write_all(&data).unwrap();
        }
    }
    for (name, data) in extra {
        out.start_file(*name, opts).unwrap();
        out.write_all(data).unwrap();
    }
    out.finish().unwrap();
}

fn edit_manifest(f: impl Fn(&mut Value)) -> impl Fn(&str, Vec<u8>) -> Option<Vec<u8>> {
    move |name, data| {
        if name != "manifest.json" {
            return Some(data);
        }
        let mut v: Value = serde_json::from_slice(&data).unwrap();
        f(&mut v);
        Some(serde_json::to_vec(&v).unwrap())
    }
}

async fn refuses_corrupt_archives(app: &TestApp) {
    let dir = tempfile::tempdir().unwrap();
    let source = demo_source().await;
    let good = dir.path().join("good.zip");
    export(&source, &good).await;
    let org_before = org::get(app.db()).await.unwrap();

    let truncated = dir.path().join("truncated.zip");
    let bytes = std::fs::read(&good).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();

    // A bad line in proposals, inserted after users, steps and many others,
    // so the rows already inserted must be rolled back.
    let bad_line = dir.path().join("bad-line.zip");
    rewrite(
        &good,
        &bad_line,
        |name, data| {
            if name != "tables/proposals.jsonl" {
                return Some(data);
            }
            let text = String::from_utf8(data).unwrap();
            let mut lines: Vec<&str> = text.lines().collect();
            lines[4] = r#"{"id": 5, "title": "#;
            Some((lines.join("\n") + "\n").into_bytes())
        },
        &[],
    );
    let bad_value = dir.path().join("bad-value.zip");
    rewrite(
        &good,
        &bad_value,
        |name, data| {
            if name != "tables/comments.jsonl" {
                return Some(data);
            }
            let text = String::from_utf8(data).unwrap();
            Some(
                text.replacen("\"created_at\":\"", "\"created_at\":\"hier ", 1)
                    .into_bytes(),
            )
        },
        &[],
    );
    let refused = dir.path().join("refused.zip");
    rewrite(
        &good,
        &refused,
        |name, data| {
            if name != "tables/users.jsonl" {
                return Some(data);
            }
            let text = String::from_utf8(data).unwrap();
            Some(text.replacen("\"role\":\"", "\"role\":\"king_", 1).into_bytes())
        },
        &[],
    );
    let dangling = dir.path().join("dangling.zip");
    rewrite(
        &good,
        &dangling,
        |name, data| {
            if name != "tables/proposals.jsonl" {
                return Some(data);
            }
            let text = String::from_utf8(data).unwrap();
            let at = text.find("\"merged_into_id\":").unwrap() + "\"merged_into_id\":".len();
            let end = at + text[at..].find([',', '}']).unwrap();
            Some(format!("{}999999{}", &text[..at], &text[end..]).into_bytes())
        },
        &[],
    );
    let stray_table = dir.path().join("stray-table.zip");
    rewrite(
        &good,
        &stray_table,
        |_, d| Some(d),
        &[("tables/secrets.jsonl", b"{}\n")],
    );
    let listed_table = dir.path().join("listed-table.zip");
    rewrite(
        &good,
        &listed_table,
        edit_manifest(|m| {
            let mut t = m["tables"][0].clone();
            t["name"] = "secrets".into();
            m["tables"].as_array_mut().unwrap().push(t);
        }),
        &[],
    );
    let newer = dir.path().join("newer.zip");
    rewrite(
        &good,
        &newer,
        edit_manifest(|m| {
            m["migrations"]
                .as_array_mut()
                .unwrap()
                .push(serde_json::json!({"version": 99990101000000i64, "description": "future"}));
        }),
        &[],
    );
    let no_manifest = dir.path().join("no-manifest.zip");
    rewrite(&good, &no_manifest, |n, d| (n != "manifest.json").then_some(d), &[]);
    let evil_file = dir.path().join("evil-file.zip");
    rewrite(
        &good,
        &evil_file,
        edit_manifest(|m| {
            m["files"]
                .as_array_mut()
                .unwrap()
                .push(serde_json::json!({"name": "..", "size": 1}));
        }),
        &[],
    );

    for (file, expected) in [
        (&truncated, "not a readable ZIP archive"),
        (&bad_line, "tables/proposals.jsonl line 5: invalid JSON"),
        (
            &bad_value,
            "tables/comments.jsonl line 1: column \"created_at\": expected timestamp",
        ),
        (&refused, "tables/users.jsonl lines 1 to"),
        (&dangling, "rows of \"proposals\" point to rows of the same table"),
        (&stray_table, "unknown table \"secrets\""),
        (&listed_table, "unknown table \"secrets\""),
        (&newer, "newer Participe"),
        (&no_manifest, "not a Participe archive"),
        (&evil_file, "invalid name"),
    ] {
        let err = import(app, file).await.expect_err(expected);
        let msg = format!("{err:#}");
        assert!(msg.contains(expected), "{}: {msg}", file.display());
        assert_eq!(
            content_rows(app).await,
            0,
            "{}: the database stays empty",
            file.display()
        );
        let org = org::get(app.db()).await.unwrap();
        assert_eq!(org.name, org_before.name, "{}: organisation row kept", file.display());
        let left = std::fs::read_dir(uploads(app)).map(|d| d.count()).unwrap_or(0);
        assert_eq!(left, 0, "{}: no file left behind", file.display());
    }
    // A good archive still goes in afterwards, even with merged proposals
    // and replies listed before the rows they point to.
    let reversed = dir.path().join("reversed.zip");
    rewrite(
        &good,
        &reversed,
        |name, data| {
            if name != "tables/proposals.jsonl" && name != "tables/comments.jsonl" {
                return Some(data);
            }
            let text = String::from_utf8(data).unwrap();
            let lines: Vec<&str> = text.lines().rev().collect();
            Some((lines.join("\n") + "\n").into_bytes())
        },
        &[],
    );
    let contents = read_zip(&good);
    for t in ["proposals", "comments"] {
        let pointing = contents.tables[t]
            .iter()
            .filter(|r| {
                r.contains("\"merged_into_id\":") && !r.contains("\"merged_into_id\":null")
                    || r.contains("\"parent_id\":") && !r.contains("\"parent_id\":null")
            })
            .count();
        assert!(pointing > 0, "the demo has {t} pointing to others of {t}");
    }
    import(app, &reversed).await.unwrap();
    assert_eq!(org::get(app.db()).await.unwrap().name, "Ville de Démo");
    let again = dir.path().join("again.zip");
    export(app, &again).await;
    assert_same(&contents, &read_zip(&again), "reversed rows");
}
engine_test!(corrupt_archives, refuses_corrupt_archives);

/// GET through the router, keeping the body's bytes (downloads).
async fn get_bytes(app: &TestApp, client: &Client, path: &str) -> (StatusCode, header::HeaderMap, Vec<u8>) {
    let cookies = client
        .cookies
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("; ");
    let req = Request::builder()
        .uri(path)
        .header(header::COOKIE, cookies)
        .body(Body::empty())
        .unwrap();
    let res = app
        .state
        .router()
        .layer(MockConnectInfo(SocketAddr::from(([10, 9, 9, 9], 4000))))
        .oneshot(req)
        .await
        .unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    (status, headers, body)
}

async fn background_export(app: &TestApp) {
    participe::demo::load(app.db()).await.unwrap();
    app.state
        .files
        .put(
            participe::files::new_name(participe::files::ImageKind::Png),
            PNG.to_vec(),
        )
        .await
        .unwrap();
    let mut admin = app.logged_in(Role::Administrator).await;
    let page = admin.get("/admin/export").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.has("meta[http-equiv=refresh]"), "nothing runs yet");
    assert!(page.has("nav a[href='/admin/export']"), "in the admin menu");

    let res = admin.post("/admin/export", &[]).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.location(), "/admin/export");
    let job = jobs::recent(app.db(), 1).await.unwrap().pop().expect("a job");
    assert_eq!(job.kind, archive::EXPORT_JOB);
    let deadline = Instant::now() + Duration::from_secs(120);
    let job = loop {
        let j = jobs::get(app.db(), job.id).await.unwrap().unwrap();
        if !j.is_active() {
            break j;
        }
        assert!(Instant::now() < deadline, "the export job did not finish");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert_eq!(job.status, "done", "{}", job.message);
    assert!(job.total > 100 && job.progress == job.total, "{job:?}");
    let page = admin.get("/admin/export").await;
    assert!(!page.has("meta[http-equiv=refresh]"), "no refresh once done");
    let link = format!("/admin/jobs/{}/download", job.id);
    assert!(page.has(&format!("a[href='{link}']")), "{}", page.body);
    assert_eq!(page.text(&format!("#job-{} .progress-value", job.id)), "100\u{a0}%");

    let (status, headers, body) = get_bytes(app, &admin, &link).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/zip");
    assert!(
        headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    let contents = read_zip_bytes(&body);
    assert_eq!(contents.manifest.source_engine, app.engine.as_str());
    assert_eq!(contents.files.len(), 1);
    assert!(contents.tables["projects"].len() >= 4);
    assert!(contents.tables["jobs"].iter().any(|j| j.contains(archive::EXPORT_JOB)));

    // A running job: the page shows its progress and refreshes itself.
    let running = jobs::create(app.db(), archive::EXPORT_JOB, None).await.unwrap();
    jobs::set_progress(app.db(), running, 150, 600, "users").await.unwrap();
    let page = admin.get("/admin/export").await;
    assert!(
        page.has("script[src='/static/jobs.js']") && page.has("#export-live[data-refresh] a[href='/admin/export']"),
        "progress updated in place while running, and a refresh link without JavaScript"
    );
    assert!(!page.has("meta[http-equiv=refresh]"), "no automatic page reload");
    let bar = format!("#job-{running} progress");
    assert!(page.has(&bar));
    assert_eq!(page.text(&format!("#job-{running} .progress-value")), "25\u{a0}%");
    let html = page.html();
    let sel = scraper::Selector::parse(&bar).unwrap();
    let el = html.select(&sel).next().unwrap();
    assert_eq!(el.value().attr("value"), Some("25"));
    assert!(el.value().attr("aria-label").is_some());
    assert!(
        !page.has("form[action='/admin/export'] button"),
        "no second export while one runs"
    );
    // Its server stops: a minute later it is marked failed.
    let old = participe::storage::now() - chrono::Duration::minutes(5);
    participe::on_db!(app.db(), |p| sqlx::query(
        "UPDATE jobs SET updated_at = $1 WHERE id = $2"
    )
    .bind(old)
    .bind(running)
    .execute(p)
    .await
    .map(|_| ()))
    .unwrap();
    assert_eq!(participe::services::jobs::recover(app.db()).await.unwrap(), 1);
    let j = jobs::get(app.db(), running).await.unwrap().unwrap();
    assert_eq!(j.status, "failed");
    assert!(j.message.contains("interrupted"));
    let (status, _, _) = get_bytes(app, &admin, &format!("/admin/jobs/{running}/download")).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "a failed job has nothing to download");

    // Participants (and every staff role but administrators) are refused.
    for role in [Role::Participant, Role::ProjectManager] {
        let mut other = app.logged_in(role).await;
        assert_eq!(other.get("/admin/export").await.status, StatusCode::FORBIDDEN);
        assert_eq!(other.post("/admin/export", &[]).await.status, StatusCode::FORBIDDEN);
        let (status, _, body) = get_bytes(app, &other, &link).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert!(!body.starts_with(b"PK"));
    }
}
engine_test!(background_export_job, background_export);
