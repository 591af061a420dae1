import { useState, type FormEvent } from 'react';
import { MAX_CHAT_LENGTH } from '../../../shared/messages';
import { useAppDispatch, useAppSelector } from '../../hooks';
import { selectChatLines, sendChat } from './chatSlice';

/** The current room's chat and a box to write to it. */
export function ChatBox() {
  const dispatch = useAppDispatch();
  const room = useAppSelector((state) => state.rooms.current);
  const lines = useAppSelector((state) => selectChatLines(state, room));
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await dispatch(sendChat({ room, text }));
    if (sendChat.rejected.match(result)) setError(result.payload ?? 'The message was not sent.');
    else {
      setError(null);
      setText('');
    }
  };

  return (
    <section className="chat" aria-label="chat">
      <h2>Chat in {room}</h2>
      <ul className="chat-lines">
        {lines.map((line) => (
          <li key={line.id}>
            <strong>{line.from}</strong> {line.text}
          </li>
        ))}
      </ul>
      <form className="row" onSubmit={submit}>
        <input
          aria-label="message"
          value={text}
          maxLength={MAX_CHAT_LENGTH}
          placeholder="Say something to the room"
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit">Send</button>
        {error && <span className="error">{error}</span>}
      </form>
    </section>
  );
}
