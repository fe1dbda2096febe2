import { useMutation } from '@tanstack/react-query';
import { type ApiBody, api } from '../../../lib/api.ts';

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) => api('POST', '/api/password-resets', { body: { email } }),
  });
}

export function useCompletePasswordReset() {
  return useMutation({
    mutationFn: (input: ApiBody<'POST', '/api/password-resets/accept'>) =>
      api('POST', '/api/password-resets/accept', { body: input }),
  });
}
