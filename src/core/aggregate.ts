/**
 * Combining the ward (RULES.md section 6): the check results of every chi bộ workbook in, the ward's
 * summary of forms 04- and 05-KĐ.ĐV and the AGG issues out. Runs only in `aggregate` (RULES.md 9.14).
 * Plain data in and out, like `checkWorkbook`: the CLI reads the files, the layouts write `Tổng hợp`.
 */
import type { CheckResult, MemberResult, PersonRef, Place, Schedule, ScheduleEntry } from './check';
import type { Issue, Severity } from './issues';
import type { ChiBoLevel } from './rules/cb';
import type { RuleId } from './rules/catalogue';
import { issue } from './rules/issue';
import type { LeaderResult } from './rules/lead';
import { findRuleSet, DEFAULT_RULE_SET, type OptionValues, resolveOptions, type RuleSet } from './ruleSets';
import { chiBoKey, foldLabel } from './text/normalize';
import { compareDates, type DateOnly, formatDate } from './values/dates';
import type { MemberLevel } from './values/parse';

export interface WardInput {
  /** The file's path as the user gave it; every issue names it. */
  readonly path: string;
  readonly result: CheckResult;
}

/** An issue with the file it is in. */
export interface FileIssue extends Issue {
  readonly file: string;
}

export interface Count {
  readonly count: number;
  /** Percent of the base, two decimals, for display; null when the base is 0. */
  readonly percent: number | null;
}

export const MEMBER_LEVELS: readonly MemberLevel[] = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];
export const CHI_BO_LEVELS: readonly ChiBoLevel[] = ['TSVM', 'HTTNV', 'HTNV', 'YK'];

/** Form 04-KĐ.ĐV over the ward: percentages of the members classified, as the official statistics. */
export interface WardMemberCounts {
  /** Members on the rolls of every chi bộ. */
  readonly total: number;
  readonly classified: number;
  readonly levels: Readonly<Record<MemberLevel, Count>>;
  readonly notClassified: { readonly exempt: number; readonly 'admitted-under-6-months': number };
  readonly deferred: { readonly absent: number; readonly 'no-self-review': number };
  readonly undetermined: number;
}

/** Form 05-KĐ.ĐV over the ward: percentages of the chi bộ whose level was decided. */
export interface WardChiBoCounts {
  /** Chi bộ workbooks combined. */
  readonly total: number;
  readonly classified: number;
  readonly levels: Readonly<Record<ChiBoLevel, Count>>;
  readonly undetermined: number;
}

/** One line of the per-chi-bộ table: a chi bộ with results, or one the schedule lists without. */
export interface WardChiBoRow {
  readonly name: string;
  readonly key: string;
  /** The workbook, or null for a chi bộ of the schedule with no results (AGG-04). */
  readonly file: string | null;
  readonly scheduledDate: DateOnly | null;
  readonly inCharge: string | null;
  readonly meetingDate: DateOnly | null;
  readonly members: number;
  readonly classified: number;
  readonly levels: Readonly<Record<MemberLevel, number>>;
  /** Not classified (exempt, under six months) and deferred (absent, no self-review). */
  readonly notClassified: number;
  readonly deferred: number;
  readonly undetermined: number;
  readonly score: number | null;
  readonly level: ChiBoLevel | null;
  readonly provisional: boolean;
  readonly exemplary: boolean;
  readonly errors: number;
  readonly warnings: number;
}

export interface WardExemplary {
  readonly tsvm: number;
  /** The chi bộ marked "TSVM tiêu biểu" in `Kế hoạch`. */
  readonly chosen: readonly string[];
  /** Those of them that are TSVM: the number AGG-02 bounds. */
  readonly counted: number;
  /** The largest number allowed: ⌊percent × TSVM / 100⌋. */
  readonly bound: number;
  readonly percent: number;
  readonly withinBound: boolean;
}

