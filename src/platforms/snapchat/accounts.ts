import type { AdAccount } from '../types.js';
import { listAll, type SnapCaller } from './client.js';
import { mapAdAccount } from './map.js';
import { adAccountSchema, organizationSchema } from './schemas.js';

/** Every ad account of every organization the token's user belongs to. */
export async function listSnapchatAccounts(caller: SnapCaller): Promise<AdAccount[]> {
  const accounts = new Map<string, AdAccount>();
  const organizations: string[] = [];
  for await (const { entity } of listAll(caller, 'me/organizations', 'organizations', 'organization', organizationSchema, 'list organizations')) {
    organizations.push(entity.id);
  }
  for (const org of organizations) {
    const path = `organizations/${encodeURIComponent(org)}/adaccounts`;
    for await (const { entity } of listAll(caller, path, 'adaccounts', 'adaccount', adAccountSchema, `list ad accounts of organization ${org}`)) {
      accounts.set(entity.id, mapAdAccount(entity));
    }
  }
  return [...accounts.values()];
}
