import { describe, expect, it } from 'vitest';
import { selfCareAndBoundaries } from './library/self-care-and-boundaries.ts';
import { findLibraryProblems, findTopicProblems, isTopicId, type Topic } from './topic.ts';

/** A valid topic to break one field at a time. */
function validTopic(): Topic {
  return structuredClone(selfCareAndBoundaries);
}

/** The topic as a coordinator might send it: any shape at all. */
function editedTopic(edit: (topic: Record<string, unknown>) => void): Record<string, unknown> {
  const topic: Record<string, unknown> = { ...validTopic() };
  edit(topic);
  return topic;
}

describe('findTopicProblems', () => {
  it('finds no problems in a complete topic', () => {
    expect(findTopicProblems(validTopic())).toEqual([]);
  });

  it('rejects something that is not a topic at all', () => {
    expect(findTopicProblems(null)).toEqual(['topic: expected an object with the fields of a topic']);
    expect(findTopicProblems(['a list'])).toEqual(['topic: expected an object with the fields of a topic']);
  });

  it('names every missing required field', () => {
    const problems = findTopicProblems({});
    for (const field of [
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
    ]) {
      expect(problems).toContain(`${field}: required`);
    }
  });

  it('reports empty text and text of the wrong type', () => {
    const problems = findTopicProblems(
      editedTopic((topic) => {
        topic.title = '   ';
        topic.summary = 42;
      }),
    );
    expect(problems).toEqual(['title: must not be empty', 'summary: expected text']);
  });

  it('reports too few or too many discussion prompts, with the count', () => {
    const topic = validTopic();
    expect(findTopicProblems({ ...topic, discussionPrompts: topic.discussionPrompts.slice(0, 2) })).toEqual([
      'discussionPrompts: a topic needs 4 to 6 prompts; this one has 2',
    ]);
    const seven = Array.from({ length: 7 }, (_, index) => ({ text: `Prompt ${index + 1}?` }));
    expect(findTopicProblems({ ...topic, discussionPrompts: seven })).toEqual([
      'discussionPrompts: a topic needs 4 to 6 prompts; this one has 7',
    ]);
  });

  it('reports the number of follow-up prompts, goals, briefing points and practice steps', () => {
    const topic = validTopic();
    const problems = findTopicProblems({
      ...topic,
      followUpPrompts: ['Only one?'],
      goals: ['One', 'Two', 'Three', 'Four', 'Five'],
      facilitatorBriefing: ['Too short a briefing.'],
      practice: { ...topic.practice, steps: ['Just one step.'] },
    });
    expect(problems).toEqual([
      'goals: a topic needs 2 to 4 goals; this one has 5',
      'facilitatorBriefing: a topic needs 3 to 6 briefing points; this one has 1',
      'practice.steps: a practice needs 3 to 6 steps; this one has 1',
      'followUpPrompts: a topic needs 2 to 4 follow-up prompts; this one has 1',
    ]);
  });

  it('reports text over its length limit, naming the item', () => {
    const topic = validTopic();
    const longPrompt = 'Why? '.repeat(121);
    const problems = findTopicProblems({
      ...topic,
      title: 'T'.repeat(121),
      discussionPrompts: topic.discussionPrompts.map((prompt, index) =>
        index === 2 ? { ...prompt, text: longPrompt } : prompt,
      ),
    });
    expect(problems).toEqual([
      'title: at most 120 characters; this one has 121',
      `discussionPrompts[3].text: at most 600 characters; this one has ${longPrompt.length}`,
    ]);
  });

  it('reports an id that is not a kebab-case slug', () => {
    for (const id of ['Self Care', 'self_care', '-self-care', 'self--care', 'self-care-']) {
      expect(findTopicProblems({ ...validTopic(), id })).toEqual([
        `id: "${id}" is not a slug; use lower-case letters, digits and single hyphens, like "self-care"`,
      ]);
    }
  });

  it('reports an id already used by another topic', () => {
    expect(findTopicProblems(validTopic(), { takenIds: ['self-care-and-boundaries'] })).toEqual([
      'id: "self-care-and-boundaries" is already used by another topic',
    ]);
  });

  it('reports unknown and repeated audiences', () => {
    expect(findTopicProblems({ ...validTopic(), audiences: ['students', 'patients', 'students'] })).toEqual([
      'audiences[2]: expected one of students, residents, practitioners, faculty',
      'audiences[3]: "students" is listed twice',
    ]);
    expect(findTopicProblems({ ...validTopic(), audiences: [] })).toEqual([
      'audiences: a topic needs 1 to 4 audiences; this one has 0',
    ]);
  });

  it('reports tags that are not kebab-case', () => {
    expect(findTopicProblems({ ...validTopic(), tags: ['Work Life'] })).toEqual([
      'tags[1]: "Work Life" is not a tag; use lower-case letters, digits and single hyphens',
    ]);
  });

  it('reports minutes that are not whole, or out of range', () => {
    const topic = validTopic();
    const problems = findTopicProblems({
      ...topic,
      estimatedMinutes: 7.5,
      practice: { ...topic.practice, minutes: 90 },
      discussionPrompts: topic.discussionPrompts.map((prompt, index) =>
        index === 0 ? { ...prompt, suggestedMinutes: 0 } : prompt,
      ),
    });
    expect(problems).toEqual([
      'discussionPrompts[1].suggestedMinutes: between 1 and 60 minutes; this is 0',
      'practice.minutes: between 1 and 30 minutes; this is 90',
      'estimatedMinutes: expected a whole number of minutes',
    ]);
  });

  it('reports a plan that does not fit the estimated time', () => {
    expect(findTopicProblems({ ...validTopic(), estimatedMinutes: 30 })).toEqual([
      'estimatedMinutes: the prompts and practice are planned for 44 minutes, more than the 30 minutes the topic is estimated to take',
    ]);
  });

  it('reports repeated prompts and follow-ups', () => {
    const topic = validTopic();
    const [first, second] = topic.followUpPrompts;
    const problems = findTopicProblems({
      ...topic,
      discussionPrompts: [...topic.discussionPrompts.slice(0, 4), { text: topic.discussionPrompts[0]!.text }],
      followUpPrompts: [first, second, first],
    });
    expect(problems).toEqual([
      'discussionPrompts[5].text: repeats an earlier prompt',
      'followUpPrompts[3]: repeats an earlier item',
    ]);
  });

  it('reports fields that are not part of a topic, so typos are not silently dropped', () => {
    const topic = validTopic();
    const problems = findTopicProblems({
      ...topic,
      sumary: 'A typo.',
      practice: { ...topic.practice, durationMinutes: 5 },
      discussionPrompts: topic.discussionPrompts.map((prompt, index) =>
        index === 1 ? { ...prompt, note: 'typo' } : prompt,
      ),
    });
    expect(problems).toEqual([
      'sumary: not a field of a topic',
      'discussionPrompts[2].note: not a field of a prompt',
      'practice.durationMinutes: not a field of a practice',
    ]);
  });

  it('reports a prompt that is not an object with text', () => {
    const topic = validTopic();
    const problems = findTopicProblems({
      ...topic,
      discussionPrompts: ['Just a string?', ...topic.discussionPrompts.slice(1)],
    });
    expect(problems).toEqual(['discussionPrompts[1]: expected a prompt with text']);
  });
});

describe('findLibraryProblems', () => {
  it('prefixes each problem with the topic and reports ids used twice', () => {
    const topic = validTopic();
    expect(findLibraryProblems([topic, { ...topic, title: '' }])).toEqual([
      'topic "self-care-and-boundaries": title: must not be empty',
      'topic "self-care-and-boundaries": id: "self-care-and-boundaries" is used by more than one topic',
    ]);
  });

  it('labels a topic without an id by its position', () => {
    const { id: _id, ...withoutId } = validTopic();
    expect(findLibraryProblems([validTopic(), withoutId])).toEqual(['topic 2: id: required']);
  });
});

describe('isTopicId', () => {
  it('accepts kebab-case slugs up to 60 characters', () => {
    expect(isTopicId('growth-mindset')).toBe(true);
    expect(isTopicId('a'.repeat(61))).toBe(false);
    expect(isTopicId('Growth')).toBe(false);
  });
});
