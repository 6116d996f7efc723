// Tables people download: CSV (UTF-8 with BOM, so Excel reads the Chinese) or XLSX, from the
// same rows, headed in the reader's language. The XLSX file has a title row (what and which
// period), a frozen, filterable header and number formats; the CSV keeps the header first so
// that programs read it, with numbers as plain numbers.
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { z } from 'zod';
import { toCsv } from '../domain/csv';

export const exportFormat = z.enum(['json', 'csv', 'xlsx']).optional();
export type Cell = string | number | null;

/** How a column's numbers read: 87.74, 97, 96.7%, 4,300.00. */
export type CellFormat = 'text' | 'score' | 'integer' | 'percent' | 'money';
export interface Column {
  header: string;
  format?: CellFormat;
}

const numberFormats: Record<CellFormat, string | undefined> = {
  text: undefined,
  score: '0.00',
  integer: '0',
  percent: '0.0%',
  money: '#,##0.00',
};

const columnOf = (c: string | Column): Column => (typeof c === 'string' ? { header: c } : c);
/** Display width: a Chinese character takes two. */
const widthOf = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 255 ? 2 : 1), 0);

export async function sendTable(
  res: Response,
  format: 'csv' | 'xlsx',
  file: { name: string; sheet: string; title?: string },
  header: (string | Column)[],
  rows: Cell[][],
): Promise<void> {
  const columns = header.map(columnOf);
  if (format === 'csv') {
    // A percent column is written in percent points (96.67), its header says so.
    const csvHeader = columns.map((c) => (c.format === 'percent' ? `${c.header} (%)` : c.header));
    const csvRows = rows.map((r) =>
      r.map((cell, i) =>
        columns[i]?.format === 'percent' && typeof cell === 'number' ? Math.round(cell * 10_000) / 100 : (cell ?? ''),
      ),
    );
    res
      .type('text/csv; charset=utf-8')
      .attachment(`${file.name}.csv`)
      .send(`\uFEFF${toCsv([csvHeader, ...csvRows])}`);
    return;
  }
  const buffer = await workbookOf(file, columns, rows);
  res
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .attachment(`${file.name}.xlsx`)
    .send(buffer);
}

async function workbookOf(file: { sheet: string; title?: string }, columns: Column[], rows: Cell[][]) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kaoping 考评';
  const sheet = workbook.addWorksheet(file.sheet);
  if (file.title) {
    const title = sheet.addRow([file.title]);
    title.font = { bold: true, size: 14 };
    sheet.mergeCells(1, 1, 1, Math.max(1, columns.length));
  }
  const headerRow = sheet.addRow(columns.map((c) => c.header));
  headerRow.font = { bold: true };
  headerRow.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFF5F1' } };
  for (const row of rows) sheet.addRow(row);
  const headerAt = headerRow.number;
  sheet.views = [{ state: 'frozen', ySplit: headerAt }];
  if (columns.length)
    sheet.autoFilter = { from: { row: headerAt, column: 1 }, to: { row: headerAt, column: columns.length } };
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    const numFmt = numberFormats[c.format ?? 'text'];
    if (numFmt) column.numFmt = numFmt;
    const widest = Math.max(widthOf(c.header) + 3, ...rows.map((r) => widthOf(String(r[i] ?? ''))));
    column.width = Math.min(60, Math.max(8, widest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
