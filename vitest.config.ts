import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Media tests run real ffmpeg on tiny fixtures; two cores, so keep files few at once.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // The 2–5 s sample edition, generated once by the project's own script (cached by its stamp).
    globalSetup: ['test/global-setup.ts'],
  },
});
