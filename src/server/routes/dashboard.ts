import { z } from 'zod';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { describeDashboard } from '../services/dashboard.ts';
import { errorResponses, RoleSchema } from './schemas.ts';

const CountSchema = z.object({ key: z.string(), label: z.string(), count: z.number() });

export const DashboardSchema = z.object({
  organization: z.object({ name: z.string(), timeZone: z.string() }),
  role: RoleSchema,
  membersByRole: z.array(CountSchema).nullable().describe('Only for roles that manage people'),
  membersByLevel: z.array(CountSchema).nullable(),
  nextSteps: z.array(z.object({ title: z.string(), description: z.string(), href: z.string() })),
});

export function dashboardRoutes(app: App, { db }: AppDependencies): void {
  app.get(
    '/api/dashboard',
    {
      config: { action: 'dashboard.read' },
      schema: {
        tags: ['dashboard'],
        summary: 'What the signed-in person should see first, by role',
        response: { 200: DashboardSchema, ...errorResponses },
      },
    },
    async (request) => describeDashboard(db, requireMember(request)),
  );
}
