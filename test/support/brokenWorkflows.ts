// A bad deployment, for the tests: every workflow as it is, except the manager's
// evaluation, whose code fails at every workflow task (as a bug would).
export * from '../../workflows';

export async function managerEvaluationWorkflow(): Promise<never> {
  throw new Error('managerEvaluationWorkflow: this build cannot go on (a bad deployment)');
}
