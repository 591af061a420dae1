import { stripVTControlCharacters } from 'node:util';
import type { Browser } from 'playwright-core';
import { freePort, runProcess, type RunningProcess } from '../helpers/serverProcess';
import { waitFor } from '../helpers/testServer';
import { describeInBrowser, HELLO_LINES, launchChromium, openPage } from './browser';

let dev: RunningProcess;
let browser: Browser;
let devPort: number;

describeInBrowser('npm run dev', () => {
  beforeAll(async () => {
    const [port, dport] = [await freePort(), await freePort()];
    devPort = dport;
    dev = runProcess('npm', ['run', 'dev'], { PORT: String(port), DEV_PORT: String(devPort) });
    // Some tools colour their output whatever the terminal (FORCE_COLOR=0 turns colour on in a few of them).
    const plain = () => stripVTControlCharacters(dev.output());
    await waitFor(
      () => /compiled successfully/.test(plain()) && /Server running at/.test(plain()),
      'the dev server and the server',
      60_000,
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await dev.stop();
  });

  it('serves the page on its port and connects through the proxy over a websocket', async () => {
    const tab = await openPage(browser, `http://localhost:${devPort}/`);
    await tab.waitForLine('[socket.io] Server: Hello you!');

    expect(tab.socketLines().filter((line) => HELLO_LINES.includes(line))).toEqual(HELLO_LINES);
    expect(tab.websockets).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(`^ws://localhost:${devPort}/socket\\.io/\\?EIO=4&transport=websocket`),
        ),
      ]),
    );
    expect(tab.errors).toEqual([]);
  });

  it("runs the development bundle and hot reload under the server's Content-Security-Policy", async () => {
    const tab = await openPage(browser, `http://localhost:${devPort}/`);
    await tab.waitForLine('[socket.io] Server: Hello you!');

    expect(tab.headers['content-security-policy']).toMatch(/^default-src 'self';/);
    // Hot reload's own websocket to the dev server, besides the proxied Socket.IO one.
    expect(tab.websockets).toContain(`ws://localhost:${devPort}/ws`);
    expect(tab.cspViolations).toEqual([]);
    expect(tab.errors).toEqual([]);
  });
});
