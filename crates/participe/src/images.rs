//! Resized variants of uploaded images, and the illustrations of the demo.
//!
//! Every image shown as a cover (projects, proposals, news) gets two JPEG
//! variants cropped to 16:9, 400 and 1200 pixels wide, named after the
//! original (`<name>-400.jpg`), so a page can offer them in `srcset` with
//! known width and height. They are made when the image is uploaded, and on
//! first request for images stored before (archives, older versions).

use std::io::Cursor;

use image::{DynamicImage, ImageFormat, ImageReader, Limits, Rgb, RgbImage, imageops::FilterType};

use crate::files::{FileStore, MAX_DIMENSION, WIDTHS, height, parse_variant, variant_name};

/// JPEG quality of the variants: small files, no visible artefacts on photos.
const QUALITY: u8 = 82;

/// Memory a decoder may take: a 10,000 × 10,000 RGBA image, not more.
const MAX_ALLOC: u64 = (MAX_DIMENSION * MAX_DIMENSION * 4) as u64;

/// Decodes an uploaded image within the size limits.
fn decode(bytes: &[u8]) -> anyhow::Result<DynamicImage> {
    let mut reader = ImageReader::new(Cursor::new(bytes)).with_guessed_format()?;
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_DIMENSION as u32);
    limits.max_image_height = Some(MAX_DIMENSION as u32);
    limits.max_alloc = Some(MAX_ALLOC);
    reader.limits(limits);
    Ok(reader.decode()?)
}

/// The variant `width` pixels wide of an image: cropped to 16:9 around its
/// centre, transparency laid on white, as a JPEG.
pub fn make_variant(bytes: &[u8], width: u32) -> anyhow::Result<Vec<u8>> {
    let img = decode(bytes)?;
    let resized = img.resize_to_fill(width, height(width), FilterType::CatmullRom);
    let rgba = resized.to_rgba8();
    let mut rgb = RgbImage::new(rgba.width(), rgba.height());
    for (out, px) in rgb.pixels_mut().zip(rgba.pixels()) {
        let [r, g, b, a] = px.0;
        let blend = |c: u8| ((c as u32 * a as u32 + 255 * (255 - a as u32)) / 255) as u8;
        *out = Rgb([blend(r), blend(g), blend(b)]);
    }
    encode_jpeg(&rgb)
}

/// A small icon made from an image: fitted within `size` × `size` pixels
/// (proportions kept, never enlarged), transparency kept, as a PNG.
pub fn make_icon(bytes: &[u8], size: u32) -> anyhow::Result<Vec<u8>> {
    let img = decode(bytes)?;
    let img = if img.width() > size || img.height() > size {
        img.resize(size, size, FilterType::CatmullRom)
    } else {
        img
    };
    let mut out = Cursor::new(Vec::new());
    img.to_rgba8().write_to(&mut out, ImageFormat::Png)?;
    Ok(out.into_inner())
}

fn encode_jpeg(img: &RgbImage) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, QUALITY).encode_image(img)?;
    Ok(out)
}

/// Makes and stores every variant of the stored image `name`. An image the
/// decoder cannot read keeps no variant (pages then show the original).
pub async fn store_variants(files: &dyn FileStore, name: &str, bytes: Vec<u8>) -> anyhow::Result<()> {
    if variant_name(name, WIDTHS[0]).is_none() {
        return Ok(());
    }
    let made = tokio::task::spawn_blocking(move || {
        WIDTHS
            .iter()
            .map(|&w| make_variant(&bytes, w).map(|v| (w, v)))
            .collect::<anyhow::Result<Vec<_>>>()
    })
    .await?;
    match made {
        Ok(variants) => {
            for (w, v) in variants {
                if let Some(vname) = variant_name(name, w) {
                    files.put(vname, v).await?;
                }
            }
            Ok(())
        }
        Err(e) => {
            tracing::warn!("no variants for {name}: {e:#}");
            Ok(())
        }
    }
}

/// Deletes an original and its variants.
pub async fn delete_with_variants(files: &dyn FileStore, name: String) -> anyhow::Result<()> {
    for w in WIDTHS {
        if let Some(v) = variant_name(&name, w) {
            files.delete(v).await?;
        }
    }
    files.delete(name).await
}

