/**
 * Adds a native Excel column (or bar) chart to an .xlsx that ExcelJS wrote: ExcelJS cannot write
 * charts, so the saved zip is post-processed. New parts: `xl/charts/chartN.xml` (a DrawingML
 * `c:chartSpace` with cached categories and values, so viewers that do not recalculate still draw the
 * bars) and, unless the sheet already has one, `xl/drawings/drawingN.xml` with its `_rels`; the sheet
 * gets a `<drawing r:id>` in its CT_Worksheet place (after pageSetup/headerFooter, before
 * legacyDrawing), and [Content_Types].xml an Override for each new part.
 *
 * Call it last, on the bytes of the final ExcelJS write: ExcelJS drops charts when it loads a file,
 * so a workbook re-saved by ExcelJS loses the chart.
 */
import JSZip from 'jszip';
import { EMPTY_RELS, NS, Package, appendRel, findSheetPart, freeRelId, parseRels, relIdOf, relativeTarget, relsPartOf, resolveTarget } from './package/opc';
import { type Root, escapeAttr, escapeText, localName, nsDeclarations, parseRoot, prefixOf } from './package/xml';

export interface ChartAnchor {
  /** 0-based column and row of the cell the chart's top-left corner sits on. */
  from: { col: number; row: number };
  /** 0-based column and row of the cell the chart's bottom-right corner sits on (exclusive edge). */
  to: { col: number; row: number };
}

export interface ColumnChart {
  /** The worksheet's name as the user sees it (e.g. `Tổng hợp`). */
  sheet: string;
  /** The chart's title (any Unicode text). */
  title: string;
  /** The category labels as an absolute reference, e.g. `'Tổng hợp'!$B$8:$B$11` (see {@link sheetRange}). */
  categories: string;
  /** The values as an absolute reference, e.g. `'Tổng hợp'!$C$8:$C$11`. */
  values: string;
  /** The series name (shown in tooltips; a single-series chart has no legend). */
  seriesName: string;
  anchor: ChartAnchor;
  /** The labels the category range holds now: what a viewer shows until it recalculates. */
  cachedCategories: string[];
  /** The numbers the value range holds now, one per category. */
  cachedValues: number[];
  /** `col` (default): vertical columns; `bar`: horizontal bars, first category at the top. */
  direction?: 'col' | 'bar';
}

const REL_TYPE = {
  worksheet: `${NS.rel}/worksheet`,
  drawing: `${NS.rel}/drawing`,
  chart: `${NS.rel}/chart`,
};
const CONTENT_TYPE = {
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
};

/**
 * CT_Worksheet children that must come before `<drawing>` (ECMA-376 Part 1, §18.3.1.99). The drawing
 * goes right after the last of these present, so legacyDrawing, legacyDrawingHF, drawingHF, picture,
 * oleObjects, controls, tableParts, extLst and anything unknown stay after it.
 */
const BEFORE_DRAWING = new Set([
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags',
]);

/** `'Tổng hợp'` + `B8:B11` → `'Tổng hợp'!$B$8:$B$11` (quoted, apostrophes doubled, absolute). */
export function sheetRange(sheet: string, range: string): string {
  const absolute = range
    .split(':')
    .map((ref) => {
      const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
      if (!m) throw new Error(`Not a cell reference: ${ref}`);
      return `$${m[1].toUpperCase()}$${m[2]}`;
    })
    .join(':');
  return `'${sheet.replace(/'/g, "''")}'!${absolute}`;
}

