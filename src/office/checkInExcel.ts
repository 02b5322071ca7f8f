/**
 * The whole check inside Excel, the platform's way: read every sheet's used range once, compute with the
 * core, then write flags and result sheets. The syncs follow a fixed plan, whatever the number of rows:
 *
 *   1. sheet names, the workbook's date system and the remembered state (the state sheet read by name,
 *      a null object when absent);
 *   2. every input sheet's used range (steps 1–2 are readWorkbook.ts's `readOpenWorkbook`, the one reader): its size, and the values of its first FIRST_READ_ROWS rows,
 *      whether its rows and columns are hidden, the sheet's merged areas (DATA-07; one sync more only
 *      when some rows or columns of a sheet are hidden and others not, to find which);
 *   3. queued first, the fills of the cells to flag for the first time (one `getCellProperties` per
 *      stretch of a column, ExcelApi 1.9) and whether they have a note (a lookup per cell, or the
 *      locations of a sheet's few notes); then the result sheets (values and formats);
 *   4. the flags: fills restored and set (one RangeAreas per colour), notes added or removed, the
 *      add-in's own notes rewritten only when their text changed;
 *   5. the links of `Kiểm tra`, the state sheet, a stale tally removed, `Kiểm tra` shown.
 *
 * Each step goes out in one request. A step that would pass Excel on the web's 5 MB limit for a request
 * or a response takes the next step's sync early (BatchWriter.endStep) and only the whole plan
 * overflowing adds syncs: sheets longer than FIRST_READ_ROWS rows are read in more parts, and result
 * sheets of tens of thousands of members need more requests. On hosts before ExcelApi 1.4 (Excel 2016)
 * the state and the sheets are read whole in step 2; before 1.9 a fill is probed per cell and formats
 * go one rectangle per call, in as many requests as their bytes need.
 */
import { a1, checkWorkbook, type CheckResult, type WorkbookModel } from '../core';
import { MORE_RESULT_SHEETS, RESULT_SHEETS } from '../core/forms/definitions';
import { type Flag, flagsOf, moreResultSheets, resultSheets } from '../core/output/resultSheets';
import { API, READ_BUDGET, supports } from './api';
import { BatchWriter, CALL_BYTES, OBJECT_BYTES, jsonBytes, utf8Bytes } from './batch';
import { loaded, readOpenWorkbook } from './readWorkbook';
import { asCellText, forAreas, type LayoutLink, queueLayout, queueLinks, rectanglesOf } from './renderLayout';
import { type AddinState, EMPTY_STATE, type FlagRecord, parseState, serialiseState, STATE_SHEET } from './state';
import { readState } from './stateSheet';

export { readState } from './stateSheet';

const OUTPUT_SHEETS = new Set<string>([...Object.values(RESULT_SHEETS), ...Object.values(MORE_RESULT_SHEETS), STATE_SHEET]);
/** Excel reports "no fill" as white on most hosts; white is restored as "no fill". */
const NO_FILL = '#FFFFFF';

const key = (sheet: string, cell: string): string => `${sheet}\u0000${cell}`;

interface Snapshot {
  readonly sheetNames: readonly string[];
  readonly model: WorkbookModel;
  readonly state: AddinState;
  /** Notes on each input sheet (ExcelApi 1.18), to choose how to find which cells to flag have one. */
  readonly noteCounts: ReadonlyMap<string, number>;
}

/**
 * Steps 1–2 (and more parts for sheets of more than FIRST_READ_ROWS rows), through the one reader: the
 * input sheets, with the remembered state read in the names' sync (a null object when absent) and the
 * notes counted in the values' sync.
 */
async function readSnapshot(context: Excel.RequestContext): Promise<Snapshot> {
  let counts: { name: string; count: OfficeExtension.ClientResult<number> }[] = [];
  const read = await readOpenWorkbook(context, {
    include: (name) => !OUTPUT_SHEETS.has(name),
    byName: [STATE_SHEET],
    withValues: (_names, inputs) => {
      if (supports(API.notes)) counts = inputs.map((sheet) => ({ name: sheet.name, count: sheet.notes.getCount() }));
    },
  });
  const state = read.byName.get(STATE_SHEET);
  return {
    sheetNames: read.sheetNames,
    model: read.model,
    state: state ? parseState(state.values) : EMPTY_STATE,
    noteCounts: new Map(counts.flatMap(({ name, count }) => (loaded(count) ? [[name, count.value] as const] : []))),
  };
}

