/** Legacy text in a whole workbook: where it is, and the workbook as the clerk reads it, in Unicode. */
import { a1, type CellValue, type SheetGrid, type WorkbookModel } from '../../grid';
import { newLegacyScan, scanGrid, type LegacyEncoding, type Evidence } from './detect';

export interface LegacyFinding {
  readonly sheet: string;
  /** A1 address. */
  readonly cell: string;
  /** 0-based sheet coordinates. */
  readonly row: number;
  readonly col: number;
  readonly text: string;
  readonly encoding: LegacyEncoding;
  /** The text in Unicode NFC. */
  readonly converted: string;
  readonly evidence: Evidence;
  /** The Unicode font for the cell when its font is a legacy one; null to leave the font alone. */
  readonly unicodeFont: string | null;
}

export function encodingName(encoding: LegacyEncoding): string {
  return encoding === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI-Windows';
}

export function findLegacyText(model: WorkbookModel): LegacyFinding[] {
  const findings: LegacyFinding[] = [];
  // One scan for the workbook: a text is read once, however many sheets repeat it.
  const scan = newLegacyScan();
  for (const sheet of model.sheets) {
    for (const cell of scanGrid(sheet.values, sheet.fonts, sheet.originRow, sheet.originCol, scan)) {
      findings.push({
        sheet: sheet.name,
        cell: a1(cell.row, cell.col),
        row: cell.row,
        col: cell.col,
        text: cell.text,
        encoding: cell.reading.encoding,
        converted: cell.reading.converted,
        evidence: cell.reading.evidence,
        unicodeFont: cell.reading.unicodeFont,
      });
    }
  }
  return findings;
}

/** The model with each finding's text replaced by its Unicode reading; untouched sheets are shared. */
export function convertModel(model: WorkbookModel, findings: readonly LegacyFinding[]): WorkbookModel {
  if (findings.length === 0) return model;
  const bySheet = new Map<string, LegacyFinding[]>();
  for (const f of findings) {
    const list = bySheet.get(f.sheet);
    if (list) list.push(f);
    else bySheet.set(f.sheet, [f]);
  }
  return {
    ...model,
    sheets: model.sheets.map((sheet): SheetGrid => {
      const list = bySheet.get(sheet.name);
      if (!list) return sheet;
      // Only the rows that change are copied (a row spread would make a sparse row 16,384 cells wide).
      const values = sheet.values.slice() as CellValue[][];
      const copied = new Set<number>();
      for (const f of list) {
        const r = f.row - sheet.originRow;
        // A damaged file may give two sheets one name: a finding is the sheet's whose cell holds its text.
        if (sheet.values[r]?.[f.col - sheet.originCol] !== f.text) continue;
        if (!copied.has(r)) {
          values[r] = values[r].slice();
          copied.add(r);
        }
        values[r][f.col - sheet.originCol] = f.converted;
      }
      return { ...sheet, values };
    }),
  };
}
