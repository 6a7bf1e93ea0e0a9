import { describe, expect, it } from 'vitest';
import { identityFromClaims } from './claims.js';

describe('identityFromClaims', () => {
  it.each<[string, Parameters<typeof identityFromClaims>, { email: string | null; emailVerified: boolean; name: string | null }]>([
    ['Google, verified', ['google', { sub: '1', email: 'a@b.co', email_verified: true, name: 'Sara' }], { email: 'a@b.co', emailVerified: true, name: 'Sara' }],
    ['Google, unverified', ['google', { sub: '1', email: 'a@b.co', email_verified: false }], { email: 'a@b.co', emailVerified: false, name: null }],
    ['Google, no email_verified claim', ['google', { sub: '1', email: 'a@b.co' }], { email: 'a@b.co', emailVerified: false, name: null }],
    ['Apple says "true" as a string', ['apple', { sub: '1', email: 'a@b.co', email_verified: 'true' }], { email: 'a@b.co', emailVerified: true, name: null }],
    ['Apple says "false" as a string', ['apple', { sub: '1', email: 'a@b.co', email_verified: 'false' }], { email: 'a@b.co', emailVerified: false, name: null }],
    [
      'Apple\'s name comes from the first form post',
      ['apple', { sub: '1', email: 'a@b.co', email_verified: 'true' }, '{"name":{"firstName":"Lena","lastName":"Fischer"},"email":"evil@x.co"}'],
      { email: 'a@b.co', emailVerified: true, name: 'Lena Fischer' },
    ],
    ['Apple\'s user field, garbled', ['apple', { sub: '1', email: 'a@b.co', email_verified: true }, '{nope'], { email: 'a@b.co', emailVerified: true, name: null }],
    ['Microsoft ignores email_verified-less email', ['microsoft', { sub: '1', email: 'a@b.co', name: 'Omar' }], { email: 'a@b.co', emailVerified: false, name: 'Omar' }],
    ['Microsoft with xms_edov', ['microsoft', { sub: '1', email: 'a@b.co', xms_edov: true }], { email: 'a@b.co', emailVerified: true, name: null }],
    ['Microsoft with xms_edov "1"', ['microsoft', { sub: '1', email: 'a@b.co', xms_edov: '1' }], { email: 'a@b.co', emailVerified: true, name: null }],
    ['Microsoft: email_verified alone is not enough', ['microsoft', { sub: '1', email: 'a@b.co', email_verified: true }], { email: 'a@b.co', emailVerified: false, name: null }],
    ['no email at all', ['google', { sub: '1', email_verified: true }], { email: null, emailVerified: false, name: null }],
  ])('%s', (_name, args, expected) => {
    expect(identityFromClaims(...args)).toMatchObject({ subject: '1', ...expected });
  });
});
