/**
 * Small pure helpers for what the pane shows: cell references, numbers, and what kind of failure an
 * error from Excel is. The words themselves are in i18n.ts.
 */
import { ExcelUnavailableError } from '../office/runCheck';
import type { FailureKind, Lang } from './i18n';

/** `Trang1!B7`, or `'Thông tin chi bộ'!B7` when the name needs quoting, as Excel writes references. */
export function formatPlace(sheet: string, cell: string | null): string {
  const name = /^[\p{L}\p{N}_.]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return cell === null ? name : `${name}!${cell}`;
}

/** At most two decimals, with the decimal comma in Vietnamese (85,5) and a point in English (85.5). */
export function formatNumber(value: number, lang: Lang): string {
  const text = String(Math.round(value * 100) / 100);
  return lang === 'vi' ? text.replace('.', ',') : text;
}

export interface Failure {
  readonly kind: FailureKind;
  /** Office's error code (`ItemNotFound` …), for whoever supports the clerk; never a stack trace. */
  readonly code: string | null;
}

/** Office.js error codes (`OfficeExtension.Error.code`, Excel.ErrorCodes) by what the clerk can do. */
const KIND_OF_CODE: Readonly<Record<string, FailureKind>> = {
  InvalidOperationInCellEditMode: 'cellEditMode',
  EditModeCannotAuthor: 'cellEditMode',
  AccessDenied: 'protected',
  WorkbookProtected: 'protected',
  ItemNotFound: 'notFound',
  InvalidReference: 'notFound',
  RequestPayloadSizeLimitExceeded: 'tooLarge',
  ResponsePayloadSizeLimitExceeded: 'tooLarge',
  PayloadTooLarge: 'tooLarge',
  ApiNotFound: 'unsupported',
  NotImplemented: 'unsupported',
  UnsupportedOperation: 'unsupported',
  UnsupportedFeature: 'unsupported',
  Conflict: 'busy',
  ActivityLimitReached: 'busy',
  ServiceNotAvailable: 'busy',
  RequestAborted: 'busy',
  Timeout: 'busy',
};

function codeOf(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^[A-Za-z][A-Za-z0-9]{0,60}$/.test(code) ? code : null;
}

/** What kind of failure an error is; the message shown for it comes from i18n, never from the error. */
export function classifyFailure(error: unknown): Failure {
  if (error instanceof ExcelUnavailableError) return { kind: 'notInExcel', code: null };
  const code = codeOf(error);
  return { kind: (code !== null && KIND_OF_CODE[code]) || 'unknown', code };
}
