import type { SandboxPlatform } from '../../platform.js';
import { registerDialog } from './dialog.js';
import { errorPage } from './consent-page.js';
import { graphErrors, installGraphErrorHandler } from './errors.js';
import { installFaults } from './faults.js';
import { registerGraphRoutes } from './graph-routes.js';
import { registerTokenRoutes } from './oauth.js';
import { acceptGraphForms } from './params.js';

/** Meta Graph / Marketing API and Conversions API (graph.facebook.com) and its OAuth dialog (www.facebook.com). */
export const meta: SandboxPlatform = {
  id: 'meta',
  name: 'Meta',
  hosts: [
    { host: 'graph.facebook.com', prefix: '/meta/graph', purpose: 'api' },
    { host: 'www.facebook.com', prefix: '/meta/www', purpose: 'oauth' },
  ],
  async register(app, host, world) {
    if (host.purpose === 'oauth') {
      registerDialog(app, world);
      return;
    }
    acceptGraphForms(app);
    installGraphErrorHandler(app);
    installFaults(app, world, host.prefix);
    registerTokenRoutes(app, world);
    registerGraphRoutes(app, world, host.prefix);
  },
  notFound(req, reply, host) {
    if (host.purpose === 'oauth') {
      return reply.status(404).type('text/html; charset=utf-8').send(errorPage('This page isn\'t available', 'The link you followed may be broken, or the page may have been removed.'));
    }
    // Graph names the first path component after the version as the object it could not find.
    const parts = req.url.split('?')[0]!.slice(host.prefix.length).split('/').filter(Boolean);
    const id = (/^v\d+\.0$/.test(parts[0] ?? '') ? parts.slice(1) : parts).join('/');
    const err = graphErrors.unsupported(req.method, id);
    return reply.status(err.status).send(err.body());
  },
};
