/** The page's pure parts: the comparison's rows and sorting, the charts' series, the status grid, a diff in words. */
import { describe, expect, it } from "vitest";
import { merge } from "../../shared/merge";
import { BudgetReport, ParticipantsReport } from "../../shared/report";
import {
  chartSeries,
  comparisonOf,
  outcomeComparisonOf,
  type Row,
  shortNames,
  sortRows,
} from "../../web/comparison";
import { describeDiffKey, describeDiffValue } from "../../web/diff-text";
import { statusGrid, suggestedYear } from "../../web/status";
import { STRINGS } from "../../web/strings";

const sv = STRINGS.sv;

function budget(periods: string[], income: number, costs: Record<string, number>): BudgetReport {
  const lines = [
    { section: "income", group: "finansiell ram", label: "Finansiell ram", amount: income },
    ...Object.entries(costs).map(([group, amount]) => ({ section: "cost", group, label: group, amount })),
  ].map((l, i) => ({
    section: l.section,
    group: l.group,
    label: l.label,
    cell: `A${i + 2}`,
    heading: null,
    amounts: Object.fromEntries(periods.map((p) => [p, l.amount])),
  }));
  return BudgetReport.parse({
    kind: "budget",
    sheet: "Budget",
    title: null,
    range: "A1:B9",
    unit: "kr",
    periods,
    periodLabels: periods,
    lines,
    totals: { income: {}, cost: {}, surplus: {} },
  });
}

function participants(period: string, closed: number | null, toWork: number | null): ParticipantsReport {
  return ParticipantsReport.parse({
    kind: "participants",
    period,
    insats: null,
    suppression: { threshold: 5, suppressed: closed === null ? ["closed", "closedToWorkOrStudies"] : [] },
    keyFigures: {
      participants: 40,
      new: 20,
      closed,
      closedToWorkOrStudies: toWork,
      shareClosedToWorkOrStudies: closed && toWork !== null ? toWork / closed : null,
      byHemkommun: {},
      byKon: { kvinna: 20, man: 20 },
      byAgeBand: {},
      averageStayDays: 100,
      staysOverLimit: 0,
    },
  });
}

const associations = [
  { id: "a", name: "Samordningsförbundet Ale" },
  { id: "b", name: "Samordningsförbundet Borås" },
  { id: "c", name: "Samordningsförbundet Centrala Östergötland" },
];
const at = "2026-01-01T00:00:00.000Z";

