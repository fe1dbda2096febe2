import { serializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ShortTextSchema } from '../routes/text-schemas.ts';
import { copyingSerializerCompiler } from './response-serializer.ts';

const compile = (schema: z.ZodType) =>
  copyingSerializerCompiler({ schema, method: 'GET', url: '/test', httpStatus: '200' }) as (
    data: unknown,
  ) => string;
const compileWithZod = (schema: z.ZodType) =>
  serializerCompiler({ schema, method: 'GET', url: '/test', httpStatus: '200' }) as (data: unknown) => string;

describe('writing answers', () => {
  const Person = z.object({ id: z.string(), name: ShortTextSchema.max(200) });
  const Page = z.object({
    people: z.array(Person),
    lead: Person.nullable(),
    byUnit: z.record(z.string(), z.array(Person)),
    note: z.string().optional(),
    entry: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('post'), text: z.string() }),
      z.object({ kind: z.literal('recognition'), to: Person }),
    ]),
  });
  const withPrivateFields = {
    people: [{ id: 'a', name: 'Ada', email: 'ada@example.org' }],
    lead: { id: 'b', name: 'Bo', passwordHash: 'x' },
    byUnit: { ward: [{ id: 'c', name: 'Cy', burnout: 31 }] },
    entry: { kind: 'recognition', to: { id: 'd', name: 'Di', email: 'di@example.org' }, fromUserId: 'e' },
    reportedBy: 'f',
  };

  it('never writes a field the schema does not name, at any depth', () => {
    const written = compile(Page)(withPrivateFields);
    for (const field of ['email', 'passwordHash', 'burnout', 'fromUserId', 'reportedBy'])
      expect(written).not.toContain(field);
    expect(JSON.parse(written)).toEqual({
      people: [{ id: 'a', name: 'Ada' }],
      lead: { id: 'b', name: 'Bo' },
      byUnit: { ward: [{ id: 'c', name: 'Cy' }] },
      entry: { kind: 'recognition', to: { id: 'd', name: 'Di' } },
    });
  });

  it('writes what zod wrote, for answers that match their schema', () => {
    const answer = { ...withPrivateFields, lead: null, note: 'line', entry: { kind: 'post', text: 'hi' } };
    expect(compile(Page)(answer)).toBe(compileWithZod(Page)(answer));
  });

  it('leaves to zod the unions it cannot tell apart by a tag, and still drops unnamed fields there', () => {
    const Either = z.object({ value: z.union([z.object({ a: z.number() }), z.object({ b: z.string() })]) });
    expect(JSON.parse(compile(Either)({ value: { b: 'x', secret: 1 } }))).toEqual({ value: { b: 'x' } });
  });

  it('keeps what a loose object passes through, as zod does', () => {
    const Loose = z.object({ resource: z.looseObject({ resourceType: z.string() }) });
    const answer = { resource: { resourceType: 'Questionnaire', item: [1] } };
    expect(JSON.parse(compile(Loose)(answer))).toEqual(answer);
  });

  it('follows a recursive schema', () => {
    type Item = { text: string; items: Item[] };
    const ItemSchema: z.ZodType<Item> = z.lazy(() =>
      z.object({ text: z.string(), items: z.array(ItemSchema) }),
    );
    const tree = { text: 'a', hidden: 1, items: [{ text: 'b', hidden: 2, items: [] }] };
    expect(JSON.parse(compile(ItemSchema)(tree))).toEqual({ text: 'a', items: [{ text: 'b', items: [] }] });
  });

  it('answers an error, not a half-written page, when a part only zod can write does not fit', () => {
    const Either = z.object({ value: z.union([z.object({ a: z.number() }), z.object({ b: z.string() })]) });
    expect(() => compile(Either)({ value: { c: true } })).toThrow(/doesn't match the schema/);
  });
});
