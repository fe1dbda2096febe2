import { z } from 'zod';
import type { App, AppDependencies } from '../app-types.ts';
import { requireMember } from '../plugins/authentication.ts';
import { exportProgram } from '../services/program-exports.ts';
import { errorResponses, fileResponse, ProgramIdParamsSchema } from './schemas.ts';

const ExportParamsSchema = ProgramIdParamsSchema.extend({
  export: z.enum(
    ['groups.csv', 'roster.csv', 'attendance.csv'],
    'must be groups.csv, roster.csv or attendance.csv',
  ),
});

export function programExportRoutes(app: App, { db }: AppDependencies): void {
  app.get(
    '/api/programs/:programId/exports/:export',
    {
      config: { action: 'programs.export' },
      schema: {
        tags: ['programs'],
        summary:
          'A program as CSV: groups with meeting slots and places, the roster, or attendance counts per meeting (only counts the privacy rules allow; never reflections or scores)',
        params: ExportParamsSchema,
        response: { 200: fileResponse('The program as CSV', { 'text/csv': 'text' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const kind = request.params.export.replace(/\.csv$/, '') as 'groups' | 'roster' | 'attendance';
      const { filename, csv } = await exportProgram(
        db,
        requireMember(request),
        request.params.programId,
        kind,
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(csv);
    },
  );
}
