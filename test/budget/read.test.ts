/** readBudgetSheet on tiny literal sheets: one layout or one rule per test, asserted as [cell, code] lists. */
import { describe, expect, it } from "vitest";
import { readBudgetSheet } from "../../shared/budget";
import { type Grid, gridFromRows } from "../../shared/grid";
import {
  type BudgetTable,
  BudgetTable as BudgetTableSchema,
  type ContributionsTable,
} from "../../shared/report";

type Rows = Parameters<typeof gridFromRows>[1];
const sheet = (rows: Rows, origin = { row: 0, col: 0 }): Grid => gridFromRows("Blad1", rows, origin);
const codes = (issues: readonly { cell: string | null; code: string }[]) =>
  issues.map((i) => [i.cell, i.code]);
const budgetOf = (tables: readonly (BudgetTable | ContributionsTable)[]): BudgetTable => {
  const b = tables.find((t) => t.kind === "budget");
  if (b?.kind !== "budget") throw new Error("no budget table");
  return BudgetTableSchema.parse(b);
};
const linesOf = (b: BudgetTable) => b.lines.map((l) => [l.cell, l.section, l.group]);

describe("headers and periods", () => {
  it("reads Budget/Prognos/Utfall headers, a label column that is not A and an origin off A1", () => {
    const grid = sheet(
      [
        ["Verksamhetsplan 2015", null, null, null],
        [null, null, null, null],
        ["Belopp i tkr", "Budget 2015", "Prognos 2014", "Utfall 2013"],
        ["Finansiell ram", 4000, 3900, 3800],
        ["Insatser", 3000, 2900, 2800],
        ["Summa kostnader", 3000, 2900, 2800],
        ["Årets resultat", 1000, 1000, 1000],
      ],
      { row: 4, col: 2 },
    );
    const { tables, issues } = readBudgetSheet(grid);
    const b = budgetOf(tables);
    expect([b.range, b.unit, b.periods, b.periodLabels]).toEqual([
      "C7:F11",
      "tkr",
      ["2015", "2014", "2013"],
      ["Budget 2015", "Prognos 2014", "Utfall 2013"],
    ]);
    expect(linesOf(b)).toEqual([
      ["C8", "income", "finansiell ram"],
      ["C9", "cost", "insatser"],
    ]);
    expect(b.totals.surplus).toEqual({ "2015": 1_000_000, "2014": 1_000_000, "2013": 1_000_000 });
    expect(codes(issues)).toEqual([]);
  });

  it("takes a caption with a year of its own ('Budget 2015 (tkr)') as the label column's header", () => {
    const { tables } = readBudgetSheet(
      sheet([
        ["Budget 2015 (tkr)", "2015", "2016"],
        ["Övriga kostnader", 100, 120],
      ]),
    );
    const b = budgetOf(tables);
    expect([b.periods, b.unit, linesOf(b)]).toEqual([["2015", "2016"], "tkr", [["A2", "cost", "övrigt"]]]);
  });

  it("When a prognos column has the budget of its year beside it, then it is read as that year's prognos, not a period", () => {
    const { tables } = readBudgetSheet(
      sheet([
        [null, "Budget 2015 (tkr)", "Prognos 2015 (tkr)", "Budget 2016 (tkr)"],
        ["Kansli", 100, 90, 110],
      ]),
    );
    const b = budgetOf(tables);
    expect([b.periods, b.lines[0]!.forecasts, b.forecastTotals?.cost, b.columns]).toEqual([
      ["2015", "2016"],
      { "2015": 90_000 },
      { "2015": 90_000 },
      { budget: { "2015": "B", "2016": "D" }, outcome: {}, forecast: { "2015": "C" } },
    ]);
  });

  it("When two columns of a year are both budgets, then the budget keeps the year and the other gets its kind", () => {
    const { tables } = readBudgetSheet(
      sheet([
        [null, "Budget 2015 (tkr)", "Reviderad budget 2015 (tkr)", "Budget 2016 (tkr)"],
        ["Kansli", 100, 90, 110],
      ]),
    );
    expect(budgetOf(tables).periods).toEqual(["2015", "2015 reviderad", "2016"]);
  });

  it("takes plain numbers 2008, 2009 as a header under a caption, and a unit row under the header", () => {
    const { tables, issues } = readBudgetSheet(
      sheet([
        ["Post", 2009, 2008],
        [null, "tkr", "tkr"],
        ["Finansiell ram", 2010, 2011],
        ["Kansli", 2000, 1900],
      ]),
    );
    const b = budgetOf(tables);
    expect([b.periods, b.unit]).toEqual([["2009", "2008"], "tkr"]);
    expect(b.lines.map((l) => l.amounts)).toEqual([
      { "2009": 2_010_000, "2008": 2_011_000 },
      { "2009": 2_000_000, "2008": 1_900_000 },
    ]);
    expect(codes(issues)).toEqual([]);
  });

  it("does not read a line whose amounts look like years as a header", () => {
    const { tables } = readBudgetSheet(
      sheet([
        [null, "2008 (tkr)", "2009 (tkr)"],
        ["Administration", null, null],
        ["Kansli", 2008, 2009],
        ["Lokaler", 100, 100],
      ]),
    );
    expect(tables).toHaveLength(1);
    expect(budgetOf(tables).lines.map((l) => l.cell)).toEqual(["A3", "A4"]);
  });

  it("does not read a line with a year in its label over a year-like amount as a header", () => {
    const { tables } = readBudgetSheet(
      sheet([
        [null, "2005 (kr)"],
        ["Finansiell ram", 0],
        ["Överskott från 2007", 1950],
        ["Projekt Avstampet", 0],
      ]),
    );
    expect(tables.map((t) => [t.range, t.periods, t.lines.length])).toEqual([["A1:B4", ["2005"], 3]]);
  });

  it("reads a repeated header under KOSTNADER as a section of the same table", () => {
    const { tables, issues } = readBudgetSheet(
      sheet([
        ["INTÄKTER", "2015 (tkr)", "2016 (tkr)"],
        ["Diverse", 500, 500],
        [null, null, null],
        ["KOSTNADER", "2015 (tkr)", "2016 (tkr)"],
        ["Diverse", 400, 450],
        ["Summa kostnader", 400, 450],
      ]),
    );
    expect(tables).toHaveLength(1);
    expect(linesOf(budgetOf(tables))).toEqual([
      ["A2", "income", "övriga intäkter"],
      ["A5", "cost", "övrigt"],
    ]);
    expect(codes(issues)).toEqual([]);
  });

  it("keeps a comment column (header 'Kommentar') out of the amounts", () => {
    const { tables, issues } = readBudgetSheet(
      sheet([
        [null, "2008 (tkr)", "Kommentar", "2009 (tkr)", "Not"],
        ["Kansli", 100, "höjd hyra", 110, "se bilaga 2"],
        ["Revision", 50, null, 50, null],
        ["Summa kostnader", 150, null, 160, null],
      ]),
    );
    expect(budgetOf(tables).totals.cost).toEqual({ "2008": 150_000, "2009": 160_000 });
    expect(codes(issues)).toEqual([]);
  });

  it("sees only the top-left cell of a merged title", () => {
    const grid = {
      ...sheet([
        ["Budget 2010", "Budget 2010", "Budget 2010"],
        [null, "2010 (kr)", "2011 (kr)"],
        ["Revision", 1000, 1000],
      ]),
      merges: [{ start: { row: 0, col: 0 }, end: { row: 0, col: 2 } }],
    };
    const { tables } = readBudgetSheet(grid);
    expect(tables.map((t) => [t.range, t.periods, t.title])).toEqual([
      ["A2:C3", ["2010", "2011"], "Budget 2010"],
    ]);
  });
});

