/**
 * The whole check inside Excel, the platform's way: read every sheet's used range once, compute with the
 * core, then write flags and result sheets in one batch. The number of `context.sync()` calls does not
 * depend on the number of rows: 1 (sheet names) + 1 (values and remembered state) + 1 (fills and notes
 * of the cells to flag) + 1 write, plus one more only if a write would pass Excel on the web's 5 MB limit.
 */
import { a1, checkWorkbook, type CheckResult, type WorkbookModel } from '../core';
import { MORE_RESULT_SHEETS, RESULT_SHEETS } from '../core/forms/definitions';
import { type Flag, flagsOf, moreResultSheets, resultSheets } from '../core/output/resultSheets';
import { API, sheetRef, supports } from './api';
import { BatchWriter } from './batch';
import { toSheetGrid } from './readWorkbook';
import { asCellText, queueLayout } from './renderLayout';
import { type AddinState, EMPTY_STATE, type FlagRecord, parseState, serialiseState, STATE_SHEET } from './state';

const OUTPUT_SHEETS = new Set<string>([...Object.values(RESULT_SHEETS), ...Object.values(MORE_RESULT_SHEETS), STATE_SHEET]);
/** Excel reports "no fill" as white on most hosts; white is restored as "no fill". */
const NO_FILL = '#FFFFFF';

const key = (sheet: string, cell: string): string => `${sheet}\u0000${cell}`;

interface Snapshot {
  readonly sheetNames: readonly string[];
  readonly model: WorkbookModel;
  readonly state: AddinState;
}

/** Syncs 1–2: the sheets, their used ranges and the state sheet. */
async function readSnapshot(context: Excel.RequestContext): Promise<Snapshot> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  const sheetNames = worksheets.items.map((s) => s.name);
  const reads = worksheets.items
    .filter((s) => s.name === STATE_SHEET || !OUTPUT_SHEETS.has(s.name))
    .map((sheet) => {
      const range = supports(API.nullObjects) ? sheet.getUsedRangeOrNullObject(true) : sheet.getUsedRange();
      range.load(['values', 'rowIndex', 'columnIndex']);
      return { name: sheet.name, range };
    });
  await context.sync();
  const grids = reads.map(({ name, range }) => toSheetGrid(name, range.isNullObject ? null : range));
  const stateGrid = grids.find((g) => g.name === STATE_SHEET);
  return {
    sheetNames,
    model: { sheets: grids.filter((g) => g.name !== STATE_SHEET) },
    state: stateGrid ? parseState(stateGrid.values) : EMPTY_STATE,
  };
}

interface CellProbe {
  readonly fill: Excel.RangeFill | null;
  readonly note: Excel.Note | null;
}

/** Bytes one probe adds to a request (a cell's fill and note lookups), for chunking. */
const PROBE_BYTES = 1_000;

/**
 * Sync 3: the fill of cells flagged for the first time (to restore it later) and the notes on flagged
 * cells (a clerk's own note is never overwritten). Cells the add-in flagged before need no fill probe.
 */
