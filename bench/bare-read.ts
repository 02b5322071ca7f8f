/**
 * The baseline of the command line: only reading the same files with ExcelJS, as `loadXlsx` does, and
 * nothing else. Same process start, same module loading cost for ExcelJS.
 *
 *   node bare-read.js FILE.xlsx...
 */
import ExcelJS from 'exceljs';
import { reportUsageAtExit } from './rusage';

reportUsageAtExit();

async function run(files: readonly string[]): Promise<void> {
  let sheets = 0;
  for (const file of files) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    sheets += wb.worksheets.length;
  }
  process.stdout.write(`${JSON.stringify({ files: files.length, sheets })}\n`);
}

run(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exit(2);
});
