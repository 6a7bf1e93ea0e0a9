import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SandboxHost } from '../../platform.js';
import type { World } from '../../world/types.js';
import { consentPage, errorPage, KNOWN_SCOPES } from './consent-page.js';
import { acceptForms, field, fields } from './form.js';
import { exchangeToken } from './token.js';

/**
 * accounts.snapchat.com: the consent screen (`/login/oauth2/authorize`) and the token endpoint
 * (`/login/oauth2/access_token`). PKCE is optional: Snap's Marketing API guide does not use it,
 * but a code issued with a `code_challenge` must be redeemed with the matching verifier.
 */
export const AUTHORIZE_PATH = '/login/oauth2/authorize';
export const TOKEN_PATH = '/login/oauth2/access_token';
const CODE_TTL_SECONDS = 600;
const DEFAULT_PERSON = 'ahmed';

const httpUrl = z.string().refine((s) => {
  try {
    const u = new URL(s);
    return (u.protocol === 'https:' || u.protocol === 'http:') && !u.hash;
  } catch {
    return false;
  }
}, 'must be an absolute http(s) URL without a fragment');

const authorizeSchema = z.object({
  client_id: z.string().min(1, 'is required'),
  redirect_uri: httpUrl,
  response_type: z.literal('code', { error: 'must be "code"' }),
  scope: z
    .string()
    .min(1, 'is required')
    .refine((s) => scopesOf(s).every((x) => KNOWN_SCOPES.includes(x)), `may only contain ${KNOWN_SCOPES.join(', ')}`),
  state: z.string().optional(),
  code_challenge: z
    .string()
    .regex(/^[A-Za-z0-9\-._~]{43,128}$/, 'must be 43–128 characters of [A-Za-z0-9-._~]')
    .optional(),
  code_challenge_method: z.enum(['S256', 'plain']).optional(),
  sandbox_person: z.string().optional(),
});
type AuthorizeParams = z.infer<typeof authorizeSchema>;

const scopesOf = (s: string): string[] => s.split(/[\s,]+/).filter(Boolean);

const html = (reply: FastifyReply, status: number, body: string) => reply.status(status).type('text/html; charset=utf-8').send(body);

/** Reads the authorize parameters (query on GET, form on POST); a problem is shown on Snap's page, never redirected. */
function readParams(input: unknown): { ok: true; params: AuthorizeParams } | { ok: false; detail: string } {
  const flat: Record<string, string> = {};
  for (const key of Object.keys(authorizeSchema.shape)) {
    const v = field(input, key);
    if (v !== null) flat[key] = v;
  }
  const parsed = authorizeSchema.safeParse(flat);
  if (parsed.success) {
    if (parsed.data.code_challenge_method && !parsed.data.code_challenge) return { ok: false, detail: 'code_challenge_method was sent without code_challenge.' };
    return { ok: true, params: parsed.data };
  }
  const issue = parsed.error.issues[0]!;
  return { ok: false, detail: `The parameter ${String(issue.path[0] ?? 'request')} ${issue.message}.` };
}

export async function registerOAuth(app: FastifyInstance, host: SandboxHost, world: World): Promise<void> {
  acceptForms(app);

  const personFor = (id: string | undefined) => world.person(id ?? DEFAULT_PERSON) ?? (id ? undefined : world.people[0]);

  const renderConsent = (req: FastifyRequest, reply: FastifyReply, params: AuthorizeParams, status = 200, notice?: string) => {
    const person = personFor(params.sandbox_person);
    if (!person) return html(reply, 400, errorPage('Unknown person', `The sandbox has no person "${params.sandbox_person ?? ''}".`));
    const hidden: Record<string, string> = {};
    for (const [k, v] of Object.entries(params)) if (typeof v === 'string' && k !== 'sandbox_person') hidden[k] = v;
    const others = world.people
      .filter((p) => p.id !== person.id)
      .map((p) => {
        const q = new URLSearchParams({ ...hidden, sandbox_person: p.id });
        return { person: p, href: `${host.prefix}${AUTHORIZE_PATH}?${q.toString()}` };
      });
    const view = {
      action: `${host.prefix}${AUTHORIZE_PATH}`,
      hidden: { ...hidden, sandbox_person: person.id },
      scopes: scopesOf(params.scope),
      person,
      others,
      accounts: world.accountsOf('snapchat', person.id),
      ...(notice ? { notice } : {}),
    };
    return html(reply, status, consentPage(view));
  };

  app.get(AUTHORIZE_PATH, async (req, reply) => {
    const r = readParams(req.query);
    if (!r.ok) return html(reply, 400, errorPage('Invalid request', r.detail));
    return renderConsent(req, reply, r.params);
  });

  app.post(AUTHORIZE_PATH, async (req, reply) => {
    const r = readParams(req.body);
    if (!r.ok) return html(reply, 400, errorPage('Invalid request', r.detail));
    const { params } = r;
    const person = personFor(params.sandbox_person);
    if (!person) return html(reply, 400, errorPage('Unknown person', `The sandbox has no person "${params.sandbox_person ?? ''}".`));
    const target = new URL(params.redirect_uri);
    const decision = field(req.body, 'decision');
    if (decision === 'deny') {
      target.searchParams.set('error', 'access_denied');
      target.searchParams.set('error_description', 'The user denied the authorization request.');
      if (params.state !== undefined) target.searchParams.set('state', params.state);
      return reply.redirect(target.toString(), 302);
    }
    if (decision !== 'allow') return renderConsent(req, reply, params, 400, 'Choose Continue or Cancel.');
    const own = new Set(world.accountsOf('snapchat', person.id).map((a) => a.id));
    const chosen = [...new Set(fields(req.body, 'account'))];
    const foreign = chosen.filter((id) => !own.has(id));
    if (foreign.length) return renderConsent(req, reply, params, 400, `${person.name} cannot share ad account ${foreign[0]}.`);
    const code = world.tokens.issue({
      platform: 'snapchat',
      kind: 'code',
      personId: person.id,
      clientId: params.client_id,
      scopes: scopesOf(params.scope),
      accountIds: chosen,
      redirectUri: params.redirect_uri,
      codeChallenge: params.code_challenge ?? null,
      codeChallengeMethod: params.code_challenge ? (params.code_challenge_method ?? 'plain') : null,
      parent: null,
      ttlSeconds: CODE_TTL_SECONDS,
    });
    target.searchParams.set('code', code.token);
    if (params.state !== undefined) target.searchParams.set('state', params.state);
    return reply.redirect(target.toString(), 302);
  });

  app.post(TOKEN_PATH, async (req, reply) => exchangeToken(world, req, reply));
}
