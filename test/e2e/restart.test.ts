import { startServerProcess } from '../helpers/serverProcess';
import {
  describeInBrowser,
  HELLO_LINES,
  openPage,
  shownUserId,
  useServerAndBrowser,
} from './browser';

describeInBrowser('a server restart', () => {
  const running = useServerAndBrowser();

  it('logs the disconnect, reconnects to the new server on the same port and gets three hellos again', async () => {
    const tab = await openPage(running.browser, running.server.url);
    await tab.waitForLine('[socket.io] Server: Hello you!');

    expect(await running.server.stop()).toBe(0);
    await tab.waitForLine('[socket.io] Disconnected.');
    running.server = await startServerProcess(running.server.port);

    await tab.waitForLine('[socket.io] Server: Hello you!', 2);
    const afterDisconnect = tab
      .socketLines()
      .slice(tab.socketLines().indexOf('[socket.io] Disconnected.'));
    const wanted = ['[socket.io] Connected.', ...HELLO_LINES];
    expect(afterDisconnect.filter((line) => wanted.includes(line))).toEqual(wanted);
    await expect(tab.page.getByRole('status').textContent()).resolves.toBe('connected');
  });

  it('keeps the session across a restart with SESSION_SECRET set', async () => {
    const secret = { SESSION_SECRET: 'a secret both runs of this server share, 32+' };
    await running.server.stop();
    running.server = await startServerProcess(0, secret);
    const tab = await openPage(running.browser, running.server.url);
    await tab.waitForLine('[socket.io] Server: Hello you!');
    const userId = await shownUserId(tab.page);

    expect(await running.server.stop()).toBe(0);
    running.server = await startServerProcess(running.server.port, secret);
    await tab.waitForLine('[socket.io] Server: Hello you!', 2);

    expect(await shownUserId(tab.page)).toBe(userId);
    expect(tab.socketLines().filter((line) => line.startsWith('[socket.io] You are'))).toEqual([
      expect.stringContaining(userId),
      expect.stringContaining(userId),
    ]);
  });

  it('starts a new guest session, once, when the restarted server signs with another secret', async () => {
    const tab = await openPage(running.browser, running.server.url);
    await tab.waitForLine('[socket.io] Server: Hello you!');
    const userId = await shownUserId(tab.page);

    // No SESSION_SECRET: each run makes one up, as `npm run dev` does at every restart.
    expect(await running.server.stop()).toBe(0);
    running.server = await startServerProcess(running.server.port);
    await tab.waitForLine('[socket.io] Server: Hello you!', 2);

    expect(tab.socketLines()).toContain(
      '[socket.io] The session cookie is no longer valid (the server signs with another secret, or it was altered): starting a new session.',
    );
    const newId = await shownUserId(tab.page);
    expect(newId).not.toBe(userId);
    const told = tab.socketLines().filter((line) => line.startsWith('[socket.io] You are'));
    expect(told.at(-1)).toContain(`(user id ${newId})`);
    // Once: the new session connected, so nothing was refused again.
    expect(tab.socketLines().filter((line) => line.includes('no longer valid'))).toHaveLength(1);
  });
});
