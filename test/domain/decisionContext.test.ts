// The rules behind the decision screens: outliers a decider should look at twice, the
// quota a grade decision moves, names of codes and timeline sentences in both languages.
import { bottomRankRulesText, codeNames, flagReasonText, nameOf } from '../../domain/codeNames';
import { describeEvent } from '../../domain/eventText';
import { quotaUsageAfter } from '../../domain/gradeQuotas';
import { languages } from '../../domain/language';
import { scoreChange, scoreOutliers } from '../../domain/reviewInsights';
import { taskKinds } from '../../domain/taskKinds';

describe('outliers (请留意)', () => {
  const county = [88, 90, 91, 89, 92, 90, 60].map((score, i) => ({ id: `m${i}`, score, previous: null }));

  test('a composite 2 standard deviations below the county is marked low, the others not', () => {
    const marked = scoreOutliers(county);
    expect([...marked]).toEqual([['m6', ['low']]]);
  });

  test('a move of 10 points or more from the previous period is a jump; 9.99 is not', () => {
    const rows = [
      { id: 'a', score: 80, previous: 90 },
      { id: 'b', score: 80, previous: 89.99 },
      { id: 'c', score: 80, previous: null },
    ];
    expect([...scoreOutliers(rows)]).toEqual([['a', ['jump']]]);
    expect(scoreChange(80, 89.99)).toBe(-9.99);
    expect(scoreChange(80, null)).toBeNull();
  });

  test('fewer than 4 managers: no deviation is judged', () => {
    expect(scoreOutliers(county.slice(4)).size).toBe(0);
  });
});

describe('quota impact of a grade decision (等级比例)', () => {
  // The 71-manager city of DOMAIN.md: 6 senior, 36 middle, 18 junior, 11 trainees.
  const city = { SENIOR_A: 6, MIDDLE_B: 36, JUNIOR_A: 18, TRAINEE: 11 };

  test('as it is: middle 36 against a cap of 36 (71 × 50% = 35.5, rounded half up), within', () => {
    const usage = quotaUsageAfter(city, []);
    expect(usage).toEqual([
      { level: 'SENIOR', cap: 14, count: 6 },
      { level: 'MIDDLE', cap: 36, count: 36 },
      { level: 'JUNIOR', cap: 21, count: 18 },
    ]);
  });

  test('approving one junior → middle promotion puts middle at 37 of 36: one over', () => {
    const usage = quotaUsageAfter(city, [{ fromGrade: 'JUNIOR_A', toGrade: 'MIDDLE_C' }]);
    expect(usage.find((u) => u.level === 'MIDDLE')).toEqual({ level: 'MIDDLE', cap: 36, count: 37 });
    expect(usage.find((u) => u.level === 'JUNIOR')).toEqual({ level: 'JUNIOR', cap: 21, count: 17 });
  });

  test('a promotion within a level moves nothing; the head count never changes', () => {
    expect(quotaUsageAfter(city, [{ fromGrade: 'MIDDLE_B', toGrade: 'MIDDLE_A' }])).toEqual(quotaUsageAfter(city, []));
  });
});

describe('names of codes', () => {
  test('every task kind, grade and role has a name in both languages', () => {
    for (const lang of languages) {
      for (const k of taskKinds) expect(nameOf('taskKind', k, lang)).not.toBe(k);
      for (const group of Object.keys(codeNames) as (keyof typeof codeNames)[])
        for (const names of Object.values(codeNames[group])) expect(names[lang]).toMatch(/\S/);
    }
  });

  test('titles start with a capital in English; Chinese as the registry says', () => {
    expect(nameOf('taskKind', 'COUNTY_SIGN_OFF', 'en')).toBe('County sign-off');
    expect(nameOf('taskKind', 'COUNTY_SIGN_OFF', 'zh-CN')).toBe('县级审核');
    expect(nameOf('caseStatus', 'DECIDED', 'zh-CN')).toBe('已决定');
    expect(nameOf('grade', null, 'en')).toBe('');
  });

  test('flags in words, never as codes', () => {
    expect(flagReasonText('missing:INSPECTION', 'zh-CN')).toBe('督察检查缺失，按 0 分计');
    expect(flagReasonText('missing:INSPECTION', 'en')).toBe('Inspection missing, counted as 0');
    expect(bottomRankRulesText(['consecutive', 'yearly'], 'zh-CN')).toBe('连续两个月排名后两位；一年内三次排名后三位');
  });
});

describe('timeline sentences', () => {
  const people = { u1: '刘芳', u2: '王强', u3: '李娜' };

  test('an extension says who moved the date from what to what, and why', () => {
    const e = {
      action: 'task.extended',
      actorName: '刘芳',
      details: { from: '2026-12-05', to: '2026-12-09', reason: '外出培训' },
      people,
    };
    expect(describeEvent(e, 'zh-CN')).toBe('刘芳：截止日期由 2026-12-05 延至 2026-12-09，理由：外出培训');
    expect(describeEvent(e, 'en')).toBe('刘芳: due date moved from 2026-12-05 to 2026-12-09, because: 外出培训');
  });

  test('the system escalates to named people, a reassignment names both', () => {
    const escalated = {
      action: 'task.escalated',
      actorName: null,
      details: { level: 1, toRole: 'COUNTY_HEAD', to: ['u2'] },
      people,
    };
    expect(describeEvent(escalated, 'zh-CN')).toBe('系统：逾期督办（第 1 次）至县级负责人 王强');
    const reassigned = {
      action: 'task.reassigned',
      actorName: '刘芳',
      details: { from: 'u2', to: 'u3', reason: '休假' },
      people,
    };
    expect(describeEvent(reassigned, 'en')).toBe('刘芳: reassigned from 王强 to 李娜, because: 休假');
  });

  test('every event a timeline shows is a sentence, never its code', () => {
    const shown = [
      'task.opened',
      'task.reminded',
      'task.escalated',
      'task.submitted',
      'task.extended',
      'task.reassigned',
      'task.closedMissing',
      'evaluation.scored',
      'evaluation.withdrawn',
      'evaluation.periodPlanSet',
      'evaluation.periodPlanChanged',
      'manager.starRatingMoved',
      'manager.skillLevelRecorded',
      'manager.bottomRankFlagged',
      'bottomRankCase.decided',
      'grade.proposed',
      'grade.approved',
      'grade.rejected',
      'grade.changed',
      'manager.joined',
      'manager.left',
      'manager.transferred',
      'manager.partnerAssigned',
      'manager.customersUpdated',
    ];
    for (const action of shown)
      for (const lang of languages)
        expect(describeEvent({ action, actorName: null, details: {}, people }, lang)).not.toContain(action);
    const graded = {
      action: 'grade.changed',
      actorName: null,
      details: { from: 'JUNIOR_A', to: 'MIDDLE_C', effectiveDate: '2027-01-01' },
      people,
    };
    expect(describeEvent(graded, 'zh-CN')).toBe('系统：等级由 初级A档 调为 中级C档（2027-01-01 生效）');
    const stars = { action: 'manager.starRatingMoved', actorName: null, details: { from: 3, to: 4 }, people };
    expect(describeEvent(stars, 'en')).toBe('The system: star rating moved from 3 to 4');
  });
});
