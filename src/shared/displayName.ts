// The name a person shows to others. The client sends it at the handshake and the server checks it there,
// once per connection, so every message after that can trust socket.data.name.
import type { Answer } from './messages';

export const MAX_NAME_LENGTH = 32;

// Control, format and separator characters could hide or reorder what others see.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

export function parseDisplayName(value: unknown): Answer<{ name: string }> {
  if (typeof value !== 'string') {
    return { ok: false, error: 'Choose a display name: 1 to 32 printable characters.' };
  }
  const length = [...value].length;
  if (value.trim().length === 0) {
    return { ok: false, error: 'The display name is empty: use 1 to 32 printable characters.' };
  }
  if (length > MAX_NAME_LENGTH) {
    return {
      ok: false,
      error: `The display name is ${length} characters long: use at most ${MAX_NAME_LENGTH}.`,
    };
  }
  if (UNPRINTABLE.test(value)) {
    return { ok: false, error: 'The display name may only contain printable characters.' };
  }
  return { ok: true, name: value };
}

/** A name for someone who has not chosen one: guest- and four random digits. */
export function guestName(random: () => number = Math.random): string {
  return `guest-${String(Math.floor(random() * 10_000)).padStart(4, '0')}`;
}
