/**
 * The grid cache: the WorkbookModel the command line gets from each generated file (read back with the
 * real adapter, `loadXlsx` + `workbookToModel`), saved as JSON so that the engine benchmark starts from
 * grids already in memory without paying ExcelJS again. Cells hold what the file holds (issue 12: one
 * cell model, dates as serial numbers), so a grid is plain JSON.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CellValue, WorkbookModel } from '../src/core/grid';

interface Stored {
  readonly index: number;
  readonly file: string;
  readonly members: number;
  readonly model: WorkbookModel;
}

export interface CachedGrid {
  readonly index: number;
  readonly file: string;
  readonly members: number;
  readonly model: WorkbookModel;
}

/** How caches written before the one cell model stored a Date: read back as the 1900-system serial the file holds. */
const DATE_KEY = '$date';
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function encode(value: CellValue): unknown {
  return value;
}

function decode(value: unknown): CellValue {
  if (value && typeof value === 'object' && DATE_KEY in value) return ((value as Record<string, number>)[DATE_KEY] - EXCEL_EPOCH_MS) / 86_400_000;
  return value as CellValue;
}

export function writeGrids(path: string, grids: readonly CachedGrid[]): void {
  const stored = grids.map((g) => ({
    ...g,
    model: { ...g.model, sheets: g.model.sheets.map((s) => ({ ...s, values: s.values.map((row) => row.map(encode)) })) },
  }));
  writeFileSync(path, JSON.stringify(stored));
}

export function readGrids(path: string): CachedGrid[] {
  const stored = JSON.parse(readFileSync(path, 'utf8')) as Stored[];
  return stored.map((g) => ({
    ...g,
    model: { ...g.model, sheets: g.model.sheets.map((s) => ({ ...s, values: s.values.map((row) => row.map(decode)) })) },
  }));
}

/** The cached grids of a set (every part a generation job wrote), in file order. */
export function loadSetGrids(dir: string): CachedGrid[] {
  const parts = readdirSync(dir).filter((f) => /^grids\.\d+\.json$/.test(f));
  return parts.flatMap((f) => readGrids(join(dir, f))).sort((a, b) => a.index - b.index);
}
