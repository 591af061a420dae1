import { hasRedis } from '../helpers/redisServer';

// Without redis-server the scale-out tests are skipped with one line saying how to enable them, except on CI,
// where a missing Redis must not pass unnoticed.
export default function globalSetup(): void {
  if (hasRedis) return;
  const how = `install Debian's redis-server (apt-get install redis-server)`;
  if (process.env.CI === 'true')
    throw new Error(`Scale-out tests need redis-server on CI: ${how}.`);
  console.log(`\n[redis] Scale-out tests skipped: no redis-server on PATH; to run them, ${how}.`);
}
