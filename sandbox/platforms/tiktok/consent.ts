import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxPerson, World } from '../../world/types.js';
import { consentPage, errorPage } from './consent-page.js';
import { acceptForms, first, formFields, type FormFields } from './form.js';
import { issueGrant } from './grants.js';
import { flatQuery } from './params.js';
import { STRATUM_SCOPES } from './scopes.js';

/** TikTok's auth codes live for 10 minutes and are single use. */
const CODE_TTL_SECONDS = 600;
const DEFAULT_PERSON = 'ahmed';

interface AuthorizeParams {
  appId: string;
  redirectUri: string;
  state: string;
  personId: string;
}

const html = (reply: FastifyReply, status: number, body: string) => reply.status(status).type('text/html; charset=utf-8').send(body);

/** Checks the parameters of the advertiser authorization URL; a problem is shown on TikTok's own page, never sent to an unchecked URI. */
function readParams(get: (name: string) => string): AuthorizeParams | { problem: string } {
  const appId = get('app_id');
  if (!appId) return { problem: 'The authorization link has no app_id. Ask the app developer for a correct link.' };
  const redirectUri = get('redirect_uri');
  if (!redirectUri || !/^https?:\/\//i.test(redirectUri) || !URL.canParse(redirectUri)) {
    return { problem: 'The redirect_uri is missing or is not an absolute http(s) URL.' };
  }
  return { appId, redirectUri, state: get('state'), personId: get('sandbox_person') || DEFAULT_PERSON };
}

function personOf(world: World, id: string): SandboxPerson | undefined {
  return world.person(id) ?? (id === DEFAULT_PERSON ? world.people[0] : undefined);
}

function back(reply: FastifyReply, redirectUri: string, params: Record<string, string>) {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== '') url.searchParams.set(k, v);
  return reply.redirect(url.toString(), 302);
}

/** GET and POST `/portal/auth`: the advertiser authorization page and its decision. */
export async function registerConsent(app: FastifyInstance, world: World): Promise<void> {
  acceptForms(app);

  app.get('/portal/auth', async (req: FastifyRequest, reply) => {
    const q = flatQuery(req.query);
    const p = readParams((n) => q[n] ?? '');
    if ('problem' in p) return html(reply, 400, errorPage('Invalid authorization link', p.problem));
    const person = personOf(world, p.personId);
    if (!person) return html(reply, 400, errorPage('Unknown sandbox person', `No sandbox person is called "${p.personId}".`));
    const path = req.url.split('?')[0] ?? '/portal/auth';
    const others = world.people
      .filter((o) => o.id !== person.id)
      .map((o) => ({ person: o, href: `${path}?${new URLSearchParams({ ...q, sandbox_person: o.id }).toString()}` }));
    return html(
      reply,
      200,
      consentPage({
        action: path,
        appName: 'Stratum',
        hidden: { app_id: p.appId, redirect_uri: p.redirectUri, state: p.state, sandbox_person: person.id },
        person,
        accounts: world.accountsOf('tiktok', person.id),
        scopes: STRATUM_SCOPES,
        others,
      }),
    );
  });

  app.post('/portal/auth', async (req, reply) => {
    const f: FormFields = formFields(req.body);
    const p = readParams((n) => first(f, n));
    if ('problem' in p) return html(reply, 400, errorPage('Invalid authorization request', p.problem));
    const person = personOf(world, p.personId);
    if (!person) return html(reply, 400, errorPage('Unknown sandbox person', `No sandbox person is called "${p.personId}".`));
    const decision = first(f, 'decision');
    if (decision === 'deny') {
      return back(reply, p.redirectUri, { error: 'access_denied', error_description: 'The user canceled the authorization.', state: p.state });
    }
    if (decision !== 'allow') return html(reply, 400, errorPage('Invalid authorization request', 'Press Continue or Cancel.'));
    const own = new Set(world.accountsOf('tiktok', person.id).map((a) => a.id));
    const chosen = [...new Set(f.account ?? [])];
    const foreign = chosen.find((id) => !own.has(id));
    if (foreign) return html(reply, 400, errorPage('Invalid authorization request', `${person.name} cannot authorize ad account ${foreign}.`));
    if (chosen.length === 0) return html(reply, 400, errorPage('Select an ad account', 'Go back and tick at least one ad account to authorize.'));
    const grant = issueGrant(world, {
      kind: 'code',
      personId: person.id,
      clientId: p.appId,
      scopes: STRATUM_SCOPES.map((s) => String(s.id)),
      accountIds: chosen,
      redirectUri: p.redirectUri,
      codeChallenge: null,
      codeChallengeMethod: null,
      parent: null,
      ttlSeconds: CODE_TTL_SECONDS,
    });
    // TikTok's callback carries the code as `auth_code`, and as `code` too.
    return back(reply, p.redirectUri, { auth_code: grant.token, code: grant.token, state: p.state });
  });
}
