// Incidents (故障): a workflow step that kept failing, told in words for HR and the admin.
// The workflow waits for a retry instead of failing; these are the names and sentences
// the incident list shows (what failed, in which process, why).
import type { Language, Names } from './language';

const n = (zh: string, en: string): Names => ({ 'zh-CN': zh, en });

/** How long a step is retried before it becomes an incident, and when it is tried again by itself. */
export const incidentPolicy = {
  /** Attempts of an ordinary step (about 30 minutes with the back-off below). */
  maximumAttempts: 20,
  maximumIntervalSeconds: 120,
  /** Attempts of a long batch step (each up to 10 minutes). */
  batchMaximumAttempts: 8,
  /** An open incident is retried by itself after this long, so an outage heals without anyone. */
  autoRetryHours: 6,
} as const;

export const incidentStatuses = ['OPEN', 'RETRYING', 'RESOLVED'] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

/** Every activity a workflow runs, by what it does. */
export const incidentStepNames: Record<string, Names> = {
  openCycle: n('开启考评周期', 'open the cycle'),
  openScheduledCycle: n('按日历开启周期', 'open the scheduled cycle'),
  setCycleStatus: n('更新周期状态', 'update the cycle status'),
  cycleProgress: n('统计周期进度', 'count the cycle’s progress'),
  notifyCycleProgress: n('通知周期进度', 'signal the cycle’s progress'),
  joinOpenCycles: n('加入进行中的周期', 'join the open cycles'),
  joinLateManagers: n('补充迟到的客户经理', 'join managers recorded late'),
  openTask: n('开启待办', 'open the task'),
  remindTask: n('发送提醒', 'send a reminder'),
  remindTasksNow: n('人力资源催办', 'send the reminders HR asked for'),
  applyKpiImportRows: n('导入营销部审核', 'apply the imported marketing reviews'),
  escalateTask: n('逾期上报', 'escalate the overdue task'),
  extendTaskDeadline: n('延长截止日期', 'extend the due date'),
  reassignTask: n('转交待办', 'reassign the task'),
  recordSubmission: n('保存提交', 'save the submission'),
  closeTaskAsMissing: n('按缺失关闭待办', 'close the task as missing'),
  deliverNotifications: n('发送邮件', 'send the mails'),
  scoreEvaluation: n('计算综合得分', 'compute the composite score'),
  withdrawEvaluation: n('撤回考评', 'withdraw the evaluation'),
  startCountyReviewIfReady: n('开启县级审核', 'start the county review'),
  setCountyReviewStatus: n('更新县级审核状态', 'update the county review'),
  notifyReturned: n('通知退回', 'tell the county of the return'),
  approveAndPublish: n('审批并公布结果', 'approve and publish the results'),
  openCustomerSurvey: n('发出客户调查', 'send the customer survey'),
  remindSurveyCustomers: n('提醒客户填写调查', 'remind the customers of the survey'),
  closeCustomerSurvey: n('结束客户调查', 'close the customer survey'),
  openBottomRankCases: n('开启末位处理', 'open the bottom-ranking cases'),
  setBottomRankCaseStatus: n('更新末位处理状态', 'update the bottom-ranking case'),
  recordBottomRankDecision: n('保存末位处理决定', 'save the bottom-ranking decision'),
  startGradeDetermination: n('开启等级评定', 'start the grade determination'),
  gradeCandidates: n('列出等级评定对象', 'list the grade candidates'),
  recordGradeProposal: n('保存等级建议', 'save the grade proposals'),
  setGradeReviewStatus: n('更新等级评定状态', 'update the grade review'),
  decideGradeChanges: n('审定等级调整', 'decide the grade changes'),
  applyGradeChanges: n('执行等级调整', 'apply the grade changes'),
  recordObjection: n('保存申诉意见', 'save the objection opinion'),
  decideObjection: n('保存申诉决定', 'save the objection decision'),
  setObjectionStatus: n('更新申诉状态', 'update the objection'),
  openResultsTalks: n('开启情感沟通', 'open the results talks'),
  recordResultsTalk: n('保存沟通记录', 'save the talk record'),
  closeResultsTalk: n('结束情感沟通', 'close the results talk'),
  cancelResultsTalk: n('取消情感沟通', 'cancel the results talk'),
  recordComplaint: n('登记投诉', 'register the complaint'),
  complaintAnswered: n('保存投诉说明', 'save the answer to the complaint'),
  decideComplaint: n('保存投诉认定并扣分', 'save the complaint decision and its deduction'),
  openWeekSheets: n('开启本周一张纸', 'open the week’s one-sheets'),
  weeklySheetSubmitted: n('保存提交的一张纸', 'save the submitted one-sheet'),
  weeklySheetMissed: n('一张纸逾期未交', 'close a one-sheet as missed'),
  weeklySheetReviewed: n('保存一张纸批阅并通知', 'save the one-sheet review and tell the manager'),
  sendOverdueDigests: n('发送逾期汇总', 'send the overdue digests'),
  sendNewTaskDigests: n('发送新任务汇总', 'send the new-task digests'),
  sweepClosedWorkflows: n('检查中止的流程', 'look for processes that stopped'),
  /** Not an activity: the process itself ended without finishing (failed, terminated, timed out). */
  workflow: n('继续运行流程', 'carry on with the process'),
  prepareCycle: n('创建本期考评', 'create the cycle’s evaluations'),
  evaluationPages: n('划分本期考评批次', 'cut the cycle’s evaluations into pages'),
  startEvaluationWorkflows: n('启动客户经理考评流程', 'start the managers’ evaluations'),
  publishCityResults: n('公布全市排名结果', 'publish the city’s results'),
};

