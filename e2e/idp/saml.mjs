// A SAML 2.0 identity provider for the tests: the `samlify` package, on a
// loopback port, with a small log-in page of its own.
//
//   node e2e/idp/saml.mjs CONFIG.json
//
// CONFIG: { "port": 0, "sp_entity_id": "...", "acs_url": "...",
// "clock_offset_seconds": 0 }: the one service provider it serves, its
// Assertion Consumer Service (HTTP-POST binding), and how far its answers'
// times are moved (negative: answers issued in the past, for expiry tests). Prints `METADATA <url>` once listening (the URL of the IdP
// metadata, which is also the IdP entity id), and stops when its standard
// input closes (so it never outlives the test that started it).
//
// GET /metadata: the metadata (signing certificate, SingleSignOnService for
// the HTTP-Redirect and HTTP-POST bindings at /sso, NameIDFormat
// emailAddress). GET /sso (HTTP-Redirect) or POST /sso (HTTP-POST): an
// unsigned AuthnRequest from that service provider (any other issuer is
// refused), answered by the log-in page. POST /sso/login: the Response to
// it, posted to the request's AssertionConsumerServiceURL (else acs_url) by
// an auto-submitting form (id `saml-post`). The assertion and the response
// are both signed (enveloped XML-DSig, RSA-SHA256, exclusive c14n) with an
// RSA key and a self-signed certificate made afresh at each start.
//
// Anyone may log in with any identifier: `alice` gets the NameID (format
// emailAddress) alice@idp.test and the attributes (NameFormat basic) email
// alice@idp.test, givenName Alice, sn Testeur, displayName "Alice Testeur",
// groups agents and urbanisme (two values). An identifier containing `@` is
// used as the email. The log-in page is skipped when the /sso URL or form
// carries an extra `login` parameter (tests may append it to the redirect).
import crypto from 'node:crypto';
import fs from 'node:fs';

import { DOMParser } from '@xmldom/xmldom';
import forge from 'node-forge';
import * as samlify from 'samlify';

import { esc, page, readForm, startServer, stopWithStdin } from './common.mjs';

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
// A clock set back (or ahead) for the answers' times: tests of expired answers.
const CLOCK_OFFSET_MS = (config.clock_offset_seconds ?? 0) * 1000;

const PROTOCOL = 'urn:oasis:names:tc:SAML:2.0:protocol';
const EMAIL_FORMAT = 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress';
const BINDING = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-';

function userOf(id) {
  const local = id.split('@')[0];
  const given = local.charAt(0).toUpperCase() + local.slice(1);
  return {
    email: id.includes('@') ? id : `${id}@idp.test`,
    givenName: given,
    sn: 'Testeur',
    displayName: `${given} Testeur`,
    groups: ['agents', 'urbanisme'],
  };
}

/** A fresh RSA 2048 key and a self-signed certificate for it, both PEM. */
function signingKey() {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = privateKey.export({ type: 'pkcs1', format: 'pem' });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }));
  cert.serialNumber = `01${crypto.randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 3600e3);
  cert.validity.notAfter = new Date(Date.now() + 365 * 86400e3);
  const name = [{ name: 'commonName', value: 'Participe test IdP' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.sign(forge.pki.privateKeyFromPem(key), forge.md.sha256.create());
  return { key, cert: forge.pki.certificateToPem(cert) };
}

// samlify parses no message until a schema validator is set. Its official
// validators need Java or a native xmllint; for a test IdP it is enough that
// the message is well-formed XML (xmldom, every error fatal) whose root is a
// SAML protocol AuthnRequest or Response: what samlify then reads is checked
// by samlify and below (the issuer), not by the schema.
samlify.setSchemaValidator({
  validate: async (xml) => {
    const fail = (msg) => {
      throw new Error(`ERR_INVALID_XML: ${msg}`);
    };
    const parser = new DOMParser({ errorHandler: { warning: () => {}, error: fail, fatalError: fail } });
    const root = parser.parseFromString(xml, 'text/xml').documentElement;
    if (root?.namespaceURI !== PROTOCOL || !['AuthnRequest', 'Response'].includes(root.localName)) {
      fail('not a SAML AuthnRequest or Response');
    }
    return 'valid';
  },
});

const hidden = (fields) =>
  Object.entries(fields)
    .filter(([, v]) => v)
    .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
    .join('');

const server = await startServer(config.port ?? 0);
const base = `http://127.0.0.1:${server.address().port}`;
const entityId = `${base}/metadata`;
const { key, cert } = signingKey();
const certBase64 = cert.replace(/-----[^-]+-----|\s/g, '');

