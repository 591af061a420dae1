import { useAppSelector } from '../hooks';

const ARROW = { in: '↓', out: '↑' } as const;

export function MessageList() {
  const entries = useAppSelector((state) => state.messages.entries);
  if (entries.length === 0) return <p className="empty">No messages yet.</p>;
  return (
    <ol className="messages" aria-label="messages">
      {entries.map((entry) => (
        <li key={entry.id} className={`message message-${entry.direction}`}>
          <span className="direction" title={entry.direction === 'in' ? 'received' : 'sent'}>
            {ARROW[entry.direction]}
          </span>
          <code className="name">{entry.name}</code>
          <span className="text">{entry.text}</span>
        </li>
      ))}
    </ol>
  );
}
