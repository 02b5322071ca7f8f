/**
 * A fast, hand-made chi bộ workbook: K members with given votes, as a WorkbookModel, without ExcelJS.
 * Sheet names, header labels and field labels are the canonical ones of src/core/forms/definitions.ts,
 * so the real reader finds everything; one header row per table at row 1, data from row 2; the info
 * sheet holds one field per row, label in column A and value in column B.
 *
 * Defaults give a clean chi bộ: every member official, present, self-reviewed, admitted long ago;
 * ballot counts equal to the official members marked present; every CB condition answered so that the
 * conditions of TSVM hold; one scoring sheet of 89 points.
 */
import { checkWorkbook, type CheckResult } from '../../src/core/check';
import { INFO_FORM, ROLL_FORM, SCORES_FORM, TALLY_FORM, type ColumnDef } from '../../src/core/forms/definitions';
import { type CellValue, type SheetGrid, type WorkbookModel, a1 } from '../../src/core/grid';
import type { Issue } from '../../src/core/issues';
import type { MemberResult } from '../../src/core/rules/mem';
import { toExcelSerial } from '../../src/core/values/dates';

export const SHEET = {
  info: INFO_FORM.sheet,
  roll: ROLL_FORM.sheet,
  tally: TALLY_FORM.sheet,
  scores: SCORES_FORM.sheet,
} as const;

export type InfoKey = (typeof INFO_FORM.fields)[number]['key'];
export type TallyKey = 'stt' | 'name' | 'r1Good' | 'r1Done' | 'r1Failed' | 'r1Excellent' | 'r1Total' | 'r2Excellent';

/** Round-1 votes HTTNV, HTNV, KHTNV, then the round-2 HTXSNV votes (omitted or null: empty cell). */
export type Votes = readonly [good: number, done: number, failed: number, excellent?: number | null];

export interface MemberSpec {
  readonly name?: string;
  readonly stt?: CellValue;
  readonly birthDate?: CellValue;
  /** A `dd/mm/yyyy` string is turned into a date cell's serial number; default 01/01/2000. */
  readonly admissionDate?: CellValue;
  readonly probationary?: boolean;
  readonly exempt?: boolean;
  readonly temporary?: boolean;
  /** Default true. */
  readonly present?: boolean;
  /** Default true. */
  readonly selfReviewed?: boolean;
  readonly leader?: boolean;
  readonly civilServant?: boolean;
  readonly civilRating?: CellValue;
  readonly cstd?: boolean;
  readonly commendation?: boolean;
  readonly disciplined?: boolean;
  readonly failedTasks?: boolean;
  readonly violation?: boolean;
  readonly disobedience?: boolean;
  readonly note?: string;
  /**
   * The member's tally row. `null`: no tally row. Omitted: a unanimous HTTNV row (all round-1 valid
   * ballots) for a member who is present, self-reviewed and not exempt; no row for anyone else.
   */
  readonly votes?: Votes | null;
  /** Raw tally cells that override `votes` (e.g. `{ r1Good: -1 }`, `{ r1Excellent: 2 }`). */
  readonly tally?: Partial<Record<TallyKey, CellValue>>;
  /** Raw roll cells by column key that override the fields above (e.g. `{ present: 'Y' }`). */
  readonly roll?: Readonly<Record<string, CellValue>>;
}

export interface ChiBoSpec {
  readonly members: readonly MemberSpec[];
  /** `dd/mm/yyyy`, default 01/12/2017. */
  readonly meetingDate?: string;
  /** Header field overrides (raw cell values; `null` leaves the value cell empty). */
  readonly info?: Partial<Record<InfoKey, CellValue>>;
  /** Header fields whose label row is left out altogether. */
  readonly omitInfo?: readonly InfoKey[];
  /** Scoring sheets: five scores, optionally a sixth "Tổng". Default one sheet of 89. */
  readonly scores?: readonly (readonly CellValue[])[];
  /** Member indices in tally order (members without a tally row are skipped); default roll order. */
  readonly tallyOrder?: readonly number[];
  /** Tally columns beyond the template's (`r1Excellent`, `r1Total`). */
  readonly extraTallyColumns?: readonly ('r1Excellent' | 'r1Total')[];
}

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const GIVEN = ['An', 'Bình', 'Cúc', 'Dũng', 'Đào', 'Giang', 'Hà', 'Hải', 'Hoà', 'Hùng', 'Khánh', 'Lan', 'Minh', 'Nga', 'Phúc', 'Quế', 'Sơn', 'Thu', 'Uyên', 'Xuân'];

