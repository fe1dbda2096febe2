import { z } from 'zod';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { copyProgram } from '../services/program-copies.ts';
import { errorResponses, IsoDateSchema, ProgramIdParamsSchema } from './schemas.ts';
import { ShortTextSchema } from './text-schemas.ts';

const NextTermSchema = z.object({
  title: ShortTextSchema.min(1, 'must not be empty')
    .max(200)
    .optional()
    .describe('Default: "<title> (next term)"'),
  termStart: IsoDateSchema,
  termEnd: IsoDateSchema,
  enrolmentOpens: IsoDateSchema,
  enrolmentCloses: IsoDateSchema,
  holidays: z.array(IsoDateSchema).max(100).default([]).describe("The new term's days without meetings"),
});

export function programCopyRoutes(app: App, { db }: AppDependencies): void {
  app.post(
    '/api/programs/:programId/copies',
    {
      config: { action: 'programs.copy' },
      schema: {
        tags: ['programs'],
        summary:
          'Copy a program for the next term: curriculum, settings, cadence and prompts with new dates, as a draft; nothing personal (enrolments, groups, feedback) is copied',
        params: ProgramIdParamsSchema,
        body: NextTermSchema,
        response: { 201: z.object({ id: z.string(), title: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const copy = await copyProgram(db, requireMember(request), request.params.programId, request.body);
      return reply.status(201).send(copy);
    },
  );
}
