// The incident guard (故障): a step that keeps failing past its bounded retries does not fail
// its workflow. The workflow records an incident HR can see, waits for a retry (HR's, after
// the cause is fixed, or its own after some hours) and runs the step again. Calls made inside
// an update handler are not guarded: their failure belongs to the request that made them.
import {
  ActivityFailure,
  ApplicationFailure,
  TimeoutFailure,
  condition,
  currentUpdateInfo,
  isCancellation,
  proxyActivities,
  setHandler,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import { incidentPolicy } from '../domain/incidents';
import type { Activities } from '../activities';
import { nowIso } from './clock';
import { retryIncidentSignal, type IncidentScope } from './incidents.messages';

/** Writing the incident itself is retried without end: if that fails, nothing else works either. */
const incidentActs = proxyActivities<Activities>({
  startToCloseTimeout: '20 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

interface GuardState {
  scope: IncidentScope;
  handlerSet: boolean;
  retryAll: number;
  retryOne: Set<string>;
}

// Kept on the workflow's own globalThis, which the SDK isolates per workflow in every VM mode.
function guardState(): GuardState {
  const holder = globalThis as { __kaopingIncidents?: GuardState };
  holder.__kaopingIncidents ??= { scope: {}, handlerSet: false, retryAll: 0, retryOne: new Set() };
  return holder.__kaopingIncidents;
}

/** What the workflow's incidents are about (its cycle, county, evaluation, subject). */
export function setIncidentScope(scope: IncidentScope): void {
  guardState().scope = scope;
}

function describe(err: ActivityFailure): { errorType: string | null; message: string } {
  const cause = err.cause;
  if (cause instanceof ApplicationFailure) return { errorType: cause.type ?? null, message: cause.message };
  if (cause instanceof TimeoutFailure) return { errorType: 'Timeout', message: cause.message };
  return { errorType: cause?.name ?? null, message: cause?.message ?? err.message };
}

async function waitForRetry(incidentId: string): Promise<void> {
  const state = guardState();
  if (!state.handlerSet) {
    setHandler(retryIncidentSignal, ({ incidentId: id }) => {
      if (id) state.retryOne.add(id);
      else state.retryAll += 1;
    });
    state.handlerSet = true;
  }
  const seen = state.retryAll;
  await condition(
    () => state.retryOne.has(incidentId) || state.retryAll > seen,
    `${incidentPolicy.autoRetryHours} hours`,
  );
  state.retryOne.delete(incidentId);
  await incidentActs.incidentRetrying({ incidentId, at: nowIso() });
}

/** Runs `call` until it goes through, turning each run of exhausted retries into an incident. */
async function untilItGoesThrough<T>(step: string, call: () => Promise<T>): Promise<T> {
  let incidentId: string | undefined;
  for (;;) {
    try {
      const result = await call();
      if (incidentId) await incidentActs.resolveIncident({ incidentId, at: nowIso() });
      return result;
    } catch (err) {
      if (!(err instanceof ActivityFailure) || isCancellation(err) || currentUpdateInfo()) throw err;
      incidentId ??= uuid4();
      const info = workflowInfo();
      await incidentActs.raiseIncident({
        incidentId,
        workflowId: info.workflowId,
        workflowType: info.workflowType,
        step,
        scope: guardState().scope,
        ...describe(err),
        at: nowIso(),
      });
      await waitForRetry(incidentId);
    }
  }
}

/** The same activity stubs, each call guarded. */
export function guarded<T extends object>(stubs: T): T {
  return new Proxy(stubs, {
    get(target, name, receiver) {
      const stub: unknown = Reflect.get(target, name, receiver);
      if (typeof name !== 'string' || typeof stub !== 'function') return stub;
      return (...args: unknown[]) =>
        untilItGoesThrough(name, () => (stub as (...a: unknown[]) => Promise<unknown>)(...args));
    },
  });
}
