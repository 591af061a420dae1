import { reasonOf } from './redisHealth';

// The watch itself is tested against a real redis-server, frozen and refusing, in test/redis/health.test.ts.
describe('the reason in the Redis outage line', () => {
  it("is the error's message", () => {
    expect(reasonOf(new Error('NOAUTH Authentication required.'))).toBe(
      'NOAUTH Authentication required.',
    );
  });

  it('names each address of a refused connection to a name with two (an AggregateError has no message)', () => {
    const refused = (address: string) => new Error(`connect ECONNREFUSED ${address}`);
    const error = new AggregateError([refused('::1:6379'), refused('127.0.0.1:6379')]);
    expect(reasonOf(error)).toBe(
      'connect ECONNREFUSED ::1:6379; connect ECONNREFUSED 127.0.0.1:6379',
    );
  });

  it('is readable whatever was thrown', () => {
    expect(reasonOf('gone')).toBe('gone');
    expect(reasonOf(new AggregateError([]))).toBe('AggregateError');
  });
});
