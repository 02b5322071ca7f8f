/**
 * A host-neutral description of a sheet the add-in writes: cells, styles, merges, widths and page set-up.
 * The result sheets are built once as layouts; ExcelJS (src/xlsx) and Office.js (src/office) each render
 * them, so a checked .xlsx and a checked open workbook look the same.
 */
import type { CellRange } from '../grid';

export interface CellStyle {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly size?: number;
  /** '#RRGGBB'. */
  readonly color?: string;
  readonly fill?: string;
  readonly align?: 'left' | 'center' | 'right';
  readonly wrap?: boolean;
  readonly border?: boolean;
}

export interface LayoutCell {
  /** 0-based. */
  readonly row: number;
  readonly col: number;
  /** Text is always written as text, never as a formula. */
  readonly value: string | number;
  readonly style?: CellStyle;
  /** An internal link to a cell of the workbook. */
  readonly link?: { readonly sheet: string; readonly cell: string };
}

/** A rule for what may be typed in a range (the template's dropdowns and number checks). */
export type ValidationRule =
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'whole'; readonly min: number }
  | { readonly kind: 'decimal'; readonly min: number; readonly max: number }
  | { readonly kind: 'date' };

export interface Validation {
  readonly range: CellRange;
  readonly rule: ValidationRule;
  /** Shown when the cell is selected. */
  readonly prompt?: string;
  /** Refuse other input (numbers) rather than only prompting (lists accept the other spellings). */
  readonly strict: boolean;
}

export interface SheetLayout {
  readonly name: string;
  readonly cells: readonly LayoutCell[];
  readonly merges: readonly CellRange[];
  /** Column widths in characters, from column A. */
  readonly columnWidths: readonly number[];
  /** Row heights in points, by 0-based row. */
  readonly rowHeights: ReadonlyMap<number, number>;
  readonly landscape: boolean;
  /** Header rows repeated on every printed page (0-based, inclusive). */
  readonly printTitleRows?: readonly [number, number];
  readonly freezeRows?: number;
  readonly freezeCols?: number;
  readonly validations?: readonly Validation[];
  /** Hints attached to cells (as notes). */
  readonly notes?: readonly { readonly row: number; readonly col: number; readonly text: string }[];
  /** Number formats for ranges, e.g. day-first dates. */
  readonly numberFormats?: readonly { readonly range: CellRange; readonly format: string }[];
  readonly tabColor?: string;
  /**
   * Where a chart of the sheet's main table would take its data from: the category labels and the
   * values (one column each, same rows), its title, and the cells it should cover. The layout only
   * describes it: Office.js draws it with the sheet's charts; for .xlsx files src/xlsx/chart.ts adds it
   * to the package ExcelJS wrote.
   */
  readonly chartSource?: ChartSource;
  /** Print set-up beyond the default (A4, one page wide): for sheets printed as forms (the ballots). */
  readonly print?: PrintSetup;
}

export interface PrintSetup {
  /**
   * Shrink the printed width to one page (the default). `false` prints at 100 %: the text keeps its
   * size (at least 11 pt on paper), so the columns of the print area must fit the page themselves.
   */
  readonly fitToWidth?: boolean;
  /** The range printed; the used range without it. */
  readonly area?: CellRange;
  /** Manual page breaks: 0-based rows that begin a new page. */
  readonly pageBreaks?: readonly number[];
  /** Inches; the renderers' default margins without it. */
  readonly margins?: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
}

export interface ChartSource {
  readonly categories: CellRange;
  readonly values: CellRange;
  readonly title: string;
  readonly anchor: CellRange;
}

export const FONT_NAME = 'Times New Roman';

/** Collects cells row by row; the result sheets use it instead of poking at a host's API. */
/** Excel's tallest row, in points. */
export const MAX_ROW_HEIGHT = 409;

export class LayoutBuilder {
  private readonly cells: LayoutCell[] = [];
  private readonly merges: CellRange[] = [];
  private readonly heights = new Map<number, number>();
  private readonly validations: Validation[] = [];
  private readonly notes: { row: number; col: number; text: string }[] = [];
  private readonly formats: { range: CellRange; format: string }[] = [];
  constructor(
    private readonly name: string,
    private readonly widths: readonly number[],
    private readonly landscape: boolean,
  ) {}

  get width(): number {
    return this.widths.length;
  }

  set(row: number, col: number, value: string | number | null | undefined, style?: CellStyle, link?: LayoutCell['link']): void {
    if (value === null || value === undefined || value === '') {
      if (style) this.cells.push({ row, col, value: '', style });
      return;
    }
    this.cells.push({ row, col, value, style, link });
  }

