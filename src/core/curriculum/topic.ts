/**
 * A topic is one ~60-minute small-group meeting: what the facilitator needs to hold it, what the
 * group discusses and practises, and what participants are asked to reflect on afterwards.
 * Topics ship with Tend (./library/) and coordinators may edit them or write their own, so
 * `findTopicProblems` checks any value, typed or not, and names the field of every problem.
 */

export const audiences = ['students', 'residents', 'practitioners', 'faculty'] as const;
export type Audience = (typeof audiences)[number];

export type DiscussionPrompt = {
  /** Spoken or shown to the group; invites the person's own experience and can always be passed. */
  text: string;
  /** For the facilitator only: what to listen for, how to keep the discussion safe. */
  facilitatorNote?: string;
  suggestedMinutes?: number;
};

/** One practice or skill the group tries together during the meeting. */
export type Practice = {
  name: string;
  /** 3 to 6 steps, in order. */
  steps: readonly string[];
  minutes: number;
};

export type Topic = {
  /** Kebab-case slug, unique within a library: 'self-care-and-boundaries'. */
  id: string;
  title: string;
  /** One sentence. */
  summary: string;
  /** 2 to 4 things participants take away. */
  goals: readonly string[];
  /**
   * 3 to 6 points for the facilitator: what the evidence says, how to hold the space safely,
   * what to watch for, and when to point someone to support.
   */
  facilitatorBriefing: readonly string[];
  /** One prompt for the round that opens the meeting. */
  openingCheckIn: string;
  /** 4 to 6 prompts, in the order the group takes them. */
  discussionPrompts: readonly DiscussionPrompt[];
  practice: Practice;
  /** 2 to 4 reflection prompts sent to participants in the days after the meeting. */
  followUpPrompts: readonly string[];
  /** Short name of the skill participants are later asked whether they practised. */
  skill: string;
  /** 3 to 5 sentences for someone who missed the meeting. */
  catchUpSummary: string;
  audiences: readonly Audience[];
  /** Kebab-case words used to match participants' interests: 'burnout', 'boundaries'. */
  tags: readonly string[];
  estimatedMinutes: number;
};

/** The limits `findTopicProblems` applies; exported so an editor can show them beside each field. */
export const topicLimits = {
  idLength: 60,
  titleLength: 120,
  summaryLength: 300,
  goals: { min: 2, max: 4 },
  goalLength: 200,
  facilitatorBriefing: { min: 3, max: 6 },
  briefingPointLength: 600,
  promptLength: 600,
  facilitatorNoteLength: 600,
  discussionPrompts: { min: 4, max: 6 },
  suggestedMinutes: { min: 1, max: 60 },
  practiceNameLength: 80,
  practiceSteps: { min: 3, max: 6 },
  practiceStepLength: 400,
  practiceMinutes: { min: 1, max: 30 },
  followUpPrompts: { min: 2, max: 4 },
  skillLength: 60,
  catchUpSummaryLength: 1200,
  tags: { min: 0, max: 12 },
  tagLength: 40,
  estimatedMinutes: { min: 15, max: 180 },
} as const;

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const topicFields = [
  'id',
  'title',
  'summary',
  'goals',
  'facilitatorBriefing',
  'openingCheckIn',
  'discussionPrompts',
  'practice',
  'followUpPrompts',
  'skill',
  'catchUpSummary',
  'audiences',
  'tags',
  'estimatedMinutes',
] as const satisfies readonly (keyof Topic)[];

const promptFields = [
  'text',
  'facilitatorNote',
  'suggestedMinutes',
] as const satisfies readonly (keyof DiscussionPrompt)[];
const practiceFields = ['name', 'steps', 'minutes'] as const satisfies readonly (keyof Practice)[];

export function isTopicId(value: string): boolean {
  return value.length <= topicLimits.idLength && slugPattern.test(value);
}

export function isAudience(value: string): value is Audience {
  return (audiences as readonly string[]).includes(value);
}

export type FindTopicProblemsOptions = {
  /** Ids already taken by other topics; a topic reusing one is reported. */
  takenIds?: readonly string[];
};

/**
 * Every problem with a topic, each naming its field ("discussionPrompts: a topic needs 4 to 6
 * prompts; this one has 2"). An empty list means the topic can be used. Accepts any value so that
 * coordinator-written JSON can be checked before it is trusted as a `Topic`.
 */