/** A distinct Vietnamese name for index i (i < 240). */
export function nameFor(i: number): string {
  return `${SURNAMES[i % SURNAMES.length]} ${i % 2 ? 'Thị' : 'Văn'} ${GIVEN[Math.floor(i / SURNAMES.length) % GIVEN.length]}`;
}

/** `dd/mm/yyyy` as a date cell holds it: the serial number of the day (1900 date system). */
export function day(text: string): number {
  const [d, m, y] = text.split('/').map(Number);
  return toExcelSerial({ y, m, d });
}

/** Five valid criterion scores (halves allowed) adding up to `total`. */
export function sheetOf(total: number): number[] {
  let rest = total;
  return [40, 20, 15, 15, 10].map((max) => {
    const v = Math.min(max, rest);
    rest -= v;
    return v;
  });
}

const yes = (b: boolean | undefined): CellValue => (b ? 'x' : null);
const asDate = (v: CellValue | undefined, fallback: string): CellValue => (v === undefined ? day(fallback) : typeof v === 'string' && /^\d{1,2}\/\d{1,2}\/\d{4}$/.test(v) ? day(v) : v);

export function isVotedOn(m: MemberSpec): boolean {
  return m.present !== false && m.selfReviewed !== false && !m.exempt;
}

function headerText(c: ColumnDef): string {
  return c.group ? `${c.group} - ${c.label}` : c.label;
}

export interface Built {
  readonly model: WorkbookModel;
  /** Official members marked present (the default header count and ballot counts). */
  readonly officialPresent: number;
  readonly cell: {
    /** Address of a roll cell of member `i` (roll order). */
    roll(i: number, key: string): string;
    /** Address of a tally cell of member `i` (by member index, wherever its tally row is). */
    tally(i: number, key: TallyKey): string;
    /** Address of a scoring-sheet cell, sheet `i` (0-based), key `sheetNo`, `c1`..`c5`, `total`. */
    scores(i: number, key: string): string;
    /** Address of a header field's value cell. */
    info(key: InfoKey): string;
  };
}

