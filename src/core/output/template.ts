/**
 * The blank input sheets of FORMS.md, built from the same definitions the reader uses (so a template
 * is always readable), with the official heading and a dropdown or a check on every typed column.
 * Rendered to a file by `xeploai template` and into the open workbook by the task pane's "Tạo mẫu".
 */
import { CHI_BO_DOSSIER_FORM, type ColumnDef, type FieldDef, INFO_FORM, LEADER_DOSSIER_FORM, LEADERS_FORM, PLAN_FORM, ROLL_FORM, SCORES_FORM, TALLY_FORM, type TableForm, type ValueType } from '../forms/definitions';
import { CIVIL_SERVICE_RATING, MEMBERSHIP, ORG_RATING } from '../values/parse';
import { type CellStyle, LayoutBuilder, type SheetLayout, type ValidationRule } from './layout';

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

/** The official heading: party organisation at the left (when given), the Party's name at the right. */
function heading(b: LayoutBuilder, organisation: string | null): void {
  const half = Math.max(1, Math.floor(b.width / 2));
  if (organisation) b.span(0, 0, half - 1, organisation, { bold: true, size: 12, align: 'center' });
  b.span(0, half, Math.max(half, b.width - 1), 'ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true, size: 12, align: 'center' });
}

function infoSheet(): { layout: SheetLayout; rows: Map<string, number> } {
  const b = new LayoutBuilder(INFO_FORM.sheet, [56, 26], false);
  // No "Chi bộ …" line in this sheet's heading: it would read as the field "Chi bộ".
  heading(b, null);
  b.span(2, 0, 1, INFO_FORM.title, { bold: true, size: 14, align: 'center', wrap: true });
  const rows = new Map<string, number>();
  let row = 4;
  for (const field of INFO_FORM.fields) {
    if (field.key === 'r1Issued' || field.key === 'excellentUnited') row++;
    b.set(row, 0, field.label, { bold: field.required === 'yes' || field.condition === true, size: 12, wrap: true });
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
  const landscape = form.key !== 'tally';
  const b = new LayoutBuilder(form.sheet, fitPage(columns.map((c) => c.width ?? 14), landscape), landscape);
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

/** Every input sheet of FORMS.md, empty, and where its fields and columns are. */
export function templateSheets(options: TemplateOptions = {}): { layouts: SheetLayout[]; positions: TemplatePositions } {
  const org = options.organisation ?? 'ĐẢNG BỘ ……………………';
  const info = infoSheet();
  const roll = tableSheet(ROLL_FORM, org);
  const tally = tableSheet(TALLY_FORM, org);
  const scores = tableSheet(SCORES_FORM, org);
  const leaders = tableSheet(LEADERS_FORM, org);
  const withFields = (t: ReturnType<typeof tableSheet>): TableWithFields => ({ ...t.position, fieldRows: t.fieldRows, valueColumn: 3 });
  const layouts = [info.layout, roll.layout, tally.layout, scores.layout, leaders.layout];
  const positions: TemplatePositions = {
    info: { sheet: INFO_FORM.sheet, valueColumn: 2, rows: info.rows },
    roll: roll.position,
    tally: tally.position,
    scores: scores.position,
    leaders: withFields(leaders),
  };
  if (!options.withProcedure) return { layouts, positions };
  const plan = tableSheet(PLAN_FORM, org);
  const chiBoDossier = tableSheet(CHI_BO_DOSSIER_FORM, org);
  const leaderDossier = tableSheet(LEADER_DOSSIER_FORM, org);
  return {
    layouts: [...layouts, plan.layout, chiBoDossier.layout, leaderDossier.layout],
    positions: { ...positions, plan: withFields(plan), chiBoDossier: withFields(chiBoDossier), leaderDossier: withFields(leaderDossier) },
  };
}
