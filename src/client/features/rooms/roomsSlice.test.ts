import reducer, { joinRoom, roomsToJoin } from './roomsSlice';

describe('roomsSlice', () => {
  it('starts in the hello room, joined to nothing yet', () => {
    const state = reducer(undefined, { type: 'init' });
    expect(state).toEqual({ current: 'hello-1234', joined: [], joining: null, error: null });
    expect(roomsToJoin(state)).toEqual(['hello-1234']);
  });

  it('follows a join from pending to fulfilled', () => {
    let state = reducer(undefined, joinRoom.pending('r1', 'lobby'));
    expect(state.joining).toBe('lobby');

    state = reducer(state, joinRoom.fulfilled({ ok: true, room: 'lobby' }, 'r1', 'lobby'));
    expect(state).toMatchObject({ current: 'lobby', joined: ['lobby'], joining: null });
    expect(roomsToJoin(state)).toEqual(['lobby']);
  });

  it("keeps the server's refusal and the current room", () => {
    const state = reducer(undefined, joinRoom.rejected(null, 'r1', 'a b', 'Not a room.'));
    expect(state).toMatchObject({ current: 'hello-1234', joining: null, error: 'Not a room.' });
  });
});
