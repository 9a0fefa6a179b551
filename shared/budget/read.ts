/**
 * Reads one budget sheet: every table on it, each as a BudgetTable or a ContributionsTable of
 * the report schema, with every issue found on the way. Pure: a grid in, data out.
 */
import { roundToOre } from "../amounts";
import { a1At, columnLetters, type Grid, parseA1, sheetOrderKey, toA1 } from "../grid";
import type { Issue } from "../issues";
import type {
  BudgetLine,
  BudgetTable,
  ContributionsTable,
  Equity,
  PeriodAmounts,
  SheetCorrections,
} from "../report";
import { sectionOfGroup } from "../vocabulary";
import { classifyLines } from "./classify";
import {
  checkSplit,
  looksLikeContributions,
  type MemberLine,
  memberOfLine,
  splitApplies,
} from "./contributions";
import { type ColumnRole, detectTables, SheetView, type TableFrame } from "./detect";
import { type Amount, type BodyRow, type RowAmounts, readBody, type TableBody } from "./rows";
import { checkTotals, computeTotals, roundingTolerance } from "./totals";
import { groupOfWords, isContributionsCaption, memberOf, normaliseLabel } from "./words";

export interface BudgetReading {
  readonly tables: readonly (BudgetTable | ContributionsTable)[];
  readonly issues: readonly Issue[];
}

export interface BudgetReadOptions {
  /**
   * Give every budget table its source `columns`, utfall or not: the follow-up links each figure
   * to its cell. Off by default, so a plan without utfall reads as it always did.
   */
  readonly sourceColumns?: boolean;
}

export function readBudgetSheet(
  grid: Grid,
  corrections?: SheetCorrections,
  options: BudgetReadOptions = {},
): BudgetReading {
  const view = new SheetView(grid);
  const forced = corrections?.headerRow === undefined ? null : corrections.headerRow - 1 - grid.origin.row;
  const { frames, titleBlock } = detectTables(view, forced);
  const tables: (BudgetTable | ContributionsTable)[] = [];
  const issues: Issue[] = [];
  for (const frame of frames) {
    const body = readBody(view, frame, titleBlock, corrections?.unit);
    // Loops, not push(...xs): a sheet of text amounts can raise more issues than a call takes arguments.
    for (const issue of body.issues) issues.push(issue);
    const caption = normaliseLabel(`${frame.caption ?? ""} ${frame.title ?? ""}`);
    const contributions =
      body.rows.some((r) => r.kind === "line") &&
      looksLikeContributions(body.rows, isContributionsCaption(caption));
    const read = contributions
      ? contributionsTable(grid, frame, body)
      : budgetTable(grid, frame, body, corrections, options.sourceColumns === true);
    if (!read) continue;
    tables.push(read.table);
    for (const issue of read.issues) issues.push(issue);
  }
  if (tables.length === 0) issues.push({ severity: "info", code: "no-table", sheet: grid.sheet, cell: null });
  return { tables, issues: inSheetOrder(issues) };
}

/** Issues by row, then column, as a reader goes down the sheet; ties keep the order they were found in. */
function inSheetOrder(issues: Issue[]): Issue[] {
  const position = (i: Issue) => {
    const a = i.cell === null ? null : parseA1(i.cell);
    return a === null ? -1 : sheetOrderKey(a.row, a.col);
  };
  return issues
    .map((issue, index) => ({ issue, index, at: position(issue) }))
    .sort((x, y) => x.at - y.at || x.index - y.index)
    .map((x) => x.issue);
}

const text = (s: string | null, max: number): string | null => (s === null ? null : s.slice(0, max));

function rangeOf(grid: Grid, frame: TableFrame): string {
  const top = frame.groupRow ?? frame.headerRow ?? frame.firstRow;
  const right = Math.max(
    ...frame.periods.map((p) => p.col),
    ...frame.extras.map((e) => e.col),
    ...frame.deviations.map((d) => d.col),
  );
  return `${a1At(grid, top, frame.labelCol)}:${a1At(grid, frame.lastRow, right)}`;
}

