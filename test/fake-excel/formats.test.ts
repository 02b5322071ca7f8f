/**
 * Borders (ExcelApi 1.1), data validation (1.8) and page layout (1.9) on the fake host: what the API
 * reads back, what the inspection methods see, and what `toExcelJs()` writes (and the fake re-reads).
 */
import ExcelJS from 'exceljs';
import { FakeExcelHost, type FakeExcelOptions } from './index';
import { richError } from './expect-error';

function emptyHost(options: FakeExcelOptions = {}, ...sheets: string[]): FakeExcelHost {
  const wb = new ExcelJS.Workbook();
  for (const name of sheets.length ? sheets : ['S']) wb.addWorksheet(name);
  return FakeExcelHost.fromWorkbook(wb, options);
}


/** Writes the host to .xlsx bytes and reads them with ExcelJS and with a new fake host. */
async function roundTrip(host: FakeExcelHost): Promise<{ ws: (name: string) => ExcelJS.Worksheet; again: FakeExcelHost }> {
  const buffer = await host.toExcelJs().xlsx.writeBuffer();
  const reread = new ExcelJS.Workbook();
  await reread.xlsx.load(buffer);
  return { ws: (name) => reread.getWorksheet(name)!, again: await FakeExcelHost.fromXlsx(new Uint8Array(buffer)) };
}

const ALL_SIX = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

