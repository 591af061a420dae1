// One console or page block of a chapter, run by the replay in a process of its own: starts `npm run <script>` in
// the replayed folder on free ports, opens the page in the system Chromium, and waits until the lines the text
// promises have appeared, in order. Exit 0 when they did; otherwise it prints what the page did show.
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';
import { freePort } from '../localServices';
import { inOrder } from './parseChapter';

interface BrowserStep {
  show: 'console' | 'page';
  script: string;
  portVariable: string;
  urlPath: string;
  expected: string[];
  folder: string;
  shotTo?: string;
}

const step = JSON.parse(process.argv[2]) as BrowserStep;
const WAIT_FOR_SERVER_MS = 180_000;
const WAIT_FOR_LINES_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const ports = { PORT: String(await freePort()), DEV_PORT: String(await freePort()) };
  const port = ports[step.portVariable as keyof typeof ports] ?? ports.PORT;
  const url = `http://localhost:${port}${step.urlPath}`;
  const server = spawn('npm', ['run', step.script], {
    cwd: step.folder,
    env: { ...process.env, ...ports, CI: 'true' },
    detached: true, // its own process group, so that webpack, nodemon and the server all stop with it
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let serverOutput = '';
  server.stdout.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (serverOutput += chunk.toString()));
  const stopServer = () => {
    try {
      process.kill(-(server.pid ?? 0), 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.on('exit', stopServer);

  const deadline = Date.now() + WAIT_FOR_SERVER_MS;
  for (;;) {
    if (server.exitCode !== null)
      throw new Error(`npm run ${step.script} exited:\n${serverOutput}`);
    const answered = await fetch(url).then(
      (response) => response.status < 500,
      () => false,
    );
    if (answered) break;
    if (Date.now() > deadline) throw new Error(`nothing answered at ${url}:\n${serverOutput}`);
    await sleep(250);
  }

  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
  try {
    const page = await (
      await browser.newContext({ viewport: { width: 1000, height: 700 } })
    ).newPage();
    const consoleLines: string[] = [];
    page.on('console', (message) => consoleLines.push(message.text()));
    await page.goto(url);
    const seen = async () =>
      step.show === 'console'
        ? consoleLines
        : `${await page.title()}\n${await page.evaluate(() => document.body.innerText)}`
            .split('\n')
            .map((line) => line.trim());
    const until = Date.now() + WAIT_FOR_LINES_MS;
    let found = inOrder(step.expected, await seen());
    while (!found.ok && Date.now() < until) {
      await sleep(200);
      found = inOrder(step.expected, await seen());
    }
    if (!found.ok) {
      throw new Error(
        `the text says the ${step.show === 'console' ? 'browser console shows' : 'page shows'} "${found.missing}", but it showed:\n${(await seen()).join('\n')}`,
      );
    }
    if (step.shotTo) {
      await sleep(300); // let the last render settle
      await page.screenshot({ path: step.shotTo });
    }
  } finally {
    await browser.close();
    stopServer();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
