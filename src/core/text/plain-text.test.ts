import { describe, expect, it } from 'vitest';
import { findTextProblem, normalizeLineBreaks } from './plain-text.ts';

const single = { isMultiline: false };
const multi = { isMultiline: true };

describe('findTextProblem', () => {
  it('accepts ordinary text in any script, emoji included', () => {
    for (const text of ['Ana María', 'Zoë O’Brien', '李小龙', 'مرحبا', 'Thanks 🙏🏽', '']) {
      expect(findTextProblem(text, single)).toBeNull();
    }
  });

  it('refuses NUL, other C0 controls, DEL and C1 controls in any text', () => {
    for (const character of ['\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\u009f']) {
      expect(findTextProblem(`a${character}b`, multi)).toBe('control-character');
      expect(findTextProblem(`a${character}b`, single)).toBe('control-character');
    }
  });

  it('allows line breaks and tabs in multi-line text only', () => {
    expect(findTextProblem('first\n\tsecond', multi)).toBeNull();
    expect(findTextProblem('first\nsecond', single)).toBe('line-break');
    expect(findTextProblem('first\tsecond', single)).toBe('line-break');
  });

  it('refuses half of a surrogate pair', () => {
    expect(findTextProblem('a\uD83Db', multi)).toBe('broken-character');
    expect(findTextProblem('a\uDE4Fb', single)).toBe('broken-character');
  });

  it('reads CRLF and CR line endings as LF', () => {
    const text = normalizeLineBreaks('one\r\ntwo\rthree');
    expect(text).toBe('one\ntwo\nthree');
    expect(findTextProblem(text, multi)).toBeNull();
  });
});
