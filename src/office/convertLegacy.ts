/**
 * "Chuyển sang Unicode" (DATA-06) in the open workbook: every cell typed in TCVN3 or VNI gets its
 * Unicode text, and a legacy font (`.VnTime`, `VNI-Times`) its Unicode counterpart; nothing else is
 * touched. Syncs: the sheet names and the used ranges' values (readWorkbook.ts's `readOpenWorkbook`, as
 * the check reads them, so the conversion sees exactly the cells the check flagged); for the cells that
 * could be legacy text only, their number formats and (ExcelApi 1.9, getCellProperties) font names; then
 * all writes in one batch (a second only past the request budget).
 */
import { a1 } from '../core';
import { decodeLegacy, findLegacyCells, isAscii, type LegacyCell, legacyFont } from '../core/text/legacy';
import { supports } from './api';
import { BatchWriter, CALL_BYTES, jsonBytes, OBJECT_BYTES } from './batch';
import { readOpenWorkbook } from './readWorkbook';
import { STATE_SHEET } from './state';

/** Range.getCellProperties. */
const CELL_PROPERTIES = '1.9';

export interface LegacyConversion {
  /** Cells converted. */
  readonly cells: number;
  /** Sheets with a converted cell. */
  readonly sheets: number;
}

interface SheetRead {
  readonly sheet: Excel.Worksheet;
  readonly name: string;
  readonly range: { readonly values: readonly (readonly unknown[])[]; readonly rowIndex: number; readonly columnIndex: number };
}

/** A column run of cells that could hold legacy text: read its formats and fonts together. */
interface Run {
  readonly top: number;
  readonly bottom: number;
  readonly col: number;
  readonly range: Excel.Range;
  readonly fonts: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
}

const couldBeLegacy = (value: unknown): value is string => typeof value === 'string' && !isAscii(value) && (decodeLegacy(value, 'tcvn3') !== null || decodeLegacy(value, 'vni') !== null);

export async function convertLegacyInExcel(context: Excel.RequestContext): Promise<LegacyConversion> {
  // Merged areas and hidden rows do not matter here: only the values are read.
  const workbook = await readOpenWorkbook(context, { include: (name) => name !== STATE_SHEET, shapes: false });
  const reads: SheetRead[] = workbook.sheets.map(({ sheet, grid }) => ({
    sheet,
    name: grid.name,
    range: { values: grid.values, rowIndex: grid.originRow, columnIndex: grid.originCol },
  }));

  const withFonts = supports(CELL_PROPERTIES);
  const runsOf = new Map<SheetRead, Run[]>();
  for (const read of reads) {
    const runs = candidateRuns(read, withFonts);
    if (runs.length) runsOf.set(read, runs);
  }
  if (runsOf.size === 0) return { cells: 0, sheets: 0 };
  await context.sync();

  const writer = new BatchWriter(context);
  let cells = 0;
  let sheets = 0;
  for (const [read, runs] of runsOf) {
    const changed = await queueConversion(read, runs, writer);
    cells += changed;
    if (changed) sheets++;
  }
  if (writer.hasPending) await writer.flush();
  return { cells, sheets };
}

/** Queues the reads of each column run of candidate cells in a sheet (number formats, fonts). */
function candidateRuns(read: SheetRead, withFonts: boolean): Run[] {
  const { values, rowIndex, columnIndex } = read.range;
  const runs: Run[] = [];
  const width = values.reduce((w, line) => Math.max(w, line.length), 0);
  for (let c = 0; c < width; c++) {
    let top = -1;
    for (let r = 0; r <= values.length; r++) {
      const candidate = r < values.length && couldBeLegacy(values[r][c]);
      if (candidate && top < 0) top = r;
      if (!candidate && top >= 0) {
        const address = `${a1(rowIndex + top, columnIndex + c)}:${a1(rowIndex + r - 1, columnIndex + c)}`;
        const range = read.sheet.getRange(address);
        range.load('numberFormat');
        const fonts = withFonts ? fontNames(range) : null;
        runs.push({ top: rowIndex + top, bottom: rowIndex + r - 1, col: columnIndex + c, range, fonts });
        top = -1;
      }
    }
  }
  return runs;
}

