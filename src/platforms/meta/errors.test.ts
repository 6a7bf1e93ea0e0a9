import { describe, expect, it } from 'vitest';
import type { PlatformErrorCode } from '../errors.js';
import { recordedResponses } from '../testing/fixtures.js';
import { metaErrorFrom } from './errors.js';
import { readMetaUsage } from './usage.js';

const response = recordedResponses(import.meta.url, 'errors');

describe('metaErrorFrom', () => {
  it.each([
    // [fixture, code, retryAfterMs, message fragment]
    ['token_expired', 'AUTH_EXPIRED', undefined, 'Session has expired'],
    ['token_invalidated_password', 'AUTH_EXPIRED', undefined, 'changed their password'],
    ['token_revoked_as_500', 'AUTH_EXPIRED', undefined, 'not authorized application'],
    ['session_key_invalid', 'AUTH_EXPIRED', undefined, 'Session key'],
    ['permission_10', 'PERMISSION_DENIED', undefined, 'does not have permission'],
    ['permission_200', 'PERMISSION_DENIED', undefined, 'ads_management'],
    ['permission_294', 'PERMISSION_DENIED', undefined, 'extended permission'],
    ['blocked_368', 'PERMISSION_DENIED', undefined, 'abusive'],
    ['app_limit_4', 'RATE_LIMITED', undefined, 'Application request limit'],
    ['user_limit_17', 'RATE_LIMITED', undefined, 'User request limit'],
    ['account_limit_613', 'RATE_LIMITED', 45_000, 'exceeded the rate limit'],
    ['buc_80004', 'RATE_LIMITED', 180_000, 'too many calls'],
    ['buc_80000_retry_after', 'RATE_LIMITED', 7_000, 'too many calls'],
    ['not_found_100_33', 'NOT_FOUND', undefined, 'does not exist'],
    ['alias_803', 'NOT_FOUND', undefined, 'aliases'],
    ['invalid_param_100', 'INVALID', undefined, 'Your budget must be at least $1.00 a day.'],
    ['unknown_field_100', 'INVALID', undefined, 'nonexisting field'],
    ['unknown_1', 'TRANSIENT', undefined, 'unknown error'],
    ['service_2', 'TRANSIENT', undefined, 'temporarily unavailable'],
    ['odd_code_9007', 'UNKNOWN', undefined, 'Something new'],
    ['bare_502', 'TRANSIENT', undefined, 'HTTP 502'],
    ['bare_429', 'RATE_LIMITED', 2_000, 'HTTP 429'],
    ['bare_404', 'NOT_FOUND', undefined, 'HTTP 404'],
  ] as Array<[string, PlatformErrorCode, number | undefined, string]>)('%s → %s', (name, code, wait, fragment) => {
    const e = metaErrorFrom(response(name), 'list campaigns');
    expect(e?.code).toBe(code);
    expect(e?.platform).toBe('meta');
    expect(e?.details.retryAfterMs).toBe(wait);
    expect(e?.message).toContain(fragment);
    expect(e?.message.startsWith('list campaigns: ')).toBe(true);
  });

  it('keeps Meta’s code, subcode, status and trace id', () => {
    const e = metaErrorFrom(response('token_expired'), 'x');
    expect(e?.details).toEqual({ platformCode: 190, platformSubcode: 463, httpStatus: 400, requestId: 'AbCdEf1' });
  });

  it('treats a 200 without an error envelope as success', () => {
    expect(metaErrorFrom(response('ok_with_usage'), 'x')).toBeNull();
  });

  it('treats an error envelope as an error whatever the status', () => {
    const r = response('token_expired');
    expect(metaErrorFrom({ ...r, status: 200 }, 'x')?.code).toBe('AUTH_EXPIRED');
  });
});

describe('readMetaUsage', () => {
  it('reads the highest utilisation across the headers', () => {
    expect(readMetaUsage(response('ok_with_usage').headers)).toEqual({ maxUtilPct: 96.5, regainAccessMs: undefined });
  });

  it('turns estimated_time_to_regain_access (minutes) into ms', () => {
    expect(readMetaUsage(response('buc_80004').headers)).toEqual({ maxUtilPct: 100, regainAccessMs: 180_000 });
  });

  it('ignores headers that are not JSON', () => {
    const h = new Headers({ 'x-app-usage': '{"call_count":', 'x-business-use-case-usage': 'nope' });
    expect(readMetaUsage(h)).toEqual({ maxUtilPct: null, regainAccessMs: undefined });
  });
});
