/**
 * The playground's calculation: the value Excel would show for each formula cell of a fake
 * workbook, so the sheet view (and the download's cached values) show numbers where Excel
 * shows numbers. Formulas are parsed by @borgar/fx (MIT: Excel's grammar with structured
 * references) and functions are formula.js's (@formulajs/formulajs, MIT), both kept; this file
 * only resolves references against the fake's cells and tables and applies the operators.
 * What it cannot calculate (an unknown function, a defined name) is an error value, never a
 * guess. Rules from Microsoft, "Using structured references with Excel tables": `[Col]` in a
 * table is its data rows, `[#Headers]` the header row, `[@Col]` this row's cell; an implicit
 * intersection takes the value on the formula's own row ("Implicit intersection operator: @").
 */
import { parse, parseA1Ref, parseStructRef, tokenize } from "@borgar/fx";
import * as formulajs from "@formulajs/formulajs";
import type { CellValue } from "../../shared/grid";
import { EXCEL_COLUMNS } from "../../shared/grid";
import type { FakeBook, FakeSheet, FakeTable } from "./book";

/** An Excel error value ("#DIV/0!"). */
export interface CalcError {
  readonly error: string;
}
export type Calculated = CellValue | CalcError;
type Matrix = Calculated[][];
type Value = Calculated | Matrix;

export const isCalcError = (v: unknown): v is CalcError =>
  typeof v === "object" && v !== null && "error" in v && typeof (v as CalcError).error === "string";

const err = (error: string): CalcError => ({ error });
const NAME = err("#NAME?");
const VALUE = err("#VALUE!");
const REF = err("#REF!");

interface Where {
  readonly sheet: FakeSheet;
  readonly row: number;
  readonly col: number;
}

type Node = ReturnType<typeof parse>;

const functions = formulajs as unknown as Record<string, ((...args: unknown[]) => unknown) | undefined>;

export class Calculator {
  private readonly done = new Map<FakeSheet, Map<number, Calculated>>();
  private readonly busy = new Set<string>();
  private readonly parsed = new Map<string, Node | null>();

  constructor(private readonly book: FakeBook) {}

  /** What Excel shows in this cell: its calculated value when it holds a formula, else its value. */
  value(sheet: FakeSheet, row: number, col: number): Calculated {
    const cell = sheet.cell(row, col);
    if (!cell) return null;
    if (!cell.formula) return cell.value;
    const key = row * EXCEL_COLUMNS + col;
    const memo = this.done.get(sheet) ?? new Map<number, Calculated>();
    this.done.set(sheet, memo);
    const known = memo.get(key);
    if (known !== undefined) return known;
    const id = `${sheet.name}!${key}`;
    // A circular reference: Excel warns and shows 0.
    if (this.busy.has(id)) return 0;
    this.busy.add(id);
    let result: Calculated;
    try {
      const node = this.parse(cell.formula);
      result = node ? this.scalar(this.evaluate(node, { sheet, row, col }), { sheet, row, col }) : NAME;
    } catch {
      result = VALUE;
    }
    this.busy.delete(id);
    // A formula over an empty cell shows 0, as Excel does.
    if (result === null) result = 0;
    memo.set(key, result);
    return result;
  }

  private parse(formula: string): Node | null {
    if (!this.parsed.has(formula)) {
      try {
        this.parsed.set(formula, parse(tokenize(formula, {}), {}));
      } catch {
        this.parsed.set(formula, null);
      }
    }
    return this.parsed.get(formula) ?? null;
  }

