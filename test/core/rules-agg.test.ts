/**
 * AGG-01 … AGG-04 (RULES.md section 6, readings 9.14): the ward's summary over several chi bộ, the
 * exemplary-TSVM bound, the ward-scope 15 % cap, and the schedule's coverage and a member in two chi bộ.
 * Hand-made chi bộ (test/helpers/chibo.ts) checked one by one, then combined by `aggregateWard`.
 */
import { wardSheet } from '../../src/core/output/ward';
import { form04 } from '../../src/core/output/resultSheets';
import type { CheckResult } from '../../src/core/check';
import { type MemberSpec, membersWith, nameFor, sheetOf } from '../helpers/chibo';
import { aggregate, checked, chiBoWith, planSheet, wardBook } from '../helpers/ward';
import type { FileIssue } from '../../src/core/aggregate';

const where = (issues: readonly FileIssue[], rule: string): string[] => issues.filter((i) => i.rule === rule).map((i) => `${i.file} ${i.severity} ${i.sheet}!${i.cell}`);

let nextName = 0;

/**
 * A chi bộ named `name`: `n` members (names distinct across the chi bộ of a test file), the first
 * `excellent.length` with those round-2 votes, the last `htnv` HTNV, the rest HTTNV unanimously.
 */
function chiBo(name: string, n: number, options: { htnv?: number; excellent?: number[]; score?: number; more?: (i: number) => MemberSpec } = {}) {
  const excellent = options.excellent ?? [];
  const htnv = options.htnv ?? 0;
  const base = nextName;
  nextName = (nextName + n) % 200;
  const extras = membersWith(n, (i) => ({ name: nameFor(base + i), ...options.more?.(i) }));
  const valid = extras.filter((m) => !m.probationary && m.present !== false).length;
  const members = extras.map((m, i): MemberSpec => {
    if (m.votes !== undefined) return m;
    if (i < excellent.length) return { ...m, votes: [valid, 0, 0, excellent[i]] };
    if (i >= n - htnv) return { ...m, votes: [0, valid, 0] };
    return m;
  });
  return { members, info: { chiBo: name }, scores: [sheetOf(options.score ?? 89)] };
}

