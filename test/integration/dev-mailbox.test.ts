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

    await mail.send({ to: 'other@midas.sa', from: 'x@y.z', subject: 'Someone else', text: 'Open https://stratum.test/a?b=1' });

    const res = await stack.app.inject('/api/v1/dev/mailbox?to=SARA%40midas.sa');
    expect(res.statusCode).toBe(200);
    const list = res.json() as Array<{ subject: string; to: string; links: string[]; sent_at: string }>;
    expect(list.map((m) => m.subject)).toEqual(['تأكيد بريدك', 'First']);
    expect(Object.keys(list[0]!).sort()).toEqual(['from', 'headers', 'html', 'id', 'links', 'sent_at', 'subject', 'text', 'to']);

    const other = (await stack.app.inject('/api/v1/dev/mailbox?to=other%40midas.sa')).json();
    expect(other[0].links).toEqual(['https://stratum.test/a?b=1']);
    expect((await stack.app.inject('/api/v1/dev/mailbox')).json()).toHaveLength(3);

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

describe('dev mailbox availability', () => {
  it.each([
    ['production', { NODE_ENV: 'production' }],
    ['a mail server configured', { SMTP_URL: 'smtp://127.0.0.1:2525' }],
  ])('is not served with %s', async (_name, env) => {
    const s = await createTestStack({ env });
    try {
      expect((await s.app.inject('/api/v1/dev/mailbox')).statusCode).toBe(404);
      expect((await s.app.inject('/dev/mailbox')).statusCode).toBe(404);
    } finally {
      await s.close();
    }
  });

  it('can be turned on in production explicitly', async () => {
    const s = await createTestStack({ env: { NODE_ENV: 'production', DEV_MAILBOX_ENABLED: 'true' } });
    try {
      expect((await s.app.inject('/api/v1/dev/mailbox')).statusCode).toBe(200);
    } finally {
      await s.close();
    }
  });
});
