/**
 * A fixed-window counter of failures per key (an address, a name), in this process. Several web
 * processes each keep their own, so N processes allow up to N × limit guesses per window: still
 * a handful per minute against a slow hash. Entries whose window is over are dropped as it grows.
 */
export class FailureLimiter {
  private readonly windows = new Map<string, { started: number; failures: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `key` may try again, or null when it may try now. */
  retryAfter(key: string): number | null {
    const window = this.current(key);
    if (!window || window.failures < this.limit) return null;
    return Math.max(1, Math.ceil((window.started + this.windowMs - this.now()) / 1000));
  }

  fail(key: string): void {
    const window = this.current(key);
    if (window) window.failures++;
    else {
      if (this.windows.size >= 10_000) this.sweep();
      this.windows.set(key, { started: this.now(), failures: 1 });
    }
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private current(key: string): { started: number; failures: number } | null {
    const window = this.windows.get(key);
    if (!window) return null;
    if (window.started + this.windowMs <= this.now()) {
      this.windows.delete(key);
      return null;
    }
    return window;
  }

  private sweep(): void {
    for (const key of [...this.windows.keys()]) this.current(key);
    // Still full of live windows (many addresses at once): forget the oldest rather than grow without end.
    for (const key of [...this.windows.keys()].slice(0, this.windows.size - 5_000)) this.windows.delete(key);
  }
}

/** Ten wrong passwords in a quarter of an hour, per address and per name, then wait for the window's end. */
export const SIGN_IN_FAILURES = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
