/**
 * A hand-made hd43-2025 chi bộ workbook (RULES-2025.md §7) as a WorkbookModel, without ExcelJS. Sheet
 * names, headers and labels are the canonical ones of src/core/forms/definitions.ts (HD43_*), so the
 * real reader finds everything. Defaults give a clean chi bộ: every member present, self-reviewed,
 * admitted long ago, 85 points with every task on time; `Bộ tiêu chí` confirms every setting (no
 * CFG25-01) unless `settings` says otherwise; the chi bộ scores 88 on two sheets with all tasks on time.
 */
import { checkWorkbook, type CheckResult } from '../../src/core/check';
import { CRITERIA_FORM, CRITERIA_SETTINGS, HD43_INFO_FORM, HD43_ROLL_FORM, HD43_SCORES_FORM, MEMBER_SCORES_FORM, columnHeader, type ColumnDef } from '../../src/core/forms/definitions';
import { type CellValue, type SheetGrid, type WorkbookModel, a1 } from '../../src/core/grid';
import type { Issue } from '../../src/core/issues';
import type { MemberResult } from '../../src/core/rules/mem';
import { confirmedDefaults } from '../../src/core/rules/cfg25';
import { day, nameFor } from './chibo';

export const SHEET25 = {
  info: HD43_INFO_FORM.sheet,
  roll: HD43_ROLL_FORM.sheet,
  criteria: CRITERIA_FORM.sheet,
  memberScores: MEMBER_SCORES_FORM.sheet,
  scores: HD43_SCORES_FORM.sheet,
} as const;

export interface Member25 {
  readonly name?: string;
  /** Tiêu chí chung, Kết quả thực hiện nhiệm vụ (default 25 + 60). null: empty cell. */
  readonly common?: CellValue;
  readonly tasks?: CellValue;
  readonly total?: CellValue;
  /** Task figures: assigned, on time, beyond requirements, shortcomings pointed out, fixed (default 10, 10, 3, 0, 0). */
  readonly figures?: readonly CellValue[];
  /** Scores of the extra criterion columns (`ChiBo25Spec.criterionHeaders`), in order. */
  readonly criteria?: readonly CellValue[];
  /** No row on `Chấm điểm đảng viên`. */
  readonly noScoreRow?: boolean;
  readonly admissionDate?: CellValue;
  readonly present?: boolean;
  readonly selfReviewed?: boolean;
  readonly exempt?: boolean;
  /** Raw roll cells by column key (suspended, sickMonths, maternity, degraded, civilServant, civilRating …). */
  readonly roll?: Readonly<Record<string, CellValue>>;
}

export interface ChiBo25Spec {
  readonly members: readonly Member25[];
  /** `Thông tin chi bộ` values by field key (defaults: the chi bộ's 10 tasks all on time, 3 beyond). */
  readonly info?: Readonly<Record<string, CellValue>>;
  /** `Bộ tiêu chí` settings by key; default: every setting typed with its default value. `null`: left empty. */
  readonly settings?: Readonly<Record<string, CellValue>>;
  /** Leave every setting empty (the template's state). */
  readonly unconfirmed?: boolean;
  /** Members' criteria rows [group, criterion, max]; default one per group. */
  readonly memberCriteria?: readonly (readonly CellValue[])[];
  /** The chi bộ's scoring sheets [common, tasks, total?]. */
  readonly chiBoSheets?: readonly (readonly CellValue[])[];
  /** Extra columns on `Chấm điểm đảng viên`, headed by these texts (criteria of `Bộ tiêu chí`, M25-02). */
  readonly criterionHeaders?: readonly string[];
  /** No `Bộ tiêu chí` sheet at all. */
  readonly noCriteriaSheet?: boolean;
  /** The rule set's name in "Bộ quy tắc" (default hd43-2025). */
  readonly ruleSetName?: CellValue;
}

const header = (c: ColumnDef) => columnHeader(c);
const yes = (b: boolean | undefined) => (b ? 'x' : null);
const grid = (name: string, values: CellValue[][]): SheetGrid => ({ name, values, originRow: 0, originCol: 0 });

const SHOWN: Readonly<Record<string, CellValue>> = confirmedDefaults();

