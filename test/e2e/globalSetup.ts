import { execFileSync } from 'node:child_process';
import { CHROMIUM_PATH, hasChromium } from './chromium';
import { ROOT } from '../helpers/serverProcess';

// Browser tests run the production server, so they build the client first. Without Chromium they are skipped
// with one line saying how to enable them, except on CI, where a missing browser must not pass unnoticed.
export default function globalSetup(): void {
  if (!hasChromium) {
    const how = `install Debian's chromium (apt-get install chromium) or set CHROME_PATH`;
    if (process.env.CI === 'true') {
      throw new Error(`Browser tests need Chromium at ${CHROMIUM_PATH} on CI: ${how}.`);
    }
    console.log(
      `\n[e2e] Browser tests skipped: no Chromium at ${CHROMIUM_PATH}; to run them, ${how}.`,
    );
    return;
  }
  try {
    execFileSync(
      process.execPath,
      [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'],
      {
        cwd: ROOT,
        stdio: 'pipe',
      },
    );
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`The production build for the browser tests failed:\n${stdout}${stderr}`, {
      cause: error,
    });
  }
}
