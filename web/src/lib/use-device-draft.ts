import { useCallback, useState } from 'react';

function readDraft<T>(key: string): T | null {
  try {
    const stored = window.localStorage.getItem(key);
    return stored ? (JSON.parse(stored) as T) : null;
  } catch {
    return null;
  }
}

/**
 * Something a person is writing (a reflection, a post), kept in this browser's storage as it is
 * typed, so a dropped connection or a reload loses nothing. `clearDraft` once the server has it.
 * `key` names the draft on this device, e.g. `tend.reflection-draft.<follow-up id>`.
 */
export function useDeviceDraft<T extends object>(key: string, initial: T) {
  const [restored] = useState(() => readDraft<T>(key));
  const [draft, setDraftState] = useState<T>(restored ?? initial);
  const [isStored, setIsStored] = useState(restored !== null);

  const setDraft = useCallback(
    (change: Partial<T>) => {
      setDraftState((current) => {
        const next = { ...current, ...change };
        try {
          window.localStorage.setItem(key, JSON.stringify(next));
          setIsStored(true);
        } catch {
          // Storage full or disabled: the draft lives only in the page.
          setIsStored(false);
        }
        return next;
      });
    },
    [key],
  );

  const clearDraft = useCallback(
    (empty?: T) => {
      window.localStorage.removeItem(key);
      setIsStored(false);
      if (empty) setDraftState(empty);
    },
    [key],
  );

  return { draft, setDraft, clearDraft, isStored, wasRestored: restored !== null };
}
