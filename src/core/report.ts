/** The JSON report of FORMS.md, built from check results; the CLI prints it, tests read it. */
import type { FileIssue, WardChiBoRow, WardFileResult, WardResult, WardSummary } from './aggregate';
import type { CheckResult } from './check';
import type { Issue } from './issues';
import type { ReaderInfo } from './grid';
import type { LeaderResult } from './rules/lead';
import { type DateOnly, formatDate } from './values/dates';

export interface ReportFile {
  readonly path: string;
  readonly chiBo: string | null;
  /** The rule set this file was checked under, where it is not the report's `ruleSet` (a workbook's "Bộ quy tắc" wins). */
  readonly ruleSet?: string;
  /** Which reader made the file's values (and why the project's own declined it, for the fallback). */
  readonly reader?: ReaderInfo;
}

/** A checked file as the report takes it: its path, its check result and the reader that read it. */
export interface CheckedFile {
  readonly path: string;
  readonly result: CheckResult;
  readonly reader?: ReaderInfo;
}

/** What the report's `files`, `issues` and `settings` read of a checked file (a `CheckedFile` or a compact one has it). */
interface FileOfReport {
  readonly path: string;
  readonly result: Pick<WardFileResult, 'chiBo' | 'ruleSet' | 'issues' | 'settings'>;
  readonly reader?: ReaderInfo;
}

function reportFile({ path, result, reader }: FileOfReport, ruleSet: string): ReportFile {
  const own = result.ruleSet !== ruleSet ? { ruleSet: result.ruleSet } : {};
  return reader ? { path, chiBo: result.chiBo, ...own, reader } : { path, chiBo: result.chiBo, ...own };
}

/**
 * One setting of the đảng ủy's `Bộ tiêu chí` as a file's results used it (RULES-2025.md §7, hd43-2025):
 * `source` "sheet" when the sheet gave it, "default" when it did not (CFG25-01).
 */
export interface ReportSetting {
  readonly key: string;
  readonly label: string;
  readonly value: number | boolean | string;
  readonly source: 'sheet' | 'default';
  readonly file: string;
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly rule: string;
}

function reportSettings(checked: readonly FileOfReport[]): ReportSetting[] {
  return checked.flatMap(({ path, result }) => (result.settings ?? []).map((s) => ({ key: s.key, label: s.label, value: s.value, source: s.source, file: path, sheet: s.sheet, cell: s.cell, rule: s.rule })));
}

/**
 * The rule set of the report: the one every file was checked under (a workbook's "Bộ quy tắc" decides, not
 * only `--rules`), or the run's (`--rules`, its default) when the files differ or none was read; then each
 * file that differs names its own.
 */
export function reportRuleSet(requested: string, checked: readonly { readonly result: { readonly ruleSet: string } }[]): string {
  const used = new Set(checked.map(({ result }) => result.ruleSet));
  return used.size === 1 ? [...used][0] : requested;
}

export interface ReportIssue {
  readonly rule: string;
  readonly severity: 'error' | 'warning';
  readonly file: string;
  readonly sheet: string;
  readonly cell: string | null;
  readonly message: string;
  readonly messageEn: string;
}

/** A leader's line of the report (FORMS.md: name, votes, validBallots), with where it came from. */
export interface ReportLeader {
  readonly name: string;
  readonly position: string | null;
  readonly place: string | null;
  readonly btv: boolean;
  readonly votes: LeaderResult['votes'];
  readonly validBallots: number | null;
  readonly issuedBallots: number | null;
  readonly percents: LeaderResult['percents'];
  readonly file: string;
  readonly sheet: string;
  readonly row: number;
}

export interface Report {
  readonly ruleSet: string;
  readonly files: readonly ReportFile[];
  readonly issues: readonly ReportIssue[];
  readonly members: readonly unknown[];
  readonly chiBo: readonly unknown[];
  readonly leaders: readonly ReportLeader[];
  /** hd43-2025: the settings each file's results used (absent when no file has any, as under hd27-2014). */
  readonly settings?: readonly ReportSetting[];
}

function reportIssue(file: string, i: { rule: string; severity: 'error' | 'warning'; sheet: string; cell: string | null; message: string; messageEn: string }): ReportIssue {
  return { rule: i.rule, severity: i.severity, file, sheet: i.sheet, cell: i.cell, message: i.message, messageEn: i.messageEn };
}

function reportLeader(file: string, l: LeaderResult): ReportLeader {
  return { name: l.name, position: l.position, place: l.place, btv: l.btv, votes: l.votes, validBallots: l.validBallots, issuedBallots: l.issuedBallots, percents: l.percents, file, sheet: l.sheet, row: l.row };
}

/** One file's share of the report, worked out as soon as it is checked (the command line streams it). */
export interface ReportParts {
  readonly file: CheckedFile['path'];
  /** What `files` needs of it once every file is known (the report's rule set decides `ruleSet` there). */
  readonly entry: { readonly path: string; readonly chiBo: string | null; readonly ruleSet: string; readonly reader?: ReaderInfo };
  readonly issues: readonly ReportIssue[];
  readonly members: readonly unknown[];
  readonly chiBo: readonly unknown[];
  readonly leaders: readonly ReportLeader[];
  readonly settings: readonly ReportSetting[];
}

