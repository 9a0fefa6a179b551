/**
 * Budget-and-outcome sheets as förbund keep them through the year, each with its truth known:
 * a header of one or two rows (the year merged or repeated over Budget / Utfall / Prognos /
 * Avvikelse, or "Utfall 2023" in one row), utfall for the whole year or to 30 June, next year's
 * budget beside, last year's utfall as a period of its own, eget kapital after the result (with or
 * without the result repeated, with a percentage row), and at most one wrong figure. The truth:
 * periods, every line's budget, utfall and prognos, the totals of each, the equity and the
 * [cell, code] list. Shared by the fidelity benchmark and the property test.
 */
import fc from "fast-check";
import { formatNumber, roundToOre } from "../../shared/amounts";
import { type CellValue, type Grid, gridFromRows, type RangeAddress, toA1 } from "../../shared/grid";
import type { BudgetTable, BudgetTotals, Equity, PeriodAmounts, Section } from "../../shared/report";
import { cellsAndCodes } from "./layouts";

type Cell = CellValue | { value: CellValue; formula?: string; numberFormat?: string };
type Kind = "budget" | "outcome" | "forecast" | "deviation";

export interface FollowupSpec {
  readonly year: number;
  readonly unit: "kr" | "tkr";
  /**
   * merged: the year merged over its columns; repeated: the year over each; carried: the year over
   * the first, the others blank; one-row: "Utfall 2023"; kinds-above: "Budget" merged over its years.
   */
  readonly header: "merged" | "repeated" | "carried" | "one-row" | "kinds-above";
  /** The columns of the year, after its budget. */
  readonly kinds: readonly Exclude<Kind, "budget">[];
  /** Utfall to 30 June, and how the header says so. */
  readonly half: null | "jan–jun" | "t.o.m. 30/6" | "halvår 1" | "date";
  readonly deviationReversed: boolean;
  readonly nextYear: boolean;
  readonly previousOutcome: boolean;
  readonly postMergedDown: boolean;
  readonly commentCol: boolean;
  readonly origin: { readonly row: number; readonly col: number };
  readonly sections: boolean;
  readonly incomeTotal: boolean;
  readonly costTotal: boolean;
  readonly result: boolean;
  readonly equity: null | "opening-closing" | "with-result" | "heading";
  readonly share: boolean;
  readonly incomeCount: number;
  readonly costCount: number;
  readonly amounts: readonly number[];
  /** Costs and their totals written with a minus sign, as a resultaträkning writes them. */
  readonly negativeCosts: boolean;
  /** The first income line's budget typed as text ("1 234"). */
  readonly textAmount: boolean;
  readonly corrupt: null | {
    readonly target: "deviation" | "equity" | "outcome-total";
    readonly line: number;
  };
}

export interface FollowupTruth {
  readonly periods: readonly string[];
  readonly lines: readonly {
    readonly cell: string;
    readonly section: Section;
    readonly amounts: PeriodAmounts;
    readonly outcomes?: PeriodAmounts;
    readonly forecasts?: PeriodAmounts;
  }[];
  readonly totals: BudgetTotals;
  readonly outcomeTotals?: BudgetTotals;
  readonly forecastTotals?: BudgetTotals;
  readonly equity?: Record<string, Equity>;
  readonly issues: readonly (readonly [string, string])[];
}

export interface FollowupSheet {
  readonly grid: Grid;
  readonly truth: FollowupTruth;
}

const INCOME = ["Finansiell ram", "Ränteintäkter", "Medlemsbidrag enligt beslut"] as const;
const COSTS = [
  "Förbundschef och kansli",
  "Styrelse",
  "Revision",
  "Ekonomitjänster",
  "Jobbcoacher",
  "Projekt Unga till arbete",
  "Kompetensutveckling i samverkan",
] as const;

interface Column {
  readonly kind: Kind;
  /** The year it belongs to; its key in the report. */
  readonly year: number;
  readonly key: string;
  readonly col: number;
}

const HALF_WORDS = {
  "jan–jun": "Utfall jan–jun",
  "t.o.m. 30/6": "Utfall t.o.m. 30/6",
  "halvår 1": "Utfall halvår 1",
};

