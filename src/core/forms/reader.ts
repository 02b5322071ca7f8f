/**
 * The form reader: turns a workbook's grids into a typed ChiBoWorkbook, reporting what is wrong with a
 * cell as it reads it (DATA-01 for a missing column or field, DATA-02/03 for a value it cannot accept,
 * DATA-07, and the cell-level VOTE-01 and CB-01). A cell it cannot read (DATA-02/03/04) is unknown
 * (`unreadable`, RULES.md 9.21). Checks on whole sheets (formula errors, missing sheets, totals rows,
 * dates after the meeting) and on blank counts (9.20) are rules (rules/data.ts, vote.ts, cb.ts). It
 * never throws on any grid and never changes a value.
 */
import { type CellValue, type SheetGrid, type WorkbookModel, a1, cellAt, columnLetter, isCellError, lastRow } from '../grid';
import type { IssueSink } from '../issues';
import { newIssueSink } from '../rules/issue';
import { Memo, memoKind, newRunContext, type RunContext } from '../run';
import { chiBoKey, cleanText, foldLabel, nameKey, type TextMemo } from '../text/normalize';
import {
  CHOICE_MEMO,
  CIVIL_SERVICE_RATING,
  type CivilServiceRating,
  type Membership,
  type OrgRating,
  choiceMemo,
  MEMBERSHIP,
  ORG_RATING,
  type Parsed,
  type Vocabulary,
  YES_NO,
  displayValue,
  isBlank,
  parseChoice,
  parseDate,
  parseNumber,
  parseText,
  parseYear,
  parseYesNo,
} from '../values/parse';
import {
  type ChiBoForms,
  type FieldsForm,
  HD27_FORMS,
  CRITERIA_FORM,
  CRITERIA_SETTING_FIELDS,
  MEMBER_SCORES_FORM,
  RULE_SET_FIELD,
  CHI_BO_DOSSIER_FORM,
  COLLECTIVE_DOCUMENTS,
  columnHeader,
  type FieldDef,
  type FormDef,
  INFO_FORM,
  LEADER_DOSSIER_FORM,
  LEADERS_FORM,
  PLAN_FORM,
  type TableForm,
  type ValueType,
} from './definitions';
import { type FieldHit, findFields, findHeader, findSheet, type LocateMemo, locateMemo } from './locate';
import type { ChiBoInfo, ChiBoWorkbook, CriteriaRead, CriteriaRowRead, SettingCellRead, DossierRead, DossierRow, LeaderRow, LeadersRead, Located, PlanRead, RollMember, ScheduleRow, ScoreSheetRow, TableRead, TallyRow, Unreadable } from './model';

type AnyLocated = Located<unknown>;

/**
 * What reading one workbook carries from cell to cell: its date system and the run's memos (run.ts) —
 * the folded labels and headers, the names' keys, each vocabulary's spellings.
 */
interface Scope {
  readonly date1904: boolean;
  readonly locate: LocateMemo;
  readonly names: TextMemo;
  readonly yesNo: Memo<string, 'yes' | 'no' | null> | undefined;
  readonly membership: Memo<string, Membership | null> | undefined;
  readonly rating: Memo<string, CivilServiceRating | null> | undefined;
  readonly orgRating: Memo<string, OrgRating | null> | undefined;
}

/**
 * Each workbook's name keys, for as long as the workbook is held: its tally and scoring sheets repeat its
 * roll's names, however long the roll; names do not repeat across a ward's files, so nothing is kept
 * beyond the workbook.
 */
const NAME_KEYS = memoKind('names', () => new WeakMap<WorkbookModel, Memo<string, string>>());
/** More names than any roll the read limits let through: a workbook's names are never forgotten midway. */
const NAME_MEMO_LIMIT = 2_000_000;

function namesOf(workbook: WorkbookModel, run: RunContext): Memo<string, string> {
  const byWorkbook = run.memo(NAME_KEYS);
  let names = byWorkbook.get(workbook);
  if (!names) byWorkbook.set(workbook, (names = new Memo<string, string>(NAME_MEMO_LIMIT)));
  return names;
}

function scopeOf(workbook: WorkbookModel, run: RunContext): Scope {
  const choices = run.memo(CHOICE_MEMO);
  return {
    date1904: workbook.date1904 === true,
    locate: locateMemo(run),
    names: namesOf(workbook, run),
    yesNo: choiceMemo(choices, YES_NO),
    membership: choiceMemo(choices, MEMBERSHIP),
    rating: choiceMemo(choices, CIVIL_SERVICE_RATING),
    orgRating: choiceMemo(choices, ORG_RATING),
  };
}

function absent(sheet: string, cell: string): Located<never> {
  return { value: null, sheet, cell, filled: false, absent: true };
}

/** What parseText would change in a text: runs of white space, other white space, a space at either end. */
const NEEDS_TIDYING = /\s{2}|[^\S ]|^ | $/;

/** The cell as the clerk sees it, for a message. */
function shown(value: CellValue): string {
  return cleanText(displayValue(value));
}

function where(sheet: string, cell: string, label: string): string {
  return `Sheet "${sheet}", ô ${cell} (${label})`;
}

function whereEn(sheet: string, cell: string, label: string): string {
  return `Sheet "${sheet}", cell ${cell} (${label})`;
}

function locatedOf(parsed: Parsed<unknown>, sheet: string, cell: string): AnyLocated {
  return { value: parsed.kind === 'ok' ? parsed.value : null, sheet, cell, filled: parsed.kind !== 'empty' };
}

/** Excel's column count: a cell's place is one number, row × this + column. */
const COLUMNS = 16384;

/**
 * A cell the reader typed, with its place kept as one number: its A1 address is made when something asks
 * for it (an issue, a result's place), and most cells of a roll are never asked. A class, so that every
 * typed cell has one shape.
 */
