// The site's own pages, menus and addresses (issue 15): an administrator
// writes a page and puts it in the header menu, where a visitor finds it;
// an administrator creates a short URL and a visitor follows it; an address of the old site that visitors still
// ask for shows up in the log of missing addresses and becomes a
// redirection from there; an administrator builds the home page from
// sections and a visitor signs up for the newsletter there; a visitor
// registers for an event from the home page. Every page visited passes the
// accessibility audit.
import assert from 'node:assert/strict';

import { ADMIN, audit, logIn, useSite } from './lib/harness.mjs';

const site = useSite({ demo: true });

site.journey('v. an administrator creates a short URL, a visitor follows it; a missing address becomes a redirection', async ({ visitor }) => {
  const admin = await visitor();
  await logIn(admin, ADMIN.email, ADMIN.password);
  await admin.goto('/admin');
  await audit(admin);
  await admin.getByRole('navigation', { name: 'Menu d’administration' }).getByRole('link', { name: 'Redirections' }).click();
  await admin.waitForURL('/admin/redirections');
  await audit(admin);
  // The demo's two short URLs are listed.
  await admin.getByRole('heading', { level: 2, name: '2 redirections' }).waitFor();

  // A loop is refused with its reason, next to the field.
  const form = admin.locator('main form[action="/admin/redirections"]');
  await form.getByLabel('Adresse de départ').fill('/projects/budget-participatif-2026/');
  await form.getByLabel('Destination').fill('/budget');
  await form.getByRole('button', { name: 'Ajouter' }).click();
  await admin.locator('.error-summary').waitFor();
  await audit(admin);
  assert.match(await admin.locator('#f-source-error').innerText(), /page du site occupe déjà/);

  // A short URL for the cycling plan, temporary.
  await form.getByLabel('Adresse de départ').fill('/plan-velo');
  await form.getByLabel('Destination').fill('/projects/plan-velo-2030');
  await form.getByLabel('Type').selectOption('302');
  await form.getByRole('button', { name: 'Ajouter' }).click();
  await admin.getByRole('heading', { level: 2, name: '3 redirections' }).waitFor();
  await audit(admin);

  // A visitor types it and lands on the project.
  const someone = await visitor();
  await someone.goto('/plan-velo');
  await someone.waitForURL('/projects/plan-velo-2030');
  await audit(someone);
  await someone.getByRole('heading', { level: 1 }).waitFor();

  // An old address: the 404 page, then it is in the log.
  const response = await someone.goto('/actualites/2019/velo.html');
  assert.equal(response.status(), 404);
  await audit(someone);
  await admin.getByRole('link', { name: 'Adresses introuvables' }).first().click();
  await admin.waitForURL('/admin/redirections/missing');
  await audit(admin);
  const row = admin.locator('.address-list > li', { hasText: '/actualites/2019/velo.html' });
  await row.getByLabel('Destination (/actualites/2019/velo.html)').fill('/plan-velo');
  await row.getByRole('button', { name: 'Rediriger' }).click();
  await admin.waitForURL('/admin/redirections/missing');
  await audit(admin);
  assert.equal(await admin.locator('.address-list > li', { hasText: '/actualites/2019/velo.html' }).count(), 0, 'the address left the log');

  // The old address now leads, through the short URL, to the project.
  await someone.goto('/actualites/2019/velo.html');
  await someone.waitForURL('/projects/plan-velo-2030');
  await audit(someone);
});

