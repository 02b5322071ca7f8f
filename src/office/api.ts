/**
 * What the host offers. Newer APIs are used only after the host says it has them (isSetSupported);
 * the manifest asks for ExcelApi 1.1 so that older Excel can still load the add-in.
 */
export const API = {
  /** The Excel JavaScript API at all (Excel.run). */
  excel: '1.1',
  /** Workbook.functions (the DATE function tells the workbook's date system); getUsedRange(valuesOnly). */
  functions: '1.2',
  valuesOnly: '1.2',
  /** getUsedRangeOrNullObject. */
  nullObjects: '1.4',
  /** Worksheet.visibility can be set (very hidden state sheet). */
  sheetVisibility: '1.2',
  /** Range.merge, column widths and row heights; Range.rowHidden/columnHidden. */
  sheetLayout: '1.2',
  /** Worksheet.getRanges (RangeAreas): one call formats many scattered cells; Range.getCellProperties, getRowProperties. */
  rangeAreas: '1.9',
  /** Range.hyperlink, freeze panes, tab colour. */
  hyperlinks: '1.7',
  /** Range.dataValidation (the template's dropdowns). */
  dataValidation: '1.8',
  /** Worksheet.pageLayout (A4, orientation, print titles). */
  pageLayout: '1.9',
  /** Range.getMergedAreasOrNullObject (DATA-07 on merged cells). */
  mergedAreas: '1.13',
  /** Workbook.notes. */
  notes: '1.18',
} as const;

/**
 * Whether the host offers ExcelApi `version`: the one requirement-set check of src/office (the pane's
 * "is Excel there" included). Outside Office (a plain browser, a test without the fake host's globals)
 * there is no host to vouch for anything, and the answer is false: the caller then takes the path of the
 * oldest Excel, which is right on every host, rather than calling an API nobody said exists. A test
 * that means a given Excel installs the fake host's globals (`host.withGlobals`) with its `apiVersion`.
 */
export function supports(version: string): boolean {
  if (typeof Office === 'undefined') return false;
  // Outside an Office host office.js still loads, but `requirements` is missing and an unguarded call throws.
  const requirements = Office.context?.requirements;
  return Boolean(requirements && typeof requirements.isSetSupported === 'function' && requirements.isSetSupported('ExcelApi', version));
}

/** Quoted sheet reference as Excel writes it: 'Danh sách đảng viên'!B7. */
export function sheetRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/**
 * Excel on the web refuses a request or a response above 5 MB. The writers' byte counts are estimates
 * (within a few per cent of what office.js sends), so a request is cut at 4.5 MB.
 */
export const PAYLOAD_BUDGET = 4.5 * 1024 * 1024;
/** Rows read per sheet in the read sync; longer sheets are read in more parts, each under the limit. */
export const FIRST_READ_ROWS = 10_000;
/** A response is cut at this size (estimated from the rows already read). */
export const READ_BUDGET = 4 * 1024 * 1024;