class TypedCell implements AnyLocated {
  constructor(
    readonly value: unknown,
    readonly sheet: string,
    readonly filled: boolean,
    private readonly at: number,
  ) {}

  get cell(): string {
    return a1(Math.floor(this.at / COLUMNS), this.at % COLUMNS);
  }
}

function typedOf(parsed: Parsed<unknown>, sheet: string, row: number, col: number): AnyLocated {
  return new TypedCell(parsed.kind === 'ok' ? parsed.value : null, sheet, parsed.kind !== 'empty', row * COLUMNS + col);
}

/** A cell that breaks DATA-02/03/04: no value at all, never a default (RULES.md 9.21). */
function unknownAt(rule: Unreadable['rule'], text: string, sheet: string, cell: string, label: string): AnyLocated {
  return { value: null, sheet, cell, filled: true, unreadable: { rule, label, shown: text } };
}

function choiceOf(vocab: Vocabulary<string>, parsed: Parsed<unknown>, value: CellValue, sheet: string, row: number, col: number, label: string, sink: IssueSink): AnyLocated {
  if (parsed.kind === 'invalid') {
    const cell = a1(row, col);
    sink.add(
      'DATA-02',
      sheet,
      cell,
      `${where(sheet, cell, label)}: "${shown(value)}" không phải giá trị hợp lệ của ${vocab.name}. Giá trị được chấp nhận: ${vocab.shown.join(', ')}.`,
      `${whereEn(sheet, cell, label)}: "${shown(value)}" is not an accepted value. Accepted: ${vocab.shown.join(', ')}.`,
    );
    return unknownAt('DATA-02', shown(value), sheet, cell, label);
  }
  return typedOf(parsed, sheet, row, col);
}

/**
 * Parses one cell by its declared type, reporting what is wrong with it. This runs for every cell of a
 * roll (25 per member): messages are built only when there is something to report.
 */
function readTyped(
  type: ValueType,
  value: CellValue,
  sheet: string,
  row: number,
  col: number,
  label: string,
  sink: IssueSink,
  max: number | undefined,
  scope: Scope,
): AnyLocated {
  const at = row * COLUMNS + col;
  // The usual cell needs no parsing: a number in a count column, an empty or repeated yes/no.
  if (typeof value === 'number' && (type === 'count' || type === 'number') && Number.isFinite(value) && (type === 'number' || (Number.isInteger(value) && value >= 0))) {
    return new TypedCell(value, sheet, true, at);
  }
  // An empty yes/no cell is an answered "no" (RULES.md 9.1), as parseYesNo reads it.
  if (value === null) return type === 'yesno' ? new TypedCell(false, sheet, true, at) : new TypedCell(null, sheet, false, at);
  // A formula error is DATA-04's (rules/data.ts scans every cell of an input sheet): unknown here.
  if (isCellError(value)) return unknownAt('DATA-04', value.error, sheet, a1(row, col), label);
  // Text as typed, with nothing to tidy: the value itself (parseText would give the same).
  if (type === 'text' && typeof value === 'string' && value.length > 0 && !NEEDS_TIDYING.test(value) && !isBlank(value)) return new TypedCell(value, sheet, true, at);
  switch (type) {
    case 'text':
      return typedOf(parseText(value), sheet, row, col);
    case 'yesno':
      return choiceOf(YES_NO, parseYesNo(value, scope.yesNo), value, sheet, row, col, label, sink);
    case 'membership':
      return choiceOf(MEMBERSHIP, parseChoice(value, MEMBERSHIP, scope.membership), value, sheet, row, col, label, sink);
    case 'rating':
      return choiceOf(CIVIL_SERVICE_RATING, parseChoice(value, CIVIL_SERVICE_RATING, scope.rating), value, sheet, row, col, label, sink);
    case 'orgRating':
      return choiceOf(ORG_RATING, parseChoice(value, ORG_RATING, scope.orgRating), value, sheet, row, col, label, sink);
    case 'date': {
      // A date cell holds a serial number in the workbook's date system; the message shows it as Excel does.
      const parsed = parseDate(value, scope.date1904);
      if (parsed.kind === 'invalid') {
        const cell = a1(row, col);
        sink.add(
          'DATA-03',
          sheet,
          cell,
          `${where(sheet, cell, label)}: "${parsed.text}" không phải ngày hợp lệ. Nhập ngày/tháng/năm đầy đủ, ví dụ 01/12/2017.`,
          `${whereEn(sheet, cell, label)}: "${parsed.text}" is not a valid date. Enter day/month/year, e.g. 01/12/2017.`,
        );
        return unknownAt('DATA-03', parsed.text, sheet, cell, label);
      }
      return typedOf(parsed, sheet, row, col);
    }
    case 'year': {
      const parsed = parseYear(value);
      if (parsed.kind === 'invalid') {
        const cell = a1(row, col);
        sink.add(
          'DATA-03',
          sheet,
          cell,
          `${where(sheet, cell, label)}: "${shown(value)}" không phải năm hợp lệ. Nhập năm bằng 4 chữ số, ví dụ 2017.`,
          `${whereEn(sheet, cell, label)}: "${shown(value)}" is not a year. Enter four digits, e.g. 2017.`,
        );
        return unknownAt('DATA-03', shown(value), sheet, cell, label);
      }
      return typedOf(parsed, sheet, row, col);
    }
    case 'number':
      return typedOf(parseNumber(value), sheet, row, col);
    case 'count': {
      const parsed = parseNumber(value);
      if (parsed.kind === 'invalid' || (parsed.kind === 'ok' && (!Number.isInteger(parsed.value) || parsed.value < 0))) {
        const cell = a1(row, col);
        sink.add(
          'VOTE-01',
          sheet,
          cell,
          `${where(sheet, cell, label)}: "${shown(value)}" không phải số nguyên không âm. Số phiếu, số người phải là số nguyên ≥ 0.`,
          `${whereEn(sheet, cell, label)}: "${shown(value)}" is not a whole number ≥ 0. Counts must be whole numbers ≥ 0.`,
        );
        return new TypedCell(null, sheet, true, at);
      }
      return typedOf(parsed, sheet, row, col);
    }
    case 'score': {
      const parsed = parseNumber(value);
      const limit = max ?? 100;
      if (parsed.kind === 'invalid' || (parsed.kind === 'ok' && (parsed.value < 0 || parsed.value > limit || !Number.isInteger(parsed.value * 2)))) {
        const cell = a1(row, col);
        sink.add(
          'CB-01',
          sheet,
          cell,
          `${where(sheet, cell, label)}: điểm "${shown(value)}" không hợp lệ. Điểm phải từ 0 đến ${limit}, cho phép nửa điểm (ví dụ 12,5). Phiếu này không được tính vào điểm bình quân.`,
          `${whereEn(sheet, cell, label)}: score "${shown(value)}" is invalid. It must be from 0 to ${limit}, halves allowed. This sheet is left out of the mean.`,
        );
        return new TypedCell(null, sheet, true, at);
      }
      return typedOf(parsed, sheet, row, col);
    }
  }
}

