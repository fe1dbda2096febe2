import { compareLevels } from './levels.ts';
import {
  defaultRules,
  defaultWeights,
  type GroupingDiagnosis,
  type GroupingInput,
  type GroupingRules,
  type GroupingWeights,
  type HistoryMode,
  type Participant,
} from './model.ts';
import { weeklySlotCount, weeklySlotIndex } from './weekly-slot.ts';

/** 168 weekly hours as bits: six 32-bit words per person or group. */
export const maskWords = Math.ceil(weeklySlotCount / 32);

/**
 * The input indexed for fast evaluation: people are numbered 0..count-1 and every attribute is a
 * typed array or a compressed adjacency list (`xStart[i]..xStart[i+1]` indexes `xList`).
 */
export type Problem = {
  count: number;
  participants: Participant[];
  indexById: Map<string, number>;
  duplicateIds: string[];
  rules: GroupingRules;
  rulesProblem: string | null;
  weights: GroupingWeights;
  historyMode: HistoryMode;
  experienceUnit: 'years' | 'sessions';
  levels: string[];
  levelOf: Int32Array;
  levelShare: Float64Array;
  disciplines: string[];
  disciplineOf: Int32Array;
  disciplineShare: Float64Array;
  topics: string[];
  topicStart: Int32Array;
  topicList: Int32Array;
  hasInterests: Uint8Array;
  isFacilitator: Uint8Array;
  facilitatorCount: number;
  experience: Float64Array;
  /** Mean experience per facilitator in the cohort (the unit of the experience penalty). */
  meanExperience: number;
  availability: Uint32Array;
  slotStart: Int32Array;
  slotList: Int32Array;
  /** How many people are free at each of the 168 hours. */
  slotPopularity: Int32Array;
  conflictStart: Int32Array;
  conflictList: Int32Array;
  mateStart: Int32Array;
  mateList: Int32Array;
  /** Index into `pinIds`, or -1 when not pinned. */
  pinOf: Int32Array;
  pinIds: string[];
  diagnoses: GroupingDiagnosis[];
};

function toAdjacency(count: number, sets: Set<number>[]): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(count + 1);
  for (let index = 0; index < count; index++)
    start[index + 1] = (start[index] ?? 0) + (sets[index]?.size ?? 0);
  const list = new Int32Array(start[count] ?? 0);
  for (let index = 0; index < count; index++) {
    let at = start[index] ?? 0;
    for (const other of [...(sets[index] ?? [])].sort((a, b) => a - b)) list[at++] = other;
  }
  return { start, list };
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

function checkRules(rules: GroupingRules): string | null {
  const { groupSize: size, facilitatorsPerGroup: facilitators } = rules;
  if (![size.min, size.max, facilitators.min, facilitators.max].every(isWholeNumber)) {
    return 'group size and facilitators per group must be whole numbers';
  }
  if (size.min < 2) return `the minimum group size must be at least 2 (it is ${size.min})`;
  if (size.max < size.min) return `the maximum group size (${size.max}) is below the minimum (${size.min})`;
  if (size.max > 500) return `the maximum group size (${size.max}) is above 500`;
  if (facilitators.min < 0)
    return `facilitators per group cannot be negative (minimum is ${facilitators.min})`;
  if (facilitators.max < facilitators.min) {
    return `the maximum facilitators per group (${facilitators.max}) is below the minimum (${facilitators.min})`;
  }
  if (facilitators.min > size.max) {
    return `a group needs ${facilitators.min} facilitators but holds at most ${size.max} people`;
  }
  return null;
}

function describeIds(ids: readonly string[]): string {
  const shown = ids.slice(0, 5).map((id) => `"${id}"`);
  return ids.length > 5 ? `${shown.join(', ')} and ${ids.length - 5} more` : shown.join(', ');
}

