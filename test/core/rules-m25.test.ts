/**
 * M25-01..04 and M25-10..15 (RULES-2025.md §2–3), rule set hd43-2025 (not yet offered): the pure functions
 * of src/core/rules/m25.ts at and around each threshold, and properties (the level is monotone in the
 * score; a group never exceeds its maximum).
 */
import fc from 'fast-check';
import { HD43_2025 } from '../../src/core/ruleSets/hd43-2025';
import { atLeastPercent, LEVEL25_RANK, levelOf, type ScoreCell, scoreOf, type TaskCells, type TaskFigures, taskFiguresOf } from '../../src/core/rules/m25';
import type { CellIn } from '../../src/core/rules/rules25';

const SHEET = 'Chấm điểm đảng viên';
const at = (cell: string, value: number | null, filled = value !== null): CellIn<number> => ({ value, sheet: SHEET, cell, filled });
const groups = (common: number | null, tasks: number | null): ScoreCell[] => [
  { group: 'common', label: 'Tiêu chí chung', max: 30, cell: at('C5', common) },
  { group: 'tasks', label: 'Kết quả thực hiện nhiệm vụ', max: 70, cell: at('D5', tasks) },
];
const STEP = { scoreStep: 0.5 };
const DEFAULTS = { failBelow: 50, khtnvGrounds: true };
const tasks = (assigned: number, onTime: number, exceeded: number, pointedOut = 0, fixed = 0): TaskFigures => ({ assigned, onTime, exceeded, pointedOut, fixed });
const level = (score: number | null, t: TaskFigures | null = tasks(10, 10, 3), settings = DEFAULTS, grounds = {}) => levelOf(score, t, grounds, settings, HD43_2025);