describe("the comparison as the page shows it", () => {
  it("When two of three associations report a budget, then one row each, the missing one unreported, the network's total the service's", () => {
    const view = merge({
      kind: "budget",
      period: "2009",
      associations,
      reports: [
        {
          associationId: "a",
          period: "2008",
          revision: 1,
          createdAt: at,
          report: budget(["2008", "2009"], 1000, { insatser: 700, styrelse: 100 }),
        },
        {
          associationId: "c",
          period: "2009",
          revision: 2,
          createdAt: at,
          report: budget(["2009"], 500, { insatser: 600 }),
        },
      ],
    });
    const c = comparisonOf(view, sv);
    expect(c.rows.map((r) => [r.name, r.reported, r.cells.surplus])).toEqual([
      ["Samordningsförbundet Ale", true, { type: "amount", value: 200 }],
      ["Samordningsförbundet Borås", false, { type: "amount", value: null }],
      ["Samordningsförbundet Centrala Östergötland", true, { type: "amount", value: -100 }],
    ]);
    expect([c.reporting, c.network.cells.income, c.network.cells["cost:insatser"]]).toEqual([
      2,
      { type: "amount", value: 1500 },
      { type: "amount", value: 1300 },
    ]);
    const series = chartSeries(c);
    expect(series.surplus).toEqual([
      { label: "Ale", value: 200 },
      { label: "Centrala Östergötland", value: -100 },
    ]);
    expect(series.costs.map((s) => s.parts.filter((p) => p.value !== 0).map((p) => p.group))).toEqual([
      ["insatser", "styrelse"],
      ["insatser"],
    ]);
  });

  it("When an association hides its small counts, then its cells are null and the network's total is a lower bound naming how many hide", () => {
    const view = merge({
      kind: "participants",
      period: "2014",
      associations,
      reports: [
        {
          associationId: "a",
          period: "2014",
          revision: 1,
          createdAt: at,
          report: participants("2014", 20, 16),
        },
        {
          associationId: "b",
          period: "2014",
          revision: 1,
          createdAt: at,
          report: participants("2014", null, null),
        },
      ],
    });
    const c = comparisonOf(view, sv);
    expect(c.rows[1]?.cells.closed).toEqual({ type: "count", value: null });
    expect(c.network.cells.closed).toEqual({
      type: "total",
      value: { value: 20, lowerBound: true, suppressedIn: 1 },
    });
    expect(chartSeries(c).share).toEqual([{ label: "Ale", value: 80 }]);
  });

  it("When an association's answer for the year is a half-year report, then its row names that period as people read it, never the year", () => {
    const view = merge({
      kind: "participants",
      period: "2041",
      associations,
      reports: [
        {
          associationId: "a",
          period: "2041-H1",
          revision: 1,
          createdAt: at,
          report: participants("2041-H1", 20, 16),
        },
        {
          associationId: "b",
          period: "2041",
          revision: 1,
          createdAt: at,
          report: participants("2041", 20, 16),
        },
      ],
    });
    const periods = (lang: "sv" | "en") =>
      comparisonOf(view, STRINGS[lang]).rows.map((r) => [r.id, r.period]);
    expect(periods("sv")).toEqual([
      ["a", "jan–jun 2041"],
      ["b", undefined],
      ["c", undefined],
    ]);
    expect(periods("en")[0]).toEqual(["a", "Jan–Jun 2041"]);
  });

  it("When sorted by a figure, then rows without it come last in either direction, in name order", () => {
    const row = (name: string, value: number | null, reported = true): Row => ({
      id: name,
      name,
      reported,
      cells: { surplus: { type: "amount", value } },
    });
    const rows = [
      row("Öckerö", 5),
      row("Ale", null, false),
      row("Borås", -3),
      row("Eda", 9),
      row("Alingsås", null),
    ];
    const names = (direction: "ascending" | "descending", key = "surplus") =>
      sortRows(rows, { key, direction }).map((r) => r.name);
    expect(names("descending")).toEqual(["Eda", "Öckerö", "Borås", "Ale", "Alingsås"]);
    expect(names("ascending")).toEqual(["Borås", "Öckerö", "Eda", "Ale", "Alingsås"]);
    expect(names("ascending", "name")).toEqual(["Ale", "Alingsås", "Borås", "Eda", "Öckerö"]);
  });

  it("When names share the prefix or repeat, then the axis names are short and never two alike", () => {
    expect(
      shortNames([
        "Samordningsförbundet Ale",
        "Samordningsförbundet Ale",
        "Finsam Eda",
        "Samordningsförbundet",
      ]),
    ).toEqual(["Ale", "Ale (2)", "Finsam Eda", "Samordningsförbundet"]);
  });
});

describe("the status grid", () => {
  const report = (
    associationId: string,
    kind: "budget" | "participants",
    period: string,
    years: string[],
    revision = 1,
  ) => ({
    associationId,
    kind,
    period,
    years,
    revision,
    createdAt: at,
    token: { id: "t1", label: "Ekonomi" },
    client: "cli" as const,
  });
  const status = {
    associations: associations.map((a) => ({ ...a, orgnr: "222000-1289" })),
    reports: [
      report("a", "budget", "2008", ["2008", "2009", "2010"]),
      report("a", "budget", "2009", ["2009", "2010"], 3),
      report("b", "budget", "2010", ["2010"]),
      report("b", "participants", "2014-H1", ["2014"]),
    ],
  };

  it("When reports cover years, then each cell holds the filing the merge would choose, gaps null, and a count per year", () => {
    const grid = statusGrid(status, "budget");
    expect(grid.years).toEqual(["2008", "2009", "2010"]);
    expect(grid.rows.map((r) => [r.id, grid.years.map((y) => r.cells[y]?.period ?? null)])).toEqual([
      ["a", ["2008", "2009", "2009"]],
      ["b", [null, null, "2010"]],
      ["c", [null, null, null]],
    ]);
    expect(grid.reported).toEqual({ "2008": 1, "2009": 1, "2010": 2 });
    expect(statusGrid(status, "participants").years).toEqual(["2014"]);
  });

  it("When the comparison opens, then on the year most associations have a budget for, the latest of equals", () => {
    expect(suggestedYear(status)).toBe("2010");
    expect(suggestedYear({ associations: [], reports: [] }, new Date("2031-05-01"))).toBe("2031");
  });
});

