// The cycle's results as a file (考评结果): per manager every component the cycle gathered,
// the inspection's deductions, the survey's satisfaction rate, the composite and rank, the
// star move, flags, who signed off and approved the county's results and when, and any
// objection; in the reader's language, names not codes.
import { complaintsComponent, deductionsOf } from '../domain/templates';
import { shanghaiMinute } from '../domain/calendar';
import { bottomRankRulesText, flagReasonText, nameOf } from '../domain/codeNames';
import { cycleLabel } from '../domain/notifications';
import type { Language } from '../domain/language';
import { gatheredComponents, type TaskKind } from '../domain/taskKinds';
import { parseTemplateConfig } from '../domain/templates';
import type { PrismaClient } from '../generated/prisma/client';
import type { Cell, Column } from './exports';

export interface RankedRow {
  evaluationId: string;
  managerId: string;
  county: { id: string; name: string; nameEn: string } | undefined;
  manager: { employeeNo: string; name: string };
  rank: number | null;
  rankFromBottom: number | null;
  cohortSize: number | null;
  compositeScore: number | null;
  monthlyStar: boolean;
  flagReasons: string[];
  bottomRankFlag: string[] | null;
  stage: string;
}

const words = {
  county: ['县区', 'County'],
  rank: ['名次', 'Rank'],
  rankFromBottom: ['倒数名次', 'Rank from bottom'],
  cohort: ['参评人数', 'Cohort'],
  employeeNo: ['工号', 'Employee no.'],
  name: ['姓名', 'Name'],
  deductions: ['督察扣分', 'Inspection deductions'],
  complaints: ['投诉扣分', 'Complaint deductions'],
  satisfaction: ['客户满意率', 'Satisfaction rate'],
  composite: ['综合得分', 'Composite'],
  star: ['星级变化', 'Star change'],
  monthlyStar: ['每月之星', 'Star of the month'],
  flags: ['标记', 'Flags'],
  bottomRank: ['末位淘汰标记', 'Bottom-ranking flag'],
  signedOffBy: ['县级签核人', 'Signed off by'],
  signedOffAt: ['签核时间', 'Signed off at'],
  approvedBy: ['市级审批人', 'Approved by'],
  approvedAt: ['审批时间', 'Approved at'],
  objection: ['申诉', 'Objection'],
  stage: ['阶段', 'Stage'],
  yes: ['是', 'yes'],
  results: ['考评结果', 'results'],
  exported: ['导出于', 'exported'],
} as const;