describe('borders: range.format.borders', () => {
  it('draws edges and the lines between cells, as renderLayout asks, and reads them back', async () => {
    const host = emptyHost();
    const read = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      const table = sheet.getRange('A5:C6');
      for (const edge of ALL_SIX) table.format.borders.getItem(edge).style = 'Continuous';
      const borders = table.format.borders.load('items/sideIndex, items/style, count');
      const top = table.format.borders.getItem('EdgeTop').load('style, weight, color');
      const rowInside = sheet.getRange('A5:C5').format.borders.getItem('InsideHorizontal').load('style');
      const mixed = sheet.getRange('C5:D5').format.borders.getItem('EdgeTop').load('style');
      await context.sync();
      return { items: borders.items.map((b) => [b.sideIndex, b.style]), count: borders.count, top: top.toJSON(), rowInside: rowInside.style, mixed: mixed.style };
    });
    expect(read.items).toEqual([
      ['EdgeTop', 'Continuous'],
      ['EdgeBottom', 'Continuous'],
      ['EdgeLeft', 'Continuous'],
      ['EdgeRight', 'Continuous'],
      ['InsideVertical', 'Continuous'],
      ['InsideHorizontal', 'Continuous'],
      ['DiagonalDown', 'None'],
      ['DiagonalUp', 'None'],
    ]);
    expect(read.count).toBe(8);
    expect(read.top).toEqual({ style: 'Continuous', weight: 'Thin', color: '#000000' });
    // One row has no line between rows (the fake reads None; see README).
    expect(read.rowInside).toBe('None');
    // C5 has a top line, D5 none: Excel reports a mixed range as null.
    expect(read.mixed).toBeNull();

    const all = { top: 'Continuous', bottom: 'Continuous', left: 'Continuous', right: 'Continuous' };
    expect(host.getBorders('S', 'A5')).toEqual(all);
    expect(host.getBorders('S', 'B6')).toEqual(all);
    // Outside the range Excel shows the same lines from the other side.
    expect(host.getBorders('S', 'B7')).toEqual({ top: 'Continuous', bottom: 'None', left: 'None', right: 'None' });
    expect(host.getBorders('S', 'D5')).toEqual({ top: 'None', bottom: 'None', left: 'Continuous', right: 'None' });
    expect(host.getBorders('S', 'E1')).toEqual({ top: 'None', bottom: 'None', left: 'None', right: 'None' });
  });

  it('works on RangeAreas (each area gets its own edges) and takes over a neighbour\'s line', async () => {
    const host = emptyHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      const areas = sheet.getRanges('A1:B1, D4');
      areas.format.borders.getItem('EdgeBottom').style = 'Dash';
      areas.format.borders.getItem('EdgeBottom').color = 'red';
      // B2's top is A1:B1's bottom seen from below: removing it removes the line.
      sheet.getRange('B2').format.borders.getItem('EdgeTop').style = 'None';
      await context.sync();
    });
    expect(host.getBorders('S', 'A1').bottom).toBe('Dash');
    expect(host.getBorder('S', 'A1', 'EdgeBottom')).toEqual({ style: 'Dash', weight: 'Thin', color: '#FF0000' });
    expect(host.getBorders('S', 'B1').bottom).toBe('None');
    expect(host.getBorders('S', 'D4').bottom).toBe('Dash');
    expect(host.getBorders('S', 'C1').bottom).toBe('None');
    // The RangeAreas' areas are A1:B1 and D4: no line joins them.
    expect(host.getBorders('S', 'C4').right).toBe('None');
  });

  it('sets weight and colour (a side without a line gets a continuous one), Double reads Thick', async () => {
    const host = emptyHost();
    const out = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('B2').format.borders.getItem('EdgeLeft').weight = 'Medium';
      sheet.getRange('C3').format.borders.getItem('EdgeRight').color = '#00ff00';
      const dbl = sheet.getRange('D4').format.borders.getItem('EdgeBottom');
      dbl.style = 'Double';
      const diagonal = sheet.getRange('E5').format.borders.getItem('DiagonalUp');
      diagonal.style = 'Continuous';
      dbl.load('style, weight');
      await context.sync();
      return dbl.toJSON();
    });
    expect(out).toEqual({ style: 'Double', weight: 'Thick' });
    expect(host.getBorder('S', 'B2', 'EdgeLeft')).toEqual({ style: 'Continuous', weight: 'Medium', color: '#000000' });
    expect(host.getBorder('S', 'C3', 'EdgeRight')).toEqual({ style: 'Continuous', weight: 'Thin', color: '#00FF00' });
    expect(host.getBorder('S', 'E5', 'DiagonalUp')).toMatchObject({ style: 'Continuous' });
    expect(host.getBorder('S', 'E5', 'DiagonalDown')).toBeNull();
  });

  it('refuses a wrong index or style at sync, where Excel does', async () => {
    const host = emptyHost();
    const badIndex = await richError(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1').format.borders.getItem('Top' as Excel.BorderIndex);
        await context.sync();
      }),
      'InvalidArgument',
    );
    expect(badIndex.debugInfo.errorLocation).toBe('RangeBorderCollection.getItem');
    const badStyle = await richError(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1').format.borders.getItem('EdgeTop').style = 'Solid' as Excel.BorderLineStyle;
        await context.sync();
      }),
      'InvalidArgument',
    );
    expect(badStyle.debugInfo.errorLocation).toBe('RangeBorder.style');
  });

  it('go to ExcelJS as cell.border, come back from .xlsx, and go with clear("Formats")', async () => {
    const host = emptyHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      for (const edge of ALL_SIX) sheet.getRange('A1:B2').format.borders.getItem(edge).style = 'Continuous';
      sheet.getRange('D1').format.borders.getItem('EdgeTop').set({ style: 'Dash', weight: 'Medium', color: '#0000FF' });
      sheet.getRange('F1:F2').format.borders.getItem('EdgeBottom').style = 'Continuous';
      await context.sync();
      sheet.getRange('F1:F2').clear('Formats');
    });
    const { ws, again } = await roundTrip(host);
    const thin = { style: 'thin', color: { argb: 'FF000000' } };
    expect(ws('S').getCell('A1').border).toEqual({ top: thin, left: thin, bottom: thin, right: thin });
    expect(ws('S').getCell('D1').border).toEqual({ top: { style: 'mediumDashed', color: { argb: 'FF0000FF' } } });
    expect(ws('S').getCell('F2').border ?? {}).toEqual({});
    for (const cell of ['A1', 'A2', 'B1', 'B2', 'D1']) expect(again.getBorders('S', cell)).toEqual(host.getBorders('S', cell));
    expect(again.getBorder('S', 'D1', 'EdgeTop')).toEqual({ style: 'Dash', weight: 'Medium', color: '#0000FF' });
    expect(again.getBorders('S', 'F2').bottom).toBe('None');
  });
});

