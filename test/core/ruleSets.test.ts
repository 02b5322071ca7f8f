/**
 * Rule sets by year (issue 14): the workbook's "Bộ quy tắc" chooses the rule set, read before anything
 * else; without it a workbook is hd27-2014 and gets exactly today's results; hd43-2025 is offered beside it.
 */
import { checkWorkbook } from '../../src/core/check';
import type { CellValue, WorkbookModel } from '../../src/core/grid';
import { HD27_2014 } from '../../src/core/ruleSets/hd27-2014';
import { HD43_2025 } from '../../src/core/ruleSets/hd43-2025';
import { DEFAULT_RULE_SET, findRuleSet, RULE_SETS, TEMPLATE_RULE_SET } from '../../src/core/ruleSets';
import { ALL_INPUT_FORMS, CRITERIA_FORM, MEMBER_SCORES_FORM } from '../../src/core/forms/definitions';
import { parseArgs } from '../../src/cli/args';
import { buildChiBo, membersWith, SHEET } from '../helpers/chibo';

const chiBo = (): WorkbookModel => buildChiBo({ members: membersWith(8, (i) => ({ votes: i < 6 ? [6, 1, 0, i === 0 ? 6 : 0] : [2, 5, 0] })) }).model;

/** The model with one more row on `Thông tin chi bộ`: label and value. */
function withField(model: WorkbookModel, label: string, value: CellValue): { model: WorkbookModel; cell: string } {
  const sheets = model.sheets.map((s) => {
    if (s.name !== SHEET.info) return s;
    return { ...s, values: [...s.values, [label, value]] };
  });
  const info = sheets.find((s) => s.name === SHEET.info);
  if (!info) throw new Error('no info sheet');
  return { model: { ...model, sheets }, cell: `B${info.originRow + info.values.length}` };
}

const comparable = (r: ReturnType<typeof checkWorkbook>) => JSON.stringify({ ...r, issues: r.issues.filter((i) => !(i.rule === 'DATA-02' && i.message.includes('Bộ quy tắc'))) });

describe('rule sets: the offered list', () => {
  it('both are offered (the pane, --rules, the template, docs/RULES.md read RULE_SETS); old files read as hd27-2014, new ones written for hd43-2025', () => {
    expect(RULE_SETS.map((r) => r.id)).toEqual(['hd27-2014', 'hd43-2025']);
    expect(findRuleSet('hd43-2025')).toBe(HD43_2025);
    expect(findRuleSet('hd99-2030')).toBeUndefined();
    expect(DEFAULT_RULE_SET).toBe('hd27-2014');
    expect(TEMPLATE_RULE_SET).toBe('hd43-2025');
  });

  it('each rule set declares what it reads and which families it runs', () => {
    expect(HD27_2014.reads).toBe(ALL_INPUT_FORMS);
    expect(HD27_2014.families).toEqual(expect.arrayContaining(['ELIG', 'VOTE', 'MEM', 'CB', 'DATA']));
    expect(HD43_2025.reads).toEqual(expect.arrayContaining([CRITERIA_FORM, MEMBER_SCORES_FORM]));
    expect(HD43_2025.families).toEqual(expect.arrayContaining(['M25', 'CFG25', 'DATA']));
    expect(HD43_2025.families).not.toContain('MEM');
    expect(HD43_2025.frame).toEqual({ common: 30, tasks: 70, total: 100 });
  });
});

