import { drawLine, embedFontFamily, type FontFamily, widthOf } from '../reports/unicode-pdf-text.ts';
import { paragraphDirection } from '../reports/visual-order.ts';

const pageWidth = 595.28;
const pageHeight = 841.89;
const margin = 56;

/**
 * The journal's Markdown laid out as a plain A4 PDF: headings in bold, quotes indented, paragraphs
 * wrapped, in Noto fonts so Persian, Japanese, emoji and every other language people write in print.
 */
export async function renderJournalPdf(markdown: string, title: string): Promise<Uint8Array> {
  // pdf-lib is hundreds of modules: loaded on the first PDF, not at every start-up.
  const { PDFDocument } = await import('pdf-lib');
  const document = await PDFDocument.create();
  document.setTitle(title);
  document.setProducer('Tend');
  const regular = await embedFontFamily(document, 'regular');
  const bold = await embedFontFamily(document, 'bold');
  let page = document.addPage([pageWidth, pageHeight]);
  let y = pageHeight - margin;

  const write = (text: string, font: FontFamily, size: number, indent = 0) => {
    // The whole paragraph's direction, so each of its wrapped lines is set the same way.
    const direction = paragraphDirection(text);
    const width = pageWidth - 2 * margin - indent;
    for (const line of wrap(text, font, size, width)) {
      if (y < margin + size) {
        page = document.addPage([pageWidth, pageHeight]);
        y = pageHeight - margin;
      }
      drawLine(page, line, font, { x: margin + indent, y: y - size, size, direction, width });
      y -= size * 1.4;
    }
  };

  for (const line of markdown.split('\n')) {
    if (line.startsWith('# ')) write(line.slice(2), bold, 18);
    else if (line.startsWith('## ')) {
      y -= 6;
      write(line.slice(3), bold, 13);
    } else if (line.startsWith('> ')) write(line.slice(2), regular, 11, 16);
    else if (line.trim() === '') y -= 6;
    else write(line.replace(/\*\*|(^_|_$)/g, '').replace(/\\([#>*+\-.)])/g, '$1'), regular, 11);
  }
  return document.save();
}

function wrap(text: string, font: FontFamily, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    const candidate = current ? `${current} ${word}` : word;
    if (widthOf(candidate, font, size) <= width || !current) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines;
}