function readFieldsInto(
  sheet: SheetGrid,
  fields: readonly FieldDef[],
  sink: IssueSink,
  rows: { top: number; bottom: number } | undefined,
  required: (field: FieldDef) => boolean,
  scope: Scope,
): { values: Record<string, AnyLocated>; hits: Map<string, FieldHit> } {
  const hits = findFields(sheet, fields, rows, scope.locate);
  const out: Record<string, AnyLocated> = {};
  for (const field of fields) {
    const hit = hits.get(field.key);
    if (!hit) {
      out[field.key] = absent(sheet.name, 'A1');
      if (required(field)) {
        sink.add(
          'DATA-01',
          sheet.name,
          'A1',
          `Sheet "${sheet.name}" thiếu mục "${field.label}". Thêm một ô ghi "${field.label}" và nhập giá trị vào ô bên phải.`,
          `Sheet "${sheet.name}" lacks the field "${field.label}". Add a cell labelled "${field.label}" with its value to the right.`,
        );
      }
      continue;
    }
    const located = readTyped(field.type, hit.value, sheet.name, hit.row, hit.col, field.label, sink, undefined, scope);
    out[field.key] = located;
    if (!located.filled && required(field)) {
      sink.add(
        'DATA-01',
        sheet.name,
        located.cell,
        `Sheet "${sheet.name}", ô ${located.cell}: chưa nhập "${field.label}" (mục bắt buộc${field.neededBy ? `, cần cho ${field.neededBy}` : ''}).`,
        `Sheet "${sheet.name}", cell ${located.cell}: "${field.label}" is empty but required.`,
      );
    }
  }
  return { values: out, hits };
}

/** Yes/no header conditions are different from yes/no columns: an empty one is CB-07, not "no". */
function emptyConditionIsUnanswered(located: AnyLocated, raw: CellValue): AnyLocated {
  // Spelled out, not spread: a typed cell's address is its class's getter, which a spread would not copy.
  return isBlank(raw) ? { value: null, sheet: located.sheet, cell: located.cell, filled: false } : located;
}

interface RawTable {
  readonly sheet: SheetGrid;
  readonly headerRow: number;
  readonly columns: ReadonlyMap<string, number>;
  readonly dataRows: readonly number[];
  readonly totalsRow: number | null;
}

const TOTALS: ReadonlySet<string> = new Set(['tong', 'cong', 'tong cong', 'tong so', 'cong chung']);
/** Longer than any spelling of TOTALS, even decomposed (NFD) or spaced out. */
const TOTALS_MAX_TEXT = 30;
/** The first letter of every folded TOTALS label. */
const TOTALS_START: ReadonlySet<string> = new Set(['t', 'c']);

/**
 * The first character of `foldLabel(text)`, found without folding the whole text: every row's first
 * text (a member's name, mostly) is asked whether it says "Tổng".
 */
function firstFoldedChar(text: string): string {
  for (const ch of text) {
    if (ch === 'đ' || ch === 'Đ') return 'd';
    const base = ch.normalize('NFD')[0].toLowerCase();
    if (base.length === 1 && ((base >= 'a' && base <= 'z') || (base >= '0' && base <= '9'))) return base;
  }
  return '';
}

