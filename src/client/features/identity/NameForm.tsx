import { useState, type FormEvent } from 'react';
import { MAX_NAME_LENGTH } from '../../../shared/displayName';
import { changeName } from './identitySlice';
import { useAppDispatch, useAppSelector } from '../../hooks';

/**
 * The display name others see, and the user id a push names. Both come from the server's session; renaming
 * asks the server, which tells every open tab of this session at once.
 */
export function NameForm() {
  const { name, userId } = useAppSelector((state) => state.identity);
  if (name === null || userId === null) {
    return <p className="row hint">Waiting for the server to say who you are…</p>;
  }
  // Keyed by the name, so the draft starts over whenever the server says a new one (from any tab).
  return <IdentityRow key={name} name={name} userId={userId} />;
}

function IdentityRow({ name, userId }: { name: string; userId: string }) {
  const dispatch = useAppDispatch();
  const error = useAppSelector((state) => state.identity.error);
  const [draft, setDraft] = useState(name);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void dispatch(changeName(draft));
  };

  return (
    <>
      <form className="row" onSubmit={submit} aria-label="display name">
        <label htmlFor="name">Your name</label>
        <input
          id="name"
          value={draft}
          maxLength={MAX_NAME_LENGTH * 2}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" disabled={draft === name}>
          Rename
        </button>
        {error && <span className="error">{error}</span>}
      </form>
      <p className="row" aria-label="user id">
        <span className="field">Your id</span>
        <code className="user-id">{userId}</code>
        <span className="hint small">
          push to all your tabs: <code>npm run push -- --to {userId} "Hi"</code>
        </span>
      </p>
    </>
  );
}
