import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT, startServerProcess, type ServerProcess } from '../helpers/serverProcess';
import { waitFor } from '../helpers/testServer';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, hasChromium } from './chromium';

/** describe() when Chromium is here; otherwise skipped (globalSetup has said why, or failed the run on CI). */
export const describeInBrowser = hasChromium ? describe : describe.skip;

export function launchChromium(extraFlags: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...extraFlags],
  });
}

export interface ServerAndBrowser {
  server: ServerProcess;
  browser: Browser;
}

/**
 * The production server (with the given environment) and Chromium for one test file: started before its tests,
 * stopped after them. A test may replace `server`, to restart it; the new one is stopped too.
 */
export function useServerAndBrowser(env: Record<string, string> = {}): ServerAndBrowser {
  const running = {} as ServerAndBrowser;
  beforeAll(async () => {
    running.server = await startServerProcess(0, env);
    running.browser = await launchChromium();
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.server?.stop();
  });
  return running;
}

/** A tab and what it saw: console lines, errors, CSP violations, failed requests and websockets. */
export interface WatchedPage {
  page: Page;
  /** The headers of the page's own response. */
  headers: Record<string, string>;
  console: string[];
  errors: string[];
  /** Each `securitypolicyviolation` event, as "directive blocked-URL". */
  cspViolations: string[];
  failedRequests: string[];
  /** Every request's URL, in the order they were made (websockets are in `websockets`). */
  requests: string[];
  websockets: string[];
  /** The `[socket.io] …` lines only, in order. */
  socketLines(): string[];
  /** Resolves once `count` socket lines equal to `line` have been logged. */
  waitForLine(line: string, count?: number): Promise<void>;
}

/**
 * Opens the URL in a new browser context (its own cookies, like another person) and watches it; with `sameAs`,
 * in that page's context instead: another tab of the same person (CSP violations are then reported to the
 * first tab's list, where the context's listener was registered).
 */
export async function openPage(
  browser: Browser,
  url: string,
  sameAs?: WatchedPage,
): Promise<WatchedPage> {
  const context = sameAs ? sameAs.page.context() : await browser.newContext();
  const page = await context.newPage();
  const watched: WatchedPage = {
    page,
    headers: {},
    console: [],
    errors: [],
    cspViolations: [],
    failedRequests: [],
    requests: [],
    websockets: [],
    socketLines: () => watched.console.filter((line) => line.startsWith('[socket.io]')),
    waitForLine: (line, count = 1) =>
      waitFor(() => watched.console.filter((seen) => seen === line).length >= count, line, 20_000),
  };
  page.on('console', (message) => {
    watched.console.push(message.text());
    if (message.type() === 'error') watched.errors.push(message.text());
  });
  page.on('pageerror', (error) => watched.errors.push(error.message));
  page.on('request', (request) => watched.requests.push(request.url()));
  page.on('requestfailed', (request) =>
    watched.failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`),
  );
  page.on('response', (response) => {
    if (response.status() >= 400)
      watched.failedRequests.push(`${response.url()}: ${response.status()}`);
  });
  page.on('websocket', (socket) => watched.websockets.push(socket.url()));
  if (sameAs) {
    watched.headers = (await page.goto(url))?.headers() ?? {};
    return watched;
  }
  // Chromium logs a violation as a console error too; the event says which directive refused what.
  await context.exposeFunction('reportCspViolation', (line: string) =>
    watched.cspViolations.push(line),
  );
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { reportCspViolation(line: string): void }).reportCspViolation(
        `${event.effectiveDirective} ${event.blockedURI}`,
      ),
    ),
  );
  watched.headers = (await page.goto(url))?.headers() ?? {};
  return watched;
}

/** Saves a screenshot under test-results/e2e/ so each run leaves a picture of what a person saw. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const file = path.join(ROOT, 'test-results', 'e2e', `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The user id the page shows under "Your id", once the server has said who this tab is. */
export async function shownUserId(page: Page): Promise<string> {
  return (await page.locator('.user-id').textContent({ timeout: 20_000 })) ?? '';
}

export const HELLO_LINES = [
  '[socket.io] Server: Hello everyone!',
  '[socket.io] Server: Hello clients of room hello-1234!',
  '[socket.io] Server: Hello you!',
];
