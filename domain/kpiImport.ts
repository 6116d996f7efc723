// Importing a county's marketing reviews (KPIs and review) from a CSV file. Every row
// is checked first; one bad row rejects the whole file, with its line number.
import { parseCsv } from './csv';
import { controlCharacterIssue, oneLine } from './text';
import { marketingReviewSchema, type MarketingReview } from './marketingReview';
import type { z } from 'zod';
import { issueNames } from './issueText';
import type { Names } from './language';

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
  message: Names;
}
const says = (zh: string, en: string): Names => ({ 'zh-CN': zh, en });

/** A bad row as a person reads it: 第 3 行 销量完成率：不是数字 / line 3 salesVolumeCompletion: not a number. */
export function importProblemText(p: ImportProblem, lang: 'zh-CN' | 'en'): string {
  const column = kpiImportColumns[p.field as keyof typeof kpiImportColumns];
  return lang === 'zh-CN'
    ? `第 ${p.line} 行 ${column ? column[1] : p.field}：${p.message['zh-CN']}`
    : `line ${p.line} ${p.field}: ${p.message.en}`;
}
/**
 * A CSV file's bytes as text: UTF-8 (with or without BOM) when they are valid UTF-8, else
 * GB18030/GBK, which Excel and WPS write for「CSV（逗号分隔）」on a Chinese Windows.
 */
export function decodeCsvFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The import file's columns in the reader's language, with the manager's name (read by people, ignored on import). */
export function kpiTemplateHeader(lang: 'zh-CN' | 'en'): string[] {
  const name = lang === 'zh-CN' ? '姓名' : 'name';
  const [employeeNo, ...rest] = Object.values(kpiImportColumns).map((names) => names[lang === 'zh-CN' ? 1 : 0]);
  return [employeeNo!, name, ...rest];
}

export type KpiImport =
  | { ok: true; rows: Array<{ line: number; employeeNo: string; review: MarketingReview }> }
  | { ok: false; problems: ImportProblem[] };

/**
 * Rows one file may hold: far more than a county has managers, and few enough that
 * checking them holds the API's event loop for tens of milliseconds, never seconds.
 */
export const maxImportRows = 1000;

export function parseKpiImport(text: string): KpiImport {
  const [header, ...data] = parseCsv(text);
  if (!header) return { ok: false, problems: [{ line: 1, field: 'header', message: says('文件为空', 'empty file') }] };
  const index: Partial<Record<keyof typeof kpiImportColumns, number>> = {};
  const problems: ImportProblem[] = [];
  for (const [key, names] of Object.entries(kpiImportColumns) as Array<
    [keyof typeof kpiImportColumns, readonly string[]]
  >) {
    const at = header.cells.findIndex((h) => names.includes(h.trim()));
    if (at === -1)
      problems.push({
        line: header.line,
        field: key,
        message: says(`缺少列 ${names[1]}`, `missing column ${names.join(' / ')}`),
      });
    else index[key] = at;
  }
  if (problems.length) return { ok: false, problems };
  if (data.length === 0)
    return { ok: false, problems: [{ line: header.line, field: 'rows', message: says('没有数据行', 'no data rows') }] };
  if (data.length > maxImportRows)
    return {
      ok: false,
      problems: [
        {
          line: header.line,
          field: 'rows',
          message: says(
            `一个文件最多 ${maxImportRows} 行，此文件有 ${data.length} 行；请按县分开导入`,
            `at most ${maxImportRows} rows in a file, this one has ${data.length}; import each county on its own`,
          ),
        },
      ],
    };
  const rows: Array<{ line: number; employeeNo: string; review: MarketingReview }> = [];
  const seen = new Map<string, number>();
  for (const row of data) {
    const cell = (k: keyof typeof kpiImportColumns) => (row.cells[index[k]!] ?? '').trim();
    const num = (k: keyof typeof kpiImportColumns) => (cell(k) === '' ? NaN : Number(cell(k).replace(/%$/, '')));
    const employeeNo = cell('employeeNo');
    if (!employeeNo) problems.push({ line: row.line, field: 'employeeNo', message: says('必填', 'required') });
    else if (!oneLine().safeParse(employeeNo).success)
      problems.push({
        line: row.line,
        field: 'employeeNo',
        message: says('不能包含控制字符', controlCharacterIssue),
      });
    else if (seen.has(employeeNo))
      problems.push({
        line: row.line,
        field: 'employeeNo',
        message: says(
          `${employeeNo} 与第 ${seen.get(employeeNo)} 行重复`,
          `${employeeNo} also on line ${seen.get(employeeNo)}`,
        ),
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
          message: importIssue(issue),
        });
    } else if (employeeNo) rows.push({ line: row.line, employeeNo, review: parsed.data });
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}

/** A Zod issue of a row in words: a number cell that is not one says so, the rest as the API says them. */
function importIssue(issue: z.core.$ZodIssue): Names {
  return issue.code === 'invalid_type' ? says('不是数字', 'not a number') : issueNames(issue);
}
