/**
 * Plan cells as office.js input, and the size of what is sent: text always goes in with a
 * leading apostrophe so Excel stores exactly the string (no formula from "=…", no number
 * from "0701…", no date from "maj 14"); formulas go in as written (English, commas).
 */
import type { OutputCell } from "../../shared/output";
import { isFormula } from "../../shared/output";

/** What goes into Range.formulas for one plan cell. */
export type ExcelInput = string | number | boolean;

export function toExcelInput(cell: OutputCell): ExcelInput {
  if (isFormula(cell)) {
    if (!cell.formula.startsWith("=")) throw new Error(`formula without "=": ${cell.formula}`);
    return cell.formula;
  }
  if (cell === null) return "";
  if (typeof cell === "string") return cell === "" ? "" : `'${cell}`;
  if (typeof cell === "number" && !Number.isFinite(cell)) return "";
  return cell;
}

/** Rough JSON size of a row as sent to Excel, for keeping requests under the payload limit. */
export function estimateBytes(row: readonly ExcelInput[]): number {
  let n = 2;
  for (const v of row) n += (typeof v === "string" ? v.length + 3 : String(v).length) + 1;
  return n;
}
