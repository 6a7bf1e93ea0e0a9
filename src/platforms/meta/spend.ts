import { majorToMinor } from '../../shared/money.js';
import { PlatformError } from '../errors.js';
import type { AdAccount } from '../types.js';
import type { MetaClient } from './client.js';
import { metaSpendRowSchema } from './schemas.js';

/**
 * One account's spend over Meta's `last_30d` preset: the 30 days before today in the account's
 * time zone (the 30 days Graph reports by default). One account-level row, one request; the
 * `insights.date_preset(last_30d){spend}` field expansion on `/me/adaccounts` would save the
 * requests, but the sandbox refuses its syntax (code 2500), so a contract test could not hold it.
 */
export async function metaSpendLast30d(graph: MetaClient, token: string, account: AdAccount): Promise<number> {
  const id = account.externalId.replace(/^act_/, '');
  if (!/^\d+$/.test(id)) throw new PlatformError('meta', 'INVALID', `not a Meta ad account id: ${account.externalId}`);
  const params = { level: 'account', fields: 'spend', date_preset: 'last_30d' };
  let minor = 0;
  for await (const row of graph.pages(`act_${id}/insights`, params, token, `read the last 30 days' spend of account ${id}`, metaSpendRowSchema)) {
    if (row.spend) minor += majorToMinor(row.spend, account.currency);
  }
  return minor;
}