/** A row's amounts of the columns `from` … `to` − 1 (the budget's, or the utfall's), keyed. */
function amountsOf(amounts: RowAmounts, keys: readonly string[], from = 0, to = keys.length): PeriodAmounts {
  const out: PeriodAmounts = {};
  for (const a of amounts)
    if (a !== undefined && a.period >= from && a.period < to) out[keys[a.period]!] = a.value;
  return out;
}

function periodCellOf(grid: Grid, frame: TableFrame) {
  return (key: string): string | null => {
    const p = frame.periods.find((x) => x.key === key);
    return p && frame.headerRow !== null
      ? toA1({ row: grid.origin.row + frame.headerRow, col: grid.origin.col + p.col })
      : null;
  };
}

function budgetTable(
  grid: Grid,
  frame: TableFrame,
  body: TableBody,
  corrections: SheetCorrections | undefined,
  sourceColumns: boolean,
): { table: BudgetTable; issues: Issue[] } | null {
  const lineRows = body.rows.filter((r) => r.kind === "line");
  if (lineRows.length === 0) return null;
  const periods = frame.periods.map((p) => p.key);
  // Every check reads the budget's columns and the utfall and prognos beside them alike: each
  // has its own key here ("utfall 2023"), and its figure's own period and kind in an issue.
  const columns = columnsOf(frame);
  const keys = columns.map((c) => c.internal);
  const tolerance = roundingTolerance(body.step);
  const issues: Issue[] = [];
  const sheet = grid.sheet;
  // "Unga vuxna | −500", "Summa kostnader | −800", "Resultat | 200": costs written with a minus
  // sign, as a resultaträkning writes them. Read as costs, without the sign.
  const negative = negativeCostLines(body.rows);
  if (negative.size > 0) {
    negateCosts(body.rows, negative);
    const first = lineRows.find((r) => negative.has(r.cell));
    issues.push({ severity: "info", code: "costs-negative", sheet, cell: first?.cell ?? null });
  }
  const classes = classifyLines(body.rows, keys, tolerance, {
    ...(negative.size > 0 ? { negativeCosts: negative } : {}),
    ...(corrections?.lines ? { corrections: corrections.lines } : {}),
  });
  const sections = classes.map((c) => c.section);
  const roles = new Set(frame.extras.map((e) => e.role));
  const lines: BudgetLine[] = lineRows.map((row, i) => {
    const c = classes[i]!;
    if (!c.sure)
      issues.push({
        severity: "warning",
        code: "line-unclassified",
        sheet,
        cell: row.cell,
        label: row.label,
        guess: c.section,
      });
    if (c.combined.length > 1)
      issues.push({
        severity: "info",
        code: "group-combined",
        sheet,
        cell: row.cell,
        label: row.label,
        group: c.group,
        others: c.combined.slice(1),
      });
    return {
      section: c.section,
      group: c.group,
      label: row.label.slice(0, 500),
      cell: row.cell,
      heading: text(c.heading, 500),
      amounts: amountsOf(row.amounts, periods),
      ...(roles.has("outcome") ? { outcomes: pick(row.amounts, columns, "outcome") } : {}),
      ...(roles.has("forecast") ? { forecasts: pick(row.amounts, columns, "forecast") } : {}),
    };
  });
  for (const row of body.rows)
    if (row.kind === "memo")
      issues.push({ severity: "info", code: "line-not-counted", sheet, cell: row.cell, label: row.label });
  for (const m of checkTotals(
    body.rows,
    sections,
    keys,
    tolerance,
    true,
    classes.map((c) => c.anchor),
  ).mismatches) {
    const column = columns[keys.indexOf(m.period)]!;
    issues.push({
      severity: "error",
      code: m.code,
      sheet,
      cell: m.cell,
      label: m.row.label,
      period: column.key,
      stated: m.stated,
      computed: m.computed,
      ...(column.role === "budget" ? {} : { column: column.role }),
    });
  }
  // Member contributions written as income lines of the budget ("Bidrag Försäkringskassan").
  const memberLines: MemberLine[] = [];
  lineRows.forEach((row, i) => {
    if (classes[i]!.group !== "medlemsbidrag") return;
    const member = memberOf(row.n);
    if (member && member !== "övriga")
      memberLines.push({ member, amounts: row.amounts.slice(0, periods.length) });
  });
  if (splitApplies(memberLines))
    issues.push(...checkSplit(memberLines, periods, body.step, sheet, periodCellOf(grid, frame)));
  const all = computeTotals(body.rows, sections, keys);
  const totalsOf = (role: Column["role"]) => {
    const of = (xs: PeriodAmounts): PeriodAmounts => {
      const out: PeriodAmounts = {};
      for (const c of columns) if (c.role === role) out[c.key] = xs[c.internal]!;
      return out;
    };
    return { income: of(all.income), cost: of(all.cost), surplus: of(all.surplus) };
  };
  for (const issue of checkDeviations(grid, frame, body, columns, tolerance)) issues.push(issue);
  const equity = equityOf(body.rows, columns, all.surplus, tolerance, sheet, issues);
  const hasEquity = Object.keys(equity).length > 0;
  const letters = (role: Column["role"]) =>
    Object.fromEntries(
      columns.filter((c) => c.role === role).map((c) => [c.key, columnLetters(grid.origin.col + c.col)]),
    );
  return {
    table: {
      kind: "budget",
      sheet,
      title: text(frame.title, 500),
      range: rangeOf(grid, frame),
      unit: body.unit,
      periods,
      periodLabels: frame.periods.map((p) => p.label.slice(0, 200)),
      lines,
      totals: totalsOf("budget"),
      ...(roles.has("outcome") ? { outcomeTotals: totalsOf("outcome") } : {}),
      ...(roles.has("forecast") ? { forecastTotals: totalsOf("forecast") } : {}),
      ...(hasEquity ? { equity } : {}),
      ...(roles.size > 0 || hasEquity || sourceColumns
        ? {
            columns: {
              budget: letters("budget"),
              outcome: letters("outcome"),
              forecast: letters("forecast"),
            },
          }
        : {}),
    },
    issues,
  };
}

