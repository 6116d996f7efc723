// Started by the calendar's Temporal Schedule (monthly on the 1st; quarterly on 1 Jan,
// Apr, Jul, Oct; half-year on 1 Jan and Jul; annual on 1 Jan, Asia/Shanghai): opens the
// city's cycle of that type for the period the schedule's time falls in.
import type { CycleType } from '../domain/cycles';
import { acts } from './activities';
import { nowIso } from './clock';

export async function calendarCycleWorkflow(input: {
  type: CycleType;
}): Promise<{ cycleId: string; period: string; created: boolean }> {
  return acts.openScheduledCycle({ type: input.type, at: nowIso() });
}
