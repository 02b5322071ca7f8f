/**
 * Charts on the host (ExcelApi 1.1 `worksheet.charts`): what Excel keeps for a chart, and what it does
 * on each chart request. The API classes are in objects.ts; nothing here knows about proxies.
 *
 * A chart remembers its source range (on any sheet) and how that range was read when the chart was
 * made or given new data: series by columns or by rows, and whether the first row/column holds the
 * series names and the categories. Its series are then read live from the cells, as Excel's series
 * formulas (`=SERIES(Sheet1!$B$1, Sheet1!$A$2:$A$5, Sheet1!$B$2:$B$5, 1)`) are.
 *
 * Where it sits is either two cells (after `setPosition(start, end)`: it follows their rows and columns)
 * or points (`top`/`left`/`width`/`height`, and a new chart). See README.md for the guesses.
 */
import { MAX_COLS, MAX_ROWS, type Rect, cellA1, intersection, isWholeColumns, isWholeRows, qualified } from './address';
import { invalidArgument, itemNotFound } from './errors';
import { formatText, parseColor } from './format';
import { type HostSheet, type Literal, cellKey, effectiveFormat, isCoveredByMerge, usedRect } from './model';

/** `Excel.ChartType` as office.js defines it ('Invalid' is only ever read, never accepted). */
export const CHART_TYPE_ENUM: Readonly<Record<string, string>> = {
  invalid: 'Invalid', columnClustered: 'ColumnClustered', columnStacked: 'ColumnStacked', columnStacked100: 'ColumnStacked100',
  _3DColumnClustered: '3DColumnClustered', _3DColumnStacked: '3DColumnStacked', _3DColumnStacked100: '3DColumnStacked100',
  barClustered: 'BarClustered', barStacked: 'BarStacked', barStacked100: 'BarStacked100', _3DBarClustered: '3DBarClustered',
  _3DBarStacked: '3DBarStacked', _3DBarStacked100: '3DBarStacked100', lineStacked: 'LineStacked', lineStacked100: 'LineStacked100',
  lineMarkers: 'LineMarkers', lineMarkersStacked: 'LineMarkersStacked', lineMarkersStacked100: 'LineMarkersStacked100', pieOfPie: 'PieOfPie',
  pieExploded: 'PieExploded', _3DPieExploded: '3DPieExploded', barOfPie: 'BarOfPie', xyscatterSmooth: 'XYScatterSmooth',
  xyscatterSmoothNoMarkers: 'XYScatterSmoothNoMarkers', xyscatterLines: 'XYScatterLines', xyscatterLinesNoMarkers: 'XYScatterLinesNoMarkers',
  areaStacked: 'AreaStacked', areaStacked100: 'AreaStacked100', _3DAreaStacked: '3DAreaStacked', _3DAreaStacked100: '3DAreaStacked100',
  doughnutExploded: 'DoughnutExploded', radarMarkers: 'RadarMarkers', radarFilled: 'RadarFilled', surface: 'Surface',
  surfaceWireframe: 'SurfaceWireframe', surfaceTopView: 'SurfaceTopView', surfaceTopViewWireframe: 'SurfaceTopViewWireframe', bubble: 'Bubble',
  bubble3DEffect: 'Bubble3DEffect', stockHLC: 'StockHLC', stockOHLC: 'StockOHLC', stockVHLC: 'StockVHLC', stockVOHLC: 'StockVOHLC',
  cylinderColClustered: 'CylinderColClustered', cylinderColStacked: 'CylinderColStacked', cylinderColStacked100: 'CylinderColStacked100',
  cylinderBarClustered: 'CylinderBarClustered', cylinderBarStacked: 'CylinderBarStacked', cylinderBarStacked100: 'CylinderBarStacked100',
  cylinderCol: 'CylinderCol', coneColClustered: 'ConeColClustered', coneColStacked: 'ConeColStacked', coneColStacked100: 'ConeColStacked100',
  coneBarClustered: 'ConeBarClustered', coneBarStacked: 'ConeBarStacked', coneBarStacked100: 'ConeBarStacked100', coneCol: 'ConeCol',
  pyramidColClustered: 'PyramidColClustered', pyramidColStacked: 'PyramidColStacked', pyramidColStacked100: 'PyramidColStacked100',
  pyramidBarClustered: 'PyramidBarClustered', pyramidBarStacked: 'PyramidBarStacked', pyramidBarStacked100: 'PyramidBarStacked100',
  pyramidCol: 'PyramidCol', _3DColumn: '3DColumn', line: 'Line', _3DLine: '3DLine', _3DPie: '3DPie', pie: 'Pie', xyscatter: 'XYScatter',
  _3DArea: '3DArea', area: 'Area', doughnut: 'Doughnut', radar: 'Radar', histogram: 'Histogram', boxwhisker: 'Boxwhisker', pareto: 'Pareto',
  regionMap: 'RegionMap', treemap: 'Treemap', waterfall: 'Waterfall', sunburst: 'Sunburst', funnel: 'Funnel',
};
export const CHART_TYPES: readonly string[] = Object.values(CHART_TYPE_ENUM).filter((t) => t !== 'Invalid');
export const LEGEND_POSITIONS = ['Top', 'Bottom', 'Left', 'Right', 'Corner'] as const;
/** Pie-like charts show a legend even for one series. */
const PIE_TYPES = new Set(['Pie', 'PieExploded', '3DPie', '3DPieExploded', 'PieOfPie', 'BarOfPie', 'Doughnut', 'DoughnutExploded']);

