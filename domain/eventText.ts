// A timeline event as a sentence in the reader's language: who did what, from what to what.
import { bottomRankRulesText, nameOf } from './codeNames';
import { incidentCause } from './incidents';
import type { Language } from './language';

export interface EventFacts {
  action: string;
  /** The actor's display name; null for the system (timers, policy). */
  actorName: string | null;
  details: Record<string, unknown> | null;
  /** Display names of the users the details mention by id. */
  people: Record<string, string>;
}

/** A detail as text: strings and numbers as they are, anything else empty. */
const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** Score components named in the reader's language (申诉分项). */
const componentList = (v: unknown, lang: Language): string =>
  (Array.isArray(v) ? v.map((c) => nameOf('component', String(c), lang)) : []).join(lang === 'zh-CN' ? '、' : ', ');

type Sentence = (d: Record<string, unknown>, who: (id: unknown) => string, lang: Language) => [string, string];

const sentences: Record<string, Sentence> = {
  'task.opened': (d, who, lang) => {
    const wanted = d.wantedRole ? nameOf('role', str(d.wantedRole), lang) : '';
    return [
      `任务开启，办理人 ${who(d.assigneeId)}，截止 ${str(d.dueDate)}${wanted ? `（无在岗的${wanted}，已上交）` : ''}`,
      `opened for ${who(d.assigneeId)}, due ${str(d.dueDate)}${wanted ? ` (no ${wanted} active: sent up the chain)` : ''}`,
    ];
  },
  'task.reminded': (d, who) =>
    d.byHand
      ? [
          `催办 ${who(d.to)}${d.note ? `，留言：${str(d.note)}` : ''}`,
          `reminded ${who(d.to)} by hand${d.note ? `, with the note: ${str(d.note)}` : ''}`,
        ]
      : [
          `提醒 ${who(d.to)}：${Number(d.daysBeforeDue) > 0 ? `距截止还有 ${str(d.daysBeforeDue)} 天` : '今天截止'}`,
          `reminded ${who(d.to)}: ${Number(d.daysBeforeDue) > 0 ? `${str(d.daysBeforeDue)} day(s) before the due date` : 'due today'}`,
        ],
  'task.escalated': (d, who, lang) => {
    const to = Array.isArray(d.to) ? d.to.map(who).join('、') : '';
    const role = nameOf('role', str(d.toRole), lang);
    return [
      `逾期督办（第 ${str(d.level)} 次）至${role}${to ? ` ${to}` : ''}`,
      `escalated (level ${str(d.level)}) to the ${role}${to ? ` ${to}` : ''}`,
    ];
  },
  'task.submitted': () => ['已提交', 'submitted'],
  'task.extended': (d) => [
    `截止日期由 ${str(d.from)} 延至 ${str(d.to)}，理由：${str(d.reason)}`,
    `due date moved from ${str(d.from)} to ${str(d.to)}, because: ${str(d.reason)}`,
  ],
  'task.reassigned': (d, who) => [
    `由 ${who(d.from)} 转办给 ${who(d.to)}，理由：${str(d.reason)}`,
    `reassigned from ${who(d.from)} to ${who(d.to)}, because: ${str(d.reason)}`,
  ],
  'task.closedMissing': () => [
    '宽限期后按缺失关闭，相应分项按 0 分计',
    'closed as missing after the grace period: its components count 0',
  ],
  'task.cancelled': () => ['已取消', 'cancelled'],
  'evaluation.scored': (d) => [
    `计算综合得分 ${str(d.compositeScore)}${Number(d.deductions) ? `（含督察扣分 ${str(d.deductions)}）` : ''}`,
    `composite scored ${str(d.compositeScore)}${Number(d.deductions) ? ` (inspection deductions ${str(d.deductions)})` : ''}`,
  ],
  'evaluation.withdrawn': (d) => [
    `退出本期考评，理由：${str(d.reason)}`,
    `withdrawn from the cycle, because: ${str(d.reason)}`,
  ],
  'evaluation.periodPlanSet': () => ['填写了三自定（目标、计划、重点）', 'set the period plan (targets, plan, focus)'],
  'evaluation.periodPlanChanged': () => ['修改了三自定', 'changed the period plan'],
  'manager.starRatingMoved': (d) => [
    `星级由 ${str(d.from)} 星调为 ${str(d.to)} 星`,
    `star rating moved from ${str(d.from)} to ${str(d.to)}`,
  ],
  'manager.skillLevelRecorded': (d, _who, lang) => [
    `记录技能等级：${nameOf('skillLevel', str(d.skillLevel), lang)}（${str(d.skillScore)} 分，${str(d.period)}）`,
    `skill level recorded: ${nameOf('skillLevel', str(d.skillLevel), lang)} (${str(d.skillScore)}, ${str(d.period)})`,
  ],
  'manager.bottomRankFlagged': (d) => {
    const rules = Array.isArray(d.rules) ? d.rules.map(String) : [];
    return [
      `${str(d.period)} 触发末位淘汰：${bottomRankRulesText(rules, 'zh-CN')}`,
      `${str(d.period)} flagged for bottom ranking: ${bottomRankRulesText(rules, 'en')}`,
    ];
  },
  'bottomRankCase.decided': (d) => [
    `末位淘汰处理决定：${nameOf('action', str(d.action), 'zh-CN')}，理由：${str(d.reason)}`,
    `bottom-ranking decision: ${nameOf('action', str(d.action), 'en')}, because: ${str(d.reason)}`,
  ],
  'grade.proposed': (d) => [
    `推荐等级由 ${nameOf('grade', str(d.from), 'zh-CN')} 调为 ${nameOf('grade', str(d.to), 'zh-CN')}，${str(d.effectiveDate)} 生效，理由：${str(d.reason)}`,
    `proposed grade ${nameOf('grade', str(d.from), 'en')} → ${nameOf('grade', str(d.to), 'en')} from ${str(d.effectiveDate)}, because: ${str(d.reason)}`,
  ],
  'grade.approved': () => ['批准了等级调整', 'approved the grade change'],
  'grade.rejected': (d) => [
    `未批准等级调整，理由：${str(d.reason)}`,
    `rejected the grade change, because: ${str(d.reason)}`,
  ],
  'grade.changed': (d) => [
    `等级由 ${nameOf('grade', str(d.from), 'zh-CN')} 调为 ${nameOf('grade', str(d.to), 'zh-CN')}（${str(d.effectiveDate)} 生效）`,
    `grade changed from ${nameOf('grade', str(d.from), 'en')} to ${nameOf('grade', str(d.to), 'en')} (from ${str(d.effectiveDate)})`,
  ],
  'objection.filed': (d, _who, lang) => [
    `提出申诉（${componentList(d.components, lang)}），理由：${str(d.reason)}`,
    `objected to ${componentList(d.components, lang)}, because: ${str(d.reason)}`,
  ],
  'objection.cityDecisionOpened': () => [
    '县局意见已提交，申诉转市局裁定',
    'county opinion given: the city decides next',
  ],
  'objection.decided': (d, _who, lang) => [
    `申诉裁定：${nameOf('objectionDecision', str(d.decision), lang)}，理由：${str(d.reason)}`,
    `objection decided: ${nameOf('objectionDecision', str(d.decision), lang)}, because: ${str(d.reason)}`,
  ],
  'resultsTalk.held': (d) => [
    `${str(d.heldOn)} 进行了结果谈话，商定改进：${str(d.agreedChange)}`,
    `held the results talk on ${str(d.heldOn)}; agreed change: ${str(d.agreedChange)}`,
  ],
  'resultsTalk.acknowledged': (d) => [
    `确认了谈话记录${d.comment ? `，意见：${str(d.comment)}` : ''}`,
    `acknowledged the talk record${d.comment ? `, commenting: ${str(d.comment)}` : ''}`,
  ],
  'resultsTalk.unacknowledged': () => ['谈话记录逾期未确认', 'the talk record was not acknowledged in time'],
  'resultsTalk.cancelled': (d) => [
    `客户经理离岗，情感沟通已取消（${str(d.reason)}）`,
    `the manager left: the results talk is cancelled (${str(d.reason)})`,
  ],
  'incident.raised': (d) => [
    `步骤多次失败，记为故障：${incidentCause(str(d.errorType), 'zh-CN')}`,
    `the step failed again and again, recorded as an incident: ${incidentCause(str(d.errorType), 'en')}`,
  ],
  'incident.retryRequested': (d) => [
    `请求重试${d.note ? `，已排除：${str(d.note)}` : ''}`,
    `asked for a retry${d.note ? `, fixed: ${str(d.note)}` : ''}`,
  ],
  'incident.resolved': (d) => [
    `重试成功，故障恢复（共失败 ${str(d.failures)} 轮）`,
    `the step went through, incident resolved (after ${str(d.failures)} failed round(s))`,
  ],
  'manager.joined': () => ['入职客户经理岗位', 'joined as a customer manager'],
  'manager.left': (d) => [`离开客户经理岗位，理由：${str(d.reason)}`, `left the post, because: ${str(d.reason)}`],
  'manager.transferred': (d, who) => [
    `由 ${who(d.from)} 调至 ${who(d.to)}，理由：${str(d.reason)}`,
    `transferred from ${who(d.from)} to ${who(d.to)}, because: ${str(d.reason)}`,
  ],
  'manager.partnerAssigned': (d, who) => [
    `对接工业企业由 ${who(d.from) || '无'} 改为 ${who(d.to) || '无'}`,
    `industry partner changed from ${who(d.from) || 'none'} to ${who(d.to) || 'none'}`,
  ],
  'manager.customersUpdated': (d) => [
    `更新零售客户名单：新增 ${str(d.created)}，更新 ${str(d.updated)}`,
    `retail customers updated: ${str(d.created)} added, ${str(d.updated)} changed`,
  ],
};

export function describeEvent(e: EventFacts, lang: Language): string {
  const who = (id: unknown) => (typeof id === 'string' ? (e.people[id] ?? id) : '');
  const sentence = sentences[e.action];
  const [zh, en] = sentence ? sentence(e.details ?? {}, who, lang) : [e.action, e.action];
  const actor = e.actorName ?? (lang === 'zh-CN' ? '系统' : 'The system');
  return lang === 'zh-CN' ? `${actor}：${zh}` : `${actor}: ${en}`;
}
