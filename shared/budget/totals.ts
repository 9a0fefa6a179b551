/**
 * Totals of a budget table and the check of every stated total and result row against them,
 * in one linear pass. The same pass scores a tentative income/cost reading of unsure lines,
 * so classification can keep the reading that makes the stated totals true.
 */
import { roundToOre as round } from "../amounts";
import type { BudgetTotals, PeriodAmounts, Section } from "../report";
import type { BodyRow } from "./rows";

export interface Mismatch {
  readonly code: "total-mismatch" | "surplus-mismatch";
  readonly row: BodyRow & { kind: "total" | "result" };
  readonly period: string;
  readonly cell: string;
  readonly stated: number;
  readonly computed: number;
}

/** Differences up to this are rounding: half the step the amounts are written in (in kr). */
export const roundingTolerance = (step: number): number => step / 2;

/**
 * Walks the rows once. `sectionOfLine[i]` is the section of the i-th line row. A total's scope:
 * "Summa intäkter"/"Summa kostnader" cover every line of their section so far; a sub-total
 * ("Summa insatser") the lines of the section since the previous total; a plain "Total summa"
 * every line so far of the section just above it — whichever of the two readings the stated
 * figures bear out, the stated total being checked either way. "The section just above" is that
 * of the nearest line its words place (an anchor), so a guessed line cannot move a total's scope.
 */
export function checkTotals(
  rows: readonly BodyRow[],
  sectionOfLine: readonly Section[],
  periods: readonly string[],
  tolerance: number,
  collect: boolean,
  /** Per line: placed by its words, headings, section or the user (not by a guess). All, if absent. */
  anchors?: readonly boolean[],
): { mismatches: Mismatch[]; count: number } {
  const p = periods.length;
  const all = { income: new Float64Array(p), cost: new Float64Array(p) };
  const block = { income: new Float64Array(p), cost: new Float64Array(p) };
  // Since the last heading: "Summa kansli" under "Kansli" when lines without a heading came before it.
  const headed = { income: new Float64Array(p), cost: new Float64Array(p) };
  const mismatches: Mismatch[] = [];
  let count = 0;
  let line = 0;
  let lastSection: Section = "cost";
  let anchored = false;
  // The line right above: a guessed one may be the other side's last line ("Unga vuxna", "Summa").
  let lastGuess: Section | null = null;

  const score = (row: BodyRow & { kind: "total" | "result" }, sums: Float64Array): number => {
    let ok = 0;
    for (const a of row.amounts)
      if (a !== undefined && Math.abs(a.value - sums[a.period]!) <= tolerance) ok++;
    return ok;
  };
  const report = (row: BodyRow & { kind: "total" | "result" }, sums: Float64Array) => {
    for (const a of row.amounts) {
      if (a === undefined) continue;
      const computed = round(sums[a.period]!);
      if (Math.abs(a.value - computed) <= tolerance) continue;
      count++;
      if (collect)
        mismatches.push({
          code: row.kind === "result" ? "surplus-mismatch" : "total-mismatch",
          row,
          period: periods[a.period]!,
          cell: a.cell,
          stated: a.value,
          computed,
        });
    }
  };

  for (const row of rows) {
    if (row.kind === "memo") continue;
    if (row.kind === "line") {
      const s = sectionOfLine[line]!;
      if (!anchors || anchors[line] || !anchored) lastSection = s;
      if (!anchors || anchors[line]) anchored = true;
      lastGuess = anchors && !anchors[line] ? s : null;
      line++;
      for (const a of row.amounts) {
        if (a === undefined) continue;
        all[s][a.period]! += a.value;
        block[s][a.period]! += a.value;
        headed[s][a.period]! += a.value;
      }
    } else if (row.kind === "heading") {
      headed.income.fill(0);
      headed.cost.fill(0);
    } else if (row.kind === "section") {
      block.income.fill(0);
      block.cost.fill(0);
    } else if (row.kind === "total") {
      let sums: Float64Array;
      if (row.scope === "income" || row.scope === "cost") sums = all[row.scope];
      else {
        // Under a guessed line of the other side ("Finansiell ram", "Unga vuxna", "Summa"), a plain
        // "Summa" may close that side: its sums are a reading too, after the anchored side's.
        const other = lastGuess !== null && lastGuess !== lastSection ? lastGuess : null;
        const readings =
          row.scope === "sub"
            ? [block[lastSection], all[lastSection], headed[lastSection]]
            : other
              ? [all[lastSection], block[lastSection], all[other], block[other]]
              : [all[lastSection], block[lastSection]];
        sums = readings[0]!;
        let bestScore = score(row, sums);
        for (const other of readings.slice(1)) {
          const sc = score(row, other);
          if (sc > bestScore) [sums, bestScore] = [other, sc];
        }
      }
      report(row, sums);
      block.income.fill(0);
      block.cost.fill(0);
      headed.income.fill(0);
      headed.cost.fill(0);
    } else if (row.kind === "result") {
      const surplus = new Float64Array(p);
      for (let i = 0; i < p; i++) surplus[i] = all.income[i]! - all.cost[i]!;
      report(row, surplus);
      block.income.fill(0);
      block.cost.fill(0);
    }
    if (row.kind !== "line") lastGuess = null;
  }
  return { mismatches, count };
}

/** Income, cost and över-/underskott per period, in kr. */
export function computeTotals(
  rows: readonly BodyRow[],
  sectionOfLine: readonly Section[],
  periods: readonly string[],
): BudgetTotals {
  const income = new Float64Array(periods.length);
  const cost = new Float64Array(periods.length);
  let line = 0;
  for (const row of rows) {
    if (row.kind !== "line") continue;
    const side = sectionOfLine[line++] === "income" ? income : cost;
    for (const a of row.amounts) if (a !== undefined) side[a.period]! += a.value;
  }
  const byPeriod = (xs: ArrayLike<number>): PeriodAmounts => {
    const out: PeriodAmounts = {};
    periods.forEach((k, i) => {
      out[k] = round(xs[i]!);
    });
    return out;
  };
  return {
    income: byPeriod(income),
    cost: byPeriod(cost),
    surplus: byPeriod(income.map((v, i) => round(v) - round(cost[i]!))),
  };
}
