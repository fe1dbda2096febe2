/**
 * Support resources as a person reaches them from a phone: the organisation's list ("Call or text
 * 9-8-8", "1-800-555-0100 (24/7)", "Text HOME to 686868", a web address) becomes tap-to-call,
 * tap-to-text, web and e-mail links, and where the 9-8-8 line serves (Canada and the United States)
 * it is always offered, with 9-1-1 for danger right now. Admins write the list as plain text; only
 * what is clearly a number to call or text becomes a link, so a time ("8.30") or an extension is not.
 */

export type SupportResource = { name: string; contact: string };

export type ContactAction = {
  kind: 'call' | 'text' | 'web' | 'email';
  /** tel:, sms:, https: or mailto: */
  href: string;
  /** What the link says: "Call 9-8-8", "Text HOME to 686868", "Open website". */
  label: string;
};

export type ReachableResource = SupportResource & { actions: ContactAction[] };

export type SupportRegion = 'CA' | 'US';

export type SupportDirectory = {
  /** The organisation's own list, in its order, each with the links found in its contact text. */
  resources: ReachableResource[];
  /** The 9-8-8 line where it serves and the list does not already name it; null elsewhere. */
  crisisLine: ReachableResource | null;
  /** What to do in danger right now: 9-1-1 where that is the number, otherwise the local number. */
  emergency: { text: string; action: ContactAction | null };
};

