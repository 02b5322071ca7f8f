/**
 * Rule set hd43-2025 end to end (RULES-2025.md): a workbook whose "Bộ quy tắc" says hd43-2025, checked by
 * `checkWorkbook` exactly as every path calls it. One test (or more) named for each rule ID, at and around
 * each threshold, and properties: the cap never exceeded, the level monotone in the score, the result
 * independent of the roll's order.
 */
import { checkWorkbook } from '../../src/core/check';
import { LEVEL25_RANK } from '../../src/core/rules/m25';
import { buildChiBo25, members25, run25, type Member25, SHEET25 } from '../helpers/chibo25';

const levels = (r: ReturnType<typeof run25>) => r.result.members.map((m) => m.level);

describe('hd43-2025 chosen and reported', () => {
  it('the workbook\'s "Bộ quy tắc" chooses hd43-2025; results carry score, scoreParts, proposed; settings at the top', () => {
    const r = run25({ members: members25(3) });
    expect(r.result.ruleSet).toBe('hd43-2025');
    expect(r.member(0)).toMatchObject({ status: 'classified', level: 'HTTNV', score: 85, scoreParts: { common: 25, tasks: 60 }, proposed: true });
    expect(r.result.settings?.map((s) => [s.key, s.source])).toEqual(expect.arrayContaining([['capPercent', 'sheet'], ['scoreStep', 'sheet']]));
    expect(r.result.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('a clean chi bộ has no issue at all', () => {
    expect(run25({ members: members25(6) }).result.issues).toEqual([]);
  });
});

describe('ELIG25-01 and ELIG carried over', () => {
  it('ELIG25-01: a member suspended from party activity is not classified (reason suspended); others are', () => {
    const r = run25({ members: members25(3, (i) => (i === 1 ? { roll: { suspended: 'x' } } : {})) });
    expect(r.member(1)).toMatchObject({ status: 'not-classified', reason: 'suspended', level: null });
    expect(r.member(1).explanation).toContain('đình chỉ sinh hoạt đảng');
    expect(r.member(0).status).toBe('classified');
  });

  it('ELIG-02 / ELIG-03 as under hd27-2014: under six months not classified, absent deferred', () => {
    const r = run25({ members: members25(3, (i) => (i === 0 ? { admissionDate: '15/07/2025' } : i === 1 ? { present: false } : {})) });
    expect(r.member(0)).toMatchObject({ status: 'not-classified', reason: 'admitted-under-6-months' });
    expect(r.member(1)).toMatchObject({ status: 'deferred', reason: 'absent' });
  });

  it('ELIG25-01: an unreadable "Đình chỉ sinh hoạt" cell leaves the member waiting for it, naming the cell', () => {
    const built = buildChiBo25({ members: members25(2, (i) => (i === 0 ? { roll: { suspended: 'hmm' } } : {})) });
    const r = checkWorkbook(built.model);
    expect(r.members[0]).toMatchObject({ status: 'undetermined', reason: 'input-error' });
    expect(r.members[0].explanation).toContain(built.cell.roll(0, 'suspended'));
    expect(r.members[1].status).toBe('classified');
  });
});

describe('M25 scores and levels, through the workbook', () => {
  it('M25-01: a group above its maximum is an error on its cell and the member waits', () => {
    const built = buildChiBo25({ members: members25(2, (i) => (i === 0 ? { common: 31 } : {})) });
    const r = checkWorkbook(built.model);
    const e = r.issues.filter((i) => i.rule === 'M25-03' || i.rule === 'M25-01');
    expect(e.map((i) => i.cell)).toEqual([built.cell.scores(0, 'common')]);
    expect(r.members[0]).toMatchObject({ status: 'undetermined', reason: 'no-score', level: null });
  });

  it('M25-02: the members\' criteria table must add up (CFG25-02 otherwise); one criterion per group by default', () => {
    const ok = run25({ members: members25(2), memberCriteria: [['Nhóm tiêu chí chung', 'Chính trị tư tưởng', 10], ['Nhóm tiêu chí chung', 'Đạo đức, lối sống', 20], ['Kết quả thực hiện nhiệm vụ', 'Nhiệm vụ được giao', 70]] });
    expect(ok.issues('CFG25-02')).toEqual([]);
    const bad = run25({ members: members25(2), memberCriteria: [['Nhóm tiêu chí chung', 'Chính trị tư tưởng', 10], ['Nhóm tiêu chí chung', 'Đạo đức, lối sống', 15], ['Kết quả thực hiện nhiệm vụ', 'Nhiệm vụ được giao', 70]] });
    expect(bad.issues('CFG25-02')).toHaveLength(1);
    expect(bad.issues('CFG25-02')[0].message).toContain('phải đúng 30');
  });

  it('M25-02: a column per criterion is scored against the criterion\'s own maximum; the group column typed beside must match (DATA-09)', () => {
    const memberCriteria = [['Nhóm tiêu chí chung', 'Chính trị tư tưởng', 10], ['Nhóm tiêu chí chung', 'Đạo đức, lối sống', 20], ['Kết quả thực hiện nhiệm vụ', 'Nhiệm vụ được giao', 70]];
    const criterionHeaders = ['Chính trị tư tưởng (tối đa 10)', 'Đạo đức, lối sống (tối đa 20)'];
    const built = buildChiBo25({
      memberCriteria,
      criterionHeaders,
      members: [{ common: null, criteria: [9, 19] }, { common: 25, criteria: [9, 19] }, { common: null, criteria: [11, 19] }],
    });
    const r = checkWorkbook(built.model);
    expect(r.members[0]).toMatchObject({ score: 88, scoreParts: { common: 28, tasks: 60 } });
    expect(r.issues.filter((i) => i.rule === 'DATA-09').map((i) => i.cell)).toEqual([built.cell.scores(1, 'common')]);
    expect(r.members[1].score).toBe(88);
    const over = r.issues.filter((i) => i.rule === 'M25-03');
    expect(over.map((i) => i.cell)).toEqual([built.cell.scores(2, criterionHeaders[0])]);
    expect(over[0].message).toContain('vượt điểm tối đa 10 của tiêu chí');
    expect(r.members[2].status).toBe('undetermined');
  });

  it('M25-03: 0.5 steps by default; 85.25 is off step on its cell', () => {
    const built = buildChiBo25({ members: members25(2, (i) => (i === 0 ? { common: 25.25 } : {})) });
    const r = checkWorkbook(built.model);
    expect(r.issues.filter((i) => i.rule === 'M25-03').map((i) => i.cell)).toEqual([built.cell.scores(0, 'common')]);
  });

  it('M25-04: task figures that do not nest are an error on the cell; the member waits', () => {
    const built = buildChiBo25({ members: members25(2, (i) => (i === 0 ? { figures: [10, 11, 3, 0, 0] } : {})) });
    const r = checkWorkbook(built.model);
    expect(r.issues.filter((i) => i.rule === 'M25-04').map((i) => i.cell)).toEqual([built.cell.scores(0, 'onTime')]);
    expect(r.members[0].status).toBe('undetermined');
  });

  it('M25-10 / M25-15: 92 points with 2/10 beyond requirements is HTTNV, in the issue\'s words', () => {
    const r = run25({ members: members25(1, () => ({ common: 28, tasks: 64, figures: [10, 10, 2, 0, 0] })) });
    expect(r.member(0).level).toBe('HTTNV');
    expect(r.member(0).explanation).toBe('92 điểm ≥ 90 nhưng chỉ 2/10 nhiệm vụ vượt mức, cần ít nhất 30 % (M25-10) → Hoàn thành tốt nhiệm vụ.');
    expect(r.member(0).unmet?.[0].rule).toBe('M25-10');
  });

  it('M25-10: 90 with every condition is HTXSNV; 89.5 is HTTNV', () => {
    const r = run25({ members: [{ common: 28, tasks: 62, figures: [10, 10, 3, 1, 1] }, { common: 27.5, tasks: 62, figures: [10, 10, 3, 0, 0] }, ...members25(8)] });
    expect(levels(r).slice(0, 2)).toEqual(['HTXSNV', 'HTTNV']);
  });

  it('M25-11 / M25-12 / M25-13: 70 on time HTTNV; 70 with 9/10 on time HTNV; 50 HTNV; 49.5 KHTNV', () => {
    const r = run25({ members: [{ common: 20, tasks: 50 }, { common: 20, tasks: 50, figures: [10, 9, 0, 0, 0] }, { common: 15, tasks: 35 }, { common: 15, tasks: 34.5 }] });
    expect(levels(r)).toEqual(['HTTNV', 'HTNV', 'HTNV', 'KHTNV']);
  });

  it('M25-14: a ground makes KHTNV whatever the score, naming it (disciplined, degraded, civil-service KHTNV)', () => {
    const r = run25({ members: [{ common: 29, tasks: 69, roll: { disciplined: 'x' } }, { roll: { degraded: 'x' } }, { roll: { civilServant: 'x', civilRating: 'Không hoàn thành nhiệm vụ' } }, {}] });
    expect(levels(r)).toEqual(['KHTNV', 'KHTNV', 'KHTNV', 'HTTNV']);
    expect(r.member(0).explanation).toContain('bị kỷ luật trong năm đánh giá');
    expect(r.member(1).explanation).toContain('suy thoái');
  });

  it('M25-14: "Áp dụng căn cứ KHTNV: Không" ignores the grounds', () => {
    const r = run25({ members: [{ roll: { disciplined: 'x' } }], settings: { khtnvGrounds: 'Không' } });
    expect(r.member(0).level).toBe('HTTNV');
  });

  it('M25-16: 3 months of sick leave caps at HTNV (2.5 does not); maternity leave does not cap', () => {
    const strong: Member25 = { common: 25, tasks: 60 };
    const r = run25({ members: [{ ...strong, roll: { sickMonths: 3 } }, { ...strong, roll: { sickMonths: 2.5 } }, { ...strong, roll: { maternity: 'x' } }] });
    expect(levels(r)).toEqual(['HTNV', 'HTTNV', 'HTTNV']);
    expect(r.member(0).explanation).toContain('(M25-16)');
    expect(r.member(2).explanation).toContain('thai sản');
  });

  it('M25-16: the setting off leaves sick leave uncapped', () => {
    expect(run25({ members: [{ roll: { sickMonths: 6 } }], settings: { sickLeaveCap: 'Không' } }).member(0).level).toBe('HTTNV');
  });

  it('M25-17: a civil servant reaches HTXSNV only with a civil-service HTXSNV; without a rating waits; above the rating warns', () => {
    const top: Member25 = { common: 29, tasks: 66, figures: [10, 10, 4, 0, 0] };
    const r = run25({
      members: [
        { ...top, roll: { civilServant: 'x', civilRating: 'Hoàn thành xuất sắc nhiệm vụ' } },
        { ...top, roll: { civilServant: 'x', civilRating: 'Hoàn thành tốt nhiệm vụ' } },
        { ...top, roll: { civilServant: 'x' } },
        { roll: { civilServant: 'x', civilRating: 'Hoàn thành nhiệm vụ' } },
        ...members25(16),
      ],
    });
    expect(r.member(0).level).toBe('HTXSNV');
    expect(r.member(1).level).toBe('HTTNV');
    expect(r.member(1).explanation).toContain('(M25-17)');
    expect(r.member(2)).toMatchObject({ status: 'undetermined', reason: 'missing-rating' });
    expect(r.member(3).level).toBe('HTTNV');
    expect(r.issues('M25-17')).toHaveLength(1);
    expect(r.issues('M25-17')[0].message).toContain('cao hơn xếp loại CBCCVC');
  });

  it('M25-30: a kept tally whose majority differs from the score\'s level is a warning on the tally row', () => {
    const built = buildChiBo25({ members: members25(3) });
    const tally = { name: 'Kiểm phiếu đảng viên', originRow: 0, originCol: 0, values: [['STT', 'Họ và tên', 'Lần 1 - Hoàn thành tốt nhiệm vụ', 'Lần 1 - Hoàn thành nhiệm vụ', 'Lần 1 - Không hoàn thành nhiệm vụ', 'Lần 2 - Hoàn thành xuất sắc nhiệm vụ'], [1, 'Nguyễn Văn An', 0, 3, 0, null], [2, 'Trần Thị Bình', 3, 0, 0, null]] };
    const names = built.model.sheets.find((s) => s.name === SHEET25.roll)?.values.slice(1).map((row) => row[1]);
    tally.values[1][1] = names?.[0] as string;
    tally.values[2][1] = names?.[1] as string;
    const r = checkWorkbook({ sheets: [...built.model.sheets, tally] });
    const w = r.issues.filter((i) => i.rule === 'M25-30');
    expect(w.map((i) => i.cell)).toEqual(['B2']);
    expect(w[0].severity).toBe('warning');
    expect(r.members[0].level).toBe('HTTNV');
  });
});

describe('VOTE on a tally kept beside the scores (RULES-2025.md §6)', () => {
  it('VOTE-03 / VOTE-06: a kept tally is checked as under hd27-2014, though the score decides the level', () => {
    const built = buildChiBo25({ members: members25(3, (i) => (i === 2 ? { present: false } : {})), info: { r1Valid: 3 } });
    const names = built.model.sheets.find((s) => s.name === SHEET25.roll)?.values.slice(1).map((row) => row[1]) ?? [];
    const tally = { name: 'Kiểm phiếu đảng viên', originRow: 0, originCol: 0, values: [['STT', 'Họ và tên', 'Lần 1 - Hoàn thành tốt nhiệm vụ', 'Lần 1 - Hoàn thành nhiệm vụ', 'Lần 1 - Không hoàn thành nhiệm vụ', 'Lần 2 - Hoàn thành xuất sắc nhiệm vụ'], [1, names[0], 3, 1, 0, null], [2, names[1], 3, 0, 0, null], [3, names[2], 2, 0, 0, null]] };
    const r = checkWorkbook({ sheets: [...built.model.sheets, tally] });
    expect(r.issues.filter((i) => i.rule === 'VOTE-03').map((i) => `${i.severity} ${i.cell}`)).toEqual(['error C2']);
    expect(r.issues.filter((i) => i.rule === 'VOTE-06').map((i) => i.cell)).toEqual(['C4']);
    expect(r.members[0].level).toBe('HTTNV');
  });
});

describe('M25-20 the cap in one chi bộ\'s workbook', () => {
  const excellent = (score: number): Member25 => ({ common: 30, tasks: score - 30, figures: [10, 10, 3, 0, 0] });

  it('M25-20: 20 % of the HTTNV-or-better base, by score; those beyond are HTTNV with a warning, provisional under the ward\'s scope', () => {
    // base 10 → cap 2; three candidates 98, 95, 92.
    const r = run25({ members: [excellent(98), excellent(95), excellent(92), ...members25(7)] });
    expect(levels(r).slice(0, 3)).toEqual(['HTXSNV', 'HTXSNV', 'HTTNV']);
    expect(r.member(2).levelBeforeCap).toBe('HTXSNV');
    expect(r.issues('M25-20')).toHaveLength(1);
    expect(r.issues('M25-20')[0].message).toContain('Tạm tính theo riêng chi bộ');
    expect(r.result.figures).toEqual({ n: 10, pool: 10, cap: 2 });
  });

  it('M25-20: exactly at the cap nothing falls; a tie straddling it is tie-at-cap', () => {
    const at = run25({ members: [excellent(98), excellent(95), ...members25(8)] });
    expect(at.issues('M25-20')).toEqual([]);
    const tie = run25({ members: [excellent(98), excellent(95), excellent(95), ...members25(7)] });
    expect(tie.member(0).level).toBe('HTXSNV');
    expect([tie.member(1).reason, tie.member(2).reason]).toEqual(['tie-at-cap', 'tie-at-cap']);
  });

  it('M25-20: "Phạm vi giới hạn: Chi bộ" makes the cap final (no provisional words); the percentage is a setting', () => {
    const r = run25({ members: [excellent(98), excellent(95), excellent(92), ...members25(7)], settings: { capScope: 'Chi bộ', capPercent: 30 } });
    expect(levels(r).slice(0, 3)).toEqual(['HTXSNV', 'HTXSNV', 'HTXSNV']);
    const f = run25({ members: [excellent(98), excellent(95), excellent(92), ...members25(7)], settings: { capScope: 'Chi bộ' } });
    expect(f.issues('M25-20')[0].message).not.toContain('Tạm tính');
  });

  it('M25-20 property: the cap is never exceeded and the result does not depend on the roll\'s order', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let k = 0; k < 25; k++) {
      const ms: Member25[] = members25(6 + Math.floor(rnd() * 10), () => (rnd() < 0.5 ? excellent(90 + Math.floor(rnd() * 20) / 2) : {}));
      const r = run25({ members: ms });
      const cls = r.result.members.filter((m) => m.status === 'classified');
      const base = r.result.members.filter((m) => m.levelBeforeCap === 'HTTNV' || m.levelBeforeCap === 'HTXSNV').length;
      expect(100 * cls.filter((m) => m.level === 'HTXSNV').length).toBeLessThanOrEqual(20 * base);
      const names = ms.map((_, i) => `Đảng viên ${String.fromCharCode(65 + i)}`);
      const named = ms.map((m, i) => ({ ...m, name: names[i] }));
      const a = run25({ members: named });
      const b = run25({ members: [...named].reverse() });
      const byName = (x: typeof a) => Object.fromEntries(x.result.members.map((m) => [m.name, `${m.status}/${m.level}/${m.reason}`]));
      expect(byName(b)).toEqual(byName(a));
    }
  });

  it('M25 property: the level is monotone in the score, through the whole engine', () => {
    let last = -1;
    for (let s = 0; s <= 100; s += 2.5) {
      const common = Math.min(30, s);
      const r = run25({ members: [{ common, tasks: s - common, figures: [10, 10, 3, 0, 0] }, ...members25(9)] });
      const rank = LEVEL25_RANK[r.member(0).level ?? 'KHTNV'];
      expect(rank).toBeGreaterThanOrEqual(last);
      last = rank;
    }
  });
});

describe('CB25 the chi bộ', () => {
  it('CB25-01: the score is the mean of the valid sheets (a blank row is no sheet, an invalid one is left out with its error)', () => {
    const r = run25({ members: members25(4), chiBoSheets: [[26, 62], [28, 65], [], [31, 60]] });
    const c = r.result.chiBoResults[0];
    expect(c.score).toBe(90.5);
    expect(c.sheets).toEqual({ total: 3, valid: 2 });
    expect(r.issues('CB25-01').map((i) => i.cell)).toEqual(['B5']);
  });

  it('CB25-01: "Chi ủy nhập" takes the chi ủy\'s score from Thông tin chi bộ', () => {
    const r = run25({ members: members25(4), settings: { chiBoScoreMethod: 'Chi ủy nhập' }, info: { committeeCommon: 27, committeeTasks: 66 } });
    expect(r.result.chiBoResults[0]).toMatchObject({ score: 93 });
  });

  it('CB25-02: 90+, all on time, 30 % beyond, nobody disciplined, members\' conditions → HTXSNV; 2/10 beyond → HTTNV naming it', () => {
    const good = run25({ members: members25(5), chiBoSheets: [[28, 64]] });
    expect(good.result.chiBoResults[0].level).toBe('HTXSNV');
    const short = run25({ members: members25(5), chiBoSheets: [[28, 64]], info: { cbExceeded: 2 } });
    expect(short.result.chiBoResults[0].level).toBe('HTTNV');
    expect(short.result.chiBoResults[0].explanation).toContain('2/10 nhiệm vụ vượt yêu cầu');
  });

  it('CB25-02: a disciplined committee member, or under 80 % members HTTNV+, keeps HTXSNV away; the condition left empty leaves it open', () => {
    expect(run25({ members: members25(5), chiBoSheets: [[28, 64]], info: { subordinateDisciplined: 'Có' } }).result.chiBoResults[0].level).toBe('HTTNV');
    const weak = run25({ members: [...members25(3), { common: 15, tasks: 40 }], chiBoSheets: [[28, 64]] });
    expect(weak.result.chiBoResults[0].level).toBe('HTTNV');
    const open = run25({ members: members25(5), chiBoSheets: [[28, 64]], info: { subordinateDisciplined: null } });
    expect(open.result.chiBoResults[0].level).toBeNull();
  });

  it('CB25-03: 70 and all on time HTTNV; one task late falls to HTNV', () => {
    expect(run25({ members: members25(3), chiBoSheets: [[20, 50]] }).result.chiBoResults[0].level).toBe('HTTNV');
    expect(run25({ members: members25(3), chiBoSheets: [[20, 50]], info: { cbOnTime: 9, cbExceeded: 3 } }).result.chiBoResults[0].level).toBe('HTNV');
  });

  it('CB25-04: HTNV needs every task completed with at most 20 % late (2/10 yes, 3/10 no)', () => {
    const at = run25({ members: members25(3), chiBoSheets: [[20, 50]], info: { cbOnTime: 8, cbExceeded: 0 } });
    expect(at.result.chiBoResults[0].level).toBe('HTNV');
    const over = run25({ members: members25(3), chiBoSheets: [[20, 50]], info: { cbOnTime: 7, cbExceeded: 0 } });
    expect(over.result.chiBoResults[0].level).toBe('KHTNV');
    const undone = run25({ members: members25(3), chiBoSheets: [[20, 50]], info: { cbCompleted: 9, cbOnTime: 9, cbExceeded: 0 } });
    expect(undone.result.chiBoResults[0].level).toBe('KHTNV');
  });

  it('CB25-05: below 50, or more than half of the members KHTNV, is KHTNV', () => {
    expect(run25({ members: members25(3), chiBoSheets: [[15, 34.5]] }).result.chiBoResults[0].level).toBe('KHTNV');
    const half = run25({ members: [{ common: 10, tasks: 20 }, { common: 10, tasks: 20 }, {}], chiBoSheets: [[28, 64]] });
    expect(half.result.chiBoResults[0].level).toBe('KHTNV');
    expect(half.result.chiBoResults[0].explanation).toContain('quá một nửa');
  });

  it('CB25: the chi bộ\'s task figures must nest (M25-04 on its cell) and its result is proposed', () => {
    const built = buildChiBo25({ members: members25(3), info: { cbExceeded: 11 } });
    const r = checkWorkbook(built.model);
    expect(r.issues.filter((i) => i.rule === 'M25-04').map((i) => i.cell)).toEqual([built.cell.info('cbExceeded')]);
    expect(r.chiBoResults[0]).toMatchObject({ proposed: true, level: null });
  });
});

describe('CFG25 settings', () => {
  it('CFG25-01: a setting left empty that decided results is one warning per setting, on its cell, naming whose results', () => {
    const built = buildChiBo25({ members: members25(3), unconfirmed: true });
    const r = checkWorkbook(built.model);
    const w = r.issues.filter((i) => i.rule === 'CFG25-01');
    expect(new Set(w.map((i) => i.cell)).size).toBe(w.length);
    expect(w.map((i) => i.cell)).toContain(built.cell.setting('scoreStep'));
    expect(w.every((i) => i.severity === 'warning')).toBe(true);
    expect(w.find((i) => i.cell === built.cell.setting('scoreStep'))?.message).toContain('Kết quả của 3 đảng viên');
    expect(r.settings?.find((s) => s.key === 'scoreStep')).toMatchObject({ source: 'default', value: 0.5 });
  });

  it('CFG25-01: a default that decided nothing is not reported (no sick leave, no civil servant at HTXSNV)', () => {
    const r = run25({ members: members25(3), settings: { sickLeaveCap: null, civilServantExcellent: null } });
    expect(r.issues('CFG25-01')).toEqual([]);
  });

  it('CFG25-01: no Bộ tiêu chí sheet at all: every result that used a default says so', () => {
    const r = run25({ members: members25(2), noCriteriaSheet: true });
    expect(r.issues('CFG25-01').length).toBeGreaterThan(0);
    expect(r.member(0).level).toBe('HTTNV');
  });

  it('CFG25-02 / DATA-02: text where a number belongs in Bộ tiêu chí is an error on its cell; the default stands', () => {
    const built = buildChiBo25({ members: members25(2), settings: { capPercent: 'hai mươi' } });
    const r = checkWorkbook(built.model);
    expect(r.issues.filter((i) => i.rule === 'DATA-02').map((i) => i.cell)).toEqual([built.cell.setting('capPercent')]);
  });
});

describe('hd43-2025 bad input: one clear message, nothing lost', () => {
  it('DATA-08: a scoring row whose name is not on the roll is named; the roll member without a row waits', () => {
    const built = buildChiBo25({ members: members25(2) });
    const scores = built.model.sheets.find((s) => s.name === SHEET25.memberScores);
    if (!scores) throw new Error('no sheet');
    const values = scores.values.map((row, i) => (i === 2 ? row.map((v, c) => (c === 1 ? 'Người Lạ' : v)) : row));
    const r = checkWorkbook({ sheets: built.model.sheets.map((s) => (s === scores ? { ...s, values } : s)) });
    expect(r.issues.filter((i) => i.rule === 'DATA-08').map((i) => i.cell)).toEqual(['B3']);
    expect(r.members[1]).toMatchObject({ status: 'undetermined', reason: 'no-score-row' });
  });

  it('the input is never changed by a check', () => {
    const built = buildChiBo25({ members: members25(4, (i) => (i === 0 ? { common: 'abc' } : {})) });
    const before = JSON.stringify(built.model);
    checkWorkbook(built.model);
    expect(JSON.stringify(built.model)).toBe(before);
  });
});
