// What every test file shares: one Participe server and one headless Debian
// Chromium per file, a fresh browser context per visitor, and `journey()`,
// a test that fails when any page it loaded was not audited.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { audit, auditServed, markNoScript, unauditedPages, watchLoads } from './audit.mjs';
import { ADMIN, startServer } from './server.mjs';

export { ADMIN, audit, auditServed };

const E2E_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const SCREENSHOT_DIR = path.resolve(process.env.SCREENSHOT_DIR || path.join(E2E_DIR, 'screenshots'));

/** Screenshots of the page as it is, at phone and desktop widths (audited at
 * each), as `NAME-360.png` and `NAME-1280.png` in SCREENSHOT_DIR. */
export async function shoot(page, name) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await audit(page);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${width}.png`), fullPage: true });
  }
}

// Playwright gives every launch a fresh temporary profile (its own
// --user-data-dir, removed at close) and adds --no-sandbox by default.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function launchBrowser() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}. Install Debian's package: apt-get install chromium chromium-driver\n` +
        '(the tests never download a browser; CHROMIUM_BIN may point at another Chromium binary).',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/**
 * Declares the suite's fixtures (before/after hooks) and returns the site
 * (`useSite({ demo: true })` serves the demo content, see `startServer`):
 * `site.url`, `site.journey(name, fn)`, and inside a journey
 * `visitor()` to open an isolated browser context with one page and
 * `createUser({ email, name, password, role })` to add a confirmed account
 * with the command line (role defaults to participant).
 */
export function useSite({ demo = false } = {}) {
  const site = { server: null, browser: null };

  before(async () => {
    site.server = await startServer({ demo });
    site.browser = await launchBrowser();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.stop();
  });

  site.journey = (name, fn) =>
    test(name, { timeout: 180_000 }, async () => {
      const contexts = [];
      /** A new visitor: isolated cookies, one page, French browser
       * (`visitor({ javaScript: false })`: a browser that runs no script). */
      const visitor = async ({ javaScript = true } = {}) => {
        const context = await site.browser.newContext({
          baseURL: site.server.url,
          locale: 'fr-FR',
          viewport: { width: 1280, height: 900 },
          javaScriptEnabled: javaScript,
        });
        context.setDefaultTimeout(30_000);
        context.setDefaultNavigationTimeout(30_000);
        const page = await context.newPage();
        watchLoads(page);
        if (!javaScript) markNoScript(page);
        contexts.push({ context, page });
        return page;
      };
      try {
        await fn({ visitor, url: site.server.url, createUser: site.server.createUser });
        for (const { page } of contexts) {
          const missed = unauditedPages(page);
          assert.deepEqual(missed, [], `pages loaded but never audited: ${missed.join(', ')}`);
        }
      } catch (error) {
        await saveArtifacts(name, contexts, site.server);
        throw error;
      } finally {
        for (const { context } of contexts) await context.close();
      }
    });

  return site;
}

/** On failure: a screenshot and the HTML of each open page, and the server log, in test-results/. */
async function saveArtifacts(name, contexts, server) {
  try {
    const dir = path.join(E2E_DIR, 'test-results', name.replace(/[^a-z0-9]+/gi, '-').toLowerCase());
    fs.mkdirSync(dir, { recursive: true });
    for (const [i, { page }] of contexts.entries()) {
      await page.screenshot({ path: path.join(dir, `page-${i}.png`), fullPage: true }).catch(() => {});
      fs.writeFileSync(path.join(dir, `page-${i}.html`), await page.content().catch(() => ''));
    }
    fs.writeFileSync(path.join(dir, 'server.log'), server.log());
    console.error(`# artefacts of the failed journey: ${dir}`);
  } catch {
    // never hide the test's own error
  }
}

/** Logs in on /login (audited before and after) and waits to leave the page. */
export async function logIn(page, email, password) {
  await page.goto('/login');
  await audit(page);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.locator('main form').getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((u) => u.pathname !== '/login');
  await audit(page);
}
