/**
 * Fidelity: the share of generated messy budget sheets read right to the krona (income, cost and
 * surplus, every line on its side, exactly the issues the truth names), per layout class, and the
 * time per sheet; then budget-and-utfall sheets (headers of one or two rows, utfall, prognos,
 * avvikelse, eget kapital) read right in every figure; then the time to read one table of 500
 * lines where the search works hardest; then insats lists, and participant lists in every shape
 * (bench/fidelity-deltagare.ts). Fixed seeds, so two runs read the same sheets.
 */
import fc from "fast-check";
import { readBudgetSheet } from "../shared/budget";
import { type CellValue, gridFromRows } from "../shared/grid";
import type { BudgetTable } from "../shared/report";
import { followupArb, judgeFollowup } from "../test/budget/followup";
import { budgetSpecArb, buildBudget } from "../test/budget/generate";
import { judge, LAYOUT_CLASSES, layoutArb } from "../test/budget/layouts";
import { participantFidelity } from "./fidelity-deltagare";
import { insatsFidelity } from "./fidelity-insatser";

const PER_CLASS = 100;
const SEED = 20_261_202;

interface ClassFigures {
  readonly name: string;
  readonly sheets: number;
  readonly right: number;
  /** Income, cost and surplus to the krona, whatever the issues. */
  readonly totals: number;
  readonly groups: number | null;
  readonly ms: number;
}

function timedReads<T extends { grid: Parameters<typeof readBudgetSheet>[0] }>(sheets: readonly T[]) {
  const start = performance.now();
  const readings = sheets.map((s) => readBudgetSheet(s.grid));
  return { readings, ms: performance.now() - start };
}

/** The layouts of issue 9, judged line by line and group by group. */
function layoutClass(name: (typeof LAYOUT_CLASSES)[number], seed: number): ClassFigures {
  const sheets = fc.sample(layoutArb(name), { numRuns: PER_CLASS, seed });
  const { readings, ms } = timedReads(sheets);
  const verdicts = sheets.map((s, k) => judge(s, readings[k]!));
  return {
    name,
    sheets: sheets.length,
    right: verdicts.filter((v) => v.right).length,
    totals: verdicts.filter((v) => v.totals).length,
    groups: verdicts.filter((v) => v.groups).length,
    ms,
  };
}

/** The older generator's sheets (shuffled columns, kr/tkr/mkr, text amounts, contributions …): totals and issues. */
function variedClass(seed: number): ClassFigures {
  const built = fc.sample(budgetSpecArb(false), { numRuns: PER_CLASS, seed }).map(buildBudget);
  const { readings, ms } = timedReads(built);
  const key = (issues: readonly { cell: string | null; code: string }[]) =>
    JSON.stringify(
      issues.map((i) => [i.cell ?? "", i.code]).sort((a, b) => (a[0]! + a[1]).localeCompare(b[0]! + b[1])),
    );
  const totalsRight = built.map((b, k) => {
    const budget = readings[k]!.tables.find((t): t is BudgetTable => t.kind === "budget");
    return (
      budget !== undefined &&
      JSON.stringify(budget.totals) ===
        JSON.stringify({ income: b.truth.income, cost: b.truth.cost, surplus: b.truth.surplus })
    );
  });
  const right = built.filter(
    (_, k) => totalsRight[k] && key(readings[k]!.issues) === JSON.stringify(built[k]!.truth.issues),
  ).length;
  const totals = totalsRight.filter(Boolean).length;
  return { name: "varied (generate.ts)", sheets: built.length, right, totals, groups: null, ms };
}

/** Budget-and-utfall sheets: 500 of them, each read right only when every figure and issue is. */
const FOLLOWUP_SHEETS = 500;