export async function addColumnChart(xlsx: Buffer | Uint8Array, chart: ColumnChart): Promise<Buffer> {
  validate(chart);
  const zip = await JSZip.loadAsync(xlsx);
  const pkg = new Package(zip);

  const sheetPart = await findSheetPart(pkg, chart.sheet);
  const sheetRelsPart = relsPartOf(sheetPart);
  const sheetXml = await pkg.read(sheetPart);
  let sheetRels = (await pkg.readOptional(sheetRelsPart)) ?? EMPTY_RELS;

  // The sheet's drawing: the one it already has (ExcelJS writes one for images), or a new one.
  const sheetRoot = parseRoot(sheetXml);
  const existing = sheetRoot.children.find((c) => localName(c.name) === 'drawing');
  let drawingPart: string;
  let drawingXml: string;
  if (existing) {
    const rId = relIdOf(existing.attrs, { ...sheetRoot.ns, ...nsDeclarations(existing.attrs) });
    const rel = parseRels(sheetRels).find((r) => r.id === rId);
    if (!rel) throw new Error(`${sheetPart}: <drawing> refers to a missing relationship ${rId}`);
    drawingPart = resolveTarget(sheetPart, rel.target);
    drawingXml = await pkg.read(drawingPart);
    const placed = placeLegacyDrawings(sheetXml);
    if (placed !== sheetXml) pkg.write(sheetPart, placed);
  } else {
    drawingPart = pkg.freeName('xl/drawings/drawing', '.xml');
    drawingXml = NEW_DRAWING;
    const rId = freeRelId(sheetRels);
    sheetRels = appendRel(sheetRels, rId, REL_TYPE.drawing, relativeTarget(sheetPart, drawingPart));
    pkg.write(sheetPart, placeLegacyDrawings(insertDrawingElement(sheetXml, sheetRoot, rId)));
    pkg.write(sheetRelsPart, sheetRels);
    await pkg.addOverride(drawingPart, CONTENT_TYPE.drawing);
  }

  const chartPart = pkg.freeName('xl/charts/chart', '.xml');
  pkg.write(chartPart, chartSpaceXml(chart));
  await pkg.addOverride(chartPart, CONTENT_TYPE.chart);

  const drawingRelsPart = relsPartOf(drawingPart);
  const drawingRels = (await pkg.readOptional(drawingRelsPart)) ?? EMPTY_RELS;
  const chartRId = freeRelId(drawingRels);
  pkg.write(drawingRelsPart, appendRel(drawingRels, chartRId, REL_TYPE.chart, relativeTarget(drawingPart, chartPart)));
  pkg.write(drawingPart, appendAnchor(drawingXml, chart, chartRId));

  pkg.flushContentTypes();
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

function validate(chart: ColumnChart): void {
  const { from, to } = chart.anchor;
  for (const [name, n] of [['from.col', from.col], ['from.row', from.row], ['to.col', to.col], ['to.row', to.row]] as const) {
    if (!Number.isInteger(n) || n < 0) throw new Error(`Chart anchor ${name} must be a whole number ≥ 0, got ${n}`);
  }
  if (to.col <= from.col || to.row <= from.row) throw new Error('Chart anchor: `to` must be right of and below `from`');
  if (chart.cachedCategories.length !== chart.cachedValues.length) {
    throw new Error(`Chart: ${chart.cachedCategories.length} cached categories but ${chart.cachedValues.length} cached values`);
  }
  if (chart.cachedValues.some((v) => !Number.isFinite(v))) throw new Error('Chart: cached values must be finite numbers');
  for (const [name, ref] of [['categories', chart.categories], ['values', chart.values]] as const) {
    if (!ref.includes('!')) throw new Error(`Chart ${name} must be a sheet-qualified reference like 'Tổng hợp'!$B$8:$B$11, got ${ref}`);
  }
}


// ---------------------------------------------------------------------------------------------------
// The worksheet's <drawing> and the drawing part's anchor.

function insertDrawingElement(sheetXml: string, root: Root, rId: string): string {
  const prefix = prefixOf(root.name);
  const relPrefix = root.ns[NS.rel];
  const name = prefix ? `${prefix}:drawing` : 'drawing';
  const element = relPrefix ? `<${name} ${relPrefix}:id="${rId}"/>` : `<${name} xmlns:r="${NS.rel}" r:id="${rId}"/>`;
  let at = -1;
  for (const child of root.children) if (BEFORE_DRAWING.has(localName(child.name))) at = child.end;
  if (at === -1) throw new Error('The worksheet has no <sheetData>');
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

/** The CT_Worksheet elements that directly follow `<drawing>`, in their order. */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF'];

/**
 * Moves legacyDrawing (notes), legacyDrawingHF and drawingHF to right after `<drawing>`, where
 * CT_Worksheet wants them. ExcelJS 4.4 writes legacyDrawing last, after tableParts and extLst, which
 * Excel rejects (exceljs/exceljs#1369): a sheet with notes and a table or data bars. Nothing else moves;
 * an already well-placed sheet comes back unchanged.
 */
function placeLegacyDrawings(sheetXml: string): string {
  const root = parseRoot(sheetXml);
  const kids = root.children;
  const at = kids.findIndex((c) => localName(c.name) === 'drawing');
  if (at === -1) return sheetXml;
  // Each child with the whitespace (or comments) up to the next one.
  const segments = kids.map((c, i) => ({ name: localName(c.name), text: sheetXml.slice(c.start, i + 1 < kids.length ? kids[i + 1].start : root.closeStart) }));
  const rank = (name: string) => AFTER_DRAWING.indexOf(name);
  const legacy = segments.filter((s) => rank(s.name) !== -1).sort((x, y) => rank(x.name) - rank(y.name));
  const rest = segments.filter((s) => rank(s.name) === -1);
  const drawingAt = rest.findIndex((s) => s.name === 'drawing');
  const ordered = [...rest.slice(0, drawingAt + 1), ...legacy, ...rest.slice(drawingAt + 1)];
  if (ordered.every((s, i) => s === segments[i])) return sheetXml;
  return sheetXml.slice(0, kids[0].start) + ordered.map((s) => s.text).join('') + sheetXml.slice(root.closeStart);
}

const NEW_DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.rel}" xmlns:c="${NS.c}"></xdr:wsDr>`;

function appendAnchor(drawingXml: string, chart: ColumnChart, chartRId: string): string {
  const root = parseRoot(drawingXml);
  // Use the prefixes the part already declares; declare on the anchor whichever it lacks.
  const decls: string[] = [];
  const p = (key: keyof typeof NS, wanted: string): string => {
    const have = root.ns[NS[key]];
    if (have !== undefined && have !== '') return have;
    if (have === '' && key === 'xdr') return ''; // wsDr in the default namespace
    decls.push(`xmlns:${wanted}="${NS[key]}"`);
    return wanted;
  };
  const xdrP = p('xdr', 'xdr');
  const aP = p('a', 'a');
  const rP = p('rel', 'r');
  const cP = p('c', 'c');
  const x = (n: string) => (xdrP ? `${xdrP}:${n}` : n);
  const a = (n: string) => `${aP}:${n}`;

  const ids = [...drawingXml.matchAll(/cNvPr\b[^>]*?\sid="(\d+)"/g)].map((m) => Number(m[1]));
  const id = Math.max(1, ...ids) + 1;
  const anchors = root.children.filter((c) => /Anchor$/.test(localName(c.name))).length;
  const { from, to } = chart.anchor;
  const anchor =
    `<${x('twoCellAnchor')}${decls.length ? ` ${decls.join(' ')}` : ''}>` +
    `<${x('from')}><${x('col')}>${from.col}</${x('col')}><${x('colOff')}>0</${x('colOff')}><${x('row')}>${from.row}</${x('row')}><${x('rowOff')}>0</${x('rowOff')}></${x('from')}>` +
    `<${x('to')}><${x('col')}>${to.col}</${x('col')}><${x('colOff')}>0</${x('colOff')}><${x('row')}>${to.row}</${x('row')}><${x('rowOff')}>0</${x('rowOff')}></${x('to')}>` +
    `<${x('graphicFrame')} macro="">` +
    `<${x('nvGraphicFramePr')}><${x('cNvPr')} id="${id}" name="Chart ${anchors + 1}" descr="${escapeAttr(chart.title)}"/><${x('cNvGraphicFramePr')}/></${x('nvGraphicFramePr')}>` +
    `<${x('xfrm')}><${a('off')} x="0" y="0"/><${a('ext')} cx="0" cy="0"/></${x('xfrm')}>` +
    `<${a('graphic')}><${a('graphicData')} uri="${NS.c}"><${cP}:chart ${rP}:id="${chartRId}"/></${a('graphicData')}></${a('graphic')}>` +
    `</${x('graphicFrame')}>` +
    `<${x('clientData')}/>` +
    `</${x('twoCellAnchor')}>`;
  return drawingXml.slice(0, root.closeStart) + anchor + drawingXml.slice(root.closeStart);
}

// ---------------------------------------------------------------------------------------------------
// The chart part (element order as in the CT_ChartSpace, CT_Chart, CT_BarChart, CT_BarSer, CT_DLbls,
// CT_CatAx and CT_ValAx sequences: Excel rejects a chart whose elements are out of order).

function chartSpaceXml(chart: ColumnChart): string {
  const horizontal = chart.direction === 'bar';
  const n = chart.cachedValues.length;
  const text = (size: number, bold: boolean) =>
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>`;
  const line = (color: string) => `<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></a:ln></c:spPr>`;
  const strCache =
    `<c:strCache><c:ptCount val="${n}"/>` +
    chart.cachedCategories.map((s, i) => `<c:pt idx="${i}"><c:v>${escapeText(s)}</c:v></c:pt>`).join('') +
    `</c:strCache>`;
  const numCache =
    `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${n}"/>` +
    chart.cachedValues.map((v, i) => `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`).join('') +
    `</c:numCache>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.rel}">` +
    `<c:date1904 val="0"/><c:lang val="vi-VN"/><c:roundedCorners val="0"/>` +
    `<c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1400" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="vi-VN" sz="1400" b="1"/><a:t>${escapeText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `<c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="${horizontal ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/>` +
    `<c:tx><c:v>${escapeText(chart.seriesName)}</c:v></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="4472C4"/></a:solidFill></c:spPr>` +
    `<c:invertIfNegative val="0"/>` +
    `<c:dLbls>${text(1100, true)}<c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>` +
    `<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>` +
    `<c:cat><c:strRef><c:f>${escapeText(chart.categories)}</c:f>${strCache}</c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${escapeText(chart.values)}</c:f>${numCache}</c:numRef></c:val>` +
    `</c:ser>` +
    `<c:gapWidth val="80"/><c:axId val="111111111"/><c:axId val="222222222"/>` +
    `</c:barChart>` +
    `<c:catAx><c:axId val="111111111"/><c:scaling><c:orientation val="${horizontal ? 'maxMin' : 'minMax'}"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? 'l' : 'b'}"/><c:numFmt formatCode="General" sourceLinked="0"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${line('BFBFBF')}${text(1100, false)}` +
    `<c:crossAx val="222222222"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
    `<c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="222222222"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? 'b' : 'l'}"/>` +
    `<c:majorGridlines>${line('D9D9D9')}</c:majorGridlines><c:numFmt formatCode="General" sourceLinked="1"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    `<c:spPr><a:ln><a:noFill/></a:ln></c:spPr>${text(1100, false)}` +
    `<c:crossAx val="111111111"/><c:crosses val="${horizontal ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>` +
    `</c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>` +
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr/></a:pPr><a:endParaRPr lang="vi-VN"/></a:p></c:txPr>` +
    `<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings>` +
    `</c:chartSpace>`
  );
}
