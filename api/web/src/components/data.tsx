// Loading, empty and error states for every page and card, from one hook.
import { Alert, Button, Empty, Result, Skeleton } from 'antd';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { api, ApiError } from '../api';
import { useSession } from '../session';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | Error | undefined;
  loading: boolean;
  reload: () => Promise<void>;
}

/** GET a path (null: nothing to load yet); reload() fetches again without blanking the page. */
export function useApi<T>(path: string | null, { refreshMs }: { refreshMs?: number } = {}): Loaded<T> {
  const { lang } = useSession();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError | Error>();
  const [loading, setLoading] = useState(!!path);
  const current = useRef(path);
  current.current = path;
  const reload = useCallback(async () => {
    if (!path) return;
    setLoading(true);
    try {
      const body = await api<T>('GET', path);
      if (current.current === path) {
        setData(body);
        setError(undefined);
      }
    } catch (e) {
      if (current.current === path) setError(e as Error);
    } finally {
      if (current.current === path) setLoading(false);
    }
  }, [path]);
  useEffect(() => {
    void reload();
  }, [reload, lang]);
  useEffect(() => {
    if (!refreshMs) return;
    const timer = setInterval(() => void reload(), refreshMs);
    return () => clearInterval(timer);
  }, [reload, refreshMs]);
  return { data, error, loading, reload };
}

/** The page's body once loaded; a skeleton while loading, the problem in words if it failed. */
export function Loading<T>({ state, children }: { state: Loaded<T>; children: (data: T) => ReactNode }) {
  const { t } = useSession();
  if (state.error && !state.data) return <ProblemResult error={state.error} onRetry={state.reload} />;
  if (!state.data) return <Skeleton active paragraph={{ rows: 6 }} aria-label={t('loading')} />;
  return <>{children(state.data)}</>;
}

export function ProblemResult({ error, onRetry }: { error: Error; onRetry?: () => unknown }) {
  const { t } = useSession();
  const status = error instanceof ApiError ? error.status : 500;
  const title = status === 403 ? t('forbidden') : status === 404 ? t('pageNotFound') : t('loadFailed');
  return (
    <Result
      status={status === 403 ? '403' : status === 404 ? '404' : 'warning'}
      title={title}
      subTitle={<span className="problem">{error.message}</span>}
      extra={onRetry ? <Button onClick={() => void onRetry()}>{t('retry')}</Button> : undefined}
    />
  );
}

export function ErrorAlert({ error }: { error: Error | undefined }) {
  if (!error) return null;
  const fields = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  return (
    <Alert
      className="problem"
      type="error"
      showIcon
      title={error.message}
      description={fields.length ? fields.map((f) => <div key={f.field}>{f.message}</div>) : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}

export function EmptyState({ text }: { text: string }) {
  return <Empty description={text} />;
}
