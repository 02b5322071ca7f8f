/**
 * ELIG25 (RULES-2025.md §1): who is classified under hd43-2025. ELIG-01..03 apply as under hd27-2014
 * (carried from Hướng dẫn 21); ELIG25-01 adds members suspended from party activity.
 */
import type { RollMember } from '../forms/model';
import type { Eligibility } from './elig';
import type { Rule25Meta } from './rules25';

export const ELIG25_RULES: readonly Rule25Meta[] = [
  { id: 'ELIG25-01', severity: 'warning', seed: 'RULES-2025 §1; HD 21', title: 'Đảng viên đang bị đình chỉ sinh hoạt đảng không xếp loại', titleEn: 'Members suspended from party activity are not classified' },
];

/**
 * One reason per member, the first that applies (RULES.md 9.2 extended): exempt (ELIG-01), suspended
 * (ELIG25-01), admitted under six months (ELIG-02), absent, no self-review (ELIG-03). A member admitted
 * under six months still writes the self-review but is not classified.
 */
export function eligibility25(member: RollMember, sixMonths: boolean | null): Eligibility {
  if (member.exempt.value === true) return { status: 'not-classified', reason: 'exempt', rule: 'ELIG-01' };
  if (member.suspended.value === true) return { status: 'not-classified', reason: 'suspended', rule: 'ELIG25-01' };
  if (sixMonths === false) return { status: 'not-classified', reason: 'admitted-under-6-months', rule: 'ELIG-02' };
  if (member.present.value !== true) return { status: 'deferred', reason: 'absent', rule: 'ELIG-03' };
  if (member.selfReviewed.value !== true) return { status: 'deferred', reason: 'no-self-review', rule: 'ELIG-03' };
  return { status: 'eligible', reason: null, rule: null };
}

export const ELIGIBILITY25_WORDS: Readonly<Record<NonNullable<Eligibility['reason']>, { vi: string; en: string }>> = {
  exempt: { vi: 'Miễn công tác và sinh hoạt đảng: không xếp loại (ELIG-01).', en: 'Exempt from party work and activities: not classified (ELIG-01).' },
  suspended: { vi: 'Đang bị đình chỉ sinh hoạt đảng: không xếp loại (ELIG25-01).', en: 'Suspended from party activity: not classified (ELIG25-01).' },
  'admitted-under-6-months': { vi: 'Vào Đảng chưa đủ 6 tháng tính đến ngày họp: có kiểm điểm nhưng không xếp loại (ELIG-02).', en: 'Admitted less than 6 months before the meeting: reviewed but not classified (ELIG-02).' },
  absent: { vi: 'Vắng mặt: xếp loại ở cuộc họp gần nhất khi có mặt (ELIG-03).', en: 'Absent: classified at the next meeting attended (ELIG-03).' },
  'no-self-review': { vi: 'Chưa kiểm điểm: xếp loại khi hoàn thành kiểm điểm (ELIG-03).', en: 'No self-review: classified once the review is done (ELIG-03).' },
};
