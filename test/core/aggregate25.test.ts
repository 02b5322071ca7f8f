/**
 * Combining a ward under rule set hd43-2025 (RULES-2025.md §4–§6): M25-20, the 20 % HTXSNV cap over the
 * whole ward (by score, ties at the cap undetermined), AGG-01 counts by the 2025 level names, AGG-02 the
 * commendation "Trong sạch, vững mạnh" among the HTXSNV chi bộ, and a ward whose files are checked under
 * two rule sets. The chi bộ results are hand-made `CheckResult`s as the hd43 engine gives them (the
 * contract of docs/ARCHITECTURE.md and BRIEF14: `score`, `proposed`, `settings`), so that each figure at
 * and around a threshold is chosen exactly.
 */
import { aggregateWard, type FileIssue, type WardInput, type WardResult } from '../../src/core/aggregate';
import type { CheckResult, MemberResult, ScheduleEntry, SettingUsed } from '../../src/core/check';
import { wardSheet } from '../../src/core/output/ward';
import type { ChiBoLevel } from '../../src/core/rules/cb';
import { chiBoKey } from '../../src/core/text/normalize';
import { checkWorkbook } from '../../src/core/check';
import { HD43_2025 } from '../../src/core/ruleSets/hd43-2025';
import { workbookToModel } from '../../src/xlsx/readXlsx';
import { fillRuleSetTemplate } from '../../src/xlsx/template';
import { ward25ExampleData, ward25PlanData } from '../../src/xlsx/wardExample';

type Level = 'HTXSNV' | 'HTTNV' | 'HTNV' | 'KHTNV';

/** A member: a level and score, or a status without level (`not-classified` with a reason…). */
interface M {
  readonly level?: Level;
  readonly score?: number | null;
  readonly status?: MemberResult['status'];
  readonly reason?: MemberResult['reason'];
  /** As a chi bộ's provisional cap left it: below HTXSNV (HTTNV) or tied, with M25-20 in its rules. */
  readonly heldBack?: 'HTTNV' | 'tie';
}

interface ChiBoOptions {
  readonly level?: ChiBoLevel | null;
  readonly ruleSet?: string;
  /** Settings of `Bộ tiêu chí` (by key) as read from the sheet; the others default. */
  readonly sheet?: Readonly<Record<string, number | string>>;
  readonly noSettings?: boolean;
}

let serial = 0;

function memberResult(chiBo: string, m: M, row: number): MemberResult {
  const name = `Đảng viên ${++serial}`;
  const base = { chiBo, name, row, membership: 'official' as const, votes: null, n: 0, score: m.score ?? null, scoreParts: null, scoreRow: row, proposed: true as const, tasks: null };
  if (m.heldBack === 'HTTNV') return { ...base, status: 'classified', level: 'HTTNV', reason: null, rules: ['M25-10', 'M25-20'] as never, explanation: `${m.score} điểm; ngoài giới hạn tạm thời của chi bộ.`, explanationEn: '', unmet: [{ rule: 'M25-20', text: 'giới hạn tạm thời' }] };
  if (m.heldBack === 'tie') return { ...base, status: 'undetermined', level: null, reason: 'tie-at-cap', rules: ['M25-10', 'M25-20'] as never, explanation: `${m.score} điểm; bằng điểm ở giới hạn tạm thời.`, explanationEn: '' };
  if (m.level) return { ...base, status: 'classified', level: m.level, reason: null, rules: [m.level === 'HTXSNV' ? 'M25-10' : 'M25-11'] as never, explanation: `${m.score} điểm → ${m.level}.`, explanationEn: '' };
  return { ...base, status: m.status ?? 'not-classified', level: null, reason: m.reason ?? 'exempt', rules: [] as never, explanation: '', explanationEn: '' };
}

const DEFAULTS: readonly [string, string, number | string][] = [
  ['capPercent', 'Tỷ lệ HTXSNV tối đa (%)', 20],
  ['capScope', 'Phạm vi giới hạn', 'ward'],
];

function settingsOf(sheet: Readonly<Record<string, number | string>> = {}): SettingUsed[] {
  return DEFAULTS.map(([key, label, value], i) =>
    key in sheet
      ? { key, label, value: sheet[key], source: 'sheet' as const, sheet: 'Bộ tiêu chí', cell: `C${20 + i}`, rule: 'M25-20' }
      : { key, label, value, source: 'default' as const, sheet: 'Bộ tiêu chí', cell: `C${20 + i}`, rule: 'M25-20' },
  );
}