/** Locates a table, reports missing columns, hidden and merged cells, and lists its data rows. */
function locateTable(sheet: SheetGrid, form: TableForm, sink: IssueSink, scope: Scope): RawTable | null {
  const header = findHeader(sheet, form, scope.locate);
  const requiredColumns = form.columns.filter((c) => c.required !== 'no');
  if (!header) {
    sink.add(
      'DATA-01',
      sheet.name,
      'A1',
      `Sheet "${sheet.name}": không tìm thấy dòng tiêu đề của bảng trong ${15} dòng đầu. Cần các cột: ${requiredColumns.map((c) => columnHeader(c)).join('; ')}.`,
      `Sheet "${sheet.name}": no header row found in the first 15 rows. Required columns: ${requiredColumns.map((c) => columnHeader(c)).join('; ')}.`,
    );
    return null;
  }
  const usedCols = [...header.columns.values()];
  const nextCol = Math.max(...usedCols) + 1;
  for (const column of requiredColumns) {
    if (header.columns.has(column.key)) continue;
    const cell = a1(header.headerRow, nextCol);
    sink.add(
      'DATA-01',
      sheet.name,
      cell,
      `Sheet "${sheet.name}" thiếu cột "${columnHeader(column)}" (dòng tiêu đề ${header.headerRow + 1}). Thêm cột này, ví dụ ở ô ${cell}.`,
      `Sheet "${sheet.name}" lacks the column "${columnHeader(column)}" (header row ${header.headerRow + 1}). Add it, e.g. at ${cell}.`,
    );
  }

  const left = Math.min(...usedCols);
  const right = Math.max(...usedCols);
  const contentCols = form.columns.filter((c) => !form.numberingColumns.includes(c.key) && header.columns.has(c.key)).map((c) => header.columns.get(c.key) as number);
  const dataRows: number[] = [];
  let totalsRow: number | null = null;
  const end = lastRow(sheet);
  for (let r = header.headerRow + 1; r <= end; r++) {
    const line = sheet.values[r - sheet.originRow] ?? [];
    if (line.length === 0) continue;
    // The first *text* cell (RULES.md 9.12): a pre-numbered order number before "Tổng" does not count.
    let firstText = '';
    for (let c = left; c <= right && !firstText; c++) {
      const v = cellAt(sheet, r, c);
      if (typeof v === 'string') firstText = v.trim();
    }
    // A totals label is a word or two; a member's name (the usual first text) is not folded for this. When it
    // is (a name starting with T or C), without the run's memo: names do not repeat and would only fill it.
    if (firstText && firstText.length <= TOTALS_MAX_TEXT && TOTALS_START.has(firstFoldedChar(firstText)) && TOTALS.has(foldLabel(firstText))) {
      totalsRow = r;
      break;
    }
    if (contentCols.some((c) => !isBlank(cellAt(sheet, r, c)))) dataRows.push(r);
  }

  const lastDataRow = totalsRow ?? (dataRows.length ? dataRows[dataRows.length - 1] : header.headerRow);
  reportHiddenAndMerged(sheet, form, header.headerRow, lastDataRow, left, right, sink);
  return { sheet, headerRow: header.headerRow, columns: header.columns, dataRows, totalsRow };
}


/** DATA-07: merged or hidden cells between the header and the table's last row. */
function reportHiddenAndMerged(sheet: SheetGrid, form: TableForm, headerRow: number, lastDataRow: number, left: number, right: number, sink: IssueSink): void {
  if (lastDataRow <= headerRow) return;
  for (const m of sheet.merges ?? []) {
    if (m.bottom <= headerRow || m.top > lastDataRow || m.right < left || m.left > right) continue;
    const cell = a1(Math.max(m.top, headerRow + 1), Math.max(m.left, left));
    const range = `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`;
    sink.add(
      'DATA-07',
      sheet.name,
      cell,
      `Sheet "${sheet.name}": các ô ${range} bị gộp trong bảng dữ liệu. Bỏ gộp ô (Unmerge) và nhập giá trị vào từng ô để số liệu được đọc đúng.`,
      `Sheet "${sheet.name}": cells ${range} are merged inside the data table. Unmerge them and fill each cell.`,
    );
  }
  const hiddenRows = (sheet.hiddenRows ?? []).filter((r) => r > headerRow && r <= lastDataRow);
  if (hiddenRows.length > 0) {
    const cell = a1(hiddenRows[0], left);
    const list = hiddenRows.slice(0, 10).map((r) => r + 1).join(', ') + (hiddenRows.length > 10 ? ', …' : '');
    sink.add(
      'DATA-07',
      sheet.name,
      cell,
      `Sheet "${sheet.name}": có ${hiddenRows.length} dòng bị ẩn trong bảng (dòng ${list}). Dòng ẩn vẫn được tính; bỏ ẩn (Unhide) để kiểm tra lại.`,
      `Sheet "${sheet.name}": ${hiddenRows.length} hidden row(s) inside the table (rows ${list}). They still count; unhide them to review.`,
    );
  }
  const hiddenCols = (sheet.hiddenCols ?? []).filter((c) => c >= left && c <= right);
  if (hiddenCols.length > 0) {
    const cell = a1(headerRow, hiddenCols[0]);
    sink.add(
      'DATA-07',
      sheet.name,
      cell,
      `Sheet "${sheet.name}": cột ${hiddenCols.map(columnLetter).join(', ')} bị ẩn trong bảng "${form.sheet}". Bỏ ẩn cột để kiểm tra lại.`,
      `Sheet "${sheet.name}": column(s) ${hiddenCols.map(columnLetter).join(', ')} hidden inside the table. Unhide them to review.`,
    );
  }
}

/** What reading a table's rows needs of its columns, worked out once per table, not once per cell. */
interface RowPlan {
  readonly labels: readonly string[];
  /** Each form column's sheet column, or -1 where the sheet has none. */
  readonly cols: readonly number[];
  readonly firstCol: number;
  /** Every column key, undefined: each row's record starts as a copy, with all its keys in place. */
  readonly blank: Readonly<Record<string, AnyLocated | undefined>>;
}

function rowPlan(table: RawTable, form: TableForm): RowPlan {
  return {
    labels: form.columns.map(columnHeader),
    cols: form.columns.map((c) => table.columns.get(c.key) ?? -1),
    firstCol: Math.min(...table.columns.values()),
    blank: Object.fromEntries(form.columns.map((c) => [c.key, undefined])),
  };
}