/** Excel's default chart: 5 × 3 inches. */
export const DEFAULT_CHART_WIDTH = 360;
export const DEFAULT_CHART_HEIGHT = 216;

export type SeriesBy = 'Columns' | 'Rows';

export interface ChartFontState {
  readonly name: string;
  readonly size: number;
  /** '#RRGGBB' */
  readonly color: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: 'None' | 'Single';
}

/** Excel 2013+'s chart title: Calibri (body) 14 pt, dark grey. */
export const DEFAULT_TITLE_FONT: ChartFontState = { name: 'Calibri', size: 14, color: '#595959', bold: false, italic: false, underline: 'None' };

export interface ChartTitleState {
  text: string;
  visible: boolean;
  overlay: boolean;
  font: ChartFontState;
}

export interface ChartLegendState {
  visible: boolean;
  position: (typeof LEGEND_POSITIONS)[number];
  overlay: boolean;
}

export const DATA_LABEL_FLAGS = ['showValue', 'showSeriesName', 'showCategoryName', 'showLegendKey', 'showPercentage', 'showBubbleSize'] as const;
export type DataLabelFlag = (typeof DATA_LABEL_FLAGS)[number];
export type ChartDataLabelsState = Record<DataLabelFlag, boolean>;

export interface CellPoint {
  readonly row: number;
  readonly col: number;
}

export interface ChartPoints {
  readonly top: number;
  readonly left: number;
  readonly width: number;
  readonly height: number;
}

/** Two cells (the chart covers start's top-left to end's bottom-right) or points. */
export type ChartPlacement = { readonly kind: 'cells'; readonly start: CellPoint; readonly end: CellPoint } | ({ readonly kind: 'points' } & ChartPoints);

export interface ChartSource {
  readonly sheet: HostSheet;
  readonly rect: Rect;
}

/** How the source is read: fixed when the data is given, as Excel writes the series formulas then. */
export interface ChartLayout {
  readonly seriesBy: SeriesBy;
  /** The first row (by columns) or column (by rows) holds the series names. */
  readonly names: boolean;
  /** The first column (by columns) or row (by rows) holds the categories. */
  readonly categories: boolean;
}

export interface HostChart {
  readonly id: string;
  readonly sheet: HostSheet;
  name: string;
  type: string;
  /** null once the source's sheet is deleted (Excel's series then refer to #REF!). */
  source: ChartSource | null;
  layout: ChartLayout;
  /** Series names set through `ChartSeries.name`, by series index; they replace the header cell. */
  seriesNames: Map<number, string>;
  title: ChartTitleState;
  legend: ChartLegendState;
  dataLabels: ChartDataLabelsState;
  placement: ChartPlacement;
  deleted: boolean;
}

export interface ChartSeriesState {
  readonly name: string;
  /** As the cells hold them (numbers, text, booleans, error texts); null for an empty cell. */
  readonly values: (Literal | null)[];
  /** The category labels as the cells show them; "1", "2", … without a category row/column. */
  readonly categories: string[];
}

const fail = (error: Error): never => {
  throw error;
};

export function liveChart(chart: HostChart): HostChart {
  if (chart.deleted || chart.sheet.deleted) throw itemNotFound();
  return chart;
}

// ---------------------------------------------------------------------------------------------------
// Source data and series

