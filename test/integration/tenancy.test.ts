import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, getUser, listUsers } from '../../src/accounts/users.js';
import { createWorkspace } from '../../src/accounts/workspaces.js';
import { withTransaction } from '../../src/db/tx.js';
import { workspaces } from '../../src/db/schema/index.js';
import type { DatabaseHandle } from '../../src/db/types.js';
import { AppError } from '../../src/errors.js';
import { createTestDatabase } from '../support/db.js';

let db: DatabaseHandle;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.close());

describe('workspace isolation', () => {
  it('never shows one workspace the users of another, by list or by id', async () => {
    const a = await createWorkspace(db.db, { name: 'Midas Furniture', currency: 'SAR' });
    const b = await createWorkspace(db.db, { name: 'Gulf Gadgets', currency: 'AED', timezone: 'Asia/Dubai' });
    const alice = await addUser(db.db, { workspaceId: a.id }, { email: 'alice@midas.sa', fullName: 'Alice', role: 'owner' });
    const bob = await addUser(db.db, { workspaceId: b.id }, { email: 'bob@gulf.ae', fullName: 'Bob' });

    expect((await listUsers(db.db, { workspaceId: a.id })).map((u) => u.id)).toEqual([alice.id]);
    expect((await listUsers(db.db, { workspaceId: b.id })).map((u) => u.id)).toEqual([bob.id]);
    await expect(getUser(db.db, { workspaceId: a.id }, bob.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await getUser(db.db, { workspaceId: b.id }, bob.id)).email).toBe('bob@gulf.ae');
  });

  it('never returns the password hash', async () => {
    const w = await createWorkspace(db.db, { name: 'Hash check' });
    const u = await addUser(db.db, { workspaceId: w.id }, { email: 'h@example.com', fullName: 'H' });
    expect(Object.keys(u)).not.toContain('passwordHash');
  });

  it('refuses a second account for the same email, whatever its case, with a 409 error', async () => {
    const w = await createWorkspace(db.db, { name: 'Dupes' });
    await addUser(db.db, { workspaceId: w.id }, { email: 'sara@example.sa', fullName: 'Sara' });
    const err = await addUser(db.db, { workspaceId: w.id }, { email: 'Sara@Example.sa', fullName: 'Sara 2' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(409);
  });

  it('defaults a workspace to SAR and Asia/Riyadh and rejects an unknown time zone', async () => {
    const w = await createWorkspace(db.db, { name: 'Defaults' });
    expect([w.currency, w.timezone, w.locale]).toEqual(['SAR', 'Asia/Riyadh', 'en']);
    await expect(createWorkspace(db.db, { name: 'Bad', timezone: 'Mars/Olympus' })).rejects.toThrow(/time zone/);
  });
});

describe('transaction helper', () => {
  it('commits everything or nothing', async () => {
    const before = (await db.db.select().from(workspaces)).length;
    await expect(
      withTransaction(db.db, async (tx) => {
        const w = await createWorkspace(tx, { name: 'Half' });
        await addUser(tx, { workspaceId: w.id }, { email: 'half@example.com', fullName: 'Half' });
        await addUser(tx, { workspaceId: w.id }, { email: 'HALF@example.com', fullName: 'Dupe' });
      }),
    ).rejects.toThrow();
    expect((await db.db.select().from(workspaces)).length).toBe(before);

    await withTransaction(db.db, async (tx) => {
      const w = await createWorkspace(tx, { name: 'Whole' });
      await addUser(tx, { workspaceId: w.id }, { email: 'whole@example.com', fullName: 'Whole' });
    });
    expect((await db.db.select().from(workspaces)).length).toBe(before + 1);
  });
});