describe("amounts", () => {
  it("reports text, per-period, unreadable and Excel error amounts at their cells", () => {
    const { tables, issues } = readBudgetSheet(
      sheet([
        [null, "2014 (tkr)", "2015 (tkr)"],
        ["Kansli", "1 200", "25 tkr/6 mån"],
        ["Lokaler", "#REF!", "se bilaga"],
        ["Revision", "(82)", "−82"],
      ]),
    );
    expect(codes(issues)).toEqual([
      ["B2", "amount-as-text"],
      ["C2", "amount-per-period"],
      ["B3", "formula-error"],
      ["C3", "amount-unreadable"],
      ["B4", "amount-as-text"],
      ["C4", "amount-as-text"],
    ]);
    expect(budgetOf(tables).lines.map((l) => l.amounts)).toEqual([
      { "2014": 1_200_000, "2015": 25_000 },
      {},
      { "2014": -82_000, "2015": -82_000 },
    ]);
  });

  it("leaves shares ('12 %', or a number formatted as a percentage) out of the amounts, without an error", () => {
    const { tables, issues } = readBudgetSheet(
      sheet([
        [null, "2014 (tkr)", "2015 (tkr)"],
        ["Kansli", 100, 120],
        ["Andel av budgeten", "12 %", { value: 0.14, numberFormat: "0%" }],
        ["Summa kostnader", 100, 120],
      ]),
    );
    const b = budgetOf(tables);
    expect(b.lines.map((l) => l.label)).toEqual(["Kansli"]);
    expect(b.totals.cost).toEqual({ "2014": 100_000, "2015": 120_000 });
    expect(codes(issues)).toEqual([]);
  });

  it("takes the unit from the amounts' number format ('#,##0 \"tkr\"') where no text states one", () => {
    const tkr = (value: number) => ({ value, numberFormat: '#,##0 "tkr"' });
    const { tables, issues } = readBudgetSheet(
      sheet([
        [null, "Budget 2020"],
        ["Kansli", tkr(800)],
        ["Revision", tkr(50)],
      ]),
    );
    expect([budgetOf(tables).unit, budgetOf(tables).totals.cost, codes(issues)]).toEqual([
      "tkr",
      { "2020": 850_000 },
      [],
    ]);
  });

  it("reads kr written with the amount in a tkr table as kr", () => {
    const { tables } = readBudgetSheet(
      sheet([
        [null, "2014 (tkr)"],
        ["Kansli", "950 000 kr"],
        ["Revision", 50],
      ]),
    );
    expect(budgetOf(tables).totals.cost).toEqual({ "2014": 1_000_000 });
  });

  it("assumes kr, with an info at the header, when nothing states a unit; a correction overrides", () => {
    const rows: Rows = [
      [null, "Budget 2020"],
      ["Kansli", 800],
    ];
    const assumed = readBudgetSheet(sheet(rows));
    expect([budgetOf(assumed.tables).unit, codes(assumed.issues)]).toEqual(["kr", [["B1", "unit-assumed"]]]);
    expect(assumed.issues[0]).toMatchObject({ severity: "info", unit: "kr" });
    const corrected = readBudgetSheet(sheet(rows), { unit: "tkr" });
    expect([budgetOf(corrected.tables).totals.cost, codes(corrected.issues)]).toEqual([
      { "2020": 800_000 },
      [],
    ]);
  });

  it("compares totals within half the step the amounts are written in (mkr with one decimal)", () => {
    const { issues } = readBudgetSheet(
      sheet([
        [null, "2021 (mkr)", "2022 (mkr)"],
        ["Insatser", 1.5, 1.5],
        ["Kansli", 0.8, 0.8],
        ["Summa kostnader", 2.3, 2.4],
      ]),
    );
    expect(codes(issues)).toEqual([["C4", "total-mismatch"]]);
    expect(issues[0]).toMatchObject({ stated: 2_400_000, computed: 2_300_000, period: "2022" });
  });
});