const metadata = `<?xml version="1.0" encoding="UTF-8"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${esc(entityId)}">
<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="${PROTOCOL}">
<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${certBase64}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
<md:NameIDFormat>${EMAIL_FORMAT}</md:NameIDFormat>
<md:SingleSignOnService Binding="${BINDING}Redirect" Location="${base}/sso"/>
<md:SingleSignOnService Binding="${BINDING}POST" Location="${base}/sso"/>
</md:IDPSSODescriptor>
</md:EntityDescriptor>
`;

// The Response; samlify signs the Assertion (its Signature goes after its
// Issuer), then the whole Response (after the Response's Issuer). Every
// {Tag} but {Attributes} takes an XML-escaped value.
const RESPONSE_TEMPLATE =
  `<samlp:Response xmlns:samlp="${PROTOCOL}" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="{ID}" Version="2.0" IssueInstant="{Now}" Destination="{Destination}" InResponseTo="{InResponseTo}">` +
  `<saml:Issuer>{Issuer}</saml:Issuer><samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
  `<saml:Assertion xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ID="{AssertionID}" Version="2.0" IssueInstant="{Now}">` +
  `<saml:Issuer>{Issuer}</saml:Issuer>` +
  `<saml:Subject><saml:NameID Format="${EMAIL_FORMAT}">{NameID}</saml:NameID>` +
  `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="{NotOnOrAfter}" Recipient="{Destination}" InResponseTo="{InResponseTo}"/></saml:SubjectConfirmation></saml:Subject>` +
  `<saml:Conditions NotBefore="{NotBefore}" NotOnOrAfter="{NotOnOrAfter}"><saml:AudienceRestriction><saml:Audience>{Audience}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
  `<saml:AuthnStatement AuthnInstant="{Now}" SessionIndex="{SessionIndex}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
  `<saml:AttributeStatement>{Attributes}</saml:AttributeStatement></saml:Assertion></samlp:Response>`;

const attribute = (name, values) =>
  `<saml:Attribute Name="${esc(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic">${[values]
    .flat()
    .map((v) => `<saml:AttributeValue xsi:type="xs:string">${esc(v)}</saml:AttributeValue>`)
    .join('')}</saml:Attribute>`;

const idp = samlify.IdentityProvider({
  metadata,
  privateKey: key,
  loginResponseTemplate: { context: RESPONSE_TEMPLATE, attributes: [] },
});
// The service provider, from CONFIG rather than its metadata. samlify signs
// the assertion because of wantAssertionsSigned, then the whole Response
// because of wantMessageSigned: both signed, which most SPs accept.
const sp = samlify.ServiceProvider({
  entityID: config.sp_entity_id,
  assertionConsumerService: [{ Binding: `${BINDING}POST`, Location: config.acs_url }],
  wantAssertionsSigned: true,
  wantMessageSigned: true,
});

/** The AuthnRequest carried by `fields` in `binding` ('redirect' or 'post'). */
async function parseRequest(binding, fields) {
  const request = binding === 'redirect' ? { query: fields } : { body: fields };
  const { samlContent, extract } = await idp.parseLoginRequest(sp, binding, request);
  if (!extract.request?.id) throw new Error('Demande d’authentification sans identifiant (ID).');
  if (extract.issuer !== config.sp_entity_id) {
    throw new Error(`Fournisseur de service inconnu : ${extract.issuer ?? '(aucun)'}`);
  }
  return {
    id: extract.request.id,
    acs: extract.request.assertionConsumerServiceUrl || config.acs_url,
    // Re-encoded for the HTTP-POST binding, as the log-in form carries it.
    encoded: Buffer.from(samlContent).toString('base64'),
  };
}

/** The signed Response to `request` for `login`, base64. */
async function responseFor(request, login) {
  const user = userOf(login);
  const time = (ms) => new Date(Date.now() + CLOCK_OFFSET_MS + ms).toISOString().replace(/\.\d+Z$/, 'Z');
  const values = {
    ID: `_${crypto.randomUUID()}`,
    AssertionID: `_${crypto.randomUUID()}`,
    SessionIndex: `_${crypto.randomUUID()}`,
    Now: time(0),
    NotBefore: time(-60e3),
    NotOnOrAfter: time(5 * 60e3),
    Destination: request.acs,
    InResponseTo: request.id,
    Issuer: entityId,
    Audience: config.sp_entity_id,
    NameID: user.email,
  };
  const attributes = ['email', 'displayName', 'givenName', 'sn', 'groups'].map((n) => attribute(n, user[n]));
  const context = (template) => ({
    id: values.ID,
    context: template.replace(/\{(\w+)\}/g, (_, tag) => (tag === 'Attributes' ? attributes.join('') : esc(values[tag]))),
  });
  const { context: samlResponse } = await idp.createLoginResponse(sp, {}, 'post', user, context);
  return samlResponse;
}


/** The page that posts the Response to the service provider. */
async function postResponse(res, request, login, relayState) {
  const samlResponse = await responseFor(request, login);
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.end(
    page(
      'Retour au service',
      `<form id="saml-post" method="post" action="${esc(request.acs)}">