/** A chi bộ's check result under hd43-2025 (or `ruleSet`), its members in roll order from row 5. */
function chiBo(name: string, ms: readonly M[], options: ChiBoOptions = {}): CheckResult {
  const members = ms.map((m, i) => memberResult(name, m, 5 + i));
  const pool = members.filter((m) => m.level === 'HTTNV' || m.level === 'HTXSNV' || m.reason === 'tie-at-cap').length;
  const level = options.level === undefined ? 'HTTNV' : options.level;
  const hd27 = options.ruleSet === 'hd27-2014';
  return {
    ruleSet: options.ruleSet ?? 'hd43-2025',
    options: (hd27 ? { denominator: 'roll', htnvCounting: 'cumulative', capScope: 'chi-bo' } : {}) as CheckResult['options'],
    chiBo: name,
    heading: { dangBo: 'Đảng bộ phường Hương Xuân', year: 2025, meetingDate: { y: 2025, m: 12, d: 10 } },
    issues: [],
    members,
    chiBoResults: [{ name, score: 88, level, rules: [] as never, provisional: false, criteria: [], sheets: { total: 1, valid: 1 }, conditions: [], explanation: '', explanationEn: '', ...(hd27 ? {} : { proposed: true as const }) }],
    figures: { n: members.filter((m) => m.status === 'classified').length, pool, cap: Math.floor((20 * pool) / 100) },
    role: 'chi-bo',
    leaders: [],
    schedule: null,
    people: members.map((m, i) => ({ row: m.row, nameKey: `${name}|${i}`.toLowerCase(), birthDate: null, temporary: false, name: { sheet: 'Danh sách đảng viên', cell: `B${m.row}` }, round2: null })),
    places: { chiBo: { sheet: 'Thông tin chi bộ', cell: 'B2' }, meetingDate: { sheet: 'Thông tin chi bộ', cell: 'B4' } },
    ballots: null,
    ...(hd27 || options.noSettings ? {} : { settings: settingsOf(options.sheet) }),
  };
}

/** The ward's `Kế hoạch` (a plan file): one row per chi bộ, the marked ones chosen for the commendation. */
function plan(names: readonly string[], chosen: readonly string[] = []): CheckResult {
  const rows: ScheduleEntry[] = names.map((n, i) => ({ chiBo: n, key: chiBoKey(n), meetingDate: { y: 2025, m: 12, d: 10 }, inCharge: null, reportDue: null, exemplary: chosen.includes(n), row: 5 + i, cells: { chiBo: `B${5 + i}`, meetingDate: `C${5 + i}`, exemplary: `F${5 + i}` } }));
  return { ...chiBo('', []), chiBo: null, role: 'plan', members: [], people: [], chiBoResults: [], figures: null, schedule: { sheet: 'Kế hoạch', year: 2025, rows } };
}

const HTTNV = (score = 80): M => ({ level: 'HTTNV', score });
const X = (score: number): M => ({ level: 'HTXSNV', score });
const times = (n: number, m: M): M[] => Array.from({ length: n }, () => m);

function combine(files: Record<string, CheckResult>, options?: Parameters<typeof aggregateWard>[1]): WardResult {
  return aggregateWard(Object.entries(files).map(([path, result]): WardInput => ({ path, result })), options);
}

const levelsOf = (ward: WardResult): Record<string, string> =>
  Object.fromEntries(ward.memberResults.flatMap((f) => f.members.map((m) => [`${f.path}:${m.row}`, m.level ?? `${m.status}/${m.reason}`])));
const issuesOf = (ward: WardResult, rule: string): FileIssue[] => ward.issues.filter((i) => i.rule === rule);
const htxsnv = (ward: WardResult): number => ward.memberResults.flatMap((f) => f.members).filter((m) => m.status === 'classified' && m.level === 'HTXSNV').length;

