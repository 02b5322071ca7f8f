/**
 * The components rendered to HTML (no DOM here): the key texts appear, rows are buttons only when they
 * have a cell, long lists stay short, and outside Excel every button is disabled.
 */
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { OptionDef } from '../../src/core/ruleSets/types';
import { RULE_SETS } from '../../src/core/ruleSets';
import { App } from '../../src/taskpane/App';
import { Actions } from '../../src/taskpane/components/Actions';
import { IssueList, SeverityBlock } from '../../src/taskpane/components/IssueList';
import { NoticeBar } from '../../src/taskpane/components/NoticeBar';
import { Progress } from '../../src/taskpane/components/Progress';
import { Results } from '../../src/taskpane/components/Results';
import { SettingsPanel } from '../../src/taskpane/components/SettingsPanel';
import { MemberFigures, Summary } from '../../src/taskpane/components/Summary';
import { en, vi } from '../../src/taskpane/i18n';
import { groupIssues, PAGE_SIZE } from '../../src/taskpane/issues';
import { describeNotice } from '../../src/taskpane/notices';
import { DEFAULT_SETTINGS } from '../../src/taskpane/settings';
import { summarise } from '../../src/taskpane/summary';
import { exampleResult, issue, manyIssues } from './fixtures';

const noop = () => undefined;

function html(element: ReactElement): string {
  return renderToString(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>);
}

/** The visible text, without tags and with entities decoded, to search for sentences. */
function text(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ');
}

function buttons(markup: string): string[] {
  return markup.match(/<button[^>]*>/g) ?? [];
}

