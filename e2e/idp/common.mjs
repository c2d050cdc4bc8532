// What the test identity providers (oidc.mjs, saml.mjs) share: their small
// accessible French pages, reading a form, listening on loopback, and
// stopping when the test that started them closes their standard input.
import http from 'node:http';

/** Text escaped for HTML. */
export const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A whole page: `title` as its title and heading, `body` (HTML) in its main. */
export const page = (title, body) => `<!doctype html><html lang="fr"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title>
<style>body{font:1.1rem/1.5 sans-serif;max-width:30rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
label{display:block;margin:.5rem 0}input{font:inherit;padding:.4rem;width:100%;box-sizing:border-box}
button{font:inherit;margin-top:1rem;padding:.5rem 1rem;background:#000091;color:#fff;border:0;border-radius:4px}</style>
</head><body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;

/** A urlencoded request body, as URLSearchParams. */
export function readForm(req) {
  return new Promise((resolve) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => resolve(new URLSearchParams(body)));
  });
}

/** An HTTP server listening on 127.0.0.1 (port 0: any free one). */
export function startServer(port) {
  return new Promise((resolve, reject) => {
    const server = http.createServer();
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** Exits when standard input closes: never outlives the test that started it. */
export function stopWithStdin() {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('close', () => process.exit(0));
  process.stdin.resume();
}
