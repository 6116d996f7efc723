// Importing a county's inspection results (督察结果) from a CSV file, as the KPI import
// does: a row per manager, for each check item its deduction (0: passed; empty: not
// checked this time) and a note. One bad row rejects the file, every problem named.
import { nameOf } from './codeNames';
import {
  importProblemText as problemText,
  importTemplateHeader,
  readImportFile,
  rowIssues,
  says,
  type ImportColumns,
  type ImportProblem,
  type ImportResult,
} from './csvImport';
import { checkItemKinds, type CheckItemKind } from './scoring';
import { inspectionSchema, type Inspection } from './taskKinds/inspection';

/** FIRST_LAST_CHECK_IN → firstLastCheckIn */
const camel = (item: CheckItemKind) => item.toLowerCase().replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
const deductionColumn = (item: CheckItemKind) => `${camel(item)}Deduction`;
const noteColumn = (item: CheckItemKind) => `${camel(item)}Note`;

/** 员工编号, then for each check item 扣分 and 说明 (English or Chinese headers). */
export const inspectionImportColumns: ImportColumns & { employeeNo: readonly [string, string] } = {
  employeeNo: ['employeeNo', '员工编号'],
  ...Object.fromEntries(
    checkItemKinds.flatMap((item) => [
      [deductionColumn(item), [deductionColumn(item), `${nameOf('checkItem', item, 'zh-CN')}扣分`] as const],
      [noteColumn(item), [noteColumn(item), `${nameOf('checkItem', item, 'zh-CN')}说明`] as const],
    ]),
  ),
};
/** Notes may be left out of the file; the deductions may not. */
const optionalColumns = checkItemKinds.map(noteColumn);

export const inspectionProblemText = (p: ImportProblem, lang: 'zh-CN' | 'en') =>
  problemText(p, lang, inspectionImportColumns);

export const inspectionTemplateHeader = (lang: 'zh-CN' | 'en') => importTemplateHeader(inspectionImportColumns, lang);

export function parseInspectionImport(text: string): ImportResult<Inspection> {
  return readImportFile(
    text,
    inspectionImportColumns,
    ({ line, cell, num }, problems) => {
      const items = checkItemKinds
        .filter((item) => cell(deductionColumn(item)) !== '')
        .map((item) => {
          const deduction = num(deductionColumn(item));
          const note = cell(noteColumn(item));
          return { item, passed: deduction === 0, deduction, ...(note ? { note } : {}) };
        });
      if (items.length === 0) {
        problems.push({
          line,
          field: deductionColumn(checkItemKinds[0]),
          message: says('至少填写一个检查项的扣分（合格填 0）', 'at least one check item’s deduction (0 when passed)'),
        });
        return undefined;
      }
      const parsed = inspectionSchema.safeParse({ items });
      if (parsed.success) return parsed.data;
      // items.2.deduction → the column of that item's deduction or note
      rowIssues(line, parsed.error, problems, (issue) => {
        const [, n, field] = issue.path;
        const item = items[Number(n)]?.item;
        if (!item) return 'items';
        return field === 'note' ? noteColumn(item) : deductionColumn(item);
      });
      return undefined;
    },
    optionalColumns,
  );
}
