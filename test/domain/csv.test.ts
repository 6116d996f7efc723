import { parseCsv, toCsv } from '../../domain/csv';

describe('CSV export: no formula injection (OWASP)', () => {
  test('text starting with = + - @ tab or CR is kept as text, numbers stay numbers', () => {
    const csv = toCsv([
      ['姓名', '得分'],
      ['=HYPERLINK("http://x","点我")', 86.5],
      ['+1', -3],
      ['-2+3', 0],
      ['@SUM(A1)', 1],
      ['\tTab', 2],
      ['\rCR', 3],
      ['王伟', 4],
    ]);
    const cells = parseCsv(csv).map((r) => r.cells);
    expect(cells).toEqual([
      ['姓名', '得分'],
      ['\'=HYPERLINK("http://x","点我")', '86.5'],
      ["'+1", '-3'],
      ["'-2+3", '0'],
      ["'@SUM(A1)", '1'],
      ["'\tTab", '2'],
      ["'\rCR", '3'],
      ['王伟', '4'],
    ]);
  });
});
