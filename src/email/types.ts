import { z } from 'zod';

export const outgoingEmailSchema = z.object({
  to: z.email(),
  from: z.string().min(3),
  subject: z.string().min(1).max(998),
  text: z.string(),
  html: z.string().optional(),
});
export type OutgoingEmail = z.infer<typeof outgoingEmailSchema>;

/** How email leaves Stratum: the dev mailbox by default, SMTP once configured. */
export interface EmailTransport {
  readonly kind: 'dev-mailbox' | 'smtp';
  send(message: OutgoingEmail): Promise<{ id: string }>;
}
