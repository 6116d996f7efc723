import { demoGradeMix } from '../../domain/demoOrganisation';
import { gradeChangeKind, payGrade, type Grade } from '../../domain/grades';
import { describeBreach, gradeQuotaCap, quotaBreaches, quotaUsage } from '../../domain/gradeQuotas';
import { examplePayTable, fullYears, payStatement, seniorityWage } from '../../domain/pay';
import { proposalProblems, proposedChanges, signOffOutcome } from '../../domain/gradeDetermination';
import { allowedActions } from '../../domain/bottomRankCases';

const demoCityGrades: Grade[] = demoGradeMix.flatMap(([g, n]) => Array<Grade>(n).fill(g));

describe('grade quotas (senior ≤ 20%, middle ≤ 50%, junior ≤ 30% of all managers, trainees included)', () => {
  test('caps are share × head count rounded half up: 71 → 14, 36 (35.5), 21', () => {
    expect(gradeQuotaCap(0.2, 71)).toBe(14);
    expect(gradeQuotaCap(0.5, 71)).toBe(36);
    expect(gradeQuotaCap(0.3, 71)).toBe(21);
    expect(gradeQuotaCap(0.5, 9)).toBe(5);
  });
  test('the 71-manager city with 6 senior, 36 middle, 18 junior, 11 trainees passes', () => {
    expect(demoCityGrades).toHaveLength(71);
    expect(quotaUsage(demoCityGrades)).toEqual([
      { level: 'SENIOR', cap: 14, count: 6 },
      { level: 'MIDDLE', cap: 36, count: 36 },
      { level: 'JUNIOR', cap: 21, count: 18 },
    ]);
    expect(quotaBreaches(demoCityGrades)).toEqual([]);
  });
  test('one more middle manager (a junior promoted) breaks the middle quota by 1, and the refusal says so', () => {
    const after = [...demoCityGrades];
    after[after.indexOf('JUNIOR_A')] = 'MIDDLE_C';
    const breaches = quotaBreaches(after);
    expect(breaches).toEqual([{ level: 'MIDDLE', cap: 36, count: 37, over: 1 }]);
    expect(describeBreach(breaches[0]!, 'zh-CN')).toBe('中级名额上限 36 人，批准后为 37 人，超出 1 人');
    expect(describeBreach(breaches[0]!, 'en')).toBe('middle: cap 36, would be 37, over by 1');
  });
  test('the caps are configurable', () => {
    expect(quotaBreaches(demoCityGrades, { SENIOR: 0.05, MIDDLE: 0.5, JUNIOR: 0.3 })).toEqual([
      { level: 'SENIOR', cap: 4, count: 6, over: 2 },
    ]);
  });
});

describe('rural managers are paid one step up, capped at senior A; quotas never see it', () => {
  test('steps', () => {
    expect(payGrade('JUNIOR_C', 'RURAL')).toBe('JUNIOR_B');
    expect(payGrade('JUNIOR_A', 'RURAL')).toBe('MIDDLE_C');
    expect(payGrade('SENIOR_B', 'RURAL')).toBe('SENIOR_A');
    expect(payGrade('SENIOR_A', 'RURAL')).toBe('SENIOR_A');
    expect(payGrade('MIDDLE_B', 'URBAN')).toBe('MIDDLE_B');
    expect(payGrade('TRAINEE', 'RURAL')).toBe('TRAINEE');
  });
});

describe('seniority wage (年功工资): contract staff with at least 3 full years in post', () => {
  test('3 → 12, 10 → 40, 12 → 72, 16 → 128 yuan', () => {
    expect([3, 10, 12, 16].map((y) => seniorityWage('CONTRACT', y))).toEqual([12, 40, 72, 128]);
    expect([11, 15].map((y) => seniorityWage('CONTRACT', y))).toEqual([66, 90]);
  });
  test('fewer than 3 full years, or formal staff: nothing', () => {
    expect(seniorityWage('CONTRACT', 2)).toBe(0);
    expect(seniorityWage('FORMAL', 16)).toBe(0);
  });
  test('a year is full on its anniversary', () => {
    expect(fullYears('2023-12-15', '2026-12-14')).toBe(2);
    expect(fullYears('2023-12-15', '2026-12-15')).toBe(3);
    expect(fullYears('2023-12-15', '2026-12-31')).toBe(3);
  });
});

