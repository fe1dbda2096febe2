// The references for bench/api, in one process: a bare Fastify route that answers from memory, and a bare
// route that runs one indexed SELECT on the same kind of database the measured server uses.
import Fastify from 'fastify';

const app = Fastify();
app.get('/hello', async () => ({ hello: 'world' }));

let select: () => Promise<unknown>;
if (process.env.DATABASE_URL) {
  const pg = (await import('pg')).default;
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  select = async () => (await pool.query('select id, name from users order by id limit 1')).rows;
} else {
  // The measured server holds the embedded database's directory, so the reference opens its own copy.
  const { PGlite } = await import('@electric-sql/pglite');
  const database = new PGlite();
  await database.exec(
    'create table users (id int primary key, name text); insert into users select g, md5(g::text) from generate_series(1, 2000) g',
  );
  select = async () => (await database.query('select id, name from users order by id limit 1')).rows;
}
app.get('/select', select);

await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
console.log('reference server is running');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
