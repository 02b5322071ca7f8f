/**
 * The result sheets of FORMS.md: members (form 04-KĐ.ĐV counts below the list) and the chi bộ, each
 * replaced whole on every run and laid out to print on A4 with the official heading and signatures.
 */
import type ExcelJS from 'exceljs';
import type { CheckResult } from '../core/check';
import { CRITERION_MAX, RESULT_SHEETS } from '../core/forms/definitions';
import { levelName } from '../core/rules/mem';

const FONT = 'Times New Roman';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

interface ResultContext {
  readonly dangBo: string | null;
  readonly chiBo: string | null;
  readonly year: number | null;
  readonly meeting: { y: number; m: number; d: number } | null;
}

function contextOf(result: CheckResult): ResultContext {
  return { dangBo: result.heading.dangBo, chiBo: result.chiBo, year: result.heading.year, meeting: result.heading.meetingDate };
}

export function replaceSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const existing = wb.getWorksheet(name);
  if (existing) wb.removeWorksheet(existing.id);
  return wb.addWorksheet(name);
}

function placeName(dangBo: string | null): string {
  if (!dangBo) return '……';
  return dangBo.replace(/^\s*đảng\s+bộ\s+(phường|xã|thị\s+trấn)?\s*/i, '').trim() || '……';
}

function merged(ws: ExcelJS.Worksheet, row: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font>, align: ExcelJS.Alignment['horizontal'] = 'center'): void {
  if (to > from) ws.mergeCells(row, from, row, to);
  const cell = ws.getCell(row, from);
  cell.value = text;
  cell.font = { name: FONT, size: 12, ...font };
  cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
}

/** Party organisation at the left, the Party's name and the place and date at the right. */
function heading(ws: ExcelJS.Worksheet, width: number, ctx: ResultContext): number {
  const half = Math.max(2, Math.floor(width / 2));
  merged(ws, 1, 1, half, (ctx.dangBo ?? 'ĐẢNG BỘ ……').toUpperCase(), { bold: false });
  merged(ws, 2, 1, half, `CHI BỘ ${(ctx.chiBo ?? '……').toUpperCase()}`, { bold: true });
  merged(ws, 3, 1, half, '*', {});
  merged(ws, 1, half + 1, width, 'ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true });
  const m = ctx.meeting;
  const date = m ? `ngày ${String(m.d).padStart(2, '0')} tháng ${String(m.m).padStart(2, '0')} năm ${m.y}` : 'ngày …… tháng …… năm ……';
  merged(ws, 3, half + 1, width, `${placeName(ctx.dangBo)}, ${date}`, { italic: true });
  return 5;
}

function signatures(ws: ExcelJS.Worksheet, row: number, width: number, left: string, right: string): void {
  const half = Math.max(2, Math.floor(width / 2));
  merged(ws, row, 1, half, left, { bold: true });
  merged(ws, row, half + 1, width, right, { bold: true });
  merged(ws, row + 1, 1, half, '(Ký, ghi rõ họ tên)', { italic: true, size: 11 });
  merged(ws, row + 1, half + 1, width, '(Ký, ghi rõ họ tên)', { italic: true, size: 11 });
}

function a4(ws: ExcelJS.Worksheet, landscape: boolean, headerRow?: number): void {
  ws.pageSetup = { paperSize: 9, orientation: landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } };
  if (headerRow) ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
}

