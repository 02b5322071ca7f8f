/**
 * LEAD rules (RULES.md section 5): the leaders' and managers' ballots (forms 04/05-ĐG.CBLĐQL) read from
 * `Biểu quyết CBLĐQL`, tallied with percentages of the valid ballots (LEAD-01), and the place of the
 * vote checked against the leader's position (LEAD-02, seed II.3.2).
 */
import type { ChiBoWorkbook, LeaderRow, LeadersRead, Located } from '../forms/model';
import { foldLabel, nameKey } from '../text/normalize';
import type { MemberLevel } from '../values/parse';
import type { RuleMeta } from './catalogue';
import type { IssueSink } from '../issues';

export const LEAD_RULES: readonly RuleMeta[] = [
  { id: 'LEAD-01', severity: 'error', seed: 'II.3.2, IV.5', title: 'Tổng hợp phiếu biểu quyết CBLĐQL; phiếu của mỗi người ≤ phiếu hợp lệ', titleEn: "Leaders' votes tallied; votes per leader ≤ valid ballots" },
  { id: 'LEAD-02', severity: 'warning', seed: 'II.3.2', title: 'Lấy phiếu biểu quyết đúng nơi theo chức vụ, mỗi người một nơi', titleEn: 'Each leader voted at the right place, and at one place only' },
];

export const LEADER_LEVELS: readonly MemberLevel[] = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];

export type LeaderVotes = Readonly<Record<MemberLevel, number | null>>;

/** One leader's tally (form 05-ĐG.CBLĐQL), as the JSON report's `leaders` array carries it. */
export interface LeaderResult {
  readonly name: string;
  /** Normalised name (RULES.md 9.11), to find a leader voted in two places. */
  readonly nameKey: string;
  readonly position: string | null;
  /** `Nơi biểu quyết`. */
  readonly place: string | null;
  /** A member of the ward's standing committee (the "Ủy viên BTV Đảng ủy" column, or the position says so). */
  readonly btv: boolean;
  /** Votes per level; null where the cell is empty or unreadable. */
  readonly votes: LeaderVotes;
  readonly validBallots: number | null;
  readonly issuedBallots: number | null;
  /** Percent of the valid ballots per level, two decimals; null without valid ballots. */
  readonly percents: Readonly<Record<MemberLevel, number | null>>;
  readonly sheet: string;
  /** 1-based row on the sheet. */
  readonly row: number;
  /** The name's cell. */
  readonly cell: string;
}

const ORGS: readonly { readonly key: string; readonly name: string; readonly pattern: RegExp }[] = [
  { key: 'hdnd', name: 'HĐND', pattern: /\b(hdnd|hoi dong nhan dan)\b/ },
  { key: 'ubnd', name: 'UBND', pattern: /\b(ubnd|uy ban nhan dan)\b/ },
  { key: 'mttq', name: 'UBMTTQVN', pattern: /\b(mttq|ubmttq|ubmttqvn|mat tran)\b/ },
  { key: 'nongdan', name: 'Hội Nông dân', pattern: /\b(nong dan|hnd)\b/ },
  { key: 'phunu', name: 'Hội LHPN', pattern: /\b(phu nu|lhpn|hlhpn)\b/ },
  { key: 'ccb', name: 'Hội Cựu chiến binh', pattern: /\b(cuu chien binh|ccb)\b/ },
  { key: 'doan', name: 'Đoàn TNCS Hồ Chí Minh', pattern: /\b(doan tncs|doan thanh nien|tncs|bi thu doan|pho bi thu doan)\b/ },
];

/** The organisations (other than the party committee) a folded text names. */
export function orgsIn(folded: string): string[] {
  return ORGS.filter((o) => o.pattern.test(folded)).map((o) => o.key);
}

function orgName(key: string): string {
  return ORGS.find((o) => o.key === key)?.name ?? key;
}

