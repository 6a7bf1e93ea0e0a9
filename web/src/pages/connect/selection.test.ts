import { describe, expect, it } from 'vitest';
import type { AvailableAccount } from '../../api/connections';
import { displayAccountId, initialSelection, selectedIds, toggle } from './selection';

const acc = (externalId: string, connected = false): AvailableAccount => ({
  externalId,
  name: `Account ${externalId}`,
  currency: 'USD',
  timeZone: 'UTC',
  status: 'active',
  spendLast30dMinor: null,
  managerId: null,
  connected,
});

describe('selection', () => {
  const accounts = [acc('1'), acc('2', true), acc('3')];

  it('ticks every account at first, the already connected ones too', () => {
    expect([...initialSelection(accounts)]).toEqual(['1', '2', '3']);
  });

  it('toggles without touching the set it was given', () => {
    const start = initialSelection(accounts);
    const off = toggle(start, '2', false);
    expect([...off]).toEqual(['1', '3']);
    expect(start.has('2')).toBe(true);
    expect([...toggle(off, '2', true)].sort()).toEqual(['1', '2', '3']);
  });

  it('sends the ticked ids in list order, only ones still listed', () => {
    expect(selectedIds(accounts, new Set(['3', 'gone', '1']))).toEqual(['1', '3']);
    expect(selectedIds(accounts, new Set())).toEqual([]);
  });
});

describe('displayAccountId', () => {
  it.each([
    ['meta', '123456789', 'act_123456789'],
    ['meta', 'act_123456789', 'act_123456789'],
    ['google', '1234567890', '123-456-7890'],
    ['google', '123', '123'],
    ['tiktok', '7012345678901234567', '7012345678901234567'],
    ['snapchat', 'a1b2c3d4-0000-4000-8000-000000000000', 'a1b2c3d4-0000-4000-8000-000000000000'],
  ])('%s %s → %s', (platform, id, expected) => {
    expect(displayAccountId(platform, id)).toBe(expected);
  });
});
