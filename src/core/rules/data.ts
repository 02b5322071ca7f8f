/** DATA rules (RULES.md section 8): what makes a workbook readable at all. */
import type { RuleMeta } from './catalogue';
import { a1, cellAt, isCellError, presentColumns, type SheetGrid } from '../grid';
import { CHI_BO_DOSSIER_FORM, type ChiBoForms, columnHeader, type FormDef, HD27_FORMS, LEADER_DOSSIER_FORM, LEADERS_FORM, PLAN_FORM, type TableForm } from '../forms/definitions';
import type { ChiBoWorkbook, Located, RollMember, TableRead, TallyRow } from '../forms/model';
import { foldLabel } from '../text/normalize';
import { compareDates, type DateOnly, formatDate } from '../values/dates';
import { parseNumber } from '../values/parse';
import type { Eligibility } from './elig';
import type { IssueSink } from '../issues';
import { encodingName, type LegacyFinding } from '../text/legacy';

export const DATA_RULES: readonly RuleMeta[] = [
  { id: 'DATA-01', severity: 'error', seed: 'RULES.md 8', title: 'Thiếu cột, thiếu sheet hoặc thiếu nội dung bắt buộc', titleEn: 'Required sheet, column or field missing or empty' },
  { id: 'DATA-02', severity: 'error', seed: 'RULES.md 8', title: 'Giá trị không thuộc danh sách cho phép', titleEn: 'Value not in the accepted list' },
  { id: 'DATA-03', severity: 'error', seed: 'RULES.md 8', title: 'Ngày không hợp lệ', titleEn: 'Invalid date' },
  { id: 'DATA-04', severity: 'error', seed: 'RULES.md 8', title: 'Ô chứa lỗi công thức', titleEn: 'Cell holds a formula error' },
  { id: 'DATA-05', severity: 'error', seed: 'RULES.md 8', title: 'Một người có hai dòng trong danh sách', titleEn: 'Same person twice in the roll' },
  { id: 'DATA-06', severity: 'warning', seed: 'RULES.md 8', title: 'Chữ gõ bằng bảng mã cũ (TCVN3, VNI)', titleEn: 'Text in a legacy Vietnamese encoding' },
  { id: 'DATA-07', severity: 'warning', seed: 'RULES.md 8', title: 'Ô gộp hoặc ẩn trong bảng dữ liệu', titleEn: 'Merged or hidden cells inside a data table' },
  { id: 'DATA-08', severity: 'error', seed: 'RULES.md 8', title: 'Kiểm phiếu và danh sách đảng viên không khớp', titleEn: 'Ballot tally and roll do not match' },
  { id: 'DATA-09', severity: 'error', seed: 'RULES.md 8', title: 'Tổng do người nhập khác tổng tính được', titleEn: 'Entered total differs from the computed sum' },
];

/** The forms in the order their sheets are reported missing. */
/** The sheets checked as wholes, in workbook-contract order; the chi bộ's four are the rule set's. */
const formsInOrder = (forms: ChiBoForms): readonly FormDef[] => [forms.info, forms.roll, forms.tally, forms.scores, LEADERS_FORM, PLAN_FORM, CHI_BO_DOSSIER_FORM, LEADER_DOSSIER_FORM];

/**
 * The rules on whole sheets, run once on what the reader found: DATA-04 on every cell showing a formula
 * error, DATA-01 for a missing sheet, DATA-09 for a totals row, DATA-03 for a date after the meeting.
 * Returns the workbook with those dates unknown (RULES.md 9.21): a date after the meeting is no date.
 */
export function checkSheets(input: ChiBoWorkbook, sink: IssueSink, forms: ChiBoForms = HD27_FORMS, optional: ReadonlySet<FormDef> = new Set()): ChiBoWorkbook {
  for (const form of formsInOrder(forms)) {
    const sheet = input.found.get(form);
    if (sheet) reportFormulaErrors(sheet, sink);
    else if (!(form.kind === 'table' && form.optionalSheet) && !optional.has(form) && input.role === 'chi-bo') reportMissingSheet(form, sink);
  }
  const tallySheet = input.found.get(forms.tally);
  const tally = input.tally;
  if (tallySheet && tally) reportTotalsRow(tallySheet, tally, forms.tally, (key) => tally.rows.map((t) => t[key as keyof TallyRow] as Located<number>), sink);
  const scoresSheet = input.found.get(forms.scores);
  const scores = input.scores;
  const scoreKeys = forms.scores.columns.filter((c) => c.type === 'score').map((c) => c.key);
  if (scoresSheet && scores) reportTotalsRow(scoresSheet, scores, forms.scores, (key) => scores.rows.map((s) => (key === 'total' ? s.total : s.scores[scoreKeys.indexOf(key)])), sink);
  return withDatesAfterMeetingUnknown(input, sink);
}

