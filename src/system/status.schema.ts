import { z } from 'zod';

export const checkSchema = z.object({ ok: z.boolean(), latencyMs: z.number().nullable(), error: z.string().optional() });

export const readinessSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.object({ database: checkSchema, queue: checkSchema }),
});
export type Readiness = z.infer<typeof readinessSchema>;

export const queueCountsSchema = z.object({
  name: z.string(),
  created: z.number().int(),
  retry: z.number().int(),
  active: z.number().int(),
  completed: z.number().int(),
  failed: z.number().int(),
});

export const systemStatusSchema = z.object({
  version: z.string(),
  mode: z.enum(['embedded', 'postgres']),
  role: z.enum(['all', 'api', 'worker']),
  uptimeSeconds: z.number(),
  database: checkSchema,
  queue: checkSchema.extend({ queues: z.array(queueCountsSchema) }),
  /** `ageSeconds` is measured by the server, so a browser's clock cannot skew it. */
  scheduler: z.object({ lastHeartbeatAt: z.string().nullable(), ageSeconds: z.number().nullable(), worker: z.string().nullable() }),
  /** Leads owed to the CRM by delivery state; failures in detail: `crm_pushes` and `npm run jobs -- failed`. */
  crm: z.object({
    provider: z.enum(['hubspot', 'zoho', 'webhook']).nullable(),
    ok: z.boolean(),
    error: z.string().optional(),
    pushes: z
      .object({ pending: z.number().int(), sent: z.number().int(), failed: z.number().int(), oldestPendingAt: z.string().nullable() })
      .nullable(),
  }),
});
export type SystemStatus = z.infer<typeof systemStatusSchema>;