describe("limits", () => {
  it("keeps at most 60 periods, the schema's limit, and reads a non-finite number as unreadable", () => {
    const months = Array.from(
      { length: 72 },
      (_, i) => `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")} (kr)`,
    );
    const { tables, issues } = readBudgetSheet(
      sheet([
        [null, ...months],
        ["Kansli", Number.NaN, ...months.slice(1).map(() => 10)],
      ]),
    );
    const b = budgetOf(tables);
    expect([b.periods.length, b.periods[0], b.periods[13], b.periods[59]]).toEqual([
      60,
      "2020-01",
      "2021-02",
      "2024-12",
    ]);
    expect(codes(issues)).toEqual([["B2", "amount-unreadable"]]);
  });
});

describe("totals and results", () => {
  it("checks income, cost, sub and plain totals and the result, naming each wrong cell", () => {
    const { tables, issues } = readBudgetSheet(
      sheet([
        [null, "2010 (tkr)"],
        ["Finansiell ram", 1000],
        ["Medlemsbidrag", 200],
        ["Summa intäkter", 1300],
        ["Insatser", null],
        ["- projekt A", 300],
        ["- projekt B", 200],
        ["Summa insatser", 600],
        ["Kansli", 250],
        ["Total summa", 750],
        ["Över-/underskott +/-", "+ 451"],
      ]),
    );
    expect(codes(issues)).toEqual([
      ["B4", "total-mismatch"],
      ["B8", "total-mismatch"],
      ["B11", "amount-as-text"],
      ["B11", "surplus-mismatch"],
    ]);
    expect(issues.filter((i) => i.code !== "amount-as-text")).toMatchObject([
      { label: "Summa intäkter", stated: 1_300_000, computed: 1_200_000 },
      { label: "Summa insatser", stated: 600_000, computed: 500_000 },
      { label: "Över-/underskott +/-", stated: 451_000, computed: 450_000 },
    ]);
    expect(budgetOf(tables).totals).toEqual({
      income: { "2010": 1_200_000 },
      cost: { "2010": 750_000 },
      surplus: { "2010": 450_000 },
    });
  });

  it("reads a negative result written as '(82)' or '−82' and an unlabelled sum row", () => {
    const { issues } = readBudgetSheet(
      sheet([
        [null, "2011 (tkr)", "2012 (tkr)"],
        ["Finansiell ram", 100, 100],
        ["Insatser", 182, 182],
        [null, 182, 183],
        ["Resultat", "(82)", "−82"],
      ]),
    );
    expect(codes(issues)).toEqual([
      ["C4", "total-mismatch"],
      ["B5", "amount-as-text"],
      ["C5", "amount-as-text"],
    ]);
  });

  it("uses a formula total's cached value", () => {
    const { issues } = readBudgetSheet(
      sheet([
        [null, "2010 (kr)"],
        ["Kansli", 100],
        ["Revision", 50],
        ["Summa kostnader", { value: 140, formula: "=SUM(B2:B2)" }],
      ]),
    );
    expect(issues).toMatchObject([{ cell: "B4", code: "total-mismatch", stated: 140, computed: 150 }]);
  });
});

