// Starts the test identity providers (idp/oidc.mjs, the oidc-provider
// package; idp/saml.mjs, the samlify package) as child processes on free
// loopback ports, for one test file.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const E2E_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Starts `node idp/SCRIPT` with `config`; resolves to the first match of
 * `marker` (a regular expression with one group) in what it prints, with stop(). */
function startNode(script, config, marker) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'participe-idp-'));
  const file = path.join(dir, 'config.json');
  fs.writeFileSync(file, JSON.stringify(config));
  const child = spawn(process.execPath, [path.join(E2E_DIR, 'idp', script), file], {
    cwd: E2E_DIR,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const stop = () => {
    child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the identity provider exited (${code}): ${out}`)));
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(marker);
      if (m) resolve({ address: m[1], stop });
    });
  });
}

/**
 * `clients`: oidc-provider client metadata (client_id, redirect_uris,
 * post_logout_redirect_uris; no client_secret: a public client with PKCE).
 * Resolves to { issuer, stop() }.
 */
export async function startIdp({ clients, acrValues = [] }) {
  const { address, stop } = await startNode('oidc.mjs', { clients, acr_values: acrValues }, /^ISSUER (\S+)$/m);
  return { issuer: address, stop };
}

/**
 * The test SAML identity provider (idp/saml.mjs, the samlify package) for
 * the site at `siteUrl`. Resolves to { metadataUrl, stop() }.
 */
export async function startSamlIdp(siteUrl) {
  const config = { sp_entity_id: `${siteUrl}/saml/metadata`, acs_url: `${siteUrl}/saml/acs` };
  const { address, stop } = await startNode('saml.mjs', config, /^METADATA (\S+)$/m);
  return { metadataUrl: address, stop };
}
