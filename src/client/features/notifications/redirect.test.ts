import { notificationReceived } from './notificationsSlice';
import { createSocketLink } from '../../socket/socketLink';
import { makeStore } from '../../store';

function storeWithNavigation() {
  const visited: string[] = [];
  const warnings: string[] = [];
  const link = {
    ...createSocketLink(),
    console: { log: () => undefined, warn: (line: string) => warnings.push(line) },
  };
  const store = makeStore(undefined, link, (path) => visited.push(path));
  return { store, visited, warnings };
}

const redirect = (path: string) =>
  notificationReceived({ kind: 'redirect', text: 'Go', path, at: 1 });

describe('a pushed redirect', () => {
  it('moves to an in-app path, without a toast', () => {
    const { store, visited } = storeWithNavigation();
    store.dispatch(redirect('/?room=lobby'));
    expect(visited).toEqual(['/?room=lobby']);
    expect(store.getState().notifications.toasts).toEqual([]);
  });

  it.each(['//evil.example/', 'https://evil.example/', 'javascript:alert(1)', '/\\evil.example'])(
    'never leaves the origin, even if a server sends %s',
    (path) => {
      const { store, visited, warnings } = storeWithNavigation();
      store.dispatch(redirect(path));
      expect(visited).toEqual([]);
      expect(warnings).toEqual([
        `[socket.io] Ignored a redirect to ${JSON.stringify(path)}: only paths on this site are followed.`,
      ]);
    },
  );
});

describe('info and warning pushes', () => {
  it('become toasts, the newest five at most, each dismissable', () => {
    const { store } = storeWithNavigation();
    for (let i = 1; i <= 7; i += 1)
      store.dispatch(notificationReceived({ kind: 'info', text: `#${i}`, at: i }));
    expect(store.getState().notifications.toasts.map(({ text }) => text)).toEqual([
      '#3',
      '#4',
      '#5',
      '#6',
      '#7',
    ]);
  });
});
