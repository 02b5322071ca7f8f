/** ELIG rules (RULES.md section 1): who is classified at this meeting. */
import type { RollMember } from '../forms/model';
import type { DateOnly } from '../values/dates';
import { addMonthsClamped, compareDates } from '../values/dates';
import type { RuleMeta } from './catalogue';

export const ELIG_RULES: readonly RuleMeta[] = [
  { id: 'ELIG-01', severity: 'warning', seed: 'II.1.2, III.1.1', title: 'Đảng viên miễn công tác và sinh hoạt đảng không phân loại', titleEn: 'Members exempt from party work are not classified' },
  { id: 'ELIG-02', severity: 'warning', seed: 'III.1.1', title: 'Đảng viên vào Đảng chưa đủ 6 tháng không phân loại', titleEn: 'Members admitted under 6 months ago are not classified' },
  { id: 'ELIG-03', severity: 'warning', seed: 'III.1.4, Lưu ý', title: 'Chưa kiểm điểm hoặc vắng mặt: phân loại ở cuộc họp sau', titleEn: 'No self-review or absent: classified at a later meeting' },
  { id: 'ELIG-04', severity: 'error', seed: 'III.1.4, Lưu ý', title: 'Đảng viên dự bị được phân loại nhưng không bỏ phiếu', titleEn: 'Probationary members are classified but do not vote' },
];

/** `suspended`: ELIG25-01 (rule set hd43-2025), a member suspended from party activity. */
export type ExclusionReason = 'exempt' | 'admitted-under-6-months' | 'absent' | 'no-self-review' | 'suspended';

export interface Eligibility {
  readonly status: 'eligible' | 'not-classified' | 'deferred';
  readonly reason: ExclusionReason | null;
  /** ELIG25-01 only under rule set hd43-2025 (rules/elig25.ts). */
  readonly rule: 'ELIG-01' | 'ELIG-02' | 'ELIG-03' | 'ELIG25-01' | null;
}

/** ELIG-02 with RULES.md 9.18: six months later, clamped to the month's end, on or before the meeting. */
export function hasSixFullMonths(admitted: DateOnly, meeting: DateOnly, months = 6): boolean {
  return compareDates(addMonthsClamped(admitted, months), meeting) <= 0;
}

/**
 * ELIG-02's question for one member: admitted six full months before the meeting? null when a date is
 * missing or unknown (then DATA-01/03 say so, and RULES.md 9.21 reads both answers: rules/unknown.ts).
 */
export function sixMonthsBefore(member: RollMember, meeting: DateOnly | null, months = 6): boolean | null {
  const admitted = member.admissionDate.value;
  return admitted && meeting ? hasSixFullMonths(admitted, meeting, months) : null;
}

/**
 * One reason per member, the first that applies (RULES.md 9.2): exempt, admitted under six months,
 * absent, no self-review. A date that could not be read does not exclude anyone: DATA-01/03 report it.
 */
export function eligibility(member: RollMember, meeting: DateOnly | null, months = 6): Eligibility {
  return eligibilityGiven(member, sixMonthsBefore(member, meeting, months));
}

/** The same with ELIG-02's answer given (one reading of an unknown date, RULES.md 9.21). */
export function eligibilityGiven(member: RollMember, sixMonths: boolean | null): Eligibility {
  if (member.exempt.value === true) return { status: 'not-classified', reason: 'exempt', rule: 'ELIG-01' };
  if (sixMonths === false) return { status: 'not-classified', reason: 'admitted-under-6-months', rule: 'ELIG-02' };
  if (member.present.value !== true) return { status: 'deferred', reason: 'absent', rule: 'ELIG-03' };
  if (member.selfReviewed.value !== true) return { status: 'deferred', reason: 'no-self-review', rule: 'ELIG-03' };
  return { status: 'eligible', reason: null, rule: null };
}
