import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devMailboxTransport } from '../../src/email/dev-mailbox.js';
import { createTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});
afterAll(() => stack?.close());

describe('dev mailbox', () => {
  it('keeps sent messages and lists them newest first, as JSON and as a page', async () => {
    const mail = devMailboxTransport(stack.db.db);
    await mail.send({ to: 'sara@midas.sa', from: 'Stratum <hello@stratum.local>', subject: 'First', text: 'one' });
    await new Promise((r) => setTimeout(r, 5));
    await mail.send({ to: 'sara@midas.sa', from: 'Stratum <hello@stratum.local>', subject: 'تأكيد بريدك', text: 'two <script>alert(1)</script>' });

    const res = await stack.app.inject('/api/v1/dev/mailbox');
    expect(res.statusCode).toBe(200);
    expect(res.json().messages.map((m: { subject: string }) => m.subject)).toEqual(['تأكيد بريدك', 'First']);

    const page = await stack.app.inject('/dev/mailbox');
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('تأكيد بريدك');
    // Mail content is untrusted: it is shown, never run.
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.body).not.toContain('<script>alert(1)</script>');
  });

  it('rejects a message without a valid recipient', async () => {
    await expect(devMailboxTransport(stack.db.db).send({ to: 'nobody', from: 'x@y.z', subject: 's', text: 't' })).rejects.toThrow();
  });

  it('validates the limit parameter with a 400', async () => {
    const res = await stack.app.inject('/api/v1/dev/mailbox?limit=0');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});
