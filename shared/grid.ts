/**
 * A sheet as plain data: the one shape both adapters (exceljs on the command line and in
 * the service, office.js in Excel) produce and the core reads. It mirrors what office.js
 * hands back for a used range — parallel 2D arrays of values, formulas and number formats —
 * so the add-in adapter stays a thin copy and the two ends see the same thing.
 */

/** A cell's value as Excel holds it: dates are serial numbers with a date number format. */
export type CellValue = string | number | boolean | null;

/** 0-based row and column on the sheet (A1 is {row: 0, col: 0}). */
export interface CellAddress {
  readonly row: number;
  readonly col: number;
}

export interface RangeAddress {
  readonly start: CellAddress;
  readonly end: CellAddress;
}

export interface Grid {
  readonly sheet: string;
  /** Sheet address of values[0][0]: a used range need not start at A1. */
  readonly origin: CellAddress;
  /** Row-major; empty cells are null. Rows may be shorter than the widest row. */
  readonly values: readonly (readonly CellValue[])[];
  /** Formula text ("=SUM(B2:B9)") where the cell has one, else null; null when not read. */
  readonly formulas: readonly (readonly (string | null)[])[] | null;
  /** Number format code where it is not "General", else null; null when not read. */
  readonly numberFormats: readonly (readonly (string | null)[])[] | null;
  readonly merges: readonly RangeAddress[];
}

/** Excel's widest sheet: columns A … XFD. */
export const EXCEL_COLUMNS = 16_384;

/** A number that orders cells as a reader goes down a sheet: by row, then column. */
export const sheetOrderKey = (row: number, col: number): number => row * EXCEL_COLUMNS + col;

/** Column index (0-based) to letters: 0 → "A", 27 → "AB". */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 text of an address: {row: 20, col: 2} → "C21". */
export function toA1(addr: CellAddress): string {
  return `${columnLetters(addr.col)}${addr.row + 1}`;
}

export function rangeToA1(range: RangeAddress): string {
  return `${toA1(range.start)}:${toA1(range.end)}`;
}

const A1_PATTERN = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** "C21" → {row: 20, col: 2}; null when the text is no cell address. Edges and tests only. */
export function parseA1(text: string): CellAddress | null {
  const m = A1_PATTERN.exec(text.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function parseRangeA1(text: string): RangeAddress | null {
  const [a, b] = text.split(":");
  const start = a === undefined ? null : parseA1(a);
  const end = b === undefined ? start : parseA1(b);
  return start && end ? { start, end } : null;
}

/** Number of rows in the grid. */
export const rowCount = (grid: Grid): number => grid.values.length;

/** Width of the widest row. */
export function colCount(grid: Grid): number {
  let w = 0;
  for (const row of grid.values) if (row.length > w) w = row.length;
  return w;
}

export function numberFormatAt(grid: Grid, r: number, c: number): string | null {
  return grid.numberFormats?.[r]?.[c] ?? null;
}

/** Sheet address of a grid-relative position. */
function sheetAddress(grid: Grid, r: number, c: number): CellAddress {
  return { row: grid.origin.row + r, col: grid.origin.col + c };
}

/** A1 text of a grid-relative position: what issues and reports name. */
export function a1At(grid: Grid, r: number, c: number): string {
  return toA1(sheetAddress(grid, r, c));
}

/** True when the value is empty or only white space. */
export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

/** Builds a grid from literal rows; formulas given as strings starting with "=" (tests, fixtures). */
export function gridFromRows(
  sheet: string,
  rows: readonly (readonly (CellValue | { value: CellValue; formula?: string; numberFormat?: string })[])[],
  origin: CellAddress = { row: 0, col: 0 },
): Grid {
  const values: CellValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: (string | null)[][] = [];
  for (const row of rows) {
    const v: CellValue[] = [];
    const f: (string | null)[] = [];
    const n: (string | null)[] = [];
    for (const cell of row) {
      if (cell !== null && typeof cell === "object") {
        v.push(cell.value);
        f.push(cell.formula ?? null);
        n.push(cell.numberFormat ?? null);
      } else {
        v.push(cell);
        f.push(null);
        n.push(null);
      }
    }
    values.push(v);
    formulas.push(f);
    numberFormats.push(n);
  }
  return { sheet, origin, values, formulas, numberFormats, merges: [] };
}

/** True for number formats that show a date ("yyyy-mm-dd", "d/m/yy", "[$-41D]d mmmm yyyy" …). */
export function isDateFormat(format: string | null): boolean {
  if (!format) return false;
  const stripped = format.replace(/\[[^\]]*\]|"[^"]*"|\\./g, "");
  return /[dy]/i.test(stripped) || /m{3,}/i.test(stripped);
}
