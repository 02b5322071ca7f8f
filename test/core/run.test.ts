/**
 * The core keeps no state of its own (core/run.ts): what a run remembers lives in its RunContext, so a
 * check is a function of its input alone. Two ways to break that are tested: a module of src/core that
 * keeps a mutable collection at its top level, and a result that depends on what the run checked before.
 */
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import ts from 'typescript';
import { checkWorkbook, newRunContext } from '../../src/core/check';
import { ROLL_FORM, TALLY_FORM } from '../../src/core/forms/definitions';
import { locateMemo } from '../../src/core/forms/locate';
import { readChiBoWorkbook } from '../../src/core/forms/reader';
import { newIssueSink } from '../../src/core/rules/issue';
import type { CellValue, SheetGrid, WorkbookModel } from '../../src/core/grid';
import { Memo } from '../../src/core/run';
import { foldLabel, nameKey } from '../../src/core/text/normalize';
import { loadModel } from '../../src/xlsx/loadModel';
import { sourceFiles } from '../helpers/sources';
import { build, check, example } from '../helpers/workbook';

const CORE = resolve(__dirname, '../../src/core');
const EXAMPLE_PATH = resolve(__dirname, '../../examples/chi-bo-thanh-khe-2017.xlsx');
const EXAMPLE_2025_PATH = resolve(__dirname, '../../examples/chi-bo-thanh-khe-2025.xlsx');

const MUTABLE_COLLECTIONS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array']);

/**
 * Top-level declarations of a module that can change after it is loaded: a `let` or `var`, or a `const`
 * holding a new collection (`new Map()`, `[]`) whose declared type does not say it is read-only. A table
 * built once at load is declared `ReadonlyMap`/`readonly T[]` (or built inside the expression that makes it).
 */
export function moduleState(source: string, fileName = 'module.ts'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2020, true);
  const found: string[] = [];
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const list = statement.declarationList;
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
    for (const decl of list.declarations) {
      const name = decl.name.getText(file);
      if (!isConst) {
        found.push(`${name} (let/var)`);
        continue;
      }
      const init = decl.initializer;
      if (!init) continue;
      const collection =
        (ts.isNewExpression(init) && ts.isIdentifier(init.expression) && MUTABLE_COLLECTIONS.has(init.expression.text)) ||
        (ts.isArrayLiteralExpression(init) && init.elements.length === 0);
      const readOnly = decl.type !== undefined && /^(Readonly|readonly )/.test(decl.type.getText(file));
      if (collection && !readOnly) found.push(name);
    }
  }
  return found;
}

