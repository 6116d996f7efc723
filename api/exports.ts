// Tables people download: CSV (UTF-8 with BOM, so Excel reads the Chinese) or XLSX,
// with Chinese headers, from the same rows.
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import { z } from 'zod';
import { toCsv } from '../domain/csv';

export const exportFormat = z.enum(['json', 'csv', 'xlsx']).optional();
export type Cell = string | number | null;

export async function sendTable(
  res: Response,
  format: 'csv' | 'xlsx',
  file: { name: string; sheet: string },
  header: string[],
  rows: Cell[][],
): Promise<void> {
  if (format === 'csv') {
    res
      .type('text/csv; charset=utf-8')
      .attachment(`${file.name}.csv`)
      .send(`\uFEFF${toCsv([header, ...rows.map((r) => r.map((c) => c ?? ''))])}`);
    return;
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kaoping 考评';
  const sheet = workbook.addWorksheet(file.sheet);
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((column, i) => {
    const widest = Math.max(
      ...[header[i] ?? '', ...rows.map((r) => String(r[i] ?? ''))].map((s) =>
        [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 255 ? 2 : 1), 0),
      ),
    );
    column.width = Math.min(60, Math.max(8, widest + 2));
  });
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  res
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .attachment(`${file.name}.xlsx`)
    .send(buffer);
}
