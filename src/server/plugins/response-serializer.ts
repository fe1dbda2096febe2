import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * Answers are written by our own code from rows we read, so checking each one against the rules its
 * schema holds for *input* (text checks, trims, lengths) on every request costs more than writing it:
 * 0.14 ms against 0.02 ms for the programs list (decision 018). What an answer must still never do is
 * carry a key its schema does not name — a row's extra column could be somebody's private field — so
 * each route's schema is compiled once into a copier that keeps only the keys it names, at every depth,
 * and checks nothing else. Whether our answers match their schemas is the contract tests' job
 * (`test/response-examples.test.ts`, `test/mutation-responses.test.ts` check every route's real answer).
 * Parts a copier cannot follow (a union told apart by shape, a transform) are encoded by zod as before.
 */
type Copier = (value: unknown) => unknown;

type Def = z.core.$ZodTypeDef & Record<string, unknown>;

const passesThrough = new Set([
  'string',
  'number',
  'int',
  'boolean',
  'bigint',
  'null',
  'undefined',
  'void',
  'literal',
  'enum',
  'any',
  'unknown',
  'template_literal',
  'nan',
]);

/** `null` means the value is written as it is: most of an answer is primitives, and skipping them is the gain. */
export function copierOf(
  schema: z.core.$ZodType,
  seen = new Map<z.core.$ZodType, Copier | null>(),
): Copier | null {
  if (seen.has(schema)) return seen.get(schema) ?? null;
  const def = schema._zod.def as Def;
  if (passesThrough.has(def.type)) return null;
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'readonly':
    case 'nonoptional':
    case 'default':
    case 'prefault':
    case 'catch':
      return copierOf(def.innerType as z.core.$ZodType, seen);
    case 'array':
      return arrayCopier(copierOf(def.element as z.core.$ZodType, seen));
    case 'record':
      return recordCopier(copierOf(def.valueType as z.core.$ZodType, seen));
    case 'object':
      return objectCopier(schema, def, seen);
    case 'lazy': {
      // A recursive schema: the copier is found through `seen` while it is being made.
      let inner: Copier | null | undefined;
      const copier: Copier = (value) => {
        if (inner === undefined) inner = copierOf((def.getter as () => z.core.$ZodType)(), seen);
        return inner === null ? value : inner(value);
      };
      seen.set(schema, copier);
      return copier;
    }
    case 'union':
      return unionCopier(schema, def, seen);
    default:
      return zodEncoder(schema);
  }
}

const absent = (value: unknown) => value === null || value === undefined;

function arrayCopier(element: Copier | null): Copier | null {
  if (element === null) return null;
  return (value) => (Array.isArray(value) ? value.map(element) : value);
}

function recordCopier(item: Copier | null): Copier | null {
  if (item === null) return null;
  return (value) => {
    if (absent(value) || typeof value !== 'object') return value;
    const copy: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) copy[key] = item(entry);
    return copy;
  };
}

function objectCopier(schema: z.core.$ZodType, def: Def, seen: Map<z.core.$ZodType, Copier | null>): Copier {
  // A loose object keeps what it does not name, so only zod can tell what to write.
  if (def.catchall && (def.catchall as z.core.$ZodType)._zod.def.type !== 'never') return zodEncoder(schema);
  const fields: [string, Copier | null][] = [];
  const copier: Copier = (value) => {
    if (absent(value) || typeof value !== 'object') return value;
    const source = value as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    for (const [key, field] of fields) {
      const entry = source[key];
      if (entry === undefined) continue;
      copy[key] = field === null || absent(entry) ? entry : field(entry);
    }
    return copy;
  };
  seen.set(schema, copier);
  for (const [key, field] of Object.entries(def.shape as Record<string, z.core.$ZodType>))
    fields.push([key, copierOf(field, seen)]);
  return copier;
}

function unionCopier(
  schema: z.core.$ZodType,
  def: Def,
  seen: Map<z.core.$ZodType, Copier | null>,
): Copier | null {
  const options = def.options as z.core.$ZodType[];
  const copiers = options.map((option) => copierOf(option, seen));
  if (copiers.every((copier) => copier === null)) return null;
  // Options that are all values but one shape (`T | null`, `T | string`) need no telling apart.
  const shaped = copiers.filter((copier) => copier !== null);
  if (shaped.length === 1 && !def.discriminator) {
    const [only] = shaped as [Copier];
    return (value) => (typeof value === 'object' && value !== null ? only(value) : value);
  }
  const discriminator = def.discriminator as string | undefined;
  if (!discriminator) return zodEncoder(schema);
  const byTag = new Map<unknown, Copier | null>();
  options.forEach((option, index) => {
    for (const tag of option._zod.propValues?.[discriminator] ?? []) byTag.set(tag, copiers[index] ?? null);
  });
  const encode = zodEncoder(schema);
  return (value) => {
    if (absent(value) || typeof value !== 'object') return value;
    const tag = (value as Record<string, unknown>)[discriminator];
    if (!byTag.has(tag)) return encode(value);
    const copier = byTag.get(tag);
    return copier ? copier(value) : value;
  };
}

function zodEncoder(schema: z.core.$ZodType): Copier {
  return (value) => {
    const result = z.safeEncode(schema, value);
    if (!result.success) throw result.error;
    return result.data;
  };
}

function resolveSchema(maybeSchema: unknown): z.core.$ZodType {
  if (maybeSchema instanceof z.core.$ZodType) return maybeSchema;
  const properties = (maybeSchema as { properties?: unknown }).properties;
  if (properties instanceof z.core.$ZodType) return properties;
  throw new Error(`A response schema that is not zod: ${JSON.stringify(maybeSchema)}`);
}

export const copyingSerializerCompiler: FastifySerializerCompiler<unknown> = ({ schema, method, url }) => {
  const copier = copierOf(resolveSchema(schema));
  if (copier === null) return (data) => JSON.stringify(data);
  return (data) => {
    try {
      return JSON.stringify(copier(data));
    } catch (error) {
      // Only zod's encoding of a part the copier leaves to it can refuse an answer.
      throw new ResponseSerializationError(method, url, { cause: error as z.ZodError });
    }
  };
};
