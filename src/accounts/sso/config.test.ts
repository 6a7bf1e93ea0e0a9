import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.js';
import { sandboxSignInClients } from '../../../sandbox/identity/clients.js';
import { sandboxSsoClients } from './sandbox-clients.js';

const appleKey = sandboxSsoClients.apple.privateKeyPem;
const providers = (env: Record<string, string>, role: 'all' | 'api' = 'all') => loadConfig(env, role).sso.providers;

function issuesOf(env: Record<string, string>): { variable: string; message: string }[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.issues;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('SSO configuration', () => {
  it('points all three providers at the sandbox when it runs and none is configured', () => {
    const p = providers({});
    expect(p.map((x) => [x.id, x.issuer, x.sandbox])).toEqual([
      ['google', 'http://localhost:4010/google/accounts', true],
      ['microsoft', 'http://localhost:4010/microsoft/login/5b1d3c52-8e2f-4a6b-9d0c-7e3f1a2b4c6d/v2.0', true],
      ['apple', 'http://localhost:4010/apple/appleid', true],
    ]);
  });

  it('offers none without the sandbox and without configuration', () => {
    expect(providers({ SANDBOX_ENABLED: 'false' })).toEqual([]);
    expect(providers({}, 'api')).toEqual([]);
  });

  it('enables exactly the configured providers, at the real issuers by default', () => {
    const p = providers({ SSO_GOOGLE_CLIENT_ID: 'g.apps.googleusercontent.com', SSO_GOOGLE_CLIENT_SECRET: 'GOCSPX-x' });
    expect(p).toEqual([{ id: 'google', issuer: 'https://accounts.google.com', clientId: 'g.apps.googleusercontent.com', auth: { kind: 'secret', secret: 'GOCSPX-x' }, sandbox: false }]);
    const all = providers({
      SANDBOX_ENABLED: 'false',
      SSO_MICROSOFT_CLIENT_ID: 'm',
      SSO_MICROSOFT_CLIENT_SECRET: 's',
      SSO_APPLE_CLIENT_ID: 'com.example.signin',
      SSO_APPLE_TEAM_ID: 'ABCDE12345',
      SSO_APPLE_KEY_ID: 'KEY1234567',
      SSO_APPLE_PRIVATE_KEY: appleKey.replaceAll('\n', '\\n'),
    });
    expect(all.map((x) => [x.id, x.issuer])).toEqual([
      ['microsoft', 'https://login.microsoftonline.com/common/v2.0'],
      ['apple', 'https://appleid.apple.com'],
    ]);
    expect(all[1]!.auth).toEqual({ kind: 'appleJwt', teamId: 'ABCDE12345', keyId: 'KEY1234567', privateKeyPem: appleKey });
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['a client id without its secret', { SSO_GOOGLE_CLIENT_ID: 'g' }, ['SSO_GOOGLE_CLIENT_SECRET']],
    ['a secret without its client id', { SSO_MICROSOFT_CLIENT_SECRET: 's' }, ['SSO_MICROSOFT_CLIENT_ID']],
    ['an issuer without its client id', { SSO_GOOGLE_ISSUER: 'https://accounts.google.com' }, ['SSO_GOOGLE_CLIENT_ID']],
    ['an Apple client id alone', { SSO_APPLE_CLIENT_ID: 'com.x' }, ['SSO_APPLE_TEAM_ID', 'SSO_APPLE_KEY_ID', 'SSO_APPLE_PRIVATE_KEY']],
    ['an Apple key that is no EC P-256 key', { SSO_APPLE_CLIENT_ID: 'com.x', SSO_APPLE_TEAM_ID: 'ABCDE12345', SSO_APPLE_KEY_ID: 'KEY1234567', SSO_APPLE_PRIVATE_KEY: 'not a key' }, ['SSO_APPLE_PRIVATE_KEY']],
    ['a malformed team id', { SSO_APPLE_TEAM_ID: 'team' }, ['SSO_APPLE_TEAM_ID']],
    ['a plain-http issuer off this machine', { SSO_GOOGLE_CLIENT_ID: 'g', SSO_GOOGLE_CLIENT_SECRET: 's', SSO_GOOGLE_ISSUER: 'http://idp.example' }, ['SSO_GOOGLE_ISSUER']],
  ])('stops on %s, naming the variable', (_name, env, variables) => {
    expect(issuesOf(env).map((i) => i.variable)).toEqual(variables);
  });

  it('accepts a plain-http issuer on localhost (a sandbox run on its own)', () => {
    expect(providers({ SSO_GOOGLE_CLIENT_ID: 'g', SSO_GOOGLE_CLIENT_SECRET: 's', SSO_GOOGLE_ISSUER: 'http://127.0.0.1:4010/google/accounts' })[0]!.issuer).toBe('http://127.0.0.1:4010/google/accounts');
  });

  it("uses the apps the sandbox has registered (Apple: the sandbox holds this key's public half)", () => {
    expect(sandboxSsoClients.google).toEqual(sandboxSignInClients.google);
    expect(sandboxSsoClients.microsoft).toEqual(sandboxSignInClients.microsoft);
    const { privateKeyPem, ...apple } = sandboxSsoClients.apple;
    const { publicKeyPem, ...registered } = sandboxSignInClients.apple;
    expect(apple).toEqual(registered);
    expect(createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' }).toString().trim()).toBe(publicKeyPem);
  });
});