/** Indexes and validates the input; never throws — problems become diagnoses. */
export function prepareProblem(input: GroupingInput): Problem {
  const diagnoses: GroupingDiagnosis[] = [];
  const indexById = new Map<string, number>();
  const participants: Participant[] = [];
  const duplicateIds: string[] = [];
  for (const participant of input.participants) {
    if (indexById.has(participant.id)) {
      duplicateIds.push(participant.id);
      continue;
    }
    indexById.set(participant.id, participants.length);
    participants.push(participant);
  }
  if (duplicateIds.length > 0) {
    diagnoses.push({
      code: 'DUPLICATE_ID',
      message: `participant id(s) ${describeIds(duplicateIds)} appear more than once; only the first is used`,
    });
  }
  const count = participants.length;

  const rules: GroupingRules = {
    groupSize: { ...defaultRules.groupSize, ...input.rules?.groupSize },
    facilitatorsPerGroup: { ...defaultRules.facilitatorsPerGroup, ...input.rules?.facilitatorsPerGroup },
  };
  const rulesProblem = checkRules(rules);
  if (rulesProblem) diagnoses.push({ code: 'INVALID_RULES', message: rulesProblem });

  const weights: GroupingWeights = { ...defaultWeights };
  for (const key of Object.keys(defaultWeights) as (keyof GroupingWeights)[]) {
    const value = input.weights?.[key];
    if (value === undefined) continue;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1000)
      weights[key] = value;
    else {
      diagnoses.push({
        code: 'INVALID_WEIGHT',
        message: `weight "${key}" must be a number from 0 to 1000; using ${defaultWeights[key]}`,
      });
    }
  }

  const levels = [...new Set(participants.map((participant) => participant.level))].sort(compareLevels);
  const levelIndex = new Map(levels.map((level, index) => [level, index]));
  const levelOf = new Int32Array(count);
  const disciplineKeys: string[] = [];
  const disciplines: string[] = [];
  const disciplineOf = new Int32Array(count);
  const topicKeys = new Map<string, number>();
  const topics: string[] = [];
  const topicSets: Set<number>[] = [];
  const hasInterests = new Uint8Array(count);
  const isFacilitator = new Uint8Array(count);
  const experience = new Float64Array(count);
  const availability = new Uint32Array(count * maskWords);
  const slotSets: Set<number>[] = [];
  const slotPopularity = new Int32Array(weeklySlotCount);
  const invalidSlots: string[] = [];
  let facilitatorCount = 0;
  let experienceTotal = 0;

  participants.forEach((participant, index) => {
    levelOf[index] = levelIndex.get(participant.level) ?? 0;
    const disciplineLabel = participant.discipline?.trim() || 'unspecified';
    const disciplineKey = disciplineLabel.toLowerCase();
    let discipline = disciplineKeys.indexOf(disciplineKey);
    if (discipline < 0) {
      discipline = disciplineKeys.length;
      disciplineKeys.push(disciplineKey);
      disciplines.push(disciplineLabel);
    }
    disciplineOf[index] = discipline;

    const personTopics = new Set<number>();
    for (const interest of participant.interests ?? []) {
      const label = interest.trim();
      if (!label) continue;
      const key = label.toLowerCase();
      let topic = topicKeys.get(key);
      if (topic === undefined) {
        topic = topics.length;
        topicKeys.set(key, topic);
        topics.push(label);
      }
      personTopics.add(topic);
    }
    topicSets.push(personTopics);
    hasInterests[index] = personTopics.size > 0 ? 1 : 0;

    if (participant.isFacilitator) {
      isFacilitator[index] = 1;
      facilitatorCount++;
      const years = participant.facilitatorExperience;
      experience[index] = typeof years === 'number' && Number.isFinite(years) && years > 0 ? years : 0;
      experienceTotal += experience[index] ?? 0;
    }

    const slots = new Set<number>();
    for (const slot of participant.availability) {
      const slotIndex = weeklySlotIndex(slot);
      if (slotIndex < 0) {
        invalidSlots.push(`"${slot}" (${participant.id})`);
        continue;
      }
      slots.add(slotIndex);
    }
    for (const slotIndex of slots) {
      availability[index * maskWords + (slotIndex >>> 5)]! |= 1 << (slotIndex & 31);
      slotPopularity[slotIndex]!++;
    }
    slotSets.push(slots);
  });
  if (invalidSlots.length > 0) {
    diagnoses.push({
      code: 'INVALID_SLOT',
      message: `${invalidSlots.length} availability entr${invalidSlots.length === 1 ? 'y is' : 'ies are'} not a weekly slot like "tue-12" and were ignored: ${invalidSlots.slice(0, 3).join(', ')}`,
    });
  }

  const levelShare = new Float64Array(levels.length);
  const disciplineShare = new Float64Array(disciplines.length);
  for (let index = 0; index < count; index++) {
    levelShare[levelOf[index]!]! += 1 / count;
    disciplineShare[disciplineOf[index]!]! += 1 / count;
  }

  const conflictSets = Array.from({ length: count }, () => new Set<number>());
  const unknownIds = new Set<string>();
  for (const conflict of input.conflicts ?? []) {
    const [firstId, secondId] = conflict.participantIds;
    const first = indexById.get(firstId);
    const second = indexById.get(secondId);
    if (first === undefined) unknownIds.add(firstId);
    if (second === undefined) unknownIds.add(secondId);
    if (first === undefined || second === undefined || first === second) continue;
    conflictSets[first]!.add(second);
    conflictSets[second]!.add(first);
  }
  if (unknownIds.size > 0) {
    diagnoses.push({
      code: 'UNKNOWN_PARTICIPANT',
      message: `conflicts of interest name ${describeIds([...unknownIds])}, who ${unknownIds.size === 1 ? 'is' : 'are'} not in the roster; those pairs were ignored`,
    });
  }

  const mateSets = Array.from({ length: count }, () => new Set<number>());
  const previousGroups = new Map<string, number[]>();
  participants.forEach((participant, index) => {
    if (participant.previousGroupId) {
      const members = previousGroups.get(participant.previousGroupId) ?? [];
      members.push(index);
      previousGroups.set(participant.previousGroupId, members);
    }
    for (const mateId of participant.previousGroupmateIds ?? []) {
      const mate = indexById.get(mateId);
      if (mate === undefined || mate === index) continue;
      mateSets[index]!.add(mate);
      mateSets[mate]!.add(index);
    }
  });
  for (const members of previousGroups.values()) {
    for (const first of members)
      for (const second of members) if (first !== second) mateSets[first]!.add(second);
  }

  const pinIds: string[] = [];
  const pinOf = new Int32Array(count).fill(-1);
  participants.forEach((participant, index) => {
    if (!participant.pinnedGroupId) return;
    let pin = pinIds.indexOf(participant.pinnedGroupId);
    if (pin < 0) {
      pin = pinIds.length;
      pinIds.push(participant.pinnedGroupId);
    }
    pinOf[index] = pin;
  });

  const topicAdjacency = toAdjacency(count, topicSets);
  const slotAdjacency = toAdjacency(count, slotSets);
  const conflictAdjacency = toAdjacency(count, conflictSets);
  const mateAdjacency = toAdjacency(count, mateSets);
  return {
    count,
    participants,
    indexById,
    duplicateIds,
    rules,
    rulesProblem,
    weights,
    historyMode: input.historyMode === 'stable' ? 'stable' : 'new-combinations',
    experienceUnit: input.experienceUnit === 'sessions' ? 'sessions' : 'years',
    levels,
    levelOf,
    levelShare,
    disciplines,
    disciplineOf,
    disciplineShare,
    topics,
    topicStart: topicAdjacency.start,
    topicList: topicAdjacency.list,
    hasInterests,
    isFacilitator,
    facilitatorCount,
    experience,
    meanExperience: facilitatorCount > 0 ? experienceTotal / facilitatorCount : 0,
    availability,
    slotStart: slotAdjacency.start,
    slotList: slotAdjacency.list,
    slotPopularity,
    conflictStart: conflictAdjacency.start,
    conflictList: conflictAdjacency.list,
    mateStart: mateAdjacency.start,
    mateList: mateAdjacency.list,
    pinOf,
    pinIds,
    diagnoses,
  };
}
