// Incidents in words: every step a workflow runs has a name in both languages, and the
// sentence HR reads says which process, which step and why.
import { createActivities } from '../../activities';
import {
  incidentCause,
  incidentPolicy,
  incidentSentence,
  incidentStepNames,
  incidentWorkflowNames,
} from '../../domain/incidents';
import * as workflows from '../../workflows';

test('every activity and every workflow has a name in zh-CN and en', () => {
  const activities = Object.keys(createActivities({} as never)).filter(
    (a) => !['raiseIncident', 'incidentRetrying', 'resolveIncident'].includes(a),
  );
  expect(activities.filter((a) => !incidentStepNames[a])).toEqual([]);
  expect(Object.keys(workflows).filter((w) => !incidentWorkflowNames[w])).toEqual([]);
  for (const names of [...Object.values(incidentStepNames), ...Object.values(incidentWorkflowNames)]) {
    expect(names['zh-CN']).toMatch(/\p{Script=Han}/u);
    expect(names.en).toMatch(/^[a-z]/);
  }
});

test('the sentence: process, step, cause', () => {
  const incident = { workflowType: 'managerEvaluationWorkflow', step: 'scoreEvaluation', errorType: 'PermanentError' };
  expect(incidentSentence(incident, 'zh-CN')).toBe(
    '客户经理考评：无法计算综合得分 — 数据不符合要求（缺少记录或违反约束），重试前需要先修复数据',
  );
  expect(incidentSentence(incident, 'en')).toBe(
    'manager evaluation: could not compute the composite score — the data is not as required (a missing row or a broken constraint); fix the data, then retry',
  );
  expect(incidentCause(null, 'zh-CN')).toBe('步骤多次失败');
  expect(incidentCause('SomethingElse', 'en')).toBe('the step failed again and again');
});

test('retries are bounded to about half an hour before an incident', () => {
  // 1, 2, 4, … s doubling up to the cap, then the cap, for every attempt after the first.
  let wait = 1;
  let total = 0;
  for (let attempt = 1; attempt < incidentPolicy.maximumAttempts; attempt++) {
    total += wait;
    wait = Math.min(wait * 2, incidentPolicy.maximumIntervalSeconds);
  }
  expect(total / 60).toBeGreaterThan(20);
  expect(total / 60).toBeLessThan(40);
});
