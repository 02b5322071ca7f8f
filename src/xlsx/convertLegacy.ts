/**
 * DATA-06 on an .xlsx workbook loaded by ExcelJS: converts each cell typed in a legacy Vietnamese code
 * to Unicode, in place in the loaded model, and changes nothing else but a legacy font's name. Rich
 * text is converted run by run, each by its own font.
 */
import type ExcelJS from 'exceljs';
import { decodeLegacy, findLegacyCells, legacyFont, type LegacyCell } from '../core/text/legacy';
import { sheetToGrid, withFontNames } from './readXlsx';

export interface ConvertedCell {
  readonly sheet: string;
  /** A1 address. */
  readonly cell: string;
  readonly before: string;
  readonly after: string;
}

/** Converts the workbook's legacy text; returns the cells changed. */
export function convertLegacyWorkbook(wb: ExcelJS.Workbook): ConvertedCell[] {
  const changed: ConvertedCell[] = [];
  for (const ws of wb.worksheets) {
    const grid = withFontNames(sheetToGrid(ws), ws);
    for (const found of findLegacyCells(grid.values, grid.fonts, grid.originRow, grid.originCol)) {
      const cell = ws.getCell(found.row + 1, found.col + 1);
      const after = convertCell(cell, found);
      if (after !== null) changed.push({ sheet: ws.name, cell: cell.address, before: found.text, after });
    }
  }
  return changed;
}

/** The new text of the cell, or null when it could not be changed (a formula's result). */
function convertCell(cell: ExcelJS.Cell, found: LegacyCell): string | null {
  const value = cell.value;
  const unicodeFont = found.reading.unicodeFont;
  if (typeof value === 'string') {
    cell.value = found.reading.converted;
  } else if (value && typeof value === 'object' && 'richText' in value) {
    const runs = value.richText.map((run) => convertRun(run, cell.font?.name, found));
    cell.value = { ...value, richText: runs };
  } else if (value && typeof value === 'object' && 'hyperlink' in value && typeof value.text === 'string') {
    cell.value = { ...value, text: found.reading.converted };
  } else {
    return null;
  }
  // A new style object for this cell only: ExcelJS shares one style object between the cells of a style.
  if (unicodeFont && cell.font) cell.style = { ...cell.style, font: { ...cell.font, name: unicodeFont } };
  return cellText(cell.value);
}

function convertRun(run: ExcelJS.RichText, cellFont: string | undefined, found: LegacyCell): ExcelJS.RichText {
  const fontName = run.font?.name ?? cellFont;
  const font = legacyFont(fontName);
  // A run in a Unicode font shows real text already; a run with no font is read as the cell was.
  if (!font && fontName) return run;
  const text = font ? decodeLegacy(run.text, font.encoding, font.upper) : decodeLegacy(run.text, found.reading.encoding);
  if (text === null) return run;
  return font && run.font ? { ...run, text, font: { ...run.font, name: font.unicodeFont } } : { ...run, text };
}

function cellText(value: ExcelJS.CellValue): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (value && typeof value === 'object' && 'text' in value && typeof value.text === 'string') return value.text;
  return '';
}
