import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Seals secrets (OAuth token sets) with AES-256-GCM before they reach the database. Each
 * ciphertext names the key that sealed it, so keys can rotate: new writes use the current key,
 * old rows open with the key they name until a refresh re-seals them. The associated data binds
 * a ciphertext to its owner (workspace and platform): a row copied elsewhere does not open.
 */
export interface VaultKey {
  id: string;
  key: Buffer;
}

export class VaultError extends Error {
  override readonly name = 'VaultError';
}

const VERSION = 'v1';

export class TokenVault {
  private readonly byId: Map<string, Buffer>;

  constructor(
    /** The first key seals; all of them open. */
    private readonly keys: readonly VaultKey[],
  ) {
    if (keys.length === 0) throw new VaultError('the token vault needs at least one key');
    for (const k of keys) if (k.key.length !== 32) throw new VaultError(`key ${k.id} must be 32 bytes (AES-256), got ${k.key.length}`);
    this.byId = new Map(keys.map((k) => [k.id, k.key]));
  }

  get currentKeyId(): string {
    return this.keys[0]!.id;
  }

  seal(plaintext: string, owner: string): { ciphertext: string; keyId: string } {
    const { id, key } = this.keys[0]!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(owner));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const parts = [VERSION, id, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')];
    return { ciphertext: parts.join('.'), keyId: id };
  }

  open(ciphertext: string, owner: string): string {
    const [version, keyId, iv, tag, body] = ciphertext.split('.');
    if (version !== VERSION || !keyId || !iv || !tag || body === undefined) throw new VaultError('not a sealed value');
    const key = this.byId.get(keyId);
    if (!key) throw new VaultError(`sealed with key "${keyId}", which is not configured (TOKEN_ENCRYPTION_KEYS)`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(owner));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new VaultError('the sealed value does not open with its key (tampered, or sealed for another owner)');
    }
  }

  /** True when the value was sealed with an older key and should be re-sealed. */
  isStale(ciphertext: string): boolean {
    return ciphertext.split('.')[1] !== this.currentKeyId;
  }
}

/** `kid:base64key,kid2:base64key` (first seals) → keys. */
export function parseVaultKeys(spec: string): VaultKey[] {
  return spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const i = entry.indexOf(':');
      if (i <= 0) throw new VaultError('each key is "<id>:<base64 of 32 bytes>"');
      const id = entry.slice(0, i);
      if (!/^[A-Za-z0-9_-]{1,32}$/.test(id)) throw new VaultError(`key id "${id}" may use letters, digits, - and _ only`);
      const key = Buffer.from(entry.slice(i + 1), 'base64');
      if (key.length !== 32) throw new VaultError(`key "${id}" must decode to 32 bytes, got ${key.length} (e.g. openssl rand -base64 32)`);
      return { id, key };
    });
}

export const newVaultKey = (id: string): VaultKey => ({ id, key: randomBytes(32) });
