import { describe, expect, it } from 'vitest';
import { describeAuditEvent, listAuditChanges } from './describe-audit-event.ts';

describe('describeAuditEvent', () => {
  it('names the person acted on and the old and new role', () => {
    expect(
      describeAuditEvent({
        action: 'user.role-changed',
        actorName: 'Avery Admin',
        targetName: 'Dana Lee',
        details: { changes: [{ field: 'role', from: 'participant', to: 'facilitator' }] },
      }),
    ).toBe("Avery Admin changed Dana Lee's role: participant → facilitator");
  });

  it('says a disabled account in words, and levels by their label', () => {
    expect(
      describeAuditEvent({
        action: 'user.updated',
        actorName: 'Avery Admin',
        targetName: 'Chris Jones',
        details: {
          changes: [
            { field: 'isDisabled', from: false, to: true },
            { field: 'level', from: 'student-2', to: null },
          ],
        },
      }),
    ).toBe("Avery Admin changed Chris Jones' account: active → disabled; level: student, year 2 → none");
  });

  it('never shows a bare internal name for a known action', () => {
    expect(
      describeAuditEvent({ action: 'groups.formed:4', actorName: 'Casey', targetName: null, details: null }),
    ).toBe('Casey formed 4 groups');
  });

  it('names the groups a person moved between', () => {
    expect(
      describeAuditEvent({
        action: 'groups.member-moved',
        actorName: 'Corinne Mbeki',
        targetName: 'Dana Lee',
        details: { changes: [{ field: 'group', from: 'Group 1', to: 'Group 3' }] },
      }),
    ).toBe('Corinne Mbeki moved Dana Lee: Group 1 → Group 3');
  });

  it('names a group or meeting by what it was called, and says a reason as given', () => {
    expect(
      describeAuditEvent({
        action: 'meeting.cancelled',
        actorName: 'Farid Osei',
        targetName: null,
        details: {
          subject: 'meeting 2 of Cedar (Resilience circles)',
          changes: [{ field: 'reason', from: null, to: 'snow day' }],
        },
      }),
    ).toBe('Farid Osei cancelled meeting 2 of Cedar (Resilience circles): reason: snow day');
    expect(
      describeAuditEvent({
        action: 'groups.place-changed',
        actorName: 'Farid',
        targetName: null,
        details: null,
      }),
    ).toBe('Farid changed where a group meets');
  });

  it('lists only what changed, numbers and lists as text', () => {
    expect(
      listAuditChanges(
        { attendanceWindowDays: 7, units: ['Ward 1'], supportResources: 'Call 811' },
        { attendanceWindowDays: 3, units: ['Ward 1', 'Ward 2'], supportResources: 'Call 811' },
      ),
    ).toEqual([
      { field: 'attendanceWindowDays', from: '7', to: '3' },
      { field: 'units', from: 'Ward 1', to: 'Ward 1, Ward 2' },
    ]);
  });
});
