import { groupAgreements } from './group-agreements.ts';
import type { Topic } from './topic.ts';

export type RenderTopicOptions = {
  /** Print the group agreements before the opening check-in. Default true. */
  includeGroupAgreements?: boolean;
};

/** A printable facilitator guide for one topic, in Markdown. */
export function renderTopicAsMarkdown(topic: Topic, options: RenderTopicOptions = {}): string {
  const { includeGroupAgreements = true } = options;
  const lines: string[] = [
    `# ${inline(topic.title)}`,
    '',
    `_${inline(topic.summary)}_`,
    '',
    `About ${topic.estimatedMinutes} minutes · suits ${topic.audiences.join(', ')}`,
    '',
    '## Goals',
    '',
    ...topic.goals.map((goal) => `- ${inline(goal)}`),
    '',
    '## Facilitator briefing',
    '',
    ...topic.facilitatorBriefing.map((point) => `- ${inline(point)}`),
    '',
  ];
  if (includeGroupAgreements) {
    lines.push(
      '## Group agreements',
      '',
      ...groupAgreements.map((agreement) => `- ${inline(agreement)}`),
      '',
    );
  }
  lines.push('## Opening check-in', '', inline(topic.openingCheckIn), '', '## Discussion prompts', '');
  topic.discussionPrompts.forEach((prompt, index) => {
    const minutes = prompt.suggestedMinutes === undefined ? '' : ` _(about ${prompt.suggestedMinutes} min)_`;
    lines.push(`${index + 1}. ${inline(prompt.text)}${minutes}`);
    if (prompt.facilitatorNote !== undefined)
      lines.push(`   > Facilitator note: ${inline(prompt.facilitatorNote)}`);
  });
  lines.push(
    '',
    `## Practice: ${inline(topic.practice.name)}`,
    '',
    `About ${topic.practice.minutes} minutes.`,
    '',
    ...topic.practice.steps.map((step, index) => `${index + 1}. ${inline(step)}`),
    '',
    '## After the meeting',
    '',
    `Skill to practise: **${inline(topic.skill)}**`,
    '',
    'Follow-up reflection prompts:',
    '',
    ...topic.followUpPrompts.map((prompt) => `- ${inline(prompt)}`),
    '',
    '## For anyone who missed it',
    '',
    inline(topic.catchUpSummary),
    '',
  );
  return lines.join('\n');
}

/**
 * Keeps coordinator-written text on its own line and stops it from starting a heading, quote or
 * list, so an edited topic cannot break the guide's layout.
 */
function inline(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .replace(/^([#>*+-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}
