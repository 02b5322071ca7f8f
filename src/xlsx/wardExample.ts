/**
 * The sixteen chi bộ of the plan (IV.7), each as a filled workbook: names and dates from the seed, members
 * made up, deterministic (a seeded generator per chi bộ). Every chi bộ meets on its scheduled day — the
 * three the plan dates "07/12/2016" meet on 07/12/2017, the day the slip meant. Ballots are consistent,
 * so the files check without errors and `aggregate` over them is a clean ward. Used by the tests and
 * for benchmarks.
 */
import { confirmedDefaults } from '../core/rules/cfg25';
import { CHI_BO_DOCUMENTS } from '../core/forms/definitions';
import { type ChiBoData, date, type RowInput } from './fill';
import { PLAN_DANG_BO, PLAN_ORGANISATION, PLAN_YEAR, SEED_SCHEDULE } from './plan';
import type { TemplateData } from './template';

type Kind = 'residential' | 'school' | 'agency';
type Level = 'TSVM' | 'HTTNV' | 'HTNV' | 'YK';

interface WardChiBoSpec {
  readonly chiBo: string;
  readonly kind: Kind;
  readonly size: number;
  readonly level: Level;
}

/** Kind, size and intended level of each chi bộ, in the order of IV.7. */
const SPECS: readonly WardChiBoSpec[] = [
  { chiBo: 'Thanh Khê', kind: 'residential', size: 22, level: 'HTTNV' },
  { chiBo: 'Công an', kind: 'agency', size: 9, level: 'TSVM' },
  { chiBo: 'Trường Mầm Non', kind: 'school', size: 11, level: 'HTTNV' },
  { chiBo: 'Trường Tiểu học số 2', kind: 'school', size: 13, level: 'HTTNV' },
  { chiBo: 'Trường THCS Nguyễn Khánh Toàn', kind: 'school', size: 17, level: 'HTTNV' },
  { chiBo: 'Trạm Y tế', kind: 'agency', size: 8, level: 'TSVM' },
  { chiBo: 'Trường Tiểu học số 1', kind: 'school', size: 14, level: 'TSVM' },
  { chiBo: 'Thanh Lương 4', kind: 'residential', size: 26, level: 'HTTNV' },
  { chiBo: 'Thượng Thôn', kind: 'residential', size: 31, level: 'HTTNV' },
  { chiBo: 'Thanh Lương 2', kind: 'residential', size: 24, level: 'TSVM' },
  { chiBo: 'Liễu Nam', kind: 'residential', size: 28, level: 'HTTNV' },
  { chiBo: 'Xuân Tháp', kind: 'residential', size: 19, level: 'HTTNV' },
  { chiBo: 'Quân sự', kind: 'agency', size: 10, level: 'TSVM' },
  { chiBo: 'Trung Thôn', kind: 'residential', size: 33, level: 'HTTNV' },
  { chiBo: 'Thanh Lương 3', kind: 'residential', size: 21, level: 'HTNV' },
  { chiBo: 'Thanh Tiên', kind: 'residential', size: 18, level: 'YK' },
];

/** The chi bộ of the plan, in the order of IV.7. */
export const WARD_CHI_BO: readonly string[] = SPECS.map((s) => s.chiBo);

/** mulberry32: a small deterministic generator, one stream per chi bộ. */
function generator(seed: number): { next(): number; int(lo: number, hi: number): number; chance(p: number): boolean } {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo, hi) => (hi <= lo ? lo : lo + Math.floor(next() * (hi - lo + 1))), chance: (p) => next() < p };
}

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Trương', 'Châu'];
const MIDDLES = [['Văn', 'Hữu', 'Đình', 'Quang', 'Minh', 'Đức'], ['Thị', 'Thị Thu', 'Thị Kim', 'Thị Minh', 'Ngọc', 'Thị Thanh']];
const GIVEN = [
  ['An', 'Bảo', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khánh', 'Lâm', 'Long', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Tài', 'Thắng', 'Toàn', 'Trung', 'Tuấn', 'Việt', 'Vinh'],
  ['Anh', 'Bích', 'Cúc', 'Diệp', 'Giang', 'Hà', 'Hạnh', 'Hoa', 'Huệ', 'Lan', 'Liên', 'Mai', 'Nga', 'Nhung', 'Oanh', 'Phương', 'Quế', 'Thảo', 'Trang', 'Yến'],
];