describe('AGG-01 the ward summary: members and chi bộ by level, with percentages', () => {
  it('AGG-01 the counts are the sums of the chi bộ results; percentages of the members classified', () => {
    const specs = {
      'a.xlsx': chiBo('Thanh Khê', 10, { htnv: 3 }),
      'b.xlsx': chiBo('Công an', 8, { more: (i) => (i === 7 ? { present: false } : i === 6 ? { exempt: true, present: false } : {}) }),
      'c.xlsx': chiBo('Quân sự', 8, { excellent: [7], score: 95, more: (i) => (i === 7 ? { probationary: true, admissionDate: '01/10/2017', votes: null } : {}) }),
    };
    const { ward, inputs } = aggregate(Object.fromEntries(Object.entries(specs).map(([k, v]) => [k, chiBoWith(v)])));
    const sum = (f: (r: CheckResult) => number) => inputs.reduce((acc, i) => acc + f(i.result), 0);
    const count = (r: CheckResult, pred: (m: CheckResult['members'][number]) => boolean) => r.members.filter(pred).length;
    expect(ward.members.total).toBe(sum((r) => r.members.length));
    expect(ward.members.classified).toBe(sum((r) => count(r, (m) => m.status === 'classified')));
    for (const level of ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'] as const) expect(ward.members.levels[level].count).toBe(sum((r) => count(r, (m) => m.level === level)));
    expect(ward.members.notClassified).toEqual({ exempt: 1, 'admitted-under-6-months': 1 });
    expect(ward.members.deferred).toEqual({ absent: 1, 'no-self-review': 0 });
    // 26 members: 1 exempt, 1 under six months, 1 absent → 23 classified: 1 HTXSNV, 19 HTTNV, 3 HTNV.
    expect(ward.members).toMatchObject({ total: 26, classified: 23, undetermined: 0 });
    expect(ward.members.levels).toEqual({
      HTXSNV: { count: 1, percent: 4.35 },
      HTTNV: { count: 19, percent: 82.61 },
      HTNV: { count: 3, percent: 13.04 },
      KHTNV: { count: 0, percent: 0 },
    });
    // Form 04's lines of each chi bộ add up to the ward's.
    const lines = inputs.map((i) => form04(i.result.members).map(([, v]) => v));
    const summed = lines[0].map((_, k) => lines.reduce((acc, l) => acc + l[k], 0));
    expect(summed[0]).toBe(ward.members.total);
    expect(summed[form04(inputs[0].result.members).findIndex(([label]) => label === 'Số đảng viên được phân loại')]).toBe(ward.members.classified);
    // Chi bộ: two HTTNV (89 points), one TSVM (95); percentages of the chi bộ classified.
    expect(ward.chiBo).toEqual({
      total: 3,
      classified: 3,
      levels: { TSVM: { count: 1, percent: 33.33 }, HTTNV: { count: 2, percent: 66.67 }, HTNV: { count: 0, percent: 0 }, YK: { count: 0, percent: 0 } },
      undetermined: 0,
    });
    expect(ward.issues.filter((i) => i.rule === 'AGG-01')).toEqual([]);
  });

  it('AGG-01 a chi bộ whose level is undetermined is counted so and warned', () => {
    const { ward } = aggregate({ 'a.xlsx': chiBoWith(chiBo('Thanh Khê', 10)), 'b.xlsx': chiBoWith({ ...chiBo('Công an', 6), info: { chiBo: 'Công an', orgRating: null } }) });
    expect(ward.chiBo).toMatchObject({ total: 2, classified: 1, undetermined: 1 });
    expect(where(ward.issues, 'AGG-01')).toEqual(['b.xlsx warning Thông tin chi bộ!B2']);
  });

  it('AGG-01 the layout of Tổng hợp exposes the per-level table for a chart (labels and counts)', () => {
    const { ward } = aggregate({ 'a.xlsx': chiBoWith(chiBo('Thanh Khê', 10, { htnv: 3, excellent: [10] })) });
    const layout = wardSheet(ward);
    const source = layout.chartSource;
    expect(source).toBeDefined();
    const at = (row: number, col: number) => layout.cells.find((c) => c.row === row && c.col === col)?.value;
    const rows = [];
    for (let r = source!.categories.top; r <= source!.categories.bottom; r++) rows.push([at(r, source!.categories.left), at(r, source!.values.left)]);
    expect(rows).toEqual([
      ['Hoàn thành xuất sắc nhiệm vụ', 1],
      ['Hoàn thành tốt nhiệm vụ', 6],
      ['Hoàn thành nhiệm vụ', 3],
      ['Không hoàn thành nhiệm vụ', 0],
    ]);
    expect(source!.values.top).toBe(source!.categories.top);
    // The chart sits on the printed page; the data it reads is the screen's copy, outside the print area.
    const printed = layout.print?.area?.right as number;
    expect(source!.anchor.right).toBeLessThanOrEqual(printed);
    expect(source!.categories.left).toBeGreaterThan(printed);
    expect(source!.title).toMatch(/đảng viên/);
  });

  it('AGG-01 (RULES.md 9.14) AGG rules run only when combining: check never reports one', () => {
    const plan = planSheet([{ chiBo: 'Thanh Khê', meetingDate: '01/12/2017', exemplary: 'x' }, { chiBo: 'Công an', meetingDate: '01/12/2017' }]);
    const r = checked(chiBoWith(chiBo('Thanh Khê', 10), plan));
    expect(r.issues.filter((i) => i.rule.startsWith('AGG-'))).toEqual([]);
  });
});

describe('AGG-02 exemplary TSVM chi bộ: 100 × exemplary ≤ 20 × TSVM', () => {
  const names = ['Một', 'Hai', 'Ba', 'Bốn', 'Năm', 'Sáu', 'Bảy', 'Tám', 'Chín', 'Mười'];
  function ward(tsvm: number, chosen: string[], others: string[] = []) {
    const files: Record<string, ReturnType<typeof chiBoWith>> = {};
    names.slice(0, tsvm).forEach((n, i) => (files[`${i}.xlsx`] = chiBoWith(chiBo(n, 6, { score: 95 }))));
    others.forEach((n, i) => (files[`o${i}.xlsx`] = chiBoWith(chiBo(n, 6))));
    const plan = planSheet([...names.slice(0, tsvm), ...others].map((n) => ({ chiBo: n, meetingDate: '01/12/2017', exemplary: chosen.includes(n) ? 'x' : null })));
    files['ke-hoach.xlsx'] = wardBook(plan);
    return { ...aggregate(files), plan };
  }

  it('AGG-02 the bound is reported when none is chosen: 20 % of 5 TSVM = 1', () => {
    const { ward: w } = ward(5, []);
    expect(w.exemplary).toEqual({ tsvm: 5, chosen: [], counted: 0, bound: 1, percent: 20, withinBound: true });
    expect(w.issues.filter((i) => i.rule === 'AGG-02')).toEqual([]);
  });

  it('AGG-02 one of 5 TSVM (100 = 100): allowed; two of 5: an error naming both', () => {
    expect(ward(5, ['Một']).ward.issues.filter((i) => i.rule === 'AGG-02')).toEqual([]);
    const { ward: w, plan } = ward(5, ['Một', 'Ba']);
    expect(w.exemplary).toMatchObject({ counted: 2, bound: 1, withinBound: false });
    expect(where(w.issues, 'AGG-02')).toEqual([`ke-hoach.xlsx error Kế hoạch!${plan.cell(2, 'exemplary')}`]);
    expect(w.issues.find((i) => i.rule === 'AGG-02')?.message).toMatch(/Một, Ba.*tối đa 1/);
  });

  it('AGG-02 4 TSVM allow none (20 % of 4 = 0,8): one chosen is an error', () => {
    const { ward: w } = ward(4, ['Hai']);
    expect(w.exemplary).toMatchObject({ bound: 0, withinBound: false });
    expect(w.issues.filter((i) => i.rule === 'AGG-02').map((i) => i.severity)).toEqual(['error']);
  });

  it('AGG-02 a chi bộ chosen that is not TSVM is warned and not counted', () => {
    const { ward: w, plan } = ward(5, ['Sáu'], ['Sáu']);
    expect(w.exemplary).toMatchObject({ counted: 0, withinBound: true });
    expect(where(w.issues, 'AGG-02')).toEqual([`ke-hoach.xlsx warning Kế hoạch!${plan.cell(5, 'exemplary')}`]);
  });
});

describe('AGG-03 the 15 % cap over the whole ward (capScope=ward)', () => {
  // A: N = 10, 7 HTTNV, candidates 9/10 and 8/10. B: N = 20, 14 HTTNV, candidates 17/20 and `b1`/20.
  // The ward's pool is 21: 15 % of 21 = 3,15, so 3 places, taken by share of N: 0,9, 0,85, 0,8.
  const files = (b1: number) => ({
    'a.xlsx': chiBoWith(chiBo('A', 10, { htnv: 3, excellent: [9, 8] })),
    'b.xlsx': chiBoWith(chiBo('B', 20, { htnv: 6, excellent: [17, b1] })),
  });
  const levels = (w: ReturnType<typeof aggregate>['ward']) => w.memberResults.map((f) => f.members.slice(0, 2).map((m) => m.level ?? m.reason));

  it('AGG-03 each chi bộ leaves its candidates HTXSNV provisionally; the ward takes the best shares up to the cap', () => {
    const { ward: w, inputs } = aggregate(files(15), { capScope: 'ward' });
    expect(inputs.map((i) => i.result.members.slice(0, 2).map((m) => m.level))).toEqual([
      ['HTXSNV', 'HTXSNV'],
      ['HTXSNV', 'HTXSNV'],
    ]);
    expect(w.cap).toEqual({ scope: 'ward', percent: 15, pool: 21, cap: 3, candidates: 4, taken: 3, tied: 0 });
    expect(levels(w)).toEqual([
      ['HTXSNV', 'HTXSNV'],
      ['HTXSNV', 'HTTNV'],
    ]);
    const b = inputs[1].result;
    expect(where(w.issues, 'AGG-03')).toEqual([`b.xlsx warning ${b.people[1].round2?.sheet}!${b.people[1].round2?.cell}`]);
    expect(w.members.levels.HTXSNV.count).toBe(3);
    expect(w.memberResults[1].members[1].rules).toContain('AGG-03');
  });

  it('AGG-03 shares compared exactly: 8/10 and 16/20 tie across the cap, both undetermined (tie-at-cap), an error each', () => {
    const { ward: w } = aggregate(files(16), { capScope: 'ward' });
    expect(levels(w)).toEqual([
      ['HTXSNV', 'tie-at-cap'],
      ['HTXSNV', 'tie-at-cap'],
    ]);
    expect(w.issues.filter((i) => i.rule === 'AGG-03').map((i) => [i.file, i.severity])).toEqual([
      ['a.xlsx', 'error'],
      ['b.xlsx', 'error'],
    ]);
    expect(w.cap).toMatchObject({ taken: 2, tied: 2 });
    expect(w.members.undetermined).toBe(2);
  });

  it('AGG-03 with the default scope (each chi bộ) the ward changes no level and reports no AGG-03', () => {
    const { ward: w, inputs } = aggregate(files(15));
    expect(w.cap.scope).toBe('chi-bo');
    expect(w.issues.filter((i) => i.rule === 'AGG-03')).toEqual([]);
    expect(w.memberResults.map((f) => f.members)).toEqual(inputs.map((i) => i.result.members));
  });
});

describe('AGG-04 the schedule\'s chi bộ all have results; a member is in one chi bộ only', () => {
  const plan = planSheet([
    { stt: 1, chiBo: 'Thanh Khê', meetingDate: '01/12/2017', inCharge: 'Nguyễn Minh Phụng' },
    { stt: 2, chiBo: 'Công an', meetingDate: '01/12/2017', inCharge: 'Ngô Quang Thảo' },
    { stt: 3, chiBo: 'Trạm Y tế', meetingDate: '03/12/2017', inCharge: 'Nguyễn Văn Anh' },
  ]);

  it('AGG-04 a chi bộ of the schedule with no workbook: warning on its row of the schedule, naming who is in charge', () => {
    const { ward: w } = aggregate({ 'a.xlsx': chiBoWith(chiBo('Thanh Khê', 6)), 'b.xlsx': chiBoWith(chiBo('chi bộ CÔNG AN', 6)), 'ke-hoach.xlsx': wardBook(plan) });
    expect(where(w.issues, 'AGG-04')).toEqual([`ke-hoach.xlsx warning Kế hoạch!${plan.cell(2, 'chiBo')}`]);
    expect(w.issues.find((i) => i.rule === 'AGG-04')?.message).toContain('Nguyễn Văn Anh');
    expect(w.schedule).toEqual({ source: 'ke-hoach.xlsx', listed: 3, withResults: 2, missing: ['Trạm Y tế'], notInSchedule: [] });
    expect(w.rows.map((r) => [r.name, r.file])).toEqual([
      ['Thanh Khê', 'a.xlsx'],
      ['chi bộ CÔNG AN', 'b.xlsx'],
      ['Trạm Y tế', null],
    ]);
  });

  it('AGG-04 a chi bộ with results but not in the schedule: warning on its name', () => {
    const { ward: w } = aggregate({ 'a.xlsx': chiBoWith(chiBo('Thanh Khê', 6)), 'x.xlsx': chiBoWith(chiBo('Thượng Thôn', 6)), 'ke-hoach.xlsx': wardBook(plan) });
    expect(where(w.issues, 'AGG-04')).toContain('x.xlsx warning Thông tin chi bộ!B2');
    expect(w.schedule.notInSchedule).toEqual(['Thượng Thôn']);
  });

  it('AGG-04 the same person (name and date of birth) in two chi bộ is an error naming both', () => {
    const same = { name: 'Nguyễn Văn Hòa', birthDate: '12/03/1960' };
    const a = chiBo('Thanh Khê', 6, { more: (i) => (i === 2 ? same : {}) });
    const b = chiBo('Công an', 6, { more: (i) => (i === 4 ? { ...same, name: 'nguyễn  văn hoà' } : {}) });
    const { ward: w } = aggregate({ 'a.xlsx': chiBoWith(a), 'b.xlsx': chiBoWith(b) });
    expect(where(w.issues, 'AGG-04')).toEqual(['b.xlsx error Danh sách đảng viên!B6']);
    const message = w.issues.find((i) => i.rule === 'AGG-04')?.message ?? '';
    expect(message).toMatch(/Thanh Khê.*a\.xlsx.*Công an.*b\.xlsx/);
  });

  it('AGG-04 the same name with another date of birth is two people', () => {
    const a = chiBo('Thanh Khê', 6, { more: (i) => (i === 2 ? { name: 'Nguyễn Văn Hòa', birthDate: '12/03/1960' } : {}) });
    const b = chiBo('Công an', 6, { more: (i) => (i === 4 ? { name: 'Nguyễn Văn Hòa', birthDate: '12/03/1961' } : {}) });
    expect(aggregate({ 'a.xlsx': chiBoWith(a), 'b.xlsx': chiBoWith(b) }).ward.issues.filter((i) => i.rule === 'AGG-04')).toEqual([]);
  });

  it('AGG-04 one chi bộ in two workbooks is an error (its figures would count twice)', () => {
    const { ward: w } = aggregate({ 'a.xlsx': chiBoWith(chiBo('Thanh Khê', 6)), 'a-lan-2.xlsx': chiBoWith(chiBo('THANH KHÊ', 6, { more: () => ({ birthDate: '01/01/1970' }) })) });
    expect(where(w.issues, 'AGG-04')).toEqual(['a-lan-2.xlsx error Thông tin chi bộ!B2']);
  });

  it('AGG-04 a chi bộ whose own workbook has no schedule is checked against the ward\'s (PROC-02 when combining)', () => {
    const { ward: w } = aggregate({ 'a.xlsx': chiBoWith({ ...chiBo('Thanh Khê', 6), meetingDate: '02/12/2017' }), 'ke-hoach.xlsx': wardBook(plan) });
    expect(where(w.issues, 'PROC-02')).toEqual(['a.xlsx warning Thông tin chi bộ!B4']);
  });
});
