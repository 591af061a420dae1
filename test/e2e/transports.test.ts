import { startProxyWithoutWebsockets, type Proxy } from '../helpers/proxyWithoutWebsockets';
import { describeInBrowser, HELLO_LINES, openPage, useServerAndBrowser } from './browser';

const isPolling = (url: string) => url.includes('/socket.io/') && url.includes('transport=polling');

describeInBrowser('the page connects over a websocket first, and falls back to polling', () => {
  const running = useServerAndBrowser();
  let proxy: Proxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    proxy = undefined;
  });

  it('opens one websocket and makes no polling request', async () => {
    const tab = await openPage(running.browser, running.server.url);
    await tab.waitForLine(HELLO_LINES[2]);

    expect(tab.websockets).toHaveLength(1);
    expect(tab.websockets[0]).toContain('transport=websocket');
    expect(tab.requests.filter(isPolling)).toEqual([]);
    expect(tab.errors).toEqual([]);
    await tab.page.context().close();
  });

  it('still connects, joins and hears its hellos where a proxy refuses websockets', async () => {
    proxy = await startProxyWithoutWebsockets(running.server.port);
    const tab = await openPage(running.browser, proxy.url);
    await tab.waitForLine(HELLO_LINES[2]);

    expect(proxy.refusedUpgrades()).toBeGreaterThanOrEqual(1);
    expect(tab.requests.filter(isPolling).length).toBeGreaterThan(0);
    expect(tab.socketLines().filter((line) => line === '[socket.io] Connected.')).toHaveLength(1);
    const wanted = ['[socket.io] Connected.', ...HELLO_LINES];
    expect(tab.socketLines().filter((line) => wanted.includes(line))).toEqual(wanted);
    await expect(tab.page.getByRole('status').textContent()).resolves.toBe('connected');
    await tab.page.context().close();
  });
});