/** A made-up name, distinct for every index below 4,080 (so no one is in two chi bộ). */
function personName(i: number): string {
  const female = i % 2;
  const surname = SURNAMES[i % SURNAMES.length];
  const j = Math.floor(i / SURNAMES.length);
  return `${surname} ${MIDDLES[female][j % 6]} ${GIVEN[female][Math.floor(j / 6) % 20]}`;
}

function ddmmyyyy(d: number, m: number, y: number): string {
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/** The day after `text` (`dd/mm/yyyy`). */
function dayAfter(text: string, days: number): string {
  const t = date(text);
  t.setUTCDate(t.getUTCDate() + days);
  return ddmmyyyy(t.getUTCDate(), t.getUTCMonth() + 1, t.getUTCFullYear());
}

const SCORE_TARGET: Record<Level, number> = { TSVM: 94, HTTNV: 81, HTNV: 61, YK: 43 };
const MAX = [40, 20, 15, 15, 10];

/** A scoring sheet near `target`, every score in halves within its maximum. */
function scoringSheet(rng: ReturnType<typeof generator>, target: number): number[] {
  const t = Math.min(99, Math.max(1, target + rng.int(-3, 3))) / 100;
  return MAX.map((max) => Math.min(max, Math.max(0, Math.round(max * t * 2 + rng.int(-1, 1)) / 2)));
}

/** The first index of chi bộ `index`'s members in the ward-wide numbering of names. */
function firstPerson(index: number): number {
  return SPECS.slice(0, index).reduce((acc, s) => acc + s.size, 0);
}

/** Chi bộ `index` (0–15, the order of IV.7) as template data. */
export function wardChiBoData(index: number): ChiBoData {
  const spec = SPECS[index];
  const planned = SEED_SCHEDULE[index];
  const rng = generator(2017_000 + index * 7919);
  const meeting = planned.date.endsWith('/2016') ? planned.date.replace(/2016$/, '2017') : planned.date;
  const civil = spec.kind !== 'residential';

  interface Draft {
    row: Record<string, RowInput[string]>;
    official: boolean;
    votedOn: boolean;
    present: boolean;
    target: 'HTTNV' | 'HTNV' | 'KHTNV';
    candidate: boolean;
  }
  const drafts: Draft[] = [];
  const base = firstPerson(index);
  for (let i = 0; i < spec.size; i++) {
    const leader = i === 0;
    const probationary = !leader && rng.chance(0.08);
    const underSix = probationary && rng.chance(0.35);
    const exempt = !leader && !probationary && spec.kind === 'residential' && rng.chance(0.05);
    const absent = !leader && !exempt && rng.chance(0.05);
    const noReview = !leader && !exempt && !absent && rng.chance(0.02);
    const year = probationary ? 1990 + rng.int(0, 9) : civil ? 1965 + rng.int(0, 30) : 1940 + rng.int(0, 45);
    const born = ddmmyyyy(rng.int(1, 28), rng.int(1, 12), year);
    const admitted = probationary
      ? ddmmyyyy(rng.int(1, 28), underSix ? rng.int(7, 9) : rng.int(1, 4), 2017)
      : ddmmyyyy(rng.int(1, 28), rng.int(1, 12), Math.min(2015, year + 20 + rng.int(0, 25)));
    const roll: Record<string, RowInput[string]> = {
      stt: i + 1,
      name: personName(base + i),
      birthDate: date(born),
      admissionDate: date(admitted),
      membership: probationary ? 'Dự bị' : 'Chính thức',
      present: exempt || absent ? null : 'x',
      selfReviewed: exempt || absent || noReview ? null : 'x',
    };
    if (exempt) {
      roll.exempt = 'x';
      roll.note = 'Miễn sinh hoạt do tuổi cao';
    }
    if (leader) roll.leader = 'x';
    const roll2 = rng.next();
    const canFail = spec.level !== 'TSVM' && !leader;
    const target: Draft['target'] = canFail && roll2 < (spec.level === 'YK' ? 0.12 : 0.03) ? 'KHTNV' : roll2 < 0.24 ? 'HTNV' : 'HTTNV';
    const candidate = target === 'HTTNV' && (leader || rng.chance(0.08));
    if (civil && target !== 'KHTNV') {
      roll.civilServant = 'x';
      roll.civilRating = candidate ? 'Hoàn thành xuất sắc nhiệm vụ' : target === 'HTTNV' ? 'Hoàn thành tốt nhiệm vụ' : 'Hoàn thành nhiệm vụ';
    }
    if (target === 'KHTNV') roll.failedTasks = 'x';
    const votedOn = !exempt && !absent && !noReview && !underSix;
    drafts.push({ row: roll, official: !probationary, votedOn, present: !exempt && !absent, target, candidate });
  }

  const n = drafts.filter((d) => d.official && !d.row.exempt).length;
  const p = drafts.filter((d) => d.official && d.present).length;
  const half = Math.floor(n / 2);
  const twoThirds = Math.floor((2 * n) / 3);
  const tally: RowInput[] = [];
  let rank = 0;
  for (const d of drafts) {
    if (!d.votedOn) continue;
    let good: number;
    let done: number;
    let failed = 0;
    if (d.target === 'HTTNV') {
      good = rng.int(half + 1, p);
      done = p - good;
    } else if (d.target === 'HTNV') {
      good = rng.int(0, half);
      done = p - good;
      failed = rng.int(0, Math.max(0, done - (half + 1 - good)));
      done -= failed;
    } else {
      good = 0;
      failed = rng.int(half + 1, p);
      done = p - failed;
    }
    const r2 = d.candidate ? p - rank++ : null;
    tally.push({ stt: tally.length + 1, name: d.row.name as string, r1Good: good, r1Done: done, r1Failed: failed, r2Excellent: r2 !== null && r2 > twoThirds ? r2 : null });
  }

  const level = spec.level;
  const presentCount = drafts.filter((d) => d.present).length;
  const scores: RowInput[] = Array.from({ length: Math.min(presentCount, 15) }, (_, i) => {
    const s = scoringSheet(rng, SCORE_TARGET[level]);
    return { sheetNo: i + 1, c1: s[0], c2: s[1], c3: s[2], c4: s[3], c5: s[4] };
  });
  const tsvm = level === 'TSVM';
  return {
    organisation: PLAN_ORGANISATION,
    info: {
      dangBo: PLAN_DANG_BO,
      chiBo: spec.chiBo,
      year: PLAN_YEAR,
      meetingDate: date(meeting),
      reportDate: date(dayAfter(meeting, 1)),
      draftSentDate: date(dayAfter(meeting, -5)),
      officialPresent: p,
      r1Issued: p,
      r1Returned: p,
      r1Valid: p,
      r2Issued: p,
      r2Returned: p,
      r2Valid: p,
      excellentUnited: tsvm ? 'Có' : 'Không',
      goodUnited: level === 'YK' ? 'Không' : 'Có',
      meetingsRegular: 'Có',
      leadersDisciplined: 'Không',
      disunity: 'Không',
      corruption: 'Không',
      orgRating: tsvm ? 'Cao nhất' : level === 'HTTNV' ? 'Cao thứ hai' : 'Thấp hơn',
      lowestOrgCount: 0,
    },
    roll: drafts.map((d) => d.row),
    tally,
    scores,
    chiBoDossier: [{ stt: 1, subject: spec.chiBo, ...Object.fromEntries(CHI_BO_DOCUMENTS.map((doc) => [doc.key, 'x'])) }],
  };
}

/** All sixteen, in the order of IV.7. */
export function wardExampleData(): ChiBoData[] {
  return SPECS.map((_, i) => wardChiBoData(i));
}

// ---------------------------------------------------------------------------------------------------
// Rule set hd43-2025 (RULES-2025.md): a ward of N chi bộ × M members with scores and task figures

/** hd43-2025 wards meet in December 2025 (the first year under Quy định 366). */
export const WARD25_YEAR = 2025;

export interface Ward25Options {
  /** Chi bộ in the ward (default 16: the plan's, then "Tổ dân phố 17", …). */
  readonly chiBo?: number;
  /** Members per chi bộ (default: the plan's sizes; a number: every chi bộ that size; a list: each chi bộ's). */
  readonly members?: number | readonly number[];
  /** Another ward of the same shape (default 0). */
  readonly seed?: number;
  /** The percentage of HTXSNV candidates among the classified (default 25: the 20 % ward cap binds). */
  readonly excellentShare?: number;
}

type Level25 = 'HTXSNV' | 'HTTNV' | 'HTNV' | 'KHTNV';
/** The chi bộ's intended level, in turn: most HTTNV, five HTXSNV in sixteen, a few HTNV and one KHTNV in sixteen. */
const LEVELS25: readonly Level25[] = ['HTTNV', 'HTXSNV', 'HTTNV', 'HTXSNV', 'HTNV', 'HTXSNV', 'HTTNV', 'HTTNV', 'HTXSNV', 'HTTNV', 'HTNV', 'HTTNV', 'HTXSNV', 'HTTNV', 'HTTNV', 'KHTNV'];

/** The ward's `Bộ tiêu chí`, every setting typed (confirmed): the defaults of RULES-2025.md §7. */
const WARD25_CRITERIA = {
  members: [
    { group: 'Nhóm tiêu chí chung', criterion: 'Chính trị tư tưởng; đạo đức, lối sống; ý thức tổ chức kỷ luật; tự phê bình và phê bình', max: 30 },
    { group: 'Kết quả thực hiện nhiệm vụ', criterion: 'Kết quả thực hiện nhiệm vụ được giao', max: 70 },
  ],
  chiBo: [
    { group: 'Nhóm tiêu chí chung', criterion: 'Công tác chính trị tư tưởng, tổ chức, kiểm tra, giám sát', max: 30 },
    { group: 'Kết quả thực hiện nhiệm vụ', criterion: 'Kết quả lãnh đạo thực hiện nhiệm vụ chính trị', max: 70 },
  ],
  // Every setting confirmed but the bound on "Trong sạch, vững mạnh" chi bộ, left to its default: the
  // generated ward also shows a default the ward reports (CFG25-01 where it decides).
  settings: (({ exemplaryPercent: _left, ...typed }) => typed)(confirmedDefaults()),
};

function chiBoName25(index: number): string {
  return index < SPECS.length ? SPECS[index].chiBo : `Tổ dân phố ${index + 1}`;
}

function size25(index: number, options: Ward25Options): number {
  const m = options.members;
  return typeof m === 'number' ? m : (m?.[index] ?? SPECS[index % SPECS.length].size);
}

/**
 * An hd43-2025 ward of `total` members for the benchmark: chi bộ of 25 members (the last one the rest),
 * as `ward25ChiBoData`'s options.
 */
export function ward25Plan(total: number, seed = 0): Required<Pick<Ward25Options, 'chiBo' | 'members' | 'seed'>> & { members: readonly number[] } {
  const sizes = Array.from({ length: Math.ceil(total / 25) }, (_, i) => Math.min(25, total - 25 * i));
  return { chiBo: sizes.length, members: sizes, seed };
}

/** A score in halves split into the two groups (common ≤ 30, tasks ≤ 70). */
function split25(total: number): { common: number; tasks: number } {
  const common = Math.min(30, Math.max(total - 70, Math.round(total * 0.6) / 2));
  return { common, tasks: total - common };
}

/** The chi bộ names of an hd43-2025 ward, in order. */
export function ward25ChiBo(options: Ward25Options = {}): string[] {
  return Array.from({ length: options.chiBo ?? SPECS.length }, (_, i) => chiBoName25(i));
}

/**
 * Chi bộ `index` of an hd43-2025 ward, as data for `fillRuleSetTemplate(HD43_2025, …)`: the roll, each
 * classified member's score (in halves, split 30 + 70) and task figures on `Chấm điểm đảng viên`, one
 * scoring sheet of the chi bộ per member present, the chi bộ's task figures, and the ward's `Bộ tiêu chí`
 * with every setting confirmed. Members: about a quarter HTXSNV candidates (≥ 90, every task on time,
 * ≥ 30 % beyond requirements, every shortcoming fixed), most HTTNV, some HTNV (a late task or 50–69
 * points), a few KHTNV in the KHTNV chi bộ; a few exempt, suspended, newly admitted or absent. Names and
 * dates of birth are distinct over the ward (AGG-04). Deterministic.
 */
export function ward25ChiBoData(index: number, options: Ward25Options = {}): TemplateData {
  const rng = generator(2025_000 + index * 7919 + (options.seed ?? 0) * 104_729);
  const level = LEVELS25[index % LEVELS25.length];
  const size = size25(index, options);
  const excellentShare = (options.excellentShare ?? 25) / 100;
  const first = Array.from({ length: index }, (_, i) => size25(i, options)).reduce((a, b) => a + b, 0) + (options.seed ?? 0) * 1_000_000;
  const meetingDay = 1 + (index % 20);
  const meeting = date(ddmmyyyy(meetingDay, 12, WARD25_YEAR));
  const roll: RowInput[] = [];
  const memberScores: RowInput[] = [];
  let present = 0;
  let officialPresent = 0;
  for (let i = 0; i < size; i++) {
    const person = first + i;
    const leader = i === 0;
    const r = rng.next();
    const exempt = !leader && r < 0.03;
    const suspended = !leader && !exempt && r < 0.04;
    const recent = !leader && !exempt && !suspended && r < 0.06;
    const absent = !leader && !exempt && !suspended && !recent && r < 0.09;
    const probationary = recent || (!leader && rng.chance(0.04));
    const born = ddmmyyyy(1 + (person % 28), 1 + (Math.floor(person / 28) % 12), 1945 + (Math.floor(person / 4080) % 55));
    const admitted = recent ? ddmmyyyy(1 + rng.int(0, 27), 8, WARD25_YEAR) : probationary ? ddmmyyyy(1 + rng.int(0, 27), rng.int(1, 4), WARD25_YEAR) : ddmmyyyy(1 + rng.int(0, 27), rng.int(1, 12), rng.int(1975, 2020));
    const isPresent = !exempt && !suspended && !absent;
    const row: Record<string, RowInput[string]> = {
      stt: i + 1,
      name: personName(person % 4080),
      birthDate: date(born),
      admissionDate: date(admitted),
      membership: probationary ? 'Dự bị' : 'Chính thức',
      present: isPresent ? 'x' : null,
      selfReviewed: isPresent ? 'x' : null,
    };
    if (leader) row.leader = 'x';
    if (exempt) row.exempt = 'x';
    if (suspended) row.suspended = 'x';
    roll.push(row);
    if (isPresent) {
      present++;
      if (!probationary) officialPresent++;
    }
    if (!isPresent || recent) continue;
    // The member's intended level; a KHTNV chi bộ has a few members below 50 points.
    const p = rng.next();
    const intended: Level25 = p < excellentShare ? 'HTXSNV' : level === 'KHTNV' && p > 0.85 ? 'KHTNV' : p > (level === 'HTXSNV' ? 0.95 : 0.88) ? 'HTNV' : 'HTTNV';
    const assigned = rng.int(4, 12);
    let total: number;
    let onTime = assigned;
    let exceeded: number;
    const pointedOut = rng.chance(0.3) ? rng.int(1, 2) : 0;
    let fixed = pointedOut;
    if (intended === 'HTXSNV') {
      total = 90 + rng.int(0, 19) / 2;
      exceeded = Math.min(assigned, Math.ceil((3 * assigned) / 10) + rng.int(0, 2));
    } else if (intended === 'HTTNV') {
      total = 70 + rng.int(0, 39) / 2;
      exceeded = rng.int(0, Math.floor((3 * assigned) / 10));
      if (total >= 90) fixed = pointedOut > 0 ? pointedOut - 1 : fixed;
      if (total >= 90 && fixed === pointedOut) exceeded = 0;
    } else if (intended === 'HTNV') {
      const late = rng.chance(0.5);
      total = late ? 70 + rng.int(0, 29) / 2 : 50 + rng.int(0, 39) / 2;
      if (late) onTime = assigned - 1;
      exceeded = 0;
    } else {
      total = 35 + rng.int(0, 29) / 2;
      onTime = assigned - rng.int(1, 2);
      exceeded = 0;
    }
    const { common, tasks } = split25(total);
    memberScores.push({ stt: memberScores.length + 1, name: row.name as string, common, tasks, total, assigned, onTime: Math.max(0, onTime), exceeded: Math.min(exceeded, Math.max(0, onTime)), pointedOut, fixed });
  }
  // The chi bộ: its score near its intended level's band, its task figures meeting (or missing) the conditions.
  const target = { HTXSNV: 93, HTTNV: 82, HTNV: 62, KHTNV: 44 }[level];
  const scores: RowInput[] = Array.from({ length: present }, (_, k) => {
    const t = Math.min(100, target + rng.int(-4, 4) / 2);
    const { common, tasks } = split25(t);
    return { sheetNo: k + 1, common, tasks, total: t };
  });
  const cbAssigned = 10 + (index % 5);
  const cbExceeded = level === 'HTXSNV' ? Math.ceil((3 * cbAssigned) / 10) + 1 : level === 'HTTNV' ? 1 : 0;
  const cbOnTime = level === 'HTNV' ? cbAssigned - 1 : level === 'KHTNV' ? cbAssigned - 4 : cbAssigned;
  return {
    organisation: PLAN_ORGANISATION,
    info: {
      dangBo: PLAN_DANG_BO,
      chiBo: chiBoName25(index),
      year: WARD25_YEAR,
      meetingDate: meeting,
      reportDate: date(dayAfter(ddmmyyyy(meetingDay, 12, WARD25_YEAR), 1)),
      draftSentDate: date(dayAfter(ddmmyyyy(meetingDay, 12, WARD25_YEAR), -5)),
      ruleSet: 'hd43-2025',
      officialPresent,
      cbAssigned,
      cbCompleted: level === 'KHTNV' ? cbAssigned - 2 : cbAssigned,
      cbOnTime,
      cbExceeded,
      subordinateDisciplined: 'Không',
      orgRating: level === 'HTXSNV' ? 'Cao nhất' : level === 'KHTNV' ? 'Thấp hơn' : 'Cao thứ hai',
    },
    tables: { roll, memberScores, scores },
    criteria: { members: [...WARD25_CRITERIA.members], chiBo: [...WARD25_CRITERIA.chiBo], settings: { ...WARD25_CRITERIA.settings } },
    withoutProcedure: true,
  };
}

/**
 * The ward's own workbook for an hd43-2025 ward: `Kế hoạch` listing every chi bộ on its meeting day,
 * `exemplary` chi bộ marked for the commendation "Trong sạch, vững mạnh" (AGG-02), and the ward's
 * `Bộ tiêu chí`. Default: the first chi bộ intended HTXSNV.
 */
export function ward25PlanData(options: Ward25Options & { readonly exemplary?: readonly number[] } = {}): TemplateData {
  const names = ward25ChiBo(options);
  const chosen = options.exemplary ?? [LEVELS25.indexOf('HTXSNV')];
  return {
    organisation: PLAN_ORGANISATION,
    info: { dangBo: PLAN_DANG_BO, year: WARD25_YEAR, ruleSet: 'hd43-2025' },
    tables: {
      roll: [],
      plan: names.map((chiBo, i) => ({ stt: i + 1, chiBo, meetingDate: date(ddmmyyyy(1 + (i % 20), 12, WARD25_YEAR)), exemplary: chosen.includes(i) ? 'x' : null })),
    },
    tableFields: { plan: { year: WARD25_YEAR } },
    criteria: { members: [...WARD25_CRITERIA.members], chiBo: [...WARD25_CRITERIA.chiBo], settings: { ...WARD25_CRITERIA.settings } },
  };
}

/** Every chi bộ of an hd43-2025 ward, in order. */
export function ward25ExampleData(options: Ward25Options = {}): TemplateData[] {
  return ward25ChiBo(options).map((_, i) => ward25ChiBoData(i, options));
}
