// The benchmark's same-shape floor: what one manager's evaluation does to Temporal, with
// no-op bodies. Since tasks are opened by the cycle's page step, an evaluation starts with
// its tasks open: per task a reminder timer and the signal the API sends once it has
// recorded the submission; at the end a score and a county-check activity. Kaoping end to
// end is measured against this, in the same run (the page steps, about 1 % of the
// activities, are left out of the floor).
import { condition, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { floorActivities } from './floorActivities';

export const floorSubmittedSignal = defineSignal<[number]>('floorSubmitted');

/** The shape, kept beside the workflow so the notes can quote it (see docs/benchmark.md). */
export const floorShape = { tasks: 3, timersPerTask: 1, signalsPerTask: 1, activitiesAtEnd: 2 } as const;

const { noop } = proxyActivities<ReturnType<typeof floorActivities>>({ startToCloseTimeout: '20 seconds' });

export async function floorEvaluationWorkflow(): Promise<void> {
  const submitted = Array.from({ length: floorShape.tasks }, () => false);
  setHandler(floorSubmittedSignal, (i) => {
    if (Number.isInteger(i) && i >= 0 && i < floorShape.tasks) submitted[i] = true;
  });
  // Each task's reminder timer, cancelled by its submission as a task's deadline plan is.
  await Promise.all(submitted.map((_, i) => condition(() => submitted[i]!, '1 day')));
  await noop('score');
  await noop('countyCheck');
}
