import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * One Conversions API v3 event, checked as Snap's Test Event Tool describes: required fields,
 * hashed PII, the time window, enough matching keys, and price + currency on purchases.
 *
 * Event age: Snap's older CAPI pages and one catalog say 37 days; the v3 integration of a widely
 * used CDP refuses events older than 7 days. The sandbox takes the stricter 7 days, so an adapter
 * that passes here passes on Snap. Events more than 10 minutes in the future are refused too.
 * `event_time` is Unix seconds (number or digit string); milliseconds read as far future.
 */
export const MAX_EVENTS = 2000;
export const MAX_AGE_SECONDS = 7 * 86_400;
export const MAX_FUTURE_SECONDS = 600;

export const EVENT_NAMES = [
  'PAGE_VIEW', 'VIEW_CONTENT', 'ADD_CART', 'ADD_TO_WISHLIST', 'SIGN_UP', 'SEARCH', 'PURCHASE', 'ADD_BILLING', 'START_CHECKOUT',
  'SUBSCRIBE', 'START_TRIAL', 'LOGIN', 'SAVE', 'SHARE', 'INVITE', 'RESERVE', 'APP_OPEN', 'APP_INSTALL', 'LIST_VIEW', 'COMPLETE_TUTORIAL',
  'LEVEL_COMPLETE', 'ACHIEVEMENT_UNLOCKED', 'SPEND_CREDITS', 'RATE', 'AD_CLICK', 'AD_VIEW',
  'CUSTOM_EVENT_1', 'CUSTOM_EVENT_2', 'CUSTOM_EVENT_3', 'CUSTOM_EVENT_4', 'CUSTOM_EVENT_5',
] as const;

const ACTION_SOURCES = ['WEB', 'MOBILE_APP', 'OFFLINE'];
const HASHED_FIELDS = ['em', 'ph', 'fn', 'ln', 'ge', 'db', 'ct', 'st', 'zp', 'country', 'external_id'];
const RAW_STRING_FIELDS = ['client_user_agent', 'sc_click_id', 'sc_cookie1', 'madid', 'idfv'];

/** Sandbox-numbered problem codes, shown in `/events/validate` logs. */
export const PROBLEMS = {
  missing_field: { code: 510, label: 'Missing required field' },
  invalid_value: { code: 511, label: 'Invalid value' },
  timestamp: { code: 512, label: 'Timestamp invalid or out of range' },
  unhashed_pii: { code: 513, label: 'Unhashed PII' },
  insufficient_pii: { code: 514, label: 'Insufficient PII' },
  purchase_value: { code: 515, label: 'Missing price and/or currency in Purchase events' },
  ip_address: { code: 516, label: 'Invalid IP address' },
} as const;
export type ProblemKind = keyof typeof PROBLEMS;

export interface EventProblem {
  kind: ProblemKind;
  param: string;
  message: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
const present = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

const urlSchema = z.string().refine((s) => {
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
});

function eventSeconds(v: unknown): number | null {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\d{1,13}$/.test(v)) return Number(v);
  return null;
}

function userDataProblems(ud: Record<string, unknown>, p: string): EventProblem[] {
  const out: EventProblem[] = [];
  for (const f of HASHED_FIELDS) {
    if (!present(ud[f])) continue;
    if (!asList(ud[f]).every((x) => typeof x === 'string' && SHA256_HEX.test(x))) {
      out.push({ kind: 'unhashed_pii', param: `${p}.user_data.${f}`, message: `user_data.${f} must be SHA-256 hashed: 64 lowercase hex characters` });
    }
  }
  for (const f of RAW_STRING_FIELDS) {
    if (present(ud[f]) && typeof ud[f] !== 'string') out.push({ kind: 'invalid_value', param: `${p}.user_data.${f}`, message: `user_data.${f} must be a string` });
  }
  const ip = ud.client_ip_address;
  if (present(ip) && !(typeof ip === 'string' && (isIP(ip) !== 0 || SHA256_HEX.test(ip)))) {
    out.push({ kind: 'ip_address', param: `${p}.user_data.client_ip_address`, message: 'client_ip_address must be an IPv4/IPv6 address or its SHA-256 hash' });
  }
  const matchable = present(ud.em) || present(ud.ph) || present(ud.madid) || (present(ud.client_ip_address) && present(ud.client_user_agent));
  if (!matchable) out.push({ kind: 'insufficient_pii', param: `${p}.user_data`, message: 'user_data needs em, ph, madid, or client_ip_address with client_user_agent' });
  return out;
}

