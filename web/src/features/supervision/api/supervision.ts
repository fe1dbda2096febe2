import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client.ts';

type Person = { id: string; name: string };

export type SupervisionRole = 'supervisor' | 'supervisee';

export type Pairing = {
  id: string;
  status: 'proposed' | 'active' | 'declined' | 'ended' | 'withdrawn';
  myRole: SupervisionRole;
  colleague: Person;
  isProposedByMe: boolean;
  cadenceWeeks: number;
  minutes: number;
  place: string | null;
  videoUrl: string | null;
  conversations: {
    id: string;
    sequence: number;
    startsAt: string;
    endsAt: string;
    cancelledAt: string | null;
    hasNotes: boolean;
  }[];
};

export type SupervisionNotes = {
  experiences: string;
  reactions: string;
  whatHelped: string;
  nextSteps: string;
};

export type Conversation = {
  id: string;
  pairingId: string;
  status: Pairing['status'];
  sequence: number;
  conversationCount: number;
  startsAt: string;
  endsAt: string;
  cancelledAt: string | null;
  colleague: Person;
  notes: SupervisionNotes;
  notesUpdatedAt: string | null;
};

export type Proposal = {
  colleagueId: string;
  myRole: SupervisionRole;
  firstDate: string;
  time: string;
  timeZone: string;
  cadenceWeeks: number;
  count: number;
  minutes: number;
  place: string | null;
  videoUrl: string | null;
};

export function useSupervision() {
  return useQuery({
    queryKey: ['supervision'],
    queryFn: () => apiRequest<{ pairings: Pairing[] }>('GET', '/api/supervision'),
  });
}

export function useProposeSupervision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (proposal: Proposal) =>
      apiRequest<{ id: string }>('POST', '/api/supervision/pairings', proposal),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['supervision'] }),
  });
}

export function useRespondToSupervision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ pairingId, isAccepted }: { pairingId: string; isAccepted: boolean }) =>
      apiRequest('POST', `/api/supervision/pairings/${pairingId}/response`, { isAccepted }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['supervision'] }),
  });
}

export function useConversation(conversationId: string) {
  return useQuery({
    queryKey: ['supervision-conversation', conversationId],
    queryFn: () => apiRequest<Conversation>('GET', `/api/supervision/conversations/${conversationId}`),
  });
}

export function useSaveNotes(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notes: SupervisionNotes) =>
      apiRequest<Conversation>('PUT', `/api/supervision/conversations/${conversationId}/notes`, notes),
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
      apiRequest<{ status: Pairing['status']; cancelledConversations: number }>(
        'POST',
        `/api/supervision/pairings/${pairingId}/end`,
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['supervision'] }),
  });
}

export type ConversationMove = { date: string; time: string; timeZone: string };

export function useMoveConversation(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (move: ConversationMove) =>
      apiRequest<Conversation>('POST', `/api/supervision/conversations/${conversationId}/move`, move),
    onSuccess: (conversation) => {
      queryClient.setQueryData(['supervision-conversation', conversationId], conversation);
      return queryClient.invalidateQueries({ queryKey: ['supervision'] });
    },
  });
}
