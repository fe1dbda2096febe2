import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiBody, type ApiResponse, api } from '../../../lib/api.ts';

export type Pairing = ApiResponse<'GET', '/api/supervision'>['pairings'][number];
export type SupervisionRole = Pairing['myRole'];
export type Conversation = ApiResponse<'GET', '/api/supervision/conversations/{conversationId}'>;
export type SupervisionNotes = ApiBody<'PUT', '/api/supervision/conversations/{conversationId}/notes'>;
export type Proposal = ApiBody<'POST', '/api/supervision/pairings'>;
export type ConversationMove = ApiBody<'POST', '/api/supervision/conversations/{conversationId}/move'>;

export function useSupervision() {
  return useQuery({
    queryKey: ['supervision'],
    queryFn: () => api('GET', '/api/supervision'),
  });
}

export function useProposeSupervision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (proposal: Proposal) => api('POST', '/api/supervision/pairings', { body: proposal }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['supervision'] }),
  });
}

export function useRespondToSupervision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      pairingId,
      ...answer
    }: { pairingId: string } & ApiBody<'POST', '/api/supervision/pairings/{pairingId}/response'>) =>
      api('POST', '/api/supervision/pairings/{pairingId}/response', { path: { pairingId }, body: answer }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['supervision'] }),
  });
}

export function useConversation(conversationId: string) {
  return useQuery({
    queryKey: ['supervision-conversation', conversationId],
    queryFn: () =>
      api('GET', '/api/supervision/conversations/{conversationId}', { path: { conversationId } }),
  });
}

export function useSaveNotes(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notes: SupervisionNotes) =>
      api('PUT', '/api/supervision/conversations/{conversationId}/notes', {
        path: { conversationId },
        body: notes,
      }),
    onSuccess: (conversation) => {
      queryClient.setQueryData(['supervision-conversation', conversationId], conversation);
      return queryClient.invalidateQueries({ queryKey: ['supervision'] });
    },
  });
}

/** Ends an active supervision, or withdraws one's own proposal; conversations still ahead are cancelled. */
export function useEndSupervision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (pairingId: string) =>
      api('POST', '/api/supervision/pairings/{pairingId}/end', { path: { pairingId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['supervision'] }),
  });
}

export function useMoveConversation(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (move: ConversationMove) =>
      api('POST', '/api/supervision/conversations/{conversationId}/move', {
        path: { conversationId },
        body: move,
      }),
    onSuccess: (conversation) => {
      queryClient.setQueryData(['supervision-conversation', conversationId], conversation);
      return queryClient.invalidateQueries({ queryKey: ['supervision'] });
    },
  });
}
