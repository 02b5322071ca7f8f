/**
 * Calendar dates without time zones: a clerk's "01/12/2017" is a day, not an instant. All arithmetic
 * is on whole day numbers, so no host's time zone can move a meeting to the previous day.
 */
export interface DateOnly {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

export function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

export function isValidDate(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days since 1970-01-01 (proleptic Gregorian). */
export function dayNumber(date: DateOnly): number {
  return Math.round(Date.UTC(date.y, date.m - 1, date.d) / 86_400_000);
}

/**
 * The day of a day number, by integer arithmetic on 400-year eras of the proleptic Gregorian calendar
 * (H. Hinnant's civil_from_days): a roll's dates come through here, and a Date object per cell cost 2 % of
 * the engine. Outside what a Date can hold, and for a number that is not a whole day, the Date's answer.
 * test/core/values.test.ts compares the two.
 */
export function fromDayNumber(n: number): DateOnly {
  if (!Number.isInteger(n) || n < -100_000_000 || n > 100_000_000) return fromDayNumberByDate(n);
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** fromDayNumber's definition: the UTC day of a Date at that day's midnight. */
export function fromDayNumberByDate(n: number): DateOnly {
  const t = new Date(n * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function addDays(date: DateOnly, days: number): DateOnly {
  return fromDayNumber(dayNumber(date) + days);
}

export function compareDates(a: DateOnly, b: DateOnly): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

/** The same day `months` later, clamped to the month's end (31/05 + 6 months → 30/11; RULES.md 9.18). */
export function addMonthsClamped(date: DateOnly, months: number): DateOnly {
  const index = date.y * 12 + (date.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
}

export function formatDate(date: DateOnly): string {
  return `${String(date.d).padStart(2, '0')}/${String(date.m).padStart(2, '0')}/${date.y}`;
}

/** Excel's 1900 date system, including its phantom 29/02/1900 (serial 60). */
const EXCEL_EPOCH_DAY = dayNumber({ y: 1899, m: 12, d: 30 });
/** The 1904 date system (old Mac Excel): serial 0 is 01/01/1904, and there is no phantom day. */
const EXCEL_1904_EPOCH_DAY = dayNumber({ y: 1904, m: 1, d: 1 });
/** 31/12/9999, Excel's last date, in either system. */
export const LAST_SERIAL_1900 = 2_958_465;
export const LAST_SERIAL_1904 = LAST_SERIAL_1900 - 1462;

/**
 * The day a date cell's serial number stands for, in the workbook's date system; null for a number
 * Excel shows as `#####` (before the system's first day or after 31/12/9999) and for the 1900 system's
 * 29/02/1900, which never existed.
 */
export function fromExcelSerial(serial: number, date1904 = false): DateOnly | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  if (date1904) return whole < 0 || whole > LAST_SERIAL_1904 ? null : fromDayNumber(EXCEL_1904_EPOCH_DAY + whole);
  if (whole < 1 || whole > LAST_SERIAL_1900) return null;
  if (whole === 60) return null; // 29/02/1900 never existed
  return fromDayNumber(EXCEL_EPOCH_DAY + (whole < 60 ? whole + 1 : whole));
}

export function toExcelSerial(date: DateOnly, date1904 = false): number {
  if (date1904) return dayNumber(date) - EXCEL_1904_EPOCH_DAY;
  const n = dayNumber(date) - EXCEL_EPOCH_DAY;
  return n <= 60 ? n - 1 : n;
}

/**
 * The serial of an instant given as days and a fraction since 1970-01-01 (UTC): how a `t="d"` ISO cell
 * or a JavaScript Date becomes the number Excel stores. Days from 01/03/1900 on are the same in the
 * 1900 system with or without its phantom day; earlier ones shift by one, as Excel counts them.
 */
export function serialFromUnixDays(days: number, date1904 = false): number {
  if (date1904) return days - EXCEL_1904_EPOCH_DAY;
  const n = days - EXCEL_EPOCH_DAY;
  return n < 61 ? n - 1 : n;
}
