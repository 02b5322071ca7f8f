/**
 * RULES.md 9.21, one cause, one message: a roll cell that breaks DATA-02/03/04 has no value. The member
 * results are worked out for every reading of the unknown cells that can change one, and a result that
 * differs between readings is `undetermined` (`input-error`); an issue that some reading does not raise
 * is a consequence of the unknown, not a fact, and is not reported.
 *
 * A reading gives each unknown cell one value of its finite domain: yes/no both ways, membership both
 * ways, the civil-service rating each of its codes, and a date the one predicate the rules derive from
 * it (ELIG-02: admitted six full months before the meeting, true or false). The readings are all the
 * combinations while they are at most MAX_COMBINATIONS and the work (readings × members) stays within
 * MAX_MEMBER_READINGS; beyond that a few "diagonal" readings are taken (the k-th value of every cell at
 * once) and everything the unknown cells touch is undetermined.
 *
 * Cells that change no member's result (leader, the KHTNV grounds, a birth date) are not read both
 * ways: the rules that read them skip an unknown one (mem.ts, data.ts).
 */
import type { Located, RollMember, UnreadableCell } from '../forms/model';
import type { DateOnly } from '../values/dates';
import type { CivilServiceRating, Membership } from '../values/parse';
import { sixMonthsBefore } from './elig';

export const MAX_COMBINATIONS = 64;
/** Readings × members: a roll of 2,000 members is read up to 64 ways, one of 20,000 up to 12. */
export const MAX_MEMBER_READINGS = 250_000;

const YES_NO: readonly boolean[] = [false, true];
const MEMBERSHIPS: readonly Membership[] = ['official', 'probationary'];
const RATINGS: readonly CivilServiceRating[] = ['HTXSNV', 'HTTNV', 'HTNV', 'HTNV-HCNL', 'KHTNV'];

/** The roll fields whose reading can change a member's result, with their domains. */
const FIELDS = {
  membership: MEMBERSHIPS,
  exempt: YES_NO,
  temporary: YES_NO,
  present: YES_NO,
  selfReviewed: YES_NO,
  civilServant: YES_NO,
  civilRating: RATINGS,
  cstd: YES_NO,
  commendation: YES_NO,
} as const;
/**
 * hd43-2025's roll fields that decide a level (ELIG25-01, M25-14, M25-16): read both ways there. A sick
 * leave is read as under or over the three months that matter.
 */
const FIELDS25 = {
  suspended: YES_NO,
  degraded: YES_NO,
  disciplined: YES_NO,
  violation: YES_NO,
  maternity: YES_NO,
  sickMonths: [0, 3],
} as const;
type Field = keyof typeof FIELDS | keyof typeof FIELDS25;
/** Fields that count in N: their reading reaches every member ("Có mặt" too where N counts those present). */
const SHARED: ReadonlySet<Field> = new Set<Field>(['membership', 'exempt', 'temporary']);
/** Fields that matter only for a civil servant (MEM-07, MEM-08). */
const CIVIL: ReadonlySet<Field> = new Set<Field>(['civilRating', 'cstd', 'commendation']);

export interface UnknownCell {
  readonly cell: UnreadableCell;
  /** Roll index of the member it belongs to. */
  readonly owner: number;
  /** Its reading can change other members' results (N, the roll's counts, the meeting date). */
  readonly shared: boolean;
  readonly readings: number;
  /** Writes reading `k` into a draft of the roll. */
  apply(k: number, draft: Draft): void;
}

/** One reading of the roll: members with the unknown cells given values, and ELIG-02's answers. */
export interface Draft {
  readonly members: RollMember[];
  /** Per member: ELIG-02's answer, null where a date is missing (no exclusion, DATA-01 says so). */
  readonly sixMonths: (boolean | null)[];
}

function cellOf(l: Located<unknown>): UnreadableCell | null {
  return l.unreadable ? { ...l.unreadable, sheet: l.sheet, cell: l.cell } : null;
}

/** The unknown cells of the roll (and the meeting date) that a reading must give a value. */
export function unknownCells(members: readonly RollMember[], meetingDate: Located<DateOnly> | null, nCountsPresent = false, scored = false): UnknownCell[] {
  const fields: Readonly<Record<string, readonly unknown[]>> = scored ? { ...FIELDS, ...FIELDS25 } : FIELDS;
  const cells: UnknownCell[] = [];
  const meetingCell = meetingDate ? cellOf(meetingDate) : null;
  members.forEach((m, owner) => {
    // ELIG-01 comes first (RULES.md 9.2): for a member known to be exempt only what counts in N matters.
    const exempt = m.exempt.value === true;
    for (const field of Object.keys(fields) as Field[]) {
      const located = m[field] as Located<unknown>;
      const cell = cellOf(located);
      if (!cell) continue;
      if (CIVIL.has(field) && m.civilServant.value === false && !m.civilServant.unreadable) continue;
      if (exempt && !SHARED.has(field) && field !== 'present') continue;
      const domain = fields[field];
      cells.push({
        cell,
        owner,
        shared: SHARED.has(field) || (field === 'present' && (nCountsPresent || m.exempt.value !== false)),
        readings: domain.length,
        apply: (k, draft) => {
          const current = draft.members[owner];
          draft.members[owner] = { ...current, [field]: { value: domain[k], sheet: located.sheet, cell: located.cell, filled: true } };
        },
      });
    }
    // ELIG-02 from an unknown admission date, or from an unknown meeting date for a known admission.
    const admission = cellOf(m.admissionDate);
    const date = admission ?? (meetingCell && m.admissionDate.value ? meetingCell : null);
    if (date && !exempt) {
      cells.push({ cell: date, owner, shared: admission === null, readings: 2, apply: (k, draft) => (draft.sixMonths[owner] = YES_NO[k]) });
    }
  });
  return cells;
}

