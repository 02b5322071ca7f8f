/**
 * Fuzzing the reader and the engine (issue 7) from the example chi bộ rather than from nothing: random
 * mutations of its workbook model (cells changed to random values and types, rows deleted, blank rows
 * inserted, rows shuffled, formula errors, merges and hidden rows that no longer match) and of its
 * ExcelJS workbook before the .xlsx reader sees it. No exception escapes, the output is well formed,
 * and the results do not depend on the order of roll rows or tally rows. Random grids from nothing
 * are test/core/properties.test.ts (d). Runs are bounded so the file takes a few seconds.
 */
import type ExcelJS from 'exceljs';
import fc from 'fast-check';
import { checkWorkbook, type CheckResult } from '../../src/core/check';
import type { CellValue, SheetGrid, WorkbookModel } from '../../src/core/grid';
import { RULE_IDS } from '../../src/core/rules/catalogue';
import { build, example, layout } from '../helpers/workbook';

const SAMPLE = build();
const BASE: WorkbookModel = SAMPLE.model;
const ROLL = layout().roll;
const TALLY = layout().tally;

const TOKENS = ['x', 'X', 'có', 'Không', 'Chính thức', 'Dự bị', 'HTTNV', 'Hoàn thành tốt nhiệm vụ', '01/12/2017', '31/02/2017', 'ngày 1 tháng 12 năm 2017', '01.12.17', '12,5', '-3', '15 phiếu', 'Nguyễn Hữu Dũng', 'Trần\u200b Văn Bình', 'B¶o Th¾ng', '=SUM(A1:A3)', '+84 912', '@x', '\t', '\r\n', ''];
const valueArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.constantFrom(...TOKENS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 16 }) },
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(0.5, 7.5, 1e308, -0, 2 ** 53 + 2, 43070, 3_000_000, -1) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constantFrom('#N/A', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!').map((error) => ({ error })) },
  // Dates are serial numbers in the one cell model (a day's serial, with a time, or past Excel's range).
  { weight: 2, arbitrary: fc.integer({ min: -3_000, max: 51_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, 43_070.75, 2_958_466, 1e15) },
);

type Mutation =
  | { kind: 'set'; sheet: number; row: number; col: number; value: CellValue }
  | { kind: 'delete-row'; sheet: number; row: number }
  | { kind: 'blank-row'; sheet: number; row: number }
  | { kind: 'shuffle'; sheet: number; seed: number }
  | { kind: 'merge'; sheet: number; row: number; col: number; rows: number; cols: number }
  | { kind: 'hide-row'; sheet: number; row: number };

const sheetIndex = fc.integer({ min: 0, max: BASE.sheets.length - 1 });
const rowIndex = fc.integer({ min: 0, max: 40 });
const colIndex = fc.integer({ min: 0, max: 20 });
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('set' as const), sheet: sheetIndex, row: rowIndex, col: colIndex, value: valueArb }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-row' as const), sheet: sheetIndex, row: rowIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('blank-row' as const), sheet: sheetIndex, row: rowIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('shuffle' as const), sheet: sheetIndex, seed: fc.integer() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), sheet: sheetIndex, row: rowIndex, col: colIndex, rows: fc.integer({ min: 0, max: 3 }), cols: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('hide-row' as const), sheet: sheetIndex, row: rowIndex }) },
);

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed | 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function mutate(model: WorkbookModel, mutations: readonly Mutation[]): WorkbookModel {
  const sheets = model.sheets.map((s) => ({ ...s, values: s.values.map((r) => [...r]), merges: [...(s.merges ?? [])], hiddenRows: [...(s.hiddenRows ?? [])] }));
  for (const m of mutations) {
    const sheet = sheets[m.sheet];
    const rows = sheet.values;
    if (m.kind === 'set') {
      while (rows.length <= m.row) rows.push([]);
      const row = rows[m.row];
      while (row.length < m.col) row.push(null);
      row[m.col] = m.value;
    } else if (m.kind === 'delete-row') rows.splice(m.row, 1);
    else if (m.kind === 'blank-row') rows.splice(Math.min(m.row, rows.length), 0, []);
    else if (m.kind === 'shuffle') sheet.values = shuffled(rows, m.seed);
    else if (m.kind === 'merge') sheet.merges.push({ top: m.row, left: m.col, bottom: m.row + m.rows, right: m.col + m.cols });
    else sheet.hiddenRows.push(m.row);
  }
  return { sheets };
}