describe('App outside Excel', () => {
  const markup = html(<App />);

  it('says so, in Vietnamese, naming the ribbon buttons as the ribbon does; one primary action and "Việc khác"', () => {
    const t = text(markup);
    expect(t).toContain(vi.notInExcelTitle);
    expect(t).toContain(vi.notInExcelMessage);
    // manifest.xml: group "Xếp loại" on the Home tab, buttons "Kiểm tra" and "Mở bảng", in every language.
    expect(vi.notInExcelMessage).toContain('Mở bảng trong nhóm Xếp loại');
    expect(en.notInExcelMessage).toContain('Mở bảng (open the pane) in the Xếp loại group');
    for (const label of ['Kiểm tra', 'Việc khác']) expect(t).toContain(label);
    // The other actions wait, grouped, behind "Việc khác".
    expect(t).not.toContain('Xoá đánh dấu');
  });

  it('disables the buttons', () => {
    const check = buttons(markup).filter((b) => /title="Kiểm tra/.test(b));
    expect(check).toHaveLength(1);
    expect(check[0]).toMatch(/disabled=""/);
    const open = html(<Actions t={vi} enabled={false} onCheck={noop} onClear={noop} onTemplate={noop} onCombine={noop} defaultOpen />);
    const actions = buttons(open).filter((b) => /title="(Kiểm tra|Bỏ mọi|Thêm vào|Chọn các tệp)/.test(b));
    expect(actions).toHaveLength(4);
    for (const b of actions) expect(b).toMatch(/disabled=""/);
    expect(markup).toMatch(/<input[^>]*type="file"[^>]*disabled=""/);
  });

  it('has a labelled language switch and the settings heading', () => {
    expect(markup).toMatch(/<select[^>]*aria-label="Ngôn ngữ \/ Language"/);
    expect(text(markup)).toContain('Tiếng Việt');
    expect(text(markup)).toContain(vi.settingsTitle);
  });
});

describe('Actions', () => {
  it('one primary action, "Kiểm tra"; the others grouped under "Việc khác", enabled when the pane is idle', () => {
    const closed = html(<Actions t={vi} enabled onCheck={noop} onClear={noop} onTemplate={noop} onCombine={noop} onBallots={noop} onMinutes={noop} />);
    expect(buttons(closed)).toHaveLength(2);
    expect(buttons(closed)[1]).toMatch(/aria-expanded="false"/);
    const markup = html(<Actions t={vi} enabled onCheck={noop} onClear={noop} onTemplate={noop} onCombine={noop} onBallots={noop} onMinutes={noop} defaultOpen />);
    const b = buttons(markup);
    // Kiểm tra, Việc khác; In phiếu lần 1, lần 2, Biên bản; Tạo mẫu; Tổng hợp; Xoá đánh dấu.
    expect(b).toHaveLength(8);
    expect(b.some((x) => /disabled/.test(x))).toBe(false);
    expect(markup).toMatch(/role="group" aria-label="Thao tác"/);
    const groups = (markup.match(/<legend[^>]*>[^<]*/g) ?? []).map((l) => l.replace(/<legend[^>]*>/, ''));
    expect(groups).toEqual([vi.groupTitles.meeting, vi.groupTitles.template, vi.groupTitles.combine, vi.groupTitles.flags]);
  });

  it('"Tổng hợp các chi bộ" has a hidden picker of several .xlsx files', () => {
    const markup = html(<Actions t={en} enabled onCheck={noop} onClear={noop} onTemplate={noop} onCombine={noop} defaultOpen />);
    expect(text(markup)).toContain('Combine chi bộ workbooks');
    const input = markup.match(/<input[^>]*>/g) ?? [];
    expect(input).toHaveLength(1);
    expect(input[0]).toMatch(/type="file"/);
    expect(input[0]).toMatch(/multiple=""/);
    expect(input[0]).toMatch(/accept="\.xlsx"/);
    expect(input[0]).not.toMatch(/disabled/);
  });
});

describe('Progress', () => {
  it('names the stage of the check', () => {
    expect(text(html(<Progress t={vi} stage="reading" />))).toContain('Bước 1/3: Đang đọc sổ tính…');
    expect(text(html(<Progress t={vi} stage="checking" />))).toContain('Bước 2/3: Đang kiểm tra…');
    expect(text(html(<Progress t={vi} stage="writing" />))).toContain('Bước 3/3: Đang ghi kết quả…');
    expect(text(html(<Progress t={en} stage="clearing" />))).toContain('Clearing the flags…');
    expect(text(html(<Progress t={vi} stage="combining" />))).toContain('Đang đọc và kiểm tra các tệp của chi bộ…');
    const markup = html(<Progress t={vi} stage="checking" />);
    expect(markup).toMatch(/role="progressbar"/);
    expect(markup).toMatch(/aria-live="polite"/);
  });
});

describe('Summary', () => {
  const result = exampleResult();
  const summary = summarise(result);

  it('shows levels with their Vietnamese names, other statuses, N and the cap, the chi bộ and the counts', () => {
    const t = text(html(<><Summary t={vi} lang="vi" summary={summary} /><MemberFigures t={vi} summary={summary} /></>));
    for (const name of Object.values(vi.memberLevels)) expect(t).toContain(name);
    for (const name of Object.values(vi.statuses).filter((s) => s !== vi.statuses.classified)) expect(t).toContain(name);
    expect(t).toContain(`N = ${result.figures?.n}`);
    expect(t).toContain(vi.figuresCap);
    expect(t).toContain(result.chiBo as string);
    const level = result.chiBoResults[0]?.level;
    if (level) expect(t).toContain(vi.chiBoLevels[level]);
    if (summary.errors > 0) expect(t).toContain(vi.errors(summary.errors));
  });

  it('the counts are buttons that lead to the list', () => {
    const counts = { ...summary, errors: 6, warnings: 1 };
    const markup = html(<Summary t={vi} lang="vi" summary={counts} onShow={noop} />);
    const links = (markup.match(/<button[^>]*>[^<]*/g) ?? []).map((b) => ({ title: /title="([^"]*)"/.exec(b)?.[1], text: b.replace(/<button[^>]*>/, '') }));
    expect(links).toEqual([
      { title: vi.showInList, text: '6 lỗi' },
      { title: vi.showInList, text: '1 cảnh báo' },
    ]);
  });

  it('marks a provisional chi bộ result, with the score in Vietnamese notation', () => {
    const provisional = { ...summary, chiBo: { name: 'Chi bộ 1', level: 'HTTNV' as const, score: 85.5, provisional: true }, errors: 0, warnings: 0 };
    const t = text(html(<Summary t={vi} lang="vi" summary={provisional} />));
    expect(t).toContain('tạm thời');
    expect(t).toContain('85,5 điểm');
    expect(t).toContain(vi.allClear);
  });

  it('speaks English when asked', () => {
    const t = text(html(<MemberFigures t={en} summary={summary} />));
    expect(t).toContain('Completed duties excellently');
    expect(t).not.toContain('Hoàn thành xuất sắc nhiệm vụ');
  });
});

describe('IssueList', () => {
  const list = [
    issue({ sheet: 'Danh sách đảng viên', cell: 'E7', rule: 'DATA-03' as never, message: 'Ngày sinh không có thật', messageEn: 'No such date' }),
    issue({ sheet: 'Danh sách đảng viên', cell: 'F8', severity: 'warning', rule: 'ELIG-03' as never, message: 'Chưa kiểm điểm', messageEn: 'Not reviewed' }),
    issue({ sheet: 'Kiểm phiếu đảng viên', cell: null, rule: 'DATA-01' as never, message: 'Thiếu trang kiểm phiếu', messageEn: 'Tally sheet missing' }),
  ];
  const render = (lang: 'vi' | 'en') => html(<IssueList t={lang === 'vi' ? vi : en} lang={lang} groups={groupIssues(list)} total={list.length} onSelect={noop} />);

  it('shows each issue with its rule, cell and message, under its sheet and severity', () => {
    const markup = render('vi');
    const t = text(markup);
    for (const x of ['Danh sách đảng viên', 'Kiểm phiếu đảng viên', 'DATA-03', 'E7', 'Ngày sinh không có thật', 'ELIG-03', 'F8', 'Lỗi (1)', 'Cảnh báo (1)', 'cả trang']) expect(t).toContain(x);
    expect(t.indexOf('Ngày sinh không có thật')).toBeLessThan(t.indexOf('Chưa kiểm điểm'));
  });

  it('makes only the rows with a cell keyboard-operable buttons', () => {
    const markup = render('vi');
    const rows = markup.match(/<div role="button" tabindex="0"[^>]*>/g) ?? [];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain("title=\"Chọn ô &#x27;Danh sách đảng viên&#x27;!E7\"");
  });

  it('sheet headings are disclosure buttons that say whether they are open', () => {
    const markup = render('vi');
    expect(markup).toMatch(/<h3[^>]*><button[^>]*aria-expanded="true"/);
  });

  it('shows the English messages in English', () => {
    const t = text(render('en'));
    expect(t).toContain('No such date');
    expect(t).toContain('Errors (1)');
    expect(t).not.toContain('Ngày sinh không có thật');
  });

  it('renders a list of 1,500 issues collapsed, without a single row', () => {
    const many = [...manyIssues('Danh sách đảng viên', 1000), ...manyIssues('Kiểm phiếu đảng viên', 500)];
    const start = Date.now();
    const markup = html(<IssueList t={vi} lang="vi" groups={groupIssues(many)} total={many.length} onSelect={noop} />);
    expect(Date.now() - start).toBeLessThan(1000);
    expect(text(markup)).toContain('500 lỗi, 500 cảnh báo');
    expect(markup).not.toContain('role="button" tabindex="0"');
    expect(markup).toMatch(/aria-expanded="false"/);
  });

  it('shows the first page of a long group, then "Xem thêm"', () => {
    const group = { severity: 'error' as const, issues: manyIssues('A', 2 * PAGE_SIZE + 50) };
    const markup = html(<SeverityBlock t={vi} lang="vi" group={group} onSelect={noop} />);
    expect(markup.match(/<li>/g)).toHaveLength(PAGE_SIZE);
    expect(text(markup)).toContain(`Xem thêm (đang hiện ${PAGE_SIZE}/${2 * PAGE_SIZE + 50})`);
  });
});

describe('SettingsPanel', () => {
  const options = Object.values(RULE_SETS[0].options as unknown as Record<string, OptionDef>);

  it('is generated from the rule set: its label and every value description', () => {
    const t = text(html(<SettingsPanel t={vi} lang="vi" settings={DEFAULT_SETTINGS} disabled={false} loading={false} onChange={noop} defaultOpen />));
    expect(t).toContain(RULE_SETS[0].title);
    for (const def of options) {
      expect(t).toContain(def.label);
      for (const value of def.values) expect(t).toContain(def.describe[value]);
    }
    expect(t).toContain('(mặc định)');
  });

  it('labels each radio group and the rule-set dropdown', () => {
    const markup = html(<SettingsPanel t={vi} lang="vi" settings={DEFAULT_SETTINGS} disabled={false} loading={false} onChange={noop} defaultOpen />);
    expect(markup.match(/role="radiogroup"[^>]*aria-labelledby="[^"]+"/g)).toHaveLength(options.length);
    expect(markup).toMatch(/<label[^>]*for="[^"]+"[^>]*>Bộ quy tắc/);
    expect(markup.match(/type="radio"[^>]*checked=""/g)).toHaveLength(options.length);
  });

  it('uses the English labels in English and is disabled while something runs', () => {
    const markup = html(<SettingsPanel t={en} lang="en" settings={DEFAULT_SETTINGS} disabled loading={false} onChange={noop} defaultOpen />);
    for (const def of options) expect(text(markup)).toContain(def.labelEn);
    expect(markup.match(/type="radio"[^>]*disabled=""/g)?.length).toBeGreaterThan(0);
  });

  it('is collapsed by default', () => {
    const markup = html(<SettingsPanel t={vi} lang="vi" settings={DEFAULT_SETTINGS} disabled={false} loading={false} onChange={noop} />);
    expect(markup).not.toContain('role="radiogroup"');
    expect(markup).toMatch(/aria-expanded="false"/);
  });
});

describe('Results and notices', () => {
  it('a result shows the summary, the issues and the explanations headings', () => {
    const result = exampleResult();
    const t = text(html(<Results t={vi} lang="vi" result={result} stale onSelect={noop} />));
    expect(t).toContain(vi.summaryTitle);
    expect(t).toContain(vi.staleResult);
    if (result.issues.length > 0) expect(t).toContain(vi.issuesTitle);
    expect(t).toContain(vi.membersListTitle(result.members.length));
  });

  it('a failure notice is a message bar with advice and a code, no stack', () => {
    const notice = describeNotice({ kind: 'failure', action: 'clear', failure: { kind: 'protected', code: 'AccessDenied' } }, vi);
    const markup = html(<NoticeBar notice={notice} dismissLabel={vi.dismiss} onDismiss={noop} />);
    expect(text(markup)).toContain(vi.failureTitles.clear);
    expect(text(markup)).toContain('Mã lỗi: AccessDenied');
    expect(text(markup)).toContain(vi.dismiss);
  });
});
