import type { AvailableAccount } from '../../api/connections';

/**
 * Every account starts ticked: people connect a platform to see its accounts, and those
 * already connected stay ticked so choosing again keeps them syncing.
 */
export function initialSelection(accounts: readonly AvailableAccount[]): ReadonlySet<string> {
  return new Set(accounts.map((a) => a.externalId));
}

export function toggle(selected: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  const next = new Set(selected);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/** The ids to send, in the order the accounts are listed (only ones still listed). */
export function selectedIds(accounts: readonly AvailableAccount[], selected: ReadonlySet<string>): string[] {
  return accounts.filter((a) => selected.has(a.externalId)).map((a) => a.externalId);
}

/** The external id as the platform prints it: Meta's `act_` prefix, Google's dashes. */
export function displayAccountId(platform: string, externalId: string): string {
  if (platform === 'meta') return externalId.startsWith('act_') ? externalId : `act_${externalId}`;
  if (platform === 'google' && /^\d{10}$/.test(externalId)) return `${externalId.slice(0, 3)}-${externalId.slice(3, 6)}-${externalId.slice(6)}`;
  return externalId;
}