site.journey('w. an administrator writes a page and adds it to the header menu; a visitor finds it there', async ({ visitor }) => {
  const admin = await visitor();
  await logIn(admin, ADMIN.email, ADMIN.password);
  await admin.goto('/admin');
  await audit(admin);
  const nav = admin.getByRole('navigation', { name: 'Menu d’administration' });
  await nav.getByRole('link', { name: 'Pages' }).click();
  await admin.waitForURL('/admin/pages');
  await audit(admin);
  await admin.getByRole('link', { name: 'Nouvelle page' }).click();
  await admin.waitForURL('/admin/pages/new');
  await audit(admin);

  // Saved without a title: the error summary.
  await admin.getByRole('button', { name: 'Enregistrer' }).click();
  await admin.locator('.error-summary').waitFor();
  await audit(admin);
  await admin.getByLabel('Titre').fill('Le conseil des jeunes');
  await admin.getByLabel('Contenu').fill('## Qui sommes-nous ?\n\nTrente jeunes de 11 à 17 ans, élus pour deux ans.');
  await admin.getByLabel('Description pour les moteurs de recherche').fill('Le conseil municipal des jeunes de la ville.');
  await admin.getByLabel('Publier la page').check();
  await admin.getByRole('button', { name: 'Enregistrer' }).click();
  await admin.waitForURL(/\/admin\/pages\/\d+$/);
  await audit(admin);

  // Into the header menu, under a new heading.
  await nav.getByRole('link', { name: 'Menus' }).click();
  await admin.waitForURL('/admin/menus');
  await audit(admin);
  const header = admin.locator('section', { has: admin.getByRole('heading', { level: 2, name: 'Menu d’en-tête' }) });
  await header.getByLabel('Intitulé').fill('Jeunesse');
  await header.getByLabel('Mène vers').selectOption('none');
  await header.getByRole('button', { name: 'Ajouter' }).click();
  await admin.waitForURL('/admin/menus');
  await audit(admin);
  await header.getByLabel('Intitulé').fill('Conseil des jeunes');
  await header.getByLabel('Mène vers').selectOption('page');
  await header.getByLabel('Page', { exact: true }).selectOption({ label: 'Le conseil des jeunes' });
  await header.getByLabel('Placer sous').selectOption({ label: 'Jeunesse' });
  await header.getByRole('button', { name: 'Ajouter' }).click();
  await admin.waitForURL('/admin/menus');
  await audit(admin);

  // A visitor opens the heading in the header and follows the entry.
  const someone = await visitor();
  await someone.goto('/');
  await audit(someone);
  const siteNav = someone.getByRole('navigation', { name: 'Navigation principale' });
  await siteNav.getByText('Jeunesse').click();
  await siteNav.getByRole('link', { name: 'Conseil des jeunes' }).click();
  await someone.waitForURL('/pages/le-conseil-des-jeunes');
  await audit(someone);
  await someone.getByRole('heading', { level: 1, name: 'Le conseil des jeunes' }).waitFor();
  assert.equal(
    await someone.locator('meta[name="description"]').getAttribute('content'),
    'Le conseil municipal des jeunes de la ville.',
  );
  // The footer leads to the demo's legal notice.
  await someone.locator('.site-footer').getByRole('link', { name: 'Mentions légales' }).click();
  await someone.waitForURL('/pages/mentions-legales');
  await audit(someone);
});

