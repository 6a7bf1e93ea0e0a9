import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { traceId } from '../../ids.js';
import { WorldError } from '../../world/types.js';

/**
 * Graph's one error envelope: `{"error":{message,type,code,error_subcode,is_transient,
 * error_user_title,error_user_msg,fbtrace_id}}`. Graph mostly answers HTTP 400 whatever the
 * cause (throttling included), so clients must branch on `code`/`error_subcode`, not on status.
 */
export interface GraphErrorInit {
  status?: number;
  type?: 'OAuthException' | 'GraphMethodException';
  subcode?: number;
  transient?: boolean;
  userTitle?: string;
  userMsg?: string;
  headers?: Record<string, string>;
}

export class GraphError extends Error {
  readonly status: number;
  constructor(
    readonly code: number,
    message: string,
    readonly init: GraphErrorInit = {},
  ) {
    super(message);
    this.status = init.status ?? 400;
  }

  body(): { error: Record<string, unknown> } {
    const e: Record<string, unknown> = { message: this.message, type: this.init.type ?? 'OAuthException', code: this.code };
    if (this.init.subcode !== undefined) e.error_subcode = this.init.subcode;
    if (this.init.transient !== undefined) e.is_transient = this.init.transient;
    if (this.init.userTitle) e.error_user_title = this.init.userTitle;
    if (this.init.userMsg) e.error_user_msg = this.init.userMsg;
    e.fbtrace_id = traceId(16);
    return { error: e };
  }
}

export function sendGraphError(reply: FastifyReply, err: GraphError): FastifyReply {
  for (const [k, v] of Object.entries(err.init.headers ?? {})) reply.header(k, v);
  return reply.status(err.status).type('application/json; charset=UTF-8').send(err.body());
}

/** Token problems also carry the RFC 6750-style header Graph sends next to the JSON body. */
function tokenError(message: string, subcode?: number): GraphError {
  return new GraphError(190, message, {
    ...(subcode !== undefined ? { subcode } : {}),
    headers: { 'WWW-Authenticate': `OAuth "Facebook Platform" "invalid_token" "${message.replace(/"/g, "'")}"` },
  });
}

const fbDate = (d: Date): string =>
  d.toLocaleString('en-US', { timeZone: 'America/Los_Angeles', weekday: 'long', day: '2-digit', month: 'short', year: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZoneName: 'short' });

export const graphErrors = {
  invalidParam: (message: string, init: GraphErrorInit = {}) => new GraphError(100, message.startsWith('(#') ? message : `(#100) ${message}`, init),
  missingToken: () => new GraphError(104, 'An access token is required to request this resource.'),
  unparsableToken: () => tokenError('Invalid OAuth access token - Cannot parse access token'),
  expiredToken: (expiredAt: Date | null, now: Date) =>
    tokenError(`Error validating access token: Session has expired on ${fbDate(expiredAt ?? now)}. The current time is ${fbDate(now)}.`, 463),
  passwordChanged: () =>
    tokenError('Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.', 460),
  deauthorized: (appId: string) => tokenError(`Error validating access token: The user has not authorized application ${appId}.`, 458),
  unsupported: (method: string, id: string) =>
    new GraphError(
      100,
      `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
      { type: 'GraphMethodException', subcode: 33 },
    ),
  nonexistingField: (field: string, nodeType: string) => new GraphError(100, `(#100) Tried accessing nonexisting field (${field}) on node type (${nodeType})`),
  unknownPath: (path: string) => new GraphError(2500, `Unknown path components: ${path}`),
  noAdsPermission: () => new GraphError(200, '(#200) Ad account owner has NOT grant ads_management or ads_read permission'),
  noManagePermission: () =>
    new GraphError(294, '(#294) Managing advertisements requires an access token with the extended permission ads_management'),
  invalidCursor: () => new GraphError(2642, '(#2642) Invalid cursors values'),
  unknown: () => new GraphError(1, 'An unknown error has occurred.', { status: 500, transient: true }),
};

/** A WorldError from a mutation, in Graph's words. */
export function fromWorldError(err: WorldError, method: string, id: string): GraphError {
  if (err.code === 'not_found') return graphErrors.unsupported(method, id);
  return new GraphError(100, 'Invalid parameter', { userTitle: 'Invalid parameter', userMsg: err.message });
}

/** Renders every failure in the scope as a Graph error; nothing escapes as Fastify's own shape. */
export function installGraphErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | GraphError | WorldError, req, reply) => {
    if (err instanceof GraphError) return sendGraphError(reply, err);
    if (err instanceof WorldError) return sendGraphError(reply, fromWorldError(err, req.method, req.url.split('?')[0]!.split('/').pop() ?? ''));
    const fe = err as FastifyError;
    if (fe.statusCode === 413) return sendGraphError(reply, graphErrors.invalidParam('Request body too large'));
    if (fe.statusCode !== undefined && fe.statusCode < 500) return sendGraphError(reply, graphErrors.invalidParam(`Invalid request: ${fe.message}`));
    req.log.error({ err }, 'meta sandbox handler failed');
    return sendGraphError(reply, graphErrors.unknown());
  });
}
