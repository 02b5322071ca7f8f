/**
 * The benchmark's workbooks: a ward (Đảng bộ phường) of many chi bộ, each a workbook made through the
 * real template (`fillWorkbook`), with the mix of members a ward really has, and a few files carrying the
 * faults clerks really make. Deterministic: the same seed gives the same ward, byte for byte in content.
 *
 *   members: most HTTNV, some HTNV, a few KHTNV with a ground recorded; about one in five a civil servant
 *   with a rating; a few exempt (old age), absent, newly admitted (not classified) or probationary members;
 *   leaders first on the roll (MEM-10); round 2 held in most chi bộ, for a few HTTNV members, within the
 *   15 % cap; one scoring sheet per member present, scores matching the chi bộ's conditions.
 *   faults (≈ 3.5 % of files, one each): a date that does not exist, a misspelt yes/no, a typo in a name
 *   of the ballot tally.
 */
import type { ChiBoData, RowInput } from '../src/xlsx/fill';

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];
const chance = (r: Rand, p: number): boolean => r() < p;

const SURNAMES = ['Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Trần', 'Lê', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Trương', 'Mai', 'Tôn', 'Châu', 'Lâm'];
const MIDDLE_M = ['Văn', 'Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Công', 'Xuân', 'Thanh', 'Đình', 'Ngọc', 'Bá'];
const MIDDLE_F = ['Thị', 'Thị', 'Thị', 'Ngọc', 'Thanh', 'Thu', 'Kim', 'Minh', 'Hồng', 'Mỹ', 'Phương'];
const GIVEN_M = ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hùng', 'Huy', 'Khoa', 'Long', 'Minh', 'Nam', 'Phúc', 'Quang', 'Sơn', 'Tâm', 'Thắng', 'Thành', 'Tuấn', 'Việt', 'Vinh', 'Hoà', 'Lộc', 'Trung', 'Toàn', 'Hiếu', 'Khánh', 'Nhân', 'Tài', 'Yên'];
const GIVEN_F = ['Anh', 'Cúc', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Liên', 'Linh', 'Mai', 'Nga', 'Ngọc', 'Nhung', 'Oanh', 'Phượng', 'Quế', 'Thảo', 'Thu', 'Trang', 'Uyên', 'Vân', 'Xuân', 'Yến', 'Hoà', 'Huệ', 'Loan', 'Thuỷ', 'Tuyết'];
const CHI_BO_KIND = ['Khu dân cư', 'Tổ dân phố', 'Trường Tiểu học', 'Trường Mầm non', 'Trạm Y tế', 'Công an', 'Quân sự', 'Cơ quan', 'Hợp tác xã'];
const CIVIL_JOBS = ['Công chức Văn phòng - Thống kê', 'Giáo viên', 'Viên chức Trạm Y tế', 'Công chức Địa chính', 'Công chức Tư pháp - Hộ tịch', 'Cán bộ Đoàn thể'];

/** A calendar date as a real Excel date (UTC midnight, as ExcelJS reads one back). */
function day(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}
function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}
function randomDay(r: Rand, fromYear: number, toYear: number): Date {
  const from = Date.UTC(fromYear, 0, 1);
  const to = Date.UTC(toYear, 11, 31);
  return new Date(from + Math.floor(r() * ((to - from) / 86_400_000 + 1)) * 86_400_000);
}
const ddmmyyyy = (d: Date): string => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;

export type Fault = 'bad-date' | 'bad-yes-no' | 'tally-name-typo';
export const FAULTS: readonly Fault[] = ['bad-date', 'bad-yes-no', 'tally-name-typo'];

export interface ChiBoSpec {
  readonly index: number;
  readonly members: number;
  readonly fault: Fault | null;
  readonly seed: number;
  /** The ordinary warnings of a real meeting (a few ballots left blank); default true. */
  readonly warnings?: boolean;
}

/** What a generated chi bộ holds, for the benchmark's own bookkeeping. */
export interface ChiBoFacts {
  readonly members: number;
  readonly fault: Fault | null;
  readonly round2: boolean;
}

/** Names already used in the ward: a person (name + birth date) is in one chi bộ only (AGG-04). */
export type UsedPeople = Set<string>;

interface Person {
  name: string;
  born: Date;
  admitted: Date;
  probationary: boolean;
  exempt: boolean;
  present: boolean;
  leader: boolean;
  civil: boolean;
  rating: string | null;
  ground: 'failedTasks' | 'disciplined' | 'violation' | null;
  cstd: boolean;
  note: string | null;
  /** Classified at this meeting, so voted on. */
  voted: boolean;
  outcome: 'HTTNV' | 'HTNV' | 'KHTNV';
}

function personName(r: Rand, used: UsedPeople, inChiBo: Set<string>, born: Date): string {
  for (let attempt = 0; ; attempt++) {
    const female = chance(r, 0.45);
    const middle = female ? MIDDLE_F : MIDDLE_M;
    // Three words mostly; four ("Nguyễn Văn Minh Tuấn") where three-word names run out (a big chi bộ).
    const name = attempt < 8 ? `${pick(r, SURNAMES)} ${pick(r, middle)} ${pick(r, female ? GIVEN_F : GIVEN_M)}` : `${pick(r, SURNAMES)} ${pick(r, middle)} ${pick(r, female ? GIVEN_F : GIVEN_M)} ${pick(r, female ? GIVEN_F : GIVEN_M)}`;
    const person = `${name}|${ddmmyyyy(born)}`;
    if (inChiBo.has(name) || used.has(person)) continue;
    inChiBo.add(name);
    used.add(person);
    return name;
  }
}

/** Five criterion scores (halves allowed, each within its maximum) around a chi bộ's level. */
function scoreSheet(r: Rand, target: number): number[] {
  const max = [40, 20, 15, 15, 10];
  const total = Math.max(30, Math.min(100, target + int(r, -3, 3)));
  return max.map((m) => {
    const v = Math.round(((m * total) / 100 + (r() - 0.5)) * 2) / 2;
    return Math.max(0, Math.min(m, v));
  });
}

/**
 * One chi bộ's data for `fillWorkbook`. `fault` puts one typical mistake in it; everything else is
 * consistent (counts, ballots, totals, conditions), so a clean file has no error.
 */
export function chiBoData(spec: ChiBoSpec, used: UsedPeople): { data: ChiBoData; facts: ChiBoFacts } {
  const r = rng(spec.seed);
  const meeting = addDays(day(2017, 12, 1), int(r, 0, 18));
  const inChiBo = new Set<string>();
  const people: Person[] = [];
  const leaders = spec.members >= 15 ? int(r, 1, 3) : chance(r, 0.6) ? 1 : 0;
  for (let i = 0; i < spec.members; i++) {
    const exempt = i >= leaders && chance(r, 0.03);
    const born = exempt ? randomDay(r, 1928, 1944) : randomDay(r, 1940, 1995);
    const probationary = i >= leaders && !exempt && chance(r, 0.04);
    // Probationary members joined within the last 12 months; one in four under 6 months ago (ELIG-02).
    const recent = probationary && chance(r, 0.25);
    const admitted = probationary ? addDays(meeting, recent ? -int(r, 30, 150) : -int(r, 200, 360)) : addDays(born, int(r, 18 * 365, 40 * 365));
    const safeAdmitted = !probationary && admitted.getTime() > addDays(meeting, -400).getTime() ? addDays(meeting, -int(r, 400, 4000)) : admitted;
    const present = !exempt && !chance(r, 0.02);
    const leader = i < leaders;
    const civil = leader || chance(r, 0.18);
    const ground = !exempt && present && chance(r, 0.012) ? pick(r, ['failedTasks', 'disciplined', 'violation'] as const) : null;
    const outcome: Person['outcome'] = ground ? 'KHTNV' : chance(r, 0.14) ? 'HTNV' : 'HTTNV';
    let rating: string | null = null;
    if (civil) {
      if (outcome === 'KHTNV') rating = pick(r, ['Không hoàn thành nhiệm vụ', 'HTNV']);
      else if (outcome === 'HTNV') rating = pick(r, ['Hoàn thành nhiệm vụ', 'HTNV-HCNL', 'Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực']);
      else rating = chance(r, 0.2) ? 'Hoàn thành xuất sắc nhiệm vụ' : pick(r, ['Hoàn thành tốt nhiệm vụ', 'HTTNV']);
    }
    const p: Person = {
      name: personName(r, used, inChiBo, born),
      born,
      admitted: safeAdmitted,
      probationary,
      exempt,
      present,
      leader,
      civil,
      rating,
      ground,
      cstd: false,
      note: exempt ? 'Miễn sinh hoạt do tuổi cao' : !present ? 'Đi vắng, kiểm điểm ở cuộc họp sau' : recent ? 'Mới kết nạp, chưa đủ 6 tháng' : civil ? pick(r, CIVIL_JOBS) : null,
      voted: present && !exempt && !recent,
      outcome,
    };
    people.push(p);
  }

  // Ballots: official members present vote (ELIG-04); N is the official roll less exempt members absent.
  const votersCount = people.filter((p) => !p.probationary && p.present).length;
  const n = people.filter((p) => !p.probationary && !(p.exempt && !p.present)).length;
  const valid = votersCount;
  const over = (votes: number, num: number, den: number): boolean => den * votes > num * n;

  interface TallyRow {
    person: Person;
    good: number;
    done: number;
    failed: number;
    excellent: number | null;
  }
  const tally: TallyRow[] = [];
  for (const p of people) {
    if (!p.voted) continue;
    let good: number;
    let done: number;
    let failed = 0;
    if (p.outcome === 'HTTNV') {
      good = valid - int(r, 0, Math.max(0, Math.floor(valid * 0.15)));
      while (good > 0 && !over(good, 1, 2)) good++;
      good = Math.min(good, valid);
      // Now and then a ballot leaves the member blank (VOTE-03's warning).
      done = Math.max(0, valid - good - (spec.warnings !== false && valid - good > 0 && chance(r, 0.02) ? 1 : 0));
    } else if (p.outcome === 'HTNV') {
      good = Math.floor(valid * (0.2 + r() * 0.25));
      done = valid - good;
    } else {
      failed = valid - int(r, 0, Math.max(0, Math.floor(valid * 0.2)));
      good = 0;
      done = valid - failed;
    }
    tally.push({ person: p, good, done, failed, excellent: null });
  }
  // Decided HTTNV after round 1 (the rating cannot hold anyone lower when the vote is HTTNV here).
  const httnv = tally.filter((t) => over(t.good, 1, 2));
  const round2 = httnv.length >= 7 && chance(r, 0.8);
  if (round2) {
    const cap = Math.floor((15 * httnv.length) / 100);
    const candidates = [...httnv].sort(() => r() - 0.5).slice(0, cap + int(r, 0, 2));
    // Passing candidates get distinct counts above 2N/3 (no tie at the cap); the rest stay below it.
    let votes = valid;
    candidates.forEach((t, k) => {
      if (k < cap) {
        const v = Math.max(0, votes - int(r, 0, 1));
        t.excellent = over(v, 2, 3) ? v : null;
        votes = v - 1;
        // A civil servant voted HTXSNV has a ground for it (MEM-07).
        if (t.excellent !== null && t.person.civil && t.person.rating !== 'Hoàn thành xuất sắc nhiệm vụ') t.person.cstd = true;
      } else {
        t.excellent = Math.floor((2 * n) / 3 / 2);
      }
    });
  }

  const roll: Record<string, RowInput[string]>[] = people.map((p, i) => ({
    stt: i + 1,
    name: p.name,
    birthDate: p.born,
    admissionDate: p.admitted,
    membership: p.probationary ? 'Dự bị' : 'Chính thức',
    exempt: p.exempt ? 'x' : undefined,
    present: p.present ? 'x' : undefined,
    selfReviewed: p.present ? 'x' : undefined,
    leader: p.leader ? 'x' : undefined,
    civilServant: p.civil ? 'x' : undefined,
    civilRating: p.rating ?? undefined,
    cstd: p.cstd ? 'x' : undefined,
    failedTasks: p.ground === 'failedTasks' ? 'x' : undefined,
    disciplined: p.ground === 'disciplined' ? 'x' : undefined,
    violation: p.ground === 'violation' ? 'x' : undefined,
    note: p.note ?? undefined,
  }));
  const tallyRows: Record<string, RowInput[string]>[] = tally.map((t, i) => ({
    stt: i + 1,
    name: t.person.name,
    r1Good: t.good,
    r1Done: t.done,
    r1Failed: t.failed,
    r2Excellent: t.excellent,
  }));

  // The chi bộ's level: TSVM about one in five, mostly HTTNV, a few HTNV; conditions and scores agree.
  const level = r() < 0.2 ? 'TSVM' : r() < 0.85 ? 'HTTNV' : 'HTNV';
  const target = level === 'TSVM' ? int(r, 91, 96) : level === 'HTTNV' ? int(r, 75, 88) : int(r, 55, 68);
  const present = people.filter((p) => p.present).length;
  const scores = Array.from({ length: Math.max(1, present) }, (_, i) => {
    const s = scoreSheet(r, target);
    const row: Record<string, RowInput[string]> = { sheetNo: i + 1, c1: s[0], c2: s[1], c3: s[2], c4: s[3], c5: s[4] };
    if (chance(r, 0.3)) row.total = s.reduce((a, b) => a + b, 0);
    return row;
  });

  const kind = CHI_BO_KIND[spec.index % CHI_BO_KIND.length];
  const info: Record<string, RowInput[string]> = {
    dangBo: 'Đảng bộ phường Hương Xuân',
    chiBo: `${kind} số ${spec.index + 1}`,
    year: 2017,
    meetingDate: meeting,
    reportDate: addDays(meeting, int(r, 0, 2)),
    officialPresent: votersCount,
    r1Issued: valid,
    r1Returned: valid,
    r1Valid: valid,
    r2Issued: round2 ? valid : undefined,
    r2Returned: round2 ? valid : undefined,
    r2Valid: round2 ? valid : undefined,
    excellentUnited: level === 'TSVM' ? 'Có' : 'Không',
    goodUnited: level === 'HTNV' ? 'Không' : 'Có',
    meetingsRegular: 'Có',
    leadersDisciplined: 'Không',
    disunity: 'Không',
    corruption: 'Không',
    orgRating: level === 'TSVM' ? 'Cao nhất' : level === 'HTTNV' ? 'Cao thứ hai' : 'Thấp hơn',
    lowestOrgCount: level === 'HTNV' ? 1 : 0,
  };

  if (spec.fault) injectFault(r, spec.fault, roll, tallyRows);
  return {
    data: { organisation: 'ĐẢNG BỘ PHƯỜNG HƯƠNG XUÂN', info, roll, tally: tallyRows, scores } as ChiBoData,
    facts: { members: spec.members, fault: spec.fault, round2 },
  };
}

/** One mistake of the kind clerks make. */
function injectFault(r: Rand, fault: Fault, roll: Record<string, RowInput[string]>[], tally: Record<string, RowInput[string]>[]): void {
  const i = int(r, 0, roll.length - 1);
  if (fault === 'bad-date') {
    // Typed as text, day-first, a day that does not exist.
    roll[i].birthDate = pick(r, ['31/02/1961', '30/02/1958', '31/04/1970', '32/12/1966', '12/13/1975']);
  } else if (fault === 'bad-yes-no') {
    const column = pick(r, ['leader', 'civilServant', 'cstd', 'exempt'] as const);
    roll[i][column] = pick(r, ['cóo', 'xx', 'v', 'khôg', 'cos']);
  } else if (tally.length > 0) {
    const t = tally[int(r, 0, tally.length - 1)];
    const name = String(t.name);
    // A letter dropped or doubled in the last word.
    const at = name.lastIndexOf(' ') + 2;
    t.name = chance(r, 0.5) ? name.slice(0, at) + name.slice(at + 1) : name.slice(0, at) + name[at] + name.slice(at);
  }
}

/**
 * A ward of chi bộ summing to exactly `total` members: sizes 10–60 (mean 35), the last ones adjusted so
 * the sum is exact; about 3.5 % of files with one fault each, spread evenly.
 */
export function planWard(total: number, seed: number): ChiBoSpec[] {
  const r = rng(seed);
  const sizes: number[] = [];
  let left = total;
  while (left > 0) {
    let k = int(r, 10, 60);
    if (left - k < 10) k = left <= 60 ? left : left - 10 >= 10 && left - 10 <= 60 ? left - 10 : Math.min(60, left - 10);
    sizes.push(k);
    left -= k;
  }
  const faultEvery = Math.round(1 / 0.035);
  return sizes.map((members, index) => ({
    index,
    members,
    fault: index % faultEvery === faultEvery - 1 ? FAULTS[Math.floor(index / faultEvery) % FAULTS.length] : null,
    seed: (seed * 1_000_003 + index * 7919) >>> 0,
  }));
}

/** One chi bộ of `members` members (the "single workbook" scenario and the Office host runs). */
export function singleChiBo(members: number, seed: number, warnings = true): ChiBoSpec {
  return { index: 0, members, fault: null, seed, warnings };
}

/**
 * A chi bộ whose only faults are `cells` misspelt yes/no answers (two per member, in the optional
 * "Đề nghị CSTĐ cơ sở" and "Bằng khen Bộ, Tỉnh" columns): each is one flagged cell (DATA-02) and
 * changes nothing else, so the flag count is the only difference between two such workbooks.
 */
export function withMisspeltCells(data: ChiBoData, cells: number): ChiBoData {
  const roll = data.roll.map((row) => ({ ...row }));
  for (let k = 0; k < cells; k++) {
    const row = roll[Math.floor(k / 2) % roll.length] as Record<string, RowInput[string]>;
    row[k % 2 === 0 ? 'cstd' : 'commendation'] = 'xx';
  }
  return { ...data, roll };
}

export { ddmmyyyy };

/** The file of chi bộ `index` in a ward folder. */
export function wardFileName(index: number): string {
  return `chi-bo-${String(index + 1).padStart(4, '0')}.xlsx`;
}

/** The file of a single-workbook set. */
export const SINGLE_FILE = 'chi-bo.xlsx';
