// The result sheet (考评表) of one manager in one cycle, as the printable page and the PDF
// show it: the same data as the result page (`explanationOf`), plus the KPIs against the
// manager's own targets, the objection and who signed off and approved.
import type { Response } from 'express';
import { z } from 'zod';
import type { Language } from '../domain/language';
import { kpiNames, type Kpis } from '../domain/marketingReview';
import { targetsAgainstActual, type TargetOutcome } from '../domain/periodPlan';
import type { Prisma } from '../generated/prisma/client';
import type { PrismaClient } from '../prisma/database';
import { renderResultSheets } from './pages/resultSheet';
import { PdfUnavailableError, type PdfPrinter } from './pdf';
import { HttpProblem } from './problems';
import { explanationOf, type Explanation } from './resultExplanation';

export interface ResultSheet {
  evaluationId: string;
  city: { name: string; nameEn: string } | null;
  county: { name: string; nameEn: string };
  manager: { name: string; employeeNo: string };
  cycle: { type: string; period: string };
  stage: string;
  compositeScore: number | null;
  rank: number | null;
  rankFromBottom: number | null;
  cohortSize: number | null;
  monthlyStar: boolean;
  flagReasons: string[];
  scores: { component: string; value: number; missing: boolean }[];
  /** Each KPI against the manager's target (三自定); targets null when none was set. */
  kpis: (Omit<TargetOutcome, 'target' | 'met'> & { target: number | null; met: boolean | null })[] | null;
  objection: {
    status: string;
    components: string[];
    reason: string;
    decision: string | null;
    decisionReason: string | null;
  } | null;
  explanation: Explanation;
}

/** The sheets of the evaluations `where` selects, by county and rank (then employee number). */
export async function loadResultSheets(
  prisma: PrismaClient,
  where: Prisma.EvaluationWhereInput,
): Promise<ResultSheet[]> {
  const evaluations = await prisma.evaluation.findMany({
    where,
    include: {
      scores: true,
      periodPlan: true,
      objection: true,
      cycle: { select: { type: true, period: true } },
      manager: { select: { name: true, employeeNo: true } },
    },
    orderBy: [{ countyId: 'asc' }, { rank: { sort: 'asc', nulls: 'last' } }, { manager: { employeeNo: 'asc' } }],
  });
  const countyIds = [...new Set(evaluations.map((e) => e.countyId))];
  const counties = await prisma.orgUnit.findMany({
    where: { id: { in: countyIds } },
    select: { id: true, name: true, nameEn: true, parent: { select: { name: true, nameEn: true } } },
  });
  const countyOf = new Map(counties.map((c) => [c.id, c]));
  const sheets: ResultSheet[] = [];
  for (const e of evaluations) {
    const county = countyOf.get(e.countyId);
    sheets.push({
      evaluationId: e.id,
      city: county?.parent ?? null,
      county: county ?? { name: '', nameEn: '' },
      manager: e.manager,
      cycle: e.cycle,
      stage: e.stage,
      compositeScore: e.compositeScore === null ? null : Number(e.compositeScore),
      rank: e.rank,
      rankFromBottom: e.rankFromBottom,
      cohortSize: e.cohortSize,
      monthlyStar: e.monthlyStar,
      flagReasons: e.flagReasons,
      scores: e.scores.map((s) => ({ component: s.component, value: Number(s.value), missing: s.missing })),
      kpis: kpisOf(e.scores, e.periodPlan?.targets as Kpis | undefined),
      objection: e.objection && {
        status: e.objection.status,
        components: e.objection.components,
        reason: e.objection.reason,
        decision: e.objection.decision,
        decisionReason: e.objection.decisionReason,
      },
      explanation: await explanationOf(prisma, e),
    });
  }
  return sheets;
}

function kpisOf(scores: { component: string; missing: boolean; details: unknown }[], targets: Kpis | undefined) {
  const performance = scores.find((s) => s.component === 'performance' && !s.missing);
  const actual = (performance?.details as { kpis?: Kpis } | null)?.kpis ?? null;
  if (targets) return targetsAgainstActual(targets, actual);
  if (!actual) return null;
  return kpiNames.map((kpi) => ({ kpi, target: null, actual: actual[kpi], met: null }));
}

export const resultSheetQuery = z.object({ format: z.enum(['html', 'pdf']).default('html') });

const pdfUnavailable = () =>
  new HttpProblem(503, 'pdf_unavailable', {
    'zh-CN': '本服务器未安装 Chromium，无法生成 PDF；请用“打印”另存为 PDF，或请管理员安装 chromium',
    en: 'No Chromium on this server, so no PDF: print the page to PDF instead, or ask the administrator to install chromium',
  });

/** The sheets as the printable HTML page, or as one PDF named `fileName`.pdf. */
export async function sendResultSheets(
  res: Response,
  options: { sheets: ResultSheet[]; lang: Language; title: string; fileName: string; format: 'html' | 'pdf' },
  printer: PdfPrinter | undefined,
): Promise<void> {
  const html = renderResultSheets(options.sheets, options.lang, options.title);
  if (options.format === 'html') {
    res.type('html').send(html);
    return;
  }
  if (!printer?.available) throw pdfUnavailable();
  const pdf = await printer.print(html, { footer: options.title }).catch((err: unknown) => {
    if (err instanceof PdfUnavailableError) throw pdfUnavailable();
    throw err;
  });
  res
    .type('application/pdf')
    .set(
      'Content-Disposition',
      `attachment; filename="sheet.pdf"; filename*=UTF-8''${encodeURIComponent(options.fileName)}.pdf`,
    )
    .send(pdf);
}
