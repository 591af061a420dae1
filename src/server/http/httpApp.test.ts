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

let server: TestServer;
let bystander: TestClient;

beforeAll(async () => {
  fs.mkdirSync(path.join(distDir, 'js'), { recursive: true });
  fs.mkdirSync(publicDir);
  fs.writeFileSync(path.join(distDir, 'js', 'bundle.js'), BUNDLE);
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

/** A raw GET: fetch() would normalise the `..` segments these tests need to send as they are. */
function rawGet(urlPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: server.port, path: urlPath }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

describe('HTTP', () => {
  it('serves the page gzip-compressed, with the root element, bundle and favicon', async () => {
    const response = await fetch(`${server.url}/`, { headers: { 'Accept-Encoding': 'gzip' } });
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(html).toContain('<div id="root"></div>');
    expect(html).toContain('<script src="/static/js/bundle.js" defer></script>');
    expect(html).toContain('href="/static/favicon.svg"');
  });

  it('serves the bundle from dist/ under /static, gzip-compressed', async () => {
    const response = await fetch(`${server.url}/static/js/bundle.js`, {
      headers: { 'Accept-Encoding': 'gzip' },
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await response.text()).toBe(BUNDLE);
  });

  it('serves files from public/ under /static', async () => {
    const response = await fetch(`${server.url}/static/favicon.svg`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
  });

  it('answers an unknown path with a small 404', async () => {
    const response = await rawGet('/nothing-here');

    expect(response).toEqual({ status: 404, body: 'Not found' });
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
