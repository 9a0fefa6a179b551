/**
 * A cell's value as exceljs hands it back, made the grid's plain value — the one conversion
 * both exceljs reads (the whole workbook for convert, the stream for everything else) share.
 */
import type ExcelJS from "exceljs";
import { EXCEL_1904_OFFSET, EXCEL_EPOCH_OFFSET, excelSerialFromDate } from "../shared/calendar";
import type { CellValue } from "../shared/grid";

/** The value Excel would show: a formula's cached result, a date as its serial number, rich text as text. */
export function plainValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value === "" ? null : value;
  if (value instanceof Date) return excelSerialFromDate(value);
  if (typeof value === "object") {
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: unknown }).result;
      return plainValue((result ?? null) as ExcelJS.CellValue);
    }
    if ("richText" in value) return value.richText.map((part) => part.text).join("") || null;
    if ("error" in value) return String(value.error);
    if ("text" in value) return plainValue(value.text as ExcelJS.CellValue);
  }
  return null;
}

/**
 * The serial a number under a date format comes back as: exceljs makes it a Date (in the
 * workbook's date system, to the millisecond) and the grid a 1900-system serial again, so a
 * 1904 workbook's dates land on the same days as a 1900 one's. The value is what exceljs
 * would subtract from: a number, or a formula's cached text or truth value.
 */
export function dateSerial(value: number | string | boolean, date1904: boolean): number {
  const serial1900 = Number(value) + (date1904 ? EXCEL_1904_OFFSET : 0);
  const ms = Math.round((serial1900 - EXCEL_EPOCH_OFFSET) * 24 * 3600 * 1000);
  return excelSerialFromDate(new Date(ms));
}
