/**
 * Dates as participant lists hold them: Excel serials in date-formatted cells, or the text forms
 * people type. The calendar itself is shared/calendar.ts.
 */
import { type Day, dayOf, dayOfExcelSerial } from "../calendar";
import { type CellValue, isDateFormat } from "../grid";

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
      return dayOfExcelSerial(value);
    }
    return "invalid";
  }
  if (typeof value === "boolean") return "invalid";
  if (value.trim() === "") return null;
  return dayOfText(value) ?? "invalid";
}
