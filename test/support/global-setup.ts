import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite } from '../../src/db/pglite.js';
import { openPostgres } from '../../src/db/postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: { kind: 'pglite'; dumpFile: string } | { kind: 'postgres'; url: string; template: string };
  }
}

/**
 * Migrates one template database for the whole run; each test file then gets its own
 * copy (a PGlite dump loaded in memory, or `CREATE DATABASE … TEMPLATE` on PostgreSQL),
 * so files never see each other's rows and nobody pays for migrations twice.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const template = `stratum_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${template}`);
    await admin.query(`create database ${template}`);
    const u = new URL(url);
    u.pathname = `/${template}`;
    const handle = await openPostgres({ url: u.toString(), poolMax: 2, connectTimeoutMs: 5000 });
    await handle.migrate();
    await handle.close();
    project.provide('dbTemplate', { kind: 'postgres', url, template });
    return async () => {
      const { rows } = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like $1 or datname = $2`,
        [`stratum_t_${process.pid}_%`, template],
      );
      for (const r of rows) await admin.query(`drop database if exists "${r.datname}" with (force)`);
      await admin.end();
    };
  }
  const handle = await openPglite({});
  await handle.migrate();
  const dump = await handle.pglite.dumpDataDir('none');
  await handle.close();
  const dumpFile = path.resolve('.tmp', `pglite-template-${process.pid}.tar`);
  fs.mkdirSync(path.dirname(dumpFile), { recursive: true });
  fs.writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
  project.provide('dbTemplate', { kind: 'pglite', dumpFile });
  return async () => fs.rmSync(dumpFile, { force: true });
}
