import { waitFor } from '../helpers/testServer';
import {
  describeInBrowser,
  launchChromium,
  openPage,
  useServerAndBrowser,
  type WatchedPage,
} from './browser';

let tab: WatchedPage;

describeInBrowser('the security headers in Chromium, production server', () => {
  const running = useServerAndBrowser();

  beforeAll(async () => {
    tab = await openPage(running.browser, running.server.url);
    await tab.waitForLine('[socket.io] Server: Hello you!');
  });

  it('sends the page with its Content-Security-Policy and frame protection', () => {
    expect(tab.headers['content-security-policy']).toMatch(/^default-src 'self';/);
    expect(tab.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(tab.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
    });
  });

  it('loads, connects over a websocket and renders with no violation and no console error', async () => {
    await expect(tab.page.getByRole('status').textContent()).resolves.toBe('connected');
    expect(tab.websockets).toEqual([
      expect.stringMatching(/^ws:\/\/localhost:\d+\/socket\.io\/\?EIO=4&transport=websocket/),
    ]);
    expect(tab.cspViolations).toEqual([]);
    expect(tab.errors).toEqual([]);
  });

  it('refuses a script, an event handler and a style injected into the page', async () => {
    const ran = await tab.page.evaluate(() => {
      const flags = window as unknown as { injected?: boolean };
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      const button = document.createElement('button');
      button.setAttribute('onclick', 'window.injected = true');
      button.click();
      const style = document.createElement('style');
      style.textContent = 'body { display: none }';
      document.head.append(style);
      return flags.injected === true;
    });
    await waitFor(() => tab.cspViolations.length >= 3, 'three CSP violation events');

    expect(ran).toBe(false);
    await expect(tab.page.getByRole('status').isVisible()).resolves.toBe(true);
    expect(tab.cspViolations.sort()).toEqual([
      'script-src-attr inline',
      'script-src-elem inline',
      'style-src-elem inline',
    ]);
  });

  it('answers a DNS-rebinding page with 421 and never opens its socket', async () => {
    // The resolver rule does what a rebinding attacker's DNS does: evil.example now names this machine.
    const rebinding = await launchChromium(['--host-resolver-rules=MAP evil.example 127.0.0.1']);
    try {
      const url = `http://evil.example:${running.server.port}/`;
      const evil = await openPage(rebinding, url);

      expect(evil.failedRequests).toContain(`${url}: 421`);
      await expect(evil.page.textContent('body')).resolves.toContain(
        'The host \\"evil.example\\" is not one this server answers to',
      );
      expect(evil.websockets).toEqual([]);
    } finally {
      await rebinding.close();
    }
  });
});
