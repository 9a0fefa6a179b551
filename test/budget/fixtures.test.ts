/** The real workbooks in ../shared/fixtures, read as the CLI reads them, against the figures the issue names. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readBudgetSheet } from "../../shared/budget";
import { type BudgetTable, BudgetTable as BudgetTableSchema, ContributionsTable } from "../../shared/report";
import { readWorkbookFile } from "../../xlsx/read";

const fixture = (name: string) => path.resolve("../shared/fixtures", name);
const cellsAndCodes = (issues: readonly { cell: string | null; code: string }[]) =>
  issues.map((i) => [i.cell, i.code]);

async function readSheet(name: string) {
  const [grid] = await readWorkbookFile(fixture(name));
  return readBudgetSheet(grid!);
}

describe("Ale, Kungälv, Stenungsund och Tjörn: verksamhetsplan 2008", () => {
  it("finds the contributions table and the main budget with the stated figures", async () => {
    const reading = await readSheet("ale-kungalv-stenungsund-tjorn-vp2008.xlsx");
    expect(reading.tables.map((t) => [t.kind, t.range, t.unit, t.periods])).toEqual([
      ["contributions", "A4:C8", "tkr", ["2008", "2009"]],
      ["budget", "A13:D38", "tkr", ["2008", "2009", "2010"]],
    ]);
    const budget = BudgetTableSchema.parse(reading.tables[1]);
    expect(budget.periodLabels).toEqual(["2008 (tkr)", "2009(tkr)", "2010 (tkr)"]);
    expect(budget.title).toBe("Verksamhetsplan med budget 2008");
    expect(budget.lines.filter((l) => l.section === "income").map((l) => [l.label, l.group])).toEqual([
      ["Finansiell ram", "finansiell ram"],
      ["Överskott 2007 fördelat på 3 år", "eget kapital"],
    ]);
    expect(budget.lines.filter((l) => l.section === "cost")).toHaveLength(17);
    expect(budget.totals).toEqual({
      income: { "2008": 6_574_000, "2009": 8_322_000, "2010": 8_322_000 },
      cost: { "2008": 6_495_000, "2009": 6_509_000, "2010": 5_444_000 },
      surplus: { "2008": 79_000, "2009": 1_813_000, "2010": 2_878_000 },
    });
  });

  it("groups the cost lines the way Uppföljning Finsam splits them", async () => {
    const reading = await readSheet("ale-kungalv-stenungsund-tjorn-vp2008.xlsx");
    const budget = reading.tables[1] as BudgetTable;
    const byCell = Object.fromEntries(budget.lines.map((l) => [l.cell, [l.group, l.heading]]));
    expect(byCell.A17).toEqual(["insatser", "Insatser"]);
    expect(byCell.A23).toEqual(["insatser", "Insatser"]); // "- information": by its heading
    expect(byCell.A27).toEqual(["insatser", null]); // Kartläggning
    expect(byCell.A28).toEqual(["utvärdering", null]);
    expect(byCell.A31).toEqual(["kansli och administration", "Tjänsteman"]);
    expect(byCell.A33).toEqual(["styrelse", "Styrelsen"]);
    expect(byCell.A34).toEqual(["styrelse", "Styrelsen"]); // "- Övriga omkostnader"
    expect(byCell.A35).toEqual(["ekonomiadministration", "Adm. inkl styrelse"]);
    expect(byCell.A36).toEqual(["revision", "Adm. inkl styrelse"]);
  });

  it("passes the law's split (2625/1313/1313 of 5251 tkr) and reports only the text result amounts", async () => {
    const reading = await readSheet("ale-kungalv-stenungsund-tjorn-vp2008.xlsx");
    const contributions = ContributionsTable.parse(reading.tables[0]);
    expect(contributions.lines.map((l) => [l.cell, l.member])).toEqual([
      ["A5", "staten"],
      ["A6", "regionen"],
      ["A7", "kommunerna"],
    ]);
    expect(contributions.total).toEqual({ "2008": 5_251_000, "2009": 7_000_000 });
    expect(cellsAndCodes(reading.issues)).toEqual([
      ["B38", "amount-as-text"],
      ["C38", "amount-as-text"],
      ["D38", "amount-as-text"],
    ]);
  });
});

describe("Infosamverkan: projektbudget", () => {
  it("reads the text amounts in kr, 1 450 000 kr in all, SUMMA agreeing", async () => {
    const reading = await readSheet("infosamverkan-projektbudget.xlsx");
    expect(reading.tables).toHaveLength(1);
    const budget = BudgetTableSchema.parse(reading.tables[0]);
    expect([budget.range, budget.unit, budget.periods, budget.title]).toEqual([
      "A5:B7",
      "kr",
      ["2009-2010"],
      "Projektplan Infosamverkan",
    ]);
    expect(budget.lines.map((l) => [l.cell, l.section, l.amounts["2009-2010"]])).toEqual([
      ["A5", "cost", 1_440_000],
      ["A6", "cost", 10_000],
    ]);
    expect(budget.totals.cost).toEqual({ "2009-2010": 1_450_000 });
    expect(cellsAndCodes(reading.issues)).toEqual([
      ["B5", "amount-as-text"],
      ["B6", "amount-as-text"],
      ["B7", "amount-as-text"],
    ]);
  });
});

describe("sheets that are no budget", () => {
  it.each([["infosamverkan-uppfoljning.xlsx"], ["samverkansteamet-deltagare-2014.xlsx"]])(
    "%s: no table, one no-table info",
    async (name) => {
      const reading = await readSheet(name);
      expect(reading.tables).toEqual([]);
      expect(reading.issues.map((i) => [i.severity, i.cell, i.code])).toEqual([["info", null, "no-table"]]);
    },
  );
});

describe("Sydost: budget och utfall 2023, budget 2024", () => {
  it("When the year is merged over Budget / Utfall / Avvikelse, then 2023 and 2024 are the periods and utfall 2023 stands beside the budget on every line", async () => {
    const reading = await readSheet("sydost-budget-utfall-2023.xlsx");
    const budget = BudgetTableSchema.parse(reading.tables[0]);
    expect([budget.range, budget.unit, budget.periods, budget.periodLabels]).toEqual([
      "A4:E31",
      "kr",
      ["2023", "2024"],
      ["Budget 2023", "Budget 2024"],
    ]);
    expect(budget.title).toBe("Samordningsförbundet Sydost – budget och utfall 2023, budget 2024");
    expect(budget.lines).toHaveLength(14);
    expect(budget.lines.every((l) => l.outcomes?.["2023"] !== undefined)).toBe(true);
    const byCell = Object.fromEntries(
      budget.lines.map((l) => [l.cell, [l.amounts["2023"], l.outcomes?.["2023"]]]),
    );
    expect(byCell.A12).toEqual([0, 12_345]); // Ränteintäkter
    expect(byCell.A23).toEqual([1_800_000, 1_912_400]); // IPS
    expect(budget.totals).toEqual({
      income: { "2023": 8_000_000, "2024": 8_160_000 },
      cost: { "2023": 7_840_000, "2024": 7_949_200 },
      surplus: { "2023": 160_000, "2024": 210_800 },
    });
    expect(budget.outcomeTotals).toEqual({
      income: { "2023": 8_012_345 },
      cost: { "2023": 7_528_150 },
      surplus: { "2023": 484_195 },
    });
    expect(budget.columns).toEqual({
      budget: { "2023": "B", "2024": "E" },
      outcome: { "2023": "C" },
      forecast: {},
    });
  });

  it("When eget kapital follows the result, then it is read as equity (not income) and the repeated result raises no error", async () => {
    const reading = await readSheet("sydost-budget-utfall-2023.xlsx");
    const budget = reading.tables[0] as BudgetTable;
    expect(budget.equity).toEqual({
      "2023": {
        opening: 2_310_000,
        result: 484_195,
        closing: 2_794_195,
        openingCell: "C29",
        resultCell: "C30",
        closingCell: "C31",
      },
    });
    expect(budget.lines.some((l) => /eget kapital/i.test(l.label))).toBe(false);
    // The avvikelse column (utfall − budget, as formulas) agrees on every row: no issue at all.
    expect(cellsAndCodes(reading.issues)).toEqual([]);
  });
});