/** A column the amounts are read from: a budget period, or utfall or prognos beside one. */
interface Column {
  readonly role: "budget" | ColumnRole;
  /** The key in the report: the period ("2023"), or the utfall's ("2023-H1"). */
  readonly key: string;
  /** The key the checks use, one per column: the period, or "utfall 2023". */
  readonly internal: string;
  readonly col: number;
}

/** The budget periods, then the utfall and prognos beside them, in the order rows.ts reads their amounts. */
function columnsOf(frame: TableFrame): Column[] {
  return [
    ...frame.periods.map((p) => ({ role: "budget" as const, key: p.key, internal: p.key, col: p.col })),
    ...frame.extras.map((e) => ({
      role: e.role,
      key: e.key,
      internal: `${e.role === "outcome" ? "utfall" : "prognos"} ${e.key}`,
      col: e.col,
    })),
  ];
}

/** A row's amounts in the columns of one role, keyed as the report keys them. */
function pick(amounts: RowAmounts, columns: readonly Column[], role: ColumnRole): PeriodAmounts {
  const out: PeriodAmounts = {};
  for (const a of amounts)
    if (a !== undefined && columns[a.period]!.role === role) out[columns[a.period]!.key] = a.value;
  return out;
}

/**
 * Every avvikelse cell against utfall − budget of its row (prognos − budget where the column
 * compares the prognos). A column whose cells all read budget − utfall instead is written so: it
 * is checked that way, with an info saying it. A blank amount counts as zero.
 */
