// A Lighthouse-style budget of the public pages, measured in Debian's
// Chromium (headless, no throttling, on this machine): first contentful
// paint, largest contentful paint, bytes transferred (all, and without
// images), and render-blocking scripts. Prints a table and exits 1 when a
// page misses its budget. Run by bench/pages.sh, which starts the server.
//
//   node bench/page_budget.mjs http://127.0.0.1:PORT PATH...
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(path.join(ROOT, 'e2e', 'package.json'));
const { chromium } = require('playwright-core');

const BUDGET = { fcpMs: 1000, lcpMs: 1000, kbWithoutImages: 100 };
const RUNS = Number(process.env.BUDGET_RUNS || 5);
const [base, ...paths] = process.argv.slice(2);
if (!base || !paths.length) {
  console.error('usage: node bench/page_budget.mjs BASE_URL PATH...');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One cold load (a fresh context: no cache, no cookie). */
async function measure(url, width) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'fr-FR' });
  const page = await context.newPage();
  const client = await context.newCDPSession(page);
  await client.send('Network.enable');
  const types = new Map();
  let bytes = 0;
  let imageBytes = 0;
  client.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
  client.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    if (types.get(e.requestId) === 'Image') imageBytes += e.encodedDataLength;
  });
  await page.addInitScript(() => {
    window.__lcp = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__lcp = e.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  const m = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    lcp: window.__lcp,
    blocking: [...document.querySelectorAll('head script[src]')].filter((s) => !s.defer && !s.async && s.type !== 'module').length,
  }));
  await context.close();
  return { ...m, bytes, imageBytes };
}

let failed = false;
console.log(`Runs per page: ${RUNS} (cold: new context each), medians; no network or CPU throttling.`);
console.log('| page | width | FCP ms | LCP ms | kB total | kB without images | blocking scripts | budget |');
console.log('|---|--:|--:|--:|--:|--:|--:|---|');
for (const p of paths) {
  for (const width of [360, 1280]) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(base + p, width));
    const fcp = median(runs.map((r) => r.fcp));
    const lcp = median(runs.map((r) => r.lcp));
    const kb = median(runs.map((r) => r.bytes)) / 1024;
    const kbNoImg = median(runs.map((r) => r.bytes - r.imageBytes)) / 1024;
    const blocking = Math.max(...runs.map((r) => r.blocking));
    const ok = fcp < BUDGET.fcpMs && lcp < BUDGET.lcpMs && kbNoImg < BUDGET.kbWithoutImages && blocking === 0;
    failed ||= !ok;
    console.log(`| ${p} | ${width} | ${fcp.toFixed(0)} | ${lcp.toFixed(0)} | ${kb.toFixed(1)} | ${kbNoImg.toFixed(1)} | ${blocking} | ${ok ? 'ok' : 'MISSED'} |`);
  }
}
console.log(`Budget: FCP < ${BUDGET.fcpMs} ms, LCP < ${BUDGET.lcpMs} ms, < ${BUDGET.kbWithoutImages} kB without images, no render-blocking script.`);
await browser.close();
process.exit(failed ? 1 : 0);
