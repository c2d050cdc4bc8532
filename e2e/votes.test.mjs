// Journeys around vote steps, on the demo content (served with --demo): a
// participant meets the vote's requirements, casts a ballot (first with too
// many choices), gets a receipt and changes the vote; the live counter
// follows a new ballot without reloading; a visitor reads the published
// results of the 2024 budget and its winners.
import assert from 'node:assert/strict';

import { audit, logIn, useSite } from './lib/harness.mjs';

const site = useSite({ demo: true });

const BUDGET_2026 = { slug: 'budget-participatif-2026', title: 'Budget participatif 2026' };
const BUDGET_2024 = { slug: 'budget-participatif-2024', title: 'Budget participatif 2024' };
const BIRTH_DATE = '1990-06-15';
const MAX_CHOICES = 3;

/** What the keyboard focus is on, with the styles that make it visible. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body' };
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      name: el.getAttribute('name') ?? '',
      type: el.getAttribute('type') ?? '',
      text: (el.textContent ?? '').trim(),
      describe: el.outerHTML.slice(0, 120),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth) || 0,
      boxShadow: style.boxShadow,
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

/** From the 2026 project page to its vote step's page, then to the ballot with "Voter". Returns the step id. */
async function openVote2026(page) {
  await page.goto(`/projects/${BUDGET_2026.slug}`);
  await audit(page);
  await page.getByRole('heading', { level: 1, name: BUDGET_2026.title }).waitFor();
  await page.locator('ol.timeline').getByRole('link', { name: 'Vote', exact: true }).click();
  await page.waitForURL(new RegExp(`/projects/${BUDGET_2026.slug}/steps/\\d+$`));
  await audit(page);
  await page.getByRole('heading', { level: 1, name: 'Vote' }).waitFor();
  await page.locator('main article').getByRole('link', { name: 'Voter', exact: true }).click();
  await page.waitForURL(/\/votes\/\d+$/);
  await audit(page);
  await page.getByRole('heading', { level: 1, name: 'Voter — Vote' }).waitFor();
  return Number(new URL(page.url()).pathname.split('/').pop());
}

/** Fills the requirements asked before the ballot (date of birth, rules) and waits for the ballot. */
async function meetRequirements(page, stepId) {
  const form = page.locator(`main form[action="/votes/${stepId}/requirements"]`);
  await form.getByLabel('Date de naissance').fill(BIRTH_DATE);
  await form.getByLabel('J\'ai lu et j\'accepte le règlement du vote').check();
  await form.getByRole('button', { name: 'Continuer' }).click();
  await page.waitForURL(`/votes/${stepId}`);
  await audit(page);
  await page.getByRole('status').getByText('Modifications enregistrées.').waitFor();
  await page.locator('fieldset#f-ballot').waitFor();
}