/** DATA-04: every cell of an input sheet that shows a formula error. */
function reportFormulaErrors(sheet: SheetGrid, sink: IssueSink): void {
  for (let r = 0; r < sheet.values.length; r++) {
    const line = sheet.values[r];
    if (!line) continue;
    // A wide sparse row (a value in column XFD) is walked by its cells, not its width.
    const present = presentColumns(line);
    for (let i = 0, count = present ? present.length : line.length; i < count; i++) {
      const c = present ? present[i] : i;
      const v = line[c];
      if (isCellError(v)) {
        const cell = a1(sheet.originRow + r, sheet.originCol + c);
        sink.add(
          'DATA-04',
          sheet.name,
          cell,
          `Sheet "${sheet.name}", ô ${cell} chứa lỗi công thức ${v.error}. Sửa công thức hoặc nhập giá trị trực tiếp.`,
          `Sheet "${sheet.name}", cell ${cell} shows the formula error ${v.error}. Fix the formula or type the value.`,
        );
      }
    }
  }
}

function reportMissingSheet(form: FormDef, sink: IssueSink): void {
  sink.add(
    'DATA-01',
    form.sheet,
    null,
    `Không tìm thấy sheet "${form.sheet}". Thêm sheet này (nút "Tạo mẫu" hoặc lệnh xeploai template tạo sẵn) hoặc đổi tên sheet đang có cho đúng.`,
    `Sheet "${form.sheet}" was not found. Add it (the template creates it) or rename the existing sheet.`,
  );
}

/**
 * DATA-09 for a totals row ("Tổng"/"Cộng") the clerk typed under a table: each number in it must equal
 * the column's sum. Columns the clerk left empty there are not checked, nor columns holding a cell
 * that could not be read (its value is unknown, so is the sum: RULES.md 9.21).
 */
export function reportTotalsRow(sheet: SheetGrid, table: TableRead<unknown>, form: TableForm, columnCells: (key: string) => readonly Located<number>[], sink: IssueSink): void {
  if (table.totalsRow === null) return;
  const r = table.totalsRow - 1;
  for (const column of form.columns) {
    if (form.numberingColumns.includes(column.key) || !['count', 'score', 'number'].includes(column.type)) continue;
    const col = table.columns.get(column.key);
    if (col === undefined) continue;
    const entered = parseNumber(cellAt(sheet, r, col));
    if (entered.kind !== 'ok') continue;
    const cells = columnCells(column.key);
    if (cells.some((c) => c.filled && c.value === null)) continue;
    const sum = cells.reduce<number>((acc, c) => acc + (c.value ?? 0), 0);
    if (Math.abs(sum - entered.value) > 1e-9) {
      const cell = a1(r, col);
      sink.add(
        'DATA-09',
        sheet.name,
        cell,
        `Sheet "${sheet.name}", ô ${cell} (dòng tổng, cột "${columnHeader(column)}"): ghi ${entered.value} nhưng cộng các dòng được ${sum}. Sửa số tổng cho đúng.`,
        `Sheet "${sheet.name}", cell ${cell} (totals row, "${columnHeader(column)}"): entered ${entered.value} but the rows add up to ${sum}.`,
      );
    }
  }
}

/**
 * DATA-03's second half: a birth or admission date after the meeting cannot be right. The date is then
 * unknown (RULES.md 9.21): ELIG-02 does not read it as "admitted under six months".
 */
function withDatesAfterMeetingUnknown(input: ChiBoWorkbook, sink: IssueSink): ChiBoWorkbook {
  const meeting = input.info?.meetingDate.value;
  const roll = input.roll;
  if (!meeting || !roll) return input;
  const meetingText = formatDate(meeting);
  const check = (located: Located<DateOnly>, label: string): Located<DateOnly> | null => {
    const d = located.value;
    if (!d || compareDates(d, meeting) <= 0) return null;
    sink.add(
      'DATA-03',
      located.sheet,
      located.cell,
      `Sheet "${located.sheet}", ô ${located.cell} (${label}): ${formatDate(d)} sau ngày họp đánh giá ${meetingText}. Kiểm tra lại ngày (ngày/tháng/năm).`,
      `Sheet "${located.sheet}", cell ${located.cell} (${label}): ${formatDate(d)} is after the meeting date ${meetingText}. Check the date (day/month/year).`,
    );
    return { value: null, sheet: located.sheet, cell: located.cell, filled: true, unreadable: { rule: 'DATA-03', label, shown: formatDate(d) } };
  };
  let changed = false;
  const rows = roll.rows.map((m) => {
    const birthDate = check(m.birthDate, 'Ngày sinh');
    const admissionDate = check(m.admissionDate, 'Ngày vào Đảng');
    if (!birthDate && !admissionDate) return m;
    changed = true;
    return { ...m, birthDate: birthDate ?? m.birthDate, admissionDate: admissionDate ?? m.admissionDate };
  });
  return changed ? { ...input, roll: { ...roll, rows } } : input;
}

