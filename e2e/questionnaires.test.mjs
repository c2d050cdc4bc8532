// Questionnaires in a browser, on the demo content: a participant answers
// the bike plan's questionnaire (a logic jump hides a question live, the
// server checks what is left), sees the results; the manager opens the
// builder. Every page passes the accessibility audit.
import assert from 'node:assert/strict';

import { ADMIN, audit, logIn, useSite } from './lib/harness.mjs';

const site = useSite({ demo: true });

site.journey('q. a participant answers a questionnaire with a logic jump, then reads the results', async ({ visitor, createUser }) => {
  const person = { email: 'cycliste@example.org', name: 'Cycliste Urbaine', password: 'cycliste-2026-trajets' };
  await createUser(person);
  const page = await visitor();
  await logIn(page, person.email, person.password);
  await page.goto('/projects/plan-velo-2030');
  await audit(page);
  await page.getByRole('link', { name: 'Questionnaire : vos déplacements' }).first().click();
  await audit(page);
  await page.getByRole('link', { name: 'Répondre' }).click();
  await page.waitForURL(/\/questionnaires\/\d+$/);
  await audit(page);

  // "Not for five years" skips "since how many years": hidden as one answers.
  const years = page.getByLabel('Depuis combien d\'années ?');
  assert.ok(await years.isVisible(), 'asked at first');
  await page.getByRole('group', { name: /Vivez-vous dans le quartier/ }).getByLabel('Non').check();
  await years.waitFor({ state: 'hidden' });
  await page.getByRole('group', { name: /Vivez-vous dans le quartier/ }).getByLabel('Oui').check();
  await years.waitFor({ state: 'visible' });
  await years.fill('900');

  // Sent without the required trip mode, and with too many years: both reported.
  await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  await page.locator('.error-summary').waitFor();
  await audit(page);
  assert.equal(await page.locator('.error-summary li').count(), 2);

  await page.getByRole('group', { name: /Vivez-vous dans le quartier/ }).getByLabel('Non').check();
  await page.getByText('À vélo', { exact: true }).click();
  await page.getByLabel('Place Olympe de Gouges').first().waitFor();
  await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  await page.getByRole('heading', { level: 1, name: 'Merci pour vos réponses' }).waitFor();
  await audit(page);

  await page.getByRole('link', { name: 'Voir les résultats' }).click();
  await page.waitForURL(/\/results$/);
  await audit(page);
  assert.match(await page.locator('p.lead').innerText(), /151 réponses/);
  await page.getByRole('heading', { name: 'Quel nom pour la nouvelle place ?' }).waitFor();
});

site.journey('r. the manager opens the questionnaire builder and its exports', async ({ visitor }) => {
  const admin = await visitor();
  await logIn(admin, ADMIN.email, ADMIN.password);
  await admin.goto('/projects/plan-velo-2030');
  await audit(admin);
  const href = await admin.getByRole('link', { name: 'Questionnaire : vos déplacements' }).first().getAttribute('href');
  const step = href.split('/').pop();
  const response = await admin.goto(`/admin/steps/${step}/questionnaire`);
  assert.equal(response.status(), 200);
  await audit(admin);
  await admin.locator('#questions-section details').first().locator('summary').click();
  await audit(admin);
  const csv = await admin.request.get(`/admin/steps/${step}/replies.csv`);
  assert.equal(csv.status(), 200);
  assert.match(await csv.text(), /^\uFEFFreply;receipt;email/);
});
