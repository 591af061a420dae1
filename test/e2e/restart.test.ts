import type { Browser } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { describeInBrowser, HELLO_LINES, launchChromium, openPage } from './browser';

let server: ServerProcess;
let browser: Browser;

describeInBrowser('a server restart', () => {
  beforeAll(async () => {
    server = await startServerProcess();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  it('logs the disconnect, reconnects to the new server on the same port and gets three hellos again', async () => {
    const tab = await openPage(browser, server.url);
    await tab.waitForLine('[socket.io] Server: Hello you!');

    expect(await server.stop()).toBe(0);
    await tab.waitForLine('[socket.io] Disconnected.');
    server = await startServerProcess(server.port);

    await tab.waitForLine('[socket.io] Server: Hello you!', 2);
    const afterDisconnect = tab
      .socketLines()
      .slice(tab.socketLines().indexOf('[socket.io] Disconnected.'));
    const wanted = ['[socket.io] Connected.', ...HELLO_LINES];
    expect(afterDisconnect.filter((line) => wanted.includes(line))).toEqual(wanted);
    await expect(tab.page.getByRole('status').textContent()).resolves.toBe('connected');
  });
});