/**
 * DATA-06: one warning per cell typed in a legacy code, with its Unicode reading. The rest of the
 * check reads the converted text (check.ts), so a roll in TCVN3 still matches a tally in Unicode.
 */
export function reportLegacyText(findings: readonly LegacyFinding[], sink: IssueSink): void {
  for (const f of findings) {
    const code = encodingName(f.encoding);
    sink.add(
      'DATA-06',
      f.sheet,
      f.cell,
      `Sheet "${f.sheet}", ô ${f.cell}: chữ gõ bằng bảng mã cũ ${code} ("${f.text}"), đọc là "${f.converted}". Bấm "Chuyển sang Unicode" (hoặc chạy xeploai convert) để chuyển sang Unicode; khi kiểm tra, chương trình đã đọc theo chữ đã chuyển.`,
      `Sheet "${f.sheet}", cell ${f.cell}: text in the legacy ${code} encoding ("${f.text}"), read as "${f.converted}". Click "Chuyển sang Unicode" (or run xeploai convert) to convert it; the check used the converted text.`,
    );
  }
}

/** DATA-05: the same person (normalised name and date of birth) twice in the roll. */
export function checkDuplicateMembers(input: ChiBoWorkbook, sink: IssueSink): void {
  const roll = input.roll;
  if (!roll) return;
  // By name, then by day (a number): no key text is made for each member of a long roll.
  const seen = new Map<string, Map<number, RollMember>>();
  for (const m of roll.rows) {
    const birth = m.birthDate.value;
    if (!m.nameKey || !birth) continue;
    let byDay = seen.get(m.nameKey);
    if (!byDay) seen.set(m.nameKey, (byDay = new Map()));
    const day = birth.y * 10_000 + birth.m * 100 + birth.d;
    const first = byDay.get(day);
    if (!first) {
      byDay.set(day, m);
      continue;
    }
    sink.add(
      'DATA-05',
      roll.sheet,
      m.name.cell,
      `Sheet "${roll.sheet}", ô ${m.name.cell}: "${m.name.value}" (sinh ${formatDate(birth)}) đã có ở dòng ${first.row} (ô ${first.name.cell}). Xoá dòng trùng hoặc sửa họ tên, ngày sinh cho đúng.`,
      `Sheet "${roll.sheet}", cell ${m.name.cell}: "${m.name.value}" (born ${formatDate(birth)}) is already on row ${first.row}. Delete the duplicate or correct it.`,
    );
  }
}

/**
 * DATA-08: tally rows and roll members are matched by normalised name (RULES.md 9.11); order numbers
 * only separate two rows with the same name. Returns the tally row of each roll member found.
 */
export function matchTallyToRoll(input: ChiBoWorkbook, eligibilityOf: (m: RollMember) => Eligibility, sink: IssueSink): Map<RollMember, TallyRow> {
  const { roll, tally } = input;
  if (!roll || !tally) return new Map<RollMember, TallyRow>();
  const { matched, unmatched: unmatchedTally } = pairWithRoll(roll.rows, tally.rows);

  // Hints come only from members left without a tally row: only their names are folded.
  const rollByFolded = unmatchedTally.length ? groupBy(roll.rows.filter((m) => m.name.value && !matched.has(m)), (m) => foldLabel(String(m.name.value))) : new Map<string, RollMember[]>();
  for (const t of unmatchedTally) {
    const similar = (rollByFolded.get(foldLabel(String(t.name.value))) ?? []).filter((m) => !matched.has(m));
    const hint = similar.length
      ? ` Có phải "${similar[0].name.value}" ở ô ${similar[0].name.cell} sheet "${roll.sheet}"? Sửa cho hai nơi viết giống nhau (kể cả dấu).`
      : ` Thêm đảng viên này vào sheet "${roll.sheet}" hoặc sửa họ tên cho khớp.`;
    const hintEn = similar.length ? ` Did you mean "${similar[0].name.value}" at ${roll.sheet}!${similar[0].name.cell}?` : ` Add the member to "${roll.sheet}" or correct the name.`;
    sink.add(
      'DATA-08',
      tally.sheet,
      t.name.cell,
      `Sheet "${tally.sheet}", ô ${t.name.cell}: "${t.name.value}" có trong kiểm phiếu nhưng không có trong sheet "${roll.sheet}".${hint}`,
      `Sheet "${tally.sheet}", cell ${t.name.cell}: "${t.name.value}" is in the tally but not on the roll "${roll.sheet}".${hintEn}`,
    );
  }

  // A tally name that could not be read may be any missing member's (RULES.md 9.21): DATA-04/02 only.
  const unknownTallyName = tally.rows.some((t) => t.name.unreadable);
  for (const m of roll.rows) {
    if (unknownTallyName || !m.nameKey || matched.has(m) || eligibilityOf(m).status !== 'eligible') continue;
    sink.add(
      'DATA-08',
      roll.sheet,
      m.name.cell,
      `Sheet "${roll.sheet}", ô ${m.name.cell}: "${m.name.value}" thuộc diện phân loại nhưng không có dòng nào trong sheet "${tally.sheet}" (cột Họ và tên). Thêm dòng kiểm phiếu cho đảng viên này, hoặc đánh dấu vắng mặt/chưa kiểm điểm nếu đúng như vậy.`,
      `Sheet "${roll.sheet}", cell ${m.name.cell}: "${m.name.value}" is to be classified but has no row in "${tally.sheet}". Add a tally row, or mark the member absent / not self-reviewed.`,
    );
  }
  return matched;
}

