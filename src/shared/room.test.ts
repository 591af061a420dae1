import { MAX_ROOM_LENGTH, parseRoomName } from './room';

describe('parseRoomName', () => {
  it.each(['hello-1234', 'a', 'Under_score', 'x'.repeat(MAX_ROOM_LENGTH)])('accepts %s', (room) => {
    expect(parseRoomName(room)).toEqual({ ok: true, room });
  });

  it.each([
    ['', /empty/],
    ['x'.repeat(MAX_ROOM_LENGTH + 1), /65 characters long/],
    ['tab\there', /only contain/],
    ['é', /only contain/],
    ['../etc', /only contain/],
    [undefined, /must be text/],
    [12, /must be text/],
  ])('refuses %p', (room, error) => {
    const answer = parseRoomName(room);
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error).toMatch(error);
  });
});
