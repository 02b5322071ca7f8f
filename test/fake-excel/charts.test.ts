/**
 * Charts (ExcelApi 1.1 `worksheet.charts`) on the fake host: creation from a range, properties read
 * back through load/sync, series read from the source cells, default names, deletion, requirement
 * sets, inspection and snapshots.
 */
import ExcelJS from 'exceljs';
import { FakeExcelHost, type FakeExcelOptions, FakeRichApiError } from './index';
import { richError } from './expect-error';

/** A sheet 'Điểm' with a small table: names in A, two subjects in B and C. */
function tableHost(options: FakeExcelOptions = {}): FakeExcelHost {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Điểm');
  ws.addRows([
    ['Họ tên', 'Toán', 'Văn'],
    ['An', 8, 7],
    ['Bình', 6, 9],
    ['Chi', 9, 8],
  ]);
  wb.addWorksheet('Báo cáo');
  return FakeExcelHost.fromWorkbook(wb, options);
}


describe('charts: worksheet.charts.add', () => {
  it('adds a clustered column chart from a table, sets title and position, and reads them back after a sync', async () => {
    const host = tableHost();
    const read = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Điểm');
      const chart = sheet.charts.add('ColumnClustered', sheet.getRange('A1:C4'), 'Auto');
      chart.title.text = 'Điểm thi';
      chart.setPosition('E2', 'K16');
      // Nothing is read from Excel before a sync; a property the add-in set reads back at once.
      expect(() => chart.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(() => chart.series.count).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      expect(chart.title.text).toBe('Điểm thi');
      chart.load('name, chartType, top, left, width, height');
      chart.title.load('text, visible');
      chart.legend.load('visible, position');
      const series = chart.series.load('items/name, count');
      await context.sync();
      return { chart: chart.toJSON(), series: series.items.map((s) => s.name), count: series.count, legend: chart.legend.toJSON(), title: chart.title.toJSON() };
    });
    expect(read.chart).toMatchObject({ name: 'Chart 1', chartType: 'ColumnClustered', top: 15, left: 4 * 48, width: 7 * 48, height: 15 * 15 });
    expect(read.title).toEqual({ text: 'Điểm thi', visible: true });
    expect(read.series).toEqual(['Toán', 'Văn']);
    expect(read.count).toBe(2);
    expect(read.legend).toEqual({ visible: true, position: 'Bottom' });

    expect(host.getCharts('Điểm')).toEqual([
      {
        name: 'Chart 1',
        id: expect.stringMatching(/^\{.+\}$/),
        type: 'ColumnClustered',
        title: 'Điểm thi',
        titleFont: { name: 'Calibri', size: 14, color: '#595959', bold: false, italic: false, underline: 'None' },
        source: 'Điểm!A1:C4',
        seriesBy: 'Columns',
        position: { startCell: 'E2', endCell: 'K16' },
        legend: { visible: true, position: 'Bottom' },
        dataLabels: { showValue: false, showSeriesName: false, showCategoryName: false, showLegendKey: false, showPercentage: false, showBubbleSize: false },
        series: [
          { name: 'Toán', values: [8, 6, 9], categories: ['An', 'Bình', 'Chi'] },
          { name: 'Văn', values: [7, 9, 8], categories: ['An', 'Bình', 'Chi'] },
        ],
      },
    ]);
    expect(host.getCharts('Báo cáo')).toEqual([]);
  });

  it('sets type, size, legend, data labels and the title font; set() reaches the parts', async () => {
    const host = tableHost();
    const read = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Điểm');
      const chart = sheet.charts.add('ColumnClustered', sheet.getRange('A1:C4'));
      chart.chartType = 'BarClustered';
      chart.set({ top: 30, left: 200, width: 400, height: 250, legend: { position: 'Right' }, dataLabels: { showValue: true } });
      chart.title.format.font.set({ bold: true, color: 'red', size: 16 });
      chart.title.visible = false;
      const font = chart.title.format.font.load();
      chart.load();
      await context.sync();
      return { chart: chart.toJSON(), font: font.toJSON() };
    });
    expect(read.chart).toMatchObject({ name: 'Chart 1', chartType: 'BarClustered', top: 30, left: 200, width: 400, height: 250, plotBy: 'Columns', id: expect.any(String) });
    expect(read.font).toEqual({ bold: true, color: '#FF0000', italic: false, name: 'Calibri', size: 16, underline: 'None' });
    const [chart] = host.getCharts('Điểm');
    expect(chart).toMatchObject({ type: 'BarClustered', title: null, position: { top: 30, left: 200, width: 400, height: 250 }, legend: { visible: true, position: 'Right' } });
    expect(chart.dataLabels.showValue).toBe(true);
  });

  it('setPosition takes Ranges; without endCell the size is kept; a cell on another sheet is refused', async () => {
    const host = tableHost();
    const restore = host.installGlobals();
    try {
      await host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Điểm');
        const chart = sheet.charts.add(Excel.ChartType.line, sheet.getRange('A1:C4'), Excel.ChartSeriesBy.columns);
        chart.setPosition(sheet.getRange('B6'));
        await context.sync();
      });
    } finally {
      restore();
    }
    expect(host.getCharts('Điểm')[0]).toMatchObject({ type: 'Line', position: { top: 5 * 15, left: 48, width: 360, height: 216 } });
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Điểm');
      sheet.charts.getItem('Chart 1').setPosition(sheet.getRange('B6:C7'), sheet.getRange('D20'));
      await context.sync();
    });
    expect(host.getCharts('Điểm')[0].position).toEqual({ startCell: 'B6', endCell: 'D20' });
    await richError(
      host.run(async (context) => {
        const other = context.workbook.worksheets.getItem('Báo cáo').getRange('A1');
        context.workbook.worksheets.getItem('Điểm').charts.getItem('Chart 1').setPosition(other);
        await context.sync();
      }),
      'InvalidArgument',
    );
  });

  it('puts a new chart beside its data, 360 × 216 pt; a chart may plot another sheet', async () => {
    const host = tableHost();
    await host.run(async (context) => {
      const data = context.workbook.worksheets.getItem('Điểm').getRange('A1:C4');
      context.workbook.worksheets.getItem('Điểm').charts.add('Line', data);
      context.workbook.worksheets.getItem('Báo cáo').charts.add('Line', data);
      await context.sync();
    });
    expect(host.getCharts('Điểm')[0].position).toEqual({ top: 0, left: 3 * 48, width: 360, height: 216 });
    const [report] = host.getCharts('Báo cáo');
    expect(report).toMatchObject({ name: 'Chart 1', source: 'Điểm!A1:C4', position: { top: 0, left: 0, width: 360, height: 216 } });
    expect(report.series.map((s) => s.name)).toEqual(['Toán', 'Văn']);
  });

  it('refuses an address as sourceData on the client, as office.js does; bad types and seriesBy fail the sync', async () => {
    const host = tableHost();
    await host.run(async (context) => {
      const charts = context.workbook.worksheets.getItem('Điểm').charts;
      let error: unknown;
      try {
        charts.add('ColumnClustered', 'A1:C4' as unknown as Excel.Range);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FakeRichApiError);
      expect(error).toMatchObject({ code: 'InvalidArgument', message: 'sourceData', debugInfo: { errorLocation: 'Charts.Add' } });
      await context.sync();
    });
    expect(host.stats.requests).toEqual([4]); // workbook, worksheets, getItem, charts: no add
    const badType = await richError(
      host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Điểm');
        sheet.charts.add('Column' as Excel.ChartType, sheet.getRange('A1:C4'));
        await context.sync();
      }),
      'InvalidArgument',
    );
    expect(badType.debugInfo.errorLocation).toBe('ChartCollection.add');
    await richError(
      host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Điểm');
        sheet.charts.add('Line', sheet.getRange('A1:C4'), 'Diagonal' as 'Rows');
        await context.sync();
      }),
      'InvalidArgument',
    );
    expect(host.getCharts('Điểm')).toEqual([]);
  });
});

