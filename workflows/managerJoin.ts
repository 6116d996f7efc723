// A manager joins (新入职): the API records them, then starts this; it adds them to every
// cycle of their county (or the city) still open whose county review has not started,
// each with its own evaluation workflow. Durable: a crash of the API after the start
// loses nothing, and a retried activity joins nobody twice.
import { log } from '@temporalio/workflow';
import { acts } from './activities';
import type { ManagerJoinInput } from './managerJoin.messages';

export async function managerJoinWorkflow(input: ManagerJoinInput): Promise<{ joinedCycles: string[] }> {
  const { joinedCycles } = await acts.joinOpenCycles({ managerId: input.managerId });
  log.info('manager joined open cycles', { managerId: input.managerId, cycles: joinedCycles.length });
  return { joinedCycles };
}
