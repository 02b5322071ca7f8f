/**
 * The hd43-2025 template (issue 14): its sheets from the rule set's own forms, "Bộ quy tắc" filled in,
 * `Bộ tiêu chí` written so that the project's reader reads every part back (the default tables, each
 * setting on its value cell, empty: the default), a ward's criteria copied as typed, no formulas on the
 * scoring sheets (DATA-09 checks the typed totals), and a blank workbook that checks clean but for the
 * "fill this" issues a blank 2014 template also gets.
 */
import type ExcelJS from 'exceljs';
import { checkWorkbook } from '../../src/core/check';
import { ALL_INPUT_FORMS, CRITERIA_SETTINGS, HD43_INFO_FORM, HD43_INPUT_FORMS, RULE_SET_FIELD } from '../../src/core/forms/definitions';
import { readCriteria } from '../../src/core/forms/reader';
import type { WorkbookModel } from '../../src/core/grid';
import type { Issue } from '../../src/core/issues';
import { type CriteriaValues, criteriaReadable, criteriaValuesOf, DEFAULT_CRITERIA, ruleSetTemplate, templateSheets } from '../../src/core/output/template';
import { findRuleSet, RULE_SETS, TEMPLATE_RULE_SET } from '../../src/core/ruleSets';
import { criteriaSettings, shownDefault } from '../../src/core/rules/cfg25';
import { newIssueSink } from '../../src/core/rules/issue';
import type { AnyRuleSet } from '../../src/core/ruleSets/types';
import { readXlsxFile } from '../../src/xlsx/loadModel';
import { buildRuleSetTemplate, buildTemplate } from '../../src/xlsx/template';

const HD43 = findRuleSet('hd43-2025') as AnyRuleSet;
const HD27 = findRuleSet('hd27-2014') as AnyRuleSet;

/** The workbook as `xeploai check` reads it: written to bytes, read by the project's reader. */
async function modelOf(wb: ExcelJS.Workbook): Promise<WorkbookModel> {
  return readXlsxFile(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), 'mau.xlsx');
}

const col = (cell: string): string => (/^[A-Z]+/.exec(cell) as RegExpExecArray)[0];

describe('the hd43-2025 template', () => {
  it('is the rule set in force: new workbooks are hd43-2025', () => {
    expect(TEMPLATE_RULE_SET).toBe('hd43-2025');
  });

  it('writes the sheets of HD43_INPUT_FORMS, in order, with "Bộ quy tắc" filled in and a dropdown of the rule sets', () => {
    const t = ruleSetTemplate(HD43, { withProcedure: true });
    expect(t.layouts.map((l) => l.name)).toEqual(HD43_INPUT_FORMS.map((f) => f.sheet));
    expect(t.layouts.map((l) => l.name)).not.toContain('Kiểm phiếu đảng viên');
    const info = t.layouts[0];
    const row = (t.info.rows.get(RULE_SET_FIELD.key) as number) - 1;
    const cell = info.cells.find((c) => c.row === row && c.col === 1);
    expect(cell?.value).toBe('hd43-2025');
    // Looks printed (grey, bold), stays editable: a non-strict dropdown of every rule set.
    expect(cell?.style?.fill).toBeDefined();
    const validation = info.validations?.find((v) => v.range.top === row && v.range.left === 1);
    expect(validation?.rule).toEqual({ kind: 'list', items: RULE_SETS.map((r) => r.id) });
    expect(validation?.strict).toBe(false);
    // The 2014 ballot counts go with a tally sheet, which hd43-2025 does not write (RULES-2025.md §6).
    for (const key of ['r1Issued', 'r1Returned', 'r1Valid', 'r2Issued', 'r2Returned', 'r2Valid']) expect(t.info.rows.has(key)).toBe(false);
    for (const field of HD43_INFO_FORM.fields.filter((f) => !/^r[12]/.test(f.key))) expect(t.info.rows.has(field.key)).toBe(true);
    // Without the procedure, no plan or dossier sheets.
    expect(ruleSetTemplate(HD43).layouts.map((l) => l.name)).toEqual(HD43_INPUT_FORMS.slice(0, 6).map((f) => f.sheet));
  });

  it('leaves hd27-2014\'s template as it was: its sheets, no "Bộ quy tắc"', () => {
    const { layouts, positions } = templateSheets({ withProcedure: true });
    expect(layouts.map((l) => l.name)).toEqual(ALL_INPUT_FORMS.map((f) => f.sheet));
    expect(positions.info.rows.has(RULE_SET_FIELD.key)).toBe(false);
    expect(ruleSetTemplate(HD27, { withProcedure: true }).layouts).toEqual(layouts);
  });

  it('has dropdowns on the yes/no columns, Chính thức/Dự bị, the rating, the criteria groups and every choice setting', () => {
    const t = ruleSetTemplate(HD43, { withProcedure: true });
    const lists = (sheet: string): string[] => (t.layouts.find((l) => l.name === sheet)?.validations ?? []).filter((v) => v.rule.kind === 'list').map((v) => (v.rule.kind === 'list' ? v.rule.items.join(',') : ''));
    const roll = lists('Danh sách đảng viên');
    expect(roll).toContain('Chính thức,Dự bị');
    // Đình chỉ sinh hoạt, Nghỉ thai sản, Bị kết luận suy thoái are yes/no columns too.
    expect(roll.filter((l) => l === 'Có,Không').length).toBeGreaterThanOrEqual(14);
    const criteria = lists('Bộ tiêu chí');
    expect(criteria).toContain('Nhóm tiêu chí chung,Kết quả thực hiện nhiệm vụ');
    expect(criteria).toContain('Đảng bộ,Chi bộ');
    expect(criteria).toContain('Trung bình phiếu,Chi ủy nhập');
    expect(criteria.filter((l) => l === 'Có,Không')).toHaveLength(CRITERIA_SETTINGS.filter((s) => s.kind === 'yesno').length);
  });
});

