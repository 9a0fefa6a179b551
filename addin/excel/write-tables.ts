/** Which of last run's tables each planned table becomes: resized in place, made anew, or deleted. */

import type { TablePlacement } from "../../shared/output";
import { uniqueTableName } from "../../shared/output";
import type { OutputSheetRecord } from "./state";
import type { PlacedTable, SheetPlan } from "./write-sheet";

/**
 * Matches the plan's tables to last run's by sheet and position. A table whose header row
 * stayed is resized in place (and renamed to the plan's name if that changed); one that moved
 * is made anew (Table.resize keeps the header row); one no longer planned is deleted. A plan
 * name already used by a table that is not ours, or by a defined name (one namespace with the
 * tables), gets a unique one, and formulas follow it.
 */
export function placeTables(
  workbook: Excel.Workbook,
  plans: readonly SheetPlan[],
  sheetNames: readonly string[],
  ownSheets: ReadonlyMap<string, OutputSheetRecord>,
  tableNames: Set<string>,
  definedNames: ReadonlySet<string> = new Set(),
): { placed: PlacedTable[][]; renames: Map<string, string> } {
  const reused = new Set<string>();
  const kept: { plan: TablePlacement; before: OutputSheetRecord["tables"][number] | null }[][] = [];
  for (const [s, plan] of plans.entries()) {
    const own = ownSheets.get(sheetNames[s]!.toLowerCase());
    kept.push(
      plan.placements.map((p, i) => {
        const before = own?.tables[i];
        if (before && tableNames.has(before.name.toLowerCase()) && before.headerRow === p.headerRow) {
          reused.add(before.name.toLowerCase());
          return { plan: p, before };
        }
        return { plan: p, before: null };
      }),
    );
  }
  // Tables of ours that are not reused go first, freeing their names and cells.
  for (const own of ownSheets.values()) {
    for (const t of own.tables) {
      const lower = t.name.toLowerCase();
      if (!reused.has(lower) && tableNames.has(lower)) {
        workbook.tables.getItem(t.name).delete();
        tableNames.delete(lower);
      }
    }
  }
  const foreign = new Set([...[...tableNames].filter((n) => !reused.has(n)), ...definedNames]);
  const taken = new Set(foreign);
  const renames = new Map<string, string>();
  const placed = kept.map((sheet) =>
    sheet.map(({ plan, before }) => {
      const wish = plan.table.name;
      const name =
        foreign.has(wish.toLowerCase()) || taken.has(wish.toLowerCase())
          ? uniqueTableName(wish, taken)
          : wish;
      taken.add(name.toLowerCase());
      if (name !== wish) renames.set(wish, name);
      if (!before) return { name, existing: null };
      const existing = workbook.tables.getItem(before.name);
      if (before.name !== name) existing.name = name;
      return { name, existing };
    }),
  );
  return { placed, renames };
}
