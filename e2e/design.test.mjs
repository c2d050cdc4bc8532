// The design system's quality bars, on the demo content: every main page,
// public and back office, at phone, tablet and desktop widths, is
// screenshotted (into SCREENSHOT_DIR, default e2e/screenshots), audited by
// axe, and checked for horizontal overflow and tap targets of at least
// 44×44 px; the menu button folds the navigation on small screens; the
// deposit form warns before its typed text is lost; pages work without
// JavaScript.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ADMIN, audit, logIn, useSite } from './lib/harness.mjs';

const site = useSite({ demo: true });

const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const SCREENSHOT_DIR = path.resolve(process.env.SCREENSHOT_DIR || path.join(E2E_DIR, 'screenshots'));
const WIDTHS = [360, 768, 1280];
const BUDGET_2026 = 'budget-participatif-2026';
const BUDGET_2024 = 'budget-participatif-2024';
const DEMO_ADMIN = { email: 'admin@ville-demo.fr', password: 'demo-admin-2026' };

/** A `datetime-local` value `days` from now, at 10:00. */
function inDays(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T10:00`;
}

/** Controls a finger must hit, with their size; inline links in text are exempt (WCAG 2.5.8). */
function smallTargets(page) {
  return page.evaluate(() => {
    const selector = [
      'button', 'select', 'textarea', 'summary', 'input:not([type=hidden])', 'a.button',
      'nav a', '.footer-links a', '.active-filters a', '.view-switch a', '.tags-list a',
    ].join(', ');
    const visible = (r, el) => r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    const out = [];
    for (const el of document.querySelectorAll(selector)) {
      let r = el.getBoundingClientRect();
      if (!visible(r, el)) continue;
      // A check box or radio button is hit through its label too.
      if (el.matches('input[type=checkbox], input[type=radio]')) {
        for (const label of el.labels ?? []) {
          const l = label.getBoundingClientRect();
          const top = Math.min(r.top, l.top);
          const bottom = Math.max(r.bottom, l.bottom);
          r = { width: Math.max(r.right, l.right) - Math.min(r.left, l.left), height: bottom - top };
        }
      }
      if (r.width < 43.5 || r.height < 43.5) {
        out.push(`${el.outerHTML.slice(0, 100)} (${Math.round(r.width)}×${Math.round(r.height)})`);
      }
    }
    return out;
  });
}

/** Audits the page at each width: axe, no horizontal overflow, tap targets; saves a screenshot of each. */
async function checkAtEveryWidth(page, name) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.reload();
    await audit(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name} at ${width} px scrolls sideways by ${overflow} px`);
    assert.deepEqual(await smallTargets(page), [], `${name} at ${width} px: tap targets under 44×44 px`);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-${width}.png`), fullPage: true });
  }
}

/** Opens `url`, audits it, then checks it at every width. */
async function visit(page, url, name) {
  await page.goto(url);
  await audit(page);
  await checkAtEveryWidth(page, name);
}

site.journey('j. the main pages at 360, 768 and 1280 px: screenshots, axe, no sideways scrolling, tap targets', async ({ visitor, createUser }) => {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });

  // ---- A visitor. ----
  const anon = await visitor();
  await visit(anon, '/', 'home');
  await visit(anon, `/projects/${BUDGET_2026}`, 'project');
  const listUrl = await anon.locator('ol.timeline a', { hasText: 'Dépôt des projets' }).getAttribute('href');
  await visit(anon, listUrl, 'proposal-list');
  await visit(anon, `${listUrl}?view=list&sort=cost_desc&q=parc`, 'proposal-list-compact');
  const proposalUrl = await anon.locator('.proposal-list h3 a').first().getAttribute('href');
  await visit(anon, proposalUrl, 'proposal');
  await anon.goto(`/projects/${BUDGET_2024}`);
  await audit(anon);
  await anon.locator('.featured-step a.button').click();
  await anon.waitForURL(/\/votes\/\d+\/results$/);
  await audit(anon);
  await checkAtEveryWidth(anon, 'results');
  await visit(anon, `/projects/${BUDGET_2024}/winners`, 'follow-up');
  await visit(anon, '/open-data', 'open-data');
  await visit(anon, '/login', 'login');
  await anon.goto('/nowhere');
  await audit(anon);
  await checkAtEveryWidth(anon, 'error-404');

  // ---- A participant: the ballot (cards, sticky total) and the receipt. ----
  const voter = { email: 'design@example.org', name: 'Inès Design', password: 'une phrase pour le design' };
  await createUser(voter);
  const page = await visitor();
  await logIn(page, voter.email, voter.password);
  await page.goto(`/projects/${BUDGET_2026}`);
  await audit(page);
  await page.locator('.featured-step a.button').click();
  await page.waitForURL(/\/votes\/\d+$/);
  await audit(page);
  const votePath = new URL(page.url()).pathname;
  await page.getByLabel('Date de naissance').fill('1990-06-15');
  await page.getByLabel('J\'ai lu et j\'accepte le règlement du vote').check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.locator('fieldset#f-ballot').waitFor();
  await audit(page);
  await page.locator('.ballot-choice input[name=choice]').first().check();
  const selected = page.locator('.ballot-choice').first();
  assert.notEqual(
    await selected.evaluate((el) => getComputedStyle(el).borderColor),
    await page.locator('.ballot-choice').nth(1).evaluate((el) => getComputedStyle(el).borderColor),
    'a ticked choice looks selected',
  );
  await checkAtEveryWidth(page, 'ballot');
  await page.setViewportSize({ width: 360, height: 700 });
  const total = page.locator('.ballot-total');
  assert.equal(await total.evaluate((el) => getComputedStyle(el).position), 'sticky', 'the running total sticks on small screens');
  const box = await total.boundingBox();
  assert.ok(box && box.y + box.height <= 700 + 1, 'the running total is on screen while the list scrolls');
  await page.locator('.ballot-choice input[name=choice]').first().check();
  await page.getByRole('button', { name: 'Voter', exact: true }).click();
  await page.waitForURL(`${votePath}/receipt`);
  await audit(page);
  await checkAtEveryWidth(page, 'receipt');
  await visit(page, '/account', 'account');

  // ---- The back office. ----
  const admin = await visitor();
  await logIn(admin, DEMO_ADMIN.email, DEMO_ADMIN.password);
  await visit(admin, '/admin', 'admin-dashboard');
  await visit(admin, '/admin/design', 'admin-design');
  await visit(admin, '/admin/projects', 'admin-projects');
  await visit(admin, '/admin/settings', 'admin-settings');
  await visit(admin, '/admin/fonts', 'admin-fonts');
  await visit(admin, '/admin/pages', 'admin-pages');
  await visit(admin, '/admin/menus', 'admin-menus');
  await visit(admin, '/pages/comment-participer', 'page-how-to');
  await visit(admin, '/pages/contact', 'page-contact');
  await visit(admin, '/admin/redirections', 'admin-redirections');
  await visit(admin, '/admin/redirections/missing', 'admin-missing-paths');
  await visit(admin, '/admin/home', 'admin-home-page');
  const sectionUrl = await admin.locator('.home-sections a').nth(1).getAttribute('href');
  await visit(admin, sectionUrl, 'admin-home-section');
  await visit(admin, '/admin/newsletter', 'admin-newsletter');
  await visit(admin, '/newsletter', 'newsletter');
  await visit(admin, '/events', 'events');
  const eventUrl = await admin.locator('.event-card h3 a').first().getAttribute('href');
  await visit(admin, eventUrl, 'event');
  await visit(admin, '/news', 'news');
  const newsUrl = await admin.locator('.news-card h3 a').last().getAttribute('href');
  await visit(admin, newsUrl, 'news-post');
  await visit(admin, '/admin/posts', 'admin-posts');
  const adminPostUrl = await admin.locator('.address-route a').first().getAttribute('href');
  await visit(admin, adminPostUrl, 'admin-post');
  await visit(admin, '/admin/events', 'admin-events');
  const adminEventUrl = await admin.locator('.address-route a').first().getAttribute('href');
  await visit(admin, adminEventUrl, 'admin-event');
  // Translated content: the event's English texts, then English pages (the
  // prefix sets the language of the next pages: back to French after).
  const translateUrl = await admin.locator('a[href^="/admin/translations/event/"]').getAttribute('href');
  await visit(admin, translateUrl, 'admin-translations');
  await visit(admin, '/en/projects/budget-participatif-2026', 'project-en');
  await visit(admin, '/en/pages/mentions-legales', 'page-en');
  await admin.goto('/fr/');
  await audit(admin);
  // Both languages of the design page.
  await admin.goto('/admin/design');
  await audit(admin);
  await admin.getByRole('link', { name: 'English' }).click();
  await admin.waitForURL('/admin/design');
  await audit(admin);
  await admin.getByRole('heading', { level: 1, name: 'Design system' }).waitFor();
  await admin.getByRole('link', { name: 'Français' }).click();
  await admin.waitForURL('/admin/design');
  await audit(admin);
  // Its modal dialog opens and closes.
  await admin.getByRole('button', { name: 'Ouvrir une fenêtre modale' }).click();
  await admin.getByRole('dialog', { name: 'Une fenêtre modale' }).waitFor();
  await audit(admin);
  await admin.getByRole('dialog').getByRole('button', { name: 'Fermer' }).click();
  await admin.getByRole('dialog').waitFor({ state: 'hidden' });

  console.log(`# Screenshots of the main pages at ${WIDTHS.join(', ')} px: ${SCREENSHOT_DIR}`);
});

