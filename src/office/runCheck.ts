/**
 * The one "read the open workbook, then check it" sequence, shared by the task pane and the ribbon
 * command so that both always report the same thing.
 */
import { checkWorkbook, type CheckResult } from '../core';
import { readWorkbook } from './readWorkbook';

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
  return Boolean(requirements && requirements.isSetSupported('ExcelApi', '1.1'));
}

export async function checkOpenWorkbook(): Promise<CheckResult> {
  if (!isExcelAvailable()) throw new ExcelUnavailableError();
  return Excel.run(async (context) => checkWorkbook(await readWorkbook(context)));
}

/** Selects a cell so the clerk lands on the problem; sheet names are used as Excel shows them. */
export async function selectCell(sheet: string, cell: string): Promise<void> {
  if (!isExcelAvailable()) throw new ExcelUnavailableError();
  await Excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(sheet);
    // The API does not promise that select() switches to another sheet, so switch explicitly.
    worksheet.activate();
    worksheet.getRange(cell).select();
    await context.sync();
  });
}
