// Journeys around accounts: sign-up with email confirmation through the
// outbox, and sign-up with the keyboard alone.
import assert from 'node:assert/strict';

import { ADMIN, audit, logIn, useSite } from './lib/harness.mjs';

const site = useSite();

site.journey('a. sign up, confirm the address from the outbox, log in', async ({ visitor, url }) => {
  const user = { name: 'Camille Martin', email: 'camille@example.org', password: 'une phrase de passe' };
  const page = await visitor();

  // A form with an error first: the page showing it must be accessible too.
  await page.goto('/signup');
  await audit(page);
  await page.getByLabel('Nom affiché').fill(user.name);
  await page.getByLabel('Adresse e-mail').fill('pas-une-adresse');
  await page.getByLabel('Mot de passe').fill(user.password);
  await page.getByLabel(/J’accepte les conditions/).check();
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.locator('.error-summary').waitFor();
  await audit(page);
  await assertVisibleText(page.locator('#f-email-error'), 'Saisissez une adresse e-mail valide');
  assert.equal(await page.getByLabel('Adresse e-mail').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.getByLabel('Nom affiché').inputValue(), user.name, 'the name is kept');
  await page.locator(".error-summary a[href='#f-email']").click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-email', 'the summary link focuses the field');

  // Corrected: the account is created and a confirmation email is queued.
  await page.getByLabel('Adresse e-mail').fill(user.email);
  await page.getByLabel('Mot de passe').fill(user.password);
  assert.ok(await page.getByLabel(/J’accepte les conditions/).isChecked(), 'the terms box stays ticked');
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.getByRole('heading', { level: 1, name: 'Vérifiez votre boîte mail' }).waitFor();
  await audit(page);
  await assertVisibleText(page.locator('main'), user.email);

  // The administrator reads the email in the outbox.
  const admin = await visitor();
  await logIn(admin, ADMIN.email, ADMIN.password);
  await admin.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Administration' }).click();
  await admin.waitForURL('/admin');
  await audit(admin);
  await admin.getByRole('navigation', { name: 'Menu d’administration' }).getByRole('link', { name: 'Comptes' }).click();
  await admin.waitForURL('/admin/users');
  await audit(admin);
  await assertVisibleText(admin.getByRole('row', { name: new RegExp(user.email) }), 'Non');
  await admin.getByRole('link', { name: 'E-mails envoyés' }).click();
  await admin.waitForURL('/admin/emails');
  await audit(admin);
  await admin
    .getByRole('row', { name: new RegExp(user.email) })
    .getByRole('link', { name: /Confirmez votre adresse e-mail/ })
    .click();
  await admin.waitForURL(/\/admin\/emails\/\d+$/);
  await audit(admin);
  await assertVisibleText(admin.locator('.email-body'), '/confirm/');
  const link = admin.locator('main ul a[href*="/confirm/"]');
  const href = await link.getAttribute('href');
  assert.ok(href.startsWith(`${url}/confirm/`), `the emailed link uses the public URL: ${href}`);
  assert.equal(await link.textContent(), href, 'the link shows its address');

  // The new user opens the link: confirmed, sent to the log-in page.
  await page.goto(href);
  await page.waitForURL('/login');
  await audit(page);
  await assertVisibleText(page.getByRole('status'), 'Votre adresse e-mail est confirmée.');
  await logIn(page, user.email, user.password);
  await page.getByRole('link', { name: 'Mon compte' }).click();
  await page.waitForURL('/account');
  await audit(page);
  await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
  await assertVisibleText(page.locator('main'), user.email);
  assert.equal(await page.getByLabel('Nom affiché').inputValue(), user.name);
  assert.equal(await page.getByText('n’est pas encore confirmée').count(), 0, 'no "unconfirmed" notice');
  assert.equal(await page.locator('main .notice').count(), 0, 'no notice at all');
  assert.equal(await page.getByRole('button', { name: 'Renvoyer l’e-mail de confirmation' }).count(), 0);

  // And the back office agrees.
  await admin.goto('/admin/users');
  await audit(admin);
  await assertVisibleText(admin.getByRole('row', { name: new RegExp(user.email) }), 'Oui');
});

site.journey('d. sign up with the keyboard alone', async ({ visitor }) => {
  const user = { name: 'Sacha Clavier', email: 'sacha@example.org', password: 'clavier seulement 2026' };
  const page = await visitor();
  await page.goto('/signup');
  await audit(page);

  await page.keyboard.press('Tab');
  const first = await focused(page);
  assert.equal(first.text, 'Aller au contenu', 'the first Tab reaches the skip link');
  assert.equal(first.href, '#main');
  assert.ok(first.inViewport, 'the focused skip link is on screen');
  assertFocusIndicator(first);

  // Tab on through the header and the form, typing as the fields come.
  const wanted = ['f-display_name', 'f-email', 'f-password', 'f-terms', 'submit'];
  const typed = { 'f-display_name': user.name, 'f-email': user.email, 'f-password': user.password };
  const order = [];
  for (let presses = 0; presses < 40 && !order.includes('submit'); presses++) {
    await page.keyboard.press('Tab');
    const el = await focused(page);
    assertFocusIndicator(el);
    const key = el.type === 'submit' ? 'submit' : el.id;
    order.push(key);
    if (typed[key]) await page.keyboard.type(typed[key]);
    if (key === 'f-terms') {
      await page.keyboard.press('Space');
      assert.ok(await page.locator('#f-terms').isChecked(), 'Space ticks the terms box');
    }
  }
  const reached = order.filter((k) => wanted.includes(k));
  assert.deepEqual(reached, wanted, `focus order: ${order.join(' → ')}`);

  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Vérifiez votre boîte mail' }).waitFor();
  await audit(page);
  await assertVisibleText(page.locator('main'), user.email);

  // The skip link works: Enter moves the focus to the main content.
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).text, 'Aller au contenu');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', 'the skip link focuses <main>');
  await page.keyboard.press('Tab');
  const next = await focused(page);
  assert.equal(next.text, 'Retour à l’accueil', 'the next Tab is inside the main content');
  assertFocusIndicator(next);
});

/** What the keyboard focus is on, with the styles that make it visible. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body' };
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      type: el.getAttribute('type') ?? '',
      href: el.getAttribute('href') ?? '',
      text: (el.textContent ?? '').trim(),
      describe: el.outerHTML.slice(0, 120),
      focusVisible: el.matches(':focus-visible'),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth) || 0,
      boxShadow: style.boxShadow,
      inViewport: box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight,
    };
  });
}

function assertFocusIndicator(el) {
  assert.notEqual(el.tag, 'body', 'the focus was lost');
  const outline = el.outlineStyle !== 'none' && el.outlineWidth > 0;
  const shadow = el.boxShadow && el.boxShadow !== 'none';
  assert.ok(
    outline || shadow,
    `no visible focus indicator on ${el.describe} (outline ${el.outlineStyle} ${el.outlineWidth}px, box-shadow ${el.boxShadow})`,
  );
}

async function assertVisibleText(locator, text) {
  await locator.first().waitFor();
  const content = await locator.first().innerText();
  assert.ok(content.includes(text), `expected "${text}" in: ${content}`);
}