function checkDeviations(
  grid: Grid,
  frame: TableFrame,
  body: TableBody,
  columns: readonly Column[],
  tolerance: number,
): Issue[] {
  const issues: Issue[] = [];
  for (const d of frame.unpairedDeviations)
    issues.push({
      severity: "info",
      code: "deviation-unpaired",
      sheet: grid.sheet,
      cell: frame.headerRow === null ? null : a1At(grid, frame.headerRow, d.col),
      label: d.label,
    });
  frame.deviations.forEach((d, index) => {
    const budget = columns.findIndex((c) => c.role === "budget" && c.key === d.budget);
    const against = columns.findIndex((c) => c.role === d.role && c.key === d.key);
    const cells = body.deviations
      .filter((x) => x.deviation === index && "amounts" in x.row)
      .map((x) => {
        const amounts = (x.row as { amounts: RowAmounts }).amounts;
        const diff = roundToOre(asWritten(amounts[against]) - asWritten(amounts[budget]));
        return { ...x, diff };
      });
    const fits = (stated: number, computed: number) => Math.abs(stated - computed) <= tolerance;
    let forward = 0;
    let backward = 0;
    for (const c of cells) {
      if (c.diff === 0) continue;
      if (fits(c.amount.value, c.diff)) forward++;
      else if (fits(c.amount.value, -c.diff)) backward++;
    }
    const reversed = backward > 0 && forward === 0;
    if (reversed)
      issues.push({
        severity: "info",
        code: "deviation-reversed",
        sheet: grid.sheet,
        cell: frame.headerRow === null ? null : a1At(grid, frame.headerRow, d.col),
        period: d.key,
      });
    for (const c of cells) {
      const computed = reversed ? roundToOre(-c.diff) : c.diff;
      if (fits(c.amount.value, computed)) continue;
      issues.push({
        severity: "error",
        code: "deviation-mismatch",
        sheet: grid.sheet,
        cell: c.amount.cell,
        label: c.row.label,
        period: d.key,
        stated: c.amount.value,
        computed,
        reversed,
      });
    }
  });
  return issues;
}

/** An amount in kr with the sign it was written with (costs written negative have been turned). */
function asWritten(a: Amount | undefined): number {
  if (a === undefined) return 0;
  return a.written < 0 !== a.value < 0 && a.value !== 0 ? -a.value : a.value;
}

/**
 * Eget kapital by the column it stands in, and the check that the closing is the opening plus the
 * year's result: the result repeated among the equity rows, else the table's result row, else the
 * computed över-/underskott. A share of eget kapital is read as nothing.
 */
function equityOf(
  rows: readonly BodyRow[],
  columns: readonly Column[],
  surplus: PeriodAmounts,
  tolerance: number,
  sheet: string,
  issues: Issue[],
): Record<string, Equity> {
  const found = new Map<number, { opening?: Amount; result?: Amount; closing?: Amount; label: string }>();
  let resultRow: (BodyRow & { kind: "result" }) | null = null;
  for (const row of rows) {
    if (row.kind === "result" && resultRow === null) resultRow = row;
    if (row.kind !== "equity" || row.role === "share") continue;
    for (const a of row.amounts) {
      if (a === undefined) continue;
      const entry = found.get(a.period) ?? { label: "" };
      if (entry[row.role] === undefined) entry[row.role] = a;
      if (row.role === "closing") entry.label = row.label;
      found.set(a.period, entry);
    }
  }
  const equity: Record<string, Equity> = {};
  // Where utfall and budget of one year both state it, the report keeps the utfall's: what was.
  const priority = { outcome: 0, budget: 1, forecast: 2 } as const;
  const order = [...found].sort(
    (x, y) => priority[columns[x[0]]!.role] - priority[columns[y[0]]!.role] || x[0] - y[0],
  );
  for (const [index, e] of order) {
    const column = columns[index]!;
    const stated = e.result ?? resultRow?.amounts[index];
    const result = stated?.value ?? (e.opening || e.closing ? (surplus[column.internal] ?? null) : null);
    const opening = e.opening?.value ?? null;
    const closing = e.closing?.value ?? null;
    if (!(column.key in equity))
      equity[column.key] = {
        opening,
        result,
        closing,
        openingCell: e.opening?.cell ?? null,
        resultCell: stated?.cell ?? null,
        closingCell: e.closing?.cell ?? null,
      };
    if (opening === null || closing === null || result === null) continue;
    const computed = roundToOre(opening + result);
    if (Math.abs(closing - computed) > tolerance)
      issues.push({
        severity: "error",
        code: "equity-mismatch",
        sheet,
        cell: e.closing!.cell,
        label: e.label,
        period: column.key,
        stated: closing,
        computed,
      });
  }
  return equity;
}

