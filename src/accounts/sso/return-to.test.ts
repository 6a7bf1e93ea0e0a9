import { describe, expect, it } from 'vitest';
import { landingAfterSignIn, safeReturnTo } from './return-to.js';

describe('safeReturnTo', () => {
  it.each<[string | null | undefined, string | null]>([
    ['/app/campaigns', '/app/campaigns'],
    ['/app/campaigns?tab=meta#top', '/app/campaigns?tab=meta#top'],
    ['/onboarding', '/onboarding'],
    ['/app/../connect', '/connect'],
    [undefined, null],
    [null, null],
    ['', null],
    ['app', null],
    ['https://evil.example/app', null],
    ['//evil.example/app', null],
    ['/\\evil.example', null],
    ['/%5Cevil.example', '/%5Cevil.example'],
    ['/app\n/x', null],
    ['/\tevil', null],
    ['javascript:alert(1)', null],
    ['/api/v1/auth/logout', null],
    ['/api', null],
    ['/dev/mailbox', null],
    ['/apidocs', '/apidocs'],
    ['/' + 'a'.repeat(600), null],
  ])('%j → %j', (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });
});

describe('landingAfterSignIn', () => {
  it.each<[boolean, string | null, string]>([
    [false, null, '/onboarding'],
    [false, '/app/campaigns', '/onboarding'],
    [true, null, '/app'],
    [true, '/app/campaigns', '/app/campaigns'],
  ])('onboarding complete %s, return_to %j → %s', (onboardingComplete, returnTo, expected) => {
    expect(landingAfterSignIn({ onboardingComplete, returnTo })).toBe(expected);
  });
});