export function buildChiBo25(spec: ChiBo25Spec): { model: WorkbookModel; cell: { roll(i: number, key: string): string; scores(i: number, key: string): string; info(key: string): string; setting(key: string): string } } {
  const info: Record<string, CellValue> = {
    dangBo: 'Đảng bộ phường Thanh Khê',
    chiBo: 'Chi bộ Tổ dân phố 5',
    year: 2025,
    meetingDate: day('10/12/2025'),
    ruleSet: spec.ruleSetName === undefined ? 'hd43-2025' : spec.ruleSetName,
    officialPresent: null,
    cbAssigned: 10,
    cbCompleted: 10,
    cbOnTime: 10,
    cbExceeded: 3,
    subordinateDisciplined: 'Không',
    orgRating: 'Cao nhất',
    ...spec.info,
  };
  const infoFields = HD43_INFO_FORM.fields.filter((f) => f.key in info);
  const infoRows: CellValue[][] = infoFields.map((f) => [f.label, info[f.key] ?? null]);

  const rollCols = HD43_ROLL_FORM.columns;
  const rollRows: CellValue[][] = [rollCols.map(header)];
  spec.members.forEach((m, i) => {
    const values: Record<string, CellValue> = {
      stt: i + 1,
      name: m.name ?? nameFor(i),
      birthDate: day(`${(i % 28) + 1}/${(i % 12) + 1}/${1950 + (i % 40)}`),
      admissionDate: typeof m.admissionDate === 'string' ? day(m.admissionDate) : (m.admissionDate ?? day('01/01/2000')),
      membership: 'Chính thức',
      exempt: yes(m.exempt),
      present: yes(m.present !== false),
      selfReviewed: yes(m.selfReviewed !== false),
      ...m.roll,
    };
    rollRows.push(rollCols.map((c) => values[c.key] ?? null));
  });

  const scoreCols = MEMBER_SCORES_FORM.columns;
  const extraHeaders = spec.criterionHeaders ?? [];
  const scoreRows: CellValue[][] = [[...scoreCols.map(header), ...extraHeaders]];
  const scoreRowOf = new Map<number, number>();
  spec.members.forEach((m, i) => {
    if (m.noScoreRow) return;
    const f = m.figures ?? [10, 10, 3, 0, 0];
    const values: Record<string, CellValue> = {
      stt: i + 1,
      name: m.name ?? nameFor(i),
      common: m.common === undefined ? 25 : m.common,
      tasks: m.tasks === undefined ? 60 : m.tasks,
      total: m.total === undefined ? null : m.total,
      assigned: f[0],
      onTime: f[1],
      exceeded: f[2],
      pointedOut: f[3],
      fixed: f[4],
    };
    scoreRowOf.set(i, scoreRows.length);
    scoreRows.push([...scoreCols.map((c) => (values[c.key] === undefined ? null : values[c.key])), ...extraHeaders.map((_, k) => m.criteria?.[k] ?? null)]);
  });

  const chiBoCols = HD43_SCORES_FORM.columns;
  const chiBoRows: CellValue[][] = [chiBoCols.map(header)];
  (spec.chiBoSheets ?? [[26, 62], [26, 62]]).forEach((s, i) => chiBoRows.push([i + 1, s[0] ?? null, s[1] ?? null, s[2] ?? null]));

  const criteriaRows: CellValue[][] = [['Tiêu chí đánh giá đảng viên'], CRITERIA_FORM.columns.map(header)];
  for (const r of spec.memberCriteria ?? [['Nhóm tiêu chí chung', 'Phẩm chất chính trị, đạo đức, lối sống', 30], ['Kết quả thực hiện nhiệm vụ', 'Kết quả thực hiện nhiệm vụ được giao', 70]]) criteriaRows.push([...r]);
  criteriaRows.push([], ['Tiêu chí đánh giá chi bộ'], CRITERIA_FORM.columns.map(header), ['Nhóm tiêu chí chung', 'Xây dựng chi bộ', 30], ['Kết quả thực hiện nhiệm vụ', 'Thực hiện nhiệm vụ chính trị', 70], [], ['Thiết lập']);
  const settingRowOf = new Map<string, number>();
  for (const s of CRITERIA_SETTINGS) {
    const v = spec.unconfirmed ? null : spec.settings && s.key in spec.settings ? spec.settings[s.key] : SHOWN[s.key];
    settingRowOf.set(s.key, criteriaRows.length);
    criteriaRows.push([s.label, v]);
  }

  const sheets = [grid(SHEET25.info, infoRows), grid(SHEET25.roll, rollRows)];
  if (!spec.noCriteriaSheet) sheets.push(grid(SHEET25.criteria, criteriaRows));
  sheets.push(grid(SHEET25.memberScores, scoreRows), grid(SHEET25.scores, chiBoRows));
  const colOf = (cols: readonly ColumnDef[], key: string) => {
    const c = cols.findIndex((x) => x.key === key);
    if (c < 0) throw new Error(`no column ${key}`);
    return c;
  };
  return {
    model: { sheets },
    cell: {
      roll: (i, key) => a1(i + 1, colOf(rollCols, key)),
      scores: (i, key) => {
        const r = scoreRowOf.get(i);
        if (r === undefined) throw new Error(`member ${i} has no score row`);
        const extra = extraHeaders.indexOf(key);
        return a1(r, extra >= 0 ? scoreCols.length + extra : colOf(scoreCols, key));
      },
      info: (key) => a1(infoFields.findIndex((f) => f.key === key), 1),
      setting: (key) => a1(settingRowOf.get(key) as number, 1),
    },
  };
}

export interface Run25 {
  readonly result: CheckResult;
  member(i: number): MemberResult;
  issues(rule: string): Issue[];
}

export function run25(spec: ChiBo25Spec): Run25 {
  const result = checkWorkbook(buildChiBo25(spec).model);
  return { result, member: (i) => result.members[i], issues: (rule) => result.issues.filter((x) => x.rule === rule) };
}

/** n members made by `make`. */
export function members25(n: number, make: (i: number) => Member25 = () => ({})): Member25[] {
  return Array.from({ length: n }, (_, i) => make(i));
}
