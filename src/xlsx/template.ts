/**
 * Writes the input sheets of FORMS.md from the same definitions the reader uses, with the official
 * heading block and dropdowns for every yes/no and level column. The layout it returns tells a caller
 * (the example workbook, the tests) where each field and column landed.
 */
import ExcelJS from 'exceljs';
import { type FieldDef, INFO_FORM, LEADERS_FORM, ROLL_FORM, SCORES_FORM, TALLY_FORM, type TableForm, type ValueType } from '../core/forms/definitions';
import { CIVIL_SERVICE_RATING, MEMBERSHIP, ORG_RATING } from '../core/values/parse';

export interface TableLayout {
  readonly sheet: string;
  /** 1-based row of the first data row. */
  readonly firstDataRow: number;
  /** Column key → 1-based column number. */
  readonly columns: ReadonlyMap<string, number>;
}

export interface TemplateLayout {
  readonly info: { readonly sheet: string; readonly valueColumn: number; readonly rows: ReadonlyMap<string, number> };
  readonly roll: TableLayout;
  readonly tally: TableLayout;
  readonly scores: TableLayout;
  readonly leaders: TableLayout & { readonly fieldRows: ReadonlyMap<string, number> };
}

/** Rows prepared with dropdowns in each table. */
export const TEMPLATE_ROWS = 150;

const YES_NO_LIST = ['Có', 'Không'];
const FONT = 'Times New Roman';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Excel's list validation takes a quoted comma list of at most 255 characters. */
function listFormula(items: readonly string[]): string {
  return `"${items.join(',')}"`;
}

function choicesFor(type: ValueType): readonly string[] | null {
  switch (type) {
    case 'yesno':
      return YES_NO_LIST;
    case 'membership':
      return MEMBERSHIP.shown;
    case 'orgRating':
      return ORG_RATING.shown;
    case 'rating':
      return CIVIL_SERVICE_RATING.shown.map((s) => s.replace(/ \(.*\)$/, ''));
    default:
      return null;
  }
}

function validationFor(type: ValueType, max?: number): ExcelJS.DataValidation | null {
  const choices = choicesFor(type);
  if (choices) {
    const formula = listFormula(choices);
    // The civil-service names together exceed Excel's 255-character list limit: offer the codes instead.
    const fits = formula.length <= 255;
    return {
      type: 'list',
      allowBlank: true,
      formulae: [fits ? formula : listFormula(['HTXSNV', 'HTTNV', 'HTNV', 'HTNV-HCNL', 'KHTNV'])],
      showErrorMessage: false,
      showInputMessage: true,
      promptTitle: 'Chọn giá trị',
      prompt: choices.join('; ').slice(0, 250),
    };
  }
  if (type === 'count') {
    return { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, errorTitle: 'Số không hợp lệ', error: 'Nhập số nguyên không âm.' };
  }
  if (type === 'score') {
    return { type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, max ?? 100], showErrorMessage: true, errorTitle: 'Điểm không hợp lệ', error: `Điểm từ 0 đến ${max ?? 100}.` };
  }
  if (type === 'date') {
    return { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(1900, 0, 1))], showErrorMessage: false, showInputMessage: true, promptTitle: 'Ngày', prompt: 'Ngày/tháng/năm, ví dụ 01/12/2017' };
  }
  return null;
}

/** ExcelJS writes one validation over a whole range this way; its typings omit it. */
function rangeValidations(ws: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;
}

function setupPage(ws: ExcelJS.Worksheet, landscape: boolean): void {
  ws.pageSetup = { paperSize: 9, orientation: landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } };
  ws.properties.defaultRowHeight = 18;
}

/** The official heading: party organisation at the left, the Party's name at the right. */
function headingBlock(ws: ExcelJS.Worksheet, width: number, left: string | null): void {
  const half = Math.max(2, Math.floor(width / 2));
  if (left) {
    ws.mergeCells(1, 1, 1, half);
    ws.getCell(1, 1).value = left;
    ws.getCell(1, 1).font = { name: FONT, bold: true, size: 12 };
    ws.getCell(1, 1).alignment = { horizontal: 'center' };
  }
  ws.mergeCells(1, half + 1, 1, Math.max(half + 1, width));
  const right = ws.getCell(1, half + 1);
  right.value = 'ĐẢNG CỘNG SẢN VIỆT NAM';
  right.font = { name: FONT, bold: true, size: 12, underline: true };
  right.alignment = { horizontal: 'center' };
}

