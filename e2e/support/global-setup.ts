import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    webDistDir: string;
  }
}

/**
 * One web build folder for the whole run, private to it: the first app started builds
 * into it (the product's own "build on first start"), later files reuse it, and nothing
 * else (a developer's `npm start`, other test suites) can rebuild it under a running test.
 */
export default function setup(project: TestProject): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-e2e-web-'));
  project.provide('webDistDir', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
