// Questionnaires without JavaScript, votations and petitions in a browser,
// on the demo content. Every page passes the accessibility audit.
import assert from 'node:assert/strict';

import { ADMIN, audit, logIn, useSite } from './lib/harness.mjs';

const site = useSite({ demo: true });

/** `YYYY-MM-DDTHH:MM` for a datetime-local field, `days` from now. */
function local(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

site.journey('s. a participant answers a questionnaire in a browser that runs no script', async ({ visitor, createUser }) => {
  const person = { email: 'sans-js@example.org', name: 'Sans Script', password: 'sans-script-2026-trajets' };
  await createUser(person);
  const page = await visitor({ javaScript: false });
  await logIn(page, person.email, person.password);
  await page.goto('/projects/plan-velo-2030');
  await audit(page);
  await page.getByRole('link', { name: 'Questionnaire : vos déplacements' }).first().click();
  await audit(page);
  await page.getByRole('link', { name: 'Répondre' }).click();
  await page.waitForURL(/\/questionnaires\/\d+$/);
  await audit(page);
  // No script hides the question the jump skips: it stays on the page, and
  // the server drops its answer along the path actually taken.
  const years = page.getByLabel('Depuis combien d\'années ?');
  await page.getByRole('group', { name: /Vivez-vous dans le quartier/ }).getByLabel('Non').check();
  assert.ok(await years.isVisible(), 'still shown without JavaScript');
  await years.fill('900');
  await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  // The trip mode is required: reported by the server, the answers kept.
  await page.locator('.error-summary').waitFor();
  await audit(page);
  assert.equal(await page.locator('.error-summary li').count(), 1, 'the skipped question is not checked');
  assert.ok(await page.getByRole('group', { name: /Vivez-vous dans le quartier/ }).getByLabel('Non').isChecked());
  await page.getByRole('group', { name: /Comment vous déplacez-vous/ }).getByText('À vélo', { exact: true }).click();
  await page.getByRole('button', { name: 'Envoyer mes réponses' }).click();
  await page.getByRole('heading', { level: 1, name: 'Merci pour vos réponses' }).waitFor();
  await audit(page);
});

site.journey('t. a votation: built in the back office, a participant votes, then finds the ballot by its receipt', async ({ visitor, createUser }) => {
  const admin = await visitor();
  await logIn(admin, ADMIN.email, ADMIN.password);
  await admin.goto('/admin/projects/new');
  await audit(admin);
  await admin.getByLabel('Titre').fill('Votation : la couleur des bancs');
  await admin.getByLabel('Visibilité').selectOption('public');
  await admin.getByRole('button', { name: 'Créer le projet' }).click();
  await admin.waitForURL(/\/admin\/projects\/\d+$/);
  await audit(admin);
  const projectPath = new URL(admin.url()).pathname;
  await admin.getByRole('link', { name: 'Ajouter une étape' }).click();
  await audit(admin);
  await admin.getByLabel('Titre').fill('Votation');
  await admin.getByLabel('Type d’étape').selectOption('questionnaire');
  await admin.getByLabel('Début').fill(local(-1));
  await admin.getByLabel('Fin', { exact: true }).fill(local(10));
  await admin.getByLabel('Publier l’étape').check();
  await admin.getByRole('button', { name: 'Ajouter l’étape' }).click();
  await admin.waitForURL(projectPath);
  await audit(admin);
  const stepLink = await admin.locator('.admin-steps > li > a', { hasText: 'Votation' }).getAttribute('href');
  const step = stepLink.match(/\d+/)[0];
  await admin.goto(`/admin/steps/${step}/questionnaire`);
  await audit(admin);
  await admin.locator('#f-kind').selectOption('vote');
  await admin.locator('#settings-section').getByRole('button', { name: 'Enregistrer' }).click();
  await admin.waitForURL(/questionnaire/);
  await audit(admin);
  await admin.locator('[name="q-new-kind"]').selectOption('single_choice');
  await admin.locator('[name="q-new-label"]').fill('Quelle couleur pour les bancs ?');
  await admin.locator('[name="q-new-choices"]').fill('Vert sapin\nBleu nuit\nRouge brique');
  await admin.locator('[name="q-new-required"]').check();
  await admin.getByRole('button', { name: 'Ajouter', exact: true }).click();
  await admin.waitForURL(/questionnaire/);
  await audit(admin);

  const person = { email: 'votante@example.org', name: 'Votante', password: 'votante-2026-bancs' };
  await createUser(person);
  const voter = await visitor();
  await logIn(voter, person.email, person.password);
  await voter.goto(`/questionnaires/${step}`);
  await audit(voter);
  await voter.getByLabel('Bleu nuit').check();
  await voter.getByRole('button', { name: 'Voter' }).click();
  const code = (await voter.locator('#receipt').innerText()).trim();
  await audit(voter);
  assert.match(code, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  // One ballot per person.
  await voter.goto(`/questionnaires/${step}`);
  await audit(voter);
  assert.equal(await voter.getByRole('button', { name: 'Voter' }).count(), 0);

  // The vote closes; the manager publishes the results and the receipts.
  await admin.goto(`/admin/steps/${step}`);
  await audit(admin);
  await admin.getByLabel('Début').fill(local(-3));
  await admin.getByLabel('Fin', { exact: true }).fill(local(-1));
  await admin.getByRole('button', { name: 'Enregistrer' }).first().click();
  await admin.waitForURL(/\/admin\/projects\/\d+$/);
  await audit(admin);
  await admin.goto(`/admin/steps/${step}/questionnaire`);
  await audit(admin);
  await admin.getByRole('button', { name: 'Publier les résultats' }).click();
  await admin.waitForURL(/questionnaire/);
  await audit(admin);

  await voter.goto(`/questionnaires/${step}/receipts`);
  await audit(voter);
  await voter.getByLabel('Code de reçu').fill(code.toLowerCase());
  await voter.getByRole('button', { name: 'Vérifier' }).click();
  await voter.locator('tr.mine').waitFor();
  await audit(voter);
  assert.equal((await voter.locator('tr.mine code').innerText()).trim(), code);
  assert.match(await voter.locator('tr.mine').innerText(), /Bleu nuit/);
  await voter.getByRole('link', { name: 'Voir les résultats' }).click();
  await audit(voter);
  assert.match(await voter.locator('p.lead').innerText(), /1 réponse/);
});

site.journey('u. a participant supports a petition, then withdraws the support', async ({ visitor, createUser }) => {
  const anonymous = await visitor();
  await anonymous.goto('/projects/petitions-citoyennes');
  await audit(anonymous);
  await anonymous.getByRole('link', { name: 'Pétitions', exact: true }).first().click();
  await audit(anonymous);
  await anonymous.getByRole('link', { name: /Des bancs tout le long/ }).click();
  await audit(anonymous);
  const block = anonymous.locator('#support');
  assert.match(await block.innerText(), /31\s+soutiens sur 50/);
  assert.match(await block.getByRole('link', { name: 'Je soutiens' }).getAttribute('href'), /^\/login\?next=/);

  const person = { email: 'soutien@example.org', name: 'Soutien', password: 'soutien-2026-bancs' };
  await createUser(person);
  const page = await visitor();
  await logIn(page, person.email, person.password);
  await page.goto(new URL(anonymous.url()).pathname);
  await audit(page);
  await page.locator('#support').getByRole('button', { name: 'Je soutiens' }).click();
  await page.getByRole('status').getByText('Merci : votre soutien est compté.').waitFor();
  await audit(page);
  assert.match(await page.locator('#support').innerText(), /32\s+soutiens sur 50/);
  assert.match(await page.locator('#support').innerText(), /Vous soutenez cette pétition/);
  await page.locator('#support').getByRole('button', { name: 'Retirer mon soutien' }).click();
  await page.getByRole('status').getByText('Votre soutien est retiré.').waitFor();
  await audit(page);
  assert.match(await page.locator('#support').innerText(), /31\s+soutiens sur 50/);

  // Past the threshold: the deadline is public; archived: no more button.
  await page.goto('/projects/petitions-citoyennes');
  await audit(page);
  await page.getByRole('link', { name: 'Pétitions', exact: true }).first().click();
  await audit(page);
  await page.getByRole('link', { name: /Un passage piéton/ }).click();
  await audit(page);
  assert.match(await page.locator('#support').innerText(), /Réponse officielle promise au plus tard le/);
  await page.goBack();
  await audit(page);
  await page.getByRole('link', { name: /Un marché de producteurs/ }).click();
  await audit(page);
  assert.match(await page.locator('#support').innerText(), /Archivée le/);
  assert.equal(await page.locator('#support').getByRole('button').count(), 0);
});
