//! The organisation running the platform: its name, logo, colours and terms.

use chrono::{DateTime, Utc};

use super::{Db, StoreResult, now};
use crate::on_db;

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct Organisation {
    pub name: String,
    pub logo_path: Option<String>,
    pub primary_colour: String,
    pub secondary_colour: String,
    pub terms: String,
    pub demo_loaded: bool,
    pub updated_at: DateTime<Utc>,
    pub favicon_path: Option<String>,
    pub share_image_path: Option<String>,
    pub share_description: String,
    /// The whole site behind log-in.
    pub shielded: bool,
    pub header_bg: String,
    pub header_fg: String,
    pub footer_bg: String,
    pub footer_fg: String,
    pub button_bg: String,
    pub button_fg: String,
    pub link_colour: String,
    /// The families of headings and body text (`domain::fonts::Choice`).
    pub heading_font: String,
    pub body_font: String,
    /// The picture behind the home page's introduction.
    pub header_image_path: Option<String>,
}

/// Creates the single settings row if missing.
pub async fn ensure_row(db: &Db) -> StoreResult<()> {
    on_db!(db, |p| {
        sqlx::query(
            "INSERT INTO organisation (id, name, updated_at) VALUES (1, 'Participe', $1) ON CONFLICT (id) DO NOTHING",
        )
        .bind(now())
        .execute(p)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

pub async fn get(db: &Db) -> StoreResult<Organisation> {
    Ok(on_db!(db, |p| {
        sqlx::query_as(
            "SELECT name, logo_path, primary_colour, secondary_colour, terms, demo_loaded, updated_at,
                    favicon_path, share_image_path, share_description, shielded,
                    header_bg, header_fg, footer_bg, footer_fg, button_bg, button_fg, link_colour,
                    heading_font, body_font, header_image_path
             FROM organisation WHERE id = 1",
        )
        .fetch_one(p)
        .await
    })?)
}

pub struct Branding<'a> {
    pub name: &'a str,
    pub primary_colour: &'a str,
    pub secondary_colour: &'a str,
    pub terms: &'a str,
}

pub async fn update_branding(db: &Db, b: &Branding<'_>) -> StoreResult<()> {
    on_db!(db, |p| {
        sqlx::query(
            "UPDATE organisation SET name = $1, primary_colour = $2, secondary_colour = $3, terms = $4, updated_at = $5 WHERE id = 1",
        )
        .bind(b.name)
        .bind(b.primary_colour)
        .bind(b.secondary_colour)
        .bind(b.terms)
        .bind(now())
        .execute(p)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Who may see the site, and what a shared link to it shows.
pub async fn update_access(db: &Db, shielded: bool, share_description: &str) -> StoreResult<()> {
    on_db!(db, |p| {
        sqlx::query("UPDATE organisation SET shielded = $1, share_description = $2, updated_at = $3 WHERE id = 1")
            .bind(shielded)
            .bind(share_description)
            .bind(now())
            .execute(p)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Saves the detailed colours (checked by `theme::Overrides`); None: derived.
pub async fn set_colours(db: &Db, o: &participe_domain::theme::Overrides) -> StoreResult<()> {
    let hex = |c: Option<participe_domain::colour::Rgb>| c.map(|c| c.to_hex()).unwrap_or_default();
    let pair = |p: Option<(participe_domain::colour::Rgb, participe_domain::colour::Rgb)>| {
        (hex(p.map(|p| p.0)), hex(p.map(|p| p.1)))
    };
    let (header, footer, button) = (pair(o.header), pair(o.footer), pair(o.button));
    on_db!(db, |p| {
        sqlx::query(
            "UPDATE organisation SET header_bg = $1, header_fg = $2, footer_bg = $3, footer_fg = $4,
             button_bg = $5, button_fg = $6, link_colour = $7, updated_at = $8 WHERE id = 1",
        )
        .bind(&header.0)
        .bind(&header.1)
        .bind(&footer.0)
        .bind(&footer.1)
        .bind(&button.0)
        .bind(&button.1)
        .bind(hex(o.link))
        .bind(now())
        .execute(p)
        .await
        .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// The site's images besides the logo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteImage {
    Favicon,
    Share,
    Header,
}

impl SiteImage {
    pub fn parse(s: &str) -> Option<SiteImage> {
        match s {
            "favicon" => Some(SiteImage::Favicon),
            "share" => Some(SiteImage::Share),
            "header" => Some(SiteImage::Header),
            _ => None,
        }
    }
}

/// Sets one of the site's images; returns the one it replaces.
pub async fn set_image(db: &Db, which: SiteImage, path: Option<&str>) -> StoreResult<Option<String>> {
    let org = get(db).await?;
    let (sql, old) = match which {
        SiteImage::Favicon => (
            "UPDATE organisation SET favicon_path = $1, updated_at = $2 WHERE id = 1",
            org.favicon_path,
        ),
        SiteImage::Share => (
            "UPDATE organisation SET share_image_path = $1, updated_at = $2 WHERE id = 1",
            org.share_image_path,
        ),
        SiteImage::Header => (
            "UPDATE organisation SET header_image_path = $1, updated_at = $2 WHERE id = 1",
            org.header_image_path,
        ),
    };
    on_db!(db, |p| {
        sqlx::query(sql)
            .bind(path)
            .bind(now())
            .execute(p)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(old)
}

pub async fn set_logo(db: &Db, path: Option<&str>) -> StoreResult<()> {
    on_db!(db, |p| {
        sqlx::query("UPDATE organisation SET logo_path = $1, updated_at = $2 WHERE id = 1")
            .bind(path)
            .bind(now())
            .execute(p)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(())
}

/// Marks the demo content as loaded; true only for the one caller that
/// flipped the flag, so the demo is loaded once even with concurrent starts.
pub async fn claim_demo(db: &Db) -> StoreResult<bool> {
    let r = on_db!(db, |p| {
        sqlx::query("UPDATE organisation SET demo_loaded = TRUE WHERE id = 1 AND demo_loaded = FALSE")
            .execute(p)
            .await
            .map(|r| r.rows_affected())
    })?;
    Ok(r == 1)
}

/// The licence of the open data (`etalab-2.0` or `odbl-1.0`).
pub async fn open_data_licence(db: &Db) -> StoreResult<String> {
    Ok(on_db!(db, |p| sqlx::query_scalar(
        "SELECT open_data_licence FROM organisation WHERE id = 1"
    )
    .fetch_one(p)
    .await)?)
}

pub async fn set_open_data_licence(db: &Db, licence: &str) -> StoreResult<()> {
    on_db!(db, |p| sqlx::query(
        "UPDATE organisation SET open_data_licence = $1, updated_at = $2 WHERE id = 1"
    )
    .bind(licence)
    .bind(now())
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    Ok(())
}

/// The key of the open-data pseudonyms, created at random on first use;
/// concurrent first uses agree on the one stored first.
pub async fn pseudonym_secret(db: &Db) -> StoreResult<String> {
    let read = || async {
        on_db!(db, |p| sqlx::query_scalar::<_, Option<String>>(
            "SELECT pseudonym_secret FROM organisation WHERE id = 1"
        )
        .fetch_one(p)
        .await)
    };
    if let Some(s) = read().await? {
        return Ok(s);
    }
    on_db!(db, |p| sqlx::query(
        "UPDATE organisation SET pseudonym_secret = $1 WHERE id = 1 AND pseudonym_secret IS NULL"
    )
    .bind(crate::security::random_token())
    .execute(p)
    .await
    .map(|r| r.rows_affected()))?;
    read().await?.ok_or(super::StoreError::NotFound)
}
