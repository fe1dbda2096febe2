import type { WeeklySlot } from './weekly-slot.ts';

/** One person to place. Levels are strings such as 'student-1'..'student-4', 'resident', 'practitioner', 'faculty'. */
export type Participant = {
  id: string;
  name?: string;
  level: string;
  discipline?: string;
  /** Weekly hours the person is free, e.g. ['tue-12', 'wed-18']. A group meets at one hour all its members share. */
  availability: readonly WeeklySlot[];
  /** Topic interests, e.g. ['burnout', 'sleep']. */
  interests?: readonly string[];
  isFacilitator?: boolean;
  /** Years facilitating or sessions led (see `experienceUnit`); facilitators only. */
  facilitatorExperience?: number;
  /** Group the person belonged to last term; people sharing it were groupmates. */
  previousGroupId?: string;
  /** Explicit previous groupmates, in addition to `previousGroupId`. */
  previousGroupmateIds?: readonly string[];
  /** The person must be in the group with this id (the output group keeps the id). */
  pinnedGroupId?: string;
};

/** Two people who must never share a group: supervisor and supervisee, or a private "not with" request. */
export type ConflictOfInterest = {
  participantIds: readonly [string, string];
  kind: 'supervision' | 'request';
};

export type Range = { min: number; max: number };

export type GroupingRules = {
  /** Members per group, facilitators included. Default 8..10. */
  groupSize: Range;
  /** Facilitators per group. Default 1..2; {min: 1, max: 1} for exactly one. */
  facilitatorsPerGroup: Range;
};

/** How much each soft goal counts; 0 switches a goal off. */
export type GroupingWeights = {
  /** Each group's level mix close to the cohort's. */
  level: number;
  /** Each group's discipline mix close to the cohort's. */
  discipline: number;
  /** Members sharing the group's most common topic interest. */
  interests: number;
  /** Facilitator experience spread evenly over the groups. */
  experience: number;
  /** Previous groupmates: kept apart ('new-combinations') or together ('stable'). */
  history: number;
};

/** Re-forming for a new term: penalise repeated pairs, or penalise splitting previous groupmates. */
export type HistoryMode = 'new-combinations' | 'stable';

export type GroupingInput = {
  participants: readonly Participant[];
  conflicts?: readonly ConflictOfInterest[];
  rules?: { groupSize?: Range; facilitatorsPerGroup?: Range };
  weights?: Partial<GroupingWeights>;
  historyMode?: HistoryMode;
  experienceUnit?: 'years' | 'sessions';
  /** Same input and seed → same groups. Default 1. */
  seed?: number;
  /** Search effort multiplier (default 1); 0 stops after the greedy construction. */
  effort?: number;
};

export const defaultRules: GroupingRules = {
  groupSize: { min: 8, max: 10 },
  facilitatorsPerGroup: { min: 1, max: 2 },
};

export const defaultWeights: GroupingWeights = {
  level: 3,
  discipline: 1,
  interests: 1,
  experience: 1,
  history: 1,
};

/**
 * Penalty points, lower is better and 0 is ideal; `total` is the sum of the weighted parts.
 * level / discipline: weight × Σ over categories |members in category − cohort share × group size|.
 * interests: weight × members (with interests) who do not share the group's most common topic.
 * experience: weight × |group's facilitator experience − average per group| / average per facilitator.
 * history: weight × repeated pairs ('new-combinations') or previous groupmates split up ('stable').
 */
export type ScoreBreakdown = {
  total: number;
  level: number;
  discipline: number;
  interests: number;
  experience: number;
  history: number;
};

export type FormedGroup = {
  id: string;
  /** The weekly hour every member is free, chosen by the engine. */
  slot: WeeklySlot;
  /** Every hour all members share, `slot` first: alternatives if the chosen one stops suiting. */
  commonSlots: WeeklySlot[];
  /** All members, facilitators first. */
  memberIds: string[];
  facilitatorIds: string[];
  score: ScoreBreakdown;
  /** e.g. "levels: 2 first-year, 2 third-year, 2 residents, 2 practitioners, 1 faculty; … all free Tuesdays 12:00–13:00" */
  explanation: string;
};

export type UnplacedReason =
  | 'duplicate-id'
  | 'invalid-rules'
  | 'no-availability'
  | 'no-shared-slot'
  | 'no-facilitator-free'
  | 'not-enough-facilitators'
  | 'too-many-facilitators'
  | 'conflict'
  | 'groups-full'
  | 'pinned-group-infeasible';

export type UnplacedParticipant = { id: string; reason: UnplacedReason; message: string };

/** A problem with the input as a whole, with a message a coordinator can act on. */
export type GroupingDiagnosis = {
  code:
    | 'INVALID_RULES'
    | 'DUPLICATE_ID'
    | 'UNKNOWN_PARTICIPANT'
    | 'INVALID_SLOT'
    | 'INVALID_WEIGHT'
    | 'TOO_FEW_PEOPLE'
    | 'NOT_ENOUGH_FACILITATORS'
    | 'TOO_MANY_FACILITATORS'
    | 'PINNED_GROUP_INFEASIBLE'
    | 'UNPLACED_PEOPLE'
    | 'NO_COMPLETE_GROUPING'
    | 'EXACT_CHECK_INCOMPLETE';
  message: string;
};

export type GroupingResult = {
  groups: FormedGroup[];
  unplaced: UnplacedParticipant[];
  score: ScoreBreakdown;
  diagnoses: GroupingDiagnosis[];
  seed: number;
  /** Search work done (deterministic counts, not timings). */
  search: { iterations: number; restarts: number };
  /**
   * Proof of quality: the level part of the score against a lower bound for groups of these
   * sizes; `message` is "level mix: best possible" when it is met, else the gap.
   */
  levelMix: { penalty: number; bound: number; isBestPossible: boolean; message: string };
};

/** An assignment to score, e.g. groups a coordinator edited by hand. `slot` is optional: when absent the best common hour is used. */
export type GroupAssignment = {
  groups: readonly { id: string; memberIds: readonly string[]; slot?: WeeklySlot | null }[];
};

export type HardRule =
  | 'group-size'
  | 'facilitators-per-group'
  | 'common-slot'
  | 'conflict-of-interest'
  | 'pinned-group'
  | 'unknown-participant'
  | 'placed-twice';

export type RuleViolation = {
  rule: HardRule;
  groupId: string | null;
  participantIds: string[];
  message: string;
};

export type EvaluatedGroup = {
  id: string;
  /** The given slot, or the best common hour when none was given; null when members share no hour. */
  slot: WeeklySlot | null;
  commonSlots: WeeklySlot[];
  memberIds: string[];
  facilitatorIds: string[];
  score: ScoreBreakdown;
  violations: RuleViolation[];
  explanation: string;
};

export type GroupingEvaluation = {
  groups: EvaluatedGroup[];
  /** Participants in no group. */
  unassignedIds: string[];
  score: ScoreBreakdown;
  /** Every broken hard rule, per group and for the assignment as a whole. */
  violations: RuleViolation[];
  isValid: boolean;
};