function content(sheet: HostSheet, r: number, c: number): Literal | null {
  if (isCoveredByMerge(sheet, r, c)) return null;
  const value = sheet.cells.get(cellKey(r, c))?.content ?? null;
  return value !== null && typeof value === 'object' ? value.error : value;
}

/** A header line is text: no number in it and at least one non-empty text. */
function isTextLine(cells: readonly (Literal | null)[]): boolean {
  return !cells.some((v) => typeof v === 'number') && cells.some((v) => typeof v === 'string' && v !== '');
}

/** Whole rows or columns are cut to the sheet's data, as Excel takes only the used part of them. */
export function chartSourceRect(sheet: HostSheet, rect: Rect): Rect {
  if (!isWholeColumns(rect) && !isWholeRows(rect)) return rect;
  const used = usedRect(sheet, true);
  return (used && intersection(rect, used)) ?? { r0: rect.r0, c0: rect.c0, r1: rect.r0, c1: rect.c0 };
}

/** The source in series orientation: `at(i, j)` is point i of series j, header lines included. */
function oriented(source: ChartSource, seriesBy: SeriesBy): { points: number; series: number; at: (i: number, j: number) => [number, number] } {
  const { rect } = source;
  const rows = rect.r1 - rect.r0 + 1;
  const cols = rect.c1 - rect.c0 + 1;
  return seriesBy === 'Columns'
    ? { points: rows, series: cols, at: (i, j) => [rect.r0 + i, rect.c0 + j] }
    : { points: cols, series: rows, at: (i, j) => [rect.r0 + j, rect.c0 + i] };
}

/**
 * How Excel reads a new chart's data: 'Auto' takes series by columns when the range has more rows than
 * columns, else by rows; the name line is a header when it is text (or the top-left cell is empty), and
 * so is the category line (see README).
 */
export function detectLayout(source: ChartSource, seriesBy: unknown): ChartLayout {
  if (seriesBy !== undefined && seriesBy !== null && seriesBy !== 'Auto' && seriesBy !== 'Columns' && seriesBy !== 'Rows') throw invalidArgument(`seriesBy ${JSON.stringify(seriesBy)}`);
  const { rect, sheet } = source;
  const by: SeriesBy = seriesBy === 'Columns' || seriesBy === 'Rows' ? seriesBy : rect.r1 - rect.r0 > rect.c1 - rect.c0 ? 'Columns' : 'Rows';
  const o = oriented(source, by);
  const cell = (i: number, j: number): Literal | null => content(sheet, ...o.at(i, j));
  const cornerEmpty = cell(0, 0) === null;
  const line = (fixed: 'point' | 'series', index: number, from: number): (Literal | null)[] => {
    const out: (Literal | null)[] = [];
    const to = fixed === 'point' ? o.series : o.points;
    for (let k = from; k < to; k++) out.push(fixed === 'point' ? cell(index, k) : cell(k, index));
    return out;
  };
  const names = o.points > 1 && ((cornerEmpty && o.series > 1) || isTextLine(line('point', 0, o.series > 1 ? 1 : 0)));
  const categories = o.series > 1 && ((cornerEmpty && o.points > 1) || isTextLine(line('series', 0, names ? 1 : 0)));
  return { seriesBy: by, names, categories };
}

/** The series as Excel plots them now (read live from the source cells). */
export function chartSeries(chart: HostChart, date1904: boolean): ChartSeriesState[] {
  const { source, layout } = chart;
  if (!source || source.sheet.deleted) return [];
  const o = oriented(source, layout.seriesBy);
  const first = layout.names ? 1 : 0;
  const text = (r: number, c: number): string => formatText(isCoveredByMerge(source.sheet, r, c) ? null : (source.sheet.cells.get(cellKey(r, c))?.content ?? null), effectiveFormat(source.sheet, r, c).numberFormat, date1904);
  const categories: string[] = [];
  for (let i = first; i < o.points; i++) categories.push(layout.categories ? text(...o.at(i, 0)) : String(i - first + 1));
  const out: ChartSeriesState[] = [];
  for (let j = layout.categories ? 1 : 0, n = 0; j < o.series; j++, n++) {
    const values: (Literal | null)[] = [];
    for (let i = first; i < o.points; i++) values.push(content(source.sheet, ...o.at(i, j)));
    const name = chart.seriesNames.get(n) ?? (layout.names ? text(...o.at(0, j)) : `Series${n + 1}`);
    out.push({ name, values, categories: [...categories] });
  }
  return out;
}

export function chartSourceAddress(chart: HostChart): string | null {
  return chart.source && !chart.source.sheet.deleted ? qualified(chart.source.sheet.name, chart.source.rect) : null;
}

