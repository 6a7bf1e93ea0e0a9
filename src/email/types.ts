import { z } from 'zod';

// RFC 5322 field names, and values without CR/LF: a value that could start a new line could forge headers.
const headerName = z.string().regex(/^[!-9;-~]+$/, 'not a valid header field name');
const headerValue = z.string().regex(/^[^\r\n]*$/, 'header values must be one line');

export const outgoingEmailSchema = z.object({
  to: z.email(),
  from: z.string().min(3),
  subject: z.string().min(1).max(998),
  text: z.string(),
  html: z.string().optional(),
  /** Same shape as `from` ("Name <address>" allowed); where replies should go when not the sender. */
  replyTo: z.string().min(3).optional(),
  /** Extra headers such as List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers: z.record(headerName, headerValue).optional(),
});
export type OutgoingEmail = z.infer<typeof outgoingEmailSchema>;

/** How email leaves Stratum: the dev mailbox by default, SMTP once configured. */
export interface EmailTransport {
  readonly kind: 'dev-mailbox' | 'smtp';
  send(message: OutgoingEmail): Promise<{ id: string }>;
}
