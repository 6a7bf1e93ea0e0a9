import type { FastifyError, FastifyInstance } from 'fastify';
import type { SandboxHost, SandboxPlatform } from '../../platform.js';
import type { World } from '../../world/types.js';
import { registerAccounts } from './accounts.js';
import { bearerToken } from './auth.js';
import { errorPage } from './consent-page.js';
import { capiToken, registerConversions } from './conversions.js';
import { registerEntities } from './entities.js';
import { sendApiError, sendCapiError, sendOAuthError } from './errors.js';
import { installFaults } from './faults.js';
import { field } from './form.js';
import { registerMutations } from './mutations.js';
import { registerOAuth, TOKEN_PATH } from './oauth.js';
import { registerReports } from './reports.js';

/** A request Fastify refused before a route saw it (bad JSON, wrong content type) is a client error. */
const clientError = (err: FastifyError) => (err.statusCode ?? 500) < 500;

async function registerApi(app: FastifyInstance, host: SandboxHost, world: World) {
  installFaults(app, world, host.prefix, {
    applies: () => true,
    token: bearerToken,
    send: (reply, kind) =>
      kind === 'rate_limit'
        ? sendApiError(reply, 'rate_limited', 'Rate limit exceeded')
        : kind === 'server_error'
          ? sendApiError(reply, 'server_error', 'Internal server error')
          : sendApiError(reply, 'unauthorized', kind === 'expired_token' ? 'The access token has expired' : 'The access token has been revoked'),
  });
  app.setErrorHandler((err: FastifyError, _req, reply) =>
    clientError(err) ? sendApiError(reply, 'invalid', err.message) : sendApiError(reply, 'server_error', 'Internal server error'),
  );
  await registerAccounts(app, world);
  await registerEntities(app, world);
  await registerReports(app, world);
  await registerMutations(app, world, host.prefix);
}

async function registerTr(app: FastifyInstance, host: SandboxHost, world: World) {
  installFaults(app, world, host.prefix, {
    applies: () => true,
    token: capiToken,
    send: (reply, kind) =>
      kind === 'rate_limit'
        ? sendCapiError(reply, 429, 'Rate limit exceeded')
        : kind === 'server_error'
          ? sendCapiError(reply, 500, 'Internal server error')
          : sendCapiError(reply, 401, kind === 'expired_token' ? 'The access token has expired' : 'The access token has been revoked', 'access_token'),
  });
  app.setErrorHandler((err: FastifyError, _req, reply) => (clientError(err) ? sendCapiError(reply, 400, err.message) : sendCapiError(reply, 500, 'Internal server error')));
  await registerConversions(app, world);
}

async function registerAccountsHost(app: FastifyInstance, host: SandboxHost, world: World) {
  const isTokenCall = (url: string) => url.split('?')[0] === host.prefix + TOKEN_PATH;
  // The token endpoint reads its token from the form, so faults are drawn once the body is parsed.
  installFaults(
    app,
    world,
    host.prefix,
    {
      applies: (req) => req.method === 'POST' && isTokenCall(req.url),
      token: (req) => field(req.body, 'refresh_token') ?? field(req.body, 'code'),
      send: (reply, kind) =>
        kind === 'rate_limit'
          ? sendOAuthError(reply, 'rate_limited', 'Too many requests.')
          : kind === 'server_error'
            ? sendOAuthError(reply, 'server_error', 'Internal server error.')
            : sendOAuthError(reply, 'invalid_grant', kind === 'expired_token' ? 'The grant has expired.' : 'The grant has been revoked.'),
    },
    'preValidation',
  );
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (isTokenCall(req.url)) return clientError(err) ? sendOAuthError(reply, 'invalid_request', err.message) : sendOAuthError(reply, 'server_error', 'Internal server error.');
    return reply
      .status(clientError(err) ? 400 : 500)
      .type('text/html; charset=utf-8')
      .send(errorPage('Something went wrong', clientError(err) ? err.message : 'Please try again later.'));
  });
  await registerOAuth(app, host, world);
}

/** Snap Marketing API (adsapi.snapchat.com), Snap OAuth (accounts.snapchat.com) and Conversions API (tr.snapchat.com). */
export const snapchat: SandboxPlatform = {
  id: 'snapchat',
  name: 'Snapchat',
  hosts: [
    { host: 'adsapi.snapchat.com', prefix: '/snapchat/adsapi', purpose: 'api' },
    { host: 'accounts.snapchat.com', prefix: '/snapchat/accounts', purpose: 'oauth' },
    { host: 'tr.snapchat.com', prefix: '/snapchat/tr', purpose: 'conversions' },
  ],
  async register(app, host, world) {
    if (host.purpose === 'api') await registerApi(app, host, world);
    else if (host.purpose === 'oauth') await registerAccountsHost(app, host, world);
    else if (host.purpose === 'conversions') await registerTr(app, host, world);
  },
  notFound(req, reply, host) {
    const path = req.url.split('?')[0];
    if (host.purpose === 'conversions') return sendCapiError(reply, 404, `Unknown endpoint ${path}`);
    // Snap answers an unknown resource with 404 and E3003 ("Resource can not be found").
    return sendApiError(reply, 'not_found', `Resource can not be found: ${path}`);
  },
};