describe('M25-01 the frame: a group never exceeds 30 / 70', () => {
  it('M25-01: criteria of one group that add up above its maximum are an error on the group\'s last cell', () => {
    const cells: ScoreCell[] = [
      { group: 'common', label: 'Chính trị', max: 20, cell: at('C5', 20) },
      { group: 'common', label: 'Tự phê bình', max: 20, cell: at('D5', 10.5) },
      { group: 'tasks', label: 'Nhiệm vụ', max: 70, cell: at('E5', 60) },
    ];
    const r = scoreOf(cells, null, STEP, HD43_2025);
    expect(r.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(['M25-01 D5']);
    expect(r.findings[0].message).toContain('30,5');
    expect(r.score).toBeNull();
    expect(r.parts).toEqual({ common: null, tasks: 60 });
  });

  it('M25-01: exactly 30 and 70 is 100', () => {
    const r = scoreOf(groups(30, 70), null, STEP, HD43_2025);
    expect(r.findings).toEqual([]);
    expect(r.score).toBe(100);
  });
});

describe('M25-03 scores from 0 to the maximum, in steps', () => {
  it.each([
    [30, 70, null],
    [30.5, 70, 'C5'],
    [0, 0, null],
    [-0.5, 10, 'C5'],
    [12.5, 70.5, 'D5'],
    [12.25, 40, 'C5'],
  ])('M25-03: common %p, tasks %p: error cell %p', (c, t, cell) => {
    const r = scoreOf(groups(c, t), null, STEP, HD43_2025);
    expect(r.findings.map((f) => f.cell)).toEqual(cell ? [cell] : []);
    if (cell) expect(r.findings[0].rule).toBe('M25-03');
    expect(r.score).toBe(cell ? null : c + t);
  });

  it('M25-03: steps are a setting (0.25 accepts 12.25) and are compared exactly (0.1 steps add up without drift)', () => {
    expect(scoreOf(groups(12.25, 40), null, { scoreStep: 0.25 }, HD43_2025).score).toBe(52.25);
    const tenths: ScoreCell[] = [0.1, 0.2, 0.3].map((v, i) => ({ group: 'common', label: `c${i}`, max: 10, cell: at(`C${i + 5}`, v) }));
    const r = scoreOf([...tenths, { group: 'tasks', label: 't', max: 70, cell: at('F5', 69.4) }], at('G5', 70), { scoreStep: 0.1 }, HD43_2025);
    expect(r.findings).toEqual([]);
    expect(r.score).toBe(70);
  });

  it('M25-03: an empty or text score is unknown (never 0), with a message on its cell', () => {
    const r = scoreOf([groups(null, 60)[0], { ...groups(0, 60)[1], cell: at('D5', null, true), shown: 'sáu mươi' }], null, STEP, HD43_2025);
    expect(r.score).toBeNull();
    expect(r.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(['M25-03 C5', 'M25-03 D5']);
    expect(r.findings[0].message).toContain('chưa chấm điểm');
    expect(r.findings[1].message).toContain('"sáu mươi" không phải số điểm');
  });
});

describe('DATA-09 a clerk\'s total that differs from the sum', () => {
  it('DATA-09: the computed sum is used and the clerk\'s total is flagged; a matching total is not', () => {
    const wrong = scoreOf(groups(25, 60), at('E5', 86), STEP, HD43_2025);
    expect(wrong.score).toBe(85);
    expect(wrong.findings.map((f) => `${f.rule} ${f.severity} ${f.cell}`)).toEqual(['DATA-09 warning E5']);
    expect(wrong.findings[0].message).toContain('Dùng tổng tính được 85');
    expect(scoreOf(groups(25, 60), at('E5', 85), STEP, HD43_2025).findings).toEqual([]);
  });
});

describe('M25-04 task figures nest', () => {
  const cells = (a: number | null, o: number | null, e: number | null, p: number | null = null, f: number | null = null): TaskCells => ({
    assigned: at('F5', a),
    onTime: at('G5', o),
    exceeded: at('H5', e),
    pointedOut: at('I5', p),
    fixed: at('J5', f),
  });

  it('M25-04: exceeded ≤ onTime ≤ assigned and fixed ≤ pointedOut hold at equality', () => {
    expect(taskFiguresOf(cells(10, 10, 10, 2, 2))).toEqual({ figures: tasks(10, 10, 10, 2, 2), findings: [] });
  });

  it.each([
    [cells(10, 11, 3), 'G5'],
    [cells(10, 8, 9), 'H5'],
    [cells(10, 10, 3, 1, 2), 'J5'],
  ])('M25-04: one past the nesting is an error on the larger cell (%#)', (c, cell) => {
    const r = taskFiguresOf(c);
    expect(r.figures).toBeNull();
    expect(r.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual([`M25-04 ${cell}`]);
  });

  it('M25-04: counts are whole numbers ≥ 0; an empty task count is unknown, an empty shortcoming count is none', () => {
    expect(taskFiguresOf(cells(10, 9.5, 3)).findings.map((f) => f.cell)).toEqual(['G5']);
    expect(taskFiguresOf(cells(-1, 0, 0)).findings.map((f) => f.cell)).toEqual(['F5']);
    const empty = taskFiguresOf(cells(null, 5, 1));
    expect(empty.figures).toBeNull();
    expect(empty.findings[0].message).toContain('nhập 0 nếu không có');
    expect(taskFiguresOf(cells(4, 4, 2)).figures).toEqual(tasks(4, 4, 2, 0, 0));
  });
});

describe('M25-10..15 the level by band and conditions', () => {
  it('M25-10: 90 points with every condition is HTXSNV; 89.5 is HTTNV', () => {
    expect(level(90).level).toBe('HTXSNV');
    expect(level(90).rules).toEqual(['M25-10']);
    expect(level(89.5).level).toBe('HTTNV');
  });

  it('M25-10: at least 30 % beyond requirements, as an integer inequality (3/10 and 1/3 yes, 2/10 and 2/7 no)', () => {
    expect(atLeastPercent(3, 10, 30)).toBe(true);
    expect(atLeastPercent(2, 10, 30)).toBe(false);
    expect(atLeastPercent(1, 3, 30)).toBe(true);
    expect(atLeastPercent(2, 7, 30)).toBe(false);
    expect(atLeastPercent(3, 7, 30)).toBe(true);
    expect(level(95, tasks(7, 7, 2)).level).toBe('HTTNV');
    expect(level(95, tasks(7, 7, 3)).level).toBe('HTXSNV');
  });

  it('M25-10 / M25-15: the unmet condition is named ("92 điểm ≥ 90 nhưng chỉ 2/10 nhiệm vụ vượt mức …")', () => {
    const r = level(92, tasks(10, 10, 2));
    expect(r.level).toBe('HTTNV');
    expect(r.explanation).toBe('92 điểm ≥ 90 nhưng chỉ 2/10 nhiệm vụ vượt mức, cần ít nhất 30 % (M25-10) → Hoàn thành tốt nhiệm vụ.');
    expect(r.rules).toEqual(['M25-15', 'M25-11']);
    expect(r.unmet.map((u) => u.rule)).toEqual(['M25-10']);
  });

  it('M25-10: every shortcoming fixed (1 of 2 fixed falls to HTTNV)', () => {
    const r = level(95, tasks(10, 10, 5, 2, 1));
    expect(r.level).toBe('HTTNV');
    expect(r.explanation).toContain('mới khắc phục 1/2 hạn chế, khuyết điểm');
    expect(level(95, tasks(10, 10, 5, 2, 2)).level).toBe('HTXSNV');
  });

  it('M25-10 / M25-04: 0 tasks assigned meets every percentage condition', () => {
    expect(level(90, tasks(0, 0, 0)).level).toBe('HTXSNV');
  });

  it('M25-11: 70 points with every task on time is HTTNV; 69.5 is HTNV; 9/10 on time falls to HTNV naming it', () => {
    expect(level(70, tasks(10, 10, 0)).level).toBe('HTTNV');
    expect(level(69.5, tasks(10, 10, 0)).level).toBe('HTNV');
    const late = level(80, tasks(10, 9, 0));
    expect(late.level).toBe('HTNV');
    expect(late.explanation).toBe('80 điểm ≥ 70 nhưng chỉ 9/10 nhiệm vụ hoàn thành đúng hạn, cần tất cả (M25-11) → Hoàn thành nhiệm vụ.');
  });

  it('M25-15: falling twice names both (95 points, 9/10 on time → HTNV)', () => {
    const r = level(95, tasks(10, 9, 5));
    expect(r.level).toBe('HTNV');
    expect(r.unmet.map((u) => u.rule)).toEqual(['M25-10', 'M25-11']);
    expect(r.explanation).toContain('95 điểm ≥ 90 nhưng chỉ 9/10 nhiệm vụ hoàn thành đúng hạn, cần tất cả (M25-10)');
    expect(r.explanation).toContain('≥ 70 nhưng chỉ 9/10 nhiệm vụ hoàn thành đúng hạn, cần tất cả (M25-11) → Hoàn thành nhiệm vụ.');
  });

  it('M25-12 / M25-13: 50 is HTNV, 49.5 is KHTNV', () => {
    expect(level(50).level).toBe('HTNV');
    expect(level(50).rules).toEqual(['M25-12']);
    expect(level(49.5).level).toBe('KHTNV');
    expect(level(49.5).explanation).toBe('49,5 điểm < 50 (M25-13) → Không hoàn thành nhiệm vụ.');
  });

  it('M25-13: the đảng ủy\'s threshold can raise the band (55: 52 is KHTNV) but not lower the fixed 50 (40: 45 is KHTNV)', () => {
    expect(level(52, undefined, { failBelow: 55, khtnvGrounds: true }).level).toBe('KHTNV');
    expect(level(55, undefined, { failBelow: 55, khtnvGrounds: true }).level).toBe('HTNV');
    expect(level(45, undefined, { failBelow: 40, khtnvGrounds: true }).level).toBe('KHTNV');
  });

  it('M25-14: a ground makes KHTNV whatever the score, naming it; the setting off ignores grounds', () => {
    const r = level(98, tasks(10, 10, 10), DEFAULTS, { disciplined: true });
    expect(r.level).toBe('KHTNV');
    expect(r.explanation).toContain('bị kỷ luật trong năm đánh giá (M25-14)');
    expect(level(98, tasks(10, 10, 10), { failBelow: 50, khtnvGrounds: false }, { disciplined: true }).level).toBe('HTXSNV');
  });

  it('M25-15: unknown figures leave a score that reaches a conditional band undetermined, but not one below it', () => {
    expect(level(75, null).level).toBeNull();
    expect(level(75, null).rules).toEqual(['M25-04']);
    expect(level(60, null).level).toBe('HTNV');
    expect(level(null).level).toBeNull();
  });
});

describe('M25 properties', () => {
  const halves = fc.integer({ min: 0, max: 200 }).map((h) => h / 2);
  const figures = fc
    .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }))
    .map(([a, o, e, p, f]) => {
      const onTime = Math.min(o, a);
      return tasks(a, onTime, Math.min(e, onTime), p, Math.min(f, p));
    });
  const grounds = fc.record({ disciplined: fc.boolean(), degraded: fc.boolean(), civilServiceKhtnv: fc.boolean(), violation: fc.boolean() });
  const settings = fc.record({ failBelow: fc.integer({ min: 0, max: 100 }), khtnvGrounds: fc.boolean() });

  it('the level is monotone in the score (everything else equal, more points never lower it)', () => {
    fc.assert(
      fc.property(halves, halves, figures, grounds, settings, (a, b, t, g, s) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const l = levelOf(low, t, g, s, HD43_2025).level;
        const h = levelOf(high, t, g, s, HD43_2025).level;
        return l !== null && h !== null && LEVEL25_RANK[l] <= LEVEL25_RANK[h];
      }),
      { numRuns: 500 },
    );
  });

  it('a level always holds its own band: HTXSNV ≥ 90, HTTNV ≥ 70, HTNV ≥ 50', () => {
    fc.assert(
      fc.property(halves, figures, settings, (score, t, s) => {
        const l = levelOf(score, t, {}, s, HD43_2025).level;
        return l === 'KHTNV' || (l === 'HTXSNV' && score >= 90) || (l === 'HTTNV' && score >= 70) || (l === 'HTNV' && score >= 50 && score >= s.failBelow);
      }),
      { numRuns: 500 },
    );
  });

  it('a score the rules accept never has a group above its maximum', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ group: fc.constantFrom('common' as const, 'tasks' as const), h: fc.integer({ min: 0, max: 60 }) }), { maxLength: 8 }), (rows) => {
        const cells: ScoreCell[] = rows.map((r, i) => ({ group: r.group, label: `c${i}`, max: 30, cell: at(`C${i + 1}`, r.h / 2) }));
        const out = scoreOf(cells, null, STEP, HD43_2025);
        return out.parts.common === null || out.parts.common <= 30 ? out.parts.tasks === null || out.parts.tasks <= 70 : false;
      }),
      { numRuns: 300 },
    );
  });
});