  private evaluate(node: Node, at: Where): Value {
    switch (node.type) {
      case "Literal":
        return node.value as CellValue;
      case "ErrorLiteral":
        return err(String(node.value));
      case "ReferenceIdentifier":
        return this.reference(node.value, node.kind, at);
      case "UnaryExpression": {
        const v = number(this.scalar(this.evaluate(node.arguments[0] as Node, at), at));
        if (isCalcError(v)) return v;
        return node.operator === "-" ? -v : node.operator === "%" ? v / 100 : v;
      }
      case "BinaryExpression":
        return this.binary(
          node.operator,
          this.scalar(this.evaluate(node.arguments[0] as Node, at), at),
          this.scalar(this.evaluate(node.arguments[1] as Node, at), at),
        );
      case "CallExpression":
        return this.call(
          node.callee.name.toUpperCase().replace(/^_XLFN\./, ""),
          node.arguments as Node[],
          at,
        );
      default:
        return NAME;
    }
  }

  private call(name: string, args: readonly Node[], at: Where): Value {
    const arg = (i: number) => (args[i] ? this.scalar(this.evaluate(args[i], at), at) : null);
    if (name === "IF") {
      const test = arg(0);
      if (isCalcError(test)) return test;
      const yes = typeof test === "string" ? VALUE : Boolean(test);
      if (isCalcError(yes)) return yes;
      return yes
        ? args[1]
          ? this.evaluate(args[1], at)
          : true
        : args[2]
          ? this.evaluate(args[2], at)
          : false;
    }
    if (name === "IFERROR") {
      const v = arg(0);
      return isCalcError(v) ? arg(1) : v;
    }
    // HYPERLINK shows its friendly name (or the link), and following it is Excel's business.
    if (name === "HYPERLINK") return args[1] ? arg(1) : arg(0);
    const fn = functions[name];
    if (typeof fn !== "function") return NAME;
    const values = args.map((a) => this.evaluate(a, at));
    // formula.js takes ranges as 2D arrays and errors as Error objects.
    const result = fn(...values.map((v) => (Array.isArray(v) ? v.map((r) => r.map(toJs)) : toJs(v))));
    if (result instanceof Error) return err(result.message);
    if (Array.isArray(result))
      return (result as unknown[][]).map((r) => (Array.isArray(r) ? r : [r]).map(fromJs));
    return fromJs(result);
  }