describe('charts: series from the source range', () => {
  async function addOn(host: FakeExcelHost, address: string, seriesBy?: 'Auto' | 'Columns' | 'Rows') {
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.charts.add('ColumnClustered', sheet.getRange(address), seriesBy);
      await context.sync();
    });
    const charts = host.getCharts('S');
    return charts[charts.length - 1];
  }

  function sheetWith(rows: (string | number | null)[][]): FakeExcelHost {
    return FakeExcelHost.fromSnapshot({ sheets: [{ name: 'S', cells: Object.fromEntries(rows.flatMap((row, r) => row.map((v, c) => [`${'ABCDEFG'[c]}${r + 1}`, v]))) }] });
  }

  it('Auto takes series by columns for a tall range and by rows for a wide or square one', async () => {
    const host = sheetWith([
      ['', 'Q1', 'Q2', 'Q3'],
      ['Bắc', 1, 2, 3],
      ['Nam', 4, 5, 6],
    ]);
    const wide = await addOn(host, 'A1:D3');
    expect(wide.seriesBy).toBe('Rows');
    // The top-left cell is empty: its row and column are both headers.
    expect(wide.series).toEqual([
      { name: 'Bắc', values: [1, 2, 3], categories: ['Q1', 'Q2', 'Q3'] },
      { name: 'Nam', values: [4, 5, 6], categories: ['Q1', 'Q2', 'Q3'] },
    ]);
    const forced = await addOn(host, 'A1:D3', 'Columns');
    expect(forced.series.map((s) => [s.name, s.values, s.categories])).toEqual([
      ['Q1', [1, 4], ['Bắc', 'Nam']],
      ['Q2', [2, 5], ['Bắc', 'Nam']],
      ['Q3', [3, 6], ['Bắc', 'Nam']],
    ]);
  });

  it('without a text header row the series are Series1, …; a numeric first column is a series, not categories', async () => {
    const host = sheetWith([
      [2021, 10],
      [2022, 12],
      [2023, 15],
    ]);
    const chart = await addOn(host, 'A1:B3');
    expect(chart.seriesBy).toBe('Columns');
    expect(chart.series).toEqual([
      { name: 'Series1', values: [2021, 2022, 2023], categories: ['1', '2', '3'] },
      { name: 'Series2', values: [10, 12, 15], categories: ['1', '2', '3'] },
    ]);
    // A single series: Excel titles the chart with 'Chart Title' without a header, and shows no legend.
    const single = await addOn(host, 'B1:B3');
    expect(single).toMatchObject({ title: 'Chart Title', legend: { visible: false }, series: [{ name: 'Series1', values: [10, 12, 15] }] });
  });

  it('follows the cells, reads through the API, and renames a series', async () => {
    const host = tableHost();
    const read = await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Điểm');
      const chart = sheet.charts.add('ColumnClustered', sheet.getRange('A1:B4'));
      chart.title.load('text');
      chart.legend.load('visible');
      sheet.getRange('B3').values = [[10]];
      const first = chart.series.getItemAt(0);
      first.load('name');
      const values = first.getDimensionValues('Values');
      const categories = first.getDimensionValues('Categories');
      await context.sync();
      const before = first.name;
      first.name = 'Điểm Toán';
      const count = chart.series.getCount();
      await context.sync();
      return { title: chart.title.text, legend: chart.legend.visible, before, values: values.value, categories: categories.value, count: count.value };
    });
    // One series with a header: Excel titles the chart with its name and hides the legend.
    expect(read).toEqual({ title: 'Toán', legend: false, before: 'Toán', values: ['8', '10', '9'], categories: ['An', 'Bình', 'Chi'], count: 1 });
    expect(host.getCharts('Điểm')[0].series).toEqual([{ name: 'Điểm Toán', values: [8, 10, 9], categories: ['An', 'Bình', 'Chi'] }]);
    await richError(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Điểm').charts.getItem('Chart 1').series.getItemAt(1).load('name');
        await context.sync();
      }),
      'InvalidArgument',
    );
  });

  it('setData and plotBy read the data again', async () => {
    const host = tableHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Điểm');
      const chart = sheet.charts.add('Line', sheet.getRange('A1:B4'));
      chart.setData(sheet.getRange('A1:C4'), 'Columns');
      await context.sync();
      chart.plotBy = 'Rows';
      await context.sync();
    });
    const [chart] = host.getCharts('Điểm');
    expect(chart.source).toBe('Điểm!A1:C4');
    expect(chart.seriesBy).toBe('Rows');
    expect(chart.series.map((s) => [s.name, s.values, s.categories])).toEqual([
      ['An', [8, 7], ['Toán', 'Văn']],
      ['Bình', [6, 9], ['Toán', 'Văn']],
      ['Chi', [9, 8], ['Toán', 'Văn']],
    ]);
  });
});