/** DATA-09 for the totals entered on each row: a scoring sheet's "Tổng", a tally row's round-1 total. */
export function checkRowTotals(input: ChiBoWorkbook, sink: IssueSink): void {
  for (const s of input.scores?.rows ?? []) {
    const entered = s.total.value;
    if (entered === null || s.scores.some((c) => c.value === null)) continue;
    const sum = s.scores.reduce((acc, c) => acc + (c.value ?? 0), 0);
    if (Math.abs(sum - entered) > 1e-9) {
      sink.add(
        'DATA-09',
        s.total.sheet,
        s.total.cell,
        `Sheet "${s.total.sheet}", ô ${s.total.cell}: tổng ghi ${entered} nhưng năm tiêu chí cộng lại được ${sum}. Điểm tính theo ${sum}; sửa ô tổng cho đúng.`,
        `Sheet "${s.total.sheet}", cell ${s.total.cell}: total entered ${entered} but the five scores add up to ${sum}. ${sum} is used; correct the total.`,
      );
    }
  }
  for (const t of input.tally?.rows ?? []) {
    const entered = t.r1Total.value;
    const parts = [t.r1Good.value, t.r1Done.value, t.r1Failed.value];
    if (entered === null || parts.some((p) => p === null)) continue;
    const sum = parts.reduce<number>((acc, p) => acc + (p ?? 0), 0);
    if (sum !== entered) {
      sink.add(
        'DATA-09',
        t.r1Total.sheet,
        t.r1Total.cell,
        `Sheet "${t.r1Total.sheet}", ô ${t.r1Total.cell}: tổng phiếu lần 1 ghi ${entered} nhưng ba cột cộng lại được ${sum}. Sửa cho khớp.`,
        `Sheet "${t.r1Total.sheet}", cell ${t.r1Total.cell}: round-1 total entered ${entered} but the three columns add up to ${sum}.`,
      );
    }
  }
}

/**
 * Rows of another sheet (the tally, hd43-2025's scores) paired with the roll by normalised name (RULES.md
 * 9.11); order numbers only separate two rows with the same name. The rows no member takes are returned.
 */
export function pairWithRoll<R extends { readonly nameKey: string; readonly stt: Located<number> }>(members: readonly RollMember[], rows: readonly R[]): { matched: Map<RollMember, R>; unmatched: R[] } {
  const matched = new Map<RollMember, R>();
  const unmatched: R[] = [];
  const rollByKey = groupBy(members.filter((m) => m.nameKey), (m) => m.nameKey);
  for (const [key, same] of groupBy(rows.filter((t) => t.nameKey), (t) => t.nameKey)) {
    const left = [...(rollByKey.get(key) ?? [])];
    const rest: R[] = [];
    // Same name more than once: pair by order number first.
    for (const t of same) {
      const i = left.length > 1 || same.length > 1 ? left.findIndex((m) => m.stt.value !== null && m.stt.value === t.stt.value) : -1;
      if (i >= 0) {
        matched.set(left[i], t);
        left.splice(i, 1);
      } else rest.push(t);
    }
    for (const t of rest) {
      const m = left.shift();
      if (m) matched.set(m, t);
      else unmatched.push(t);
    }
  }
  return { matched, unmatched };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
