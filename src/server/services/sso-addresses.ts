/**
 * The addresses an organisation registers Tend under at its identity provider. They depend only on
 * the public URL and the organisation's id, so they stay put when a connection is replaced.
 */
export function serviceProviderAddresses(publicUrl: string, organizationId: string) {
  const base = publicUrl.replace(/\/+$/, '');
  const saml = `${base}/api/sso/saml/${organizationId}`;
  return {
    oidcRedirectUri: `${base}/api/sso/oidc/callback`,
    oidcPostLogoutRedirectUri: `${base}/sign-in`,
    samlEntityId: `${saml}/metadata`,
    samlMetadataUrl: `${saml}/metadata`,
    samlAcsUrl: `${saml}/acs`,
    samlLogoutUrl: `${saml}/logout`,
    scimBaseUrl: `${base}/scim/v2`,
  };
}

export function startPath(protocol: 'oidc' | 'saml', organizationId: string): string {
  return `/api/sso/${protocol}/${organizationId}/start`;
}
