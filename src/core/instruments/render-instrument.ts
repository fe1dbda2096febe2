import type { Instrument, ReplaceableWord } from './instrument.ts';

export type RenderOptions = {
  /** Singular noun for the people answering, in place of ProQOL's [helper]: 'nurse', 'pharmacy student'. */
  helperTerm?: string;
  /** The article before the helper term; by default 'an' when the term starts with a vowel letter. */
  helperArticle?: 'a' | 'an';
  /** Plural noun for the people respondents work with, in place of the CBI's "clients": 'patients'. */
  clientTerm?: string;
  /** Any other replaceable word, by its token: `{ '[help]': 'care for' }`. */
  replacements?: Readonly<Record<string, string>>;
};

const maximumTermLength = 60;

/**
 * Why a coordinator's audience term cannot be used, or null when it can: a short noun phrase of
 * letters, spaces, hyphens, apostrophes, slashes or full stops ('nurse', 'health care provider').
 */
export function findAudienceTermProblem(term: string): string | null {
  const trimmed = term.trim();
  if (trimmed.length === 0) return 'The term is empty.';
  if (trimmed.length > maximumTermLength) return `The term is longer than ${maximumTermLength} characters.`;
  if (!/^\p{L}[\p{L}\p{M} '’./-]*$/u.test(trimmed)) {
    return 'Use letters, spaces, hyphens, apostrophes or slashes only, starting with a letter.';
  }
  return null;
}

/**
 * The instrument as a participant sees it: every replaceable word (ProQOL's [help], [helper],
 * [helping], [helped], [work]; the CBI's "clients") replaced by the coordinator's term or, without
 * one, by its plain default ("helper"). Nothing else in the wording changes, which is what the
 * ProQOL licence allows without calling the result "adapted". The returned instrument has no
 * replaceable words left, so rendering twice changes nothing.
 *
 * Throws RangeError for an unusable term or an unknown replacement token; check terms first with
 * `findAudienceTermProblem` to tell the coordinator what to fix.
 */
export function renderInstrument(instrument: Instrument, options: RenderOptions = {}): Instrument {
  for (const token of Object.keys(options.replacements ?? {})) {
    if (!instrument.replaceableWords.some((word) => word.token === token)) {
      throw new RangeError(`${instrument.shortName} has no replaceable word ${token}`);
    }
  }
  const render = (text: string): string =>
    instrument.replaceableWords.reduce((result, word) => replaceWord(result, word, options), text);
  return {
    ...instrument,
    instructions: render(instrument.instructions),
    items: instrument.items.map((item) => ({ ...item, text: render(item.text) })),
    replaceableWords: [],
  };
}

function replaceWord(text: string, word: ReplaceableWord, options: RenderOptions): string {
  const chosen =
    options.replacements?.[word.token] ??
    (word.term === 'helper' ? options.helperTerm : word.term === 'client' ? options.clientTerm : undefined);
  const replacement = chosen === undefined ? word.defaultText : checkedTerm(chosen);
  const escaped = word.token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = /^\w+$/.test(word.token) ? `\\b${escaped}\\b` : escaped;
  if (word.term === 'helper') {
    // "as a [helper]" must read "as an intern" when the term starts with a vowel.
    const article = options.helperArticle ?? (/^[aeiou]/i.test(replacement) ? 'an' : 'a');
    text = text.replace(new RegExp(`\\b(?:a|an) ${escaped}`, 'g'), `${article} ${replacement}`);
  }
  return text.replace(new RegExp(pattern, 'g'), replacement);
}

function checkedTerm(term: string): string {
  const problem = findAudienceTermProblem(term);
  if (problem) throw new RangeError(`Audience term "${term}": ${problem}`);
  return term.trim();
}