/**
 * The cells of lines written as negative costs: lines whose amounts are all below zero — two at
 * least, or one with a stated total below zero too — none of them a line whose words say income,
 * and some line above zero (the income).
 * Empty when the sheet writes costs as positive amounts, as most budgets do.
 */
function negativeCostLines(rows: readonly BodyRow[]): Set<string> {
  const negative = new Set<string>();
  let positive = false;
  let negativeTotal = false;
  for (const row of rows) {
    if (row.kind === "total")
      for (const a of row.amounts) if (a !== undefined && a.value < 0) negativeTotal = true;
    if (row.kind !== "line") continue;
    // The signs of its amounts other than zero, counted without building a list per line.
    let above = 0;
    let below = 0;
    for (const a of row.amounts) {
      if (a === undefined) continue;
      if (a.value > 0) above++;
      else if (a.value < 0) below++;
    }
    if (above + below === 0) continue;
    if (below === 0) positive = true;
    else if (above === 0) {
      const group = groupOfWords(row.n);
      if (group && sectionOfGroup(group) === "income") return new Set();
      negative.add(row.cell);
    }
  }
  const enough = negative.size >= 2 || (negative.size === 1 && negativeTotal);
  return positive && enough ? negative : new Set();
}

/** Those lines, and the stated totals written negative, become positive; result rows keep their sign. */
function negateCosts(rows: readonly BodyRow[], negative: ReadonlySet<string>) {
  for (const row of rows)
    if ((row.kind === "line" && negative.has(row.cell)) || row.kind === "total")
      for (const a of row.amounts) if (a !== undefined && a.value < 0) a.value = -a.value;
}

function contributionsTable(
  grid: Grid,
  frame: TableFrame,
  body: TableBody,
): { table: ContributionsTable; issues: Issue[] } {
  const sheet = grid.sheet;
  const periods = frame.periods.map((p) => p.key);
  const lines: {
    member: ReturnType<typeof memberOfLine>;
    label: string;
    cell: string;
    amounts: PeriodAmounts;
  }[] = [];
  const memberLines: MemberLine[] = [];
  const issues: Issue[] = [];
  const sums = new Map(periods.map((k) => [k, 0]));
  const tolerance = roundingTolerance(body.step);
  for (const row of body.rows) {
    if (row.kind === "line") {
      const member = memberOfLine(row.n);
      lines.push({ member, label: row.label, cell: row.cell, amounts: amountsOf(row.amounts, periods) });
      memberLines.push({ member, amounts: row.amounts.slice(0, periods.length) });
      for (const a of row.amounts) {
        if (a === undefined || a.period >= periods.length) continue;
        const key = periods[a.period]!;
        sums.set(key, sums.get(key)! + a.value);
      }
    } else if (row.kind === "total") {
      for (const a of row.amounts) {
        if (a === undefined || a.period >= periods.length) continue;
        const key = periods[a.period]!;
        const computed = roundToOre(sums.get(key)!);
        if (Math.abs(a.value - computed) > tolerance)
          issues.push({
            severity: "error",
            code: "total-mismatch",
            sheet,
            cell: a.cell,
            label: row.label,
            period: key,
            stated: a.value,
            computed,
          });
      }
    }
  }
  issues.push(...checkSplit(memberLines, periods, body.step, sheet, periodCellOf(grid, frame)));
  const total: PeriodAmounts = {};
  for (const [key, v] of sums) total[key] = roundToOre(v);
  return {
    table: {
      kind: "contributions",
      sheet,
      title: text(frame.caption ?? frame.title, 500),
      range: rangeOf(grid, frame),
      unit: body.unit,
      periods,
      periodLabels: frame.periods.map((p) => p.label),
      lines,
      total,
    },
    issues,
  };
}
