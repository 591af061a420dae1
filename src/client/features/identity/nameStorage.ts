import { guestName, parseDisplayName } from '../../../shared/displayName';

const KEY = 'realtime-stack:name';

// localStorage can be missing (Node, tests) or throw (storage disabled): the name then lasts for the visit only.
function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The saved display name, or a new guest name (saved for next time) when there is none or it is invalid. */
export function loadDisplayName(): string {
  const saved = storage()?.getItem(KEY);
  if (saved && parseDisplayName(saved).ok) return saved;
  const name = guestName();
  saveDisplayName(name);
  return name;
}

export function saveDisplayName(name: string): void {
  try {
    storage()?.setItem(KEY, name);
  } catch {
    // A full or disabled storage only costs remembering the name next time.
  }
}
