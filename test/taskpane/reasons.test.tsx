/**
 * The pane says why (issue 12, RULES.md 9.21): a member undetermined for `input-error` shows its reason
 * in words with the cells it waits for, every other reason its words, and a refused ballot lists every
 * one of its reasons.
 */
import { renderToString } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { MemberResult } from '../../src/core';
import { NoticeBar } from '../../src/taskpane/components/NoticeBar';
import { reasonWords } from '../../src/taskpane/components/Explanations';
import { en, vi } from '../../src/taskpane/i18n';
import { describeNotice } from '../../src/taskpane/notices';
import { exampleResult } from './fixtures';

const html = (element: JSX.Element) => renderToString(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>);

function waiting(): MemberResult {
  const base = exampleResult().members[0];
  return {
    ...base,
    status: 'undetermined',
    level: null,
    reason: 'input-error',
    unreadable: [{ sheet: 'Kiểm phiếu đảng viên', cell: 'E9', rule: 'DATA-02', label: 'Có mặt', shown: 'Y' }],
  } as unknown as MemberResult;
}

it('input-error: the reason in words and the cell to fix, in both languages', () => {
  expect(reasonWords(vi, waiting())).toBe(`${vi.reasons['input-error']}: Kiểm phiếu đảng viên!E9`);
  expect(reasonWords(en, waiting())).toBe(`${en.reasons['input-error']}: Kiểm phiếu đảng viên!E9`);
  expect(vi.reasons['input-error']).not.toBe('');
});

it('other reasons in words; a classified member has none', () => {
  const classified = exampleResult().members.find((m) => m.status === 'classified');
  expect(classified && reasonWords(vi, classified)).toBe('');
  const absent = { ...waiting(), status: 'not-classified', reason: 'absent', unreadable: undefined } as unknown as MemberResult;
  expect(reasonWords(vi, absent)).toBe(vi.reasons.absent);
});

it('a refused ballot lists every reason, one per line', () => {
  const problems = [
    { rule: 'DATA-02', message: 'Chưa đưa đồng chí Nguyễn Văn An vào phiếu: ô E9 không đọc được', messageEn: 'Nguyễn Văn An is not put on a ballot: E9 cannot be read' },
    { rule: 'DATA-02', message: 'Chưa đưa đồng chí Trần Thị Bình vào phiếu: ô E10 không đọc được', messageEn: 'Trần Thị Bình is not put on a ballot: E10 cannot be read' },
  ];
  const notice = describeNotice({ kind: 'ballotRefused', round: 1, problems }, vi);
  // Sentences, each with its rule ID as a small tag after it, never "[DATA-02] …" leading the line.
  expect(notice.items).toEqual(problems.map((p) => ({ text: p.message, tag: p.rule })));
  const markup = html(<NoticeBar notice={notice} />);
  expect(markup.match(/<li>/g)).toHaveLength(2);
  expect(markup).toContain('Trần Thị Bình vào phiếu');
  expect(markup).not.toContain('[DATA-02]');
  expect(describeNotice({ kind: 'ballotRefused', round: 1, problems }, en).items?.[1].text).toContain('E10 cannot be read');
});
