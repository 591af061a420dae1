import { startServerProcess } from '../helpers/serverProcess';
import { describeInBrowser, HELLO_LINES, openPage, useServerAndBrowser } from './browser';

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
});