describe('data validation: range.dataValidation', () => {
  it('sets a list rule with prompt and alert; loads rule and type; toExcelJs writes cell.dataValidation', async () => {
    const host = emptyHost();
    const read = await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('B7:B9');
      range.dataValidation.rule = { list: { inCellDropDown: true, source: 'Đạt,Không đạt' } };
      range.dataValidation.prompt = { showPrompt: true, title: 'Kết quả', message: 'Chọn trong danh sách' };
      range.dataValidation.errorAlert = { showAlert: true, style: 'Warning', title: 'Sai', message: 'Không có trong danh sách' };
      range.dataValidation.ignoreBlanks = false;
      await context.sync();
      // A fresh proxy, so what is read is what Excel holds (a proxy keeps the values it was given).
      const dv = context.workbook.worksheets.getItem('S').getRange('B7:B9').dataValidation.load('rule, type');
      await context.sync();
      return dv.toJSON();
    });
    expect(read).toEqual({ rule: { list: { inCellDropDown: true, source: 'Đạt,Không đạt' } }, type: 'List' });
    expect(host.getValidation('S', 'B8')).toEqual({
      type: 'List',
      rule: { list: { inCellDropDown: true, source: 'Đạt,Không đạt' } },
      prompt: { showPrompt: true, title: 'Kết quả', message: 'Chọn trong danh sách' },
      errorAlert: { showAlert: true, style: 'Warning', title: 'Sai', message: 'Không có trong danh sách' },
      ignoreBlanks: false,
    });
    expect(host.getValidation('S', 'B10').type).toBe('None');

    const ws = host.toExcelJs().getWorksheet('S')!;
    expect(ws.getCell('B9').dataValidation).toEqual({
      type: 'list',
      formulae: ['"Đạt,Không đạt"'],
      allowBlank: false,
      showInputMessage: true,
      promptTitle: 'Kết quả',
      prompt: 'Chọn trong danh sách',
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: 'Sai',
      error: 'Không có trong danh sách',
    });
    expect(ws.getCell('B10').dataValidation).toBeUndefined();
  });

  it('writes whole-number, decimal, date and range-list rules as ExcelJS types, and reads them back from .xlsx', async () => {
    const host = emptyHost();
    const rules: Record<string, Excel.DataValidationRule> = {
      A1: { wholeNumber: { formula1: 0, operator: 'GreaterThan' } },
      A2: { decimal: { formula1: 0, formula2: 10, operator: 'Between' } },
      A3: { date: { formula1: '2017-01-01', formula2: '2017-12-31', operator: 'Between' } },
      A4: { list: { inCellDropDown: true, source: '=$D$1:$D$3' } },
    };
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      for (const [cell, rule] of Object.entries(rules)) sheet.getRange(cell).dataValidation.rule = rule;
      await context.sync();
    });
    const { ws, again } = await roundTrip(host);
    expect(ws('S').getCell('A1').dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThan', formulae: [0] });
    expect(ws('S').getCell('A2').dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 10] });
    expect(ws('S').getCell('A3').dataValidation).toMatchObject({ type: 'date', formulae: [new Date(Date.UTC(2017, 0, 1)), new Date(Date.UTC(2017, 11, 31))] });
    expect(ws('S').getCell('A4').dataValidation).toMatchObject({ type: 'list', formulae: ['$D$1:$D$3'] });
    for (const [cell, rule] of Object.entries(rules)) expect(again.getValidation('S', cell).rule).toEqual(rule);
  });

  it('reads None, MixedCriteria and Inconsistent; refuses a rule over mixed cells until clear()', async () => {
    const host = emptyHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('A1:A2').dataValidation.rule = { wholeNumber: { formula1: 1, operator: 'GreaterThanOrEqualTo' } };
      sheet.getRange('A3').dataValidation.rule = { textLength: { formula1: 5, operator: 'LessThanOrEqualTo' } };
      const none = sheet.getRange('C1:C3').dataValidation.load('type, rule');
      const mixed = sheet.getRange('A2:A5').dataValidation.load('type, rule');
      const inconsistent = sheet.getRange('A1:A3').dataValidation.load('type, rule, prompt');
      await context.sync();
      expect([none.type, mixed.type, inconsistent.type]).toEqual(['None', 'MixedCriteria', 'Inconsistent']);
      expect(none.rule).toEqual({});
      expect([mixed.rule, inconsistent.rule, inconsistent.prompt]).toEqual([null, null, null]);
    });
    await richError(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1:A5').dataValidation.rule = { list: { inCellDropDown: true, source: 'x,y' } };
        await context.sync();
      }),
      'InvalidArgument',
    );
    await host.run(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1:A5');
      range.dataValidation.clear();
      range.dataValidation.rule = { list: { inCellDropDown: true, source: 'x,y' } };
      // Clearing part of a validated range leaves the rest.
      context.workbook.worksheets.getItem('S').getRange('A5').dataValidation.clear();
      await context.sync();
    });
    expect(host.getValidations('S').map((v) => [v.ranges, v.type])).toEqual([[['A1:A4'], 'List']]);
  });

  it('tells valid from invalid values (DataValidation.valid), blanks as ignoreBlanks says', async () => {
    const host = emptyHost();
    const valid = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRange('A1:A4').values = [['Đạt'], ['đạt'], [''], ['Khác']];
      sheet.getRange('B1:B3').values = [[3], [4.5], [-1]];
      sheet.getRange('A1:A4').dataValidation.rule = { list: { inCellDropDown: true, source: 'Đạt, Không đạt' } };
      sheet.getRange('B1:B3').dataValidation.rule = { wholeNumber: { formula1: 0, formula2: 10, operator: 'Between' } };
      const results = ['A1:A3', 'A4', 'A1:A4', 'B1', 'B2:B3'].map((a) => sheet.getRange(a).dataValidation.load('valid'));
      await context.sync();
      const first = results.map((r) => r.valid);
      sheet.getRange('A1:A4').dataValidation.ignoreBlanks = false;
      const blanks = sheet.getRange('A3').dataValidation.load('valid');
      await context.sync();
      return [...first, blanks.valid];
    });
    // The list check ignores case; 4.5 is no whole number; a blank is valid while blanks are ignored.
    expect(valid).toEqual([true, false, null, true, false, false]);
  });

  it('refuses a Range as a list source (it arrives as JSON), and a rule with two criteria', async () => {
    const host = emptyHost();
    const error = await richError(
      host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('S');
        const source = sheet.getRange('D1:D3');
        sheet.getRange('A1').dataValidation.rule = { list: { inCellDropDown: true, source: source as unknown as string } };
        await context.sync();
      }),
      'InvalidArgument',
    );
    expect(error.debugInfo.errorLocation).toBe('ListDataValidation.source');
    await richError(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1').dataValidation.rule = {
          wholeNumber: { formula1: 1, operator: 'GreaterThan' },
          decimal: { formula1: 1, operator: 'GreaterThan' },
        };
        await context.sync();
      }),
      'InvalidArgument',
    );
  });

  it('works on RangeAreas; clear("All") removes it, clear("Formats") keeps it', async () => {
    const host = emptyHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.getRanges('A1:A2, C5').dataValidation.rule = { decimal: { formula1: 0, operator: 'GreaterThan' } };
      await context.sync();
      sheet.getRange('A1').clear('Formats');
      sheet.getRange('A2').clear('All');
    });
    expect(host.getValidation('S', 'A1').type).toBe('Decimal');
    expect(host.getValidation('S', 'A2').type).toBe('None');
    expect(host.getValidation('S', 'C5').type).toBe('Decimal');
  });

  it('is ExcelApi 1.8: office.js refuses range.dataValidation on an older Excel before any sync', async () => {
    const host = emptyHost({ apiVersion: '1.7' });
    const error = await richError(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1').dataValidation.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThan' } };
        await context.sync();
      }),
      'ApiNotFound',
    );
    expect(error.debugInfo.errorLocation).toBe('Range.dataValidation');
    expect(host.stats.syncs).toBe(0);
  });
});

