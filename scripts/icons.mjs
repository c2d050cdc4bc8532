// Builds the SVG sprite of the icons the templates use from the npm package
// lucide-static (ISC licence), pinned in e2e/package.json, and copies its
// licence beside it. The Rust binary embeds both files, so `cargo run` needs
// no Node.js; the browser tests run this script with --check and fail when
// the sprite is out of date.
//
//   node scripts/icons.mjs          # (re)write the sprite and the licence
//   node scripts/icons.mjs --check  # exit 1 if they differ from the package
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const PKG = path.join(ROOT, 'e2e', 'node_modules', 'lucide-static');
const OUT = path.join(ROOT, 'crates', 'participe', 'static');

// Every icon the templates reference as {{ icon("NAME") }}.
export const ICONS = [
  'arrow-right', 'bell', 'calendar', 'chart-column', 'check', 'chevron-down', 'chevron-left', 'chevron-right',
  'circle-alert', 'circle-check', 'clock', 'database', 'download', 'euro', 'external-link', 'eye', 'file-text',
  'filter', 'folder-open', 'globe', 'hammer', 'house', 'image', 'inbox', 'info', 'key-round', 'landmark',
  'layout-dashboard', 'layout-grid', 'lightbulb', 'list', 'log-in', 'log-out', 'mail', 'map-pin', 'menu',
  'message-square', 'palette', 'pencil', 'plus', 'printer', 'search', 'settings', 'share-2', 'shield',
  'sliders-horizontal', 'sparkles', 'arrow-up', 'arrow-down', 'arrow-up-down', 'tag', 'trash-2', 'triangle-alert', 'trophy', 'user', 'users', 'vote', 'x', 'thumbs-up', 'archive',
];

function symbol(name) {
  const svg = fs.readFileSync(path.join(PKG, 'icons', `${name}.svg`), 'utf8');
  const inner = svg
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^[\s\S]*?<svg[^>]*>/, '')
    .replace(/<\/svg>\s*$/, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('');
  return `<symbol id="i-${name}" viewBox="0 0 24 24">${inner}</symbol>`;
}

function build() {
  const version = JSON.parse(fs.readFileSync(path.join(PKG, 'package.json'), 'utf8')).version;
  const sprite =
    `<svg xmlns="http://www.w3.org/2000/svg">` +
    `<!-- Lucide icons ${version} (ISC licence: /static/icons.LICENSE), built by scripts/icons.mjs -->\n` +
    ICONS.map(symbol).join('\n') +
    '\n</svg>\n';
  const licence = fs.readFileSync(path.join(PKG, 'LICENSE'), 'utf8');
  return { 'icons.svg': sprite, 'icons.LICENSE': licence };
}

const files = build();
if (process.argv.includes('--check')) {
  const stale = Object.entries(files).filter(([f, body]) => {
    const p = path.join(OUT, f);
    return !fs.existsSync(p) || fs.readFileSync(p, 'utf8') !== body;
  });
  if (stale.length) {
    console.error(`Out of date: ${stale.map(([f]) => f).join(', ')}. Run: node scripts/icons.mjs`);
    process.exit(1);
  }
} else {
  for (const [f, body] of Object.entries(files)) fs.writeFileSync(path.join(OUT, f), body);
  console.log(`Wrote ${ICONS.length} icons to ${path.join(OUT, 'icons.svg')}`);
}
