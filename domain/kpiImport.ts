// Importing a county's marketing reviews (KPIs and review) from a CSV file. Every row
// is checked first; one bad row rejects the whole file, with its line number.
import { parseCsv } from './csv';
import { controlCharacterIssue, oneLine } from './text';
import { marketingReviewSchema, type MarketingReview } from './marketingReview';

/** Header names, English or Chinese. */
export const kpiImportColumns = {
  employeeNo: ['employeeNo', '员工编号'],
  salesVolumeCompletion: ['salesVolumeCompletion', '销量完成率'],
  orderSuccessRate: ['orderSuccessRate', '访销成功率'],
  basicDataMaintenance: ['basicDataMaintenance', '基础数据维护'],
  reviewScore: ['reviewScore', '审核评分'],
  comment: ['comment', '审核意见'],
} as const;

export interface ImportProblem {
  line: number;
  field: string;
  message: string;
}
export type KpiImport =
  | { ok: true; rows: Array<{ line: number; employeeNo: string; review: MarketingReview }> }
  | { ok: false; problems: ImportProblem[] };

export function parseKpiImport(text: string): KpiImport {
  const [header, ...data] = parseCsv(text);
  if (!header) return { ok: false, problems: [{ line: 1, field: 'header', message: 'empty file' }] };
  const index: Partial<Record<keyof typeof kpiImportColumns, number>> = {};
  const problems: ImportProblem[] = [];
  for (const [key, names] of Object.entries(kpiImportColumns) as Array<
    [keyof typeof kpiImportColumns, readonly string[]]
  >) {
    const at = header.cells.findIndex((h) => names.includes(h.trim()));
    if (at === -1) problems.push({ line: header.line, field: key, message: `missing column ${names.join(' / ')}` });
    else index[key] = at;
  }
  if (problems.length) return { ok: false, problems };
  if (data.length === 0)
    return { ok: false, problems: [{ line: header.line, field: 'rows', message: 'no data rows' }] };
  const rows: Array<{ line: number; employeeNo: string; review: MarketingReview }> = [];
  const seen = new Map<string, number>();
  for (const row of data) {
    const cell = (k: keyof typeof kpiImportColumns) => (row.cells[index[k]!] ?? '').trim();
    const num = (k: keyof typeof kpiImportColumns) => (cell(k) === '' ? NaN : Number(cell(k).replace(/%$/, '')));
    const employeeNo = cell('employeeNo');
    if (!employeeNo) problems.push({ line: row.line, field: 'employeeNo', message: 'required' });
    else if (!oneLine().safeParse(employeeNo).success)
      problems.push({ line: row.line, field: 'employeeNo', message: controlCharacterIssue });
    else if (seen.has(employeeNo))
      problems.push({
        line: row.line,
        field: 'employeeNo',
        message: `${employeeNo} also on line ${seen.get(employeeNo)}`,
      });
    else seen.set(employeeNo, row.line);
    const parsed = marketingReviewSchema.safeParse({
      kpis: {
        salesVolumeCompletion: num('salesVolumeCompletion'),
        orderSuccessRate: num('orderSuccessRate'),
        basicDataMaintenance: num('basicDataMaintenance'),
      },
      reviewScore: num('reviewScore'),
      comment: cell('comment'),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({
          line: row.line,
          field: String(issue.path[issue.path.length - 1]),
          message: issue.code === 'invalid_type' ? 'not a number' : issue.message,
        });
    } else if (employeeNo) rows.push({ line: row.line, employeeNo, review: parsed.data });
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}