describe('Bộ tiêu chí, read back by the reader (CFG25)', () => {
  it('CFG25-01 the default tables and every setting on its own value cell, left empty: the defaults, unconfirmed', async () => {
    const { workbook } = buildRuleSetTemplate(HD43);
    const read = readCriteria(await modelOf(workbook), newIssueSink());
    expect(criteriaReadable(read)).toBe(true);
    if (!read) throw new Error('unreachable');
    expect(criteriaValuesOf(read)).toEqual(DEFAULT_CRITERIA);
    // Every setting found, its value cell in column C, right of its label, and empty.
    expect(read.settings.map((s) => s.cell === null)).toEqual(CRITERIA_SETTINGS.map(() => false));
    for (const s of read.settings) {
      expect(col(s.cell as string)).toBe('C');
      expect(s.raw).toBeNull();
    }
    const settings = criteriaSettings(read);
    expect(settings.findings).toEqual([]);
    expect(settings.members).toMatchObject({ source: 'sheet', valid: true });
    expect(settings.chiBo).toMatchObject({ source: 'sheet', valid: true });
    expect(settings.settings.list.map((s) => s.source)).toEqual(CRITERIA_SETTINGS.map(() => 'default'));
  });

  it('CFG25-01 shows each default in "Mặc định", left of its label (never where the reader takes a value)', async () => {
    const { workbook, layout } = buildRuleSetTemplate(HD43);
    const ws = workbook.getWorksheet('Bộ tiêu chí') as ExcelJS.Worksheet;
    const criteria = layout.criteria;
    if (!criteria) throw new Error('no criteria sheet');
    for (const def of CRITERIA_SETTINGS) {
      const row = criteria.settingRows.get(def.key) as number;
      expect(ws.getCell(row, 1).value).toBe(shownDefault(def));
      expect(ws.getCell(row, 2).value).toBe(def.label);
      expect(ws.getCell(row, criteria.valueColumn).value).toBeNull();
    }
  });

  it('CFG25-02 a ward\'s criteria copied as typed (a text maximum, a group by its number, settings typed) read back the same', async () => {
    const ward: CriteriaValues = {
      members: [
        { group: 1, criterion: 'Chính trị tư tưởng', max: 15 },
        { group: 'Nhóm tiêu chí chung', criterion: 'Đạo đức, lối sống', max: 15 },
        { group: 'Kết quả thực hiện nhiệm vụ', criterion: 'Nhiệm vụ được giao', max: 'bảy mươi' },
      ],
      chiBo: [
        { group: 'Nhóm tiêu chí chung', criterion: 'Xây dựng Đảng', max: 30 },
        { group: 'Kết quả thực hiện nhiệm vụ', criterion: 'Nhiệm vụ chính trị', max: 60 },
      ],
      settings: { capPercent: 15, capScope: 'chi bộ', scoreStep: 'nửa điểm', sickLeaveCap: 'Không' },
    };
    const { workbook } = buildRuleSetTemplate(HD43, { criteria: ward });
    const read = readCriteria(await modelOf(workbook), newIssueSink());
    if (!read) throw new Error('no criteria read');
    expect(criteriaValuesOf(read)).toEqual(ward);
    // What the ward typed is judged as typed: the text maximum (DATA-02), the chi bộ's 60 (CFG25-02), the step.
    const rules = criteriaSettings(read).findings.map((f) => f.rule).sort();
    expect(rules).toEqual(['CFG25-02', 'DATA-02', 'DATA-02']);
  });

  it('a workbook without Bộ tiêu chí gives nothing to copy', async () => {
    const { workbook } = buildTemplate();
    expect(criteriaReadable(readCriteria(await modelOf(workbook), newIssueSink()))).toBe(false);
  });
});

