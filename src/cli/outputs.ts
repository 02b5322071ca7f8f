/**
 * Outputs never touch inputs. Before anything is written, every output path is compared with every
 * input: the same file is refused whether it is named by the same path, through a symbolic link (of the
 * file or of a folder on the way), or as a hard link (same device and inode), so a checked copy can
 * never replace an input — not even one that a folder-mode run has not read yet.
 */
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { collectGarbage, LARGE_HEAP } from './memory';
import type ExcelJS from 'exceljs';
import { UnreadableWorkbookError } from '../xlsx/errors';
import { OutputError } from '../xlsx/writeOutput';

interface FileIdentity {
  readonly path: string;
  /** The path with every link resolved (of the file, or of its folder when the file does not exist yet). */
  readonly canonical: string;
  readonly device: bigint | null;
  readonly inode: bigint | null;
}

function canonicalPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

function identify(path: string): FileIdentity {
  let device: bigint | null = null;
  let inode: bigint | null = null;
  try {
    // Bigint: a 64-bit inode (NTFS file index, large file systems) is not exact as a number.
    const s = statSync(path, { bigint: true });
    // Some file systems report no inode (0): then only the path can tell.
    if (s.ino !== 0n) {
      device = s.dev;
      inode = s.ino;
    }
  } catch {
    // Not there (yet): only the path can tell.
  }
  return { path, canonical: canonicalPath(path), device, inode };
}

function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  if (a.canonical === b.canonical) return true;
  return a.inode !== null && a.device === b.device && a.inode === b.inode;
}

/**
 * Refuses, in one line, an output that is the same file as any input. Called with all outputs and all
 * inputs of a command before it reads or writes anything.
 */
export function refuseOutputsOnInputs(outputs: readonly string[], inputs: readonly string[]): void {
  const ins = inputs.map(identify);
  for (const output of outputs) {
    const out = identify(output);
    const input = ins.find((i) => sameFile(out, i));
    if (!input) continue;
    const how = resolve(output) === resolve(input.path) ? '' : ' (qua liên kết tới cùng một tệp)';
    throw new OutputError(`--out ${output} là chính tệp đầu vào ${input.path}${how}: tệp gốc không bao giờ bị ghi đè. Chọn tên hoặc thư mục khác cho --out. (--out is an input file)`);
  }
}

/** The checked copies of a folder-mode run are named `<name>.kiem-tra.xlsx`. */
export const CHECKED_COPY_SUFFIX = '.kiem-tra.xlsx';

export function isCheckedCopy(path: string): boolean {
  return basename(path).toLowerCase().endsWith(CHECKED_COPY_SUFFIX);
}

export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export interface CheckPlan {
  /** The files to read, in the order given. */
  readonly files: readonly string[];
  /** Where each file's checked copy goes (parallel to `files`), or null without --out. */
  readonly targets: readonly (string | null)[];
  /** The folder of a folder-mode run, created before the first copy is written. */
  readonly folder: string | null;
  /** Earlier checked copies left out of a folder-mode run. */
  readonly skipped: readonly string[];
}

/**
 * What `check` reads and writes. With one file and `--out` not a folder, the copy is `--out` itself;
 * otherwise one `<name>.kiem-tra.xlsx` per file in the `--out` folder. A folder-mode run leaves out the
 * checked copies among its files (`check *.xlsx --out .` run twice would otherwise check the first
 * run's copies, and write copies of copies), unless nothing else was named: then they are what the
 * clerk means.
 */
export function planCheck(files: readonly string[], out: string | null): CheckPlan {
  if (!out) return { files, targets: files.map(() => null), folder: null, skipped: [] };
  // `--out ket-qua/` names a folder even before it exists.
  const namesFolder = isDirectory(out) || /[\\/]$/.test(out);
  if (files.length === 1 && !namesFolder) return { files, targets: [out], folder: null, skipped: [] };
  const originals = files.filter((f) => !isCheckedCopy(f));
  const read = originals.length > 0 ? originals : files;
  const skipped = originals.length > 0 ? files.filter(isCheckedCopy) : [];
  // Two inputs of the same name (from different folders) must not overwrite each other's copy.
  const used = new Set<string>();
  const targets = read.map((file) => {
    const stem = basename(file, extname(file));
    let name = `${stem}${CHECKED_COPY_SUFFIX}`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem}-${n}${CHECKED_COPY_SUFFIX}`;
    used.add(name.toLowerCase());
    return join(out, name);
  });
  return { files: read, targets, folder: out, skipped };
}

/**
 * The input as ExcelJS's workbook, to add sheets to and write as a copy: every file `check` reads
 * (openForWriting normalises what ExcelJS cannot load as it is). The values checked always come from
 * `loadModel`; this is only the package the copy is written from. With `out`, a file the check could
 * read but no copy can be made of is a failed output (the report still printed), not an unreadable input.
 */
export async function openForCopy(path: string, out?: string): Promise<ExcelJS.Workbook> {
  try {
    // ExcelJS is loaded only here, when a copy is written (a plain check never loads it).
    const { openForWriting } = await import('../xlsx/openForWriting');
    return await openForWriting(path, path);
  } catch (err) {
    if (out === undefined || !(err instanceof UnreadableWorkbookError)) throw err;
    // Its line already says the file was read for the check and what keeps the copy from being made.
    throw new OutputError(err.message);
  }
}

/** How a checked copy was written: by editing the input's package, or through ExcelJS (the declared fallback). */
export interface CopyWriter {
  readonly name: 'package' | 'exceljs';
  /** Why the package editor declined the file (src/xlsx/packageOut), for the ExcelJS fallback. */
  readonly fallback?: string;
}

/**
 * `check --out`: the checked copy of `path` written to `target`. The input's package is edited (the
 * result sheets, styles and notes added, everything else kept as stored: src/xlsx/packageOut), without
 * ExcelJS or a second model of the file; only what that editor declines (a file the reader itself sent
 * to ExcelJS, ZIP64, a flagged sheet with XML comments, notes in an unusual arrangement) goes through
 * ExcelJS as before, and the result says why.
 */
export async function writeCheckedCopyFile(path: string, target: string, result: import('../core/check').CheckResult): Promise<CopyWriter> {
  const [{ readWorkbookFile }, { writeOutputFile }, { writeCheckedPackage, PackageEditUnsupported }] = await Promise.all([
    import('../xlsx/loadModel'),
    import('../xlsx/writeOutput'),
    import('../xlsx/packageOut'),
  ]);
  let fallback: string | null = null;
  const bytes = await readWorkbookFile(path);
  collectTheCheckGarbage();
  try {
    await writeOutputFile(target, async (temporary) => {
      try {
        writeCheckedPackage(bytes, result, temporary);
      } catch (err) {
        if (!(err instanceof PackageEditUnsupported)) throw err;
        fallback = err.message;
        throw err;
      }
    });
    return { name: 'package' };
  } catch (err) {
    if (fallback === null) throw err;
  }
  const workbook = await openForCopy(path, target);
  (await import('../xlsx/writeResults')).writeCheckedCopy(workbook, result);
  await writeOutputFile(target, (temporary) => workbook.xlsx.writeFile(temporary));
  return { name: 'exceljs', fallback };
}

/** Between a large check and its copy: the copy's layouts are not built on the check's garbage (cli/memory.ts). */
function collectTheCheckGarbage(): void {
  if (process.memoryUsage().heapUsed >= LARGE_HEAP) collectGarbage();
}
