import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BullmqJobQueue } from '../../src/adapters/job-queue/bullmq-job-queue.js';
import { runCli, startCli } from '../support/cli.js';
import { makeVideoClip } from '../support/clips.js';
import { startTestRedis, type TestRedis } from '../support/redis.js';
import { scratchParent } from '../support/scratch.js';
import { until, within } from '../support/wait.js';

const HEADER = 'id,edition,date,title,kind,themes,speakers,language,licence,summary,media,captions';
const row = (id: string, file: string): string => `${id},2025 Strasbourg,2025-10-29,Titre ${id},talk,Accessibilité,Jeanne Martin (La Mednum),fr,CC-BY-4.0,,${file},`;

/** The `worker` command of the real CLI: its usage, work without the programme's files, and how it stops. */
describe('the worker command', () => {
  let redis: TestRedis;
  let root: string;
  let programme: string;
  let env: Record<string, string>;
  let paused: { pid: number; cmdline: string } | null = null;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    // On a tmpfs where there is one: the store fsyncs every file it writes (see scratchParent).
    root = mkdtempSync(path.join(scratchParent(), 'mc-worker-'));
    mkdirSync(path.join(root, 'talks'));
    // Both short: the long item's transcode is held still (SIGSTOP) while the signals arrive, so its length proves nothing.
    [redis] = await Promise.all([
      startTestRedis(),
      makeVideoClip(path.join(root, 'talks', 'absente.mp4'), { seconds: 2, width: 320, height: 180 }),
      makeVideoClip(path.join(root, 'talks', 'longue.mp4'), { seconds: 4, width: 640, height: 360 }),
    ]);
    programme = path.join(root, 'programme.csv');
    writeFileSync(programme, `${[HEADER, row('absente', 'talks/absente.mp4'), row('longue', 'talks/longue.mp4')].join('\n')}\n`);
    env = { DATA_DIR: path.join(root, 'data'), QUEUE: 'bullmq', REDIS_URL: redis.url, TRANSCRIBER: 'none', MEILI_URL: 'http://127.0.0.1:1' };
  }, 120_000);

  afterAll(async () => {
    if (paused) killIfRunning(paused);
    for (const child of workers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await redis?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('refuses to start without the shared queue, or with Redis down, in one line each', async () => {
    // Four separate processes, started together: each is the CLI's whole contract (exit code, stderr).
    const [inline, noWait, down, badFlag] = await Promise.all([
      runCli(['worker'], { DATA_DIR: path.join(root, 'data') }),
      runCli(['ingest', '--no-wait', programme], { DATA_DIR: path.join(root, 'data') }),
      runCli(['worker'], { ...env, REDIS_URL: 'redis://127.0.0.1:1' }),
      runCli(['worker', '--concurrency', '0'], env),
    ]);
    expect(inline.code).toBe(2);
    expect(inline.stderr).toMatch(/^error: worker needs the shared queue: set QUEUE=bullmq and REDIS_URL/);
    expect(noWait.code).toBe(2);
    expect(noWait.stderr).toMatch(/^error: --no-wait needs the shared queue/);
    expect(down.code).toBe(2);
    expect(down.stderr.trim()).toMatch(/^error: queue unavailable: Redis at redis:\/\/127\.0\.0\.1:1 does not answer \(.*\); start it or fix REDIS_URL$/);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/--concurrency must be a whole number from 1 to 64/);
  }, 60_000);

  it('works without the programme\'s files (ingest stored them), finishes or hands back its step on signals, and another worker completes the work', async () => {
    const queued = await runCli(['ingest', '--no-wait', '--plain', programme], env);
    expect(queued.stdout).toMatch(/2 job\(s\) queued for the workers/);
    expect(queued.code).toBe(0);
    // The programme's folder is gone once ingest returned: as on a machine that never had it.
    renameSync(path.join(root, 'talks'), path.join(root, 'talks-away'));

    const first = startCli(['worker', '--lock-seconds', '5'], env);
    workers.push(first.child);
    let firstErr = '';
    first.child.stderr?.on('data', (chunk: Buffer) => (firstErr += chunk.toString()));
    const stderr = (): string => firstErr;
    // The long item's ffmpeg, found as soon as its transcode starts and held still (SIGSTOP): the
    // step is certainly running when the signals arrive, however short the recording.
    const held = holdTranscode(first, 'longue');
    held.catch(() => {}); // awaited below: a failure is told there
    // The costlier item first (the larger recording), and its next steps before the other item's first.
    paused = await held;
    expect(first.stdout().split('\n').filter((l) => l.endsWith(' started'))).toEqual(['longue: probe started', 'longue: transcode-video started']);
    expect(first.stdout()).not.toContain('longue: transcode-video done');
    first.child.kill('SIGTERM');
    await until(() => stderr().includes('SIGTERM: taking no more jobs, finishing 1'), 10_000, 'the first signal');
    first.child.kill('SIGTERM');
    // Handed back while its ffmpeg is still held: waiting again before the step could have ended.
    const watch = new BullmqJobQueue({ url: redis.url });
    try {
      await until(async () => {
        const { counts } = await watch.overview();
        return counts.waiting === 2 && counts.active === 0 ? true : null;
      }, 30_000, 'the step handed back');
    } finally {
      await watch.close();
    }
    // It exits without waiting for the step it handed back (whose ffmpeg is still held), and
    // that ffmpeg dies with it: nothing keeps writing into the work folder the next worker uses.
    const stopped = await within(first.done, 30_000, 'the first worker to exit after the hand-back', () => described(first, firstErr));
    const ffmpeg = paused;
    await until(() => !running(ffmpeg), 10_000, `the held ffmpeg (pid ${ffmpeg.pid}) to end with its worker`)
      .catch((error: Error) => Promise.reject(new Error(`${error.message}: ${readFileSync(`/proc/${ffmpeg.pid}/status`, 'utf8').split('\n').filter((l) => /^(State|PPid|SigPnd|ShdPnd|SigBlk)/.test(l)).join(', ')}`)));
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toContain('SIGTERM: handing 1 job(s) back to the queue');
    expect(stopped.stderr).not.toMatch(/^error:/m);
    expect(stopped.stdout).not.toContain('longue: ingested');
    expect(stopped.stdout).not.toMatch(/^absente: /m);

    // Handed back: waiting again at once, not stuck behind its lock.
    const status = await runCli(['status'], env);
    expect(status.stdout).toMatch(/Queue: 2 waiting, 0 active, 0 to retry, 0 done, 0 failed/);

    const second = startCli(['worker'], env);
    workers.push(second.child);
    let secondErr = '';
    second.child.stderr?.on('data', (chunk: Buffer) => (secondErr += chunk.toString()));
    const queue = new BullmqJobQueue({ url: redis.url });
    try {
      await until(async () => ((await queue.overview()).counts.completed === 2 ? true : null), 120_000, 'both jobs done')
        .catch((error: Error) => Promise.reject(new Error(`${error.message}\n${described(second, secondErr)}`)));
    } finally {
      await queue.close();
    }
    second.child.kill('SIGINT');
    const run = await within(second.done, 60_000, 'the second worker to exit on SIGINT', () => described(second, secondErr));
    expect(run.stdout).toMatch(/^longue: transcode-video started \(attempt 2\)$/m);
    expect(run.stdout).not.toMatch(/^longue: probe started/m); // done before the hand-back: not run again
    expect(run.stdout.split('\n').filter((l) => l.startsWith('absente: ') && l.includes(' started')).map((l) => l.split(' ')[1]))
      .toEqual(['probe', 'transcode-video', 'talk-audio', 'poster', 'storyboard', 'chapters', 'slide-ocr', 'transcribe', 'publish']); // no captions, slides, description or sign language: no such steps
    // The handed-back item goes on before the other one starts.
    expect(run.stdout.indexOf('longue: ingested in')).toBeLessThan(run.stdout.indexOf('absente: probe started'));
    for (const id of ['absente', 'longue']) expect(existsSync(path.join(root, 'data', 'items', id, 'manifest.json')), id).toBe(true);
    expect(run.code).toBe(0);
  }, 240_000);
});

