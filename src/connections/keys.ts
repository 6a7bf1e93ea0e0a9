import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config.js';
import { TokenVault, VaultError, newVaultKey, parseVaultKeys } from './vault.js';

/**
 * The vault's keys: TOKEN_ENCRYPTION_KEYS when set; otherwise a key generated on first start
 * and kept in the data folder (mode 0600), so the embedded mode works with no setup and tokens
 * survive restarts. Losing that file means reconnecting the ad accounts, nothing worse.
 */
export function loadTokenVault(tokens: { keys: string | null; keyFile: string }): TokenVault {
  try {
    if (tokens.keys) return new TokenVault(parseVaultKeys(tokens.keys));
    return new TokenVault(parseVaultKeys(readOrCreateKeyFile(tokens.keyFile)));
  } catch (err) {
    if (err instanceof VaultError) throw new ConfigError([{ variable: 'TOKEN_ENCRYPTION_KEYS', message: err.message }]);
    throw err;
  }
}

function readOrCreateKeyFile(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const k = newVaultKey(`local-${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`);
  const spec = `${k.id}:${k.key.toString('base64')}`;
  try {
    // 'wx': two processes starting at once must not each write a different key.
    writeFileSync(file, spec + '\n', { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw err;
  }
  chmodSync(file, 0o600);
  return spec;
}