describe("classification", () => {
  it("keeps the reading of an open line that makes the stated totals true", () => {
    // "Gamma" names nothing; as a cost the totals fail, as income both hold.
    const { tables, issues } = readBudgetSheet(
      sheet([
        [null, "2019 (tkr)"],
        ["Finansiell ram", 500],
        ["Projekt X", 300],
        ["Gamma", 100],
        ["Summa kostnader", 300],
        ["Resultat", 300],
      ]),
    );
    expect(linesOf(budgetOf(tables))).toEqual([
      ["A2", "income", "finansiell ram"],
      ["A3", "cost", "insatser"],
      ["A4", "income", "övriga intäkter"],
    ]);
    expect(codes(issues)).toEqual([]);
  });

  it("warns about a line nothing places, with the guess it counts as", () => {
    const { tables, issues } = readBudgetSheet(
      sheet([
        [null, "2019 (tkr)"],
        ["Finansiell ram", 500],
        ["Projekt X", 300],
        ["Gamma", 100],
      ]),
    );
    // A cost line whose words say nothing is an insats: where a förbund's money goes.
    expect(linesOf(budgetOf(tables))[2]).toEqual(["A4", "cost", "insatser"]);
    expect(issues).toMatchObject([
      { cell: "A4", code: "line-unclassified", guess: "cost", severity: "warning" },
    ]);
  });

  it("follows the user's corrections by the label's cell", () => {
    const { tables, issues } = readBudgetSheet(
      sheet([
        [null, "2019 (tkr)"],
        ["Finansiell ram", 500],
        ["Projekt X", 300],
        ["Gamma", 100],
      ]),
      { lines: { A4: { group: "eget kapital" }, A3: { section: "cost", group: "utvärdering" } } },
    );
    expect(linesOf(budgetOf(tables))).toEqual([
      ["A2", "income", "finansiell ram"],
      ["A3", "cost", "utvärdering"],
      ["A4", "income", "eget kapital"],
    ]);
    expect(codes(issues)).toEqual([]);
  });

  it("takes the header row the user names", () => {
    const { tables } = readBudgetSheet(sheet([["Budget"], ["Rad", "Helår", "Halvår"], ["Kansli", 100, 50]]), {
      headerRow: 2,
      unit: "tkr",
    });
    expect(tables.map((t) => [t.range, t.periods])).toEqual([["A2:C3", ["Helår", "Halvår"]]]);
  });

  it("keeps the table whole under the header the user names, though a later row looks like a header", () => {
    const rows: Rows = [
      ["Post", "Helår", "Halvår"],
      ["Kansli", 100, 50],
      [null, null, null],
      ["Budget", 2020, 2021],
      ["Lokaler", 10, 5],
    ];
    expect(readBudgetSheet(sheet(rows)).tables.map((t) => t.range)).toEqual(["A4:C5"]);
    const named = readBudgetSheet(sheet(rows), { headerRow: 1, unit: "tkr" });
    expect(named.tables.map((t) => [t.range, t.periods])).toEqual([["A1:C5", ["Helår", "Halvår"]]]);
    expect(budgetOf(named.tables).lines.map((l) => l.label)).toEqual(["Kansli", "Budget", "Lokaler"]);
  });

  it("settles open lines by the totals even where there are too many to search", () => {
    const rows: (string | number | null)[][] = [
      [null, "2020 (tkr)", "2021 (tkr)"],
      ["Finansiell ram", 10_000, 10_000],
    ];
    let cost = 0;
    for (let i = 0; i < 40; i++) {
      rows.push([`Kansli ${i}`, 10, 10], [`Diverse ${i}`, 5, 5]);
      cost += 15;
    }
    rows.push(
      ["Summa kostnader", cost, cost],
      ["Resultat", 10_000 - cost, 10_000 - cost],
      ["Diverse sist", 7, 7],
    );
    const { tables, issues } = readBudgetSheet(sheet(rows));
    expect(budgetOf(tables).lines.filter((l) => l.section === "cost")).toHaveLength(81);
    // Only the line below every stated figure is left to a guess.
    expect(codes(issues)).toEqual([["A85", "line-unclassified"]]);
  });

  it("leaves both lines unsure where swapping them fits the totals as well", () => {
    const { issues } = readBudgetSheet(
      sheet([
        [null, "2019 (tkr)"],
        ["Finansiell ram", 500],
        ["Alfa", 100],
        ["Projekt X", 300],
        ["Beta", 100],
        ["Summa kostnader", 400],
      ]),
    );
    // Alfa income and Beta cost, or the other way round: 400 in costs either way.
    expect(codes(issues)).toEqual([
      ["A3", "line-unclassified"],
      ["A5", "line-unclassified"],
    ]);
  });

  it("places headings, section rows and sub-items", () => {
    const { tables } = readBudgetSheet(
      sheet([
        [null, "2020 (kr)"],
        ["KOSTNADER", null],
        ["Styrelsen", null],
        ["- Arvoden", 10],
        ["- Övrigt", 5],
        ["Lokalhyra", 20],
        ["Diverse", 1],
        ["INTÄKTER", null],
        ["Diverse", 36],
      ]),
    );
    const b = budgetOf(tables);
    expect(b.lines.map((l) => [l.label, l.section, l.group, l.heading])).toEqual([
      ["Arvoden", "cost", "styrelse", "Styrelsen"],
      ["Övrigt", "cost", "styrelse", "Styrelsen"],
      ["Lokalhyra", "cost", "kansli och administration", null],
      ["Diverse", "cost", "övrigt", null],
      ["Diverse", "income", "övriga intäkter", null],
    ]);
  });
});