/** Every problem of one event (empty when Snap would accept it). `nowSec` is the sandbox clock. */
export function eventProblems(event: unknown, index: number, nowSec: number): EventProblem[] {
  const p = `data[${index}]`;
  if (typeof event !== 'object' || event === null || Array.isArray(event)) return [{ kind: 'invalid_value', param: p, message: 'Each event must be a JSON object' }];
  const e = event as Record<string, unknown>;
  const out: EventProblem[] = [];
  const missing = (f: string) => out.push({ kind: 'missing_field', param: `${p}.${f}`, message: `${f} is required` });

  if (!present(e.event_name)) missing('event_name');
  else if (!(EVENT_NAMES as readonly unknown[]).includes(e.event_name)) out.push({ kind: 'invalid_value', param: `${p}.event_name`, message: `Unknown event_name ${String(e.event_name)}` });

  if (!present(e.event_time)) missing('event_time');
  else {
    const t = eventSeconds(e.event_time);
    if (t === null) out.push({ kind: 'timestamp', param: `${p}.event_time`, message: 'event_time must be a Unix timestamp in seconds' });
    else if (t > nowSec + MAX_FUTURE_SECONDS) out.push({ kind: 'timestamp', param: `${p}.event_time`, message: 'event_time is in the future (Unix seconds expected)' });
    else if (t < nowSec - MAX_AGE_SECONDS) out.push({ kind: 'timestamp', param: `${p}.event_time`, message: 'event_time is older than 7 days' });
  }

  const source = typeof e.action_source === 'string' ? e.action_source.toUpperCase() : null;
  if (!present(e.action_source)) missing('action_source');
  else if (!source || !ACTION_SOURCES.includes(source)) out.push({ kind: 'invalid_value', param: `${p}.action_source`, message: `action_source must be one of ${ACTION_SOURCES.join(', ')}` });

  if (source === 'WEB' || source === null) {
    if (!present(e.event_source_url)) missing('event_source_url');
    else if (!urlSchema.safeParse(e.event_source_url).success) out.push({ kind: 'invalid_value', param: `${p}.event_source_url`, message: 'event_source_url must be an absolute http(s) URL' });
  }
  if (present(e.event_id) && typeof e.event_id !== 'string' && typeof e.event_id !== 'number') {
    out.push({ kind: 'invalid_value', param: `${p}.event_id`, message: 'event_id must be a string' });
  }

  const ud = e.user_data;
  if (typeof ud !== 'object' || ud === null || Array.isArray(ud)) out.push({ kind: 'insufficient_pii', param: `${p}.user_data`, message: 'user_data is required' });
  else out.push(...userDataProblems(ud as Record<string, unknown>, p));

  const cd = typeof e.custom_data === 'object' && e.custom_data !== null ? (e.custom_data as Record<string, unknown>) : {};
  if (e.event_name === 'PURCHASE') {
    const value = cd.value ?? cd.price;
    const valueOk = (typeof value === 'number' && value >= 0) || (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value));
    const currencyOk = typeof cd.currency === 'string' && /^[A-Za-z]{3}$/.test(cd.currency);
    if (!valueOk || !currencyOk) out.push({ kind: 'purchase_value', param: `${p}.custom_data`, message: 'PURCHASE events need custom_data.value and a 3-letter custom_data.currency' });
  }
  return out;
}
