/**
 * A SCIM request Tend refuses, in the terms of RFC 7644 §3.12: the HTTP status, the `scimType`
 * keyword a client's code reads, and a `detail` an administrator can act on. It lives in the core
 * because the filter parser and the PatchOp rules decide most of them.
 */
export type ScimErrorType =
  | 'invalidFilter'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'invalidValue'
  | 'mutability'
  | 'uniqueness'
  | 'noTarget'
  | 'tooMany';

export class ScimError extends Error {
  readonly status: number;
  readonly scimType: ScimErrorType | undefined;

  constructor(status: number, detail: string, scimType?: ScimErrorType) {
    super(detail);
    this.status = status;
    this.scimType = scimType;
  }
}

export const invalidValue = (detail: string) => new ScimError(400, detail, 'invalidValue');
