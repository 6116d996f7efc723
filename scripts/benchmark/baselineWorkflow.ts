// The benchmark's baseline: a bare workflow that only waits for one signal.
import { condition, defineSignal, setHandler } from '@temporalio/workflow';

export const doneSignal = defineSignal('done');

export async function signalBaselineWorkflow(): Promise<void> {
  let done = false;
  setHandler(doneSignal, () => {
    done = true;
  });
  await condition(() => done);
}
