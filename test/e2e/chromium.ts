import fs from 'node:fs';

/** The system's Chromium: tests never download a browser. */
export const CHROMIUM_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM_PATH);
