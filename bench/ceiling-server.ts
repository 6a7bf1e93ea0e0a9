/**
 * The ceiling for bench:intake: a bare Fastify route doing one INSERT of a lead-sized row on
 * the same kind of database, with none of Stratum's validation, scoring or attribution.
 * Started by bench/intake.ts as its own process (PORT, DATABASE_URL or DATA_DIR).
 */
import Fastify from 'fastify';
import { openPglite } from '../src/db/pglite.js';
import { openPostgres } from '../src/db/postgres.js';

const port = Number(process.env.PORT);
const handle = process.env.DATABASE_URL
  ? await openPostgres({ url: process.env.DATABASE_URL, poolMax: 10, connectTimeoutMs: 5000 })
  : await openPglite({ dataDir: process.env.DATA_DIR! });
await handle.executor.executeSql(
  'create table if not exists bench_ceiling (id bigserial primary key, email text not null, payload jsonb not null, created_at timestamptz not null default now())',
);
const app = Fastify();
app.post('/insert', async (req, reply) => {
  const body = req.body as { email: string };
  await handle.executor.executeSql('insert into bench_ceiling (email, payload) values ($1, $2)', [body.email, JSON.stringify(body)]);
  return reply.status(201).send({ ok: true });
});
app.get('/count', async () => {
  const { rows } = await handle.executor.executeSql('select count(*)::int as n from bench_ceiling', []);
  return rows[0];
});
await app.listen({ host: '127.0.0.1', port });
console.log('ceiling ready');
const stop = () => void app.close().then(() => handle.close()).then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