export async function resultsTable(
  prisma: PrismaClient,
  cycle: { id: string; type: string; period: string; templateId: string },
  rows: RankedRow[],
  lang: Language,
): Promise<{ title: string; sheet: string; columns: Column[]; cells: Cell[][] }> {
  const w = (k: keyof typeof words) => words[k][lang === 'en' ? 1 : 0];
  const ids = rows.map((r) => r.evaluationId);
  const [template, scores, stars, reviewTasks, objections] = await Promise.all([
    prisma.evaluationTemplate.findUniqueOrThrow({ where: { id: cycle.templateId } }),
    prisma.score.findMany({ where: { evaluationId: { in: ids } } }),
    prisma.starHistory.findMany({ where: { cycleId: cycle.id } }),
    prisma.task.findMany({
      where: { cycleId: cycle.id, kind: { in: ['COUNTY_SIGN_OFF', 'CITY_APPROVAL'] }, status: 'SUBMITTED' },
      select: {
        kind: true,
        countyId: true,
        round: true,
        submittedAt: true,
        assignee: { select: { displayName: true } },
      },
      orderBy: { round: 'asc' },
    }),
    prisma.objection.findMany({ where: { evaluationId: { in: ids } }, select: { evaluationId: true, status: true } }),
  ]);
  const config = parseTemplateConfig(template.config);
  const gathered = gatheredComponents(Object.keys(config.tasks) as TaskKind[]);
  // Each component's share of the composite: its weight among the weights the cycle gathers.
  const weightSum = gathered.reduce((sum, c) => sum + config.weights[c], 0);
  const share = (c: (typeof gathered)[number]) =>
    weightSum ? Math.round((1000 * config.weights[c]) / weightSum) / 10 : 0;
  const scoreOf = new Map(scores.map((s) => [`${s.evaluationId}/${s.component}`, s]));
  const starOf = new Map(stars.map((s) => [s.managerId, s]));
  const objectionOf = new Map(objections.map((o) => [o.evaluationId, o.status]));
  // The last round of each county's sign-off and approval is the one that stands.
  const lastReview = new Map(reviewTasks.map((t) => [`${t.countyId}/${t.kind}`, t]));

  const columns: Column[] = [
    { header: w('county') },
    { header: w('rank'), format: 'integer' },
    { header: w('rankFromBottom'), format: 'integer' },
    { header: w('cohort'), format: 'integer' },
    { header: w('employeeNo') },
    { header: w('name') },
    ...gathered.map((c) => ({
      header: `${nameOf('component', c, lang)} (${share(c)}%)`,
      format: 'score' as const,
    })),
    { header: w('deductions'), format: 'score' },
    { header: w('complaints'), format: 'score' },
    { header: w('satisfaction'), format: 'percent' },
    { header: w('composite'), format: 'score' },
    { header: w('star') },
    { header: w('monthlyStar') },
    { header: w('flags') },
    { header: w('bottomRank') },
    { header: w('signedOffBy') },
    { header: w('signedOffAt') },
    { header: w('approvedBy') },
    { header: w('approvedAt') },
    { header: w('objection') },
    { header: w('stage') },
  ];
  const list = lang === 'en' ? '; ' : '；';
  const cells = rows.map((r): Cell[] => {
    const score = (c: string) => scoreOf.get(`${r.evaluationId}/${c}`);
    const inspection = score('inspection');
    const complaints = score(complaintsComponent); // the month's confirmed complaints (投诉扣分)
    const customer = score('customer');
    const star = starOf.get(r.managerId);
    const signOff = r.county ? lastReview.get(`${r.county.id}/COUNTY_SIGN_OFF`) : undefined;
    const approval = r.county ? lastReview.get(`${r.county.id}/CITY_APPROVAL`) : undefined;
    const objection = objectionOf.get(r.evaluationId);
    return [
      r.county ? (lang === 'en' ? r.county.nameEn : r.county.name) : '',
      r.rank,
      r.rankFromBottom,
      r.cohortSize,
      r.manager.employeeNo,
      r.manager.name,
      ...gathered.map((c) => {
        const s = score(c);
        return s ? (s.missing ? 0 : Number(s.value)) : null;
      }),
      inspection && !inspection.missing ? deductionsOf([inspection]).inspection : null,
      complaints ? Number(complaints.value) : null,
      customer?.details ? Number((customer.details as { satisfactionRate?: number }).satisfactionRate ?? 0) : null,
      r.compositeScore,
      star ? `${star.fromStars} → ${star.toStars}` : '',
      r.monthlyStar ? w('yes') : '',
      r.flagReasons.map((f) => flagReasonText(f, lang)).join(list),
      bottomRankRulesText(r.bottomRankFlag ?? [], lang),
      signOff?.assignee.displayName ?? '',
      shanghaiMinute(signOff?.submittedAt),
      approval?.assignee.displayName ?? '',
      shanghaiMinute(approval?.submittedAt),
      objection ? nameOf('objectionStatus', objection, lang) : '',
      nameOf('evaluationStage', r.stage, lang),
    ];
  });
  const label = cycleLabel(cycle.type, cycle.period, lang);
  return {
    title:
      lang === 'en'
        ? `${label}: ${w('results')} (${w('exported')} ${shanghaiMinute(new Date())})`
        : `${label}结果（${w('exported')} ${shanghaiMinute(new Date())}）`,
    sheet: `${cycle.period} ${w('results')}`,
    columns,
    cells,
  };
}
