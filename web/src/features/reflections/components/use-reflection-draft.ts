import { useCallback, useState } from 'react';
import type { ReflectionInput } from '../api/reflections.ts';

const keyOf = (followUpId: string) => `tend.reflection-draft.${followUpId}`;

function readDraft(followUpId: string): ReflectionInput | null {
  try {
    const stored = window.localStorage.getItem(keyOf(followUpId));
    return stored ? (JSON.parse(stored) as ReflectionInput) : null;
  } catch {
    return null;
  }
}

/**
 * A reflection being written, kept in this browser's storage as it is typed, so a dropped
 * connection or a reload loses nothing. The draft is removed once the server has the answer.
 */
export function useReflectionDraft(followUpId: string, saved: ReflectionInput | null) {
  const [restored] = useState(() => readDraft(followUpId));
  const [draft, setDraftState] = useState<ReflectionInput>(
    restored ?? saved ?? { answer: '', skillUsed: 'not-yet', intention: null },
  );
  const [isStored, setIsStored] = useState(restored !== null);

  const setDraft = useCallback(
    (change: Partial<ReflectionInput>) => {
      setDraftState((current) => {
        const next = { ...current, ...change };
        try {
          window.localStorage.setItem(keyOf(followUpId), JSON.stringify(next));
          setIsStored(true);
        } catch {
          // Storage full or disabled: the draft lives only in the page.
          setIsStored(false);
        }
        return next;
      });
    },
    [followUpId],
  );

  const clearDraft = useCallback(() => {
    window.localStorage.removeItem(keyOf(followUpId));
    setIsStored(false);
  }, [followUpId]);

  return { draft, setDraft, clearDraft, isStored, wasRestored: restored !== null };
}
