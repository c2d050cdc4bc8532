// Journeys around projects: an administrator builds and publishes a project
// with three steps; a visitor reads it in French, then in English.
import assert from 'node:assert/strict';

import { ADMIN, audit, logIn, useSite } from './lib/harness.mjs';

const site = useSite();

/** A `datetime-local` value `days` from now, at 10:00. */
function inDays(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T10:00`;
}

const PROJECT = {
  title: 'Budget participatif des écoles',
  summary: 'Proposez et choisissez les aménagements des cours d’école.',
  description: 'Les écoles de la ville reçoivent **200 000 €**.\n\n- Déposez vos idées\n- Votez pour vos préférées',
};
const STEPS = [
  { title: 'Présentation du budget', type: 'presentation', body: 'Le calendrier et les règles.', starts: inDays(-30), ends: inDays(-20) },
  { title: 'Dépôt des idées', type: 'collect', body: 'Chacun peut proposer une idée.', starts: inDays(-2), ends: inDays(10) },
  { title: 'Vote des habitants', type: 'vote', body: 'Chaque habitant vote pour trois idées.', starts: inDays(20), ends: inDays(30) },
];

/** Filled by journey b, read by journey c (the tests of a file run in order). */
let published = null;

site.journey('b. an administrator creates a project, adds three steps and publishes it', async ({ visitor }) => {
  const admin = await visitor();
  await logIn(admin, ADMIN.email, ADMIN.password);
  await admin.getByRole('link', { name: 'Administration' }).click();
  await admin.waitForURL('/admin');
  await audit(admin);
  await admin.getByRole('link', { name: 'Nouveau projet' }).click();
  await admin.waitForURL('/admin/projects/new');
  await audit(admin);
  assert.equal(await admin.getByLabel('Visibilité').inputValue(), 'draft', 'a new project starts as a draft');

  // Without a title: the form comes back with its errors.
  await admin.getByLabel('Résumé').fill(PROJECT.summary);
  await admin.getByRole('button', { name: 'Créer le projet' }).click();
  await admin.locator(".error-summary a[href='#f-title']").waitFor();
  await audit(admin);
  assert.equal(await admin.getByLabel('Titre').getAttribute('aria-invalid'), 'true');
  assert.equal(await admin.getByLabel('Résumé').inputValue(), PROJECT.summary, 'the summary is kept');

  await admin.getByLabel('Titre').fill(PROJECT.title);
  await admin.getByLabel('Description').fill(PROJECT.description);
  await admin.getByLabel('Visibilité').selectOption('draft');
  await admin.getByRole('button', { name: 'Créer le projet' }).click();
  await admin.waitForURL(/\/admin\/projects\/\d+$/);
  await audit(admin);
  await admin.getByRole('status').getByText('Le projet est créé').waitFor();
  const adminProjectPath = new URL(admin.url()).pathname;
  const publicPath = await admin.getByRole('link', { name: 'Voir la page publique' }).getAttribute('href');
  assert.match(publicPath, /^\/projects\/[a-z0-9-]+$/);

  // A draft is hidden from visitors.
  const anonymous = await visitor();
  const hidden = await anonymous.goto(publicPath);
  assert.equal(hidden.status(), 404, 'a draft project is not public');
  await audit(anonymous);

  for (const step of STEPS) {
    await admin.getByRole('link', { name: 'Ajouter une étape' }).click();
    await admin.waitForURL(/\/admin\/projects\/\d+\/steps\/new$/);
    await audit(admin);
    await admin.getByLabel('Titre').fill(step.title);
    await admin.getByLabel('Type d’étape').selectOption(step.type);
    await admin.getByLabel('Texte de l’étape').fill(step.body);
    await admin.getByLabel('Début').fill(step.starts);
    await admin.getByLabel('Fin', { exact: true }).fill(step.ends);
    await admin.getByLabel('Publier l’étape').check();
    await admin.getByRole('button', { name: 'Ajouter l’étape' }).click();
    await admin.waitForURL(adminProjectPath);
    await audit(admin);
    await admin.getByRole('status').getByText('L’étape est ajoutée.').waitFor();
  }
  assert.deepEqual(
    await admin.locator('.admin-steps > li > a').allInnerTexts(),
    STEPS.map((s) => s.title),
  );

  // Published through the edit form.
  const edit = admin.locator(`form[action="${adminProjectPath}"]`);
  await edit.getByLabel('Visibilité').selectOption('public');
  await edit.getByRole('button', { name: 'Enregistrer' }).click();
  await admin.waitForURL(adminProjectPath);
  await audit(admin);
  await admin.getByRole('status').getByText('Modifications enregistrées.').waitFor();
  assert.equal(await admin.getByLabel('Visibilité').inputValue(), 'public');

  await admin.getByRole('link', { name: 'Voir la page publique' }).click();
  await admin.waitForURL(publicPath);
  await audit(admin);
  assert.deepEqual(await admin.locator('.timeline-step > a').allInnerTexts(), STEPS.map((s) => s.title));
  assert.equal(await admin.locator('main .badge', { hasText: 'Brouillon' }).count(), 0);

  published = { path: publicPath };
});

site.journey('c. a visitor reads the project in French, then in English', async ({ visitor }) => {
  assert.ok(published, 'journey b must have published the project first');
  const page = await visitor();
  await page.goto('/');
  await audit(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  await page
    .getByRole('region', { name: 'Projets en cours' })
    .getByRole('link', { name: PROJECT.title, exact: true })
    .click();
  await page.waitForURL(published.path);
  await audit(page);

  assert.equal(await page.locator('html').getAttribute('lang'), 'fr');
  await page.getByRole('heading', { level: 1, name: PROJECT.title }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Étapes du projet' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'À propos du projet' }).waitFor();
  assert.deepEqual(await page.locator('.timeline-step > a').allInnerTexts(), STEPS.map((s) => s.title));
  assert.deepEqual(await page.locator('.timeline-step .badge').allInnerTexts(), ['Terminée', 'En cours', 'À venir']);
  assert.equal(await page.locator('[aria-current="step"] > a').innerText(), STEPS[1].title, 'the open step is the current one');

  // A step page, then back to the project.
  await page.getByRole('link', { name: STEPS[1].title }).first().click();
  await page.waitForURL(/\/steps\/\d+$/);
  await audit(page);
  await page.getByRole('heading', { level: 1, name: STEPS[1].title }).waitFor();
  await page.getByRole('navigation', { name: 'Fil d’Ariane' }).getByRole('link', { name: PROJECT.title }).click();
  await page.waitForURL(published.path);
  await audit(page);

  // The language switch in the header.
  const header = page.locator('header');
  const english = header.getByRole('link', { name: 'English' });
  assert.equal(await english.getAttribute('lang'), 'en');
  await english.click();
  await page.waitForURL(published.path);
  await page.locator('html[lang=en]').waitFor({ state: 'attached' });
  await audit(page);
  await page.getByRole('heading', { level: 2, name: 'Project steps' }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'About the project' }).waitFor();
  assert.deepEqual(await page.locator('.timeline-step .badge').allInnerTexts(), ['Closed', 'Open', 'Upcoming']);
  assert.equal(await header.getByRole('link', { name: 'Français' }).getAttribute('lang'), 'fr');

  // The choice sticks while browsing.
  await header.getByRole('link', { name: 'Home' }).click();
  await page.waitForURL('/');
  await audit(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.getByRole('heading', { level: 2, name: 'Open projects' }).waitFor();
});