function readRow(table: RawTable, form: TableForm, plan: RowPlan, r: number, sink: IssueSink, scope: Scope): Record<string, AnyLocated> {
  const out = { ...plan.blank } as Record<string, AnyLocated>;
  const sheet = table.sheet;
  const line = sheet.values[r - sheet.originRow] ?? [];
  const labels = plan.labels;
  for (let i = 0; i < form.columns.length; i++) {
    const column = form.columns[i];
    const col = plan.cols[i];
    if (col < 0) {
      out[column.key] = absent(sheet.name, a1(r, plan.firstCol));
      continue;
    }
    const raw = line[col - sheet.originCol] ?? null;
    const located = readTyped(column.type, raw, sheet.name, r, col, labels[i], sink, column.max, scope);
    out[column.key] = located;
    // 'column' leaves an empty cell to the rules: a blank count or score means what RULES.md 9.20 says.
    if (column.required === 'always' && !located.filled && column.type !== 'yesno') {
      sink.add(
        'DATA-01',
        sheet.name,
        located.cell,
        `Sheet "${sheet.name}", ô ${located.cell}: chưa nhập "${labels[i]}" ở dòng ${r + 1}. Cột này bắt buộc.`,
        `Sheet "${sheet.name}", cell ${located.cell}: "${labels[i]}" is empty on row ${r + 1}; the column is required.`,
      );
    }
  }
  return out;
}

function readTable<Row>(sheet: SheetGrid, form: TableForm, sink: IssueSink, build: (cells: Record<string, AnyLocated>, row: number, scope: Scope) => Row, scope: Scope): TableRead<Row> | null {
  const table = locateTable(sheet, form, sink, scope);
  if (!table) return null;
  const plan = rowPlan(table, form);
  const rows = table.dataRows.map((r) => build(readRow(table, form, plan, r, sink, scope), r + 1, scope));
  return { sheet: sheet.name, headerRow: table.headerRow + 1, rows, columns: table.columns, totalsRow: table.totalsRow === null ? null : table.totalsRow + 1 };
}

const as = <T>(located: AnyLocated): Located<T> => located as Located<T>;

function keyOf(name: AnyLocated, scope: Scope): string {
  return typeof name.value === 'string' ? nameKey(name.value, scope.names) : '';
}

function buildRollMember(c: Record<string, AnyLocated>, row: number, scope: Scope): RollMember {
  // hd43-2025's roll columns (HD43_ROLL_FORM): under hd27-2014 one absent cell for the four, at the name.
  const none = c.suspended && c.sickMonths && c.maternity && c.degraded ? undefined : absent(c.name.sheet, c.name.cell);
  return {
    row,
    stt: as(c.stt),
    name: as(c.name),
    nameKey: keyOf(c.name, scope),
    birthDate: as(c.birthDate),
    admissionDate: as(c.admissionDate),
    membership: as(c.membership),
    exempt: as(c.exempt),
    temporary: as(c.temporary),
    present: as(c.present),
    selfReviewed: as(c.selfReviewed),
    leader: as(c.leader),
    civilServant: as(c.civilServant),
    civilRating: as(c.civilRating),
    cstd: as(c.cstd),
    commendation: as(c.commendation),
    disciplined: as(c.disciplined),
    failedTasks: as(c.failedTasks),
    violation: as(c.violation),
    disobedience: as(c.disobedience),
    note: as(c.note),
    suspended: as(c.suspended ?? none),
    sickMonths: as(c.sickMonths ?? none),
    maternity: as(c.maternity ?? none),
    degraded: as(c.degraded ?? none),
  };
}

function buildTallyRow(c: Record<string, AnyLocated>, row: number, scope: Scope): TallyRow {
  return {
    row,
    stt: as(c.stt),
    name: as(c.name),
    nameKey: keyOf(c.name, scope),
    r1Good: as(c.r1Good),
    r1Done: as(c.r1Done),
    r1Failed: as(c.r1Failed),
    r1Excellent: as(c.r1Excellent),
    r1Total: as(c.r1Total),
    r2Excellent: as(c.r2Excellent),
  };
}

/** A scoring sheet's row: its score columns in the form's order (five criteria in 2014, two groups in 2025). */
function scoreRowBuilder(form: TableForm) {
  const keys = form.columns.filter((col) => col.type === 'score').map((col) => col.key);
  return (c: Record<string, AnyLocated>, row: number): ScoreSheetRow => ({ row, sheetNo: as(c.sheetNo), scores: keys.map((k) => as<number>(c[k])), total: as(c.total) });
}

function buildLeaderRow(c: Record<string, AnyLocated>, row: number): LeaderRow {
  return {
    row,
    stt: as(c.stt),
    name: as(c.name),
    position: as(c.position),
    btv: as(c.btv),
    votes: { HTXSNV: as(c.excellent), HTTNV: as(c.good), HTNV: as(c.done), KHTNV: as(c.failed) },
  };
}

function readInfo(sheet: SheetGrid, form: FieldsForm, anyRound2Vote: boolean, sink: IssueSink, scope: Scope): ChiBoInfo {
  const { values: f, hits } = readFieldsInto(sheet, form.fields, sink, undefined, (field) => !field.condition && (field.required === 'yes' || (field.required === 'round2' && anyRound2Vote)), scope);
  const condition = (key: string): Located<boolean> => {
    const hit = hits.get(key);
    return as(hit ? emptyConditionIsUnanswered(f[key], hit.value) : f[key]);
  };
  return {
    sheet: sheet.name,
    dangBo: as(f.dangBo),
    chiBo: as(f.chiBo),
    year: as(f.year),
    meetingDate: as(f.meetingDate),
    reportDate: as(f.reportDate),
    draftSentDate: as(f.draftSentDate),
    officialPresent: as(f.officialPresent),
    round1: { issued: as(f.r1Issued), returned: as(f.r1Returned), valid: as(f.r1Valid) },
    round2: { issued: as(f.r2Issued), returned: as(f.r2Returned), valid: as(f.r2Valid) },
    excellentUnited: condition('excellentUnited'),
    goodUnited: condition('goodUnited'),
    meetingsRegular: condition('meetingsRegular'),
    leadersDisciplined: condition('leadersDisciplined'),
    disunity: condition('disunity'),
    corruption: condition('corruption'),
    orgRating: as(f.orgRating),
    lowestOrgCount: as(f.lowestOrgCount),
    ...(form.fields.some((field) => field.key === 'cbAssigned')
      ? {
          tasks: { assigned: as(f.cbAssigned), completed: as(f.cbCompleted), onTime: as(f.cbOnTime), exceeded: as(f.cbExceeded) },
          subordinateDisciplined: condition('subordinateDisciplined'),
          committeeScore: { common: as(f.committeeCommon), tasks: as(f.committeeTasks) },
        }
      : {}),
  };
}