describe('pay statement: base + floating (by level) + seniority + performance (coefficient by tier)', () => {
  const contract = {
    assessedGrade: 'JUNIOR_A' as Grade,
    area: 'URBAN' as const,
    employment: 'CONTRACT' as const,
    postStartDate: '2014-06-01',
  };
  test('the example table for an urban contract junior A with 12 full years in post', () => {
    expect(payStatement(contract, examplePayTable, '2026-12')).toEqual({
      assessedGrade: 'JUNIOR_A',
      payGrade: 'JUNIOR_A',
      basePostWage: 2200,
      floatingWage: 600,
      seniorityYears: 12,
      seniorityWage: 72,
      performanceCoefficient: 1.2,
      performanceWage: 1800,
      total: 4672,
    });
  });
  test('a level change moves the floating wage; a tier change moves the performance coefficient', () => {
    const middleC = payStatement({ ...contract, assessedGrade: 'MIDDLE_C' }, examplePayTable, '2026-12');
    expect([middleC.floatingWage, middleC.performanceCoefficient, middleC.total]).toEqual([
      1200,
      1.0,
      2200 + 1200 + 72 + 1500,
    ]);
    const middleB = payStatement({ ...contract, assessedGrade: 'MIDDLE_B' }, examplePayTable, '2026-12');
    expect([middleB.floatingWage, middleB.performanceCoefficient, middleB.performanceWage]).toEqual([1200, 1.1, 1650]);
  });
  test('rural: paid at the next step', () => {
    const rural = payStatement({ ...contract, area: 'RURAL' }, examplePayTable, '2026-12');
    expect(rural).toMatchObject({
      assessedGrade: 'JUNIOR_A',
      payGrade: 'MIDDLE_C',
      floatingWage: 1200,
      performanceCoefficient: 1.0,
    });
  });
});

describe('grade proposals and sign-off', () => {
  const candidates = [
    { managerId: '00000000-0000-4000-8000-000000000001', grade: 'JUNIOR_A' as Grade },
    { managerId: '00000000-0000-4000-8000-000000000002', grade: 'MIDDLE_B' as Grade },
    { managerId: '00000000-0000-4000-8000-000000000003', grade: 'TRAINEE' as Grade },
  ];
  const [a, b, c] = candidates.map((x) => x.managerId) as [string, string, string];
  test('every manager needs a proposal; changes need a reason; nobody goes back to trainee', () => {
    expect(gradeChangeKind('JUNIOR_A', 'MIDDLE_C')).toBe('promotion');
    expect(gradeChangeKind('MIDDLE_B', 'MIDDLE_C')).toBe('demotion');
    const ok = {
      effectiveDate: '2027-02-01',
      proposals: [
        { managerId: a, proposedGrade: 'MIDDLE_C' as Grade, reason: '年度考评第一' },
        { managerId: b, proposedGrade: 'MIDDLE_B' as Grade },
        { managerId: c, proposedGrade: 'JUNIOR_C' as Grade, reason: '见习期满' },
      ],
    };
    expect(proposalProblems(ok, candidates, '2027-01-15')).toEqual([]);
    expect(proposedChanges(ok, candidates).map((x) => [x.fromGrade, x.toGrade])).toEqual([
      ['JUNIOR_A', 'MIDDLE_C'],
      ['TRAINEE', 'JUNIOR_C'],
    ]);
    const bad = {
      effectiveDate: '2027-01-01',
      proposals: [
        { managerId: a, proposedGrade: 'MIDDLE_C' as Grade },
        { managerId: b, proposedGrade: 'TRAINEE' as Grade, reason: 'x' },
      ],
    };
    expect(proposalProblems(bad, candidates, '2027-01-15')).toHaveLength(4);
  });
  test('the city approves all, rejects all, or decides each change', () => {
    expect(signOffOutcome({ decision: 'approveAll' }, [a, c])).toEqual({
      approved: [a, c],
      rejected: [],
      problems: [],
    });
    expect(signOffOutcome({ decision: 'rejectAll', reason: '比例超标' }, [a])).toEqual({
      approved: [],
      rejected: [{ managerId: a, reason: '比例超标' }],
      problems: [],
    });
    expect(
      signOffOutcome(
        {
          decision: 'decideEach',
          items: [
            { managerId: a, decision: 'approve' },
            { managerId: c, decision: 'reject', reason: '见习期未满' },
          ],
        },
        [a, c],
      ).rejected,
    ).toEqual([{ managerId: c, reason: '见习期未满' }]);
    expect(
      signOffOutcome({ decision: 'decideEach', items: [{ managerId: a, decision: 'approve' }] }, [a, c]).problems,
    ).toHaveLength(1);
  });
});

describe('bottom-ranking cases (末位淘汰)', () => {
  test('formal staff: suspension for study, post change or no action; contract staff may also have the contract ended', () => {
    expect(allowedActions('FORMAL')).toEqual(['SUSPEND_FOR_STUDY', 'POST_CHANGE', 'NO_ACTION']);
    expect(allowedActions('CONTRACT')).toEqual(['SUSPEND_FOR_STUDY', 'POST_CHANGE', 'CONTRACT_END', 'NO_ACTION']);
  });
});