/**
 * Queues the font names of a range (getCellProperties, ExcelApi 1.9); an older host, or one whose API
 * object lacks the method (the test host), gives none and the cells are judged by their characters.
 */
function fontNames(range: Excel.Range): OfficeExtension.ClientResult<Excel.CellProperties[][]> | null {
  const withMethod = range as Partial<Pick<Excel.Range, 'getCellProperties'>>;
  return withMethod.getCellProperties?.call(range, { format: { font: { name: true } } }) ?? null;
}

/** Finds the sheet's legacy cells with what was read and queues their new text and fonts. */
async function queueConversion(read: SheetRead, runs: readonly Run[], writer: BatchWriter): Promise<number> {
  const { values, rowIndex, columnIndex } = read.range;
  const fonts: (string | null)[][] = values.map((line) => line.map(() => null));
  const textFormat = new Set<string>();
  for (const run of runs) {
    for (let r = run.top; r <= run.bottom; r++) {
      const i = r - run.top;
      const name = run.fonts?.value[i]?.[0]?.format?.font?.name ?? null;
      // Only a legacy font counts: the check (readWorkbook) sees no fonts, so a Unicode font must not
      // hold back a cell the check flagged, or "Chuyển sang Unicode" would leave its warning standing.
      fonts[r - rowIndex][run.col - columnIndex] = legacyFont(name) ? name : null;
      if (run.range.numberFormat[i]?.[0] === '@') textFormat.add(a1(r, run.col));
    }
  }
  const found = findLegacyCells(values, fonts, rowIndex, columnIndex);
  // The apostrophe keeps the text as typed (no formula, number or date); a Text-formatted cell keeps
  // everything as typed already, and would keep the apostrophe too.
  const textOf = (cell: LegacyCell) => (textFormat.has(a1(cell.row, cell.col)) ? cell.reading.converted : `'${cell.reading.converted}`);
  // One write per column run of converted cells (a roll's name column is one call), one font
  // change per run of cells that get the same font.
  for (const run of columnRuns(found, () => true)) {
    const texts = run.map((cell) => [textOf(cell)]);
    const address = runAddress(run);
    await writer.room(OBJECT_BYTES + CALL_BYTES + jsonBytes(address) + jsonBytes(texts));
    read.sheet.getRange(address).values = texts;
  }
  const withFont = found.filter((cell) => cell.reading.unicodeFont !== null);
  for (const run of columnRuns(withFont, (a, b) => a.reading.unicodeFont === b.reading.unicodeFont)) {
    const font = run[0].reading.unicodeFont as string;
    const address = runAddress(run);
    await writer.room(2 * OBJECT_BYTES + CALL_BYTES + jsonBytes(address) + jsonBytes(font));
    read.sheet.getRange(address).format.font.name = font;
  }
  return found.length;
}

/** Cells per write at most, so that one call stays far below the request limit. */
const MAX_RUN = 2000;

/** Cells grouped into runs down a column, consecutive rows that `same` accepts together. */
function columnRuns(cells: readonly LegacyCell[], same: (a: LegacyCell, b: LegacyCell) => boolean): LegacyCell[][] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: LegacyCell[][] = [];
  for (const cell of sorted) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (last && last.col === cell.col && last.row === cell.row - 1 && run.length < MAX_RUN && same(last, cell)) run.push(cell);
    else runs.push([cell]);
  }
  return runs;
}

function runAddress(run: readonly LegacyCell[]): string {
  const first = run[0];
  const last = run[run.length - 1];
  return run.length === 1 ? a1(first.row, first.col) : `${a1(first.row, first.col)}:${a1(last.row, last.col)}`;
}
