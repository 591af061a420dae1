import { useAppSelector } from '../../hooks';

const ARROW = { in: '↓', out: '↑' } as const;

/** Every message sent and received, newest last: the same traffic the console shows. */
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
          {entry.label && <span className="label">{entry.label}</span>}
          <span className="text">{entry.text}</span>
        </li>
      ))}
    </ol>
  );
}
