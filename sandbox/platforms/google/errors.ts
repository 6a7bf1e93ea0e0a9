import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Google Ads API errors: a google.rpc.Status (`{error:{code,message,status,details}}`) whose
 * details carry a GoogleAdsFailure listing each error as a one-key `errorCode` object
 * (`{"queryError":"UNRECOGNIZED_FIELD"}`), a message and, where it applies, the location of the
 * offending field (proto field names, snake_case, with list indexes).
 */
export type RpcStatus = 'INVALID_ARGUMENT' | 'UNAUTHENTICATED' | 'PERMISSION_DENIED' | 'NOT_FOUND' | 'RESOURCE_EXHAUSTED' | 'INTERNAL' | 'UNAVAILABLE';

const HTTP: Record<RpcStatus, number> = {
  INVALID_ARGUMENT: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  RESOURCE_EXHAUSTED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

/** The numeric google.rpc.Code, which partialFailureError carries instead of the HTTP status. */
export const RPC_CODE: Record<RpcStatus, number> = {
  INVALID_ARGUMENT: 3,
  UNAUTHENTICATED: 16,
  PERMISSION_DENIED: 7,
  NOT_FOUND: 5,
  RESOURCE_EXHAUSTED: 8,
  INTERNAL: 13,
  UNAVAILABLE: 14,
};

const DEFAULT_MESSAGE: Record<RpcStatus, string> = {
  INVALID_ARGUMENT: 'Request contains an invalid argument.',
  UNAUTHENTICATED:
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
  PERMISSION_DENIED: 'The caller does not have permission',
  NOT_FOUND: 'Requested entity was not found.',
  RESOURCE_EXHAUSTED: 'Resource has been exhausted (e.g. check quota).',
  INTERNAL: 'Internal error encountered.',
  UNAVAILABLE: 'The service is currently unavailable.',
};

export interface FieldPathElement {
  fieldName: string;
  index?: number;
}

export interface AdsError {
  errorCode: Record<string, string>;
  message: string;
  trigger?: { stringValue: string };
  location?: { fieldPathElements: FieldPathElement[] };
  details?: Record<string, unknown>;
}

/** A request the API refuses as a whole. `errors` empty means the refusal comes before the Ads backend (no GoogleAdsFailure). */
export class GoogleAdsFault extends Error {
  constructor(
    readonly status: RpcStatus,
    readonly errors: AdsError[],
    message?: string,
    readonly extraDetails: Record<string, unknown>[] = [],
  ) {
    super(message ?? DEFAULT_MESSAGE[status]);
  }
}

/** `at('operations', 0, 'update', 'amount_micros')` → the location Google reports for that field. */
export function at(...path: Array<string | number>): { fieldPathElements: FieldPathElement[] } {
  const out: FieldPathElement[] = [];
  for (const part of path) {
    const last = out[out.length - 1];
    if (typeof part === 'number' && last) last.index = part;
    else out.push({ fieldName: String(part) });
  }
  return { fieldPathElements: out };
}

export function adsError(category: string, code: string, message: string, location?: AdsError['location'], trigger?: string): AdsError {
  return { errorCode: { [category]: code }, message, ...(trigger !== undefined ? { trigger: { stringValue: trigger } } : {}), ...(location ? { location } : {}) };
}

export const invalid = (...errors: AdsError[]): GoogleAdsFault => new GoogleAdsFault('INVALID_ARGUMENT', errors);

/** The JSON-transcoding layer's refusal of a body it cannot map onto the request message. */
export function badPayload(description: string): GoogleAdsFault {
  return new GoogleAdsFault('INVALID_ARGUMENT', [], description, [
    { '@type': 'type.googleapis.com/google.rpc.BadRequest', fieldViolations: [{ description }] },
  ]);
}

export const failureType = (version: string): string => `type.googleapis.com/google.ads.googleads.${version}.errors.GoogleAdsFailure`;

export function failureDetail(version: string, errors: AdsError[], requestId: string): Record<string, unknown> {
  return { '@type': failureType(version), errors, requestId };
}

export function statusBody(fault: GoogleAdsFault, version: string, requestId: string): { error: Record<string, unknown> } {
  const details = [...(fault.errors.length > 0 ? [failureDetail(version, fault.errors, requestId)] : []), ...fault.extraDetails];
  return { error: { code: HTTP[fault.status], message: fault.message, status: fault.status, ...(details.length > 0 ? { details } : {}) } };
}

/** The version segment of an Ads API path (`/google/ads/v23/...`), for the failure's `@type`. */
export function versionOf(url: string): string {
  return /\/(v\d+)\//.exec(url)?.[1] ?? 'v23';
}

/** searchStream answers errors as a one-element JSON array, like its results. */
export const isStream = (url: string): boolean => url.split('?')[0]!.endsWith(':searchStream');

export function requestIdOf(reply: FastifyReply): string {
  const id = reply.getHeader('request-id');
  return typeof id === 'string' ? id : '';
}

export function sendFault(req: FastifyRequest, reply: FastifyReply, fault: GoogleAdsFault): FastifyReply {
  const body = statusBody(fault, versionOf(req.url), requestIdOf(reply));
  return reply
    .status(HTTP[fault.status])
    .type('application/json; charset=UTF-8')
    .send(isStream(req.url) ? [body] : body);
}

/** A partial-failure summary: google.rpc.Status with code 3 and the failure list, as mutate and upload responses carry it. */
export function partialFailureError(version: string, errors: AdsError[], requestId: string): Record<string, unknown> {
  const first = errors[0]!;
  const where = first.location ? `, at ${describeLocation(first.location.fieldPathElements)}` : '';
  const message = errors.length === 1 ? `${first.message}${where}` : `Multiple errors in ‘details’. First error: ${first.message}${where}`;
  return { code: RPC_CODE.INVALID_ARGUMENT, message, details: [failureDetail(version, errors, requestId)] };
}

function describeLocation(path: FieldPathElement[]): string {
  return path.map((p) => (p.index !== undefined ? `${p.fieldName}[${p.index}]` : p.fieldName)).join('.');
}
