import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/**
 * Sends `{...head, [listKey]: [...items]}` as a stream: items are serialized as they are pulled,
 * a batch at a time, so a 10,000-entity list or a 300,000-row report never sits in memory whole.
 */
export function sendEnvelope(
  reply: FastifyReply,
  head: Record<string, unknown>,
  listKey: string,
  items: Iterable<unknown>,
  batch = 200,
): FastifyReply {
  function* chunks(): Generator<string> {
    const opening = JSON.stringify(head);
    yield `${opening.slice(0, -1)}${opening.length > 2 ? ',' : ''}${JSON.stringify(listKey)}:[`;
    let buf: string[] = [];
    let first = true;
    for (const item of items) {
      buf.push((first ? '' : ',') + JSON.stringify(item));
      first = false;
      if (buf.length >= batch) {
        yield buf.join('');
        buf = [];
      }
    }
    yield buf.join('') + ']}';
  }
  return reply.type('application/json; charset=utf-8').send(Readable.from(chunks(), { objectMode: false }));
}
