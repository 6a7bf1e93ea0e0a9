import { describe, expect, it } from 'vitest';
import type { PlatformErrorCode } from '../errors.js';
import { recordedResponses } from '../testing/fixtures.js';
import { tiktokErrorFrom } from './errors.js';

const response = recordedResponses(import.meta.url, 'errors');

describe('tiktokErrorFrom', () => {
  it.each([
    // [fixture, code, retryAfterMs, message fragment]
    ['rate_limit_40100', 'RATE_LIMITED', undefined, 'Too many requests'],
    ['rate_limit_40133', 'RATE_LIMITED', undefined, 'QPS limit'],
    ['rate_limit_40016_retry_after', 'RATE_LIMITED', 3_000, 'too frequently'],
    ['token_expired_40102', 'AUTH_EXPIRED', undefined, 'expired'],
    ['token_empty_40104', 'AUTH_EXPIRED', undefined, 'Access-Token'],
    ['token_invalid_40105', 'AUTH_EXPIRED', undefined, 'revoked'],
    ['auth_code_40110', 'AUTH_EXPIRED', undefined, 're-authorize'],
    ['app_secret_40101', 'INVALID', undefined, 'app_id or secret'],
    ['permission_40001', 'PERMISSION_DENIED', undefined, 'No permission'],
    ['core_user_40106', 'PERMISSION_DENIED', undefined, 'core user'],
    ['validation_40002', 'INVALID', undefined, 'Budget must be greater than or equal to 20.'],
    ['invalid_40000', 'INVALID', undefined, 'invalid'],
    ['not_found_40007', 'NOT_FOUND', undefined, 'does not exist'],
    ['advertiser_gone_40300', 'NOT_FOUND', undefined, 'advertiser does not exist'],
    ['conflict_40202', 'TRANSIENT', undefined, 'conflict'],
    ['system_50000', 'TRANSIENT', undefined, 'System error'],
    ['system_50002_http_500', 'TRANSIENT', undefined, 'TikTok side'],
    ['maintenance_60001', 'TRANSIENT', undefined, 'maintenance'],
    ['odd_code_70001', 'UNKNOWN', undefined, 'Something new'],
    ['bare_404_path', 'NOT_FOUND', undefined, 'HTTP 404'],
    ['bare_503', 'TRANSIENT', undefined, 'HTTP 503'],
    ['bare_429', 'RATE_LIMITED', 1_000, 'HTTP 429'],
  ] as Array<[string, PlatformErrorCode, number | undefined, string]>)('%s → %s', (name, code, wait, fragment) => {
    const e = tiktokErrorFrom(response(name), 'list campaigns');
    expect(e?.code).toBe(code);
    expect(e?.platform).toBe('tiktok');
    expect(e?.details.retryAfterMs).toBe(wait);
    expect(e?.message).toContain(fragment);
    expect(e?.message.startsWith('list campaigns: ')).toBe(true);
  });

  it('keeps TikTok’s code and request id', () => {
    expect(tiktokErrorFrom(response('validation_40002'), 'x')?.details).toEqual({ platformCode: 40002, httpStatus: 200, requestId: '202501150900e011' });
  });

  it.each(['ok', 'partial_20001'])('%s is a success', (name) => {
    expect(tiktokErrorFrom(response(name), 'x')).toBeNull();
  });

  it('leaves a 200 that is not an envelope (a truncated page) to the parser', () => {
    expect(tiktokErrorFrom({ status: 200, headers: new Headers(), body: '{"code":0,"data":{"li' }, 'x')).toBeNull();
  });
});
