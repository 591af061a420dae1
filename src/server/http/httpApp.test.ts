import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { TestClient } from '../../../test/helpers/testClient';
import { isServed } from '../../../test/helpers/rawClients';
import { connectClient, startTestServer, type TestServer } from '../../../test/helpers/testServer';

// A throwaway tree: dist/ and public/ to serve, and a secret beside them that no URL may reach.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'realtime-stack-http-'));
const distDir = path.join(root, 'dist');
const publicDir = path.join(root, 'public');
const SECRET = 'the secret beside the served folders';
const BUNDLE = `console.log(${JSON.stringify('bundle '.repeat(200))});`;
// What webpack's ManifestPlugin writes: content-hashed chunk names under the names the server asks for.
const MAIN = '/static/js/main.0123456789ab.js';
const UI = '/static/js/ui.ba9876543210.js';
const MANIFEST = {
  entrypoints: { main: { imports: ['main.js'] } },
  assets: {
    'main.js': { file: MAIN },
    'ui.js': { file: UI },
    'js/main.0123456789ab.js.map': { file: `${MAIN}.map` },
  },
};

let server: TestServer;
let bystander: TestClient;

beforeAll(async () => {
  fs.mkdirSync(path.join(distDir, 'js'), { recursive: true });
  fs.mkdirSync(publicDir);
  fs.writeFileSync(path.join(root, MAIN.replace('/static', 'dist')), BUNDLE);
  fs.writeFileSync(path.join(root, `${MAIN.replace('/static', 'dist')}.map`), '{"sources":[]}');
  fs.writeFileSync(path.join(distDir, 'manifest.json'), JSON.stringify(MANIFEST));
  fs.writeFileSync(
    path.join(publicDir, 'favicon.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"/>',
  );
  fs.writeFileSync(path.join(publicDir, '.env'), SECRET);
  fs.writeFileSync(path.join(root, 'secret.txt'), SECRET);
  server = await startTestServer({ staticDirs: { distDir, publicDir } });
  bystander = await connectClient(server.url);
});

afterEach(async () => {
  expect(await isServed(bystander)).toBe(true);
});

afterAll(async () => {
  bystander.disconnect();
  await server.close();
  fs.rmSync(root, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

/**
 * A raw request: fetch() would normalise the `..` segments these tests need to send as they are, and it will
 * not send a Host header of the test's choosing, as a browser does after DNS rebinding.
 */
function rawGet(
  urlPath: string,
  headers: Record<string, string> = {},
  { port = server.port, method = 'GET' } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    http
      .request({ host: '127.0.0.1', port, path: urlPath, method, headers }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      })
      .on('error', reject)
      .end();
  });
}

/** The Content-Security-Policy as directive → its sources. */
function policyOf(headers: http.IncomingHttpHeaders): Record<string, string> {
  const policy = String(headers['content-security-policy'] ?? '');
  return Object.fromEntries(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources.join(' ')]),
  );
}

function expectSecurityHeaders(headers: http.IncomingHttpHeaders): void {
  expect(policyOf(headers)).toEqual({
    'default-src': "'self'",
    'object-src': "'none'",
    'base-uri': "'none'",
    'form-action': "'self'",
    'frame-ancestors': "'none'",
  });
  expect(headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
  });
}

