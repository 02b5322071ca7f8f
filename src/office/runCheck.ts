/**
 * The entry points the task pane and the ribbon command share, so both always do the same thing:
 * check (and write results and flags), clear the flags, select a cell, read and save settings, and
 * combine chi bộ workbooks picked from disk into `Tổng hợp` (as `xeploai aggregate` does).
 */
import type { CheckResult } from '../core/check';
import { countBySeverity } from '../core/issues';
import { API, supports } from './api';
import type { ExcelCheckOptions } from './checkInExcel';
import type { LegacyConversion } from './convertLegacy';
import { readState } from './stateSheet';

// The engine and the writers load on the first action that needs them (webpack chunks from the pane's
// own origin): the pane is usable sooner, and its startup script stays small (README "Performance").
const engine = () => import('./checkInExcel');

export type { ExcelCheckOptions } from './checkInExcel';
/** The stages `checkOpenWorkbook` reports through `onProgress`, for the task pane's progress bar. */
export type CheckStage = Parameters<NonNullable<ExcelCheckOptions['onProgress']>>[0];

/** Thrown when the page is not running inside Excel (opened in a browser, or office.js failed to load). */
export class ExcelUnavailableError extends Error {
  constructor() {
    super('Excel is not available: open XếpLoại from the ribbon inside Excel.');
    this.name = 'ExcelUnavailableError';
  }
}

/** True when the Excel JavaScript API can be called from this page. */
export function isExcelAvailable(): boolean {
  // Outside an Office host office.js still loads (so `Excel` is defined), but no requirement set is supported.
  return typeof Excel !== 'undefined' && supports(API.excel);
}

function ensureExcel(): void {
  if (!isExcelAvailable()) throw new ExcelUnavailableError();
}

export async function checkOpenWorkbook(options: ExcelCheckOptions = {}): Promise<CheckResult> {
  ensureExcel();
  const { checkInExcel } = await engine();
  return Excel.run((context) => checkInExcel(context, options));
}

/** "Chuyển sang Unicode" (DATA-06): converts the open workbook's legacy-encoded text to Unicode. */
export async function convertOpenWorkbookToUnicode(): Promise<LegacyConversion> {
  ensureExcel();
  const { convertLegacyInExcel } = await import('./convertLegacy');
  return Excel.run((context) => convertLegacyInExcel(context));
}

export async function clearOpenWorkbookFlags(): Promise<number> {
  ensureExcel();
  const { clearFlags } = await engine();
  return Excel.run((context) => clearFlags(context));
}

export async function loadWorkbookSettings(): Promise<Record<string, string>> {
  ensureExcel();
  return Excel.run(async (context) => ({ ...(await readState(context)).state.settings }));
}

export async function saveWorkbookSettings(settings: Readonly<Record<string, string>>): Promise<void> {
  ensureExcel();
  const { saveSettings } = await engine();
  await Excel.run((context) => saveSettings(context, settings));
}

/**
 * "Tạo mẫu": adds the blank input sheets (with their dropdowns) that the open workbook does not have yet,
 * and shows the first one added. Returns the names of the sheets added (none when all were there). The
 * rule set: the workbook's own, else `ruleSet` (the pane's) for a workbook that already has `Thông tin chi
 * bộ`, else the rule set in force (office/template.ts).
 */
export async function addTemplateToOpenWorkbook(organisation?: string, ruleSet?: string): Promise<string[]> {
  ensureExcel();
  const { addTemplateSheets } = await import('./template');
  return Excel.run(async (context) => {
    const added = await addTemplateSheets(context, organisation, ruleSet);
    if (added.length > 0) {
      context.workbook.worksheets.getItem(added[0]).activate();
      await context.sync();
    }
    return added;
  });
}

/** What "In phiếu" reports: the ballot written (its sheet, names, copies, pages, K) or why not. */
export type BallotSummary =
  | { readonly ok: true; readonly sheet: string; readonly names: number; readonly copies: number; readonly pages: number; readonly cap: number | null }
  | { readonly ok: false; readonly problems: readonly { readonly rule: string; readonly message: string; readonly messageEn: string }[] };

/**
 * "In phiếu": the round's ballot (form 07-KĐ.ĐV) into `Phiếu lần 1` / `Phiếu lần 2`, as
 * `xeploai ballots --round` writes it; nothing is written when the round cannot be printed yet.
 */
export async function printBallotsInOpenWorkbook(round: 1 | 2, settings: { ruleSet?: string; options?: Readonly<Record<string, string>> } = {}): Promise<BallotSummary> {
  ensureExcel();
  const { writeBallotInExcel } = await import('./meeting');
  const outcome = await Excel.run((context) => writeBallotInExcel(context, round, settings));
  if (!outcome.ok) return { ok: false, problems: outcome.problems };
  const b = outcome.ballot;
  return { ok: true, sheet: b.layout.name, names: b.names.length, copies: b.copies, pages: b.pages, cap: b.cap ?? null };
}

/**
 * "Biên bản": `Biên bản kiểm phiếu` regenerated whole, as `xeploai minutes` writes it; returns the error and
 * warning counts, or, for a workbook under a rule set without the two rounds (hd43-2025), why it was not
 * written (one line naming the rule set).
 */
