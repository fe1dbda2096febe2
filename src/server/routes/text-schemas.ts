import { z } from 'zod';
import { findTextProblem, normalizeLineBreaks, textProblemMessages } from '../../core/text/plain-text.ts';

/**
 * Every string a person sends goes through one of these two, so what text may contain is decided once
 * (see core/text/plain-text.ts). Chain the field's own limits after them, e.g.
 * `ShortTextSchema.min(1, 'is required').max(200)`: their check runs first, so a NUL is reported as
 * such rather than as a length. Identifiers use z.uuid/z.enum, which refuse control characters already.
 */
const refuseProblems = (isMultiline: boolean) => (text: string, context: z.core.$RefinementCtx<string>) => {
  const problem = findTextProblem(text, { isMultiline });
  if (problem) context.addIssue({ code: 'custom', message: textProblemMessages[problem], input: text });
};

/** One line — a name, a title, a search, a time zone — trimmed; no line breaks, tabs or control characters. */
export const ShortTextSchema = z.string().trim().superRefine(refuseProblems(false));

/**
 * Paragraphs — a reflection, a post, a note — with line breaks (CRLF read as LF) and tabs, but no
 * other control characters. Not trimmed: add `.trim()` where surrounding blank lines mean nothing.
 */
export const LongTextSchema = z.string().overwrite(normalizeLineBreaks).superRefine(refuseProblems(true));

/**
 * A document whose shape the core checks (a topic): every string in it, at any depth, is held to the
 * multi-line rules and every key to the one-line rules, and a problem is reported at its own path.
 */
export const TextDocumentSchema = z.record(z.string(), z.unknown()).superRefine((document, context) => {
  const visit = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      const problem = findTextProblem(normalizeLineBreaks(value), { isMultiline: true });
      if (problem)
        context.addIssue({ code: 'custom', message: textProblemMessages[problem], path, input: value });
    } else if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) visit(item, [...path, index]);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        const problem = findTextProblem(key, { isMultiline: false });
        if (problem)
          context.addIssue({ code: 'custom', message: `key ${textProblemMessages[problem]}`, path });
        else visit(item, [...path, key]);
      }
    }
  };
  visit(document, []);
});
