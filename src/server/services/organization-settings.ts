import { eq } from 'drizzle-orm';
import { listAuditChanges } from '../../core/audit/describe-audit-event.ts';
import { commentMinimumProblem, effectiveCommentMinimum } from '../../core/evaluation/comment-minimum.ts';
import { lowestMinimumGroupSize } from '../../core/evaluation/release-aggregates.ts';
import { defaultCommentMinimum } from '../../core/evaluation/release-comments.ts';
import { defaultAttendanceWindowDays } from '../../core/scheduling/attendance-window.ts';
import { defaultUnits } from '../../core/working-conditions/report-form.ts';
import type { Database } from '../../db/connect.ts';
import { type OrganizationSettings, organizations } from '../../db/schema.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { recordAuditEvent } from './audit.ts';
import { findOrganizationSettings } from './organization.ts';

export type ReportingSettings = Pick<
  OrganizationSettings,
  'minimumReportingGroupSize' | 'supportResources'
> & {
  attendanceWindowDays: number;
  commentMinimum: number;
  units: string[];
};

/** Rejects a comment minimum below the reporting size, naming whichever field the admin changed. */
function checkCommentMinimum(next: OrganizationSettings, changes: Partial<ReportingSettings>): void {
  const commentMinimum = next.commentMinimum ?? defaultCommentMinimum;
  const problem = commentMinimumProblem(commentMinimum, next.minimumReportingGroupSize);
  if (!problem) return;
  const fields: Record<string, string> = { 'body.commentMinimum': problem };
  if (changes.commentMinimum === undefined) {
    fields['body.minimumReportingGroupSize'] = `cannot exceed the comment minimum (${commentMinimum})`;
  }
  throw new AppError(
    'VALIDATION_FAILED',
    `The comment minimum ${problem}: free text must never be shown for a smaller group than a count is.`,
    { fields },
  );
}

/** Settings as edited here, with Tend's defaults where the organisation has not chosen. */
function reportingSettingsOf(settings: OrganizationSettings): ReportingSettings {
  return {
    minimumReportingGroupSize: settings.minimumReportingGroupSize,
    supportResources: settings.supportResources,
    commentMinimum: effectiveCommentMinimum(settings),
    units: settings.units && settings.units.length > 0 ? settings.units : [...defaultUnits],
    attendanceWindowDays: settings.attendanceWindowDays ?? defaultAttendanceWindowDays,
  };
}

export async function readReportingSettings(
  db: Database,
  organizationId: string,
): Promise<ReportingSettings> {
  return reportingSettingsOf(await findOrganizationSettings(db, organizationId));
}

/**
 * The settings admins edit here: the minimum reporting size (never below 3), the comment minimum
 * (never below the reporting size), support resources and working-condition units.
 */
export async function updateReportingSettings(
  db: Database,
  member: SignedInMember,
  changes: Partial<ReportingSettings>,
): Promise<ReportingSettings> {
  if (
    changes.minimumReportingGroupSize !== undefined &&
    changes.minimumReportingGroupSize < lowestMinimumGroupSize
  ) {
    throw new AppError(
      'VALIDATION_FAILED',
      `The minimum reporting size cannot be below ${lowestMinimumGroupSize}: with fewer, people could read each other’s answers off a figure.`,
      { fields: { 'body.minimumReportingGroupSize': `must be at least ${lowestMinimumGroupSize}` } },
    );
  }
  return db.transaction(async (tx) => {
    const current = await findOrganizationSettings(tx, member.organizationId);
    const { name: _name, ...settings } = current;
    const next: OrganizationSettings = { ...settings, ...changes };
    checkCommentMinimum(next, changes);
    await tx.update(organizations).set({ settings: next }).where(eq(organizations.id, member.organizationId));
    await recordAuditEvent(tx, {
      organizationId: member.organizationId,
      actorUserId: member.userId,
      action: 'organization-settings.update',
      details: { changes: listAuditChanges(reportingSettingsOf(settings), changes) },
    });
    return reportingSettingsOf(next);
  });
}
