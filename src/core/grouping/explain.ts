import { labelLevel } from './levels.ts';
import type { Problem } from './prepare.ts';
import { describeWeeklySlot, describeWeeklySlots, weeklySlotAt } from './weekly-slot.ts';

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

function nameOf(problem: Problem, person: number): string {
  const participant = problem.participants[person];
  return participant?.name?.trim() || participant?.id || '?';
}

function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * One plain-language line per group, e.g. "levels: 2 first-year, 2 third-year, 2 residents,
 * 2 practitioners, 1 faculty; disciplines: 4 nursing, 3 medicine, 2 pharmacy; facilitated by
 * Ana (12 years); 6 of 9 share an interest in burnout; all free Tuesdays 12:00–13:00".
 */
export function explainGroup(
  problem: Problem,
  members: readonly number[],
  slot: number | null,
  commonSlots: readonly number[],
): string {
  const parts: string[] = [];
  const levelCounts = new Array<number>(problem.levels.length).fill(0);
  const disciplineCounts = new Array<number>(problem.disciplines.length).fill(0);
  const topicCounts = new Array<number>(problem.topics.length).fill(0);
  const facilitators: number[] = [];
  const inGroup = new Set(members);
  let pairs = 0;
  for (const person of members) {
    levelCounts[problem.levelOf[person]!]!++;
    disciplineCounts[problem.disciplineOf[person]!]!++;
    for (let at = problem.topicStart[person]!; at < problem.topicStart[person + 1]!; at++) {
      topicCounts[problem.topicList[at]!]!++;
    }
    if (problem.isFacilitator[person]) facilitators.push(person);
    for (let at = problem.mateStart[person]!; at < problem.mateStart[person + 1]!; at++) {
      if (inGroup.has(problem.mateList[at]!)) pairs++;
    }
  }
  pairs /= 2;

  const levels = levelCounts.flatMap((count, level) =>
    count > 0 ? [`${count} ${labelLevel(problem.levels[level] ?? '', count)}`] : [],
  );
  parts.push(`levels: ${levels.join(', ')}`);
  if (problem.disciplines.length > 1) {
    const disciplines = disciplineCounts
      .map((count, discipline) => ({ count, label: problem.disciplines[discipline] ?? '' }))
      .filter((entry) => entry.count > 0)
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
      .map((entry) => `${entry.count} ${entry.label}`);
    parts.push(`disciplines: ${disciplines.join(', ')}`);
  }
  if (facilitators.length === 0) parts.push('no facilitator');
  else {
    const unit = problem.experienceUnit === 'sessions' ? ['session led', 'sessions led'] : ['year', 'years'];
    const described = facilitators.map((person) => {
      const participant = problem.participants[person];
      const experience = participant?.facilitatorExperience;
      return typeof experience === 'number' && Number.isFinite(experience)
        ? `${nameOf(problem, person)} (${plural(experience, unit[0] ?? '', unit[1])})`
        : nameOf(problem, person);
    });
    parts.push(`facilitated by ${joinWithAnd(described)}`);
  }
  let topTopic = -1;
  topicCounts.forEach((count, topic) => {
    if (count > 0 && (topTopic < 0 || count > topicCounts[topTopic]!)) topTopic = topic;
  });
  if (topTopic >= 0) {
    parts.push(
      `${topicCounts[topTopic]} of ${members.length} share an interest in ${problem.topics[topTopic]}`,
    );
  }
  if (slot === null) parts.push('members share no free hour');
  else {
    const others = commonSlots.filter((other) => other !== slot).map(weeklySlotAt);
    const also =
      others.length > 0
        ? ` (also all free ${describeWeeklySlots(others.slice(0, 6))}${others.length > 6 ? ', …' : ''})`
        : '';
    parts.push(`all free ${describeWeeklySlot(weeklySlotAt(slot))}${also}`);
  }
  if (problem.mateList.length > 0) {
    if (problem.historyMode === 'stable') {
      parts.push(
        pairs > 0
          ? `keeps ${plural(pairs, 'pair')} of previous groupmates together`
          : 'no previous groupmates kept together',
      );
    } else {
      parts.push(
        pairs > 0
          ? `${plural(pairs, 'pair')} grouped together before`
          : 'no two members grouped together before',
      );
    }
  }
  return parts.join('; ');
}

/** Facilitators first, then by level (training order), then by name/id. */
export function orderMembers(problem: Problem, members: readonly number[]): number[] {
  return [...members].sort(
    (a, b) =>
      problem.isFacilitator[b]! - problem.isFacilitator[a]! ||
      problem.levelOf[a]! - problem.levelOf[b]! ||
      (problem.participants[a]?.name ?? problem.participants[a]?.id ?? '').localeCompare(
        problem.participants[b]?.name ?? problem.participants[b]?.id ?? '',
      ) ||
      a - b,
  );
}
