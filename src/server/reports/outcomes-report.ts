import type { PDFPage } from 'pdf-lib';
import { describeHiddenFigure } from '../../core/evaluation/describe-hidden-figure.ts';
import type { SuppressionReason } from '../../core/evaluation/release-aggregates.ts';
import { describeReliabilityOf } from '../../core/instruments/describe-reliability.ts';
import type { GroupRef } from '../../core/measurement/outcomes.ts';
import type { OutcomesView } from '../services/outcomes.ts';
import { drawLine, embedFontFamily, type FontFamily, widthOf } from './unicode-pdf-text.ts';

/**
 * The printable program-evaluation report a coordinator hands to leadership: the same released
 * figures as the dashboard (nothing else is available to it), as HTML to print and as a PDF.
 */

type Table = { title: string; note?: string; header: string[]; rows: string[][] };
type Report = {
  title: string;
  subtitle: string;
  paragraphs: string[];
  tables: Table[];
  attribution: string[];
};

const decimals = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? '—' : value.toFixed(digits);

function groupName(group: GroupRef): string {
  return group ? group.label : 'Everyone';
}

export function composeOutcomesReport(view: OutcomesView, generatedAt: Date): Report {
  const { instrument, outcomes } = view;
  // Says why: a group too small, or a figure hidden only so that others cannot be subtracted.
  const hiddenText = (hidden: { reason: SuppressionReason }) =>
    describeHiddenFigure(hidden.reason, outcomes.minimumGroupSize);
  const titleOf = (windowId: string | null) =>
    outcomes.windows.find((window) => window.id === windowId)?.title ?? '—';
  const nameOf = (subscaleId: string) =>
    instrument.subscales.find((entry) => entry.id === subscaleId)?.name ?? subscaleId;
  const tables: Table[] = [];

  tables.push({
    title: 'Scores over time (mean, SD)',
    header: ['Window', 'Group', 'People', ...instrument.subscales.map((subscale) => subscale.name)],
    rows: outcomes.trend.map((point) =>
      point.result.status === 'released'
        ? [
            titleOf(point.windowId),
            groupName(point.group),
            String(point.result.n),
            ...point.result.subscales.map(
              (entry) => `${decimals(entry.mean)} (${decimals(entry.standardDeviation)})`,
            ),
          ]
        : [
            titleOf(point.windowId),
            groupName(point.group),
            hiddenText(point.result),
            ...instrument.subscales.map(() => ''),
          ],
    ),
  });

  for (const subscale of instrument.subscales) {
    tables.push({
      title: `${subscale.name}: how people are spread across the ranges (${titleOf(outcomes.focusWindowId)})`,
      header: ['Group', 'People', ...subscale.bands.map((band) => band.label)],
      rows: outcomes.distributions
        .filter((entry) => entry.subscaleId === subscale.id)
        .map((entry) =>
          entry.result.status === 'released'
            ? [
                groupName(entry.group),
                String(entry.result.n),
                ...entry.result.bands.map((band) =>
                  band.count === null
                    ? 'hidden'
                    : `${band.count} (${Math.round((100 * band.count) / (entry.result as { n: number }).n)}%)`,
                ),
              ]
            : [groupName(entry.group), hiddenText(entry.result), ...subscale.bands.map(() => '')],
        ),
    });
  }

  if (outcomes.change.length > 0) {
    tables.push({
      title: `Change from ${titleOf(outcomes.baselineWindowId)} to ${titleOf(outcomes.focusWindowId)} (people who answered both)`,
      note: `Mean change with its 95% confidence interval. d_z: mean change over the SD of the changes; g_av: Hedges’ g over the average of the before and after SDs (Lakens 2013). Reliable change: the Jacobson–Truax index with ${describeReliabilityOf(instrument.subscales)}, and the SD of the baseline window’s whole cohort.`,
      header: [
        'Group',
        'Subscale',
        'People',
        'Before',
        'After',
        'Change (95% CI)',
        'd_z',
        'g_av',
        'Reliably better / worse',
      ],
      rows: outcomes.change.flatMap((entry) =>
        entry.result.status === 'released'
          ? entry.result.subscales.map((change) => [
              groupName(entry.group),
              nameOf(change.subscaleId),
              String((entry.result as { n: number }).n),
              decimals(change.meanBefore),
              decimals(change.meanAfter),
              `${decimals(change.meanChange)} (${decimals(change.confidenceInterval?.lower)} to ${decimals(change.confidenceInterval?.upper)})`,
              decimals(change.cohensDz, 2),
              decimals(change.hedgesGav, 2),
              change.reliableChange.status === 'computed'
                ? `${change.reliableChange.improved ?? 'hidden'} / ${change.reliableChange.deteriorated ?? 'hidden'}`
                : 'not computed',
            ])
          : [[groupName(entry.group), '', hiddenText(entry.result), '', '', '', '', '', '']],
      ),
    });
  }

  return {
    title: `Program evaluation: ${instrument.name}`,
    subtitle: `${view.organizationName}${view.programTitle ? ` — ${view.programTitle}` : ''} · generated ${generatedAt.toISOString().slice(0, 10)}`,
    paragraphs: [
      `Figures describe groups only. Any group of fewer than ${outcomes.minimumGroupSize} people is hidden, and so is any figure that would let someone work such a group out by subtraction (${outcomes.hiddenCount} figures hidden here).`,
      'Only closed assessment windows and responses with every item answered are counted.',
      ...(view.openWindows.length > 0
        ? [`Still open, not yet counted: ${view.openWindows.map((window) => window.title).join(', ')}.`]
        : []),
    ],
    tables,
    attribution: [...instrument.licence.notices, instrument.citation],
  };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

export function renderReportHtml(report: Report): string {
  const tables = report.tables
    .map(
      (
        table,
      ) => `<section><h2>${escapeHtml(table.title)}</h2>${table.note ? `<p class="note">${escapeHtml(table.note)}</p>` : ''}
<table><thead><tr>${table.header.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('')}</tr></thead>
<tbody>${table.rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n')}</tbody></table></section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(report.title)}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a;max-width:60rem}
table{border-collapse:collapse;width:100%;margin-bottom:1.5rem;font-size:.9rem}
th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left}
th{background:#eee}.note,footer{font-size:.85rem;color:#333}
@media print{body{margin:0}section{break-inside:avoid}}
</style></head><body>
<main><h1>${escapeHtml(report.title)}</h1><p>${escapeHtml(report.subtitle)}</p>
${report.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n')}
${tables}</main>
<footer>${report.attribution.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</footer>
</body></html>`;
}

function wrap(text: string, font: FontFamily, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (widthOf(candidate, font, size) > width && line) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export async function renderReportPdf(report: Report): Promise<Uint8Array> {
  // pdf-lib is hundreds of modules: loaded on the first PDF, not at every start-up.
  const { PDFDocument, rgb } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  pdf.setTitle(report.title);
  // Noto, so program titles, group names and notes in any language print (see unicode-pdf-text.ts).
  const font = await embedFontFamily(pdf, 'regular');
  const bold = await embedFontFamily(pdf, 'bold');
  const margin = 40;
  const pageSize: [number, number] = [842, 595]; // A4 landscape: tables need the width.
  let page: PDFPage = pdf.addPage(pageSize);
  let y = pageSize[1] - margin;
  const width = pageSize[0] - 2 * margin;
  const ensure = (height: number) => {
    if (y - height < margin) {
      page = pdf.addPage(pageSize);
      y = pageSize[1] - margin;
    }
  };
  const write = (
    text: string,
    options: { size?: number; isBold?: boolean; x?: number; maxWidth?: number } = {},
  ) => {
    const size = options.size ?? 9;
    const typeface = options.isBold ? bold : font;
    for (const line of wrap(text, typeface, size, options.maxWidth ?? width)) {
      ensure(size + 4);
      drawLine(page, line, typeface, {
        x: options.x ?? margin,
        y: y - size,
        size,
        color: rgb(0.1, 0.1, 0.1),
      });
      y -= size + 4;
    }
  };
  write(report.title, { size: 16, isBold: true });
  write(report.subtitle, { size: 10 });
  y -= 6;
  for (const paragraph of report.paragraphs) write(paragraph);
  for (const table of report.tables) {
    y -= 10;
    write(table.title, { size: 11, isBold: true });
    if (table.note) write(table.note, { size: 8 });
    const columnWidth = width / table.header.length;
    for (const [index, row] of [table.header, ...table.rows].entries()) {
      const cells = row.map((cell) => wrap(cell, index === 0 ? bold : font, 8, columnWidth - 4));
      const height = Math.max(1, ...cells.map((lines) => lines.length)) * 11 + 2;
      ensure(height);
      cells.forEach((lines, column) => {
        lines.forEach((line, lineIndex) => {
          drawLine(page, line, index === 0 ? bold : font, {
            x: margin + column * columnWidth,
            y: y - 9 - lineIndex * 11,
            size: 8,
          });
        });
      });
      y -= height;
    }
  }
  y -= 10;
  for (const line of report.attribution) write(line, { size: 7 });
  return pdf.save();
}
