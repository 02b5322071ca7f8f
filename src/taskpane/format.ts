/**
 * The pane's wording, kept out of the components so it can be checked without rendering anything.
 * The clerks read Vietnamese; English appears only in the developer console.
 */
import { ExcelUnavailableError } from '../office/runCheck';

/** `Trang1!B7`, or `'Thông tin chi bộ'!B7` when the name needs quoting, as Excel writes references. */
export function formatPlace(sheet: string, cell: string | null): string {
  const name = /^[\p{L}\p{N}_.]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return cell === null ? name : `${name}!${cell}`;
}

export function formatSummary(errors: number, warnings: number): string {
  return `${errors} lỗi, ${warnings} cảnh báo`;
}

export const EXCEL_UNAVAILABLE_MESSAGE =
  'Không kết nối được với Excel. Hãy mở XếpLoại trong Excel bằng nút "Mở bảng" trên thẻ Trang đầu (Home).';

function detail(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  return String(error);
}

/** What to tell the clerk when a check could not run. */
export function describeCheckFailure(error: unknown): string {
  if (error instanceof ExcelUnavailableError) return EXCEL_UNAVAILABLE_MESSAGE;
  return `Không kiểm tra được sổ tính. Chi tiết: ${detail(error)}`;
}

/** What to tell the clerk when jumping to an issue's cell failed (the sheet was renamed or deleted since). */
export function describeSelectFailure(sheet: string, cell: string, error: unknown): string {
  if (error instanceof ExcelUnavailableError) return EXCEL_UNAVAILABLE_MESSAGE;
  return `Không chọn được ô ${formatPlace(sheet, cell)}. Hãy chạy kiểm tra lại. Chi tiết: ${detail(error)}`;
}
