import fs from 'node:fs';
import {
  describeInBrowser,
  HELLO_LINES,
  openPage,
  saveScreenshot,
  useServerAndBrowser,
  type WatchedPage,
} from './browser';

let tab: WatchedPage;

describeInBrowser('the page in Chromium, served by the production server', () => {
  const running = useServerAndBrowser();

  beforeAll(async () => {
    tab = await openPage(running.browser, running.server.url);
    await tab.waitForLine('[socket.io] Server: Hello you!');
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
    expect(running.server.output()).toContain('[socket.io] A client joined room hello-1234.');
    expect(running.server.output()).toContain('[socket.io] Client: Hello!');
  });

  it('saves a screenshot of what a person sees', async () => {
    const file = await saveScreenshot(tab.page, 'page');
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  });
});
