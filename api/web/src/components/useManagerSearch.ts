// The managers a picker offers as the user types (name or employee number), from the
// reader's scope; one hook for every manager picker.
import { useEffect, useState } from 'react';
import { api } from '../api';

export type PickedManager = { id: string; name: string; employeeNo: string };

export function useManagerSearch(enabled = true) {
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<PickedManager[]>([]);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const timer = setTimeout(() => {
      api<{ managers: PickedManager[] }>('GET', `/api/org/managers?limit=20&q=${encodeURIComponent(search)}`)
        .then((r) => live && setFound(r.managers))
        .catch(() => live && setFound([]));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [search, enabled]);
  return { found, setSearch };
}