site.journey('x. an administrator changes the heading font (previewed live) and the header colours (an unreadable pair is refused with its reason); a visitor sees them', async ({ visitor }) => {
  const admin = await visitor();
  await logIn(admin, ADMIN.email, ADMIN.password);
  await admin.goto('/admin/settings');
  await audit(admin);
  const colours = admin.locator('section', { has: admin.getByRole('heading', { level: 2, name: /^Couleurs de l’en-tête/ }) });
  const header = colours.getByRole('group', { name: 'En-tête' });
  await header.getByLabel('Fond').fill('#ffd700');
  await header.getByLabel('Texte').fill('#ffffff');
  await colours.getByRole('button', { name: 'Enregistrer' }).click();
  await admin.locator('#f-header_fg-error').waitFor();
  await audit(admin);
  assert.match(await admin.locator('#f-header_fg-error').innerText(), /ne se lirait pas assez/);
  await header.getByLabel('Texte').fill('#1f2328');
  await colours.getByRole('button', { name: 'Enregistrer' }).click();
  await admin.waitForURL('/admin/settings');
  await audit(admin);

  // The heading font: previewed as soon as it is chosen, then saved.
  await admin.getByRole('navigation', { name: 'Menu d’administration' }).getByRole('link', { name: 'Polices' }).click();
  await admin.waitForURL('/admin/fonts');
  await audit(admin);
  await admin.getByLabel('Titres').selectOption({ label: 'DejaVu Serif' });
  const previewed = await admin.locator('[data-preview="heading"]').evaluate((el) => getComputedStyle(el).fontFamily);
  assert.match(previewed, /DejaVu Serif/);
  await admin.getByRole('button', { name: 'Enregistrer' }).click();
  await admin.waitForURL('/admin/fonts');
  await audit(admin);

  const someone = await visitor();
  await someone.goto('/');
  await audit(someone);
  const headingFont = await someone.locator('h1').first().evaluate((el) => getComputedStyle(el).fontFamily);
  assert.match(headingFont, /^"DejaVu Serif", serif/);
  const fontLoaded = await someone.evaluate(async () => {
    await document.fonts.ready;
    return document.fonts.check('700 1em "DejaVu Serif"');
  });
  assert.ok(fontLoaded, 'the bold DejaVu Serif face is loaded from /fonts/builtin/');
  const style = await someone.locator('.site-header').evaluate((el) => {
    const s = getComputedStyle(el);
    return [s.backgroundColor, s.color];
  });
  assert.deepEqual(style, ['rgb(255, 215, 0)', 'rgb(31, 35, 40)']);

  // Back to the automatic colours.
  await admin.goto('/admin/settings');
  await audit(admin);
  await colours.getByRole('group', { name: 'En-tête' }).getByLabel('Fond').fill('');
  await colours.getByRole('group', { name: 'En-tête' }).getByLabel('Texte').fill('');
  await colours.getByRole('button', { name: 'Enregistrer' }).click();
  await admin.waitForURL('/admin/settings');
  await audit(admin);
});

site.journey('y. an administrator builds the home page from sections; a visitor scrolls the carousel by keyboard and signs up for the newsletter', async ({ visitor }) => {
  const admin = await visitor();
  await logIn(admin, ADMIN.email, ADMIN.password);
  await admin.goto('/admin');
  await audit(admin);
  await admin.getByRole('navigation', { name: 'Menu d’administration' }).getByRole('link', { name: 'Page d’accueil' }).click();
  await admin.waitForURL('/admin/home');
  await audit(admin);

  // A free text section, refused without its text, then written.
  await admin.getByLabel('Type de section').selectOption({ label: 'Texte libre' });
  await admin.getByRole('button', { name: 'Ajouter' }).click();
  await admin.waitForURL(/\/admin\/home\/sections\/\d+$/);
  await audit(admin);
  await admin.getByLabel('Titre').fill('Calendrier 2027');
  await admin.getByRole('button', { name: 'Enregistrer' }).click();
  await admin.locator('#f-body-error').waitFor();
  await audit(admin);
  await admin.locator('#f-body').fill('Le prochain appel à idées ouvre le **1er mars**.');
  await admin.getByRole('button', { name: 'Enregistrer' }).click();
  await admin.locator('.flash').waitFor();
  await audit(admin);

  // Moved to the top of the page; past projects switched off.
  await admin.goto('/admin/home');
  await audit(admin);
  const entries = admin.locator('ol.home-sections > li');
  const count = await entries.count();
  for (let i = 0; i < count - 1; i += 1) {
    await admin.locator('ol.home-sections > li', { hasText: 'Calendrier 2027' }).getByRole('button', { name: /^Monter/ }).click();
    await admin.waitForURL('/admin/home');
    await audit(admin);
  }
  await admin.locator('ol.home-sections > li', { hasText: 'Projets terminés' }).getByRole('button', { name: /^Éteindre/ }).click();
  await admin.waitForURL('/admin/home');
  await audit(admin);
  assert.match(await admin.locator('ol.home-sections > li').first().innerText(), /Calendrier 2027/);

  // The visitor's home page follows.
  const someone = await visitor();
  await someone.goto('/');
  await audit(someone);
  const headings = await someone.locator('main section[aria-labelledby] h2').allInnerTexts();
  assert.equal(headings[0], 'Calendrier 2027');
  assert.ok(!headings.includes('Projets terminés'), headings.join(' | '));
  assert.equal(await someone.locator('h1').count(), 1);
  assert.equal(await someone.locator('img.hero-image').getAttribute('alt'), '');

  // The carousel scrolls by keyboard (the region takes focus).
  await someone.setViewportSize({ width: 360, height: 800 });
  const track = someone.locator('#home-highlights-track');
  await track.focus();
  await someone.keyboard.press('ArrowRight');
  await someone.waitForFunction(() => document.getElementById('home-highlights-track').scrollLeft > 0);
  await someone.getByRole('button', { name: 'Suivant' }).click();
  await audit(someone);

  // Newsletter: signed up from the home page, then confirmed by the link.
  const form = someone.locator('.newsletter form');
  await form.getByLabel('Adresse e-mail').fill('lecteur@example.org');
  await form.getByRole('button', { name: 'S’inscrire' }).click();
  await someone.waitForURL('/newsletter');
  await audit(someone);
  await someone.getByRole('status').filter({ hasText: 'lien de confirmation' }).waitFor();
  await admin.goto('/admin/newsletter');
  await audit(admin);
  assert.match(await admin.locator('main').innerText(), /lecteur@example\.org/);
  assert.match(await admin.locator('main').innerText(), /en attente/);
});

