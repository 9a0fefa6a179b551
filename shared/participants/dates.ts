/**
 * Calendar days for participant lists: dates read from cells (Excel serials or the text forms
 * people type), ages and stays in whole days, and the periods key figures are counted for.
 * A day is an integer (days since 1970-01-01), so stays and overlaps are plain subtraction
 * and a 100 000-row list needs no Date objects in its inner loop.
 */
import { type CellValue, isDateFormat } from "../grid";

/** Days since 1970-01-01 (a calendar date, no time zone). */
export type Day = number;

const EXCEL_EPOCH_OFFSET = 25_569;

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
  return Math.floor(date.getTime() / 86_400_000);
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
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** "2014-06-07" → day; null when not that form or no real date. */
export function dayOfIso(text: string): Day | null {
  if (text.length !== 10 || text[4] !== "-" || text[7] !== "-") return null;
  const y = Number(text.slice(0, 4));
  const m = Number(text.slice(5, 7));
  const d = Number(text.slice(8, 10));
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) ? dayOf(y, m, d) : null;
}

export const excelSerialOf = (day: Day): number => day + EXCEL_EPOCH_OFFSET;

/** Whole years from birth to a day: the age a person has that day. */
export function ageOn(birth: Day, on: Day): number {
  const b = ymdOf(birth);
  const o = ymdOf(on);
  const beforeBirthday = o.month < b.month || (o.month === b.month && o.day < b.day);
  return o.year - b.year - (beforeBirthday ? 1 : 0);
}

const ISO_LIKE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
// Day first, as Swedes write by hand: "7/6 2014", "7/6/2014", "07.06.2014".
const DAY_FIRST = /^(\d{1,2})[/.](\d{1,2})(?:[/. ]\s*|\s+)(\d{4})$/;

/** A date typed as text → day; null when the text is no date this reader knows. */
export function dayOfText(text: string): Day | null {
  const t = text.trim();
  let m = ISO_LIKE.exec(t) ?? COMPACT.exec(t);
  if (m) return dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_FIRST.exec(t);
  if (m) return dayOf(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/**
 * A date cell → day. Numbers are Excel serials when the cell has a date format or the number
 * is in the range of serials of our era; an 8-digit number is read as YYYYMMDD.
 * Returns null for a blank cell and "invalid" for anything that is no date.
 */
export function dayOfCell(value: CellValue, numberFormat: string | null): Day | null | "invalid" {
  if (value === null) return null;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "invalid";
    if (
      Number.isInteger(value) &&
      value >= 18_000_101 &&
      value <= 22_001_231 &&
      !isDateFormat(numberFormat)
    ) {
      return dayOfText(String(value)) ?? "invalid";
    }
    // 1900-01-01 … 2173: Excel's own range is wider, but no participant was enrolled outside it.
    if (isDateFormat(numberFormat) ? value >= 1 : value >= 10_000 && value < 100_000) {
      return Math.floor(value) - EXCEL_EPOCH_OFFSET;
    }
    return "invalid";
  }
  if (typeof value === "boolean") return "invalid";
  if (value.trim() === "") return null;
  return dayOfText(value) ?? "invalid";
}