export async function writeMinutesInOpenWorkbook(settings: { ruleSet?: string; options?: Readonly<Record<string, string>> } = {}): Promise<{ errors: number; warnings: number; refused?: { readonly message: string; readonly messageEn: string } }> {
  ensureExcel();
  const { writeMinutesInExcel } = await import('./meeting');
  const { result, refused } = await Excel.run((context) => writeMinutesInExcel(context, settings));
  const counts = countBySeverity(result.issues);
  return refused ? { ...counts, refused: { message: refused.message, messageEn: refused.messageEn } } : counts;
}

/** What "Phiếu chấm điểm" reports: the sheet written (its members and pages) or why not. */
export type ScoreSheetSummary =
  | { readonly ok: true; readonly sheet: string; readonly names: number; readonly pages: number; readonly criteriaSource: 'sheet' | 'default' }
  | { readonly ok: false; readonly problems: readonly { readonly rule: string; readonly message: string; readonly messageEn: string }[] };

/**
 * "Phiếu chấm điểm" (hd43-2025): one scoring sheet per member into `Phiếu chấm điểm đảng viên`, as
 * `xeploai ballots` without `--round` writes it; nothing is written when refused (a hd27-2014 workbook,
 * criteria that do not add up, nobody to score).
 */
export async function printScoreSheetsInOpenWorkbook(settings: { ruleSet?: string; options?: Readonly<Record<string, string>> } = {}): Promise<ScoreSheetSummary> {
  ensureExcel();
  const { writeScoreSheetsInExcel } = await import('./meeting');
  const outcome = await Excel.run((context) => writeScoreSheetsInExcel(context, settings));
  if (!outcome.ok) return { ok: false, problems: outcome.problems };
  const s = outcome.sheets;
  return { ok: true, sheet: s.layout.name, names: s.names.length, pages: s.pages, criteriaSource: s.criteriaSource };
}

/** Selects a cell so the clerk lands on the problem; sheet names are used as Excel shows them. */
export async function selectCell(sheet: string, cell: string): Promise<void> {
  ensureExcel();
  await Excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    // The API does not promise that select() switches to another sheet, so switch explicitly.
    worksheet.activate();
    worksheet.getRange(cell).select();
    await context.sync();
  });
}

/** A file the clerk picked: its name (for messages and `Kiểm tra`) and its bytes. */
export interface PickedFile {
  readonly name: string;
  readonly data: ArrayBuffer | Uint8Array;
}

export interface CombineOptions {
  readonly ruleSet?: string;
  readonly options?: Readonly<Record<string, string>>;
  /** Called between stages, for the task pane's progress bar. */
  readonly onProgress?: (stage: 'reading' | 'checking' | 'writing' | 'done') => void;
}

export interface CombineSummary {
  /** Files read, checked and combined. */
  readonly files: number;
  /** Chi bộ counted in `Tổng hợp` (a ward's own schedule workbook is combined but is not a chi bộ). */
  readonly chiBo: number;
  /** Files that could not be opened as workbooks, each with one line saying why; the others were combined. */
  readonly unreadable: readonly { readonly name: string; readonly reason: string }[];
  readonly errors: number;
  readonly warnings: number;
}

/**
 * "Tổng hợp các chi bộ": reads each picked file, checks it with the given rule set and options, combines
 * them with the same core function as `xeploai aggregate` and writes `Tổng hợp` (with its chart), the
 * leaders' tally and `Kiểm tra` into the open workbook. Nothing is written when no file could be read.
 */
export async function combineFilesIntoOpenWorkbook(files: readonly PickedFile[], settings: CombineOptions = {}): Promise<CombineSummary> {
  ensureExcel();
  settings.onProgress?.('reading');
  // Combining is rare: the reader and the ward's layouts are loaded (as their own chunks) only when the
  // clerk combines files, and ExcelJS only for a file the project's own reader declines.
  const [{ readPickedFile, UnreadableWorkbookError }, { combineChecked, writeWardSummary }, { checkWorkbook, newRunContext }] = await Promise.all([import('./pickedFile'), import('./ward'), import('../core/check')]);
  const options = { ruleSet: settings.ruleSet, options: settings.options ?? {} };
  const checked: { path: string; result: CheckResult }[] = [];
  const unreadable: { name: string; reason: string }[] = [];
  // One run over the picked files, as on the command line: what they share is folded once.
  const run = newRunContext();
  for (const file of files) {
    let model;
    try {
      model = await readPickedFile(file.data, file.name);
    } catch (err) {
      if (!(err instanceof UnreadableWorkbookError)) throw err;
      unreadable.push({ name: file.name, reason: err.message });
      continue;
    }
    settings.onProgress?.('checking');
    checked.push({ path: file.name, result: checkWorkbook(model, options, run) });
  }
  if (checked.length === 0) {
    settings.onProgress?.('done');
    return { files: 0, chiBo: 0, unreadable, errors: 0, warnings: 0 };
  }
  const { layouts, chiBo, issues } = combineChecked(checked, options);
  settings.onProgress?.('writing');
  await Excel.run((context) => writeWardSummary(context, layouts));
  settings.onProgress?.('done');
  return { files: checked.length, chiBo, unreadable, ...countBySeverity(issues) };
}
