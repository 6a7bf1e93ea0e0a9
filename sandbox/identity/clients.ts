/**
 * The apps registered with each imitated sign-in provider, as a developer console would
 * list them. Stratum's sandbox defaults use these; a client id not listed here is refused
 * the way the real provider refuses an unknown one.
 */
export const sandboxSignInClients = {
  google: { clientId: 'stratum-sandbox.apps.googleusercontent.com', clientSecret: 'GOCSPX-stratum-sandbox-secret' },
  microsoft: {
    clientId: '6f1c4a52-3b7e-4d0a-9c1e-5a2b8d7e0f31',
    clientSecret: 'sandbox~Q8.microsoft.stratum.secret',
    /** The directory the sandbox's work accounts live in (a GUID, as Entra ID tenants are). */
    tenantId: '5b1d3c52-8e2f-4a6b-9d0c-7e3f1a2b4c6d',
  },
  apple: {
    /** A Services ID. */
    clientId: 'com.stratum.sandbox.signin',
    teamId: 'SANDBOXT1M',
    keyId: 'SANDBOXK1D',
    /**
     * The public half of the developer's "Sign in with Apple" key: Apple keeps only this and
     * checks the ES256 client secret against it (the developer downloads the private .p8).
     */
    publicKeyPem: [
      '-----BEGIN PUBLIC KEY-----',
      'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEncCGpBiqkau3mtBBTPwLWdHTxRR0',
      'YWGQb/KO/shuVwIKbhFI1EPw4KQ2Vy6gs3y7+FxwVb17X5CDeHCyrLSAog==',
      '-----END PUBLIC KEY-----',
    ].join('\n'),
  },
} as const;

/** Microsoft's own tenant for personal (consumer) accounts. */
export const MICROSOFT_CONSUMERS_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';