// ---------------------------------------------------------------------------------------------------
// Creating, finding, deleting

/** "Chart 1", "Chart 2", … per sheet; a number is not given again after a delete (as in Excel). */
export function nextChartName(sheet: HostSheet): string {
  sheet.chartSerial++;
  return `Chart ${sheet.chartSerial}`;
}

export function checkChartType(type: unknown): string {
  return typeof type === 'string' && CHART_TYPES.includes(type) ? type : fail(invalidArgument(`chart type ${JSON.stringify(type)}`));
}

export function newChartId(sheet: HostSheet): string {
  sheet.book.chartSerial++;
  return `{00000000-0002-0000-${String(sheet.book.chartSerial).padStart(4, '0')}-000000000000}`;
}

/** `worksheet.charts.add(type, sourceData, seriesBy)` (a null source only when a snapshot says so). */
export function addChart(sheet: HostSheet, type: unknown, source: ChartSource | null, seriesBy: unknown, date1904: boolean): HostChart {
  const chartType = checkChartType(type);
  const clipped: ChartSource | null = source && { sheet: source.sheet, rect: chartSourceRect(source.sheet, source.rect) };
  const layout: ChartLayout = clipped ? detectLayout(clipped, seriesBy) : { seriesBy: seriesBy === 'Rows' ? 'Rows' : 'Columns', names: false, categories: false };
  // Beside its data when the data is on the chart's sheet; else at the sheet's top-left corner.
  const beside = clipped !== null && clipped.sheet === sheet && clipped.rect.c1 + 1 < MAX_COLS;
  const chart: HostChart = {
    id: newChartId(sheet),
    sheet,
    name: nextChartName(sheet),
    type: chartType,
    source: clipped,
    layout,
    seriesNames: new Map(),
    title: { text: '', visible: true, overlay: false, font: DEFAULT_TITLE_FONT },
    legend: { visible: true, position: 'Bottom', overlay: false },
    dataLabels: { showValue: false, showSeriesName: false, showCategoryName: false, showLegendKey: false, showPercentage: false, showBubbleSize: false },
    placement: {
      kind: 'points',
      top: beside ? rowTop(sheet, clipped.rect.r0) : 0,
      left: beside ? columnLeft(sheet, clipped.rect.c1 + 1) : 0,
      width: DEFAULT_CHART_WIDTH,
      height: DEFAULT_CHART_HEIGHT,
    },
    deleted: false,
  };
  // One series: Excel titles the chart with its name and shows no legend (pies excepted).
  const series = chartSeries(chart, date1904);
  chart.title.text = series.length === 1 && layout.names ? series[0].name : 'Chart Title';
  chart.legend.visible = series.length !== 1 || PIE_TYPES.has(chartType);
  sheet.charts.push(chart);
  return chart;
}

/** `Chart.setData`: new source, read afresh; series names set before are dropped. */
export function setChartData(chart: HostChart, source: ChartSource, seriesBy: unknown): void {
  const clipped: ChartSource = { sheet: source.sheet, rect: chartSourceRect(source.sheet, source.rect) };
  chart.layout = detectLayout(clipped, seriesBy);
  chart.source = clipped;
  chart.seriesNames.clear();
}

/** `Chart.plotBy` = Excel's Switch Row/Column: the name line and the category line trade places. */
export function setPlotBy(chart: HostChart, value: unknown): void {
  if (value !== 'Columns' && value !== 'Rows') throw invalidArgument(`plotBy ${JSON.stringify(value)}`);
  if (value === chart.layout.seriesBy) return;
  chart.layout = { seriesBy: value, names: chart.layout.categories, categories: chart.layout.names };
  chart.seriesNames.clear();
}

/** By name, as `getItem` looks it up: the first chart with it, case-insensitively. */
export function findChart(sheet: HostSheet, name: unknown): HostChart | undefined {
  if (typeof name !== 'string') return undefined;
  const folded = name.toLocaleUpperCase();
  return sheet.charts.find((c) => c.name.toLocaleUpperCase() === folded);
}

export function deleteChart(chart: HostChart): void {
  const list = chart.sheet.charts;
  list.splice(list.indexOf(liveChart(chart)), 1);
  chart.deleted = true;
}

/** What `Chart.name` accepts: a non-empty text of up to 255 characters. */
export function checkChartName(name: unknown): string {
  return typeof name === 'string' && name.trim() !== '' && name.length <= 255 ? name : fail(invalidArgument(`chart name ${JSON.stringify(name)}`));
}

