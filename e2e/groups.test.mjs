// Groups: an administrator makes a group, adds a resident by email, invites
// another by email and restricts a project to the group; the invited person
// opens the emailed link, signs up with the address filled in, and both see
// the project while someone outside the group does not.
import assert from 'node:assert/strict';

import { ADMIN, audit, logIn, shoot, useSite } from './lib/harness.mjs';

const site = useSite();

site.journey('w. a project restricted to a group, and an invitation to join it', async ({ visitor, createUser }) => {
  const member = { email: 'lea@example.org', name: 'Léa Roux', password: 'une phrase pour le conseil' };
  const outsider = { email: 'marc@example.org', name: 'Marc Blanc', password: 'une phrase hors du groupe' };
  await createUser(member);
  await createUser(outsider);
  const admin = await visitor();
  await logIn(admin, ADMIN.email, ADMIN.password);

  // The group, from the back office's menu.
  await admin.goto('/admin');
  await audit(admin);
  await admin.getByRole('navigation', { name: 'Menu d’administration' }).getByRole('link', { name: 'Groupes' }).click();
  await admin.waitForURL('/admin/groups');
  await audit(admin);
  await admin.getByLabel('Nom du groupe').fill('Conseil citoyen');
  await admin.getByLabel('Description').fill('Les habitants tirés au sort pour 2027.');
  await admin.getByRole('button', { name: 'Créer le groupe' }).click();
  await admin.waitForURL(/\/admin\/groups\/\d+$/);
  await audit(admin);

  // A resident by their account's email (an unknown one first), another by invitation.
  await admin.locator('#f-member-email').fill('personne@example.org');
  await admin.getByRole('button', { name: 'Ajouter au groupe' }).click();
  await admin.locator('#f-member-email-error').waitFor();
  await audit(admin);
  await admin.locator('#f-member-email').fill(member.email);
  await admin.getByRole('button', { name: 'Ajouter au groupe' }).click();
  await admin.getByText('Personne ajoutée au groupe.').waitFor();
  await audit(admin);
  await admin.locator('#f-invite-email').fill('nina@example.org');
  await admin.getByRole('button', { name: 'Envoyer les invitations' }).click();
  await admin.getByText('Invitations envoyées.').waitFor();
  await audit(admin);
  assert.match(await admin.locator('#group-figures').innerText(), /Un membre/);
  assert.match(await admin.locator('main').innerText(), /nina@example\.org — valable jusqu’au/);
  await shoot(admin, 'admin-group');

  // A project shown to the group only.
  await admin.goto('/admin/projects/new');
  await audit(admin);
  await admin.getByLabel('Titre').fill('Budget du conseil citoyen');
  await admin.getByLabel('Visibilité').selectOption('restricted');
  await admin.getByRole('group', { name: 'Réservé aux groupes' }).getByLabel('Conseil citoyen').check();
  await admin.getByRole('button', { name: 'Créer le projet' }).click();
  await admin.waitForURL(/\/admin\/projects\/\d+$/);
  await audit(admin);
  assert.ok(await admin.getByRole('group', { name: 'Réservé aux groupes' }).getByLabel('Conseil citoyen').isChecked());

  // Every change is in the administration log, with who and from where.
  await admin.getByRole('navigation', { name: 'Menu d’administration' }).getByRole('link', { name: 'Journal d’administration' }).click();
  await admin.waitForURL('/admin/log');
  await audit(admin);
  assert.match(await admin.locator('main table').innerText(), /POST \/admin\/groups\/\d+\/invitations/);
  await shoot(admin, 'admin-log');

  // The invitation, as the email gives it.
  await admin.goto('/admin/emails');
  await audit(admin);
  await admin.getByRole('row', { name: /nina@example\.org/ }).getByRole('link', { name: /Invitation à rejoindre/ }).click();
  await admin.waitForURL(/\/admin\/emails\/\d+$/);
  await audit(admin);
  const link = await admin.locator('main ul a[href*="/invitations/"]').getAttribute('href');

  const nina = await visitor();
  await nina.goto(link);
  await audit(nina);
  assert.match(await nina.locator('main').innerText(), /rejoindre le groupe « Conseil citoyen »/);
  await shoot(nina, 'invitation');
  await nina.getByRole('link', { name: 'Créer mon compte' }).click();
  await nina.waitForURL(/\/signup\?invitation=/);
  await audit(nina);
  assert.equal(await nina.getByLabel('Adresse e-mail').inputValue(), 'nina@example.org');
  await nina.getByLabel('Nom affiché').fill('Nina Perrin');
  await nina.getByLabel('Mot de passe').fill('une phrase pour rejoindre');
  await nina.getByLabel(/J’accepte les conditions/).check();
  await nina.getByRole('button', { name: 'Créer mon compte' }).click();
  await nina.getByText(/vous faites partie du groupe « Conseil citoyen »/).waitFor();
  await audit(nina);
  await nina.getByRole('link', { name: 'Se connecter' }).first().click();
  await nina.waitForURL(/\/login/);
  await audit(nina);
  await logIn(nina, 'nina@example.org', 'une phrase pour rejoindre');
  await nina.goto('/');
  await audit(nina);
  await nina.getByRole('link', { name: /Budget du conseil citoyen/ }).first().waitFor();

  // The member sees the project; someone outside the group does not.
  const lea = await visitor();
  await logIn(lea, member.email, member.password);
  await lea.goto('/');
  await audit(lea);
  await lea.getByRole('link', { name: /Budget du conseil citoyen/ }).first().click();
  await lea.waitForURL(/\/projects\/budget-du-conseil-citoyen$/);
  await audit(lea);
  const marc = await visitor();
  await logIn(marc, outsider.email, outsider.password);
  await marc.goto('/');
  await audit(marc);
  assert.equal(await marc.getByText('Budget du conseil citoyen').count(), 0);
  const res = await marc.goto('/projects/budget-du-conseil-citoyen');
  assert.equal(res.status(), 404);
  await audit(marc);
});
