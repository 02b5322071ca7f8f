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
    const spanWidth = new Map<string, number>();
    for (const m of this.merges) {
      let w = 0;
      for (let c = m.left; c <= m.right; c++) w += this.widths[c] ?? 10;
      spanWidth.set(`${m.top},${m.left}`, w);
    }
    const needed = new Map<number, number>();
    for (const cell of this.cells) {
      if (!cell.style?.wrap || typeof cell.value !== 'string' || cell.value === '') continue;
      const width = spanWidth.get(`${cell.row},${cell.col}`) ?? this.widths[cell.col] ?? 10;
      // Times New Roman at 11–12 pt fits about 1.15 characters per unit of Excel column width.
      const perLine = Math.max(1, Math.floor(width * 1.15));
      const lines = cell.value.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
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

/** Texts that a spreadsheet would take for a formula if typed (RULES/FORMS: always write them as text). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}
