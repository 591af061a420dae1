import type { Browser } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import {
  describeInBrowser,
  HELLO_LINES,
  launchChromium,
  openPage,
  saveScreenshot,
  type WatchedPage,
} from './browser';

let server: ServerProcess;
let browser: Browser;
let tab: WatchedPage;

describeInBrowser('the page in Chromium, served by the production server', () => {
  beforeAll(async () => {
    server = await startServerProcess();
    browser = await launchChromium();
    tab = await openPage(browser, server.url);
    await tab.waitForLine('[socket.io] Server: Hello you!');
  });

  afterAll(async () => {
    await saveScreenshot(tab.page, 'page');
    await browser.close();
    await server.stop();
  });

  it('logs the four [socket.io] lines in order after navigation', () => {
    const wanted = ['[socket.io] Connected.', ...HELLO_LINES];
    expect(tab.socketLines().filter((line) => wanted.includes(line))).toEqual(wanted);
    expect(tab.socketLines()).toEqual(
      expect.arrayContaining([
        '[socket.io] Sent IO_CLIENT_JOIN_ROOM: hello-1234',
        '[socket.io] Sent IO_CLIENT_HELLO: Hello!',
      ]),
    );
  });

  it('shows "connected" and the messages', async () => {
    await expect(tab.page.getByRole('status').textContent()).resolves.toBe('connected');
    const items = await tab.page
      .getByRole('list', { name: 'messages' })
      .getByRole('listitem')
      .allTextContents();
    for (const text of ['Hello everyone!', 'Hello clients of room hello-1234!', 'Hello you!']) {
      expect(items.some((item) => item.endsWith(text))).toBe(true);
    }
  });

  it('has no console error and no failed request during the visit', () => {
    expect(tab.errors).toEqual([]);
    expect(tab.failedRequests).toEqual([]);
  });

  it('logs the server side of the visit', () => {
    expect(server.output()).toContain('[socket.io] A client joined room hello-1234.');
    expect(server.output()).toContain('[socket.io] Client: Hello!');
  });
});
