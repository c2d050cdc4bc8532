// An OpenID Connect provider for the tests: the certified `oidc-provider`
// package, on a loopback port, with a small log-in page of its own.
//
//   node e2e/idp/oidc.mjs CONFIG.json
//
// CONFIG: { "port": 0, "clients": [{ "client_id", "client_secret"?,
// "redirect_uris": [...], "post_logout_redirect_uris": [...] }],
// "acr_values": ["eidas1"]? }. A missing secret makes a public client
// (PKCE only). Prints `ISSUER <url>` once listening, and stops when its
// standard input closes (so it never outlives the test that started it).
//
// Anyone may log in with any identifier: `alice` becomes the account
// `alice`, email alice@idp.test (verified, except for identifiers starting
// with `unverified`), given name Alice, family name Testeur, born
// 1990-05-17. An identifier containing `@` is used as the email. The log-in
// page is skipped when the authorisation request carries `login_hint`;
// consent is always granted.
import crypto from 'node:crypto';
import fs from 'node:fs';

import Provider from 'oidc-provider';

import { esc, page, readForm, startServer, stopWithStdin } from './common.mjs';

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));

function claimsOf(id) {
  const local = id.split('@')[0];
  const given = local.charAt(0).toUpperCase() + local.slice(1);
  return {
    sub: id,
    email: id.includes('@') ? id : `${id}@idp.test`,
    email_verified: !id.startsWith('unverified'),
    given_name: given,
    family_name: 'Testeur',
    name: `${given} Testeur`,
    preferred_username: local,
    birthdate: '1990-05-17',
  };
}

const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: crypto.randomUUID(), use: 'sig', alg: 'RS256' };

const server = await startServer(config.port ?? 0);
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: config.clients.map((c) => ({
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: c.client_secret ? 'client_secret_basic' : 'none',
    ...c,
  })),
  jwks: { keys: [jwk] },
  cookies: { keys: [crypto.randomBytes(32).toString('hex')] },
  pkce: { required: () => true },
  acrValues: config.acr_values ?? [],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name', 'given_name', 'family_name', 'preferred_username', 'birthdate'],
    given_name: ['given_name'],
    family_name: ['family_name'],
    birthdate: ['birthdate'],
  },
  scopes: ['openid', 'email', 'profile', 'given_name', 'family_name', 'birthdate'],
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: async (ctx, form) => {
        ctx.body = page(
          'Se déconnecter du fournisseur',
          `${form}<p>Voulez-vous aussi vous déconnecter du fournisseur d'identité ?</p>
<button type="submit" form="op.logoutForm" name="logout" value="yes">Oui, me déconnecter</button>`,
        );
      },
      postLogoutSuccessSource: async (ctx) => {
        ctx.body = page('Déconnecté', '<p>Vous êtes déconnecté du fournisseur d’identité.</p>');
      },
    },
  },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  findAccount: async (ctx, id) => ({ accountId: id, claims: async () => claimsOf(id) }),
  renderError: async (ctx, out) => {
    ctx.type = 'html';
    ctx.body = page('Erreur', `<p>${esc(out.error)}: ${esc(out.error_description ?? '')}</p>`);
  },
});
provider.proxy = false;

/** Finishes an interaction: log in as `accountId`, consent to everything asked. */
async function finish(req, res, details, accountId) {
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId, clientId: details.params.client_id });
  grant.addOIDCScope(String(details.params.scope ?? 'openid'));
  const grantId = await grant.save();
  const result = { login: { accountId }, consent: { grantId } };
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
}

const callback = provider.callback();
server.on('request', async (req, res) => {
  try {
    const m = req.url.match(/^\/interaction\/([^/?]+)(\/login)?/);
    if (!m) return callback(req, res);
    const details = await provider.interactionDetails(req, res);
    const hinted = details.params.login_hint;
    const current = details.session?.accountId;
    if (m[2] && req.method === 'POST') {
      const login = (await readForm(req)).get('login')?.trim();
      if (login) return await finish(req, res, details, login);
    } else if (hinted || (details.prompt.name === 'consent' && current)) {
      return await finish(req, res, details, hinted || current);
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(
      page(
        'Fournisseur d’identité de test',
        `<form method="post" action="/interaction/${esc(details.uid)}/login">
<label for="login">Identifiant</label><input id="login" name="login" autocomplete="username" required>
<button type="submit">Se connecter</button></form>`,
      ),
    );
  } catch (e) {
    res.statusCode = 400;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(page('Erreur', `<p>${esc(e.message)}</p>`));
  }
});

stopWithStdin();
console.log(`ISSUER ${issuer}`);