describe('charts: names, lookup and deletion', () => {
  it('names charts Chart 1, Chart 2, … per sheet, never reusing a number; finds them by name and index', async () => {
    const host = tableHost();
    const read = await host.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const data = sheets.getItem('Điểm').getRange('A1:C4');
      const charts = sheets.getItem('Điểm').charts;
      charts.add('Pie', data);
      charts.add('Line', data);
      sheets.getItem('Báo cáo').charts.add('Area', data);
      await context.sync();
      charts.getItem('chart 2').delete();
      const third = charts.add('Line', data);
      third.load('name');
      const renamed = charts.getItemAt(0);
      renamed.name = 'Biểu đồ điểm';
      const missing = charts.getItemOrNullObject('Chart 2');
      const count = charts.getCount();
      charts.load('items/name, count');
      await context.sync();
      return { third: third.name, names: charts.items.map((c) => c.name), count: charts.count, total: count.value, missing: missing.isNullObject };
    });
    expect(read).toEqual({ third: 'Chart 3', names: ['Biểu đồ điểm', 'Chart 3'], count: 2, total: 2, missing: true });
    expect(host.getCharts('Báo cáo').map((c) => c.name)).toEqual(['Chart 1']);
    const error = await richError(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Điểm').charts.getItem('Chart 2');
        await context.sync();
      }),
      'ItemNotFound',
    );
    expect(error.debugInfo.errorLocation).toBe('ChartCollection.getItem');
  });

  it('a deleted chart is gone: its proxy fails with ItemNotFound', async () => {
    const host = tableHost();
    await richError(
      host.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Điểm');
        const chart = sheet.charts.add('ColumnClustered', sheet.getRange('A1:C4'));
        chart.delete();
        await context.sync();
        chart.title.text = 'Gone';
        await context.sync();
      }),
      'ItemNotFound',
    );
    expect(host.getCharts('Điểm')).toEqual([]);
  });

  it('deleting a worksheet deletes its charts; a chart elsewhere that plotted it loses its series', async () => {
    const host = tableHost();
    await host.run(async (context) => {
      const data = context.workbook.worksheets.getItem('Điểm').getRange('A1:C4');
      context.workbook.worksheets.getItem('Điểm').charts.add('Line', data);
      context.workbook.worksheets.getItem('Báo cáo').charts.add('Line', data);
      await context.sync();
      context.workbook.worksheets.getItem('Điểm').delete();
      await context.sync();
    });
    expect(host.getCharts('Báo cáo')[0]).toMatchObject({ source: null, series: [] });
    expect(host.toSnapshot().sheets[0].charts).toHaveLength(1);
  });
});

