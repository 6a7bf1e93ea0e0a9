import { z } from 'zod';

const text = (max: number) => z.string().max(max).nullish();
const oneOrMany = (max: number) => z.union([z.string().max(max), z.array(z.string().max(max)).max(10)]).nullish();

/**
 * What Stratum knows about a person that an ad platform can match on, in plain text (or already
 * hashed). Lenient on purpose: blank, malformed or unusable values are dropped by the platform
 * mappers instead of failing the whole event, and the lengths only guard against garbage (the
 * capture layer stores much less).
 */
export const matchDataSchema = z.object({
  /** One address or several (Meta, TikTok, Snapchat take lists; Google one per identifier). */
  email: oneOrMany(320),
  /** E.164 as stored (+966501234567); other spellings are parsed with `country` as the region. */
  phone: oneOrMany(64),
  firstName: text(200),
  lastName: text(200),
  city: text(200),
  state: text(200),
  zip: text(40),
  /** ISO 3166-1 alpha-2. */
  country: text(10),
  /** YYYY-MM-DD. */
  dateOfBirth: text(20),
  gender: text(20),
  externalId: text(200),
  ip: text(64),
  userAgent: text(2000),
  fbc: text(1000),
  fbp: text(500),
  /** Meta's click-to-WhatsApp click id, for business-messaging events. */
  ctwaClid: text(1000),
  gclid: text(1000),
  gbraid: text(1000),
  wbraid: text(1000),
  ttclid: text(1000),
  ttp: text(500),
  /** Snapchat's ScCid URL parameter. */
  scClickId: text(1000),
  /** Snapchat's `_scid` cookie, sent as sc_cookie1. */
  scCookie1: text(500),
});
export type MatchData = z.infer<typeof matchDataSchema>;

/**
 * The keys signup planning writes into an outbox row's `match_data` today
 * (capture/conversion-plan.ts), mapped to MatchData. `event_source_url` and `fbclid` are not user
 * data: the URL belongs on the event, and Meta takes the click id only inside `fbc`.
 */
const storedKeys: Readonly<Record<string, keyof MatchData>> = {
  email: 'email',
  phone: 'phone',
  first_name: 'firstName',
  last_name: 'lastName',
  city: 'city',
  state: 'state',
  zip: 'zip',
  country: 'country',
  date_of_birth: 'dateOfBirth',
  gender: 'gender',
  external_id: 'externalId',
  client_ip_address: 'ip',
  client_user_agent: 'userAgent',
  fbc: 'fbc',
  fbp: 'fbp',
  ctwa_clid: 'ctwaClid',
  gclid: 'gclid',
  gbraid: 'gbraid',
  wbraid: 'wbraid',
  ttclid: 'ttclid',
  ttp: 'ttp',
  sccid: 'scClickId',
  scid: 'scCookie1',
};

const storedMatchDataSchema = z.record(z.string(), z.string().nullable());

/** Reads a stored `match_data` JSON object (untrusted: it comes back from the database). */
export function matchDataFromStored(stored: unknown): MatchData {
  const record = storedMatchDataSchema.parse(stored);
  const fields: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(record)) {
    const field = storedKeys[key];
    if (field !== undefined) fields[field] = value;
  }
  return matchDataSchema.parse(fields);
}
