import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Pinned so the globs and the app's relative paths (src/main.ts, web/) resolve from
    // the repo root whichever directory the command is run from.
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['e2e/support/global-setup.ts'],
    // Each file runs a whole Stratum process plus a Chromium; two at once on a small
    // machine makes both slow enough to time out, so files take turns.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
