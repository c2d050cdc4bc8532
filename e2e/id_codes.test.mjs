// A vote with identification codes, on the demo content: the manager asks
// for a code in the 2026 vote's settings and imports the codes mailed to
// households; a participant enters one, then votes.
import assert from 'node:assert/strict';

import { ADMIN, audit, logIn, shoot, useSite } from './lib/harness.mjs';

const site = useSite({ demo: true });
const BUDGET_2026 = 'budget-participatif-2026';

/** The 2026 vote's ballot page, reached from its project; returns the step id. */
async function openVote(page) {
  await page.goto(`/projects/${BUDGET_2026}`);
  await audit(page);
  await page.locator('ol.timeline').getByRole('link', { name: 'Vote', exact: true }).click();
  await page.waitForURL(new RegExp(`/projects/${BUDGET_2026}/steps/\\d+$`));
  await audit(page);
  await page.locator('main article').getByRole('link', { name: 'Voter', exact: true }).click();
  await page.waitForURL(/\/votes\/\d+$/);
  await audit(page);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

site.journey('u. a voter uses an identification code mailed to their household', async ({ visitor, createUser }) => {
  const admin = await visitor();
  await logIn(admin, ADMIN.email, ADMIN.password);
  const stepId = await openVote(admin);

  // The manager asks for a code, then imports the list (a wrong line first).
  await admin.goto(`/admin/steps/${stepId}/vote`);
  await audit(admin);
  // The settings form shows what is stored (its lists filled, its boxes ticked).
  assert.ok(await admin.locator('#f-req_accept_rules').isChecked());
  assert.equal(await admin.locator('#f-counting_rule').inputValue(), 'territorial');
  assert.ok((await admin.locator('#f-source_step option').count()) > 1);
  await admin.getByLabel('Code d\'identification (envoyé à chaque votant)').check();
  await admin.locator('form[action$="/vote"]').getByRole('button', { name: 'Enregistrer' }).click();
  await admin.waitForURL(new RegExp(`/admin/steps/${stepId}/vote(#.*)?$`));
  await audit(admin);
  assert.equal(await admin.locator('.error-summary').count(), 0, 'the settings were saved');
  await admin.getByText('Modifications enregistrées.').waitFor();
  await admin.getByRole('link', { name: 'Codes d\'identification' }).click();
  await admin.waitForURL(`/admin/steps/${stepId}/codes`);
  await audit(admin);
  const file = (text) => ({ name: 'codes.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
  await admin.getByLabel('Fichier CSV des codes').setInputFiles(file('code\nAB12-CD34\nnon\n'));
  await admin.getByRole('button', { name: 'Importer les codes' }).click();
  await admin.locator('#import-errors').waitFor();
  await audit(admin);
  assert.match(await admin.locator('#import-errors').innerText(), /Ligne 3/);
  await shoot(admin, 'admin-id-codes');
  await admin.getByLabel('Fichier CSV des codes').setInputFiles(file('code\nAB12-CD34\nEF56-GH78\n'));
  await admin.getByRole('button', { name: 'Importer les codes' }).click();
  await admin.getByText('Codes importés.').waitFor();
  await audit(admin);
  assert.match(await admin.locator('#code-figures').innerText(), /^2 codes : 0 utilisés en ligne/);

  // The participant meets the requirements, code included (a wrong one first).
  const participant = { email: 'iris@example.org', name: 'Iris Petit', password: 'une phrase pour voter avec un code' };
  await createUser(participant);
  const page = await visitor();
  await logIn(page, participant.email, participant.password);
  await openVote(page);
  const form = page.locator(`main form[action="/votes/${stepId}/requirements"]`);
  await form.getByLabel('Code d\'identification').fill('ZZ99-ZZ99');
  await form.getByLabel('Date de naissance').fill('1988-03-02');
  await form.getByLabel('J\'ai lu et j\'accepte le règlement du vote').check();
  await form.getByRole('button', { name: 'Continuer' }).click();
  await page.locator('.error-summary').waitFor();
  await audit(page);
  assert.match(await page.locator('#f-id_code-error').innerText(), /inconnu ou a déjà servi/);
  await shoot(page, 'ballot-id-code');
  await form.getByLabel('Code d\'identification').fill('ab12 cd34');
  await form.getByLabel('Date de naissance').fill('1988-03-02');
  await form.getByLabel('J\'ai lu et j\'accepte le règlement du vote').check();
  await form.getByRole('button', { name: 'Continuer' }).click();
  await page.waitForURL(`/votes/${stepId}`);
  await page.locator('fieldset#f-ballot').waitFor();
  await audit(page);
  await page.locator('fieldset#f-ballot input[name="choice"]').first().check();
  await page.locator('main form.ballot').getByRole('button', { name: 'Voter', exact: true }).click();
  await page.waitForURL(/\/votes\/\d+(\/receipt)?/);
  await audit(page);

  await admin.reload();
  await audit(admin);
  assert.match(await admin.locator('#code-figures').innerText(), /^2 codes : 1 utilisés en ligne, 0 sur papier, 1 pas encore utilisés/);
});
