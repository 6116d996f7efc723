// The signed-in person, their language and their roles, for every page. The token lives
// in localStorage for the session's life, so a mail link opened in a new tab is signed
// in; signing out in one tab signs out every tab.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { nameOf, type CodeGroup } from '@domain/codeNames';
import { languageOf, type Language } from '@domain/language';
import { api, onSessionChange, onUnauthorised, session } from './api';
import { navigate } from './router';
import { translate, type WordKey } from './i18n';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  language: string;
  taskMail: 'EACH' | 'DAILY_DIGEST';
  managerId: string | null;
  roles: { role: string; orgUnit?: { id: string; code: string; name: string; nameEn: string; kind: string } }[];
}

interface SessionValue {
  me: Me | null;
  ready: boolean;
  lang: Language;
  t: (key: WordKey, vars?: Record<string, string | number>) => string;
  name: (group: CodeGroup, code: string | null | undefined) => string;
  has: (...roles: string[]) => boolean;
  signedIn: (token: string) => Promise<void>;
  signOut: () => Promise<void>;
  setLanguage: (lang: Language) => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);
const browserLanguage = (): Language => languageOf(localStorage.getItem('kaoping.lang') ?? 'zh-CN');

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [ready, setReady] = useState(false);
  const [lang, setLang] = useState<Language>(browserLanguage);
  session.setLanguage(lang);

  const load = useCallback(async () => {
    if (!session.token()) {
      setMe(null);
      setReady(true);
      return;
    }
    try {
      const who = await api<Me>('GET', '/api/me');
      setMe(who);
      setLang(languageOf(who.language));
    } catch {
      setMe(null);
    }
    setReady(true);
  }, []);

  useEffect(() => {
    void load();
    onUnauthorised(() => {
      setMe(null);
      navigate('#/login');
    });
    return onSessionChange(() => {
      void load().then(() => {
        if (!session.token()) navigate('#/login');
      });
    });
  }, [load]);

  useEffect(() => {
    document.documentElement.lang = lang;
    localStorage.setItem('kaoping.lang', lang);
  }, [lang]);

  const value = useMemo<SessionValue>(
    () => ({
      me,
      ready,
      lang,
      t: (key, vars) => translate(lang, key, vars),
      name: (group, code) => nameOf(group, code, lang),
      has: (...roles) => !!me && me.roles.some((r) => roles.includes(r.role)),
      signedIn: async (token) => {
        session.setToken(token);
        await load();
      },
      signOut: async () => {
        await api('POST', '/api/auth/logout').catch(() => undefined);
        session.setToken(null);
        setMe(null);
        navigate('#/login');
      },
      setLanguage: async (next) => {
        setLang(next);
        session.setLanguage(next);
        if (me) {
          await api('PUT', '/api/me/language', { language: next });
          setMe({ ...me, language: next });
        }
      },
    }),
    [me, ready, lang, load],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
