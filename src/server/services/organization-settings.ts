import { eq } from 'drizzle-orm';
import { lowestMinimumGroupSize } from '../../core/evaluation/release-aggregates.ts';
import type { Database } from '../../db/connect.ts';
import { type OrganizationSettings, organizations } from '../../db/schema.ts';
import type { SignedInMember } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { recordAuditEvent } from './audit.ts';
import { findOrganizationSettings } from './organization.ts';

export type ReportingSettings = Pick<OrganizationSettings, 'minimumReportingGroupSize' | 'supportResources'>;

/** The settings admins edit here: the minimum reporting size (never below 3) and support resources. */
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
    await tx.update(organizations).set({ settings: next }).where(eq(organizations.id, member.organizationId));
    await recordAuditEvent(tx, {
      organizationId: member.organizationId,
      actorUserId: member.userId,
      action: 'organization-settings.update',
    });
    return {
      minimumReportingGroupSize: next.minimumReportingGroupSize,
      supportResources: next.supportResources,
    };
  });
}
