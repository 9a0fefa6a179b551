/** Property tests over generated messy budget sheets: totals equal the truth, issues exactly where they belong. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNumber, parseAmount } from "../../shared/amounts";
import { readBudgetSheet } from "../../shared/budget";
import { BudgetTable, ContributionsTable } from "../../shared/report";
import { budgetSpecArb, buildBudget } from "./generate";

const cellsAndCodes = (issues: readonly { cell: string | null; code: string }[]) =>
  issues.map((i) => [i.cell ?? "", i.code] as const).sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));

function readGenerated(spec: Parameters<typeof buildBudget>[0]) {
  const { grid, truth } = buildBudget(spec);
  const reading = readBudgetSheet(grid);
  const budget = reading.tables.find((t) => t.kind === "budget");
  return { truth, reading, budget };
}

describe("generated budget sheets", () => {
  it("finds the truth's totals, lines and exactly the expected issues", () => {
    fc.assert(
      fc.property(budgetSpecArb(false), (spec) => {
        const { truth, reading, budget } = readGenerated(spec);
        expect(budget?.kind).toBe("budget");
        if (budget?.kind !== "budget") return;
        expect(budget.periods).toEqual(spec.order.map((p) => truth.periods[p]));
        expect(budget.totals.income).toEqual(truth.income);
        expect(budget.totals.cost).toEqual(truth.cost);
        expect(budget.totals.surplus).toEqual(truth.surplus);
        expect(budget.unit).toBe(spec.unit === "kr" || spec.unitWhere !== "none" ? spec.unit : "kr");
        expect(budget.lines.filter((l) => l.section === "income")).toHaveLength(truth.incomeLines);
        expect(budget.lines.filter((l) => l.section === "cost")).toHaveLength(truth.costLines);
        expect(reading.tables.some((t) => t.kind === "contributions")).toBe(truth.hasContributions);
        expect(cellsAndCodes(reading.issues)).toEqual(truth.issues);
        for (const t of reading.tables) {
          if (t.kind === "budget") BudgetTable.parse(t);
          else ContributionsTable.parse(t);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reports a single corrupted stated total or result at its cell and nowhere else", () => {
    fc.assert(
      fc.property(
        budgetSpecArb(true).filter((s) => s.corrupt !== null),
        (spec) => {
          const { truth, reading } = readGenerated(spec);
          expect(cellsAndCodes(reading.issues)).toEqual(truth.issues);
          const wrong = reading.issues.filter(
            (i) => i.code === "total-mismatch" || i.code === "surplus-mismatch",
          );
          expect(wrong).toHaveLength(1);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("parseAmount on formatted numbers", () => {
  it("reads back what formatNumber writes, with or without a unit, signed", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
        fc.constantFrom("", " kr", " tkr", " mkr"),
        (cents, suffix) => {
          const value = cents / 100;
          const parsed = parseAmount(`${formatNumber(value)}${suffix}`);
          expect(parsed?.value).toBe(value);
          expect(parsed?.unit ?? "").toBe(suffix.trim());
        },
      ),
      { numRuns: 500 },
    );
  });
});
