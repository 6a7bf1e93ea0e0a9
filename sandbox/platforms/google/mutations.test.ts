import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { World, WorldAccount, WorldCampaign } from '../../world/index.js';
import { budgetIdOf } from './budgets.js';
import { firstError, post, sandbox, search, tokensFor } from './test-support.js';

let app: FastifyInstance;
let world: World;
let token: string;
let acc: WorldAccount;
let cid: string;

beforeAll(async () => {
  ({ app, world } = await sandbox());
  token = (await tokensFor(app, 'ahmed')).access;
  acc = world.accountsOf('google', 'ahmed')[0]!;
  cid = acc.id;
});
beforeEach(() => world.received.clear('mutations'));
afterAll(() => app.close());

const mutate = (service: string, body: unknown, login?: string, c = cid, t = token) => post(app, `customers/${c}/${service}:mutate`, { token: t, body, ...(login ? { login } : {}) });
const campaign = (i: number) => world.campaigns(acc)[i]!;
const budgetName = (c: WorldCampaign) => `customers/${cid}/campaignBudgets/${budgetIdOf(c.id)}`;

describe('budgets', () => {
  it('changes a daily budget in micros; later reads show it and the request is recorded', async () => {
    const c = campaign(0);
    const body = { operations: [{ update: { resourceName: budgetName(c), amountMicros: '75000000' }, updateMask: 'amount_micros' }] };
    const res = await mutate('campaignBudgets', body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ results: [{ resourceName: budgetName(c) }] });
    expect((world.entity(acc, 'campaign', c.id) as WorldCampaign).dailyBudgetMinor).toBe(7500);
    const read = await search(app, token, cid, `SELECT campaign_budget.amount_micros FROM campaign WHERE campaign.id = ${c.id}`);
    expect(read.json().results[0].campaignBudget.amountMicros).toBe('75000000');
    expect(world.received.list('mutations', 'google')).toEqual([
      expect.objectContaining({ platform: 'google', method: 'POST', path: `/v23/customers/${cid}/campaignBudgets:mutate`, body, customer_id: cid }),
    ]);
  });

  it('accepts the camelCase mask too, and answers the mutable resource when asked', async () => {
    const c = campaign(1);
    const res = await mutate('campaignBudgets', { operations: [{ update: { resourceName: budgetName(c), amountMicros: 50_000_000 }, updateMask: 'amountMicros' }], responseContentType: 'MUTABLE_RESOURCE' });
    expect(res.json().results[0]).toEqual({ resourceName: budgetName(c), campaignBudget: { resourceName: budgetName(c), id: budgetIdOf(c.id), amountMicros: '50000000' } });
  });

  it.each([
    ['a fraction of the currency unit', '75000001', 'campaignBudgetError', 'NON_MULTIPLE_OF_MINIMUM_CURRENCY_UNIT'],
    ['zero', '0', 'campaignBudgetError', 'MONEY_AMOUNT_LESS_THAN_CURRENCY_MINIMUM_CPC'],
  ])('refuses %s, changing nothing', async (_n, micros, category, code) => {
    const c = campaign(2);
    const before = (world.entity(acc, 'campaign', c.id) as WorldCampaign).dailyBudgetMinor;
    const res = await mutate('campaignBudgets', { operations: [{ update: { resourceName: budgetName(c), amountMicros: micros }, updateMask: 'amount_micros' }] });
    expect(res.statusCode).toBe(400);
    expect(firstError(res)).toMatchObject({ errorCode: { [category]: code }, location: { fieldPathElements: [{ fieldName: 'operations', index: 0 }, { fieldName: 'update' }, { fieldName: 'amount_micros' }] } });
    expect((world.entity(acc, 'campaign', c.id) as WorldCampaign).dailyBudgetMinor).toBe(before);
    expect(world.received.list('mutations', 'google')).toEqual([]);
  });
});

