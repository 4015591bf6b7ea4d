import { readdirSync, readFileSync } from 'node:fs';

/** Linux clock ticks per second (USER_HZ); 100 on every mainstream kernel. */
const TICKS = 100;

export interface TreeSample {
  /** Peak resident memory of the root process alone, bytes (VmHWM). */
  rootPeakRss: number;
  /** Highest peak resident memory of any descendant whose command starts with `name`, bytes. */
  peakRssByCommand: Map<string, number>;
  /** CPU seconds (user + system) of the root and its descendants, as last seen. */
  cpuSeconds: number;
  /** The same, per command name of the descendants ("ffmpeg", "meilisearch"…). */
  cpuSecondsByCommand: Map<string, number>;
}

/**
 * Samples a process tree from /proc every `intervalMs`: peak memory per command and CPU time.
 * The last ~interval of a process that exits between samples is not seen: figures are a floor.
 */
export class ProcessSampler {
  private timer: NodeJS.Timeout | null = null;
  private readonly cpuByPid = new Map<number, number>();
  private readonly sample: TreeSample = { rootPeakRss: 0, peakRssByCommand: new Map(), cpuSeconds: 0, cpuSecondsByCommand: new Map() };
  private readonly commandByPid = new Map<number, string>();

  constructor(private readonly rootPid: number, private readonly intervalMs = 100) {}

  start(): this {
    this.poll();
    this.timer = setInterval(() => this.poll(), this.intervalMs);
    return this;
  }

  stop(): TreeSample {
    if (this.timer) clearInterval(this.timer);
    this.sample.cpuSeconds = [...this.cpuByPid.values()].reduce((a, b) => a + b, 0) / TICKS;
    for (const [pid, ticks] of this.cpuByPid) {
      const command = this.commandByPid.get(pid) ?? '?';
      this.sample.cpuSecondsByCommand.set(command, (this.sample.cpuSecondsByCommand.get(command) ?? 0) + ticks / TICKS);
    }
    return this.sample;
  }

  private poll(): void {
    const parents = new Map<number, number>();
    const commands = new Map<number, string>();
    const ticks = new Map<number, number>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = read(`/proc/${entry}/stat`);
      if (!stat) continue;
      // "pid (comm) state ppid …": comm may hold spaces, so split after the last ")".
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      const pid = Number(entry);
      parents.set(pid, Number(fields[1]));
      commands.set(pid, stat.slice(stat.indexOf('(') + 1, close));
      // utime and stime: fields 14 and 15 of the file, 12 and 13 counted from the state.
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    }
    const inTree = (pid: number): boolean => {
      for (let p: number | undefined = pid; p !== undefined && p > 1; p = parents.get(p)) if (p === this.rootPid) return true;
      return false;
    };
    for (const [pid, command] of commands) {
      if (!inTree(pid)) continue;
      this.cpuByPid.set(pid, ticks.get(pid) ?? 0);
      this.commandByPid.set(pid, command);
      const hwm = peakRss(pid);
      if (pid === this.rootPid) this.sample.rootPeakRss = Math.max(this.sample.rootPeakRss, hwm);
      else this.sample.peakRssByCommand.set(command, Math.max(this.sample.peakRssByCommand.get(command) ?? 0, hwm));
    }
  }
}

function peakRss(pid: number): number {
  const status = read(`/proc/${pid}/status`);
  const match = status ? /VmHWM:\s+(\d+) kB/.exec(status) : null;
  return match ? Number(match[1]) * 1024 : 0;
}

function read(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
