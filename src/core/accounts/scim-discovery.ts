import { scimSchemas } from './scim-user.ts';

/**
 * What Entra ID and Okta read before provisioning (RFC 7644 §4): what Tend supports, its one
 * resource type, and the attributes of a User. Groups are not offered: Tend's groups are formed by
 * its own grouping, not copied from a directory, so /Groups answers 501 Not Implemented.
 */
export const scimMaxResults = 100;

export function describeServiceProvider(baseUrl: string) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig'],
    documentationUri: `${baseUrl.replace(/\/scim\/v2$/, '')}/api/docs`,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: scimMaxResults },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer token',
        description: "The organisation's SCIM token, issued by an admin under Sign-in methods.",
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${baseUrl}/ServiceProviderConfig` },
  };
}

export function describeUserResourceType(baseUrl: string) {
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:ResourceType'],
    id: 'User',
    name: 'User',
    endpoint: '/Users',
    description: 'A member of the organisation',
    schema: scimSchemas.user,
    schemaExtensions: [
      { schema: scimSchemas.tendUser, required: false },
      { schema: scimSchemas.enterpriseUser, required: false },
    ],
    meta: { resourceType: 'ResourceType', location: `${baseUrl}/ResourceTypes/User` },
  };
}

const attribute = (
  name: string,
  description: string,
  options: Partial<{
    type: string;
    required: boolean;
    uniqueness: string;
    caseExact: boolean;
    multiValued: boolean;
  }> = {},
) => ({
  name,
  type: options.type ?? 'string',
  multiValued: options.multiValued ?? false,
  description,
  required: options.required ?? false,
  caseExact: options.caseExact ?? false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: options.uniqueness ?? 'none',
});

export function describeSchemas(baseUrl: string) {
  return [
    {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
      id: scimSchemas.user,
      name: 'User',
      description: 'A person in Tend',
      attributes: [
        attribute('userName', "The person's e-mail address, which they sign in with", {
          required: true,
          uniqueness: 'server',
        }),
        {
          ...attribute('name', "The person's name; Tend keeps it as one text", { type: 'complex' }),
          subAttributes: [
            attribute('formatted', 'The full name'),
            attribute('givenName', 'Given name'),
            attribute('familyName', 'Family name'),
          ],
        },
        attribute('displayName', 'The name shown to others'),
        attribute('active', 'False signs the person out everywhere and stops them signing in', {
          type: 'boolean',
        }),
        {
          ...attribute('emails', 'Repeats userName', { type: 'complex', multiValued: true }),
          subAttributes: [attribute('value', 'The e-mail address'), attribute('type', 'work')],
        },
      ],
      meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${scimSchemas.user}` },
    },
    {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:Schema'],
      id: scimSchemas.tendUser,
      name: 'TendUser',
      description: "A member's level and discipline in Tend (the role is set in Tend and only shown here)",
      attributes: [
        attribute('level', 'student-1 … student-4, resident, practitioner or faculty'),
        attribute(
          'discipline',
          'Nursing, Pharmacy, …; the enterprise department is used when this is absent',
        ),
      ],
      meta: { resourceType: 'Schema', location: `${baseUrl}/Schemas/${scimSchemas.tendUser}` },
    },
  ];
}
