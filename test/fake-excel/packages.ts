/**
 * Hand-written .xlsx packages for the reading tests: legal SpreadsheetML that generators other than
 * Excel write and that LibreOffice and Excel open (issue 12): sheet XML with a namespace prefix
 * (`x:row`), cells without an `r` attribute, ISO dates (`t="d"`), the 1904 date system, sheet parts with
 * other names than `sheetN.xml`. Built with JSZip, byte for byte as given, so no library tidies them.
 */
import JSZip from 'jszip';

export interface PackageSheet {
  readonly name: string;
  /** The `<sheetData>` content, written as is (with the `x:` prefix when `prefixed`). */
  readonly rows: string;
  /** The part's path inside the package; `xl/worksheets/sheetN.xml` by default. */
  readonly part?: string;
}

export interface PackageOptions {
  readonly sheets: readonly PackageSheet[];
  readonly sharedStrings?: readonly string[];
  readonly date1904?: boolean;
  /** Every SpreadsheetML element with the `x:` prefix (the namespace bound to it rather than made default). */
  readonly prefixed?: boolean;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Style 1 is a date format (yyyy-mm-dd), style 0 General: `s="1"` makes a cell a date cell. */
const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
</styleSheet>`;

/** Prefixes every element name of `xml` with `x:` (start and end tags; not the XML declaration). */
function prefix(xml: string): string {
  return xml.replace(/<(\/?)([A-Za-z][\w]*)(?=[\s/>])/g, '<$1x:$2');
}

export async function buildPackage(options: PackageOptions): Promise<Uint8Array> {
  const zip = new JSZip();
  const p = options.prefixed ? prefix : (xml: string) => xml;
  const ns = options.prefixed ? `xmlns:x="${MAIN}"` : `xmlns="${MAIN}"`;
  const parts = options.sheets.map((s, i) => s.part ?? `xl/worksheets/sheet${i + 1}.xml`);
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      (options.sharedStrings ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` : '') +
      parts.map((part) => `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
      `</Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
` +
      p(`<workbook ${ns} xmlns:r="${REL}">${options.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>`).replace(`<x:workbook ${ns}`, `<x:workbook ${ns}`) +
      options.sheets.map((s, i) => p(`<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)).join('') +
      p(`</sheets></workbook>`),
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      parts.map((part, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="/${part}"/>`).join('') +
      `<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>` +
      (options.sharedStrings ? `<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') +
      `</Relationships>`,
  );
  zip.file('xl/styles.xml', STYLES);
  if (options.sharedStrings) {
    zip.file(
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
` + p(`<sst ${ns} count="${options.sharedStrings.length}" uniqueCount="${options.sharedStrings.length}">`) + options.sharedStrings.map((t) => p(`<si><t>${escapeXml(t)}</t></si>`)).join('') + p('</sst>'),
    );
  }
  options.sheets.forEach((s, i) => {
    zip.file(parts[i], `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
` + p(`<worksheet ${ns}><sheetData>`) + p(s.rows) + p('</sheetData></worksheet>'));
  });
  return zip.generateAsync({ type: 'uint8array' });
}
