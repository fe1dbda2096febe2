import { z } from 'zod';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { issueScimToken, revokeScimToken } from '../services/scim-tokens.ts';
import { errorResponses } from './schemas.ts';

export function scimTokenRoutes(app: App, { db, now }: AppDependencies): void {
  app.post(
    '/api/organization/scim-token',
    {
      config: { action: 'scim-token.create' },
      schema: {
        tags: ['single sign-on'],
        summary:
          "Issue the organisation's SCIM token, shown this once; an earlier token stops working at once",
        response: {
          201: z.object({
            token: z.string().describe("Paste into the identity provider's provisioning settings"),
            createdAt: z.string(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { token, createdAt } = await issueScimToken(db, requireMember(request), now());
      // Never cached anywhere on the way back: the admin's screen is the only place it appears.
      return reply
        .status(201)
        .header('cache-control', 'no-store')
        .send({ token, createdAt: createdAt.toISOString() });
    },
  );

  app.delete(
    '/api/organization/scim-token',
    {
      config: { action: 'scim-token.delete' },
      schema: {
        tags: ['single sign-on'],
        summary: "Revoke the organisation's SCIM token; provisioning stops until a new one is issued",
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await revokeScimToken(db, requireMember(request));
      return reply.status(204).send(null);
    },
  );
}
