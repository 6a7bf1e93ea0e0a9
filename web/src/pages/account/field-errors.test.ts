import { describe, expect, it } from 'vitest';
import { subscribeInputSchema } from '../../../../src/capture/intake.schema.js';
import ar from '../../i18n/locales/account/ar.json';
import en from '../../i18n/locales/account/en.json';
import { LOGIN_FIELDS, SIGNUP_FIELDS, errorKeyForIssue, firstInvalid, mapIssues, mapServerDetails } from './field-errors';
import { formatCountdown, looksLikeEmail, requestErrorKey } from './request-errors';
import { toVerifyStatus } from './verify-status';
import { ApiError } from '../../api/client';

const valid = {
  email: 'sara@example.sa',
  full_name: 'Sara Al-Qahtani',
  company_name: 'Example Co',
  password: 'correct horse battery',
  source_page: 'landing',
  language: 'ar',
};

const issuesOf = (input: Record<string, unknown>) => {
  const r = subscribeInputSchema.safeParse(input);
  if (r.success) throw new Error('expected the input to fail');
  return r.error.issues;
};

describe('mapIssues (zod issues → i18n keys)', () => {
  it('maps every failing person field to our own message', () => {
    const { fields, hidden } = mapIssues(issuesOf({ ...valid, email: 'nope', full_name: '   ', company_name: '', phone: '1'.repeat(41), password: 'short' }), SIGNUP_FIELDS);
    expect(fields).toEqual({
      email: 'emailInvalid',
      full_name: 'nameRequired',
      company_name: 'companyRequired',
      phone: 'phoneTooLong',
      password: 'passwordTooShort',
    });
    expect(hidden).toEqual([]);
  });

  it('tells too-long values apart from missing ones', () => {
    const { fields } = mapIssues(
      issuesOf({ ...valid, email: `${'a'.repeat(320)}@example.sa`, full_name: 'n'.repeat(201), company_name: 'c'.repeat(201), password: 'p'.repeat(257) }),
      SIGNUP_FIELDS,
    );
    expect(fields).toEqual({ email: 'emailTooLong', full_name: 'nameTooLong', company_name: 'companyTooLong', password: 'passwordTooLong' });
  });

  it('keeps one message per field and reports hidden fields separately', () => {
    const { fields, hidden } = mapIssues(issuesOf({ ...valid, email: '', visitor_id: 'bad id', utm_source: 'x'.repeat(301) }), SIGNUP_FIELDS);
    expect(fields).toEqual({ email: 'emailInvalid' });
    expect(hidden.sort()).toEqual(['utm_source', 'visitor_id']);
  });

  it('falls back to the field’s own message for an unexpected issue code', () => {
    expect(errorKeyForIssue('password', 'custom')).toBe('passwordTooShort');
    expect(errorKeyForIssue('phone', 'invalid_format')).toBe('phoneInvalid');
  });

  it('only uses keys that both catalogues have', () => {
    const keys = new Set<string>();
    for (const field of SIGNUP_FIELDS) {
      for (const code of ['invalid_type', 'too_small', 'too_big', 'invalid_format', 'custom']) keys.add(errorKeyForIssue(field, code));
    }
    for (const key of keys) {
      expect(en.errors, key).toHaveProperty(key);
      expect(ar.errors, key).toHaveProperty(key);
    }
  });
});

describe('mapServerDetails (400 VALIDATION_FAILED)', () => {
  it('maps details by path, translating the schema’s own messages', () => {
    const details = [
      { in: 'body', path: 'email', message: 'Enter a valid email address' },
      { in: 'body', path: '/password', message: 'Use at least 10 characters' },
      { in: 'body', path: ['company_name'], message: 'Something the server says' },
      { in: 'body', path: 'fbc', message: 'Too big' },
      'garbage',
      null,
    ];
    expect(mapServerDetails(details, SIGNUP_FIELDS)).toEqual({
      fields: { email: 'emailInvalid', password: 'passwordTooShort', company_name: 'companyRequired' },
      hidden: ['fbc'],
    });
  });

  it('handles a missing or odd details value', () => {
    expect(mapServerDetails(undefined, LOGIN_FIELDS)).toEqual({ fields: {}, hidden: [] });
    expect(mapServerDetails({ path: 'email' }, LOGIN_FIELDS)).toEqual({ fields: {}, hidden: [] });
    expect(mapServerDetails([{ path: 'body.email', message: 'x' }], LOGIN_FIELDS).fields).toEqual({ email: 'emailInvalid' });
  });

  it('picks the first invalid field in on-screen order', () => {
    expect(firstInvalid(SIGNUP_FIELDS, { password: 'passwordTooShort', email: 'emailInvalid' })).toBe('email');
    expect(firstInvalid(SIGNUP_FIELDS, {})).toBeUndefined();
  });
});

describe('request helpers', () => {
  it('classifies failures for the general message', () => {
    expect(requestErrorKey(new ApiError('slow down', 429, 'RATE_LIMITED', null))).toBe('rateLimited');
    expect(requestErrorKey(new ApiError('boom', 500, 'INTERNAL', null))).toBe('genericError');
    expect(requestErrorKey(new TypeError('Failed to fetch'))).toBe('networkError');
  });

  it('formats the resend countdown without plural forms', () => {
    expect(formatCountdown(30)).toBe('0:30');
    expect(formatCountdown(5)).toBe('0:05');
    expect(formatCountdown(61)).toBe('1:01');
    expect(formatCountdown(-3)).toBe('0:00');
  });

  it('checks emails loosely', () => {
    expect(looksLikeEmail(' sara@example.sa ')).toBe(true);
    expect(looksLikeEmail('sara@')).toBe(false);
  });

  it('reads the verification outcome, treating anything else as an invalid link', () => {
    expect(toVerifyStatus('expired')).toBe('expired');
    expect(toVerifyStatus('used')).toBe('used');
    expect(toVerifyStatus('ok')).toBe('unknown');
    expect(toVerifyStatus(null)).toBe('unknown');
  });
});