site.journey('f. a participant meets the requirements, votes (first for too many), gets a receipt and changes the vote', async ({ visitor, createUser }) => {
  const participant = { email: 'noe@example.org', name: 'Noé Bernard', password: 'ma phrase de passe pour voter' };
  await createUser(participant);
  const page = await visitor();
  await logIn(page, participant.email, participant.password);

  const stepId = await openVote2026(page);
  const votePath = `/votes/${stepId}`;

  // The requirements come first: who may vote, then a form for what is missing.
  const who = page.getByRole('region', { name: 'Qui peut voter' });
  await who.getByText('avoir au moins 16 ans').waitFor();
  await who.getByText('accepter le règlement du vote').waitFor();
  const before = page.getByRole('region', { name: 'Avant de voter' });
  assert.deepEqual(await before.locator('ul.missing li').allInnerTexts(), [
    'Indiquez votre date de naissance.',
    'Acceptez le règlement du vote.',
  ]);
  assert.equal(await page.locator('fieldset#f-ballot').count(), 0, 'no ballot before the requirements are met');
  assert.equal(await page.locator('input[name="choice"]').count(), 0);

  // Submitted with nothing: the error summary, whose links move the focus to the fields.
  await before.getByRole('button', { name: 'Continuer' }).click();
  await page.locator('.error-summary').waitFor();
  await audit(page);
  assert.equal(await page.locator('.error-summary').getAttribute('role'), 'alert');
  assert.deepEqual(
    await page.locator('.error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ['#f-birth_date', '#f-accept_rules'],
  );
  assert.match(await page.locator('.error-summary a[href="#f-accept_rules"]').innerText(), /Acceptez le règlement pour voter\./);
  assert.equal(await page.getByLabel('Date de naissance').getAttribute('aria-invalid'), 'true');
  await page.locator('.error-summary a[href="#f-accept_rules"]').click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-accept_rules', 'the link focuses the rules box');
  assert.match(await description(page.locator('#f-accept_rules')), /Acceptez le règlement pour voter\./, 'the box is described by its error');
  await page.locator('.error-summary a[href="#f-birth_date"]').click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-birth_date', 'the link focuses the date of birth');

  // Filled: the same page now shows the ballot.
  await meetRequirements(page, stepId);
  assert.equal(await page.getByRole('region', { name: 'Avant de voter' }).count(), 0, 'nothing is missing any more');
  const ballot = page.locator('main form.ballot');
  const fieldset = ballot.locator('fieldset#f-ballot');
  assert.equal(await fieldset.locator('legend').innerText(), `Choisissez jusqu'à ${MAX_CHOICES} propositions.`);
  const boxes = fieldset.locator('input[type="checkbox"][name="choice"]');
  const count = await boxes.count();
  assert.ok(count > MAX_CHOICES + 1, `the ballot lists enough proposals (${count})`);
  const candidates = await boxes.evaluateAll((els) =>
    els.map((el) => ({ id: el.id, value: el.value, title: el.labels[0].textContent.trim(), checked: el.checked })),
  );
  assert.ok(candidates.every((c) => !c.checked && c.title), 'an unticked box with a label for each proposal');

  // Four proposals: one too many, the error is next to the ballot.
  for (const c of candidates.slice(0, MAX_CHOICES + 1)) await fieldset.getByLabel(c.title, { exact: true }).check();
  await ballot.getByRole('button', { name: 'Voter', exact: true }).click();
  await page.locator('#f-ballot-error').waitFor();
  await audit(page);
  assert.equal(new URL(page.url()).pathname, votePath, 'still on the ballot');
  assert.match(await page.locator('#f-ballot-error').innerText(), /Vous avez choisi trop de propositions\./);
  assert.equal(
    await page.locator('#f-ballot-error').evaluate((p) => p.closest('fieldset')?.id),
    'f-ballot',
    'the error is inside the ballot fieldset',
  );
  assert.match(await description(fieldset), /Vous avez choisi trop de propositions\./, 'the fieldset is described by its error');
  assert.deepEqual(
    await page.locator('.error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))),
    ['#f-ballot'],
  );
  assert.equal(await boxes.evaluateAll((els) => els.filter((e) => e.checked).length), MAX_CHOICES + 1, 'the ticks are kept');
  for (const c of candidates.slice(0, MAX_CHOICES + 1)) await fieldset.getByLabel(c.title, { exact: true }).uncheck();

  // Two proposals, with the keyboard: the summary's link focuses the ballot,
  // Tab reaches its boxes (past each proposal's link), Space ticks them.
  await page.locator('.error-summary a[href="#f-ballot"]').click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-ballot', 'the link focuses the ballot');
  const path = [];
  for (const wanted of candidates.slice(0, 2)) {
    let el;
    for (let presses = 0; presses < 4; presses++) {
      await page.keyboard.press('Tab');
      el = await focused(page);
      path.push(el.id || el.text);
      if (el.name === 'choice') break;
    }
    assert.equal(el.id, wanted.id, `Tab reaches the box of "${wanted.title}" (focus: ${path.join(' → ')})`);
    assertFocusIndicator(el);
    await page.keyboard.press('Space');
    assert.ok(await page.locator(`#${wanted.id}`).isChecked(), `Space ticks "${wanted.title}"`);
  }
  assert.deepEqual(path, [candidates[0].id, 'Voir la proposition : ' + candidates[0].title, candidates[1].id]);
  const chosen = candidates.slice(0, 2);
  await ballot.getByRole('button', { name: 'Voter', exact: true }).click();

  // The receipt, with the ballot's code.
  await page.waitForURL(`${votePath}/receipt`);
  await audit(page);
  await page.getByRole('heading', { level: 1, name: 'Reçu de vote' }).waitFor();
  await page.getByRole('status').getByText('Votre vote est enregistré.').waitFor();
  const code = (await page.locator('code.ballot-code').innerText()).trim();
  assert.ok(code.length >= 6, `a ballot code: "${code}"`);
  // Each choice reads "title — cost €".
  const receiptTitles = async () =>
    (await page.locator('section.receipt ol li').allInnerTexts()).map((t) => t.replace(/ — [\d\s\u202f]+ €$/, '')).sort();
  assert.deepEqual(await receiptTitles(), chosen.map((c) => c.title).sort());
  await page.getByText('Ce bulletin compte dans les résultats.').waitFor();

  // Back to the ballot: the choices are there; the vote is changed.
  await page.getByRole('link', { name: 'Modifier mon vote' }).click();
  await page.waitForURL(votePath);
  await audit(page);
  await page.getByRole('status').getByText(/Votre vote est enregistré \(/).waitFor();
  assert.deepEqual(
    await boxes.evaluateAll((els) => els.filter((e) => e.checked).map((e) => e.id)),
    chosen.map((c) => c.id),
    'the ballot shows the current choices',
  );
  await fieldset.getByLabel(chosen[1].title, { exact: true }).uncheck();
  await fieldset.getByLabel(candidates[2].title, { exact: true }).check();
  await ballot.getByRole('button', { name: 'Modifier mon vote' }).click();
  await page.waitForURL(`${votePath}/receipt`);
  await audit(page);
  await page.getByRole('status').getByText('Votre vote est enregistré.').waitFor();
  assert.equal((await page.locator('code.ballot-code').innerText()).trim(), code, 'the ballot code is unchanged');
  assert.equal(await page.locator('section.receipt').count(), 1, 'still one ballot');
  assert.deepEqual(await receiptTitles(), [chosen[0].title, candidates[2].title].sort());
});

site.journey('g. the live counter follows a new ballot without reloading', async ({ visitor, createUser }) => {
  const screen = await visitor();
  await screen.goto(`/projects/${BUDGET_2026.slug}/live`);
  await audit(screen);
  await screen.getByRole('heading', { level: 1, name: BUDGET_2026.title }).waitFor();
  const counter = screen.locator('output#live-voters');
  assert.equal(await counter.getAttribute('aria-live'), 'polite');
  const read = async () => Number((await counter.innerText()).replace(/\D/g, ''));
  const start = await read();
  assert.ok(start > 0, `the demo already has voters (${start})`);
  // Marks this document: a reload would lose the mark.
  await screen.evaluate(() => (window.__sameDocument = true));

  // Another participant votes in another browser.
  const voter = { email: 'ines@example.org', name: 'Inès Garnier', password: 'encore une phrase de passe' };
  await createUser(voter);
  const page = await visitor();
  await logIn(page, voter.email, voter.password);
  const stepId = await openVote2026(page);
  await meetRequirements(page, stepId);
  const ballot = page.locator('main form.ballot');
  await ballot.locator('input[name="choice"]').first().check();
  await ballot.getByRole('button', { name: 'Voter', exact: true }).click();
  await page.waitForURL(`/votes/${stepId}/receipt`);
  await audit(page);
  await page.locator('code.ballot-code').waitFor();

  // The first page's figure goes up by one, by server-sent events.
  const deadline = Date.now() + 5_000;
  let now = await read();
  while (now !== start + 1 && Date.now() < deadline) {
    await screen.waitForTimeout(100);
    now = await read();
  }
  assert.equal(now, start + 1, `the counter shows ${start + 1} within 5 s (it shows ${now})`);
  assert.equal(await screen.evaluate(() => window.__sameDocument), true, 'the page was not reloaded');
  await audit(screen);
});

site.journey('h. a visitor reads the published results of the 2024 budget and its winners', async ({ visitor }) => {
  const page = await visitor();
  await page.goto(`/projects/${BUDGET_2024.slug}`);
  await audit(page);
  await page.getByRole('heading', { level: 1, name: BUDGET_2024.title }).waitFor();
  await page.locator('ol.timeline').getByRole('link', { name: 'Vote', exact: true }).click();
  await page.waitForURL(new RegExp(`/projects/${BUDGET_2024.slug}/steps/\\d+$`));
  await audit(page);
  const stepId = Number(new URL(page.url()).pathname.split('/').pop());
  await page.locator('main article').getByText('Terminée', { exact: true }).waitFor();
  await page.locator('main article').getByRole('link', { name: 'Résultats', exact: true }).click();
  await page.waitForURL(`/votes/${stepId}/results`);
  await audit(page);
  await page.getByRole('heading', { level: 1, name: 'Résultats — Vote' }).waitFor();

  // The winners, and the same ones marked in the table.
  const winners = page.getByRole('region', { name: 'Projets lauréats' });
  const winnerTitles = await winners.locator('ol.winners > li > a').allInnerTexts();
  assert.ok(winnerTitles.length > 0, 'at least one winner');
  assert.match(await winners.innerText(), /Budget utilisé : \d+[\u202f\d]* € sur 400\u202f000 €\./);

  const table = page.getByRole('table', { name: 'Voix par proposition' });
  assert.equal((await table.locator('caption').innerText()).trim(), 'Voix par proposition');
  assert.deepEqual(await table.locator('thead th').allInnerTexts(), [
    'Rang', 'Proposition', 'Quartier', 'Coût estimé (en euros)', 'En ligne', 'Papier', 'Total', 'Lauréat',
  ]);
  assert.ok(
    await table.locator('thead th').evaluateAll((ths) => ths.every((th) => th.getAttribute('scope') === 'col')),
    'the column headers have scope=col',
  );
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      header: tr.querySelector('th')?.getAttribute('scope'),
      title: tr.querySelector('th')?.textContent.trim(),
      cells: [...tr.children].map((c) => c.textContent.trim()),
    })),
  );
  assert.ok(rows.length >= winnerTitles.length, 'a row per proposal');
  assert.ok(rows.every((r) => r.header === 'row'), 'each row has a row header');
  for (const r of rows) {
    assert.equal(Number(r.cells[6]), Number(r.cells[4]) + Number(r.cells[5]), `total = online + paper for "${r.title}"`);
  }
  assert.deepEqual(
    rows.filter((r) => r.cells[7] === 'Oui').map((r) => r.title).sort(),
    [...winnerTitles].sort(),
    'the table marks the same winners',
  );

  // The chart: an image with a title, named by it.
  const svg = page.locator('figure.chart svg');
  assert.equal(await svg.getAttribute('role'), 'img');
  const svgTitle = (await svg.locator('title').textContent()).trim();
  assert.equal(svgTitle, 'Voix par proposition, en ligne et sur papier');
  await page.getByRole('img', { name: svgTitle }).waitFor();
  assert.equal(await svg.locator('g').count(), rows.length, 'a bar per proposition');

  // The ballots as a .pb file.
  const download = page.getByRole('link', { name: 'Télécharger tous les bulletins au format pabulib (.pb)' });
  assert.equal(await download.getAttribute('href'), `/votes/${stepId}/export.pb`);
  assert.notEqual(await download.getAttribute('download'), null, 'the link is a download');
  const pb = await page.request.get(`/votes/${stepId}/export.pb`);
  assert.equal(pb.status(), 200);
  const pbText = await pb.text();
  assert.match(pbText, /^META\b/m, 'a pabulib file');
  assert.match(pbText, /^VOTES\b/m);

  // The winners and their follow-up, from the project page.
  await page.getByRole('navigation', { name: 'Fil d’Ariane' }).getByRole('link', { name: BUDGET_2024.title }).click();
  await page.waitForURL(`/projects/${BUDGET_2024.slug}`);
  await audit(page);
  const winnersLink = page.getByRole('link', { name: 'Voir les projets lauréats et leur avancement' });
  if ((await winnersLink.count()) === 0) return;
  await winnersLink.click();
  await page.waitForURL(`/projects/${BUDGET_2024.slug}/winners`);
  await audit(page);
  await page.getByRole('heading', { level: 1, name: 'Projets lauréats et leur réalisation' }).waitFor();
  const followed = await page.locator('main table.winners tbody th[scope="row"] a').evaluateAll((as) =>
    as.map((a) => [...a.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim()),
  );
  assert.deepEqual(followed.sort(), [...winnerTitles].sort(), 'the winners page lists the same winners');
  for (const bar of await page.locator('main table.winners progress').all()) {
    assert.match(await bar.getAttribute('aria-label'), /^Avancement de « .+ »$/);
  }
});
