import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiBody, type ApiResponse, api } from '../../../lib/api.ts';

export type SignInMethods = ApiResponse<'GET', '/api/organization/sign-in-methods'>;
export type SsoConnection = SignInMethods['connections'][number];
export type OidcConnectionBody = ApiBody<'PUT', '/api/organization/sso/oidc'>;
export type SamlConnectionBody = ApiBody<'PUT', '/api/organization/sso/saml'>;

const queryKey = ['sign-in-methods'];

export function useSignInMethods() {
  return useQuery({ queryKey, queryFn: () => api('GET', '/api/organization/sign-in-methods') });
}

function useRefreshAfter<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey }) });
}

export function useSaveOidcConnection() {
  return useRefreshAfter((body: OidcConnectionBody) => api('PUT', '/api/organization/sso/oidc', { body }));
}

export function useSaveSamlConnection() {
  return useRefreshAfter((body: SamlConnectionBody) => api('PUT', '/api/organization/sso/saml', { body }));
}

export function useDisconnect() {
  return useRefreshAfter((protocol: 'oidc' | 'saml') =>
    api('DELETE', '/api/organization/sso/{protocol}', { path: { protocol } }),
  );
}

export function useSetPasswordSignIn() {
  return useRefreshAfter((isPasswordSignInAdminOnly: boolean) =>
    api('PUT', '/api/organization/sign-in-methods', { body: { isPasswordSignInAdminOnly } }),
  );
}

export function useIssueScimToken() {
  return useRefreshAfter(() => api('POST', '/api/organization/scim-token'));
}

export function useRevokeScimToken() {
  return useRefreshAfter(() => api('DELETE', '/api/organization/scim-token'));
}