function readLeaders(sheet: SheetGrid, sink: IssueSink, scope: Scope): LeadersRead | null {
  const table = readTable(sheet, LEADERS_FORM, sink, buildLeaderRow, scope);
  if (!table) return null;
  const { values: fields } = readFieldsInto(sheet, LEADERS_FORM.fields ?? [], sink, { top: sheet.originRow, bottom: table.headerRow - 2 }, (f) => f.required === 'yes' && table.rows.length > 0, scope);
  return { ...table, place: as(fields.place), issued: as(fields.issued), valid: as(fields.valid), reviewDate: as(fields.reviewDate), draftSentDate: as(fields.draftSentDate) };
}

function buildScheduleRow(c: Record<string, AnyLocated>, row: number, scope: Scope): ScheduleRow {
  const name = as<string>(c.chiBo);
  return {
    row,
    chiBo: name,
    key: name.value ? chiBoKey(name.value, scope.locate.folds) : '',
    meetingDate: as(c.meetingDate),
    inCharge: as(c.inCharge),
    reportDue: as(c.reportDue),
    exemplary: as(c.exemplary),
  };
}

function readPlan(sheet: SheetGrid, sink: IssueSink, scope: Scope): PlanRead | null {
  const table = readTable(sheet, PLAN_FORM, sink, buildScheduleRow, scope);
  if (!table) return null;
  const { values: fields } = readFieldsInto(sheet, PLAN_FORM.fields ?? [], sink, { top: sheet.originRow, bottom: table.headerRow - 2 }, () => false, scope);
  return { ...table, year: as(fields.year) };
}

function readDossier(sheet: SheetGrid, form: TableForm, sink: IssueSink, scope: Scope): DossierRead | null {
  const leaders = form.key === 'leaderDossier';
  const docKeys = form.columns.filter((c) => c.type === 'yesno' && c.key !== 'managed').map((c) => c.key);
  const table = readTable(sheet, form, sink, (c, row): DossierRow => {
    const subject = as<string>(c.subject);
    const docs: Record<string, Located<boolean>> = {};
    for (const key of docKeys) docs[key] = as(c[key]);
    const key = subject.value ? (leaders ? nameKey(subject.value, scope.names) : chiBoKey(subject.value, scope.locate.folds)) : '';
    return { row, subject, key, position: as(c.position ?? absent(sheet.name, 'A1')), managed: as(c.managed ?? absent(sheet.name, 'A1')), docs };
  }, scope);
  if (!table) return null;
  if (!leaders) return { ...table, collective: null, collectiveDocs: {} };
  const { values: fields } = readFieldsInto(sheet, form.fields ?? [], sink, { top: sheet.originRow, bottom: table.headerRow - 2 }, () => false, scope);
  const collectiveDocs: Record<string, Located<boolean>> = {};
  for (const doc of COLLECTIVE_DOCUMENTS) collectiveDocs[doc.key] = as(fields[doc.key]);
  return { ...table, collective: as(fields.collective), collectiveDocs };
}

