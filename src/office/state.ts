/**
 * What the add-in remembers inside the workbook, so it survives closing and emailing the file: the fill
 * each flagged cell had before the add-in touched it, whether the note on it is the add-in's, and the
 * rule-set settings. Kept on a very hidden sheet, never on the clerk's sheets.
 */
import type { CellValue } from '../core';

export const STATE_SHEET = 'XepLoai_TrangThai';

export interface FlagRecord {
  readonly sheet: string;
  readonly cell: string;
  /** '#RRGGBB', or null when the cell had no fill. */
  readonly originalFill: string | null;
  /** True when the note on the cell was written by the add-in (and may be removed by it). */
  readonly ownNote: boolean;
}

export interface AddinState {
  readonly flags: readonly FlagRecord[];
  readonly settings: Readonly<Record<string, string>>;
}

export const EMPTY_STATE: AddinState = { flags: [], settings: {} };

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v));

/** Rows: ['flag', sheet, cell, fill, ownNote] and ['setting', key, value]. Unknown rows are ignored. */
export function parseState(values: readonly (readonly CellValue[])[]): AddinState {
  const flags: FlagRecord[] = [];
  const settings: Record<string, string> = {};
  for (const row of values) {
    const kind = text(row[0]);
    if (kind === 'flag' && text(row[1]) && text(row[2])) {
      flags.push({ sheet: text(row[1]), cell: text(row[2]), originalFill: text(row[3]) || null, ownNote: text(row[4]) === '1' });
    } else if (kind === 'setting' && text(row[1])) {
      settings[text(row[1])] = text(row[2]);
    }
  }
  return { flags, settings };
}

export function serialiseState(state: AddinState): string[][] {
  const rows: string[][] = [['kind', 'a', 'b', 'c', 'd']];
  for (const f of state.flags) rows.push(['flag', f.sheet, f.cell, f.originalFill ?? '', f.ownNote ? '1' : '0']);
  for (const [key, value] of Object.entries(state.settings)) rows.push(['setting', key, value, '', '']);
  return rows;
}
