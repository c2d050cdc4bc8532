// The accessibility audit run on every page the journeys visit: axe-core
// (WCAG 2.0 and 2.1, levels A and AA) plus three structural checks.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Every page opened through the harness is watched, so a page that loads
 *  and is never audited makes its test fail (see `unauditedPages`). */
const loads = new WeakMap();

/** Addresses whose documents were audited from their HTML before they loaded (see `auditServed`). */
const servedAudited = new WeakMap();

export function watchLoads(page) {
  const list = [];
  loads.set(page, list);
  servedAudited.set(page, new Set());
  page.on('load', () => list.push({ url: page.url(), audited: servedAudited.get(page).has(page.url()) }));
}

/** URLs of the documents `page` loaded that `audit` never saw. */
export function unauditedPages(page) {
  return (loads.get(page) ?? []).filter((l) => !l.audited).map((l) => l.url);
}

/** The page's 'load' event reaches us just after the load state does: wait for it. */
async function markAudited(page) {
  const list = loads.get(page);
  if (!list) return;
  for (let i = 0; i < 50 && !(list.length && !list.at(-1).audited); i++) {
    await new Promise((r) => setTimeout(r, 10));
  }
  if (list.length) list.at(-1).audited = true;
}

function describeViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `      - ${n.target.join(' ')}\n        ${String(n.failureSummary ?? '').replace(/\n/g, '\n        ')}`)
        .join('\n');
      return `  [${v.id}] (${v.impact}) ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/**
 * Audits the page as it is now. Throws, listing every problem, when axe-core
 * finds any violation or when the page lacks exactly one main landmark, a
 * non-empty <title> or a lang attribute on <html>.
 */
export async function audit(page) {
  await page.waitForLoadState('load');
  const url = page.url();
  if (noScript.has(page)) {
    // A page that runs no script cannot run axe: its document, as served,
    // is audited in a scripting page of the same browser, same address.
    await auditHtml(page, url, await page.content());
    await markAudited(page);
    return;
  }
  await auditDocument(page, url);
  await markAudited(page);
}

/** Pages of a browser context that runs no script (see `audit`). */
const noScript = new WeakSet();

export function markNoScript(page) {
  noScript.add(page);
}

/** Audits `html` as the document at `url`, in a scripting page of `page`'s browser that runs none of its scripts' effects on `page`. */
async function auditHtml(page, url, html) {
  const context = await page.context().browser().newContext({ locale: 'fr-FR', viewport: page.viewportSize() });
  try {
    const shadow = await context.newPage();
    // A page that moves on at once (a refresh without delay, which axe
    // accepts) stays put here, to be audited.
    const still = html.replace(/<meta http-equiv="refresh" content="0;[^"]*">/, '');
    await shadow.route(url, (route) => route.fulfill({ body: still, contentType: 'text/html; charset=utf-8' }));
    await shadow.goto(url);
    await auditDocument(shadow, url);
  } finally {
    await context.close();
  }
}

/**
 * For a document `page` only passes through (one that sends the browser on
 * at once, as a refresh to another site does): keeps what the server sends
 * for `url` from now on, and returns a function that audits it and counts
 * its load as audited.
 */
export async function auditServed(page, url) {
  let html = null;
  await page.route(url, async (route) => {
    const response = await route.fetch();
    html = await response.text();
    await route.fulfill({ response, body: html });
  });
  return async () => {
    assert.ok(html !== null, `${url} was never served`);
    await page.unroute(url);
    await auditHtml(page, url, html);
    servedAudited.get(page)?.add(url);
    for (const l of loads.get(page) ?? []) if (l.url === url) l.audited = true;
  };
}

async function auditDocument(page, url) {
  const problems = [];

  const facts = await page.evaluate(() => ({
    mains: document.querySelectorAll('main, [role=main]').length,
    title: (document.title ?? '').trim(),
    lang: (document.documentElement.getAttribute('lang') ?? '').trim(),
  }));
  if (facts.mains !== 1) problems.push(`  expected exactly one main landmark (main, [role=main]), found ${facts.mains}`);
  if (!facts.title) problems.push('  the <title> is missing or empty');
  if (!facts.lang) problems.push('  <html> has no lang attribute');

  // Injected through the DevTools protocol, which the page's CSP does not
  // restrict (a <script> tag would be refused: the site allows no inline script).
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const results = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, AXE_TAGS);
  if (violations.length) {
    problems.push(`  axe-core found ${violations.length} violation(s):\n${describeViolations(violations)}`);
  }

  if (problems.length) {
    throw new Error(`Accessibility audit failed on ${url}\n${problems.join('\n')}`);
  }
}
