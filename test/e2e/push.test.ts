import { runProcess } from '../helpers/serverProcess';
import {
  describeInBrowser,
  openPage,
  shownUserId,
  useServerAndBrowser,
  type WatchedPage,
} from './browser';

const TOKEN = 'e2e-push-token';
let tab: WatchedPage;
let userId: string;

/** `npm run push -- …` against this test's server, as a person would type it. */
async function pushScript(url: string, ...args: string[]) {
  const run = runProcess('npm', ['run', '--silent', 'push', '--', ...args], {
    PUSH_TOKEN: TOKEN,
    PUSH_URL: url,
  });
  const code = await run.exited;
  return { code, output: run.output() };
}

describeInBrowser('pushes in the browser', () => {
  const running = useServerAndBrowser({ PUSH_TOKEN: TOKEN });

  beforeAll(async () => {
    tab = await openPage(running.browser, running.server.url);
    await tab.waitForLine('[socket.io] Server: Hello you!');
    userId = await shownUserId(tab.page);
  });

  it('shows an info push as a toast and logs it', async () => {
    const { code, output } = await pushScript(
      running.server.url,
      '--to',
      userId,
      'Your',
      'report',
      'is',
      'ready',
    );
    expect(code).toBe(0);
    expect(output).toContain('200 {"ok":true,"delivered":1}');

    await tab.waitForLine('[socket.io] Notify: Your report is ready');
    await expect(
      tab.page.getByRole('list', { name: 'notifications' }).textContent(),
    ).resolves.toContain('Your report is ready');
  });

  it('follows a redirect to an in-app path, and a redirect elsewhere never arrives', async () => {
    const refused = await pushScript(
      running.server.url,
      '--to',
      userId,
      '--kind',
      'redirect',
      '--path',
      '//evil.example/',
      'Leave',
    );
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('400');

    const origin = new URL(running.server.url).origin;
    const followed = await pushScript(
      running.server.url,
      '--to',
      userId,
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
