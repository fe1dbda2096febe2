import type { Bidi } from 'bidi-js';
import * as bidiJs from 'bidi-js';

// bidi-js is CommonJS whose module object is the factory; its types describe an ES default export.
const bidi = (bidiJs.default as unknown as () => Bidi)();

export type TextDirection = 'ltr' | 'rtl';

/** The direction a paragraph reads in: that of its first letter that has one (Unicode rules P2–P3). */
export function paragraphDirection(text: string): TextDirection {
  const [paragraph] = bidi.getEmbeddingLevels(text).paragraphs;
  return (paragraph?.level ?? 0) % 2 === 1 ? 'rtl' : 'ltr';
}

/** The embedding level of each UTF-16 unit of a line, in a paragraph of the given direction. */
export function embeddingLevels(text: string, direction: TextDirection): Uint8Array {
  return bidi.getEmbeddingLevels(text, direction).levels;
}

/**
 * Runs (each at one level) from reading order into the order they are drawn from the left: from the
 * highest level down to the lowest odd one, every stretch of runs at that level or above is reversed
 * (Unicode rule L2), so a Latin word inside a Persian sentence lands where a reader expects it.
 */
export function toVisualOrder<Run extends { level: number }>(runs: Run[]): Run[] {
  const ordered = [...runs];
  const highest = Math.max(0, ...ordered.map((run) => run.level));
  const lowestOdd = Math.min(
    ...ordered.map((run) => run.level).filter((level) => level % 2 === 1),
    highest + 1,
  );
  for (let level = highest; level >= lowestOdd; level--) {
    for (let start = 0; start < ordered.length; start++) {
      if ((ordered[start]?.level ?? -1) < level) continue;
      let end = start;
      while (end + 1 < ordered.length && (ordered[end + 1]?.level ?? -1) >= level) end++;
      ordered.splice(start, end - start + 1, ...ordered.slice(start, end + 1).reverse());
      start = end;
    }
  }
  return ordered;
}

/** Whether a script's own layout reads this text right to left (fontkit then orders its glyphs itself). */
export function hasRightToLeftLetters(text: string): boolean {
  for (const character of text) {
    const type = bidi.getBidiCharTypeName(character);
    if (type === 'R' || type === 'AL') return true;
  }
  return false;
}

/**
 * Neutral characters (punctuation, spaces) at a right-to-left level with no right-to-left letter
 * among them: no script tells the font to reverse them, so they are reversed here, brackets mirrored.
 */
export function reverseNeutrals(text: string): string {
  return [...text]
    .reverse()
    .map((character) => bidi.getMirroredCharacter(character) ?? character)
    .join('');
}
