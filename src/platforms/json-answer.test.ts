import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { PlatformError } from './errors.js';
import { interpretJson, issueText } from './json-answer.js';
import { rawResponse } from './testing/fixtures.js';

const schema = z.object({ items: z.array(z.object({ id: z.string() })) });
const onError = (res: { status: number }, what: string) => new PlatformError('google', 'UNKNOWN', `${what}: translated ${res.status}`);
const read = interpretJson('google', schema, 'list items', onError, (body) => (body as { failed?: unknown }).failed === true);

describe('interpretJson', () => {
  it.each([
    ['a 2xx body of the schema is the value', rawResponse(200, { items: [{ id: 'a' }] }), { items: [{ id: 'a' }] }],
    ['an error status goes to the platform translator', rawResponse(503, { anything: 1 }), { code: 'UNKNOWN', message: 'list items: translated 503' }],
    ['an error inside a 2xx too', rawResponse(200, { failed: true }), { code: 'UNKNOWN', message: 'list items: translated 200' }],
    ['a cut-off body is TRANSIENT', rawResponse(200, '{"items":[{"i'), { code: 'TRANSIENT', message: 'list items: unreadable answer (13 bytes)' }],
    ['an empty body is TRANSIENT', rawResponse(200, null), { code: 'TRANSIENT' }],
    ['JSON of another shape is INVALID', rawResponse(200, { items: [{ id: 7 }] }), { code: 'INVALID', message: expect.stringContaining('items.0.id') }],
  ])('%s', (_name, res, expected) => {
    expect(read(res)).toMatchObject(expected);
  });
});

describe('issueText', () => {
  it('names where the first problem is, or the root', () => {
    expect(issueText(z.object({ a: z.string() }).safeParse({ a: 1 }).error as z.ZodError)).toMatch(/^a: /);
    expect(issueText(z.string().safeParse(1).error as z.ZodError)).toMatch(/^\(root\): /);
  });
});
