import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../src/accounts/workspaces.js';
import { openPglite } from '../../src/db/pglite.js';
import { workspaces } from '../../src/db/schema/index.js';
import { freePort, spawnStratum, waitForReady } from '../support/process.js';
import { testDbKind } from '../support/db.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-proc-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

// The embedded mode is what these prove; on a PostgreSQL pass they are the same test again.
describe.skipIf(testDbKind() === 'postgres')('the embedded process', () => {
  const env = async () => ({
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    SANDBOX_PORT: String(await freePort()),
    WEB_BUILD_ON_START: 'false',
    WEB_DIST_DIR: path.join(dataDir, 'no-web'),
    SHUTDOWN_TIMEOUT_MS: '5000',
  });

  it('starts, says where things are, stops cleanly on SIGTERM, and keeps its data across restarts', async () => {
    const e1 = await env();
    const first = spawnStratum('all', e1);
    await waitForReady(`http://127.0.0.1:${e1.PORT}`, first);
    const out = first.output();
    expect(out).toContain(`App:         http://localhost:${e1.PORT}`);
    expect(out).toContain(`Sandbox:     http://localhost:${e1.SANDBOX_PORT}`);
    expect(out).toContain('Dev mailbox:');
    expect((await fetch(`http://127.0.0.1:${e1.SANDBOX_PORT}/_sandbox/health`)).status).toBe(200);

    // A second process on the same folder must refuse, not silently lose writes.
    const e2 = await env();
    const second = spawnStratum('all', { ...e2, DATA_DIR: dataDir });
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('is in use by another Stratum process');

    expect(await first.stop()).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'stratum.lock'))).toBe(false);

    // Write while it is stopped, then start again: the row and the queue schema are still there.
    const db = await openPglite({ dataDir });
    const ws = await createWorkspace(db.db, { name: 'Survives restarts' });
    await db.close();

    const e3 = await env();
    const third = spawnStratum('all', e3);
    await waitForReady(`http://127.0.0.1:${e3.PORT}`, third);
    const status = (await (await fetch(`http://127.0.0.1:${e3.PORT}/api/v1/system/status`)).json()) as { mode: string };
    expect(status.mode).toBe('embedded');
    third.child.kill('SIGINT');
    expect(await third.exited).toBe(0);

    const again = await openPglite({ dataDir });
    expect((await again.db.select().from(workspaces)).map((w) => w.id)).toContain(ws.id);
    await again.close();
    // Three real starts of the embedded process (one a first start, with initdb) beside the
    // rest of the suite on two cores; how fast a start is, is bench:startup's business.
  }, 90_000);

  it('exits 1 naming the variable when configuration is bad', async () => {
    const p = spawnStratum('all', { PORT: 'eighty' });
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain('PORT');
    expect(p.output()).not.toContain('    at ');
  });

  it('exits 1 with a clear message, not a stack trace, when PostgreSQL is unreachable', async () => {
    const port = await freePort();
    const p = spawnStratum('api', { DATABASE_URL: `postgres://stratum:secret@127.0.0.1:${port}/stratum`, DATABASE_CONNECT_TIMEOUT_MS: '1000' });
    expect(await p.exited).toBe(1);
    expect(p.output()).toContain('Cannot reach PostgreSQL at postgres://stratum:***@127.0.0.1');
    expect(p.output()).not.toContain('secret');
    expect(p.output()).not.toContain('    at ');
  });
});
