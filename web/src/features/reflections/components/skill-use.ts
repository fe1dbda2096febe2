import type { SkillUse } from '../api/shared-reflections.ts';

export const skillUseLabels: Record<SkillUse, string> = { yes: 'Yes', tried: 'Tried', 'not-yet': 'Not yet' };

export function describeSkillUse(skillUsed: SkillUse): string {
  return skillUseLabels[skillUsed];
}