/** Reads a chi bộ's workbook. Issues go to the sink; the result holds what could be read. */
export function readChiBoWorkbook(workbook: WorkbookModel, sink: IssueSink, forms: ChiBoForms = HD27_FORMS, run: RunContext = newRunContext()): ChiBoWorkbook {
  const { info: INFO, roll: ROLL, tally: TALLY, scores: SCORES } = forms;
  const scope = scopeOf(workbook, run);
  const taken = new Set<SheetGrid>();
  const sheets = new Map<FormDef, SheetGrid | null>();
  // Every form by its sheet's name first, then the rest by a title or form code in their first rows.
  // The schedule and dossier sheets come first: their headers name forms (03-KĐ.ĐV, 05-ĐG.CBLĐQL …)
  // that would otherwise let a chi bộ form take a dossier sheet for its own when its sheet is missing.
  // A rule set's own sheets (hd43-2025's `Bộ tiêu chí`, `Chấm điểm đảng viên`) are taken first by name, so
  // that no other form takes them by their titles; their readers find them again.
  const own25 = [forms.criteria, forms.memberScores].filter((f): f is TableForm => f !== undefined);
  for (const form of own25) {
    const sheet = findSheet(workbook, form, taken, 'name', scope.locate);
    if (sheet) taken.add(sheet);
  }
  const order = [PLAN_FORM, CHI_BO_DOSSIER_FORM, LEADER_DOSSIER_FORM, TALLY, SCORES, LEADERS_FORM, ROLL, INFO];
  for (const by of ['name', 'content'] as const) {
    for (const form of order) {
      if (sheets.get(form)) continue;
      const sheet = findSheet(workbook, form, taken, by, scope.locate);
      if (sheet) taken.add(sheet);
      sheets.set(form, sheet);
    }
  }
  const chiBoForms = [INFO, ROLL, TALLY, SCORES];
  const wardForms = [PLAN_FORM, CHI_BO_DOSSIER_FORM, LEADER_DOSSIER_FORM, LEADERS_FORM];
  const role = chiBoForms.every((f) => !sheets.get(f)) && wardForms.some((f) => sheets.get(f)) ? 'plan' : 'chi-bo';

  const rollSheet = sheets.get(ROLL);
  const tallySheet = sheets.get(TALLY);
  const scoresSheet = sheets.get(SCORES);
  const leadersSheet = sheets.get(LEADERS_FORM);
  const infoSheet = sheets.get(INFO);
  const planSheet = sheets.get(PLAN_FORM);
  const chiBoDossierSheet = sheets.get(CHI_BO_DOSSIER_FORM);
  const leaderDossierSheet = sheets.get(LEADER_DOSSIER_FORM);

  // The chi bộ sheets are read into their own sink: a workbook whose chi bộ sheets are all blank but whose
  // schedule, dossier or leaders' sheet holds rows is the ward's plan, and a blank form is not its error.
  const own = newIssueSink();
  // Date cells are serials in the workbook's date system (scope.date1904); the readers never shift them.
  const roll = rollSheet ? readTable(rollSheet, ROLL, own, buildRollMember, scope) : null;
  const tally = tallySheet ? readTable(tallySheet, TALLY, own, buildTallyRow, scope) : null;
  const scores = scoresSheet ? readTable(scoresSheet, SCORES, own, scoreRowBuilder(SCORES), scope) : null;
  const anyRound2Vote = (tally?.rows ?? []).some((t) => (t.r2Excellent.value ?? 0) > 0);
  const info = infoSheet ? readInfo(infoSheet, INFO, anyRound2Vote, own, scope) : null;

  const leaders = leadersSheet ? readLeaders(leadersSheet, sink, scope) : null;
  const plan = planSheet ? readPlan(planSheet, sink, scope) : null;
  const chiBoDossier = chiBoDossierSheet ? readDossier(chiBoDossierSheet, CHI_BO_DOSSIER_FORM, sink, scope) : null;
  const leaderDossier = leaderDossierSheet ? readDossier(leaderDossierSheet, LEADER_DOSSIER_FORM, sink, scope) : null;
  const blankChiBo = !info?.chiBo.filled && !roll?.rows.length && !tally?.rows.length && !scores?.rows.length;
  const wardRows = Boolean(plan?.rows.length || chiBoDossier?.rows.length || leaderDossier?.rows.length || leaders?.rows.length);
  if (role === 'chi-bo' && blankChiBo && wardRows) {
    return { info: null, roll: null, tally: null, scores: null, leaders, plan, chiBoDossier, leaderDossier, role: 'plan', found: sheets };
  }
  // One by one: a roll of 200,000 rows can hold more issues than a call may take arguments.
  for (const issue of own.list) sink.list.push(issue);
  return { info, roll, tally, scores, leaders, plan, chiBoDossier, leaderDossier, role, found: sheets };
}

/*
 * Rule set hd43-2025 (RULES-2025.md §7): read only by that rule set's engine; nothing above calls these,
 * so hd27-2014's reading is unchanged.
 */

/** `Thông tin chi bộ`'s "Bộ quy tắc": the sheet by its name, else by its title, as the reader finds it. */
export function readRuleSetField(workbook: WorkbookModel, run: RunContext = newRunContext()): Located<string> | null {
  const none = new Set<SheetGrid>();
  const memo = locateMemo(run);
  const sheet = findSheet(workbook, INFO_FORM, none, 'name', memo) ?? findSheet(workbook, INFO_FORM, none, 'content', memo);
  if (!sheet) return null;
  // Among the sheet's first rows: a sheet taken for the info sheet by its title may be a long one.
  const hit = findFields(sheet, [RULE_SET_FIELD], { top: sheet.originRow, bottom: Math.min(lastRow(sheet), sheet.originRow + 199) }, memo).get(RULE_SET_FIELD.key);
  if (!hit) return null;
  return as(locatedOf(parseText(hit.value), sheet.name, a1(hit.row, hit.col)));
}

export type { CriteriaRead, CriteriaRowRead, SettingCellRead } from './model';

/** Rows of a sheet as a sheet of their own (same coordinates), so a table is looked for only there. */
function rowsWindow(sheet: SheetGrid, top: number, bottom: number): SheetGrid {
  const from = Math.max(0, top - sheet.originRow);
  const to = Math.max(from, bottom - sheet.originRow + 1);
  return {
    ...sheet,
    values: sheet.values.slice(from, to),
    originRow: sheet.originRow + from,
    fonts: sheet.fonts?.slice(from, to),
    hiddenRows: sheet.hiddenRows?.filter((r) => r >= top && r <= bottom),
  };
}

/** The rows whose only text is one of a part's titles ("Tiêu chí đánh giá đảng viên"). */
function sectionRows(sheet: SheetGrid): { members: number | null; chiBo: number | null; settings: number | null } {
  const out: { members: number | null; chiBo: number | null; settings: number | null } = { members: null, chiBo: null, settings: null };
  const sections = CRITERIA_FORM.sections;
  for (let i = 0; i < sheet.values.length; i++) {
    const texts = (sheet.values[i] ?? []).filter((v) => typeof v === 'string' && v.trim() !== '') as string[];
    if (texts.length !== 1) continue;
    const folded = foldLabel(texts[0].replace(/:\s*$/, ''));
    const r = sheet.originRow + i;
    if (out.members === null && sections.members.includes(folded)) out.members = r;
    else if (out.chiBo === null && sections.chiBo.includes(folded)) out.chiBo = r;
    else if (out.settings === null && sections.settings.includes(folded)) out.settings = r;
  }
  return out;
}

