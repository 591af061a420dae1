import { APP_NAME } from '../shared/config';
import { ChatBox } from './features/chat/ChatBox';
import { ConnectionBadge } from './features/connection/ConnectionBadge';
import { NameForm } from './features/identity/NameForm';
import { MessageList } from './features/messages/MessageList';
import { NotificationToasts } from './features/notifications/NotificationToasts';
import { RoomPicker } from './features/rooms/RoomPicker';
import { StatsPanel } from './features/stats/StatsPanel';

export function App() {
  return (
    <main>
      <header>
        <h1>{APP_NAME}</h1>
        <ConnectionBadge />
      </header>
      <NotificationToasts />
      <NameForm />
      <RoomPicker />
      <ChatBox />
      <StatsPanel />
      <h2>Messages</h2>
      <p className="hint">
        Open the browser console to see every <code>[socket.io]</code> message as it flows.
      </p>
      <MessageList />
    </main>
  );
}
