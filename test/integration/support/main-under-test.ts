import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../fixture';
import { startMainUnderTest, type DriverState, type MainUnderTest } from '../../harness/fake-electron/client';
import type { FrameSpec } from '../../harness/fake-electron/protocol';

const ROOT = resolve(import.meta.dirname, '../../..');
/** The built main bundle; FERRY_MAIN_BUNDLE points the tests at another build (e.g. an older commit's). */
export const MAIN_BUNDLE = process.env.FERRY_MAIN_BUNDLE ?? join(ROOT, 'dist-electron/main.cjs');
/** What Chromium reports in `event.senderFrame` for our page. */
export const OWN_PAGE: FrameSpec = { url: 'app://ferry/index.html', origin: 'app://ferry' };

export type Result = { ok: true; data: Record<string, unknown> } | { ok: false; error: { code: string } };

export interface BootOptions {
  dataDir?: string;
  lock?: boolean;
  missingModules?: string[];
  packagedResources?: string;
  /** Extra environment of main's process (a D-Bus address, say). */
  env?: NodeJS.ProcessEnv;
}

export type Booted = { main: MainUnderTest; loaded: DriverState; booted: DriverState; dataDir: string };

/** The data of a successful answer; fails the test with the error otherwise. */
export function dataOf<T>(result: Result): T {
  if (!result.ok) throw new Error(`request failed: ${JSON.stringify(result.error)}`);
  return result.data as T;
}

export const invoke = (main: MainUnderTest, route: string, input: unknown = {}, frame: FrameSpec = OWN_PAGE) =>
  main.send<Result>({ cmd: 'invoke', route, input, frame });

/**
 * For a test file that drives the built main bundle against the fake `electron`: `boot()` starts one
 * (its own data folder unless given, its own keychain service name), `fixture()` is the file's
 * fixture server; every main and temp folder goes after each test, and the fixture is reset.
 */
export function useMainUnderTest() {
  const started: MainUnderTest[] = [];
  const dirs: string[] = [];
  let server: FixtureServer | null = null;
  beforeAll(async () => {
    if (!existsSync(MAIN_BUNDLE)) throw new Error(`${MAIN_BUNDLE} is missing: run \`npx vite build\` first (npm test does)`);
    server = await startFixtureServer();
  });
  afterAll(() => server?.close());
  afterEach(async () => {
    for (const main of started.splice(0)) await main.stop();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
    server?.reset();
  });
  const fixture = (): FixtureServer => {
    if (!server) throw new Error('the fixture server starts in beforeAll');
    return server;
  };

  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'ferry-main-'));
    dirs.push(dir);
    return dir;
  };

  async function boot(options: BootOptions = {}): Promise<Booted> {
    const dataDir = options.dataDir ?? tempDir();
    const main = await startMainUnderTest({ FERRY_DATA_DIR: dataDir, FERRY_KEYCHAIN_SERVICE: `ferry-main-test-${process.pid}-${Date.now()}`, ...options.env });
    started.push(main);
    const loaded = await main.send<DriverState>({
      cmd: 'load',
      bundle: MAIN_BUNDLE,
      singleInstanceLock: options.lock ?? true,
      missingModules: options.missingModules,
      packagedResources: options.packagedResources,
    });
    const booted = await main.send<DriverState>({ cmd: 'ready' });
    return { main, loaded, booted, dataDir };
  }

  /**
   * A connection to the fixture with a session key, and a long answer that has started to reach the
   * window (the fixture should be configured slow): what quitting mid-stream must keep.
   */
  async function streamingAnswer(main: MainUnderTest): Promise<{ conversationId: string; messageId: string }> {
    const { id } = dataOf<{ id: string }>(await invoke(main, 'connections.save', { name: 'Fixture', baseUrl: fixture().baseUrl, model: 'fixture-model' }));
    dataOf(await invoke(main, 'connections.setKey', { id, key: 'sk-fixture-1234567', storage: 'session' }));
    const sent = dataOf<{ conversation: { id: string }; assistantMessage: { id: string } }>(await invoke(main, 'chat.send', { text: 'a long answer please' }));
    for (let i = 0; i < 100; i++) {
      if ((await main.send<{ name: string }[]>({ cmd: 'events' })).some((e) => e.name === 'chat.delta')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    return { conversationId: sent.conversation.id, messageId: sent.assistantMessage.id };
  }

  /** The stored answer, read by a fresh main over the same data folder. */
  async function storedAnswer(dataDir: string, where: { conversationId: string; messageId: string }) {
    const { main } = await boot({ dataDir });
    const { messages } = dataOf<{ messages: { id: string; status: string; content: string }[] }>(
      await invoke(main, 'conversations.get', { id: where.conversationId }),
    );
    return messages.find((m) => m.id === where.messageId);
  }

  return { boot, tempDir, fixture, streamingAnswer, storedAnswer };
}
