/** Budget sheets: detection, classification, totals and checks. (Placeholder until the budget core lands.) */
import type { Grid } from "../grid";
import type { Issue } from "../issues";
import type { OutputSheet } from "../output";
import type { BudgetTable, ContributionsTable, SheetCorrections } from "../report";

export interface BudgetReading {
  readonly tables: readonly (BudgetTable | ContributionsTable)[];
  readonly issues: readonly Issue[];
}

export function readBudgetSheet(_grid: Grid, _corrections?: SheetCorrections): BudgetReading {
  return { tables: [], issues: [] };
}

export function budgetOutputSheets(
  _tables: readonly (BudgetTable | ContributionsTable)[],
  _taken: Set<string>,
): OutputSheet[] {
  return [];
}
