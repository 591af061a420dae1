import { useState, type FormEvent } from 'react';
import { useAppDispatch, useAppSelector } from '../../hooks';
import { joinRoom } from './roomsSlice';

/** Joins another room and shows the server's answer: the room joined, or why it was refused. */
export function RoomPicker() {
  const dispatch = useAppDispatch();
  const { current, joining, error } = useAppSelector((state) => state.rooms);
  const [room, setRoom] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void dispatch(joinRoom(room));
  };

  return (
    <form className="row" onSubmit={submit} aria-label="room">
      <label htmlFor="room">Room</label>
      <input
        id="room"
        value={room}
        placeholder={current}
        onChange={(e) => setRoom(e.target.value)}
      />
      <button type="submit" disabled={joining !== null}>
        Join
      </button>
      {error ? (
        <span className="error">{error}</span>
      ) : (
        <span className="ok">{joining ? `Joining ${joining}…` : `In room ${current}`}</span>
      )}
    </form>
  );
}
