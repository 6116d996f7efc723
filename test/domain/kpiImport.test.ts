import { parseCsv } from '../../domain/csv';
import { importProblemText, maxImportRows, parseKpiImport } from '../../domain/kpiImport';

describe('CSV', () => {
  test('quotes, commas and newlines in quotes, CRLF, BOM; rows keep their line numbers', () => {
    const rows = parseCsv('\ufeffa,b\r\n"x, y","say ""hi""\nagain"\r\n\r\nlast,1\n');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"\nagain'] },
      { line: 5, cells: ['last', '1'] },
    ]);
  });
});

describe('KPI import', () => {
  const header = '员工编号,销量完成率,访销成功率,基础数据维护,审核评分,审核意见';
  test('Chinese headers, percentages', () => {
    const r = parseKpiImport(`${header}\nM001,104%,96,90,88,完成较好\nM002,95,92.5,100,80,"需加强, 数据维护"\n`);
    expect(r).toEqual({
      ok: true,
      rows: [
        {
          line: 2,
          employeeNo: 'M001',
          value: {
            kpis: { salesVolumeCompletion: 104, orderSuccessRate: 96, basicDataMaintenance: 90 },
            reviewScore: 88,
            comment: '完成较好',
          },
        },
        {
          line: 3,
          employeeNo: 'M002',
          value: {
            kpis: { salesVolumeCompletion: 95, orderSuccessRate: 92.5, basicDataMaintenance: 100 },
            reviewScore: 80,
            comment: '需加强, 数据维护',
          },
        },
      ],
    });
  });
  test('every bad row is reported with its line number, in both languages', () => {
    const r = parseKpiImport(`${header}\nM001,104,96,90,88,好\nM002,abc,96,90,88,完成\nM001,100,101,90,88,完成\n`);
    expect(r).toEqual({
      ok: false,
      problems: [
        { line: 2, field: 'comment', message: { 'zh-CN': '至少 2 个字', en: 'must be at least 2 characters' } },
        { line: 3, field: 'salesVolumeCompletion', message: { 'zh-CN': '不是数字', en: 'not a number' } },
        { line: 4, field: 'employeeNo', message: { 'zh-CN': 'M001 与第 2 行重复', en: 'M001 also on line 2' } },
        { line: 4, field: 'orderSuccessRate', message: { 'zh-CN': '不能大于 100', en: 'must be at most 100' } },
      ],
    });
    if (r.ok) throw new Error('expected problems');
    expect(importProblemText(r.problems[1]!, 'zh-CN')).toBe('第 3 行 销量完成率：不是数字');
    expect(importProblemText(r.problems[1]!, 'en')).toBe('line 3 salesVolumeCompletion: not a number');
  });
  test('a missing column is named', () => {
    expect(parseKpiImport('employeeNo,reviewScore\nM001,80')).toMatchObject({
      ok: false,
      problems: expect.arrayContaining([
        { line: 1, field: 'salesVolumeCompletion', message: { 'zh-CN': '缺少列 销量完成率', en: expect.any(String) } },
      ]),
    });
  });

  test('at most 1,000 rows: a bigger file is refused before its rows are checked (60,000 rows held the event loop 4 s)', () => {
    const row = (i: number) => `M${String(i).padStart(5, '0')},104,96,90,88,完成较好`;
    const ok = parseKpiImport([header, ...Array.from({ length: maxImportRows }, (_, i) => row(i))].join('\n'));
    expect(ok.ok && ok.rows.length).toBe(1000);
    const big = parseKpiImport([header, ...Array.from({ length: 60_000 }, (_, i) => row(i))].join('\n'));
    expect(big).toMatchObject({ ok: false, problems: [{ line: 1, field: 'rows' }] });
    if (!big.ok)
      expect(big.problems[0]!.message['zh-CN']).toBe('一个文件最多 1000 行，此文件有 60000 行；请按县分开导入');
  });
});
