import { demoCounties, demoGradeMix, demoManagers, demoStaff } from '../../domain/demoOrganisation';
import { levelOf } from '../../domain/grades';
import { chainOfCommand, escalationTarget } from '../../domain/roles';
import { selfAssessmentSchema, selfEvaluationScore } from '../../domain/taskKinds/selfAssessment';
import { cycleLabel, renderTaskNotification } from '../../domain/notifications';

describe('escalation chain', () => {
  test('manager → county head → city approver; county head → city approver', () => {
    expect(escalationTarget('MANAGER', 1)).toBe('COUNTY_HEAD');
    expect(escalationTarget('MANAGER', 2)).toBe('CITY_APPROVER');
    expect(escalationTarget('INSPECTOR', 1)).toBe('COUNTY_HEAD');
    expect(escalationTarget('COUNTY_HEAD', 1)).toBe('CITY_APPROVER');
  });
});

describe('self-evaluation (自我评价)', () => {
  test('the component score is the mean of attitude, knowledge and skills', () => {
    expect(selfEvaluationScore({ attitude: 90, knowledge: 85, skills: 80 })).toBe(85);
    expect(selfEvaluationScore({ attitude: 100, knowledge: 90, skills: 90 })).toBe(93.33);
  });
  test('scores are 0–100 and the summary and plan are required', () => {
    const ok = {
      attitude: 0,
      knowledge: 100,
      skills: 50,
      workSummary: '本月走访客户 180 户。',
      improvementPlan: '提升数据维护及时性。',
    };
    expect(selfAssessmentSchema.safeParse(ok).success).toBe(true);
    expect(selfAssessmentSchema.safeParse({ ...ok, attitude: 101 }).success).toBe(false);
    expect(selfAssessmentSchema.safeParse({ ...ok, skills: 7.5 }).success).toBe(false);
    expect(selfAssessmentSchema.safeParse({ ...ok, workSummary: '   ' }).success).toBe(false);
  });
});

describe('the demo city (DOMAIN.md: 71 managers, 6 senior, 36 middle, 18 junior, 11 trainee)', () => {
  const managers = demoManagers();
  test('71 managers in 4 counties with the real grade mix', () => {
    expect(managers).toHaveLength(71);
    expect(demoCounties).toHaveLength(4);
    const byLevel = managers.reduce<Record<string, number>>(
      (acc, m) => ({ ...acc, [levelOf(m.grade)]: (acc[levelOf(m.grade)] ?? 0) + 1 }),
      {},
    );
    expect(byLevel).toEqual({ SENIOR: 6, MIDDLE: 36, JUNIOR: 18, TRAINEE: 11 });
    expect(demoGradeMix.reduce((n, [, k]) => n + k, 0)).toBe(71);
  });
  test('urban and rural, formal and contract staff, in every county', () => {
    for (const c of demoCounties) {
      const here = managers.filter((m) => m.countyCode === c.code);
      expect(here).toHaveLength(c.managerCount);
      expect(new Set(here.map((m) => m.area))).toEqual(new Set(['URBAN', 'RURAL']));
      expect(new Set(here.map((m) => m.employment))).toEqual(new Set(['FORMAL', 'CONTRACT']));
    }
  });
  test('one user for every role', () => {
    const roles = new Set(demoStaff().map((u) => u.role));
    expect([...roles].sort()).toEqual([
      'ADMIN',
      'CITY_APPROVER',
      'COUNTY_HEAD',
      'HR',
      'INDUSTRY_PARTNER',
      'INSPECTOR',
      'MARKETING_REVIEWER',
    ]);
    expect(new Set(managers.map((m) => m.employeeNo)).size).toBe(71);
  });
});

describe('notification e-mails', () => {
  const data = {
    kind: 'escalation' as const,
    recipientName: '甲县负责人',
    taskKind: 'SELF_ASSESSMENT' as const,
    cycleLabel: '2026年11月考评',
    assigneeName: '张敏 <script>',
    dueDate: '2026-11-06',
    taskUrl: 'http://x/api/tasks/1',
    escalationLevel: 1,
  };
  test('Chinese by default, English on request, both with the task link', () => {
    const zh = renderTaskNotification(data, 'zh-CN');
    expect(zh.subject).toBe('【考评督办】张敏 <script>的2026年11月考评自我评价已逾期');
    expect(zh.text).toContain('http://x/api/tasks/1');
    const en = renderTaskNotification({ ...data, cycleLabel: 'monthly evaluation 2026-11' }, 'en');
    expect(en.subject).toContain('overdue');
    expect(en.html).toContain('href="http://x/api/tasks/1"');
  });
  test('cycles are named as people write them', () => {
    expect(cycleLabel('MONTHLY', '2026-11', 'zh-CN')).toBe('2026年11月考评');
    expect(cycleLabel('QUARTERLY', '2026-Q4', 'zh-CN')).toBe('2026年第4季度考评');
    expect(cycleLabel('HALF_YEAR', '2026-H2', 'zh-CN')).toBe('2026年下半年考评');
    expect(cycleLabel('ANNUAL', '2026', 'zh-CN')).toBe('2026年度考评');
    expect(cycleLabel('MONTHLY', '2026-11', 'en')).toBe('monthly evaluation, November 2026');
  });
  test("the self-assessment's opening mail prompts for the period plan (三自定); other tasks' do not", () => {
    const opened = { ...data, kind: 'taskOpened' as const };
    expect(renderTaskNotification(opened, 'zh-CN').text).toContain(
      '请在任务页面填写三自定（自定目标、自定计划、自定重点）',
    );
    expect(renderTaskNotification(opened, 'en').text).toContain('set your period plan on the task page');
    expect(renderTaskNotification({ ...opened, taskKind: 'INSPECTION' }, 'zh-CN').text).not.toContain('三自定');
    expect(renderTaskNotification({ ...data, kind: 'reminder' }, 'zh-CN').text).not.toContain('三自定');
  });
  test('names are escaped in HTML', () => {
    expect(renderTaskNotification(data, 'zh-CN').html).not.toContain('<script>');
  });
});

test('the chain of command a task walks when nobody holds its role: up to HR', () => {
  expect(chainOfCommand('INSPECTOR')).toEqual(['INSPECTOR', 'COUNTY_HEAD', 'CITY_APPROVER', 'HR']);
  expect(chainOfCommand('COUNTY_HEAD')).toEqual(['COUNTY_HEAD', 'CITY_APPROVER', 'HR']);
  expect(chainOfCommand('HR')).toEqual(['HR']);
});
