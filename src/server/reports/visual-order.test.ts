import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedFontFamily, visualRuns } from './unicode-pdf-text.ts';
import { paragraphDirection } from './visual-order.ts';

/** Runs from the left as drawn; Persian inside a run stays in reading order (fontkit lays it out). */
async function drawnFromLeft(text: string, direction: 'ltr' | 'rtl') {
  const family = await embedFontFamily(await PDFDocument.create(), 'regular');
  return visualRuns(text, family, direction).map((run) => run.text);
}

describe('lines that mix right-to-left and left-to-right text in a PDF', () => {
  it('reads a paragraph’s direction from its first letter', () => {
    expect(paragraphDirection('امروز ICU شلوغ بود')).toBe('rtl');
    expect(paragraphDirection('The ICU was busy: شلوغ')).toBe('ltr');
  });

  it('places an English word inside a Persian sentence where a Persian reader expects it', async () => {
    // Read right to left: "امروز", then "ICU", then "شلوغ بود" — so drawn from the left in reverse.
    expect(await drawnFromLeft('امروز ICU شلوغ بود', 'rtl')).toEqual(['شلوغ بود', ' ', 'ICU', 'امروز ']);
  });

  it('keeps a Persian phrase inside an English sentence together, in its own order', async () => {
    expect(await drawnFromLeft('I wrote امروز سخت بود today', 'ltr')).toEqual([
      'I wrote ',
      'امروز سخت بود',
      ' today',
    ]);
  });

  it('mirrors brackets around English in a Persian line', async () => {
    // Logically ")" comes last; drawn leftmost, it must show as "(". The space after "سلام" is laid out
    // by fontkit with the Persian word, to its left.
    expect(await drawnFromLeft('سلام (ICU)', 'rtl')).toEqual(['(', 'ICU', ')', 'سلام ']);
  });
});
