/**
 * Issue 13 in the pane: words, not codes. Everything the pane renders after a check of the example and
 * of every readable workbook of the corpus (test/fixtures/bad/files), the settings, the grouped actions
 * and the notices, in both languages, holds no internal code inside a sentence; issue cards say the
 * problem first, with the rule ID as a small tag, without repeating 'Sheet "…", ô B8:'; issues with one
 * cause are one card.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { checkWorkbook, type CheckResult } from '../../src/core';
import { withoutPlace } from '../../src/core/rules/words';
import { loadModel } from '../../src/xlsx/loadModel';
import { App } from '../../src/taskpane/App';
import { Actions } from '../../src/taskpane/components/Actions';
import { IssueList } from '../../src/taskpane/components/IssueList';
import { NoticeBar } from '../../src/taskpane/components/NoticeBar';
import { Results } from '../../src/taskpane/components/Results';
import { SettingsPanel } from '../../src/taskpane/components/SettingsPanel';
import { reasonWords } from '../../src/taskpane/components/Explanations';
import { en, type Lang, localizedExplanation, vi } from '../../src/taskpane/i18n';
import { groupCauses, groupIssues } from '../../src/taskpane/issues';
import { describeNotice } from '../../src/taskpane/notices';
import { DEFAULT_SETTINGS, normaliseSettings } from '../../src/taskpane/settings';
import { codesIn } from './codes';
import { issue } from './fixtures';

const noop = () => undefined;
const html = (element: ReactElement) => renderToString(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>);
/** The visible text, one line per block element, without the theme's CSS. */
function text(markup: string): string {
  return markup
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/<\/(p|li|div|h\d|dt|dd|label|option|legend|button|span)>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}
/** The attributes a person reads too: tooltips and accessible names. */
const attributes = (markup: string) => [...markup.matchAll(/(?:title|aria-label)="([^"]*)"/g)].map((m) => m[1].replace(/&quot;/g, '"')).join('\n');
const readable = (markup: string) => `${text(markup)}\n${attributes(markup)}`;

const EXAMPLE = resolve(__dirname, '..', '..', 'examples', 'chi-bo-thanh-khe-2017.xlsx');
const CORPUS = resolve(__dirname, '..', 'fixtures', 'bad', 'files');

let results: { file: string; result: CheckResult }[] = [];
beforeAll(async () => {
  const files = [EXAMPLE, ...readdirSync(CORPUS).filter((f) => f.endsWith('.xlsx')).sort().map((f) => join(CORPUS, f))];
  for (const file of files) {
    try {
      results.push({ file, result: checkWorkbook(await loadModel(file), { ruleSet: DEFAULT_SETTINGS.ruleSet, options: DEFAULT_SETTINGS.options }) });
    } catch {
      // Unreadable files never reach the pane's results (the pane says so in a notice).
    }
  }
  results = results.filter(Boolean);
}, 60_000);

describe.each(['vi', 'en'] as Lang[])('the pane in %s', (lang) => {
  const t = lang === 'vi' ? vi : en;

  it('results of the example and the corpus: no code in a sentence', () => {
    expect(results.length).toBeGreaterThan(20);
    const found = results.flatMap(({ file, result }) => codesIn(readable(html(<Results t={t} lang={lang} result={result} stale onSelect={noop} />)), lang).map((c) => `${file}: ${c}`));
    expect(found).toEqual([]);
    // The explanations (collapsed until asked for) and the reasons, as the opened list shows them.
    const explained = results.flatMap(({ result }) => [
      ...result.members.map((m) => `${m.name}: ${m.reason ? reasonWords(t, m) : ''} — ${localizedExplanation(m, lang)}`),
      ...result.chiBoResults.map((c) => localizedExplanation(c, lang)),
    ]);
    expect(explained.length).toBeGreaterThan(100);
    expect(codesIn(explained.join('\n'), lang)).toEqual([]);
  });

  it('settings: every rule set, option and value in words, no code tag and no rule ID', () => {
    for (const settings of [DEFAULT_SETTINGS, normaliseSettings({ denominator: 'present', htnvCounting: 'strict', capScope: 'ward' })]) {
      const said = readable(html(<SettingsPanel t={t} lang={lang} settings={settings} disabled={false} loading={false} onChange={noop} defaultOpen />));
      expect(codesIn(said, lang)).toEqual([]);
      expect(said).not.toMatch(/\[[a-z-]+\]/);
      expect(said).not.toMatch(/[A-Z]{2,5}-\d{2}/);
      expect(said).not.toContain('hd27-2014');
    }
  });

  it('the pane, the grouped actions and the notices: no code in a sentence', () => {
    const problems = [
      { rule: 'VOTE-07', message: 'Sheet "Thông tin chi bộ", ô B11: ghi 15 đảng viên chính thức có mặt, nhưng sheet "Danh sách đảng viên" đánh dấu có mặt 14.', messageEn: 'Sheet "Thông tin chi bộ", cell B11: 15 official members present, but the roll marks 14.' },
      { rule: 'DATA-08', message: 'Chưa nhập kết quả kiểm phiếu lần 1', messageEn: 'The round-1 tally is missing' },
    ];
    const said = [
      readable(html(<App />)),
      readable(html(<Actions t={t} enabled onCheck={noop} onClear={noop} onTemplate={noop} onCombine={noop} onBallots={noop} onMinutes={noop} onConvert={noop} legacyCells={3} defaultOpen />)),
      readable(html(<NoticeBar notice={describeNotice({ kind: 'ballotRefused', round: 2, problems }, t)} />)),
    ].join('\n');
    expect(codesIn(said, lang)).toEqual([]);
  });
});

