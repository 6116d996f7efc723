// The name of every code a person reads, in zh-CN and en: one table for the pages,
// the exports and the mails, so no screen shows a raw code and no name is copied.
import { bottomRankActionNames } from './bottomRankCases';
import { complaintChannelNames, complaintDecisionNames, complaintKindNames, complaintStatusNames } from './complaints';
import { gradeNames } from './grades';
import { incidentStatusNames } from './incidents';
import { objectionDecisionNames } from './objections';
import { talkReasonNames } from './resultsTalk';
import type { Language, Names } from './language';
import { taskKindNames } from './taskKinds';

const n = (zh: string, en: string): Names => ({ 'zh-CN': zh, en });
const capitalised = (names: Names): Names => ({ ...names, en: names.en.charAt(0).toUpperCase() + names.en.slice(1) });

export const codeNames = {
  // Mails use the registry's names inside sentences; a page shows them as titles.
  taskKind: Object.fromEntries(Object.entries(taskKindNames).map(([k, v]) => [k, capitalised(v)])) as Record<
    string,
    Names
  >,
  grade: gradeNames as Record<string, Names>,
  action: bottomRankActionNames as Record<string, Names>,
  cycleType: {
    MONTHLY: n('月度', 'Monthly'),
    QUARTERLY: n('季度', 'Quarterly'),
    HALF_YEAR: n('半年', 'Half-year'),
    ANNUAL: n('年度', 'Annual'),
  },
  cycleStatus: {
    OPENING: n('开启中', 'Opening'),
    OPEN: n('进行中', 'Open'),
    EVALUATIONS_COMPLETE: n('评价完成，审核中', 'Evaluations complete, in review'),
    CLOSED: n('已结束', 'Closed'),
  },
  taskStatus: {
    OPEN: n('待办', 'Open'),
    SUBMITTED: n('已提交', 'Submitted'),
    CLOSED_MISSING: n('按缺失关闭', 'Closed as missing'),
    CANCELLED: n('已取消', 'Cancelled'),
  },
  evaluationStage: {
    TASKS_OPEN: n('评价中', 'Evaluations open'),
    EVALUATIONS_SUBMITTED: n('评价已齐', 'Evaluations in'),
    SCORED: n('已计分', 'Scored'),
    COUNTY_SIGNED_OFF: n('县级已审核', 'Signed off by the county'),
    CITY_APPROVED: n('市级已审批', 'Approved by the city'),
    PUBLISHED: n('已发布', 'Published'),
    WITHDRAWN: n('已退出', 'Withdrawn'),
  },
  countyReviewStatus: {
    COUNTY_SIGN_OFF: n('县级审核中', 'County sign-off'),
    CITY_APPROVAL: n('市级审批中', 'City approval'),
    APPROVED: n('已审批', 'Approved'),
    PUBLISHED: n('已发布', 'Published'),
  },
  caseStatus: {
    HR_DECISION: n('待人力资源部处理', 'Awaiting HR decision'),
    CITY_APPROVAL: n('待市局审批', 'Awaiting city approval'),
    DECIDED: n('已决定', 'Decided'),
  },
  objectionStatus: {
    COUNTY_REVIEW: n('待县局意见', 'Awaiting the county'),
    CITY_DECISION: n('待市局裁定', 'Awaiting the city'),
    UPHELD: n('维持原结果', 'Upheld'),
    ADJUSTED: n('已调整', 'Adjusted'),
  },
  objectionDecision: objectionDecisionNames as Record<string, Names>,
  talkStatus: {
    TO_HOLD: n('待谈话', 'To be held'),
    TO_ACKNOWLEDGE: n('待本人确认', 'Awaiting acknowledgement'),
    ACKNOWLEDGED: n('已确认', 'Acknowledged'),
    UNACKNOWLEDGED: n('逾期未确认', 'Not acknowledged'),
    CANCELLED: n('已取消', 'Cancelled'),
  },
  talkReason: talkReasonNames as Record<string, Names>,
  complaintStatus: complaintStatusNames as Record<string, Names>,
  complaintKind: complaintKindNames as Record<string, Names>,
  complaintChannel: complaintChannelNames as Record<string, Names>,
  complaintDecision: complaintDecisionNames as Record<string, Names>,
  incidentStatus: incidentStatusNames as Record<string, Names>,
  gradeReviewStatus: {
    PROPOSAL: n('县级推荐中', 'County proposing'),
    SIGN_OFF: n('市级审定中', 'City signing off'),
    APPROVED: n('已审定', 'Decided'),
    COMPLETED: n('已生效', 'In effect'),
  },
  gradeChangeStatus: {
    PROPOSED: n('待审定', 'Proposed'),
    APPROVED: n('已批准', 'Approved'),
    REJECTED: n('未批准', 'Rejected'),
    APPLIED: n('已生效', 'In effect'),
  },
  level: { SENIOR: n('高级', 'Senior'), MIDDLE: n('中级', 'Middle'), JUNIOR: n('初级', 'Junior') },
  skillLevel: {
    SENIOR: n('高级', 'Senior'),
    MIDDLE: n('中级', 'Middle'),
    JUNIOR: n('初级', 'Junior'),
    NONE: n('未达级', 'Not reached'),
  },
  component: {
    performance: n('经营业绩', 'Performance'),
    customer: n('客户满意度', 'Customer satisfaction'),
    industry: n('工业企业评价', 'Industry partner'),
    selfEvaluation: n('自我评价', 'Self-evaluation'),
    marketingReview: n('营销部审核', 'Marketing review'),
    inspection: n('督察', 'Inspection'),
    skill: n('技能', 'Skill'),
    supervisor: n('上级考评', 'Supervisor review'),
    peer: n('同级考评', 'Peer review'),
    complaints: n('投诉扣分', 'Complaint deductions'),
  },
  kpi: {
    salesVolumeCompletion: n('销量完成率（%）', 'Sales volume completion (%)'),
    orderSuccessRate: n('访销成功率（%）', 'Order success rate (%)'),
    basicDataMaintenance: n('基础数据维护（%）', 'Basic data maintenance (%)'),
  },
  weeklySheetStatus: {
    OPEN: n('填写中', 'Being filled'),
    SUBMITTED: n('待批阅', 'To review'),
    RETURNED: n('已退回', 'Returned'),
    REVIEWED: n('已批阅', 'Reviewed'),
    MISSED: n('逾期未交', 'Missed'),
  },
  checkItem: {
    FIRST_LAST_CHECK_IN: n('首末签到', 'First-and-last check-in'),
    PHONE_SPOT_CHECK: n('电话抽检', 'Phone spot check'),
    ON_SITE_CHECK: n('实地检查', 'On-site check'),
    VISIT_LOG_AND_HANDBOOK: n('工作本、客户手册', 'Visit log and handbook'),
  },
  role: {
    MANAGER: n('客户经理', 'Customer manager'),
    INSPECTOR: n('督察员', 'Inspector'),
    MARKETING_REVIEWER: n('营销审核员', 'Marketing reviewer'),
    INDUSTRY_PARTNER: n('工业企业', 'Industry partner'),
    COUNTY_HEAD: n('县级负责人', 'County head'),
    CITY_APPROVER: n('市局考评组', 'City approver'),
    HR: n('人力资源部', 'HR'),
    ADMIN: n('管理员', 'Administrator'),
  },
  employment: { FORMAL: n('正式员工', 'Formal staff'), CONTRACT: n('聘用工', 'Contract staff') },
  area: { URBAN: n('城区', 'Urban'), RURAL: n('农村', 'Rural') },
  education: {
    HIGH_SCHOOL: n('高中', 'High school'),
    VOCATIONAL: n('中专', 'Vocational school'),
    JUNIOR_COLLEGE: n('大专', 'Junior college'),
    BACHELOR: n('本科', "Bachelor's"),
    MASTER: n('研究生', "Master's"),
  },
  bottomRankRule: {
    consecutive: n('连续两个月排名后两位', 'bottom 2 in two consecutive months'),
    yearly: n('一年内三次排名后三位', 'bottom 3 three times in a year'),
  },
  /** The columns of a pay statement (工资单). */
  payColumn: {
    employeeNo: n('工号', 'No.'),
    name: n('姓名', 'Name'),
    county: n('县区', 'County'),
    assessedGrade: n('评定等级', 'Assessed grade'),
    payGrade: n('计薪等级', 'Paid at'),
    basePostWage: n('岗位基本工资', 'Base post wage'),
    floatingWage: n('岗位浮动工资', 'Post floating wage'),
    seniorityWage: n('年功工资', 'Seniority wage'),
    performanceCoefficient: n('绩效系数', 'Performance coefficient'),
    performanceWage: n('绩效工资', 'Performance wage'),
    total: n('应发合计', 'Total'),
  },
  taskMail: {
    EACH: n('每项新任务一封邮件', 'A mail for each new task'),
    DAILY_DIGEST: n('每天早上一封汇总邮件', 'One summary mail each morning'),
  },
  decision: {
    approved: n('同意', 'Approved'),
    returned: n('退回', 'Returned'),
    rejected: n('不同意', 'Rejected'),
  },
} satisfies Record<string, Record<string, Names>>;

export type CodeGroup = keyof typeof codeNames;

/** The name of a code in the reader's language; an unknown code is shown as it is. */
export function nameOf(group: CodeGroup, code: string | null | undefined, lang: Language): string {
  if (code === null || code === undefined || code === '') return '';
  const names = (codeNames[group] as Record<string, Names>)[code];
  return names ? names[lang] : code;
}

/** An evaluation's flag in words: missing:INSPECTION → 督察缺失. */
export function flagReasonText(reason: string, lang: Language): string {
  const [what, kind] = reason.split(':');
  if (what === 'missing' && kind) {
    const task = nameOf('taskKind', kind, lang);
    return lang === 'zh-CN' ? `${task}缺失，按 0 分计` : `${task} missing, counted as 0`;
  }
  return reason;
}

/** A bottom-ranking flag's rules in words. */
export function bottomRankRulesText(rules: string[], lang: Language): string {
  return rules.map((r) => nameOf('bottomRankRule', r, lang)).join(lang === 'zh-CN' ? '；' : '; ');
}
