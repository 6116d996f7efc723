// Sending a form: busy while it goes, the API's field errors shown under their fields and
// its message above the button; one hook for every form that posts.
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { applyFieldErrors } from '../api';

export function useSubmit<T>(form: FormInstance, send: (values: T) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const submit = async (values: T) => {
    setBusy(true);
    setError(undefined);
    try {
      await send(values);
    } catch (e) {
      applyFieldErrors(form, e);
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, submit };
}
