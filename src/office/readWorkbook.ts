/**
 * The thin Office.js adapter: turns the open workbook into the core's host-neutral `WorkbookModel`.
 *
 * Everything Office-specific stays here so that the core sees the same model from Excel as from an
 * .xlsx file read by the CLI. Each `context.sync()` is a round trip to Excel (across processes on
 * desktop, across the network on the web), so all reads are queued first and flushed in two syncs
 * whatever the number of sheets: names, then values with hidden rows/columns and merged areas (the
 * sheet's shape, for DATA-07). A third only when some rows or columns of a sheet are hidden and others
 * not, to find which.
 */
import { a1, type CellRange, type CellValue, type SheetGrid, type WorkbookModel } from '../core/grid';
import { API, PAYLOAD_BUDGET, READ_BUDGET, supports } from './api';
import { CALL_BYTES, OBJECT_BYTES } from './batch';

/**
 * The error texts Office.js puts in `Range.values` for a formula error. Only these become
 * `CellError`s; any other text, even one starting with `#`, is the clerk's own text.
 */
export const OFFICE_ERROR_VALUES: ReadonlySet<string> = new Set([
  '#N/A',
  '#VALUE!',
  '#DIV/0!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
]);

/** Converts one value from `Range.values` into the core's cell value. */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string') return OFFICE_ERROR_VALUES.has(value) ? { error: value } : value;
  // Dates arrive as serial numbers; the core converts them, knowing which columns hold dates.
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  // Not expected from `values`, but keep the text rather than lose the cell.
  return String(value);
}

/** Builds a sheet from a used range; `range` is null when the sheet has no values at all. */
export function toSheetGrid(
  name: string,
  range: { readonly values: readonly (readonly unknown[])[]; readonly rowIndex: number; readonly columnIndex: number } | null,
): SheetGrid {
  if (range === null) return { name, values: [], originRow: 0, originCol: 0 };
  return {
    name,
    values: range.values.map((row) => row.map(toCellValue)),
    originRow: range.rowIndex,
    originCol: range.columnIndex,
  };
}

function isExcelApiSupported(version: string): boolean {
  // Outside a real host (unit tests, a plain browser) there is no requirements object; assume the
  // newest API there, since nothing is being read from a real old Excel anyway.
  const requirements = typeof Office === 'undefined' ? undefined : Office.context?.requirements;
  return requirements ? requirements.isSetSupported('ExcelApi', version) : true;
}

/** The used range to read, or null for an empty sheet (only detectable this way from ExcelApi 1.4). */
function queueUsedRange(sheet: Excel.Worksheet): Excel.Range {
  // The manifest asks only for ExcelApi 1.1, where neither `getUsedRangeOrNullObject` (1.4) nor the
  // `valuesOnly` argument (1.2) exists. `getUsedRange()` there returns A1 for an empty sheet, which
  // reads as one empty cell: the same model as "no values".
  if (isExcelApiSupported('1.4')) return sheet.getUsedRangeOrNullObject(true);
  if (isExcelApiSupported('1.2')) return sheet.getUsedRange(true);
  return sheet.getUsedRange();
}

