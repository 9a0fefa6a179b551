/**
 * Reads the body of a detected table row by row: headings, section rows, lines, stated totals
 * and result rows, each amount with its cell, in kr. Amount problems become issues here,
 * in row order, so every cell is reported once.
 */
import { parseAmount, toKr, UNIT_FACTOR, type Unit, unitInText } from "../amounts";
import { a1At, type Grid, isDateFormat, numberFormatAt, toA1 } from "../grid";
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

/**
 * Amounts of a row by period index (the table's periods, in order); a blank cell has none. A
 * list, not a Map by key: every check walks every row's amounts, several times.
 */
export type RowAmounts = readonly (Amount | undefined)[];

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
  | (RowBase & { readonly kind: "memo"; readonly amounts: RowAmounts })
  /** Eget kapital after the result ("Ingående eget kapital", the result repeated, "Utgående …"): neither income nor cost. */
  | (RowBase & { readonly kind: "equity"; readonly role: EquityRole; readonly amounts: RowAmounts });

/** Which equity figure a row states; "share" is eget kapital as a percentage, read as nothing. */
export type EquityRole = "opening" | "result" | "closing" | "share";

/** An avvikelse cell read beside a row of the table, in kr once the unit is known. */
export interface DeviationCell {
  readonly row: BodyRow;
  /** Index into frame.deviations. */
  readonly deviation: number;
  readonly amount: Amount;
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
  /** The avvikelse cells beside lines, totals and result rows. */
  readonly deviations: readonly DeviationCell[];
}

const PERCENT = /^[-+\u2212]?\s*\d+([.,]\d+)?\s*%$/;

/** Decimals a written amount uses, at most two. */
function decimalsOf(x: number): number {
  if (Number.isInteger(x)) return 0;
  return Math.abs(x * 10 - Math.round(x * 10)) < 1e-9 ? 1 : 2;
}

/** What the period cells of one row hold. */
interface RowCells {
  readonly amounts: (Amount | undefined)[];
  /** How many amounts were read. */
  count: number;
  /** Cells that hold something that is no amount (an error each, unless the row is part of the header). */
  readonly unreadable: { col: number; text: string }[];
  /** Cells with text, and how many of them are a bare unit (" | tkr | tkr"). */
  texts: number;
  unitTexts: number;
}

/** Units seen while reading, counted: in the amounts' own text ("25 tkr") and in their number formats. */
interface UnitsSeen {
  readonly own: Map<Unit, number>;
  readonly format: Map<Unit, number>;
}

const count = (counts: Map<Unit, number>, unit: Unit) => counts.set(unit, (counts.get(unit) ?? 0) + 1);