describe('page layout: worksheet.pageLayout', () => {
  it('sets orientation, paper, zoom and print titles; reads them back; toExcelJs maps them to ws.pageSetup', async () => {
    const host = emptyHost({}, 'S', 'Other');
    const read = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      const layout = sheet.pageLayout;
      layout.orientation = 'Landscape';
      layout.paperSize = 'A4';
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.setPrintTitleRows('$5:$6');
      layout.setPrintTitleColumns(sheet.getRange('A1:B1'));
      const titles = layout.getPrintTitleRowsOrNullObject().load('address');
      const none = context.workbook.worksheets.getItem('Other').pageLayout.getPrintTitleRowsOrNullObject();
      layout.load('orientation, paperSize, zoom');
      await context.sync();
      return { layout: layout.toJSON(), titles: titles.address, none: none.isNullObject };
    });
    expect(read).toEqual({ layout: { orientation: 'Landscape', paperSize: 'A4', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } }, titles: 'S!5:6', none: true });
    expect(host.getPageLayout('S')).toEqual({
      orientation: 'Landscape',
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '5:6',
      printTitleColumns: 'A:B',
      printArea: null,
      // Excel's "Normal" margins and no centring or breaks on a new sheet.
      margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      centerHorizontally: false,
      centerVertically: false,
      horizontalPageBreaks: [],
    });
    expect(host.getPageLayout('Other')).toMatchObject({ orientation: 'Portrait', paperSize: 'Letter', zoom: { scale: 100 }, printTitleRows: null });

    const setup = host.toExcelJs().getWorksheet('S')!.pageSetup;
    expect(setup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '5:6', printTitlesColumn: 'A:B' });
    const { again } = await roundTrip(host);
    expect(again.getPageLayout('S')).toEqual(host.getPageLayout('S'));
  });

  it('refuses what Excel refuses: an unknown paper, a scale out of 10–400, titles from another sheet', async () => {
    const host = emptyHost({}, 'S', 'Other');
    const attempts: ((sheet: Excel.Worksheet, other: Excel.Worksheet) => void)[] = [
      (s) => (s.pageLayout.paperSize = 'A0' as Excel.PaperType),
      (s) => (s.pageLayout.zoom = { scale: 5 }),
      (s) => (s.pageLayout.zoom = { scale: 80, horizontalFitToPages: 1 }),
      (s, o) => s.pageLayout.setPrintTitleRows(o.getRange('1:2')),
    ];
    for (const attempt of attempts) {
      await richError(
        host.run(async (context) => {
          attempt(context.workbook.worksheets.getItem('S'), context.workbook.worksheets.getItem('Other'));
          await context.sync();
        }),
        'InvalidArgument',
      );
    }
    expect(host.getPageLayout('S')).toMatchObject({ paperSize: 'Letter', zoom: { scale: 100 }, printTitleRows: null });
  });

  it('is ExcelApi 1.9: office.js refuses worksheet.pageLayout on an older Excel before any sync', async () => {
    const host = emptyHost({ apiVersion: '1.8' });
    await richError(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('S').pageLayout.orientation = 'Landscape';
        await context.sync();
      }),
      'ApiNotFound',
    );
    expect(host.stats.syncs).toBe(0);
  });

  it('margins in points (leftMargin…) or any unit (setPrintMargins), centring; toExcelJs writes pageMargins and printOptions', async () => {
    const host = emptyHost({}, 'S', 'Other');
    const read = await host.run(async (context) => {
      const layout = context.workbook.worksheets.getItem('S').pageLayout;
      layout.setPrintMargins('Inches', { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6 });
      layout.setPrintMargins('Centimeters', { header: 0.762 });
      layout.footerMargin = 36;
      layout.centerHorizontally = true;
      layout.load('leftMargin, rightMargin, topMargin, bottomMargin, headerMargin, footerMargin, centerHorizontally, centerVertically');
      await context.sync();
      return layout.toJSON();
    });
    expect(read).toEqual({ leftMargin: 36, rightMargin: 28.8, topMargin: 43.2, bottomMargin: 43.2, headerMargin: 21.6, footerMargin: 36, centerHorizontally: true, centerVertically: false });
    expect(host.getPageLayout('S')).toMatchObject({ margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.5 }, centerHorizontally: true, centerVertically: false });
    const setup = host.toExcelJs().getWorksheet('S')!.pageSetup;
    expect(setup).toMatchObject({ margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.5 }, horizontalCentered: true, verticalCentered: false });
    const { again } = await roundTrip(host);
    expect(again.getPageLayout('S')).toEqual(host.getPageLayout('S'));
    expect(again.getPageLayout('Other').margins).toEqual({ left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 });
    for (const attempt of [
      (l: Excel.PageLayout) => l.setPrintMargins('Inches', { left: -1 }),
      (l: Excel.PageLayout) => l.setPrintMargins('Furlongs' as 'Inches', { left: 1 }),
      (l: Excel.PageLayout) => (l.topMargin = Number.NaN),
      (l: Excel.PageLayout) => (l.centerVertically = 'yes' as unknown as boolean),
    ]) {
      await richError(
        host.run(async (context) => {
          attempt(context.workbook.worksheets.getItem('S').pageLayout);
          await context.sync();
        }),
        'InvalidArgument',
      );
    }
    expect(host.getPageLayout('S').margins.left).toBe(0.5);
  });
});

