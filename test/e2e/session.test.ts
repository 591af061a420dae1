import { describeInBrowser, openPage, shownUserId, useServerAndBrowser } from './browser';

const TOKEN = 'e2e-session-push-token';

describeInBrowser('the signed session in Chromium', () => {
  const running = useServerAndBrowser({ PUSH_TOKEN: TOKEN });
  const url = () => running.server.url;

  it('keeps the same id and name across a reload, in a cookie page scripts cannot read', async () => {
    const tab = await openPage(running.browser, url());
    await tab.waitForLine('[socket.io] Server: Hello you!');
    const [userId, name] = [await shownUserId(tab.page), await tab.page.inputValue('#name')];
    expect(userId).toMatch(/^[\w-]{16}$/);
    expect(name).toMatch(/^guest-\d{4}$/);
    expect(tab.socketLines()).toContain(`[socket.io] You are ${name} (user id ${userId}).`);

    await tab.page.reload();
    await tab.waitForLine('[socket.io] Server: Hello you!', 2);
    expect([await shownUserId(tab.page), await tab.page.inputValue('#name')]).toEqual([
      userId,
      name,
    ]);
    // HttpOnly: the session is not the page's to read (or to send elsewhere).
    expect(await tab.page.evaluate(() => document.cookie)).toBe('');
    expect(tab.errors).toEqual([]);
  });

  it('renames from the name form and shows the new name in every tab of that browser at once', async () => {
    const first = await openPage(running.browser, url());
    await first.waitForLine('[socket.io] Server: Hello you!');
    const second = await openPage(running.browser, url(), first);
    await second.waitForLine('[socket.io] Server: Hello you!');
    const userId = await shownUserId(first.page);
    expect(await shownUserId(second.page)).toBe(userId);

    await first.page.fill('#name', 'Ada Lovelace');
    await first.page.getByRole('button', { name: 'Rename' }).click();

    const told = `[socket.io] You are Ada Lovelace (user id ${userId}).`;
    await Promise.all([first.waitForLine(told), second.waitForLine(told)]);
    await second.page.waitForFunction(
      () => document.querySelector<HTMLInputElement>('#name')?.value === 'Ada Lovelace',
    );
    // At once: the second tab did not reconnect or reload to learn it.
    expect(second.socketLines().filter((line) => line === '[socket.io] Connected.')).toHaveLength(
      1,
    );
    await first.page.reload();
    await first.waitForLine('[socket.io] Server: Hello you!', 2);
    expect(await first.page.inputValue('#name')).toBe('Ada Lovelace');
  });

  it('refuses a bad name in the form with the rule, and keeps the name', async () => {
    const tab = await openPage(running.browser, url());
    await tab.waitForLine('[socket.io] Server: Hello you!');
    const name = await tab.page.inputValue('#name');
    await tab.page.fill('#name', 'x'.repeat(40));
    await tab.page.getByRole('button', { name: 'Rename' }).click();
    await tab.page
      .getByText('The display name is 40 characters long: use at most 32.')
      .waitFor({ timeout: 20_000 });
    await tab.page.reload();
    await tab.waitForLine('[socket.io] Server: Hello you!', 2);
    expect(await tab.page.inputValue('#name')).toBe(name);
  });

  it('gives two browser contexts two ids, and a push to one id reaches only its tabs', async () => {
    const alice = await openPage(running.browser, url());
    const aliceAgain = await openPage(running.browser, url(), alice);
    const bob = await openPage(running.browser, url());
    const tabs = [alice, aliceAgain, bob];
    await Promise.all(tabs.map((tab) => tab.waitForLine('[socket.io] Server: Hello you!')));
    const aliceId = await shownUserId(alice.page);
    expect(await shownUserId(bob.page)).not.toBe(aliceId);

    // Bob takes Alice's display name: that was enough to get her pushes before sessions.
    await bob.page.fill('#name', await alice.page.inputValue('#name'));
    await bob.page.getByRole('button', { name: 'Rename' }).click();
    await bob.waitForLine(
      `[socket.io] You are ${await alice.page.inputValue('#name')} (user id ${await shownUserId(bob.page)}).`,
    );

    const response = await fetch(`${url()}/api/push`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ to: aliceId, kind: 'info', text: 'for alice only' }),
    });
    expect(await response.json()).toEqual({ ok: true, delivered: 2 });
    const line = '[socket.io] Notify: for alice only';
    await Promise.all([alice.waitForLine(line), aliceAgain.waitForLine(line)]);
    // Alice's tabs have theirs; Bob's would have come with them, and 300 ms more is a wide margin on loopback.
    await bob.page.waitForTimeout(300);
    expect(bob.console.filter((seen) => seen.startsWith('[socket.io] Notify'))).toEqual([]);
  });
});
