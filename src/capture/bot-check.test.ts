import { describe, expect, it } from 'vitest';
import { looksLikeBot } from './bot-check.js';

const now = 1_795_600_000_000;

describe('looksLikeBot', () => {
  it.each<[string, { website?: string; form_started_at?: number }, boolean]>([
    ['a person who took 20 s', { form_started_at: now - 20_000 }, false],
    ['no timing at all (API client)', {}, false],
    ['an empty honeypot', { website: '', form_started_at: now - 10_000 }, false],
    ['a whitespace honeypot', { website: '  ', form_started_at: now - 10_000 }, false],
    ['a filled honeypot', { website: 'http://spam.example', form_started_at: now - 10_000 }, true],
    ['posted in 1 s', { form_started_at: now - 1_000 }, true],
    ['a start time in the future', { form_started_at: now + 60_000 }, true],
    ['exactly at the threshold', { form_started_at: now - 2_500 }, false],
  ])('%s → %s', (_name, input, bot) => {
    expect(looksLikeBot(input, now)).toBe(bot);
  });
});
