import type { z } from 'zod';
import { PlatformError } from '../errors.js';
import { platformCall } from '../http.js';
import { issueText } from '../json-answer.js';
import type { AdapterContext, TokenSet } from '../types.js';
import { interpretGoogle } from './errors.js';
import { accessibleCustomersSchema, mutateResponseSchema, searchPageSchema } from './schemas.js';

/** Who is asking and through which manager: the headers every Google Ads call carries. */
export interface GoogleCaller {
  ctx: AdapterContext;
  token: TokenSet;
  /** The manager (MCC) the customer is reached through, sent as `login-customer-id`. */
  loginCustomerId: string | null;
}

export function googleHeaders(caller: GoogleCaller): Record<string, string> {
  const headers: Record<string, string> = { authorization: `Bearer ${caller.token.accessToken}` };
  // Sunset in 2026 and ignored by the servers; sent only while an installation still has one.
  const developerToken = caller.ctx.credentials.developerToken;
  if (developerToken) headers['developer-token'] = developerToken;
  if (caller.loginCustomerId) headers['login-customer-id'] = caller.loginCustomerId;
  return headers;
}

export async function listAccessibleCustomers(caller: GoogleCaller): Promise<string[]> {
  const what = 'list accessible customers';
  const body = await platformCall(
    'google',
    caller.ctx,
    { method: 'GET', url: new URL(`${caller.ctx.endpoints.api}/customers:listAccessibleCustomers`), headers: googleHeaders(caller), what, idempotent: true },
    interpretGoogle(accessibleCustomersSchema, what),
  );
  return body.resourceNames;
}

/**
 * Runs a GAQL query with `googleAds:search`, one 10,000-row page per request, and yields each
 * row parsed with `rowSchema` together with the row as sent. Pages are fetched as the caller
 * reads, so a large account is never held whole; a failed page is retried on its own.
 */
export async function* search<S extends z.ZodType>(
  caller: GoogleCaller,
  customerId: string,
  query: string,
  rowSchema: S,
  what: string,
): AsyncGenerator<{ row: z.output<S>; raw: unknown }> {
  const url = new URL(`${caller.ctx.endpoints.api}/customers/${customerId}/googleAds:search`);
  let pageToken: string | undefined;
  const seen = new Set<string>();
  do {
    const page = await platformCall(
      'google',
      caller.ctx,
      {
        method: 'POST',
        url,
        headers: { ...googleHeaders(caller), 'content-type': 'application/json' },
        body: JSON.stringify(pageToken ? { query, pageToken } : { query }),
        what,
        idempotent: true,
      },
      interpretGoogle(searchPageSchema, what),
    );
    for (const raw of page.results) {
      const parsed = rowSchema.safeParse(raw);
      if (!parsed.success) throw new PlatformError('google', 'INVALID', `${what}: unexpected row (${issueText(parsed.error)})`);
      yield { row: parsed.data, raw };
    }
    pageToken = page.nextPageToken || undefined;
    // A token handed out twice would loop for ever; the platform never does that on purpose.
    if (pageToken && seen.has(pageToken)) throw new PlatformError('google', 'TRANSIENT', `${what}: page token repeated`);
    if (pageToken) seen.add(pageToken);
  } while (pageToken);
}

export interface UpdateOperation {
  update: Record<string, unknown> & { resourceName: string };
  updateMask: string;
}

/** `POST customers/{id}/{service}:mutate` with update operations, all or nothing. */
export async function mutate(caller: GoogleCaller, customerId: string, service: string, operations: UpdateOperation[], what: string): Promise<void> {
  const body = await platformCall(
    'google',
    caller.ctx,
    {
      method: 'POST',
      url: new URL(`${caller.ctx.endpoints.api}/customers/${customerId}/${service}:mutate`),
      headers: { ...googleHeaders(caller), 'content-type': 'application/json' },
      body: JSON.stringify({ operations, partialFailure: false, validateOnly: false }),
      what,
      // An update sets a value; sending it twice leaves the same state.
      idempotent: true,
    },
    interpretGoogle(mutateResponseSchema, what),
  );
  if (body.partialFailureError) {
    throw new PlatformError('google', 'INVALID', `${what}: ${body.partialFailureError.message ?? 'partial failure'}`);
  }
}
