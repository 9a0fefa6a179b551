/**
 * Reads the body of a detected table row by row: headings, section rows, lines, stated totals
 * and result rows, each amount with its cell, in kr. Amount problems become issues here,
 * in row order, so every cell is reported once.
 */
import { parseAmount, toKr, UNIT_FACTOR, type Unit, unitInText } from "../amounts";
import { a1At, isDateFormat, numberFormatAt, toA1 } from "../grid";
import type { Issue } from "../issues";
import type { Section } from "../report";
import { isExcelError, type SheetView, type TableFrame, UNIT_ONLY } from "./detect";
import {
  cleanLabel,
  isMemoLabel,
  isResultLabel,
  isSubItem,
  normaliseLabel,
  sectionOf,
  type TotalScope,
  totalScopeOf,
} from "./words";

/** An amount read from a cell. Its A1 address is made only when asked for (issues, reports). */
export class Amount {
  /** In kr, once the table's unit is known. */
  value: number;

  constructor(
    /** As written, in `unit` or else the table's unit. */
    readonly written: number,
    readonly unit: Unit | null,
    /** Index of the period in the table's periods. */
    readonly period: number,
    private readonly sheetRow: number,
    private readonly sheetCol: number,
  ) {
    this.value = written;
  }

  get cell(): string {
    return toA1({ row: this.sheetRow, col: this.sheetCol });
  }
}

/** Amounts of a row by period key; a blank cell has no entry. */
export type RowAmounts = ReadonlyMap<string, Amount>;

interface RowBase {
  readonly row: number;
  /** The label as the report keeps it (bullet gone), and its cell (A1). */
  readonly label: string;
  readonly cell: string;
  /** The label normalised for matching words. */
  readonly n: string;
}

export type BodyRow =
  | (RowBase & { readonly kind: "heading"; readonly sub: boolean })
  | (RowBase & { readonly kind: "section"; readonly section: Section })
  | (RowBase & { readonly kind: "line"; readonly sub: boolean; readonly amounts: RowAmounts })
  | (RowBase & { readonly kind: "total"; readonly scope: TotalScope; readonly amounts: RowAmounts })
  | (RowBase & { readonly kind: "result"; readonly amounts: RowAmounts })
  /** Neither income nor cost: a part of the line above ("varav …") or a count ("Antal deltagare"). */
  | (RowBase & { readonly kind: "memo"; readonly amounts: RowAmounts });

export interface TableBody {
  readonly rows: readonly BodyRow[];
  readonly unit: Unit;
  /**
   * The rounding step of the amounts in kr: one unit of the sheet (1 000 kr in a tkr sheet), or
   * a tenth or hundredth of one where amounts are written with decimals ("1,5" mkr).
   */
  readonly step: number;
  readonly issues: readonly Issue[];
}

const PERCENT = /^[-+\u2212]?\s*\d+([.,]\d+)?\s*%$/;

/** Decimals a written amount uses, at most two. */
function decimalsOf(x: number): number {
  if (Number.isInteger(x)) return 0;
  return Math.abs(x * 10 - Math.round(x * 10)) < 1e-9 ? 1 : 2;
}

interface Pending {
  readonly row: number;
  readonly label: string | null;
  readonly labelCol: number;
  readonly sub: boolean;
  readonly amounts: Map<string, Amount>;
  /** Something stood in the amount cells, readable or not. */
  readonly filled: boolean;
  /** A header row (the table's own, or one repeated inside it) whose label cell may open a section. */
  readonly header: boolean;
}

/**
 * Reads rows frame.firstRow..frame.lastRow. The unit is the corrected one, else the one the
 * sheet states, else the one the text amounts carry, else the one their number formats show,
 * else the title block's, else kr (with an info issue).
 */
