// A staff member logs in through the organisation's SAML directory (the
// samlify package, started here on a loopback port): the administrator adds
// it from its metadata's address as a staff-only provider granting the
// moderator role; the agent leaves for its log-in page, its signed answer
// comes back by POST, and the agent lands signed in, with the back office.
import assert from 'node:assert/strict';
import { after } from 'node:test';

import { ADMIN, audit, logIn, shoot, useSite } from './lib/harness.mjs';
import { startSamlIdp } from './lib/idp.mjs';

const site = useSite();
let idp;
after(() => idp?.stop());

site.journey('x. a staff member logs in through the SAML directory', async ({ visitor }) => {
  idp = await startSamlIdp(site.server.url);
  const admin = await visitor();
  await logIn(admin, ADMIN.email, ADMIN.password);
  await admin.goto('/admin/sso');
  await audit(admin);
  await admin.getByLabel('Type').selectOption('saml');
  await admin.getByLabel('Nom affiché sur le bouton').fill('Annuaire des agents');
  await admin.locator('#f-slug').fill('annuaire');
  await admin.getByLabel('Émetteur (issuer)').fill(idp.metadataUrl);
  await admin.getByLabel('Rôle donné').selectOption('moderator');
  await admin.getByLabel('Réservé au personnel').check();
  await admin.getByRole('button', { name: 'Ajouter le fournisseur' }).click();
  await admin.getByText('Fournisseur d’identité enregistré.').or(admin.getByText("Fournisseur d'identité enregistré.")).waitFor();
  await audit(admin);
  assert.match(await admin.getByRole('row', { name: /Annuaire des agents/ }).innerText(), /SAML 2\.0/);

  const agent = await visitor();
  await agent.goto('/login');
  await audit(agent);
  await shoot(agent, 'login-saml');
  await agent.getByRole('link', { name: 'Se connecter avec Annuaire des agents' }).click();
  // The directory's own log-in page, then its answer posted back.
  await agent.getByRole('heading', { name: 'Fournisseur d’identité SAML de test' }).waitFor();
  assert.ok(agent.url().startsWith(idp.metadataUrl.replace('/metadata', '')), agent.url());
  await audit(agent);
  await agent.getByLabel('Identifiant').fill('agnes');
  await agent.getByRole('button', { name: 'Se connecter' }).click();
  await agent.waitForURL((u) => u.href.startsWith(site.server.url) && !u.pathname.startsWith('/login') && !u.pathname.startsWith('/saml'));
  await audit(agent);
  await agent.getByText('Vous êtes connecté·e.').waitFor();
  await agent.goto('/account');
  await audit(agent);
  assert.equal(await agent.getByLabel('Nom affiché').inputValue(), 'Agnes Testeur');
  await agent.goto('/admin/moderation');
  await audit(agent);
  await agent.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(new URL(agent.url()).pathname, '/admin/moderation', 'the directory granted the moderator role');
});
