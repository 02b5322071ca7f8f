/** The ribbon's "Kiểm tra": one click, no pane, results written and the Kiểm tra sheet shown. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULT_SHEETS } from '../../src/core/forms/definitions';
import { FakeExcelHost } from '../fake-excel';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'chi-bo-thanh-khe-2017.xlsx');

it('runCheck is registered with Office.actions, checks the workbook, shows Kiểm tra and completes the event', async () => {
  const host = await FakeExcelHost.fromXlsx(readFileSync(EXAMPLE));
  const restore = host.installGlobals();
  try {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../../src/commands/commands');
    });
    const runCheck = host.associations.get('runCheck') as ((event: { completed(): void }) => Promise<void>) | undefined;
    expect(runCheck).toBeDefined();
    let completed = 0;
    await (runCheck as (event: { completed(): void }) => Promise<void>)({ completed: () => completed++ });
    expect(completed).toBe(1);
    expect(host.sheetNames()).toEqual(expect.arrayContaining([RESULT_SHEETS.members, RESULT_SHEETS.chiBo, RESULT_SHEETS.issues]));
    expect(host.getSelection().sheet).toBe(RESULT_SHEETS.issues);
    expect(String(host.getValue(RESULT_SHEETS.issues, 'A2'))).toMatch(/^0 lỗi, 1 cảnh báo/);
  } finally {
    restore();
  }
});

it('a failing check still completes the event (Office would otherwise show the button as hung)', async () => {
  const host = await FakeExcelHost.fromXlsx(readFileSync(EXAMPLE), { apiVersion: '1.1' });
  const restore = host.installGlobals();
  try {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('../../src/commands/commands');
    });
    const runCheck = host.associations.get('runCheck') as (event: { completed(): void }) => Promise<void>;
    let completed = 0;
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    // Excel itself fails (a lost connection, a host error).
    (globalThis as unknown as { Excel: { run: unknown } }).Excel.run = () => Promise.reject(new Error('boom'));
    await runCheck({ completed: () => completed++ });
    spy.mockRestore();
    expect(completed).toBe(1);
  } finally {
    restore();
  }
});
