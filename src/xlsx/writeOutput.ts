/**
 * Writing an output file (a checked copy, the ward's workbook, a template): never half a file in place of
 * a good one, and a failure said in one line that tells the clerk what to do, not an errno.
 */
import { randomBytes } from 'node:crypto';
import { chmod, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** An output that cannot or must not be written: one line for the clerk, exit 2. */
export class OutputError extends Error {}

/**
 * Writes `path` by having `write` fill a temporary file in the same folder, then renaming it over
 * `path`: a rename within a folder replaces the old file whole or not at all, so a full disk, a killed
 * process or a locked file never leaves a truncated workbook where the previous good one was. A rename
 * also replaces a directory entry rather than writing through it, so even a hard link to an input
 * could not be written through (the CLI refuses those before anything is written).
 */
export async function writeOutputFile(path: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const target = await followLink(path);
  const existing = await stat(target).catch(() => null);
  if (existing?.isDirectory()) throw new OutputError(describeWriteFailure(path, Object.assign(new Error('is a directory'), { code: 'EISDIR' })));
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await write(temporary);
    // The copy keeps the permissions of the file it replaces (a shared folder's group write, say).
    if (existing) await chmod(temporary, existing.mode & 0o7777).catch(() => undefined);
    await rename(temporary, target);
  } catch (err) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw new OutputError(describeWriteFailure(path, err));
  }
}

/** A symbolic link named as the output keeps pointing to the new file: the file it points to is replaced. */
async function followLink(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

/** One line, Vietnamese first, for a failed write of `path`. */
export function describeWriteFailure(path: string, err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  const folder = dirname(path);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `${path}: không ghi được — không có quyền ghi vào thư mục "${folder}", hoặc tệp đang mở trong Excel. Đóng tệp, hoặc chọn thư mục khác cho --out (ví dụ trong Documents). (permission denied)`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `${path}: không ghi được — tệp đang được mở (thường là trong Excel). Đóng tệp rồi chạy lại, hoặc chọn tên khác cho --out. (file is busy or locked)`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `${path}: không ghi được — ổ đĩa đã đầy. Giải phóng chỗ trống, hoặc chọn ổ khác cho --out; tệp cũ (nếu có) vẫn nguyên. (no space left on device)`;
    case 'EROFS':
      return `${path}: không ghi được — ổ đĩa chỉ cho đọc (USB khoá ghi, đĩa CD, thư mục chia sẻ chỉ đọc). Chọn thư mục khác cho --out. (read-only file system)`;
    case 'ENOENT':
      return `${path}: không ghi được — thư mục "${folder}" không tồn tại. Tạo thư mục đó trước, hoặc sửa đường dẫn --out. (folder not found)`;
    case 'ENOTDIR':
      return `${path}: không ghi được — một phần của đường dẫn là tệp, không phải thư mục. Sửa đường dẫn --out. (not a directory)`;
    case 'EISDIR':
      return `${path}: không ghi được — đây là một thư mục. --out cần tên tệp .xlsx, ví dụ ${join(path, 'ket-qua.xlsx')}. (is a directory)`;
    case 'ENAMETOOLONG':
      return `${path}: không ghi được — tên tệp hoặc đường dẫn quá dài. Chọn tên ngắn hơn cho --out. (name too long)`;
    case 'EINVAL':
      return `${path}: không ghi được — tên tệp không hợp lệ (có ký tự như : * ? " < > |). Đổi tên --out. (invalid file name)`;
    default: {
      const detail = typeof code === 'string' ? code : err instanceof Error ? err.message.split('\n')[0] : String(err);
      return `${path}: không ghi được tệp (${detail}). Kiểm tra đường dẫn --out, quyền ghi và chỗ trống trên ổ đĩa.`;
    }
  }
}
