/**
 * AGG rules (RULES.md section 6): what the ward office checks when it combines the chi bộ workbooks,
 * with the checks across files that only combining can make (PROC-02 between schedules, LEAD-02 between
 * files). They run only in `aggregate` (RULES.md 9.14): src/core/aggregate.ts combines the workbooks and
 * calls these on what it combined.
 *
 * They read the check results through the narrow views below rather than `CheckResult`: this module is
 * a family of the rule registry, which check.ts reaches, so importing check.ts would close a cycle.
 */
import { CRITERIA_SETTINGS, type SettingDef } from '../forms/definitions';
import type { RuleSet } from '../ruleSets';
import type { Severity } from '../severity';
import { chiBoKey, foldLabel } from '../text/normalize';
import { compareDates, type DateOnly, formatDate } from '../values/dates';
import type { MemberLevel } from '../values/parse';
import type { RuleId, RuleMeta } from './catalogue';
import { CHI_BO_LEVEL_WORDS, type ChiBoLevel, type ChiBoResult } from './cb';
import type { LeaderResult } from './lead';
import type { MemberResult } from './mem';
import { type SettingValue, unconfirmed } from './cfg25';
import { type Rule25Id, scaled, vn } from './rules25';

export const AGG_RULES: readonly RuleMeta[] = [
  { id: 'AGG-01', severity: 'warning', seed: 'IV.9, Mẫu 04-, 05-KĐ.ĐV', title: 'Tổng hợp toàn Đảng bộ: đảng viên và chi bộ theo mức, tỷ lệ', titleEn: 'Ward summary: members and chi bộ by level, with percentages' },
  { id: 'AGG-02', severity: 'error', seed: 'III.2.3.b', title: 'Chi bộ TSVM tiêu biểu không quá 20% số chi bộ TSVM', titleEn: 'Exemplary TSVM chi bộ at most 20 % of the TSVM chi bộ' },
  { id: 'AGG-03', severity: 'warning', seed: 'III.1.4', title: 'Giới hạn 15% HTXSNV trên toàn Đảng bộ (tuỳ chọn)', titleEn: 'The 15 % HTXSNV cap over the whole ward (option)' },
  { id: 'AGG-04', severity: 'warning', seed: 'IV.7, IV.9', title: 'Chi bộ trong lịch chưa có kết quả; đảng viên có tên ở hai chi bộ', titleEn: 'Scheduled chi bộ without results; a member in two chi bộ' },
];

const MEMBER_LEVELS: readonly MemberLevel[] = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];

/** A cell of a checked workbook. */
export interface CellPlace {
  readonly sheet: string;
  readonly cell: string;
}

/** A row of a `Kế hoạch` schedule, as the checks read it. */
export interface ScheduleEntryView {
  readonly chiBo: string;
  readonly key: string;
  readonly meetingDate: DateOnly | null;
  readonly inCharge: string | null;
  readonly exemplary: boolean;
  readonly cells: { readonly chiBo: string; readonly meetingDate: string; readonly exemplary: string };
}

export interface ScheduleView<E extends ScheduleEntryView = ScheduleEntryView> {
  readonly sheet: string;
  readonly rows: readonly E[];
}

/** What the ward's checks read of one checked workbook (a `CheckResult` has all of it). */
export interface CheckedView<E extends ScheduleEntryView = ScheduleEntryView> {
  /** The rule set the file was checked under (a `CheckResult` always has it; hand-made views may not). */
  readonly ruleSet?: string;
  /** hd43-2025: the đảng ủy's settings as the file used them (`Bộ tiêu chí`). */
  readonly settings?: readonly SettingView[];
  readonly chiBo: string | null;
  readonly options: { readonly capScope: 'chi-bo' | 'ward' };
  readonly heading: { readonly meetingDate: DateOnly | null };
  /** Every member's result (a `MemberView`; one the ward's cap may change, with what the cap reads: `CandidateView`). */
  readonly members: readonly MemberView[];
  readonly chiBoResults: readonly ChiBoView[];
  readonly figures: { readonly pool: number; readonly cap: number } | null;
  readonly leaders: readonly LeaderResult[];
  readonly schedule: ScheduleView<E> | null;
  /** One per member, in the same order; null for one neither AGG-04 nor the cap can name. */
  readonly people: readonly (PersonView | null)[];
  readonly places: { readonly chiBo: CellPlace | null; readonly meetingDate: CellPlace | null };
}

/**
 * What combining reads of a member's result (a `MemberResult` has all of it): its name and its status,
 * level and reason after the file's own check. `rules` and `unmet` tell whether the ward's cap may change
 * it (`wardCapCandidate`, `beforeCapExcellent`); such a member also carries what the cap ranks it by
 * (`CandidateView`).
 */
export interface MemberView {
  /** Absent where the file's row carries it (`PersonView.member`, a compact record). */
  readonly name?: string;
  readonly status: MemberResult['status'];
  readonly level: MemberResult['level'];
  readonly reason: MemberResult['reason'];
  readonly rules?: MemberResult['rules'];
  readonly unmet?: MemberResult['unmet'];
}

/** What combining reads of a chi bộ's result (a `ChiBoResult` has all of it). */
export type ChiBoView = Pick<ChiBoResult, 'level' | 'score' | 'provisional'>;

