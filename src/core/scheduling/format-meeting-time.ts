/** A meeting's time as people read it in e-mails and notices, in a named time zone. */
import { canonicalTimeZone, utcToZoned } from './time-zones.ts';

type FormatKind = 'full-date' | 'english-date' | 'clock';

const formatOptions: Record<FormatKind, Intl.DateTimeFormatOptions> = {
  'full-date': { dateStyle: 'full' },
  'english-date': { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  clock: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};

/**
 * Formatters are kept per locale, zone and kind: building one costs far more than using it, and
 * every home page and reminder formats a meeting's time.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(kind: FormatKind, timeZone: string, locale: string): Intl.DateTimeFormat {
  const key = `${kind} ${locale} ${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...formatOptions[kind], timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

// Parsing a locale tag costs more than formatting a date; kept per tag, like the formatters.
const isEnglishByLocale = new Map<string, boolean>();

function isEnglish(locale: string): boolean {
  let english = isEnglishByLocale.get(locale);
  if (english === undefined) {
    english = new Intl.Locale(locale).language === 'en';
    isEnglishByLocale.set(locale, english);
  }
  return english;
}

function formatDate(instant: Date, timeZone: string, locale: string): string {
  if (!isEnglish(locale)) {
    return formatterOf('full-date', timeZone, locale).format(instant);
  }
  // English everywhere reads "Tuesday 12 January 2027": day before month, so no reader mistakes 12/01.
  const parts = formatterOf('english-date', timeZone, locale).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}`;
}

function formatClock(instant: Date, timeZone: string, locale: string): string {
  return formatterOf('clock', timeZone, locale).format(instant);
}

/**
 * "Tuesday 12 January 2027, 12:00–13:00 (America/Toronto)": the date and 24-hour times in `timeZone`,
 * which is named so nobody has to guess. A meeting that ends on a later local day shows both dates:
 * "Tuesday 12 January 2027, 23:30 – Wednesday 13 January 2027, 00:30 (America/Toronto)".
 * Languages other than English use their own full date style ("mardi 12 janvier 2027").
 */
export function formatMeetingTime(startsAt: Date, endsAt: Date, timeZone: string, locale = 'en-CA'): string {
  const zoneName = canonicalTimeZone(timeZone) ?? timeZone;
  const startDate = formatDate(startsAt, timeZone, locale);
  const start = formatClock(startsAt, timeZone, locale);
  const end = formatClock(endsAt, timeZone, locale);
  if (utcToZoned(startsAt, timeZone).date === utcToZoned(endsAt, timeZone).date) {
    return `${startDate}, ${start}–${end} (${zoneName})`;
  }
  return `${startDate}, ${start} – ${formatDate(endsAt, timeZone, locale)}, ${end} (${zoneName})`;
}

/** "Tuesday 12 January 2027": the day `instant` falls on in `timeZone`, as a person reads it. */
export function formatDay(instant: Date, timeZone: string, locale = 'en-CA'): string {
  return formatDate(instant, timeZone, locale);
}