/**
 * Whether a position names a member of the ward's standing committee: "Bí thư/Phó Bí thư Đảng ủy",
 * "Ủy viên BTV Đảng ủy", "UVBTV", or "Ban Thường vụ"/"BTV" not followed by a mass organisation
 * ("Ủy viên BTV Hội LHPN" is that organisation's committee, not the party's).
 */
export function positionIsBtv(position: string): boolean {
  const f = foldLabel(position);
  if (/\b(pho )?bi thu (dang uy|dang bo|du)\b/.test(f) || /\bpho bi thu thuong truc\b/.test(f)) return true;
  const re = /\b(ban thuong vu|thuong vu|uvbtv|btv|uvtv|ubtv)\b/g;
  for (let m = re.exec(f); m; m = re.exec(f)) {
    const after = f.slice(m.index + m[0].length).trim().split(' ').slice(0, 3).join(' ');
    if (/^(hoi|doan|mat tran|mttq|ubmttq|cac doan the|hnd|lhpn|ccb|tncs)\b/.test(after)) continue;
    return true;
  }
  return false;
}

/** Whether a place of voting is the session of the party's executive committee (BCH Đảng bộ / Đảng ủy). */
export function placeIsBch(place: string): boolean {
  const f = foldLabel(place);
  return /\b(ban chap hanh|bch|dang uy|dang bo)\b/.test(f) && orgsIn(f).length === 0;
}

function percentOf(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return Math.round((10000 * part) / whole) / 100;
}

function nameOf(row: LeaderRow): string {
  return row.name.value ?? `(dòng ${row.row})`;
}

/** LEAD-01: the tally, with the counts checked against the ballots. */
function tally(sheet: LeadersRead, sink: IssueSink): LeaderResult[] {
  const valid = sheet.valid.value;
  const issued = sheet.issued.value;
  if (valid !== null && issued !== null && valid > issued) {
    sink.add(
      'LEAD-01',
      sheet.valid.sheet,
      sheet.valid.cell,
      `Sheet "${sheet.sheet}", ô ${sheet.valid.cell}: ${valid} phiếu hợp lệ, nhiều hơn ${issued} phiếu phát ra (ô ${sheet.issued.cell}). Kiểm tra lại hai số này (Mẫu 05-ĐG.CBLĐQL).`,
      `Sheet "${sheet.sheet}", cell ${sheet.valid.cell}: ${valid} valid ballots, more than the ${issued} issued (${sheet.issued.cell}).`,
    );
  }
  return sheet.rows.map((row) => {
    const cells: [MemberLevel, Located<number>][] = LEADER_LEVELS.map((level) => [level, row.votes[level]]);
    const votes = Object.fromEntries(cells.map(([level, c]) => [level, c.value])) as Record<MemberLevel, number | null>;
    const sum = cells.reduce((acc, [, c]) => acc + (c.value ?? 0), 0);
    if (valid !== null && sum > valid) {
      const first = row.votes.HTXSNV;
      const parts = cells.map(([level, c]) => `${c.value ?? 0} ${level}`).join(' + ');
      sink.add(
        'LEAD-01',
        first.sheet,
        first.cell,
        `Sheet "${first.sheet}", dòng ${row.row}: "${nameOf(row)}" có ${parts} = ${sum} phiếu, nhiều hơn ${valid} phiếu hợp lệ (ô ${sheet.valid.cell}). Mỗi phiếu hợp lệ chỉ đánh giá một mức; kiểm tra lại số phiếu của đồng chí này.`,
        `Sheet "${first.sheet}", row ${row.row}: "${nameOf(row)}" has ${sum} votes, more than the ${valid} valid ballots.`,
      );
    }
    const position = row.position.value;
    return {
      name: nameOf(row),
      nameKey: row.name.value ? nameKey(row.name.value) : '',
      position,
      place: sheet.place.value,
      btv: row.btv.value === true || (position !== null && positionIsBtv(position)),
      votes,
      validBallots: valid,
      issuedBallots: issued,
      percents: Object.fromEntries(LEADER_LEVELS.map((level) => [level, percentOf(votes[level], valid)])) as Record<MemberLevel, number | null>,
      sheet: sheet.sheet,
      row: row.row,
      cell: row.name.cell,
    };
  });
}

