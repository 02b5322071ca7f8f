/**
 * The blank input sheets of FORMS.md, built from the same definitions the reader uses (so a template
 * is always readable), with the official heading and a dropdown or a check on every typed column.
 * Rendered to a file by `xeploai template` and into the open workbook by the task pane's "Tạo mẫu".
 */
import { type ColumnDef, CRITERIA_FORM, CRITERIA_GROUPS, type FieldDef, type FieldsForm, type FormDef, INFO_FORM, PROC_FORMS, RULE_SET_FIELD, type SettingDef, type TableForm, type ValueType } from '../forms/definitions';
import type { CriteriaRead } from '../forms/reader';
import type { CellValue } from '../grid';
import { RULE_SETS } from '../ruleSets';
import { HD27_2014 } from '../ruleSets/hd27-2014';
import type { AnyRuleSet } from '../ruleSets/types';
import { shownDefault } from '../rules/cfg25';
import { CIVIL_SERVICE_RATING, displayValue, MEMBERSHIP, ORG_RATING } from '../values/parse';
import { type CellStyle, LayoutBuilder, type SheetLayout, type ValidationRule, wrappedLines } from './layout';

/** Where a table landed: 1-based first data row and column numbers by key. */
export interface TableLayout {
  readonly sheet: string;
  readonly firstDataRow: number;
  readonly columns: ReadonlyMap<string, number>;
}

/** A table with header fields above it: 1-based rows of the fields, and the column of their values. */
export type TableWithFields = TableLayout & { readonly fieldRows: ReadonlyMap<string, number>; readonly valueColumn: number };

export interface TemplatePositions {
  readonly info: { readonly sheet: string; readonly valueColumn: number; readonly rows: ReadonlyMap<string, number> };
  readonly roll: TableLayout;
  readonly tally: TableLayout;
  readonly scores: TableLayout;
  readonly leaders: TableWithFields;
  /** The schedule and dossier sheets, when the template has them (`withProcedure`). */
  readonly plan?: TableWithFields;
  readonly chiBoDossier?: TableWithFields;
  readonly leaderDossier?: TableWithFields;
}

/** Rows prepared with dropdowns in each table. */
export const TEMPLATE_ROWS = 150;

const HEADER: CellStyle = { bold: true, size: 11, fill: '#DDEBF7', align: 'center', wrap: true, border: true };
const BOXED: CellStyle = { size: 12, border: true };

function rulesFor(type: ValueType, max?: number): { rule: ValidationRule; prompt?: string; strict: boolean } | null {
  switch (type) {
    case 'yesno':
      return { rule: { kind: 'list', items: ['Có', 'Không'] }, prompt: 'Có hoặc Không (cũng nhận x, 1, ✓)', strict: false };
    case 'membership':
      return { rule: { kind: 'list', items: MEMBERSHIP.shown }, strict: false };
    case 'orgRating':
      return { rule: { kind: 'list', items: ORG_RATING.shown }, strict: false };
    case 'rating': {
      // Excel caps a list at 255 characters; the full names fit, the codes are the fallback.
      const names = CIVIL_SERVICE_RATING.shown.map((s) => s.replace(/ \(.*\)$/, ''));
      const items = names.join(',').length <= 255 ? names : ['HTXSNV', 'HTTNV', 'HTNV', 'HTNV-HCNL', 'KHTNV'];
      return { rule: { kind: 'list', items }, prompt: 'Chọn mức xếp loại CBCCVC (cũng nhận mã như HTTNV)', strict: false };
    }
    case 'count':
      return { rule: { kind: 'whole', min: 0 }, prompt: 'Số nguyên ≥ 0', strict: true };
    case 'score':
      return { rule: { kind: 'decimal', min: 0, max: max ?? 100 }, prompt: `Điểm từ 0 đến ${max ?? 100}`, strict: true };
    case 'date':
      return { rule: { kind: 'date' }, prompt: 'Ngày/tháng/năm, ví dụ 01/12/2017', strict: false };
    default:
      return null;
  }
}

