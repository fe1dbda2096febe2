import { describe, expect, it } from 'vitest';
import { describeAuditEvent } from './describe-audit-event.ts';

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
});
