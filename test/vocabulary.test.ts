/** shared/vocabulary.ts: the closed sets the report is written in, and how they are named. */
import { describe, expect, it } from "vitest";
import { BudgetReport } from "../shared/report";
import {
  AGE_BANDS,
  ageBandLabel,
  BUDGET_GROUPS,
  COST_GROUPS,
  INCOME_GROUPS,
  sectionOfGroup,
} from "../shared/vocabulary";

describe("budget groups", () => {
  it("When a group is an income group, then its section is income; every other group is a cost", () => {
    for (const group of INCOME_GROUPS) expect(sectionOfGroup(group)).toBe("income");
    for (const group of COST_GROUPS) expect(sectionOfGroup(group)).toBe("cost");
  });

  it("When the groups are listed, then income comes first and no group is in both sections", () => {
    expect(BUDGET_GROUPS).toEqual([...INCOME_GROUPS, ...COST_GROUPS]);
    expect(new Set(BUDGET_GROUPS).size).toBe(BUDGET_GROUPS.length);
  });

  it("When a report names a group outside the set, then the report's schema refuses it", () => {
    const line = (group: string) => ({
      section: "cost",
      group,
      label: "Kansli",
      cell: "A5",
      heading: null,
      amounts: { "2009": 1 },
    });
    const report = (group: string) => ({
      kind: "budget",
      sheet: "Budget",
      title: null,
      range: "A4:B5",
      unit: "kr",
      periods: ["2009"],
      periodLabels: ["2009"],
      lines: [line(group)],
      totals: { income: { "2009": 0 }, cost: { "2009": 1 }, surplus: { "2009": -1 } },
    });
    expect(BudgetReport.safeParse(report("kansli och administration")).success).toBe(true);
    expect(BudgetReport.safeParse(report("kaffe")).success).toBe(false);
  });
});

describe("age bands", () => {
  it("When an age band is shown, then it reads with an en dash, and the youngest from 0", () => {
    expect(AGE_BANDS.map(ageBandLabel)).toEqual(["0–17", "18–24", "25–29", "30–39", "40–49", "50–64", "65–"]);
  });

  it("When the bands are listed, then they run from the youngest to the oldest without a gap", () => {
    const bounds = AGE_BANDS.map((band) => band.split("-").map((n) => (n === "" ? null : Number(n))));
    for (let i = 1; i < bounds.length; i++) expect(bounds[i]![0]).toBe((bounds[i - 1]![1] ?? 0) + 1);
    expect(bounds[0]![0]).toBeNull();
    expect(bounds.at(-1)![1]).toBeNull();
  });
});
