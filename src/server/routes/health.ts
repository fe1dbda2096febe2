import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { App, AppDependencies } from '../app-types.ts';

export function healthRoutes(app: App, { db }: AppDependencies): void {
  app.get(
    '/api/health',
    {
      config: { action: 'health.read' },
      schema: {
        tags: ['system'],
        summary: 'Whether the server and its database answer',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => {
      await db.execute(sql`select 1`);
      return { status: 'ok' as const };
    },
  );
}
