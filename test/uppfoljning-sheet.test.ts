/**
 * shared/uppfoljning-sheet.ts: the follow-up sheet links each figure to its cells (a SUM for a
 * sum, times 1 000 for tkr), counts participants live over the converted list where counting rows
 * gives the same, and writes the number itself where a formula would not give it.
 */
import { describe, expect, it } from "vitest";
import type { CellValue } from "../shared/grid";
import { gridFromRows } from "../shared/grid";
import { hasResult, isFormula, type OutputCell } from "../shared/output";
import { readWorkbook } from "../shared/read-workbook";
import type { BudgetTable, InsatserTable } from "../shared/report";
import { computeFollowup } from "../shared/uppfoljning";
import { followupOutputSheet, participantTablesIn } from "../shared/uppfoljning-sheet";

const budget: BudgetTable = {
  kind: "budget",
  sheet: "Budget 2023",
  title: null,
  range: "A4:C20",
  unit: "tkr",
  periods: ["2023"],
  periodLabels: ["Budget"],
  lines: [
    {
      section: "income",
      group: "medlemsbidrag",
      label: "FK",
      cell: "A6",
      heading: null,
      amounts: { "2023": 2_000_000 },
      outcomes: { "2023": 2_000_000 },
    },
    {
      section: "income",
      group: "medlemsbidrag",
      label: "Region",
      cell: "A7",
      heading: null,
      amounts: { "2023": 1_000_000 },
      outcomes: { "2023": 1_000_000 },
    },
    {
      section: "cost",
      group: "styrelse",
      label: "Styrelse",
      cell: "A10",
      heading: null,
      amounts: { "2023": 100_000 },
      outcomes: { "2023": 90_000 },
    },
    {
      section: "cost",
      group: "insatser",
      label: "Unga vuxna",
      cell: "A12",
      heading: null,
      amounts: { "2023": 1_500_000 },
      outcomes: { "2023": 1_400_000 },
    },
  ],
  totals: { income: { "2023": 3_000_000 }, cost: { "2023": 1_600_000 }, surplus: { "2023": 1_400_000 } },
  columns: { budget: { "2023": "B" }, outcome: { "2023": "C" }, forecast: {} },
};
const list: InsatserTable = {
  kind: "insatser",
  sheet: "Insatser",
  title: null,
  range: "A1:C2",
  insatser: [
    {
      name: "Unga vuxna",
      cell: "A2",
      focus: "individinriktad",
      focusCell: "B2",
      budgetedParticipants: 30,
      budgetedParticipantsCell: "C2",
    },
  ],
};
const participants = readWorkbook([
  gridFromRows("Deltagare", [
    ["Personnummer", "Hemkommun", "Insats", "Inskriven", "Avslutad"],
    ["19850710-5032", "Kalmar", "Unga vuxna", "2023-06-21", null],
    ["19910501-9286", "Nybro", "Unga vuxna", "2022-07-25", "2023-01-01"],
    ["19770428-6785", "Kalmar", "Unga vuxna", "2021-01-11", "2022-12-31"],
  ]),
]);

/** The source cells as the sheets hold them: numbers, except C7 typed as text. */
const values: Record<string, CellValue> = {
  "Budget 2023!B6": 2000,
  "Budget 2023!B7": 1000,
  "Budget 2023!C6": 2000,
  "Budget 2023!C7": "1 000",
  "Budget 2023!B10": 100,
  "Budget 2023!C10": 90,
  "Budget 2023!B12": 1500,
  "Budget 2023!C12": 1400,
  "Insatser!A2": "Unga vuxna",
  "Insatser!C2": 30,
};
const cellValue = (sheet: string, cell: string) => values[`${sheet}!${cell}`];

const formulaOf = (cell: OutputCell | undefined) =>
  cell !== undefined && isFormula(cell) ? cell.formula : cell;
const resultOf = (cell: OutputCell | undefined) =>
  cell !== undefined && hasResult(cell) ? cell.result : cell;

