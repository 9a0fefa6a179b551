/**
 * Reads the body of a detected table row by row: headings, section rows, lines, stated totals
 * and result rows, each amount with its cell, in kr. Amount problems become issues here,
 * in row order, so every cell is reported once.
 */
import { parseAmount, toKr, UNIT_FACTOR, type Unit, unitInText } from "../amounts";
import { a1At, isDateFormat, numberFormatAt } from "../grid";
import type { Issue } from "../issues";
import type { Section } from "../report";
import { isExcelError, type SheetView, type TableFrame, UNIT_ONLY } from "./detect";
import {
  cleanLabel,
  isResultLabel,
  isSubItem,
  normaliseLabel,
  sectionOf,
  type TotalScope,
  totalScopeOf,
} from "./words";

export interface Amount {
  /** In kr. */
  readonly value: number;
  /** A1 of the amount's cell. */
  readonly cell: string;
}

/** Amounts of a row by period key; a blank cell has no entry. */
export type RowAmounts = ReadonlyMap<string, Amount>;

interface RowBase {
  readonly row: number;
  /** The label as written, and its cell (A1). */
  readonly label: string;
  readonly cell: string;
}

export type BodyRow =
  | (RowBase & { readonly kind: "heading"; readonly sub: boolean })
  | (RowBase & { readonly kind: "section"; readonly section: Section })
  | (RowBase & { readonly kind: "line"; readonly sub: boolean; readonly amounts: RowAmounts })
  | (RowBase & { readonly kind: "total"; readonly scope: TotalScope; readonly amounts: RowAmounts })
  | (RowBase & { readonly kind: "result"; readonly amounts: RowAmounts });

interface RawAmount {
  readonly key: string;
  readonly written: number;
  readonly unit: Unit | null;
  readonly cell: string;
}

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

/** Decimals a written amount uses, at most two. */
function decimalsOf(x: number): number {
  if (Number.isInteger(x)) return 0;
  return Math.abs(x * 10 - Math.round(x * 10)) < 1e-9 ? 1 : 2;
}

