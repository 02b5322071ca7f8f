/**
 * The src/office/runCheck.ts entry points the pane calls, against the fake Excel host with its globals
 * installed (as the pane runs): "Tạo mẫu", settings saved and read back, and a check that uses the
 * pane's settings and reports its stages.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HD43_INPUT_FORMS, PROC_FORMS } from '../../src/core/forms/definitions';
import {
  addTemplateToOpenWorkbook,
  checkOpenWorkbook,
  type CheckStage,
  clearOpenWorkbookFlags,
  ExcelUnavailableError,
  loadWorkbookSettings,
  saveWorkbookSettings,
  selectCell,
} from '../../src/office/runCheck';
import { DEFAULT_SETTINGS, normaliseSettings, toCheckOptions, toWorkbookSettings, withOption } from '../../src/taskpane/settings';
import * as runCheck from '../../src/office/runCheck';
import { FakeExcelHost } from '../fake-excel';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'chi-bo-thanh-khe-2017.xlsx');

/** With the host's globals installed, as in the task pane. */
const withHost = <T>(host: FakeExcelHost, fn: () => Promise<T>): Promise<T> => host.withGlobals(fn);

function blankHost(apiVersion = '1.18'): FakeExcelHost {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1');
  return FakeExcelHost.fromWorkbook(wb, { apiVersion });
}

describe('addTemplateToOpenWorkbook ("Tạo mẫu")', () => {
  it('adds every input sheet of the rule set in force (hd43-2025), then the plan and dossier sheets, shows the first, and adds nothing the second time', async () => {
    const host = blankHost();
    const added = await withHost(host, () => addTemplateToOpenWorkbook());
    // A new workbook gets the rule set in force, whatever the pane's setting (test/office/template25.test.ts).
    expect(added).toEqual(HD43_INPUT_FORMS.map((f) => f.sheet));
    expect(added.slice(HD43_INPUT_FORMS.length - PROC_FORMS.length)).toEqual(['Kế hoạch', 'Hồ sơ chi bộ', 'Hồ sơ CBLĐQL']);
    for (const name of added) expect(host.sheetNames()).toContain(name);
    expect(host.sheetNames()).toContain('Sheet1');
    expect(host.getSelection().sheet).toBe(added[0]);
    expect(await withHost(host, () => addTemplateToOpenWorkbook())).toEqual([]);
  });

  it('works on the oldest Excel the manifest allows (ExcelApi 1.1)', async () => {
    const host = blankHost('1.1');
    const added = await withHost(host, () => addTemplateToOpenWorkbook());
    expect(added).toHaveLength(HD43_INPUT_FORMS.length);
    expect(host.getSelection().sheet).toBe(added[0]);
  });

  it('leaves the sheets a workbook already has as they are, adding only the plan and dossier sheets it lacks', async () => {
    const host = await FakeExcelHost.fromXlsx(readFileSync(EXAMPLE));
    const before = host.sheetNames();
    const values = before.map((s) => host.getValues(s));
    const missing = PROC_FORMS.map((f) => f.sheet).filter((s) => !before.includes(s));
    expect(await withHost(host, () => addTemplateToOpenWorkbook())).toEqual(missing);
    expect(host.sheetNames()).toEqual([...before, ...missing]);
    expect(before.map((s) => host.getValues(s))).toEqual(values);
    expect(await withHost(host, () => addTemplateToOpenWorkbook())).toEqual([]);
  });
});

