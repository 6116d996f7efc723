// An objection (申诉) to a published result: recorded, then the county head's opinion and
// the city's decision, each a human task with reminders and escalation. The city's word
// is final: upheld, or the components adjusted, the cohort re-ranked and re-published.
import { log, setHandler } from '@temporalio/workflow';
import { adjustmentsOutsideObjection, objectionDecisionSchema } from '../domain/objections';
import { objectionCityDecision } from '../domain/taskKinds/objectionCityDecision';
import { objectionCountyReview } from '../domain/taskKinds/objectionCountyReview';
import { acts } from './activities';
import { nowIso } from './clock';
import { deliver } from './delivery';
import { HumanTask, handleOneTaskAtATime } from './humanTask';
import { objectionStatusQuery, type ObjectionInput, type ObjectionStatus } from './objection.messages';
import { invalid } from './refusals';
import { setIncidentScope } from './incidents';

export async function objectionWorkflow(input: ObjectionInput): Promise<ObjectionStatus> {
  setIncidentScope({ evaluationId: input.evaluationId, subject: { objectionId: input.objectionId } });
  // setup
  let stage: ObjectionStatus['stage'] = 'FILING';
  const tasks: HumanTask[] = [];
  let current: HumanTask | undefined;
  const status = (): ObjectionStatus => ({ stage, tasks: tasks.map((t) => ({ ...t.state })) });
  setHandler(objectionStatusQuery, status);
  handleOneTaskAtATime(
    () => current,
    (_task, request) => {
      const decision = objectionDecisionSchema.parse(request.payload);
      const outside = adjustmentsOutsideObjection(decision, input.components);
      if (outside.length)
        throw invalid([
          {
            field: 'adjustments',
            'zh-CN': `只能调整申诉涉及的分项（${outside.join('、')} 不在其中）`,
            en: `only the components objected to can be adjusted (${outside.join(', ')} is not one of them)`,
          },
        ]);
    },
  );
  await acts.recordObjection({
    objectionId: input.objectionId,
    evaluationId: input.evaluationId,
    components: input.components,
    reason: input.reason,
    filedById: input.filedById,
    at: input.filedAt,
  });

  // run
  stage = 'COUNTY_REVIEW';
  const county = new HumanTask(
    objectionCountyReview.kind,
    { objectionId: input.objectionId, round: 1 },
    input.template,
  );
  current = county;
  tasks.push(county);
  await county.run();

  stage = 'CITY_DECISION';
  await acts.setObjectionStatus({ objectionId: input.objectionId, status: 'CITY_DECISION', at: nowIso() });
  const city = new HumanTask(
    objectionCityDecision.kind,
    { objectionId: input.objectionId, round: 1 },
    input.template,
    undefined,
    county.state.dueDate,
  );
  current = city;
  tasks.push(city);
  await city.run();
  current = undefined;

  const decided = await acts.decideObjection({
    objectionId: input.objectionId,
    countyTaskId: county.state.taskId!,
    cityTaskId: city.state.taskId!,
    at: nowIso(),
  });
  stage = decided.status;
  log.info('objection decided', { objectionId: input.objectionId, status: decided.status });
  await deliver(decided.outboxIds);
  // An adjustment may have put someone into the bottom ranks: their case opens like any other.
  if (decided.newFlags > 0) await acts.openBottomRankCases({ cycleId: decided.cycleId, at: nowIso() });
  return status();
}
