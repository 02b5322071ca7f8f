/**
 * The pane on a hd43-2025 result (issue 14): the chi bộ's and each member's level said as a proposal
 * ("Đề xuất xếp loại"), each member's score with its two groups, the settings used by default as a
 * notice (CFG25-01); the meeting group offers "Phiếu chấm điểm" instead of the 2014 ballots, and what it
 * says afterwards. hd27-2014's results read as before.
 */
import { renderToString } from 'react-dom/server';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { MeetingActions } from '../../src/taskpane/components/MeetingActions';
import { reasonWords } from '../../src/taskpane/components/Explanations';
import { Results } from '../../src/taskpane/components/Results';
import { en, vi } from '../../src/taskpane/i18n';
import { describeNotice } from '../../src/taskpane/notices';
import { resultWords } from '../../src/core/rules/words';
import { ExcelUnavailableError, printScoreSheetsInOpenWorkbook } from '../../src/office/runCheck';
import { result25 } from '../output/results25';
import { exampleResult } from './fixtures';

const noop = () => undefined;
const html = (element: JSX.Element) => renderToString(<FluentProvider theme={webLightTheme}>{element}</FluentProvider>);
const text = (markup: string) => markup.replace(/<[^>]*>/g, ' ').replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
const buttons = (markup: string) => (markup.match(/<button[^>]*>[^<]*/g) ?? []).map((b) => b.replace(/<button[^>]*>/, ''));

describe('results under hd43-2025', () => {
  it('M25-15: the chi bộ\'s level is a proposal, with its score', () => {
    const t = text(html(<Results t={vi} lang="vi" result={result25()} stale={false} onSelect={noop} />));
    expect(t).toContain('Chi bộ Thanh Khê : Đề xuất xếp loại: Hoàn thành tốt nhiệm vụ · 86,5 điểm');
    const en25 = text(html(<Results t={en} lang="en" result={result25()} stale={false} onSelect={noop} />));
    expect(en25).toContain('Proposed level: Completed duties well · 86.5 points');
  });

  it('CFG25-01: the settings used by default are a notice naming each, its value and the cell to confirm it in', () => {
    const markup = html(<Results t={vi} lang="vi" result={result25()} stale={false} onSelect={noop} />);
    const t = text(markup);
    expect(markup).toContain('data-testid="default-settings"');
    expect(t).toContain('Thiết lập dùng giá trị mặc định');
    expect(t).toContain('Sheet “Bộ tiêu chí” chưa ghi 2 thiết lập');
    expect(t).toContain('Tỷ lệ HTXSNV tối đa (%): 20 (ô Bộ tiêu chí!B14)');
    expect(t).toContain('Bước điểm: 0,5');
    expect(t).not.toContain('Phạm vi giới hạn:');
  });

  it('M25-20: the figures are those of the score: members proposed a level, HTTNV or better before the cap, the provisional cap', () => {
    const t = text(html(<Results t={vi} lang="vi" result={result25()} stale={false} onSelect={noop} />));
    expect(t).toContain('Đảng viên được đề xuất xếp loại 4');
    expect(t).toContain('Đạt từ HTTNV trở lên (trước giới hạn) 2');
    expect(t).toContain('Tối đa được HTXSNV (tạm tính trong chi bộ) 0');
    expect(t).not.toContain('N = ');
  });

  it('M25-20: a tie at the cap is said in the rule set\'s words (scores, the committee decides), not 15 % of votes', () => {
    const tied = { ...result25().members[0], status: 'undetermined' as const, level: null, reason: 'tie-at-cap' as const };
    expect(reasonWords(vi, tied, 'hd43-2025')).toBe('Bằng điểm ở ngưỡng giới hạn HTXSNV: cấp ủy quyết định');
    expect(reasonWords(en, tied, 'hd43-2025')).toBe('Tied at the HTXSNV cap: the committee decides');
    expect(reasonWords(vi, tied, 'hd27-2014')).toBe(vi.reasons['tie-at-cap']);
  });

  it('hd27-2014: no proposal, no settings notice', () => {
    const markup = html(<Results t={vi} lang="vi" result={exampleResult()} stale={false} onSelect={noop} />);
    expect(markup).not.toContain('default-settings');
    expect(text(markup)).not.toContain('Đề xuất');
  });

  it('the rule set\'s words: "Đề xuất xếp loại" and the scoring sheets for hd43-2025, the ballots for hd27-2014', () => {
    expect(resultWords('hd43-2025')).toMatchObject({ levelHeading: { vi: 'Đề xuất xếp loại' }, meetingPapers: 'scoreSheets' });
    expect(resultWords('hd27-2014')).toMatchObject({ levelHeading: { vi: 'Mức xếp loại' }, meetingPapers: 'ballots' });
    expect(resultWords('no-such-rule-set').meetingPapers).toBe('ballots');
  });
});

describe('the meeting day under hd43-2025', () => {
  it('offers "Phiếu chấm điểm" alone, not the 2014 ballots and minutes', async () => {
    expect(buttons(html(<MeetingActions t={vi} enabled onBallots={noop} onMinutes={noop} papers="scoreSheets" onScoreSheets={noop} />))).toEqual(['Phiếu chấm điểm']);
    expect(buttons(html(<MeetingActions t={en} enabled onBallots={noop} onMinutes={noop} papers="scoreSheets" onScoreSheets={noop} />))).toEqual(['Scoring sheets']);
    expect(buttons(html(<MeetingActions t={vi} enabled onBallots={noop} onMinutes={noop} papers="ballots" onScoreSheets={noop} />))).toEqual(['In phiếu lần 1', 'In phiếu lần 2', 'Biên bản']);
    await expect(printScoreSheetsInOpenWorkbook()).rejects.toBeInstanceOf(ExcelUnavailableError);
  });

  it('says what was written, why not, and a 2014 paper refused in one line without a rule tag', () => {
    const written = describeNotice({ kind: 'scoreSheets', sheet: 'Phiếu chấm điểm đảng viên', names: 12, pages: 12 }, vi);
    expect(written).toMatchObject({ intent: 'success', title: 'Phiếu chấm điểm' });
    expect(written.message).toContain('12 đồng chí, mỗi đồng chí một trang (12 trang A4)');
    const refused = describeNotice({ kind: 'scoreSheetsRefused', problems: [{ rule: 'CFG25-02', message: 'Bảng tiêu chí chưa dùng được', messageEn: 'Criteria not usable' }] }, en);
    expect(refused.items).toEqual([{ text: 'Criteria not usable', tag: 'CFG25-02' }]);
    const line = 'Sổ này theo Quy định 366-QĐ/TW ngày 30/8/2025, Hướng dẫn 43-HD/BTCTW ngày 31/10/2025: không dùng phiếu bỏ phiếu hai lần (Mẫu 07-KĐ.ĐV).';
    expect(describeNotice({ kind: 'ballotRefused', round: 1, problems: [{ rule: '', message: line, messageEn: 'x' }] }, vi).items).toEqual([{ text: line }]);
    const minutes = describeNotice({ kind: 'paperRefused', paper: 'minutes', message: line, messageEn: 'This workbook follows hd43-2025' }, vi);
    expect(minutes).toMatchObject({ intent: 'warning', title: 'Biên bản kiểm phiếu', items: [{ text: line }] });
  });
});
