import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import os from 'node:os';
import { heartbeatJob } from '../../src/system/heartbeat.job.js';
import { createTestStack, silentLog, testServices, type TestStack } from '../support/stack.js';

let stack: TestStack;

const echoBody = z.object({ name: z.string().min(1), count: z.number().int().positive() });
const echoRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/v1/test/echo', { schema: { body: echoBody, response: { 200: echoBody } } }, async (req) => req.body);
};

beforeAll(async () => {
  stack = await createTestStack({ env: { BODY_LIMIT_BYTES: '2048' } });
  // A zod-validated route like every real one, to prove the edge behaviour.
  await stack.app.register(echoRoutes);
  await stack.app.ready();
});
afterAll(() => stack?.close());

describe('HTTP edge', () => {
  it('answers /healthz while the process is up', async () => {
    const res = await stack.app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('reports readiness of the database and the queue on /readyz', async () => {
    const res = await stack.app.inject('/readyz');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('ok');
    expect(body.checks.database.ok).toBe(true);
    expect(body.checks.queue.ok).toBe(true);
  });

  it('sets security headers and a request id on every response', async () => {
    const res = await stack.app.inject('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps a sane incoming x-request-id and replaces an unsafe one', async () => {
    const kept = await stack.app.inject({ url: '/healthz', headers: { 'x-request-id': 'lb-1234abcd' } });
    expect(kept.headers['x-request-id']).toBe('lb-1234abcd');
    const replaced = await stack.app.inject({ url: '/healthz', headers: { 'x-request-id': 'bad id\nwith newline' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('returns a JSON 404 envelope for unknown routes', async () => {
    const res = await stack.app.inject('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'No route for GET /api/v1/nothing-here', details: null } });
  });

  it('rejects malformed JSON with 400, not 500', async () => {
    const res = await stack.app.inject({ method: 'POST', url: '/api/v1/test/echo', headers: { 'content-type': 'application/json' }, payload: '{"name": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('BAD_REQUEST');
  });

  it('rejects wrong types with 400 and says which field', async () => {
    const res = await stack.app.inject({ method: 'POST', url: '/api/v1/test/echo', payload: { name: '', count: 'three' } });
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details.map((d: { path: string }) => d.path).sort()).toEqual(['count', 'name']);
  });

  it('rejects an oversized body with 413', async () => {
    const res = await stack.app.inject({ method: 'POST', url: '/api/v1/test/echo', payload: { name: 'x'.repeat(5000), count: 1 } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('rejects an unsupported content type with 415', async () => {
    const res = await stack.app.inject({ method: 'POST', url: '/api/v1/test/echo', headers: { 'content-type': 'application/x-yaml' }, payload: 'a: 1' });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('accepts valid input', async () => {
    const res = await stack.app.inject({ method: 'POST', url: '/api/v1/test/echo', payload: { name: 'ok', count: 2 } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ name: 'ok', count: 2 });
  });

  it('serves Prometheus metrics including queue depths and request durations', async () => {
    await stack.app.inject('/healthz');
    const res = await stack.app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('stratum_http_request_duration_seconds_bucket');
    expect(res.body).toMatch(/stratum_jobs\{queue="system.heartbeat",state="failed"/);
    expect(res.body).toContain('process_cpu_user_seconds_total');
  });

  it('publishes an OpenAPI document generated from the route schemas', async () => {
    const res = await stack.app.inject('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/v1/system/status'].get.responses['200']).toBeDefined();
    expect(doc.paths['/readyz']).toBeDefined();
    const ui = await stack.app.inject('/api/docs');
    expect([200, 302]).toContain(ui.statusCode);
  });

  it('reports system status through the domain function', async () => {
    const res = await stack.app.inject('/api/v1/system/status');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.role).toBe('all');
    expect(body.database.ok).toBe(true);
    expect(body.queue.queues.map((q: { name: string }) => q.name)).toContain('system.heartbeat');
    expect(body.scheduler).toEqual({ lastHeartbeatAt: null, ageSeconds: null, worker: null });
  });

  it('shows when the scheduler heartbeat last ran, and on which worker', async () => {
    const beatAt = new Date(Date.now() - 90_000);
    await heartbeatJob.run({}, { db: stack.db.db, log: silentLog, jobId: 'j1', retryCount: 0, now: () => beatAt, services: testServices(stack.db.db) });
    const { scheduler } = (await stack.app.inject('/api/v1/system/status')).json();
    expect(scheduler.lastHeartbeatAt).toBe(beatAt.toISOString());
    expect(scheduler.ageSeconds).toBeGreaterThanOrEqual(90);
    expect(scheduler.worker).toBe(`${os.hostname()}:${process.pid}`);
  });
});

describe('readiness when the database is gone', () => {
  it('answers 503 with the failing check, and /healthz stays 200', async () => {
    const s = await createTestStack();
    try {
      await s.app.ready();
      await s.queue.stop(1000);
      await s.db.close();
      const ready = await s.app.inject('/readyz');
      expect(ready.statusCode).toBe(503);
      expect(ready.json().status).toBe('unavailable');
      expect(ready.json().checks.database.ok).toBe(false);
      expect((await s.app.inject('/healthz')).statusCode).toBe(200);
    } finally {
      await s.app.close();
    }
  });
});

describe('stopping the HTTP server', () => {
  it('lets a request in flight finish before it closes', async () => {
    const s = await createTestStack();
    try {
      s.app.get('/api/v1/test/slow', async () => {
        await new Promise((r) => setTimeout(r, 500));
        return { done: true };
      });
      await s.app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = s.app.server.address() as AddressInfo;
      const inFlight = fetch(`http://127.0.0.1:${port}/api/v1/test/slow`);
      await new Promise((r) => setTimeout(r, 100));
      const closing = s.app.close();
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ done: true });
      // And the server is gone promptly: the kept-alive socket does not hold it open.
      const t0 = Date.now();
      await closing;
      expect(Date.now() - t0).toBeLessThan(3000);
    } finally {
      await s.close();
    }
  });
});
