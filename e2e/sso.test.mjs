// Single sign-on journeys: an administrator adds an OpenID Connect provider
// (the oidc-provider package, started here on a loopback port), a resident
// logs in through it and comes back signed in, then logs out of both; the
// FranceConnect button on the log-in page at phone and desktop widths.
import assert from 'node:assert/strict';
import { after } from 'node:test';

import { ADMIN, audit, auditServed, logIn, shoot, useSite } from './lib/harness.mjs';
import { startIdp } from './lib/idp.mjs';

const site = useSite();

let idp;

/** The provider, started once the site's address is known (inside a journey). */
async function provider() {
  const url = site.server.url;
  idp ??= await startIdp({
    clients: [
      {
        client_id: 'participe-e2e',
        redirect_uris: [`${url}/login/sso/ville/callback`],
        post_logout_redirect_uris: [`${url}/`],
      },
    ],
  });
  return idp;
}
after(() => idp?.stop());

/** The administrator adds a provider through the back office's form. */
async function addProvider(page, fields) {
  await page.goto('/admin/sso');
  await audit(page);
  await page.getByLabel('Type').selectOption(fields.kind ?? 'oidc');
  await page.getByLabel('Nom affiché sur le bouton').fill(fields.label);
  await page.locator('#f-slug').fill(fields.slug);
  if (fields.issuer) await page.getByLabel('Émetteur (issuer)').fill(fields.issuer);
  await page.getByLabel('Identifiant client').fill(fields.clientId);
  await page.getByRole('button', { name: 'Ajouter le fournisseur' }).click();
  await page.getByText('Fournisseur d’identité enregistré.').or(page.getByText("Fournisseur d'identité enregistré.")).waitFor();
  await audit(page);
}

site.journey('s. log in with an OpenID Connect provider, come back signed in, log out of both', async ({ visitor }) => {
  const idp = await provider();
  const admin = await visitor();
  await logIn(admin, ADMIN.email, ADMIN.password);
  // A mistake first: the form says what is wrong, in French.
  await admin.goto('/admin/sso');
  await audit(admin);
  await admin.locator('#f-slug').fill('Ville !');
  await admin.getByRole('button', { name: 'Ajouter le fournisseur' }).click();
  await admin.locator('.error-summary').waitFor();
  await audit(admin);
  assert.match(await admin.locator('#f-slug-error').innerText(), /lettres minuscules/);
  await addProvider(admin, { label: 'Compte Ville', slug: 'ville', issuer: idp.issuer, clientId: 'participe-e2e' });
  assert.match(await admin.getByRole('row', { name: /Compte Ville/ }).innerText(), /Absent \(client public, PKCE seul\)/);
  await shoot(admin, 'admin-sso');

  const page = await visitor();
  await page.goto('/login');
  await audit(page);
  await page.getByRole('link', { name: 'Se connecter avec Compte Ville' }).click();
  // The provider's own log-in page.
  await page.getByRole('heading', { name: 'Fournisseur d’identité de test' }).waitFor();
  assert.ok(page.url().startsWith(idp.issuer), page.url());
  await audit(page);
  await page.getByLabel('Identifiant').fill('lea');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  // Back on the site, signed in as a new account named by the provider.
  await page.waitForURL((u) => u.href.startsWith(site.server.url) && !u.pathname.startsWith('/login'));
  await audit(page);
  await page.getByText('Vous êtes connecté·e.').waitFor();
  await page.goto('/account');
  await audit(page);
  assert.equal(await page.getByLabel('Nom affiché').inputValue(), 'Lea Testeur');
  assert.match(await page.locator('main').innerText(), /Compte Ville, lié le/);
  await shoot(page, 'account-sso');

  // Logging out ends the provider's session too, after its confirmation.
  // The site's page saying so sends the browser on at once: audited as served.
  const auditLeaving = await auditServed(page, `${site.server.url}/logout`);
  await page.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
  await page.getByRole('heading', { name: 'Se déconnecter du fournisseur' }).waitFor();
  await auditLeaving();
  await audit(page);
  await page.getByRole('button', { name: 'Oui, me déconnecter' }).click();
  // Back home, with the state sent on logout.
  await page.waitForURL((u) => u.href.startsWith(`${site.server.url}/`) && u.pathname === '/' && u.searchParams.has('state'));
  await audit(page);
  await page.goto('/account');
  await page.waitForURL(/\/login/);
  await audit(page);
});

site.journey('t. the FranceConnect button on the log-in page, phone and desktop', async ({ visitor }) => {
  const admin = await visitor();
  await logIn(admin, ADMIN.email, ADMIN.password);
  await addProvider(admin, { kind: 'franceconnect_integration', label: 'FranceConnect', slug: 'fc', clientId: 'fc-client' });

  const page = await visitor();
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/login');
    await audit(page);
    const button = page.getByRole('link', { name: 'S’identifier avec FranceConnect' });
    assert.ok(await button.isVisible());
    const box = await button.boundingBox();
    assert.ok(box.height >= 44, `the button is ${box.height} px high`);
    assert.ok(await page.getByRole('link', { name: 'Qu’est-ce que FranceConnect ?' }).isVisible());
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the log-in page scrolls sideways by ${overflow} px at ${width} px`);
  }
  await shoot(page, 'login-sso');

  // What is kept, why and how long, from the sign-up page: the providers included.
  await page.goto('/signup');
  await audit(page);
  await page.getByRole('link', { name: 'Les données personnelles que nous gardons' }).click();
  await page.waitForURL('/personal-data');
  await audit(page);
  assert.match(await page.locator('main').innerText(), /fournisseur d'identité \([^)]*FranceConnect\)/);
  assert.match(await page.locator('main').innerText(), /date de naissance certifiée/);
  await shoot(page, 'personal-data');
});
