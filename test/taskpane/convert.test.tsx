/**
 * "Chuyển sang Unicode" (DATA-06) in the pane: the button shows only when the last check found legacy
 * text, with the count, and the outcome is said in both languages.
 */
import { renderToString } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { Actions } from '../../src/taskpane/components/Actions';
import { en, vi } from '../../src/taskpane/i18n';
import { describeNotice } from '../../src/taskpane/notices';

const noop = () => undefined;
const render = (legacyCells: number, t = vi, defaultOpen = false) =>
  renderToString(
    <FluentProvider theme={webLightTheme}>
      <Actions t={t} enabled onCheck={noop} onClear={noop} onTemplate={noop} onCombine={noop} legacyCells={legacyCells} onConvert={noop} defaultOpen={defaultOpen} />
    </FluentProvider>,
  );
const buttons = (markup: string) => markup.match(/<button[^>]*>/g) ?? [];

it('DATA-06 no "Chuyển sang Unicode" button next to "Kiểm tra" without legacy text; in its group it is disabled', () => {
  const markup = render(0);
  expect(buttons(markup)).toHaveLength(2);
  expect(markup).not.toContain('Chuyển sang Unicode');
  const open = render(0, vi, true);
  const convert = buttons(open).filter((b) => b.includes(vi.convertHint));
  expect(convert).toHaveLength(1);
  expect(convert[0]).toMatch(/disabled=""/);
  expect(open).toContain(vi.convertIdle);
});

it('DATA-06 the "Chuyển sang Unicode" button shows the count of legacy cells', () => {
  const markup = render(7);
  expect(buttons(markup)).toHaveLength(3);
  expect(markup).toContain('Chuyển sang Unicode (7 ô)');
  expect(render(1, en)).toContain('Convert to Unicode (1 cell)');
});

it('DATA-06 the outcome of the conversion, in both languages', () => {
  expect(describeNotice({ kind: 'converted', cells: 12 }, vi)).toMatchObject({ intent: 'success', message: expect.stringContaining('12 ô sang Unicode') });
  expect(describeNotice({ kind: 'converted', cells: 0 }, en)).toMatchObject({ intent: 'info', message: en.nothingToConvert });
  expect(describeNotice({ kind: 'failure', action: 'convert', failure: { kind: 'busy', code: null } }, vi).title).toBe(vi.failureTitles.convert);
});