export interface WardCap {
  readonly scope: 'chi-bo' | 'ward';
  readonly percent: number;
  /** Members HTTNV after round 1 over the ward (the sum of the chi bộ pools). */
  readonly pool: number;
  /** Ward scope: ⌊percent × pool / 100⌋; chi bộ scope: the sum of the chi bộ caps. */
  readonly cap: number;
  /** Ward scope: the candidates passing MEM-05 and MEM-07 over the ward. */
  readonly candidates: number;
  /** Members HTXSNV after the cap. */
  readonly taken: number;
  /** Ward scope: candidates tied at the cap (undetermined). */
  readonly tied: number;
}

export interface WardSchedule {
  /** The file whose `Kế hoạch` was used first, or null without a schedule. */
  readonly source: string | null;
  readonly listed: number;
  readonly withResults: number;
  readonly missing: readonly string[];
  readonly notInSchedule: readonly string[];
}

export interface WardLeader extends LeaderResult {
  readonly file: string;
}

export interface WardResult {
  readonly ruleSet: string;
  readonly options: OptionValues;
  readonly heading: { readonly dangBo: string | null; readonly year: number | null };
  readonly files: readonly { readonly path: string; readonly chiBo: string | null; readonly role: 'chi-bo' | 'plan' }[];
  readonly rows: readonly WardChiBoRow[];
  readonly members: WardMemberCounts;
  readonly chiBo: WardChiBoCounts;
  readonly exemplary: WardExemplary;
  readonly cap: WardCap;
  readonly schedule: WardSchedule;
  readonly leaders: readonly WardLeader[];
  /** Each file's member results, after the ward cap (AGG-03) where that option is chosen. */
  readonly memberResults: readonly { readonly path: string; readonly members: readonly MemberResult[] }[];
  /** Issues found when combining (AGG, and PROC-02/LEAD-02 across files), each with its file. */
  readonly issues: readonly FileIssue[];
}

function fileIssue(file: string, rule: RuleId, place: Place | null, sheetIfNone: string, message: string, messageEn: string, severity?: Severity): FileIssue {
  return { ...issue(rule, place?.sheet ?? sheetIfNone, place?.cell ?? null, message, messageEn, severity), file };
}

/** How many items have each level, with percentages of all the items (members or chi bộ classified). */
function countByLevel<L extends string>(levels: readonly L[], items: readonly { readonly level: string | null }[]): Record<L, Count> {
  return Object.fromEntries(
    levels.map((l) => {
      const n = items.filter((item) => item.level === l).length;
      return [l, { count: n, percent: percentOf(n, items.length) }];
    }),
  ) as Record<L, Count>;
}

function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((10000 * part) / whole) / 100 : null;
}

/** A file holds a chi bộ when the check found its name or its members; otherwise it is the ward's own (the plan). */
export function holdsChiBo(result: CheckResult): boolean {
  return result.role === 'chi-bo' && (result.chiBo !== null || result.members.length > 0);
}

interface Candidate {
  readonly file: number;
  readonly index: number;
  readonly member: MemberResult;
  readonly person: PersonRef | undefined;
  readonly votes: number;
  readonly n: number;
}

/** Higher share of N first: a/Na > b/Nb ⇔ a·Nb > b·Na, exactly. */
function byShare(a: Candidate, b: Candidate): number {
  return b.votes * a.n - a.votes * b.n;
}

/**
 * AGG-03: with `capScope=ward` each chi bộ left every candidate HTXSNV provisionally (MEM-06, DECISIONS
 * 16); the cap is taken over the ward's pool, candidates ranked by round-2 votes as a share of their N.
 */
