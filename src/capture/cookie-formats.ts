// Value formats of the ad platforms' first-party cookies. Parsers return null for anything
// that does not match, so a damaged value is never forwarded to a platform.
//
// Sources (checked 2026):
// - Meta _fbc/_fbp: developers.facebook.com/docs/marketing-api/conversions-api/parameters/fbp-and-fbc
//   (format, ms creation time, subdomainIndex 1 for server-minted values) and Meta's own
//   github.com/facebook/capi-param-builder (90-day cookie age, optional appendix segment,
//   replace _fbc only when the fbclid changes, 31-bit random part of _fbp).
// - Google _gcl_aw: no official description of the value; GCL.<seconds>.<gclid> is what
//   third-party readers of gtag.js cookies agree on. Google's wbraid/gbraid cookie (_gcl_gb per
//   third parties) is undocumented, so we do not write it.
// - TikTok _ttp: TikTok's Events API sample payload (seen only in copies of it) calls `ttp`
//   the "Cookie ID saved in the _ttp cookie", example "2F7h37YkS1j57AYSKTI7IHhJPYH"; no format
//   is specified. No TikTok page we found names a ttclid cookie and third parties disagree
//   (`ttclid` vs `_ttclid`), so we do not write one.
// - Snap _scid: the Snap Pixel's browser cookie (third-party sources), sent to CAPI as
//   `sc_cookie1`; no format is documented. No Snap page names a click-id cookie (`_scclid` is a
//   server-side-GTM convention), so ScCid is kept on the touch only.
import { randomBase62, randomInt, randomUuidV4, type Random } from './random-ids.js';

/**
 * Meta documents `fb.<subdomainIndex>.<creationTime ms>.<fbclid | random>`; its own
 * server-side Parameter Builder may append a fifth "appendix" segment, which we carry unchanged.
 */
const fbPattern = /^fb\.(\d{1,2})\.(\d{13})\.([A-Za-z0-9_-]+)(?:\.([A-Za-z0-9_-]{1,16}))?$/;
const fbpRandomPattern = /^\d{1,20}$/;

/** Click ids are base64url on every platform that writes them into a cookie. */
const cookieSafeClickId = /^[A-Za-z0-9_-]{1,500}$/;

/**
 * `1` is "cookie set on the registrable domain" (example.com); Meta asks servers that mint the
 * value to use it. The HTTP layer must therefore set these cookies on the registrable domain.
 */
export const fbSubdomainIndex = 1;

export interface ParsedFbc {
  subdomainIndex: number;
  createdAtMs: number;
  fbclid: string;
  appendix: string | null;
}

export interface ParsedFbp {
  subdomainIndex: number;
  createdAtMs: number;
  randomNumber: string;
  appendix: string | null;
}

function parseFb(value: string | null | undefined) {
  const m = value == null ? null : fbPattern.exec(value);
  if (m === null) return null;
  return { subdomainIndex: Number(m[1]), createdAtMs: Number(m[2]), payload: m[3] ?? '', appendix: m[4] ?? null };
}

export function parseFbc(value: string | null | undefined): ParsedFbc | null {
  const p = parseFb(value);
  return p && { subdomainIndex: p.subdomainIndex, createdAtMs: p.createdAtMs, fbclid: p.payload, appendix: p.appendix };
}

export function parseFbp(value: string | null | undefined): ParsedFbp | null {
  const p = parseFb(value);
  if (p === null || !fbpRandomPattern.test(p.payload)) return null;
  return { subdomainIndex: p.subdomainIndex, createdAtMs: p.createdAtMs, randomNumber: p.payload, appendix: p.appendix };
}

/** Null when the fbclid could not survive a round trip through the cookie unchanged. */
export function buildFbc(fbclid: string, nowMs: number): string | null {
  return cookieSafeClickId.test(fbclid) ? `fb.${fbSubdomainIndex}.${wholeMs(nowMs)}.${fbclid}` : null;
}

// Meta's own server library draws the random part from [0, 2^31 - 1).
export function buildFbp(nowMs: number, random: Random): string {
  return `fb.${fbSubdomainIndex}.${wholeMs(nowMs)}.${randomInt(random, 2_147_483_647)}`;
}

/**
 * `_gcl_aw` is `GCL.<unix seconds>.<gclid>`. Google publishes the cookie name but not the value
 * layout; this one is what gtag.js writes and what integrations read (third-party sources only).
 * Trailing dot segments are tolerated because some readers report extra labels after the gclid.
 */
const gclPattern = /^GCL\.(\d{10})\.([A-Za-z0-9_-]+)(?:\.[A-Za-z0-9_-]*)*$/;

export interface ParsedGclAw {
  createdAtSeconds: number;
  gclid: string;
}

export function parseGclAw(value: string | null | undefined): ParsedGclAw | null {
  const m = value == null ? null : gclPattern.exec(value);
  return m === null ? null : { createdAtSeconds: Number(m[1]), gclid: m[2] ?? '' };
}

export function buildGclAw(gclid: string, nowMs: number): string | null {
  return cookieSafeClickId.test(gclid) ? `GCL.${Math.floor(wholeMs(nowMs) / 1000)}.${gclid}` : null;
}

/**
 * `_ttp` and `_scid` are opaque browser ids whose layout neither TikTok nor Snap documents, and
 * both have changed shape over time. Anything token-like is accepted so we never overwrite a
 * value the platform's own pixel wrote; only empty, oversized or cookie-unsafe values fail.
 */
const opaqueId = /^[A-Za-z0-9._~-]{8,200}$/;

export function parseOpaqueBrowserId(value: string | null | undefined): string | null {
  return value != null && opaqueId.test(value) ? value : null;
}

/** 27 base62 characters, the shape of TikTok's published `_ttp` example. */
export function buildTtp(random: Random): string {
  return randomBase62(random, 27);
}

export function buildScid(random: Random): string {
  return randomUuidV4(random);
}

function wholeMs(nowMs: number): number {
  if (!Number.isFinite(nowMs) || nowMs < 0) throw new RangeError(`nowMs must be a finite epoch time, got ${nowMs}`);
  return Math.floor(nowMs);
}