export function buildFollowup(spec: FollowupSpec): FollowupSheet {
  const Y = spec.year;
  const factor = spec.unit === "tkr" ? 1000 : 1;
  // Physical columns: label, [last year's utfall], the year's budget and its kinds, [next year], [comment];
  // under kinds above the years, grouped by kind instead.
  const labelCol = 0;
  const kindsAbove = spec.header === "kinds-above";
  const half = kindsAbove && spec.half === "date" ? "jan–jun" : spec.half;
  const outcomeKey = half ? `${Y}-H1` : `${Y}`;
  const previousOutcome = spec.previousOutcome && !(kindsAbove && half);
  const planned: Omit<Column, "col">[] = [];
  if (previousOutcome) planned.push({ kind: "outcome", year: Y - 1, key: `${Y - 1}` });
  planned.push({ kind: "budget", year: Y, key: `${Y}` });
  for (const kind of spec.kinds)
    planned.push({ kind, year: Y, key: kind === "outcome" ? outcomeKey : `${Y}` });
  if (spec.nextYear) planned.push({ kind: "budget", year: Y + 1, key: `${Y + 1}` });
  const KIND_ORDER: readonly Kind[] = ["budget", "outcome", "forecast", "deviation"];
  if (kindsAbove)
    planned.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.year - b.year);
  let col = labelCol + 1;
  const columns: Column[] = planned.map((c) => ({ ...c, col: col++ }));
  const ofYear = columns.filter((c) => c.year === Y && (c.kind !== "outcome" || c.key === outcomeKey));
  const yearFirst = Math.min(...ofYear.map((c) => c.col));
  const yearLast = Math.max(...ofYear.map((c) => c.col));
  const commentCol = spec.commentCol ? col++ : null;
  const width = col;
  const rows: Cell[][] = [];
  const merges: RangeAddress[] = [];
  const issues: [string, string][] = [];
  const at = (r: number, c: number) => toA1({ row: spec.origin.row + r, col: spec.origin.col + c });
  const sheetArea = (r0: number, c0: number, r1: number, c1: number): RangeAddress => ({
    start: { row: spec.origin.row + r0, col: spec.origin.col + c0 },
    end: { row: spec.origin.row + r1, col: spec.origin.col + c1 },
  });
  const blank = (): Cell[] => Array.from({ length: width }, () => null);

  // Title block: the unit is stated, so no table assumes one.
  const title = blank();
  title[labelCol] = `Samordningsförbundet Väst – budget och utfall ${Y}`;
  rows.push(title);
  const unitRow = blank();
  unitRow[labelCol] = spec.unit === "tkr" ? "Belopp i tkr" : "Belopp i kronor";
  rows.push(unitRow);
  rows.push(blank());

  // The header.
  const lowerWord = (c: Column): string => {
    if (c.kind === "budget") return "Budget";
    if (c.kind === "forecast") return "Prognos";
    if (c.kind === "deviation") return "Avvikelse";
    if (c.year !== Y || !half) return "Utfall";
    // "Utfall 2023-06-30" names its own year: a one-row header even under the group's.
    return half === "date" ? `Utfall ${Y}-06-30` : HALF_WORDS[half];
  };
  const oneRowWord = (c: Column): string => {
    if (c.kind === "deviation") return "Avvikelse";
    if (c.kind === "outcome" && c.year === Y && half === "date") return lowerWord(c);
    return `${lowerWord(c)} ${c.year}`;
  };
  let headerRow: number;
  if (spec.header === "one-row") {
    const h = blank();
    h[labelCol] = "Post";
    for (const c of columns) h[c.col] = oneRowWord(c);
    if (commentCol !== null) h[commentCol] = "Kommentar";
    headerRow = rows.push(h) - 1;
  } else {
    const upper = blank();
    const lower = blank();
    const upperRow = rows.length;
    if (kindsAbove) {
      // "Budget" merged over 2023 | 2024, "Utfall" over its years: the kind above, the year below.
      for (const kind of KIND_ORDER) {
        const group = columns.filter((c) => c.kind === kind);
        if (group.length === 0) continue;
        upper[group[0]!.col] = lowerWord(group[group.length - 1]!);
        if (group.length > 1)
          merges.push(sheetArea(upperRow, group[0]!.col, upperRow, group[group.length - 1]!.col));
        for (const c of group) lower[c.col] = c.year;
      }
    } else {
      for (const c of columns) {
        const first = c.col === yearFirst || c.year !== Y;
        const alone = spec.header === "merged" || spec.header === "carried";
        upper[c.col] = alone && !first ? null : spec.header === "repeated" ? String(c.year) : c.year;
        lower[c.col] = lowerWord(c);
      }
      if (spec.header === "merged" && yearLast > yearFirst)
        merges.push(sheetArea(upperRow, yearFirst, upperRow, yearLast));
    }
    if (spec.postMergedDown) {
      upper[labelCol] = "Post";
      merges.push(sheetArea(upperRow, labelCol, upperRow + 1, labelCol));
    } else lower[labelCol] = "Post";
    if (commentCol !== null) lower[commentCol] = "Kommentar";
    rows.push(upper);
    headerRow = rows.push(lower) - 1;
  }

  // Amounts: per line, per column of amounts (not the deviation), in the sheet's unit.
  let k = 0;
  const next = () => spec.amounts[k++ % spec.amounts.length]!;
  const amountCols = columns.filter((c) => c.kind !== "deviation");
  const lineAmounts = () => amountCols.map(() => next());
  const budgetOfYear = amountCols.findIndex((c) => c.kind === "budget" && c.year === Y);
  const deviationCol = columns.find((c) => c.kind === "deviation");
  const outcomeIndex = amountCols.findIndex((c) => c.kind === "outcome" && c.year === Y);
  const forecastIndex = amountCols.findIndex((c) => c.kind === "forecast");
  const against = outcomeIndex >= 0 ? outcomeIndex : forecastIndex;

  interface Written {
    r: number;
    values: number[];
    deviation: number | null;
  }
  const written: Written[] = [];
  const put = (label: string, truth: number[], comment = false, sign = 1): Written => {
    const row = blank();
    row[labelCol] = label;
    const values = truth.map((v) => sign * v);
    amountCols.forEach((c, i) => {
      row[c.col] = values[i]!;
    });
    let deviation: number | null = null;
    if (deviationCol && against >= 0) {
      const d = values[against]! - values[budgetOfYear]!;
      deviation = spec.deviationReversed ? -d : d;
      row[deviationCol.col] = deviation;
    }
    if (comment && commentCol !== null) row[commentCol] = "Enligt styrelsens beslut";
    const w = { r: rows.push(row) - 1, values, deviation };
    written.push(w);
    return w;
  };
  const text = (label: string) => {
    const row = blank();
    row[labelCol] = label;
    rows.push(row);
  };
  const sum = (xs: readonly number[][]) => amountCols.map((_, i) => xs.reduce((s, x) => s + x[i]!, 0));

  const truthLines: { r: number; section: Section; values: number[] }[] = [];
  if (spec.sections) text("Intäkter");
  const incomes: number[][] = [];
  for (let i = 0; i < spec.incomeCount; i++) {
    const v = lineAmounts();
    incomes.push(v);
    const w = put(INCOME[i % INCOME.length]!, v, i === 0);
    truthLines.push({ r: w.r, section: "income", values: v });
    if (i === 0 && spec.textAmount) {
      const c = amountCols[budgetOfYear]!.col;
      rows[w.r]![c] = formatNumber(v[budgetOfYear]!);
      issues.push([at(w.r, c), "amount-as-text"]);
    }
  }
  const income = sum(incomes);
  let incomeTotal: Written | null = null;
  if (spec.incomeTotal) incomeTotal = put("Summa intäkter", income);
  rows.push(blank());
  if (spec.sections) text("Kostnader");
  const costs: number[][] = [];
  // Written negative only where the reader can tell: two cost lines at least.
  const sign = spec.negativeCosts && spec.costCount >= 2 ? -1 : 1;
  for (let i = 0; i < spec.costCount; i++) {
    const v = lineAmounts();
    costs.push(v);
    const w = put(COSTS[i % COSTS.length]!, v, i === 1, sign);
    truthLines.push({ r: w.r, section: "cost", values: v });
    if (i === 0 && sign < 0) issues.push([at(w.r, labelCol), "costs-negative"]);
  }
  const cost = sum(costs);
  let costTotal: Written | null = null;
  if (spec.costTotal) costTotal = put("Summa kostnader", cost, false, sign);
  const surplus = income.map((v, i) => v - cost[i]!);
  let resultRow: Written | null = null;
  if (spec.result) resultRow = put("Årets resultat", surplus);

  // Eget kapital after the result, in the utfall column where there is one, else the budget's.
  const equityIndex = outcomeIndex >= 0 ? outcomeIndex : budgetOfYear;
  const equityColumn = amountCols[equityIndex]!;
  const equityTruth: Record<string, Equity> = {};
  let closingCell: string | null = null;
  const equityKind = spec.equity === "heading" || spec.result ? spec.equity : null;
  if (equityKind) {
    rows.push(blank());
    if (equityKind === "heading") text("Eget kapital");
    const opening = 1000 + (spec.amounts[0] ?? 0);
    const result = surplus[equityIndex]!;
    const single = (label: string, v: number, format?: string) => {
      const row = blank();
      row[labelCol] = label;
      row[equityColumn.col] = format ? { value: v, numberFormat: format } : v;
      return rows.push(row) - 1;
    };
    const openingRow = single("Ingående eget kapital", opening);
    const repeated = equityKind !== "opening-closing" ? single("Årets resultat", result) : null;
    let closing = opening + result;
    if (spec.corrupt?.target === "equity") closing += 7;
    const closingRow = single("Utgående eget kapital", closing);
    closingCell = at(closingRow, equityColumn.col);
    if (spec.share) {
      const share = cost[equityIndex] ? Math.round((1000 * closing) / cost[equityIndex]!) / 1000 : 0;
      single("Eget kapital i % av kostnader", share, "0.0%");
    }
    const resultCell =
      repeated !== null
        ? at(repeated, equityColumn.col)
        : resultRow
          ? at(resultRow.r, equityColumn.col)
          : null;
    equityTruth[equityColumn.key] = {
      opening: opening * factor,
      result: result * factor,
      closing: closing * factor,
      openingCell: at(openingRow, equityColumn.col),
      resultCell,
      closingCell,
    };
    if (spec.corrupt?.target === "equity") issues.push([closingCell, "equity-mismatch"]);
  }
  rows.push(blank());
  text("Budgeten antogs av styrelsen.");

  // One wrong figure: an avvikelse cell, or the utfall of "Summa kostnader".
  const corrupt = spec.corrupt;
  if (corrupt?.target === "deviation" && deviationCol && written.length > 0) {
    const w = written[corrupt.line % written.length]!;
    w.deviation = (w.deviation ?? 0) + 3;
    rows[w.r]![deviationCol.col] = w.deviation;
  }
  if (corrupt?.target === "outcome-total" && costTotal && outcomeIndex >= 0) {
    costTotal.values = [...costTotal.values];
    costTotal.values[outcomeIndex]! += 5 * sign;
    rows[costTotal.r]![amountCols[outcomeIndex]!.col] = costTotal.values[outcomeIndex]!;
    issues.push([at(costTotal.r, amountCols[outcomeIndex]!.col), "total-mismatch"]);
  }

  // Avvikelse: which way the column reads, and every cell that does not fit it, from what is written.
  if (deviationCol && against >= 0) {
    const diffs = written.map((w) => w.values[against]! - w.values[budgetOfYear]!);
    const fitsReversed = written.some((w, i) => diffs[i] !== 0 && w.deviation === -diffs[i]!);
    const fitsForward = written.some((w, i) => diffs[i] !== 0 && w.deviation === diffs[i]!);
    const reversed = fitsReversed && !fitsForward;
    if (reversed) issues.push([at(headerRow, deviationCol.col), "deviation-reversed"]);
    written.forEach((w, i) => {
      const want = reversed ? -diffs[i]! : diffs[i]!;
      if (w.deviation !== want) issues.push([at(w.r, deviationCol.col), "deviation-mismatch"]);
    });
  }
  void incomeTotal;

  const keyed = (kind: Kind, values: readonly number[]): PeriodAmounts => {
    const out: PeriodAmounts = {};
    amountCols.forEach((c, i) => {
      if (roleOf(c) === kind) out[c.key] = roundToOre(values[i]! * factor);
    });
    return out;
  };
  // Last year's utfall has no budget beside it: a period of its own.
  const roleOf = (c: Column): Kind => (c.kind === "outcome" && c.year !== Y ? "budget" : c.kind);
  const totalsOf = (kind: Kind): BudgetTotals => ({
    income: keyed(kind, income),
    cost: keyed(kind, cost),
    surplus: keyed(kind, surplus),
  });
  const hasOutcome = outcomeIndex >= 0;
  const hasForecast = forecastIndex >= 0;
  issues.sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));
  return {
    grid: { ...gridFromRows("Budget och utfall", rows, spec.origin), merges },
    truth: {
      periods: amountCols.filter((c) => roleOf(c) === "budget").map((c) => c.key),
      lines: truthLines.map((l) => ({
        cell: at(l.r, labelCol),
        section: l.section,
        amounts: keyed("budget", l.values),
        ...(hasOutcome ? { outcomes: keyed("outcome", l.values) } : {}),
        ...(hasForecast ? { forecasts: keyed("forecast", l.values) } : {}),
      })),
      totals: totalsOf("budget"),
      ...(hasOutcome ? { outcomeTotals: totalsOf("outcome") } : {}),
      ...(hasForecast ? { forecastTotals: totalsOf("forecast") } : {}),
      ...(Object.keys(equityTruth).length > 0 ? { equity: equityTruth } : {}),
      issues,
    },
  };
}