function applyWardCap(inputs: readonly WardInput[], chiBoFiles: readonly number[], ruleSet: RuleSet, members: MemberResult[][], issues: FileIssue[]): WardCap {
  const percent = ruleSet.capPercent;
  const pool = chiBoFiles.reduce((acc, f) => acc + (inputs[f].result.figures?.pool ?? 0), 0);
  const cap = Math.floor((percent * pool) / 100);
  const candidates: Candidate[] = [];
  for (const f of chiBoFiles) {
    const result = inputs[f].result;
    // A file checked with the cap per chi bộ has applied it already: its HTXSNV are final.
    if (result.options.capScope !== 'ward') continue;
    result.members.forEach((m, index) => {
      if (m.status === 'classified' && m.level === 'HTXSNV' && m.rules.includes('MEM-06')) {
        candidates.push({ file: f, index, member: m, person: result.people[index], votes: m.votes?.HTXSNV ?? 0, n: m.n });
      }
    });
  }
  candidates.sort((a, b) => byShare(a, b) || a.file - b.file || a.index - b.index);
  let taken = Math.min(candidates.length, cap);
  let tied: Candidate[] = [];
  if (candidates.length > cap && cap > 0) {
    const boundary = candidates[cap - 1];
    if (byShare(candidates[cap], boundary) === 0) {
      tied = candidates.filter((c) => byShare(c, boundary) === 0);
      taken = candidates.findIndex((c) => byShare(c, boundary) === 0);
    }
  }
  const capLine = `Giới hạn toàn Đảng bộ: ${percent}% của ${pool} HTTNV = ${cap} (AGG-03).`;
  const capLineEn = `Ward cap: ${percent} % of ${pool} HTTNV = ${cap} (AGG-03).`;
  candidates.forEach((c, i) => {
    const share = `${c.votes}/${c.n}`;
    const place = c.person?.round2 ?? c.person?.name ?? null;
    const file = inputs[c.file].path;
    const chiBo = inputs[c.file].result.chiBo ?? file;
    const m = c.member;
    const rules: RuleId[] = [...m.rules, 'AGG-03'];
    let next: MemberResult;
    if (i < taken) {
      next = { ...m, rules, explanation: `${m.explanation} ${capLine} Xếp thứ ${i + 1} toàn Đảng bộ theo tỷ lệ phiếu lần 2 (${share}) → HTXSNV.`, explanationEn: `${m.explanationEn} ${capLineEn} Ranked ${i + 1} by round-2 share (${share}) → HTXSNV.` };
    } else if (tied.includes(c)) {
      next = { ...m, status: 'undetermined', level: null, reason: 'tie-at-cap', rules, explanation: `${m.explanation} ${capLine} Bằng tỷ lệ phiếu (${share}) ở ngưỡng giới hạn: Ban Chấp hành quyết định.`, explanationEn: `${m.explanationEn} ${capLineEn} Tied (${share}) at the cap.` };
      issues.push(
        fileIssue(
          file,
          'AGG-03',
          place,
          '',
          `"${m.name}" (chi bộ ${chiBo}): ${tied.length} đồng chí bằng tỷ lệ phiếu lần 2 ở ngưỡng giới hạn ${cap} HTXSNV toàn Đảng bộ (${percent}% của ${pool} HTTNV): ${tied.map((t) => `${t.member.name} (${inputs[t.file].result.chiBo ?? inputs[t.file].path}, ${t.votes}/${t.n})`).join(', ')}. Ban Chấp hành Đảng bộ quyết định.`,
          `"${m.name}": ${tied.length} candidates tie at the ward cap of ${cap}. The executive committee decides.`,
          'error',
        ),
      );
    } else {
      next = { ...m, level: 'HTTNV', rules, explanation: `${m.explanation} ${capLine} Ngoài giới hạn (tỷ lệ ${share}) → HTTNV.`, explanationEn: `${m.explanationEn} ${capLineEn} Outside the cap (${share}) → HTTNV.` };
      issues.push(
        fileIssue(
          file,
          'AGG-03',
          place,
          '',
          `"${m.name}" (chi bộ ${chiBo}) đủ phiếu lần 2 (${share} = ${(100 * c.votes / Math.max(1, c.n)).toFixed(2).replace('.', ',')}% của N) nhưng ngoài giới hạn ${cap} đảng viên HTXSNV toàn Đảng bộ (${percent}% của ${pool} HTTNV): giữ mức HTTNV.`,
          `"${m.name}" passes round 2 (${share}) but is outside the ward cap of ${cap} (${percent} % of ${pool}): stays HTTNV.`,
        ),
      );
    }
    members[c.file][c.index] = next;
  });
  return { scope: 'ward', percent, pool, cap, candidates: candidates.length, taken, tied: tied.length };
}