export function readBody(
  view: SheetView,
  frame: TableFrame,
  titleBlock: readonly string[],
  unitCorrection: Unit | undefined,
): TableBody {
  const grid = view.grid;
  const sheet = grid.sheet;
  const issues: Issue[] = [];
  const firstPeriodCol = Math.min(...frame.periods.map((p) => p.col));
  const pending: Pending[] = [];
  const ownUnits = new Map<Unit, number>();
  const formatUnits = new Map<Unit, number>();
  let statedUnit: Unit | null = frame.unit;
  const headerRow = (row: number, label: string | null): Pending => ({
    row,
    label,
    labelCol: frame.labelCol,
    sub: false,
    amounts: new Map(),
    filled: false,
    header: true,
  });

  // "INTÄKTER | 2015 | 2016": the header's own label cell opens a section.
  if (frame.headerRow !== null && frame.caption !== null)
    pending.push(headerRow(frame.headerRow, frame.caption));
  for (let r = frame.firstRow; r <= frame.lastRow; r++) {
    if (frame.repeatedHeaders.has(r)) {
      pending.push(headerRow(r, view.text(r, frame.labelCol)));
      continue;
    }
    const label = view.firstText(r, firstPeriodCol);
    const amounts = new Map<string, Amount>();
    const unreadable: { col: number; text: string }[] = [];
    let texts = 0;
    let unitTexts = 0;
    for (let pi = 0; pi < frame.periods.length; pi++) {
      const p = frame.periods[pi]!;
      const v = view.value(r, p.col);
      if (v === null) continue;
      const sheetRow = grid.origin.row + r;
      const sheetCol = grid.origin.col + p.col;
      if (typeof v === "number") {
        const format = numberFormatAt(grid, r, p.col);
        // A share ("12 %") is no amount: not summed, not an error either.
        if (format?.includes("%")) continue;
        if (!Number.isFinite(v) || isDateFormat(format)) unreadable.push({ col: p.col, text: String(v) });
        else {
          amounts.set(p.key, new Amount(v, null, pi, sheetRow, sheetCol));
          // '#,##0 "tkr"': the unit shown by the cell's number format.
          const shown = format ? unitInText(format.replace(/["\\]/g, " ")) : null;
          if (shown) formatUnits.set(shown, (formatUnits.get(shown) ?? 0) + 1);
        }
        continue;
      }
      if (typeof v === "boolean") {
        unreadable.push({ col: p.col, text: String(v) });
        continue;
      }
      const text = v.trim();
      if (PERCENT.test(text)) continue;
      texts++;
      if (UNIT_ONLY.test(text)) {
        unitTexts++;
        continue;
      }
      const cell = a1At(grid, r, p.col);
      if (isExcelError(text)) {
        issues.push({ severity: "error", code: "formula-error", sheet, cell, text });
        continue;
      }
      const parsed = parseAmount(text);
      if (!parsed) {
        unreadable.push({ col: p.col, text });
        continue;
      }
      amounts.set(p.key, new Amount(parsed.value, parsed.unit, pi, sheetRow, sheetCol));
      if (parsed.unit) ownUnits.set(parsed.unit, (ownUnits.get(parsed.unit) ?? 0) + 1);
      if (parsed.per)
        issues.push({ severity: "warning", code: "amount-per-period", sheet, cell, text, per: parsed.per });
      else
        issues.push({ severity: "warning", code: "amount-as-text", sheet, cell, text, value: parsed.value });
    }
    if (amounts.size === 0 && texts > 0 && unitTexts === texts && unreadable.length === 0) {
      // A unit row under the header (" | tkr | tkr").
      statedUnit ??= unitInText(String(view.value(r, frame.periods[0]!.col) ?? ""));
      continue;
    }
    if (amounts.size === 0 && !label && unreadable.length === 0) continue;
    if (
      amounts.size === 0 &&
      !label &&
      r - frame.firstRow < 2 &&
      unreadable.every((u) => u.text.length <= 30)
    ) {
      // A second header line under the periods ("Utfall | Budget"): part of the header.
      continue;
    }
    for (const u of unreadable)
      issues.push({
        severity: "error",
        code: "amount-unreadable",
        sheet,
        cell: a1At(grid, r, u.col),
        text: u.text,
      });
    pending.push({
      row: r,
      label: label?.text ?? null,
      labelCol: label?.col ?? frame.labelCol,
      sub: label ? label.col > frame.labelCol || isSubItem(label.text) : false,
      amounts,
      filled: amounts.size > 0 || unreadable.length > 0 || texts > 0,
      header: false,
    });
  }

  const unit =
    unitCorrection ??
    statedUnit ??
    unitFromAmounts(ownUnits) ??
    unitFromAmounts(formatUnits) ??
    unitFromTitle(titleBlock);
  if (unit === null) {
    const cell = frame.headerRow === null ? null : a1At(grid, frame.headerRow, frame.periods[0]!.col);
    issues.push({ severity: "info", code: "unit-assumed", sheet, cell, unit: "kr" });
  }
  const tableUnit = unit ?? "kr";
  let decimals = 0;
  for (const p of pending)
    for (const a of p.amounts.values()) {
      if (a.unit === null || a.unit === tableUnit) decimals = Math.max(decimals, decimalsOf(a.written));
      a.value = toKr(a.written, a.unit ?? tableUnit);
    }
  const step = UNIT_FACTOR[tableUnit] / 10 ** decimals;
  return { rows: pending.map(toBodyRow).filter((r) => r !== null), unit: tableUnit, step, issues };

  function toBodyRow(p: Pending): BodyRow | null {
    const { row, amounts } = p;
    const cell = a1At(grid, row, p.labelCol);
    if (p.header) {
      const n = normaliseLabel(p.label ?? "");
      const section = sectionOf(n);
      return section ? { kind: "section", row, label: p.label ?? "", cell, n, section } : null;
    }
    if (p.label === null) {
      // Amounts without a label: a sum written under the lines.
      return { kind: "total", row, label: "(summa utan rubrik)", cell, n: "", scope: "generic", amounts };
    }
    const n = normaliseLabel(p.label);
    const label = cleanLabel(p.label) || p.label;
    if (amounts.size === 0 && !p.filled) {
      if (isResultLabel(n) || totalScopeOf(n) !== null) return null;
      const section = sectionOf(n);
      return section
        ? { kind: "section", row, label, cell, n, section }
        : { kind: "heading", row, label, cell, n, sub: p.sub };
    }
    if (isResultLabel(n)) return { kind: "result", row, label, cell, n, amounts };
    if (isMemoLabel(n)) return { kind: "memo", row, label, cell, n, amounts };
    const scope = totalScopeOf(n);
    return scope
      ? { kind: "total", row, label, cell, n, scope, amounts }
      : { kind: "line", row, label, cell, n, sub: p.sub, amounts };
  }
}

function unitFromAmounts(counts: ReadonlyMap<Unit, number>): Unit | null {
  let best: Unit | null = null;
  for (const [unit, count] of counts) if (best === null || count > counts.get(best)!) best = unit;
  return best;
}

function unitFromTitle(titleBlock: readonly string[]): Unit | null {
  for (const line of titleBlock) {
    const unit = unitInText(line);
    if (unit) return unit;
  }
  return null;
}
