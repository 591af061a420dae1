import { readLimits } from '../limits';
import { createHostCheck } from './allowedHosts';

describe('ALLOWED_HOSTS', () => {
  it('reads comma-separated host names, IPv6 addresses in brackets', () => {
    expect(readLimits({ ALLOWED_HOSTS: ' app.example ,,[::2], 10.0.0.5' }).allowedHosts).toEqual([
      'app.example',
      '[::2]',
      '10.0.0.5',
    ]);
  });

  it.each([
    'https://app.example',
    'app.example:8000',
    'app.example/chat',
    'a b',
    'user@app.example',
  ])('stops the server on %p with a sentence naming the variable', (value) => {
    expect(() => readLimits({ ALLOWED_HOSTS: value })).toThrow(
      `ALLOWED_HOSTS must list host names like app.example.com (no scheme or port), got "${value}".`,
    );
  });
});

describe('the host check', () => {
  const check = createHostCheck(['app.example'], ['https://chat.example.com:8443']);

  it.each([
    'localhost',
    'localhost:80',
    'app.example',
    'app.example:443',
    'chat.example.com',
    '10.0.0.5:8000',
    '[fe80::1]:8000',
  ])('answers Host %p', (host) => {
    expect(check(host)).toBeUndefined();
  });

  it.each([
    ['evil.example:8000', 'The host "evil.example" is not one'],
    ['app.example.evil.example', 'The host "app.example.evil.example" is not one'],
    ['localhost.', 'The host "localhost." is not one'],
    ['x'.repeat(300), `The host "${'x'.repeat(100)}" is not one`],
    [undefined, 'The request needs a Host header naming this server.'],
    ['app.example/path', 'The request needs a Host header'],
    ['user@app.example', 'The request needs a Host header'],
    ['', 'The request needs a Host header'],
  ])('refuses Host %p', (host, refusal) => {
    expect(check(host)).toContain(refusal);
  });
});