/** What was on a cell before this check flags it for the first time. */
interface CellProbe {
  /** The fill the cell had (read after the sync). */
  fill: () => string | null;
  /** The note looked up on the cell (a null object when none). */
  note?: Excel.Note;
  /** Or the cells of the sheet that have notes (read after the sync). */
  noteCells?: () => ReadonlySet<string>;
  /** On a cell with the add-in's own note from the last check: that note (a null object if deleted since). */
  ownNote?: Excel.Note;
  /** Whether its text was read. */
  ownNoteRead?: boolean;
}

/** What reading one note's text adds to a response (a flag's note is a few hundred bytes). */
const OWN_NOTE_RESPONSE_BYTES = 300;

/** A note found through the sheet's notes costs about this many times a probe of one cell. */
const NOTE_LOCATION_COST = 2.5;

/** Unflagged cells between two flagged ones of a column that a fill probe reads rather than splitting. */
const PROBE_GAP = 8;

type FillsResult = { value: { format?: { fill?: { color?: string } } }[][] };

/**
 * Step 3, queued first: the fill of cells flagged for the first time (to restore it later) and whether
 * they, or cells whose note is the clerk's, have a note (a clerk's note is never overwritten). Cells the
 * add-in flagged before need no fill probe, and its own notes are replaced without one.
 */
async function queueProbes(
  context: Excel.RequestContext,
  flags: readonly Flag[],
  previous: ReadonlyMap<string, FlagRecord>,
  noteCounts: ReadonlyMap<string, number>,
  writer: BatchWriter,
): Promise<Map<string, CellProbe>> {
  const notes = supports(API.notes);
  const cellProps = supports(API.rangeAreas);
  const probes = new Map<string, CellProbe>();
  const sheets = new Map<string, Excel.Worksheet>();
  const sheetProxy = (name: string): Excel.Worksheet => {
    let sheet = sheets.get(name);
    if (!sheet) sheets.set(name, (sheet = context.workbook.worksheets.getItem(name)));
    return sheet;
  };
  const needed: Flag[] = [];
  // Own notes' texts come back in the response: read them only while that stays well under its limit.
  const ownNotes = notes ? flags.filter((f) => previous.get(key(f.sheet, f.cell))?.ownNote).length : 0;
  const readOwnNotes = ownNotes * OWN_NOTE_RESPONSE_BYTES < READ_BUDGET * 0.75;
  for (const f of flags) {
    const k = key(f.sheet, f.cell);
    if (!(notes && previous.get(k)?.ownNote)) {
      needed.push(f);
      continue;
    }
    // The add-in's own note: read, to leave it alone when its text is still right.
    await writer.room(OBJECT_BYTES + CALL_BYTES + utf8Bytes(f.cell));
    const ownNote = sheetProxy(f.sheet).notes.getItemOrNullObject(f.cell);
    if (readOwnNotes) ownNote.load('content');
    probes.set(k, { fill: () => previous.get(k)?.originalFill ?? null, ownNote, ownNoteRead: readOwnNotes });
  }
  // Whether a cell has a note: where the sheet has few notes (a first check: the template's hints),
  // the cells of all of them, else a lookup per cell.
  const noteCells = new Map<string, () => ReadonlySet<string>>();
  if (notes) {
    const perSheet = new Map<string, number>();
    for (const f of needed) perSheet.set(f.sheet, (perSheet.get(f.sheet) ?? 0) + 1);
    for (const [sheet, cells] of perSheet) {
      const count = noteCounts.get(sheet);
      if (count === undefined || count * NOTE_LOCATION_COST >= cells) continue;
      const locations: Excel.Range[] = [];
      for (let i = 0; i < count; i++) {
        await writer.room(3 * OBJECT_BYTES + CALL_BYTES);
        const location = sheetProxy(sheet).notes.getItemAt(i).getLocation();
        location.load('address');
        locations.push(location);
      }
      let found: Set<string> | null = null;
      noteCells.set(sheet, () => (found ??= new Set(locations.map((l) => l.address.slice(l.address.lastIndexOf('!') + 1).replace(/\$/g, '')))));
    }
  }
  const columns = new Map<string, { sheet: string; col: string; rows: { row: number; k: string }[] }>();
  for (const f of needed) {
    const k = key(f.sheet, f.cell);
    const before = previous.get(k);
    const probe: CellProbe = { fill: () => before?.originalFill ?? null };
    probes.set(k, probe);
    if (notes) {
      probe.noteCells = noteCells.get(f.sheet);
      if (!probe.noteCells) {
        await writer.room(OBJECT_BYTES + utf8Bytes(f.cell));
        probe.note = sheetProxy(f.sheet).notes.getItemOrNullObject(f.cell);
      }
    }
    if (before) continue;
    const match = /^([A-Z]+)(\d+)$/.exec(f.cell);
    if (cellProps && match) {
      const group = `${f.sheet}\u0000${match[1]}`;
      const list = columns.get(group);
      const entry = { row: Number(match[2]), k };
      if (list) list.rows.push(entry);
      else columns.set(group, { sheet: f.sheet, col: match[1], rows: [entry] });
    } else {
      await writer.room(3 * OBJECT_BYTES + CALL_BYTES + utf8Bytes(f.cell));
      const fill = sheetProxy(f.sheet).getRange(f.cell).format.fill;
      fill.load('color');
      probe.fill = () => normaliseFill(fill.color);
    }
  }
  // One getCellProperties per stretch of a column: its response is ~40 bytes a cell, a probe per cell
  // would be ~400 request bytes.
  for (const { sheet, col, rows } of columns.values()) {
    rows.sort((a, b) => a.row - b.row);
    for (let i = 0; i < rows.length; ) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1].row - rows[j].row <= PROBE_GAP + 1) j++;
      const top = rows[i].row;
      await writer.room(OBJECT_BYTES + CALL_BYTES + 60);
      const result = sheetProxy(sheet).getRange(`${col}${top}:${col}${rows[j].row}`).getCellProperties({ format: { fill: { color: true } } }) as unknown as FillsResult;
      for (const { row, k } of rows.slice(i, j + 1)) {
        const probe = probes.get(k)!;
        probe.fill = () => normaliseFill(result.value[row - top]?.[0]?.format?.fill?.color ?? null);
      }
      i = j + 1;
    }
  }
  return probes;
}

