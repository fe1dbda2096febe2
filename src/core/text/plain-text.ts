/**
 * What text people type may contain. PostgreSQL refuses NUL in text (the request then fails with a
 * 500), an unpaired UTF-16 surrogate cannot be stored as UTF-8 either, and other control characters
 * have no business in a name or a post: they hide text, break CSV exports and terminal logs, and
 * make two names that look the same differ. Checked once, at the edge, for every text input.
 */
export type TextProblem = 'control-character' | 'line-break' | 'broken-character';

/** C0 controls other than tab and line feed, DEL, and the C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose
const controlCharacter = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** Tab, line feed and carriage return: fine in a paragraph, not in a name. */
const lineBreakOrTab = /[\t\n\r]/;
/** Half of a surrogate pair without its other half. */
const unpairedSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first thing wrong with `text`, or null. Multi-line text (a reflection, a post) may hold line
 * breaks and tabs; single-line text (a name, a title, a search) may not. A carriage return counts as a
 * control character in multi-line text: readers normalise CRLF to LF before checking.
 */
export function findTextProblem(text: string, options: { isMultiline: boolean }): TextProblem | null {
  if (controlCharacter.test(text)) return 'control-character';
  if (!options.isMultiline && lineBreakOrTab.test(text)) return 'line-break';
  if (unpairedSurrogate.test(text)) return 'broken-character';
  return null;
}

/** Windows and old Mac line endings read as one line feed, so pasted text is not refused for them. */
export function normalizeLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** What to tell the person, after the name of the field. */
export const textProblemMessages: Record<TextProblem, string> = {
  'control-character': 'must not contain control characters such as NUL',
  'line-break': 'must be one line, without line breaks or tabs',
  'broken-character': 'contains a broken character (an unpaired surrogate); type or paste it again',
};
