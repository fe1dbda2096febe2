import { describe, expect, it } from 'vitest';
import { alterWording } from './alter-wording.ts';
import { briefResilienceScale } from './brief-resilience-scale.ts';
import { copenhagenBurnoutInventory } from './copenhagen-burnout-inventory.ts';
import type { Instrument } from './instrument.ts';
import { proqol5 } from './proqol-5.ts';
import { findAudienceTermProblem, renderInstrument } from './render-instrument.ts';
import { scoreResponse } from './score-response.ts';
import { who5 } from './who-5.ts';

function itemText(instrument: Instrument, number: number): string | undefined {
  return instrument.items.find((item) => item.number === number)?.text;
}

describe('renderInstrument', () => {
  it('shows the bracketed ProQOL words plainly when no term is chosen', () => {
    const rendered = renderInstrument(proqol5);
    expect(itemText(rendered, 7)).toBe(
      'I find it difficult to separate my personal life from my life as a helper.',
    );
    expect(itemText(rendered, 21)).toBe('I feel overwhelmed because my case work load seems endless.');
    for (const item of rendered.items) expect(item.text).not.toMatch(/\[|\]/);
    expect(rendered.instructions).not.toMatch(/\[|\]/);
  });

  it("replaces [helper] with the coordinator's term and changes nothing else", () => {
    const rendered = renderInstrument(proqol5, { helperTerm: 'nurse' });
    expect(itemText(rendered, 10)).toBe('I feel trapped by my job as a nurse.');
    expect(itemText(rendered, 27)).toBe('I have thoughts that I am a "success" as a nurse.');
    expect(itemText(rendered, 2)).toBe('I am preoccupied with more than one person I help.');
    expect(rendered.instructions).toContain('both positive and negative, as a nurse. Consider');
    for (const item of proqol5.items) {
      const expected = item.text
        .replaceAll('[helper]', 'nurse')
        .replace(/\[(help|helping|helped|work)\]/g, '$1');
      expect(itemText(rendered, item.number)).toBe(expected);
    }
    expect(rendered.name).toBe(proqol5.name);
    expect(rendered.wording).toEqual({ isAltered: false });
  });

  it('writes "an" before a term starting with a vowel, unless told otherwise', () => {
    expect(itemText(renderInstrument(proqol5, { helperTerm: 'intern' }), 12)).toBe(
      'I like my work as an intern.',
    );
    expect(itemText(renderInstrument(proqol5, { helperTerm: 'union steward', helperArticle: 'a' }), 12)).toBe(
      'I like my work as a union steward.',
    );
  });

  it('replaces the other bracketed words by token', () => {
    const rendered = renderInstrument(proqol5, {
      replacements: { '[help]': 'care for' },
      helperTerm: 'physician',
    });
    expect(itemText(rendered, 2)).toBe('I am preoccupied with more than one person I care for.');
    expect(itemText(rendered, 19)).toBe('I feel worn out because of my work as a physician.');
  });

  it('replaces the CBI\'s "clients" as a whole word, in the client items only', () => {
    const rendered = renderInstrument(copenhagenBurnoutInventory, { clientTerm: 'patients' });
    expect(itemText(rendered, 14)).toBe('Do you find it hard to work with patients?');
    expect(itemText(rendered, 19)).toBe(
      'Do you sometimes wonder how long you will be able to continue working with patients?',
    );
    for (let number = 1; number <= 13; number++) {
      expect(itemText(rendered, number)).toBe(itemText(copenhagenBurnoutInventory, number));
    }
  });

  it('leaves instruments without replaceable words untouched, and rendering twice changes nothing', () => {
    expect(renderInstrument(briefResilienceScale, { helperTerm: 'nurse' }).items).toEqual(
      briefResilienceScale.items,
    );
    const once = renderInstrument(proqol5, { helperTerm: 'nurse' });
    expect(renderInstrument(once, { helperTerm: 'physician' })).toEqual(once);
  });

  it('scores a rendered instrument exactly as the original', () => {
    const answers = Object.fromEntries(proqol5.items.map((item) => [item.number, (item.number % 5) + 1]));
    expect(scoreResponse(renderInstrument(proqol5, { helperTerm: 'nurse' }), answers)).toEqual(
      scoreResponse(proqol5, answers),
    );
  });

  it('refuses an unusable term or an unknown token', () => {
    expect(() => renderInstrument(proqol5, { helperTerm: ' ' })).toThrow(RangeError);
    expect(() => renderInstrument(proqol5, { helperTerm: '[nurse]' })).toThrow(/letters/);
    expect(() => renderInstrument(proqol5, { replacements: { '[helpers]': 'x' } })).toThrow(
      /no replaceable word/,
    );
  });
});

describe('findAudienceTermProblem', () => {
  it('accepts short noun phrases and explains what is wrong with others', () => {
    expect(findAudienceTermProblem('nurse')).toBeNull();
    expect(findAudienceTermProblem('therapist/health care provider')).toBeNull();
    expect(findAudienceTermProblem('sage-femme')).toBeNull();
    expect(findAudienceTermProblem('infirmière')).toBeNull();
    expect(findAudienceTermProblem('')).toBe('The term is empty.');
    expect(findAudienceTermProblem('x'.repeat(61))).toBe('The term is longer than 60 characters.');
    expect(findAudienceTermProblem('nurse $&')).toMatch(/letters/);
    expect(findAudienceTermProblem('3rd-year')).toMatch(/starting with a letter/);
  });
});

describe('alterWording', () => {
  it('marks altered WHO-5 wording and names it so, keeping the scoring', () => {
    const altered = alterWording(who5, {
      description: 'Item 4 reworded for night-shift staff.',
      itemTexts: { 4: 'I woke up after my main sleep feeling fresh and rested.' },
    });
    expect(altered.wording).toEqual({
      isAltered: true,
      description: 'Item 4 reworded for night-shift staff.',
    });
    expect(altered.name).toBe('WHO-Five Well-Being Index (altered wording)');
    expect(itemText(altered, 4)).toBe('I woke up after my main sleep feeling fresh and rested.');
    expect(itemText(altered, 1)).toBe(itemText(who5, 1));
    const answers = { 1: 3, 2: 3, 3: 3, 4: 3, 5: 3 };
    expect(scoreResponse(altered, answers)).toEqual(scoreResponse(who5, answers));
  });

  it('calls changed ProQOL wording "Adapted from the ProQOL"', () => {
    const adapted = alterWording(proqol5, {
      description: 'Instructions shortened.',
      instructions: 'Think of the last 30 days.',
    });
    expect(adapted.name).toBe('Adapted from the ProQOL');
    expect(adapted.instructions).toBe('Think of the last 30 days.');
  });

  it('refuses an empty description, an empty text or an unknown item', () => {
    expect(() => alterWording(who5, { description: ' ' })).toThrow(RangeError);
    expect(() => alterWording(who5, { description: 'x', itemTexts: { 6: 'New item' } })).toThrow(/no item 6/);
    expect(() => alterWording(who5, { description: 'x', itemTexts: { 2: ' ' } })).toThrow(/empty/);
  });
});
