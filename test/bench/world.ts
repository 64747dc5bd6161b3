/**
 * What every renderer benchmark scenario runs in: a private keyring, the fixture server in this
 * process, the built browser host (`dist-electron/web.cjs`) on the benchmark's history, and the
 * system Chromium through Playwright. Plus the measuring aids shared by the scenarios.
 */
import { readFileSync } from 'node:fs';
import { ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'libsql';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startFixtureServer, type FixtureServer } from '../fixture';
import { startKeyringSession } from '../harness/keyring-session';
import e2eConfig from '../e2e/playwright.config';
import { startHostProcess, type HostProcess } from '../e2e/support/web-host-process';

const CHROMIUM = process.env.FERRY_CHROMIUM ?? '/usr/bin/chromium';
/** The end-to-end suite's Chromium flags, plus what measuring needs. */
const ARGS = [
  ...(e2eConfig.use?.launchOptions?.args ?? []),
  '--enable-precise-memory-info',
  // A hidden/occluded headless page must not be throttled while we measure it.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
];

export const nodeNow = () => performance.timeOrigin + performance.now();
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface World {
  /** Rejects when the host process exits before we stop it. */
  hostExited: Promise<never>;
  browser: Browser;
  host: HostProcess;
  fixture: FixtureServer;
  dbFile: string;
  /** The built copy of the app the host runs from. */
  root: string;
  /**
   * Restarts the host on the same data, keyring and key service, with extra environment (e.g. an
   * inspector), from another built copy of the app if `root` is given.
   */
  restartHost(extraEnv?: NodeJS.ProcessEnv, root?: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startWorld(dbFile: string, root: string, hostEnv: NodeJS.ProcessEnv = {}): Promise<World> {
  const keyring = await startKeyringSession();
  const fixture = await startFixtureServer();
  let host: HostProcess | undefined;
  let browser: Browser | undefined;
  const env = {
    ...keyring.env,
    FERRY_KEYCHAIN_SERVICE: `ferry-bench-${process.pid}-${Date.now()}`,
    LANG: 'en_US.UTF-8',
    LC_ALL: '',
    ...hostEnv,
  };
  try {
    host = await startHostProcess(dirname(dbFile), env, [], root);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  } catch (error) {
    await host?.stop();
    await fixture.close();
    await keyring.stop();
    throw error;
  }
  const b = browser;
  let stopping = false;
  const retired = new Set<HostProcess>();
  const watchExit = (h: HostProcess) => {
    const exited = new Promise<never>((_, reject) =>
      h.child.once('exit', (code, signal) => {
        if (!stopping && !retired.has(h)) reject(new Error(`the browser host exited (code ${code}, signal ${signal}) during the benchmark:\n${h.output().slice(-2000)}`));
      }),
    );
    exited.catch(() => {});
    return exited;
  };
  const world: World = {
    hostExited: null as unknown as Promise<never>,
    browser: b,
    host,
    fixture,
    dbFile,
    root,
    async restartHost(extraEnv = {}, root = world.root) {
      retired.add(world.host);
      await world.host.stop();
      world.root = root;
      world.host = await startHostProcess(dirname(dbFile), { ...env, ...extraEnv }, [], root);
      world.hostExited = watchExit(world.host);
    },
    async stop() {
      stopping = true;
      await b.close().catch(() => {});
      await world.host.stop();
      await fixture.close();
      await keyring.stop();
    },
  };
  world.hostExited = watchExit(host);
  return world;
}

/** A fresh browser context on the app; `hash` opens a conversation the way a link or a reload does (#/c/<id>). */
export async function newPage(world: World, hash = '') {
  const context = await world.browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
  // tsx (esbuild keepNames) wraps named functions in page.evaluate callbacks with __name(): define it.
  await context.addInitScript('globalThis.__name = (f) => f;');
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  await page.goto(world.host.url + hash);
  await page.getByRole('navigation', { name: 'Conversations' }).waitFor({ timeout: 30_000 });
  if (hash) await page.locator('[role="log"] article').first().waitFor({ timeout: 30_000 });
  return { context, page, cdp };
}

export async function setUpConnection(world: World) {
  const { context, page } = await newPage(world);
  try {
    const setup = page.getByRole('button', { name: 'Set up a connection' });
    if (await setup.isVisible()) await setup.click();
    else await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings', exact: true });
    await dialog.waitFor();
    await dialog.getByLabel('Name', { exact: true }).fill('Bench fixture');
    await dialog.getByLabel('Base URL', { exact: true }).fill(world.fixture.url);
    await dialog.getByLabel('API key', { exact: true }).fill('sk-bench-0000');
    await dialog.getByLabel('Model', { exact: true }).fill('fixture-model');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.getByText(/0000/).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  } finally {
    await context.close();
  }
}

/**
 * Opens a conversation from the sidebar and waits until its messages, and only its, are on screen:
 * the previous conversation's messages stay until the new ones arrive, and typing then would go
 * into the previous conversation's composer (a lost send in the ten-at-once run).
 */
export async function openFromSidebar(page: Page, id: string) {
  const before = await page.evaluate(() => [...document.querySelectorAll('[role="log"] article')].map((a) => a.getAttribute('data-message-id')));
  await page.locator(`nav [role="option"][data-conversation-id="${id}"]`).first().click();
  await page.waitForFunction(
    ({ hash, before }) => {
      const ids = [...document.querySelectorAll('[role="log"] article')].map((a) => a.getAttribute('data-message-id'));
      return location.hash === hash && ids.length > 0 && !ids.some((x) => before.includes(x));
    },
    { hash: `#/c/${encodeURIComponent(id)}`, before },
    { timeout: 30_000 },
  );
}

/** Puts the long conversation on top of the sidebar (newest), so a user can click it. */
export function bringToTop(dbFile: string, id: string) {
  const db = new Database(dbFile);
  db.prepare('UPDATE conversations SET updated_at = (SELECT max(updated_at) + 1 FROM conversations) WHERE id = ?').run(id);
  db.close();
}

/**
 * Copies of a conversation (all its messages, same tree), newest in the sidebar: each streamed run
 * gets its own long history to answer in, so runs don't see each other's answers. Before the host starts.
 */
export function cloneConversation(dbFile: string, sourceId: string, count: number, tag: string): string[] {
  const db = new Database(dbFile);
  db.exec('PRAGMA foreign_keys = OFF');
  const ids: string[] = [];
  db.transaction(() => {
    for (let n = 0; n < count; n++) {
      const id = `${sourceId}-${tag}${n}`;
      const prefix = `${tag}${n}-`;
      db.prepare(
        `INSERT INTO conversations (id, title, title_is_auto, created_at, updated_at, connection_id, model, active_leaf_id)
         SELECT @id, title || ' (' || @tag || ')', 1, created_at, (SELECT max(updated_at) + 1 FROM conversations), NULL, model, @prefix || active_leaf_id
         FROM conversations WHERE id = @src`,
      ).run({ id, tag: `${tag}${n}`, prefix, src: sourceId });
      db.prepare(
        `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, error_json, model, created_at, updated_at, seq)
         SELECT @prefix || id, @id, CASE WHEN parent_id IS NULL THEN NULL ELSE @prefix || parent_id END,
                role, content, status, error_json, model, created_at, updated_at, seq
         FROM messages WHERE conversation_id = @src`,
      ).run({ id, prefix, src: sourceId });
      ids.push(id);
    }
  })();
  db.close();
  return ids;
}

/** The newest assistant message's stored text in a conversation (read beside the running host; WAL allows it). */
export function storedAnswer(dbFile: string, conversationId: string): { content: string; status: string } | undefined {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db
      .prepare(`SELECT content, status FROM messages WHERE conversation_id = ? AND role = 'assistant' ORDER BY seq DESC LIMIT 1`)
      .get(conversationId) as { content: string; status: string } | undefined;
  } finally {
    db.close();
  }
}

/** CPU time (user + system, all threads) a process has used so far, in ms, from /proc. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start at field 3; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS;
}
/** sysconf(_SC_CLK_TCK) is 100 on every Linux we run on. */
const CLOCK_TICKS = 100;

/**
 * Waits until a process has used no CPU for `quietMs` (at most `maxMs`), so a window started then
 * counts only what follows: opening the page leaves the host a garbage collection and compiling to
 * do in the next seconds (measured: 60–120 ms), which is not the answer's.
 */
export async function untilQuiet(pid: number, quietMs = 600, maxMs = 6_000): Promise<void> {
  const start = nodeNow();
  let cpu = processCpuMs(pid);
  let since = nodeNow();
  while (nodeNow() - since < quietMs && nodeNow() - start < maxMs) {
    await sleep(100);
    const now = processCpuMs(pid);
    if (now !== cpu) [cpu, since] = [now, nodeNow()];
  }
}

/** Node ↔ page clock offset (page − node, ms), NTP style: the round trip with the smallest RTT wins. */
export async function clockOffset(page: Page): Promise<{ offsetMs: number; uncertaintyMs: number }> {
  let best = { offsetMs: 0, uncertaintyMs: Infinity };
  for (let i = 0; i < 25; i++) {
    const t1 = nodeNow();
    const p = await page.evaluate(() => performance.timeOrigin + performance.now());
    const t2 = nodeNow();
    if ((t2 - t1) / 2 < best.uncertaintyMs) best = { offsetMs: p - (t1 + t2) / 2, uncertaintyMs: (t2 - t1) / 2 };
  }
  return best;
}

export interface SendLog {
  /** Node time of the write of the frame carrying each marker. */
  markers: Map<string, number>;
  /** Node time of each `[DONE]` write (the upstream's end), in order. */
  ends: number[];
  /** Content frames written so far (all streams). */
  frames: number;
  onFrame?: (frames: number) => void;
}

/** Records when response writes carrying markers, and the end of each stream, left the fixture. */
export function watchFixtureSends(): { log: SendLog; restore(): void } {
  const log: SendLog = { markers: new Map(), ends: [], frames: 0 };
  const original = ServerResponse.prototype.write;
  ServerResponse.prototype.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    if (typeof chunk === 'string' && chunk.startsWith('data: ')) {
      const t = nodeNow();
      if (chunk.includes('mk')) for (const m of chunk.matchAll(/mk\d{4}/g)) if (!log.markers.has(m[0])) log.markers.set(m[0], t);
      if (chunk.startsWith('data: [DONE]')) log.ends.push(t);
      else if (chunk.includes('"content"')) log.onFrame?.(++log.frames);
    }
    return (original as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof original;
  return {
    log,
    restore: () => {
      ServerResponse.prototype.write = original;
    },
  };
}
