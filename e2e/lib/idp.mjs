// Starts the test OpenID Connect provider (idp/oidc.mjs, the oidc-provider
// package) as a child process on a free loopback port, for one test file.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const E2E_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/**
 * `clients`: oidc-provider client metadata (client_id, redirect_uris,
 * post_logout_redirect_uris; no client_secret: a public client with PKCE).
 * Resolves to { issuer, stop() }.
 */
export function startIdp({ clients, acrValues = [] }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'participe-idp-'));
  const config = path.join(dir, 'config.json');
  fs.writeFileSync(config, JSON.stringify({ clients, acr_values: acrValues }));
  const child = spawn(process.execPath, [path.join(E2E_DIR, 'idp', 'oidc.mjs'), config], {
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
      const m = out.match(/^ISSUER (\S+)$/m);
      if (m) resolve({ issuer: m[1], stop });
    });
  });
}
