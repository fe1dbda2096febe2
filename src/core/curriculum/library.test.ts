import { describe, expect, it } from 'vitest';
import { groupAgreements } from './group-agreements.ts';
import { topicLibrary } from './library.ts';
import { findLibraryProblems, findTopicProblems } from './topic.ts';

/** The subjects the evidence names; the library must always cover each of them. */
const requiredTopicIds = [
  'stress-anxiety-and-burnout',
  'self-care-and-boundaries',
  'self-efficacy',
  'emotional-intelligence',
  'strengths-based-practice',
  'trauma-informed-care',
  'vicarious-trauma-and-resilience',
  'compassion-satisfaction',
  'peer-support-and-help-seeking',
  'errors-and-patient-death',
  'growth-mindset',
];

describe('topicLibrary', () => {
  it.each(topicLibrary.map((topic) => [topic.id, topic] as const))(
    'ships %s with no problems',
    (_id, topic) => {
      expect(findTopicProblems(topic)).toEqual([]);
    },
  );

  it('gives every topic its own id', () => {
    const ids = topicLibrary.map((topic) => topic.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(findLibraryProblems(topicLibrary)).toEqual([]);
  });

  it('covers every subject the evidence names', () => {
    const ids = topicLibrary.map((topic) => topic.id);
    for (const id of requiredTopicIds) expect(ids).toContain(id);
  });

  it('fits every topic into about an hour', () => {
    for (const topic of topicLibrary) expect(topic.estimatedMinutes).toBe(60);
  });

  it('suits mixed groups: every topic is for students, residents, practitioners and faculty', () => {
    for (const topic of topicLibrary) {
      expect([...topic.audiences].sort()).toEqual(['faculty', 'practitioners', 'residents', 'students']);
    }
  });

  it('never pressures disclosure: every opening check-in offers a pass', () => {
    for (const topic of topicLibrary) expect(topic.openingCheckIn).toMatch(/you can pass/i);
  });

  it('tells every facilitator where to point someone who needs more support', () => {
    const supportWords =
      /counselling|employee assistance|student support|crisis|support services|supervision/i;
    for (const topic of topicLibrary) {
      expect(
        topic.facilitatorBriefing.some((point) => supportWords.test(point)),
        topic.id,
      ).toBe(true);
    }
  });

  it('names the five trauma-informed principles', () => {
    const topic = topicLibrary.find(({ id }) => id === 'trauma-informed-care');
    for (const principle of ['safety', 'choice', 'collaboration', 'trust', 'empowerment']) {
      expect(topic?.summary).toContain(principle);
    }
  });
});

describe('groupAgreements', () => {
  it('promises confidentiality and a pass', () => {
    const text = groupAgreements.join(' ');
    expect(text).toContain('What is said here stays here; what is learned here leaves here.');
    expect(text).toMatch(/pass/);
    expect(text).toMatch(/voluntary/);
  });
});
