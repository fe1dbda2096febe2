import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Color, PDFDocument, PDFFont, PDFPage } from 'pdf-lib';
import {
  embeddingLevels,
  hasRightToLeftLetters,
  paragraphDirection,
  reverseNeutrals,
  type TextDirection,
  toVisualOrder,
} from './visual-order.ts';

/**
 * Noto fonts shipped as npm packages (TTF, which pdf-lib and fontkit embed), tried in this order for
 * each character: Latin, Greek and Cyrillic; Arabic script (Persian, Arabic, Urdu); Japanese (kana
 * and the CJK ideographs Chinese shares); emoji (monochrome). Only the glyphs used are embedded.
 */
const fontFiles = {
  regular: [
    '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
    '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
    '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf',
  ],
  bold: [
    '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
    '@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
    '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
    '@expo-google-fonts/noto-emoji/700Bold/NotoEmoji_700Bold.ttf',
  ],
} as const;

export type Weight = keyof typeof fontFiles;

type Fontkit = { create(bytes: Uint8Array): { hasGlyphForCodePoint(codePoint: number): boolean } };

// Resolved the CommonJS way so the font files are found wherever npm put the packages.
const require = createRequire(import.meta.url);
const loaded = new Map<string, Promise<{ bytes: Uint8Array; hasGlyph: (codePoint: number) => boolean }>>();

function loadFontFile(file: string) {
  let font = loaded.get(file);
  if (!font) {
    font = (async () => {
      const fontkit = require('@pdf-lib/fontkit') as Fontkit;
      const bytes = new Uint8Array(await readFile(require.resolve(file)));
      const parsed = fontkit.create(bytes);
      return { bytes, hasGlyph: (codePoint: number) => parsed.hasGlyphForCodePoint(codePoint) };
    })();
    // Read once per process: the Japanese font alone is 5 MB.
    loaded.set(file, font);
  }
  return font;
}

/** A family of fonts embedded in one document, and the one that draws each character. */
export type FontFamily = { fonts: { font: PDFFont; hasGlyph: (codePoint: number) => boolean }[] };

export async function embedFontFamily(document: PDFDocument, weight: Weight): Promise<FontFamily> {
  document.registerFontkit(require('@pdf-lib/fontkit'));
  const fonts = [];
  for (const file of fontFiles[weight]) {
    const { bytes, hasGlyph } = await loadFontFile(file);
    fonts.push({ font: await document.embedFont(bytes, { subset: true }), hasGlyph });
  }
  return { fonts };
}

type Run = { font: PDFFont; text: string; level: number };

/** Zero-width non-joiner and joiner, and the emoji variation selector: they belong to their neighbours. */
const joiners = new Set([0x200c, 0x200d, 0xfe0f]);

/**
 * The text cut into runs each drawn by the first font that has its characters (and, given the
 * bidirectional levels of its UTF-16 units, at one level). Spaces and joiners stay with the run they
 * are in; a character no font has becomes "?" rather than failing the export.
 */
export function splitIntoRuns(text: string, family: FontFamily, levels?: Uint8Array): Run[] {
  const [primary] = family.fonts;
  if (!primary) throw new Error('a font family needs at least one font');
  const runs: Run[] = [];
  let index = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    const level = levels?.[index] ?? 0;
    index += character.length;
    const current = runs.at(-1);
    const isNeutral = /\s/u.test(character) || joiners.has(codePoint);
    if (isNeutral && current && current.level === level) {
      current.text += character;
      continue;
    }
    const chosen = family.fonts.find((candidate) => candidate.hasGlyph(codePoint));
    const font = chosen?.font ?? primary.font;
    const drawn = chosen ? character : '?';
    if (current && current.font === font && current.level === level) current.text += drawn;
    else runs.push({ font, text: drawn, level });
  }
  return runs;
}

/**
 * A line's runs in the order they are drawn from the left (Unicode Bidirectional Algorithm), each
 * with its text as the font must receive it: Persian keeps its reading order (fontkit lays Arabic
 * script out right to left and joins its letters), punctuation alone at a right-to-left level is
 * reversed here.
 */
export function visualRuns(text: string, family: FontFamily, direction: TextDirection): Run[] {
  const runs = splitIntoRuns(text, family, embeddingLevels(text, direction));
  return toVisualOrder(runs).map((run) =>
    run.level % 2 === 1 && !hasRightToLeftLetters(run.text)
      ? { ...run, text: reverseNeutrals(run.text) }
      : run,
  );
}

export function widthOf(text: string, family: FontFamily, size: number): number {
  return splitIntoRuns(text, family).reduce(
    (sum, run) => sum + run.font.widthOfTextAtSize(run.text, size),
    0,
  );
}

/**
 * Draws one line of a paragraph, run by run in visual order; fontkit shapes each run. A line of a
 * right-to-left paragraph is set against the right edge of `width` when it is given.
 */
export function drawLine(
  page: PDFPage,
  text: string,
  family: FontFamily,
  at: { x: number; y: number; size: number; color?: Color; direction?: TextDirection; width?: number },
) {
  const direction = at.direction ?? paragraphDirection(text);
  const runs = visualRuns(text, family, direction);
  const lineWidth = runs.reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, at.size), 0);
  let x = direction === 'rtl' && at.width !== undefined ? at.x + at.width - lineWidth : at.x;
  for (const run of runs) {
    page.drawText(run.text, {
      x,
      y: at.y,
      size: at.size,
      font: run.font,
      ...(at.color ? { color: at.color } : {}),
    });
    x += run.font.widthOfTextAtSize(run.text, at.size);
  }
}
