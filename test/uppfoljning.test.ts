/**
 * shared/uppfoljning.ts: the national follow-up's figures from a workbook, each with its cells;
 * a figure the workbook does not give is null with an issue saying where it is expected.
 */
import { describe, expect, it } from "vitest";
import { gridFromRows } from "../shared/grid";
import type { Issue } from "../shared/issues";
import { issueToJson, readWorkbook } from "../shared/read-workbook";
import type { BudgetLine, BudgetTable, InsatserTable } from "../shared/report";
import { computeFollowup, followupJson, followupYear } from "../shared/uppfoljning";
import { readWorkbookFile } from "../xlsx/read";
import { fixture } from "./support/cli";

const cells = (issues: readonly Issue[]) => issues.map((i) => [i.sheet, i.cell, i.code]);

describe("Uppföljning Finsam on Sydost", () => {
  // Needs the budget reader of utfall and equity (helper A's part of issue 20).
  it("When Sydost 2023 is followed up, then every figure is the workbook's, checked by hand, with its cells", async () => {
    const reading = readWorkbook(await readWorkbookFile(fixture("sydost-budget-utfall-2023.xlsx")));
    expect(followupYear(reading.tables)).toBe("2023");
    const f = computeFollowup(reading, "2023");
    const json = followupJson(f, f.issues.map(issueToJson));
    // Budget och utfall: B7:B11 and C7:C11 are the five members (4 000 000 + 2 000 000 + 900 000 +
    // 550 000 + 550 000); C29 and C31 the equity; B17:B20 and C17:C20 kansli, styrelse, revision
    // and ekonomitjänster (1 150 000 + 180 000 + 90 000 + 120 000; 1 098 400 + 152 300 + 88 750 + 118 200).
    expect(json.allocated).toEqual({
      budget: 8_000_000,
      outcome: 8_000_000,
      sources: { budget: ["Budget och utfall!B7:B11"], outcome: ["Budget och utfall!C7:C11"] },
    });
    expect(json.equity).toEqual({
      opening: 2_310_000,
      closing: 2_794_195,
      sources: { opening: ["Budget och utfall!C29"], closing: ["Budget och utfall!C31"] },
    });
    expect(json.administration).toEqual({
      budget: 1_540_000,
      outcome: 1_457_650,
      sources: { budget: ["Budget och utfall!B17:B20"], outcome: ["Budget och utfall!C17:C20"] },
    });
    // Participants: persons whose stay touches 2023 (Inskrivningsdatum ≤ 2023-12-31 and Avslutsdatum
    // blank or ≥ 2023-01-01), kön from the personnummer's ninth digit (odd a man), counted per
    // value of column D by a separate script over the sheet's XML (the Kön column is empty).
    expect(
      json.insatser.map((i) => [
        i.name,
        i.focus,
        i.budget,
        i.outcome,
        i.budgetedParticipants,
        i.participants,
      ]),
    ).toEqual([
      ["Jobbcoacher", "individinriktad", 2_600_000, 2_540_100, 60, { kvinna: 27, man: 17 }],
      [
        "IPS – individanpassat stöd till arbete",
        "individinriktad",
        1_800_000,
        1_912_400,
        40,
        { kvinna: 20, man: 14 },
      ],
      ["Unga till arbete", "individinriktad", 1_500_000, 1_320_000, 45, { kvinna: 17, man: 14 }],
      ["Kompetensutveckling i samverkan", "strukturövergripande", 400_000, 298_000, null, null],
    ]);
    expect(json.insatser[0]!.sources).toEqual({
      name: ["Insatser 2023!A2"],
      focus: ["Insatser 2023!B2"],
      budget: ["Budget och utfall!B22"],
      outcome: ["Budget och utfall!C22"],
      budgetedParticipants: ["Insatser 2023!C2"],
      participants: ["Deltagare!5:143 (Jobbcoacher)"],
    });
    expect(json.issues).toEqual([]);
  });
});

const line = (
  cell: string,
  label: string,
  group: BudgetLine["group"],
  tkr: [number, number?],
): BudgetLine => ({
  section: group === "medlemsbidrag" ? "income" : "cost",
  group,
  label,
  cell,
  heading: null,
  amounts: { "2023": tkr[0] * 1000 },
  ...(tkr[1] === undefined ? {} : { outcomes: { "2023": tkr[1] * 1000 } }),
});

/** A budget in tkr as the budget reader gives it: utfall in column C, equity under the result. */
const budget: BudgetTable = {
  kind: "budget",
  sheet: "Budget",
  title: null,
  range: "A4:C20",
  unit: "tkr",
  periods: ["2023"],
  periodLabels: ["Budget 2023"],
  lines: [
    line("A6", "Försäkringskassan", "medlemsbidrag", [2000, 2000]),
    line("A7", "Regionen", "medlemsbidrag", [1000, 1000]),
    line("A9", "Kommunerna", "medlemsbidrag", [1000, 990]),
    line("A12", "Kansli", "kansli och administration", [600, 580]),
    line("A13", "Revision", "revision", [50]),
    line("A15", "Unga vuxna", "insatser", [1500, 1400]),
    line("A16", "Kvinnohälsa", "insatser", [800]),
  ],
  totals: { income: { "2023": 4_000_000 }, cost: { "2023": 2_950_000 }, surplus: { "2023": 1_050_000 } },
  columns: { budget: { "2023": "B" }, outcome: { "2023": "C" }, forecast: {} },
};

