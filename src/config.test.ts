import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has defaults for the embedded mode', () => {
    const c = loadConfig({}, 'all', { cwd: '/srv/stratum' });
    expect(c.http).toMatchObject({ host: '127.0.0.1', port: 3000, publicUrl: 'http://localhost:3000', bodyLimitBytes: 1048576 });
    expect(c.db).toEqual({ kind: 'pglite', dataDir: path.resolve('/srv/stratum/data'), migrateOnStart: true });
    expect(c.sandbox).toMatchObject({ enabled: true, port: 4010, publicUrl: 'http://localhost:4010' });
    expect(c.jobs).toEqual({ pollIntervalSeconds: 2, schedulesEnabled: true });
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/stratum', DATABASE_POOL_MAX: '20' });
    expect(c.db).toMatchObject({ kind: 'postgres', url: 'postgres://u:p@db:5432/stratum', poolMax: 20 });
  });

  it('runs the sandbox only beside the all-in-one process', () => {
    expect(loadConfig({}, 'api').sandbox.enabled).toBe(false);
    expect(loadConfig({}, 'worker').sandbox.enabled).toBe(false);
    expect(loadConfig({ SANDBOX_ENABLED: 'false' }, 'all').sandbox.enabled).toBe(false);
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '' }).http.port).toBe(3000);
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['LOG_LEVEL', 'loud'],
    ['SANDBOX_ENABLED', 'maybe'],
    ['PUBLIC_URL', 'not a url'],
    ['BODY_LIMIT_BYTES', '10'],
  ])('stops on a bad %s (%s) and names the variable', (variable, value) => {
    let err: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).issues.map((i) => i.variable)).toEqual([variable]);
    expect((err as Error).message).toContain(variable);
  });

  it('uses PUBLIC_URL as given, without a trailing slash', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://app.stratum.example/' }).http.publicUrl).toBe('https://app.stratum.example');
  });
});
