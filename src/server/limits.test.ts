import { DEFAULT_LIMITS, readLimits } from './limits';

describe('readLimits', () => {
  it('uses the defaults, with the dev server origins outside production', () => {
    expect(readLimits({})).toEqual({
      ...DEFAULT_LIMITS,
      allowedOrigins: ['http://localhost:7000', 'http://127.0.0.1:7000'],
    });
    expect(readLimits({ NODE_ENV: 'production' }).allowedOrigins).toEqual([]);
  });

  it('reads each variable', () => {
    const limits = readLimits({
      NODE_ENV: 'production',
      MAX_MESSAGE_BYTES: '1000',
      RATE_LIMIT_PER_SECOND: '5',
      RATE_LIMIT_BURST: '10',
      RATE_LIMIT_MAX_REFUSALS: '30',
      MAX_ROOMS_PER_SOCKET: '3',
      ALLOWED_ORIGINS: 'https://a.example, https://b.example:8443',
      ALLOWED_HOSTS: 'app.example, Admin.example',
      SHUTDOWN_TIMEOUT_MS: '2000',
    });
    expect(limits).toEqual({
      maxMessageBytes: 1000,
      eventsPerSecond: 5,
      eventBurst: 10,
      maxRefusals: 30,
      maxRoomsPerSocket: 3,
      allowedOrigins: ['https://a.example', 'https://b.example:8443'],
      allowedHosts: ['app.example', 'admin.example'],
      shutdownTimeoutMs: 2000,
    });
  });

  it.each([
    [
      { MAX_MESSAGE_BYTES: '64k' },
      'MAX_MESSAGE_BYTES must be a whole number of at least 1, got "64k".',
    ],
    [{ RATE_LIMIT_BURST: '0' }, 'RATE_LIMIT_BURST must be a whole number of at least 1, got "0".'],
    [
      { ALLOWED_ORIGINS: 'example.com' },
      'ALLOWED_ORIGINS must list origins like https://example.com, got "example.com".',
    ],
    [{ ALLOWED_ORIGINS: 'https://a.example/path' }, 'got "https://a.example/path"'],
    [{ DEV_PORT: 'x' }, 'DEV_PORT must be a whole number'],
  ])('refuses %p with a message that names the variable', (env, message) => {
    expect(() => readLimits(env)).toThrow(message);
  });
});
