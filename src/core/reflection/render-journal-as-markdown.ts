import type { SkillUse } from './compute-habit-weeks.ts';

export type JournalEntry = {
  topicTitle: string;
  skill: string;
  prompt: string;
  answer: string;
  skillUsed: SkillUse;
  intention: string | null;
  /** The date the reflection was written, as the reader's calendar shows it (yyyy-mm-dd). */
  writtenOn: string;
  isSharedWithGroup: boolean;
};

const skillUseWords: Record<SkillUse, string> = { yes: 'yes', tried: 'tried', 'not-yet': 'not yet' };

/** A person's own journal as Markdown, oldest first, for them to keep. */
export function renderJournalAsMarkdown(input: {
  ownerName: string;
  generatedOn: string;
  entries: readonly JournalEntry[];
  currentStreak: number;
}): string {
  const lines = [
    `# Reflection journal — ${inline(input.ownerName)}`,
    '',
    `_Exported from Tend on ${input.generatedOn}. ${input.entries.length} reflection${input.entries.length === 1 ? '' : 's'}; ` +
      `practised the skill ${input.currentStreak} week${input.currentStreak === 1 ? '' : 's'} in a row._`,
    '',
  ];
  const practised = [
    ...new Set(input.entries.filter((entry) => entry.skillUsed !== 'not-yet').map((entry) => entry.skill)),
  ];
  if (practised.length > 0) {
    lines.push('## Skills practised', '', ...practised.map((skill) => `- ${inline(skill)}`), '');
  }
  for (const entry of input.entries) {
    lines.push(
      `## ${entry.writtenOn} · ${inline(entry.topicTitle)}`,
      '',
      `> ${inline(entry.prompt)}`,
      '',
      ...entry.answer
        .trim()
        .split(/\n\s*\n/)
        .flatMap((paragraph) => [inline(paragraph), '']),
      `Used the skill (${inline(entry.skill)}): **${skillUseWords[entry.skillUsed]}**`,
      '',
    );
    if (entry.intention) lines.push(`Next: ${inline(entry.intention)}`, '');
    if (entry.isSharedWithGroup) lines.push('_Shared with my group._', '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** One line of Markdown: no line breaks, and nothing at its start that Markdown would read as syntax. */
function inline(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .replace(/^([#>*+-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}
