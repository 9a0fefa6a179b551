/**
 * Reads one budget sheet: every table on it, each as a BudgetTable or a ContributionsTable of
 * the report schema, with every issue found on the way. Pure: a grid in, data out.
 */
import { roundToOre } from "../amounts";
import { a1At, type Grid, parseA1, sheetOrderKey, toA1 } from "../grid";
import type { Issue } from "../issues";
import type { BudgetLine, BudgetTable, ContributionsTable, PeriodAmounts, SheetCorrections } from "../report";
import { sectionOfGroup } from "../vocabulary";
import { classifyLines } from "./classify";
import {
  checkSplit,
  looksLikeContributions,
  type MemberLine,
  memberOfLine,
  splitApplies,
} from "./contributions";
import { detectTables, SheetView, type TableFrame } from "./detect";
import { type BodyRow, type RowAmounts, readBody, type TableBody } from "./rows";
import { checkTotals, computeTotals, roundingTolerance } from "./totals";
import { groupOfWords, isContributionsCaption, memberOf, normaliseLabel } from "./words";

export interface BudgetReading {
  readonly tables: readonly (BudgetTable | ContributionsTable)[];
  readonly issues: readonly Issue[];
}

export function readBudgetSheet(grid: Grid, corrections?: SheetCorrections): BudgetReading {
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
      : budgetTable(grid, frame, body, corrections);
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
  const top = frame.headerRow ?? frame.firstRow;
  const right = Math.max(...frame.periods.map((p) => p.col));
  return `${a1At(grid, top, frame.labelCol)}:${a1At(grid, frame.lastRow, right)}`;
}

function amountsOf(amounts: RowAmounts, periods: readonly string[]): PeriodAmounts {
  const out: PeriodAmounts = {};
  for (const a of amounts) if (a !== undefined) out[periods[a.period]!] = a.value;
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
): { table: BudgetTable; issues: Issue[] } | null {
  const lineRows = body.rows.filter((r) => r.kind === "line");
  if (lineRows.length === 0) return null;
  const periods = frame.periods.map((p) => p.key);
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
  const classes = classifyLines(body.rows, periods, tolerance, {
    ...(negative.size > 0 ? { negativeCosts: negative } : {}),
    ...(corrections?.lines ? { corrections: corrections.lines } : {}),
  });
  const sections = classes.map((c) => c.section);
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
    };
  });
  for (const row of body.rows)
    if (row.kind === "memo")
      issues.push({ severity: "info", code: "line-not-counted", sheet, cell: row.cell, label: row.label });
  for (const m of checkTotals(
    body.rows,
    sections,
    periods,
    tolerance,
    true,
    classes.map((c) => c.anchor),
  ).mismatches)
    issues.push({
      severity: "error",
      code: m.code,
      sheet,
      cell: m.cell,
      label: m.row.label,
      period: m.period,
      stated: m.stated,
      computed: m.computed,
    });
  // Member contributions written as income lines of the budget ("Bidrag Försäkringskassan").
  const memberLines: MemberLine[] = [];
  lineRows.forEach((row, i) => {
    if (classes[i]!.group !== "medlemsbidrag") return;
    const member = memberOf(row.n);
    if (member && member !== "övriga") memberLines.push({ member, amounts: row.amounts });
  });
  if (splitApplies(memberLines))
    issues.push(...checkSplit(memberLines, periods, body.step, sheet, periodCellOf(grid, frame)));
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
      totals: computeTotals(body.rows, sections, periods),
    },
    issues,
  };
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
      memberLines.push({ member, amounts: row.amounts });
      for (const a of row.amounts) {
        if (a === undefined) continue;
        const key = periods[a.period]!;
        sums.set(key, sums.get(key)! + a.value);
      }
    } else if (row.kind === "total") {
      for (const a of row.amounts) {
        if (a === undefined) continue;
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
