import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) => apiRequest<{ message: string }>('POST', '/api/password-resets', { email }),
  });
}

export function useCompletePasswordReset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { token: string; password: string }) =>
      apiRequest<void>('POST', '/api/password-resets/accept', input),
    // A new session: everything read before belongs to no one now.
    onSuccess: () => queryClient.resetQueries(),
  });
}
