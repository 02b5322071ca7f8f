/**
 * What a person reads instead of the engine's codes: a member's status and reason in words (Vietnamese
 * and English), and an issue's message without the 'Sheet "…", ô B8:' its place already says. The codes
 * (`exempt`, `input-error` …) stay in the JSON report; the screen (command line, task pane) uses these.
 */
import { CRITERIA_SETTINGS } from '../forms/definitions';
import { findRuleSet } from '../ruleSets';
import type { SettingUsed } from '../ruleSets/engineOutput';
import type { AnyRuleSet } from '../ruleSets/types';
import type { ExclusionReason } from './elig';
import type { MemberStatus, UndeterminedReason } from './mem';
import { vn } from './rules25';

export type Reason = ExclusionReason | UndeterminedReason;
export type Words = { readonly vi: string; readonly en: string };

/** A member's status, as a clerk says it. */
export const STATUS_WORDS: Readonly<Record<MemberStatus, Words>> = {
  classified: { vi: 'Đã phân loại', en: 'Classified' },
  'not-classified': { vi: 'Không phân loại', en: 'Not classified' },
  deferred: { vi: 'Phân loại sau', en: 'Deferred' },
  undetermined: { vi: 'Chưa xác định', en: 'Undetermined' },
};

/** Why a member is not classified, deferred or undetermined (FORMS.md `reason`), as a clerk says it. */
export const REASON_WORDS: Readonly<Record<Reason, Words>> = {
  exempt: { vi: 'Miễn công tác và sinh hoạt đảng', en: 'Exempt from party work and activities' },
  'admitted-under-6-months': { vi: 'Vào Đảng chưa đủ 6 tháng', en: 'Admitted under 6 months ago' },
  absent: { vi: 'Vắng mặt', en: 'Absent' },
  'no-self-review': { vi: 'Chưa kiểm điểm', en: 'No self-review' },
  suspended: { vi: 'Đang bị đình chỉ sinh hoạt đảng', en: 'Suspended from party activity' },
  'no-decisive-vote': { vi: 'Không mức nào đủ phiếu: bỏ phiếu lại', en: 'No level reached: vote again' },
  'tie-at-cap': { vi: 'Bằng phiếu ở ngưỡng 15%: chi bộ quyết định', en: 'Tied at the 15 % cap: the chi bộ decides' },
  'missing-rating': { vi: 'Thiếu xếp loại CBCCVC', en: 'Civil-service rating missing' },
  'rating-conflict': { vi: 'Phiếu bầu mâu thuẫn xếp loại CBCCVC', en: 'Vote conflicts with the civil-service rating' },
  'vote-data-error': { vi: 'Số phiếu có lỗi', en: 'Vote counts have errors' },
  'no-tally-row': { vi: 'Không có dòng kiểm phiếu', en: 'No tally row' },
  'input-error': { vi: 'Chờ sửa ô không đọc được', en: 'Waits for a cell that cannot be read' },
  'no-score-row': { vi: 'Không có dòng chấm điểm', en: 'No scoring row' },
  'no-score': { vi: 'Chưa có điểm hợp lệ', en: 'No valid score yet' },
};

/**
 * What a rule set's results are called where they are shown (result sheets, command line, pane): under
 * hd27-2014 the chi bộ's vote decides ("Mức xếp loại"); under hd43-2025 the level is the chi bộ's proposal
 * and the cấp ủy decides ("Đề xuất xếp loại", RULES-2025.md). Chosen by the result's rule set, never by
 * an `if` at each place that shows a level.
 */
export interface ResultWords {
  /** The heading of a level: "Mức xếp loại" / "Đề xuất xếp loại". */
  readonly levelHeading: Words;
  /** Put before a level inside a line ("đề xuất HTTNV"); empty where the level is decided. */
  readonly levelLead: Words;
  /** Reasons said otherwise under this rule set (the cap is not 15 % of votes under hd43-2025). */
  readonly reasons: Readonly<Partial<Record<Reason, Words>>>;
  /** The meeting day's papers: the two-round ballots and minutes (2014), or one scoring sheet per member. */
  readonly meetingPapers: 'ballots' | 'scoreSheets';
}

