/**
 * The fake in a browser page: a workbook travels as a JSON snapshot (no ExcelJS there), and
 * webpack.browser.js bundles browser.ts into one script defining window.__installFakeExcel (built once
 * before jest by test/browser/bundles.js, with the list of the modules webpack put in it).
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';
import vm from 'vm';
import type webpack from 'webpack';
import { browserBundles } from '../browser/support';
import { FakeExcelHost, type FakeWorkbookSnapshot } from './index';

// CommonJS config, as webpack's CLI loads it.
const browserConfig = require('./webpack.browser.js') as (env?: Record<string, unknown>, argv?: Record<string, unknown>) => webpack.Configuration;

/** A workbook with a bit of everything the snapshot carries. */
async function richHost(): Promise<FakeExcelHost> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0, activeCell: 'B2' }] });
  ws.getCell('A1').value = 'Họ và tên';
  ws.getCell('A1').font = { bold: true, name: 'Times New Roman', size: 12 };
  ws.getCell('B1').value = 'Tuổi';
  ws.getCell('A2').value = 'Nguyễn Văn A';
  ws.getCell('B2').value = 42;
  ws.getCell('C2').value = { formula: 'B2*2', result: 84 };
  ws.getCell('D2').value = { error: '#N/A' };
  ws.getCell('E2').value = new Date(Date.UTC(2017, 0, 2));
  ws.getCell('E2').numFmt = 'dd/mm/yyyy';
  ws.getCell('A2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
  ws.getCell('A2').note = 'Kiểm tra tên';
  ws.getCell('A3').value = 'gộp';
  ws.mergeCells('A3:C3');
  ws.getColumn(1).width = 30;
  ws.getRow(4).hidden = true;
  ws.getRow(1).font = { italic: true };
  wb.addWorksheet('Ẩn', { state: 'veryHidden' }).getCell('A1').value = 'state';
  const host = FakeExcelHost.fromWorkbook(wb);
  await host.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem('Danh sách');
    for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const) sheet.getRange('A1:B2').format.borders.getItem(edge).style = 'Continuous';
    sheet.getRange('B2:B9').dataValidation.rule = { wholeNumber: { formula1: 18, formula2: 120, operator: 'Between' } };
    sheet.pageLayout.paperSize = 'A4';
    sheet.tabColor = '#C00000';
    sheet.pageLayout.setPrintTitleRows('1:1');
    sheet.pageLayout.setPrintMargins('Inches', { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6 });
    sheet.pageLayout.centerHorizontally = true;
    sheet.horizontalPageBreaks.add('A5');
    sheet.getRange('F2').hyperlink = { documentReference: "'Danh sách'!A1", textToDisplay: 'về đầu' };
    await context.sync();
  });
  return host;
}

function sameState(a: FakeExcelHost, b: FakeExcelHost): void {
  expect(b.sheetNames()).toEqual(a.sheetNames());
  for (const sheet of a.sheetNames()) {
    expect(b.getValues(sheet)).toEqual(a.getValues(sheet));
    expect(b.getVisibility(sheet)).toBe(a.getVisibility(sheet));
    expect(b.getMerges(sheet)).toEqual(a.getMerges(sheet));
    expect(b.getValidations(sheet)).toEqual(a.getValidations(sheet));
    expect(b.getPageLayout(sheet)).toEqual(a.getPageLayout(sheet));
    expect(b.getFrozenPanes(sheet)).toEqual(a.getFrozenPanes(sheet));
    expect(b.getTabColor(sheet)).toBe(a.getTabColor(sheet));
  }
  for (const cell of ['A1', 'A2', 'B2', 'C3', 'E2', 'F2']) {
    expect(b.getFormat('Danh sách', cell)).toEqual(a.getFormat('Danh sách', cell));
    expect(b.getBorders('Danh sách', cell)).toEqual(a.getBorders('Danh sách', cell));
    expect(b.getHyperlink('Danh sách', cell)).toEqual(a.getHyperlink('Danh sách', cell));
  }
  expect(b.getNotes()).toEqual(a.getNotes());
  expect(b.getSelection()).toEqual(a.getSelection());
  expect(b.getColumnWidth('Danh sách', 'A')).toBe(a.getColumnWidth('Danh sách', 'A'));
  expect(b.isRowHidden('Danh sách', 4)).toBe(true);
}