function expectWellFormed(result: CheckResult): void {
  for (const issue of result.issues) {
    expect(RULE_IDS).toContain(issue.rule);
    expect(['error', 'warning']).toContain(issue.severity);
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
  }
  for (const m of result.members) expect(['classified', 'not-classified', 'deferred', 'undetermined']).toContain(m.status);
}

describe('fuzzing the example chi bộ', () => {
  it('random mutations of its workbook model: checkWorkbook never throws and its output is well formed', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 25 }), (mutations) => {
        expectWellFormed(checkWorkbook(mutate(BASE, mutations)));
      }),
      { numRuns: 150 },
    );
  });

  it('random edits of its ExcelJS workbook: the .xlsx reader and the engine never throw', () => {
    const cells = fc.array(fc.record({ sheet: fc.integer({ min: 0, max: 3 }), row: fc.integer({ min: 1, max: 30 }), col: fc.integer({ min: 1, max: 20 }), value: valueArb }), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(cells, fc.boolean(), (edits, withFormulas) => {
        const { model } = build(example(), (wb: ExcelJS.Workbook) => {
          for (const e of edits) {
            const cell = wb.worksheets[e.sheet].getCell(e.row, e.col);
            const v = e.value;
            // A formula with a cached result as ExcelJS reads it back from a file: the result may be an error.
            const written = v !== null && typeof v === 'object' && !(v instanceof Date) ? { error: v.error } : v;
            cell.value = (withFormulas ? { formula: 'A1', result: written } : written) as ExcelJS.CellValue;
          }
        });
        expectWellFormed(checkWorkbook(model));
      }),
      { numRuns: 30 },
    );
  });
});

/** Member outcomes and issue rules, without where they are: the same whatever the row order. */
function outcome(result: CheckResult): { members: string[]; rules: string[] } {
  return {
    // A member without a name is shown by its row ("(dòng 7)"), which moves with it.
    members: result.members.map((m) => JSON.stringify([m.name.replace(/^\(dòng \d+\)$/, '(dòng …)'), m.status, m.level, m.reason])).sort(),
    // MEM-10 is about order itself (leaders are reviewed first).
    rules: result.issues.filter((i) => i.rule !== 'MEM-10').map((i) => `${i.rule} ${i.severity}`).sort(),
  };
}

/** The data rows of the roll and the tally (below their headers) in another order. */
function reorderTables(model: WorkbookModel, rollSeed: number, tallySeed: number): WorkbookModel {
  const reorder = (sheet: SheetGrid, firstDataRow: number, seed: number): SheetGrid => {
    const head = sheet.values.slice(0, firstDataRow - 1);
    const body = sheet.values.slice(firstDataRow - 1);
    return { ...sheet, values: [...head, ...shuffled(body, seed)] };
  };
  return {
    sheets: model.sheets.map((s) => (s.name === ROLL.sheet ? reorder(s, ROLL.firstDataRow, rollSeed) : s.name === TALLY.sheet ? reorder(s, TALLY.firstDataRow, tallySeed) : s)),
  };
}

describe('row order', () => {
  // Value changes inside the two tables only: a row moved must be the same row, so no merges or hidden rows.
  const tableEdit = fc.record({ table: fc.constantFrom(ROLL, TALLY), row: fc.integer({ min: 0, max: 19 }), col: fc.integer({ min: 0, max: 18 }), value: valueArb });

  it('the example with random cell changes gives the same members and issues whatever the order of roll rows and tally rows', () => {
    fc.assert(
      fc.property(fc.array(tableEdit, { maxLength: 12 }), fc.integer(), fc.integer(), (edits, rollSeed, tallySeed) => {
        const mutations: Mutation[] = edits.map((e) => ({ kind: 'set', sheet: BASE.sheets.findIndex((s) => s.name === e.table.sheet), row: e.table.firstDataRow - 1 + e.row, col: e.col, value: e.value }));
        const model = mutate(BASE, mutations);
        const model2 = reorderTables(model, rollSeed, tallySeed);
        expect(outcome(checkWorkbook(model2))).toEqual(outcome(checkWorkbook(model)));
      }),
      { numRuns: 60 },
    );
  });

  it('can fail: the comparison sees a changed vote', () => {
    const model = BASE;
    const changed = mutate(BASE, [{ kind: 'set', sheet: BASE.sheets.findIndex((s) => s.name === TALLY.sheet), row: TALLY.firstDataRow - 1, col: (TALLY.columns.get('r1Good') as number) - 1, value: 2 }]);
    expect(outcome(checkWorkbook(changed))).not.toEqual(outcome(checkWorkbook(model)));
  });
});