describe("contributions", () => {
  it("checks the law's split within one unit and the stated total; municipalities by name count together", () => {
    const { tables, issues } = readBudgetSheet(
      sheet([
        ["Medlemsbidrag (tkr)", 2020, 2021],
        ["Försäkringskassan", 2000, 2000],
        ["Region Örebro län", 1000, 1100],
        ["Lindesberg", 600, 500],
        ["Nora", 400, 400],
        ["Totalt", 4000, 4100],
      ]),
    );
    const c = tables[0] as ContributionsTable;
    expect(c.kind).toBe("contributions");
    expect(c.lines.map((l) => l.member)).toEqual(["staten", "regionen", "kommunerna", "kommunerna"]);
    expect(c.total).toEqual({ "2020": 4_000_000, "2021": 4_000_000 });
    expect(codes(issues)).toEqual([
      ["C3", "contribution-split"],
      ["C4", "contribution-split"],
      ["C6", "total-mismatch"],
    ]);
    expect(issues.slice(0, 2)).toMatchObject([
      { member: "regionen", amount: 1_100_000, expected: 1_000_000, period: "2021" },
      { member: "kommunerna", amount: 900_000, expected: 1_000_000, period: "2021" },
    ]);
  });

  it("keeps a budget with member lines and costs a budget, even under a title about contributions", () => {
    const { tables } = readBudgetSheet(
      sheet([
        ["Budget och medlemsbidrag 2020"],
        ["Bidrag (tkr)", 2020],
        ["Försäkringskassan", 2000],
        ["Regionen", 1000],
        ["Kommunerna", 1000],
        ["Kansli", 3000],
      ]),
    );
    expect(tables.map((t) => t.kind)).toEqual(["budget"]);
    expect(linesOf(budgetOf(tables)).map((l) => l[2])).toEqual([
      "medlemsbidrag",
      "medlemsbidrag",
      "medlemsbidrag",
      "kansli och administration",
    ]);
  });

  it("checks member contributions written as income lines of a budget", () => {
    const { issues } = readBudgetSheet(
      sheet([
        [null, "2020 (tkr)"],
        ["Bidrag Försäkringskassan", 2000],
        ["Bidrag Regionen", 1000],
        ["Bidrag kommunerna", 1500],
        ["Kansli", 4500],
      ]),
    );
    // 4 500 tkr in all: the state owes 2 250, the region and the municipalities 1 125 each.
    expect(issues).toMatchObject([
      { cell: "B2", code: "contribution-split", member: "staten", amount: 2_000_000, expected: 2_250_000 },
      { cell: "B3", code: "contribution-split", member: "regionen", amount: 1_000_000, expected: 1_125_000 },
      {
        cell: "B4",
        code: "contribution-split",
        member: "kommunerna",
        amount: 1_500_000,
        expected: 1_125_000,
      },
    ]);
  });
});