export function findTopicProblems(topic: unknown, options: FindTopicProblemsOptions = {}): string[] {
  if (!isRecord(topic)) return ['topic: expected an object with the fields of a topic'];
  const problems: string[] = [];
  const report = (problem: string) => problems.push(problem);

  for (const key of Object.keys(topic)) {
    if (!(topicFields as readonly string[]).includes(key)) report(`${key}: not a field of a topic`);
  }

  const id = topic.id;
  if (checkText(report, 'id', id, topicLimits.idLength)) {
    if (!slugPattern.test(id)) {
      report(
        `id: "${id}" is not a slug; use lower-case letters, digits and single hyphens, like "self-care"`,
      );
    } else if (options.takenIds?.includes(id)) {
      report(`id: "${id}" is already used by another topic`);
    }
  }

  checkText(report, 'title', topic.title, topicLimits.titleLength);
  checkText(report, 'summary', topic.summary, topicLimits.summaryLength);
  checkTextList(report, 'goals', 'goals', topic.goals, topicLimits.goals, topicLimits.goalLength);
  checkTextList(
    report,
    'facilitatorBriefing',
    'briefing points',
    topic.facilitatorBriefing,
    topicLimits.facilitatorBriefing,
    topicLimits.briefingPointLength,
  );
  checkText(report, 'openingCheckIn', topic.openingCheckIn, topicLimits.promptLength);
  const promptMinutes = checkDiscussionPrompts(report, topic.discussionPrompts);
  const practiceMinutes = checkPractice(report, topic.practice);
  checkTextList(
    report,
    'followUpPrompts',
    'follow-up prompts',
    topic.followUpPrompts,
    topicLimits.followUpPrompts,
    topicLimits.promptLength,
  );
  checkText(report, 'skill', topic.skill, topicLimits.skillLength);
  checkText(report, 'catchUpSummary', topic.catchUpSummary, topicLimits.catchUpSummaryLength);
  checkAudiences(report, topic.audiences);
  checkTags(report, topic.tags);

  const estimated = topic.estimatedMinutes;
  if (checkMinutes(report, 'estimatedMinutes', estimated, topicLimits.estimatedMinutes)) {
    const planned = promptMinutes + practiceMinutes;
    if (planned > estimated) {
      report(
        `estimatedMinutes: the prompts and practice are planned for ${planned} minutes, ` +
          `more than the ${estimated} minutes the topic is estimated to take`,
      );
    }
  }
  return problems;
}

/**
 * Problems across a whole library: each topic's own problems prefixed with its id (or position),
 * plus ids used more than once.
 */
export function findLibraryProblems(library: readonly unknown[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  library.forEach((topic, index) => {
    const id = isRecord(topic) && typeof topic.id === 'string' ? topic.id : undefined;
    const label = id ? `topic "${id}"` : `topic ${index + 1}`;
    for (const problem of findTopicProblems(topic)) problems.push(`${label}: ${problem}`);
    if (id !== undefined) {
      if (seen.has(id)) problems.push(`${label}: id: "${id}" is used by more than one topic`);
      seen.add(id);
    }
  });
  return problems;
}

type Report = (problem: string) => void;
type Count = { readonly min: number; readonly max: number };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeCount({ min, max }: Count): string {
  return min === max ? `${min}` : `${min} to ${max}`;
}

/** Reports a missing, empty or over-long text; true when the text is usable. */
function checkText(report: Report, field: string, value: unknown, maxLength: number): value is string {
  if (value === undefined || value === null) {
    report(`${field}: required`);
    return false;
  }
  if (typeof value !== 'string') {
    report(`${field}: expected text`);
    return false;
  }
  if (value.trim() === '') {
    report(`${field}: must not be empty`);
    return false;
  }
  if (value.length > maxLength) {
    report(`${field}: at most ${maxLength} characters; this one has ${value.length}`);
    return false;
  }
  return true;
}

/** Reports a missing list or a wrong number of items; returns the items to check one by one. */
function checkList(
  report: Report,
  field: string,
  noun: string,
  value: unknown,
  count: Count,
  owner = 'a topic',
): unknown[] {
  if (value === undefined || value === null) {
    report(`${field}: required`);
    return [];
  }
  if (!Array.isArray(value)) {
    report(`${field}: expected a list`);
    return [];
  }
  const items: unknown[] = value;
  if (items.length < count.min || items.length > count.max) {
    const requirement =
      count.min === 0
        ? `${owner} has at most ${count.max} ${noun}`
        : `${owner} needs ${describeCount(count)} ${noun}`;
    report(`${field}: ${requirement}; this one has ${items.length}`);
  }
  return items;
}

function checkTextList(
  report: Report,
  field: string,
  noun: string,
  value: unknown,
  count: Count,
  maxLength: number,
  owner = 'a topic',
): void {
  const items = checkList(report, field, noun, value, count, owner);
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const itemField = `${field}[${index + 1}]`;
    if (!checkText(report, itemField, item, maxLength)) return;
    const key = item.trim().toLowerCase();
    if (seen.has(key)) report(`${itemField}: repeats an earlier item`);
    seen.add(key);
  });
}

