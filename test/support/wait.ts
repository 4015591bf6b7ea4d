/** Polls `check` every 100 ms until it returns something truthy; fails naming `what` after `timeoutMs`. */
export async function until<T>(check: () => T | null | false | Promise<T | null | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