/** The readings to evaluate, each as the index of every cell's value, and whether they are all of them. */
export function readingsOf(cells: readonly UnknownCell[], members: number): { readonly exact: boolean; readonly readings: readonly (readonly number[])[] } {
  let combinations = 1;
  for (const c of cells) {
    combinations *= c.readings;
    if (combinations > MAX_COMBINATIONS) break;
  }
  if (combinations <= MAX_COMBINATIONS && combinations * Math.max(1, members) <= MAX_MEMBER_READINGS) {
    const readings: number[][] = [];
    for (let i = 0; i < combinations; i++) {
      let rest = i;
      readings.push(
        cells.map((c) => {
          const k = rest % c.readings;
          rest = Math.floor(rest / c.readings);
          return k;
        }),
      );
    }
    return { exact: true, readings };
  }
  // A loop, not Math.max(...): a ward-sized roll can hold more unknown cells than a call has arguments.
  let widest = 0;
  for (const c of cells) if (c.readings > widest) widest = c.readings;
  return { exact: false, readings: Array.from({ length: widest }, (_, k) => cells.map((c) => k % c.readings)) };
}

/** The roll as one reading has it. */
export function draftOf(members: readonly RollMember[], meeting: DateOnly | null, months: number, cells: readonly UnknownCell[], reading: readonly number[]): Draft {
  const draft: Draft = { members: [...members], sixMonths: members.map((m) => sixMonthsBefore(m, meeting, months)) };
  cells.forEach((c, i) => c.apply(reading[i], draft));
  return draft;
}

/** A key for an issue: the same rule, severity and cell in two readings is the same finding. */
function issueKey(i: { rule: string; severity: string; sheet: string; cell: string | null }): string {
  return `${i.rule}|${i.severity}|${i.sheet}|${i.cell ?? ''}`;
}

/**
 * The issues every reading raises (as many times as the reading that raises them least), in the first
 * reading's order and words: what one reading alone raises is a consequence of the unknown cells.
 */
export function commonIssues<T extends { rule: string; severity: string; sheet: string; cell: string | null }>(runs: readonly (readonly T[])[]): T[] {
  if (runs.length === 1) return [...runs[0]];
  const count = (list: readonly T[]) => {
    const map = new Map<string, number>();
    for (const i of list) map.set(issueKey(i), (map.get(issueKey(i)) ?? 0) + 1);
    return map;
  };
  const left = count(runs[0]);
  for (const run of runs.slice(1)) {
    const other = count(run);
    for (const [key, n] of left) left.set(key, Math.min(n, other.get(key) ?? 0));
  }
  return runs[0].filter((i) => {
    const key = issueKey(i);
    const n = left.get(key) ?? 0;
    if (n <= 0) return false;
    left.set(key, n - 1);
    return true;
  });
}

/** At most this many cells are named for one result: a roll with hundreds of bad cells names a few. */
export const MAX_CELLS_NAMED = 10;

/** The cells a member's result waits for: its own unknown cells, else those shared by the whole roll. */
export function cellsFor(owner: number, cells: readonly UnknownCell[], byOwner?: ReadonlyMap<number, readonly UnknownCell[]>): UnreadableCell[] {
  const own = byOwner ? (byOwner.get(owner) ?? []) : cells.filter((c) => c.owner === owner);
  const chosen = own.length ? own : cells.filter((c) => c.shared);
  return distinctCells(chosen.length ? chosen : cells).slice(0, MAX_CELLS_NAMED);
}

/** The unknown cells of each member, by roll index. */
export function cellsByOwner(cells: readonly UnknownCell[]): Map<number, UnknownCell[]> {
  const map = new Map<number, UnknownCell[]>();
  for (const c of cells) {
    const list = map.get(c.owner);
    if (list) list.push(c);
    else map.set(c.owner, [c]);
  }
  return map;
}

/** Every distinct unknown cell, for the chi bộ's words. */
export function distinctCells(cells: readonly { readonly cell: UnreadableCell }[]): UnreadableCell[] {
  const seen = new Map<string, UnreadableCell>();
  for (const c of cells) seen.set(`${c.cell.sheet}!${c.cell.cell}`, c.cell);
  return [...seen.values()];
}
