// Starts a throw-away Participe server for one test file: a fresh temporary
// working directory (so a fresh SQLite database and uploads folder), a free
// loopback port, an administrator account made with the command line.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const E2E_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export const ADMIN = Object.freeze({
  email: 'admin@example.org',
  name: 'Admin',
  password: 'admin-password-e2e',
});

/** Path of the `participe` binary: $PARTICIPE_BIN, else ../target/debug/participe. */
export function participeBin() {
  const bin = process.env.PARTICIPE_BIN
    ? path.resolve(process.cwd(), process.env.PARTICIPE_BIN)
    : path.resolve(E2E_DIR, '..', 'target', 'debug', 'participe');
  if (!fs.existsSync(bin)) {
    throw new Error(
      `The participe binary is missing at ${bin}.\n` +
        'Build it first, from the repository root: cargo build --bin participe\n' +
        '(or point PARTICIPE_BIN at an existing binary).',
    );
  }
  return bin;
}

/** A port that was free a moment ago on 127.0.0.1 (the kernel picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The environment for the child: ours, minus any PARTICIPE_* setting of the developer's. */
function childEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('PARTICIPE_')) delete env[key];
  return env;
}

/** Runs `participe ARGS` to completion, feeding `input` on standard input. */
function run(bin, args, { cwd, input }) {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd, env: childEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`participe ${args.join(' ')} exited with ${code}:\n${output}`)),
    );
    child.stdin.end(input ?? '');
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A signal ends this process through process.exit, so the 'exit' hooks below run.
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.once(signal, () => process.exit(code));
}

/**
 * Starts `participe serve` and resolves once GET /healthz answers 200.
 * `demo: true` serves with `--demo`: the demo content is loaded before the
 * server listens (so it gets more time to answer).
 * Returns { url, dir, logPath, log(), createUser({ email, name, password, role }), stop() }.
 */
export async function startServer({ demo = false, timeoutMs = demo ? 90_000 : 20_000 } = {}) {
  const bin = participeBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'participe-e2e-'));
  const databaseUrl = `sqlite://${path.join(dir, 'participe.db')}`;

  const removeDir = () => process.env.E2E_KEEP_TMP || fs.rmSync(dir, { recursive: true, force: true });

  /** A confirmed account made with `participe users create` (password on standard input). */
  const createUser = ({ email, name, password, role = 'participant' }) =>
    run(bin, ['users', 'create', '--database-url', databaseUrl, '--email', email, '--name', name, '--role', role], {
      cwd: dir,
      input: `${password}\n`,
    });

  // The administrator, created before serving.
  await createUser({ ...ADMIN, role: 'administrator' }).catch((e) => {
    removeDir();
    throw e;
  });

  // The port found free may be taken again before the server binds it: try a few.
  let lastError;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const logPath = path.join(dir, `server-${port}.log`);
    const log = fs.openSync(logPath, 'w');
    const child = spawn(
      bin,
      [
        'serve', '--database-url', databaseUrl, '--bind', `127.0.0.1:${port}`, '--public-url', url, '--data-dir', dir,
        ...(demo ? ['--demo'] : []),
      ],
      { cwd: dir, env: childEnv(), stdio: ['ignore', log, log] },
    );
    fs.closeSync(log);
    let exited = null;
    // Never leave a server behind, even when this process dies early
    // (an uncaught error, a closed pipe, Ctrl-C).
    const killOnExit = () => {
      if (!exited) child.kill('SIGKILL');
      removeDir();
    };
    process.once('exit', killOnExit);
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      process.off('exit', killOnExit);
    });
    child.on('error', (e) => (exited = { error: e }));

    const deadline = Date.now() + timeoutMs;
    let healthy = false;
    while (!exited && Date.now() < deadline) {
      try {
        const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1_000) });
        if (res.status === 200) {
          healthy = true;
          break;
        }
      } catch {
        // not listening yet
      }
      await sleep(50);
    }
    if (healthy) {
      return {
        url,
        dir,
        logPath,
        log: () => fs.readFileSync(logPath, 'utf8'),
        createUser,
        async stop() {
          if (!exited) {
            const gone = new Promise((r) => child.once('exit', r));
            child.kill('SIGTERM');
            const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
            await gone;
            clearTimeout(timer);
          }
          removeDir();
        },
      };
    }
    if (!exited) child.kill('SIGKILL');
    lastError = new Error(
      `participe serve on ${url} ${exited ? `exited (${JSON.stringify(exited)})` : `did not answer /healthz within ${timeoutMs} ms`}.\n` +
        `Server log:\n${fs.readFileSync(logPath, 'utf8')}`,
    );
  }
  removeDir();
  throw lastError;
}