  /** A value across columns `from`..`to` of one row. */
  span(row: number, from: number, to: number, value: string, style?: CellStyle): void {
    if (to > from) this.merges.push({ top: row, left: from, bottom: row, right: to });
    this.set(row, from, value, style);
  }

  height(row: number, points: number): void {
    this.heights.set(row, points);
  }

  /** A merged area of any shape (a header label over two rows). */
  merge(range: CellRange): void {
    this.merges.push(range);
  }

  validate(validation: Validation): void {
    this.validations.push(validation);
  }

  note(row: number, col: number, text: string): void {
    this.notes.push({ row, col, text });
  }

  numberFormat(range: CellRange, format: string): void {
    this.formats.push({ range, format });
  }

  /**
   * Rows holding wrapped text get a height that shows all of it (up to Excel's maximum: a taller row is
   * refused by Office.js with InvalidArgument, failing the whole write, e.g. for a 32,767-character note): neither Excel nor LibreOffice grows
   * a row for text in merged cells, and LibreOffice keeps imported rows at their default height.
   */
  private fitWrappedRows(): void {
    // Keyed by row × 16,384 + column: a result sheet has a wrapped cell on every member's row.
    const spanWidth = new Map<number, number>();
    for (const m of this.merges) {
      let w = 0;
      for (let c = m.left; c <= m.right; c++) w += this.widths[c] ?? 10;
      spanWidth.set(m.top * 16_384 + m.left, w);
    }
    const needed = new Map<number, number>();
    for (const cell of this.cells) {
      if (!cell.style?.wrap || typeof cell.value !== 'string' || cell.value === '') continue;
      const width = spanWidth.get(cell.row * 16_384 + cell.col) ?? this.widths[cell.col] ?? 10;
      // Times New Roman at 11–12 pt fits about 1.05 characters per unit of Excel column width, less the
      // cell's padding (measured through Liberation Serif, its metric twin, by test/print); at 13–14 pt
      // about 0.9.
      const perLine = Math.max(1, Math.floor(width * (cell.style.size && cell.style.size > 12 ? 0.9 : 1.05)));
      const lines = paragraphLines(cell.value, perLine);
      const points = lines * ((cell.style.size ?? 12) + 3.5) + 3;
      needed.set(cell.row, Math.max(needed.get(cell.row) ?? 0, points));
    }
    for (const [row, points] of needed) if (points > (this.heights.get(row) ?? 18)) this.heights.set(row, Math.min(MAX_ROW_HEIGHT, Math.ceil(points)));
  }

  build(extra: { printTitleRows?: readonly [number, number]; freezeRows?: number; freezeCols?: number; tabColor?: string; chartSource?: ChartSource; print?: PrintSetup } = {}): SheetLayout {
    this.fitWrappedRows();
    return {
      name: this.name,
      cells: this.cells,
      merges: this.merges,
      columnWidths: this.widths,
      rowHeights: this.heights,
      landscape: this.landscape,
      validations: this.validations,
      notes: this.notes,
      numberFormats: this.formats,
      ...extra,
    };
  }
}

/**
 * Lines the paragraphs of a text (split at its line breaks) take when each is wrapped at word boundaries
 * into lines of `perLine` characters, a word longer than a line cut across lines: in one pass, with no
 * array or word made (test/output/layoutLines.test.ts compares it with the definition on random texts).
 */
export function paragraphLines(text: string, perLine: number): number {
  let total = 0;
  let lines = 1;
  let used = 0;
  let word = 0;
  const endWord = (): void => {
    if (word === 0) return;
    const need = used === 0 ? word : used + 1 + word;
    if (need <= perLine) used = need;
    else if (used === 0) {
      lines += Math.ceil(word / perLine) - 1;
      used = word % perLine || perLine;
    } else {
      lines++;
      used = Math.min(word, perLine);
      if (word > perLine) lines += Math.ceil(word / perLine) - 1;
    }
    word = 0;
  };
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 10;
    if (code === 10) {
      endWord();
      total += lines;
      lines = 1;
      used = 0;
    } else if (code === 32 || (code >= 9 && code <= 13) || (code > 127 && WHITE_SPACE.test(text[i]))) {
      endWord();
    } else {
      word++;
    }
  }
  return total;
}

/** One character that `\s` matches. */
const WHITE_SPACE = /^\s$/;

/** Lines a paragraph takes when wrapped at word boundaries into lines of `perLine` characters (a line break is a space). */
export function wrappedLines(text: string, perLine: number): number {
  return paragraphLines(text.includes('\n') ? text.replace(/\n/g, ' ') : text, perLine);
}