describe("no budget", () => {
  it.each([
    ["an empty sheet", [] as Rows],
    ["text only", [["Anteckningar"], ["Inget att räkna här."]] as Rows],
    [
      "a follow-up table",
      [
        ["Period", "Erbjudna", "Deltagit"],
        ["2009-11-01—2009-12-31", 300, 119],
      ] as Rows,
    ],
  ])("%s: no table and one no-table info", (_, rows) => {
    const { tables, issues } = readBudgetSheet(sheet(rows));
    expect([tables, issues.map((i) => [i.severity, i.cell, i.code])]).toEqual([
      [],
      [["info", null, "no-table"]],
    ]);
  });

  it("keys a single 'Belopp' column by the years of the title block, else by its words", () => {
    const rows: Rows = [
      ["Projekt Bron", null],
      [null, null],
      ["Post", "Belopp (kr)"],
      ["Projektledare", 300_000],
    ];
    expect(readBudgetSheet(sheet(rows)).tables.map((t) => [t.periods, t.periodLabels, t.unit])).toEqual([
      [["Belopp"], ["Belopp (kr)"], "kr"],
    ]);
    const dated: Rows = [["Projekt Bron, projekttid 2012-01-01—2013-06-30"], ...rows.slice(1)];
    expect(readBudgetSheet(sheet(dated)).tables.map((t) => t.periods)).toEqual([["2012-2013"]]);
  });

  it("reads a header-less project budget with its years from the title block", () => {
    const { tables, issues } = readBudgetSheet(
      sheet([
        ["Projekt Vägen ut, budget 2012"],
        [null],
        ["Projektledare", "400 000 kr"],
        ["Lokaler", "50 000 kr"],
      ]),
    );
    expect(tables.map((t) => [t.kind, t.periods, t.range, t.unit])).toEqual([
      ["budget", ["2012"], "A3:B4", "kr"],
    ]);
    // A project's costs are its insats, unless a line's own words say otherwise.
    expect(budgetOf(tables).lines.map((l) => l.group)).toEqual(["insatser", "kansli och administration"]);
    expect(codes(issues)).toEqual([
      ["B3", "amount-as-text"],
      ["B4", "amount-as-text"],
    ]);
  });
});

