/**
 * The sixteen chi bộ of the plan (IV.7), each as a filled workbook: names and dates from the seed, members
 * made up, deterministic (a seeded generator per chi bộ). Every chi bộ meets on its scheduled day — the
 * three the plan dates "07/12/2016" meet on 07/12/2017, the day the slip meant. Ballots are consistent,
 * so the files check without errors and `aggregate` over them is a clean ward. Used by the tests and
 * for benchmarks.
 */
import { CHI_BO_DOCUMENTS } from '../core/forms/definitions';
import { type ChiBoData, date, type RowInput } from './fill';
import { PLAN_DANG_BO, PLAN_ORGANISATION, PLAN_YEAR, SEED_SCHEDULE } from './plan';

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
