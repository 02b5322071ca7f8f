/**
 * Flags are reversible (issue 7), compared on whole fake-host snapshots (values, formulas, formats with
 * fills, fonts, number formats and borders, notes, merges, sizes, validation, visibility, selection):
 *  - check, then clear, leaves every sheet that was there exactly as it was. What remains is by design
 *    (docs/DECISIONS.md): the result sheets (the clerk may still want them; the next check replaces them)
 *    and the very hidden state sheet, which keeps the rule-set settings saved in the workbook.
 *  - checking twice gives the same workbook as checking once; so does check, clear, check.
 */
import ExcelJS from 'exceljs';
import { MORE_RESULT_SHEETS, RESULT_SHEETS } from '../../src/core/forms/definitions';
import { checkOpenWorkbook, clearOpenWorkbookFlags } from '../../src/office/runCheck';
import { STATE_SHEET } from '../../src/office/state';
import { FakeExcelHost } from '../fake-excel';
import type { FakeWorkbookSnapshot } from '../fake-excel/snapshot';
import { at, build, example } from '../helpers/workbook';

const ROLL = 'Danh sách đảng viên';
const TALLY = 'Kiểm phiếu đảng viên';
const OUTPUT_SHEETS = new Set<string>([...Object.values(RESULT_SHEETS), ...Object.values(MORE_RESULT_SHEETS), STATE_SHEET]);

/** The example with errors on cells that carry the clerk's own fill, note and number format, and on plain cells. */
async function workbook(): Promise<Uint8Array> {
  const data = example();
  data.roll[4].birthDate = '31/02/1949';
  data.roll[6].admissionDate = 'không rõ';
  data.tally[1].r1Done = 9;
  const { workbook: wb } = build(data, (book: ExcelJS.Workbook) => {
    const roll = book.getWorksheet(ROLL) as ExcelJS.Worksheet;
    const own = roll.getCell(at('roll', 4, 'birthDate'));
    own.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
    own.note = 'Văn thư: hỏi lại ngày sinh';
    own.numFmt = '@';
    const tally = book.getWorksheet(TALLY) as ExcelJS.Worksheet;
    tally.getCell(at('tally', 1, 'r1Good')).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

type Sheet = FakeWorkbookSnapshot['sheets'][number];

/** The snapshot with every format index replaced by the format itself, sheets by name. */
function resolved(snapshot: FakeWorkbookSnapshot): { activeSheet: unknown; sheets: Map<string, Sheet> } {
  const formats = snapshot.formats ?? [];
  const inline = (f: unknown) => (typeof f === 'number' ? formats[f] : f);
  const sheets = new Map<string, Sheet>();
  for (const sheet of snapshot.sheets) {
    const cells = Object.fromEntries(Object.entries(sheet.cells ?? {}).map(([k, c]) => [k, c !== null && typeof c === 'object' && !('error' in c) ? { ...c, format: inline(c.format) } : c]));
    const byKey = (m: Readonly<Record<string, unknown>> | undefined) => Object.fromEntries(Object.entries(m ?? {}).map(([k, f]) => [k, inline(f)]));
    sheets.set(sheet.name, { ...sheet, cells, rowFormats: byKey(sheet.rowFormats), columnFormats: byKey(sheet.columnFormats) } as Sheet);
  }
  return { activeSheet: snapshot.activeSheet, sheets };
}

const inputOnly = (r: ReturnType<typeof resolved>) => ({ activeSheet: r.activeSheet, sheets: [...r.sheets].filter(([name]) => !OUTPUT_SHEETS.has(name)) });

async function withHost<T>(apiVersion: string, fn: (host: FakeExcelHost) => Promise<T>): Promise<T> {
  const host = await FakeExcelHost.fromXlsx(await workbook(), { apiVersion });
  const restore = host.installGlobals();
  try {
    return await fn(host);
  } finally {
    restore();
  }
}

describe.each(['1.18', '1.4', '1.1'])('flags are reversible (ExcelApi %s)', (apiVersion) => {
  it('check, then clear, leaves every sheet that was there exactly as it was; only the result sheets and the hidden state sheet are added', async () => {
    await withHost(apiVersion, async (host) => {
      const before = resolved(host.toSnapshot());
      const result = await checkOpenWorkbook();
      expect(result.issues.filter((i) => i.severity === 'error').map((i) => `${i.rule} ${i.sheet}!${i.cell}`)).toEqual(
        expect.arrayContaining([`DATA-03 ${ROLL}!${at('roll', 4, 'birthDate')}`, `DATA-03 ${ROLL}!${at('roll', 6, 'admissionDate')}`, `VOTE-03 ${TALLY}!${at('tally', 1, 'r1Good')}`]),
      );
      // The check did change the input sheets (fills, notes): otherwise the comparison below proves nothing.
      expect(inputOnly(resolved(host.toSnapshot()))).not.toEqual(inputOnly(before));
      await clearOpenWorkbookFlags();
      const after = resolved(host.toSnapshot());
      expect(inputOnly(after)).toEqual(inputOnly(before));
      const added = [...after.sheets.keys()].filter((n) => !before.sheets.has(n));
      expect(added.every((n) => OUTPUT_SHEETS.has(n))).toBe(true);
      expect(added).toContain(STATE_SHEET);
    });
  });

  it('checking twice gives the same workbook as checking once, and so does check, clear, check', async () => {
    await withHost(apiVersion, async (host) => {
      await checkOpenWorkbook();
      const once = resolved(host.toSnapshot());
      await checkOpenWorkbook();
      expect(resolved(host.toSnapshot())).toEqual(once);
      await clearOpenWorkbookFlags();
      await checkOpenWorkbook();
      expect(resolved(host.toSnapshot())).toEqual(once);
    });
  });
});
