/**
 * The reading errors every reader of .xlsx files shares, without ExcelJS or Node: the fast reader also
 * runs in the task pane.
 */

/** A file that could not be opened as a workbook, with one line for the clerk (exit 2 in the CLI). */
export class UnreadableWorkbookError extends Error {}

/**
 * The project's own reader declines a file for a declared reason (ZIP64, encryption, strict OOXML, an
 * unknown compression, …): only this sends the file to ExcelJS. Any other throw is a bug or a limit.
 */
export class FastReadUnsupported extends Error {}