export interface ExcelCheckOptions {
  readonly ruleSet?: string;
  readonly options?: Readonly<Record<string, string>>;
  /** Called between stages, for the task pane's progress bar. */
  readonly onProgress?: (stage: 'reading' | 'checking' | 'writing' | 'done') => void;
  /** Show the `Kiểm tra` sheet afterwards (the ribbon button has no other way to report). */
  readonly showIssuesSheet?: boolean;
}

/** Runs the check on the open workbook and writes flags and result sheets. Never changes an input value. */
export async function checkInExcel(context: Excel.RequestContext, options: ExcelCheckOptions = {}): Promise<CheckResult> {
  options.onProgress?.('reading');
  const snapshot = await readSnapshot(context);
  options.onProgress?.('checking');
  const settings = { ...snapshot.state.settings, ...(options.options ?? {}) };
  const result = checkWorkbook(snapshot.model, { ruleSet: options.ruleSet ?? settings.ruleSet, options: withoutRuleSet(settings) });
  const inputSheets = new Set(snapshot.model.sheets.map((s) => s.name));
  const flags = flagsOf(result.issues, (name) => inputSheets.has(name));
  const previous = new Map(snapshot.state.flags.map((f) => [key(f.sheet, f.cell), f]));

  options.onProgress?.('writing');
  const writer = new BatchWriter(context);
  // Step 3: the probes first, then the result sheets.
  const probes = await queueProbes(context, flags, previous, snapshot.noteCounts, writer);
  const existing = new Set(snapshot.sheetNames);
  // The state sheet goes before the result sheets, which are re-created at the end on every run: the
  // sheet order is then the same after one check as after two.
  if (!existing.has(STATE_SHEET)) addStateSheet(context);
  // Then the leaders' tally (form 05-ĐG.CBLĐQL) when the workbook has leaders' votes, as `check --out`.
  const layouts = [...resultSheets(result, (name) => inputSheets.has(name)), ...moreResultSheets(result)];
  const links: LayoutLink[] = [];
  for (const layout of layouts) links.push(...(await queueLayout(context, layout, existing.has(layout.name), writer, { linksLater: true })));
  await writer.endStep(1);
  // Step 4: the flags, now that the probes are read.
  const records = await queueFlags(context, flags, previous, probes, writer);
  await writer.endStep(2);
  // Step 5: links, the remembered state, the tally no longer needed, `Kiểm tra` shown.
  await queueLinks(context, links, writer);
  await queueState(context, { flags: records, settings: snapshot.state.settings }, writer);
  // Result sheets are replaced whole: one this run has nothing for (no leaders' votes any more) goes.
  for (const name of Object.values(MORE_RESULT_SHEETS)) {
    if (existing.has(name) && !layouts.some((l) => l.name === name)) context.workbook.worksheets.getItem(name).delete();
  }
  if (options.showIssuesSheet) context.workbook.worksheets.getItem(RESULT_SHEETS.issues).activate();
  await writer.flush();
  options.onProgress?.('done');
  return result;
}

