import { z } from 'zod';
import { parseFaultSpec } from './world/fault-spec.js';

/** Settings of the sandbox when it runs alone (`npm run sandbox`); inside `npm start` the app passes them. */
const schema = z.object({
  SANDBOX_HOST: z.string().min(1).default('127.0.0.1'),
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Faults injected from start-up, e.g. `meta:rate_limit:0.2,tiktok:slow:1:delay=2000` (see world/fault-spec.ts). */
  SANDBOX_FAULTS: z
    .string()
    .optional()
    .superRefine((spec, ctx) => {
      if (!spec) return;
      try {
        parseFaultSpec(spec);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
      }
    }),
  /** Another integer gives another (equally deterministic) set of ids, names and numbers. */
  SANDBOX_SEED: z.coerce.number().int().default(0),
});

export type SandboxConfig = z.infer<typeof schema>;

export function loadSandboxConfig(env: Record<string, string | undefined> = process.env): SandboxConfig {
  const relevant = Object.fromEntries(Object.entries(env).filter(([k, v]) => k in schema.shape && v !== ''));
  const parsed = schema.safeParse(relevant);
  if (!parsed.success) {
    throw new Error('Invalid sandbox configuration:\n' + parsed.error.issues.map((i) => `  ${String(i.path[0])}: ${i.message}`).join('\n'));
  }
  return parsed.data;
}