async function probeCells(context: Excel.RequestContext, flags: readonly Flag[], previous: ReadonlyMap<string, FlagRecord>): Promise<Map<string, CellProbe>> {
  const notes = supports(API.notes);
  const probes = new Map<string, CellProbe>();
  const cells = new Map<string, { sheet: string; cell: string }>();
  for (const f of flags) cells.set(key(f.sheet, f.cell), f);
  for (const p of previous.values()) if (p.ownNote) cells.set(key(p.sheet, p.cell), p);
  const sheets = new Map<string, Excel.Worksheet>();
  const sheetProxy = (name: string): Excel.Worksheet => {
    let sheet = sheets.get(name);
    if (!sheet) sheets.set(name, (sheet = context.workbook.worksheets.getItem(name)));
    return sheet;
  };
  const writer = new BatchWriter(context);
  for (const [k, { sheet, cell }] of cells) {
    const fill = previous.has(k) ? null : sheetProxy(sheet).getRange(cell).format.fill;
    fill?.load('color');
    const note = notes ? context.workbook.notes.getItemOrNullObject(sheetRef(sheet, cell)) : null;
    note?.load('content');
    if (!fill && !note) continue;
    probes.set(k, { fill, note });
    writer.add(PROBE_BYTES);
    // Only tens of thousands of flagged cells fill a request; then it goes in parts.
    await writer.flushIfFull();
  }
  if (writer.hasPending) await writer.flush();
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
  const probes = await probeCells(context, flags, previous);

  options.onProgress?.('writing');
  const writer = new BatchWriter(context);
  const records = await queueFlags(context, flags, previous, probes, writer);
  const existing = new Set(snapshot.sheetNames);
  // The state sheet goes before the result sheets, which are re-created at the end on every run: the
  // sheet order is then the same after one check as after two.
  queueState(context, { flags: records, settings: snapshot.state.settings }, existing.has(STATE_SHEET));
  // Then the leaders' tally (form 05-ĐG.CBLĐQL) when the workbook has leaders' votes, as `check --out`.
  const layouts = [...resultSheets(result, (name) => inputSheets.has(name)), ...moreResultSheets(result)];
  for (const layout of layouts) {
    await queueLayout(context, layout, existing.has(layout.name), writer);
  }
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

/**
 * Flags: restore cells whose flag no longer applies, fill the new ones (one call per colour and sheet
 * where RangeAreas exist), and put the message in a note unless the clerk already has a note there.
 */
async function queueFlags(context: Excel.RequestContext, flags: readonly Flag[], previous: ReadonlyMap<string, FlagRecord>, probes: ReadonlyMap<string, CellProbe>, writer: BatchWriter): Promise<FlagRecord[]> {
  const current = new Set(flags.map((f) => key(f.sheet, f.cell)));
  const stale = [...previous.values()].filter((p) => !current.has(key(p.sheet, p.cell)));
  await queueRestore(context, stale, probes, writer);

  const records: FlagRecord[] = [];
  const byFill = new Map<string, Flag[]>();
  for (const f of flags) {
    const k = key(f.sheet, f.cell);
    const before = previous.get(k);
    const probe = probes.get(k);
    const originalFill = before ? before.originalFill : normaliseFill(probe?.fill?.color ?? null);
    const existingNote = probe?.note && !probe.note.isNullObject ? probe.note : null;
    const ownNote = supports(API.notes) && (!existingNote || Boolean(before?.ownNote));
    if (ownNote) {
      if (existingNote) existingNote.content = f.note;
      else context.workbook.notes.add(sheetRef(f.sheet, f.cell), f.note);
      writer.add(700 + f.note.length * 3);
      await writer.flushIfFull();
    }
    records.push({ sheet: f.sheet, cell: f.cell, originalFill, ownNote });
    const group = `${f.sheet}\u0000${f.fill}`;
    const list = byFill.get(group);
    if (list) list.push(f);
    else byFill.set(group, [f]);
  }
  for (const list of byFill.values()) {
    for (const target of cellTargets(context, list[0].sheet, list.map((f) => f.cell))) {
      target.format.fill.color = list[0].fill;
      writer.add(TARGET_BYTES);
      await writer.flushIfFull();
    }
  }
  return records;
}

function normaliseFill(color: string | null): string | null {
  if (!color || color.toUpperCase() === NO_FILL) return null;
  return color.toUpperCase();
}

/** Bytes of one format call on up to 100 cells (their addresses and the call). */
const TARGET_BYTES = 1_500;

/** The cells of one sheet as few format targets as the host allows. */
function cellTargets(context: Excel.RequestContext, sheetName: string, cells: readonly string[]): (Excel.Range | Excel.RangeAreas)[] {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  if (!supports(API.rangeAreas)) return cells.map((c) => sheet.getRange(c));
  const out: Excel.RangeAreas[] = [];
  for (let i = 0; i < cells.length; i += 100) out.push(sheet.getRanges(cells.slice(i, i + 100).join(',')));
  return out;
}

/** Puts back the fill each cell had before it was flagged, and removes the add-in's own notes. */
async function queueRestore(context: Excel.RequestContext, records: readonly FlagRecord[], probes: ReadonlyMap<string, CellProbe> | null, writer: BatchWriter): Promise<void> {
  const bySheetAndFill = new Map<string, FlagRecord[]>();
  for (const r of records) {
    const group = `${r.sheet}\u0000${r.originalFill ?? ''}`;
    const list = bySheetAndFill.get(group);
    if (list) list.push(r);
    else bySheetAndFill.set(group, [r]);
    const note = probes?.get(key(r.sheet, r.cell))?.note;
    if (r.ownNote && note && !note.isNullObject) note.delete();
  }
  for (const list of bySheetAndFill.values()) {
    const fill = list[0].originalFill;
    for (const target of cellTargets(context, list[0].sheet, list.map((r) => r.cell))) {
      if (fill) target.format.fill.color = fill;
      else target.format.fill.clear();
      writer.add(TARGET_BYTES);
      await writer.flushIfFull();
    }
  }
}

function queueState(context: Excel.RequestContext, state: AddinState, exists: boolean): void {
  const worksheets = context.workbook.worksheets;
  const sheet = exists ? worksheets.getItem(STATE_SHEET) : worksheets.add(STATE_SHEET);
  if (exists) sheet.getRange().clear();
  const rows = serialiseState(state).map((r) => r.map(asCellText));
  sheet.getRange(`A1:${a1(rows.length - 1, rows[0].length - 1)}`).values = rows;
  if (!exists && supports(API.sheetVisibility)) sheet.visibility = Excel.SheetVisibility.veryHidden;
}

/** Reads the remembered state (two syncs; works on ExcelApi 1.1). */
export async function readState(context: Excel.RequestContext): Promise<{ state: AddinState; exists: boolean }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name');
  await context.sync();
  if (!worksheets.items.some((s) => s.name === STATE_SHEET)) return { state: EMPTY_STATE, exists: false };
  const used = worksheets.getItem(STATE_SHEET).getUsedRange();
  used.load(['values', 'rowIndex', 'columnIndex']);
  await context.sync();
  return { state: parseState(toSheetGrid(STATE_SHEET, used).values), exists: true };
}

/** Saves the rule-set settings in the workbook (so the next clerk gets them), keeping the remembered flags. */
export async function saveSettings(context: Excel.RequestContext, settings: Readonly<Record<string, string>>): Promise<void> {
  const { state, exists } = await readState(context);
  queueState(context, { flags: state.flags, settings }, exists);
  await context.sync();
}

/** "Xoá đánh dấu": every flag removed, every fill restored, the add-in's notes deleted; result sheets stay. */
export async function clearFlags(context: Excel.RequestContext): Promise<number> {
  const { state: saved } = await readState(context);
  if (saved.flags.length === 0) return 0;
  const probes = new Map<string, CellProbe>();
  if (supports(API.notes)) {
    for (const r of saved.flags) {
      if (!r.ownNote) continue;
      const note = context.workbook.notes.getItemOrNullObject(sheetRef(r.sheet, r.cell));
      note.load('content');
      probes.set(key(r.sheet, r.cell), { fill: null, note });
    }
    if (probes.size > 0) await context.sync();
  }
  const writer = new BatchWriter(context);
  await queueRestore(context, saved.flags, probes, writer);
  queueState(context, { flags: [], settings: saved.settings }, true);
  await writer.flush();
  return saved.flags.length;
}
