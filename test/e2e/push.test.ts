import type { Browser } from 'playwright-core';
import { runProcess, startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { describeInBrowser, launchChromium, openPage, type WatchedPage } from './browser';

const TOKEN = 'e2e-push-token';
let server: ServerProcess;
let browser: Browser;
let tab: WatchedPage;
let name: string;

/** `npm run push -- …` against this test's server, as a person would type it. */
async function pushScript(...args: string[]) {
  const run = runProcess('npm', ['run', '--silent', 'push', '--', ...args], {
    PUSH_TOKEN: TOKEN,
    PUSH_URL: server.url,
  });
  const code = await run.exited;
  return { code, output: run.output() };
}

describeInBrowser('pushes in the browser', () => {
  beforeAll(async () => {
    server = await startServerProcess(0, { PUSH_TOKEN: TOKEN });
    browser = await launchChromium();
    tab = await openPage(browser, server.url);
    await tab.waitForLine('[socket.io] Server: Hello you!');
    name = await tab.page.inputValue('#name');
  });

  afterAll(async () => {
    await browser.close();
    await server.stop();
  });

  it('shows an info push as a toast and logs it', async () => {
    const { code, output } = await pushScript('--to', name, 'Your', 'report', 'is', 'ready');
    expect(code).toBe(0);
    expect(output).toContain('200 {"ok":true,"delivered":1}');

    await tab.waitForLine('[socket.io] Notify: Your report is ready');
    await expect(
      tab.page.getByRole('list', { name: 'notifications' }).textContent(),
    ).resolves.toContain('Your report is ready');
  });

  it('follows a redirect to an in-app path, and a redirect elsewhere never arrives', async () => {
    const refused = await pushScript(
      '--to',
      name,
      '--kind',
      'redirect',
      '--path',
      '//evil.example/',
      'Leave',
    );
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('400');

    const origin = new URL(server.url).origin;
    const followed = await pushScript(
      '--to',
      name,
      '--kind',
      'redirect',
      '--path',
      '/?pushed=1',
      'Go',
    );
    expect(followed.code).toBe(0);
    await tab.page.waitForURL(`${origin}/?pushed=1`);
    expect(new URL(tab.page.url()).origin).toBe(origin);
    expect(tab.errors).toEqual([]);
  });
});
