/** Cell input as Excel takes it (values and formulas written), and the addresses a range proxy works on. */
import type { CellValue, RangeAddress } from "../../shared/grid";
import { parseA1, rangeToA1, toA1 } from "../../shared/grid";
import type { FakeSheet } from "./book";
import { MAX_ROWS } from "./book";
import { FakeOfficeError } from "./client";
import { structuredReferenceError } from "./formula";

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** What a cell becomes when a value is written through values or formulas. Null leaves it alone. */
export function inputToCell(input: unknown): { value: CellValue; formula: string | null } | null {
  if (input === null || input === undefined) return null;
  if (typeof input === "number" || typeof input === "boolean") return { value: input, formula: null };
  const text = String(input);
  if (text === "") return { value: null, formula: null };
  if (text.startsWith("'")) return { value: text.slice(1), formula: null };
  if (text.startsWith("=") && text.length > 1) {
    const error = structuredReferenceError(text);
    if (error)
      throw new FakeOfficeError(
        "InvalidArgument",
        `The argument is invalid or missing or has an incorrect format: ${error}.`,
      );
    return { value: null, formula: text };
  }
  if (NUMERIC.test(text.trim())) return { value: Number(text), formula: null };
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === "true", formula: null };
  return { value: text, formula: null };
}

export function parseAddress(text: string): RangeAddress {
  const local = text.includes("!") ? text.slice(text.lastIndexOf("!") + 1) : text;
  const clean = local.replace(/\$/g, "").trim();
  const column = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(clean);
  if (column) {
    const a = parseA1(`${column[1]}1`)!;
    const b = parseA1(`${column[2]}1`)!;
    return { start: { row: 0, col: a.col }, end: { row: MAX_ROWS - 1, col: b.col } };
  }
  const [a, b] = clean.split(":");
  const start = a ? parseA1(a) : null;
  const end = b ? parseA1(b) : start;
  if (!start || !end)
    throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing: address "${text}".`);
  return {
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
}

export const quoteSheet = (name: string) =>
  /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
export const a1Of = (r: RangeAddress) =>
  r.start.row === r.end.row && r.start.col === r.end.col ? toA1(r.start) : rangeToA1(r);
export const overlaps = (a: RangeAddress, b: RangeAddress) =>
  a.start.row <= b.end.row &&
  b.start.row <= a.end.row &&
  a.start.col <= b.end.col &&
  b.start.col <= a.end.col;
export const rows = (r: RangeAddress) => r.end.row - r.start.row + 1;
export const cols = (r: RangeAddress) => r.end.col - r.start.col + 1;

export interface RangeTarget {
  readonly sheet: FakeSheet;
  readonly range: RangeAddress;
}

export function matrixOf(target: RangeTarget, cell: (row: number, col: number) => unknown): unknown[][] {
  const out: unknown[][] = [];
  for (let r = target.range.start.row; r <= target.range.end.row; r++) {
    const row: unknown[] = [];
    for (let c = target.range.start.col; c <= target.range.end.col; c++) row.push(cell(r, c));
    out.push(row);
  }
  return out;
}

export function checkShape(target: RangeTarget, matrix: unknown, what: string): unknown[][] {
  if (
    !Array.isArray(matrix) ||
    matrix.length !== rows(target.range) ||
    matrix.some((r) => !Array.isArray(r) || r.length !== cols(target.range))
  ) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what} ${a1Of(target.range)}).`,
    );
  }
  return matrix as unknown[][];
}
