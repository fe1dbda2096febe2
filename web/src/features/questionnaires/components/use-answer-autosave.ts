import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../../lib/api.ts';
import { ApiError } from '../../../lib/api-client.ts';
import type { Questionnaire } from '../api/questionnaires.ts';

type Answers = Record<string, number>;

export type SaveState =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'offline' }
  | { state: 'failed'; message: string };

/** How long after an answer it is sent: a burst of taps goes out as one save. */
export const autosaveDelayMs = 600;

const keyOf = (windowId: string) => `tend.questionnaire-answers.${windowId}`;

function readStored(windowId: string): Answers | null {
  try {
    const stored = window.localStorage.getItem(keyOf(windowId));
    return stored ? (JSON.parse(stored) as Answers) : null;
  } catch {
    return null;
  }
}

function writeStored(windowId: string, answers: Answers): void {
  try {
    window.localStorage.setItem(keyOf(windowId), JSON.stringify(answers));
  } catch {
    // Storage full or off: the answers still go to the server while online.
  }
}

function removeStored(windowId: string): void {
  try {
    window.localStorage.removeItem(keyOf(windowId));
  } catch {
    // Nothing kept, nothing to remove.
  }
}

/** A failure that says nothing about the answers (no connection, the server away): keep them and retry. */
function isConnectionProblem(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status >= 500 || error.code === 'NETWORK';
}

/**
 * Answers that are never lost: each one is kept on this device the moment it is given and sent to the
 * server shortly after (a burst of taps as one save). Offline, they wait on the device and go out when
 * the connection is back — or, if the page was closed, the next time the questionnaire is opened. The
 * device's copy is removed once the server has every answer.
 */
export function useAnswerAutosave(windowId: string, serverAnswers: Answers, isEditable: boolean) {
  const queryClient = useQueryClient();
  const [restored] = useState(() => (isEditable ? readStored(windowId) : null));
  const [answers, setAnswers] = useState<Answers>(() => ({ ...serverAnswers, ...(restored ?? {}) }));
  const [status, setStatus] = useState<SaveState>({ state: 'idle' });
  const latest = useRef(answers);
  // Each change bumps `changed`; `saved` is the change the server has. Restored answers count as unsent.
  const changed = useRef(restored ? 1 : 0);
  const saved = useRef(0);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const isStopped = useRef(!isEditable);

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (isStopped.current || changed.current === saved.current || inFlight.current) return;
    if (!navigator.onLine) {
      setStatus({ state: 'offline' });
      return;
    }
    const sending = changed.current;
    const body = latest.current;
    inFlight.current = true;
    setStatus({ state: 'saving' });
    try {
      await api('PUT', '/api/me/assessments/{windowId}/draft', {
        path: { windowId },
        body: { answers: body },
      });
      saved.current = Math.max(saved.current, sending);
      // The cached questionnaire keeps up, so coming back to the page shows every answer.
      queryClient.setQueryData<Questionnaire>(['my-assessments', windowId], (current) =>
        current ? { ...current, status: 'draft', answers: body } : current,
      );
      if (changed.current === sending) {
        removeStored(windowId);
        setStatus({ state: 'saved' });
      }
    } catch (error) {
      if (isConnectionProblem(error)) setStatus({ state: 'offline' });
      else {
        // The server refused (the window closed, or it was submitted elsewhere): keep the device's copy.
        isStopped.current = true;
        setStatus({ state: 'failed', message: (error as Error).message });
      }
    } finally {
      inFlight.current = false;
    }
    // Answers given while this save was on its way go out next.
    if (!isStopped.current && changed.current !== saved.current && navigator.onLine) {
      timer.current = setTimeout(() => void flush(), autosaveDelayMs);
    }
  }, [queryClient, windowId]);

  const answer = useCallback(
    (item: number, value: number) => {
      if (isStopped.current) return;
      const next = { ...latest.current, [String(item)]: value };
      latest.current = next;
      changed.current += 1;
      setAnswers(next);
      writeStored(windowId, next);
      setStatus({ state: 'pending' });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), autosaveDelayMs);
    },
    [flush, windowId],
  );

  /** While submitting: no draft save may overtake the submission (the device keeps its copy). */
  const hold = useCallback(() => {
    isStopped.current = true;
    if (timer.current) clearTimeout(timer.current);
  }, []);

  /** The submission failed: saving as you go carries on. */
  const resume = useCallback(() => {
    isStopped.current = !isEditable;
  }, [isEditable]);

  /** After submitting: nothing more to save, and nothing kept on the device. */
  const finish = useCallback(() => {
    hold();
    removeStored(windowId);
  }, [hold, windowId]);

  useEffect(() => {
    // Answers kept from a visit without a connection go out as soon as the page opens.
    if (changed.current !== saved.current) void flush();
    const sendNow = () => void flush();
    const sendWhenHidden = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    window.addEventListener('online', sendNow);
    window.addEventListener('pagehide', sendNow);
    document.addEventListener('visibilitychange', sendWhenHidden);
    return () => {
      window.removeEventListener('online', sendNow);
      window.removeEventListener('pagehide', sendNow);
      document.removeEventListener('visibilitychange', sendWhenHidden);
      // Leaving the page inside the app: what is not yet sent goes now (and stays on the device until it has).
      void flush();
    };
  }, [flush]);

  return {
    answers,
    answer,
    status,
    flush,
    hold,
    resume,
    finish,
    /** Answers this device kept that the server did not have when the page opened. */
    wasRestored: restored !== null,
    hasUnsent: () => changed.current !== saved.current,
  };
}
