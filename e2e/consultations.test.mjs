// Journeys around consultations on a text and debates, on the demo content
// (served with --demo): a participant reads the bike plan, votes, argues and
// proposes an amendment whose diff they read; a manager imports a text,
// groups the step's contributions and publishes the synthesis; a
// participant votes and argues in the pedestrian-centre debate; the debate's
// widget works framed by another site.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after } from 'node:test';

import { ADMIN, audit, logIn, useSite } from './lib/harness.mjs';

const site = useSite({ demo: true });

const BIKE = { slug: 'plan-velo-2030', title: 'Consultation : plan vélo 2030', step: 'Consultation sur le texte' };
const CLIMATE = { slug: 'plan-climat-2030', debateStep: 'Débat : piétonniser le centre-ville ?' };
const QUESTION = 'Faut-il piétonniser le centre-ville ?';
/** A 1×1 PNG, for uploads. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

/** From a project page to one of its steps, through the timeline. */
async function openStep(page, slug, step) {
  await page.goto(`/projects/${slug}`);
  await audit(page);
  await page.locator('ol.timeline').getByRole('link', { name: step, exact: true }).click();
  await page.waitForURL(new RegExp(`/projects/${slug}/steps/\\d+$`));
  await audit(page);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

site.journey('m. a participant reads the bike plan, votes, argues and proposes an amendment', async ({ visitor, createUser }) => {
  const participant = { email: 'lectrice@example.org', name: 'Lectrice Attentive', password: 'lectrice-2026-velo' };
  await createUser(participant);
  const page = await visitor();
  await logIn(page, participant.email, participant.password);
  await openStep(page, BIKE.slug, BIKE.step);
  await page.getByRole('link', { name: 'Stationner son vélo' }).first().click();
  await page.waitForURL(/\/sections\/\d+$/);
  await audit(page);
  await page.getByRole('link', { name: /Article 1 – Des arceaux partout/ }).click();
  await page.waitForURL(/\/opinions\/\d+$/);
  await audit(page);
  const article = new URL(page.url()).pathname;

  // Vote "mixed", then change to "agree": the pressed button follows.
  await page.getByRole('button', { name: 'Mitigé', exact: true }).click();
  await page.waitForURL(new RegExp(`${article}`));
  await audit(page);
  await page.getByRole('button', { name: 'D’accord', exact: true }).click();
  await page.waitForURL(new RegExp(`${article}`));
  await audit(page);
  assert.equal(await page.getByRole('button', { name: 'D’accord', exact: true }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByRole('button', { name: 'Mitigé', exact: true }).getAttribute('aria-pressed'), 'false');

  // An argument for.
  const argument = 'Des arceaux devant chaque boulangerie, c’est autant de trajets en voiture en moins.';
  await page.getByLabel('Votre argument pour').fill(argument);
  await page.locator('form:has(#f-argument-for-body)').getByRole('button', { name: 'Publier' }).click();
  await page.waitForURL(/#argument-\d+$/);
  await audit(page);
  await page.locator('.side-for').getByText(argument).waitFor();

  // An amendment, and its word-level diff.
  await page.getByRole('link', { name: 'Proposer un amendement' }).click();
  await page.waitForURL(/\/amend$/);
  await audit(page);
  await page.getByLabel('Titre').fill('Plus d’arceaux');
  await page
    .getByLabel('Nouveau texte proposé')
    .fill("La ville installe 3 000 arceaux à vélos d'ici 2028, dont la moitié près des commerces.");
  await page.getByLabel('Justification').fill('La demande dépasse déjà l’offre.');
  await page.locator('main form').getByRole('button', { name: 'Publier' }).click();
  await page.waitForURL(/\/opinions\/\d+$/);
  await audit(page);
  await page.getByRole('heading', { name: 'Modifications proposées' }).waitFor();
  const inserted = await page.locator('.diff ins').allTextContents();
  const deleted = await page.locator('.diff del').allTextContents();
  const words = (list, marks) => list.map((t) => t.replace(marks[0], '').replace(marks[1], '').trim());
  assert.deepEqual(words(inserted, ['[début d’ajout]', '[fin d’ajout]']), ['3', '2028,']);
  assert.deepEqual(words(deleted, ['[début de suppression]', '[fin de suppression]']), ['2', '2030,']);
  // Screen readers hear where each change starts and ends.
  assert.ok(inserted.every((t) => t.startsWith('[début d’ajout]')), `inserted: ${inserted}`);
});

site.journey('n. a manager imports a text, groups the step and publishes its synthesis, then adds a press article with an image', async ({ visitor }) => {
  const page = await visitor();
  await logIn(page, ADMIN.email, ADMIN.password);
  await page.goto('/admin/projects');
  await audit(page);
  await page.getByRole('link', { name: BIKE.title, exact: true }).click();
  await page.waitForURL(/\/admin\/projects\/\d+$/);
  await audit(page);
  await page.getByRole('link', { name: 'Consultations', exact: true }).click();
  await page.waitForURL(/\/admin\/steps\/\d+\/consultations$/);
  await audit(page);
  const stepId = Number(new URL(page.url()).pathname.split('/')[3]);

  // A new consultation, first without a title, then the import.
  await page.getByRole('button', { name: 'Ajouter' }).click();
  await audit(page);
  await page.getByLabel('Titre').fill('Charte des usagers du vélo');
  await page.getByRole('button', { name: 'Ajouter' }).click();
  await page.waitForURL(/\/admin\/consultations\/\d+$/);
  await audit(page);
  await page
    .getByLabel('Texte à importer')
    .fill(
      '# Partager la rue\n\n## Article 1 – Le respect des piétons\n\nLes cyclistes cèdent le passage aux piétons sur les trottoirs partagés.\n\n' +
        '# Rouler la nuit\n\n## Article 2 – Être vu\n\nLes vélos portent un éclairage avant et arrière la nuit.',
    );
  await page.getByRole('button', { name: 'Importer' }).click();
  await page.waitForURL(/\/admin\/consultations\/\d+$/);
  await audit(page);
  for (const title of ['Partager la rue', 'Rouler la nuit']) {
    await page.locator('#tree-title ~ *').getByRole('link', { name: title }).first().waitFor();
  }
  // The public step page shows the imported sections.
  const slugStep = `/projects/${BIKE.slug}/steps/${stepId}`;
  await page.goto(slugStep);
  await audit(page);
  await page.getByRole('link', { name: 'Partager la rue' }).waitFor();

  // Group, publish, and read the public synthesis.
  await page.goto(`/admin/steps/${stepId}/synthesis`);
  await audit(page);
  await page.getByRole('button', { name: 'Regrouper automatiquement' }).click();
  await page.waitForURL(`/admin/steps/${stepId}/synthesis`);
  await audit(page);
  await page.getByRole('button', { name: 'Publier la synthèse' }).click();
  await page.waitForURL(`/admin/steps/${stepId}/synthesis`);
  await audit(page);
  await page.goto(`${slugStep}/synthesis`);
  await audit(page);
  const groups = await page.locator('.synthesis-group').count();
  assert.ok(groups > 0, 'the synthesis has groups');
  const links = await page.locator('.synthesis-items a').count();
  assert.ok(links >= 5, `every item is linked (${links})`);

  // The climate plan's debate: a press article with its image.
  await page.goto('/admin/projects');
  await audit(page);
  await page.getByRole('link', { name: 'Plan climat 2030', exact: true }).click();
  await page.waitForURL(/\/admin\/projects\/\d+$/);
  await audit(page);
  await page.getByRole('link', { name: 'Débats', exact: true }).click();
  await page.waitForURL(/\/admin\/steps\/\d+\/debates$/);
  await audit(page);
  await page.getByRole('link', { name: QUESTION }).click();
  await page.waitForURL(/\/admin\/debates\/\d+$/);
  await audit(page);
  const press = page.locator('form[action*="/articles"]');
  await press.getByLabel('Titre').fill('Le marché du samedi sans voitures');
  await press.getByLabel('Adresse web de la source').fill('https://presse.example.org/marche');
  await press.getByLabel('Image (facultative)').setInputFiles({ name: 'marche.png', mimeType: 'image/png', buffer: PNG });
  // An image needs its description: the error comes first.
  await press.getByRole('button', { name: 'Ajouter' }).click();
  await audit(page);
  await page.locator('.error-summary').waitFor();
  const retry = page.locator('form[action*="/articles"]');
  await retry.getByLabel('Image (facultative)').setInputFiles({ name: 'marche.png', mimeType: 'image/png', buffer: PNG });
  await retry.getByLabel('Description de l’image').fill('Les étals du marché sur la place');
  await retry.getByRole('button', { name: 'Ajouter' }).click();
  await page.waitForURL(/\/admin\/debates\/\d+$/);
  await audit(page);
  await page.getByRole('img', { name: 'Les étals du marché sur la place' }).waitFor();
});

site.journey('o. a participant votes and argues in the debate', async ({ visitor, createUser }) => {
  const participant = { email: 'pieton@example.org', name: 'Piéton Convaincu', password: 'pieton-2026-centre' };
  await createUser(participant);
  const page = await visitor();
  await logIn(page, participant.email, participant.password);
  await openStep(page, CLIMATE.slug, CLIMATE.debateStep);
  await page.getByRole('link', { name: QUESTION }).first().click();
  await page.waitForURL(/\/debates\/\d+$/);
  await audit(page);
  const before = await page.locator('.bar-legend').textContent();
  await page.getByRole('button', { name: 'Pour', exact: true }).click();
  await page.waitForURL(/\/debates\/\d+/);
  await audit(page);
  assert.equal(await page.getByRole('button', { name: 'Pour', exact: true }).getAttribute('aria-pressed'), 'true');
  assert.notEqual(await page.locator('.bar-legend').textContent(), before, 'the counts moved');
  const argument = 'Une place sans voitures, ce sont des enfants qui jouent et des terrasses pleines.';
  await page.getByLabel('Votre argument pour').fill(argument);
  await page.locator('form:has(#f-argument-for-body)').getByRole('button', { name: 'Publier' }).click();
  await page.waitForURL(/#argument-\d+$/);
  await audit(page);
  await page.locator('.side-for').getByText(argument).waitFor();
});

site.journey('p. the debate widget works inside another site’s iframe', async ({ visitor, url }) => {
  const page = await visitor();
  const step = await openStep(page, CLIMATE.slug, CLIMATE.debateStep);
  assert.ok(step > 0);
  const href = await page.getByRole('link', { name: QUESTION }).first().getAttribute('href');
  const id = href.split('/').pop();
  // The widget on its own.
  await page.goto(`/embed/debates/${id}`);
  await audit(page);
  // A partner's page framing it, served by another web server (another
  // origin on this machine: Chromium lets only a local page frame a local one).
  const partnerPage = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Journal du quartier</title></head>
<body><main><h1>Le débat du mois</h1>
<iframe src="${url}/embed/debates/${id}" title="${QUESTION}" width="600" height="700"></iframe></main></body></html>`;
  const server = http.createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(partnerPage);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(() => server.close());
  const partner = `http://127.0.0.1:${server.address().port}/`;
  await page.goto(partner);
  const frame = page.frameLocator('iframe');
  await frame.getByRole('heading', { level: 1, name: QUESTION }).waitFor();
  await audit(page);
  await frame.getByText('Pour', { exact: true }).click();
  await frame.getByLabel('Adresse e-mail').fill('voisine@example.org');
  await frame.getByRole('button', { name: 'Envoyer' }).click();
  await frame.getByText('Presque fini').waitFor();
  assert.equal(new URL(page.url()).origin, new URL(partner).origin, 'the partner page stays');
});