export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookModel> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();

  const pending = worksheets.items.map((sheet) => {
    const range = queueUsedRange(sheet);
    range.load(['values', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
    return { name: sheet.name, range, shape: queueShape(sheet, range) };
  });
  await context.sync();
  const shapes = await readShapes(context, pending.map((p) => p.shape));

  return {
    sheets: pending.map(({ name, range }, i) => ({ ...toSheetGrid(name, range.isNullObject ? null : range), ...shapes[i] })),
  };
}

// ---------------------------------------------------------------------------------------------------
// Hidden rows and columns, merged areas (DATA-07)

/** What a sheet's layout adds to its values, as `SheetGrid` carries it; a field is absent where the host cannot tell. */
export interface SheetShape {
  readonly merges?: readonly CellRange[];
  readonly hiddenRows?: readonly number[];
  readonly hiddenCols?: readonly number[];
}

/** Requests queued with a sheet's values that tell its shape. */
export interface ShapeRead {
  readonly sheet: Excel.Worksheet;
  /** The used range, with rowIndex, columnIndex, rowCount and columnCount loaded by the caller. */
  readonly used: Excel.Range;
  readonly hidden: boolean;
  readonly merged: Excel.RangeAreas | null;
}

/**
 * Queues, in the sync that reads a sheet's values, whether rows and columns of its used range are hidden
 * (ExcelApi 1.2: true, false, or null when some are) and the sheet's merged areas (1.13; a null object
 * when none). `withMerges: false` leaves the merges out: Excel refuses to list more than 512.
 */
export function queueShape(sheet: Excel.Worksheet, used: Excel.Range, withMerges = true): ShapeRead {
  const hidden = supports(API.sheetLayout);
  if (hidden) used.load(['rowHidden', 'columnHidden']);
  let merged: Excel.RangeAreas | null = null;
  if (withMerges && supports(API.mergedAreas)) {
    // The whole sheet: the method lists only the areas whose top-left cell is in the range
    // (OfficeDev/office-js#3611), and a table's merge may start outside the used range.
    merged = sheet.getRange().getMergedAreasOrNullObject();
    merged.load('areas/items/rowIndex, areas/items/columnIndex, areas/items/rowCount, areas/items/columnCount');
  }
  return { sheet, used, hidden, merged };
}

/** What reading one row's (column's) hidden state adds to a response through getRowProperties. */
const ROW_PROPERTY_BYTES = 24;
/** What reading one row's (column's) `rowHidden` as a range of its own adds to a response. */
const HIDDEN_PROBE_BYTES = 40;

interface Probe {
  readonly request: number;
  readonly response: number;
  /** Queues the request; the function it returns reads the result after the sync. */
  readonly queue: () => () => void;
}

/**
 * After the values' sync: the shapes of the sheets. Nothing more is asked of Excel unless some rows or
 * columns of a used range are hidden and others not; then one more sync locates them
 * (`getRowProperties`/`getColumnProperties`, ExcelApi 1.9: ~24 response bytes a row; before 1.9 a
 * `rowHidden` per row, more syncs only when those requests pass PAYLOAD_BUDGET).
 */
export async function readShapes(context: Excel.RequestContext, reads: readonly (ShapeRead | null)[]): Promise<SheetShape[]> {
  const probes: Probe[] = [];
  const shapes = reads.map((read) => {
    if (!read || read.used.isNullObject) return {};
    const { used } = read;
    const merges = read.merged === null ? undefined : read.merged.isNullObject ? [] : read.merged.areas.items.map(areaOf);
    if (!read.hidden) return merges ? { merges } : {};
    const hiddenRows: number[] = [];
    const hiddenCols: number[] = [];
    locate(read, 'rows', used.rowHidden, used.rowIndex, used.rowCount, hiddenRows, probes);
    locate(read, 'columns', used.columnHidden, used.columnIndex, used.columnCount, hiddenCols, probes);
    return { ...(merges ? { merges } : {}), hiddenRows, hiddenCols };
  });
  await runProbes(context, probes);
  for (const shape of shapes) {
    (shape as { hiddenRows?: number[] }).hiddenRows?.sort((a, b) => a - b);
    (shape as { hiddenCols?: number[] }).hiddenCols?.sort((a, b) => a - b);
  }
  return shapes;
}

function areaOf(range: Excel.Range): CellRange {
  return { top: range.rowIndex, left: range.columnIndex, bottom: range.rowIndex + range.rowCount - 1, right: range.columnIndex + range.columnCount - 1 };
}

/** Fills `out` with the hidden rows (columns) of the used range, now or through probes. */
function locate(read: ShapeRead, what: 'rows' | 'columns', state: boolean | null, first: number, count: number, out: number[], probes: Probe[]): void {
  if (state === false) return;
  if (state === true) {
    for (let i = 0; i < count; i++) out.push(first + i);
    return;
  }
  const { sheet, used } = read;
  const rows = what === 'rows';
  if (supports(API.rangeAreas)) {
    // getRowProperties over parts of the rows, each part's response well under the limit.
    const perPart = Math.floor(READ_BUDGET / ROW_PROPERTY_BYTES);
    for (let from = 0; from < count; from += perPart) {
      const to = Math.min(count, from + perPart) - 1;
      probes.push({
        request: OBJECT_BYTES + CALL_BYTES + 60,
        response: (to - from + 1) * ROW_PROPERTY_BYTES,
        queue: () => {
          const part =
            from === 0 && to === count - 1
              ? used
              : rows
                ? sheet.getRange(`${a1(first + from, used.columnIndex)}:${a1(first + to, used.columnIndex + used.columnCount - 1)}`)
                : sheet.getRange(`${a1(used.rowIndex, first + from)}:${a1(used.rowIndex + used.rowCount - 1, first + to)}`);
          if (rows) {
            const result = part.getRowProperties({ rowHidden: true });
            return () => result.value.forEach((p, i) => p.rowHidden && out.push(first + from + i));
          }
          const result = part.getColumnProperties({ columnHidden: true });
          return () => result.value.forEach((p, i) => p.columnHidden && out.push(first + from + i));
        },
      });
    }
    return;
  }
  // Before 1.9: one row (column) at a time.
  for (let i = 0; i < count; i++) {
    probes.push({
      request: OBJECT_BYTES + CALL_BYTES,
      response: HIDDEN_PROBE_BYTES,
      queue: () => {
        if (rows) {
          const row = used.getRow(i).load('rowHidden');
          return () => row.rowHidden && out.push(first + i);
        }
        const column = used.getColumn(i).load('columnHidden');
        return () => column.columnHidden && out.push(first + i);
      },
    });
  }
}

/** Queues probes in as few syncs as their requests and responses allow (one, short of pathological sheets). */
async function runProbes(context: Excel.RequestContext, probes: readonly Probe[]): Promise<void> {
  let pending: (() => void)[] = [];
  let request = 0;
  let response = 0;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    await context.sync();
    for (const read of pending) read();
    pending = [];
    request = response = 0;
  };
  for (const probe of probes) {
    if (pending.length > 0 && (request + probe.request > PAYLOAD_BUDGET || response + probe.response > READ_BUDGET)) await flush();
    pending.push(probe.queue());
    request += probe.request;
    response += probe.response;
  }
  await flush();
}