describe('manual page breaks: worksheet.horizontalPageBreaks (ExcelApi 1.9)', () => {
  it('add puts a break above the range\'s first row, once; items, getCount, getItem, getCellAfterBreak, delete, removePageBreaks', async () => {
    const host = emptyHost({}, 'S', 'Other');
    const read = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      const breaks = sheet.horizontalPageBreaks;
      breaks.add('A30');
      breaks.add(sheet.getRange('C12:D14'));
      breaks.add('B30');
      const count = breaks.getCount();
      const first = breaks.getItem(0).load('rowIndex, columnIndex');
      const after = breaks.getItem(1).getCellAfterBreak().load('address');
      breaks.load('items/rowIndex');
      await context.sync();
      return { count: count.value, first: first.toJSON(), after: after.address, rows: breaks.items.map((b) => b.rowIndex) };
    });
    // One break per row: B30 is the break A30 already made. rowIndex is the row that begins the page (0-based, a guess).
    expect(read).toEqual({ count: 2, first: { rowIndex: 11, columnIndex: 0 }, after: 'S!A30', rows: [11, 29] });
    expect(host.getPageLayout('S').horizontalPageBreaks).toEqual([12, 30]);
    expect(host.getPageLayout('Other').horizontalPageBreaks).toEqual([]);

    // To .xlsx as <rowBreaks><brk id="11" man="1"/>… (a break below 1-based row 11), and back from the package.
    const buffer = await host.toExcelJs().xlsx.writeBuffer();
    const again = await FakeExcelHost.fromXlsx(new Uint8Array(buffer));
    expect(again.getPageLayout('S').horizontalPageBreaks).toEqual([12, 30]);
    // And through a snapshot.
    expect(FakeExcelHost.fromSnapshot(host.toSnapshot()).getPageLayout('S').horizontalPageBreaks).toEqual([12, 30]);

    await host.run(async (context) => {
      const breaks = context.workbook.worksheets.getItem('S').horizontalPageBreaks;
      breaks.getItem(0).delete();
      await context.sync();
    });
    expect(host.getPageLayout('S').horizontalPageBreaks).toEqual([30]);
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('S').horizontalPageBreaks.removePageBreaks();
      await context.sync();
    });
    expect(host.getPageLayout('S').horizontalPageBreaks).toEqual([]);
  });

  it('refuses a break above row 1, a range of another sheet and a missing item at sync; is ExcelApi 1.9 in office.js', async () => {
    const host = emptyHost({}, 'S', 'Other');
    for (const [attempt, code] of [
      [(s: Excel.Worksheet) => s.horizontalPageBreaks.add('A1'), 'InvalidArgument'],
      [(s: Excel.Worksheet, o: Excel.Worksheet) => s.horizontalPageBreaks.add(o.getRange('A5')), 'InvalidArgument'],
      [(s: Excel.Worksheet) => s.horizontalPageBreaks.getItem(3).load('rowIndex'), 'ItemNotFound'],
    ] as const) {
      await richError(
        host.run(async (context) => {
          attempt(context.workbook.worksheets.getItem('S'), context.workbook.worksheets.getItem('Other'));
          await context.sync();
        }),
        code,
      );
    }
    const old = emptyHost({ apiVersion: '1.8' });
    await richError(
      old.run(async (context) => {
        context.workbook.worksheets.getItem('S').horizontalPageBreaks.add('A5');
        await context.sync();
      }),
      'ApiNotFound',
    );
    expect(old.stats.syncs).toBe(0);
  });
});

