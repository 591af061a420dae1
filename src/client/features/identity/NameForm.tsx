import { useState, type FormEvent } from 'react';
import { MAX_NAME_LENGTH } from '../../../shared/displayName';
import { changeName } from './identitySlice';
import { useAppDispatch, useAppSelector } from '../../hooks';

/** The display name others see; changing it reconnects, since the server checks it at the handshake. */
export function NameForm() {
  const dispatch = useAppDispatch();
  const { name, error } = useAppSelector((state) => state.identity);
  const [draft, setDraft] = useState(name);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void dispatch(changeName(draft));
  };

  return (
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
  );
}
