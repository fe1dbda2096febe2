import { z } from 'zod';
import { ssoProtocols } from '../../db/schema.ts';
import { LevelSchema, RoleSchema } from './schemas.ts';
import { ShortTextSchema } from './text-schemas.ts';

const ClaimNameSchema = ShortTextSchema.min(1, 'name the claim or attribute')
  .max(200)
  .describe('e.g. "groups", "eduPersonAffiliation" or "urn:oid:1.3.6.1.4.1.5923.1.1.1.1"');

export const AttributeMappingSchema = z
  .object({
    role: z.object({ claim: ClaimNameSchema, values: z.record(z.string().max(200), RoleSchema) }).optional(),
    level: z
      .object({ claim: ClaimNameSchema, values: z.record(z.string().max(200), LevelSchema) })
      .optional(),
    discipline: z.object({ claim: ClaimNameSchema }).optional(),
  })
  .describe('Which claim sets role, level and discipline, and which of its values mean what');

const EmailDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'must be a domain, e.g. hospital.example',
  );

/** What an admin sets for any provider, whatever its protocol. */
export const SsoConnectionCommonSchema = z.object({
  displayName: ShortTextSchema.min(1, 'is required')
    .max(80)
    .describe('Shown on the sign-in page as "Sign in with <display name>"'),
  emailDomains: z
    .array(EmailDomainSchema)
    .min(1, 'list at least one e-mail domain')
    .max(20)
    .describe('Addresses at these domains (and their subdomains) may sign in with this provider'),
  createsUnknownPeople: z
    .enum(['create', 'refuse'])
    .describe(
      'create: someone new joins as a participant at first sign-in; refuse: only people already in Tend',
    ),
  mapping: AttributeMappingSchema.default({}),
});

export const SsoConnectionSchema = z.object({
  id: z.string(),
  protocol: z.enum(ssoProtocols),
  displayName: z.string(),
  emailDomains: z.array(z.string()),
  createsUnknownPeople: z.enum(['create', 'refuse']),
  mapping: AttributeMappingSchema,
  oidc: z.object({ issuer: z.string(), clientId: z.string(), hasClientSecret: z.boolean() }).nullable(),
  saml: z
    .object({
      metadataUrl: z.string().nullable(),
      idpEntityId: z.string(),
      entryPoint: z.string(),
      logoutUrl: z.string().nullable(),
      certificates: z.array(z.string()),
    })
    .nullable(),
  updatedAt: z.string(),
});

export const ProtocolParamsSchema = z.object({
  protocol: z.enum(ssoProtocols, { message: 'must be oidc or saml' }),
});

export const OrganizationIdParamsSchema = z.object({ organizationId: z.uuid('must be an organisation id') });

/**
 * A value an identity provider's protocol puts in a URL or form (state, code, base64 SAML messages,
 * RelayState, signatures): printable ASCII by the specifications, so anything else is not theirs.
 */
export const ProtocolValueSchema = z
  .string()
  .regex(/^[\x20-\x7e\r\n\t]*$/, 'must be printable ASCII, as identity providers send it');