/** What combining reads of a member's row (check.ts `PersonRef` has all of it): AGG-04's key and the cells it names. */
export interface PersonView {
  readonly nameKey: string;
  readonly birthDate: DateOnly | null;
  readonly temporary: boolean;
  readonly name: CellPlace;
  /** AGG-03: the member's round-2 vote cell (read only for the cap's candidates). */
  readonly round2?: CellPlace | null;
  /** The member's name, where the member's result does not carry it (a compact record). */
  readonly member?: string;
}

/**
 * AGG-03's candidate: an HTXSNV that MEM-06 left for the ward's cap, in a file checked with `capScope=ward`
 * (M25-20's are `beforeCapExcellent`). A compact record of a file (aggregate.ts `compactResult`) keeps
 * what the cap reads of these members (`CandidateView`).
 */
export function wardCapCandidate(options: CheckedView['options'], m: MemberView): boolean {
  return options.capScope === 'ward' && m.status === 'classified' && m.level === 'HTXSNV' && (m.rules ?? []).includes('MEM-06');
}

/** What the cap reads of a candidate (a `MemberResult` has all of it): its rules, N and votes (AGG-03), score (M25-20). */
export interface CandidateView extends MemberView {
  readonly name: string;
  readonly rules: MemberResult['rules'];
  readonly n: number;
  readonly votes: MemberResult['votes'];
  readonly score?: MemberResult['score'];
}

/** A candidate of the cap; a compact record always keeps what the cap reads of it (aggregate.ts `mayBeCapped`). */
function candidate(m: MemberView): CandidateView {
  const c = m as Partial<CandidateView>;
  if (typeof c.name !== 'string' || !Array.isArray(c.rules) || typeof c.n !== 'number' || c.votes === undefined) throw new Error(`the ward's cap needs the candidate's rules, votes and N: "${m.name ?? '?'}"`);
  return m as CandidateView;
}

/** What the ward's cap does to a member: the fields it sets, and the words it adds to both explanations. */
export interface CapChange {
  readonly fields: Pick<MemberResult, 'rules'> & Partial<Pick<MemberResult, 'status' | 'level' | 'reason'>>;
  readonly explanation: string;
  readonly explanationEn: string;
}

/** A member's whole result after the cap's change (every field keeps its place: the report's text is the same). */
export function appliedCap(m: MemberResult, change: CapChange): MemberResult {
  return { ...m, ...change.fields, explanation: `${m.explanation} ${change.explanation}`, explanationEn: `${m.explanationEn} ${change.explanationEn}` };
}

/** A member the cap changed, as combining compact records gives it: its status after the cap, and the change to apply to its whole result. */
export interface CappedView extends MemberView {
  readonly capChange: CapChange;
}

/** The cap's change on a candidate: the whole result changed, or (a compact record) its view with the change. */
function capped(m: CandidateView, change: CapChange): MemberResult | CappedView {
  if (typeof (m as Partial<MemberResult>).explanation === 'string') return appliedCap(m as MemberResult, change);
  return { name: m.name, status: m.status, level: m.level, reason: m.reason, ...change.fields, capChange: change };
}

export interface CheckedFileView<E extends ScheduleEntryView = ScheduleEntryView> {
  readonly path: string;
  readonly result: CheckedView<E>;
}

/** One setting of a file's `Bộ tiêu chí`, as check.ts `SettingUsed` (what combining reads of it). */
export type SettingView = Omit<SettingValue, 'rule'>;

/**
 * Reports one issue found when combining, in `file`, at `place` (on `sheetIfNone` where there is no cell).
 * The 2025 IDs (M25-20, CFG25-01) are reported with an explicit severity.
 */
export type WardReporter = (file: string, rule: RuleId | Rule25Id, place: CellPlace | null, sheetIfNone: string, message: string, messageEn: string, severity?: Severity) => void;

/** The chi bộ of the ward by name: the first file of each, and each named file's key. */
export interface ChiBoIndex {
  readonly fileOfKey: ReadonlyMap<string, number>;
  readonly keyOfFile: ReadonlyMap<number, string>;
}

/** AGG-01: a chi bộ with no name; AGG-04: the same chi bộ in two files (the first one counts). */
export function indexChiBo(inputs: readonly CheckedFileView[], chiBoFiles: readonly number[], report: WardReporter): ChiBoIndex {
  const fileOfKey = new Map<string, number>();
  const keyOfFile = new Map<number, string>();
  for (const f of chiBoFiles) {
    const { path, result } = inputs[f];
    if (!result.chiBo) {
      report(path, 'AGG-01', result.places.chiBo, 'Thông tin chi bộ', `Tệp ${path}: chưa có tên chi bộ (sheet "Thông tin chi bộ", mục "Chi bộ"), nên không đối chiếu được với lịch và được ghi là "(không tên)" trong Tổng hợp. Nhập tên chi bộ.`, `${path}: the chi bộ has no name; it is listed as "(no name)".`);
      continue;
    }
    const key = chiBoKey(result.chiBo);
    keyOfFile.set(f, key);
    const first = fileOfKey.get(key);
    if (first === undefined) {
      fileOfKey.set(key, f);
      continue;
    }
    report(
      path,
      'AGG-04',
      result.places.chiBo,
      'Thông tin chi bộ',
      `Chi bộ "${result.chiBo}" có kết quả trong hai tệp: ${inputs[first].path} và ${path}. Số liệu của chi bộ bị tính hai lần trong Tổng hợp; chỉ giữ một tệp cho mỗi chi bộ.`,
      `Chi bộ "${result.chiBo}" has results in two files: ${inputs[first].path} and ${path}. Keep one file per chi bộ.`,
      'error',
    );
  }
  return { fileOfKey, keyOfFile };
}

