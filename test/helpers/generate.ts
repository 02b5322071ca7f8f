/** Larger chi bộ workbooks for the Office tests and benchmarks, made through the real template. */
import { date, fillWorkbook, type RowInput } from '../../src/xlsx/fill';
import { example } from './workbook';

/**
 * The example chi bộ grown to `members` members: the same header, each member voting as in the
 * example's rotation, ballots and the present count kept consistent so that only intended faults show.
 */
export function bigChiBo(members: number): ReturnType<typeof fillWorkbook> {
  const base = example();
  const roll: RowInput[] = [];
  const tally: RowInput[] = [];
  for (let i = 0; i < members; i++) {
    roll.push({
      stt: i + 1,
      name: `Đảng viên Số ${i + 1}`,
      birthDate: date(`${1 + (i % 28)}/${1 + (i % 12)}/${1950 + (i % 40)}`),
      admissionDate: date(`${1 + (i % 28)}/${1 + ((i + 3) % 12)}/${1980 + (i % 30)}`),
      membership: 'Chính thức',
      present: 'x',
      selfReviewed: 'x',
    });
    // Most members HTTNV, every fifth HTNV; round 2 only for the first few.
    const good = i % 5 === 4 ? Math.floor(members * 0.3) : members - 1;
    const done = members - good;
    tally.push({ stt: i + 1, name: `Đảng viên Số ${i + 1}`, r1Good: good, r1Done: done, r1Failed: 0, r2Excellent: i < 3 && i % 5 !== 4 ? members : null });
  }
  return fillWorkbook({
    organisation: base.organisation,
    info: { ...base.info, officialPresent: members, r1Issued: members, r1Returned: members, r1Valid: members, r2Issued: members, r2Returned: members, r2Valid: members },
    roll,
    tally,
    scores: base.scores,
  } as never);
}
