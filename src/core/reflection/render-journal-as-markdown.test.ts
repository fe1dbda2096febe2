import { describe, expect, it } from 'vitest';
import { renderJournalAsMarkdown } from './render-journal-as-markdown.ts';

describe('renderJournalAsMarkdown', () => {
  it('writes each reflection under its date and topic, with the skills practised first', () => {
    const markdown = renderJournalAsMarkdown({
      ownerName: 'Ana',
      generatedOn: '2027-02-01',
      currentStreak: 1,
      entries: [
        {
          topicTitle: 'Stress and the body',
          skill: 'Box breathing',
          prompt: 'When did you notice stress?',
          answer: '# Monday\nbefore rounds',
          skillUsed: 'tried',
          intention: 'Breathe before handover',
          writtenOn: '2027-01-13',
          isSharedWithGroup: true,
        },
      ],
    });
    expect(markdown).toContain('# Reflection journal — Ana');
    expect(markdown).toContain('## Skills practised\n\n- Box breathing');
    expect(markdown).toContain('## 2027-01-13 · Stress and the body');
    expect(markdown).toContain('> When did you notice stress?');
    // An answer cannot inject a heading into the journal.
    expect(markdown).toContain('\\# Monday before rounds');
    expect(markdown).toContain('Used the skill (Box breathing): **tried**');
    expect(markdown).toContain('Next: Breathe before handover');
    expect(markdown).toContain('_Shared with my group._');
  });
});
