/**
 * The entry points the task pane and the ribbon command share, so both always do the same thing:
 * check (and write results and flags), clear the flags, select a cell, read and save settings.
 */
import type { CheckResult } from '../core';
import { checkInExcel, clearFlags, type ExcelCheckOptions, readState, saveSettings } from './checkInExcel';
import { addTemplateSheets } from './template';

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
  if (typeof Office === 'undefined' || typeof Excel === 'undefined') return false;
  // Outside an Office host office.js still loads, but `requirements` is missing or denies ExcelApi.
  const requirements = Office.context?.requirements;
  return Boolean(requirements && typeof requirements.isSetSupported === 'function' && requirements.isSetSupported('ExcelApi', '1.1'));
}

function ensureExcel(): void {
  if (!isExcelAvailable()) throw new ExcelUnavailableError();
}

export async function checkOpenWorkbook(options: ExcelCheckOptions = {}): Promise<CheckResult> {
  ensureExcel();
  return Excel.run((context) => checkInExcel(context, options));
}

export async function clearOpenWorkbookFlags(): Promise<number> {
  ensureExcel();
  return Excel.run((context) => clearFlags(context));
}

export async function loadWorkbookSettings(): Promise<Record<string, string>> {
  ensureExcel();
  return Excel.run(async (context) => ({ ...(await readState(context)).state.settings }));
}

export async function saveWorkbookSettings(settings: Readonly<Record<string, string>>): Promise<void> {
  ensureExcel();
  await Excel.run((context) => saveSettings(context, settings));
}

/**
 * "Tạo mẫu": adds the blank input sheets (with their dropdowns) that the open workbook does not have yet,
 * and shows the first one added. Returns the names of the sheets added (none when all were there).
 */
export async function addTemplateToOpenWorkbook(organisation?: string): Promise<string[]> {
  ensureExcel();
  return Excel.run(async (context) => {
    const added = await addTemplateSheets(context, organisation);
    if (added.length > 0) {
      context.workbook.worksheets.getItem(added[0]).activate();
      await context.sync();
    }
    return added;
  });
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
