// The reference for bench/startup: a bare Fastify server with one route, started and weighed the same way.
import Fastify from 'fastify';

const app = Fastify();
app.get('/api/health', async () => ({ ok: true }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
console.log('bare Fastify is running');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
