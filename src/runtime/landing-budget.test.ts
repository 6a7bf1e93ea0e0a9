import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANDING_JS_BUDGET_BYTES, landingScripts, landingTransfer } from './landing-budget.js';

// The build `npm run build:web` leaves (CI builds before the tests, see .ci/run).
const dist = path.resolve('dist/web');
const built = fs.existsSync(path.join(dist, 'landing', 'en.html'));

describe('landingScripts', () => {
  it('counts every script and modulepreload the document references, and nothing else', () => {
    const dir = fs.mkdtempSync(path.join(path.resolve('.tmp'), 'budget-'));
    try {
      fs.mkdirSync(path.join(dir, 'assets'));
      for (const f of ['a.js', 'b.js', 'c.css']) fs.writeFileSync(path.join(dir, 'assets', f), f.repeat(100));
      const html = `<script type="module" crossorigin src="/assets/a.js"></script>
        <link rel="modulepreload" crossorigin href="/assets/b.js"><link rel="stylesheet" href="/assets/c.css">`;
      expect(landingScripts(dir, html).map((f) => f.path)).toEqual(['/assets/a.js', '/assets/b.js']);
      expect(() => landingScripts(dir, '<script src="https://cdn.example/x.js"></script>')).toThrow(/outside the build/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Where no build exists (a fresh clone running `npm test`) this is skipped; CI builds first
// and must not skip it.
describe.skipIf(!built && !process.env.CI)('the built landing page', () => {
  it.each(['en', 'ar'])('loads under 50 KB of gzipped JavaScript before any interaction (%s)', (language) => {
    const { files, gzipBytes } = landingTransfer(dist, language);
    expect(files.length).toBeGreaterThan(0);
    // The signup form (React and its schemas) is an island fetched on intent, never up front.
    expect(files.map((f) => f.path).join(' ')).not.toMatch(/signup-island|jsx-runtime|SignupDialog/);
    expect(gzipBytes, files.map((f) => `${f.path} ${f.gzipBytes} B`).join(', ')).toBeLessThan(LANDING_JS_BUDGET_BYTES);
  });
});
