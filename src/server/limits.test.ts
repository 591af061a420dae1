import {
  DEFAULT_LIMITS,
  MAX_COUNT,
  MAX_MESSAGE_BYTES_CEILING,
  MAX_TIMEOUT_MS,
  readLimits,
} from './limits';

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
      MAX_UNSENT_BYTES: '4096',
      MAX_CONNECTIONS_PER_ADDRESS: '7',
      ADDRESS_HANDSHAKES_PER_SECOND: '2',
      ADDRESS_HANDSHAKE_BURST: '4',
      ADDRESS_EVENTS_PER_SECOND: '50',
      ADDRESS_EVENT_BURST: '60',
      TRUST_PROXY: 'loopback, 10.0.0.0/8',
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
      maxUnsentBytes: 4096,
      maxConnectionsPerAddress: 7,
      addressHandshakesPerSecond: 2,
      addressHandshakeBurst: 4,
      addressEventsPerSecond: 50,
      addressEventBurst: 60,
      trustProxy: 'loopback, 10.0.0.0/8',
    });
  });

  it('reads the largest value each variable allows', () => {
    const limits = readLimits({
      MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES_CEILING),
      RATE_LIMIT_PER_SECOND: String(MAX_COUNT),
      SHUTDOWN_TIMEOUT_MS: String(MAX_TIMEOUT_MS),
    });
    expect(limits.maxMessageBytes).toBe(100 * 1024 * 1024);
    expect(limits.eventsPerSecond).toBe(1_000_000);
    expect(limits.shutdownTimeoutMs).toBe(2 ** 31 - 1);
  });

  it.each([
    [
      { MAX_MESSAGE_BYTES: '64k' },
      'MAX_MESSAGE_BYTES must be a whole number from 1 to 104857600 in plain digits, got "64k".',
    ],
    [
      { MAX_MESSAGE_BYTES: '1e20' },
      'MAX_MESSAGE_BYTES must be a whole number from 1 to 104857600 in plain digits, got "1e20".',
    ],
    [
      { MAX_MESSAGE_BYTES: '104857601' },
      'MAX_MESSAGE_BYTES must be a whole number from 1 to 104857600 in plain digits, got "104857601".',
    ],
    [
      { RATE_LIMIT_BURST: '0' },
      'RATE_LIMIT_BURST must be a whole number from 1 to 1000000 in plain digits, got "0".',
    ],
    [
      { RATE_LIMIT_PER_SECOND: '0x14' },
      'RATE_LIMIT_PER_SECOND must be a whole number from 1 to 1000000 in plain digits, got "0x14".',
    ],
    [
      { RATE_LIMIT_MAX_REFUSALS: '1000001' },
      'RATE_LIMIT_MAX_REFUSALS must be a whole number from 1 to 1000000 in plain digits, got "1000001".',
    ],
    [
      { MAX_ROOMS_PER_SOCKET: ' 20' },
      'MAX_ROOMS_PER_SOCKET must be a whole number from 1 to 1000000 in plain digits, got " 20".',
    ],
    // Longer than a Node timer can wait: it would fire at once, with a TimeoutOverflowWarning.
    [
      { SHUTDOWN_TIMEOUT_MS: '99999999999' },
      'SHUTDOWN_TIMEOUT_MS must be a whole number from 1 to 2147483647 in plain digits, got "99999999999".',
    ],
    [
      { ALLOWED_ORIGINS: 'example.com' },
      'ALLOWED_ORIGINS must list origins like https://example.com, got "example.com".',
    ],
    [{ ALLOWED_ORIGINS: 'https://a.example/path' }, 'got "https://a.example/path"'],
    [{ DEV_PORT: 'x' }, 'DEV_PORT must be a whole number'],
    [
      { TRUST_PROXY: 'my-proxy' },
      'TRUST_PROXY must be a number of proxies or a list of their addresses',
    ],
  ])('refuses %p with a message that names the variable', (env, message) => {
    expect(() => readLimits(env)).toThrow(message);
  });
});
