import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * An exclusive lock on the embedded data folder, in the spirit of PostgreSQL's own
 * `postmaster.pid`: the file names the owning process, and a lock whose process is gone
 * is taken over. PGlite itself lets two processes open one folder and silently loses one's
 * writes, so the second opener must stop here.
 *
 * Why not an mtime-refreshed lock (proper-lockfile): PGlite's first open blocks the event
 * loop for seconds, long enough for a refresh timer to miss and the lock to look stale to
 * another process; and after a crash the next start would have to wait out the staleness.
 */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockOwner,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Stratum process (pid ${holder.pid}, started ${holder.startedAt}). ` +
        'Stop that process first, or give this one its own folder with DATA_DIR. ' +
        'Several processes can share one database only on PostgreSQL (set DATABASE_URL).',
    );
    this.name = 'DataDirLockedError';
  }
}

interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
}

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

const LOCK_NAME = 'stratum.lock';
/** Locks this process holds: a file naming our own pid is ours only if we took it (a restarted container is pid 1 again). */
const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && typeof parsed.hostname === 'string') {
      return { pid: parsed.pid, hostname: parsed.hostname, startedAt: String(parsed.startedAt ?? '?') };
    }
  } catch {
    // Unreadable or half-written: treated as stale below.
  }
  return null;
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_NAME);
  const me: LockOwner = { pid: process.pid, hostname: os.hostname(), startedAt: new Date().toISOString() };

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx', mode: 0o600 });
      let released = false;
      held.add(file);
      return {
        path: file,
        release() {
          if (released) return;
          released = true;
          held.delete(file);
          const owner = readOwner(file);
          if (owner?.pid === me.pid && owner.startedAt === me.startedAt) fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = readOwner(file);
    const ours = owner?.pid === me.pid && held.has(file);
    const othersAlive = owner !== null && owner.pid !== me.pid && isAlive(owner.pid);
    if (owner && owner.hostname === me.hostname && (ours || othersAlive)) {
      throw new DataDirLockedError(dataDir, owner);
    }
    if (owner && owner.hostname !== me.hostname) {
      // A folder shared over a network mount: we cannot see that process, so never steal.
      throw new DataDirLockedError(dataDir, owner);
    }
    // Stale (its process is gone). Move it aside atomically, then check we moved the one we
    // judged: if another starter took over in between, put theirs back and give way.
    const aside = `${file}.stale-${process.pid}-${attempt}`;
    try {
      fs.renameSync(file, aside);
    } catch {
      continue;
    }
    const moved = readOwner(aside);
    if (moved && owner && (moved.pid !== owner.pid || moved.startedAt !== owner.startedAt)) {
      fs.renameSync(aside, file);
      throw new DataDirLockedError(dataDir, moved);
    }
    fs.rmSync(aside, { force: true });
  }
  const owner = readOwner(file);
  throw new DataDirLockedError(dataDir, owner ?? { pid: -1, hostname: '?', startedAt: '?' });
}
