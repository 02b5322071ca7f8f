/**
 * The one Office.js reader: turns the open workbook into the core's host-neutral `WorkbookModel`. The
 * check, the meeting sheets ("In phiếu", "Biên bản") and the conversion ("Chuyển sang Unicode") all read
 * through `readOpenWorkbook`, so they see the same values for the same cell, and a reader defect has
 * one place to live (issue 12).
 *
 * Everything Office-specific stays here so that the core sees the same model from Excel as from an
 * .xlsx file read by the CLI. Each `context.sync()` is a round trip to Excel (across processes on
 * desktop, across the network on the web), so reads are queued first and flushed in two syncs whatever
 * the number of sheets:
 *
 *   1. the sheet names and the workbook's date system (plus what the caller queues: the check's state);
 *   2. every sheet's used range: its size and the values of its first FIRST_READ_ROWS rows, whether
 *      its rows and columns are hidden, the sheet's merged areas (DATA-07).
 *
 * More only where a sheet asks for it: one sync when some rows or columns of a sheet are hidden and
 * others not (to find which), more parts for sheets longer than FIRST_READ_ROWS rows, each response
 * under READ_BUDGET. Before ExcelApi 1.4 (Excel 2016) a sheet is read whole in step 2.
 */
import { a1, type CellRange, type CellValue, type SheetGrid, type WorkbookModel } from '../core/grid';
import { API, FIRST_READ_ROWS, PAYLOAD_BUDGET, READ_BUDGET, supports } from './api';
import { CALL_BYTES, jsonBytes, OBJECT_BYTES } from './batch';

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
  // A date-formatted cell arrives as its serial number, in the workbook's date system; the core makes
  // it a day (knowing the date system and which columns hold dates), as for a file.
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

// ---------------------------------------------------------------------------------------------------
// The date system

/**
 * Queued with the names: whether the workbook counts dates from 1904. `Workbook.use1904DateSystem`
 * would say it directly, but it is still a preview API (ExcelApi BETA, no numbered requirement set that
 * `isSetSupported` could vouch for), so the workbook's own DATE function answers instead
 * (`Workbook.functions`, ExcelApi 1.2): DATE(1904, 1, 1) is 0 in the 1904 system and 1462 in the 1900
 * one. No request is made to a host before 1.2 (Office.js refuses the call there); its workbook is
 * taken to use 1900, the default of every Excel since 2011, and a 1904 workbook's dates are then read
 * four years early, as before issue 12.
 */
function queueDateSystem(context: Excel.RequestContext): (() => boolean) | null {
  if (!supports(API.functions)) return null;
  const day = context.workbook.functions.date(1904, 1, 1);
  day.load('value');
  return () => {
    try {
      return day.value === 0;
    } catch {
      // The sync that was to load it failed: then nothing was read, and the caller has thrown already.
      return false;
    }
  };
}

// ---------------------------------------------------------------------------------------------------
// The reader

/** One sheet read: its values as the core sees them, and its proxy, for callers that write back. */
export interface SheetRead {
  readonly grid: SheetGrid;
  readonly sheet: Excel.Worksheet;
}

export interface OpenWorkbook {
  /** Every sheet of the workbook, in order, read or not. */
  readonly sheetNames: readonly string[];
  /** The sheets read, with the date system and the reader's name. */
  readonly model: WorkbookModel;
  /** The same sheets as `model.sheets`, in the same order, with their proxies. */
  readonly sheets: readonly SheetRead[];
  /** The sheets of `ReadOptions.byName` that the workbook has. */
  readonly byName: ReadonlyMap<string, SheetGrid>;
}

export interface ReadOptions {
  /** Which sheets to read (all by default): the check skips its own output sheets. */
  readonly include?: (name: string) => boolean;
  /** Merged areas and hidden rows and columns (DATA-07); true by default. */
  readonly shapes?: boolean;
  /**
   * Small sheets read whole by name, already in the names' sync where null objects exist (ExcelApi 1.4;
   * a sheet that is not there is a null object), else with the values: the add-in's own state sheet.
   */
  readonly byName?: readonly string[];
  /** Queues the caller's own reads in the values' sync, once the names are known (the check's note counts). */
  readonly withValues?: (sheetNames: readonly string[], sheets: readonly Excel.Worksheet[]) => void;
}

/**
 * Reads the open workbook: names and date system, then every included sheet's used range, in the syncs
 * the file header describes. The one way src/office loads cell values.
 */
