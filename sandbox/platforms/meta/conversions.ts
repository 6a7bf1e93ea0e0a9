import type { FastifyRequest } from 'fastify';
import { traceId } from '../../ids.js';
import type { World } from '../../world/types.js';
import type { Caller } from './auth.js';
import { eventSchema, FUTURE_TOLERANCE_SECONDS, MAX_AGE_SECONDS, MAX_AGE_STORE_SECONDS, MAX_EVENTS } from './capi-rules.js';
import { GraphError, graphErrors } from './errors.js';
import type { GraphNode } from './nodes.js';
import { paramsOf, str } from './params.js';

/**
 * Conversions API: `POST /{pixel_id}/events` with `data` (a JSON array, or its JSON text in a
 * form), optional `test_event_code`. The whole request is refused if any event is invalid or
 * too old; otherwise every event is recorded as received and counted in `events_received`.
 */

const invalidEvent = (index: number, path: PropertyKey[], message: string) =>
  new GraphError(100, 'Invalid parameter', {
    userTitle: 'Invalid event parameter',
    userMsg: `data[${index}]${path.map((p) => `[${String(p)}]`).join('')}: ${message}`,
  });

function readData(raw: unknown): unknown[] {
  if (raw === undefined || raw === '') throw graphErrors.invalidParam('(#100) The parameter data is required');
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw graphErrors.invalidParam('(#100) param data must be an array.');
    }
  }
  if (!Array.isArray(value)) throw graphErrors.invalidParam('(#100) param data must be an array.');
  if (value.length === 0) throw graphErrors.invalidParam('(#100) param data must be an array with at least 1 element.');
  if (value.length > MAX_EVENTS) throw graphErrors.invalidParam(`(#100) param data must be an array of at most ${MAX_EVENTS} elements.`);
  return value;
}

export function receiveEvents(world: World, _caller: Caller, node: GraphNode, req: FastifyRequest): Record<string, unknown> {
  if (node.kind !== 'pixel') throw graphErrors.nonexistingField('events', node.kind === 'account' ? 'AdAccount' : 'Node');
  const p = paramsOf(req);
  const events = readData(p.data);
  const testCode = str(p, 'test_event_code');
  const partnerAgent = str(p, 'partner_agent');
  const now = Math.floor(world.now().getTime() / 1000);
  events.forEach((raw, i) => {
    const parsed = eventSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw invalidEvent(i, issue.path, issue.message);
    }
    const e = parsed.data;
    const maxAge = e.action_source === 'physical_store' ? MAX_AGE_STORE_SECONDS : MAX_AGE_SECONDS;
    if (now - e.event_time > maxAge) {
      throw new GraphError(100, 'Invalid parameter', {
        subcode: 2804003,
        userTitle: 'Event Timestamp Too Old',
        userMsg: `The timestamp for this event is too far in the past. Events need to be sent from your server within ${maxAge / 86_400} days of when they occurred. data[${i}].event_time ${e.event_time} is ${Math.floor((now - e.event_time) / 86_400)} days old.`,
      });
    }
    if (e.event_time - now > FUTURE_TOLERANCE_SECONDS) {
      throw new GraphError(100, 'Invalid parameter', {
        subcode: 2804004,
        userTitle: 'Event Timestamp In The Future',
        userMsg: `data[${i}].event_time ${e.event_time} is in the future. Send event_time as a Unix timestamp in seconds.`,
      });
    }
  });
  for (const raw of events) {
    world.received.record('conversions', 'meta', {
      ...(raw as Record<string, unknown>),
      pixel_id: node.pixel.id,
      account_id: node.account.id,
      ...(testCode !== undefined ? { test_event_code: testCode } : {}),
      ...(partnerAgent !== undefined ? { partner_agent: partnerAgent } : {}),
    });
  }
  return { events_received: events.length, messages: [], fbtrace_id: traceId(16) };
}
