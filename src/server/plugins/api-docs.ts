import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { App } from '../app-types.ts';

/** OpenAPI generated from the routes' zod schemas; browsable at /api/docs, raw at /api/docs/json. */
export async function registerApiDocs(app: App): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Tend API',
        description:
          'Resilience programs for health professionals and learners. Sign in with POST /api/session; ' +
          'send the csrfToken from GET /api/session in the x-csrf-token header of every POST, PUT, PATCH and DELETE.',
        version: '0.1.0',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
}