/** The process an incident happened in, by workflow type. */
export const incidentWorkflowNames: Record<string, Names> = {
  managerEvaluationWorkflow: n('客户经理考评', 'manager evaluation'),
  countyReviewWorkflow: n('县级审核', 'county review'),
  evaluationCycleWorkflow: n('考评周期', 'evaluation cycle'),
  openCycleWorkflow: n('开启周期', 'opening a cycle'),
  calendarCycleWorkflow: n('日历开启', 'calendar opening'),
  managerJoinWorkflow: n('客户经理加入', 'manager joining'),
  bottomRankCaseWorkflow: n('末位处理', 'bottom-ranking case'),
  gradeDeterminationWorkflow: n('等级评定', 'grade determination'),
  objectionWorkflow: n('申诉', 'objection'),
  resultsTalkWorkflow: n('情感沟通', 'results talk'),
  complaintWorkflow: n('投诉受理', 'complaint'),
  weeklySheetWorkflow: n('周工作一张纸', 'weekly one-sheet'),
  openWeekSheetsWorkflow: n('开启本周一张纸', 'opening the week’s one-sheets'),
  dailyDigestWorkflow: n('每日逾期汇总', 'daily overdue digest'),
  remindNowWorkflow: n('人力资源催办', 'reminders by HR'),
  kpiImportWorkflow: n('营销部审核导入', 'marketing review import'),
};

/** Why the step failed, by the error's type, in words; the technical message is shown below it. */
export const incidentCauseNames: Record<string, Names> = {
  NoAssignee: n(
    '没有可以处理此待办的在岗人员（县级负责人、市级审批人和人力资源均无有效账号）',
    'nobody active can act on this task (no county head, city approver or HR account)',
  ),
  PermanentError: n(
    '数据不符合要求（缺少记录或违反约束），重试前需要先修复数据',
    'the data is not as required (a missing row or a broken constraint); fix the data, then retry',
  ),
  WorkflowFailed: n(
    '流程因程序错误而中止；修复后“重试”会把流程重置到最后一个正常步骤继续运行',
    'the process stopped on an error in its code; once fixed, Retry resets it to its last good step',
  ),
  WorkflowTerminated: n(
    '流程被人为终止（例如在 Temporal 界面中）；“重试”会把流程重置到最后一个正常步骤继续运行',
    'the process was terminated by hand (in the Temporal UI, say); Retry resets it to its last good step',
  ),
  WorkflowTimedOut: n(
    '流程超时结束；“重试”会把流程重置到最后一个正常步骤继续运行',
    'the process timed out; Retry resets it to its last good step',
  ),
  WorkflowTaskFailing: n(
    '流程仍在运行，但它的程序每次推进都出错（多为新部署的程序有误）；修复并部署后流程自行继续，也可“重试”把它重置到最后一个正常步骤',
    'the process is running but its code fails at every step (a fault in a new deployment?); once fixed and deployed it carries on by itself, or Retry resets it to its last good step',
  ),
  WorkflowNondeterministic: n(
    '流程仍在运行，但新部署的程序与它已走过的步骤不一致（非确定性变更，应以 patched 版本化）；部署兼容的程序后流程自行继续，也可“重试”把它重置到最后一个正常步骤',
    'the process is running but the newly deployed code does not match the steps it already took (a non-deterministic change; version it with patched); once compatible code is deployed it carries on by itself, or Retry resets it to its last good step',
  ),
  Timeout: n(
    '步骤多次超时（数据库或邮件服务器可能不可用）',
    'the step timed out again and again (database or mail server unreachable?)',
  ),
};
const otherCause = n('步骤多次失败', 'the step failed again and again');

export const incidentStatusNames: Record<IncidentStatus, Names> = {
  OPEN: n('待处理', 'Needs attention'),
  RETRYING: n('重试中', 'Retrying'),
  RESOLVED: n('已恢复', 'Resolved'),
};

export function incidentStepName(step: string, language: Language): string {
  return incidentStepNames[step]?.[language] ?? step;
}

export function incidentWorkflowName(workflowType: string, language: Language): string {
  return incidentWorkflowNames[workflowType]?.[language] ?? workflowType;
}

export function incidentCause(errorType: string | null | undefined, language: Language): string {
  return (errorType ? incidentCauseNames[errorType] : undefined)?.[language] ?? otherCause[language];
}

/** One line for the reader: "县级审核: 开启待办 — 没有可以处理…". */
export function incidentSentence(
  incident: { workflowType: string; step: string; errorType?: string | null },
  language: Language,
): string {
  const where = incidentWorkflowName(incident.workflowType, language);
  const what = incidentStepName(incident.step, language);
  const dash = language === 'en' ? ': could not ' : '：无法';
  return `${where}${dash}${what} — ${incidentCause(incident.errorType, language)}`;
}
