/**
 * Properties of the engine over random chi bộ (test/helpers/chibo.ts) and random grids, with fast-check:
 *  (a) the 15 % cap (MEM-06, RULES.md 9.5): HTXSNV never exceeds 15 % of the HTTNV pool, the pool is
 *      what the member results say it is, and the cap is filled when no tie blocks it;
 *  (b) reordering the roll and the tally changes no member's result;
 *  (c) one more round-1 HTTNV vote never lowers a member's level (only a tie at the cap may leave the
 *      member undetermined);
 *  (d) checkWorkbook never throws on any grid, and its output is always well formed.
 * Runs are kept modest: a check costs ~25–30 ms (mostly the header search), so the file runs in about 10 s.
 */
import fc from 'fast-check';
import { checkWorkbook, type CheckResult } from '../../src/core/check';
import { aggregateWard, holdsChiBo } from '../../src/core/aggregate';
import { ALL_INPUT_FORMS, INFO_FORM, MORE_RESULT_SHEETS, RESULT_SHEETS, ROLL_FORM, SCORES_FORM, TALLY_FORM } from '../../src/core/forms/definitions';
import type { CellRange, CellValue, SheetGrid, WorkbookModel } from '../../src/core/grid';
import { RULE_IDS } from '../../src/core/rules/catalogue';
import type { MemberResult } from '../../src/core/rules/mem';
import { type ChiBoSpec, type EngineOptions, type MemberSpec, buildChiBo, day, nameFor, sheetOf } from '../helpers/chibo';

// ---------------------------------------------------------------------------------------------------
// Random chi bộ

interface Shape {
  readonly probationary: boolean;
  readonly present: boolean;
  readonly selfReviewed: boolean;
  readonly exempt: boolean;
  readonly leader: boolean;
  readonly civilServant: boolean;
  readonly civilRating: string | null;
  readonly cstd: boolean;
  readonly commendation: boolean;
  readonly disciplined: boolean;
  /** Shares (0…100) of the valid ballots: HTTNV, HTNV of the rest, KHTNV of the rest, round 2. */
  readonly shares: readonly [number, number, number, number];
}

const RATINGS_NO_KHTNV = ['Hoàn thành xuất sắc nhiệm vụ', 'HTTNV', 'Hoàn thành nhiệm vụ', 'HTNV-HCNL'];
const often = (percent: number) => fc.integer({ min: 1, max: 100 }).map((x) => x <= percent);
/** Shares biased towards unanimity and the thresholds, so that levels, candidates and ties are common. */
const share = fc.oneof(fc.constant(100), fc.constant(0), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 45, max: 80 }));
const goodShare = fc.oneof({ weight: 2, arbitrary: fc.constant(100) }, { weight: 3, arbitrary: fc.integer({ min: 45, max: 100 }) }, { weight: 1, arbitrary: share });
const round2Share = fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.integer({ min: 55, max: 100 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 100 }) });

function shapeArb(ratings: readonly (string | null)[]): fc.Arbitrary<Shape> {
  return fc.record({
    probationary: often(15),
    present: often(92),
    selfReviewed: often(95),
    exempt: often(4),
    leader: often(15),
    civilServant: often(25),
    civilRating: fc.constantFrom(...ratings),
    cstd: often(20),
    commendation: often(10),
    disciplined: often(5),
    shares: fc.tuple(goodShare, share, share, round2Share),
  });
}

const shapesArb = (ratings: readonly (string | null)[] = [...RATINGS_NO_KHTNV, 'KHTNV', null]) => fc.array(shapeArb(ratings), { minLength: 1, maxLength: 30, size: 'max' });

/** The chi bộ of the shapes: votes scaled to the round-1 valid ballots (the officials present). */
function specOf(shapes: readonly Shape[]): ChiBoSpec {
  const valid = shapes.filter((s) => !s.probationary && s.present).length;
  const members: MemberSpec[] = shapes.map((s, i) => {
    const votedOn = s.present && s.selfReviewed && !s.exempt;
    const good = Math.round((s.shares[0] * valid) / 100);
    const done = Math.round((s.shares[1] * (valid - good)) / 100);
    const failed = Math.round((s.shares[2] * (valid - good - done)) / 100);
    const r2 = Math.round((s.shares[3] * valid) / 100);
    return {
      name: nameFor(i),
      birthDate: day(`${(i % 28) + 1}/${(i % 12) + 1}/${1950 + i}`),
      probationary: s.probationary,
      present: s.present,
      selfReviewed: s.selfReviewed,
      exempt: s.exempt,
      leader: s.leader,
      civilServant: s.civilServant,
      civilRating: s.civilServant ? s.civilRating : null,
      cstd: s.cstd,
      commendation: s.commendation,
      disciplined: s.disciplined,
      votes: votedOn ? [good, done, failed, r2 > 0 ? r2 : null] : null,
    };
  });
  return { members, scores: [sheetOf(85)] };
}