describe('tab colour: worksheet.tabColor (ExcelApi 1.7)', () => {
  it('reads "" for automatic and null on a hidden sheet; goes to ExcelJS as properties.tabColor', async () => {
    const host = emptyHost({}, 'S', 'Other', 'Hidden');
    const read = await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem('S').tabColor = '#c00000';
      sheets.getItem('Hidden').tabColor = 'green';
      sheets.getItem('Hidden').visibility = 'Hidden';
      await context.sync();
      sheets.load('items/name, items/tabColor');
      await context.sync();
      return sheets.items.map((s) => [s.name, s.tabColor]);
    });
    expect(read).toEqual([
      ['S', '#C00000'],
      ['Other', ''],
      ['Hidden', null],
    ]);
    expect(host.getTabColor('S')).toBe('#C00000');
    expect(host.toExcelJs().getWorksheet('S')!.properties.tabColor).toEqual({ argb: 'FFC00000' });
    const { again } = await roundTrip(host);
    expect(['S', 'Other', 'Hidden'].map((s) => again.getTabColor(s))).toEqual(['#C00000', null, '#008000']);

    await host.run(async (context) => {
      context.workbook.worksheets.getItem('S').tabColor = '';
    });
    expect(host.getTabColor('S')).toBeNull();
  });

  it('is refused by an ExcelApi 1.6 host at sync', async () => {
    const host = emptyHost({ apiVersion: '1.6' });
    await richError(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('S').tabColor = '#FF0000';
        await context.sync();
      }),
      'ApiNotFound',
    );
    expect(host.getTabColor('S')).toBeNull();
  });
});