describe('status', () => {
  it('pauses and enables campaigns, ad groups and ads; reads follow', async () => {
    const c = campaign(0);
    const set = world.adSets(acc)[0]!;
    const ad = world.ads(acc)[0]!;
    expect((await mutate('campaigns', { operations: [{ update: { resourceName: `customers/${cid}/campaigns/${c.id}`, status: 'PAUSED' }, updateMask: 'status' }] })).statusCode).toBe(200);
    expect((await mutate('adGroups', { operations: [{ update: { resourceName: `customers/${cid}/adGroups/${set.id}`, status: 'PAUSED' }, updateMask: 'status' }] })).statusCode).toBe(200);
    expect((await mutate('adGroupAds', { operations: [{ update: { resourceName: `customers/${cid}/adGroupAds/${ad.adSetId}~${ad.id}`, status: 'PAUSED' }, updateMask: 'status' }] })).statusCode).toBe(200);
    const read = await search(app, token, cid, `SELECT campaign.status FROM campaign WHERE campaign.id = ${c.id}`);
    expect(read.json().results[0].campaign.status).toBe('PAUSED');
    expect(world.entity(acc, 'ad_set', set.id)!.status).toBe('PAUSED');
    expect(world.entity(acc, 'ad', ad.id)!.status).toBe('PAUSED');
    expect(world.received.list('mutations', 'google')).toHaveLength(3);
    await mutate('campaigns', { operations: [{ update: { resourceName: `customers/${cid}/campaigns/${c.id}`, status: 'ENABLED' }, updateMask: 'status' }] });
    expect(world.entity(acc, 'campaign', c.id)!.status).toBe('ACTIVE');
  });

  it('applies nothing when one operation of an atomic request fails', async () => {
    const [a, b] = [campaign(1), campaign(2)];
    const before = [a.status, b.status];
    const res = await mutate('campaigns', {
      operations: [
        { update: { resourceName: `customers/${cid}/campaigns/${a.id}`, status: before[0] === 'ACTIVE' ? 'PAUSED' : 'ENABLED' }, updateMask: 'status' },
        { update: { resourceName: `customers/${cid}/campaigns/99999999999`, status: 'PAUSED' }, updateMask: 'status' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(firstError(res)).toMatchObject({ errorCode: { mutateError: 'RESOURCE_NOT_FOUND' }, location: { fieldPathElements: [{ fieldName: 'operations', index: 1 }, { fieldName: 'update' }, { fieldName: 'resource_name' }] } });
    expect([world.entity(acc, 'campaign', a.id)!.status, world.entity(acc, 'campaign', b.id)!.status]).toEqual(before);
  });

  it('applies the good operations of a partial-failure request and reports the rest', async () => {
    const a = campaign(1);
    const res = await mutate('campaigns', {
      partialFailure: true,
      operations: [
        { update: { resourceName: `customers/${cid}/campaigns/${a.id}`, status: 'PAUSED' }, updateMask: 'status' },
        { update: { resourceName: `customers/${cid}/campaigns/99999999999`, status: 'PAUSED' }, updateMask: 'status' },
      ],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.results).toEqual([{ resourceName: `customers/${cid}/campaigns/${a.id}` }, {}]);
    expect(body.partialFailureError.code).toBe(3);
    expect(body.partialFailureError.details[0].errors[0].errorCode).toEqual({ mutateError: 'RESOURCE_NOT_FOUND' });
    expect(world.entity(acc, 'campaign', a.id)!.status).toBe('PAUSED');
  });

  it('checks without applying when validateOnly', async () => {
    const a = campaign(2);
    const before = a.status;
    const res = await mutate('campaigns', { validateOnly: true, operations: [{ update: { resourceName: `customers/${cid}/campaigns/${a.id}`, status: before === 'ACTIVE' ? 'PAUSED' : 'ENABLED' }, updateMask: 'status' }] });
    expect([res.statusCode, res.json()]).toEqual([200, {}]);
    expect(world.entity(acc, 'campaign', a.id)!.status).toBe(before);
    expect(world.received.list('mutations', 'google')).toEqual([]);
  });

  it.each<[string, unknown, number, string | Record<string, string>]>([
    ['an unknown status', { operations: [{ update: { resourceName: `customers/CID/campaigns/1`, status: 'STOPPED' }, updateMask: 'status' }] }, 400, 'Invalid value at'],
    ['no update mask', { operations: [{ update: { resourceName: 'customers/CID/campaigns/1', status: 'PAUSED' } }] }, 400, { fieldMaskError: 'FIELD_MASK_MISSING' }],
    ['a create', { operations: [{ create: { name: 'New' } }] }, 400, { operationAccessDeniedError: 'CREATE_OPERATION_NOT_PERMITTED' }],
    ['a malformed resource name', { operations: [{ update: { resourceName: 'campaigns/1', status: 'PAUSED' }, updateMask: 'status' }] }, 400, { requestError: 'RESOURCE_NAME_MALFORMED' }],
  ])('refuses %s', async (_n, body, status, expected) => {
    const res = await mutate('campaigns', JSON.parse(JSON.stringify(body).replaceAll('CID', cid)));
    expect(res.statusCode).toBe(status);
    if (typeof expected === 'string') expect(res.json().error.message).toContain(expected);
    else expect(firstError(res).errorCode).toEqual(expected);
  });

  it('serves googleAds:mutate and clients reached through a manager', async () => {
    const lina = (await tokensFor(app, 'lina')).access;
    const client = world.accountsOf('google', 'lina')[0]!;
    const c = world.campaigns(client)[0]!;
    const op = { campaignOperation: { update: { resourceName: `customers/${client.id}/campaigns/${c.id}`, status: 'PAUSED' }, updateMask: 'status' } };
    const denied = await post(app, `customers/${client.id}/googleAds:mutate`, { token: lina, body: { mutateOperations: [op] } });
    expect(firstError(denied).errorCode).toEqual({ authorizationError: 'USER_PERMISSION_DENIED' });
    const res = await post(app, `customers/${client.id}/googleAds:mutate`, { token: lina, login: client.managerId!, body: { mutateOperations: [op] } });
    expect(res.json()).toEqual({ mutateOperationResponses: [{ campaignResult: { resourceName: `customers/${client.id}/campaigns/${c.id}` } }] });
    expect(world.entity(client, 'campaign', c.id)!.status).toBe('PAUSED');
  });
});
