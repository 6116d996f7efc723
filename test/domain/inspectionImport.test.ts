// 督察结果导入: a county's inspection results from a CSV file, a row per manager.
import { encode } from 'iconv-lite';
import { decodeCsvFile } from '../../domain/csvImport';
import { inspectionProblemText, inspectionTemplateHeader, parseInspectionImport } from '../../domain/inspectionImport';
import { inspectionScore } from '../../domain/scoring';

const header =
  '员工编号,姓名,首末签到扣分,首末签到说明,电话抽检扣分,电话抽检说明,实地检查扣分,实地检查说明,工作本、客户手册扣分,工作本、客户手册说明';

test('the template names every check item in the reader’s language, the manager’s name second', () => {
  expect(inspectionTemplateHeader('zh-CN').join(',')).toBe(header);
  expect(inspectionTemplateHeader('en').slice(0, 4)).toEqual([
    'employeeNo',
    'name',
    'firstLastCheckInDeduction',
    'firstLastCheckInNote',
  ]);
});

test('0 is passed, a deduction is failed with its note, an empty cell is not checked; the score is 100 minus deductions', () => {
  const r = parseInspectionImport(`${header}\nM001,李娜,0,,2,"电话抽检两户未回访",0,,,\nM002,王芳,0,,0,,0,,0,\n`);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  expect(r.rows[0]).toEqual({
    line: 2,
    employeeNo: 'M001',
    value: {
      items: [
        { item: 'FIRST_LAST_CHECK_IN', passed: true, deduction: 0 },
        { item: 'PHONE_SPOT_CHECK', passed: false, deduction: 2, note: '电话抽检两户未回访' },
        { item: 'ON_SITE_CHECK', passed: true, deduction: 0 },
      ],
    },
  });
  expect(inspectionScore(r.rows[0]!.value.items)).toBe(98);
  expect(inspectionScore(r.rows[1]!.value.items)).toBe(100);
});

test('notes may be left out of the file; English headers work too', () => {
  const r = parseInspectionImport(
    'employeeNo,firstLastCheckInDeduction,phoneSpotCheckDeduction,onSiteCheckDeduction,visitLogAndHandbookDeduction\nM001,1.5,0,0,0\n',
  );
  expect(r.ok && r.rows[0]!.value.items[0]).toEqual({ item: 'FIRST_LAST_CHECK_IN', passed: false, deduction: 1.5 });
});

test('every bad row is named with its column, in both languages, and nothing is read', () => {
  const r = parseInspectionImport(
    `${header}\nM001,李娜,abc,,0,,0,,0,\nM002,王芳,,,,,,,,\nM001,李娜,0,,0.3,,0,,0,\nM004,赵强,0,,0,,150,,0,\n`,
  );
  if (r.ok) throw new Error('expected problems');
  expect(r.problems.map((p) => [p.line, p.field])).toEqual([
    [2, 'firstLastCheckInDeduction'],
    [3, 'firstLastCheckInDeduction'],
    [4, 'employeeNo'],
    [4, 'phoneSpotCheckDeduction'],
    [5, 'onSiteCheckDeduction'],
  ]);
  expect(inspectionProblemText(r.problems[0]!, 'zh-CN')).toBe('第 2 行 首末签到扣分：不是数字');
  expect(inspectionProblemText(r.problems[1]!, 'zh-CN')).toBe(
    '第 3 行 首末签到扣分：至少填写一个检查项的扣分（合格填 0）',
  );
  expect(inspectionProblemText(r.problems[2]!, 'en')).toBe('line 4 employeeNo: M001 also on line 2');
});

test('a missing deduction column is named; a GBK file from Excel reads the same', () => {
  expect(parseInspectionImport('员工编号,首末签到扣分\nM001,0\n')).toMatchObject({
    ok: false,
    problems: expect.arrayContaining([{ line: 1, field: 'phoneSpotCheckDeduction', message: expect.anything() }]),
  });
  const gbk = encode('员工编号,首末签到扣分,电话抽检扣分,实地检查扣分,工作本、客户手册扣分\nM001,0,0,0,0\n', 'gbk');
  const r = parseInspectionImport(decodeCsvFile(gbk));
  expect(r.ok && r.rows.map((x) => x.employeeNo)).toEqual(['M001']);
});
