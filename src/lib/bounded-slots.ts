/**
 * At most `slots` tasks at a time; a task that finds them all taken waits up to `maxWaitMs` in
 * line, then gives up with SlotsBusyError (an HTTP 503 + Retry-After for a caller that asked on
 * demand). Waiting is first come, first served.
 */
export class BoundedSlots {
  private running = 0;
  private readonly waiting: { start: () => void; timer: NodeJS.Timeout }[] = [];

  constructor(readonly slots: number, readonly maxWaitMs: number) {
    if (!Number.isInteger(slots) || slots < 1) throw new Error(`slots must be a whole number from 1, not ${slots}`);
  }

  /** Tasks running now and waiting for a slot. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.slots) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const entry = {
        // The slot passes straight from the finishing task to this one: `running` never drops.
        start: (): void => {
          clearTimeout(entry.timer);
          resolve();
        },
        timer: setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(entry), 1);
          reject(new SlotsBusyError(this.slots, this.retryAfterSeconds()));
        }, this.maxWaitMs),
      };
      this.waiting.push(entry);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next.start();
    else this.running--;
  }

  /** A hint for the caller: about one wait per task ahead of it in line, at least a second. */
  private retryAfterSeconds(): number {
    return Math.max(1, Math.ceil(((this.waiting.length + 1) * this.maxWaitMs) / this.slots / 1000));
  }
}

export class SlotsBusyError extends Error {
  override name = 'SlotsBusyError';
  readonly code = 'busy';
  constructor(readonly slots: number, readonly retryAfterSeconds: number) {
    super(`all ${slots} slot(s) busy: try again in ${retryAfterSeconds} s`);
  }
}