export function buildChiBo(spec: ChiBoSpec): Built {
  const members = spec.members;
  const officialPresent = members.filter((m) => !m.probationary && m.present !== false).length;
  const info: Record<string, CellValue> = {
    dangBo: 'Đảng bộ phường Hương Xuân',
    chiBo: 'Thử nghiệm',
    year: 2017,
    meetingDate: day(spec.meetingDate ?? '01/12/2017'),
    reportDate: null,
    officialPresent,
    r1Issued: officialPresent,
    r1Returned: officialPresent,
    r1Valid: officialPresent,
    r2Issued: officialPresent,
    r2Returned: officialPresent,
    r2Valid: officialPresent,
    excellentUnited: 'Có',
    goodUnited: 'Có',
    meetingsRegular: 'Có',
    leadersDisciplined: 'Không',
    disunity: 'Không',
    corruption: 'Không',
    orgRating: 'Cao nhất',
    lowestOrgCount: 0,
    ...spec.info,
  };
  const valid = typeof info.r1Valid === 'number' && Number.isInteger(info.r1Valid) && info.r1Valid >= 0 ? info.r1Valid : officialPresent;

  // Thông tin chi bộ
  const infoFields = INFO_FORM.fields.filter((f) => !(spec.omitInfo ?? []).includes(f.key as InfoKey));
  const infoRows: CellValue[][] = infoFields.map((f) => [f.label, info[f.key] ?? null]);
  const infoRowOf = new Map(infoFields.map((f, i) => [f.key, i]));

  // Danh sách đảng viên
  const rollCols = ROLL_FORM.columns;
  const rollRows: CellValue[][] = [rollCols.map(headerText)];
  members.forEach((m, i) => {
    const values: Record<string, CellValue> = {
      stt: m.stt === undefined ? i + 1 : m.stt,
      name: m.name ?? nameFor(i),
      birthDate: asDate(m.birthDate, `${(i % 28) + 1}/${(i % 12) + 1}/${1950 + (i % 40)}`),
      admissionDate: asDate(m.admissionDate, '01/01/2000'),
      membership: m.probationary ? 'Dự bị' : 'Chính thức',
      exempt: yes(m.exempt),
      temporary: yes(m.temporary),
      present: yes(m.present !== false),
      selfReviewed: yes(m.selfReviewed !== false),
      leader: yes(m.leader),
      civilServant: yes(m.civilServant),
      civilRating: m.civilRating ?? null,
      cstd: yes(m.cstd),
      commendation: yes(m.commendation),
      disciplined: yes(m.disciplined),
      failedTasks: yes(m.failedTasks),
      violation: yes(m.violation),
      disobedience: yes(m.disobedience),
      note: m.note ?? null,
      ...m.roll,
    };
    rollRows.push(rollCols.map((c) => values[c.key] ?? null));
  });

  // Kiểm phiếu đảng viên
  const extra = spec.extraTallyColumns ?? [];
  const tallyCols = TALLY_FORM.columns.filter((c) => !c.notInTemplate || extra.includes(c.key as 'r1Excellent' | 'r1Total'));
  const tallyRows: CellValue[][] = [tallyCols.map(headerText)];
  const order = spec.tallyOrder ?? members.map((_, i) => i);
  const tallyPos = new Map<number, number>();
  for (const i of order) {
    const m = members[i];
    const votes: Votes | null = m.votes === undefined ? (isVotedOn(m) ? [valid, 0, 0] : null) : m.votes;
    if (votes === null && m.tally === undefined) continue;
    const v = votes ?? [null, null, null];
    const values: Record<string, CellValue> = {
      stt: tallyPos.size + 1,
      name: m.name ?? nameFor(i),
      r1Good: v[0],
      r1Done: v[1],
      r1Failed: v[2],
      r2Excellent: v[3] ?? null,
      ...m.tally,
    };
    tallyPos.set(i, tallyPos.size);
    tallyRows.push(tallyCols.map((c) => (values[c.key] === undefined ? null : values[c.key])));
  }

  // Chấm điểm chi bộ
  const scoreCols = SCORES_FORM.columns;
  const scoreRows: CellValue[][] = [scoreCols.map(headerText)];
  const sheets = spec.scores ?? [sheetOf(89)];
  sheets.forEach((s, i) => scoreRows.push([i + 1, ...s.slice(0, 6), ...Array(Math.max(0, 6 - s.length)).fill(null)]));

  const grid = (name: string, values: CellValue[][]): SheetGrid => ({ name, values, originRow: 0, originCol: 0 });
  const model: WorkbookModel = {
    sheets: [grid(SHEET.info, infoRows), grid(SHEET.roll, rollRows), grid(SHEET.tally, tallyRows), grid(SHEET.scores, scoreRows)],
  };
  const colOf = (cols: readonly ColumnDef[], key: string): number => {
    const c = cols.findIndex((x) => x.key === key);
    if (c < 0) throw new Error(`no column ${key}`);
    return c;
  };
  return {
    model,
    officialPresent,
    cell: {
      roll: (i, key) => a1(i + 1, colOf(rollCols, key)),
      tally: (i, key) => {
        const p = tallyPos.get(i);
        if (p === undefined) throw new Error(`member ${i} has no tally row`);
        return a1(p + 1, colOf(tallyCols, key));
      },
      scores: (i, key) => a1(i + 1, colOf(scoreCols, key)),
      info: (key) => {
        const r = infoRowOf.get(key);
        if (r === undefined) throw new Error(`field ${key} omitted`);
        return a1(r, 1);
      },
    },
  };
}

export type EngineOptions = Partial<Record<'denominator' | 'htnvCounting' | 'capScope', string>>;

export interface Run {
  readonly result: CheckResult;
  readonly built: Built;
  /** Member result by roll index. */
  member(i: number): MemberResult;
  /** Issues of one rule. */
  issues(rule: string): Issue[];
  /** `RULE severity sheet!cell` of every issue of a rule. */
  where(rule: string): string[];
}

/** Builds and checks a chi bộ. */
export function run(spec: ChiBoSpec, options: EngineOptions = {}): Run {
  const built = buildChiBo(spec);
  const result = checkWorkbook(built.model, { options: options as Record<string, string> });
  return {
    result,
    built,
    member: (i) => {
      const name = spec.members[i].name ?? nameFor(i);
      const found = result.members.find((m) => m.name === name);
      if (!found) throw new Error(`no result for ${name}`);
      return found;
    },
    issues: (rule) => result.issues.filter((x) => x.rule === rule),
    where: (rule) => result.issues.filter((x) => x.rule === rule).map((x) => `${x.severity} ${x.sheet}!${x.cell}`),
  };
}

/** `n` members, each with the given votes (or a function of the index). */
export function membersWith(n: number, make: (i: number) => MemberSpec): MemberSpec[] {
  return Array.from({ length: n }, (_, i) => make(i));
}
