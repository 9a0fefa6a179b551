/**
 * The calendar, in one place: days as integers (days since 1970-01-01), month lengths and leap
 * years, ISO dates, ages, and Excel's serial day numbers (1900 system). Stays and overlaps are
 * plain subtraction, and a 100 000-row list needs no Date objects in its inner loop.
 */

/** Days since 1970-01-01 (a calendar date, no time zone). */
export type Day = number;

/** Excel's serial of 1970-01-01 in the 1900 date system (serial 1 is 1900-01-01, counting Excel's 29 February 1900). */
export const EXCEL_EPOCH_OFFSET = 25_569;
/** How many days the 1904 date system's serials lag the 1900 system's (1904-01-01 is serial 0 there, 1 462 here). */
export const EXCEL_1904_OFFSET = 1_462;
const MS_PER_DAY = 86_400_000;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!;
}

// Calendar arithmetic without Date objects (H. Hinnant's days_from_civil / civil_from_days):
// a 100 000-row list reads two dates and an age per row, and no time zone can shift a day.
function daysFromCivil(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The day of a calendar date; null when there is no such date (30 February) or it is out of range. */
export function dayOf(year: number, month: number, day: number): Day | null {
  if (year < 1800 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

export function dayOfDate(date: Date): Day {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function ymdOf(day: Day): Ymd {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return {
    year: yoe + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: doy - Math.floor((153 * mp + 2) / 5) + 1,
  };
}

/** "2014-06-07" */
export function isoOf(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export const excelSerialOf = (day: Day): number => day + EXCEL_EPOCH_OFFSET;

/** The day of an Excel serial (its whole part: the time of day is dropped). */
export const dayOfExcelSerial = (serial: number): Day => Math.floor(serial) - EXCEL_EPOCH_OFFSET;

/** Excel serial (1900 system) of a UTC instant, with the time of day as the fraction. */
export function excelSerialFromDate(d: Date): number {
  return d.getTime() / MS_PER_DAY + EXCEL_EPOCH_OFFSET;
}

/** UTC calendar date of an Excel serial (1900 system; whole part only). */
export function dateFromExcelSerial(serial: number): Date {
  return new Date(dayOfExcelSerial(serial) * MS_PER_DAY);
}

/** Whole years from birth to a day: the age a person has that day. */
export function ageOn(birth: Day, on: Day): number {
  const b = ymdOf(birth);
  const o = ymdOf(on);
  const beforeBirthday = o.month < b.month || (o.month === b.month && o.day < b.day);
  return o.year - b.year - (beforeBirthday ? 1 : 0);
}
