/**
 * The apps the local sandbox has registered for sign-in (what its "developer consoles"
 * hand out). Used only when the sandbox runs and no real provider is configured; the
 * Apple key below is a throwaway made for the sandbox and is worthless anywhere else.
 */
export const sandboxSsoClients = {
  google: { clientId: 'stratum-sandbox.apps.googleusercontent.com', clientSecret: 'GOCSPX-stratum-sandbox-secret' },
  microsoft: {
    clientId: '6f1c4a52-3b7e-4d0a-9c1e-5a2b8d7e0f31',
    clientSecret: 'sandbox~Q8.microsoft.stratum.secret',
    tenantId: '5b1d3c52-8e2f-4a6b-9d0c-7e3f1a2b4c6d',
  },
  apple: {
    clientId: 'com.stratum.sandbox.signin',
    teamId: 'SANDBOXT1M',
    keyId: 'SANDBOXK1D',
    privateKeyPem: [
      '-----BEGIN PRIVATE KEY-----',
      'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgzfkWTWWUKyWzQMqu',
      'eCMueVfBSpxgy65cGistyTz1XhahRANCAASdwIakGKqRq7ea0EFM/AtZ0dPFFHRh',
      'YZBv8o7+yG5XAgpuEUjUQ/DgpDZXLqCzfLv4XHBVvXtfkIN4cLKstICi',
      '-----END PRIVATE KEY-----',
    ].join('\n'),
  },
} as const;
