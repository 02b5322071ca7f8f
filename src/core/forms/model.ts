/**
 * What the reader makes of a chi bộ's workbook: typed values, each with the cell it came from so that
 * any rule can point the clerk at it. A value the reader could not accept is `null` (and an issue
 * says why); nothing is guessed.
 */
import type { CellValue, SheetGrid } from '../grid';
import type { DateOnly } from '../values/dates';
import type { FormDef } from './definitions';
import type { CivilServiceRating, Membership, OrgRating } from '../values/parse';

export interface Located<T> {
  readonly value: T | null;
  readonly sheet: string;
  /** A1 address of the value's cell. */
  readonly cell: string;
  /** False when the cell is empty; a present-but-invalid value has `value: null` and `filled: true`. */
  readonly filled: boolean;
  /**
   * True when the form has no such column or field: `cell` is then the nearest real place (the row's
   * first cell, or A1 of the sheet), so an issue about it still points somewhere the clerk can look.
   */
  readonly absent?: boolean;
  /**
   * Set when the cell breaks DATA-02, DATA-03 or DATA-04 (RULES.md 9.21): its value is unknown, not a
   * default. `value` is then null and `filled` true; rules must not read it as "no", 0 or empty.
   */
  readonly unreadable?: Unreadable;
}

/** Why a cell has no value, in the clerk's words: the rule that reported it, the column and what is typed. */
export interface Unreadable {
  readonly rule: 'DATA-02' | 'DATA-03' | 'DATA-04';
  /** The column or field label ("Có mặt"). */
  readonly label: string;
  /** The cell as the clerk sees it ("Y", "#N/A", "32/13/2017"). */
  readonly shown: string;
}

/** A cell whose value is unknown, with its place (for explanations and notices). */
export interface UnreadableCell extends Unreadable {
  readonly sheet: string;
  readonly cell: string;
}

export interface BallotCounts {
  readonly issued: Located<number>;
  readonly returned: Located<number>;
  readonly valid: Located<number>;
}

export interface ChiBoInfo {
  readonly sheet: string;
  readonly dangBo: Located<string>;
  readonly chiBo: Located<string>;
  readonly year: Located<number>;
  readonly meetingDate: Located<DateOnly>;
  readonly reportDate: Located<DateOnly>;
  /** When the collective's draft report went to the members (PROC-04). */
  readonly draftSentDate: Located<DateOnly>;
  readonly officialPresent: Located<number>;
  readonly round1: BallotCounts;
  readonly round2: BallotCounts;
  readonly excellentUnited: Located<boolean>;
  readonly goodUnited: Located<boolean>;
  readonly meetingsRegular: Located<boolean>;
  readonly leadersDisciplined: Located<boolean>;
  readonly disunity: Located<boolean>;
  readonly corruption: Located<boolean>;
  readonly orgRating: Located<OrgRating>;
  readonly lowestOrgCount: Located<number>;
  /** hd43-2025 (HD43_INFO_FORM): the chi bộ's task figures (CB25-02..04). */
  readonly tasks?: { readonly assigned: Located<number>; readonly completed: Located<number>; readonly onTime: Located<number>; readonly exceeded: Located<number> };
  /** hd43-2025: "Cấp ủy viên hoặc tổ chức trực thuộc bị kỷ luật" (CB25-02). */
  readonly subordinateDisciplined?: Located<boolean>;
  /** hd43-2025: the chi ủy's score of the chi bộ, where `Bộ tiêu chí` says the chi ủy enters it (CB25-01). */
  readonly committeeScore?: { readonly common: Located<number>; readonly tasks: Located<number> };
}

export interface RollMember {
  /** 1-based row on the roll sheet. */
  readonly row: number;
  readonly stt: Located<number>;
  readonly name: Located<string>;
  /** Normalised name for matching (RULES.md 9.11); '' when the name is missing. */
  readonly nameKey: string;
  readonly birthDate: Located<DateOnly>;
  readonly admissionDate: Located<DateOnly>;
  readonly membership: Located<Membership>;
  readonly exempt: Located<boolean>;
  readonly temporary: Located<boolean>;
  readonly present: Located<boolean>;
  readonly selfReviewed: Located<boolean>;
  readonly leader: Located<boolean>;
  readonly civilServant: Located<boolean>;
  readonly civilRating: Located<CivilServiceRating>;
  readonly cstd: Located<boolean>;
  readonly commendation: Located<boolean>;
  readonly disciplined: Located<boolean>;
  readonly failedTasks: Located<boolean>;
  readonly violation: Located<boolean>;
  readonly disobedience: Located<boolean>;
  readonly note: Located<string>;
  /** hd43-2025's roll columns (absent under hd27-2014): ELIG25-01, M25-16, M25-14. */
  readonly suspended: Located<boolean>;
  readonly sickMonths: Located<number>;
  readonly maternity: Located<boolean>;
  readonly degraded: Located<boolean>;
}

