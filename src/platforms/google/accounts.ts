import { isPlatformError } from '../errors.js';
import type { AdAccount, AdapterContext, TokenSet } from '../types.js';
import { listAccessibleCustomers, search, type GoogleCaller } from './client.js';
import { customerClientQuery, customerQuery } from './gaql.js';
import { customerIdOf, mapCustomer, mapCustomerClient } from './map.js';
import { customerClientRowSchema, customerRowSchema } from './schemas.js';

/**
 * The customers the login reaches: the ones it holds directly, and for each manager (MCC) the
 * clients one level below it, reached with `login-customer-id` = the manager. Managers carry
 * no ads of their own and are left out. A customer reached both ways is kept as direct.
 */
export async function listGoogleAccounts(ctx: AdapterContext, token: TokenSet): Promise<AdAccount[]> {
  const direct: GoogleCaller = { ctx, token, loginCustomerId: null };
  const found = new Map<string, AdAccount>();
  for (const resourceName of await listAccessibleCustomers(direct)) {
    const id = customerIdOf(resourceName);
    let self: AdAccount | null = null;
    let manager = false;
    try {
      for await (const { row } of search(direct, id, customerQuery, customerRowSchema, `read customer ${id}`)) {
        self = mapCustomer(row);
        manager = row.customer.manager;
      }
    } catch (err) {
      // Listed but not readable on its own (e.g. only through a manager): found via the manager.
      if (isPlatformError(err) && err.code === 'PERMISSION_DENIED') continue;
      throw err;
    }
    if (!self) continue;
    if (!manager) {
      found.set(self.externalId, self);
      continue;
    }
    const viaManager: GoogleCaller = { ctx, token, loginCustomerId: id };
    for await (const { row } of search(viaManager, id, customerClientQuery, customerClientRowSchema, `list clients of manager ${id}`)) {
      const client = mapCustomerClient(row, id);
      if (row.customerClient.manager || client.externalId === id || found.get(client.externalId)?.managerId === null) continue;
      found.set(client.externalId, client);
    }
  }
  return [...found.values()];
}