export const RESULT_WORDS: Readonly<Record<AnyRuleSet['engine'], ResultWords>> = {
  hd27: {
    levelHeading: { vi: 'Mức xếp loại', en: 'Level' },
    levelLead: { vi: '', en: '' },
    reasons: {},
    meetingPapers: 'ballots',
  },
  hd43: {
    levelHeading: { vi: 'Đề xuất xếp loại', en: 'Proposed level' },
    levelLead: { vi: 'đề xuất ', en: 'proposed ' },
    reasons: { 'tie-at-cap': { vi: 'Bằng điểm ở ngưỡng giới hạn HTXSNV: cấp ủy quyết định', en: 'Tied at the HTXSNV cap: the committee decides' } },
    meetingPapers: 'scoreSheets',
  },
};

/** The words of the rule set a result was computed under (hd27-2014's for an id no rule set has). */
export function resultWords(ruleSetId: string): ResultWords {
  return RESULT_WORDS[findRuleSet(ruleSetId)?.engine ?? 'hd27'];
}

/** A reason in words under a rule set: its own wording where it has one, the common one otherwise. */
export function reasonWordsOf(reason: Reason, ruleSetId: string, lang: 'vi' | 'en' = 'vi'): string {
  return (resultWords(ruleSetId).reasons[reason] ?? REASON_WORDS[reason])[lang];
}

/** A setting's value as `Bộ tiêu chí` shows it: "20", "0,5", "Có", "Đảng bộ". */
export function settingValueWords(setting: Pick<SettingUsed, 'key' | 'value'>, lang: 'vi' | 'en' = 'vi'): string {
  const { value } = setting;
  if (typeof value === 'boolean') return lang === 'en' ? (value ? 'Yes' : 'No') : value ? 'Có' : 'Không';
  if (typeof value === 'number') return lang === 'en' ? String(value) : vn(value);
  const def = CRITERIA_SETTINGS.find((d) => d.key === setting.key);
  return def?.choices?.find((c) => c.value === value)?.label ?? value;
}

/** The settings a result used by default (CFG25-01): what the đảng ủy has not confirmed on `Bộ tiêu chí`. */
export function defaultSettings(settings: readonly SettingUsed[] | undefined): SettingUsed[] {
  return (settings ?? []).filter((s) => s.source === 'default');
}

/** The reason's words, starting in lower case, to follow a status inside a sentence. */
export function reasonInline(reason: Reason, lang: 'vi' | 'en' = 'vi'): string {
  const words = REASON_WORDS[reason][lang];
  // "CBCCVC" and other abbreviations keep their capitals; only an ordinary first word is lowered.
  return /^\p{Lu}\p{Ll}/u.test(words) ? words.charAt(0).toLocaleLowerCase('vi') + words.slice(1) : words;
}

// 'Sheet "Danh sách đảng viên", ô H8 (Có mặt): …', 'Sheet "…", dòng 14: …', 'Sheet "…": …', 'Sheet "…" thiếu …'
const PLACE_VI = /^Sheet "((?:[^"\\]|\\.)*)"(?:, (ô|dòng) ([A-Z]{1,3}\d+|\d+))?(?: \(([^()]*)\))?(?:: | )/u;
const PLACE_EN = /^Sheet "((?:[^"\\]|\\.)*)"(?:, (cell|row) ([A-Z]{1,3}\d+|\d+))?(?: \(([^()]*)\))?(?:: | )/u;

const capitalised = (text: string): string => (text ? text.charAt(0).toLocaleUpperCase('vi') + text.slice(1) : text);

/**
 * The message without the place its sheet heading (the pane) or its `Sheet!B8` (the command line)
 * already shows: 'Sheet "Danh sách đảng viên", ô H8 (Có mặt): "Y" không phải …' under "Danh sách đảng
 * viên", H8 reads 'Có mặt: "Y" không phải …'. A row stays ("Dòng 14: …"); a message about another sheet
 * keeps its words.
 */
export function withoutPlace(issue: { readonly sheet: string; readonly cell: string | null; readonly message: string }, lang: 'vi' | 'en' = 'vi', message: string = issue.message): string {
  const match = (lang === 'en' ? PLACE_EN : PLACE_VI).exec(message);
  if (!match || match[1] !== issue.sheet) return message;
  const [whole, , kind, where, label] = match;
  const rest = message.slice(whole.length);
  const row = kind === 'dòng' || kind === 'row';
  // A cell other than the issue's own is part of what the message says.
  if (!rest || (kind && !row && where !== issue.cell)) return message;
  const lead = [row ? `${lang === 'en' ? 'Row' : 'Dòng'} ${where}` : '', label ?? ''].filter(Boolean).join(', ');
  return lead ? `${capitalised(lead)}: ${rest}` : capitalised(rest);
}
