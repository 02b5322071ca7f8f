/**
 * The check's results for a person at a terminal (`xeploai check` without `--json`): each member's
 * outcome, the chi bộ's, and under hd43-2025 the scores, the word "đề xuất" (the level is the chi bộ's
 * proposal; the cấp ủy decides) and the settings used by default. What differs between the rule sets is
 * the data of CLI_PAPERS, chosen by the result's rule set.
 */
import type { CheckResult } from '../core/check';
import type { ChiBoResult } from '../core/rules/cb';
import type { MemberResult } from '../core/rules/mem';
import { levelName } from '../core/rules/mem';
import { vn } from '../core/rules/rules25';
import { defaultSettings, reasonInline, reasonWordsOf, resultWords, settingValueWords } from '../core/rules/words';
import { findRuleSet } from '../core/ruleSets';
import type { AnyRuleSet } from '../core/ruleSets/types';

const STATUS_INLINE: Readonly<Record<MemberResult['status'], string>> = { 'not-classified': 'không phân loại', deferred: 'phân loại sau', undetermined: 'CHƯA XÁC ĐỊNH', classified: 'đã phân loại' };

/** A member's outcome in words: the level, or the status and why ("không phân loại: miễn công tác …"). */
export function outcomeWords(m: MemberResult): string {
  if (m.level) return m.level;
  const status = STATUS_INLINE[m.status];
  return m.reason ? `${status}: ${reasonInline(m.reason)}` : status;
}

/** "92 điểm (28 + 64)"; "chưa có điểm" without a score. */
export function scoreWords(score: number | null | undefined, parts: { readonly common: number | null; readonly tasks: number | null } | null | undefined): string {
  if (score === null || score === undefined) return 'chưa có điểm';
  const both = parts && parts.common !== null && parts.tasks !== null ? ` (${vn(parts.common)} + ${vn(parts.tasks)})` : '';
  return `${vn(score)} điểm${both}`;
}

interface CliPaper {
  readonly membersHeading: (result: CheckResult) => string;
  readonly member: (m: MemberResult, result: CheckResult) => string;
  readonly chiBo: (c: ChiBoResult) => string;
}

const HD27: CliPaper = {
  membersHeading: (result) => {
    const f = result.figures;
    return `  Đảng viên${f ? ` (N = ${f.n}; giới hạn HTXSNV ${f.cap} = 15% của ${f.pool} HTTNV)` : ''}:`;
  },
  member: (m) => `    ${m.name}: ${outcomeWords(m)} — ${m.explanation}`,
  chiBo: (c) => `  Chi bộ: ${c.level ?? 'CHƯA XÁC ĐỊNH'}${c.provisional ? ' (tạm thời)' : ''} — ${c.explanation}`,
};

const lowerFirst = (s: string): string => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s);

const HD43: CliPaper = {
  membersHeading: (result) => {
    const f = result.figures;
    const percent = result.settings?.find((s) => s.key === 'capPercent')?.value ?? 20;
    return `  Đảng viên — ${resultWords(result.ruleSet).levelHeading.vi.toLocaleLowerCase('vi')}${f ? ` (${f.n} đảng viên được phân loại; giới hạn HTXSNV tạm tính trong chi bộ ${f.cap} = ${vn(Number(percent))}% của ${f.pool})` : ''}:`;
  },
  member: (m, result) => {
    const lead = resultWords(result.ruleSet).levelLead.vi;
    const outcome = m.level
      ? `${lead}${m.level} (${levelName(m.level)})`
      : `${STATUS_INLINE[m.status]}${m.reason ? `: ${lowerFirst(reasonWordsOf(m.reason, result.ruleSet))}` : ''}`;
    return `    ${m.name}: ${outcome}, ${scoreWords(m.score, m.scoreParts)} — ${m.explanation}`;
  },
  chiBo: (c) => `  Chi bộ: ${c.level ? `đề xuất ${c.level}` : 'CHƯA XÁC ĐỊNH'}${c.provisional ? ' (tạm thời)' : ''}, ${scoreWords(c.score, c.scoreParts)} — ${c.explanation}`,
};

const CLI_PAPERS: Readonly<Record<AnyRuleSet['engine'], CliPaper>> = { hd27: HD27, hd43: HD43 };

function paperOf(result: CheckResult): CliPaper {
  return CLI_PAPERS[findRuleSet(result.ruleSet)?.engine ?? 'hd27'];
}

/** The members' heading and one line per member, the chi bộ's line, then the settings used by default. */
export function resultLines(result: CheckResult): string[] {
  const paper = paperOf(result);
  const lines: string[] = [];
  if (result.members.length > 0) {
    lines.push(paper.membersHeading(result));
    for (const m of result.members) lines.push(paper.member(m, result));
  }
  for (const c of result.chiBoResults) lines.push(paper.chiBo(c));
  const defaults = defaultSettings(result.settings);
  if (defaults.length > 0) {
    lines.push(`  Thiết lập theo mặc định (sheet "Bộ tiêu chí" chưa ghi; đề nghị đối chiếu hướng dẫn của cấp ủy): ${defaults.map((s) => `${s.label} = ${settingValueWords(s)}${s.cell ? ` (ô ${s.cell})` : ''}`).join('; ')}.`);
  }
  return lines;
}