function fieldNote(field: FieldDef): string {
  const need = field.required === 'yes' ? 'Bắt buộc' : field.required === 'round2' ? 'Bắt buộc khi có bỏ phiếu lần 2' : 'Không bắt buộc';
  const how: Record<ValueType, string> = {
    text: 'Nhập chữ.',
    number: 'Nhập số.',
    count: 'Nhập số nguyên ≥ 0.',
    score: 'Nhập điểm.',
    date: 'Ngày/tháng/năm, ví dụ 01/12/2017.',
    year: 'Năm, ví dụ 2017.',
    yesno: 'Chọn Có hoặc Không (ô trống là chưa trả lời).',
    membership: 'Chính thức hoặc Dự bị.',
    rating: 'Chọn mức xếp loại.',
    orgRating: 'Cao nhất, Cao thứ hai hoặc Thấp hơn.',
  };
  return `${need}. ${how[field.type]}${field.neededBy ? ` Dùng cho quy tắc ${field.neededBy}.` : ''}`;
}

/**
 * Excel's units of column width that one A4 page holds at 100 % between the renderers' margins (Calibri
 * 11 as the workbook's default font: about 5.6 pt a unit): the input sheets print at their own size
 * (at least 11 pt), never shrunk, so a sheet wider than this has its columns narrowed to fit, in
 * proportion, none below 5 (headers wrap).
 */
export const PAGE_UNITS = { landscape: 134, portrait: 90 } as const;

export function fitPage(widths: readonly number[], landscape: boolean): number[] {
  const room = landscape ? PAGE_UNITS.landscape : PAGE_UNITS.portrait;
  const total = widths.reduce((a, w) => a + w, 0);
  if (total <= room) return [...widths];
  const scale = room / total;
  return widths.map((w) => Math.max(5, Math.floor(w * scale * 10) / 10));
}

/**
 * The units the official heading needs on one line: the organisation over the left half of the columns,
 * "ĐẢNG CỘNG SẢN VIỆT NAM" over the right half, each about 40 units at 12 pt bold. A table narrower than
 * this (hd43-2025's four-column `Chấm điểm chi bộ`) is widened in proportion; every 2014 table is wider.
 */
export const HEADING_UNITS = 80;

export function atLeastHeading(widths: readonly number[]): number[] {
  const total = widths.reduce((a, w) => a + w, 0);
  if (total >= HEADING_UNITS) return [...widths];
  return widths.map((w) => Math.round((w * HEADING_UNITS * 10) / total) / 10);
}