/** The schedule of the first file carrying one, completed by later files' rows for other chi bộ. */
function mergeSchedules(inputs: readonly WardInput[], issues: FileIssue[]): { entries: { entry: ScheduleEntry; file: string; schedule: Schedule }[]; source: string | null } {
  const byKey = new Map<string, { entry: ScheduleEntry; file: string; schedule: Schedule }>();
  let source: string | null = null;
  for (const { path, result } of inputs) {
    const schedule = result.schedule;
    if (!schedule) continue;
    source ??= path;
    for (const entry of schedule.rows) {
      const first = byKey.get(entry.key);
      if (!first) {
        byKey.set(entry.key, { entry, file: path, schedule });
        continue;
      }
      const a = first.entry.meetingDate;
      const b = entry.meetingDate;
      if (a && b && compareDates(a, b) !== 0) {
        issues.push(
          fileIssue(
            path,
            'PROC-02',
            { sheet: schedule.sheet, cell: entry.cells.meetingDate },
            schedule.sheet,
            `Sheet "${schedule.sheet}", ô ${entry.cells.meetingDate}: lịch ghi chi bộ "${entry.chiBo}" họp ngày ${formatDate(b)}, nhưng lịch trong tệp ${first.file} (ô ${first.entry.cells.meetingDate}) ghi ngày ${formatDate(a)}. Thống nhất một lịch theo kế hoạch của Đảng ủy.`,
            `Sheet "${schedule.sheet}", cell ${entry.cells.meetingDate}: chi bộ "${entry.chiBo}" is scheduled on ${formatDate(b)} here but on ${formatDate(a)} in ${first.file}.`,
          ),
        );
      }
    }
  }
  return { entries: [...byKey.values()], source };
}

function emptyLevels<L extends string>(levels: readonly L[]): Record<L, number> {
  return Object.fromEntries(levels.map((l) => [l, 0])) as Record<L, number>;
}