/** What a worker printed and which processes it still runs: said when it does not end in time. */
function described(worker: { child: ChildProcess; stdout: () => string }, stderr: string): string {
  const children = processes().filter((p) => p.parent === worker.child.pid).map((p) => `  ${p.pid} [${p.state}] ${p.cmdline.replaceAll('\0', ' ').slice(0, 200)}`);
  return [`worker pid ${worker.child.pid ?? '?'} exit ${String(worker.child.exitCode)} signal ${String(worker.child.signalCode)}`,
    `its processes:\n${children.join('\n') || '  none'}`, `stdout:\n${worker.stdout()}`, `stderr:\n${stderr}`].join('\n');
}

/**
 * Waits for worker to print "<id>: transcode-video started" (told at once, not polled), then for
 * its HLS ladder ffmpeg to appear, and stops it (SIGSTOP) mid-work.
 */
async function holdTranscode(worker: { child: ChildProcess; stdout: () => string }, id: string): Promise<{ pid: number; cmdline: string }> {
  const marker = `${id}: transcode-video started`;
  await new Promise<void>((resolve, reject) => {
    const check = (): void => {
      if (!worker.stdout().includes(marker)) return;
      off();
      resolve();
    };
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out waiting for "${marker}"`));
    }, 120_000);
    const off = (): void => {
      clearTimeout(timer);
      worker.child.stdout?.off('data', check);
    };
    worker.child.stdout?.on('data', check);
    check();
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const found = ladderOf(worker.child.pid ?? -1, id);
    if (found) {
      process.kill(found.pid, 'SIGSTOP');
      return found;
    }
    if (worker.stdout().includes(`${id}: transcode-video done`) || worker.child.exitCode !== null) throw new Error(`${id}: the transcode ended before its ffmpeg was seen running`);
    if (Date.now() > deadline) throw new Error(`${id}: no HLS ladder ffmpeg under worker ${worker.child.pid ?? '?'} within 60 s of "${marker}"`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The HLS ladder ffmpeg that process `parent` runs for item `id`, if it runs now (Linux /proc). */
function ladderOf(parent: number, id: string): { pid: number; cmdline: string } | null {
  // ffmpeg itself, not its wrapper before the exec (held there, it would never have asked to die with its parent).
  return processes().find((p) => p.parent === parent && p.name === 'ffmpeg' && p.cmdline.includes(`${id}-`) && p.cmdline.includes('.m3u8')) ?? null;
}

/** Whether the process is still there and still that command (not a zombie awaiting its reaper). */
function running(held: { pid: number; cmdline: string }): boolean {
  const now = procStat(held.pid);
  return now !== null && now.state !== 'Z' && now.cmdline === held.cmdline;
}

interface ProcStat {
  pid: number;
  name: string;
  state: string;
  parent: number;
  cmdline: string;
}

/** One process as /proc tells it; null once it has ended. */
function procStat(pid: number): ProcStat | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": the name may hold spaces or parentheses, the fields after its last ")" do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pid, name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), state: fields[0] ?? '', parent: Number(fields[1]), cmdline: readFileSync(`/proc/${pid}/cmdline`, 'utf8') };
  } catch {
    return null;
  }
}

function processes(): ProcStat[] {
  return readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).flatMap((entry) => procStat(Number(entry)) ?? []);
}

/** Kills the held process if it still runs (the same command line: never a process that took its PID since). */
function killIfRunning(held: { pid: number; cmdline: string }): void {
  try {
    if (procStat(held.pid)?.cmdline === held.cmdline) process.kill(held.pid, 'SIGKILL');
  } catch {
    // gone meanwhile
  }
}
