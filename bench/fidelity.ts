/**
 * Fidelity: the share of generated messy budget sheets read right to the krona (income, cost and
 * surplus, every line on its side, exactly the issues the truth names), per layout class, and the
 * time per sheet; then the time to read one table of 500 lines where the search works hardest.
 * Fixed seeds, so two runs read the same sheets.
 */
import fc from "fast-check";
import { readBudgetSheet } from "../shared/budget";
import { type CellValue, gridFromRows } from "../shared/grid";
import type { BudgetTable } from "../shared/report";
import { budgetSpecArb, buildBudget } from "../test/budget/generate";
import { judge, LAYOUT_CLASSES, layoutArb } from "../test/budget/layouts";

const PER_CLASS = 100;
const SEED = 20_261_202;

interface ClassFigures {
  readonly name: string;
  readonly sheets: number;
  readonly right: number;
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
  const right = built.filter((b, k) => {
    const budget = readings[k]!.tables.find((t): t is BudgetTable => t.kind === "budget");
    return (
      budget !== undefined &&
      JSON.stringify(budget.totals) ===
        JSON.stringify({ income: b.truth.income, cost: b.truth.cost, surplus: b.truth.surplus }) &&
      key(readings[k]!.issues) === JSON.stringify(b.truth.issues)
    );
  }).length;
  return { name: "varied (generate.ts)", sheets: built.length, right, groups: null, ms };
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
  const figures = [...LAYOUT_CLASSES.map((c, i) => layoutClass(c, SEED + i)), variedClass(SEED + 99)];
  console.log(`\nGenerated messy budget sheets, ${PER_CLASS} per class (seeds from ${SEED})`);
  console.log(`  ${"class".padEnd(22)} read right          cost groups   time per sheet`);
  for (const f of figures)
    console.log(
      `  ${f.name.padEnd(22)} ${String(f.right).padStart(4)}/${f.sheets}  ${pct(f.right, f.sheets)}   ${f.groups === null ? "      –  " : pct(f.groups, f.sheets)}   ${(f.ms / f.sheets).toFixed(2)} ms`,
    );
  const sheets = figures.reduce((s, f) => s + f.sheets, 0);
  const right = figures.reduce((s, f) => s + f.right, 0);
  const ms = figures.reduce((s, f) => s + f.ms, 0);
  console.log(
    `  ${"all".padEnd(22)} ${String(right).padStart(4)}/${sheets}  ${pct(right, sheets)}                 ${(ms / sheets).toFixed(2)} ms`,
  );
  console.log(`  one table of 500 lines × 10 periods, the search's worst case: ${worstCase().toFixed(0)} ms`);
}