describe('charts: requirement sets', () => {
  it('on ExcelApi 1.1: getItemOrNullObject and getCount throw at the call, chartType fails the sync', async () => {
    const host = tableHost({ apiVersion: '1.1' });
    await host.run(async (context) => {
      const charts = context.workbook.worksheets.getItem('Điểm').charts;
      expect(() => charts.getItemOrNullObject('Chart 1')).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      expect(() => charts.getCount()).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      const chart = charts.add('ColumnClustered', context.workbook.worksheets.getItem('Điểm').getRange('A1:C4'));
      expect(() => chart.worksheet).toThrow(expect.objectContaining({ code: 'ApiNotFound' }));
      chart.load();
      await context.sync();
      // load() gives what 1.1 has: no chartType (1.7).
      expect(Object.keys(chart.toJSON()).sort()).toEqual(['height', 'left', 'name', 'top', 'width']);
    });
    await richError(
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Điểm').charts.getItem('Chart 1').chartType = 'Line';
        await context.sync();
      }),
      'ApiNotFound',
    );
    expect(host.getCharts('Điểm')[0].type).toBe('ColumnClustered');
  });
});

describe('charts: snapshots and .xlsx', () => {
  it('survive a snapshot round trip; a hand-written chart needs only type and source', async () => {
    const host = tableHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Điểm');
      const chart = sheet.charts.add('ColumnClustered', sheet.getRange('A1:C4'));
      chart.title.text = 'Điểm thi';
      chart.setPosition('E2', 'K16');
      chart.series.getItemAt(1).name = 'Ngữ văn';
      const other = context.workbook.worksheets.getItem('Báo cáo').charts.add('Pie', sheet.getRange('A1:B4'));
      other.set({ top: 10, left: 20, legend: { position: 'Right' }, dataLabels: { showPercentage: true } });
      await context.sync();
    });
    const snapshot = host.toSnapshot();
    const again = FakeExcelHost.fromSnapshot(JSON.stringify(snapshot));
    const withoutIds = (h: FakeExcelHost, s: string) => h.getCharts(s).map(({ id: _id, ...rest }) => rest);
    expect(withoutIds(again, 'Điểm')).toEqual(withoutIds(host, 'Điểm'));
    expect(withoutIds(again, 'Báo cáo')).toEqual(withoutIds(host, 'Báo cáo'));
    expect(again.toSnapshot()).toEqual(snapshot);

    const hand = FakeExcelHost.fromSnapshot({
      sheets: [{ name: 'S', cells: { A1: 'Tên', B1: 'Điểm', A2: 'An', B2: 8, A3: 'Bình', B3: 6 }, charts: [{ type: 'ColumnClustered', source: 'A1:B3' }, { type: 'Line', source: "'S'!B1:B3", name: 'Chart 7' }] }],
    });
    expect(hand.getCharts('S').map((c) => [c.name, c.title, c.series])).toEqual([
      ['Chart 1', 'Điểm', [{ name: 'Điểm', values: [8, 6], categories: ['An', 'Bình'] }]],
      ['Chart 7', 'Điểm', [{ name: 'Điểm', values: [8, 6], categories: ['1', '2'] }]],
    ]);
    // Numbering goes on after the highest number.
    await hand.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      sheet.charts.add('Line', sheet.getRange('A1:B3'));
      await context.sync();
    });
    expect(hand.getCharts('S').map((c) => c.name)).toEqual(['Chart 1', 'Chart 7', 'Chart 8']);
  });

  it('toExcelJs() drops charts (ExcelJS cannot write them) and keeps the rest', async () => {
    const host = tableHost();
    await host.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Điểm');
      sheet.charts.add('ColumnClustered', sheet.getRange('A1:C4'));
      await context.sync();
    });
    const buffer = await host.toExcelJs().xlsx.writeBuffer();
    const again = await FakeExcelHost.fromXlsx(new Uint8Array(buffer));
    expect(again.getCharts('Điểm')).toEqual([]);
    expect(again.getValue('Điểm', 'B2')).toBe(8);
  });
});
