// Hash routes (#/tasks/:id …): the links in mails open the same pages as the menu.
import { useEffect, useState } from 'react';

export function navigate(hash: string): void {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

/** The route's parts: '#/tasks/abc' → ['tasks', 'abc']. */
export function useRoute(): string[] {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return (hash || '#/inbox').replace(/^#\/?/, '').split('?')[0]!.split('/').filter(Boolean);
}