/** LEAD-02 within one sheet: the place against each leader's position, and a leader listed twice. */
function checkPlaces(sheet: LeadersRead, results: readonly LeaderResult[], sink: IssueSink): void {
  const place = sheet.place.value;
  const seen = new Map<string, LeaderResult>();
  for (const leader of results) {
    const where = `Sheet "${leader.sheet}", ô ${leader.cell}`;
    if (leader.nameKey) {
      const first = seen.get(leader.nameKey);
      if (first) {
        sink.add(
          'LEAD-02',
          leader.sheet,
          leader.cell,
          `${where}: "${leader.name}" đã có ở dòng ${first.row} (ô ${first.cell}): mỗi đồng chí chỉ được lấy phiếu biểu quyết một lần. Xoá dòng trùng.`,
          `${where}: "${leader.name}" is already on row ${first.row}; each leader is voted once.`,
        );
      } else seen.set(leader.nameKey, leader);
    }
    if (!place) continue;
    const atBch = placeIsBch(place);
    if (leader.btv && !atBch) {
      sink.add(
        'LEAD-02',
        leader.sheet,
        leader.cell,
        `${where}: "${leader.name}" là Ủy viên Ban Thường vụ Đảng ủy nên chỉ lấy phiếu biểu quyết tại phiên kiểm điểm tập thể Ban Chấp hành (II.3.2), không lấy phiếu tại "${place}". Bỏ phiếu của đồng chí này ở đây, hoặc sửa Chức vụ/cột Ủy viên BTV Đảng ủy nếu ghi nhầm.`,
        `${where}: "${leader.name}" is a standing-committee member, voted only at the executive committee's session (II.3.2), not at "${place}".`,
      );
      continue;
    }
    if (!leader.btv && atBch) {
      sink.add(
        'LEAD-02',
        leader.sheet,
        leader.cell,
        `${where}: "${leader.name}"${leader.position ? ` (${leader.position})` : ''} không phải Ủy viên Ban Thường vụ Đảng ủy: lấy phiếu biểu quyết tại phiên kiểm điểm nơi mình là người đứng đầu hoặc thành viên lãnh đạo (II.3.2), không tại phiên Ban Chấp hành. Nếu đồng chí là Ủy viên BTV, đánh dấu cột "Ủy viên BTV Đảng ủy".`,
        `${where}: "${leader.name}" is not a standing-committee member: voted where they lead (II.3.2), not at the executive committee's session.`,
      );
      continue;
    }
    if (!leader.btv && leader.position) {
      const placeOrgs = orgsIn(foldLabel(place));
      const ownOrgs = orgsIn(foldLabel(leader.position));
      if (placeOrgs.length > 0 && ownOrgs.length > 0 && !placeOrgs.some((o) => ownOrgs.includes(o))) {
        sink.add(
          'LEAD-02',
          leader.sheet,
          leader.cell,
          `${where}: "${leader.name}" (${leader.position}) được lấy phiếu tại "${place}", nhưng chức vụ là ở ${ownOrgs.map(orgName).join(', ')}. Phó Chủ tịch HĐND và người đứng đầu các đoàn thể được lấy phiếu tại phiên kiểm điểm nơi mình là người đứng đầu hoặc thành viên lãnh đạo (II.3.2).`,
          `${where}: "${leader.name}" (${leader.position}) is voted at "${place}" but leads ${ownOrgs.map(orgName).join(', ')} (II.3.2).`,
        );
      }
    }
  }
}

/** LEAD-01 and LEAD-02 on the workbook's `Biểu quyết CBLĐQL` sheet; the leaders' tally. */
export function checkLeaders(input: ChiBoWorkbook, sink: IssueSink): LeaderResult[] {
  const sheet = input.leaders;
  if (!sheet || sheet.rows.length === 0) return [];
  const results = tally(sheet, sink);
  checkPlaces(sheet, results, sink);
  return results;
}