describe('the scoring sheets (DATA-09)', () => {
  it('DATA-09 Chấm điểm đảng viên and Chấm điểm chi bộ hold no formula: the totals are typed, and checked', async () => {
    const { workbook } = buildRuleSetTemplate(HD43, { withProcedure: true });
    for (const name of ['Chấm điểm đảng viên', 'Chấm điểm chi bộ']) {
      const ws = workbook.getWorksheet(name) as ExcelJS.Worksheet;
      const formulas: string[] = [];
      ws.eachRow({ includeEmpty: false }, (row) => row.eachCell((cell) => {
        if (cell.type === 6 /* ExcelJS ValueType.Formula */ || (typeof cell.value === 'string' && cell.value.startsWith('='))) formulas.push(cell.address);
      }));
      expect(formulas).toEqual([]);
      expect(ws.getCell('A1').value === null || typeof ws.getCell('A1').value === 'string').toBe(true);
    }
  });
});

describe('a blank template checks clean but for "fill this"', () => {
  /** Issues that only ask for a blank cell to be filled: a required field, a condition, the scoring sheets, a setting to confirm. */
  const onCell = (i: Issue): boolean => i.cell !== null;

  it('DATA-01 the blank 2014 template: required fields (DATA-01), the chi bộ\'s conditions (CB-07) and no scoring sheet yet (CB-02)', async () => {
    const result = checkWorkbook(await modelOf(buildTemplate().workbook));
    expect(result.ruleSet).toBe('hd27-2014');
    expect([...new Set(result.issues.map((i) => i.rule))].sort()).toEqual(['CB-02', 'CB-07', 'DATA-01']);
  });

  it('DATA-01 CFG25-01 the blank hd43-2025 template: checked as hd43-2025, only the required fields to fill and the defaults to confirm', async () => {
    const { workbook, layout } = buildRuleSetTemplate(HD43);
    const result = checkWorkbook(await modelOf(workbook));
    expect(result.ruleSet).toBe('hd43-2025');
    expect(result.issues.every(onCell)).toBe(true);
    // Nothing unreadable, no missing column or sheet, no criteria table that does not add up.
    expect(result.issues.filter((i) => ['DATA-02', 'DATA-09', 'CFG25-02'].includes(i.rule) || /thiếu cột|không có sheet/.test(i.message))).toEqual([]);
    const required = HD43_INFO_FORM.fields.filter((f) => f.required === 'yes' && f.key !== RULE_SET_FIELD.key).map((f) => `B${layout.info.rows.get(f.key)}`);
    const data01 = result.issues.filter((i) => i.rule === 'DATA-01');
    expect(data01.every((i) => i.sheet === 'Thông tin chi bộ' && /chưa nhập/.test(i.message))).toBe(true);
    expect(data01.map((i) => i.cell).every((c) => required.includes(c as string))).toBe(true);
    // A default that decided something points at the Bộ tiêu chí cell where the đảng ủy confirms it.
    for (const i of result.issues.filter((x) => x.rule === 'CFG25-01')) {
      expect(i.severity).toBe('warning');
      expect(i.message).toMatch(/sheet "Bộ tiêu chí", ô C\d+/);
    }
    // The rest is the chi bộ's own "fill this" (its conditions, its scoring sheets), as under 2014.
    const other = result.issues.filter((i) => !['DATA-01', 'CFG25-01'].includes(i.rule));
    expect(other.every((i) => /^CB25-/.test(i.rule) && ['Thông tin chi bộ', 'Chấm điểm chi bộ'].includes(i.sheet))).toBe(true);
  });
});
