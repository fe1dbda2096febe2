import { invalidValue, ScimError } from './scim-error.ts';
import { type ScimUserDraft, scimSchemas, setScimAttribute } from './scim-user.ts';

type PatchOperation = { op: 'add' | 'replace' | 'remove'; path: string | undefined; value: unknown };

const maxOperations = 100;

/** Reads a PatchOp body (RFC 7644 §3.5.2); op names in any letter case, as Entra ID sends "Replace". */
export function readScimPatch(body: unknown): PatchOperation[] {
  const request = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const schemas = request.schemas;
  if (!Array.isArray(schemas) || !schemas.includes(scimSchemas.patchOp)) {
    throw new ScimError(400, `A PATCH body must name the schema ${scimSchemas.patchOp}.`, 'invalidSyntax');
  }
  const operations = request.Operations ?? request.operations;
  if (!Array.isArray(operations) || operations.length === 0) {
    throw new ScimError(400, 'A PATCH body must have a non-empty Operations list.', 'invalidSyntax');
  }
  if (operations.length > maxOperations) {
    throw new ScimError(400, `Send at most ${maxOperations} operations in one PATCH.`, 'tooMany');
  }
  return operations.map((operation: unknown, index) => {
    const { op, path, value } = (typeof operation === 'object' && operation !== null ? operation : {}) as {
      op?: unknown;
      path?: unknown;
      value?: unknown;
    };
    const name = typeof op === 'string' ? op.toLowerCase() : '';
    if (name !== 'add' && name !== 'replace' && name !== 'remove') {
      throw new ScimError(400, `Operations[${index}].op must be add, replace or remove.`, 'invalidSyntax');
    }
    if (path !== undefined && (typeof path !== 'string' || path.trim() === '')) {
      throw new ScimError(400, `Operations[${index}].path must be an attribute path.`, 'invalidPath');
    }
    if (name === 'remove' && path === undefined) {
      throw new ScimError(
        400,
        `Operations[${index}] removes without a path: name what to remove.`,
        'noTarget',
      );
    }
    if (name !== 'remove' && value === undefined) {
      throw invalidValue(`Operations[${index}] has no value.`);
    }
    return { op: name, path: typeof path === 'string' ? path.trim() : undefined, value };
  });
}

/**
 * Applies the operations, in order, to a draft of the changes. Okta sends `{"op":"replace","value":
 * {"active":false}}`, Entra ID `{"op":"Replace","path":"active","value":"False"}`: both land here.
 * Tend's attributes are single-valued, so `add` and `replace` mean the same.
 */
export function applyScimPatch(operations: PatchOperation[]): ScimUserDraft {
  const draft: ScimUserDraft = { fields: {} };
  for (const { op, path, value } of operations) {
    if (op === 'remove') setScimAttribute(draft, path ?? '', undefined);
    else if (path !== undefined) setScimAttribute(draft, path, value);
    else {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw invalidValue('An operation without a path needs an object of attributes as its value.');
      }
      for (const [key, inner] of Object.entries(value)) setScimAttribute(draft, key, inner);
    }
  }
  return draft;
}
