import { APP_NAME } from '../../shared/config';
import { ChatBox } from '../features/chat/ChatBox';
import { ConnectionBadge } from './ConnectionBadge';
import { MessageList } from './MessageList';
import { NameForm } from './NameForm';
import { NotificationToasts } from './NotificationToasts';
import { RoomPicker } from './RoomPicker';
import { StatsPanel } from './StatsPanel';

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