export function reportParts(c: CheckedFile): ReportParts {
  const { path, result, reader } = c;
  return {
    file: path,
    entry: reader ? { path, chiBo: result.chiBo, ruleSet: result.ruleSet, reader } : { path, chiBo: result.chiBo, ruleSet: result.ruleSet },
    issues: result.issues.map((i) => reportIssue(path, i)),
    members: result.members,
    chiBo: result.chiBoResults,
    leaders: result.leaders.map((l) => reportLeader(path, l)),
    settings: reportSettings([c]),
  };
}

/** The report's `files` from the parts' entries, once the report's rule set is known. */
export function reportFiles(entries: readonly ReportParts['entry'][], ruleSet: string): ReportFile[] {
  return entries.map((e) => {
    const own = e.ruleSet !== ruleSet ? { ruleSet: e.ruleSet } : {};
    return e.reader ? { path: e.path, chiBo: e.chiBo, ...own, reader: e.reader } : { path: e.path, chiBo: e.chiBo, ...own };
  });
}

/**
 * The report of `check`. `requested` is the run's rule set (`--rules` or its default); the report's
 * `ruleSet` is the one the files were checked under (reportRuleSet). Members and the chi bộ are the
 * engine's results as they are: under hd43-2025 with `score`, `scoreParts` and `proposed: true`.
 */
export function buildReport(requested: string, checked: readonly CheckedFile[]): Report {
  const ruleSet = reportRuleSet(requested, checked);
  const settings = reportSettings(checked);
  return {
    ruleSet,
    files: checked.map((c) => reportFile(c, ruleSet)),
    issues: checked.flatMap(({ path, result }) => result.issues.map((i) => reportIssue(path, i))),
    members: checked.flatMap(({ result }) => result.members),
    chiBo: checked.flatMap(({ result }) => result.chiBoResults),
    leaders: checked.flatMap(({ path, result }) => result.leaders.map((l) => reportLeader(path, l))),
    ...(settings.length > 0 ? { settings } : {}),
  };
}

const day = (d: DateOnly | null): string | null => (d ? formatDate(d) : null);

function wardRow(r: WardChiBoRow) {
  return { ...r, scheduledDate: day(r.scheduledDate), meetingDate: day(r.meetingDate) };
}

/** The report of `aggregate`: the check report's fields over every file (members after AGG-03), plus `ward`. */
export interface WardReport extends Report {
  readonly ward: {
    readonly heading: WardResult['heading'];
    readonly members: WardResult['members'];
    readonly chiBo: WardResult['chiBo'];
    readonly exemplary: WardResult['exemplary'];
    readonly cap: WardResult['cap'];
    readonly schedule: WardResult['schedule'];
    readonly rows: readonly ReturnType<typeof wardRow>[];
  };
}

/**
 * Every issue of the combined files, then those found when combining, each with its file. Under M25-20 over
 * the ward, each file's own provisional cap (its M25-20 warnings, "tạm tính theo riêng chi bộ") is
 * superseded by the ward's: only the ward's are listed, so one cause has one message.
 */
export function wardIssues(checked: readonly { readonly path: string; readonly result: { readonly issues: readonly Issue[] } }[], ward: Pick<WardSummary, 'cap' | 'issues'>): FileIssue[] {
  const superseded = ward.cap.rule === 'M25-20' && ward.cap.scope === 'ward';
  return [...checked.flatMap(({ path, result }) => result.issues.filter((i) => !(superseded && i.rule === 'M25-20')).map((i) => ({ ...i, file: path }))), ...ward.issues];
}

export function buildWardReport(checked: readonly CheckedFile[], ward: WardResult): WardReport {
  const membersOf = new Map(ward.memberResults.map((m) => [m.path, m.members]));
  const { head, tail } = wardReportSections(checked, ward);
  return {
    ...head,
    members: checked.flatMap(({ path, result }) => membersOf.get(path) ?? result.members),
    chiBo: checked.flatMap(({ result }) => result.chiBoResults),
    ...tail,
  };
}

/**
 * The ward's report around its `members` and `chiBo` (which the command line writes from what it spooled
 * as the files were checked: src/cli/wardJson.ts): `head` goes before them, `tail` after, in this order.
 * The files may be compact records (aggregate.ts `compactResult`): only their issues, settings, chi bộ
 * name and rule set are read.
 */
export function wardReportSections(
  files: readonly FileOfReport[],
  ward: WardSummary,
): { head: Pick<WardReport, 'ruleSet' | 'files' | 'issues'>; tail: Pick<WardReport, 'leaders' | 'settings' | 'ward'> } {
  const settings = reportSettings(files);
  return {
    head: {
      ruleSet: ward.ruleSet,
      files: files.map((c) => reportFile(c, ward.ruleSet)),
      issues: wardIssues(files, ward).map((i) => reportIssue(i.file, i)),
    },
    tail: {
      leaders: ward.leaders.map((l) => reportLeader(l.file, l)),
      ...(settings.length > 0 ? { settings } : {}),
      ward: {
        heading: ward.heading,
        members: ward.members,
        chiBo: ward.chiBo,
        exemplary: ward.exemplary,
        cap: ward.cap,
        schedule: ward.schedule,
        rows: ward.rows.map(wardRow),
      },
    },
  };
}