// ---------------------------------------------------------------------------------------------------
// Geometry

/** Points from the top of the sheet to the top of row `row` (hidden rows take no room). */
export function rowTop(sheet: HostSheet, row: number): number {
  let top = row * sheet.defaultRowHeight;
  for (const [r, h] of sheet.rowHeights) if (r < row) top += h - sheet.defaultRowHeight;
  for (const r of sheet.hiddenRows) if (r < row) top -= sheet.rowHeights.get(r) ?? sheet.defaultRowHeight;
  return top;
}

export function columnLeft(sheet: HostSheet, col: number): number {
  let left = col * sheet.defaultColumnWidth;
  for (const [c, w] of sheet.columnWidths) if (c < col) left += w - sheet.defaultColumnWidth;
  for (const c of sheet.hiddenColumns) if (c < col) left -= sheet.columnWidths.get(c) ?? sheet.defaultColumnWidth;
  return left;
}

export function chartPoints(chart: HostChart): ChartPoints {
  const p = chart.placement;
  if (p.kind === 'points') return { top: p.top, left: p.left, width: p.width, height: p.height };
  const top = rowTop(chart.sheet, p.start.row);
  const left = columnLeft(chart.sheet, p.start.col);
  return { top, left, width: columnLeft(chart.sheet, p.end.col + 1) - left, height: rowTop(chart.sheet, p.end.row + 1) - top };
}

/** Setting `top`, `left`, `width` or `height` places the chart in points from then on. */
export function setChartPoint(chart: HostChart, key: keyof ChartPoints, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw invalidArgument(`${key} ${String(value)}`);
  chart.placement = { kind: 'points', ...chartPoints(chart), [key]: value };
}

/** `setPosition(start, end?)`: from start's top-left to end's bottom-right; without end the size is kept. */
export function setChartPosition(chart: HostChart, start: Rect, end: Rect | null): void {
  if (!end) {
    const { width, height } = chartPoints(chart);
    chart.placement = { kind: 'points', top: rowTop(chart.sheet, start.r0), left: columnLeft(chart.sheet, start.c0), width, height };
    return;
  }
  const r0 = Math.min(start.r0, end.r1);
  const c0 = Math.min(start.c0, end.c1);
  const r1 = Math.max(start.r0, end.r1);
  const c1 = Math.max(start.c0, end.c1);
  chart.placement = { kind: 'cells', start: { row: r0, col: c0 }, end: { row: Math.min(r1, MAX_ROWS - 1), col: Math.min(c1, MAX_COLS - 1) } };
}

export function placementForInspection(chart: HostChart): { startCell: string; endCell: string } | ChartPoints {
  const p = chart.placement;
  return p.kind === 'cells' ? { startCell: cellA1(p.start.row, p.start.col), endCell: cellA1(p.end.row, p.end.col) } : chartPoints(chart);
}

// ---------------------------------------------------------------------------------------------------
// Titles, legends, fonts

export function checkBool(value: unknown, what: string): boolean {
  return typeof value === 'boolean' ? value : fail(invalidArgument(`${what}: expected true or false, got ${JSON.stringify(value)}`));
}

export function checkLegendPosition(value: unknown): ChartLegendState['position'] {
  return LEGEND_POSITIONS.includes(value as ChartLegendState['position']) ? (value as ChartLegendState['position']) : fail(invalidArgument(`legend position ${JSON.stringify(value)}`));
}

export function checkTitleText(value: unknown): string {
  return typeof value === 'string' && value.length <= 255 ? value : fail(invalidArgument(`title text ${JSON.stringify(value)}`));
}

/** One property of a chart font, checked as Excel checks it. */
export function chartFontChange(key: keyof ChartFontState, value: unknown): Partial<ChartFontState> {
  switch (key) {
    case 'bold':
    case 'italic':
      return { [key]: checkBool(value, `font.${key}`) };
    case 'color':
      return { color: parseColor(value) };
    case 'size':
      return typeof value === 'number' && value >= 1 && value <= 409 ? { size: value } : fail(invalidArgument(`font size ${String(value)}`));
    case 'name':
      return typeof value === 'string' && value.trim() !== '' ? { name: value } : fail(invalidArgument(`font name ${String(value)}`));
    case 'underline':
      return value === 'None' || value === 'Single' ? { underline: value } : fail(invalidArgument(`underline ${JSON.stringify(value)}`));
  }
}