  private binary(op: string, a: Calculated, b: Calculated): Calculated {
    if (isCalcError(a)) return a;
    if (isCalcError(b)) return b;
    if (op === "&") return text(a) + text(b);
    if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
      const c = compare(a, b);
      return op === "="
        ? c === 0
        : op === "<>"
          ? c !== 0
          : op === "<"
            ? c < 0
            : op === ">"
              ? c > 0
              : op === "<="
                ? c <= 0
                : c >= 0;
    }
    const x = number(a);
    const y = number(b);
    if (isCalcError(x)) return x;
    if (isCalcError(y)) return y;
    switch (op) {
      case "+":
        return x + y;
      case "-":
        return x - y;
      case "*":
        return x * y;
      case "/":
        return y === 0 ? err("#DIV/0!") : x / y;
      case "^":
        return x ** y;
      default:
        return VALUE;
    }
  }

  /** A range in a place that takes one value: its only cell, or the cell on the formula's row or column. */
  private scalar(v: Value, at: Where): Calculated {
    if (!Array.isArray(v)) return v;
    if (v.length === 1 && v[0]?.length === 1) return v[0][0] ?? null;
    return this.intersections.get(v)?.(at) ?? VALUE;
  }

  /** Where each range came from, for implicit intersection. */
  private readonly intersections = new WeakMap<Matrix, (at: Where) => Calculated>();

  private block(sheet: FakeSheet, top: number, left: number, bottom: number, right: number): Matrix {
    const m: Matrix = [];
    for (let r = top; r <= bottom; r++) {
      const row: Calculated[] = [];
      for (let c = left; c <= right; c++) row.push(this.value(sheet, r, c));
      m.push(row);
    }
    this.intersections.set(m, (at) => {
      if (at.sheet !== sheet) return VALUE;
      if (left === right && at.row >= top && at.row <= bottom) return m[at.row - top]![0] ?? null;
      if (top === bottom && at.col >= left && at.col <= right) return m[0]![at.col - left] ?? null;
      return VALUE;
    });
    return m;
  }

  private reference(text: string, kind: string, at: Where): Value {
    if (kind === "range") {
      const ref = parseA1Ref(text, { allowNamed: false });
      const range = ref && "range" in ref ? ref.range : null;
      if (!ref || !range) return NAME;
      const sheet = ref.context?.[0] ? this.book.sheet(ref.context[0]) : at.sheet;
      if (!sheet) return REF;
      const used = sheet.usedRange(true);
      const top = range.top ?? 0;
      const bottom = range.bottom ?? used?.end.row ?? 0;
      const left = range.left ?? 0;
      const right = range.right ?? used?.end.col ?? 0;
      return this.block(sheet, top, left, bottom, right);
    }
    if (kind === "table") return this.structured(text, at);
    return NAME;
  }

  private structured(text: string, at: Where): Value {
    const ref = parseStructRef(text);
    if (!ref) return REF;
    const name = (ref.table ?? "").toLowerCase();
    const wanted = ref.columns ?? [];
    const table = name ? this.book.tables.find((t) => t.name.toLowerCase() === name) : this.tableAt(at);
    if (!table) return REF;
    const { start, end } = table.range;
    const columnOf = (name: string) => {
      for (let c = start.col; c <= end.col; c++)
        if (String(table.sheet.cell(start.row, c)?.value ?? "").toLowerCase() === name.toLowerCase())
          return c;
      return -1;
    };
    let left = start.col;
    let right = end.col;
    if (wanted.length > 0) {
      left = columnOf(wanted[0]!);
      right = columnOf(wanted[wanted.length - 1]!);
      if (left < 0 || right < 0) return REF;
    }
    const sections = (ref.sections ?? []).map((s) => s.toLowerCase());
    let top = start.row + 1;
    let bottom = end.row;
    if (sections.includes("this row")) {
      if (at.sheet !== table.sheet || at.row <= start.row || at.row > end.row) return VALUE;
      top = bottom = at.row;
    } else if (sections.includes("all")) top = start.row;
    else if (sections.includes("headers")) top = bottom = start.row;
    // The fake's tables have no total row (the pane writes its totals below the table).
    else if (sections.includes("totals")) return REF;
    return this.block(table.sheet, top, Math.min(left, right), bottom, Math.max(left, right));
  }

  private tableAt(at: Where): FakeTable | undefined {
    return this.book.tables.find(
      (t) =>
        t.sheet === at.sheet &&
        at.row >= t.range.start.row &&
        at.row <= t.range.end.row &&
        at.col >= t.range.start.col &&
        at.col <= t.range.end.col,
    );
  }
}

function toJs(v: Calculated): unknown {
  return isCalcError(v) ? new Error(v.error) : v;
}

function fromJs(v: unknown): Calculated {
  if (v instanceof Error) return err(v.message);
  if (v === undefined || v === null) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : err("#NUM!");
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.getTime() / 86_400_000 + 25_569;
  return VALUE;
}

function number(v: Calculated): number | CalcError {
  if (isCalcError(v)) return v;
  if (v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  const n = Number(v.trim());
  return v.trim() !== "" && Number.isFinite(n) ? n : VALUE;
}

function text(v: CellValue): string {
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** Excel's order: numbers before text before logical values; text without regard to case. */
function compare(a: CellValue, b: CellValue): number {
  const rank = (v: CellValue) => (typeof v === "number" || v === null ? 0 : typeof v === "string" ? 1 : 2);
  const x = a === null ? (typeof b === "string" ? "" : typeof b === "boolean" ? false : 0) : a;
  const y = b === null ? (typeof a === "string" ? "" : typeof a === "boolean" ? false : 0) : b;
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === "string" && typeof y === "string") return x.toLowerCase().localeCompare(y.toLowerCase());
  return Number(x) - Number(y);
}