describe('M25-20 the 20 % HTXSNV cap over the whole ward (default scope "Đảng bộ")', () => {
  it('M25-20 exactly 20 %: 2 HTXSNV of a base of 10 over two chi bộ are all taken; no warning', () => {
    const ward = combine({ 'a.xlsx': chiBo('Một', [X(95), ...times(4, HTTNV())]), 'b.xlsx': chiBo('Hai', [X(91), ...times(4, HTTNV())]) });
    expect(ward.ruleSet).toBe('hd43-2025');
    expect(ward.cap).toMatchObject({ scope: 'ward', percent: 20, pool: 10, cap: 2, candidates: 2, taken: 2, tied: 0, rule: 'M25-20' });
    expect(htxsnv(ward)).toBe(2);
    expect(issuesOf(ward, 'M25-20')).toEqual([]);
  });

  it('M25-20 one above: the third candidate over a base of 10 (cap 2) is the lowest score, HTTNV with a warning naming file and cell', () => {
    const ward = combine({ 'a.xlsx': chiBo('Một', [X(95), X(90.5), ...times(3, HTTNV())]), 'b.xlsx': chiBo('Hai', [HTTNV(), X(93), ...times(3, HTTNV())]) });
    expect(ward.cap).toMatchObject({ pool: 10, cap: 2, candidates: 3, taken: 2, tied: 0 });
    const out = ward.memberResults[0].members[1];
    expect(out).toMatchObject({ status: 'classified', level: 'HTTNV', score: 90.5 });
    expect(out.rules).toContain('M25-20');
    expect(out.explanation).toMatch(/Ngoài giới hạn \(90,5 điểm\) → Hoàn thành tốt nhiệm vụ/);
    expect(ward.memberResults[1].members[1]).toMatchObject({ level: 'HTXSNV' });
    const warnings = issuesOf(ward, 'M25-20');
    expect(warnings.map((i) => `${i.file} ${i.severity} ${i.sheet}!${i.cell}`)).toEqual(['a.xlsx warning Danh sách đảng viên!B6']);
    expect(warnings[0].message).toMatch(/90,5 điểm.*ngoài giới hạn 2 đảng viên toàn Đảng bộ \(20% của 10.*điểm thấp nhất được chọn: 93\) \(M25-20\): đề xuất Hoàn thành tốt nhiệm vụ/);
  });

  it('M25-20 the cap is ⌊20 × base / 100⌋: a base of 14 allows 2 (100 × 3 > 20 × 14), a base of 15 allows 3', () => {
    const of = (base: number) => combine({ 'a.xlsx': chiBo('Một', [X(99), X(98), X(97), ...times(base - 3, HTTNV())]) });
    expect(of(14).cap).toMatchObject({ pool: 14, cap: 2, taken: 2 });
    expect(of(15).cap).toMatchObject({ pool: 15, cap: 3, taken: 3 });
    // HTNV and KHTNV are not in the base; neither are those not classified.
    const w = combine({ 'a.xlsx': chiBo('Một', [X(99), X(98), ...times(8, HTTNV()), ...times(5, { level: 'HTNV', score: 60 }), { level: 'KHTNV', score: 40 }, { status: 'not-classified', reason: 'suspended' }]) });
    expect(w.cap).toMatchObject({ pool: 10, cap: 2, taken: 2 });
  });

  it('M25-20 a tie straddling the cap: both at 92 are undetermined (tie-at-cap), an error each; the one above is taken', () => {
    const ward = combine({ 'a.xlsx': chiBo('Một', [X(95), X(92), ...times(3, HTTNV())]), 'b.xlsx': chiBo('Hai', [X(92), ...times(4, HTTNV())]) });
    expect(ward.cap).toMatchObject({ cap: 2, candidates: 3, taken: 1, tied: 2 });
    expect(ward.memberResults[0].members[0]).toMatchObject({ level: 'HTXSNV' });
    for (const m of [ward.memberResults[0].members[1], ward.memberResults[1].members[0]]) expect(m).toMatchObject({ status: 'undetermined', level: null, reason: 'tie-at-cap' });
    const errors = issuesOf(ward, 'M25-20');
    expect(errors.map((i) => `${i.file} ${i.severity} ${i.cell}`)).toEqual(['a.xlsx error B6', 'b.xlsx error B5']);
    expect(errors[0].message).toMatch(/2 đồng chí cùng 92 điểm ở ngưỡng giới hạn 2 .* còn 1 chỗ.*Đảng ủy quyết định/);
    expect(ward.members.undetermined).toBe(2);
  });

  it('M25-20 a tie that does not straddle the cap is no tie: both at 95 taken, 90 out; scores compared exactly (92,5 > 92)', () => {
    const a = combine({ 'a.xlsx': chiBo('Một', [X(95), X(95), X(90), ...times(7, HTTNV())]) });
    expect(a.cap).toMatchObject({ cap: 2, taken: 2, tied: 0 });
    expect(a.memberResults[0].members.slice(0, 3).map((m) => m.level)).toEqual(['HTXSNV', 'HTXSNV', 'HTTNV']);
    const b = combine({ 'a.xlsx': chiBo('Một', [X(92), X(92.5), X(93), ...times(7, HTTNV())]) });
    expect(b.memberResults[0].members.slice(0, 3).map((m) => m.level)).toEqual(['HTTNV', 'HTXSNV', 'HTXSNV']);
  });

  it('M25-20 a cap of 0 (base under 5) keeps every candidate at HTTNV; no tie', () => {
    const ward = combine({ 'a.xlsx': chiBo('Một', [X(99), ...times(3, HTTNV())]) });
    expect(ward.cap).toMatchObject({ pool: 4, cap: 0, candidates: 1, taken: 0, tied: 0 });
    expect(ward.memberResults[0].members[0].level).toBe('HTTNV');
  });

  it('M25-20 candidates a chi bộ held back by its provisional cap are candidates of the ward (HTTNV or tied with M25-20)', () => {
    // Chi bộ Một alone (base 5) allows 1; over the ward (base 15) the cap is 3.
    const ward = combine({
      'a.xlsx': chiBo('Một', [X(96), { heldBack: 'HTTNV', score: 94 }, ...times(3, HTTNV())]),
      'b.xlsx': chiBo('Hai', [{ heldBack: 'tie', score: 93 }, { heldBack: 'tie', score: 93 }, ...times(3, HTTNV())]),
      'c.xlsx': chiBo('Ba', times(5, HTTNV())),
    });
    expect(ward.cap).toMatchObject({ pool: 15, cap: 3, candidates: 4, taken: 2, tied: 2 });
    expect(ward.memberResults[0].members[1]).toMatchObject({ status: 'classified', level: 'HTXSNV' });
    const c = combine({ 'a.xlsx': chiBo('Một', [X(96), { heldBack: 'HTTNV', score: 94 }, ...times(3, HTTNV())]), 'c.xlsx': chiBo('Ba', times(10, HTTNV())) });
    expect(c.cap).toMatchObject({ pool: 15, cap: 3, candidates: 2, taken: 2 });
    expect(htxsnv(c)).toBe(2);
  });

  it('M25-20 the order of the files changes nothing: the same levels and issues for every order', () => {
    const files = {
      'a.xlsx': chiBo('Một', [X(95), X(92), ...times(6, HTTNV())]),
      'b.xlsx': chiBo('Hai', [X(92), X(97), ...times(5, HTTNV())]),
      'c.xlsx': chiBo('Ba', [X(92), X(92), ...times(8, HTTNV())]),
    };
    const entries = Object.entries(files);
    const orders = [[0, 1, 2], [2, 1, 0], [1, 2, 0], [0, 2, 1]];
    const runs = orders.map((o) => combine(Object.fromEntries(o.map((i) => entries[i]))));
    const sorted = (w: WardResult) => Object.entries(levelsOf(w)).sort();
    const issues = (w: WardResult) => w.issues.map((i) => `${i.file} ${i.rule} ${i.cell} ${i.severity}`).sort();
    for (const run of runs.slice(1)) {
      expect(sorted(run)).toEqual(sorted(runs[0]));
      expect(issues(run)).toEqual(issues(runs[0]));
      expect(run.cap).toEqual(runs[0].cap);
    }
    // Base 25 → cap 5; 6 candidates, the four at 92 straddle places 3–6 → 97 and 95 taken, four tied.
    expect(runs[0].cap).toMatchObject({ pool: 25, cap: 5, candidates: 6, taken: 2, tied: 4 });
  });

  it('M25-20 property: over random wards the cap is never exceeded, every one taken scores above every one left out, a tie is one score', () => {
    let seed = 12345;
    const rnd = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let t = 0; t < 300; t++) {
      const files: Record<string, CheckResult> = {};
      const n = 1 + Math.floor(rnd() * 5);
      for (let f = 0; f < n; f++) {
        const size = Math.floor(rnd() * 15);
        const ms: M[] = Array.from({ length: size }, () => {
          const r = rnd();
          const score = 90 + Math.floor(rnd() * 8) / 2;
          return r < 0.3 ? X(score) : r < 0.35 ? { heldBack: 'HTTNV', score } : r < 0.85 ? HTTNV(70 + Math.floor(rnd() * 20)) : { level: 'HTNV', score: 60 };
        });
        files[`f${f}.xlsx`] = chiBo(`Chi bộ ${f}`, ms, rnd() < 0.3 ? { sheet: { capPercent: [10, 15, 20, 25][Math.floor(rnd() * 4)] } } : {});
      }
      const ward = combine(files);
      const all = ward.memberResults.flatMap((x) => x.members);
      const taken = all.filter((m) => m.level === 'HTXSNV');
      const tied = all.filter((m) => m.reason === 'tie-at-cap');
      const out = all.filter((m) => m.level === 'HTTNV' && m.rules.includes('M25-20' as never));
      expect(100 * taken.length).toBeLessThanOrEqual(ward.cap.percent * ward.cap.pool);
      expect(taken.length + tied.length + out.length).toBe(ward.cap.candidates);
      expect(ward.cap.taken).toBe(taken.length);
      const low = Math.min(...taken.map((m) => m.score as number));
      for (const m of [...tied, ...out]) expect(m.score as number).toBeLessThan(low);
      expect(new Set(tied.map((m) => m.score)).size).toBeLessThanOrEqual(1);
      for (const m of out) for (const x of tied) expect(m.score as number).toBeLessThan(x.score as number);
      // Not taken, not tied: only when the cap was full.
      if (out.length + tied.length > 0) expect(taken.length + (tied.length ? 1 : 0)).toBeGreaterThanOrEqual(Math.min(ward.cap.cap, 1));
    }
  });

  it('M25-20 the percentage is the setting of `Bộ tiêu chí`: 30 % of a base of 10 allows 3', () => {
    const sheet = { capPercent: 30 };
    const ward = combine({ 'a.xlsx': chiBo('Một', [X(95), X(94), X(93), X(92), ...times(6, HTTNV())], { sheet }) });
    expect(ward.cap).toMatchObject({ percent: 30, pool: 10, cap: 3, taken: 3 });
    expect(ward.settings?.find((s) => s.key === 'capPercent')).toMatchObject({ value: 30, source: 'sheet', file: 'a.xlsx', cell: 'C20' });
    // The percentage read from the sheet raises no CFG25-01; the scope left to its default does, once.
    expect(issuesOf(ward, 'CFG25-01').map((i) => `${i.file} ${i.cell}`)).toEqual(['a.xlsx C21']);
    const both = combine({ 'a.xlsx': chiBo('Một', [X(95), X(94), X(93), X(92), ...times(6, HTTNV())], { sheet: { capPercent: 30, capScope: 'ward' } }) });
    expect(issuesOf(both, 'CFG25-01')).toEqual([]);
  });

  it('M25-20 scope "Chi bộ": each workbook applied its own cap; the ward changes no level and adds up the caps', () => {
    const sheet = { capScope: 'chi-bo' };
    const ward = combine({ 'a.xlsx': chiBo('Một', [X(95), X(94), ...times(3, HTTNV())], { sheet }), 'b.xlsx': chiBo('Hai', [X(90), ...times(9, HTTNV())], { sheet }) });
    expect(ward.cap).toMatchObject({ scope: 'chi-bo', pool: 15, cap: 1 + 2, taken: 3 });
    expect(issuesOf(ward, 'M25-20')).toEqual([]);
    expect(htxsnv(ward)).toBe(3);
  });

  it('M25-20 files that disagree on a setting: one error naming them; the value of most files is used, whatever their order', () => {
    const files = {
      'a.xlsx': chiBo('Một', [X(95), X(94), X(93), ...times(7, HTTNV())], { sheet: { capPercent: 30 } }),
      'b.xlsx': chiBo('Hai', times(5, HTTNV())),
      'c.xlsx': chiBo('Ba', times(5, HTTNV()), { sheet: { capPercent: 20 } }),
    };
    for (const order of [['a.xlsx', 'b.xlsx', 'c.xlsx'], ['c.xlsx', 'a.xlsx', 'b.xlsx']]) {
      const ward = combine(Object.fromEntries(order.map((k) => [k, files[k as keyof typeof files]])));
      expect(ward.cap).toMatchObject({ percent: 20, pool: 20, cap: 4, taken: 3 });
      const errors = issuesOf(ward, 'M25-20').filter((i) => i.severity === 'error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ file: 'a.xlsx', sheet: 'Bộ tiêu chí', cell: 'C20' });
      expect(errors[0].message).toMatch(/Các tệp không cùng thiết lập "Tỷ lệ HTXSNV tối đa \(%\)".*20 \(.*b\.xlsx.*c\.xlsx.*\); 30 \(a\.xlsx\)/);
    }
  });

  it('CFG25-01 when the default percentage decides who stays below HTXSNV (once, on its cell); not when the cap does not bind', () => {
    const binding = combine({ 'a.xlsx': chiBo('Một', [X(95), X(94), X(93), ...times(7, HTTNV())]) });
    expect(issuesOf(binding, 'CFG25-01').map((i) => `${i.file} ${i.severity} ${i.sheet}!${i.cell}`)).toEqual(['a.xlsx warning Bộ tiêu chí!C20', 'a.xlsx warning Bộ tiêu chí!C21']);
    expect(issuesOf(binding, 'CFG25-01')[0].message).toMatch(/theo mặc định/);
    const loose = combine({ 'a.xlsx': chiBo('Một', [X(95), ...times(9, HTTNV())]) });
    expect(issuesOf(loose, 'CFG25-01')).toEqual([]);
  });
});

