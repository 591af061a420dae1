import { readSessionSecrets } from './secrets';

const SECRET = 'a'.repeat(32);
const OLD = 'b'.repeat(40);

describe('readSessionSecrets', () => {
  it('signs with SESSION_SECRET and still accepts SESSION_OLD_SECRETS, in that order', () => {
    expect(
      readSessionSecrets({ SESSION_SECRET: SECRET, SESSION_OLD_SECRETS: ` ${OLD} ,, ` }),
    ).toEqual({ keys: [SECRET, OLD], generated: false });
  });

  it('refuses to go without one in production, saying how to make one', () => {
    expect(() => readSessionSecrets({ NODE_ENV: 'production' })).toThrow(
      /^SESSION_SECRET must be set when NODE_ENV=production, the same on every server process; make one with: node -e/,
    );
  });

  it('makes one up in development, different at every start', () => {
    const first = readSessionSecrets({});
    const second = readSessionSecrets({ NODE_ENV: 'development' });
    expect(first.generated).toBe(true);
    expect(first.keys[0]).toHaveLength(43);
    expect(first.keys[0]).not.toBe(second.keys[0]);
  });

  it.each([
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET is 5 characters long'],
    [
      { SESSION_SECRET: SECRET, SESSION_OLD_SECRETS: 'old' },
      'A secret in SESSION_OLD_SECRETS is 3 characters long',
    ],
  ])('refuses a secret shorter than 32 characters: %p', (env, sentence) => {
    expect(() => readSessionSecrets(env)).toThrow(sentence);
  });
});
