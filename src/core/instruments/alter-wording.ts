import type { Instrument } from './instrument.ts';

export type WordingChange = {
  /** What was changed and why, shown wherever the instrument is (e.g. "Item 4 reworded for night-shift staff"). */
  description: string;
  instructions?: string;
  /** Item number → new text. */
  itemTexts?: Readonly<Record<number, string>>;
};

/**
 * The instrument with wording changed beyond its replaceable words, marked as the licence requires:
 * `wording.isAltered` becomes true with the description (WHO-5: "altered wording must be clearly
 * marked"), and the name becomes the licence's `nameWhenAltered` ("Adapted from the ProQOL").
 * Scoring is unchanged. Throws RangeError for an empty description, text or unknown item.
 */
export function alterWording(instrument: Instrument, change: WordingChange): Instrument {
  const description = change.description.trim();
  if (description.length === 0) throw new RangeError('Describe how the wording was altered.');
  const itemTexts = change.itemTexts ?? {};
  for (const [key, text] of Object.entries(itemTexts)) {
    if (!instrument.items.some((item) => String(item.number) === key)) {
      throw new RangeError(`${instrument.shortName} has no item ${key}.`);
    }
    if (text.trim().length === 0) throw new RangeError(`The new text of item ${key} is empty.`);
  }
  if (change.instructions !== undefined && change.instructions.trim().length === 0) {
    throw new RangeError('The new instructions are empty.');
  }
  const previous = instrument.wording.isAltered ? `${instrument.wording.description} ` : '';
  return {
    ...instrument,
    name: instrument.licence.nameWhenAltered,
    instructions: change.instructions ?? instrument.instructions,
    items: instrument.items.map((item) => ({ ...item, text: itemTexts[item.number] ?? item.text })),
    wording: { isAltered: true, description: `${previous}${description}` },
  };
}
