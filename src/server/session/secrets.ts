import crypto from 'node:crypto';

/** Shorter than this, a secret could be guessed; 32 base64url characters are 192 random bits. */
export const MIN_SECRET_LENGTH = 32;

const MAKE_ONE =
  "make one with: node -e \"console.log(require('crypto').randomBytes(32).toString('base64url'))\"";

export interface SessionSecrets {
  /** The first signs new cookies; every one is accepted, so an old secret keeps its sessions while it is listed. */
  keys: string[];
  /** True when none was set and this process made one up: its sessions end when it stops. */
  generated: boolean;
}

function checked(variable: string, secret: string): string {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new Error(
      `${variable} is ${secret.length} characters long: use at least ${MIN_SECRET_LENGTH} random ones; ${MAKE_ONE}`,
    );
  }
  return secret;
}

/**
 * SESSION_SECRET signs the session cookie; SESSION_OLD_SECRETS (comma-separated) are still accepted, so a new
 * secret can take over without signing everybody out. Production refuses to start without one, since a made-up
 * secret would sign everyone out at every restart and differ between processes. In development one is made up.
 */
export function readSessionSecrets(env: NodeJS.ProcessEnv): SessionSecrets {
  const secret = env.SESSION_SECRET ?? '';
  const old = (env.SESSION_OLD_SECRETS ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean)
    .map((value) => checked('A secret in SESSION_OLD_SECRETS', value));
  if (secret === '') {
    if (env.NODE_ENV === 'production') {
      throw new Error(
        `SESSION_SECRET must be set when NODE_ENV=production, the same on every server process; ${MAKE_ONE}`,
      );
    }
    return { keys: [crypto.randomBytes(32).toString('base64url'), ...old], generated: true };
  }
  return { keys: [checked('SESSION_SECRET', secret), ...old], generated: false };
}