describe("budget and utfall", () => {
  const m = (r0: number, c0: number, r1: number, c1: number) => ({
    start: { row: r0, col: c0 },
    end: { row: r1, col: c1 },
  });
  const body: Rows = [
    ["Finansiell ram", 1000, 1100, 100],
    ["Kansli", 800, 700, -100],
    ["Summa kostnader", 800, 700, -100],
    ["Årets resultat", 200, 400, 200],
  ];
  const oneRow = (utfall: string, rows: Rows = body) =>
    readBudgetSheet(sheet([["Post (tkr)", "Budget 2023", utfall, "Avvikelse"], ...rows]));

  it.each([
    ["Utfall 2023", "2023"],
    ["Utfall jan–jun 2023", "2023-H1"],
    ["Utfall t.o.m. 30/6 2023", "2023-H1"],
    ["Utfall 2023-06-30", "2023-H1"],
    ["Utfall halvår 1 2023", "2023-H1"],
    ["Utfall per 30 juni 2023", "2023-H1"],
    ["Delårsbokslut 2023", "2023-H1"],
    ["Bokslut 2023", "2023"],
  ])(
    "When the header reads %s beside Budget 2023, then the utfall is keyed %s beside the one period",
    (utfall, key) => {
      const { tables, issues } = oneRow(utfall);
      const b = budgetOf(tables);
      expect([b.periods, b.lines.map((l) => l.outcomes), b.outcomeTotals, b.columns?.outcome]).toEqual([
        ["2023"],
        [{ [key]: 1_100_000 }, { [key]: 700_000 }],
        { income: { [key]: 1_100_000 }, cost: { [key]: 700_000 }, surplus: { [key]: 400_000 } },
        { [key]: "C" },
      ]);
      expect(codes(issues)).toEqual([]);
    },
  );

  it("When a utfall or prognos column's year has no budget column, then it stays a period as before", () => {
    const { tables } = readBudgetSheet(
      sheet([
        ["Post (tkr)", "Utfall 2013", "Budget 2014", "Prognos 2015"],
        ["Finansiell ram", 1000, 1100, 1200],
        ["Kansli", 800, 700, 600],
      ]),
    );
    const b = budgetOf(tables);
    expect([b.periods, b.outcomeTotals, b.columns, "outcomes" in b.lines[0]!]).toEqual([
      ["2013", "2014", "2015"],
      undefined,
      undefined,
      false,
    ]);
  });

  it("When a stated total or result in the utfall column is wrong, then the error names its cell and says utfall", () => {
    const { issues } = oneRow("Utfall 2023", [
      ["Finansiell ram", 1000, 1100, 100],
      ["Kansli", 800, 700, -100],
      ["Summa kostnader", 800, 750, -50],
      ["Årets resultat", 200, 400, 200],
    ]);
    expect(
      issues.filter((i) => i.severity === "error").map((i) => [i.cell, i.code, "column" in i && i.column]),
    ).toEqual([["C4", "total-mismatch", "outcome"]]);
  });

  it("When an avvikelse cell is not utfall − budget, then it is an error at that cell", () => {
    const { issues } = oneRow("Utfall 2023", [
      ["Finansiell ram", 1000, 1100, 100],
      ["Kansli", 800, 700, -90],
      ["Summa kostnader", 800, 700, -100],
      ["Årets resultat", 200, 400, 200],
    ]);
    expect(codes(issues)).toEqual([["D3", "deviation-mismatch"]]);
    expect(issues[0]).toMatchObject({ stated: -90_000, computed: -100_000, period: "2023", reversed: false });
  });

  it("When the whole avvikelse column is budget − utfall, then it is checked that way with an info saying so", () => {
    const { issues } = oneRow("Utfall 2023", [
      ["Finansiell ram", 1000, 1100, -100],
      ["Kansli", 800, 700, 100],
      ["Summa kostnader", 800, 700, 100],
      ["Årets resultat", 200, 400, -200],
    ]);
    expect(codes(issues)).toEqual([["D1", "deviation-reversed"]]);
  });

  it("When an avvikelse column has no utfall of its year to compare with, then it is an info at its header and the budget reads as before", () => {
    const { tables, issues } = readBudgetSheet(
      sheet([
        ["Post (tkr)", "Budget 2024", "Avvikelse 2023"],
        ["Finansiell ram", 1000, 100],
        ["Kansli", 800, -90],
        ["Summa kostnader", 800, -90],
        ["Årets resultat", 200, 190],
      ]),
    );
    expect(budgetOf(tables).periods).toEqual(["2024"]);
    expect(codes(issues)).toEqual([["C1", "deviation-unpaired"]]);
    expect(issues[0]).toMatchObject({ severity: "info", label: "Avvikelse 2023" });
  });

  it("When costs are written negative, then avvikelse is checked against the amounts as written, and an Avvikelse % column is no kronor to check", () => {
    const { tables, issues } = readBudgetSheet(
      sheet([
        ["Post (tkr)", "Budget 2023", "Utfall 2023", "Avvikelse", "Avvikelse %"],
        ["Finansiell ram", 1000, 1100, 100, 10],
        ["Insatser", -500, -450, 50, -10],
        ["Kansli", -300, -350, -50, 16.7],
        ["Summa kostnader", -800, -800, 0, 0],
        ["Resultat", 200, 300, 100, 50],
      ]),
    );
    expect(budgetOf(tables).outcomeTotals?.cost).toEqual({ "2023": 800_000 });
    expect(codes(issues)).toEqual([["A3", "costs-negative"]]);
  });

  it("When a year is merged over Budget / Utfall / Prognos / Avvikelse beside next year's budget, then each column is what its header says", () => {
    const grid = {
      ...sheet([
        ["Belopp i tkr", 2023, null, null, null, 2024],
        ["Post", "Budget", "Utfall", "Prognos", "Avvikelse", "Budget"],
        ["Finansiell ram", 1000, 1100, 1050, 100, 1200],
        ["Kansli", 800, 700, 750, -100, 900],
        ["Årets resultat", 200, 400, 300, 200, 300],
      ]),
      merges: [m(0, 1, 0, 4)],
    };
    const { tables, issues } = readBudgetSheet(grid);
    const b = budgetOf(tables);
    expect([b.range, b.periods, b.periodLabels, b.columns]).toEqual([
      "A1:F5",
      ["2023", "2024"],
      ["Budget 2023", "Budget 2024"],
      { budget: { "2023": "B", "2024": "F" }, outcome: { "2023": "C" }, forecast: { "2023": "D" } },
    ]);
    expect(b.lines.map((l) => [l.amounts, l.outcomes, l.forecasts])).toEqual([
      [{ "2023": 1_000_000, "2024": 1_200_000 }, { "2023": 1_100_000 }, { "2023": 1_050_000 }],
      [{ "2023": 800_000, "2024": 900_000 }, { "2023": 700_000 }, { "2023": 750_000 }],
    ]);
    expect(b.forecastTotals?.surplus).toEqual({ "2023": 300_000 });
    expect(codes(issues)).toEqual([]);
  });
});