export async function readOpenWorkbook(context: Excel.RequestContext, options: ReadOptions = {}): Promise<OpenWorkbook> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  const date1904 = queueDateSystem(context);
  const nullObjects = supports(API.nullObjects);
  const named = new Map<string, Excel.Range>();
  if (nullObjects) for (const name of options.byName ?? []) named.set(name, queueWhole(worksheets.getItemOrNullObject(name).getUsedRangeOrNullObject(true)));
  await context.sync();
  const sheetNames = worksheets.items.map((s) => s.name);
  if (!nullObjects) for (const name of options.byName ?? []) if (sheetNames.includes(name)) named.set(name, queueWhole(worksheets.getItem(name).getUsedRange()));
  const included = worksheets.items.filter((s) => !options.include || options.include(s.name));
  options.withValues?.(sheetNames, included);
  const withShapes = options.shapes ?? true;
  const reads = nullObjects ? await readSheets(context, included, withShapes) : await readWhole(context, included, withShapes);
  const sheets = reads.map((r) => ({ sheet: r.sheet, grid: { ...toSheetGrid(r.sheet.name, r.range), ...r.shape } }));
  const grids = sheets.map((s) => s.grid);
  // As the file readers give it: `date1904` only where it is true.
  const model: WorkbookModel = date1904?.() ? { sheets: grids, date1904: true, reader: { name: 'excel' } } : { sheets: grids, reader: { name: 'excel' } };
  return {
    sheetNames,
    model,
    sheets,
    byName: new Map([...named].flatMap(([name, range]) => (range.isNullObject ? [] : [[name, toSheetGrid(name, range)] as const]))),
  };
}

function queueWhole(range: Excel.Range): Excel.Range {
  range.load(['values', 'rowIndex', 'columnIndex']);
  return range;
}

/** The workbook as the core reads it: every sheet (the meeting sheets' check reads them all). */
export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookModel> {
  return (await readOpenWorkbook(context)).model;
}

interface UsedRange {
  readonly values: readonly (readonly unknown[])[];
  readonly rowIndex: number;
  readonly columnIndex: number;
}

interface RawSheet {
  readonly sheet: Excel.Worksheet;
  readonly range: UsedRange | null;
  shape: SheetShape;
}

