import { z } from 'zod';
import type { SandboxPerson, World } from '../../world/types.js';
import { SCOPE_MEANINGS, scopesOf } from './scopes.js';

/**
 * The authorize parameters of Google's OAuth 2.0 web-server flow, checked the way Google's
 * consent page checks them. A bad request gets Google's own error page (never a redirect: the
 * redirect URI itself may be what is wrong).
 */
const required = (name: string) => z.string({ error: `Missing required parameter: ${name}` }).min(1, { error: `Missing required parameter: ${name}` });

const isHttpUrl = (s: string): boolean => /^https?:\/\//i.test(s) && URL.canParse(s) && !new URL(s).hash;

const PROMPTS = new Set(['none', 'consent', 'select_account']);

export const authorizeSchema = z.object({
  client_id: required('client_id'),
  redirect_uri: required('redirect_uri').refine(isHttpUrl, { error: 'Invalid parameter value for redirect_uri: it must be an absolute http(s) URL without a fragment.' }),
  response_type: required('response_type').refine((v) => v === 'code', { error: 'Invalid response_type: only "code" is supported for web server applications.' }),
  scope: required('scope').refine((v) => scopesOf(v).every((s) => s in SCOPE_MEANINGS), { error: 'Some requested scopes were invalid.' }),
  state: z.string().optional(),
  access_type: z.enum(['online', 'offline'], { error: 'Invalid access_type: use online or offline.' }).optional(),
  prompt: z
    .string()
    .refine((v) => v.split(' ').filter(Boolean).every((p) => PROMPTS.has(p)), { error: 'Invalid prompt: use none, consent or select_account.' })
    .optional(),
  include_granted_scopes: z.enum(['true', 'false']).optional(),
  login_hint: z.string().optional(),
  code_challenge: z
    .string()
    .regex(/^[A-Za-z0-9\-._~]{43,128}$/, { error: 'Invalid code_challenge: 43 to 128 characters from [A-Za-z0-9-._~].' })
    .optional(),
  code_challenge_method: z.enum(['S256', 'plain'], { error: 'Invalid code_challenge_method: use S256 or plain.' }).optional(),
  sandbox_person: z.string().optional(),
});

export type AuthorizeQuery = z.infer<typeof authorizeSchema>;

export interface AuthorizeRequest {
  query: AuthorizeQuery;
  scopes: string[];
  person: SandboxPerson;
  offline: boolean;
  forceConsent: boolean;
  codeChallengeMethod: 'S256' | 'plain' | null;
}

export type AuthorizeCheck = { ok: true; request: AuthorizeRequest } | { ok: false; heading: string; detail: string };

/** Checks an authorize request (the GET, or the hidden fields posted back by the consent form). */
export function checkAuthorize(input: unknown, world: World): AuthorizeCheck {
  const parsed = authorizeSchema.safeParse(flatten(input));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    const kind = field === 'scope' && !issue.message.startsWith('Missing') ? 'invalid_scope' : field === 'redirect_uri' && !issue.message.startsWith('Missing') ? 'redirect_uri_mismatch' : 'invalid_request';
    return { ok: false, heading: `Error 400: ${kind}`, detail: issue.message };
  }
  const q = parsed.data;
  // Google picks the account from login_hint; the sandbox also takes an explicit person.
  const personId = q.sandbox_person ?? world.people.find((p) => p.email === q.login_hint)?.id ?? 'ahmed';
  const person = world.person(personId);
  if (!person) return { ok: false, heading: 'Error 400: invalid_request', detail: `The sandbox has no person "${personId}" (sandbox_person); see GET /_sandbox/people.` };
  const prompts = (q.prompt ?? '').split(' ');
  return {
    ok: true,
    request: {
      query: q,
      scopes: scopesOf(q.scope),
      person,
      offline: q.access_type === 'offline',
      forceConsent: prompts.includes('consent'),
      codeChallengeMethod: q.code_challenge ? (q.code_challenge_method ?? 'plain') : null,
    },
  };
}

/** Query strings and forms can repeat a field; Google reads the first. */
function flatten(input: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof input !== 'object' || input === null) return out;
  for (const [k, v] of Object.entries(input)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === 'string') out[k] = first;
  }
  return out;
}
