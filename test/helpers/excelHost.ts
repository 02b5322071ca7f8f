/** A fake Excel host opened on a workbook ExcelJS builds, and a batch run in it as the task pane runs one. */
import ExcelJS from 'exceljs';
import { FakeExcelHost } from '../fake-excel';

export async function hostWith(setup: (wb: ExcelJS.Workbook) => void, apiVersion = '1.18'): Promise<FakeExcelHost> {
  const wb = new ExcelJS.Workbook();
  setup(wb);
  const buffer = await wb.xlsx.writeBuffer();
  return FakeExcelHost.fromXlsx(new Uint8Array(buffer as ArrayBuffer), { apiVersion });
}

/** `host.run(fn)` with the host's globals installed (office.js code reads `Excel` and `Office` from them). */
export function run<T>(host: FakeExcelHost, fn: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return host.withGlobals(() => host.run(fn));
}