describe('snapshots: the host state as JSON', () => {
  it('is plain JSON, and fromSnapshot(toSnapshot()) is the same workbook', async () => {
    const host = await richHost();
    host.setSelection('Danh sách', 'B2:C3');
    const snapshot = host.toSnapshot();
    const json = JSON.stringify(snapshot);
    expect(JSON.parse(json)).toEqual(snapshot);
    expect(snapshot).toMatchObject({ format: 'fake-excel-snapshot', version: 1, activeSheet: 'Danh sách' });

    const copy = FakeExcelHost.fromSnapshot(json);
    expect(copy).toBeInstanceOf(FakeExcelHost);
    sameState(host, copy);
    expect(copy.toSnapshot()).toEqual(snapshot);
    // The copy is a working host: its own writes do not touch the original.
    await copy.run(async (context) => {
      context.workbook.worksheets.getItem('Danh sách').getRange('B2').values = [[43]];
    });
    expect(copy.getValue('Danh sách', 'B2')).toBe(43);
    expect(host.getValue('Danh sách', 'B2')).toBe(42);
  });

  it('takes a hand-written snapshot: bare values, inline formats, notes as text', async () => {
    const host = FakeExcelHost.fromSnapshot(
      {
        sheets: [
          { name: 'Trống' },
          {
            name: 'Danh sách',
            selection: 'B7',
            cells: { A1: 'Họ và tên', B7: 42, C7: { value: 84, formula: '=B7*2' }, D7: { error: '#N/A' }, E7: { value: 'x', format: { fill: '#FFC7CE', font: { bold: true } } } },
            notes: { B7: 'ghi chú' },
            merges: ['A1:C1'],
          },
        ],
        activeSheet: 'Danh sách',
      },
      { apiVersion: '1.4' },
    );
    expect(host.apiVersion).toBe('1.4');
    expect(host.getSelection()).toEqual({ sheet: 'Danh sách', address: 'B7' });
    expect(host.getValue('Danh sách', 'C7')).toEqual({ formula: '=B7*2', result: 84 });
    expect(host.getValue('Danh sách', 'D7')).toEqual({ error: '#N/A' });
    expect(host.getFill('Danh sách', 'E7')).toBe('#FFC7CE');
    expect(host.getFont('Danh sách', 'E7')).toMatchObject({ bold: true, name: 'Calibri' });
    expect(host.getNote('Danh sách', 'B7')).toBe('ghi chú');
    const values = await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Danh sách').getRange('A7:E7').load('values');
      await context.sync();
      return range.values;
    });
    expect(values).toEqual([['', 42, 84, '#N/A', 'x']]);
    expect(() => FakeExcelHost.fromSnapshot({ sheets: [{ name: 'S', cells: { 'not an address': 1 } }] })).toThrow(/not an A1 address/);
    expect(() => FakeExcelHost.fromSnapshot({ version: 2, sheets: [] } as unknown as FakeWorkbookSnapshot)).toThrow(/version 2/);
  });
});

describe('the browser build (webpack.browser.js)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fake-excel-browser-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes to test-output/ unless told otherwise', () => {
    const config = browserConfig({}, {});
    expect(path.relative(path.resolve(__dirname, '../..'), path.join(config.output!.path!, config.output!.filename as string))).toBe(path.join('test-output', 'fake-excel-browser.js'));
    expect(browserConfig({ out: path.join(dir, 'x.js') }, { mode: 'production' })).toMatchObject({ mode: 'production', output: { path: dir, filename: 'x.js' } });
  });

  it('builds without ExcelJS or Node, and defines window.__installFakeExcel that installs a working Excel', async () => {
    const bundles = browserBundles();
    const out = bundles.fakeExcel;
    const modules = JSON.parse(readFileSync(bundles.fakeExcelModules, 'utf8')) as string[];
    // Only the fake's own files: no node_modules (ExcelJS), no Node built-ins.
    expect(modules.length).toBeGreaterThan(5);
    expect(modules.filter((name) => !name.startsWith('./test/fake-excel/'))).toEqual([]);
    expect(modules).not.toContain('./test/fake-excel/xlsx.ts');
    expect(modules).not.toContain('./test/fake-excel/index.ts');

    // A page with nothing but a window (no require, no process, no Buffer).
    const page: Record<string, any> = { TextEncoder };
    page.window = page;
    vm.createContext(page);
    vm.runInContext(readFileSync(out, 'utf8'), page, { filename: out });
    expect(typeof page.__installFakeExcel).toBe('function');

    const source = await richHost();
    source.setSelection('Danh sách', 'A2');
    const host = page.__installFakeExcel(JSON.stringify(source.toSnapshot()), { apiVersion: '1.9' });
    expect(page.__fakeExcelHost).toBe(host);
    expect(page.Office.context.requirements.isSetSupported('ExcelApi', '1.9')).toBe(true);
    expect(page.Office.context.requirements.isSetSupported('ExcelApi', '1.10')).toBe(false);
    expect(page.Excel.BorderIndex.edgeTop).toBe('EdgeTop');

    // The task pane's selectCell, as it would run on that page.
    await page.Excel.run(async (context: Excel.RequestContext) => {
      const sheet = context.workbook.worksheets.getItem('Danh sách');
      sheet.activate();
      sheet.getRange('B2').select();
      sheet.getRange('G2').values = [['từ trình duyệt']];
      await context.sync();
    });
    expect(page.__fakeExcelHost.getSelection()).toEqual({ sheet: 'Danh sách', address: 'B2' });
    expect(page.__fakeExcelHost.getValue('Danh sách', 'G2')).toBe('từ trình duyệt');
    expect(page.__fakeExcelHost.getValue('Danh sách', 'C2')).toEqual({ formula: '=B2*2', result: 84 });
    expect(page.__fakeExcelHost.stats.syncs).toBe(1);
    await expect(
      page.Excel.run(async (context: Excel.RequestContext) => {
        context.workbook.worksheets.getItem('Không có');
        await context.sync();
      }),
    ).rejects.toMatchObject({ name: 'RichApi.Error', code: 'ItemNotFound' });

    // Installing again replaces the host; uninstalling removes the globals.
    const second = page.__installFakeExcel({ sheets: [{ name: 'Khác' }] });
    expect(page.__fakeExcelHost).toBe(second);
    expect(second.sheetNames()).toEqual(['Khác']);
    page.__uninstallFakeExcel();
    expect(page.Excel).toBeUndefined();
    expect(page.__fakeExcelHost).toBeUndefined();
  });
});
