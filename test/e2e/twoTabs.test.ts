import { describeInBrowser, openPage, useServerAndBrowser } from './browser';

describeInBrowser('two tabs', () => {
  const running = useServerAndBrowser();

  it('tells the first tab when the second joins, but not "Hello you!"', async () => {
    const first = await openPage(running.browser, running.server.url);
    await first.waitForLine('[socket.io] Server: Hello you!');
    const before = first.socketLines().length;

    const second = await openPage(running.browser, running.server.url);
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
