import type { Browser } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { describeInBrowser, launchChromium, openPage } from './browser';

let server: ServerProcess;
let browser: Browser;

describeInBrowser('two tabs', () => {
  beforeAll(async () => {
    server = await startServerProcess();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  it('tells the first tab when the second joins, but not "Hello you!"', async () => {
    const first = await openPage(browser, server.url);
    await first.waitForLine('[socket.io] Server: Hello you!');
    const before = first.socketLines().length;

    const second = await openPage(browser, server.url);
    await second.waitForLine('[socket.io] Server: Hello you!');
    await first.waitForLine('[socket.io] Server: Hello clients of room hello-1234!', 2);
    // The second tab's own answer has arrived, so anything for the first tab has too.
    await first.page.waitForTimeout(300);

    expect(first.socketLines().slice(before)).toEqual([
      '[socket.io] Server: Hello everyone!',
      '[socket.io] Server: Hello clients of room hello-1234!',
    ]);
  });
});
