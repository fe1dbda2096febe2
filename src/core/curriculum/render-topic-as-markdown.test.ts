import { describe, expect, it } from 'vitest';
import { groupAgreements } from './group-agreements.ts';
import { growthMindset } from './library/growth-mindset.ts';
import { topicLibrary } from './library.ts';
import { renderTopicAsMarkdown } from './render-topic-as-markdown.ts';
import type { Topic } from './topic.ts';

describe('renderTopicAsMarkdown', () => {
  it('prints the discussion prompts numbered and in order', () => {
    const markdown = renderTopicAsMarkdown(growthMindset);
    let position = -1;
    growthMindset.discussionPrompts.forEach((prompt, index) => {
      const next = markdown.indexOf(`${index + 1}. ${prompt.text}`);
      expect(next).toBeGreaterThan(position);
      position = next;
    });
  });

  it('gives the facilitator everything needed to run the meeting', () => {
    const markdown = renderTopicAsMarkdown(growthMindset);
    expect(markdown.startsWith(`# ${growthMindset.title}\n`)).toBe(true);
    const pieces = [
      growthMindset.summary,
      ...growthMindset.goals,
      ...growthMindset.facilitatorBriefing,
      growthMindset.openingCheckIn,
      growthMindset.practice.name,
      ...growthMindset.practice.steps,
      growthMindset.skill,
      ...growthMindset.followUpPrompts,
      growthMindset.catchUpSummary,
    ];
    for (const piece of pieces) expect(markdown).toContain(piece);
    for (const prompt of growthMindset.discussionPrompts) {
      if (prompt.facilitatorNote) expect(markdown).toContain(`> Facilitator note: ${prompt.facilitatorNote}`);
      if (prompt.suggestedMinutes) expect(markdown).toContain(`about ${prompt.suggestedMinutes} min`);
    }
  });

  it('opens with the group agreements unless asked not to', () => {
    expect(renderTopicAsMarkdown(growthMindset)).toContain(groupAgreements[1]);
    expect(renderTopicAsMarkdown(growthMindset, { includeGroupAgreements: false })).not.toContain(
      groupAgreements[1],
    );
  });

  it('keeps coordinator-written text from breaking the layout', () => {
    const edited: Topic = { ...growthMindset, openingCheckIn: 'How are you?\n# Not a heading' };
    const markdown = renderTopicAsMarkdown(edited);
    expect(markdown).toContain('How are you? # Not a heading');
    expect(markdown).not.toMatch(/^# Not a heading/m);
  });

  it('escapes coordinator text that would start a heading, quote or list', () => {
    const edited: Topic = {
      ...growthMindset,
      openingCheckIn: '# Welcome',
      catchUpSummary: '1. We met. 2. We talked.',
      followUpPrompts: ['- What happened?', '> Did it help?'],
    };
    const markdown = renderTopicAsMarkdown(edited);
    expect(markdown).toContain('\\# Welcome');
    expect(markdown).toContain('1\\. We met. 2. We talked.');
    expect(markdown).toContain('- \\- What happened?');
    expect(markdown).toContain('- \\> Did it help?');
  });

  it('renders every shipped topic', () => {
    for (const topic of topicLibrary) expect(renderTopicAsMarkdown(topic)).toContain(`# ${topic.title}`);
  });
});
