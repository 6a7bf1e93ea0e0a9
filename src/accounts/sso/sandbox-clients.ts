// The ids the sandbox's "developer consoles" registered: one list, read by both sides.
import { sandboxSignInClients } from '../../../sandbox/identity/clients.js';

/**
 * The apps the local sandbox has registered for sign-in (what its "developer consoles"
 * hand out). Used only when the sandbox runs and no real provider is configured; the
 * Apple key below is a throwaway made for the sandbox and is worthless anywhere else.
 */
export const sandboxSsoClients = {
  google: sandboxSignInClients.google,
  microsoft: sandboxSignInClients.microsoft,
  apple: {
    clientId: sandboxSignInClients.apple.clientId,
    teamId: sandboxSignInClients.apple.teamId,
    keyId: sandboxSignInClients.apple.keyId,
    // The developer's half of the key: the sandbox (like Apple) holds only the public one.
    privateKeyPem: [
      '-----BEGIN PRIVATE KEY-----',
      'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgzfkWTWWUKyWzQMqu',
      'eCMueVfBSpxgy65cGistyTz1XhahRANCAASdwIakGKqRq7ea0EFM/AtZ0dPFFHRh',
      'YZBv8o7+yG5XAgpuEUjUQ/DgpDZXLqCzfLv4XHBVvXtfkIN4cLKstICi',
      '-----END PRIVATE KEY-----',
    ].join('\n'),
  },
} as const;