site.journey('z. a visitor finds an event on the home page, logs in to register, gets a seat, then cancels', async ({ visitor, createUser }) => {
  const email = 'habitante-atelier@example.org';
  const password = 'un mot de passe solide';
  await createUser({ email, name: 'Habitante', password });
  const someone = await visitor();
  await someone.goto('/');
  await audit(someone);
  await someone.locator('section[aria-labelledby=home-events]').getByRole('link', { name: /dessinons la cour/ }).click();
  await someone.waitForURL(/\/events\/\d+$/);
  await audit(someone);
  const eventUrl = new URL(someone.url()).pathname;
  assert.match(await someone.locator('.event-registration').innerText(), /14 place\(s\) libre\(s\) sur 20/);

  // Registering needs an account: the log-in page brings the visitor back.
  await someone.getByRole('link', { name: 'Se connecter pour s’inscrire' }).click();
  await someone.waitForURL(/\/login/);
  await audit(someone);
  await someone.getByLabel('Adresse e-mail').fill(email);
  await someone.getByLabel('Mot de passe').fill(password);
  await someone.locator('main form').getByRole('button', { name: 'Se connecter' }).click();
  await someone.waitForURL(eventUrl);
  await audit(someone);
  await someone.getByRole('button', { name: 'M’inscrire' }).click();
  await someone.waitForURL(eventUrl);
  await audit(someone);
  await someone.getByText('C’est noté : votre place est réservée.').waitFor();
  assert.match(await someone.locator('.event-registration').innerText(), /13 place\(s\) libre\(s\) sur 20/);
  const ics = await someone.getByRole('link', { name: /Ajouter à mon agenda/ }).getAttribute('href');
  assert.equal(ics, `${eventUrl}/calendar.ics`);

  // Changed plans: the seat goes back.
  await someone.getByRole('button', { name: 'Annuler mon inscription' }).click();
  await someone.waitForURL(eventUrl);
  await audit(someone);
  await someone.getByText('Votre inscription est annulée.').waitFor();
  assert.match(await someone.locator('.event-registration').innerText(), /14 place\(s\) libre\(s\) sur 20/);
});