export function followupArb(): fc.Arbitrary<FollowupSheet> {
  return fc
    .record({
      year: fc.integer({ min: 2015, max: 2030 }),
      unit: fc.constantFrom<"kr" | "tkr">("kr", "tkr"),
      header: fc.constantFrom<FollowupSpec["header"]>(
        "merged",
        "repeated",
        "carried",
        "one-row",
        "kinds-above",
      ),
      kinds: fc.constantFrom<FollowupSpec["kinds"]>(
        ["outcome"],
        ["outcome", "deviation"],
        ["forecast"],
        ["outcome", "forecast", "deviation"],
        ["outcome", "forecast"],
      ),
      half: fc.constantFrom<FollowupSpec["half"]>(null, null, "jan–jun", "t.o.m. 30/6", "halvår 1", "date"),
      deviationReversed: fc.boolean(),
      nextYear: fc.boolean(),
      previousOutcome: fc.boolean(),
      postMergedDown: fc.boolean(),
      commentCol: fc.boolean(),
      origin: fc.record({ row: fc.integer({ min: 0, max: 3 }), col: fc.integer({ min: 0, max: 2 }) }),
      sections: fc.boolean(),
      incomeTotal: fc.boolean(),
      costTotal: fc.boolean(),
      result: fc.boolean(),
      equity: fc.constantFrom<FollowupSpec["equity"]>(null, "opening-closing", "with-result", "heading"),
      share: fc.boolean(),
      incomeCount: fc.integer({ min: 1, max: 3 }),
      costCount: fc.integer({ min: 1, max: 7 }),
      amounts: fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 40, maxLength: 40 }),
      negativeCosts: fc.boolean(),
      textAmount: fc.boolean(),
      corrupt: fc.option(
        fc.record({
          target: fc.constantFrom<"deviation" | "equity" | "outcome-total">(
            "deviation",
            "equity",
            "outcome-total",
          ),
          line: fc.nat(),
        }),
        { freq: 3 },
      ),
    })
    .map((spec) => buildFollowup(spec));
}