describe("headers of two rows in other shapes", () => {
  const m = (r0: number, c0: number, r1: number, c1: number) => ({
    start: { row: r0, col: c0 },
    end: { row: r1, col: c1 },
  });

  it("When the year is written once over the first of its columns and the others are left blank, then it still reaches Utfall and Avvikelse beside it", () => {
    const { tables, issues } = readBudgetSheet(
      sheet([
        ["Belopp i tkr", 2023, null, null, 2024],
        ["Post", "Budget", "Utfall", "Avvikelse", "Budget"],
        ["Finansiell ram", 1000, 1100, 100, 1200],
        ["Kansli", 800, 700, -100, 900],
      ]),
    );
    const b = budgetOf(tables);
    expect([b.periods, b.columns?.outcome, b.outcomeTotals?.surplus]).toEqual([
      ["2023", "2024"],
      { "2023": "C" },
      { "2023": 400_000 },
    ]);
    expect(codes(issues)).toEqual([]);
  });

  it("When the kinds are merged over the years (Budget over 2023 | 2024, Utfall over 2022 | 2023), then utfall 2023 stands beside its budget and utfall 2022 stays a period", () => {
    const { tables, issues } = readBudgetSheet({
      ...sheet([
        ["Belopp i tkr", "Budget", null, "Utfall", null, "Avvikelse"],
        ["Post", 2023, 2024, 2022, 2023, 2023],
        ["Finansiell ram", 1000, 1100, 900, 1200, 200],
        ["Kansli", 800, 700, 600, 900, 100],
      ]),
      merges: [m(0, 1, 0, 2), m(0, 3, 0, 4)],
    });
    const b = budgetOf(tables);
    expect([b.periods, b.periodLabels, b.columns?.outcome, b.lines[1]!.outcomes]).toEqual([
      ["2023", "2024", "2022"],
      ["Budget 2023", "Budget 2024", "Utfall 2022"],
      { "2023": "E" },
      { "2023": 900_000 },
    ]);
    expect(codes(issues)).toEqual([]);
  });

  it("When a line's amounts fall among the years under a Budget | Utfall header, then they stay amounts", () => {
    const { tables } = readBudgetSheet(
      sheet([
        ["Post", "Budget", "Utfall"],
        ["Kansli", 2010, 2011],
        ["Insatser", 2012, 2013],
      ]),
    );
    const b = budgetOf(tables);
    expect([b.periods, b.lines.map((l) => l.amounts)]).toEqual([
      ["Budget"],
      [{ Budget: 2010 }, { Budget: 2012 }],
    ]);
  });

  it("When a title stands over the header in one merged cell, then the header keeps its one-row reading", () => {
    const { tables } = readBudgetSheet({
      ...sheet([
        ["Budget", null, null],
        ["Post", 2023, 2024],
        ["Finansiell ram", 1000, 1100],
        ["Kansli", 800, 700],
      ]),
      merges: [m(0, 0, 0, 2)],
    });
    const b = budgetOf(tables);
    expect([b.periods, b.periodLabels]).toEqual([
      ["2023", "2024"],
      ["2023", "2024"],
    ]);
  });
});

describe("eget kapital", () => {
  const equitySheet = (tail: Rows) =>
    readBudgetSheet(
      sheet([
        ["Post", "Budget 2023 (tkr)"],
        ["Finansiell ram", 1000],
        ["Kansli", 800],
        ["Årets resultat", 200],
        [null, null],
        ...tail,
      ]),
    );

  it("When eget kapital and the result repeated follow the result, then they are equity, not income, and agree", () => {
    const { tables, issues } = equitySheet([
      ["Ingående eget kapital", 500],
      ["Årets resultat", 200],
      ["Utgående eget kapital", 700],
      ["Eget kapital i % av kostnader", 87.5],
    ]);
    const b = budgetOf(tables);
    expect([b.totals.income, b.lines.length, b.equity]).toEqual([
      { "2023": 1_000_000 },
      2,
      {
        "2023": {
          opening: 500_000,
          result: 200_000,
          closing: 700_000,
          openingCell: "B6",
          resultCell: "B7",
          closingCell: "B8",
        },
      },
    ]);
    expect(codes(issues)).toEqual([]);
  });

  it("When the result is not repeated, then the table's result row is the year's result", () => {
    const { tables, issues } = equitySheet([
      ["Ingående eget kapital", 500],
      ["Utgående eget kapital", 700],
    ]);
    expect(budgetOf(tables).equity?.["2023"]).toMatchObject({ result: 200_000, resultCell: "B4" });
    expect(codes(issues)).toEqual([]);
  });

  it("When utgående eget kapital is not ingående plus the result, then it is an error at the closing cell", () => {
    const { issues } = equitySheet([
      ["Ingående eget kapital", 500],
      ["Årets resultat", 200],
      ["Utgående eget kapital", 800],
    ]);
    expect(codes(issues)).toEqual([["B8", "equity-mismatch"]]);
    expect(issues[0]).toMatchObject({ stated: 800_000, computed: 700_000 });
  });

  it("When överskott brought in stands before the result, then it stays income", () => {
    const { tables } = readBudgetSheet(
      sheet([
        ["Post", "Budget 2008 (tkr)"],
        ["Finansiell ram", 1000],
        ["Överskott 2007 fördelat på 3 år", 100],
        ["Kansli", 800],
        ["Årets resultat", 300],
      ]),
    );
    const b = budgetOf(tables);
    expect([b.totals.income, b.equity]).toEqual([{ "2008": 1_100_000 }, undefined]);
  });
});
