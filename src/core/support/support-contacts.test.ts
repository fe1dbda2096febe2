import { describe, expect, it } from 'vitest';
import { describeSupport, findContactActions, supportRegionOf } from './support-contacts.ts';

describe('findContactActions', () => {
  it('makes "call or text" a call link and a text link', () => {
    expect(findContactActions('Call or text 9-8-8')).toEqual([
      { kind: 'call', href: 'tel:988', label: 'Call 9-8-8' },
      { kind: 'text', href: 'sms:988', label: 'Text 9-8-8' },
    ]);
  });

  it('calls a number with no verb, and leaves "24/7" alone', () => {
    expect(findContactActions('1-800-555-0100 (24/7)')).toEqual([
      { kind: 'call', href: 'tel:18005550100', label: 'Call 1-800-555-0100' },
    ]);
  });

  it('keeps the country code and reads an area code in brackets', () => {
    expect(findContactActions('+1 416 555 0100').map((action) => action.href)).toEqual(['tel:+14165550100']);
    expect(findContactActions('(416) 555-0100').map((action) => action.href)).toEqual(['tel:4165550100']);
  });

  it('texts a keyword to a text line, and gives each number its own verb', () => {
    expect(findContactActions('Call 1-800-555-0100 or text HOME to 686868')).toEqual([
      { kind: 'call', href: 'tel:18005550100', label: 'Call 1-800-555-0100' },
      { kind: 'text', href: 'sms:686868?body=HOME', label: 'Text HOME to 686868' },
    ]);
  });

  it('links web and e-mail addresses without reading their digits as numbers', () => {
    expect(findContactActions('https://example.org/help/2024, or wellbeing@example.org.')).toEqual([
      { kind: 'web', href: 'https://example.org/help/2024', label: 'Open website' },
      { kind: 'email', href: 'mailto:wellbeing@example.org', label: 'E-mail wellbeing@example.org' },
    ]);
  });

  it('does not dial times, extensions or short numbers nobody said to call', () => {
    expect(findContactActions('Weekdays 8.30-17.00, room 214')).toEqual([]);
    expect(findContactActions('555-0100 ext. 204').map((action) => action.href)).toEqual(['tel:5550100']);
    expect(findContactActions('Health line: call 8-1-1').map((action) => action.href)).toEqual(['tel:811']);
  });
});

describe('describeSupport', () => {
  const resources = [{ name: 'Employee assistance', contact: '1-800-555-0100 (24/7)' }];

  it('adds the 9-8-8 line and 9-1-1 for an organisation in Canada or the United States', () => {
    const support = describeSupport({
      supportResources: resources,
      locale: 'en-CA',
      timeZone: 'America/Toronto',
    });
    expect(support.resources[0]?.actions).toHaveLength(1);
    expect(support.crisisLine?.name).toBe('9-8-8 Suicide Crisis Helpline');
    expect(support.crisisLine?.actions.map((action) => action.href)).toEqual(['tel:988', 'sms:988']);
    expect(support.emergency.action?.href).toBe('tel:911');
    expect(
      describeSupport({ supportResources: [], locale: 'en-US', timeZone: 'America/Chicago' }).crisisLine
        ?.name,
    ).toBe('988 Suicide & Crisis Lifeline');
  });

  it('does not repeat the 9-8-8 line when the list names it', () => {
    const support = describeSupport({
      supportResources: [...resources, { name: 'Crisis line', contact: 'Call or text 9-8-8' }],
      locale: 'en-CA',
      timeZone: 'America/Toronto',
    });
    expect(support.crisisLine).toBeNull();
  });

  it('offers no 9-8-8 line elsewhere, and the local emergency number in words', () => {
    const support = describeSupport({
      supportResources: resources,
      locale: 'en-GB',
      timeZone: 'Europe/London',
    });
    expect(support.crisisLine).toBeNull();
    expect(support.emergency).toEqual({
      text: 'If you or someone else is in danger right now, call your local emergency number.',
      action: null,
    });
  });

  it('falls back on the time zone when the locale names no country', () => {
    expect(supportRegionOf({ locale: 'fr', timeZone: 'America/Montreal' })).toBe('CA');
    expect(supportRegionOf({ locale: 'en', timeZone: 'America/Indiana/Indianapolis' })).toBe('US');
    expect(supportRegionOf({ locale: 'en', timeZone: 'America/Mexico_City' })).toBeNull();
    expect(supportRegionOf({ locale: 'fr-FR', timeZone: 'America/Toronto' })).toBeNull();
  });
});