const urlPattern = /https?:\/\/[^\s<>"')]+/gi;
const emailPattern = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
/**
 * Digit groups joined by single spaces, dots or hyphens, with an optional +country code and an
 * optional (area code): "1-800-555-0100", "+1 416 555 0100", "(416) 555-0100", "9-8-8", "686868".
 * Not followed by a digit, "/" or ":" — so "24/7" and "16:30" are left alone.
 */
const phonePattern =
  /(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{1,12}(?:[\s.-]\d{1,12}){0,6}(?![\d/:])/g;
/** Three-digit lines that are numbers to call on their own: community (2-1-1), health (8-1-1), 9-1-1, 9-8-8. */
const threeDigitLines = new Set(['211', '311', '411', '811', '911', '988']);
/** Opening hours ("8.30", "8.30-17.00") look like digit groups but are not numbers to dial. */
const timePattern = /^\d{1,2}[.:]\d{2}(?:\s*-\s*\d{1,2}[.:]\d{2})?$/;
const shortestFullNumber = 7;
const longestNumber = 15;

function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/** Blanks out what is not scanned for numbers (web and e-mail addresses), keeping every position. */
function mask(text: string, pattern: RegExp): string {
  return text.replace(pattern, (match) => ' '.repeat(match.length));
}

function trimUrl(url: string): string {
  return url.replace(/[.,;:!?]+$/, '');
}

/** The verbs written just before a number, in the stretch since the previous number. */
function verbsBefore(lead: string): { call: boolean; text: boolean; keyword: string | null } {
  const words = lead.toLowerCase();
  const keyword = lead.match(/\btext\s+([A-Za-z]{2,20})\s+to\s*$/i)?.[1] ?? null;
  return {
    call: /\b(call|phone|dial|tel|telephone)\b/.test(words),
    text: /\b(text|sms|txt|message)\b/.test(words) || keyword !== null,
    keyword,
  };
}

/** The links in one contact text, in the order they are written. */
export function findContactActions(contact: string): ContactAction[] {
  const actions: ContactAction[] = [];
  const seen = new Set<string>();
  const add = (action: ContactAction) => {
    if (seen.has(action.href)) return;
    seen.add(action.href);
    actions.push(action);
  };
  const found: { index: number; actions: ContactAction[] }[] = [];

  for (const match of contact.matchAll(urlPattern)) {
    const url = trimUrl(match[0]);
    found.push({ index: match.index, actions: [{ kind: 'web', href: url, label: 'Open website' }] });
  }
  const withoutUrls = mask(contact, urlPattern);
  for (const match of withoutUrls.matchAll(emailPattern)) {
    found.push({
      index: match.index,
      actions: [{ kind: 'email', href: `mailto:${match[0]}`, label: `E-mail ${match[0]}` }],
    });
  }
  const scanned = mask(withoutUrls, emailPattern);
  let leadStart = 0;
  for (const match of scanned.matchAll(phonePattern)) {
    const written = match[0].trim();
    const digits = digitsOf(written);
    const lead = scanned.slice(leadStart, match.index);
    leadStart = match.index + match[0].length;
    if (digits.length > longestNumber || timePattern.test(written)) continue;
    const verbs = verbsBefore(lead);
    const isShortCode = digits.length < shortestFullNumber;
    // A short number is a line to reach only when the text says so, or it is one of the well-known lines.
    if (isShortCode && !threeDigitLines.has(digits) && !verbs.call && !verbs.text) continue;
    if (digits.length < 3) continue;
    const number = written.startsWith('+') ? `+${digits}` : digits;
    const numberActions: ContactAction[] = [];
    // A number with no verb is a phone number; "text" alone means a text line; "call or text" both.
    if (verbs.call || !verbs.text) {
      numberActions.push({ kind: 'call', href: `tel:${number}`, label: `Call ${written}` });
    }
    if (verbs.text) {
      numberActions.push({
        kind: 'text',
        href: verbs.keyword ? `sms:${number}?body=${encodeURIComponent(verbs.keyword)}` : `sms:${number}`,
        label: verbs.keyword ? `Text ${verbs.keyword} to ${written}` : `Text ${written}`,
      });
    }
    found.push({ index: match.index, actions: numberActions });
  }
  for (const entry of found.sort((a, b) => a.index - b.index))
    for (const action of entry.actions) add(action);
  return actions;
}

// IANA zones of Canada and the United States (and their old names), for an organisation whose locale
// names no country: the 9-8-8 line serves both.
const canadianZones = new Set([
  'America/St_Johns',
  'America/Halifax',
  'America/Glace_Bay',
  'America/Moncton',
  'America/Goose_Bay',
  'America/Blanc-Sablon',
  'America/Toronto',
  'America/Montreal',
  'America/Nipigon',
  'America/Thunder_Bay',
  'America/Iqaluit',
  'America/Pangnirtung',
  'America/Atikokan',
  'America/Winnipeg',
  'America/Rainy_River',
  'America/Resolute',
  'America/Rankin_Inlet',
  'America/Regina',
  'America/Swift_Current',
  'America/Edmonton',
  'America/Cambridge_Bay',
  'America/Yellowknife',
  'America/Inuvik',
  'America/Creston',
  'America/Dawson_Creek',
  'America/Fort_Nelson',
  'America/Whitehorse',
  'America/Dawson',
  'America/Vancouver',
]);
const unitedStatesZones = new Set([
  'America/New_York',
  'America/Detroit',
  'America/Chicago',
  'America/Menominee',
  'America/Denver',
  'America/Boise',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'America/Juneau',
  'America/Sitka',
  'America/Metlakatla',
  'America/Yakutat',
  'America/Nome',
  'America/Adak',
  'America/Puerto_Rico',
  'Pacific/Honolulu',
]);

/** Where the 9-8-8 line serves this organisation: by its locale's country, or else by its time zone. */
export function supportRegionOf(settings: { locale: string; timeZone: string }): SupportRegion | null {
  let region: string | undefined;
  try {
    region = new Intl.Locale(settings.locale).region;
  } catch {
    region = undefined;
  }
  if (region === 'CA' || region === 'US' || region === 'PR') return region === 'CA' ? 'CA' : 'US';
  if (region) return null;
  const zone = settings.timeZone;
  if (canadianZones.has(zone) || zone.startsWith('Canada/')) return 'CA';
  if (
    unitedStatesZones.has(zone) ||
    zone.startsWith('US/') ||
    zone.startsWith('America/Indiana/') ||
    zone.startsWith('America/Kentucky/') ||
    zone.startsWith('America/North_Dakota/')
  ) {
    return 'US';
  }
  return null;
}

const crisisLines: Record<SupportRegion, SupportResource> = {
  CA: { name: '9-8-8 Suicide Crisis Helpline', contact: 'Call or text 9-8-8, any time' },
  US: { name: '988 Suicide & Crisis Lifeline', contact: 'Call or text 988, any time' },
};

/** Everything the "Get help now" panel shows, from the organisation's settings. */
export function describeSupport(settings: {
  supportResources: readonly SupportResource[];
  locale: string;
  timeZone: string;
}): SupportDirectory {
  const resources = settings.supportResources.map((resource) => ({
    name: resource.name,
    contact: resource.contact,
    actions: findContactActions(resource.contact),
  }));
  const region = supportRegionOf(settings);
  const listsCrisisLine = resources.some((resource) =>
    resource.actions.some((action) => action.href === 'tel:988' || action.href.startsWith('sms:988')),
  );
  const crisisLine = region && !listsCrisisLine ? crisisLines[region] : null;
  return {
    resources,
    crisisLine: crisisLine ? { ...crisisLine, actions: findContactActions(crisisLine.contact) } : null,
    emergency: region
      ? {
          text: 'If you or someone else is in danger right now, call 9-1-1.',
          action: { kind: 'call', href: 'tel:911', label: 'Call 9-1-1' },
        }
      : {
          text: 'If you or someone else is in danger right now, call your local emergency number.',
          action: null,
        },
  };
}
