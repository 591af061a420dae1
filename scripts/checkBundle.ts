// npm run check:bundle [-- --update]: measures the production build in dist/ (run `npm run build` first) against
// bundle-budget.json; --update records the sizes measured as the new budget.
import fs from 'node:fs';
import path from 'node:path';
import { measureBundle, overBudget, type BundleSizes } from './bundleBudget';

const ROOT = path.resolve(__dirname, '..');
const BUDGET_FILE = path.join(ROOT, 'bundle-budget.json');

function main(): number {
  const sizes = measureBundle(path.join(ROOT, 'dist'));
  console.log(`Bundle, gzip -9: first chunk ${sizes.firstChunk} B, all chunks ${sizes.total} B.`);
  if (process.argv.includes('--update')) {
    fs.writeFileSync(BUDGET_FILE, `${JSON.stringify(sizes, null, 2)}\n`);
    console.log(`Recorded them in ${path.basename(BUDGET_FILE)}.`);
    return 0;
  }
  const budget = JSON.parse(fs.readFileSync(BUDGET_FILE, 'utf8')) as BundleSizes;
  const problems = overBudget(sizes, budget);
  problems.forEach((problem) => console.error(problem));
  if (problems.length === 0) console.log(`Within the budget of ${budget.total} B (+5%).`);
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = main();
