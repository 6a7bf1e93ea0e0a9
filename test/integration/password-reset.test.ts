import { waitForLink } from '../support/mailbox.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStack, type TestStack } from '../support/stack.js';
import { createSignedInUser } from '../support/factories.js';
import { hashPassword } from '../../src/accounts/passwords.js';
import { users } from '../../src/db/schema/index.js';
import { eq } from 'drizzle-orm';

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack({ env: { TRUST_PROXY: 'true' } });
  await stack.app.ready();
  await stack.queue.startWorkers();
});
afterAll(() => stack?.close());

const resetLink = (to: string) => waitForLink(async (p) => (await stack.app.inject(p)).json(), to, '/reset-password?token=');

const confirm = (token: string, password: string) =>
  stack.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password }, headers: { 'x-forwarded-for': '198.51.100.3' } });

describe('password reset', () => {
  it('emails a single-use link that sets a new password, signs in, and ends other sessions', async () => {
    const u = await createSignedInUser(stack.db.db, { email: 'omar@midas.sa' });
    await stack.db.db.update(users).set({ passwordHash: await hashPassword('old password 123') }).where(eq(users.id, u.userId));

    const req = await stack.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { email: 'OMAR@midas.sa' } });
    expect(req.statusCode).toBe(202);
    const token = new URL(await resetLink('omar@midas.sa')).searchParams.get('token')!;

    const res = await confirm(token, 'brand new password 456');
    expect(res.statusCode).toBe(200);
    expect(res.json().user.email).toBe('omar@midas.sa');
    expect(String(res.headers['set-cookie'])).toContain('stratum_session=');
    // The old session is gone; the old password no longer works; the new one does.
    expect((await stack.app.inject({ url: '/api/v1/auth/me', cookies: u.cookies })).statusCode).toBe(401);
    const login = (password: string) => stack.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'omar@midas.sa', password } });
    expect((await login('old password 123')).statusCode).toBe(401);
    expect((await login('brand new password 456')).statusCode).toBe(200);

    const again = await confirm(token, 'another password 789');
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details).toEqual({ reason: 'used' });
  });

  it('answers 202 for an unknown address and sends nothing', async () => {
    const res = await stack.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/request', payload: { email: 'ghost@nowhere.example' }, headers: { 'x-forwarded-for': '198.51.100.4' } });
    expect(res.statusCode).toBe(202);
    expect((await stack.app.inject('/api/v1/dev/mailbox?to=ghost%40nowhere.example')).json()).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, number]>([
    ['an unknown token', { token: 'z'.repeat(43), password: 'long enough password' }, 400],
    ['a short password', { token: 'z'.repeat(43), password: 'short' }, 400],
    ['no token', { password: 'long enough password' }, 400],
  ])('rejects %s', async (_name, payload, status) => {
    const res = await stack.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload, headers: { 'x-forwarded-for': '198.51.100.5' } });
    expect(res.statusCode).toBe(status);
  });
});
