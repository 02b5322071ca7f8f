/**
 * Hand-made hd43-2025 results (the contract of BRIEF14: MemberResult with score, scoreParts, proposed,
 * unmet, tasks; ChiBoResult with scoreParts, tasks, proposed; CheckResult.settings), for the outputs'
 * tests while the engine is built, and as fixed inputs afterwards.
 */
import type { CheckResult, ChiBoResult, MemberResult, SettingUsed } from '../../src/core/check';

type MemberSpec = Partial<MemberResult> & { name: string };

export function member25(spec: MemberSpec, row: number): MemberResult {
  const common = spec.scoreParts?.common ?? null;
  const tasks = spec.scoreParts?.tasks ?? null;
  return {
    chiBo: 'Thanh Khê',
    row,
    status: 'classified',
    level: 'HTTNV',
    reason: null,
    rules: ['M25-11'],
    membership: 'official',
    votes: null,
    n: 0,
    explanation: '',
    explanationEn: '',
    score: common !== null && tasks !== null ? common + tasks : null,
    scoreParts: { common, tasks },
    scoreRow: row,
    proposed: true,
    unmet: [],
    tasks: { assigned: 10, onTime: 10, exceeded: 2, pointedOut: 0, fixed: 0 },
    ...spec,
  };
}

export const SETTINGS25: SettingUsed[] = [
  { key: 'capPercent', label: 'Tỷ lệ HTXSNV tối đa (%)', value: 20, source: 'default', sheet: 'Bộ tiêu chí', cell: 'B14', rule: 'M25-20' },
  { key: 'capScope', label: 'Phạm vi giới hạn', value: 'ward', source: 'sheet', sheet: 'Bộ tiêu chí', cell: 'B15', rule: 'M25-20' },
  { key: 'scoreStep', label: 'Bước điểm', value: 0.5, source: 'default', sheet: 'Bộ tiêu chí', cell: null, rule: 'M25-03' },
  { key: 'khtnvGrounds', label: 'Áp dụng căn cứ KHTNV', value: true, source: 'sheet', sheet: 'Bộ tiêu chí', cell: 'B17', rule: 'M25-14' },
];

export function chiBo25(spec: Partial<ChiBoResult> = {}): ChiBoResult {
  return {
    name: 'Thanh Khê',
    score: 86.5,
    level: 'HTTNV',
    rules: ['CB25-03'],
    provisional: false,
    criteria: [],
    sheets: { total: 0, valid: 0 },
    conditions: [{ key: 'subordinateDisciplined', label: 'Cấp ủy viên hoặc tổ chức trực thuộc bị kỷ luật', value: false }],
    explanation: '86,5 điểm ≥ 70, 12/12 nhiệm vụ đúng hạn (CB25-03) → Hoàn thành tốt nhiệm vụ.',
    explanationEn: '86.5 points ≥ 70, all tasks on time (CB25-03) → HTTNV.',
    scoreParts: { common: 27, tasks: 59.5 },
    tasks: { assigned: 12, onTime: 12, exceeded: 3, late: 0 },
    proposed: true,
    unmet: [{ rule: 'CB25-02', text: 'chỉ 3/12 nhiệm vụ vượt mức, cần ít nhất 30 % (CB25-02)' }],
    ...spec,
  };
}

/** A chi bộ of five: HTXSNV, HTTNV (short of 30 % beyond), HTNV, KHTNV, one suspended. */
export function result25(over: Partial<CheckResult> = {}): CheckResult {
  const members = [
    member25({ name: 'Nguyễn Văn An', level: 'HTXSNV', rules: ['M25-10'], scoreParts: { common: 29, tasks: 66.5 }, tasks: { assigned: 10, onTime: 10, exceeded: 4, pointedOut: 1, fixed: 1 }, explanation: '95,5 điểm ≥ 90, 10/10 nhiệm vụ đúng hạn, 4/10 vượt mức (cần ít nhất 30 %), khắc phục 1/1 khuyết điểm (M25-10) → Hoàn thành xuất sắc nhiệm vụ.' }, 8),
    member25({ name: 'Trần Thị Bình', level: 'HTTNV', rules: ['M25-15', 'M25-11'], scoreParts: { common: 28, tasks: 64 }, unmet: [{ rule: 'M25-10', text: 'chỉ 2/10 nhiệm vụ vượt mức, cần ít nhất 30 % (M25-10)' }], explanation: '92 điểm ≥ 90 nhưng chỉ 2/10 nhiệm vụ vượt mức, cần ít nhất 30 % (M25-10) → Hoàn thành tốt nhiệm vụ.' }, 9),
    member25({ name: 'Lê Văn Cường', level: 'HTNV', rules: ['M25-12'], scoreParts: { common: 22, tasks: 40.5 }, explanation: '62,5 điểm ≥ 50 (M25-12) → Hoàn thành nhiệm vụ.' }, 10),
    member25({ name: 'Phạm Thị Dung', level: 'KHTNV', rules: ['M25-13'], scoreParts: { common: 15, tasks: 30 }, explanation: '45 điểm < 50 (M25-13) → Không hoàn thành nhiệm vụ.' }, 11),
    member25({ name: 'Hoàng Văn Em', status: 'not-classified', level: null, reason: 'suspended', rules: ['ELIG25-01'], scoreParts: { common: null, tasks: null }, score: null, tasks: null, explanation: 'Đang bị đình chỉ sinh hoạt đảng (ELIG25-01): không phân loại.' }, 12),
  ];
  return {
    ruleSet: 'hd43-2025',
    options: {} as CheckResult['options'],
    chiBo: 'Thanh Khê',
    heading: { dangBo: 'Đảng bộ phường Hương Xuân', year: 2025, meetingDate: { y: 2025, m: 12, d: 5 } },
    issues: [
      { rule: 'CFG25-01', severity: 'warning', sheet: 'Chấm điểm đảng viên', cell: 'D9', message: 'Trần Thị Bình: dùng "Tỷ lệ HTXSNV tối đa (%)" = 20 theo mặc định; đề nghị đối chiếu hướng dẫn của cấp ủy (CFG25-01).', messageEn: 'default' },
      { rule: 'M25-30', severity: 'warning', sheet: 'Chấm điểm đảng viên', cell: 'F10', message: 'Phiếu biểu quyết khác mức theo điểm (M25-30).', messageEn: 'tally differs' },
    ],
    members,
    chiBoResults: [chiBo25()],
    figures: { n: 4, pool: 2, cap: 0 },
    role: 'chi-bo',
    leaders: [],
    schedule: null,
    people: [],
    places: { chiBo: null, meetingDate: null },
    ballots: null,
    settings: SETTINGS25,
    ...over,
  } as CheckResult;
}
