/**
 * FakeExcelHost: an in-memory Excel for testing the add-in's real Office.js code without Excel.
 *
 *   const host = await FakeExcelHost.fromXlsx(buffer);            // or fromWorkbook(exceljsWorkbook)
 *   const model = await host.run((context) => readWorkbook(context));
 *   expect(host.stats.syncs).toBe(2);
 *   expect(host.getFill('Danh sách', 'B7')).toBe('#FFC7CE');
 *
 * This is the Node entry: it adds .xlsx loading and `toExcelJs()` (ExcelJS) to the core in host.ts.
 * The browser build (browser.ts) uses host.ts alone, with workbooks given as snapshots.
 * See README.md in this folder for the semantics and the known differences from Excel.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { type FakeExcelOptions, FakeExcelHostCore } from './host';
import { type FakeWorkbookSnapshot, bookFromSnapshot } from './snapshot';
import { readPackage } from './package';
import { hostFromExcelJs, hostFromXlsx, hostToExcelJs } from './xlsx';

export { FakeRichApiError, ErrorCodes } from './errors';
export { FakeClientResult, FakeRequestContext } from './client';
export {
  FakeChart,
  FakeChartCollection,
  FakeChartDataLabels,
  FakeChartFont,
  FakeChartLegend,
  FakeChartSeries,
  FakeChartSeriesCollection,
  FakeChartTitle,
  FakeChartTitleFormat,
  FakeDataValidation,
  FakeFunctionResult,
  FakeFunctions,
  FakeNote,
  FakeNoteCollection,
  FakePageLayout,
  FakeRange,
  FakeRangeAreas,
  FakeRangeBorder,
  FakeRangeBorderCollection,
  FakeRangeFill,
  FakeRangeFont,
  FakeRangeFormat,
  FakeWorkbook,
  FakeWorksheet,
  FakeWorksheetCollection,
  FakeWorksheetFreezePanes,
} from './objects';
export { FakeExcelHostCore } from './host';
export type { FakeExcelOptions, FakeSyncRecord, FakeSyncStats, InspectedBorders, InspectedChart, InspectedLiteral, InspectedPageLayout, InspectedValidation, InspectedValue } from './host';
export type { BorderLine, CellFormat, FontState, Visibility } from './model';
export type { FakeWorkbookSnapshot, SnapshotCell, SnapshotChart, SnapshotFormat, SnapshotSheet } from './snapshot';
export type { ChartDataLabelsState, ChartFontState, ChartPoints, ChartSeriesState, SeriesBy } from './charts';

export class FakeExcelHost extends FakeExcelHostCore {
  /** Opens an .xlsx file (path) or its bytes, as Excel would show it. */
  static async fromXlsx(source: string | ArrayBuffer | Uint8Array, options: FakeExcelOptions = {}): Promise<FakeExcelHost> {
    const bytes = typeof source === 'string' ? await readFile(source) : Buffer.from(source instanceof ArrayBuffer ? new Uint8Array(source) : source);
    // Values from the fake's own reading of the package (what Excel shows); formats from ExcelJS, where it
    // can read the file at all (see hostFromXlsx).
    const pkg = await readPackage(bytes);
    let wb: ExcelJS.Workbook | null = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    } catch {
      wb = null;
    }
    return new FakeExcelHost(hostFromXlsx(pkg, wb, options.apiVersion ?? '1.18', options.userName ?? 'Fake User'), options);
  }

  /** Takes an ExcelJS workbook's current content (it is copied: later changes to it are not seen). */
  static fromWorkbook(workbook: ExcelJS.Workbook, options: FakeExcelOptions = {}): FakeExcelHost {
    return new FakeExcelHost(hostFromExcelJs(workbook, options.apiVersion ?? '1.18', options.userName ?? 'Fake User'), options);
  }

  /** A host holding the workbook of a snapshot (`toSnapshot()`'s result, or its JSON text). */
  static override fromSnapshot(snapshot: FakeWorkbookSnapshot | string | unknown, options: FakeExcelOptions = {}): FakeExcelHost {
    return new FakeExcelHost(bookFromSnapshot(snapshot, options.apiVersion ?? '1.18', options.userName ?? 'Fake User'), options);
  }

  /**
   * The current state as a new ExcelJS workbook (save it with `xlsx.writeBuffer()` to re-read it).
   * Charts are dropped: ExcelJS cannot write them (use `toSnapshot()` to keep them).
   */
  toExcelJs(): ExcelJS.Workbook {
    return hostToExcelJs(this.book);
  }
}
