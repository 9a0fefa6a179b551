/** Participant lists with an insats column: key figures per insats, a warning for a row without one, older lists unchanged. */
import { describe, expect, it } from "vitest";
import { gridFromRows } from "../../shared/grid";
import { readParticipantSheet } from "../../shared/participants";
import { pushableReports } from "../../shared/push";
import { readWorkbook } from "../../shared/read-workbook";
import type { ParticipantsTable } from "../../shared/report";
import { readWorkbookFile } from "../../xlsx/read";
import { fixture } from "../support/cli";

const today = new Date("2026-12-06");

describe("participants per insats", () => {
  it("When Sydost's list is read, then each insats gets its rows and key figures, and the whole list's stay as they were", async () => {
    const grids = await readWorkbookFile(fixture("sydost-budget-utfall-2023.xlsx"));
    const reading = readParticipantSheet(grids.find((g) => g.sheet === "Deltagare")!, { today })!;
    const table = reading.tables[0] as ParticipantsTable;
    expect(table.keyFigures.participants).toBe(140);
    expect(table.keyFigures.byKon).toEqual({ kvinna: 80, man: 60 });
    // The whole list, 2022–2024: rows per insats counted with a filter on column D of the sheet.
    expect(
      table.byInsats?.map((b) => [b.insats, b.rows, b.keyFigures.participants, b.keyFigures.byKon]),
    ).toEqual([
      ["IPS – individanpassat stöd till arbete", 43, 43, { kvinna: 24, man: 19 }],
      ["Jobbcoacher", 57, 57, { kvinna: 35, man: 22 }],
      ["Unga till arbete", 40, 40, { kvinna: 21, man: 19 }],
    ]);
    expect(reading.participantsByInsats?.map((g) => [g.insats, g.participants.length])).toEqual([
      ["IPS – individanpassat stöd till arbete", 43],
      ["Jobbcoacher", 57],
      ["Unga till arbete", 40],
    ]);
    expect(reading.issues).toEqual([]);
  });

  it("When the column says Verksamhet and a row has none, then the row is a warning at its cell and counts in the whole list only", () => {
    const grid = gridFromRows("Deltagare", [
      ["Personnummer", "Hemkommun", "Verksamhet", "Inskriven", "Avslutad"],
      ["19850710-5032", "Kalmar", "Jobbcoacher", "2023-06-21", null],
      ["19910501-9286", "Nybro", "jobbcoacher", "2023-07-25", null],
      ["19760404-2262", "Kalmar", null, "2024-01-11", null],
    ]);
    const reading = readParticipantSheet(grid, { today })!;
    const table = reading.tables[0] as ParticipantsTable;
    expect(table.keyFigures.participants).toBe(3);
    // Names matched without regard to case: one insats, as the list first writes it.
    expect(table.byInsats?.map((b) => [b.insats, b.rows, b.keyFigures.byKon])).toEqual([
      ["Jobbcoacher", 2, { kvinna: 1, man: 1 }],
    ]);
    expect(reading.issues.map((i) => [i.cell, i.code, i.severity])).toEqual([
      ["C4", "field-missing", "warning"],
    ]);
  });

  it("When a list has no insats column, then its table has no key figures per insats and its reading no groups", async () => {
    const grids = await readWorkbookFile(fixture("samverkansteamet-deltagare-2014.xlsx"));
    const reading = readParticipantSheet(grids[0]!, { today })!;
    expect("byInsats" in reading.tables[0]!).toBe(false);
    expect(reading.participantsByInsats).toBeUndefined();
  });

  it("When a list is converted, then the normalised list carries the insats column only where the source has one", () => {
    const grid = gridFromRows("Deltagare", [
      ["Personnummer", "Hemkommun", "Projekt", "Inskriven"],
      ["19850710-5032", "Kalmar", "Jobbcoacher", "2023-06-21"],
    ]);
    const [list] = readParticipantSheet(grid, { today })!.outputSheets(new Set());
    expect(list!.tables[0]!.columns.at(-1)?.header).toBe("Insats");
    expect(list!.tables[0]!.rows[0]!.at(-1)).toBe("Jobbcoacher");
  });
});

describe("one list per insats on one sheet", () => {
  const grid = gridFromRows("Deltagare", [
    ["Deltagare 2023 per insats"],
    [],
    ["Jobbcoacher"],
    ["Personnummer", "Hemkommun", "Inskriven", "Avslutad"],
    ["19850710-5032", "Kalmar", "2023-06-21", null],
    ["19910501-9286", "Nybro", "2023-07-25", null],
    [],
    ["Unga till arbete"],
    ["Personnummer", "Hemkommun", "Inskriven", "Avslutad"],
    ["19760404-2262", "Kalmar", "2024-01-11", null],
  ]);

  it("When the workbook is pushed, then each list is one report filed under its insats and none is sent for the sheet", () => {
    const reading = readWorkbook([grid], { participants: { today } });
    const reports = pushableReports(reading, { periods: { Deltagare: ["2023"] } });
    // Counts of 1 and 2 are below the threshold and withheld: the reports are what is checked here.
    expect(
      reports.map((r) => [r.kind, r.period, r.insats, r.report.kind === "participants" && r.report.insats]),
    ).toEqual([
      ["participants", "2023", "Jobbcoacher", "Jobbcoacher"],
      ["participants", "2023", "Unga till arbete", "Unga till arbete"],
    ]);
  });

  it("When the sheet is converted, then the normalised list names each row's insats by its list's title", () => {
    const [list] = readParticipantSheet(grid, { today })!.outputSheets(new Set());
    expect(list!.tables[0]!.columns.at(-1)?.header).toBe("Insats");
    expect(list!.tables[0]!.rows.map((r) => r.at(-1))).toEqual([
      "Jobbcoacher",
      "Jobbcoacher",
      "Unga till arbete",
    ]);
  });
});