site.journey('k. on small screens the navigation folds behind a menu button; without JavaScript it is simply shown', async ({ visitor }) => {
  const page = await visitor();
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/');
  await audit(page);
  const button = page.getByRole('button', { name: 'Menu' });
  const nav = page.getByRole('navigation', { name: 'Navigation principale' });
  await button.waitFor();
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await nav.isVisible(), false, 'the navigation is folded');
  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  await nav.getByRole('link', { name: 'Accueil' }).waitFor();
  await audit(page);
  await page.keyboard.press('Escape');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'button secondary menu-button', 'Escape gives the focus back to the button');
  // Wide screens show the navigation and no menu button.
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.equal(await button.isVisible(), false);
  assert.equal(await nav.isVisible(), true);

  // Without JavaScript: no menu button, the navigation stacks under the name.
  const context = await site.browser.newContext({ baseURL: site.server.url, javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  try {
    const bare = await context.newPage();
    await bare.goto('/');
    await bare.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Accueil' }).waitFor();
    assert.equal(await bare.getByRole('button', { name: 'Menu' }).isVisible(), false);
    const overflow = await bare.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling without JavaScript (${overflow} px)`);
  } finally {
    await context.close();
  }
});

site.journey('l. the deposit form warns before typed text is lost, and not when it is saved', async ({ visitor, createUser }) => {
  // An open collect step, made by the administrator.
  const admin = await visitor();
  await logIn(admin, ADMIN.email, ADMIN.password);
  await admin.goto('/admin/projects/new');
  await audit(admin);
  await admin.getByLabel('Titre').fill('Idées pour la rentrée');
  await admin.getByLabel('Visibilité').selectOption('public');
  await admin.getByRole('button', { name: 'Créer le projet' }).click();
  await admin.waitForURL(/\/admin\/projects\/\d+$/);
  await audit(admin);
  await admin.getByRole('link', { name: 'Ajouter une étape' }).click();
  await admin.waitForURL(/\/steps\/new$/);
  await audit(admin);
  await admin.getByLabel('Titre').fill('Boîte à idées');
  await admin.getByLabel('Type d’étape').selectOption('collect');
  await admin.getByLabel('Début').fill(inDays(-1));
  await admin.getByLabel('Fin', { exact: true }).fill(inDays(20));
  await admin.getByLabel('Publier l’étape').check();
  await admin.getByRole('button', { name: 'Ajouter l’étape' }).click();
  await admin.waitForURL(/\/admin\/projects\/\d+$/);
  await audit(admin);

  const person = { email: 'texte@example.org', name: 'Paul Texte', password: 'je ne veux rien perdre' };
  await createUser(person);
  const page = await visitor();
  await logIn(page, person.email, person.password);
  await page.goto('/');
  await audit(page);
  await page.getByRole('link', { name: /Proposer une idée · Idées pour la rentrée/ }).click();
  await page.waitForURL(/\/steps\/\d+$/);
  await audit(page);
  await page.getByRole('link', { name: 'Déposer une proposition' }).click();
  await page.waitForURL(/\/proposals\/new$/);
  await audit(page);
  await checkAtEveryWidth(page, 'deposit-form');
  const formUrl = page.url();

  // Leaving untouched: no question asked.
  await page.getByRole('navigation', { name: 'Fil d’Ariane' }).getByRole('link', { name: 'Boîte à idées' }).click();
  await page.waitForURL(/\/steps\/\d+$/);
  await audit(page);
  await page.goBack();
  await page.waitForURL(formUrl);
  await audit(page);

  // Typed text: leaving asks first, and staying keeps the text.
  await page.getByLabel('Titre').fill('Des fontaines dans la cour');
  const asked = new Promise((resolve) =>
    page.once('dialog', async (dialog) => {
      const type = dialog.type();
      await dialog.dismiss();
      resolve(type);
    }),
  );
  await page.getByRole('navigation', { name: 'Fil d’Ariane' }).getByRole('link', { name: 'Boîte à idées' }).click({ noWaitAfter: true });
  assert.equal(await asked, 'beforeunload', 'the browser asks before leaving');
  assert.equal(page.url(), formUrl, 'still on the form');
  assert.equal(await page.getByLabel('Titre').inputValue(), 'Des fontaines dans la cour');

  // Saved as a draft: no question.
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs += 1;
    d.accept();
  });
  await page.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await page.waitForURL(/\/proposals\/\d+$/);
  await audit(page);
  assert.equal(dialogs, 0, 'saving does not ask');
});
