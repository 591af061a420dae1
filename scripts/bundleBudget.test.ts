import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { FIRST_CHUNK_LIMIT_BYTES, measureBundle, overBudget } from './bundleBudget';

describe('the bundle budget', () => {
  it('measures each chunk named in the manifest, gzip -9, the entry chunk on its own', () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'realtime-stack-budget-'));
    const main = 'console.log("main");'.repeat(50);
    const ui = 'console.log("the page");'.repeat(80);
    fs.mkdirSync(path.join(dist, 'js'));
    fs.writeFileSync(path.join(dist, 'js', 'main.aaaa.js'), main);
    fs.writeFileSync(path.join(dist, 'js', 'ui.bbbb.js'), ui);
    fs.writeFileSync(
      path.join(dist, 'manifest.json'),
      JSON.stringify({
        assets: {
          'main.js': { file: '/static/js/main.aaaa.js' },
          'ui.js': { file: '/static/js/ui.bbbb.js' },
          'js/ui.bbbb.js.map': { file: '/static/js/ui.bbbb.js.map' },
        },
      }),
    );
    const gzip = (text: string) => zlib.gzipSync(text, { level: 9 }).length;
    try {
      expect(measureBundle(dist)).toEqual({ firstChunk: gzip(main), total: gzip(main) + gzip(ui) });
    } finally {
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });

  it('allows 5% over the recorded total and no more, and a first chunk up to the limit', () => {
    const budget = { firstChunk: 20_000, total: 100_000 };

    expect(overBudget({ firstChunk: 30_000, total: 105_000 }, budget)).toEqual([]);
    expect(overBudget({ firstChunk: 20_000, total: 105_001 }, budget)).toEqual([
      'The bundle is 105001 B gzip, 5.0% over its budget of 100000 B (at most 105000 B). If the growth is worth it, record the new sizes with `npm run check:bundle -- --update` and say why in the commit.',
    ]);
    const big = overBudget({ firstChunk: FIRST_CHUNK_LIMIT_BYTES + 1, total: 100_000 }, budget);
    expect(big).toHaveLength(1);
    expect(big[0]).toMatch(/^The first chunk is 90001 B gzip, over the 90000 B/);
  });
});