const optionsArb: fc.Arbitrary<EngineOptions> = fc.record({
  denominator: fc.constantFrom('roll', 'present'),
  htnvCounting: fc.constantFrom('cumulative', 'strict'),
});

const check = (spec: ChiBoSpec, options: EngineOptions = {}): CheckResult => checkWorkbook(buildChiBo(spec).model, { options: options as Record<string, string> });

const RANK: Record<string, number> = { KHTNV: 1, HTNV: 2, HTTNV: 3, HTXSNV: 4 };
const hasGround = (m: MemberSpec) => !m.civilServant || m.civilRating === 'Hoàn thành xuất sắc nhiệm vụ' || !!m.cstd || !!m.commendation;

// ---------------------------------------------------------------------------------------------------

describe('properties of member classification', () => {
  it('(a) MEM-06: 100 × HTXSNV ≤ 15 × pool; the pool is the HTTNV after round 1 and MEM-08; the cap is filled unless a tie blocks it', () => {
    fc.assert(
      fc.property(shapesArb(), optionsArb, (shapes, options) => {
        const spec = specOf(shapes);
        const result = check(spec, options);
        const figures = result.figures;
        expect(figures).not.toBeNull();
        if (!figures) return;
        const excellent = result.members.filter((m) => m.status === 'classified' && m.level === 'HTXSNV');
        const tied = result.members.filter((m) => m.reason === 'tie-at-cap');
        expect(100 * excellent.length).toBeLessThanOrEqual(15 * figures.pool);
        expect(excellent.length).toBeLessThanOrEqual(figures.cap);
        expect(figures.cap).toBe(Math.floor((15 * figures.pool) / 100));
        // RULES.md 9.5: the pool round 2 chooses from ends as HTXSNV, HTTNV or tie-at-cap, and nobody else does.
        const pool = result.members.filter((m) => (m.status === 'classified' && (m.level === 'HTTNV' || m.level === 'HTXSNV')) || m.reason === 'tie-at-cap');
        expect(pool.length).toBe(figures.pool);
        // Candidates: in the pool, round-2 votes > 2N/3, and a ground if a civil servant (MEM-05, MEM-07).
        const specByName = new Map(spec.members.map((m) => [m.name as string, m]));
        const candidates = pool.filter((m) => 3 * (m.votes?.HTXSNV ?? 0) > 2 * figures.n && hasGround(specByName.get(m.name) as MemberSpec));
        expect(excellent.every((m) => candidates.includes(m))).toBe(true);
        if (tied.length === 0) expect(excellent.length).toBe(Math.min(figures.cap, candidates.length));
        else {
          expect(tied.length).toBeGreaterThanOrEqual(2);
          expect(excellent.length).toBeLessThan(figures.cap);
          // Every one taken has more round-2 votes than every tied one, who all have the same.
          const tiedVotes = new Set(tied.map((m) => m.votes?.HTXSNV));
          expect(tiedVotes.size).toBe(1);
          const v = [...tiedVotes][0] ?? 0;
          expect(excellent.every((m) => (m.votes?.HTXSNV ?? 0) > v)).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('(b) reordering the roll and the tally changes no member\'s result', () => {
    const arb = shapesArb().chain((shapes) =>
      fc.tuple(fc.constant(shapes), fc.array(fc.nat(), { minLength: shapes.length, maxLength: shapes.length }), fc.array(fc.nat(), { minLength: shapes.length, maxLength: shapes.length }), optionsArb),
    );
    const argsort = (keys: readonly number[]) => keys.map((k, i) => [k, i]).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i);
    const view = (m: MemberResult) => ({ status: m.status, level: m.level, reason: m.reason, rules: m.rules, votes: m.votes, membership: m.membership, n: m.n });
    const rulesSeen = (r: CheckResult) => r.issues.filter((i) => i.rule !== 'MEM-10').map((i) => `${i.rule} ${i.severity}`).sort();
    fc.assert(
      fc.property(arb, ([shapes, rollKeys, tallyKeys, options]) => {
        const spec = specOf(shapes);
        const rollOrder = argsort(rollKeys);
        const shuffled: ChiBoSpec = { ...spec, members: rollOrder.map((i) => spec.members[i]), tallyOrder: argsort(tallyKeys) };
        const a = check(spec, options);
        const b = check(shuffled, options);
        const byName = (r: CheckResult) => new Map(r.members.map((m) => [m.name, view(m)]));
        expect(b.members).toHaveLength(a.members.length);
        expect(byName(b)).toEqual(byName(a));
        expect(b.figures).toEqual(a.figures);
        expect(b.chiBoResults.map((c) => [c.level, c.score, c.provisional])).toEqual(a.chiBoResults.map((c) => [c.level, c.score, c.provisional]));
        expect(rulesSeen(b)).toEqual(rulesSeen(a));
      }),
      { numRuns: 35 },
    );
  });

  it('(c) one more round-1 HTTNV vote never lowers that member\'s level; undetermined may only come from a tie at the cap', () => {
    // Civil-service ratings of KHTNV are left out: such a member is KHTNV by a KHTNV vote and
    // rating-conflict by any other (RULES.md 9.3), so a vote more may rightly leave the level undecided.
    const arb = fc.tuple(shapesArb(RATINGS_NO_KHTNV), fc.nat(), optionsArb);
    fc.assert(
      fc.property(arb, ([shapes, pick, options]) => {
        const spec = specOf(shapes);
        const valid = shapes.filter((s) => !s.probationary && s.present).length;
        const room = spec.members.map((m, i) => ({ m, i })).filter(({ m }) => m.votes && m.votes[0] + m.votes[1] + m.votes[2] < valid);
        fc.pre(room.length > 0);
        const { m, i } = room[pick % room.length];
        const votes = m.votes as NonNullable<MemberSpec['votes']>;
        const more: ChiBoSpec = { ...spec, members: spec.members.map((x, j) => (j === i ? { ...x, votes: [votes[0] + 1, votes[1], votes[2], votes[3]] } : x)) };
        const before = check(spec, options).members.find((x) => x.name === m.name) as MemberResult;
        const after = check(more, options).members.find((x) => x.name === m.name) as MemberResult;
        if (before.status !== 'classified') return; // nothing to lower (undetermined, or not voted on)
        if (after.status === 'undetermined') {
          expect(after.reason).toBe('tie-at-cap');
          return;
        }
        expect(after.status).toBe('classified');
        expect(RANK[after.level as string]).toBeGreaterThanOrEqual(RANK[before.level as string]);
      }),
      { numRuns: 45 },
    );
  });
});

// ---------------------------------------------------------------------------------------------------
// Random grids

const SHEET_NAMES = [
  ...ALL_INPUT_FORMS.flatMap((f) => [f.sheet, ...f.sheetAliases]),
  ...Object.values(RESULT_SHEETS),
  ...Object.values(MORE_RESULT_SHEETS),
  'Sheet1',
  'DANH SACH DANG VIEN',
  'kiem phieu dang vien',
];

const LABELS: string[] = [
  ...ALL_INPUT_FORMS.flatMap((f) => [f.title, ...(f.kind === 'table' ? f.columns.flatMap((c) => [c.label, ...(c.aliases ?? []), ...(c.prefixes ?? []), ...(c.group ? [c.group, `${c.group} - ${c.label}`] : [])]) : [])]),
  ...INFO_FORM.fields.flatMap((f) => [f.label, ...(f.aliases ?? []), `${f.label}: 12`]),
  'Mẫu 07-KĐ.ĐV',
  'Mẫu 03-KĐ.ĐV',
  'Tổng',
  'Cộng',
  'Tổng cộng',
  'x',
  'X',
  'có',
  'Không',
  '✓',
  'Chính thức',
  'Dự bị',
  'HTTNV',
  'Hoàn thành xuất sắc nhiệm vụ',
  'Không hoàn thành nhiệm vụ',
  'HTNV-HCNL',
  'Cao nhất',
  'Cao thứ hai',
  'Thấp hơn',
  '01/12/2017',
  '31/02/2017',
  'ngày 01 tháng 12 năm 2017',
  '2017-12-01',
  '12,5',
  '-3',
  'Chi bộ: Thanh Khê',
  'Nguyễn Văn An',
  'Hoà',
  'Hòa',
  '=SUM(A1:A3)',
];

const VIETNAMESE = 'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐĂÂÊÔƠƯ  ,:-/()\u200b\u00a0';
const vietnameseText = fc
  .array(fc.constantFrom(...VIETNAMESE), { maxLength: 24 })
  .chain((chars) => fc.constantFrom(chars.join(''), chars.join('').normalize('NFD'), chars.join('').toUpperCase()));

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 5, arbitrary: fc.constantFrom(...LABELS) },
  { weight: 2, arbitrary: vietnameseText },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 4, arbitrary: fc.integer({ min: -5, max: 60 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(0.5, 12.5, 1e308, -0, Number.NaN, Number.POSITIVE_INFINITY, 2017, 43070) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom('#N/A', '#VALUE!', '#DIV/0!', '#REF!').map((error) => ({ error })) },
  // Date cells are serial numbers (1930–2030), and any number at all.
  { weight: 1, arbitrary: fc.double({ min: -1e7, max: 1e7 }) },
  { weight: 1, arbitrary: fc.integer({ min: 10959, max: 47484 }) },
);

const rangeArb: fc.Arbitrary<CellRange> = fc.record({ top: fc.integer({ min: -2, max: 25 }), left: fc.integer({ min: -2, max: 20 }), bottom: fc.integer({ min: -2, max: 25 }), right: fc.integer({ min: -2, max: 20 }) });

const sheetArb: fc.Arbitrary<SheetGrid> = fc.record(
  {
    name: fc.oneof(fc.constantFrom(...SHEET_NAMES), vietnameseText),
    values: fc.array(fc.array(cellArb, { maxLength: 16 }), { maxLength: 22 }),
    originRow: fc.nat(3),
    originCol: fc.nat(3),
    merges: fc.array(rangeArb, { maxLength: 4 }),
    hiddenRows: fc.array(fc.integer({ min: -1, max: 30 }), { maxLength: 3 }),
    hiddenCols: fc.array(fc.integer({ min: -1, max: 20 }), { maxLength: 3 }),
  },
  { requiredKeys: ['name', 'values', 'originRow', 'originCol'] },
);

const STATUSES = new Set(['classified', 'not-classified', 'deferred', 'undetermined']);
const LEVELS = new Set(['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV']);
const REASONS = new Set(['exempt', 'admitted-under-6-months', 'absent', 'no-self-review', 'no-decisive-vote', 'tie-at-cap', 'missing-rating', 'rating-conflict', 'vote-data-error', 'no-tally-row', 'input-error']);

/** FORMS.md's report shape: what any result, of any input, must look like. */
function expectWellFormed(result: CheckResult): void {
  for (const issue of result.issues) {
    expect(RULE_IDS).toContain(issue.rule);
    expect(['error', 'warning']).toContain(issue.severity);
    expect(typeof issue.sheet).toBe('string');
    if (issue.cell !== null) expect(`${issue.rule} ${issue.cell}`).toMatch(/^[A-Z]+-\d+ [A-Z]{1,3}[1-9]\d*$/);
    expect(issue.message.length).toBeGreaterThan(0);
  }
  for (const m of result.members) {
    expect(STATUSES.has(m.status)).toBe(true);
    if (m.status === 'classified') {
      expect(LEVELS.has(m.level as string)).toBe(true);
      expect(m.reason).toBeNull();
    } else {
      expect(m.level).toBeNull();
      expect(REASONS.has(m.reason as string)).toBe(true);
    }
    if (m.status === 'undetermined') expect(result.issues.some((i) => i.severity === 'error')).toBe(true); // RULES.md 9.3
  }
  for (const c of result.chiBoResults) {
    expect(c.level === null || ['TSVM', 'HTTNV', 'HTNV', 'YK'].includes(c.level)).toBe(true);
    expect(c.score === null || (c.score >= 0 && c.score <= 100)).toBe(true);
  }
  expect(() => JSON.stringify(result)).not.toThrow();
}

describe('checkWorkbook on arbitrary input', () => {
  const edit = fc.record({ sheet: fc.nat(3), row: fc.oneof(fc.constant(0), fc.nat(30)), col: fc.nat(22), value: cellArb });
  /** A real chi bộ with random cells overwritten by random values. */
  const mutatedArb = fc.tuple(shapesArb(), fc.array(edit, { minLength: 1, maxLength: 12 }), optionsArb).map(([shapes, edits, options]) => {
    const built = buildChiBo(specOf(shapes));
    const sheets = built.model.sheets.map((s) => ({ ...s, values: s.values.map((line) => [...line]) }));
    for (const e of edits) {
      const s = sheets[e.sheet % sheets.length];
      const rows = s.values as CellValue[][];
      while (rows.length <= e.row) rows.push([]);
      for (let c = rows[e.row].length; c < e.col; c++) rows[e.row][c] = null;
      rows[e.row][e.col] = e.value;
    }
    return { model: { sheets } as WorkbookModel, options };
  });
  const randomArb = fc.array(sheetArb, { maxLength: 6 }).map((sheets) => ({ model: { sheets } as WorkbookModel, options: {} as EngineOptions }));
  const run = ({ model, options }: { model: WorkbookModel; options: EngineOptions }) => checkWorkbook(model, { options: options as Record<string, string> });

  it('(d) never throws on random sheets of random values', () => {
    fc.assert(
      fc.property(randomArb, (input) => {
        expect(() => run(input)).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });

  it('(d) never throws on a real chi bộ with random cells overwritten by random values', () => {
    fc.assert(
      fc.property(mutatedArb, (input) => {
        expect(() => run(input)).not.toThrow();
      }),
      { numRuns: 40 },
    );
  });

  it('(d) never throws on degenerate models: no sheets, empty sheets, only headers', () => {
    const headerOnly = (name: string, labels: string[]): SheetGrid => ({ name, values: [labels], originRow: 0, originCol: 0 });
    const models: WorkbookModel[] = [
      { sheets: [] },
      { sheets: [{ name: ROLL_FORM.sheet, values: [], originRow: 0, originCol: 0 }] },
      {
        sheets: [
          headerOnly(INFO_FORM.sheet, []),
          headerOnly(ROLL_FORM.sheet, ROLL_FORM.columns.map((c) => c.label)),
          headerOnly(TALLY_FORM.sheet, TALLY_FORM.columns.map((c) => (c.group ? `${c.group} - ${c.label}` : c.label))),
          headerOnly(SCORES_FORM.sheet, SCORES_FORM.columns.map((c) => c.label)),
        ],
      },
    ];
    for (const model of models) {
      let result: CheckResult | undefined;
      expect(() => {
        result = checkWorkbook(model);
      }).not.toThrow();
      expectWellFormed(result as CheckResult);
    }
  });

  it('(d) combining never throws: aggregateWard over the results of random and mutated workbooks', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(randomArb, mutatedArb), { minLength: 1, maxLength: 4 }), optionsArb, (inputs, options) => {
        const results = inputs.map((input, i) => ({ path: `f${i}.xlsx`, result: run({ ...input, options }) }));
        const ward = aggregateWard(results, { options: options as Record<string, string> });
        expect(ward.members.total).toBe(ward.memberResults.reduce((acc, f, i) => acc + (holdsChiBo(results[i].result) ? f.members.length : 0), 0));
        expect(() => JSON.stringify(ward)).not.toThrow();
      }),
      { numRuns: 30 },
    );
  });

  it('(d) the output is well formed (FORMS.md) on random sheets', () => {
    fc.assert(
      fc.property(randomArb, (input) => expectWellFormed(run(input))),
      { numRuns: 60 },
    );
  });

  it('(d) the output is well formed (FORMS.md) on a real chi bộ with random cells overwritten', () => {
    fc.assert(
      fc.property(mutatedArb, (input) => expectWellFormed(run(input))),
      { numRuns: 40 },
    );
  });

  it.each<[string, MemberSpec[], number, number, (readonly CellValue[])[] | undefined]>([
    ['MEM-04 and VOTE-03 when the tally lacks its round-1 HTTNV column', [{ votes: [0, 1, 0] }, { votes: [0, 1, 0] }], 2, 2, undefined],
    ['CB-02 (more sheets than members present) when the scores lack their "Phiếu số" column', [{}], 3, 0, [sheetOf(80), sheetOf(80)]],
  ])('(d) an issue always points at a real cell or is null: %s', (_, members, sheetIndex, col, scores) => {
    const built = buildChiBo({ members, scores });
    const sheets = built.model.sheets.map((s) => ({ ...s, values: s.values.map((line) => [...line]) }));
    (sheets[sheetIndex].values as CellValue[][])[0][col] = 'Ghi chú';
    const result = checkWorkbook({ sheets });
    expect(result.issues.map((i) => i.rule)).toContain('DATA-01');
    expectWellFormed(result);
  });
});
