/**
 * Test data for sending per insats: the Sydost fixture's workbook as read, its participant list
 * grouped by its Insats column (the shape ParticipantReading.participantsByInsats has: one group
 * per insats in the order the list first names it, rows without an insats in none). Where the
 * reader already groups the list, its own groups are used.
 */
import type { Grid } from "../../shared/grid";
import type { ParticipantReading } from "../../shared/participants";
import { type InsatsGroup, insatsGroupsOf } from "../../shared/push";
import { readWorkbook, type WorkbookReading } from "../../shared/read-workbook";
import { readWorkbookFile } from "../../xlsx/read";
import { fixture } from "../support/cli";

export const SYDOST = "sydost-budget-utfall-2023.xlsx";

/** The list's rows grouped by the text in its "Insats" column, as the sheet writes it. */
export function groupedByInsatsColumn(reading: ParticipantReading, grid: Grid): InsatsGroup[] {
  const own = insatsGroupsOf(reading);
  if (own !== null) return [...own];
  const header = grid.values.findIndex((row) => row.some((v) => v === "Insats"));
  const col = grid.values[header]!.indexOf("Insats");
  const byRow = new Map<number, string>();
  grid.values.forEach((row, i) => {
    const v = row[col];
    if (i > header && typeof v === "string" && v.trim() !== "") byRow.set(grid.origin.row + i + 1, v.trim());
  });
  const groups = new Map<
    string,
    { insats: string; participants: ParticipantReading["participants"][number][] }
  >();
  for (const p of reading.participants) {
    const insats = byRow.get(p.sheetRow);
    if (insats === undefined) continue;
    const g = groups.get(insats) ?? { insats, participants: [] };
    g.participants.push(p);
    groups.set(insats, g);
  }
  return [...groups.values()];
}

/** The Sydost workbook as read, its participant list with its insats groups; `rename` changes an insats's name. */
export async function sydostReading(rename: Record<string, string> = {}): Promise<WorkbookReading> {
  const grids = await readWorkbookFile(fixture(SYDOST));
  const reading = readWorkbook(grids);
  return {
    ...reading,
    participantReadings: reading.participantReadings.map((r) => {
      const grid = grids.find((g) => g.sheet === r.tables[0]?.sheet)!;
      const groups = groupedByInsatsColumn(r, grid).map((g) => ({
        ...g,
        insats: rename[g.insats] ?? g.insats,
      }));
      return { ...r, participantsByInsats: groups } as ParticipantReading;
    }),
  };
}
