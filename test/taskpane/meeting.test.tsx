/**
 * The meeting-day group of the pane ("In phiếu lần 1", "In phiếu lần 2", "Biên bản") and what it says
 * afterwards, in both languages; the entry points themselves run against the fake host in
 * test/office/meeting.test.ts.
 */
import { renderToString } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { Actions } from '../../src/taskpane/components/Actions';
import { MeetingActions } from '../../src/taskpane/components/MeetingActions';
import { en, vi } from '../../src/taskpane/i18n';
import { describeNotice } from '../../src/taskpane/notices';
import { ExcelUnavailableError, printBallotsInOpenWorkbook, writeMinutesInOpenWorkbook } from '../../src/office/runCheck';

const noop = () => undefined;
const html = (element: JSX.Element) => renderToString(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>);
const buttons = (markup: string) => markup.match(/<button[^>]*>[^<]*/g) ?? [];

it('offers "In phiếu lần 1", "In phiếu lần 2" and "Biên bản" as a group of their own, enabled when idle', () => {
  const markup = html(<MeetingActions t={vi} enabled onBallots={noop} onMinutes={noop} />);
  const b = buttons(markup);
  expect(b.map((x) => x.replace(/<button[^>]*>/, ''))).toEqual(['In phiếu lần 1', 'In phiếu lần 2', 'Biên bản']);
  expect(b.some((x) => /disabled/.test(x))).toBe(false);
  expect(markup).toContain('aria-label="Ngày họp: phiếu và biên bản"');
  expect(html(<MeetingActions t={en} enabled onBallots={noop} onMinutes={noop} />)).toContain('Ballots, round 2');
});

it('outside Excel the group is there under "Việc khác" and disabled, and the entry points refuse', async () => {
  const pane = html(<App />);
  expect(pane).toContain(`>${vi.moreButton}<`);
  expect(pane).toMatch(new RegExp(`<button[^>]*aria-expanded="false"[^>]*title="${vi.moreHint.replace(/[()]/g, '\\$&')}"`));
  const markup = html(<Actions t={vi} enabled={false} onCheck={noop} onClear={noop} onTemplate={noop} onCombine={noop} onBallots={noop} onMinutes={noop} defaultOpen />);
  const meeting = buttons(markup).filter((b) => /In phiếu lần|>Biên bản/.test(b));
  expect(meeting).toHaveLength(3);
  for (const b of meeting) expect(b).toMatch(/disabled=""/);
  await expect(printBallotsInOpenWorkbook(1)).rejects.toBeInstanceOf(ExcelUnavailableError);
  await expect(writeMinutesInOpenWorkbook()).rejects.toBeInstanceOf(ExcelUnavailableError);
});

it('says what was written: the sheet, members, copies, pages and, in round 2, K', () => {
  const round2 = describeNotice({ kind: 'ballot', round: 2, sheet: 'Phiếu lần 2', names: 13, copies: 15, pages: 15, cap: 1 }, vi);
  expect(round2).toMatchObject({ intent: 'success', title: 'Phiếu lần 2' });
  expect(round2.message).toContain('13 đồng chí, 15 bản');
  expect(round2.message).toContain('chọn không quá 1 đồng chí');
  expect(describeNotice({ kind: 'ballot', round: 1, sheet: 'Phiếu lần 1', names: 16, copies: 15, pages: 15, cap: null }, en).message).not.toContain('at most');
});

it('DATA-08 a refused round 2 names the rules and the reason, in the pane`s language', () => {
  const problems = [{ rule: 'DATA-08', message: 'Chưa nhập kết quả kiểm phiếu lần 1', messageEn: 'The round-1 tally is missing' }];
  const vn = describeNotice({ kind: 'ballotRefused', round: 2, problems }, vi);
  expect(vn).toMatchObject({ intent: 'warning' });
  expect(vn.message).toBe('Chưa in phiếu lần 2 vì:');
  expect(vn.items).toEqual([{ text: 'Chưa nhập kết quả kiểm phiếu lần 1', tag: 'DATA-08' }]);
  expect(describeNotice({ kind: 'ballotRefused', round: 2, problems }, en).items).toEqual([{ text: 'The round-1 tally is missing', tag: 'DATA-08' }]);
});

it('the minutes: success without errors, a warning to fix them before signing otherwise', () => {
  expect(describeNotice({ kind: 'minutes', errors: 0, warnings: 1 }, vi).intent).toBe('success');
  const withErrors = describeNotice({ kind: 'minutes', errors: 2, warnings: 0 }, vi);
  expect(withErrors.intent).toBe('warning');
  expect(withErrors.message).toContain('còn 2 lỗi');
  expect(describeNotice({ kind: 'failure', action: 'minutes', failure: { kind: 'busy', code: null } }, en).title).toBe(en.failureTitles.minutes);
});
