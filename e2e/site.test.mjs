// The site's own addresses (issue 15): an administrator creates a short URL
// and a visitor follows it; an address of the old site that visitors still
// ask for shows up in the log of missing addresses and becomes a
// redirection from there. Every page visited passes the accessibility audit.
import assert from 'node:assert/strict';

import { ADMIN, audit, logIn, useSite } from './lib/harness.mjs';

const site = useSite({ demo: true });

site.journey('k. an administrator creates a short URL, a visitor follows it; a missing address becomes a redirection', async ({ visitor }) => {
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
