// A task form's draft (草稿), kept on the server as the assignee types (debounced), so a reload,
// another browser or another device finds it; flushed when the page goes away.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api';
import { useApi } from './data';

export interface Draft {
  payload: Record<string, unknown>;
  updatedAt: string;
}

export type DraftState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed' };

/** Long enough that a word typed is one request, short enough that little is lost. */
const debounceMs = 800;

export function useTaskDraft(taskId: string) {
  const path = `/api/tasks/${taskId}/draft`;
  const loaded = useApi<{ draft: Draft | null }>(path);
  const [state, setState] = useState<DraftState>({ kind: 'idle' });
  const pending = useRef<Record<string, unknown> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const save = useCallback(
    async (keepalive = false) => {
      clearTimeout(timer.current);
      const payload = pending.current;
      if (!payload) return;
      pending.current = null;
      setState({ kind: 'saving' });
      try {
        const { draft } = await api<{ draft: Draft }>('PUT', path, { payload }, { keepalive });
        setState({ kind: 'saved', at: draft.updatedAt });
      } catch {
        setState({ kind: 'failed' });
      }
    },
    [path],
  );

  useEffect(() => {
    const flush = () => void save(true);
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [save]);

  return {
    loading: loaded.loading,
    /** A draft that could not be read is not a reason to keep the form from the user. */
    draft: loaded.data?.draft ?? null,
    state,
    change: (values: Record<string, unknown>) => {
      pending.current = values;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), debounceMs);
    },
    /** After a submission: nothing left to save (the server has deleted the draft). */
    discard: () => {
      pending.current = null;
      clearTimeout(timer.current);
    },
  };
}
