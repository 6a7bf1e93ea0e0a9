import type { TokenGrant, World, WorldAccount, WorldManager } from '../../world/types.js';
import { adsError, GoogleAdsFault, invalid } from './errors.js';

/**
 * Google Ads customers: the world's Google accounts (clients) and the manager (MCC) accounts
 * some people reach them through. A manager has no campaigns of its own.
 */
export type Customer = { kind: 'client'; id: string; account: WorldAccount } | { kind: 'manager'; id: string; manager: WorldManager; clients: WorldAccount[] };

export function managerOf(world: World, id: string): WorldManager | undefined {
  const known = world.managers?.('google').find((m) => m.id === id);
  if (known) return known;
  // A manager the world does not describe (e.g. an added account naming a new managerId).
  const clients = world.accounts('google').filter((a) => a.managerId === id);
  const first = clients[0];
  if (!first) return undefined;
  return { platform: 'google', id, name: `${first.business} (Manager)`, currency: first.currency, timeZone: first.timeZone, ownerIds: first.ownerIds };
}

export function customerOf(world: World, id: string): Customer | undefined {
  const account = world.account('google', id);
  if (account) return { kind: 'client', id, account };
  const manager = managerOf(world, id);
  if (manager) return { kind: 'manager', id, manager, clients: world.accounts('google').filter((a) => a.managerId === id) };
  return undefined;
}

/** `customers:listAccessibleCustomers`: what the user reaches directly (a manager, not the clients under it). */
export function accessibleCustomerIds(world: World, grant: TokenGrant): string[] {
  const ids = new Set<string>();
  for (const id of grant.accountIds) {
    const account = world.account('google', id);
    if (account) ids.add(account.managerId ?? account.id);
  }
  return [...ids];
}

const denied = () =>
  new GoogleAdsFault('PERMISSION_DENIED', [
    adsError(
      'authorizationError',
      'USER_PERMISSION_DENIED',
      "User doesn't have permission to access customer. Note: If you're accessing a client customer, the manager's customer id must be set in the 'login-customer-id' header. See https://developers.google.com/google-ads/api/docs/concepts/call-structure#cid",
    ),
  ]);

/**
 * The customer a call targets, if this token may reach it with this `login-customer-id`: a
 * client reached through a manager needs the manager's id in that header; a customer reached
 * directly takes its own id or none.
 */
export function reachCustomer(world: World, grant: TokenGrant, customerId: string, loginCustomerId: string | undefined): Customer {
  if (!/^\d{10}$/.test(customerId)) {
    throw invalid(adsError('requestError', 'INVALID_CUSTOMER_ID', 'Customer ID is invalid. Use a 10-digit customer ID without dashes.'));
  }
  if (loginCustomerId !== undefined && !/^\d{10}$/.test(loginCustomerId)) {
    throw invalid(adsError('headerError', 'INVALID_LOGIN_CUSTOMER_ID', 'The login customer ID could not be validated. Send 10 digits without dashes.'));
  }
  const customer = customerOf(world, customerId);
  if (!customer) throw denied();
  const granted = new Set(grant.accountIds);
  if (customer.kind === 'manager') {
    const reachable = customer.clients.some((c) => granted.has(c.id));
    if (!reachable || (loginCustomerId !== undefined && loginCustomerId !== customerId)) throw denied();
    return customer;
  }
  const account = customer.account;
  if (!granted.has(account.id)) throw denied();
  const via = account.managerId;
  if (via ? loginCustomerId !== via : loginCustomerId !== undefined && loginCustomerId !== customerId) throw denied();
  if (account.status !== 'ACTIVE') {
    throw new GoogleAdsFault('PERMISSION_DENIED', [
      adsError('authorizationError', 'CUSTOMER_NOT_ENABLED', "The customer account can't be accessed because it is not yet enabled or has been deactivated."),
    ]);
  }
  return customer;
}

/** The customer's own fields as GAQL's `customer` resource shows them. */
export interface CustomerView {
  id: string;
  name: string;
  currency: string;
  timeZone: string;
  manager: boolean;
  status: 'ENABLED' | 'CANCELED';
}

export function customerView(c: Customer): CustomerView {
  if (c.kind === 'manager') return { id: c.id, name: c.manager.name, currency: c.manager.currency, timeZone: c.manager.timeZone, manager: true, status: 'ENABLED' };
  const a = c.account;
  return { id: a.id, name: a.name, currency: a.currency, timeZone: a.timeZone, manager: false, status: a.status === 'ACTIVE' ? 'ENABLED' : 'CANCELED' };
}
