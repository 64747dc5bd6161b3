import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A private D-Bus session with an unlocked gnome-keyring serving org.freedesktop.secrets, in its own
 * temp dir, so tests (and benchmarks) exercise the real Secret Service without touching a user's keyring.
 */
export interface KeyringSession {
  /** The caller's environment plus the private bus and XDG dirs: hand it to every child process. */
  readonly env: NodeJS.ProcessEnv;
  readonly busAddress: string;
  readonly dir: string;
  /** Stops the keyring and the bus and removes the temp dir. Safe to call more than once. */
  stop(): Promise<void>;
  /** The bus daemon's PID (for fault tests: SIGSTOP freezes the whole bus). */
  readonly busPid: number;
  /** The gnome-keyring-daemon's PID, or null once it was killed. */
  keyringPid(): number | null;
  /** Sends `signal` to the keyring daemon (SIGSTOP hangs it, SIGCONT resumes it, SIGKILL ends it). */
  signalKeyring(signal: NodeJS.Signals): void;
  /**
   * A fresh, unlocked daemon takes over the bus name (`--replace`), as after a crash and a new
   * login: the old one (or one the bus started on demand, which comes up locked) is replaced.
   */
  restartKeyring(): Promise<void>;
}

export interface KeyringSessionOptions {
  baseEnv?: NodeJS.ProcessEnv;
  /** How long the keyring may take to own its bus name. */
  readyTimeoutMs?: number;
}

const SECRETS_NAME = 'org.freedesktop.secrets';

export async function startKeyringSession(options: KeyringSessionOptions = {}): Promise<KeyringSession> {
  const { baseEnv = process.env, readyTimeoutMs = 10_000 } = options;
  const dir = await mkdtemp(join(tmpdir(), 'ferry-keyring-'));
  let busPid: number | null = null;
  let keyring: ChildProcess | null = null;

  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      if (keyring) await terminate(keyring);
      // The bus daemon is not our child (dbus-launch forks it), so it can only be signalled, not awaited.
      if (busPid !== null) signal(busPid, 'SIGTERM');
      await rm(dir, { recursive: true, force: true });
    })());

  try {
    const env = await isolatedEnv(baseEnv, dir);
    const bus = await launchBus(env);
    busPid = bus.pid;
    env.DBUS_SESSION_BUS_ADDRESS = bus.address;

    const started = startKeyring(env);
    keyring = started.child;
    await waitForName(env, started, readyTimeoutMs);
    const replaced: ChildProcess[] = [];
    return {
      env,
      busAddress: bus.address,
      dir,
      busPid: bus.pid,
      stop: async () => {
        for (const child of replaced) await terminate(child);
        await stop();
      },
      keyringPid: () => (keyring && keyring.exitCode === null && keyring.signalCode === null ? keyring.pid ?? null : null),
      signalKeyring: (name) => {
        if (keyring?.pid) signal(keyring.pid, name);
      },
      async restartKeyring() {
        const next = startKeyring(env, ['--replace']);
        if (keyring) replaced.push(keyring);
        keyring = next.child;
        // The old daemon leaves; wait until the new one answers for the name.
        await delay(300);
        await waitForName(env, next, readyTimeoutMs);
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** XDG dirs inside the temp dir keep keyrings and runtime sockets away from the user's; HOME stays for npm's caches. */
async function isolatedEnv(baseEnv: NodeJS.ProcessEnv, dir: string): Promise<NodeJS.ProcessEnv> {
  const xdg = {
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_CACHE_HOME: join(dir, 'cache'),
    XDG_RUNTIME_DIR: join(dir, 'runtime'),
  };
  // gnome-keyring refuses a runtime dir others can read.
  for (const path of Object.values(xdg)) await mkdir(path, { recursive: true, mode: 0o700 });
  const env: NodeJS.ProcessEnv = { ...baseEnv, ...xdg };
  // Anything pointing at the user's own session must not leak in.
  for (const name of ['DBUS_SESSION_BUS_ADDRESS', 'DBUS_SESSION_BUS_PID', 'GNOME_KEYRING_CONTROL', 'SSH_AUTH_SOCK']) delete env[name];
  return env;
}

async function launchBus(env: NodeJS.ProcessEnv): Promise<{ address: string; pid: number }> {
  // Without DISPLAY dbus-launch does not tie the bus to an X session we might not own.
  const { DISPLAY: _display, ...launchEnv } = env;
  const { stdout } = await run('dbus-launch', ['--sh-syntax'], { env: launchEnv, timeout: 10_000 });
  const address = /DBUS_SESSION_BUS_ADDRESS='([^']+)'/.exec(stdout)?.[1];
  const pid = Number(/DBUS_SESSION_BUS_PID=(\d+)/.exec(stdout)?.[1]);
  if (!address || !Number.isInteger(pid) || pid <= 0) throw new Error(`dbus-launch printed no bus address/PID:\n${stdout}`);
  return { address, pid };
}

interface StartedKeyring {
  child: ChildProcess;
  /** Rejects when the daemon exits before it was asked to. */
  exited: Promise<never>;
  stderr: () => string;
}

function startKeyring(env: NodeJS.ProcessEnv, extra: string[] = []): StartedKeyring {
  // --foreground keeps the daemon our child, so we know its PID and see its errors.
  const child = spawn('gnome-keyring-daemon', ['--foreground', ...extra, '--unlock', '--components=secrets'], {
    env,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4_000)));
  // --unlock reads the new login keyring's password from stdin. A daemon that dies at once closes the
  // pipe (EPIPE); its exit, reported below, is the error worth showing.
  child.stdin?.on('error', () => {});
  child.stdin?.end('ferry-test-password');
  const exited = new Promise<never>((_, reject) => {
    child.once('error', reject);
    child.once('exit', (code, sig) => reject(new Error(`gnome-keyring-daemon exited early (${sig ?? code}): ${stderr.trim()}`)));
  });
  exited.catch(() => {});
  return { child, exited, stderr: () => stderr };
}

async function nameHasOwner(env: NodeJS.ProcessEnv, name: string): Promise<boolean> {
  try {
    const { stdout } = await run(
      'dbus-send',
      ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', `string:${name}`],
      { env, timeout: 2_000 },
    );
    return /boolean true/.test(stdout);
  } catch {
    return false;
  }
}

// Until the name is owned, the first client would race the daemon.
async function waitForName(env: NodeJS.ProcessEnv, keyring: StartedKeyring, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const poll = async () => {
    while (Date.now() < deadline) {
      if (await nameHasOwner(env, SECRETS_NAME)) return;
      await delay(100);
    }
    throw new Error(`gnome-keyring-daemon did not own ${SECRETS_NAME} within ${timeoutMs} ms: ${keyring.stderr().trim() || 'no output'}`);
  };
  await Promise.race([poll(), keyring.exited]);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const ended = await Promise.race([exited.then(() => true), delay(2_000, false)]);
  if (!ended) child.kill('SIGKILL');
}
