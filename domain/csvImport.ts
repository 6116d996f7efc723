// Importing a county's evaluations from a CSV file (营销部审核、督察结果): the file is
// decoded (UTF-8 or GBK), its header read in English or Chinese, and every row checked;
// one bad row rejects the whole file, each problem with its line and column.
import type { z } from 'zod';
import { parseCsv } from './csv';
import { issueNames } from './issueText';
import type { Names } from './language';
import { controlCharacterIssue, oneLine } from './text';

/** A column's header names: [English, Chinese]; either is accepted on import. */
export type ImportColumns = Record<string, readonly [en: string, zh: string]>;

export interface ImportProblem {
  line: number;
  field: string;
  message: Names;
}
export const says = (zh: string, en: string): Names => ({ 'zh-CN': zh, en });

/**
 * Rows one file may hold: far more than a county has managers, and few enough that
 * checking them holds the API's event loop for tens of milliseconds, never seconds.
 */
export const maxImportRows = 1000;

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

/** A bad row as a person reads it: 第 3 行 销量完成率：不是数字 / line 3 salesVolumeCompletion: not a number. */
export function importProblemText(p: ImportProblem, lang: 'zh-CN' | 'en', columns: ImportColumns): string {
  const column = columns[p.field];
  return lang === 'zh-CN'
    ? `第 ${p.line} 行 ${column ? column[1] : p.field}：${p.message['zh-CN']}`
    : `line ${p.line} ${p.field}: ${p.message.en}`;
}

/** The file's columns in the reader's language, the manager's name second (read by people, ignored on import). */
export function importTemplateHeader(columns: ImportColumns, lang: 'zh-CN' | 'en'): string[] {
  const [employeeNo, ...rest] = Object.values(columns).map((names) => names[lang === 'zh-CN' ? 1 : 0]);
  return [employeeNo!, lang === 'zh-CN' ? '姓名' : 'name', ...rest];
}

/** One data row: its line, its trimmed cells by column key, and its number cells (empty → NaN). */
export interface ImportRow<K extends string> {
  line: number;
  cell: (k: K) => string;
  num: (k: K) => number;
}

export type ImportResult<T> =
  { ok: true; rows: Array<{ line: number; employeeNo: string; value: T }> } | { ok: false; problems: ImportProblem[] };

/**
 * Reads a whole file: the header (every column present), at most `maxImportRows` rows, an
 * employee number on each row once; each row's value from `parseRow`, which adds its own
 * problems. Columns that are `optional` may be left out of the header.
 */
export function readImportFile<C extends ImportColumns & { employeeNo: readonly [string, string] }, T>(
  text: string,
  columns: C,
  parseRow: (row: ImportRow<Extract<keyof C, string>>, problems: ImportProblem[]) => T | undefined,
  optional: ReadonlyArray<keyof C> = [],
): ImportResult<T> {
  type K = Extract<keyof C, string>;
  const [header, ...data] = parseCsv(text);
  if (!header) return { ok: false, problems: [{ line: 1, field: 'header', message: says('文件为空', 'empty file') }] };
  const index: Partial<Record<K, number>> = {};
  const problems: ImportProblem[] = [];
  for (const [key, names] of Object.entries(columns) as unknown as Array<[K, readonly string[]]>) {
    const at = header.cells.findIndex((h) => names.includes(h.trim()));
    if (at !== -1) index[key] = at;
    else if (!optional.includes(key))
      problems.push({
        line: header.line,
        field: key,
        message: says(`缺少列 ${names[1]}`, `missing column ${names.join(' / ')}`),
      });
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
  const rows: Array<{ line: number; employeeNo: string; value: T }> = [];
  const seen = new Map<string, number>();
  for (const data_ of data) {
    const cell = (k: K) => (index[k] === undefined ? '' : (data_.cells[index[k]] ?? '').trim());
    const num = (k: K) => (cell(k) === '' ? NaN : Number(cell(k).replace(/%$/, '')));
    const employeeNo = checkedEmployeeNo(cell('employeeNo' as K), data_.line, seen, problems);
    const value = parseRow({ line: data_.line, cell, num }, problems);
    if (employeeNo && value !== undefined) rows.push({ line: data_.line, employeeNo, value });
  }
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}

function checkedEmployeeNo(
  employeeNo: string,
  line: number,
  seen: Map<string, number>,
  problems: ImportProblem[],
): string | undefined {
  const problem = (message: Names) => void problems.push({ line, field: 'employeeNo', message });
  if (!employeeNo) return problem(says('必填', 'required'));
  if (!oneLine().safeParse(employeeNo).success) return problem(says('不能包含控制字符', controlCharacterIssue));
  const earlier = seen.get(employeeNo);
  if (earlier !== undefined)
    return problem(says(`${employeeNo} 与第 ${earlier} 行重复`, `${employeeNo} also on line ${earlier}`));
  seen.set(employeeNo, line);
  return employeeNo;
}

/** A row's Zod issues as problems on their columns: a number cell that is not one says so. */
export function rowIssues(
  line: number,
  error: z.ZodError,
  problems: ImportProblem[],
  field: (issue: z.core.$ZodIssue) => string = (i) => String(i.path[i.path.length - 1]),
): void {
  for (const issue of error.issues)
    problems.push({
      line,
      field: field(issue),
      message: issue.code === 'invalid_type' ? says('不是数字', 'not a number') : issueNames(issue),
    });
}
