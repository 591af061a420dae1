import { APP_NAME } from '../../shared/config';
import { ConnectionBadge } from './ConnectionBadge';
import { MessageList } from './MessageList';

export function App() {
  return (
    <main>
      <header>
        <h1>{APP_NAME}</h1>
        <ConnectionBadge />
      </header>
      <p className="hint">
        Open the browser console to see every <code>[socket.io]</code> message as it flows.
      </p>
      <MessageList />
    </main>
  );
}