/** Texts that a spreadsheet would take for a formula if typed (RULES/FORMS: always write them as text). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}

// ——— The Party's document format (Hướng dẫn 36-HD/VPTW, 03/4/2018, "thể thức và kỹ thuật trình bày văn
// bản của Đảng"), shared by every paper the add-in prints. What is followed (docs/DECISIONS.md):
// - top left, the issuing body: the superior body on the first line in capitals (regular), the issuing
//   body itself on the next in bold capitals, a star "*" centred below them, then the number line
//   "Số …-BC/CB" (number left blank for the office to fill; BC = báo cáo, CB = chi bộ);
// - top right, the Party's name "ĐẢNG CỘNG SẢN VIỆT NAM" in bold capitals, underlined, and on the line of
//   the number the place and date in italics: "Hương Xuân, ngày 01 tháng 12 năm 2017" (days below 10 and
//   the months 1 and 2 with a leading zero);
// - the kind of document centred in bold capitals ("BÁO CÁO", "BIÊN BẢN") with its summary below in bold,
//   then a short rule;
// - at the end the signature on the right ("T/M CHI BỘ" / "BÍ THƯ", bold capitals, room to sign, the name)
//   and "Nơi nhận:" on the left, underlined, with its lines "- …;" and "- Lưu chi bộ." below.
// On a spreadsheet the sizes are 12–14 pt for the heading and title and 11 pt for the body (the printed
// paper test requires at least 11).

/** A date as the Party writes it: day and month numbers. */
export interface PartyDate {
  readonly d: number;
  readonly m: number;
  readonly y: number;
}

/** "ngày 01 tháng 12 năm 2017"; dots where the date is not known. */
export function partyDateText(date: PartyDate | null): string {
  if (!date) return 'ngày …… tháng …… năm ……';
  const day = date.d < 10 ? `0${date.d}` : String(date.d);
  const month = date.m <= 2 ? `0${date.m}` : String(date.m);
  return `ngày ${day} tháng ${month} năm ${date.y}`;
}

/** "Hương Xuân" from "Đảng bộ phường Hương Xuân": the place of the date line. */
export function placeOf(dangBo: string | null): string {
  if (!dangBo) return '……';
  return dangBo.replace(/^\s*đảng\s+(bộ|ủy|uỷ)\s+(phường|xã|thị\s+trấn|thị\s+xã|huyện|quận|thành\s+phố|tỉnh)?\s*/i, '').trim() || '……';
}

export interface DocumentHeader {
  /** The superior body, e.g. "Đảng bộ phường Hương Xuân" (printed in capitals); none for the ward itself. */
  readonly superior: string | null;
  /** The issuing body, e.g. "Chi bộ Thanh Khê" (printed in bold capitals). */
  readonly issuer: string;
  /** The number line, e.g. numberLine('BC', 'CB'); none for papers without a number (ballots). */
  readonly number?: string | null;
  /** The place of the date line (placeOf(dangBo)). */
  readonly place: string;
  readonly date: PartyDate | null;
}

/** "Số       -BC/CB": the number is left for the office to write in. */
export function numberLine(kind: string, issuer: string): string {
  return `Số        -${kind}/${issuer}`;
}

/** The columns of the printed width given to the left and right halves of the heading. */
export interface HeadingColumns {
  /** Last column of the left half (the issuing body). */
  readonly leftEnd: number;
  /** First and last column of the right half (the Party's name, the date). */
  readonly rightStart: number;
  readonly rightEnd: number;
}

/** Halves of the first `printed` columns (all of the builder's columns by default). */
export function headingColumns(b: LayoutBuilder, printed = b.width): HeadingColumns {
  const half = Math.max(1, Math.floor(printed / 2));
  return { leftEnd: half - 1, rightStart: half, rightEnd: Math.max(half, printed - 1) };
}

const CAPS = (s: string): string => s.toLocaleUpperCase('vi');

/**
 * The heading of a Party document from row `top` (4 rows: superior body | Party's name; issuing body;
 * star; number | place and date). Returns the next free row.
 */