describe('rule sets: chosen by the workbook\'s "Bộ quy tắc"', () => {
  it('a workbook without the field is hd27-2014, with exactly the results it had', () => {
    const model = chiBo();
    const plain = checkWorkbook(model);
    expect(plain.ruleSet).toBe('hd27-2014');
    expect(plain.members.length).toBe(8);
    expect(plain.members.filter((m) => m.level === 'HTTNV').length).toBeGreaterThan(0);
    const named = checkWorkbook(withField(model, 'Bộ quy tắc', 'hd27-2014').model);
    expect(named.ruleSet).toBe('hd27-2014');
    expect(named.issues).toEqual(plain.issues);
    expect(JSON.stringify(named)).toBe(JSON.stringify(plain));
  });

  it('the field is read with the same tolerance as every label ("Bộ quy tắc:" with the value after it, any case)', () => {
    const model = chiBo();
    const r = checkWorkbook(withField(model, 'BỘ QUY TẮC: HD27-2014', null).model);
    expect(r.issues.filter((i) => i.rule === 'DATA-02')).toEqual([]);
    expect(r.ruleSet).toBe('hd27-2014');
  });

  it('DATA-02: an unknown name is an error on its cell naming the accepted ones; the rest is checked under hd27-2014', () => {
    const { model, cell } = withField(chiBo(), 'Bộ quy tắc', 'hd99-2030');
    const r = checkWorkbook(model);
    const problems = r.issues.filter((i) => i.rule === 'DATA-02');
    expect(problems.map((i) => `${i.severity} ${i.sheet}!${i.cell}`)).toEqual([`error ${SHEET.info}!${cell}`]);
    expect(problems[0].message).toContain('"hd99-2030" không phải bộ quy tắc');
    // Named in words (a clerk's sentence holds no code): both rule sets, and the one used meanwhile.
    expect(problems[0].message).toContain('Ghi Hướng dẫn 27-HD/BTCTW (2014) hoặc Quy định 366-QĐ/TW (2025)');
    expect(problems[0].message).toContain('sổ được kiểm tra theo Hướng dẫn 27-HD/BTCTW (2014)');
    expect(problems[0].message).not.toMatch(/hd27-2014|hd43-2025/);
    expect(r.ruleSet).toBe('hd27-2014');
    expect(comparable(r)).toBe(comparable(checkWorkbook(chiBo())));
  });

  it('the field chooses hd43-2025; a 2014 workbook read under it has no scoring sheet, which is said once', () => {
    const { model } = withField(chiBo(), 'Bộ quy tắc', 'hd43-2025');
    const r = checkWorkbook(model);
    expect(r.ruleSet).toBe('hd43-2025');
    expect(r.issues.filter((i) => i.rule === 'DATA-02')).toEqual([]);
    expect(r.issues.filter((i) => i.rule === 'DATA-01' && i.sheet === 'Chấm điểm đảng viên' && i.cell === null)).toHaveLength(1);
    expect(r.members.every((m) => m.status !== 'classified')).toBe(true);
  });

  it('the workbook wins over an explicit --rules that disagrees, with a warning naming both', () => {
    const { model, cell } = withField(chiBo(), 'Bộ quy tắc', 'hd43-2025');
    const r = checkWorkbook(model, { ruleSet: 'hd27-2014', ruleSetExplicit: true });
    expect(r.ruleSet).toBe('hd43-2025');
    const warning = r.issues.filter((i) => i.rule === 'DATA-02');
    expect(warning.map((i) => `${i.severity} ${i.cell}`)).toEqual([`warning ${cell}`]);
    expect(warning[0].message).toContain('sổ ghi Quy định 366-QĐ/TW (2025), khác với bộ quy tắc được yêu cầu khi chạy (Hướng dẫn 27-HD/BTCTW (2014))');
    // The default, not asked for, is no disagreement.
    expect(checkWorkbook(model, { ruleSet: 'hd27-2014' }).issues.filter((i) => i.rule === 'DATA-02')).toEqual([]);
  });

  it('"Bộ quy tắc" is read as a clerk writes it: the id, or the rule set\'s name ("Quy định 366", "HD 27", "2025")', () => {
    for (const [typed, id] of [['Quy định 366', 'hd43-2025'], ['QĐ 366-QĐ/TW', 'hd43-2025'], ['Hướng dẫn 43', 'hd43-2025'], ['2025', 'hd43-2025'], ['HD 27', 'hd27-2014'], ['Hướng dẫn 27-HD/BTCTW (2014)', 'hd27-2014'], ['hd27-2014', 'hd27-2014']] as const) {
      const r = checkWorkbook(withField(chiBo(), 'Bộ quy tắc', typed).model);
      expect([typed, r.ruleSet, r.issues.filter((i) => i.rule === 'DATA-02').length]).toEqual([typed, id, 0]);
    }
  });

  it('an explicit --rules is followed by a workbook that does not say', () => {
    const r = checkWorkbook(chiBo(), { ruleSet: 'hd43-2025', ruleSetExplicit: true });
    expect(r.ruleSet).toBe('hd43-2025');
  });
});

describe('rule sets: --rules is explicit only when given', () => {
  it('parseArgs marks an explicit --rules (a disagreeing workbook is then worth a warning)', () => {
    expect(parseArgs(['check', 'a.xlsx'])).toMatchObject({ ruleSet: 'hd27-2014', ruleSetExplicit: false });
    expect(parseArgs(['check', 'a.xlsx', '--rules', 'hd27-2014'])).toMatchObject({ ruleSet: 'hd27-2014', ruleSetExplicit: true });
    expect(parseArgs(['aggregate', 'a.xlsx', '--out', 'w.xlsx', '--rules', 'hd27-2014'])).toMatchObject({ ruleSetExplicit: true });
  });
});
