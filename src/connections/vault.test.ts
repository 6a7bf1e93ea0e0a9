import { describe, expect, it } from 'vitest';
import { TokenVault, VaultError, newVaultKey, parseVaultKeys } from './vault.js';

describe('token vault', () => {
  const k1 = newVaultKey('k1');
  const k2 = newVaultKey('k2');

  it('seals and opens, never storing the plaintext', () => {
    const v = new TokenVault([k1]);
    const { ciphertext, keyId } = v.seal('EAAG-secret-token', 'ws_1:meta');
    expect(keyId).toBe('k1');
    expect(ciphertext).not.toContain('EAAG');
    expect(ciphertext.startsWith('v1.k1.')).toBe(true);
    expect(v.open(ciphertext, 'ws_1:meta')).toBe('EAAG-secret-token');
    expect(v.seal('EAAG-secret-token', 'ws_1:meta').ciphertext).not.toBe(ciphertext);
  });

  it.each([
    ['another owner', (c: string) => c, 'ws_2:meta'],
    ['a flipped byte', (c: string) => c.slice(0, -2) + (c.at(-2) === 'A' ? 'B' : 'A') + c.at(-1), 'ws_1:meta'],
    ['a cut value', (c: string) => c.split('.').slice(0, 3).join('.'), 'ws_1:meta'],
  ])('refuses %s', (_what, change, owner) => {
    const v = new TokenVault([k1]);
    const { ciphertext } = v.seal('secret', 'ws_1:meta');
    expect(() => v.open(change(ciphertext), owner)).toThrow(VaultError);
  });

  it('rotates: the new first key seals, old keys still open, stale values are flagged', () => {
    const old = new TokenVault([k1]).seal('secret', 'o');
    const rotated = new TokenVault([k2, k1]);
    expect(rotated.open(old.ciphertext, 'o')).toBe('secret');
    expect(rotated.isStale(old.ciphertext)).toBe(true);
    expect(rotated.isStale(rotated.seal('secret', 'o').ciphertext)).toBe(false);
    expect(() => new TokenVault([k2]).open(old.ciphertext, 'o')).toThrow(/k1.*not configured/);
  });

  it.each([
    ['k1:' + Buffer.alloc(32, 1).toString('base64'), 1],
    ['k2:' + Buffer.alloc(32, 2).toString('base64') + ', k1:' + Buffer.alloc(32, 1).toString('base64'), 2],
  ])('parses %s', (spec, n) => expect(parseVaultKeys(spec)).toHaveLength(n));

  it.each(['nokey', 'k1:' + Buffer.alloc(16).toString('base64'), 'bad id!:' + Buffer.alloc(32).toString('base64')])('rejects %s', (spec) => {
    expect(() => parseVaultKeys(spec)).toThrow(VaultError);
  });
});
