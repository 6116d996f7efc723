// Importing a county's marketing reviews (KPIs and review) from a CSV file. Every row
// is checked first; one bad row rejects the whole file, with its line number.
import {
  importProblemText as problemText,
  importTemplateHeader,
  readImportFile,
  rowIssues,
  type ImportProblem,
  type ImportResult,
} from './csvImport';
import { marketingReviewSchema, type MarketingReview } from './marketingReview';

export { decodeCsvFile, maxImportRows, type ImportProblem } from './csvImport';

/** Header names, English or Chinese. */
export const kpiImportColumns = {
  employeeNo: ['employeeNo', '员工编号'],
  salesVolumeCompletion: ['salesVolumeCompletion', '销量完成率'],
  orderSuccessRate: ['orderSuccessRate', '访销成功率'],
  basicDataMaintenance: ['basicDataMaintenance', '基础数据维护'],
  reviewScore: ['reviewScore', '审核评分'],
  comment: ['comment', '审核意见'],
} as const;

/** A bad row as a person reads it: 第 3 行 销量完成率：不是数字 / line 3 salesVolumeCompletion: not a number. */
export const importProblemText = (p: ImportProblem, lang: 'zh-CN' | 'en') => problemText(p, lang, kpiImportColumns);

/** The import file's columns in the reader's language, with the manager's name (read by people, ignored on import). */
export const kpiTemplateHeader = (lang: 'zh-CN' | 'en') => importTemplateHeader(kpiImportColumns, lang);

export type KpiImport = ImportResult<MarketingReview>;

export function parseKpiImport(text: string): KpiImport {
  return readImportFile(text, kpiImportColumns, ({ line, cell, num }, problems) => {
    const parsed = marketingReviewSchema.safeParse({
      kpis: {
        salesVolumeCompletion: num('salesVolumeCompletion'),
        orderSuccessRate: num('orderSuccessRate'),
        basicDataMaintenance: num('basicDataMaintenance'),
      },
      reviewScore: num('reviewScore'),
      comment: cell('comment'),
    });
    if (parsed.success) return parsed.data;
    rowIssues(line, parsed.error, problems);
    return undefined;
  });
}