describe('settings in the workbook', () => {
  it('are what the previous clerk saved', async () => {
    const host = await FakeExcelHost.fromXlsx(readFileSync(EXAMPLE));
    expect(normaliseSettings(await withHost(host, () => loadWorkbookSettings()))).toEqual(DEFAULT_SETTINGS);
    const chosen = withOption(DEFAULT_SETTINGS, 'denominator', 'present');
    await withHost(host, () => saveWorkbookSettings(toWorkbookSettings(chosen)));
    // The next clerk opens the same workbook: a new pane reads them back.
    const reopened = FakeExcelHost.fromWorkbook(host.toExcelJs());
    expect(normaliseSettings(await withHost(reopened, () => loadWorkbookSettings()))).toEqual(chosen);
  });

  it('the check uses the settings the pane passes, over what is saved, and reports its stages in order', async () => {
    const host = await FakeExcelHost.fromXlsx(readFileSync(EXAMPLE));
    await withHost(host, () => saveWorkbookSettings(toWorkbookSettings(withOption(DEFAULT_SETTINGS, 'denominator', 'present'))));
    const stages: CheckStage[] = [];
    const result = await withHost(host, () => checkOpenWorkbook({ ...toCheckOptions(DEFAULT_SETTINGS), onProgress: (s) => stages.push(s) }));
    expect(result.ruleSet).toBe('hd27-2014');
    expect(result.options.denominator).toBe('roll');
    expect(stages).toEqual(['reading', 'checking', 'writing', 'done']);
    // The check does not overwrite the saved settings.
    expect(normaliseSettings(await withHost(host, () => loadWorkbookSettings())).options.denominator).toBe('present');
  });

  it('"Xoá đánh dấu" after a check with flags counts the cells it cleared', async () => {
    const host = await FakeExcelHost.fromXlsx(readFileSync(EXAMPLE));
    const result = await withHost(host, () => checkOpenWorkbook(toCheckOptions(DEFAULT_SETTINGS)));
    const flagged = new Set(result.issues.filter((i) => i.cell !== null).map((i) => `${i.sheet}!${i.cell}`)).size;
    expect(await withHost(host, () => clearOpenWorkbookFlags())).toBe(flagged);
    expect(await withHost(host, () => clearOpenWorkbookFlags())).toBe(0);
  });

  it('a click on an issue selects its cell', async () => {
    const host = await FakeExcelHost.fromXlsx(readFileSync(EXAMPLE));
    await withHost(host, () => selectCell('Danh sách đảng viên', 'E9'));
    expect(host.getSelection()).toEqual({ sheet: 'Danh sách đảng viên', address: 'E9' });
  });
});

describe('outside Excel', () => {
  /** Every entry point of src/office/runCheck.ts, called as the pane calls it. */
  const ENTRY_POINTS: Record<string, (onProgress: (stage: string) => void) => Promise<unknown>> = {
    checkOpenWorkbook: (onProgress) => runCheck.checkOpenWorkbook({ onProgress }),
    convertOpenWorkbookToUnicode: () => runCheck.convertOpenWorkbookToUnicode(),
    clearOpenWorkbookFlags: () => runCheck.clearOpenWorkbookFlags(),
    loadWorkbookSettings: () => runCheck.loadWorkbookSettings(),
    saveWorkbookSettings: () => runCheck.saveWorkbookSettings({ denominator: 'present' }),
    addTemplateToOpenWorkbook: () => runCheck.addTemplateToOpenWorkbook('Chi bộ Thanh Khê'),
    printBallotsInOpenWorkbook: () => runCheck.printBallotsInOpenWorkbook(1),
    writeMinutesInOpenWorkbook: () => runCheck.writeMinutesInOpenWorkbook(),
    printScoreSheetsInOpenWorkbook: () => runCheck.printScoreSheetsInOpenWorkbook(),
    selectCell: () => runCheck.selectCell('Danh sách đảng viên', 'E9'),
    combineFilesIntoOpenWorkbook: (onProgress) => runCheck.combineFilesIntoOpenWorkbook([{ name: 'a.xlsx', data: readFileSync(EXAMPLE) }], { onProgress }),
  };

  it('the list below is every entry point runCheck.ts exports (each async function)', () => {
    const exported = Object.entries(runCheck)
      .filter(([, value]) => typeof value === 'function' && (value as { constructor: { name: string } }).constructor.name === 'AsyncFunction')
      .map(([name]) => name);
    expect(exported.sort()).toEqual(Object.keys(ENTRY_POINTS).sort());
    expect(exported).toHaveLength(11);
  });

  it.each(Object.keys(ENTRY_POINTS))('every entry point refuses with ExcelUnavailableError: %s, before doing anything', async (name) => {
    expect(typeof Excel).toBe('undefined');
    const stages: string[] = [];
    await expect(ENTRY_POINTS[name]((stage) => stages.push(stage))).rejects.toBeInstanceOf(ExcelUnavailableError);
    expect(stages).toEqual([]);
  });
});