/** Combines the checked workbooks of the ward. Never throws on any check results. */
export function aggregateWard(inputs: readonly WardInput[], options?: { readonly ruleSet?: string; readonly options?: Readonly<Record<string, string>> }): WardResult {
  const ruleSet: RuleSet = findRuleSet(options?.ruleSet ?? inputs[0]?.result.ruleSet ?? DEFAULT_RULE_SET) ?? (findRuleSet(DEFAULT_RULE_SET) as RuleSet);
  const values = options?.options ? resolveOptions(ruleSet, options.options).values : (inputs[0]?.result.options ?? resolveOptions(ruleSet, {}).values);
  const issues: FileIssue[] = [];
  const members: MemberResult[][] = inputs.map(({ result }) => [...result.members]);
  const chiBoFiles = inputs.map((_, i) => i).filter((i) => holdsChiBo(inputs[i].result));

  // AGG-04: the same chi bộ twice; a chi bộ with no name.
  const fileOfKey = new Map<string, number>();
  const keyOfFile = new Map<number, string>();
  for (const f of chiBoFiles) {
    const { path, result } = inputs[f];
    if (!result.chiBo) {
      issues.push(fileIssue(path, 'AGG-01', result.places.chiBo, 'Thông tin chi bộ', `Tệp ${path}: chưa có tên chi bộ (sheet "Thông tin chi bộ", mục "Chi bộ"), nên không đối chiếu được với lịch và được ghi là "(không tên)" trong Tổng hợp. Nhập tên chi bộ.`, `${path}: the chi bộ has no name; it is listed as "(no name)".`));
      continue;
    }
    const key = chiBoKey(result.chiBo);
    keyOfFile.set(f, key);
    const first = fileOfKey.get(key);
    if (first === undefined) {
      fileOfKey.set(key, f);
      continue;
    }
    issues.push(
      fileIssue(
        path,
        'AGG-04',
        result.places.chiBo,
        'Thông tin chi bộ',
        `Chi bộ "${result.chiBo}" có kết quả trong hai tệp: ${inputs[first].path} và ${path}. Số liệu của chi bộ bị tính hai lần trong Tổng hợp; chỉ giữ một tệp cho mỗi chi bộ.`,
        `Chi bộ "${result.chiBo}" has results in two files: ${inputs[first].path} and ${path}. Keep one file per chi bộ.`,
        'error',
      ),
    );
  }

  // AGG-04: a person (normalised name and date of birth) in two chi bộ.
  const seen = new Map<string, { file: number; person: PersonRef; name: string }>();
  for (const f of chiBoFiles) {
    const { path, result } = inputs[f];
    result.people.forEach((person, i) => {
      if (!person.nameKey || !person.birthDate) return;
      const key = `${person.nameKey}|${formatDate(person.birthDate)}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { file: f, person, name: result.members[i]?.name ?? person.nameKey });
        return;
      }
      if (first.file === f) return; // DATA-05's business
      const sameChiBo = keyOfFile.get(f);
      if (sameChiBo !== undefined && sameChiBo === keyOfFile.get(first.file)) return; // the chi bộ twice: reported once above
      const other = inputs[first.file];
      const name = result.members[i]?.name ?? person.nameKey;
      const temporary = person.temporary || first.person.temporary ? ' Nếu đồng chí sinh hoạt tạm thời ở một chi bộ, chỉ chi bộ chính thức ghi tên trong danh sách phân loại.' : '';
      issues.push(
        fileIssue(
          path,
          'AGG-04',
          person.name,
          '',
          `"${name}" (sinh ${formatDate(person.birthDate)}) có tên ở hai chi bộ: ${other.result.chiBo ?? other.path} (tệp ${other.path}, sheet "${first.person.name.sheet}", ô ${first.person.name.cell}) và ${result.chiBo ?? path} (tệp ${path}, ô ${person.name.cell}). Một đảng viên chỉ được phân loại ở một chi bộ.${temporary}`,
          `"${name}" (born ${formatDate(person.birthDate)}) is in two chi bộ: ${other.result.chiBo ?? other.path} (${other.path}!${first.person.name.cell}) and ${result.chiBo ?? path} (${path}!${person.name.cell}).`,
          'error',
        ),
      );
    });
  }

  // AGG-03.
  const pool = chiBoFiles.reduce((acc, f) => acc + (inputs[f].result.figures?.pool ?? 0), 0);
  const ward = values.capScope === 'ward' ? applyWardCap(inputs, chiBoFiles, ruleSet, members, issues) : null;
  const taken = chiBoFiles.reduce((acc, f) => acc + members[f].filter((m) => m.status === 'classified' && m.level === 'HTXSNV').length, 0);
  const cap: WardCap = ward
    ? { ...ward, taken }
    : { scope: 'chi-bo', percent: ruleSet.capPercent, pool, cap: chiBoFiles.reduce((acc, f) => acc + (inputs[f].result.figures?.cap ?? 0), 0), candidates: 0, taken, tied: 0 };

  // The schedule: coverage (AGG-04) and each chi bộ's date where its own workbook had no schedule (PROC-02).
  const { entries, source } = mergeSchedules(inputs, issues);
  const scheduled = new Map(entries.map((e) => [e.entry.key, e]));
  for (const { entry, file, schedule } of entries) {
    if (fileOfKey.has(entry.key)) continue;
    issues.push(
      fileIssue(
        file,
        'AGG-04',
        { sheet: schedule.sheet, cell: entry.cells.chiBo },
        schedule.sheet,
        `Sheet "${schedule.sheet}", ô ${entry.cells.chiBo}: chi bộ "${entry.chiBo}" có trong lịch${entry.meetingDate ? ` (họp ngày ${formatDate(entry.meetingDate)})` : ''} nhưng chưa có tệp kết quả nào${entry.inCharge ? `; đồng chí phụ trách: ${entry.inCharge}` : ''}. Đôn đốc chi bộ gửi kết quả, hoặc kiểm tra tên chi bộ trong tệp đã nhận.`,
        `Sheet "${schedule.sheet}", cell ${entry.cells.chiBo}: chi bộ "${entry.chiBo}" is in the schedule but no results were received.`,
      ),
    );
  }
  const notInSchedule: string[] = [];
  if (entries.length > 0) {
    for (const [f, key] of keyOfFile) {
      const { path, result } = inputs[f];
      const row = scheduled.get(key);
      if (!row) {
        if (fileOfKey.get(key) === f) notInSchedule.push(result.chiBo as string);
        issues.push(fileIssue(path, 'AGG-04', result.places.chiBo, 'Thông tin chi bộ', `Chi bộ "${result.chiBo}" (tệp ${path}) không có trong lịch của kế hoạch (tệp ${source}, sheet "${entries[0].schedule.sheet}"). Sửa tên chi bộ cho giống trong lịch, hoặc bổ sung chi bộ vào lịch.`, `Chi bộ "${result.chiBo}" (${path}) is not in the plan's schedule.`));
        continue;
      }
      const meeting = result.heading.meetingDate;
      const planned = row.entry.meetingDate;
      if (!result.schedule && meeting && planned && compareDates(meeting, planned) !== 0) {
        issues.push(
          fileIssue(
            path,
            'PROC-02',
            result.places.meetingDate,
            'Thông tin chi bộ',
            `Chi bộ "${result.chiBo}" họp ngày ${formatDate(meeting)}, nhưng lịch của kế hoạch (tệp ${row.file}, sheet "${row.schedule.sheet}", ô ${row.entry.cells.meetingDate}) là ngày ${formatDate(planned)}. Kiểm tra lại ngày họp.`,
            `Chi bộ "${result.chiBo}" met on ${formatDate(meeting)}, but the schedule (${row.file}) says ${formatDate(planned)}.`,
          ),
        );
      }
    }
  }

  // Per chi bộ lines, in the schedule's order, then the chi bộ not in it.
  const rowOf = (f: number): WardChiBoRow => {
    const { path, result } = inputs[f];
    const ms = members[f];
    const key = keyOfFile.get(f) ?? '';
    const c = result.chiBoResults[0];
    const levels = emptyLevels(MEMBER_LEVELS);
    for (const m of ms) if (m.status === 'classified' && m.level) levels[m.level]++;
    const entry = scheduled.get(key)?.entry;
    const counts = { errors: 0, warnings: 0 };
    for (const i of result.issues) counts[i.severity === 'error' ? 'errors' : 'warnings']++;
    return {
      name: result.chiBo ?? '(không tên)',
      key,
      file: path,
      scheduledDate: entry?.meetingDate ?? null,
      inCharge: entry?.inCharge ?? null,
      meetingDate: result.heading.meetingDate,
      members: ms.length,
      classified: ms.filter((m) => m.status === 'classified').length,
      levels,
      notClassified: ms.filter((m) => m.status === 'not-classified').length,
      deferred: ms.filter((m) => m.status === 'deferred').length,
      undetermined: ms.filter((m) => m.status === 'undetermined').length,
      score: c?.score ?? null,
      level: c?.level ?? null,
      provisional: c?.provisional ?? false,
      exemplary: entry?.exemplary ?? false,
      ...counts,
    };
  };
  const rows: WardChiBoRow[] = [];
  const placed = new Set<number>();
  for (const { entry } of entries) {
    const f = fileOfKey.get(entry.key);
    if (f === undefined) {
      rows.push({ name: entry.chiBo, key: entry.key, file: null, scheduledDate: entry.meetingDate, inCharge: entry.inCharge, meetingDate: null, members: 0, classified: 0, levels: emptyLevels(MEMBER_LEVELS), notClassified: 0, deferred: 0, undetermined: 0, score: null, level: null, provisional: false, exemplary: entry.exemplary, errors: 0, warnings: 0 });
      continue;
    }
    rows.push(rowOf(f));
    placed.add(f);
  }
  for (const f of chiBoFiles) if (!placed.has(f)) rows.push(rowOf(f));

  // AGG-01 over the chi bộ with results.
  const counted = rows.filter((r) => r.file !== null);
  const all = chiBoFiles.flatMap((f) => members[f]);
  const classified = all.filter((m) => m.status === 'classified');
  const memberCounts: WardMemberCounts = {
    total: all.length,
    classified: classified.length,
    levels: countByLevel(MEMBER_LEVELS, classified),
    notClassified: { exempt: all.filter((m) => m.reason === 'exempt').length, 'admitted-under-6-months': all.filter((m) => m.reason === 'admitted-under-6-months').length },
    deferred: { absent: all.filter((m) => m.status === 'deferred' && m.reason === 'absent').length, 'no-self-review': all.filter((m) => m.status === 'deferred' && m.reason === 'no-self-review').length },
    undetermined: all.filter((m) => m.status === 'undetermined').length,
  };
  const levelled = counted.filter((r) => r.level !== null);
  const chiBoCounts: WardChiBoCounts = {
    total: counted.length,
    classified: levelled.length,
    levels: countByLevel(CHI_BO_LEVELS, levelled),
    undetermined: counted.length - levelled.length,
  };
  for (const f of chiBoFiles) {
    const { path, result } = inputs[f];
    const c = result.chiBoResults[0];
    if (c && c.level !== null && !c.provisional) continue;
    const what = !c || c.level === null ? 'chưa xác định được mức xếp loại' : 'có mức xếp loại tạm thời (còn đảng viên chưa xác định, CB-08)';
    issues.push(
      fileIssue(
        path,
        'AGG-01',
        result.places.chiBo,
        'Thông tin chi bộ',
        `Chi bộ "${result.chiBo ?? path}" ${what}: Tổng hợp ghi ${!c || c.level === null ? 'vào dòng "Chưa xác định"' : 'theo mức tạm thời'}. Xử lý các lỗi của tệp ${path} rồi tổng hợp lại.`,
        `Chi bộ "${result.chiBo ?? path}" has ${!c || c.level === null ? 'no level' : 'a provisional level'}; fix ${path} and combine again.`,
      ),
    );
  }

  // AGG-02: exemplary TSVM chi bộ.
  const tsvm = chiBoCounts.levels.TSVM.count;
  const bound = Math.floor((ruleSet.exemplaryPercent * tsvm) / 100);
  const chosen: { entry: ScheduleEntry; file: string; schedule: Schedule }[] = entries.filter((e) => e.entry.exemplary);
  let countedExemplary = 0;
  for (const c of chosen) {
    const f = fileOfKey.get(c.entry.key);
    const level = f === undefined ? null : (inputs[f].result.chiBoResults[0]?.level ?? null);
    if (level === 'TSVM') {
      countedExemplary++;
      continue;
    }
    issues.push(
      fileIssue(
        c.file,
        'AGG-02',
        { sheet: c.schedule.sheet, cell: c.entry.cells.exemplary },
        c.schedule.sheet,
        `Sheet "${c.schedule.sheet}", ô ${c.entry.cells.exemplary}: chi bộ "${c.entry.chiBo}" được chọn TSVM tiêu biểu nhưng ${f === undefined ? 'chưa có kết quả' : `xếp loại ${level ?? 'chưa xác định'}`}; chỉ chọn trong số chi bộ Trong sạch, vững mạnh (III.2.3.b).`,
        `Sheet "${c.schedule.sheet}", cell ${c.entry.cells.exemplary}: chi bộ "${c.entry.chiBo}" is marked exemplary but is ${level ?? 'not classified'}; only TSVM chi bộ can be.`,
        'warning',
      ),
    );
  }
  const withinBound = 100 * countedExemplary <= ruleSet.exemplaryPercent * tsvm;
  if (!withinBound) {
    const last = chosen[chosen.length - 1];
    issues.push(
      fileIssue(
        last.file,
        'AGG-02',
        { sheet: last.schedule.sheet, cell: last.entry.cells.exemplary },
        last.schedule.sheet,
        `${countedExemplary} chi bộ TSVM tiêu biểu được chọn (${chosen.map((c) => c.entry.chiBo).join(', ')}), vượt giới hạn ${ruleSet.exemplaryPercent}% của ${tsvm} chi bộ Trong sạch, vững mạnh = tối đa ${bound} (III.2.3.b: 100 × ${countedExemplary} > ${ruleSet.exemplaryPercent} × ${tsvm}). Bỏ bớt dấu ở cột "TSVM tiêu biểu".`,
        `${countedExemplary} exemplary chi bộ chosen, above ${ruleSet.exemplaryPercent} % of ${tsvm} TSVM = at most ${bound}.`,
      ),
    );
  }

  // Leaders voted in two places (LEAD-02); the same tally carried by two files counts once.
  const leaders: WardLeader[] = [];
  const byLeader = new Map<string, WardLeader>();
  inputs.forEach(({ path, result }) => {
    for (const leader of result.leaders) {
      const key = leader.nameKey;
      const first = key ? byLeader.get(key) : undefined;
      if (!first) {
        const own: WardLeader = { ...leader, file: path };
        if (key) byLeader.set(key, own);
        leaders.push(own);
        continue;
      }
      if (first.file === path) continue; // listed twice on one sheet: LEAD-02 in check
      const samePlace = foldLabel(first.place ?? '') === foldLabel(leader.place ?? '');
      const sameVotes = MEMBER_LEVELS.every((l) => first.votes[l] === leader.votes[l]) && first.validBallots === leader.validBallots;
      if (samePlace && sameVotes) continue;
      issues.push(
        fileIssue(
          path,
          'LEAD-02',
          { sheet: leader.sheet, cell: leader.cell },
          leader.sheet,
          `"${leader.name}" được lấy phiếu biểu quyết ở hai nơi: "${first.place ?? '?'}" (tệp ${first.file}, ô ${first.cell}) và "${leader.place ?? '?'}" (tệp ${path}, ô ${leader.cell}). Mỗi đồng chí chỉ biểu quyết ở một nơi (II.3.2); Tổng hợp giữ kết quả thứ nhất.`,
          `"${leader.name}" was voted in two places: "${first.place ?? '?'}" (${first.file}) and "${leader.place ?? '?'}" (${path}). Only the first is kept.`,
        ),
      );
    }
  });

  const firstChiBo = chiBoFiles.map((f) => inputs[f].result).find((r) => r.heading.dangBo || r.heading.year);
  const year = firstChiBo?.heading.year ?? inputs.find((i) => i.result.schedule?.year)?.result.schedule?.year ?? null;
  return {
    ruleSet: ruleSet.id,
    options: values,
    heading: { dangBo: firstChiBo?.heading.dangBo ?? null, year },
    files: inputs.map(({ path, result }) => ({ path, chiBo: result.chiBo, role: holdsChiBo(result) ? 'chi-bo' : 'plan' })),
    rows,
    members: memberCounts,
    chiBo: chiBoCounts,
    exemplary: { tsvm, chosen: chosen.map((c) => c.entry.chiBo), counted: countedExemplary, bound, percent: ruleSet.exemplaryPercent, withinBound },
    cap,
    schedule: { source, listed: entries.length, withResults: entries.filter((e) => fileOfKey.has(e.entry.key)).length, missing: entries.filter((e) => !fileOfKey.has(e.entry.key)).map((e) => e.entry.chiBo), notInSchedule },
    leaders,
    memberResults: inputs.map(({ path }, i) => ({ path, members: members[i] })),
    issues,
  };
}