function buildCriteriaRow(c: Record<string, AnyLocated>, row: number, sheet: SheetGrid): CriteriaRowRead {
  const max = c.max;
  const groupCol = c.group;
  const rawAt = (located: AnyLocated): CellValue => {
    if (located.absent) return null;
    const p = /^([A-Z]+)(\d+)$/.exec(located.cell);
    if (!p) return null;
    let col = 0;
    for (const ch of p[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
    return cellAt(sheet, Number(p[2]) - 1, col - 1);
  };
  return { row, group: as(groupCol), groupRaw: rawAt(groupCol), criterion: as(c.criterion), max: as(max), maxShown: shown(rawAt(max)) };
}

/**
 * `Bộ tiêu chí`: the members' table, the chi bộ's, the settings. Each part starts at its title row; without
 * titles, the first table is the members'. Missing columns are DATA-01, as on every sheet.
 */
export function readCriteria(workbook: WorkbookModel, sink: IssueSink, run: RunContext = newRunContext()): CriteriaRead | null {
  const scope = scopeOf(workbook, run);
  const sheet = findSheet(workbook, CRITERIA_FORM, new Set(), 'both', scope.locate);
  if (!sheet) return null;
  const end = lastRow(sheet);
  const at = sectionRows(sheet);
  const membersTop = at.members ?? sheet.originRow;
  const chiBoTop = at.chiBo;
  const settingsTop = at.settings ?? end + 1;
  const membersBottom = (chiBoTop !== null && chiBoTop > membersTop ? chiBoTop : settingsTop) - 1;
  const table = (top: number, bottom: number) => {
    if (bottom < top) return null;
    const window = rowsWindow(sheet, top, bottom);
    return readTable(window, CRITERIA_FORM, sink, (c, row) => buildCriteriaRow(c, row, window), scope);
  };
  const members = table(membersTop, membersBottom);
  const chiBo = chiBoTop === null ? null : table(chiBoTop, settingsTop - 1);
  const hits = findFields(sheet, CRITERIA_SETTING_FIELDS, at.settings === null ? undefined : { top: at.settings, bottom: end }, scope.locate);
  const settings = CRITERIA_FORM.settings.map((s): SettingCellRead => {
    const hit = hits.get(s.key);
    return { key: s.key, label: s.label, cell: hit ? a1(hit.row, hit.col) : null, raw: hit ? hit.value : null };
  });
  return { sheet: sheet.name, members, chiBo, settings };
}

/** A row of `Chấm điểm đảng viên`, as typed (M25-03, M25-04 check it: rules/m25.ts). */
export interface MemberScoreRowRead {
  readonly row: number;
  readonly stt: Located<number>;
  readonly name: Located<string>;
  readonly nameKey: string;
  readonly common: Located<number>;
  readonly tasks: Located<number>;
  readonly total: Located<number>;
  readonly assigned: Located<number>;
  readonly onTime: Located<number>;
  readonly exceeded: Located<number>;
  readonly pointedOut: Located<number>;
  readonly fixed: Located<number>;
  readonly selfScore: Located<number>;
  readonly committeeScore: Located<number>;
  /** M25-02: the scores of the đảng ủy's criteria, where the sheet has a column per criterion. */
  readonly criteria: readonly { readonly index: number; readonly cell: Located<number> }[];
}

/** A criterion of `Bộ tiêu chí` whose column `Chấm điểm đảng viên` may carry (M25-02). */
export interface CriterionColumn {
  readonly name: string;
}

/**
 * `Chấm điểm đảng viên`. Besides the form's columns, a column headed by one of the đảng ủy's criteria
 * (its name, optionally followed by "(tối đa …)") holds that criterion's score: `criteria` of each row,
 * by the criterion's index.
 */
export function readMemberScores(workbook: WorkbookModel, sink: IssueSink, criteria: readonly CriterionColumn[] = [], run: RunContext = newRunContext()): TableRead<MemberScoreRowRead> | null {
  const scope = scopeOf(workbook, run);
  const sheet = findSheet(workbook, MEMBER_SCORES_FORM, new Set(), 'both', scope.locate);
  if (!sheet) return null;
  const table = readTable(sheet, MEMBER_SCORES_FORM, sink, (c, row): MemberScoreRowRead => ({
    row,
    stt: as(c.stt),
    name: as(c.name),
    nameKey: keyOf(c.name, scope),
    common: as(c.common),
    tasks: as(c.tasks),
    total: as(c.total),
    assigned: as(c.assigned),
    onTime: as(c.onTime),
    exceeded: as(c.exceeded),
    pointedOut: as(c.pointedOut),
    fixed: as(c.fixed),
    selfScore: as(c.selfScore),
    committeeScore: as(c.committeeScore),
    criteria: [],
  }), scope);
  if (!table || criteria.length === 0) return table;
  const columns = criterionColumns(sheet, table.headerRow - 1, new Set(table.columns.values()), criteria);
  if (columns.length === 0) return table;
  const rows = table.rows.map((r) => {
    const line = sheet.values[r.row - 1 - sheet.originRow] ?? [];
    const cells = columns.map(({ index, col }) => ({ index, cell: readTyped('number', line[col - sheet.originCol] ?? null, sheet.name, r.row - 1, col, criteria[index].name, sink, undefined, scope) as Located<number> }));
    return { ...r, criteria: cells };
  });
  return { ...table, rows };
}

/** The header cells (the header row and the one above it) that name a criterion, outside the form's columns. */
function criterionColumns(sheet: SheetGrid, headerRow: number, taken: ReadonlySet<number>, criteria: readonly CriterionColumn[]): { index: number; col: number }[] {
  const names = criteria.map((c) => foldLabel(c.name));
  const out: { index: number; col: number }[] = [];
  const used = new Set<number>();
  for (const r of [headerRow, headerRow - 1]) {
    const line = sheet.values[r - sheet.originRow];
    if (!line) continue;
    line.forEach((v, i) => {
      const col = sheet.originCol + i;
      if (typeof v !== 'string' || taken.has(col) || out.some((o) => o.col === col)) return;
      const folded = foldLabel(v);
      const index = names.findIndex((n, k) => n !== '' && !used.has(k) && (folded === n || folded.startsWith(`${n} `)));
      if (index < 0) return;
      used.add(index);
      out.push({ index, col });
    });
  }
  return out;
}
