//! The organisation's pages (`/pages/{slug}`), the legal ones created with
//! the database.

use chrono::{DateTime, Utc};
use participe_domain::site_page::{PageInput, PageKind};

use super::{Db, StoreError, StoreResult, now};
use crate::on_db;

/// The pages every site has, created unpublished: (kind, slug, title, body).
const BUILTIN: [(PageKind, &str, &str, &str); 4] = [
    (
        PageKind::Legal,
        "mentions-legales",
        "Mentions légales",
        "## Éditeur du site\n\nNom de l’organisation, adresse, directeur ou directrice de la publication.\n\n## Hébergement\n\nNom et adresse de l’hébergeur.",
    ),
    (
        PageKind::Privacy,
        "confidentialite",
        "Politique de confidentialité",
        "## Données collectées\n\nQuelles données, pour quelles finalités, sur quelle base légale, combien de temps.\n\n## Vos droits\n\nComment exercer vos droits d’accès, de rectification et d’effacement.",
    ),
    (
        PageKind::Cookies,
        "cookies",
        "Cookies",
        "Ce site n’utilise que les cookies nécessaires à son fonctionnement : la session de connexion, la langue choisie et la protection des formulaires. Aucun cookie de mesure d’audience ni de publicité.",
    ),
    (
        PageKind::Contact,
        "contact",
        "Nous contacter",
        "Une question sur la participation ? Écrivez-nous, nous vous répondrons par e-mail.",
    ),
];

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct SitePage {
    pub id: i64,
    pub kind: String,
    pub slug: String,
    pub title: String,
    pub body: String,
    pub meta_description: String,
    pub cover_path: Option<String>,
    pub cover_alt: String,
    pub recipients: String,
    pub published: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl SitePage {
    pub fn kind(&self) -> PageKind {
        PageKind::parse(&self.kind).unwrap_or(PageKind::Custom)
    }

    pub fn recipient_list(&self) -> Vec<&str> {
        self.recipients.lines().filter(|l| !l.is_empty()).collect()
    }
}

const COLUMNS: &str = "id, kind, slug, title, body, meta_description, cover_path, cover_alt, recipients, published, created_at, updated_at";

/// Creates the legal pages and the contact page where they are missing.
pub async fn ensure_builtin(db: &Db) -> StoreResult<()> {
    let at = now();
    for (kind, slug, title, body) in BUILTIN {
        on_db!(db, |p| sqlx::query(
            "INSERT INTO pages (kind, slug, title, body, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)
             ON CONFLICT DO NOTHING"
        )
        .bind(kind.as_str())
        .bind(slug)
        .bind(title)
        .bind(body)
        .bind(at)
        .execute(p)
        .await
        .map(|_| ()))?;
    }
    Ok(())
}

pub async fn list(db: &Db) -> StoreResult<Vec<SitePage>> {
    let sql = format!("SELECT {COLUMNS} FROM pages ORDER BY kind = 'custom', title");
    Ok(on_db!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .fetch_all(p)
        .await)?)
}

pub async fn by_id(db: &Db, id: i64) -> StoreResult<Option<SitePage>> {
    let sql = format!("SELECT {COLUMNS} FROM pages WHERE id = $1");
    Ok(on_db!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(id)
        .fetch_optional(p)
        .await)?)
}

pub async fn by_slug(db: &Db, slug: &str) -> StoreResult<Option<SitePage>> {
    let sql = format!("SELECT {COLUMNS} FROM pages WHERE slug = $1");
    Ok(on_db!(db, |p| sqlx::query_as(sqlx::AssertSqlSafe(sql.clone()))
        .bind(slug)
        .fetch_optional(p)
        .await)?)
}

/// Creates a custom page; a taken slug gives `StoreError::Conflict`.
pub async fn create(db: &Db, page: &PageInput) -> StoreResult<i64> {
    let at = now();
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "INSERT INTO pages (kind, slug, title, body, meta_description, published, created_at, updated_at)
         VALUES ('custom', $1, $2, $3, $4, $5, $6, $6) RETURNING id"
    )
    .bind(&page.slug)
    .bind(&page.title)
    .bind(&page.body)
    .bind(&page.meta_description)
    .bind(page.published)
    .bind(at)
    .fetch_one(p)
    .await)?)
}

/// Saves a page's form; a taken slug gives `StoreError::Conflict`.
pub async fn update(db: &Db, id: i64, page: &PageInput) -> StoreResult<()> {
    let n = on_db!(db, |p| sqlx::query(
        "UPDATE pages SET slug = $2, title = $3, body = $4, meta_description = $5, published = $6,
         recipients = $7, updated_at = $8 WHERE id = $1"
    )
    .bind(id)
    .bind(&page.slug)
    .bind(&page.title)
    .bind(&page.body)
    .bind(&page.meta_description)
    .bind(page.published)
    .bind(page.recipients.join("\n"))
    .bind(now())
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    if n == 0 { Err(StoreError::NotFound) } else { Ok(()) }
}

pub async fn set_cover(db: &Db, id: i64, path: Option<&str>, alt: &str) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "UPDATE pages SET cover_path = $2, cover_alt = $3, updated_at = $4 WHERE id = $1"
    )
    .bind(id)
    .bind(path)
    .bind(alt)
    .bind(now())
    .execute(p)
    .await
    .map(|_| ()))?;
    Ok(())
}

/// Deletes a custom page (the built-in ones stay) and its menu entries.
pub async fn delete(db: &Db, id: i64) -> StoreResult<bool> {
    let n = on_db!(db, |p| sqlx::query(
        "DELETE FROM pages WHERE id = $1 AND kind = 'custom'"
    )
    .bind(id)
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(n > 0)
}