function followupClass(seed: number): ClassFigures {
  const sheets = fc.sample(followupArb(), { numRuns: FOLLOWUP_SHEETS, seed });
  const { readings, ms } = timedReads(sheets);
  const verdicts = sheets.map((s, k) => judgeFollowup(s, readings[k]!));
  const right = verdicts.filter((v) => v.right).length;
  const totals = sheets.filter((s, k) => {
    const budget = readings[k]!.tables.find((t): t is BudgetTable => t.kind === "budget");
    return (
      budget !== undefined &&
      JSON.stringify([budget.totals, budget.outcomeTotals, budget.forecastTotals]) ===
        JSON.stringify([s.truth.totals, s.truth.outcomeTotals, s.truth.forecastTotals])
    );
  }).length;
  return { name: "budget och utfall", sheets: sheets.length, right, totals, groups: null, ms };
}

/**
 * 500 lines under "Finansiering" with no heading of their own, 10 periods, and a wrong total at
 * the end: every move of the section's end is tried, each with its open lines searched.
 */
function worstCase(): number {
  const periods = 10;
  const rows: CellValue[][] = [
    [null, ...Array.from({ length: periods }, (_, p) => 2020 + p)],
    ["Finansiering"],
  ];
  for (let i = 0; i < 500; i++)
    rows.push([
      i % 7 === 0 ? `Insats ${i}` : `Rad ${i}`,
      ...Array.from({ length: periods }, (_, p) => 100 + ((i * 31 + p) % 97)),
    ]);
  rows.push(["Summa", ...Array.from({ length: periods }, () => 1)]);
  rows.push(["Resultat", ...Array.from({ length: periods }, () => 2)]);
  const grid = gridFromRows("Budget", rows);
  readBudgetSheet(grid);
  const start = performance.now();
  readBudgetSheet(grid);
  return performance.now() - start;
}

const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1).padStart(5)} %`;

export async function bench(): Promise<void> {
  const figures = [
    ...LAYOUT_CLASSES.map((c, i) => layoutClass(c, SEED + i)),
    variedClass(SEED + 99),
    followupClass(SEED + 200),
  ];
  console.log(
    `\nGenerated messy budget sheets, ${PER_CLASS} per class, ${FOLLOWUP_SHEETS} of budget och utfall (seeds from ${SEED})`,
  );
  console.log(`  ${"class".padEnd(22)} read right        to the krona   cost groups   time per sheet`);
  const row = (name: string, f: Omit<ClassFigures, "name">) =>
    console.log(
      `  ${name.padEnd(22)} ${String(f.right).padStart(4)}/${f.sheets}  ${pct(f.right, f.sheets)}   ${pct(f.totals, f.sheets)}       ${f.groups === null ? "   –   " : pct(f.groups, f.sheets)}     ${(f.ms / f.sheets).toFixed(2)} ms`,
    );
  for (const f of figures) row(f.name, f);
  const sum = (pick: (f: ClassFigures) => number) => figures.reduce((s, f) => s + pick(f), 0);
  row("all", {
    sheets: sum((f) => f.sheets),
    right: sum((f) => f.right),
    totals: sum((f) => f.totals),
    groups: null,
    ms: sum((f) => f.ms),
  });
  const layouts = figures.filter((f) => f.groups !== null);
  const grouped = layouts.reduce((s, f) => s + f.groups!, 0);
  console.log(
    `  cost groups right over the layout classes: ${pct(
      grouped,
      layouts.reduce((s, f) => s + f.sheets, 0),
    )}`,
  );
  console.log(
    "  (read right: income, cost and surplus to the krona, every line's side, exactly the truth's issues;",
  );
  console.log(
    "   budget och utfall also every line's utfall and prognos, their totals and eget kapital; to the krona: all three totals)",
  );
  console.log(`  one table of 500 lines × 10 periods, the search's worst case: ${worstCase().toFixed(0)} ms`);
  console.log("\nGenerated insats lists and participant lists with an insats column");
  for (const line of insatsFidelity()) console.log(`  ${line}`);
  console.log("\nGenerated participant lists in the shapes förbund keep them (seeds from 20261207)");
  for (const line of await participantFidelity()) console.log(`  ${line}`);
}
