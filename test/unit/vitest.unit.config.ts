import { defineConfig } from 'vitest/config';

/** Unit tests only: pure and fast, no global setup (no servers, no media fixtures to build). */
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/unit/**/*.test.ts'],
    pool: 'threads',
    testTimeout: 10_000,
  },
});