export function documentHeading(b: LayoutBuilder, header: DocumentHeader, top = 0, cols: HeadingColumns = headingColumns(b)): number {
  const { leftEnd, rightStart, rightEnd } = cols;
  const row = (r: number) => top + r;
  let left = 0;
  if (header.superior) b.span(row(left++), 0, leftEnd, CAPS(header.superior), { size: 12, align: 'center', wrap: true });
  b.span(row(left++), 0, leftEnd, CAPS(header.issuer), { bold: true, size: 12, align: 'center', wrap: true });
  b.span(row(left++), 0, leftEnd, '*', { size: 12, align: 'center' });
  b.span(row(0), rightStart, rightEnd, 'ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true, size: 13, align: 'center' });
  const last = Math.max(3, left);
  if (header.number) b.span(row(last), 0, leftEnd, header.number, { size: 12, align: 'center' });
  b.span(row(last), rightStart, rightEnd, `${header.place}, ${partyDateText(header.date)}`, { italic: true, size: 12, align: 'center' });
  return row(last + 1);
}

/**
 * The kind of document and its summary, centred over `cols` columns from `left`: "BÁO CÁO" then
 * "kết quả …" in bold, then a short rule. Returns the next free row (after one blank row).
 */
export function documentTitle(b: LayoutBuilder, row: number, kind: string, summary: string | null, right = b.width - 1, left = 0): number {
  b.span(row++, left, right, CAPS(kind), { bold: true, size: 14, align: 'center', wrap: true });
  if (summary) b.span(row++, left, right, summary, { bold: true, size: 13, align: 'center', wrap: true });
  b.span(row++, left, right, '-----', { size: 12, align: 'center' });
  return row + 1;
}

export interface SignatureBlock {
  /** "T/M CHI BỘ", "BÍ THƯ": bold capitals on the right. */
  readonly signer: readonly string[];
  /** The name under the signature; "(Ký, ghi rõ họ tên)" without it. */
  readonly name?: string | null;
  /** The lines under "Nơi nhận:" ("- Đảng ủy phường (b/c);", "- Lưu chi bộ."); no "Nơi nhận" without them. */
  readonly recipients?: readonly string[];
  /** A second signer on the left instead of "Nơi nhận" (e.g. "NGƯỜI LẬP BIỂU", "THƯ KÝ"). */
  readonly leftSigner?: readonly string[];
}

/**
 * The signature block from `row`: the signer on the right with room to sign (three blank rows), the
 * recipients or a second signer on the left. Returns the row after the block.
 */
export function signatureBlock(b: LayoutBuilder, row: number, block: SignatureBlock, cols: HeadingColumns = headingColumns(b)): number {
  const { leftEnd, rightStart, rightEnd } = cols;
  let right = row;
  for (const line of block.signer) b.span(right++, rightStart, rightEnd, CAPS(line), { bold: true, size: 12, align: 'center' });
  const signBelow = right + 3;
  b.span(signBelow, rightStart, rightEnd, block.name ?? '(Ký, ghi rõ họ tên)', block.name ? { bold: true, size: 12, align: 'center' } : { italic: true, size: 11, align: 'center' });
  let left = row;
  if (block.leftSigner) {
    for (const line of block.leftSigner) b.span(left++, 0, leftEnd, CAPS(line), { bold: true, size: 12, align: 'center' });
    b.span(signBelow, 0, leftEnd, '(Ký, ghi rõ họ tên)', { italic: true, size: 11, align: 'center' });
  } else if (block.recipients?.length) {
    b.span(left++, 0, leftEnd, 'Nơi nhận:', { underline: true, size: 12 });
    for (const line of block.recipients) b.span(left++, 0, leftEnd, line, { size: 11 });
  }
  return Math.max(left, signBelow + 1);
}

/**
 * A number printed the Vietnamese way, whatever the computer's settings: a decimal comma, `decimals`
 * places, no grouping below 10 000 ("87,63", "1314,50"), "—" for none. Written as text: a number format
 * prints the computer's decimal separator (Excel and LibreOffice on an English system print 87.63).
 */
export function viNumber(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const [int, frac] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = int.length > 4 ? int.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : int;
  return `${value < 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/**
 * A sentence for paper: rule IDs removed ("… → HTTNV (MEM-01)." → "… → HTTNV."), whether in
 * parentheses, brackets or bare. The screen keeps them (notes, `Kiểm tra`, the columns outside the
 * print area).
 */
export function withoutRuleIds(text: string): string {
  // MEM-06, and the 2025 families' IDs with their year: M25-10, CFG25-01, ELIG25-01.
  const id = String.raw`(?:[A-Z]{2,5}|[A-Z]{1,5}25)-\d{2}`;
  return text
    .replace(new RegExp(String.raw`\s*[([]\s*${id}(?:\s*[,;]\s*${id})*\s*[)\]]`, 'g'), '')
    .replace(new RegExp(String.raw`\s*\b${id}\b:?`, 'g'), '')
    .replace(/\s+([.,;:])/g, '$1')
    .trim();
}
