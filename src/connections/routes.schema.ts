import { z } from 'zod';
import { platformIds } from '../platforms/types.js';

export const availableAccountSchema = z.object({
  externalId: z.string(),
  name: z.string(),
  currency: z.string(),
  timeZone: z.string(),
  status: z.enum(['active', 'disabled', 'closed', 'pending']),
  spendLast30dMinor: z.number().nullable(),
  managerId: z.string().nullable(),
  connected: z.boolean(),
});

export const selectAccountsSchema = z.object({ account_ids: z.array(z.string().min(1).max(64)).min(1).max(500) });

const progressSchema = z.record(z.string(), z.unknown());

export const connectionStatusSchema = z.object({
  platforms: z.array(
    z.object({
      platform: z.enum(platformIds),
      state: z.enum(['not_configured', 'not_connected', 'selecting', 'syncing', 'connected', 'needs_reconnect', 'failed']),
      mode: z.enum(['real', 'sandbox']).nullable(),
      scopes: z.array(z.string()),
      lastSyncedAt: z.string().nullable(),
      lastError: z.string().nullable(),
      tokenExpiresAt: z.string().nullable(),
      accounts: z.array(
        z.object({
          id: z.string(),
          externalId: z.string(),
          name: z.string(),
          currency: z.string(),
          timeZone: z.string(),
          syncStatus: z.string(),
          progress: progressSchema,
          lastSyncedAt: z.string().nullable(),
          lastError: z.string().nullable(),
        }),
      ),
      percent: z.number().nullable(),
    }),
  ),
});
