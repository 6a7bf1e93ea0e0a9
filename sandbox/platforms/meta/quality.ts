import type { FastifyRequest } from 'fastify';
import type { ReceivedItem, World, WorldPixel } from '../../world/types.js';
import type { Caller } from './auth.js';
import { graphErrors } from './errors.js';
import { parseFields, type FieldSpec } from './fields.js';
import { resolveNode } from './nodes.js';
import { paramsOf, str } from './params.js';

/**
 * Event Match Quality through the Dataset Quality API: `GET /dataset_quality?dataset_id={pixel}
 * &fields=web{event_name,event_match_quality{composite_score,match_key_feedback{identifier,coverage{percentage}}},…}`.
 * Scores come from the world's pixel; for an event with server events received in the last
 * 48 hours the score is simulated from which identifiers those events carried.
 */
const WINDOW_MS = 48 * 3_600_000;

const IDENTIFIER: Record<string, string> = {
  em: 'email', ph: 'phone', external_id: 'external_id', client_ip_address: 'ip_address', client_user_agent: 'user_agent',
  fbc: 'click_id', fbp: 'browser_id', fn: 'first_name', ln: 'last_name', ge: 'gender', db: 'date_of_birth', ct: 'city',
  st: 'state', zp: 'zip_code', country: 'country', fb_login_id: 'login_id', lead_id: 'lead_id',
};
/** How much each identifier lifts a simulated score when every event carries it (sum capped at 10). */
const WEIGHT: Record<string, number> = {
  em: 3, ph: 2, external_id: 1, fbc: 1, fbp: 0.6, client_ip_address: 0.5, client_user_agent: 0.5, fn: 0.3, ln: 0.3,
  zp: 0.3, ct: 0.2, st: 0.2, country: 0.2, db: 0.2, ge: 0.1, lead_id: 1, fb_login_id: 1,
};

const round1 = (n: number) => Math.round(n * 10) / 10;

function eventRow(name: string, pixel: WorldPixel, events: ReceivedItem[]): Record<string, unknown> {
  const coverage = Object.keys(IDENTIFIER).map((key) => {
    const n = events.filter((e) => {
      const ud = e.user_data as Record<string, unknown> | undefined;
      return ud !== undefined && ud[key] !== undefined;
    }).length;
    return { key, pct: events.length ? (100 * n) / events.length : 0 };
  });
  const simulated = Math.min(10, coverage.reduce((s, c) => s + ((WEIGHT[c.key] ?? 0) * c.pct) / 100, 0));
  const score = events.length ? round1(simulated) : (pixel.matchQuality[name] ?? 0);
  const withId = events.filter((e) => typeof e.event_id === 'string').length;
  return {
    event_name: name,
    event_match_quality: {
      composite_score: score,
      match_key_feedback: coverage.filter((c) => c.pct > 0).map((c) => ({ identifier: IDENTIFIER[c.key], coverage: { percentage: round1(c.pct) } })),
      diagnostics: [],
    },
    event_coverage: { percentage: events.length ? 100 : 0, goal_percentage: 75 },
    dedupe_key_feedback: [{ dedupe_key: 'event_id', server_events_with_dedupe_key: { percentage: events.length ? round1((100 * withId) / events.length) : 0 } }],
    data_freshness: { upload_frequency: events.length ? 'real_time' : 'none' },
    acr: { percentage: 0 },
  };
}

/** Keeps what the `fields` selection names, at every depth. */
function prune(value: unknown, sel: FieldSpec[] | null): unknown {
  if (sel === null) return value;
  if (Array.isArray(value)) return value.map((v) => prune(v, sel));
  if (typeof value !== 'object' || value === null) return value;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of sel) if (obj[f.name] !== undefined) out[f.name] = prune(obj[f.name], f.sub);
  return out;
}

export function datasetQuality(world: World, caller: Caller, req: FastifyRequest): Record<string, unknown> {
  const p = paramsOf(req);
  const datasetId = str(p, 'dataset_id');
  if (!datasetId) throw graphErrors.invalidParam('(#100) The parameter dataset_id is required');
  const node = resolveNode(world, caller, datasetId, 'GET');
  if (node.kind !== 'pixel') throw graphErrors.unsupported('GET', datasetId);
  const fields = parseFields(str(p, 'fields')) ?? [{ name: 'web', sub: [{ name: 'event_name', sub: null }, { name: 'event_match_quality', sub: null }] }];
  for (const f of fields) if (f.name !== 'web') throw graphErrors.nonexistingField(f.name, 'DatasetQuality');
  const since = world.now().getTime() - WINDOW_MS;
  const recent = world.received
    .list('conversions', 'meta')
    .filter((e) => e.pixel_id === node.pixel.id && Date.parse(e.received_at) >= since);
  const names = [...new Set([...Object.keys(node.pixel.matchQuality), ...recent.map((e) => String(e.event_name))])];
  const web = names.map((name) => eventRow(name, node.pixel, recent.filter((e) => e.event_name === name)));
  return prune({ web }, fields) as Record<string, unknown>;
}
