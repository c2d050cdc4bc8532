// The back-office and open-data pages, on the demo content (served with
// --demo): each one loads and passes the accessibility audit, for the
// administrator, a visitor and a new participant.
import assert from 'node:assert/strict';

import { ADMIN, audit, logIn, useSite } from './lib/harness.mjs';

const site = useSite({ demo: true });

const BUDGET_2026 = 'Budget participatif 2026';
const BUDGET_2024 = { slug: 'budget-participatif-2024' };

/** Goes to `path`, checks the status is 200 and audits the page. */
async function visit(page, path) {
  const response = await page.goto(path);
  assert.equal(response.status(), 200, `${path} answers 200`);
  await audit(page);
}

site.journey('i. every new back-office and open-data page passes the accessibility audit', async ({ visitor, createUser }) => {
  // The administrator.
  const admin = await visitor();
  await logIn(admin, ADMIN.email, ADMIN.password);

  // From the projects list to the vote settings of the 2026 budget.
  await visit(admin, '/admin/projects');
  await admin.locator('main table').getByRole('link', { name: BUDGET_2026, exact: true }).click();
  await admin.waitForURL(/\/admin\/projects\/\d+$/);
  await audit(admin);
  await admin.getByRole('link', { name: 'Configurer le vote' }).first().click();
  await admin.waitForURL(/\/admin\/steps\/\d+\/vote$/);
  await audit(admin);
  await admin.getByRole('heading', { level: 1, name: 'Configuration du vote' }).waitFor();
  const stepId = Number(new URL(admin.url()).pathname.split('/')[3]);

  // The settings saved without an envelope: the error summary.
  const settings = admin.locator(`main form[action="/admin/steps/${stepId}/vote"]`);
  await settings.getByLabel('Enveloppe (€)').fill('');
  await settings.getByRole('button', { name: 'Enregistrer' }).click();
  await admin.locator('.error-summary').waitFor();
  await audit(admin);
  assert.equal(await admin.locator('.error-summary').getAttribute('role'), 'alert');
  const envelopeLink = admin.locator('.error-summary a[href="#f-envelope"]');
  assert.equal(await envelopeLink.count(), 1, 'the summary links to the envelope');
  assert.equal(await admin.locator('#f-envelope').getAttribute('aria-invalid'), 'true');
  await envelopeLink.click();
  assert.equal(await admin.evaluate(() => document.activeElement?.id), 'f-envelope', 'the summary link focuses the envelope');

  // The mediators' paper ballots and the manager's preview of the results.
  await visit(admin, `/votes/${stepId}/paper`);
  await admin.getByRole('heading', { level: 1, name: 'Bulletins papier' }).waitFor();
  await visit(admin, `/votes/${stepId}/results`);

  // API tokens: one created, shown once.
  await visit(admin, '/admin/api-tokens');
  await admin.getByLabel('Nom (à quoi sert ce jeton)').fill('Tableau de bord');
  await admin.getByRole('button', { name: 'Créer le jeton' }).click();
  await admin.locator('#new-token').waitFor();
  await audit(admin);
  assert.ok((await admin.locator('#new-token').inputValue()).length > 10, 'the new token is shown');
  await admin.locator('main table').getByRole('rowheader', { name: 'Tableau de bord' }).waitFor();

  // The full export: started with its button; while it runs, the progress
  // is updated in place (static/jobs.js), never by reloading the page.
  await visit(admin, '/admin/export');
  await admin.getByRole('button', { name: 'Lancer un export complet' }).click();
  await admin.waitForURL(/\/admin\/export/);
  await audit(admin);
  assert.equal(await admin.locator('meta[http-equiv="refresh"]').count(), 0, 'no automatic reload');
  // The demo export takes well under a second: the download link appears (in place, or on a reload).
  const link = admin.locator('main table').getByRole('link', { name: /^Télécharger l’archive/ }).first();
  await link.waitFor({ timeout: 60_000 });
  await audit(admin);

  // Accounts, and the confirmation page to anonymise one of them.
  await visit(admin, '/admin/users');
  await admin.locator('main table').getByRole('link', { name: /^Anonymiser/ }).first().click();
  await admin.waitForURL(/\/admin\/users\/\d+\/anonymise$/);
  await audit(admin);
  await admin.getByRole('heading', { level: 1, name: 'Anonymiser un compte' }).waitFor();

  // The GraphQL schema is plain text.
  const schema = await admin.request.get('/graphql/schema.graphql');
  assert.equal(schema.status(), 200);
  assert.match(schema.headers()['content-type'], /^text\/plain/);

  // A visitor.
  const page = await visitor();
  await visit(page, '/open-data');
  await page.getByRole('heading', { level: 1, name: 'Données ouvertes' }).waitFor();
  await visit(page, `/projects/${BUDGET_2024.slug}/winners`);
  await visit(page, '/moderation');

  // A new participant: the account page and its personal-data download.
  const participant = { email: 'lea@example.org', name: 'Léa Fontaine', password: 'une phrase de passe pour les pages' };
  await createUser(participant);
  const member = await visitor();
  await logIn(member, participant.email, participant.password);
  await visit(member, '/account');
  await member.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
  const data = member.getByRole('link', { name: 'Télécharger mes données (ZIP)' });
  assert.equal(await data.getAttribute('href'), '/account/data');
});