/** Whether a reading got a follow-up sheet right, and the first thing it got wrong. */
export function judgeFollowup(
  sheet: FollowupSheet,
  reading: {
    readonly tables: readonly { kind: string }[];
    readonly issues: readonly { cell: string | null; code: string }[];
  },
): { right: boolean; why: string | null } {
  const { truth } = sheet;
  const budget = reading.tables.find((t): t is BudgetTable => t.kind === "budget");
  if (!budget) return { right: false, why: "no budget table" };
  const got = {
    periods: budget.periods,
    lines: budget.lines.map((l) => ({
      cell: l.cell,
      section: l.section,
      amounts: l.amounts,
      ...(l.outcomes ? { outcomes: l.outcomes } : {}),
      ...(l.forecasts ? { forecasts: l.forecasts } : {}),
    })),
    totals: budget.totals,
    ...(budget.outcomeTotals ? { outcomeTotals: budget.outcomeTotals } : {}),
    ...(budget.forecastTotals ? { forecastTotals: budget.forecastTotals } : {}),
    ...(budget.equity ? { equity: budget.equity } : {}),
    issues: cellsAndCodes(reading.issues as Parameters<typeof cellsAndCodes>[0]),
  };
  for (const key of Object.keys({ ...truth, ...got }) as (keyof FollowupTruth)[]) {
    const a = JSON.stringify(got[key as keyof typeof got]);
    const b = JSON.stringify(truth[key]);
    if (a !== b) return { right: false, why: `${key}: ${a} ≠ ${b}` };
  }
  return { right: true, why: null };
}
