import type { FastifyInstance } from 'fastify';
import type { World, WorldAccount } from '../../world/types.js';
import { requireAdvertiser, requireToken } from './auth.js';
import { invalid, sendOk } from './errors.js';
import { flatQuery, stringList } from './params.js';
import { etcZone } from './units.js';

/** Country of the currency, where one currency has one obvious country (TikTok shows the account's registration country). */
const COUNTRY_OF: Record<string, string> = {
  SAR: 'SA', AED: 'AE', KWD: 'KW', QAR: 'QA', BHD: 'BH', OMR: 'OM', JOD: 'JO', EGP: 'EG',
  USD: 'US', GBP: 'GB', JPY: 'JP', KRW: 'KR', INR: 'IN', TRY: 'TR', PKR: 'PK',
};

type InfoField = 'advertiser_id' | 'name' | 'company' | 'currency' | 'timezone' | 'display_timezone' | 'status' | 'role' | 'country' | 'language' | 'create_time' | 'balance';

const ALL_FIELDS: readonly InfoField[] = ['advertiser_id', 'name', 'company', 'currency', 'timezone', 'display_timezone', 'status', 'role', 'country', 'language', 'create_time', 'balance'];

function info(world: World, a: WorldAccount): Record<InfoField, unknown> {
  return {
    advertiser_id: a.id,
    name: a.name,
    company: a.business,
    currency: a.currency,
    timezone: etcZone(a.timeZone, world.now()),
    display_timezone: a.timeZone,
    status: a.status === 'ACTIVE' ? 'STATUS_ENABLE' : 'STATUS_DISABLE',
    role: 'ROLE_ADVERTISER',
    country: COUNTRY_OF[a.currency] ?? '',
    language: 'en',
    // TikTok gives the account's creation as Unix seconds; the sandbox's account starts delivering the day it was made.
    create_time: Math.floor(Date.parse(`${a.startDate}T00:00:00Z`) / 1000),
    balance: 0,
  };
}

/** `GET /advertiser/info/?advertiser_ids=[…]&fields=[…]`: currency, time zone and status of granted advertisers. */
export async function registerAccounts(app: FastifyInstance, world: World, base: string): Promise<void> {
  app.get(`${base}/advertiser/info/`, async (req, reply) => {
    const grant = requireToken(world, req);
    const q = flatQuery(req.query);
    const ids = stringList('advertiser_ids', q.advertiser_ids);
    if (!ids || ids.length === 0) throw invalid('advertiser_ids: Missing data for required field.');
    if (ids.length > 100) throw invalid('advertiser_ids: Length must be between 1 and 100.');
    const requested = stringList('fields', q.fields);
    const unknown = requested?.find((f) => !(ALL_FIELDS as readonly string[]).includes(f));
    if (unknown) throw invalid(`fields: ${unknown} is not a valid field.`);
    const fields = (requested ?? ALL_FIELDS) as readonly InfoField[];
    const list = ids.map((id) => {
      const row = info(world, requireAdvertiser(world, grant, id));
      return Object.fromEntries(fields.map((f) => [f, row[f]]));
    });
    return sendOk(reply, { list });
  });
}