/** Excel 2016 (ExcelApi 1.1–1.3): no null objects, no 5 MB limit on the desktop; each sheet read whole. */
async function readWhole(context: Excel.RequestContext, sheets: readonly Excel.Worksheet[], withShapes: boolean): Promise<RawSheet[]> {
  const whole = sheets.map((sheet) => {
    // `valuesOnly` (1.2) leaves out cells that hold only a format. Before it, `getUsedRange()` of an
    // empty sheet is A1, read as one empty cell: the same model as "no values".
    const range = supports(API.valuesOnly) ? sheet.getUsedRange(true) : sheet.getUsedRange();
    range.load(['values', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
    return { sheet, range, shape: withShapes ? queueShape(sheet, range) : null };
  });
  await context.sync();
  const shapes = await readShapes(context, whole.map((w) => w.shape));
  return whole.map(({ sheet, range }, i) => ({ sheet, range, shape: shapes[i] }));
}

/** A ClientResult whose sync may have failed (then the caller does without it). */
export function loaded(result: OfficeExtension.ClientResult<unknown>): boolean {
  try {
    void result.value;
    return true;
  } catch {
    return false;
  }
}

/** Syncs; the error it failed with, or null. */
async function syncError(context: Excel.RequestContext): Promise<unknown> {
  try {
    await context.sync();
    return null;
  } catch (error) {
    return error ?? new Error('context.sync() failed');
  }
}

const isTooLarge = (error: unknown): boolean => (error as { code?: string }).code === 'ResponsePayloadSizeLimitExceeded';

/** Rows of one sheet still to read: 0-based, inclusive, over the used columns. */
interface RowPart {
  readonly grid: Filling;
  readonly top: number;
  readonly bottom: number;
}

/** A sheet's values being filled in, part by part. */
interface Filling {
  readonly sheet: Excel.Worksheet;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly values: unknown[][];
}

/**
 * Reads rows of long sheets in parts sized from what the first rows weighed. Reading changes nothing,
 * so a part whose response still passes the limit is simply read again in two halves.
 */
async function readParts(context: Excel.RequestContext, parts: readonly RowPart[]): Promise<void> {
  if (parts.length === 0) return;
  const loads = parts.map((part) => {
    const { grid } = part;
    const right = grid.columnIndex + (grid.values[0]?.length ?? 1) - 1;
    const range = grid.sheet.getRange(`${a1(part.top, grid.columnIndex)}:${a1(part.bottom, right)}`);
    range.load('values');
    return { part, range };
  });
  try {
    await context.sync();
  } catch (error) {
    const rows = parts.reduce((n, p) => n + p.bottom - p.top + 1, 0);
    if (!isTooLarge(error) || rows <= 1) throw error;
    const halves: RowPart[][] = [[], []];
    for (const p of parts) {
      if (p.bottom === p.top) halves[halves[0].length <= halves[1].length ? 0 : 1].push(p);
      else {
        const middle = Math.floor((p.top + p.bottom) / 2);
        halves[0].push({ ...p, bottom: middle });
        halves[1].push({ ...p, top: middle + 1 });
      }
    }
    for (const half of halves) await readParts(context, half);
    return;
  }
  for (const { part, range } of loads) {
    range.values.forEach((row, i) => (part.grid.values[part.top - part.grid.rowIndex + i] = row as unknown[]));
  }
}

/** Groups parts into requests whose responses should stay under READ_BUDGET. */
async function readRest(context: Excel.RequestContext, sheets: readonly { grid: Filling; from: number; bytesPerRow: number }[]): Promise<void> {
  let batch: RowPart[] = [];
  let room = READ_BUDGET;
  for (const { grid, from, bytesPerRow } of sheets) {
    const last = grid.rowIndex + grid.values.length - 1;
    for (let top = from; top <= last; ) {
      const fit = Math.floor(room / bytesPerRow);
      if (fit < 1) {
        await readParts(context, batch);
        batch = [];
        room = READ_BUDGET;
        continue;
      }
      const bottom = Math.min(last, top + fit - 1);
      batch.push({ grid, top, bottom });
      room -= (bottom - top + 1) * bytesPerRow;
      top = bottom + 1;
    }
  }
  await readParts(context, batch);
}

/**
 * Step 2 (ExcelApi 1.4 on): sizes, first rows, hidden rows and columns, merged areas; then the rest of
 * long sheets (and, only when some rows or columns of a sheet are hidden and others not, one sync to
 * find which).
 */
async function readSheets(context: Excel.RequestContext, inputs: readonly Excel.Worksheet[], withShapes: boolean): Promise<RawSheet[]> {
  const queued = inputs.map((sheet) => ({
    sheet,
    used: sheet.getUsedRangeOrNullObject(true),
    head: sheet.getRange(`1:${FIRST_READ_ROWS}`).getUsedRangeOrNullObject(true),
    shape: null as ShapeRead | null,
  }));
  let withHeads = true;
  let withMerges = true;
  const queueReads = (): void => {
    for (const q of queued) {
      q.used.load(['rowIndex', 'columnIndex', 'rowCount', 'columnCount']);
      if (withHeads) q.head.load(['values', 'rowIndex', 'columnIndex']);
      q.shape = withShapes ? queueShape(q.sheet, q.used, withMerges) : null;
    }
  };
  queueReads();
  let error = await syncError(context);
  // A sheet of more than 512 merged areas, which Excel refuses to list: read again without merges.
  if (error !== null && !isTooLarge(error) && queued.some((q) => q.shape?.merged)) {
    withMerges = false;
    queueReads();
    error = await syncError(context);
  }
  // First rows too heavy for one response (very wide sheets): sizes alone, then everything in parts.
  if (error !== null && isTooLarge(error)) {
    withHeads = false;
    queueReads();
    error = await syncError(context);
  }
  if (error !== null) throw error;
  const rest: { grid: Filling; from: number; bytesPerRow: number }[] = [];
  const out: RawSheet[] = queued.map(({ sheet, used, head }) => {
    if (used.isNullObject) return { sheet, range: null, shape: {} };
    const grid: Filling = {
      sheet,
      rowIndex: used.rowIndex,
      columnIndex: used.columnIndex,
      values: Array.from({ length: used.rowCount }, () => new Array<unknown>(used.columnCount).fill('')),
    };
    let bytesPerRow = 16 * used.columnCount + 4;
    let from = used.rowIndex;
    if (withHeads) {
      from = Math.max(used.rowIndex, FIRST_READ_ROWS);
      if (!head.isNullObject && head.values.length > 0) {
        let bytes = 0;
        head.values.forEach((row, i) => {
          bytes += jsonBytes(row) + 1;
          const target = grid.values[head.rowIndex - grid.rowIndex + i];
          row.forEach((v, j) => (target[head.columnIndex - grid.columnIndex + j] = v));
        });
        // A row read later weighs about what the first ones did, over all the used columns.
        bytesPerRow = Math.ceil((bytes / head.values.length) * (used.columnCount / head.values[0].length)) + 4;
      }
    }
    if (from < grid.rowIndex + grid.values.length) rest.push({ grid, from, bytesPerRow });
    return { sheet, range: grid, shape: {} };
  });
  const shapes = await readShapes(context, queued.map((q) => q.shape));
  out.forEach((o, i) => (o.shape = shapes[i]));
  await readRest(context, rest);
  return out;
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
