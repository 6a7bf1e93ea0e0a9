import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { migrationsFolder } from './migrations-folder.js';

describe('migrations', () => {
  it('match the schema: generating again from schema/ produces nothing new', () => {
    // drizzle-kit wants a path relative to the working directory (it prefixes './').
    fs.mkdirSync('.tmp', { recursive: true });
    const out = path.relative(process.cwd(), fs.mkdtempSync(path.join('.tmp', 'drift-')));
    try {
      fs.cpSync(migrationsFolder, out, { recursive: true });
      const before = fs.readdirSync(out).filter((f) => f.endsWith('.sql')).sort();
      const log = execFileSync(
        path.resolve('node_modules/.bin/drizzle-kit'),
        ['generate', '--dialect', 'postgresql', '--schema', 'src/db/schema/index.ts', '--out', out],
        { stdio: 'pipe', timeout: 60_000, encoding: 'utf8' },
      );
      // drizzle-kit exits 0 even when it fails, so read what it said too.
      expect(log).toContain('No schema changes');
      const after = fs.readdirSync(out).filter((f) => f.endsWith('.sql')).sort();
      expect(after, 'run `npm run db:generate` and commit the new migration').toEqual(before);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);

  it('are recorded in the journal in order, none rewritten away', () => {
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      entries: Array<{ idx: number; tag: string }>;
    };
    const files = fs.readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql')).sort();
    expect(journal.entries.map((e) => `${e.tag}.sql`)).toEqual(files);
    expect(journal.entries.map((e) => e.idx)).toEqual(files.map((_, i) => i));
  });
});
