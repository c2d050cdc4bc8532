// Journey around proposals: an administrator configures a collect step with
// a custom form; a participant deposits a proposal through it (first with a
// missing answer), finds it in the step's list, follows it and comments.
import assert from 'node:assert/strict';

import { ADMIN, audit, logIn, useSite } from './lib/harness.mjs';

const site = useSite();

/** A `datetime-local` value `days` from now, at 10:00. */
function inDays(days) {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T10:00`;
}

const PARTICIPANT = { email: 'lea@example.org', name: 'Léa Dupont', password: 'une autre phrase de passe' };
const PROJECT_TITLE = 'Budget participatif 2026';
const STEP_TITLE = 'Dépôt des projets';
const DISTRICTS = ['Centre-ville', 'Quartier Nord'];

const FOR_WHOM = { label: 'Pour qui ?', choices: ['Les enfants', 'Les familles', 'Les aînés'] };
const USES = { label: 'Quels usages ?', choices: ['Jeux', 'Sport', 'Détente', 'Culture'] };
const BENCHES = { label: 'Combien de bancs ?', help: 'Entre 0 et 10.' };
const ACCESSIBLE = { label: 'Accessible en fauteuil roulant ?' };

const PROPOSAL = {
  title: 'Un jardin partagé au square Dupleix',
  summary: 'Des bacs de culture ouverts à tous les voisins.',
  description: 'Installer **six bacs** et un composteur.',
  district: 'Quartier Nord',
  other: 'Les associations du quartier',
  uses: ['Jeux', 'Détente'],
  benches: '4',
  comment: 'Très bonne idée, je veux bien arroser le dimanche.',
};

/** The text of the elements that describe `locator` (its aria-describedby). */
function description(locator) {
  return locator.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent.trim())
      .join(' '),
  );
}

site.journey('e. an administrator configures a custom deposit form, a participant deposits and comments', async ({ visitor, createUser }) => {
  // ---- The administrator: districts, project, collect step, its form. ----
  const admin = await visitor();
  await logIn(admin, ADMIN.email, ADMIN.password);
  await admin.goto('/admin/districts');
  await audit(admin);
  for (const name of DISTRICTS) {
    await admin.locator('main form.narrow').getByLabel('Nom').fill(name);
    await admin.locator('main form.narrow').getByRole('button', { name: 'Ajouter' }).click();
    await admin.locator(`main .terms input[value="${name}"]`).waitFor();
    await audit(admin);
  }

  await admin.goto('/admin/projects/new');
  await audit(admin);
  await admin.getByLabel('Titre').fill(PROJECT_TITLE);
  await admin.getByLabel('Visibilité').selectOption('public');
  await admin.getByRole('button', { name: 'Créer le projet' }).click();
  await admin.waitForURL(/\/admin\/projects\/\d+$/);
  await audit(admin);
  const adminProjectPath = new URL(admin.url()).pathname;

  await admin.getByRole('link', { name: 'Ajouter une étape' }).click();
  await admin.waitForURL(/\/admin\/projects\/\d+\/steps\/new$/);
  await audit(admin);
  await admin.getByLabel('Titre').fill(STEP_TITLE);
  await admin.getByLabel('Type d’étape').selectOption('collect');
  await admin.getByLabel('Début').fill(inDays(-1));
  await admin.getByLabel('Fin', { exact: true }).fill(inDays(20));
  await admin.getByLabel('Publier l’étape').check();
  await admin.getByRole('button', { name: 'Ajouter l’étape' }).click();
  await admin.waitForURL(adminProjectPath);
  await audit(admin);

  await admin.getByRole('link', { name: 'Configurer le dépôt' }).click();
  await admin.waitForURL(/\/admin\/steps\/\d+\/collect$/);
  await audit(admin);
  await admin.getByRole('heading', { level: 1, name: 'Configuration du dépôt' }).waitFor();
  const stepPath = await admin.getByRole('link', { name: 'Voir la page publique' }).getAttribute('href');
  assert.match(stepPath, /^\/projects\/[a-z0-9-]+\/steps\/\d+$/);

  // Rules and standard fields.
  const rules = admin.locator('main form[action$="/collect"]');
  await rules.getByLabel('Préfixe des références').fill('BP-2026');
  const modes = { summary: 'required', description: 'optional', cost: 'off', district: 'required', theme: 'off', image: 'off' };
  for (const [field, mode] of Object.entries(modes)) {
    await rules.locator(`select[name="mode-${field}"]`).selectOption(mode);
  }
  assert.equal(await rules.getByLabel('Utilisation (Quartier)').inputValue(), 'required', 'each mode select has a label');
  await rules.getByRole('button', { name: 'Enregistrer' }).click();
  await admin.waitForURL(/\/collect#settings$/);
  await audit(admin);
  await admin.getByRole('status').getByText('Modifications enregistrées.').waitFor();
  assert.equal(await rules.getByLabel('Préfixe des références').inputValue(), 'BP-2026');
  assert.equal(await rules.locator('select[name="mode-district"]').inputValue(), 'required');

  // Custom questions, through the "add a question" form.
  const addForm = admin.locator('main form[action$="/questions"]');
  const addQuestion = async ({ kind, label, help, required, min, max, choices, allowOther }) => {
    await addForm.getByLabel('Type de question').selectOption(kind);
    await addForm.getByLabel('Intitulé de la question').fill(label);
    if (help) await addForm.getByLabel('Texte d’aide').fill(help);
    if (required) await addForm.getByLabel('Réponse obligatoire').check();
    if (min !== undefined) await addForm.getByLabel('Minimum').fill(String(min));
    if (max !== undefined) await addForm.getByLabel('Maximum').fill(String(max));
    if (choices) await addForm.getByLabel('Choix proposés').fill(choices.join('\n'));
    if (allowOther) await addForm.getByLabel('Permettre la réponse « Autre »').check();
    await addForm.getByRole('button', { name: 'Ajouter' }).click();
  };
  const questionAdded = async (label) => {
    await admin.locator('details.question > summary', { hasText: label }).waitFor();
    await audit(admin);
  };

  // A choice question without choices first: the page with the error must be accessible too.
  await addQuestion({ kind: 'single_choice', label: FOR_WHOM.label, required: true, allowOther: true });
  await admin.locator(".error-summary a[href='#f-q-new-choices']").waitFor();
  await audit(admin);
  assert.equal(await addForm.getByLabel('Choix proposés').getAttribute('aria-invalid'), 'true');
  assert.equal(await addForm.getByLabel('Intitulé de la question').inputValue(), FOR_WHOM.label, 'the label is kept');
  await addForm.getByLabel('Choix proposés').fill(FOR_WHOM.choices.join('\n'));
  // The check boxes are not kept with the errors (the other fields are): tick them again.
  await addForm.getByLabel('Réponse obligatoire').check();
  await addForm.getByLabel('Permettre la réponse « Autre »').check();
  await addForm.getByRole('button', { name: 'Ajouter' }).click();
  await questionAdded(FOR_WHOM.label);

  await addQuestion({ kind: 'multiple_choice', label: USES.label, max: 2, choices: USES.choices });
  await questionAdded(USES.label);
  await addQuestion({ kind: 'number', label: BENCHES.label, help: BENCHES.help, min: 0, max: 10 });
  await questionAdded(BENCHES.label);
  await addQuestion({ kind: 'yes_no', label: ACCESSIBLE.label, required: true });
  await questionAdded(ACCESSIBLE.label);
  assert.deepEqual(
    await admin.locator('details.question > summary').evaluateAll((els) => els.map((e) => e.firstChild.textContent.trim())),
    [FOR_WHOM.label, USES.label, BENCHES.label, ACCESSIBLE.label],
  );

  // ---- The participant: a confirmed account made with the command line. ----
  await createUser(PARTICIPANT);
  const page = await visitor();
  await logIn(page, PARTICIPANT.email, PARTICIPANT.password);
  await page.goto(stepPath);
  await audit(page);
  await page.getByRole('heading', { level: 1, name: STEP_TITLE }).waitFor();
  await page.locator('.proposal-list .count').getByText('Aucune proposition ne correspond.').waitFor();
  await page.getByRole('link', { name: 'Déposer une proposition' }).click();
  await page.waitForURL(`${stepPath}/proposals/new`);
  await audit(page);
  await page.getByRole('heading', { level: 1, name: 'Déposer une proposition' }).waitFor();

  const form = page.locator('main form[enctype="multipart/form-data"]');
  const forWhom = form.getByRole('group', { name: FOR_WHOM.label });
  const uses = form.getByRole('group', { name: USES.label });
  const accessible = form.getByRole('group', { name: ACCESSIBLE.label });
  const forWhomId = await forWhom.getAttribute('id');
  assert.match(forWhomId, /^f-q-\d+$/);
  assert.equal(await form.getByLabel('Coût estimé').count(), 0, 'a field turned off is not shown');
  assert.equal(await description(uses), 'Choisissez entre 0 et 2 réponses.', 'the bounds describe the question');

  // Submitted without the summary nor an answer to "Pour qui ?".
  await form.getByLabel('Titre').fill(PROPOSAL.title);
  await form.getByLabel('Quartier').selectOption({ label: PROPOSAL.district });
  await uses.getByLabel(PROPOSAL.uses[0]).check();
  await accessible.getByLabel('Oui').check();
  await form.getByRole('button', { name: 'Déposer la proposition' }).click();
  await page.locator('.error-summary').waitFor();
  await audit(page);
  const summaryLinks = page.locator('.error-summary a');
  assert.deepEqual(
    await summaryLinks.evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ['#f-summary', `#${forWhomId}`],
  );
  assert.match(await page.locator(`#${forWhomId}-error`).innerText(), /Ce champ est obligatoire\./);
  assert.equal(await form.getByLabel('Titre').inputValue(), PROPOSAL.title, 'the title is kept');
  assert.ok(await uses.getByLabel(PROPOSAL.uses[0]).isChecked(), 'the ticked usage stays ticked');
  assert.ok(await accessible.getByLabel('Oui').isChecked(), 'the yes/no answer is kept');
  assert.equal(
    await form.getByLabel('Quartier').evaluate((s) => s.selectedOptions[0]?.textContent),
    PROPOSAL.district,
    'the district is kept',
  );

  // The summary's link moves the focus to the question, and Tab to its first choice.
  await page.locator(`.error-summary a[href='#${forWhomId}']`).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), forWhomId, 'the link focuses the question');
  assert.match(
    await page.evaluate(() => document.activeElement?.getAttribute('aria-describedby') ?? ''),
    new RegExp(`\\b${forWhomId}-error\\b`),
    'the focused question is described by its error',
  );
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), `${forWhomId}-1`, 'Tab reaches its first choice');
  await page.locator(".error-summary a[href='#f-summary']").click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-summary', 'the link focuses the summary');

  // Filled properly, with the keyboard and the mouse.
  await page.keyboard.type(PROPOSAL.summary);
  await form.getByLabel('Description').fill(PROPOSAL.description);
  await forWhom.getByLabel('Autre', { exact: true }).check();
  await forWhom.getByLabel('Précisez').fill(PROPOSAL.other);
  await uses.getByLabel(PROPOSAL.uses[1]).check();
  await form.getByLabel(BENCHES.label).fill(PROPOSAL.benches);
  await form.getByRole('button', { name: 'Déposer la proposition' }).click();
  await page.waitForURL(/\/proposals\/\d+$/);
  await audit(page);
  const proposalPath = new URL(page.url()).pathname;
  await page.getByRole('status').getByText('Votre proposition est déposée. Merci !').waitFor();
  await page.getByRole('heading', { level: 1, name: PROPOSAL.title }).waitFor();
  assert.equal(await page.locator('.proposal .reference').innerText(), 'BP-2026-0001');
  assert.equal(await page.locator('.proposal .lead').innerText(), PROPOSAL.summary);
  await page.locator('.proposal .richtext strong', { hasText: 'six bacs' }).waitFor();
  const answers = await page.locator('dl.answers').evaluate((dl) =>
    [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent.trim(), dt.nextElementSibling.textContent.trim()]),
  );
  assert.deepEqual(answers, [
    [FOR_WHOM.label, PROPOSAL.other],
    [USES.label, PROPOSAL.uses.join(', ')],
    [BENCHES.label, PROPOSAL.benches],
    [ACCESSIBLE.label, 'Oui'],
  ]);

  // The proposal in the step's list.
  await page.getByRole('navigation', { name: 'Fil d’Ariane' }).getByRole('link', { name: STEP_TITLE }).click();
  await page.waitForURL(stepPath);
  await audit(page);
  assert.equal(await page.locator('.proposal-list .count').innerText(), '1 proposition');
  const listed = page.locator('.proposal-list h3 a');
  assert.deepEqual(await listed.allInnerTexts(), [PROPOSAL.title]);
  assert.equal(await page.locator('.proposal-list .reference').innerText(), 'BP-2026-0001');

  // Followed, then commented.
  await listed.click();
  await page.waitForURL(proposalPath);
  await audit(page);
  await page.getByRole('button', { name: 'Suivre cette proposition' }).click();
  await page.getByRole('button', { name: 'Ne plus suivre' }).waitFor();
  await audit(page);
  await page.locator('#comments-title').getByText('Commentaires').waitFor();
  await page.getByLabel('Votre commentaire').fill(PROPOSAL.comment);
  await page.getByRole('button', { name: 'Publier le commentaire' }).click();
  await page.getByRole('status').getByText('Votre commentaire est publié.').waitFor();
  await audit(page);
  assert.equal(await page.locator('#comments-title').innerText(), '1 commentaire');
  const comment = page.locator('#comments .thread > .comment');
  assert.equal(await comment.count(), 1);
  assert.equal(await comment.locator('.comment-body').innerText(), PROPOSAL.comment);
  await comment.getByText(PARTICIPANT.name).waitFor();
  assert.match(page.url(), /#comment-\d+$/, 'the page opens on the new comment');
});
