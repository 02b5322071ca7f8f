import fc from 'fast-check';
import { LAST_SERIAL_1900, LAST_SERIAL_1904, addMonthsClamped, dayNumber, fromDayNumber, fromDayNumberByDate, fromExcelSerial, serialFromUnixDays, toExcelSerial } from '../../src/core/values/dates';
import { CIVIL_SERVICE_RATING, MEMBERSHIP, ORG_RATING, displayDateSerial, displayValue, parseChoice, parseDate, parseNumber, parseYesNo } from '../../src/core/values/parse';

const ok = <T>(value: T) => ({ kind: 'ok', value });

describe('yes/no spellings (FORMS.md)', () => {
  it.each(['x', 'X', 'có', 'Có', 'co', '1', 'TRUE', '✓', ' x '])('"%s" is yes', (v) => expect(parseYesNo(v)).toEqual(ok(true)));
  it.each(['không', 'Không', 'khong', '0', 'FALSE'])('"%s" is no', (v) => expect(parseYesNo(v)).toEqual(ok(false)));
  it('an empty cell is no (RULES.md 9.1)', () => {
    expect(parseYesNo(null)).toEqual(ok(false));
    expect(parseYesNo('  ')).toEqual(ok(false));
  });
  it('booleans and 0/1 numbers', () => {
    expect(parseYesNo(true)).toEqual(ok(true));
    expect(parseYesNo(1)).toEqual(ok(true));
    expect(parseYesNo(0)).toEqual(ok(false));
    expect(parseYesNo(2).kind).toBe('invalid');
  });
  it('anything else is invalid', () => expect(parseYesNo('có lẽ').kind).toBe('invalid'));
});

describe('levels are matched whole, never by substring (RULES.md 9.12)', () => {
  it.each([
    ['Hoàn thành xuất sắc nhiệm vụ', 'HTXSNV'],
    ['hoan thanh tot nhiem vu', 'HTTNV'],
    ['HTTNV', 'HTTNV'],
    ['httnv', 'HTTNV'],
    ['Hoàn thành nhiệm vụ', 'HTNV'],
    ['Không hoàn thành nhiệm vụ', 'KHTNV'],
    ['Hoàn thành nhiệm vụ nhưng còn hạn chế về năng lực', 'HTNV-HCNL'],
    ['HTNV-HCNL', 'HTNV-HCNL'],
    ['Hoàn thành nhiệm vụ'.normalize('NFD'), 'HTNV'],
  ])('"%s" → %s', (text, code) => expect(parseChoice(text, CIVIL_SERVICE_RATING)).toEqual(ok(code)));
  it('"Hoàn thành nhiệm vụ" is not "Không hoàn thành nhiệm vụ"', () => {
    expect(parseChoice('Hoàn thành nhiệm vụ', CIVIL_SERVICE_RATING)).toEqual(ok('HTNV'));
    expect(parseChoice('Không hoàn thành', CIVIL_SERVICE_RATING)).toEqual(ok('KHTNV'));
  });
  it('rejects partial words', () => expect(parseChoice('Hoàn thành tốt', CIVIL_SERVICE_RATING).kind).toBe('invalid'));
  it('membership and organisation rating', () => {
    expect(parseChoice('chinh thuc', MEMBERSHIP)).toEqual(ok('official'));
    expect(parseChoice('Dự bị', MEMBERSHIP)).toEqual(ok('probationary'));
    expect(parseChoice('Cao thứ hai', ORG_RATING)).toEqual(ok('second'));
    expect(parseChoice('cao nhat', ORG_RATING)).toEqual(ok('highest'));
  });
});