/** The official heading: party organisation at the left (when given), the Party's name at the right. */
function heading(b: LayoutBuilder, organisation: string | null): void {
  const half = Math.max(1, Math.floor(b.width / 2));
  if (organisation) b.span(0, 0, half - 1, organisation, { bold: true, size: 12, align: 'center' });
  b.span(0, half, Math.max(half, b.width - 1), 'ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true, size: 12, align: 'center' });
}

/** Fields that open a group on the info sheet: a blank row above each. */
const GROUP_STARTS: ReadonlySet<string> = new Set(['r1Issued', 'excellentUnited', RULE_SET_FIELD.key, 'cbAssigned', 'committeeCommon']);

/** The ballot counts of the tally (RULES.md 2): written only where the rule set's template has the tally sheet. */
const isBallotCount = (field: FieldDef): boolean => /^r[12][A-Z]/.test(field.key);

/** "Bộ quy tắc": written filled in, grey like a printed entry, still editable (a dropdown of the rule sets). */
const LOCKED: CellStyle = { size: 12, border: true, fill: '#E7E6E6', color: '#404040', bold: true };

function infoSheet(form: FieldsForm = INFO_FORM, ruleSet: AnyRuleSet | null = null, withTally = true): { layout: SheetLayout; rows: Map<string, number> } {
  const b = new LayoutBuilder(form.sheet, [56, 26], false);
  // No "Chi bộ …" line in this sheet's heading: it would read as the field "Chi bộ".
  heading(b, null);
  b.span(2, 0, 1, form.title, { bold: true, size: 14, align: 'center', wrap: true });
  const rows = new Map<string, number>();
  let row = 4;
  for (const field of form.fields) {
    if (!withTally && isBallotCount(field)) continue;
    if (GROUP_STARTS.has(field.key)) row++;
    b.set(row, 0, field.label, { bold: field.required === 'yes' || field.condition === true, size: 12, wrap: true });
    if (field.key === RULE_SET_FIELD.key && ruleSet) {
      b.note(row, 0, `Bộ quy tắc của sổ này: ${ruleSet.id} (${ruleSet.title}). XếpLoại đọc ô này trước mọi ô khác; các trang của sổ được lập theo bộ quy tắc này. Chỉ đổi khi cấp ủy hướng dẫn.`);
      b.set(row, 1, ruleSet.id, LOCKED);
      b.validate({ range: { top: row, left: 1, bottom: row, right: 1 }, rule: { kind: 'list', items: RULE_SETS.map((r) => r.id) }, prompt: 'Bộ quy tắc của sổ; chỉ đổi khi cấp ủy hướng dẫn', strict: false });
      rows.set(field.key, row + 1);
      row++;
      continue;
    }
    b.note(row, 0, fieldNote(field));
    b.set(row, 1, '', BOXED);
    const rule = rulesFor(field.type);
    if (rule) b.validate({ range: { top: row, left: 1, bottom: row, right: 1 }, ...rule });
    if (field.type === 'date') b.numberFormat({ top: row, left: 1, bottom: row, right: 1 }, 'dd/mm/yyyy');
    rows.set(field.key, row + 1);
    row++;
  }
  b.set(row + 1, 0, 'Ghi chú: mục in đậm là bắt buộc. Di chuột vào tên mục để xem hướng dẫn.', { italic: true, size: 11 });
  return { layout: b.build({ tabColor: '#2F5597', print: { fitToWidth: false } }), rows };
}

function tableSheet(form: TableForm, organisation: string): { layout: SheetLayout; position: TableLayout; fieldRows: Map<string, number> } {
  const columns = form.columns.filter((c) => !c.notInTemplate);
  const widths = atLeastHeading(columns.map((c) => c.width ?? 14));
  // Portrait when the table fits a portrait page (the 2014 tally), landscape otherwise.
  const landscape = widths.reduce((a, w) => a + w, 0) > PAGE_UNITS.portrait;
  const b = new LayoutBuilder(form.sheet, fitPage(widths, landscape), landscape);
  heading(b, organisation);
  b.span(2, 0, b.width - 1, form.title, { bold: true, size: 14, align: 'center', wrap: true });
  if (form.subtitle) b.span(3, 0, b.width - 1, form.subtitle, { italic: true, size: 11, align: 'center' });

  const fieldRows = new Map<string, number>();
  let headerTop = 5;
  if (form.fields && form.fields.length > 0) {
    let row = 5;
    for (const field of form.fields) {
      b.span(row, 0, 1, field.label, { bold: true, size: 12, wrap: true });
      b.set(row, 2, '', BOXED);
      const rule = rulesFor(field.type);
      if (rule) b.validate({ range: { top: row, left: 2, bottom: row, right: 2 }, ...rule });
      fieldRows.set(field.key, row + 1);
      row++;
    }
    headerTop = row + 1;
  }

  const grouped = columns.some((c) => c.group);
  const headerRow = grouped ? headerTop + 1 : headerTop;
  const position = new Map<string, number>();
  columns.forEach((column: ColumnDef, col) => {
    position.set(column.key, col + 1);
    const label = column.max !== undefined && column.type === 'score' ? `${column.label} (${column.max} điểm)` : column.label;
    if (grouped && !column.group) {
      // A column without a group label spans both header rows; the merged area keeps its top cell.
      b.merge({ top: headerTop, left: col, bottom: headerRow, right: col });
      b.set(headerTop, col, label, HEADER);
      b.set(headerRow, col, '', HEADER);
    } else {
      b.set(headerRow, col, label, HEADER);
    }
  });
  if (grouped) {
    let i = 0;
    while (i < columns.length) {
      const group = columns[i].group;
      let j = i;
      while (j + 1 < columns.length && columns[j + 1].group === group) j++;
      if (group) {
        b.span(headerTop, i, j, group, HEADER);
        for (let c = i + 1; c <= j; c++) b.set(headerTop, c, '', HEADER);
      }
      i = j + 1;
    }
  }
  b.height(headerRow, 48);

  const firstDataRow = headerRow + 1;
  const lastRow = firstDataRow + TEMPLATE_ROWS - 1;
  columns.forEach((column, col) => {
    const range = { top: firstDataRow, left: col, bottom: lastRow, right: col };
    const rule = rulesFor(column.type, column.max);
    if (rule) b.validate({ range, ...rule });
    if (column.type === 'date') b.numberFormat(range, 'dd/mm/yyyy');
  });
  const layout = b.build({ printTitleRows: [headerTop, headerRow], freezeRows: headerRow + 1, freezeCols: form.key === 'roll' || form.key === 'tally' ? 2 : 0, print: { fitToWidth: false } });
  return { layout, position: { sheet: form.sheet, firstDataRow: firstDataRow + 1, columns: position }, fieldRows };
}

export interface TemplateOptions {
  /** The heading's left line, e.g. "ĐẢNG BỘ PHƯỜNG HƯƠNG XUÂN". */
  readonly organisation?: string;
  /**
   * Also the optional schedule and dossier sheets (`Kế hoạch`, `Hồ sơ chi bộ`, `Hồ sơ CBLĐQL`) that
   * PROC rules read. `xeploai template` and the add-in's "Tạo mẫu" both write them.
   */
  readonly withProcedure?: boolean;
}

/** Every input sheet of FORMS.md (rule set hd27-2014), empty, and where its fields and columns are. */
export function templateSheets(options: TemplateOptions = {}): { layouts: SheetLayout[]; positions: TemplatePositions } {
  const t = ruleSetTemplate(HD27_2014, options);
  const table = (key: TableForm['key']): TableWithFields => t.tables.get(key) as TableWithFields;
  const positions: TemplatePositions = { info: t.info, roll: table('roll'), tally: table('tally'), scores: table('scores'), leaders: table('leaders') };
  if (!options.withProcedure) return { layouts: t.layouts, positions };
  return { layouts: t.layouts, positions: { ...positions, plan: table('plan'), chiBoDossier: table('chiBoDossier'), leaderDossier: table('leaderDossier') } };
}

/*
 * `Bộ tiêu chí` (RULES-2025.md §7): the đảng ủy's criteria and settings, written so that forms/reader.ts
 * `readCriteria` reads them back: a title row before each part ("A. TIÊU CHÍ ĐÁNH GIÁ ĐẢNG VIÊN", "B. …
 * CHI BỘ", "C. THIẾT LẬP"), each criteria table under its own header (Nhóm | Tiêu chí | Điểm tối đa), and
 * each setting as a label with its value in the next cell to the right. The default of each setting is
 * shown in a "Mặc định" column to the LEFT of the label: the reader takes the first non-empty cell right
 * of a label as its value, so a default written to the right of an empty value cell would be read as
 * typed (and presented as the đảng ủy's, which it is not). The value cell is left empty: the default
 * applies with CFG25-01 until the đảng ủy confirms it by typing it.
 */

/** One row of a criteria table, as typed (a copy keeps the ward's cells as they are). */
export interface CriteriaRowValues {
  readonly group: string | number | null;
  readonly criterion: string | null;
  readonly max: string | number | null;
}

/** What `Bộ tiêu chí` holds: the two criteria tables and the settings typed (a key absent: the cell empty). */
export interface CriteriaValues {
  readonly members: readonly CriteriaRowValues[];
  readonly chiBo: readonly CriteriaRowValues[];
  readonly settings: Readonly<Record<string, string | number>>;
}

/** The default tables (M25-02, CB25-01): one criterion per group, at the group's maximum; no setting typed. */
export const DEFAULT_CRITERIA: CriteriaValues = {
  members: [
    { group: CRITERIA_GROUPS[0].label, criterion: 'Phẩm chất chính trị, đạo đức, lối sống, tính tiền phong, gương mẫu; tinh thần đổi mới, sáng tạo, cống hiến; tự phê bình và phê bình, khắc phục hạn chế, khuyết điểm', max: CRITERIA_GROUPS[0].max },
    { group: CRITERIA_GROUPS[1].label, criterion: 'Kết quả thực hiện nhiệm vụ được giao trong năm', max: CRITERIA_GROUPS[1].max },
  ],
  chiBo: [
    { group: CRITERIA_GROUPS[0].label, criterion: 'Xây dựng chi bộ về chính trị, tư tưởng, đạo đức, tổ chức và cán bộ; đoàn kết nội bộ; kiểm tra, giám sát', max: CRITERIA_GROUPS[0].max },
    { group: CRITERIA_GROUPS[1].label, criterion: 'Kết quả lãnh đạo thực hiện nhiệm vụ chính trị được giao trong năm', max: CRITERIA_GROUPS[1].max },
  ],
  settings: {},
};

/** A cell as typed, for writing back: text and numbers as they are, yes/no in words, an error as its text. */
function typed(value: CellValue): string | number | null {
  if (value === null) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  const text = displayValue(value);
  return text.trim() === '' ? null : text;
}

/** The values of a ward's `Bộ tiêu chí`, as its reader found them (cells copied as typed). */
export function criteriaValuesOf(read: CriteriaRead): CriteriaValues {
  const rows = (table: CriteriaRead['members']): CriteriaRowValues[] =>
    (table?.rows ?? []).map((r) => ({
      group: typed(r.groupRaw),
      criterion: r.criterion.value,
      max: r.max.value ?? (r.maxShown.trim() === '' ? null : r.maxShown),
    }));
  const settings: Record<string, string | number> = {};
  for (const s of read.settings) {
    const value = typed(s.raw);
    if (value !== null) settings[s.key] = value;
  }
  return { members: rows(read.members), chiBo: rows(read.chiBo), settings };
}

/** True when a workbook's `Bộ tiêu chí` gave something to copy: a criteria table or a setting's label. */
export function criteriaReadable(read: CriteriaRead | null): read is CriteriaRead {
  return read !== null && (read.members !== null || read.chiBo !== null || read.settings.some((s) => s.cell !== null));
}

/** Where `Bộ tiêu chí`'s parts landed (1-based rows; columns 1-based). */
export interface CriteriaPositions {
  readonly sheet: string;
  readonly members: TableLayout;
  readonly chiBo: TableLayout;
  /** The row of each setting, by key; its value is typed in `valueColumn`. */
  readonly settingRows: ReadonlyMap<string, number>;
  readonly valueColumn: number;
}

/** Rows each criteria table offers at least (the đảng ủy splits a group into several criteria). */
export const CRITERIA_ROWS = 10;

function settingRule(def: SettingDef): { rule: ValidationRule; prompt: string; strict: boolean } {
  const dflt = `để trống là ${shownDefault(def)} (mặc định)`;
  if (def.kind === 'yesno') return { rule: { kind: 'list', items: ['Có', 'Không'] }, prompt: `Có hoặc Không; ${dflt}`, strict: false };
  if (def.kind === 'choice') {
    const items = (def.choices ?? []).map((c) => c.label);
    return { rule: { kind: 'list', items }, prompt: `${items.join(' hoặc ')}; ${dflt}`, strict: false };
  }
  return { rule: { kind: 'decimal', min: def.min ?? 0, max: def.max ?? 100 }, prompt: `Số từ ${def.min ?? 0} đến ${def.max ?? 100}; ${dflt}`, strict: true };
}

function criteriaSheet(form: typeof CRITERIA_FORM, organisation: string, values: CriteriaValues): { layout: SheetLayout; position: CriteriaPositions } {
  const columns = form.columns;
  const widths = [40, 32, 16];
  const b = new LayoutBuilder(form.sheet, widths, false);
  // Three columns: the organisation over the first (wide enough for it on one line), the Party's name over the others.
  b.set(0, 0, organisation, { bold: true, size: 12, align: 'center', wrap: true });
  b.span(0, 1, 2, 'ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true, size: 12, align: 'center' });
  b.span(2, 0, b.width - 1, form.title, { bold: true, size: 14, align: 'center', wrap: true });
  if (form.subtitle) b.span(3, 0, b.width - 1, form.subtitle, { italic: true, size: 11, align: 'center' });
  const groupItems = CRITERIA_GROUPS.map((g) => g.label);
  const groupsNote = CRITERIA_GROUPS.map((g) => `"${g.label}" ${g.max} điểm`).join(', ');

  const table = (top: number, title: string, rows: readonly CriteriaRowValues[]): { position: TableLayout; next: number } => {
    b.span(top, 0, b.width - 1, title, { bold: true, size: 12 });
    const headerRow = top + 1;
    columns.forEach((column, col) => b.set(headerRow, col, column.label, HEADER));
    b.note(headerRow, 2, `Điểm tối đa của các tiêu chí trong một nhóm phải cộng đúng điểm của nhóm: ${groupsNote}.`);
    const first = headerRow + 1;
    const count = Math.max(CRITERIA_ROWS, rows.length + 3);
    for (let i = 0; i < count; i++) {
      const r = rows[i];
      b.set(first + i, 0, r?.group ?? '', { ...BOXED, wrap: true });
      b.set(first + i, 1, r?.criterion ?? '', { ...BOXED, wrap: true });
      b.set(first + i, 2, r?.max ?? '', { ...BOXED, align: 'center' });
    }
    const last = first + count - 1;
    b.validate({ range: { top: first, left: 0, bottom: last, right: 0 }, rule: { kind: 'list', items: groupItems }, prompt: 'Chọn nhóm tiêu chí', strict: false });
    b.validate({ range: { top: first, left: 2, bottom: last, right: 2 }, rule: { kind: 'decimal', min: 0, max: 100 }, prompt: `Điểm tối đa của tiêu chí; mỗi nhóm cộng đủ: ${groupsNote}`, strict: true });
    return { position: { sheet: form.sheet, firstDataRow: first + 1, columns: new Map(columns.map((c, i) => [c.key, i + 1])) }, next: last + 2 };
  };

  const members = table(5, 'A. TIÊU CHÍ ĐÁNH GIÁ ĐẢNG VIÊN', values.members);
  const chiBo = table(members.next, 'B. TIÊU CHÍ ĐÁNH GIÁ CHI BỘ', values.chiBo);
  let row = chiBo.next;
  b.span(row, 0, b.width - 1, 'C. THIẾT LẬP', { bold: true, size: 12 });
  row++;
  b.span(row, 0, b.width - 1, 'Ô "Giá trị áp dụng" để trống thì dùng mức ở cột "Mặc định", và kết quả nào phụ thuộc vào mức đó đều kèm cảnh báo đề nghị đối chiếu hướng dẫn của cấp ủy. Đảng ủy xác nhận bằng cách nhập giá trị, kể cả khi giống mặc định.', { italic: true, size: 11, wrap: true });
  row++;
  b.set(row, 0, 'Mặc định', HEADER);
  b.set(row, 1, 'Thiết lập', HEADER);
  b.set(row, 2, 'Giá trị áp dụng', HEADER);
  row++;
  const settingRows = new Map<string, number>();
  for (const def of form.settings) {
    b.set(row, 0, shownDefault(def), { size: 12, italic: true, color: '#595959', align: 'center', border: true });
    b.set(row, 1, def.label, { size: 12, wrap: true, border: true });
    // The builder's estimate of a wrapped line is generous for a narrow column: count ~30 characters a line.
    b.height(row, wrappedLines(def.label, Math.floor(widths[1] * 0.82)) * 15.5 + 3);
    const choices = def.choices ? ` Chọn: ${def.choices.map((c) => c.label).join(' hoặc ')}.` : def.kind === 'yesno' ? ' Chọn: Có hoặc Không.' : '';
    b.note(row, 1, `Mặc định: ${shownDefault(def)}.${choices} Để trống là dùng mặc định (kết quả kèm cảnh báo). Dùng cho quy tắc ${def.rule}.`);
    const value = values.settings[def.key];
    b.set(row, 2, value ?? '', { ...BOXED, align: 'center' });
    b.validate({ range: { top: row, left: 2, bottom: row, right: 2 }, ...settingRule(def) });
    settingRows.set(def.key, row + 1);
    row++;
  }
  const layout = b.build({ tabColor: '#C55A11', print: { fitToWidth: false } });
  return { layout, position: { sheet: form.sheet, members: members.position, chiBo: chiBo.position, settingRows, valueColumn: 3 } };
}

/** The template of one rule set: its input sheets in the order it declares them (`reads`). */
export interface RuleSetTemplate {
  readonly ruleSet: string;
  readonly layouts: SheetLayout[];
  readonly info: { readonly sheet: string; readonly valueColumn: number; readonly rows: ReadonlyMap<string, number> };
  /** Every table sheet by its form's key, with its header fields where it has them (value column 3). */
  readonly tables: ReadonlyMap<TableForm['key'], TableWithFields>;
  /** `Bộ tiêu chí`, for a rule set that reads one. */
  readonly criteria?: CriteriaPositions;
}

export interface RuleSetTemplateOptions extends TemplateOptions {
  /** `Bộ tiêu chí`'s values (a ward's copy); the default tables and empty settings without it. */
  readonly criteria?: CriteriaValues;
}

const isCriteriaForm = (form: FormDef): form is typeof CRITERIA_FORM => form.kind === 'table' && 'settings' in form && 'sections' in form;

/**
 * The input sheets a rule set reads (its `reads`, in order), empty: the fields form with "Bộ quy tắc"
 * filled in where the form has that field, every table under its header with its dropdowns and checks,
 * `Bộ tiêu chí` with the default tables (or `criteria`) and each setting's default beside an empty cell.
 * The ballot counts go only with a tally sheet (hd43-2025 has none: it scores, RULES-2025.md §6).
 */
export function ruleSetTemplate(ruleSet: AnyRuleSet, options: RuleSetTemplateOptions = {}): RuleSetTemplate {
  const org = options.organisation ?? 'ĐẢNG BỘ ……………………';
  const forms = ruleSet.reads.filter((form) => options.withProcedure || !PROC_FORMS.includes(form as TableForm));
  const withTally = forms.includes(ruleSet.forms.tally);
  const layouts: SheetLayout[] = [];
  const tables = new Map<TableForm['key'], TableWithFields>();
  let info: RuleSetTemplate['info'] | null = null;
  let criteria: CriteriaPositions | undefined;
  for (const form of forms) {
    if (form.kind === 'fields') {
      const written = infoSheet(form, ruleSet, withTally);
      layouts.push(written.layout);
      info = { sheet: form.sheet, valueColumn: 2, rows: written.rows };
    } else if (isCriteriaForm(form)) {
      const written = criteriaSheet(form, org, options.criteria ?? DEFAULT_CRITERIA);
      layouts.push(written.layout);
      criteria = written.position;
    } else {
      const written = tableSheet(form, org);
      layouts.push(written.layout);
      tables.set(form.key, { ...written.position, fieldRows: written.fieldRows, valueColumn: 3 });
    }
  }
  if (!info) throw new Error(`Rule set ${ruleSet.id} declares no fields form`);
  return { ruleSet: ruleSet.id, layouts, info, tables, criteria };
}