${hidden({ SAMLResponse: samlResponse, RelayState: relayState })}
<p>Vous êtes connecté. Continuez vers le service si la page ne change pas d’elle-même.</p>
<button type="submit">Continuer</button></form>
<script>document.getElementById('saml-post').submit()</script>`,
    ),
  );
}

server.on('request', async (req, res) => {
  try {
    const url = new URL(req.url, base);
    if (url.pathname === '/metadata' && req.method === 'GET') {
      res.setHeader('content-type', 'application/samlmetadata+xml');
      return res.end(metadata);
    }
    if (url.pathname === '/sso' && (req.method === 'GET' || req.method === 'POST')) {
      const redirect = req.method === 'GET';
      const fields = redirect ? Object.fromEntries(url.searchParams) : Object.fromEntries(await readForm(req));
      const request = await parseRequest(redirect ? 'redirect' : 'post', fields);
      const login = fields.login?.trim();
      if (login) return await postResponse(res, request, login, fields.RelayState);
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return res.end(
        page(
          'Fournisseur d’identité SAML de test',
          `<form method="post" action="/sso/login">
${hidden({ SAMLRequest: request.encoded, RelayState: fields.RelayState })}
<label for="login">Identifiant</label><input id="login" name="login" autocomplete="username" required>
<button type="submit">Se connecter</button></form>`,
        ),
      );
    }
    if (url.pathname === '/sso/login' && req.method === 'POST') {
      const form = Object.fromEntries(await readForm(req));
      const login = form.login?.trim();
      if (!login) throw new Error('Identifiant manquant.');
      const request = await parseRequest('post', form);
      return await postResponse(res, request, login, form.RelayState);
    }
    res.statusCode = 404;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(page('Page introuvable', `<p>${esc(url.pathname)} n’existe pas ici.</p>`));
  } catch (e) {
    res.statusCode = 400;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(page('Erreur', `<p>${esc(e.message)}</p>`));
  }
});

stopWithStdin();
console.log(`METADATA ${entityId}`);
