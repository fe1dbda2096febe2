import { unitNotStated } from './report-form.ts';

export const unitListLimit = 50;
export const unitNameLimit = 80;

/**
 * What is wrong with each unit an organisation lists, by position. Names are compared without case
 * or surrounding spaces: two spellings of one unit would split its reports into smaller counts,
 * which the privacy gate then hides. "Not stated" is always offered, so it is not listed.
 */
export function unitListProblems(units: readonly string[]): Map<number, string> {
  const problems = new Map<number, string>();
  const seen = new Set<string>();
  for (const [index, unit] of units.entries()) {
    const name = unit.trim();
    const key = name.toLocaleLowerCase();
    if (!name) problems.set(index, 'is required');
    else if (name.length > unitNameLimit) problems.set(index, `must be at most ${unitNameLimit} characters`);
    else if (key === unitNotStated.toLocaleLowerCase())
      problems.set(index, `“${unitNotStated}” is always offered`);
    else if (seen.has(key)) problems.set(index, 'is listed twice');
    seen.add(key);
  }
  return problems;
}