describe('HTTP', () => {
  it("serves the page gzip-compressed and never cached unasked, naming the manifest's chunks", async () => {
    const response = await fetch(`${server.url}/`, { headers: { 'Accept-Encoding': 'gzip' } });
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
    expect(html).toContain('<div id="root"></div>');
    expect(html).toContain(`<script src="${MAIN}" defer></script>`);
    expect(html).toContain(`<link rel="preload" href="${UI}" as="script" />`);
    expect(html).toContain('href="/static/favicon.svg"');
  });

  it('serves a chunk from dist/ gzip-compressed, to be kept for a year unasked', async () => {
    const response = await fetch(`${server.url}${MAIN}`, {
      headers: { 'Accept-Encoding': 'gzip' },
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe(BUNDLE);
  });

  it('does not serve the source maps beside the chunks, nor the manifest', async () => {
    for (const urlPath of [`${MAIN}.map`, '/static/manifest.json']) {
      expect(await rawGet(urlPath)).toMatchObject({ status: 404, body: 'Not found' });
    }
  });

  it('serves files from public/ under /static, asked again each visit (their names have no hash)', async () => {
    const response = await fetch(`${server.url}/static/favicon.svg`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=0');
  });

  it('answers the page with a sentence until the client is built, then serves it', async () => {
    const unbuilt = fs.mkdtempSync(path.join(os.tmpdir(), 'realtime-stack-unbuilt-'));
    const early = await startTestServer({ staticDirs: { distDir: unbuilt, publicDir } });
    try {
      const before = await rawGet('/', {}, { port: early.port });
      expect(before.status).toBe(503);
      expect(before.body).toBe(
        `The client is not built (${path.join(unbuilt, 'manifest.json')} is missing): run \`npm run build\`, or \`npm start\`, which builds what is missing.`,
      );

      fs.writeFileSync(path.join(unbuilt, 'manifest.json'), JSON.stringify(MANIFEST));
      const after = await rawGet('/', {}, { port: early.port });
      expect(after.status).toBe(200);
      expect(after.body).toContain(MAIN);
    } finally {
      await early.close();
      fs.rmSync(unbuilt, { recursive: true, force: true });
    }
  });

  it('answers an unknown path with a small 404', async () => {
    const { status, body } = await rawGet('/nothing-here');

    expect({ status, body }).toEqual({ status: 404, body: 'Not found' });
  });

  it.each([
    '/static/../secret.txt',
    '/static/../../secret.txt',
    '/static/%2e%2e/secret.txt',
    '/static/%2e%2e%2fsecret.txt',
    '/static/..%2fsecret.txt',
    '/static/..%5csecret.txt',
    '/static/%252e%252e%252fsecret.txt',
    '/static/js/../../secret.txt',
    '/static/.env',
    '/static/%2eenv',
    '/secret.txt',
    '/static/%00',
    '/static/%E0%A4%A',
  ])('never serves anything outside the static folders: %s', async (urlPath) => {
    const response = await rawGet(urlPath);

    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.body).not.toContain(SECRET);
    expect(response.body.length).toBeLessThan(100);
  });
});

describe('security headers', () => {
  it.each([
    ['the page', 'GET', '/'],
    ['a chunk', 'GET', MAIN],
    ['a file from public/', 'GET', '/static/favicon.svg'],
    ['a 404', 'GET', '/nothing-here'],
    ['a refused path', 'GET', '/static/../secret.txt'],
    ['/healthz', 'GET', '/healthz'],
    ['/api/push', 'POST', '/api/push'],
  ])('are on %s', async (_what, method, urlPath) => {
    const response = await rawGet(urlPath, {}, { method });

    expect(response.status).toBeGreaterThan(0);
    expectSecurityHeaders(response.headers);
  });
});

describe('allowed hosts', () => {
  const hostHeaders = (name: string) => [name, `${name}:${server.port}`];

  it.each(['evil.example', 'localhost.evil.example', '127.0.0.1.nip.io'])(
    'refuses a request whose Host is %s, as after DNS rebinding, with a JSON 421',
    async (name) => {
      for (const host of hostHeaders(name)) {
        for (const urlPath of ['/', MAIN, '/healthz', '/nothing-here']) {
          const response = await rawGet(urlPath, { Host: host });

          expect(response.status).toBe(421);
          expect(response.headers['content-type']).toMatch(/^application\/json/);
          expect(JSON.parse(response.body)).toEqual({
            ok: false,
            error: `The host "${name}" is not one this server answers to; list it in ALLOWED_HOSTS to allow it.`,
          });
          expect(response.body).not.toContain('bundle');
          expectSecurityHeaders(response.headers);
        }
      }
    },
  );

  it('refuses a Host header that is not a host name', async () => {
    const response = await rawGet('/', { Host: 'a b' });

    expect(response.status).toBe(421);
    expect(JSON.parse(response.body)).toEqual({
      ok: false,
      error: 'The request needs a Host header naming this server.',
    });
  });

  it.each(['localhost', 'LOCALHOST', '127.0.0.1', '[::1]', '192.168.1.20'])(
    'serves the page to Host %s: a loopback name or an IP address cannot be rebound',
    async (name) => {
      for (const host of hostHeaders(name)) {
        const response = await rawGet('/', { Host: host });

        expect(response.status).toBe(200);
        expect(response.body).toContain('<div id="root"></div>');
      }
    },
  );

  it('serves the host names of ALLOWED_HOSTS and ALLOWED_ORIGINS', async () => {
    const listed = await startTestServer({
      staticDirs: { distDir, publicDir },
      limits: { allowedHosts: ['app.example'], allowedOrigins: ['https://chat.example.com'] },
    });
    try {
      const get = (host: string) => rawGet('/', { Host: host }, { port: listed.port });

      expect((await get('app.example')).status).toBe(200);
      expect((await get('APP.example:443')).status).toBe(200);
      expect((await get('chat.example.com')).status).toBe(200);
      expect((await get('evil.example')).status).toBe(421);
      expect((await get('sub.app.example')).status).toBe(421);
    } finally {
      await listed.close();
    }
  });
});
