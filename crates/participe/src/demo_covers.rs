//! Cover images of the demo projects, drawn on the spot (nothing is
//! downloaded): a gradient in two colours of the demo city's palette, stored
//! like any upload with its resized variants; and the home page's header image.

use crate::files::{FileStore, ImageKind, new_name};
use crate::images;
use crate::storage::{Db, org, projects};

/// For each demo project: its slug, the two colours of its illustration and
/// the text alternative of the picture.
const COVERS: [(&str, [u8; 3], [u8; 3], &str); 4] = [
    (
        "budget-participatif-2026",
        [0x1d, 0x4e, 0xd8],
        [0x9a, 0x34, 0x12],
        "Illustration : dégradé du bleu à l’orange, aux couleurs de la ville",
    ),
    (
        "plan-velo-2030",
        [0x0f, 0x76, 0x6e],
        [0x1d, 0x4e, 0xd8],
        "Illustration : dégradé du vert au bleu",
    ),
    (
        "vivre-dans-mon-quartier",
        [0x9a, 0x34, 0x12],
        [0xca, 0x8a, 0x04],
        "Illustration : dégradé de l’orange au jaune",
    ),
    (
        "budget-participatif-2024",
        [0x47, 0x55, 0x69],
        [0x1d, 0x4e, 0xd8],
        "Illustration : dégradé du gris au bleu",
    ),
];

/// Gives each demo project without a cover its illustration. Returns how
/// many covers were added.
pub async fn load(db: &Db, files: &dyn FileStore) -> anyhow::Result<usize> {
    let mut added = 0;
    for (seed, (slug, from, to, alt)) in COVERS.into_iter().enumerate() {
        let Some(project) = projects::by_slug(db, slug).await? else {
            continue;
        };
        if project.cover_path.is_some() {
            continue;
        }
        let bytes = tokio::task::spawn_blocking(move || images::illustration(from, to, seed as u32)).await??;
        let name = new_name(ImageKind::Png);
        files.put(name.clone(), bytes.clone()).await?;
        images::store_variants(files, &name, bytes).await?;
        projects::set_cover(db, project.id, Some(&name), alt).await?;
        added += 1;
    }
    // The picture behind the home page's introduction.
    if org::get(db).await?.header_image_path.is_none() {
        let bytes =
            tokio::task::spawn_blocking(|| images::illustration([0x1d, 0x4e, 0xd8], [0x0f, 0x76, 0x6e], 9)).await??;
        let name = new_name(ImageKind::Png);
        files.put(name.clone(), bytes).await?;
        org::set_image(db, org::SiteImage::Header, Some(&name)).await?;
        added += 1;
    }
    Ok(added)
}
