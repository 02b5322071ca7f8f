/** Renders the core's sheet layouts into an ExcelJS workbook, replacing any sheet of the same name. */
import type ExcelJS from 'exceljs';
import { type CellStyle, FONT_NAME, type SheetLayout } from '../core/output/layout';

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  cell.font = { name: FONT_NAME, size: style.size ?? 12, bold: style.bold, italic: style.italic, underline: style.underline, color: style.color ? { argb: argb(style.color) } : undefined };
  cell.alignment = { horizontal: style.align, vertical: 'top', wrapText: style.wrap };
  if (style.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(style.fill) } };
  if (style.border) cell.border = THIN;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function renderLayout(wb: ExcelJS.Workbook, layout: SheetLayout): ExcelJS.Worksheet {
  const existing = wb.getWorksheet(layout.name);
  if (existing) wb.removeWorksheet(existing.id);
  const ws = wb.addWorksheet(layout.name);
  layout.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const m of layout.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const c of layout.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    // A string goes in as a string: ExcelJS never turns one into a formula, so "=1+1" stays text.
    cell.value = c.link ? { text: String(c.value), hyperlink: `#${quoteSheet(c.link.sheet)}!${c.link.cell}` } : c.value;
    if (c.style) applyStyle(cell, c.style);
  }
  for (const [row, height] of layout.rowHeights) ws.getRow(row + 1).height = height;
  ws.pageSetup = { paperSize: 9, orientation: layout.landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } };
  if (layout.printTitleRows) ws.pageSetup.printTitlesRow = `${layout.printTitleRows[0] + 1}:${layout.printTitleRows[1] + 1}`;
  if (layout.freezeRows) ws.views = [{ state: 'frozen', ySplit: layout.freezeRows }];
  return ws;
}