/** AGG-04: a person (normalised name and date of birth) in two chi bộ. */
export function checkPeopleInOneChiBo(inputs: readonly CheckedFileView[], chiBoFiles: readonly number[], index: ChiBoIndex, report: WardReporter): void {
  const seen = new Map<string, { file: number; person: PersonView }>();
  for (const f of chiBoFiles) {
    const { path, result } = inputs[f];
    result.people.forEach((person, i) => {
      if (!person?.nameKey || !person.birthDate) return;
      const key = `${person.nameKey}|${formatDate(person.birthDate)}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, { file: f, person });
        return;
      }
      if (first.file === f) return; // DATA-05's business
      const sameChiBo = index.keyOfFile.get(f);
      if (sameChiBo !== undefined && sameChiBo === index.keyOfFile.get(first.file)) return; // the chi bộ twice: reported once by indexChiBo
      const other = inputs[first.file];
      const name = person.member ?? result.members[i]?.name ?? person.nameKey;
      const temporary = person.temporary || first.person.temporary ? ' Nếu đồng chí sinh hoạt tạm thời ở một chi bộ, chỉ chi bộ chính thức ghi tên trong danh sách phân loại.' : '';
      report(
        path,
        'AGG-04',
        person.name,
        '',
        `"${name}" (sinh ${formatDate(person.birthDate)}) có tên ở hai chi bộ: ${other.result.chiBo ?? other.path} (tệp ${other.path}, sheet "${first.person.name.sheet}", ô ${first.person.name.cell}) và ${result.chiBo ?? path} (tệp ${path}, ô ${person.name.cell}). Một đảng viên chỉ được phân loại ở một chi bộ.${temporary}`,
        `"${name}" (born ${formatDate(person.birthDate)}) is in two chi bộ: ${other.result.chiBo ?? other.path} (${other.path}!${first.person.name.cell}) and ${result.chiBo ?? path} (${path}!${person.name.cell}).`,
        'error',
      );
    });
  }
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
  /** hd43-2025: the cap is M25-20 (members ranked by score; the base is HTTNV and HTXSNV before the cap). */
  readonly rule?: 'M25-20';
}

interface Candidate {
  readonly file: number;
  readonly index: number;
  readonly member: CandidateView;
  readonly round2: CellPlace | null;
  readonly name: CellPlace | null;
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
 * `members` (each file's results, copied by the caller) receives the capped results.
 */
export function applyWardCap(inputs: readonly CheckedFileView[], chiBoFiles: readonly number[], ruleSet: RuleSet, members: MemberView[][], report: WardReporter): WardCap {
  const percent = ruleSet.capPercent;
  const pool = chiBoFiles.reduce((acc, f) => acc + (inputs[f].result.figures?.pool ?? 0), 0);
  const cap = Math.floor((percent * pool) / 100);
  const candidates: Candidate[] = [];
  for (const f of chiBoFiles) {
    const result = inputs[f].result;
    // A file checked with the cap per chi bộ has applied it already: its HTXSNV are final (wardCapCandidate).
    result.members.forEach((view, index) => {
      if (wardCapCandidate(result.options, view)) {
        const m = candidate(view);
        const person = result.people[index];
        candidates.push({ file: f, index, member: m, round2: person?.round2 ?? null, name: person?.name ?? null, votes: m.votes?.HTXSNV ?? 0, n: m.n });
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
    const place = c.round2 ?? c.name;
    const file = inputs[c.file].path;
    const chiBo = inputs[c.file].result.chiBo ?? file;
    const m = c.member;
    const rules: RuleId[] = [...m.rules, 'AGG-03'];
    let next: CapChange;
    if (i < taken) {
      next = { fields: { rules }, explanation: `${capLine} Xếp thứ ${i + 1} toàn Đảng bộ theo tỷ lệ phiếu lần 2 (${share}) → HTXSNV.`, explanationEn: `${capLineEn} Ranked ${i + 1} by round-2 share (${share}) → HTXSNV.` };
    } else if (tied.includes(c)) {
      next = { fields: { status: 'undetermined', level: null, reason: 'tie-at-cap', rules }, explanation: `${capLine} Bằng tỷ lệ phiếu (${share}) ở ngưỡng giới hạn: Ban Chấp hành quyết định.`, explanationEn: `${capLineEn} Tied (${share}) at the cap.` };
      report(
        file,
        'AGG-03',
        place,
        '',
        `"${m.name}" (chi bộ ${chiBo}): ${tied.length} đồng chí bằng tỷ lệ phiếu lần 2 ở ngưỡng giới hạn ${cap} HTXSNV toàn Đảng bộ (${percent}% của ${pool} HTTNV): ${tied.map((t) => `${t.member.name} (${inputs[t.file].result.chiBo ?? inputs[t.file].path}, ${t.votes}/${t.n})`).join(', ')}. Ban Chấp hành Đảng bộ quyết định.`,
        `"${m.name}": ${tied.length} candidates tie at the ward cap of ${cap}. The executive committee decides.`,
        'error',
      );
    } else {
      next = { fields: { level: 'HTTNV', rules }, explanation: `${capLine} Ngoài giới hạn (tỷ lệ ${share}) → HTTNV.`, explanationEn: `${capLineEn} Outside the cap (${share}) → HTTNV.` };
      report(
        file,
        'AGG-03',
        place,
        '',
        `"${m.name}" (chi bộ ${chiBo}) đủ phiếu lần 2 (${share} = ${((100 * c.votes) / Math.max(1, c.n)).toFixed(2).replace('.', ',')}% của N) nhưng ngoài giới hạn ${cap} đảng viên HTXSNV toàn Đảng bộ (${percent}% của ${pool} HTTNV): giữ mức HTTNV.`,
        `"${m.name}" passes round 2 (${share}) but is outside the ward cap of ${cap} (${percent} % of ${pool}): stays HTTNV.`,
      );
    }
    members[c.file][c.index] = capped(m, next);
  });
  return { scope: 'ward', percent, pool, cap, candidates: candidates.length, taken, tied: tied.length };
}

// ---------------------------------------------------------------------------------------------------
// hd43-2025 (RULES-2025.md §4): M25-20, the HTXSNV cap over the ward's members, by score

/** A setting the ward used: the value most files give, and whether a sheet gave it. */
export interface WardSetting<V> {
  readonly key: string;
  readonly label: string;
  readonly value: V;
  readonly source: 'sheet' | 'default';
  /** The file and cell the value was read from (the first file giving it from its sheet), if any. */
  readonly file: string | null;
  readonly sheet: string | null;
  readonly cell: string | null;
}

const shownSetting = (def: SettingDef | undefined, value: number | boolean | string): string =>
  typeof value === 'number' ? vn(value) : typeof value === 'boolean' ? (value ? 'Có' : 'Không') : (def?.choices?.find((c) => c.value === value)?.label ?? value);

/**
 * One setting of `Bộ tiêu chí` over the ward: the đảng ủy writes it once and copies it into every chi bộ's
 * workbook, so the files should agree. The value most files give is used (a tie: the default if tied,
 * else the smallest, so that the order of the files never matters); files that differ are one error on
 * the setting's rule, naming each file and its cell. A file without the setting counts as the default.
 */
export function wardSetting<V extends number | boolean | string>(inputs: readonly CheckedFileView[], files: readonly number[], key: string, fallback: { readonly label: string; readonly default: V; readonly rule: RuleId | Rule25Id }, report: WardReporter): WardSetting<V> {
  const def = CRITERIA_SETTINGS.find((d) => d.key === key);
  const groups = new Map<string, { value: V; files: { file: number; setting: SettingView | null }[] }>();
  // By file name, so that neither the choice nor the message depends on the order the files came in.
  const byPath = [...files].sort((a, b) => (inputs[a].path < inputs[b].path ? -1 : inputs[a].path > inputs[b].path ? 1 : a - b));
  for (const f of byPath) {
    const setting = inputs[f].result.settings?.find((x) => x.key === key) ?? null;
    const value = (setting?.value ?? fallback.default) as V;
    const k = `${typeof value}:${String(value)}`;
    const g = groups.get(k) ?? { value, files: [] };
    g.files.push({ file: f, setting });
    groups.set(k, g);
  }
  const ranked = [...groups.values()].sort((a, b) => {
    if (a.files.length !== b.files.length) return b.files.length - a.files.length;
    if ((a.value === fallback.default) !== (b.value === fallback.default)) return a.value === fallback.default ? -1 : 1;
    return typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : String(a.value) < String(b.value) ? -1 : 1;
  });
  const chosen = ranked[0];
  const label = setting0(chosen)?.label ?? def?.label ?? fallback.label;
  if (ranked.length > 1) {
    const others = ranked.slice(1).flatMap((g) => g.files);
    const first = others[0];
    const place = first.setting?.sheet && first.setting.cell ? { sheet: first.setting.sheet, cell: first.setting.cell } : null;
    const list = ranked.map((g) => `${shownSetting(def, g.value)} (${g.files.map((x) => inputs[x.file].path).join(', ')})`).join('; ');
    report(
      inputs[first.file].path,
      fallback.rule,
      place,
      'Bộ tiêu chí',
      `Các tệp không cùng thiết lập "${label}" (sheet "Bộ tiêu chí"): ${list}. Bộ tiêu chí do Đảng ủy ban hành và sao giống nhau vào sổ của mọi chi bộ; Tổng hợp dùng ${shownSetting(def, chosen.value)} (giá trị của nhiều tệp nhất). Sửa các tệp khác rồi tổng hợp lại.`,
      `The files disagree on the setting "${label}": ${list}. The ward uses ${String(chosen.value)} (the value most files give).`,
      'error',
    );
  }
  const fromSheet = chosen.files.find((x) => x.setting?.source === 'sheet');
  const any = fromSheet ?? chosen.files.find((x) => x.setting);
  return {
    key,
    label,
    value: chosen.value,
    source: fromSheet ? 'sheet' : 'default',
    file: any ? inputs[any.file].path : null,
    sheet: any?.setting?.sheet ?? null,
    cell: any?.setting?.cell ?? null,
  };
}

function setting0(g: { files: { setting: SettingView | null }[] }): SettingView | null {
  return g.files.find((x) => x.setting)?.setting ?? null;
}

/** CFG25-01 for a ward result that a default decided: once, on the setting's cell (or the sheet). */
export function reportUnconfirmed(setting: WardSetting<unknown>, fallbackFile: string, decided: string, report: WardReporter): void {
  if (setting.source !== 'default') return;
  const sheet = setting.sheet ?? 'Bộ tiêu chí';
  const finding = unconfirmed({ key: setting.key, label: setting.label, value: setting.value as number, source: 'default', sheet: setting.sheet, cell: setting.cell, rule: 'CFG25-01' }, { sheet, cell: setting.cell }, decided);
  if (!finding) return;
  report(setting.file ?? fallbackFile, 'CFG25-01', setting.cell ? { sheet, cell: setting.cell } : null, sheet, finding.message, finding.messageEn, 'warning');
}

/**
 * Whether a chi bộ's level is still provisional after the ward's cap (M25-20): a chi bộ that waited only
 * for members tied at its own provisional cap no longer waits once the ward has decided them; one with a
 * member tied at the ward's cap (or waiting for anything else) still does.
 */
export function provisionalAfterCap(chiBo: ChiBoView | undefined, before: readonly MemberView[], after: readonly MemberView[]): boolean {
  if (!chiBo) return false;
  if (after.some((m) => m.status === 'undetermined')) return true;
  const waited = before.filter((m) => m.status === 'undetermined');
  return waited.length > 0 && waited.every((m) => m.reason === 'tie-at-cap') ? false : chiBo.provisional;
}

/** A member whose level before the cap is HTXSNV: HTXSNV, or kept below it (or tied) by a chi bộ's provisional cap. */
export function beforeCapExcellent(m: MemberView): boolean {
  if (m.status === 'classified' && m.level === 'HTXSNV') return true;
  const capped = ((m.rules ?? []) as readonly string[]).includes('M25-20') || (m.unmet ?? []).some((u) => u.rule === 'M25-20');
  return capped && ((m.status === 'classified' && m.level === 'HTTNV') || (m.status === 'undetermined' && m.reason === 'tie-at-cap'));
}

/** The cap's base (M25-20): a member whose level before the cap is HTTNV or HTXSNV. */
export function inCapBase(m: MemberView): boolean {
  return (m.status === 'classified' && (m.level === 'HTTNV' || m.level === 'HTXSNV')) || beforeCapExcellent(m);
}

interface Candidate25 {
  readonly file: number;
  readonly index: number;
  readonly member: CandidateView;
  /** The score in thousandths (exact); null when unknown. */
  readonly key: number | null;
}

const byScore = (a: Candidate25, b: Candidate25): number => (b.key ?? -1) - (a.key ?? -1);

/**
 * M25-20 over the ward (RULES-2025.md §4, the default scope): `100 × HTXSNV ≤ percent × base`, base = the
 * members of every chi bộ whose level before the cap is HTTNV or HTXSNV. The candidates (level before the
 * cap HTXSNV, whatever each chi bộ's provisional cap did) are taken by score, highest first; those tied
 * at the last place are undetermined (`tie-at-cap`, the đảng ủy decides); those not taken are HTTNV, each
 * with a warning. Nothing depends on the order of the files: ties are never broken by it. `members`
 * (each file's results, copied by the caller) receives the capped results.
 */
export function applyWardCap25(inputs: readonly CheckedFileView[], files: readonly number[], percent: number, members: MemberView[][], report: WardReporter): WardCap {
  let base = 0;
  const candidates: Candidate25[] = [];
  for (const f of files) {
    members[f].forEach((m, index) => {
      if (inCapBase(m)) base++;
      if (!beforeCapExcellent(m)) return;
      const view = candidate(m);
      candidates.push({ file: f, index, member: view, key: typeof view.score === 'number' ? scaled(view.score) : null });
    });
  }
  const cap = Math.floor((percent * base) / 100);
  // Highest score first; among equal scores, by file and row, for a stable listing only.
  const path = (c: Candidate25): string => inputs[c.file].path;
  candidates.sort((a, b) => byScore(a, b) || (path(a) < path(b) ? -1 : path(a) > path(b) ? 1 : 0) || a.index - b.index);
  let taken = Math.min(candidates.length, cap);
  let tied: Candidate25[] = [];
  if (candidates.length > cap && cap > 0 && byScore(candidates[cap], candidates[cap - 1]) === 0) {
    const boundary = candidates[cap - 1];
    tied = candidates.filter((c) => byScore(c, boundary) === 0);
    taken = candidates.findIndex((c) => byScore(c, boundary) === 0);
  }
  const lowestTaken = taken > 0 ? candidates[taken - 1].member.score : null;
  const capLine = `Giới hạn toàn Đảng bộ: ${percent}% của ${base} đảng viên hoàn thành tốt và xuất sắc nhiệm vụ = tối đa ${cap} (M25-20).`;
  const capLineEn = `Ward cap: ${percent} % of ${base} HTTNV and HTXSNV = at most ${cap} (M25-20).`;
  const points = (m: CandidateView): string => (typeof m.score === 'number' ? `${vn(m.score)} điểm` : 'chưa có điểm');
  candidates.forEach((c, i) => {
    const m = c.member;
    const file = inputs[c.file].path;
    const result = inputs[c.file].result;
    const chiBo = result.chiBo ?? file;
    const place = result.people[c.index]?.name ?? null;
    const rules = ((m.rules as readonly string[]).includes('M25-20') ? m.rules : [...m.rules, 'M25-20']) as RuleId[];
    let next: CapChange;
    if (i < taken) {
      next = { fields: { status: 'classified', level: 'HTXSNV', reason: null, rules }, explanation: `${capLine} Xếp thứ ${i + 1} toàn Đảng bộ theo điểm (${points(m)}) → Hoàn thành xuất sắc nhiệm vụ.`, explanationEn: `${capLineEn} Ranked ${i + 1} in the ward by score → HTXSNV.` };
    } else if (tied.includes(c)) {
      next = { fields: { status: 'undetermined', level: null, reason: 'tie-at-cap', rules }, explanation: `${capLine} Bằng điểm (${points(m)}) ở ngưỡng giới hạn: Đảng ủy quyết định.`, explanationEn: `${capLineEn} Tied on score at the cap: the ward committee decides.` };
      report(
        file,
        'M25-20',
        place,
        '',
        `"${m.name}" (chi bộ ${chiBo}, tệp ${file}): ${tied.length} đồng chí cùng ${points(m)} ở ngưỡng giới hạn ${cap} đảng viên hoàn thành xuất sắc nhiệm vụ toàn Đảng bộ (${percent}% của ${base}), còn ${cap - taken} chỗ: ${tied.map((t) => `${t.member.name} (${inputs[t.file].result.chiBo ?? inputs[t.file].path})`).join(', ')}. Đảng ủy quyết định (M25-20).`,
        `"${m.name}" (${file}): ${tied.length} candidates tie on score at the ward cap of ${cap} (${percent} % of ${base}), ${cap - taken} place(s) left. The ward committee decides (M25-20).`,
        'error',
      );
    } else {
      next = { fields: { status: 'classified', level: 'HTTNV', reason: null, rules }, explanation: `${capLine} Ngoài giới hạn (${points(m)}) → Hoàn thành tốt nhiệm vụ.`, explanationEn: `${capLineEn} Outside the cap → HTTNV.` };
      report(
        file,
        'M25-20',
        place,
        '',
        `"${m.name}" (chi bộ ${chiBo}, tệp ${file}${place ? `, sheet "${place.sheet}", ô ${place.cell}` : ''}): ${points(m)}, đủ điều kiện hoàn thành xuất sắc nhiệm vụ nhưng ngoài giới hạn ${cap} đảng viên toàn Đảng bộ (${percent}% của ${base} đảng viên hoàn thành tốt và xuất sắc nhiệm vụ${lowestTaken !== null && lowestTaken !== undefined ? `; điểm thấp nhất được chọn: ${vn(lowestTaken)}` : ''}) (M25-20): đề xuất Hoàn thành tốt nhiệm vụ.`,
        `"${m.name}" (${file}): qualifies for HTXSNV but is outside the ward cap of ${cap} (${percent} % of ${base}) (M25-20): proposed HTTNV.`,
        'warning',
      );
    }
    members[c.file][c.index] = capped(m, next);
  });
  return { scope: 'ward', percent, pool: base, cap, candidates: candidates.length, taken, tied: tied.length, rule: 'M25-20' };
}

/** M25-20 with the scope "Chi bộ": each file applied its own cap, final; the ward only adds them up. */
export function chiBoCaps25(inputs: readonly CheckedFileView[], files: readonly number[], percent: number, members: readonly (readonly MemberView[])[]): WardCap {
  let base = 0;
  let cap = 0;
  for (const f of files) {
    const own = members[f].filter(inCapBase).length;
    base += own;
    cap += inputs[f].result.figures?.cap ?? Math.floor((percent * own) / 100);
  }
  return { scope: 'chi-bo', percent, pool: base, cap, candidates: 0, taken: 0, tied: 0, rule: 'M25-20' };
}

/** A schedule row with the file and schedule it was taken from. */
export interface ScheduledChiBo<E extends ScheduleEntryView = ScheduleEntryView> {
  readonly entry: E;
  readonly file: string;
  readonly schedule: ScheduleView<E>;
}

/**
 * The schedule of the first file carrying one, completed by later files' rows for other chi bộ; PROC-02
 * where two files' schedules give one chi bộ two dates.
 */
export function mergeSchedules<E extends ScheduleEntryView>(inputs: readonly CheckedFileView<E>[], report: WardReporter): { entries: ScheduledChiBo<E>[]; source: string | null } {
  const byKey = new Map<string, ScheduledChiBo<E>>();
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
        report(
          path,
          'PROC-02',
          { sheet: schedule.sheet, cell: entry.cells.meetingDate },
          schedule.sheet,
          `Sheet "${schedule.sheet}", ô ${entry.cells.meetingDate}: lịch ghi chi bộ "${entry.chiBo}" họp ngày ${formatDate(b)}, nhưng lịch trong tệp ${first.file} (ô ${first.entry.cells.meetingDate}) ghi ngày ${formatDate(a)}. Thống nhất một lịch theo kế hoạch của Đảng ủy.`,
          `Sheet "${schedule.sheet}", cell ${entry.cells.meetingDate}: chi bộ "${entry.chiBo}" is scheduled on ${formatDate(b)} here but on ${formatDate(a)} in ${first.file}.`,
        );
      }
    }
  }
  return { entries: [...byKey.values()], source };
}

/**
 * AGG-04: every chi bộ of the schedule has results, every chi bộ with results is in the schedule;
 * PROC-02: a chi bộ whose own workbook had no schedule met on the schedule's date. Returns the chi bộ
 * (first file of each) that the schedule does not list.
 */
export function checkScheduleCoverage(inputs: readonly CheckedFileView[], entries: readonly ScheduledChiBo[], source: string | null, index: ChiBoIndex, report: WardReporter): string[] {
  const scheduled = new Map(entries.map((e) => [e.entry.key, e]));
  for (const { entry, file, schedule } of entries) {
    if (index.fileOfKey.has(entry.key)) continue;
    report(
      file,
      'AGG-04',
      { sheet: schedule.sheet, cell: entry.cells.chiBo },
      schedule.sheet,
      `Sheet "${schedule.sheet}", ô ${entry.cells.chiBo}: chi bộ "${entry.chiBo}" có trong lịch${entry.meetingDate ? ` (họp ngày ${formatDate(entry.meetingDate)})` : ''} nhưng chưa có tệp kết quả nào${entry.inCharge ? `; đồng chí phụ trách: ${entry.inCharge}` : ''}. Đôn đốc chi bộ gửi kết quả, hoặc kiểm tra tên chi bộ trong tệp đã nhận.`,
      `Sheet "${schedule.sheet}", cell ${entry.cells.chiBo}: chi bộ "${entry.chiBo}" is in the schedule but no results were received.`,
    );
  }
  const notInSchedule: string[] = [];
  if (entries.length === 0) return notInSchedule;
  for (const [f, key] of index.keyOfFile) {
    const { path, result } = inputs[f];
    const row = scheduled.get(key);
    if (!row) {
      if (index.fileOfKey.get(key) === f) notInSchedule.push(result.chiBo as string);
      report(path, 'AGG-04', result.places.chiBo, 'Thông tin chi bộ', `Chi bộ "${result.chiBo}" (tệp ${path}) không có trong lịch của kế hoạch (tệp ${source}, sheet "${entries[0].schedule.sheet}"). Sửa tên chi bộ cho giống trong lịch, hoặc bổ sung chi bộ vào lịch.`, `Chi bộ "${result.chiBo}" (${path}) is not in the plan's schedule.`);
      continue;
    }
    const meeting = result.heading.meetingDate;
    const planned = row.entry.meetingDate;
    if (!result.schedule && meeting && planned && compareDates(meeting, planned) !== 0) {
      report(
        path,
        'PROC-02',
        result.places.meetingDate,
        'Thông tin chi bộ',
        `Chi bộ "${result.chiBo}" họp ngày ${formatDate(meeting)}, nhưng lịch của kế hoạch (tệp ${row.file}, sheet "${row.schedule.sheet}", ô ${row.entry.cells.meetingDate}) là ngày ${formatDate(planned)}. Kiểm tra lại ngày họp.`,
        `Chi bộ "${result.chiBo}" met on ${formatDate(meeting)}, but the schedule (${row.file}) says ${formatDate(planned)}.`,
      );
    }
  }
  return notInSchedule;
}

/** AGG-01: a chi bộ whose level is undetermined or provisional is counted as such in Tổng hợp. */
export function checkChiBoLevels(inputs: readonly CheckedFileView[], chiBoFiles: readonly number[], report: WardReporter, provisional: (f: number) => boolean = (f) => inputs[f].result.chiBoResults[0]?.provisional ?? false): void {
  for (const f of chiBoFiles) {
    const { path, result } = inputs[f];
    const c = result.chiBoResults[0];
    if (c && c.level !== null && !provisional(f)) continue;
    const what = !c || c.level === null ? 'chưa xác định được mức xếp loại' : 'có mức xếp loại tạm thời (còn đảng viên chưa xác định, CB-08)';
    report(
      path,
      'AGG-01',
      result.places.chiBo,
      'Thông tin chi bộ',
      `Chi bộ "${result.chiBo ?? path}" ${what}: Tổng hợp ghi ${!c || c.level === null ? 'vào dòng "Chưa xác định"' : 'theo mức tạm thời'}. Xử lý các lỗi của tệp ${path} rồi tổng hợp lại.`,
      `Chi bộ "${result.chiBo ?? path}" has ${!c || c.level === null ? 'no level' : 'a provisional level'}; fix ${path} and combine again.`,
    );
  }
}

export interface ExemplaryCheck {
  readonly chosen: readonly string[];
  readonly counted: number;
  readonly bound: number;
  readonly withinBound: boolean;
}

/** What a message of AGG-02 says, in the words of a rule set. */
export interface ExemplaryWords {
  /** A chi bộ chosen that is not among those the choice is made among (or has no results). */
  readonly notAmong: (a: { readonly sheet: string; readonly cell: string; readonly chiBo: string; readonly level: ChiBoLevel | null; readonly missing: boolean }) => readonly [string, string];
  /** More chosen than the bound allows. */
  readonly over: (a: { readonly counted: number; readonly chosen: readonly string[]; readonly percent: number; readonly among: number; readonly bound: number }) => readonly [string, string];
}

/**
 * AGG-02 as a rule set declares it: the commendation is chosen among the chi bộ of level `among` (TSVM
 * under hd27-2014; HTXSNV under hd43-2025, where "Trong sạch, vững mạnh" is a commendation, RULES-2025.md
 * §5), at most `percent` % of them.
 */
export interface ExemplaryRule {
  readonly among: ChiBoLevel;
  readonly percent: number;
  readonly words: ExemplaryWords;
}

/** hd27-2014 (III.2.3.b): "TSVM tiêu biểu" among the TSVM chi bộ. */
export const EXEMPLARY_WORDS_2014: ExemplaryWords = {
  notAmong: ({ sheet, cell, chiBo, level, missing }) => [
    `Sheet "${sheet}", ô ${cell}: chi bộ "${chiBo}" được chọn TSVM tiêu biểu nhưng ${missing ? 'chưa có kết quả' : `xếp loại ${level ?? 'chưa xác định'}`}; chỉ chọn trong số chi bộ Trong sạch, vững mạnh (III.2.3.b).`,
    `Sheet "${sheet}", cell ${cell}: chi bộ "${chiBo}" is marked exemplary but is ${level ?? 'not classified'}; only TSVM chi bộ can be.`,
  ],
  over: ({ counted, chosen, percent, among, bound }) => [
    `${counted} chi bộ TSVM tiêu biểu được chọn (${chosen.join(', ')}), vượt giới hạn ${percent}% của ${among} chi bộ Trong sạch, vững mạnh = tối đa ${bound} (III.2.3.b: 100 × ${counted} > ${percent} × ${among}). Bỏ bớt dấu ở cột "TSVM tiêu biểu".`,
    `${counted} exemplary chi bộ chosen, above ${percent} % of ${among} TSVM = at most ${bound}.`,
  ],
};


/** hd43-2025 (RULES-2025.md §5): the commendation "Trong sạch, vững mạnh" among the HTXSNV chi bộ. */
export const EXEMPLARY_WORDS_2025: ExemplaryWords = {
  notAmong: ({ sheet, cell, chiBo, level, missing }) => [
    `Sheet "${sheet}", ô ${cell}: chi bộ "${chiBo}" được chọn khen "Trong sạch, vững mạnh" nhưng ${missing ? 'chưa có kết quả' : level ? `được đề xuất xếp loại ${(CHI_BO_LEVEL_WORDS as Readonly<Record<string, string>>)[level] ?? level}` : 'chưa xác định được mức xếp loại'}; chỉ chọn trong số chi bộ Hoàn thành xuất sắc nhiệm vụ (AGG-02).`,
    `Sheet "${sheet}", cell ${cell}: chi bộ "${chiBo}" is chosen for "Trong sạch, vững mạnh" but is ${missing ? 'without results' : (level ?? 'not classified')}; only HTXSNV chi bộ can be.`,
  ],
  over: ({ counted, chosen, percent, among, bound }) => [
    `${counted} chi bộ được chọn khen "Trong sạch, vững mạnh" (${chosen.join(', ')}), vượt giới hạn ${percent}% của ${among} chi bộ Hoàn thành xuất sắc nhiệm vụ = tối đa ${bound} (100 × ${counted} > ${percent} × ${among}). Bỏ bớt dấu ở cột "TSVM tiêu biểu" của sheet "Kế hoạch".`,
    `${counted} chi bộ chosen for "Trong sạch, vững mạnh", above ${percent} % of ${among} HTXSNV chi bộ = at most ${bound}.`,
  ],
};

/**
 * AGG-02: the chi bộ marked in `Kế hoạch`'s column "TSVM tiêu biểu" are of the level the choice is made
 * among, and at most the rule's percent of them (`among`: how many chi bộ have that level).
 */
export function checkExemplary(inputs: readonly CheckedFileView[], entries: readonly ScheduledChiBo[], index: ChiBoIndex, among: number, rule: ExemplaryRule, report: WardReporter): ExemplaryCheck {
  const bound = Math.floor((rule.percent * among) / 100);
  const chosen = entries.filter((e) => e.entry.exemplary);
  let counted = 0;
  for (const c of chosen) {
    const f = index.fileOfKey.get(c.entry.key);
    const level = f === undefined ? null : (inputs[f].result.chiBoResults[0]?.level ?? null);
    if (level === rule.among) {
      counted++;
      continue;
    }
    const [message, messageEn] = rule.words.notAmong({ sheet: c.schedule.sheet, cell: c.entry.cells.exemplary, chiBo: c.entry.chiBo, level, missing: f === undefined });
    report(c.file, 'AGG-02', { sheet: c.schedule.sheet, cell: c.entry.cells.exemplary }, c.schedule.sheet, message, messageEn, 'warning');
  }
  const withinBound = 100 * counted <= rule.percent * among;
  if (!withinBound) {
    const last = chosen[chosen.length - 1];
    const [message, messageEn] = rule.words.over({ counted, chosen: chosen.map((c) => c.entry.chiBo), percent: rule.percent, among, bound });
    report(last.file, 'AGG-02', { sheet: last.schedule.sheet, cell: last.entry.cells.exemplary }, last.schedule.sheet, message, messageEn);
  }
  return { chosen: chosen.map((c) => c.entry.chiBo), counted, bound, withinBound };
}

export interface WardLeader extends LeaderResult {
  readonly file: string;
}

/** The leaders' tallies of every file; LEAD-02 for one voted in two places (the same tally in two files counts once). */
export function combineLeaders(inputs: readonly CheckedFileView[], report: WardReporter): WardLeader[] {
  const leaders: WardLeader[] = [];
  const byLeader = new Map<string, WardLeader>();
  for (const { path, result } of inputs) {
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
      report(
        path,
        'LEAD-02',
        { sheet: leader.sheet, cell: leader.cell },
        leader.sheet,
        `"${leader.name}" được lấy phiếu biểu quyết ở hai nơi: "${first.place ?? '?'}" (tệp ${first.file}, ô ${first.cell}) và "${leader.place ?? '?'}" (tệp ${path}, ô ${leader.cell}). Mỗi đồng chí chỉ biểu quyết ở một nơi (II.3.2); Tổng hợp giữ kết quả thứ nhất.`,
        `"${leader.name}" was voted in two places: "${first.place ?? '?'}" (${first.file}) and "${leader.place ?? '?'}" (${path}). Only the first is kept.`,
      );
    }
  }
  return leaders;
}
