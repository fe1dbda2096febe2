import { renderJournalPdf } from '../reflections/render-journal-pdf.ts';
import type { OwnData } from './own-data.ts';

/** The layout's own characters in what people wrote, escaped so an answer cannot become a heading. */
function escapeLayout(text: string): string {
  return text.replace(/([#>*])/g, '\\$1');
}

/** A person's own words as a quote, line by line, whatever lines they wrote; quotes print as written. */
function quote(text: string): string[] {
  return text.split('\n').map((line) => `> ${line}`);
}

function section(title: string, lines: string[], empty: string): string[] {
  return ['', `## ${title}`, '', ...(lines.length > 0 ? lines : [empty])];
}

/**
 * The same data as the JSON download, laid out for a person to read: one section per kind, their
 * own words quoted. Built from the export itself, so the two can never disagree.
 */
export function describeOwnData(data: OwnData): string {
  const { account } = data;
  return [
    '# Your data in Tend',
    '',
    `Exported ${data.exportedAt.slice(0, 10)}. ${data.about}`,
    '',
    `Name: ${escapeLayout(account.name)}`,
    `E-mail: ${escapeLayout(account.email)}`,
    `Role: ${account.role}`,
    ...section(
      'Enrolments',
      data.enrolments.map(
        (row) =>
          `${escapeLayout(row.program)}: ${row.status}, since ${row.enrolledAt.slice(0, 10)}` +
          `${row.withdrawnAt ? `, withdrew ${row.withdrawnAt.slice(0, 10)}` : ''}; interests: ${row.interests.join(', ') || 'none'}`,
      ),
      'None.',
    ),
    ...section(
      'Reflections',
      data.reflections.flatMap((row) => [
        `${row.createdAt.slice(0, 10)} · ${escapeLayout(row.topic)}: ${escapeLayout(row.prompt)}`,
        ...quote(row.answer),
        '',
      ]),
      'None.',
    ),
    ...section(
      'Questionnaires',
      data.questionnaires.map(
        (row) =>
          `${row.instrument}, ${row.status}${row.submittedAt ? ` ${row.submittedAt.slice(0, 10)}` : ''}: answers ${JSON.stringify(row.answers)}`,
      ),
      'None.',
    ),
    ...section(
      'Posts',
      data.posts.flatMap((row) => [
        `${row.createdAt.slice(0, 10)} · ${escapeLayout(row.group)}${row.isAnonymous ? ' (anonymous)' : ''}`,
        ...quote(row.body),
        '',
      ]),
      'None.',
    ),
    ...section(
      'Session feedback',
      data.sessionFeedback.map(
        (row) =>
          `${row.meeting.slice(0, 10)}: useful ${row.usefulness}/5, felt safe ${row.feltSafe}/5. Keep: ${escapeLayout(row.keep) || '—'}. Change: ${escapeLayout(row.change) || '—'}`,
      ),
      'None.',
    ),
    ...section(
      'Recognitions you sent',
      data.recognitionsSent.map(
        (row) => `${row.createdAt.slice(0, 10)} · ${row.kind}: ${escapeLayout(row.message)}`,
      ),
      'None.',
    ),
    ...section(
      'Recognitions you received',
      data.recognitionsReceived.map(
        (row) => `${row.createdAt.slice(0, 10)} · ${row.kind}: ${escapeLayout(row.message)}`,
      ),
      'None.',
    ),
    ...section(
      'Notices',
      data.notices.map((row) => `${row.createdAt.slice(0, 10)} · ${escapeLayout(row.title)}`),
      'None.',
    ),
  ].join('\n');
}

export function renderOwnDataPdf(data: OwnData): Promise<Uint8Array> {
  return renderJournalPdf(describeOwnData(data), 'Your data in Tend');
}