/** One row's period cells: numbers, amounts typed as text (with a warning), and what cannot be read. */
function readRowCells(
  view: SheetView,
  columns: readonly { readonly col: number }[],
  r: number,
  units: UnitsSeen,
  issues: Issue[],
): RowCells {
  const grid = view.grid;
  const sheet = grid.sheet;
  const cells: RowCells = {
    amounts: new Array<Amount | undefined>(columns.length).fill(undefined),
    count: 0,
    unreadable: [],
    texts: 0,
    unitTexts: 0,
  };
  for (let pi = 0; pi < columns.length; pi++) {
    const p = columns[pi]!;
    const v = view.value(r, p.col);
    if (v === null) continue;
    const sheetRow = grid.origin.row + r;
    const sheetCol = grid.origin.col + p.col;
    if (typeof v === "number") {
      const format = numberFormatAt(grid, r, p.col);
      // A share ("12 %") is no amount: not summed, not an error either.
      if (format?.includes("%")) continue;
      if (!Number.isFinite(v) || isDateFormat(format)) cells.unreadable.push({ col: p.col, text: String(v) });
      else {
        cells.amounts[pi] = new Amount(v, null, pi, sheetRow, sheetCol);
        cells.count++;
        // '#,##0 "tkr"': the unit shown by the cell's number format.
        const shown = format ? unitInText(format.replace(/["\\]/g, " ")) : null;
        if (shown) count(units.format, shown);
      }
      continue;
    }
    if (typeof v === "boolean") {
      cells.unreadable.push({ col: p.col, text: String(v) });
      continue;
    }
    const text = v.trim();
    if (PERCENT.test(text)) continue;
    cells.texts++;
    if (UNIT_ONLY.test(text)) {
      cells.unitTexts++;
      continue;
    }
    const cell = a1At(grid, r, p.col);
    if (isExcelError(text)) {
      issues.push({ severity: "error", code: "formula-error", sheet, cell, text });
      continue;
    }
    const parsed = parseAmount(text);
    if (!parsed) {
      cells.unreadable.push({ col: p.col, text });
      continue;
    }
    cells.amounts[pi] = new Amount(parsed.value, parsed.unit, pi, sheetRow, sheetCol);
    cells.count++;
    if (parsed.unit) count(units.own, parsed.unit);
    if (parsed.per)
      issues.push({ severity: "warning", code: "amount-per-period", sheet, cell, text, per: parsed.per });
    else issues.push({ severity: "warning", code: "amount-as-text", sheet, cell, text, value: parsed.value });
  }
  return cells;
}

/** A row with only units in its amount cells (" | tkr | tkr"): it states the table's unit. */
const isUnitRow = (c: RowCells) =>
  c.count === 0 && c.texts > 0 && c.unitTexts === c.texts && c.unreadable.length === 0;

/** A second header line under the periods ("Utfall | Budget"): part of the header, no row. */
const isSecondHeaderLine = (c: RowCells, labelled: boolean, rowInTable: number) =>
  c.count === 0 && !labelled && rowInTable < 2 && c.unreadable.every((u) => u.text.length <= 30);

/**
 * The table's unit: the corrected one, else the one the sheet states, else the one the text
 * amounts carry, else the one their number formats show, else the title block's; null for none.
 */
function chooseUnit(
  correction: Unit | undefined,
  stated: Unit | null,
  units: UnitsSeen,
  titleBlock: readonly string[],
): Unit | null {
  return (
    correction ??
    stated ??
    unitFromAmounts(units.own) ??
    unitFromAmounts(units.format) ??
    unitFromTitle(titleBlock)
  );
}

/**
 * Every amount in kronor; the step is the smallest amount the table is written in (1 tkr with
 * no decimals is 1 000 kr), so totals are checked within the table's own rounding.
 */
function toKronor(rows: readonly BodyRow[], unit: Unit): number {
  let decimals = 0;
  for (const row of rows) {
    if (!("amounts" in row)) continue;
    // A share of eget kapital ("37,5") is no amount: its decimals say nothing of the rounding.
    const share = row.kind === "equity" && row.role === "share";
    for (const a of row.amounts) {
      if (a === undefined) continue;
      if (!share && (a.unit === null || a.unit === unit))
        decimals = Math.max(decimals, decimalsOf(a.written));
      a.value = toKr(a.written, a.unit ?? unit);
    }
  }
  return UNIT_FACTOR[unit] / 10 ** decimals;
}

/**
 * Reads rows frame.firstRow..frame.lastRow into body rows, with the table's unit (see
 * chooseUnit; kr with an info issue when nothing says) and every amount in kronor.
 */
export function readBody(
  view: SheetView,
  frame: TableFrame,
  titleBlock: readonly string[],
  unitCorrection: Unit | undefined,
): TableBody {
  const grid = view.grid;
  const issues: Issue[] = [];
  // The budget periods, then the utfall and prognos beside them: one amount list per row.
  const columns = [...frame.periods, ...frame.extras];
  const firstPeriodCol = Math.min(...columns.map((p) => p.col), ...frame.deviations.map((d) => d.col));
  const deviationCells: DeviationCell[] = [];
  const deviationUnits: UnitsSeen = { own: new Map(), format: new Map() };
  const equity = new EquityReader();
  // Each row is read into what it is at once, its amounts as written; they become kronor once
  // the table's unit is known. A row read as nothing (a header row without a section word, a
  // total's words without amounts) has no amounts, so none is left out of the unit's count.
  const rows: BodyRow[] = [];
  const units: UnitsSeen = { own: new Map(), format: new Map() };
  let statedUnit: Unit | null = frame.unit;
  const headerRow = (row: number, label: string | null) => {
    const section = headerSection(grid, row, frame.labelCol, label);
    if (section) rows.push(section);
  };

  // "INTÄKTER | 2015 | 2016": the header's own label cell opens a section.
  if (frame.headerRow !== null && frame.caption !== null) headerRow(frame.headerRow, frame.caption);
  for (let r = frame.firstRow; r <= frame.lastRow; r++) {
    if (frame.repeatedHeaders.has(r)) {
      headerRow(r, view.text(r, frame.labelCol));
      continue;
    }
    const label = view.firstText(r, firstPeriodCol);
    const cells = readRowCells(view, columns, r, units, issues);
    if (isUnitRow(cells)) {
      statedUnit ??= unitInText(String(view.value(r, frame.periods[0]!.col) ?? ""));
      continue;
    }
    if (cells.count === 0 && !label && cells.unreadable.length === 0) continue;
    if (isSecondHeaderLine(cells, label !== null, r - frame.firstRow)) continue;
    for (const u of cells.unreadable)
      issues.push({
        severity: "error",
        code: "amount-unreadable",
        sheet: grid.sheet,
        cell: a1At(grid, r, u.col),
        text: u.text,
      });
    const row = bodyRow(
      a1At(grid, r, label?.col ?? frame.labelCol),
      r,
      label?.text ?? null,
      label ? label.col > frame.labelCol || isSubItem(label.text) : false,
      cells.amounts,
      cells.count > 0,
      cells.count > 0 || cells.unreadable.length > 0 || cells.texts > 0,
    );
    if (!row) continue;
    const read = equity.read(row);
    rows.push(read);
    if (
      frame.deviations.length > 0 &&
      (read.kind === "line" || read.kind === "total" || read.kind === "result")
    ) {
      const d = readRowCells(view, frame.deviations, r, deviationUnits, issues);
      for (const u of d.unreadable)
        issues.push({
          severity: "error",
          code: "amount-unreadable",
          sheet: grid.sheet,
          cell: a1At(grid, r, u.col),
          text: u.text,
        });
      d.amounts.forEach((amount, deviation) => {
        if (amount) deviationCells.push({ row: read, deviation, amount });
      });
    }
  }

  const unit = chooseUnit(unitCorrection, statedUnit, units, titleBlock);
  if (unit === null) {
    const cell = frame.headerRow === null ? null : a1At(grid, frame.headerRow, frame.periods[0]!.col);
    issues.push({ severity: "info", code: "unit-assumed", sheet: grid.sheet, cell, unit: "kr" });
  }
  const tableUnit = unit ?? "kr";
  const step = toKronor(rows, tableUnit);
  for (const d of deviationCells) d.amount.value = toKr(d.amount.written, d.amount.unit ?? tableUnit);
  return { rows, unit: tableUnit, step, issues, deviations: deviationCells };
}

/** Words of eget kapital's rows: the opening, the closing, and eget kapital as a share of something. */
const OPENING = /ingående (eget kapital|balans)|eget kapital.*(ingående|vid årets början|\b1 jan|01-01)/;
const CLOSING =
  /utgående (eget kapital|balans)|eget kapital.*(utgående|vid årets slut|\b31 dec|12-31)|^eget kapital$/;
const SHARE = /eget kapital.*(%|procent|andel)|(%|procent|andel).*eget kapital/;
/** A heading that opens eget kapital's rows. */
const EQUITY_HEADING = /^(eget kapital|förändring (av )?eget kapital)$/;

/**
 * Reads eget kapital after the result: rows below the table's result row (or under an "Eget
 * kapital" heading) that name it, and the result repeated among them. Rows before the result
 * stay what they were ("Överskott 2007 fördelat på 3 år" is income brought in).
 */
class EquityReader {
  private afterResult = false;
  private inEquity = false;

  read(row: BodyRow): BodyRow {
    if (row.kind === "heading" && EQUITY_HEADING.test(row.n)) this.inEquity = true;
    if (!("amounts" in row) || row.kind === "memo") return row;
    const n = row.n;
    const zone = this.afterResult || this.inEquity;
    let role: EquityRole | null = null;
    if (zone && SHARE.test(n)) role = "share";
    else if (zone && OPENING.test(n)) role = "opening";
    else if (zone && CLOSING.test(n)) role = "closing";
    else if (this.inEquity && row.kind === "result") role = "result";
    if (row.kind === "result") this.afterResult = true;
    if (role === null) return row;
    if (role !== "share") this.inEquity = true;
    return { kind: "equity", role, row: row.row, label: row.label, cell: row.cell, n, amounts: row.amounts };
  }
}

/** A header row (the table's own, or one repeated inside it) whose label cell may open a section. */
function headerSection(grid: Grid, row: number, labelCol: number, label: string | null): BodyRow | null {
  const n = normaliseLabel(label ?? "");
  const section = sectionOf(n);
  return section
    ? { kind: "section", row, label: label ?? "", cell: a1At(grid, row, labelCol), n, section }
    : null;
}

/** A read row as what it is: a heading, a section, a line, a total, a result or a memo line; null for nothing. */
function bodyRow(
  cell: string,
  row: number,
  text: string | null,
  sub: boolean,
  amounts: RowAmounts,
  hasAmounts: boolean,
  /** Something stood in the amount cells, readable or not. */
  filled: boolean,
): BodyRow | null {
  if (text === null) {
    // Amounts without a label: a sum written under the lines.
    return { kind: "total", row, label: "(summa utan rubrik)", cell, n: "", scope: "generic", amounts };
  }
  const n = normaliseLabel(text);
  const label = cleanLabel(text) || text;
  if (!hasAmounts && !filled) {
    if (isResultLabel(n) || totalScopeOf(n) !== null) return null;
    const section = sectionOf(n);
    return section
      ? { kind: "section", row, label, cell, n, section }
      : { kind: "heading", row, label, cell, n, sub };
  }
  if (isResultLabel(n)) return { kind: "result", row, label, cell, n, amounts };
  if (isMemoLabel(n)) return { kind: "memo", row, label, cell, n, amounts };
  const scope = totalScopeOf(n);
  return scope
    ? { kind: "total", row, label, cell, n, scope, amounts }
    : { kind: "line", row, label, cell, n, sub, amounts };
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