describe("a revision diff in words", () => {
  it("names budget lines by side and label and key figures by their column, and writes figures sv-SE", () => {
    expect(
      [
        "income|Medlemsbidrag",
        "cost|- övrigt#2",
        "byKon.kvinna",
        "closed",
        "byHemkommun.Nora",
        "byAgeBand.18-24",
      ].map((k) => describeDiffKey(k, sv)),
    ).toEqual([
      "Intäkt: Medlemsbidrag",
      "Kostnad: - övrigt (2)",
      "Kvinnor",
      "Avslutade",
      "Hemkommun: Nora",
      "Ålder vid start: 18–24",
    ]);
    expect(
      describeDiffValue(
        "cost|Kansli",
        { group: "kansli och administration", amounts: { "2010": 1500, "2009": 1440000 } },
        sv,
        "sv",
      ),
    ).toBe("2009: 1\u00a0440\u00a0000 · 2010: 1\u00a0500 · grupp kansli och administration");
    expect([
      describeDiffValue("closed", null, sv, "sv"),
      describeDiffValue("shareClosedToWorkOrStudies", 0.8, sv, "sv"),
      describeDiffValue("income|X", null, sv, "sv"),
    ]).toEqual(["..", "80\u00a0%", "–"]);
  });
});

describe("budget and utfall on the page", () => {
  it("When one association reports utfall and another a budget only, then the first shows budget, utfall and avvikelse, the second its budget and –, and the network sums those with utfall", async () => {
    const { sydostBudget } = await import("../service/helpers");
    const view = merge({
      kind: "budget",
      period: "2023",
      associations: [
        { id: "ale", name: "Ale" },
        { id: "sydost", name: "Sydost" },
      ],
      reports: [
        {
          associationId: "sydost",
          period: "2023",
          revision: 1,
          createdAt: "2024-02-01T00:00:00Z",
          report: sydostBudget(),
        },
        {
          associationId: "ale",
          period: "2023",
          revision: 1,
          createdAt: "2022-11-01T00:00:00Z",
          report: budget(["2023"], 1_000_000, { insatser: 800_000 }),
        },
      ],
    });
    const { outcome: _, ...planOnly } = view.network;
    expect(outcomeComparisonOf({ ...view, network: planOnly }, sv)).toBeNull();
    const table = outcomeComparisonOf(view, sv)!;
    expect(table.caption).toBe("Budget och utfall 2023");
    const row = (id: string) => table.rows.find((r) => r.id === id)!.cells;
    expect(row("sydost")["cost:budget"]).toEqual({ type: "amount", value: 7_840_000 });
    expect(row("sydost")["cost:outcome"]).toEqual({ type: "amount", value: 7_528_150 });
    expect(row("sydost")["cost:deviation"]).toEqual({ type: "amount", value: -311_850 });
    expect(row("sydost")["deviation:insatser"]).toEqual({ type: "amount", value: -229_500 });
    expect(row("ale")["cost:budget"]).toEqual({ type: "amount", value: 800_000 });
    expect(row("ale")["cost:outcome"]).toEqual({ type: "notReported" });
    expect(row("ale")["deviation:insatser"]).toEqual({ type: "notReported" });
    expect(table.network.cells["cost:budget"]).toEqual({
      type: "partial",
      value: 7_840_000,
      reporting: 1,
      of: 2,
    });
    expect(table.network.cells["surplus:deviation"]).toEqual({
      type: "partial",
      value: 324_195,
      reporting: 1,
      of: 2,
    });
    // Sorting by avvikelse puts the association without utfall last, whichever the direction.
    expect(sortRows(table.rows, { key: "cost:deviation", direction: "ascending" }).map((r) => r.id)).toEqual([
      "sydost",
      "ale",
    ]);
  });
});