function checkMinutes(report: Report, field: string, value: unknown, range: Count): value is number {
  if (value === undefined || value === null) {
    report(`${field}: required`);
    return false;
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    report(`${field}: expected a whole number of minutes`);
    return false;
  }
  if (value < range.min || value > range.max) {
    report(`${field}: between ${range.min} and ${range.max} minutes; this is ${value}`);
    return false;
  }
  return true;
}

/** Returns the sum of the prompts' valid suggested minutes. */
function checkDiscussionPrompts(report: Report, value: unknown): number {
  const prompts = checkList(report, 'discussionPrompts', 'prompts', value, topicLimits.discussionPrompts);
  let minutes = 0;
  const seen = new Set<string>();
  prompts.forEach((prompt, index) => {
    const field = `discussionPrompts[${index + 1}]`;
    if (!isRecord(prompt)) {
      report(`${field}: expected a prompt with text`);
      return;
    }
    for (const key of Object.keys(prompt)) {
      if (!(promptFields as readonly string[]).includes(key))
        report(`${field}.${key}: not a field of a prompt`);
    }
    if (checkText(report, `${field}.text`, prompt.text, topicLimits.promptLength)) {
      const key = prompt.text.trim().toLowerCase();
      if (seen.has(key)) report(`${field}.text: repeats an earlier prompt`);
      seen.add(key);
    }
    if (prompt.facilitatorNote !== undefined) {
      checkText(
        report,
        `${field}.facilitatorNote`,
        prompt.facilitatorNote,
        topicLimits.facilitatorNoteLength,
      );
    }
    if (
      prompt.suggestedMinutes !== undefined &&
      checkMinutes(report, `${field}.suggestedMinutes`, prompt.suggestedMinutes, topicLimits.suggestedMinutes)
    ) {
      minutes += prompt.suggestedMinutes;
    }
  });
  return minutes;
}

/** Returns the practice's minutes when valid, otherwise 0. */
function checkPractice(report: Report, value: unknown): number {
  if (value === undefined || value === null) {
    report('practice: required');
    return 0;
  }
  if (!isRecord(value)) {
    report('practice: expected a practice with a name, steps and minutes');
    return 0;
  }
  for (const key of Object.keys(value)) {
    if (!(practiceFields as readonly string[]).includes(key))
      report(`practice.${key}: not a field of a practice`);
  }
  checkText(report, 'practice.name', value.name, topicLimits.practiceNameLength);
  checkTextList(
    report,
    'practice.steps',
    'steps',
    value.steps,
    topicLimits.practiceSteps,
    topicLimits.practiceStepLength,
    'a practice',
  );
  return checkMinutes(report, 'practice.minutes', value.minutes, topicLimits.practiceMinutes)
    ? value.minutes
    : 0;
}

function checkAudiences(report: Report, value: unknown): void {
  const items = checkList(report, 'audiences', 'audiences', value, { min: 1, max: audiences.length });
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const field = `audiences[${index + 1}]`;
    if (typeof item !== 'string' || !isAudience(item)) {
      report(`${field}: expected one of ${audiences.join(', ')}`);
      return;
    }
    if (seen.has(item)) report(`${field}: "${item}" is listed twice`);
    seen.add(item);
  });
}

function checkTags(report: Report, value: unknown): void {
  const items = checkList(report, 'tags', 'tags', value, topicLimits.tags);
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const field = `tags[${index + 1}]`;
    if (!checkText(report, field, item, topicLimits.tagLength)) return;
    if (!slugPattern.test(item)) {
      report(`${field}: "${item}" is not a tag; use lower-case letters, digits and single hyphens`);
    } else if (seen.has(item)) {
      report(`${field}: "${item}" is listed twice`);
    }
    seen.add(item);
  });
}
