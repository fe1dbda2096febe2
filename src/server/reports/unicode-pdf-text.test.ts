import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderJournalPdf } from '../reflections/render-journal-pdf.ts';
import { embedFontFamily, splitIntoRuns } from './unicode-pdf-text.ts';

const persian = 'امروز سخت بود';
const japanese = '今日は大変でした';
const emoji = '🙂';

describe('text in any language in a PDF', () => {
  it('draws Persian, Japanese and emoji each with a font that has them, never as "?"', async () => {
    const document = await PDFDocument.create();
    const family = await embedFontFamily(document, 'regular');
    const runs = splitIntoRuns(`A hard day: ${persian} ${japanese} ${emoji}`, family);
    expect(runs.map((run) => run.text).join('')).toBe(`A hard day: ${persian} ${japanese} ${emoji}`);
    const fontOf = (text: string) => runs.find((run) => run.text.includes(text))?.font.name;
    expect(fontOf('A hard day')).toMatch(/NotoSans-Regular/);
    expect(fontOf(persian)).toMatch(/NotoSansArabic/);
    expect(fontOf(japanese)).toMatch(/NotoSansJP/);
    expect(fontOf(emoji)).toMatch(/NotoEmoji/);
  });

  it('prints "?" only for a character no font has, and keeps the rest', async () => {
    const document = await PDFDocument.create();
    const family = await embedFontFamily(document, 'bold');
    const unassigned = String.fromCodePoint(0x10ffff);
    expect(
      splitIntoRuns(`ok${unassigned}`, family)
        .map((run) => run.text)
        .join(''),
    ).toBe('ok?');
  });

  it('exports a journal in several scripts as a PDF that opens', async () => {
    const bytes = await renderJournalPdf(
      `# My journal\n\n## Noticing stress\n\n> What helped?\n\n${persian}\n\n${japanese} ${emoji}`,
      'My journal',
    );
    const reopened = await PDFDocument.load(bytes);
    expect(reopened.getPageCount()).toBe(1);
    expect(reopened.getTitle()).toBe('My journal');
  });
});
