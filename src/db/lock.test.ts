import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lock.js';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'stratum-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A pid that no process has: a child that already exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((r) => child.on('exit', r));
  return child.pid!;
}

describe('data folder lock', () => {
  it('refuses a second opener in the same process', () => {
    const dir = tmp();
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    lock.release();
    acquireDataDirLock(dir).release();
  });

  it('refuses while another live process holds it, naming that process', async () => {
    const dir = tmp();
    // A live process that is not us: the lock file names it.
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(path.join(dir, 'stratum.lock'), JSON.stringify({ pid: child.pid, hostname: os.hostname(), startedAt: 'x' }));
      const err = (() => {
        try {
          acquireDataDirLock(dir);
        } catch (e) {
          return e;
        }
      })();
      expect(err).toBeInstanceOf(DataDirLockedError);
      expect((err as Error).message).toContain(`pid ${child.pid}`);
      expect((err as Error).message).toContain('DATA_DIR');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a process that died (kill -9, power loss)', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'stratum.lock'), JSON.stringify({ pid: await deadPid(), hostname: os.hostname(), startedAt: 'x' }));
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(fs.readFileSync(lock.path, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lock.path)).toBe(false);
  });

  it('takes over a lock naming our own pid that this process never took (a restarted container is pid 1 again)', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'stratum.lock'), JSON.stringify({ pid: process.pid, hostname: os.hostname(), startedAt: 'earlier' }));
    acquireDataDirLock(dir).release();
  });

  it('never steals a lock held from another host (a shared network folder)', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'stratum.lock'), JSON.stringify({ pid: 1, hostname: 'another-host', startedAt: 'x' }));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
  });

  it('treats an unreadable lock file as stale', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'stratum.lock'), '{half');
    acquireDataDirLock(dir).release();
  });
});
