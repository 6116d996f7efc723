// A results talk (情感沟通) after a month's published result: the county leader it was split
// to holds the talk and records it, then the manager acknowledges the record. Both are
// human tasks with reminders and escalation; an acknowledgement never given is closed as such.
import { log, setHandler } from '@temporalio/workflow';
import { shanghaiDate } from '../domain/calendar';
import { talkDateProblem, type TalkRecord } from '../domain/resultsTalk';
import { submissionSchemaOf } from '../domain/taskKinds';
import { resultsTalk } from '../domain/taskKinds/resultsTalk';
import { talkAcknowledgement } from '../domain/taskKinds/talkAcknowledgement';
import { acts } from './activities';
import { now, nowIso } from './clock';
import { HumanTask, handleOneTaskAtATime } from './humanTask';
import { invalid, refuse } from './refusals';
import {
  cancelResultsTalkUpdate,
  resultsTalkStatusQuery,
  type CancelResultsTalkRequest,
  type ResultsTalkInput,
  type ResultsTalkStatus,
} from './resultsTalk.messages';
import { setIncidentScope } from './incidents';

export async function resultsTalkWorkflow(input: ResultsTalkInput): Promise<ResultsTalkStatus> {
  setIncidentScope({ subject: { resultsTalkId: input.resultsTalkId } });
  // setup
  let stage: ResultsTalkStatus['stage'] = 'TO_HOLD';
  const tasks: HumanTask[] = [];
  let current: HumanTask | undefined;
  const status = (): ResultsTalkStatus => ({ stage, tasks: tasks.map((t) => ({ ...t.state })) });
  setHandler(resultsTalkStatusQuery, status);
  handleOneTaskAtATime(
    () => current,
    (task, request) => {
      const parsed: unknown = submissionSchemaOf(task.state.kind)?.parse(request.payload);
      if (task.state.kind !== resultsTalk.kind) return;
      const { heldOn } = parsed as TalkRecord;
      const problem = talkDateProblem(heldOn, shanghaiDate(new Date(input.publishedAt)), shanghaiDate(now()));
      if (problem) throw invalid([{ field: 'heldOn', ...problem }]);
    },
  );
  let cancelled: CancelResultsTalkRequest | undefined;
  setHandler(
    cancelResultsTalkUpdate,
    (request) => {
      cancelled ??= request;
      current?.cancel();
      return { cancelled: true };
    },
    {
      validator: (_request) => {
        if (stage !== 'TO_HOLD' && stage !== 'TO_ACKNOWLEDGE') throw refuse('TaskClosed', 'the talk is over already');
      },
    },
  );
  const cancel = async () => {
    await acts.cancelResultsTalk({ resultsTalkId: input.resultsTalkId, ...cancelled!, at: nowIso() });
    current = undefined;
    stage = 'CANCELLED';
    return status();
  };
  const subject = { resultsTalkId: input.resultsTalkId, round: 1 };

  // run: the talk, due some days after the results were published
  current = new HumanTask(
    resultsTalk.kind,
    subject,
    input.template,
    new Date(input.publishedAt),
    undefined,
    input.opened,
  );
  tasks.push(current);
  await current.run();
  // A talk held as the manager left is recorded all the same; nobody is then asked to acknowledge it.
  const held = current.state.phase === 'SUBMITTED';
  if (held)
    await acts.recordResultsTalk({ resultsTalkId: input.resultsTalkId, taskId: current.state.taskId!, at: nowIso() });
  if (cancelled) return cancel(); // the manager left
  if (!held) return status();

  stage = 'TO_ACKNOWLEDGE';
  current = new HumanTask(talkAcknowledgement.kind, subject, input.template);
  tasks.push(current);
  await current.run();
  if (cancelled) return cancel();
  const acknowledged = current.state.phase === 'SUBMITTED';
  await acts.closeResultsTalk({
    resultsTalkId: input.resultsTalkId,
    taskId: current.state.taskId!,
    acknowledged,
    at: nowIso(),
  });
  current = undefined;
  stage = acknowledged ? 'ACKNOWLEDGED' : 'UNACKNOWLEDGED';
  log.info('results talk done', { resultsTalkId: input.resultsTalkId, stage });
  return status();
}