describe('the core keeps no state of its own (core/run.ts)', () => {
  it('no module of src/core has a mutable top-level collection or variable', () => {
    const offenders = sourceFiles(CORE).flatMap((path) => moduleState(readFileSync(path, 'utf8'), path).map((name) => `${relative(CORE, path)}: ${name}`));
    expect(offenders).toEqual([]);
  });

  it('the scan finds what it looks for (a let, a bare Map or array), and accepts read-only tables', () => {
    expect(moduleState('let seen = 0;\nconst cache = new Map<string, string>();\nconst list: string[] = [];\nconst TABLE: ReadonlyMap<string, number> = new Map([["a", 1]]);\nconst CODES: readonly string[] = [];\nconst N = 3;')).toEqual(['seen (let/var)', 'cache', 'list']);
  });

  it('a result does not depend on what the run checked before: each example alone, after the other, and twice', async () => {
    const a = await loadModel(EXAMPLE_PATH);
    const b = await loadModel(EXAMPLE_2025_PATH);
    const alone = [JSON.stringify(checkWorkbook(a)), JSON.stringify(checkWorkbook(b))];
    const run = newRunContext();
    const shared = [JSON.stringify(checkWorkbook(b, undefined, run)), JSON.stringify(checkWorkbook(a, undefined, run)), JSON.stringify(checkWorkbook(b, undefined, run)), JSON.stringify(checkWorkbook(a, undefined, run))];
    expect(shared).toEqual([alone[1], alone[0], alone[1], alone[0]]);
  });

  it('a run remembers what it folded, and a fresh run starts empty', () => {
    const run = newRunContext();
    const { model } = build(example());
    checkWorkbook(model, undefined, run);
    expect(run.folds.size).toBeGreaterThan(0);
    expect(newRunContext().folds.size).toBe(0);
    // The same result through a fresh run and through the run that already saw the workbook.
    expect(JSON.stringify(checkWorkbook(model, undefined, run))).toBe(JSON.stringify(check()));
  });

  it('the memoised fold and key are the pure functions (with and without a memo, in any order)', () => {
    const folds = new Memo<string, string>(3);
    const keys = new Memo<string, string>(3);
    const texts = ['Lần 1 - Hoàn thành tốt nhiệm vụ', 'Nguyễn Thị Hoà', 'Nguyễn Thị Hòa', 'CHI BỘ  Thanh Khê', 'Lần 1 - Hoàn thành tốt nhiệm vụ', 'Đảng viên'];
    for (const t of texts) {
      expect(foldLabel(t, folds)).toBe(foldLabel(t));
      expect(nameKey(t, keys)).toBe(nameKey(t));
    }
    // Bounded: cleared when full, never more than its limit.
    expect(folds.size).toBeLessThanOrEqual(3);
    expect(keys.size).toBeLessThanOrEqual(3);
  });

  describe('a long sheet\'s header found by the rows above its data (DECISIONS 102)', () => {
    /** The model with one sheet's rows changed by `edit` (a copy; the model is not touched), given the row holding `headerLabel`. */
    function withRows(model: WorkbookModel, sheetName: string, headerLabel: string, edit: (rows: CellValue[][], headerRow: number) => void): WorkbookModel {
      return {
        ...model,
        sheets: model.sheets.map((sheet): SheetGrid => {
          if (sheet.name !== sheetName) return sheet;
          const rows = sheet.values.map((line) => [...line]);
          edit(rows, rows.findIndex((line) => line.includes(headerLabel)));
          return { ...sheet, values: rows };
        }),
      };
    }
    const withRoll = (model: WorkbookModel, edit: (rows: CellValue[][], headerRow: number) => void): WorkbookModel => withRows(model, ROLL_FORM.sheet, 'Họ và tên', edit);

    it('workbooks made from one template share one search; another header or other names give their own answers', () => {
      const { model } = build(example());
      const fresh = (m: WorkbookModel): string => JSON.stringify(checkWorkbook(m));
      // Two header labels exchanged: the same data under other columns, so another answer.
      const swapped = withRoll(model, (rows, h) => {
        const line = rows[h];
        const a = line.indexOf('Họ và tên');
        const b = line.findIndex((v, i) => i > a && typeof v === 'string' && v !== '' && v !== 'Họ và tên' && !/ngày|Ngày/.test(v));
        [line[a], line[b]] = [line[b], line[a]];
      });
      // Other names below the same header rows: the same header, found without a search.
      const renamed = withRoll(model, (rows, h) => {
        const name = rows[h + 1].indexOf(rows[h + 1].find((v) => typeof v === 'string' && v.includes(' ')) ?? null);
        rows[h + 1][name] = 'Phan Văn Mới';
      });
      const run = newRunContext();
      const order = [model, swapped, renamed, model, swapped];
      const shared = order.map((m) => JSON.stringify(checkWorkbook(m, undefined, run)));
      expect(shared).toEqual(order.map(fresh));
      expect(shared[1]).not.toBe(shared[0]);
      // The roll's header names every column: kept by its rows above the data (the original's and the
      // swapped one's). The example's tally lacks two optional columns; it is kept too, and used again while
      // no row below it could name more columns (the next test).
      const kept = locateMemo(run).headerPrefixes;
      expect(kept.get(ROLL_FORM)?.byKey.size).toBe(2);
      expect(kept.get(TALLY_FORM)?.byKey.size).toBe(1);
    });

    it('a header that names fewer columns than the form is used again only while no row below could beat it', () => {
      const { model } = build(example());
      const withTally = (m: WorkbookModel, edit: (rows: CellValue[][], headerRow: number) => void): WorkbookModel => withRows(m, TALLY_FORM.sheet, 'Hoàn thành tốt nhiệm vụ', edit);
      // A column the form does not know beside the header: the sheet is wider than the columns it names.
      const wide = withTally(model, (rows, h) => {
        rows[h].push('Ghi chú');
      });
      // The same rows above the data, then a row two below that names seven of the form's columns: the search
      // takes that row, which names more.
      const beaten = withTally(wide, (rows, h) => {
        rows[h + 2] = ['STT', 'Họ và tên', 'HTTNV lần 1', 'HTNV lần 1', 'KHTNV lần 1', 'Tổng lần 1', 'HTXSNV lần 2'];
      });
      // Other names and votes below the same header: the same answer, without a search.
      const renamed = withTally(wide, (rows, h) => {
        rows[h + 1] = [1, 'Phan Văn Mới', 14, 1, 0, 6];
      });
      const tallyOf = (m: WorkbookModel, run = newRunContext()) => {
        const tally = readChiBoWorkbook(m, newIssueSink(), undefined, run).tally;
        return { headerRow: tally?.headerRow, columns: [...(tally?.columns ?? [])], names: tally?.rows.map((r) => r.name.value) };
      };
      const run = newRunContext();
      const shared = [wide, beaten, renamed].map((m) => tallyOf(m, run));
      expect(shared).toEqual([wide, beaten, renamed].map((m) => tallyOf(m)));
      expect(shared[0].headerRow).toBe(7);
      expect(shared[1].headerRow).toBe(9);
      expect(shared[1].columns.length).toBe(7);
      expect(shared[2].names?.[0]).toBe('Phan Văn Mới');
      // The wide tally's header was kept once; the beaten one was searched (and kept by its own rows).
      expect(locateMemo(run).headerPrefixes.get(TALLY_FORM)?.byKey.size).toBe(2);
    });
  });
});
