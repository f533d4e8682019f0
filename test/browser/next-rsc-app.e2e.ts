/**
 * The Next.js example app (examples/next-rsc) in a real headless Chromium: production build,
 * `next start` against the local W&B emulator (through the app's own `with-wandb` runner, as
 * `npm start` does), driven with playwright-core. Screenshots go to test-results/.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '../../examples/run/ensure-package-built.ts';

const APP = join(REPOSITORY_ROOT, 'examples', 'next-rsc');
const RESULTS = join(REPOSITORY_ROOT, 'test-results');

let server: ChildProcess;
let appURL: string;
let userDataDir: string;
let browser: BrowserContext;
let page: Page;
const browserErrors: string[] = [];
/** What the server process printed on stderr: the emulator reports the spans it received there. */
let serverStderr = '';

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  const port = await freePort();
  appURL = `http://127.0.0.1:${port}`;
  const log = createWriteStream(join(RESULTS, 'next-server.log'));
  // Its own process group, so that stopping it stops next and the emulator runner together.
  server = spawn(
    process.execPath,
    [
      join(REPOSITORY_ROOT, 'examples', 'run', 'with-wandb.ts'),
      join(APP, 'node_modules', '.bin', 'next'),
      'start',
      '-H',
      '127.0.0.1',
      '-p',
      String(port),
    ],
    {
      cwd: APP,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: withoutWandbSettings({ ...process.env, NEXT_TELEMETRY_DISABLED: '1' }),
    },
  );
  server.stdout!.pipe(log);
  server.stderr!.pipe(log);
  server.stderr!.on('data', (chunk: Buffer) => {
    serverStderr += chunk.toString('utf8');
  });
  await waitUntilServing(appURL);

  userDataDir = mkdtempSync(join(tmpdir(), 'wandb-e2e-chromium-'));
  browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1000, height: 640 },
  });
  page = browser.pages()[0] ?? (await browser.newPage());
  page.on('console', message => {
    if (message.type() === 'error') browserErrors.push(message.text());
  });
  page.on('pageerror', error => browserErrors.push(error.message));
  page.on('response', response => {
    if (response.status() >= 400)
      browserErrors.push(`HTTP ${response.status()} for ${response.url()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  if (server?.pid != null && server.exitCode == null) {
    const exited = new Promise(resolve => server.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM');
    await exited;
  }
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe('the Next.js example app in Chromium', () => {
  it('streams a server action’s streamText answer into the page in several increments', async () => {
    await page.goto(appURL);
    // Record every text the answer box shows, as the browser renders it.
    await page.evaluate(() => {
      const box = document.querySelector('[data-testid="answer"]')!;
      const seen: string[] = [];
      (window as unknown as { seenAnswers: string[] }).seenAnswers = seen;
      new MutationObserver(() => {
        const text = box.textContent ?? '';
        if (text !== '' && text !== seen.at(-1)) seen.push(text);
      }).observe(box, { childList: true, subtree: true, characterData: true });
    });
    await page.getByLabel('Prompt').fill('Write a haiku about gradient descent.');
    await page.getByRole('button', { name: 'Ask' }).click();
    await page.locator('[data-testid="answer"][data-status="done"]').waitFor();

    const haiku =
      'Down the foggy slope,\nsmall steps against the gradient —\nloss sighs, settles low.';
    await expect.poll(() => page.getByTestId('answer').textContent()).toBe(haiku);
    const seen = await page.evaluate(
      () => (window as unknown as { seenAnswers: string[] }).seenAnswers,
    );
    console.log(`[browser e2e] the answer was rendered in ${seen.length} increments`);
    expect(seen.length, JSON.stringify(seen)).toBeGreaterThanOrEqual(3);
    // Each increment extends the one before: the text grew, it was not replaced.
    for (const text of seen) expect(haiku.startsWith(text), text).toBe(true);
    await page.screenshot({ path: join(RESULTS, 'stream.png') });
  });

  it('chats through useChat and renders the weather tool’s result, then the answer that uses it', async () => {
    // The first page's call (3 spans: invoke_agent, step, chat) has reached Weave (the emulator).
    await expect.poll(spansReceived, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    const spansBefore = spansReceived();
    await page.goto(`${appURL}/chat`);
    await page.getByLabel('Message').fill('Should I take a jacket in Paris today?');
    await page.getByRole('button', { name: 'Send' }).click();

    const toolResult = page.locator('[data-testid="tool-result"][data-state="output-available"]');
    await toolResult.waitFor();
    expect(await toolResult.textContent()).toBe(
      'weather({"city":"Paris"}) → {"city":"Paris","celsius":11,"conditions":"light rain"}',
    );
    await page.getByText('Paris: 11 °C and light rain, so take a jacket.').waitFor();
    await expect.poll(() => page.getByTestId('chat-status').textContent()).toBe('ready');
    await page.screenshot({ path: join(RESULTS, 'chat.png') });

    // instrumentation.ts registered Weave tracing: the chat's tool loop arrived as its six spans
    // (invoke_agent, two steps with a chat each, execute_tool weather), sent within a batch delay.
    await expect
      .poll(() => spansReceived() - spansBefore, { timeout: 20_000 })
      .toBeGreaterThanOrEqual(6);
    expect(spansReceived() - spansBefore).toBe(6);
  });

  it('fills the form from a typed object made by a server action', async () => {
    await page.goto(`${appURL}/object`);
    await page.getByLabel('City to profile').fill('Lisbon');
    await page.getByRole('button', { name: 'Generate profile' }).click();

    await expect.poll(() => page.locator('#profile-country').inputValue()).toBe('Portugal');
    expect(await page.locator('#profile-city').inputValue()).toBe('Lisbon');
    expect(await page.getByLabel('City to profile').inputValue()).toBe('Lisbon');
    expect(await page.locator('#profile-population').inputValue()).toBe('545,000');
    expect(await page.locator('#profile-known-for').inputValue()).toBe(
      'tram 28\npastéis de nata\nfado in Alfama',
    );
    await page.screenshot({ path: join(RESULTS, 'object.png') });
  });

  it('logged no errors in the browser', () => {
    expect(browserErrors).toEqual([]);
  });
});

/** The emulator's running total of spans received for Weave, from its last report line. */
function spansReceived(): number {
  const totals = [...serverStderr.matchAll(/received \d+ span\(s\) for Weave \((\d+) in all\)/g)];
  return Number(totals.at(-1)?.[1] ?? 0);
}

function withoutWandbSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith('WANDB_')));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Polls the app until it answers, or fails when the server process ends first. */
async function waitUntilServing(url: string): Promise<void> {
  for (;;) {
    if (server.exitCode != null)
      throw new Error(
        `next start exited with code ${server.exitCode}; see test-results/next-server.log`,
      );
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}
