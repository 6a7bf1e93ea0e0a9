import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SandboxPerson, World } from '../../world/types.js';
import { consentPage, errorPage, SCOPE_MEANINGS } from './consent-page.js';
import { acceptGraphForms, list, paramsOf, str, type Params } from './params.js';

/** Facebook Login's manual flow: `www.facebook.com/v{N}.0/dialog/oauth`, a consent page, then a redirect with `code`. */
export const CODE_TTL_SECONDS = 600;
const DEFAULT_PERSON = 'ahmed';

const authorizeSchema = z.object({
  client_id: z.string().regex(/^\S+$/, 'Invalid App ID: The provided app ID does not look like a valid app ID.'),
  redirect_uri: z
    .string()
    .url('URL Blocked: the redirect_uri is not a valid absolute URL.')
    .refine((u) => /^https?:\/\//i.test(u), 'URL Blocked: the redirect_uri must use http or https.'),
  state: z.string().optional(),
  scope: z.string().optional(),
  // The documented default is `code`; the sandbox serves only the server-side flow.
  response_type: z.literal('code', { message: 'Unsupported response_type: this sandbox serves response_type=code only.' }).optional(),
  /** Facebook Login for Business names a configuration instead of scopes; the sandbox grants the ad scopes for it. */
  config_id: z.string().optional(),
  sandbox_person: z.string().optional(),
});
type AuthorizeRequest = z.infer<typeof authorizeSchema>;

class DialogError extends Error {
  constructor(
    readonly heading: string,
    detail: string,
  ) {
    super(detail);
  }
}

function readAuthorize(p: Params, world: World): { req: AuthorizeRequest; scopes: string[]; person: SandboxPerson } {
  const flat: Record<string, string> = {};
  for (const k of Object.keys(authorizeSchema.shape)) {
    const v = str(p, k);
    if (v !== undefined) flat[k] = v;
  }
  const parsed = authorizeSchema.safeParse(flat);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = String(issue.path[0] ?? 'request');
    const missing = flat[field] === undefined;
    throw new DialogError(missing ? `Missing ${field}` : `Invalid ${field}`, missing ? `The parameter ${field} is required.` : issue.message);
  }
  const fallback = parsed.data.config_id ? 'ads_management,ads_read,business_management' : 'public_profile';
  const scopes = (parsed.data.scope ?? fallback)
    .split(/[,\s]+/)
    .filter(Boolean);
  const invalid = scopes.filter((s) => !(s in SCOPE_MEANINGS));
  if (invalid.length) throw new DialogError('Invalid Scopes', `Invalid Scopes: ${invalid.join(', ')}. This message is only shown to developers.`);
  const personId = parsed.data.sandbox_person ?? DEFAULT_PERSON;
  const person = world.person(personId);
  if (!person) throw new DialogError('Unknown person', `The sandbox has no person "${personId}".`);
  return { req: parsed.data, scopes: [...new Set(scopes)], person };
}

/** Hands the answer back the way Facebook does: query parameters on redirect_uri, plus its `#_=_` fragment. */
function redirectBack(reply: FastifyReply, redirectUri: string, params: Record<string, string | undefined>): FastifyReply {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  url.hash = '_=_';
  return reply.redirect(url.toString(), 302);
}

export function registerDialog(app: FastifyInstance, world: World): void {
  acceptGraphForms(app);
  const fail = (reply: FastifyReply, err: unknown) => {
    if (!(err instanceof DialogError)) throw err;
    return reply.status(400).type('text/html; charset=utf-8').send(errorPage(err.heading, err.message));
  };
  const versionOk = (req: FastifyRequest) => {
    const v = (req.params as { version?: string }).version;
    return v === undefined || /^v\d+\.0$/.test(v);
  };

  const show = async (req: FastifyRequest, reply: FastifyReply) => {
    if (!versionOk(req)) return reply.status(404).type('text/html; charset=utf-8').send(errorPage('Page not found', 'This page isn\'t available.'));
    try {
      const { req: a, scopes, person } = readAuthorize(paramsOf(req), world);
      const path = req.url.split('?')[0]!;
      const hidden: Record<string, string> = { client_id: a.client_id, redirect_uri: a.redirect_uri, response_type: a.response_type ?? 'code', scope: scopes.join(','), sandbox_person: person.id };
      if (a.state !== undefined) hidden.state = a.state;
      const others = world.people
        .filter((o) => o.id !== person.id)
        .map((o) => {
          const q = new URLSearchParams({ ...hidden, sandbox_person: o.id });
          return { person: o, href: `${path}?${q.toString()}` };
        });
      const html = consentPage({ action: path, hidden, person, others, scopes, accounts: world.accountsOf('meta', person.id) });
      return reply.type('text/html; charset=utf-8').send(html);
    } catch (err) {
      return fail(reply, err);
    }
  };

  const decide = async (req: FastifyRequest, reply: FastifyReply) => {
    if (!versionOk(req)) return reply.status(404).type('text/html; charset=utf-8').send(errorPage('Page not found', 'This page isn\'t available.'));
    try {
      const p = paramsOf(req);
      const { req: a, scopes, person } = readAuthorize(p, world);
      const decision = str(p, 'decision');
      if (decision === 'deny') {
        return redirectBack(reply, a.redirect_uri, { error: 'access_denied', error_code: '200', error_description: 'Permissions error', error_reason: 'user_denied', state: a.state });
      }
      if (decision !== 'allow') throw new DialogError('Invalid request', 'Choose Continue or Cancel.');
      const own = new Set(world.accountsOf('meta', person.id).map((acc) => acc.id));
      const chosen = [...new Set(list(p, 'account'))];
      const foreign = chosen.filter((id) => !own.has(id));
      if (foreign.length) throw new DialogError('Invalid account', `${person.name} cannot grant access to ${foreign.join(', ')}.`);
      const code = world.tokens.issue({
        platform: 'meta',
        kind: 'code',
        personId: person.id,
        clientId: a.client_id,
        scopes,
        accountIds: chosen,
        redirectUri: a.redirect_uri,
        codeChallenge: null,
        codeChallengeMethod: null,
        parent: null,
        ttlSeconds: CODE_TTL_SECONDS,
        token: 'AQ' + randomBytes(96).toString('base64url'),
      });
      return redirectBack(reply, a.redirect_uri, { code: code.token, state: a.state });
    } catch (err) {
      return fail(reply, err);
    }
  };

  for (const path of ['/:version/dialog/oauth', '/dialog/oauth']) {
    app.get(path, show);
    app.post(path, decide);
  }
}