const list: InsatserTable = {
  kind: "insatser",
  sheet: "Insatser",
  title: null,
  range: "A1:C3",
  insatser: [
    {
      name: "UNGA VUXNA",
      cell: "A2",
      focus: "individinriktad",
      focusCell: "B2",
      budgetedParticipants: 30,
      budgetedParticipantsCell: "C2",
    },
    {
      name: "Finsam-forum",
      cell: "A3",
      focus: "strukturövergripande",
      focusCell: "B3",
      budgetedParticipants: null,
      budgetedParticipantsCell: "C3",
    },
  ],
};

describe("Uppföljning Finsam from a budget in tkr", () => {
  it("When members, administration and insatser are summed, then the figures are in kronor with their cells, and what is missing is an issue where it is expected", () => {
    const f = computeFollowup({ tables: [budget, list], participantReadings: [] }, "2023");
    const json = followupJson(f, []);
    expect(json.allocated).toEqual({
      budget: 4_000_000,
      outcome: 3_990_000,
      sources: { budget: ["Budget!B6:B7, B9"], outcome: ["Budget!C6:C7, C9"] },
    });
    // Revision has no utfall: the sum is of the lines that have it.
    expect([json.administration.budget, json.administration.outcome]).toEqual([650_000, 580_000]);
    expect([json.equity.opening, json.equity.closing]).toEqual([null, null]);
    expect(
      json.insatser.map((i) => [
        i.name,
        i.focus,
        i.budget,
        i.outcome,
        i.budgetedParticipants,
        i.participants,
      ]),
    ).toEqual([
      // Matched by name whatever the case: the list's name and focus, the budget's amounts.
      ["UNGA VUXNA", "individinriktad", 1_500_000, 1_400_000, 30, null],
      ["Finsam-forum", "strukturövergripande", null, null, null, null],
      ["Kvinnohälsa", null, 800_000, null, null, null],
    ]);
    expect(f.allocated.budget.source?.factor).toBe(1000);
    expect(cells(f.issues)).toEqual([
      // No equity rows: looked for under the result, no cell to name.
      ["Budget", null, "followup-missing"],
      ["Budget", null, "followup-missing"],
      ["Insatser", "A3", "insats-unmatched"],
      ["Budget", "A16", "insats-unmatched"],
      // No participant list at all: said once, for the insatser.
      ["Insatser", null, "followup-missing"],
      // Finsam-forum: no budget line, so neither budget nor utfall.
      ["Budget", null, "followup-missing"],
      ["Budget", null, "followup-missing"],
      // Kvinnohälsa: not in the list (no focus, no budgeted count), no utfall.
      ["Insatser", null, "followup-missing"],
      ["Budget", "A16", "followup-missing"],
      ["Insatser", null, "followup-missing"],
    ]);
    expect(f.issues.map((i) => i.code === "followup-missing" && `${i.insats ?? ""} ${i.figure}`)).toEqual([
      " equity-opening",
      " equity-closing",
      false,
      false,
      " insats-participants",
      "Finsam-forum insats-budget",
      "Finsam-forum insats-outcome",
      "Kvinnohälsa insats-focus",
      "Kvinnohälsa insats-outcome",
      "Kvinnohälsa insats-budgeted-participants",
    ]);
  });

  it("When a participant list names the insatser in its Projekt column, then each individinriktad insats gets its persons of the year by kön", () => {
    const grid = gridFromRows("Deltagare", [
      ["Personnummer", "Hemkommun", "Projekt", "Inskriven", "Avslutad"],
      ["19850710-5032", "Kalmar", "Unga vuxna", "2023-06-21", null],
      ["19910501-9286", "Nybro", "unga vuxna", "2022-07-25", "2023-01-01"],
      ["19760404-2262", "Kalmar", "Unga vuxna", "2024-01-11", null],
      ["19770428-6785", "Kalmar", "Unga vuxna", "2021-01-11", "2022-12-31"],
      ["19840710-7740", "Kalmar", "Finsam-forum", "2023-01-11", null],
      ["19791119-2123", "Kalmar", "Steget vidare", "2023-01-11", null],
    ]);
    const reading = readWorkbook([grid]);
    const f = computeFollowup(
      { tables: [budget, list], participantReadings: reading.participantReadings },
      "2023",
    );
    expect(f.insatser.map((i) => [i.name.value, i.participants.value])).toEqual([
      // Rows 2 and 3 touch 2023 (the one closed on 1 January too); 4 starts in 2024, 5 ended in 2022.
      // Kön from the personnummer's ninth digit: 5032 (3) a man, 9286 (8) a woman.
      ["UNGA VUXNA", { kvinna: 1, man: 1 }],
      ["Finsam-forum", null],
      ["Kvinnohälsa", { kvinna: 0, man: 0 }],
    ]);
    // An insats only the participant list names: a warning, or its persons would count nowhere unseen.
    expect(
      f.issues
        .filter((i) => i.code === "insats-unmatched" && i.foundIn === "participants")
        .map((i) => [i.sheet, i.cell, i.code === "insats-unmatched" && i.name]),
    ).toEqual([["Deltagare", null, "Steget vidare"]]);
  });

  it("When the workbook has no budget, then the year comes from the insats list and every budget figure is missing", () => {
    const f = computeFollowup(
      { tables: [{ ...list, sheet: "Insatser 2024" }], participantReadings: [] },
      "2024",
    );
    expect(followupYear([{ ...list, sheet: "Insatser 2024" }])).toBe("2024");
    expect(f.allocated.budget.value).toBeNull();
    expect(f.issues.filter((i) => i.code === "insats-unmatched")).toEqual([]);
    expect(f.issues.map((i) => i.code === "followup-missing" && i.figure).slice(0, 6)).toEqual([
      "allocated-budget",
      "allocated-outcome",
      "equity-opening",
      "equity-closing",
      "administration-budget",
      "administration-outcome",
    ]);
  });
});
