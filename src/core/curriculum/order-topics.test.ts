import { describe, expect, it } from 'vitest';
import { findTopic } from './find-topic.ts';
import { topicLibrary } from './library.ts';
import { orderTopics } from './order-topics.ts';

describe('findTopic', () => {
  it('finds a topic by id, and nothing for an unknown id', () => {
    expect(findTopic(topicLibrary, 'growth-mindset')?.title).toMatch(/growth mindset/i);
    expect(findTopic(topicLibrary, 'no-such-topic')).toBeUndefined();
  });
});

describe('orderTopics', () => {
  it('returns topics in the order the program chose', () => {
    const result = orderTopics(topicLibrary, ['compassion-satisfaction', 'growth-mindset', 'self-efficacy']);
    expect(result.topics.map((topic) => topic.id)).toEqual([
      'compassion-satisfaction',
      'growth-mindset',
      'self-efficacy',
    ]);
    expect(result.unknownIds).toEqual([]);
    expect(result.repeatedIds).toEqual([]);
  });

  it('reports unknown ids instead of throwing, and keeps the rest', () => {
    const result = orderTopics(topicLibrary, ['sleep-hygiene', 'growth-mindset', 'Growth-Mindset']);
    expect(result.topics.map((topic) => topic.id)).toEqual(['growth-mindset']);
    expect(result.unknownIds).toEqual(['sleep-hygiene', 'Growth-Mindset']);
  });

  it('keeps a repeated id at its first position and reports it', () => {
    const result = orderTopics(topicLibrary, ['self-efficacy', 'growth-mindset', 'self-efficacy']);
    expect(result.topics.map((topic) => topic.id)).toEqual(['self-efficacy', 'growth-mindset']);
    expect(result.repeatedIds).toEqual(['self-efficacy']);
  });

  it('returns nothing for an empty choice', () => {
    expect(orderTopics(topicLibrary, [])).toEqual({ topics: [], unknownIds: [], repeatedIds: [] });
  });
});
