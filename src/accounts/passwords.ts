import os from 'node:os';
import { hash, verify } from '@node-rs/argon2';
import pLimit from 'p-limit';

/**
 * argon2id with OWASP's recommended parameters (19 MiB, 2 passes). @node-rs/argon2 runs
 * on libuv's thread pool, so a hash does not block the event loop; but four pool threads
 * hashing at once take every core of a small machine, and the event loop (HTTP, and the
 * embedded database, which runs on it) starves: /healthz p99 rose past 50 ms under a
 * signup burst on 2 cores. So hashes queue for all cores but one.
 */
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const hashing = pLimit(Math.max(1, os.availableParallelism() - 1));

export function hashPassword(password: string): Promise<string> {
  return hashing(() => hash(password, options));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await hashing(() => verify(passwordHash, password));
  } catch {
    return false;
  }
}

/** A real hash of nothing: verifying against it costs what a real check costs, so timing reveals no account. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy-password-for-timing-only');
  return decoy;
}