describe('AGG-01 the ward summary under hd43-2025: counts by the 2025 level names', () => {
  it('AGG-01 members and chi bộ counted by HTXSNV/HTTNV/HTNV/KHTNV; suspended members are not classified', () => {
    const ward = combine({
      'a.xlsx': chiBo('Một', [X(95), ...times(6, HTTNV()), { level: 'HTNV', score: 60 }, { status: 'not-classified', reason: 'suspended' }], { level: 'HTXSNV' }),
      'b.xlsx': chiBo('Hai', [...times(2, HTTNV()), { level: 'KHTNV', score: 30 }, { status: 'deferred', reason: 'absent' }], { level: 'HTNV' }),
      'c.xlsx': chiBo('Ba', times(3, HTTNV()), { level: 'HTTNV' }),
      'd.xlsx': chiBo('Bốn', times(2, HTTNV()), { level: null }),
    });
    expect(ward.rules.chiBoLevels).toEqual(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV']);
    expect(ward.members).toMatchObject({ total: 18, classified: 16, undetermined: 0, notClassified: { exempt: 0, 'admitted-under-6-months': 0, suspended: 1 }, deferred: { absent: 1, 'no-self-review': 0 } });
    expect(ward.members.levels).toEqual({ HTXSNV: { count: 1, percent: 6.25 }, HTTNV: { count: 13, percent: 81.25 }, HTNV: { count: 1, percent: 6.25 }, KHTNV: { count: 1, percent: 6.25 } });
    expect(ward.chiBo).toEqual({
      total: 4,
      classified: 3,
      levels: { HTXSNV: { count: 1, percent: 33.33 }, HTTNV: { count: 1, percent: 33.33 }, HTNV: { count: 1, percent: 33.33 }, KHTNV: { count: 0, percent: 0 } },
      undetermined: 1,
    });
    expect(Object.keys(ward.chiBo.levels)).not.toContain('TSVM');
    expect(issuesOf(ward, 'AGG-01').map((i) => i.file)).toEqual(['d.xlsx']);
  });

  it('AGG-01 Tổng hợp under hd43-2025: the 2025 title, "Đề xuất", the four levels of the chi bộ by name, the cap of 20 % by score', () => {
    const ward = combine({ 'a.xlsx': chiBo('Một', [X(95), X(94), ...times(8, HTTNV())], { level: 'HTXSNV' }), 'b.xlsx': chiBo('Hai', times(5, HTTNV()), { level: 'KHTNV' }) });
    const layout = wardSheet(ward);
    const texts = layout.cells.map((c) => String(c.value));
    const has = (pattern: RegExp) => texts.some((t) => pattern.test(t));
    expect(has(/^Tổng hợp kết quả kiểm điểm và đề xuất xếp loại chất lượng tổ chức đảng, đảng viên năm 2025$/)).toBe(true);
    expect(has(/Quy định 366-QĐ\/TW và Hướng dẫn 43-HD\/BTCTW; tổng hợp đề xuất của 2 chi bộ/)).toBe(true);
    expect(has(/^I\. ĐỀ XUẤT XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN$/)).toBe(true);
    expect(has(/^II\. ĐỀ XUẤT XẾP LOẠI CHẤT LƯỢNG CHI BỘ$/)).toBe(true);
    expect(has(/^III\. GIỚI HẠN ĐẢNG VIÊN HOÀN THÀNH XUẤT SẮC NHIỆM VỤ \(20%\)$/)).toBe(true);
    expect(has(/^Đề xuất xếp loại chi bộ$/)).toBe(true);
    expect(has(/tối đa 3; 2 đồng chí đủ điều kiện, chọn theo điểm từ cao xuống: 2 đồng chí/)).toBe(true);
    expect(has(/Tỷ lệ này lấy theo mặc định/)).toBe(true);
    expect(has(/Mẫu 0[45]-KĐ\.ĐV|Trong sạch, vững mạnh tiêu biểu|Yếu kém|15%/)).toBe(false);
    // The chi bộ's levels: the four of 2025, each once in section II, KHTNV on chi bộ Hai's line.
    for (const name of ['Hoàn thành xuất sắc nhiệm vụ', 'Không hoàn thành nhiệm vụ']) expect(texts.filter((t) => t === name).length).toBeGreaterThanOrEqual(2);
    // No rule ID in a printed cell (notes and the screen's columns may have them).
    const printedRight = layout.print?.area?.right as number;
    expect(layout.cells.filter((c) => c.col <= printedRight && /\b[A-Z]{1,5}\d{0,2}-\d{2}\b/.test(String(c.value))).map((c) => c.value)).toEqual([]);
  });
});

describe('AGG-02 "Trong sạch, vững mạnh" is a commendation among the HTXSNV chi bộ (at most 20 %)', () => {
  const names = ['Một', 'Hai', 'Ba', 'Bốn', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín', 'Mười'];
  function ward(excellent: number, chosen: readonly string[], others: readonly string[] = []): WardResult {
    const files: Record<string, CheckResult> = {};
    names.slice(0, excellent).forEach((n, i) => (files[`${i}.xlsx`] = chiBo(n, times(3, HTTNV()), { level: 'HTXSNV' })));
    others.forEach((n, i) => (files[`o${i}.xlsx`] = chiBo(n, times(3, HTTNV()), { level: 'HTTNV' })));
    files['ke-hoach.xlsx'] = plan([...names.slice(0, excellent), ...others], chosen);
    return combine(files);
  }

  it('AGG-02 one chosen of 5 HTXSNV chi bộ (exactly 20 %) is within the bound', () => {
    const w = ward(5, ['Hai']);
    expect(w.exemplary).toEqual({ tsvm: 5, chosen: ['Hai'], counted: 1, bound: 1, percent: 20, withinBound: true });
    expect(w.rules.exemplary.among).toBe('HTXSNV');
    expect(issuesOf(w, 'AGG-02')).toEqual([]);
  });

  it('AGG-02 two chosen of 9 HTXSNV chi bộ (100 × 2 > 20 × 9) is an error on the last choice', () => {
    const w = ward(9, ['Một', 'Hai']);
    expect(w.exemplary).toMatchObject({ tsvm: 9, counted: 2, bound: 1, withinBound: false });
    const errors = issuesOf(w, 'AGG-02');
    expect(errors.map((i) => `${i.file} ${i.severity} ${i.sheet}!${i.cell}`)).toEqual(['ke-hoach.xlsx error Kế hoạch!F6']);
    expect(errors[0].message).toMatch(/2 chi bộ được chọn khen "Trong sạch, vững mạnh" \(Một, Hai\), vượt giới hạn 20% của 9 chi bộ Hoàn thành xuất sắc nhiệm vụ = tối đa 1/);
  });

  it('AGG-02 a chi bộ chosen that is not HTXSNV is a warning, and is not counted', () => {
    const w = ward(5, ['Một', 'Khác'], ['Khác']);
    expect(w.exemplary).toMatchObject({ counted: 1, bound: 1, withinBound: true, chosen: ['Một', 'Khác'] });
    const warnings = issuesOf(w, 'AGG-02');
    expect(warnings.map((i) => `${i.severity} ${i.cell}`)).toEqual(['warning F10']);
    expect(warnings[0].message).toMatch(/chi bộ "Khác" được chọn khen "Trong sạch, vững mạnh" nhưng được đề xuất xếp loại Hoàn thành tốt nhiệm vụ; chỉ chọn trong số chi bộ Hoàn thành xuất sắc nhiệm vụ/);
  });

  it('AGG-02 the layout marks the chosen chi bộ and names the bound in 2025 words', () => {
    const texts = wardSheet(ward(5, ['Hai'])).cells.map((c) => String(c.value));
    expect(texts).toContain('Hoàn thành xuất sắc nhiệm vụ, "Trong sạch, vững mạnh"');
    expect(texts.some((t) => /^Chi bộ "Trong sạch, vững mạnh" được chọn trong số chi bộ hoàn thành xuất sắc nhiệm vụ, không quá 20%: 20% của 5 là tối đa 1; đã chọn 1 \(Hai\)\.$/.test(t))).toBe(true);
  });
});

describe('AGG-01 a mixed ward: files checked under hd27-2014 and hd43-2025', () => {
  const hd27 = (name: string, level: ChiBoLevel, ms: M[]) => chiBo(name, ms, { ruleSet: 'hd27-2014', level });

  it('AGG-01 the ward follows most files (hd43-2025); one error names the hd27-2014 file; its members count, its TSVM is undetermined, the cap covers the hd43 files only', () => {
    const ward = combine({
      'a.xlsx': chiBo('Một', [X(95), X(94), ...times(8, HTTNV())], { level: 'HTXSNV' }),
      'b.xlsx': hd27('Hai', 'TSVM', [X(0), X(0), ...times(3, HTTNV())]),
      'c.xlsx': chiBo('Ba', [X(91), ...times(4, HTTNV())], { level: 'HTTNV' }),
    });
    expect(ward.ruleSet).toBe('hd43-2025');
    expect(ward.otherRuleSets).toEqual([{ path: 'b.xlsx', ruleSet: 'hd27-2014' }]);
    const errors = issuesOf(ward, 'AGG-01');
    expect(errors.map((i) => `${i.file} ${i.severity} ${i.cell}`)).toEqual(['b.xlsx error B2']);
    expect(errors[0].message).toMatch(/Các tệp không cùng bộ quy tắc: b\.xlsx \(Hai: Hướng dẫn 27-HD\/BTCTW \(2014\)\) khác với Quy định 366-QĐ\/TW \(2025\) của 2 tệp còn lại/);
    // Members of all three; the hd27 file's two HTXSNV as its own check decided.
    expect(ward.members.total).toBe(20);
    expect(ward.members.levels.HTXSNV.count).toBe(2 + 3);
    // The cap over a and c only: base 15, cap 3, three candidates, all taken.
    expect(ward.cap).toMatchObject({ pool: 15, cap: 3, candidates: 3, taken: 3 });
    expect(ward.chiBo).toMatchObject({ total: 3, classified: 2, undetermined: 1 });
    const rows = wardSheet(ward).cells.map((c) => String(c.value));
    expect(rows).toContain('Trong sạch, vững mạnh (theo Hướng dẫn 27-HD/BTCTW)');
  });

  it('AGG-01 most files hd27-2014: combined as today, one error names the hd43-2025 file; a tie follows the first file', () => {
    const ward = combine({ 'a.xlsx': hd27('Một', 'TSVM', times(3, HTTNV())), 'b.xlsx': hd27('Hai', 'HTTNV', times(3, HTTNV())), 'c.xlsx': chiBo('Ba', times(3, HTTNV()), { level: 'HTXSNV' }) });
    expect(ward.ruleSet).toBe('hd27-2014');
    expect(ward.rules.chiBoLevels).toEqual(['TSVM', 'HTTNV', 'HTNV', 'YK']);
    expect(issuesOf(ward, 'AGG-01').map((i) => i.file)).toEqual(['c.xlsx']);
    expect(ward.chiBo).toMatchObject({ classified: 2, undetermined: 1 });
    expect(combine({ 'a.xlsx': chiBo('Ba', times(3, HTTNV())), 'b.xlsx': hd27('Một', 'TSVM', times(3, HTTNV())) }).ruleSet).toBe('hd43-2025');
    expect(combine({ 'b.xlsx': hd27('Một', 'TSVM', times(3, HTTNV())), 'a.xlsx': chiBo('Ba', times(3, HTTNV())) }).ruleSet).toBe('hd27-2014');
  });

  it('AGG-01 a ward of one rule set reports no mixed-ward error; the caller\'s --rules does not override the files', () => {
    const ward = combine({ 'a.xlsx': chiBo('Một', times(3, HTTNV())), 'b.xlsx': chiBo('Hai', times(3, HTTNV())) }, { ruleSet: 'hd27-2014', options: {} });
    expect(ward.ruleSet).toBe('hd43-2025');
    expect(issuesOf(ward, 'AGG-01')).toEqual([]);
    expect(ward.otherRuleSets).toEqual([]);
  });
});

describe('M25-20 and AGG-01 end to end: a generated hd43-2025 ward (src/xlsx/wardExample.ts) checked and combined', () => {
  let inputs: WardInput[];
  let ward: WardResult;
  beforeAll(() => {
    const check = (data: Parameters<typeof fillRuleSetTemplate>[1]) => checkWorkbook(workbookToModel(fillRuleSetTemplate(HD43_2025, data).workbook));
    inputs = ward25ExampleData().map((d, i) => ({ path: `chi-bo-${String(i + 1).padStart(2, '0')}.xlsx`, result: check(d) }));
    inputs.push({ path: 'ke-hoach.xlsx', result: check(ward25PlanData()) });
    ward = aggregateWard(inputs);
  });

  it('M25-20 every chi bộ is checked under hd43-2025 without errors of its own; the ward is combined under hd43-2025', () => {
    expect(inputs.map((i) => i.result.ruleSet)).toEqual(inputs.map(() => 'hd43-2025'));
    expect(inputs[16].result.role).toBe('plan');
    // Each chi bộ's own errors: none but its provisional ties at its own cap (M25-20).
    expect(inputs.flatMap((i) => i.result.issues.filter((x) => x.severity === 'error' && x.rule !== 'M25-20').map((x) => `${i.path} ${x.rule} ${x.sheet}!${x.cell} ${x.message}`))).toEqual([]);
    expect(ward.ruleSet).toBe('hd43-2025');
    expect(ward.otherRuleSets).toEqual([]);
    expect(ward.settings?.map((s) => `${s.key}=${s.value} ${s.source}`)).toEqual(['capPercent=20 sheet', 'capScope=ward sheet', 'exemplaryPercent=20 default']);
  });

  it('M25-20 the ward cap over the generated ward: never exceeded, taken by score, every other candidate HTTNV or tied at one score', () => {
    const all = ward.memberResults.flatMap((f) => f.members);
    const taken = all.filter((m) => m.level === 'HTXSNV');
    const tied = all.filter((m) => m.reason === 'tie-at-cap');
    const out = all.filter((m) => m.level === 'HTTNV' && m.rules.includes('M25-20' as never) && !m.explanation.endsWith('→ Hoàn thành xuất sắc nhiệm vụ.'));
    // The base: every member HTTNV or HTXSNV before the cap, recomputed from the files' own results.
    const base = inputs.flatMap((i) => i.result.members).filter((m) => (m.status === 'classified' && (m.level === 'HTTNV' || m.level === 'HTXSNV')) || (m.rules as readonly string[]).includes('M25-20')).length;
    expect(ward.cap).toMatchObject({ scope: 'ward', percent: 20, pool: base, cap: Math.floor((20 * base) / 100) });
    expect(ward.cap.candidates).toBeGreaterThan(ward.cap.cap); // the generator makes the cap bind
    expect(100 * taken.length).toBeLessThanOrEqual(20 * base);
    expect(taken.length + tied.length + out.length).toBe(ward.cap.candidates);
    const low = Math.min(...taken.map((m) => m.score as number));
    for (const m of [...tied, ...out]) expect(m.score as number).toBeLessThan(low);
    expect(new Set(tied.map((m) => m.score)).size).toBeLessThanOrEqual(1);
    expect(issuesOf(ward, 'M25-20').filter((i) => i.severity === 'warning')).toHaveLength(out.length);
    expect(issuesOf(ward, 'M25-20').filter((i) => i.severity === 'error')).toHaveLength(tied.length);
    // The same ward, files in reverse: the same levels.
    const reversed = aggregateWard([...inputs].reverse());
    expect(Object.entries(levelsOf(reversed)).sort()).toEqual(Object.entries(levelsOf(ward)).sort());
  });

  it('AGG-01 counts by the 2025 names add up to the files; AGG-02 the chosen chi bộ is HTXSNV and within 20 %', () => {
    const files = ward.memberResults.filter((f) => f.path !== 'ke-hoach.xlsx').flatMap((f) => f.members);
    for (const level of ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const) expect(ward.members.levels[level].count).toBe(files.filter((m) => m.status === 'classified' && m.level === level).length);
    expect(ward.members.notClassified.suspended).toBe(files.filter((m) => m.reason === 'suspended').length);
    const chiBo = inputs.slice(0, 16).map((i) => i.result.chiBoResults[0]?.level);
    for (const level of ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const) expect(ward.chiBo.levels[level].count).toBe(chiBo.filter((l) => l === level).length);
    expect(ward.chiBo.levels.HTXSNV.count).toBeGreaterThanOrEqual(5);
    expect(ward.exemplary).toMatchObject({ chosen: ['Công an'], counted: 1, withinBound: true });
    expect(issuesOf(ward, 'AGG-02')).toEqual([]);
  });
});

describe('M25-20 one message per cause in the ward\'s Kiểm tra', () => {
  it('M25-20: a chi bộ\'s own provisional cap is superseded by the ward\'s: its warnings are not listed beside the ward\'s', async () => {
    const { buildChiBo25, members25 } = await import('../helpers/chibo25');
    const { wardIssues } = await import('../../src/core/report');
    const top = (score: number, name: string) => ({ name, common: 30, tasks: score - 30, figures: [10, 10, 3, 0, 0] });
    // Alone, chi bộ A may keep 2 of its 3 candidates (20 % of 10); over the ward (20 of base 20 → 4) all 3 fit.
    const a = checkWorkbook(buildChiBo25({ members: [top(98, 'Một A'), top(95, 'Hai A'), top(92, 'Ba A'), ...members25(7, (i) => ({ name: `Người A ${i}` }))], info: { chiBo: 'Chi bộ A' } }).model);
    const b = checkWorkbook(buildChiBo25({ members: members25(10, (i) => ({ name: `Người B ${i}` })), info: { chiBo: 'Chi bộ B' } }).model);
    expect(a.issues.filter((i) => i.rule === 'M25-20')).toHaveLength(1);
    const checked = [{ path: 'a.xlsx', result: a }, { path: 'b.xlsx', result: b }];
    const ward = aggregateWard(checked);
    expect(ward.cap).toMatchObject({ scope: 'ward', cap: 4 });
    const issues = wardIssues(checked, ward);
    expect(issues.filter((i) => i.rule === 'M25-20' && i.message.includes('Tạm tính'))).toEqual([]);
    expect(ward.memberResults.find((f) => f.path === 'a.xlsx')?.members.filter((m) => m.level === 'HTXSNV')).toHaveLength(3);
  });
});
