/** DATA rules (RULES.md section 8): what makes a workbook readable at all. */
import type { RuleMeta } from './catalogue';
import type { ChiBoWorkbook, RollMember, TallyRow } from '../forms/model';
import { foldLabel } from '../text/normalize';
import { formatDate } from '../values/dates';
import type { Eligibility } from './elig';
import type { IssueSink } from './issue';
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
  const seen = new Map<string, RollMember>();
  for (const m of roll.rows) {
    const birth = m.birthDate.value;
    if (!m.nameKey || !birth) continue;
    const key = `${m.nameKey}|${formatDate(birth)}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, m);
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
  const matched = new Map<RollMember, TallyRow>();
  const { roll, tally } = input;
  if (!roll || !tally) return matched;

  const rollByKey = groupBy(roll.rows.filter((m) => m.nameKey), (m) => m.nameKey);
  const unmatchedTally: TallyRow[] = [];
  for (const [key, tallies] of groupBy(tally.rows.filter((t) => t.nameKey), (t) => t.nameKey)) {
    const members = [...(rollByKey.get(key) ?? [])];
    const rest: TallyRow[] = [];
    // Same name more than once: pair by order number first.
    for (const t of tallies) {
      const i = members.length > 1 || tallies.length > 1 ? members.findIndex((m) => m.stt.value !== null && m.stt.value === t.stt.value) : -1;
      if (i >= 0) {
        matched.set(members[i], t);
        members.splice(i, 1);
      } else rest.push(t);
    }
    for (const t of rest) {
      const m = members.shift();
      if (m) matched.set(m, t);
      else unmatchedTally.push(t);
    }
  }

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

  for (const m of roll.rows) {
    if (!m.nameKey || matched.has(m) || eligibilityOf(m).status !== 'eligible') continue;
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