/// The variant `name` (`<stem>-<width>.jpg`), made from its original on
/// first request if it is missing. `None` if there is no such original.
pub async fn variant(files: &dyn FileStore, name: &str) -> anyhow::Result<Option<Vec<u8>>> {
    let Some((stem, width)) = parse_variant(name) else {
        return Ok(None);
    };
    if let Some(bytes) = files.get(name.to_string()).await? {
        return Ok(Some(bytes));
    }
    for ext in ["jpg", "png", "webp", "gif"] {
        if let Some(original) = files.get(format!("{stem}.{ext}")).await? {
            let made = tokio::task::spawn_blocking(move || make_variant(&original, width)).await?;
            return match made {
                Ok(v) => {
                    files.put(name.to_string(), v.clone()).await?;
                    Ok(Some(v))
                }
                Err(e) => {
                    tracing::warn!("cannot make {name}: {e:#}");
                    Ok(None)
                }
            };
        }
    }
    Ok(None)
}

/// An illustration for demo content, drawn here: a diagonal gradient between
/// two colours with soft circles placed by `seed`. 1200 × 675 pixels, PNG.
pub fn illustration(from: [u8; 3], to: [u8; 3], seed: u32) -> anyhow::Result<Vec<u8>> {
    const W: u32 = 1200;
    const H: u32 = 675;
    let mut img = RgbImage::new(W, H);
    let circles: Vec<(f32, f32, f32)> = (0..5u32)
        .map(|i| {
            let h = seed.wrapping_mul(2_654_435_761).wrapping_add(i.wrapping_mul(40_503)) ^ (i << 7);
            let x = (h % W) as f32;
            let y = ((h / W) % H) as f32;
            let r = 120.0 + ((h >> 3) % 260) as f32;
            (x, y, r)
        })
        .collect();
    for (x, y, px) in img.enumerate_pixels_mut() {
        let t = (x as f32 / W as f32) * 0.6 + (y as f32 / H as f32) * 0.4;
        let mut light = 0.0f32;
        for &(cx, cy, r) in &circles {
            let d = ((x as f32 - cx).powi(2) + (y as f32 - cy).powi(2)).sqrt();
            if d < r {
                light += 0.12 * (1.0 - d / r).min(0.5) * 2.0;
            }
        }
        let mix = |a: u8, b: u8| {
            let c = a as f32 * (1.0 - t) + b as f32 * t;
            (c + (255.0 - c) * light.min(0.6)) as u8
        };
        *px = Rgb([mix(from[0], to[0]), mix(from[1], to[1]), mix(from[2], to[2])]);
    }
    let mut out = Vec::new();
    DynamicImage::ImageRgb8(img).write_to(&mut Cursor::new(&mut out), ImageFormat::Png)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let img = image::RgbaImage::from_fn(w, h, |x, y| image::Rgba([(x % 256) as u8, (y % 256) as u8, 90, 128]));
        let mut out = Vec::new();
        DynamicImage::ImageRgba8(img)
            .write_to(&mut Cursor::new(&mut out), ImageFormat::Png)
            .unwrap();
        out
    }

    #[test]
    fn variants_are_16_9_jpegs_of_the_offered_widths() {
        let src = png(1000, 1000);
        for w in WIDTHS {
            let v = make_variant(&src, w).unwrap();
            assert_eq!(imagesize::image_type(&v).unwrap(), imagesize::ImageType::Jpeg);
            let size = imagesize::blob_size(&v).unwrap();
            assert_eq!((size.width as u32, size.height as u32), (w, height(w)));
        }
        // A small image is enlarged to the variant's size, never refused.
        let v = make_variant(&png(30, 90), 1200).unwrap();
        assert_eq!(imagesize::blob_size(&v).unwrap().width, 1200);
    }

    #[test]
    fn icons_fit_in_their_square_keeping_proportions_and_transparency() {
        let icon = make_icon(&png(400, 200), 64).unwrap();
        assert_eq!(imagesize::image_type(&icon).unwrap(), imagesize::ImageType::Png);
        let size = imagesize::blob_size(&icon).unwrap();
        assert_eq!((size.width, size.height), (64, 32));
        let img = decode(&icon).unwrap().to_rgba8();
        assert_eq!(img.get_pixel(0, 0).0[3], 128, "transparency kept");
        // A small image is never enlarged.
        let size = imagesize::blob_size(&make_icon(&png(20, 10), 64).unwrap()).unwrap();
        assert_eq!((size.width, size.height), (20, 10));
    }

    #[test]
    fn garbage_gives_an_error_not_a_panic() {
        assert!(make_icon(b"GIF89a", 64).is_err());
        assert!(make_variant(b"\x89PNG\r\n\x1a\n not really", 400).is_err());
        assert!(make_variant(b"", 400).is_err());
    }

    #[test]
    fn illustrations_are_png_images() {
        let bytes = illustration([0, 85, 164], [225, 0, 15], 3).unwrap();
        assert_eq!(
            crate::files::check_image(&bytes, 10_000_000),
            Ok(crate::files::ImageKind::Png)
        );
    }
}