function titleRow(ws: ExcelJS.Worksheet, row: number, width: number, text: string, size: number, bold: boolean): void {
  ws.mergeCells(row, 1, row, Math.max(1, width));
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = { name: FONT, bold, size };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

function writeInfo(wb: ExcelJS.Workbook): TemplateLayout['info'] {
  const ws = wb.addWorksheet(INFO_FORM.sheet, { properties: { tabColor: { argb: 'FF2F5597' } } });
  setupPage(ws, false);
  ws.getColumn(1).width = 58;
  ws.getColumn(2).width = 26;
  headingBlock(ws, 2, null);
  titleRow(ws, 3, 2, INFO_FORM.title, 14, true);
  const rows = new Map<string, number>();
  let row = 5;
  for (const field of INFO_FORM.fields) {
    if (field.key === 'r1Issued' || field.key === 'excellentUnited') row++;
    const label = ws.getCell(row, 1);
    label.value = field.label;
    label.font = { name: FONT, bold: field.required === 'yes', size: 12 };
    label.alignment = { wrapText: true, vertical: 'middle' };
    label.note = fieldNote(field);
    const value = ws.getCell(row, 2);
    value.border = THIN;
    value.font = { name: FONT, size: 12 };
    if (field.type === 'date') value.numFmt = 'dd/mm/yyyy';
    const validation = validationFor(field.type);
    if (validation) value.dataValidation = validation;
    rows.set(field.key, row);
    row++;
  }
  ws.getCell(row + 1, 1).value = 'Ghi chú: ô in đậm là bắt buộc. Di chuột vào tên mục để xem hướng dẫn.';
  ws.getCell(row + 1, 1).font = { name: FONT, italic: true, size: 11 };
  return { sheet: INFO_FORM.sheet, valueColumn: 2, rows };
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

function writeTable(wb: ExcelJS.Workbook, form: TableForm, orgLine: string, landscape: boolean): TableLayout & { fieldRows: Map<string, number> } {
  const columns = form.columns.filter((c) => !c.notInTemplate);
  const ws = wb.addWorksheet(form.sheet);
  setupPage(ws, landscape);
  const width = columns.length;
  headingBlock(ws, width, orgLine);
  titleRow(ws, 3, width, form.title, 14, true);
  if (form.subtitle) titleRow(ws, 4, width, form.subtitle, 11, false);

  const fieldRows = new Map<string, number>();
  let headerTop = 6;
  if (form.fields && form.fields.length > 0) {
    let row = 6;
    for (const field of form.fields) {
      ws.getCell(row, 1).value = field.label;
      ws.getCell(row, 1).font = { name: FONT, bold: true, size: 12 };
      ws.mergeCells(row, 1, row, 2);
      ws.getCell(row, 3).border = THIN;
      const validation = validationFor(field.type);
      if (validation) ws.getCell(row, 3).dataValidation = validation;
      fieldRows.set(field.key, row);
      row++;
    }
    headerTop = row + 1;
  }

  const grouped = columns.some((c) => c.group);
  const headerRow = grouped ? headerTop + 1 : headerTop;
  const columnIndex = new Map<string, number>();
  columns.forEach((column, i) => {
    const col = i + 1;
    columnIndex.set(column.key, col);
    ws.getColumn(col).width = column.width ?? 14;
    const label = column.max !== undefined && column.type === 'score' ? `${column.label} (${column.max} điểm)` : column.label;
    if (grouped && !column.group) {
      // A column without a group label spans both header rows; the merged area keeps its top cell.
      ws.mergeCells(headerTop, col, headerRow, col);
      ws.getCell(headerTop, col).value = label;
    } else {
      ws.getCell(headerRow, col).value = label;
    }
  });
  if (grouped) {
    let i = 0;
    while (i < columns.length) {
      const group = columns[i].group;
      let j = i;
      while (j + 1 < columns.length && columns[j + 1].group === group) j++;
      if (group) {
        if (j > i) ws.mergeCells(headerTop, i + 1, headerTop, j + 1);
        ws.getCell(headerTop, i + 1).value = group;
      }
      i = j + 1;
    }
  }
  for (let r = headerTop; r <= headerRow; r++) {
    for (let c = 1; c <= width; c++) {
      const cell = ws.getCell(r, c);
      cell.font = { name: FONT, bold: true, size: 11 };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.fill = HEADER_FILL;
      cell.border = THIN;
    }
  }
  ws.getRow(headerRow).height = 48;

  const firstDataRow = headerRow + 1;
  const lastTemplateRow = firstDataRow + TEMPLATE_ROWS - 1;
  for (const column of columns) {
    const col = columnIndex.get(column.key) as number;
    const letter = ws.getColumn(col).letter;
    const validation = validationFor(column.type, column.max);
    if (validation) rangeValidations(ws).add(`${letter}${firstDataRow}:${letter}${lastTemplateRow}`, validation);
    if (column.type === 'date') {
      for (let r = firstDataRow; r <= lastTemplateRow; r++) ws.getCell(r, col).numFmt = 'dd/mm/yyyy';
    }
  }
  ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: form.key === 'roll' || form.key === 'tally' ? 2 : 0 }];
  ws.pageSetup.printTitlesRow = `${headerTop}:${headerRow}`;
  return { sheet: form.sheet, firstDataRow, columns: columnIndex, fieldRows };
}

export interface TemplateOptions {
  /** The heading's left line, e.g. "ĐẢNG BỘ PHƯỜNG HƯƠNG XUÂN". */
  readonly organisation?: string;
}

/** A new workbook holding every input sheet of FORMS.md, empty. */
export function buildTemplate(options: TemplateOptions = {}): { workbook: ExcelJS.Workbook; layout: TemplateLayout } {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'XếpLoại';
  wb.title = 'Đánh giá, phân loại chất lượng đảng viên và chi bộ';
  const org = options.organisation ?? 'ĐẢNG BỘ ……………………';
  const info = writeInfo(wb);
  const roll = writeTable(wb, ROLL_FORM, org, true);
  const tally = writeTable(wb, TALLY_FORM, org, false);
  const scores = writeTable(wb, SCORES_FORM, org, true);
  const leaders = writeTable(wb, LEADERS_FORM, org, true);
  return { workbook: wb, layout: { info, roll, tally, scores, leaders: { ...leaders, fieldRows: leaders.fieldRows } } };
}