describe('dates are day-first (DATA-03)', () => {
  const d = (y: number, m: number, day: number) => ok({ y, m, d: day });
  it.each([
    ['01/12/2017', d(2017, 12, 1)],
    ['1/2/2017', d(2017, 2, 1)],
    ['01-12-2017', d(2017, 12, 1)],
    ['01.12.2017', d(2017, 12, 1)],
    ['01/12/17', d(2017, 12, 1)],
    ['05/04/38', d(1938, 4, 5)],
    ['2017-12-01', d(2017, 12, 1)],
    ['ngày 01 tháng 12 năm 2017', d(2017, 12, 1)],
  ])('text "%s"', (text, expected) => expect(parseDate(text)).toEqual(expected));
  it('a date cell is its serial number, as every reader gives it', () => {
    expect(parseDate(43070)).toEqual(d(2017, 12, 1));
    expect(parseDate(43070.75)).toEqual(d(2017, 12, 1));
  });
  it('in the 1904 date system the same day has a serial 1,462 smaller', () => {
    expect(parseDate(43070 - 1462, true)).toEqual(d(2017, 12, 1));
    expect(parseDate(43070, true)).toEqual(d(2021, 12, 2));
    expect(parseDate(0, true)).toEqual(d(1904, 1, 1));
    expect(parseDate(-1, true)).toEqual({ kind: 'invalid', text: '#####' });
  });
  it('shows an unreadable date number as Excel shows the cell (DECISIONS 48)', () => {
    expect(parseDate(-5)).toEqual({ kind: 'invalid', text: '#####' });
    expect(parseDate(0)).toEqual({ kind: 'invalid', text: '00/01/1900' });
    expect(parseDate(60)).toEqual({ kind: 'invalid', text: '29/02/1900' });
    expect(parseDate(LAST_SERIAL_1900 + 1)).toEqual({ kind: 'invalid', text: '#####' });
    expect(parseDate(LAST_SERIAL_1904 + 1, true)).toEqual({ kind: 'invalid', text: '#####' });
    expect(parseDate(1e15)).toEqual({ kind: 'invalid', text: '#####' });
    expect(displayDateSerial(LAST_SERIAL_1900)).toBe('31/12/9999');
    expect(displayDateSerial(LAST_SERIAL_1904, true)).toBe('31/12/9999');
    // Outside a date column a number reads as the number.
    expect(displayValue(43070)).toBe('43070');
  });
  it.each(['31/02/2017', '12/13/2017', 'hôm qua', '2017', '00/01/2017'])('rejects "%s"', (text) => expect(parseDate(text).kind).toBe('invalid'));
  it('rejects a bare year typed as a number', () => expect(parseDate(1985).kind).toBe('invalid'));
  it('serials round-trip, including around the 1900 leap bug', () => {
    for (const serial of [1, 59, 61, 43070, 2_958_465]) {
      const date = fromExcelSerial(serial);
      expect(date).not.toBeNull();
      expect(toExcelSerial(date as never)).toBe(serial);
    }
    expect(fromExcelSerial(60)).toBeNull();
    for (const serial of [0, 1, 43070 - 1462, LAST_SERIAL_1904]) {
      const date = fromExcelSerial(serial, true);
      expect(date).not.toBeNull();
      expect(toExcelSerial(date as never, true)).toBe(serial);
    }
  });
  it('an instant becomes the serial Excel stores, with its fraction', () => {
    const days = (iso: string) => Date.parse(iso) / 86_400_000;
    expect(serialFromUnixDays(days('2017-12-01T00:00:00Z'))).toBe(43070);
    expect(serialFromUnixDays(days('2017-12-01T18:00:00Z'))).toBe(43070.75);
    expect(serialFromUnixDays(days('2017-12-01T00:00:00Z'), true)).toBe(43070 - 1462);
    expect(serialFromUnixDays(days('1900-03-01T00:00:00Z'))).toBe(61);
    expect(serialFromUnixDays(days('1900-02-28T00:00:00Z'))).toBe(59);
    expect(serialFromUnixDays(days('1900-01-01T00:00:00Z'))).toBe(1);
  });
  it('six months later is clamped to the month end (RULES.md 9.18)', () => {
    expect(addMonthsClamped({ y: 2017, m: 5, d: 31 }, 6)).toEqual({ y: 2017, m: 11, d: 30 });
    expect(addMonthsClamped({ y: 2017, m: 8, d: 31 }, 6)).toEqual({ y: 2018, m: 2, d: 28 });
    expect(addMonthsClamped({ y: 2017, m: 6, d: 5 }, 6)).toEqual({ y: 2017, m: 12, d: 5 });
  });
});

describe('numbers', () => {
  it('accepts Vietnamese decimal commas', () => expect(parseNumber('12,5')).toEqual(ok(12.5)));
  it('rejects words', () => expect(parseNumber('mười').kind).toBe('invalid'));
  it('reports formula errors as such', () => expect(parseNumber({ error: '#N/A' })).toEqual({ kind: 'formula-error', error: '#N/A' }));
});

describe('day numbers to days (fromDayNumber by arithmetic = by Date)', () => {
  it('every day from 1000 to 9999, and around each era and century boundary', () => {
    // Compared field by field (3.3 million days; a matcher per day would take minutes), mismatches listed.
    const mismatches: number[] = [];
    const compare = (n: number): void => {
      const a = fromDayNumber(n);
      const b = fromDayNumberByDate(n);
      if (a.y !== b.y || a.m !== b.m || a.d !== b.d) mismatches.push(n);
    };
    const first = dayNumber({ y: 1000, m: 1, d: 1 });
    const last = dayNumber({ y: 9999, m: 12, d: 31 });
    for (let n = first; n <= last; n++) compare(n);
    for (const y of [-400, -100, -1, 0, 1, 100, 400, 1600, 1700, 1900, 2000, 2100, 2400]) {
      const base = Math.round(Date.UTC(2000, 0, 1) / 86_400_000) + Math.round((y - 2000) * 365.2425);
      for (let n = base - 800; n <= base + 800; n++) compare(n);
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it('any whole day a Date can hold, and what is not a whole day', () => {
    fc.assert(fc.property(fc.integer({ min: -100_000_000, max: 100_000_000 }), (n) => expect(fromDayNumber(n)).toEqual(fromDayNumberByDate(n))), { numRuns: 20_000 });
    for (const n of [0.5, -0.5, NaN, Infinity, 1e9, -1e9]) expect(fromDayNumber(n)).toEqual(fromDayNumberByDate(n));
  });
});

