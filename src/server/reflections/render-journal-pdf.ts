import type { PDFFont } from 'pdf-lib';

const pageWidth = 595.28;
const pageHeight = 841.89;
const margin = 56;

/**
 * The journal's Markdown laid out as a plain A4 PDF: headings in bold, quotes indented, paragraphs
 * wrapped. The standard fonts cover Western European text; other characters print as "?".
 */
export async function renderJournalPdf(markdown: string, title: string): Promise<Uint8Array> {
  // pdf-lib is hundreds of modules: loaded on the first PDF, not at every start-up.
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const document = await PDFDocument.create();
  document.setTitle(title);
  document.setProducer('Tend');
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  let page = document.addPage([pageWidth, pageHeight]);
  let y = pageHeight - margin;

  const write = (text: string, font: PDFFont, size: number, indent = 0) => {
    for (const line of wrap(printable(text, font), font, size, pageWidth - 2 * margin - indent)) {
      if (y < margin + size) {
        page = document.addPage([pageWidth, pageHeight]);
        y = pageHeight - margin;
      }
      page.drawText(line, { x: margin + indent, y: y - size, size, font });
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

/** Characters the font cannot draw become "?", so any answer can be exported. */
function printable(text: string, font: PDFFont): string {
  return [...text]
    .map((character) => {
      try {
        font.encodeText(character);
        return character;
      } catch {
        return '?';
      }
    })
    .join('');
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    const candidate = current ? `${current} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width || !current) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines;
}
