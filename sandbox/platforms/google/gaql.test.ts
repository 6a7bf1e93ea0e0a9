import { describe, expect, it } from 'vitest';
import { during } from './dates.js';
import { GaqlError, parseGaql } from './gaql.js';
import { dayDate, dayNumber } from './units.js';

describe('GAQL parser', () => {
  it('reads SELECT, FROM, AND-joined conditions, ORDER BY, LIMIT and PARAMETERS', () => {
    const q = parseGaql(
      "select campaign.id, metrics.clicks FROM campaign WHERE campaign.status IN ('ENABLED', PAUSED) AND segments.date BETWEEN '2026-11-01' AND '2026-11-07' AND campaign.name LIKE '%Sale%' AND metrics.clicks > 0 AND campaign.id IS NOT NULL ORDER BY metrics.clicks DESC, campaign.id LIMIT 50 PARAMETERS omit_unselected_resource_names = true",
    );
    expect(q).toEqual({
      select: ['campaign.id', 'metrics.clicks'],
      from: 'campaign',
      where: [
        { field: 'campaign.status', op: 'IN', values: [{ kind: 'string', v: 'ENABLED' }, { kind: 'word', v: 'PAUSED' }] },
        { field: 'segments.date', op: 'BETWEEN', values: [{ kind: 'string', v: '2026-11-01' }, { kind: 'string', v: '2026-11-07' }] },
        { field: 'campaign.name', op: 'LIKE', values: [{ kind: 'string', v: '%Sale%' }] },
        { field: 'metrics.clicks', op: '>', values: [{ kind: 'number', v: '0' }] },
        { field: 'campaign.id', op: 'IS NOT NULL', values: [] },
      ],
      orderBy: [
        { field: 'metrics.clicks', desc: true },
        { field: 'campaign.id', desc: false },
      ],
      limit: 50,
      parameters: { omit_unselected_resource_names: 'true' },
    });
  });

  it.each([
    ['', 'EXPECTED_SELECT'],
    ['SELECT campaign.id', 'EXPECTED_FROM'],
    ['SELECT campaign.id FROM campaign WHERE', 'UNEXPECTED_END_OF_QUERY'],
    ["SELECT campaign.id FROM campaign WHERE campaign.name = 'open", 'STRING_NOT_TERMINATED'],
    ['SELECT campaign.id FROM campaign WHERE campaign.id ~ 1', 'BAD_SYMBOL'],
    ['SELECT campaign.id FROM campaign WHERE campaign.id ABOUT 1', 'BAD_OPERATOR'],
    ['SELECT campaign.id FROM campaign WHERE campaign.id IN ()', 'PROHIBITED_EMPTY_LIST_IN_CONDITION'],
    ['SELECT campaign.id FROM campaign LIMIT 0', 'LIMIT_VALUE_TOO_LOW'],
    ['SELECT campaign.id FROM campaign LIMIT many', 'BAD_LIMIT_VALUE'],
    ['SELECT campaign.id FROM campaign ORDER campaign.id', 'EXPECTED_BY'],
    ['SELECT id FROM campaign', 'UNRECOGNIZED_FIELD'],
    ['SELECT campaign.id FROM campaign extra', 'UNEXPECTED_INPUT'],
  ])('refuses %j with %s', (query, code) => {
    expect(() => parseGaql(query)).toThrow(expect.objectContaining({ code }));
    expect(() => parseGaql(query)).toThrow(GaqlError);
  });
});

describe('DURING ranges (account-local, today excluded from LAST_N_DAYS)', () => {
  const today = dayNumber('2026-11-25'); // a Wednesday
  it.each([
    ['TODAY', '2026-11-25', '2026-11-25'],
    ['YESTERDAY', '2026-11-24', '2026-11-24'],
    ['LAST_7_DAYS', '2026-11-18', '2026-11-24'],
    ['LAST_30_DAYS', '2026-10-26', '2026-11-24'],
    ['THIS_MONTH', '2026-11-01', '2026-11-25'],
    ['LAST_MONTH', '2026-10-01', '2026-10-31'],
    ['THIS_WEEK_MON_TODAY', '2026-11-23', '2026-11-25'],
    ['LAST_WEEK_SUN_SAT', '2026-11-15', '2026-11-21'],
    ['LAST_WEEK_MON_SUN', '2026-11-16', '2026-11-22'],
    ['LAST_BUSINESS_WEEK', '2026-11-16', '2026-11-20'],
  ])('%s', (name, lo, hi) => {
    expect(during(name, today).map(dayDate)).toEqual([lo, hi]);
  });
});