describe("the follow-up sheet", () => {
  const input = { tables: [budget, list], participantReadings: participants.participantReadings };
  const followup = computeFollowup(input, "2023");
  const planned = participants.outputSheets([]);
  const sheet = followupOutputSheet(followup, new Set(), {
    cellValue,
    participantTables: participantTablesIn(planned, ["Deltagare"]),
  });
  const [figures, insatser] = sheet.tables;

  it("When figures come from a budget in tkr, then each is a formula over its cells times 1 000 with the value saved, and a text amount is written as the number", () => {
    expect(sheet.name).toBe("Samsyn uppföljning 2023");
    expect(figures!.rows.map((r) => [r[0], formulaOf(r[1]), resultOf(r[1])])).toEqual([
      ["Tilldelade medel, budget", "=SUM('Budget 2023'!B6:B7)*1000", 3_000_000],
      // C7 holds "1 000" as text: SUM would skip it, so the figure is the number.
      ["Tilldelade medel, utfall", 3_000_000, 3_000_000],
      ["Eget kapital, ingående", "saknas", "saknas"],
      ["Eget kapital, utgående", "saknas", "saknas"],
      ["Administration, budget", "='Budget 2023'!B10*1000", 100_000],
      ["Administration, utfall", "='Budget 2023'!C10*1000", 90_000],
    ]);
  });

  it("When figures are missing, then a third table says which and where each is expected", () => {
    const checks = sheet.tables[2]!;
    expect(checks.columns.map((c) => c.header)).toEqual(["Blad", "Cell", "Kontroll"]);
    expect(checks.rows.map((r) => r[2])).toEqual([
      "Ingående eget kapital 2023 saknas i arbetsboken; den väntas i en rad Ingående eget kapital under resultatet (bladet Budget 2023).",
      "Utgående eget kapital 2023 saknas i arbetsboken; den väntas i en rad Utgående eget kapital under resultatet (bladet Budget 2023).",
    ]);
    expect(sheet.onePage).toBe(true);
  });

  it("When an insats's participants are in a converted list, then kön counts are a live COUNTIFS over it, the name and counts link to their cells", () => {
    expect(planned.some((s) => s.name === "Samsyn deltagare")).toBe(true);
    const [row] = insatser!.rows;
    expect(formulaOf(row![0])).toBe("='Insatser'!A2");
    expect(row!.slice(1, 5).map(formulaOf)).toEqual([
      "Individinriktad",
      "='Budget 2023'!B12*1000",
      "='Budget 2023'!C12*1000",
      "='Insatser'!C2",
    ]);
    expect(formulaOf(row![5])).toBe(
      '=COUNTIFS(Samsyn_deltagare[Insats],"=Unga vuxna",Samsyn_deltagare[Kön],"Kvinna",Samsyn_deltagare[Inskriven],"<="&45291,Samsyn_deltagare[Avslutad],">="&44927)+COUNTIFS(Samsyn_deltagare[Insats],"=Unga vuxna",Samsyn_deltagare[Kön],"Kvinna",Samsyn_deltagare[Inskriven],"<="&45291,Samsyn_deltagare[Avslutad],"")',
    );
    expect([resultOf(row![5]), resultOf(row![6])]).toEqual([1, 1]);
  });

  it("When no converted list is known, or a person has two stays in the insats that year, then the counts are numbers", () => {
    const plain = followupOutputSheet(followup, new Set(), { cellValue });
    expect(plain.tables[1]!.rows[0]!.slice(5)).toEqual([1, 1]);
    const twice = readWorkbook([
      gridFromRows("Deltagare", [
        ["Personnummer", "Hemkommun", "Insats", "Inskriven", "Avslutad"],
        ["19850710-5032", "Kalmar", "Unga vuxna", "2023-01-02", "2023-02-01"],
        ["19850710-5032", "Kalmar", "Unga vuxna", "2023-06-21", null],
      ]),
    ]);
    const f = computeFollowup(
      { tables: [budget, list], participantReadings: twice.participantReadings },
      "2023",
    );
    const s = followupOutputSheet(f, new Set(), {
      cellValue,
      participantTables: participantTablesIn(twice.outputSheets([]), ["Deltagare"]),
    });
    // One man, two rows: COUNTIFS would say 2, so the count is the number; no woman, no row: a count of 0 holds.
    const [women, men] = s.tables[1]!.rows[0]!.slice(5);
    expect([formulaOf(women)?.toString().startsWith("=COUNTIFS("), resultOf(women)]).toEqual([true, 0]);
    expect(men).toBe(1);
  });
});
