import { microsToMinor } from '../../shared/money.js';
import type { AdAccount, AdapterContext, TokenSet } from '../types.js';
import { search } from './client.js';
import { customerSpendLast30dQuery } from './gaql.js';
import { customerSpendRowSchema } from './schemas.js';

/**
 * One customer's cost over `LAST_30_DAYS` ("the last 30 days not including today", in the
 * customer's time zone), one query against the customer itself. A client reached through a
 * manager is asked with that manager as `login-customer-id`, as every call to it must be.
 */
export async function googleSpendLast30d(ctx: AdapterContext, token: TokenSet, account: AdAccount): Promise<number> {
  const caller = { ctx, token, loginCustomerId: account.managerId };
  let micros = 0n;
  for await (const { row } of search(caller, account.externalId, customerSpendLast30dQuery, customerSpendRowSchema, `read the last 30 days' cost of customer ${account.externalId}`)) {
    micros += BigInt(row.metrics.costMicros);
  }
  return microsToMinor(micros, account.currency);
}