function withoutRuleSet(settings: Readonly<Record<string, string>>): Record<string, string> {
  const { ruleSet: _ignored, ...rest } = settings;
  void _ignored;
  return rest;
}

/** Cells of each sheet, by a second key (a colour), in first-seen order. */
function bySheetAnd<T extends { sheet: string; cell: string }>(items: readonly T[], second: (item: T) => string): { sheet: string; value: string; cells: string[] }[] {
  const groups = new Map<string, { sheet: string; value: string; cells: string[] }>();
  for (const item of items) {
    const value = second(item);
    const group = `${item.sheet}\u0000${value}`;
    const list = groups.get(group);
    if (list) list.cells.push(item.cell);
    else groups.set(group, { sheet: item.sheet, value, cells: [item.cell] });
  }
  return [...groups.values()];
}

/** Cell addresses as ranges (for rectanglesOf); addresses that are not single cells are kept as they are. */
function cellRects(cells: readonly string[]): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  for (const cell of cells) {
    const m = /^([A-Z]+)(\d+)$/.exec(cell);
    if (!m) continue;
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    out.push({ row: Number(m[2]) - 1, col: col - 1 });
  }
  return out;
}

/** Applies a fill change to cells of one sheet: one call per RangeAreas chunk (1.9), else per rectangle. */
async function queueFill(context: Excel.RequestContext, sheetName: string, cells: readonly string[], writer: BatchWriter, apply: (fill: Excel.RangeFill) => void): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  await forAreas(sheet, rectanglesOf(cellRects(cells)), writer, 2 * OBJECT_BYTES + CALL_BYTES + 10, (t) => apply(t.format.fill));
}

/**
 * Flags: restore cells whose flag no longer applies, fill the new ones (one call per colour and sheet
 * where RangeAreas exist), and put the message in a note unless the clerk already has a note there.
 */
async function queueFlags(context: Excel.RequestContext, flags: readonly Flag[], previous: ReadonlyMap<string, FlagRecord>, probes: ReadonlyMap<string, CellProbe>, writer: BatchWriter): Promise<FlagRecord[]> {
  const notes = supports(API.notes);
  const current = new Set(flags.map((f) => key(f.sheet, f.cell)));
  const stale = [...previous.values()].filter((p) => !current.has(key(p.sheet, p.cell)));
  await queueRestore(context, stale, writer);

  const records: FlagRecord[] = [];
  const sheets = new Map<string, Excel.Worksheet>();
  for (const f of flags) {
    const k = key(f.sheet, f.cell);
    const before = previous.get(k);
    const probe = probes.get(k);
    const originalFill = before ? before.originalFill : (probe?.fill() ?? null);
    let ownNote = false;
    if (notes) {
      let sheet = sheets.get(f.sheet);
      if (!sheet) sheets.set(f.sheet, (sheet = context.workbook.worksheets.getItem(f.sheet)));
      const own = before?.ownNote ? probe?.ownNote : undefined;
      if (own && !own.isNullObject) {
        // The add-in's own note from the last check: rewritten only when its text changed.
        ownNote = true;
        if (!probe?.ownNoteRead || own.content !== f.note) {
          await writer.room(CALL_BYTES + jsonBytes(f.note));
          own.content = f.note;
        }
      } else if (before?.ownNote || !hasNote(probe, f.cell)) {
        ownNote = true;
        await writer.room(OBJECT_BYTES + utf8Bytes(f.cell) + jsonBytes(f.note));
        sheet.notes.add(f.cell, f.note);
      }
    }
    records.push({ sheet: f.sheet, cell: f.cell, originalFill, ownNote });
  }
  for (const { sheet, value, cells } of bySheetAnd(flags, (f) => f.fill)) {
    await queueFill(context, sheet, cells, writer, (fill) => (fill.color = value));
  }
  return records;
}