describe('issue cards', () => {
  it('the problem in words leads; the rule ID is a small tag after it; the sheet and cell are not repeated', () => {
    const cards = [
      issue({ sheet: 'Danh sách đảng viên', cell: 'H9', rule: 'DATA-02' as never, message: 'Sheet "Danh sách đảng viên", ô H9 (Có mặt): "Y" không phải giá trị hợp lệ của có/không.', messageEn: 'Sheet "Danh sách đảng viên", cell H9 (Có mặt): "Y" is not a valid yes/no value.' }),
    ];
    const markup = html(<IssueList t={vi} lang="vi" groups={groupIssues(cards)} total={1} onSelect={noop} />);
    const said = text(markup);
    expect(said).toContain('Có mặt: "Y" không phải giá trị hợp lệ của có/không.');
    expect(said).not.toContain('Sheet "Danh sách đảng viên"');
    expect(said.indexOf('Có mặt: "Y"')).toBeLessThan(said.indexOf('DATA-02'));
    expect(markup).toMatch(/<span[^>]*title="Mã quy tắc DATA-02"[^>]*>DATA-02<\/span>/);
    expect(text(html(<IssueList t={en} lang="en" groups={groupIssues(cards)} total={1} onSelect={noop} />))).toContain('Có mặt: "Y" is not a valid yes/no value.');
  });

  it('withoutPlace: the place the heading already says goes, a row or a label stays, another sheet stays', () => {
    const at = (message: string, cell: string | null = 'B8', sheet = 'Thông tin chi bộ') => withoutPlace({ sheet, cell, message });
    expect(at('Sheet "Thông tin chi bộ", ô B8: chưa nhập "Ngày họp".')).toBe('Chưa nhập "Ngày họp".');
    expect(at('Sheet "Thông tin chi bộ", ô B8 (Ngày họp đánh giá): "12/2017" không phải ngày hợp lệ.')).toBe('Ngày họp đánh giá: "12/2017" không phải ngày hợp lệ.');
    expect(at('Sheet "Thông tin chi bộ", ô B8 chứa lỗi công thức #NAME?.')).toBe('Chứa lỗi công thức #NAME?.');
    expect(at('Sheet "Thông tin chi bộ", dòng 14: "An" vắng mặt.', 'C14')).toBe('Dòng 14: "An" vắng mặt.');
    expect(at('Sheet "Thông tin chi bộ": có 1 dòng bị ẩn.', null)).toBe('Có 1 dòng bị ẩn.');
    expect(at('Sheet "Danh sách đảng viên", ô B8: "An" không có dòng kiểm phiếu.')).toBe('Sheet "Danh sách đảng viên", ô B8: "An" không có dòng kiểm phiếu.');
    expect(at('Sheet "Thông tin chi bộ", ô B9: khác ô.')).toBe('Sheet "Thông tin chi bộ", ô B9: khác ô.');
    expect(withoutPlace({ sheet: 'A', cell: 'C3', message: 'x' }, 'en', 'Sheet "A", cell C3 (Present): "Y" is not valid.')).toBe('Present: "Y" is not valid.');
  });

  it('issues with one cause are one card, listing their cells; each cell selects its own', () => {
    const same = (cell: string) => issue({ sheet: 'Danh sách đảng viên', cell, rule: 'DATA-02' as never, message: `Sheet "Danh sách đảng viên", ô ${cell} (Có mặt): "Y" không phải giá trị hợp lệ của có/không.`, messageEn: `Sheet "Danh sách đảng viên", cell ${cell} (Có mặt): "Y" is not valid.` });
    const other = issue({ sheet: 'Danh sách đảng viên', cell: 'I10', rule: 'DATA-02' as never, message: 'Sheet "Danh sách đảng viên", ô I10 (Đã kiểm điểm): "2" không phải giá trị hợp lệ của có/không.' });
    const list = [same('H8'), same('H9'), other];
    expect(groupCauses(list).map((c) => c.issues.map((i) => i.cell))).toEqual([['H8', 'H9'], ['I10']]);
    const markup = html(<IssueList t={vi} lang="vi" groups={groupIssues(list)} total={list.length} onSelect={noop} />);
    expect(markup.match(/Có mặt: &quot;Y&quot;/g)).toHaveLength(1);
    expect(markup).toMatch(/<button[^>]*title="Chọn ô &#x27;Danh sách đảng viên&#x27;!H8"[^>]*>H8<\/button>/);
    expect(markup).toMatch(/<button[^>]*title="Chọn ô &#x27;Danh sách đảng viên&#x27;!H9"[^>]*>H9<\/button>/);
    // The heading still counts the issues, not the cards.
    expect(text(markup)).toContain('Lỗi (3)');
  });
});