/**
 * Reads rows frame.firstRow..frame.lastRow. The unit is the corrected one, else the one the
 * sheet states, else the one the text amounts carry, else the title block's, else kr (with an
 * info issue).
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
  const pending: {
    base: RowBase & { sub: boolean; n: string | null };
    raw: RawAmount[];
    /** Something stood in the amount cells, readable or not. */
    filled: boolean;
  }[] = [];
  // "INTÄKTER | 2015 | 2016": the header's own label cell opens a section.
  if (frame.caption !== null && frame.headerRow !== null && sectionOf(normaliseLabel(frame.caption))) {
    const n = normaliseLabel(frame.caption);
    pending.push({
      base: {
        row: frame.headerRow,
        label: frame.caption,
        cell: a1At(grid, frame.headerRow, frame.labelCol),
        sub: false,
        n,
      },
      raw: [],
      filled: false,
    });
  }
  const ownUnits = new Map<Unit, number>();
  let statedUnit: Unit | null = frame.unit;

  for (let r = frame.firstRow; r <= frame.lastRow; r++) {
    if (frame.repeatedHeaders.has(r)) {
      const label = view.text(r, frame.labelCol) ?? "";
      pending.push({
        base: { row: r, label, cell: a1At(grid, r, frame.labelCol), sub: false, n: normaliseLabel(label) },
        raw: [],
        filled: false,
      });
      continue;
    }
    const label = view.firstText(r, firstPeriodCol);
    const raw: RawAmount[] = [];
    const unreadable: { cell: string; text: string }[] = [];
    const texts: string[] = [];
    for (const p of frame.periods) {
      const v = view.value(r, p.col);
      if (v === null) continue;
      const cell = a1At(grid, r, p.col);
      if (typeof v === "number") {
        if (isDateFormat(numberFormatAt(grid, r, p.col))) unreadable.push({ cell, text: String(v) });
        else raw.push({ key: p.key, written: v, unit: null, cell });
        continue;
      }
      if (typeof v === "boolean") {
        unreadable.push({ cell, text: String(v) });
        continue;
      }
      const text = v.trim();
      texts.push(text);
      if (isExcelError(text)) {
        issues.push({ severity: "error", code: "formula-error", sheet, cell, text });
        continue;
      }
      const parsed = parseAmount(text);
      if (!parsed) {
        unreadable.push({ cell, text });
        continue;
      }
      raw.push({ key: p.key, written: parsed.value, unit: parsed.unit, cell });
      if (parsed.unit) ownUnits.set(parsed.unit, (ownUnits.get(parsed.unit) ?? 0) + 1);
      if (parsed.per)
        issues.push({ severity: "warning", code: "amount-per-period", sheet, cell, text, per: parsed.per });
      else
        issues.push({ severity: "warning", code: "amount-as-text", sheet, cell, text, value: parsed.value });
    }
    if (raw.length === 0 && texts.length > 0 && texts.every((t) => UNIT_ONLY.test(t))) {
      // A unit row under the header (" | tkr | tkr").
      statedUnit ??= unitInText(texts[0]!);
      continue;
    }
    if (raw.length === 0 && !label && unreadable.length === 0) continue;
    if (
      raw.length === 0 &&
      !label &&
      r - frame.firstRow < 2 &&
      unreadable.every((u) => u.text.length <= 30)
    ) {
      // A second header line under the periods ("Utfall | Budget"): part of the header.
      continue;
    }
    for (const u of unreadable)
      issues.push({ severity: "error", code: "amount-unreadable", sheet, cell: u.cell, text: u.text });
    const sub = label ? label.col > frame.labelCol || isSubItem(label.text) : false;
    pending.push({
      base: {
        row: r,
        label: label?.text ?? "",
        cell: a1At(grid, r, label?.col ?? frame.labelCol),
        sub,
        n: label ? normaliseLabel(label.text) : null,
      },
      raw,
      filled: raw.length > 0 || unreadable.length > 0 || texts.length > 0,
    });
  }

  let unit: Unit;
  if (unitCorrection) unit = unitCorrection;
  else if (statedUnit) unit = statedUnit;
  else {
    const own = [...ownUnits.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    const fromTitle = titleBlock.map(unitInText).find((u) => u !== null);
    unit = own ?? fromTitle ?? "kr";
    if (!own && !fromTitle) {
      const first = frame.periods[0]!;
      const cell = frame.headerRow === null ? null : a1At(grid, frame.headerRow, first.col);
      issues.push({ severity: "info", code: "unit-assumed", sheet, cell, unit: "kr" });
    }
  }

  let decimals = 0;
  for (const { raw } of pending)
    for (const a of raw)
      if (a.unit === null || a.unit === unit) decimals = Math.max(decimals, decimalsOf(a.written));
  const step = UNIT_FACTOR[unit] / 10 ** decimals;

  const rows: BodyRow[] = [];
  for (const { base, raw, filled } of pending) {
    const amounts = new Map<string, Amount>();
    for (const a of raw) amounts.set(a.key, { value: toKr(a.written, a.unit ?? unit), cell: a.cell });
    const { row, cell, sub, n } = base;
    if (frame.repeatedHeaders.has(row) || (row === frame.headerRow && n !== null)) {
      const section = sectionOf(n ?? "");
      if (section) rows.push({ kind: "section", row, label: base.label, cell, section });
      continue;
    }
    if (n === null) {
      // Amounts without a label: a sum written under the lines.
      rows.push({ kind: "total", row, label: "(summa utan rubrik)", cell, scope: "generic", amounts });
      continue;
    }
    const label = cleanLabel(base.label) || base.label;
    if (amounts.size === 0 && !filled) {
      if (isResultLabel(n) || totalScopeOf(n) !== null) continue;
      const section = sectionOf(n);
      if (section) rows.push({ kind: "section", row, label, cell, section });
      else rows.push({ kind: "heading", row, label, cell, sub });
      continue;
    }
    if (isResultLabel(n)) rows.push({ kind: "result", row, label, cell, amounts });
    else {
      const scope = totalScopeOf(n);
      if (scope) rows.push({ kind: "total", row, label, cell, scope, amounts });
      else rows.push({ kind: "line", row, label, cell, sub, amounts });
    }
  }
  return { rows, unit, step, issues };
}