/** After the probe's sync: whether the cell has a note (someone's, since the add-in's are known). */
function hasNote(probe: CellProbe | undefined, cell: string): boolean {
  if (probe?.noteCells) return probe.noteCells().has(cell);
  return probe?.note ? !probe.note.isNullObject : false;
}

function normaliseFill(color: string | null | undefined): string | null {
  if (!color || color.toUpperCase() === NO_FILL) return null;
  return color.toUpperCase();
}

/** Puts back the fill each cell had before it was flagged, and removes the add-in's own notes. */
async function queueRestore(context: Excel.RequestContext, records: readonly FlagRecord[], writer: BatchWriter): Promise<void> {
  if (supports(API.notes)) {
    const sheets = new Map<string, Excel.Worksheet>();
    for (const r of records) {
      if (!r.ownNote) continue;
      let sheet = sheets.get(r.sheet);
      if (!sheet) sheets.set(r.sheet, (sheet = context.workbook.worksheets.getItem(r.sheet)));
      // A request on a null object does nothing: a note the clerk already deleted needs no probe.
      await writer.room(OBJECT_BYTES + CALL_BYTES + utf8Bytes(r.cell));
      sheet.notes.getItemOrNullObject(r.cell).delete();
    }
  }
  for (const { sheet, value, cells } of bySheetAnd(records, (r) => r.originalFill ?? '')) {
    await queueFill(context, sheet, cells, writer, (fill) => (value ? (fill.color = value) : fill.clear()));
  }
}

/** The state sheet's content (the sheet exists: added in an earlier step of the same run, or before). */
async function queueState(context: Excel.RequestContext, state: AddinState, writer: BatchWriter): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(STATE_SHEET);
  const rows = serialiseState(state).map((r) => r.map(asCellText));
  await writer.room(3 * OBJECT_BYTES + 2 * CALL_BYTES + jsonBytes(rows));
  sheet.getRange().clear();
  sheet.getRange(`A1:${a1(rows.length - 1, rows[0].length - 1)}`).values = rows;
}

function addStateSheet(context: Excel.RequestContext): void {
  const sheet = context.workbook.worksheets.add(STATE_SHEET);
  if (supports(API.sheetVisibility)) sheet.visibility = Excel.SheetVisibility.veryHidden;
}

/** Saves the rule-set settings in the workbook (so the next clerk gets them), keeping the remembered flags. */
export async function saveSettings(context: Excel.RequestContext, settings: Readonly<Record<string, string>>): Promise<void> {
  const { state, exists } = await readState(context);
  if (!exists) addStateSheet(context);
  const writer = new BatchWriter(context);
  await queueState(context, { flags: state.flags, settings }, writer);
  await writer.flush();
}

/** "Xoá đánh dấu": every flag removed, every fill restored, the add-in's notes deleted; result sheets stay. */
export async function clearFlags(context: Excel.RequestContext): Promise<number> {
  const { state: saved } = await readState(context);
  if (saved.flags.length === 0) return 0;
  const writer = new BatchWriter(context);
  await queueRestore(context, saved.flags, writer);
  await queueState(context, { flags: [], settings: saved.settings }, writer);
  await writer.flush();
  return saved.flags.length;
}