export interface TallyRow {
  readonly row: number;
  readonly stt: Located<number>;
  readonly name: Located<string>;
  readonly nameKey: string;
  readonly r1Good: Located<number>;
  readonly r1Done: Located<number>;
  readonly r1Failed: Located<number>;
  /** Present only on forms that (wrongly) have a round-1 HTXSNV column: VOTE-04. */
  readonly r1Excellent: Located<number>;
  readonly r1Total: Located<number>;
  readonly r2Excellent: Located<number>;
}

export interface ScoreSheetRow {
  readonly row: number;
  readonly sheetNo: Located<number>;
  /** The five criterion scores, in criterion order. */
  readonly scores: readonly Located<number>[];
  readonly total: Located<number>;
}

export interface LeaderRow {
  readonly row: number;
  readonly stt: Located<number>;
  readonly name: Located<string>;
  readonly position: Located<string>;
  /** "Ủy viên BTV Đảng ủy" (LEAD-02); an optional column. */
  readonly btv: Located<boolean>;
  readonly votes: { readonly HTXSNV: Located<number>; readonly HTTNV: Located<number>; readonly HTNV: Located<number>; readonly KHTNV: Located<number> };
}

export interface TableRead<Row> {
  readonly sheet: string;
  /** 1-based row of the (last) header row. */
  readonly headerRow: number;
  readonly rows: readonly Row[];
  /** Column key → A1 column letter, for the columns found. */
  readonly columns: ReadonlyMap<string, number>;
  /** A totals row ("Tổng"/"Cộng") that ended the table, 1-based, if any. */
  readonly totalsRow: number | null;
}

export interface LeadersRead extends TableRead<LeaderRow> {
  readonly place: Located<string>;
  readonly issued: Located<number>;
  readonly valid: Located<number>;
  readonly reviewDate: Located<DateOnly>;
  readonly draftSentDate: Located<DateOnly>;
}

/** A row of `Kế hoạch`: one chi bộ of the plan's schedule. */
export interface ScheduleRow {
  readonly row: number;
  readonly chiBo: Located<string>;
  /** The chi bộ's name folded for matching (no diacritics, no leading "chi bộ"); '' when missing. */
  readonly key: string;
  readonly meetingDate: Located<DateOnly>;
  readonly inCharge: Located<string>;
  readonly reportDue: Located<DateOnly>;
  readonly exemplary: Located<boolean>;
}

export interface PlanRead extends TableRead<ScheduleRow> {
  /** The plan's own "Năm đánh giá" field, used when the workbook has no `Thông tin chi bộ` year. */
  readonly year: Located<number>;
}

/** A row of a dossier checklist: a chi bộ or a leader, and one yes/no per document. */
export interface DossierRow {
  readonly row: number;
  readonly subject: Located<string>;
  /** Chi bộ key (chi bộ dossier) or name key (leaders' dossier); '' when missing. */
  readonly key: string;
  readonly position: Located<string>;
  /** "Diện BTV Thị ủy quản lý" (leaders' dossier): the asset declaration is then required. */
  readonly managed: Located<boolean>;
  readonly docs: Readonly<Record<string, Located<boolean>>>;
}

export interface DossierRead extends TableRead<DossierRow> {
  /** Leaders' dossier only: the collective and its two documents (header fields). */
  readonly collective: Located<string> | null;
  readonly collectiveDocs: Readonly<Record<string, Located<boolean>>>;
}

export interface ChiBoWorkbook {
  readonly info: ChiBoInfo | null;
  readonly roll: TableRead<RollMember> | null;
  readonly tally: TableRead<TallyRow> | null;
  readonly scores: TableRead<ScoreSheetRow> | null;
  readonly leaders: LeadersRead | null;
  readonly plan: PlanRead | null;
  readonly chiBoDossier: DossierRead | null;
  readonly leaderDossier: DossierRead | null;
  /**
   * `plan`: the workbook has none of the four chi bộ sheets but carries the ward's own sheets (schedule,
   * dossiers, leaders' votes); no chi bộ sheet is then reported missing. Otherwise `chi-bo`.
   */
  readonly role: 'chi-bo' | 'plan';
  /** Each form and the sheet it was found on (null: not found), for the rules on whole sheets (data.ts). */
  readonly found: ReadonlyMap<FormDef, SheetGrid | null>;
}

/** A row of a criteria table as typed: the checks are CFG25's (rules/cfg25.ts). */
export interface CriteriaRowRead {
  readonly row: number;
  readonly group: Located<string>;
  /** The group cell as typed (a number 1 or 2 is a group too). */
  readonly groupRaw: CellValue;
  readonly criterion: Located<string>;
  readonly max: Located<number>;
  /** The max cell as the clerk sees it, for a message when it is not a number. */
  readonly maxShown: string;
}

export interface SettingCellRead {
  readonly key: string;
  readonly label: string;
  /** null: the sheet has no such label. */
  readonly cell: string | null;
  readonly raw: CellValue;
}

export interface CriteriaRead {
  readonly sheet: string;
  readonly members: TableRead<CriteriaRowRead> | null;
  readonly chiBo: TableRead<CriteriaRowRead> | null;
  readonly settings: readonly SettingCellRead[];
}