function tableHeader(ws: ExcelJS.Worksheet, row: number, labels: readonly string[]): void {
  labels.forEach((label, i) => {
    const c = ws.getCell(row, i + 1);
    c.value = label;
    c.font = { name: FONT, bold: true, size: 11 };
    c.fill = HEADER_FILL;
    c.border = THIN;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  ws.getRow(row).height = 45;
}

function bodyRow(ws: ExcelJS.Worksheet, row: number, values: readonly (string | number | null)[]): void {
  values.forEach((v, i) => {
    const c = ws.getCell(row, i + 1);
    // Strings go in as strings: ExcelJS never turns a string into a formula, so "=…" stays text.
    c.value = v;
    c.font = { name: FONT, size: 11 };
    c.border = THIN;
    c.alignment = { vertical: 'top', wrapText: true };
  });
}

const STATUS: Record<string, string> = { classified: 'Đã phân loại', 'not-classified': 'Không phân loại', deferred: 'Phân loại sau', undetermined: 'Chưa xác định' };
const REASON: Record<string, string> = {
  exempt: 'Miễn công tác, sinh hoạt đảng',
  'admitted-under-6-months': 'Vào Đảng chưa đủ 6 tháng',
  absent: 'Vắng mặt',
  'no-self-review': 'Chưa kiểm điểm',
  'no-decisive-vote': 'Không mức nào đủ phiếu: bỏ phiếu lại',
  'tie-at-cap': 'Bằng phiếu ở ngưỡng 15%: chi bộ quyết định',
  'missing-rating': 'Thiếu xếp loại CBCCVC',
  'rating-conflict': 'Phiếu bầu mâu thuẫn xếp loại CBCCVC',
  'vote-data-error': 'Số phiếu có lỗi',
  'no-tally-row': 'Không có dòng kiểm phiếu',
};

function percent(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(2).replace('.', ',')}%` : '—';
}

export function writeMembersSheet(wb: ExcelJS.Workbook, result: CheckResult): void {
  const ctx = contextOf(result);
  const ws = replaceSheet(wb, RESULT_SHEETS.members);
  const labels = ['STT', 'Họ và tên', 'Chính thức/ Dự bị', 'Tình trạng', 'Mức xếp loại', 'Lý do', 'Quy tắc', 'Lần 1: HTTNV (tỷ lệ/N)', 'Lần 1: HTNV', 'Lần 1: KHTNV', 'Lần 2: HTXSNV (tỷ lệ/N)', 'Cách tính'];
  const widths = [5, 24, 10, 13, 22, 22, 16, 12, 8, 8, 12, 70];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const width = labels.length;
  let row = heading(ws, width, ctx);
  const n = result.figures?.n ?? null;
  merged(ws, row, 1, width, `KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN${ctx.year ? ` NĂM ${ctx.year}` : ''}`, { bold: true, size: 14 });
  row++;
  merged(ws, row, 1, width, `Bộ quy tắc ${result.ruleSet}; N = ${n ?? '—'} đảng viên chính thức; giới hạn HTXSNV: ${result.figures ? `${result.figures.cap} (15% của ${result.figures.pool} HTTNV)` : '—'}`, { italic: true, size: 11 });
  row += 2;
  const headerRow = row;
  tableHeader(ws, row, labels);
  row++;
  result.members.forEach((m, i) => {
    const share = (v: number) => (n ? `${v} (${percent(v, n)})` : String(v));
    bodyRow(ws, row, [
      i + 1,
      m.name,
      m.membership === 'official' ? 'Chính thức' : m.membership === 'probationary' ? 'Dự bị' : '',
      STATUS[m.status],
      m.level ? levelName(m.level) : '',
      m.reason ? REASON[m.reason] ?? m.reason : '',
      m.rules.join(', '),
      m.votes ? share(m.votes.HTTNV) : '',
      m.votes ? m.votes.HTNV : '',
      m.votes ? m.votes.KHTNV : '',
      m.votes ? share(m.votes.HTXSNV) : '',
      m.explanation,
    ]);
    row++;
  });

  // Form 04-KĐ.ĐV: counts per level, percentages of the members classified.
  row++;
  const classified = result.members.filter((m) => m.status === 'classified');
  const count = (pred: (m: CheckResult['members'][number]) => boolean) => result.members.filter(pred).length;
  merged(ws, row, 1, width, 'TỔNG HỢP (Mẫu 04-KĐ.ĐV)', { bold: true }, 'left');
  row++;
  tableHeader(ws, row, ['', 'Nội dung', 'Số lượng', 'Tỷ lệ (trên số được phân loại)']);
  ws.getRow(row).height = 30;
  row++;
  const lines: [string, number, string][] = [
    ['Tổng số đảng viên trong danh sách', result.members.length, ''],
    ['Không phân loại: miễn công tác, sinh hoạt', count((m) => m.reason === 'exempt'), ''],
    ['Không phân loại: vào Đảng chưa đủ 6 tháng', count((m) => m.reason === 'admitted-under-6-months'), ''],
    ['Phân loại sau: vắng mặt, chưa kiểm điểm', count((m) => m.status === 'deferred'), ''],
    ['Chưa xác định (chi bộ phải xử lý)', count((m) => m.status === 'undetermined'), ''],
    ['Số đảng viên được phân loại', classified.length, classified.length ? '100,00%' : '—'],
    ...(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const).map((level): [string, number, string] => {
      const c = classified.filter((m) => m.level === level).length;
      return [`— ${levelName(level)}`, c, percent(c, classified.length)];
    }),
  ];
  lines.forEach(([label, value, pct], i) => {
    bodyRow(ws, row, [i + 1, label, value, pct]);
    row++;
  });
  signatures(ws, row + 1, width, 'NGƯỜI LẬP BIỂU', 'T/M CHI BỘ\nBÍ THƯ');
  a4(ws, true, headerRow);
  ws.views = [{ state: 'frozen', ySplit: headerRow }];
}

const LEVEL_NAMES: Record<string, string> = { TSVM: 'Trong sạch, vững mạnh', HTTNV: 'Hoàn thành tốt nhiệm vụ', HTNV: 'Hoàn thành nhiệm vụ', YK: 'Yếu kém' };
const CRITERIA = ['Thực hiện nhiệm vụ chính trị', 'Công tác chính trị tư tưởng', 'Công tác tổ chức cán bộ và xây dựng chi bộ', 'Lãnh đạo xây dựng chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội', 'Công tác kiểm tra, giám sát và kỷ luật Đảng'];

function conditionText(value: boolean | number | string | null): string {
  if (value === null) return 'Chưa nhập';
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  return String(value);
}

export function writeChiBoSheet(wb: ExcelJS.Workbook, result: CheckResult): void {
  const ctx = contextOf(result);
  const ws = replaceSheet(wb, RESULT_SHEETS.chiBo);
  const width = 4;
  [6, 62, 14, 18].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  let row = heading(ws, width, ctx);
  merged(ws, row, 1, width, `KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CHI BỘ${ctx.year ? ` NĂM ${ctx.year}` : ''}`, { bold: true, size: 14 });
  row += 2;
  const c = result.chiBoResults[0];
  tableHeader(ws, row, ['TT', 'Tiêu chí', 'Điểm tối đa', 'Điểm bình quân']);
  row++;
  CRITERIA.forEach((name, i) => {
    const mean = c?.criteria[i];
    bodyRow(ws, row, [i + 1, name, CRITERION_MAX[i], mean === null || mean === undefined ? '—' : Math.round(mean * 100) / 100]);
    row++;
  });
  bodyRow(ws, row, ['', 'Tổng điểm (bình quân các phiếu hợp lệ)', 100, c?.score ?? '—']);
  ws.getCell(row, 2).font = { name: FONT, bold: true, size: 11 };
  row++;
  bodyRow(ws, row, ['', 'Số phiếu chấm điểm hợp lệ / đã nhập', '', c ? `${c.sheets.valid} / ${c.sheets.total}` : '—']);
  row += 2;
  tableHeader(ws, row, ['TT', 'Điều kiện', 'Giá trị', '']);
  ws.getRow(row).height = 22;
  row++;
  (c?.conditions ?? []).forEach((cond, i) => {
    bodyRow(ws, row, [i + 1, cond.label, conditionText(cond.value), '']);
    row++;
  });
  row++;
  merged(ws, row, 1, 2, 'Mức xếp loại', { bold: true }, 'left');
  merged(ws, row, 3, 4, c?.level ? LEVEL_NAMES[c.level] : 'Chưa xác định', { bold: true, color: { argb: 'FFC00000' } }, 'left');
  row++;
  merged(ws, row, 1, 2, 'Quy tắc quyết định', {}, 'left');
  merged(ws, row, 3, 4, c ? c.rules.join(', ') + (c.provisional ? ' (tạm thời)' : '') : '', {}, 'left');
  row++;
  merged(ws, row, 1, width, c?.explanation ?? '', { italic: true, size: 11 }, 'left');
  ws.getRow(row).height = 48;
  signatures(ws, row + 2, width, 'NGƯỜI LẬP BIỂU', 'T/M CHI BỘ\nBÍ THƯ');
  a4(ws, false);
}
