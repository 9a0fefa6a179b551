/** shared/sync.ts: the condition a send goes with, the rows of a conflict, and their version as a sheet. */
import { describe, expect, it } from "vitest";
import { SUPPRESSED } from "../shared/network";
import {
  conditionFor,
  conflictRows,
  reportKey,
  THEIR_VERSION_SHEET,
  theirVersionSheet,
} from "../shared/sync";
import { budgetReport, participantsReport, simpleBudget } from "./service/helpers";

describe("the condition of a send", () => {
  it("When the workbook never saw the report, then the send may only create it", () => {
    expect(conditionFor(undefined)).toEqual({ kind: "new" });
  });

  it("When the workbook last saw revision 3, then the send goes on top of 3 and nothing newer", () => {
    expect(conditionFor(3)).toEqual({ kind: "based-on", revision: 3 });
  });

  it("When a report is remembered, then it is under its kind and period", () => {
    expect(reportKey("budget", "2008")).toBe("budget/2008");
    expect(reportKey("participants", "2014-H1")).toBe("participants/2014-H1");
  });
});

describe("the rows of a conflict", () => {
  it("When two budgets are the same, then there is nothing to show", () => {
    expect(conflictRows(simpleBudget(["2009"]), simpleBudget(["2009"]))).toEqual([]);
  });

  it("When one line differs in one year, then that line and year alone are shown, with both sides", () => {
    const theirs = simpleBudget(["2009", "2010"]);
    const mine = budgetReport({
      years: ["2009", "2010"],
      lines: [
        ["income", "medlemsbidrag", "Medlemsbidrag", 1_440_000],
        ["income", "eget kapital", "Överskott från föregående år", 100_000],
        ["cost", "insatser", "Samverkansteamet", (y) => (y === "2010" ? 950_000 : 900_000)],
        ["cost", "kansli och administration", "Kansli", 400_000],
        ["cost", "styrelse", "Styrelsen", 60_000],
        ["cost", "revision", "Revision", 30_000],
      ],
    });
    expect(conflictRows(theirs, mine)).toEqual([
      { label: "Samverkansteamet", section: "cost", period: "2010", theirs: 900_000, mine: 950_000 },
    ]);
  });

  it("When a line is only in theirs, then it comes after mine's, with nothing on my side", () => {
    const theirs = budgetReport({
      years: ["2009"],
      lines: [
        ["income", "medlemsbidrag", "Medlemsbidrag", 1_000],
        ["cost", "styrelse", "Styrelsen", 60],
      ],
    });
    const mine = budgetReport({
      years: ["2009"],
      lines: [
        ["income", "medlemsbidrag", "Medlemsbidrag", 1_000],
        ["cost", "insatser", "Unga vuxna", 500],
      ],
    });
    expect(conflictRows(theirs, mine)).toEqual([
      { label: "Unga vuxna", section: "cost", period: "2009", theirs: null, mine: 500 },
      { label: "Styrelsen", section: "cost", period: "2009", theirs: 60, mine: null },
    ]);
  });

  it("When a key figure differs or was suppressed on one side, then it is shown by its path, for the report's period", () => {
    const theirs = participantsReport("2014", { closed: 15 });
    const mine = participantsReport("2014", { closed: 16, byKon: { kvinna: 22, man: null } }, ["byKon.man"]);
    expect(conflictRows(theirs, mine)).toEqual([
      { label: "closed", section: null, period: "2014", theirs: 15, mine: 16 },
      { label: "byKon.man", section: null, period: "2014", theirs: 18, mine: null },
    ]);
  });
});

describe("their version as a sheet", () => {
  it("When their budget is put beside mine, then each line has its section, group and amount per period, and the totals follow", () => {
    const sheet = theirVersionSheet(simpleBudget(["2009", "2010"]), {
      revision: 4,
      sentBy: "Kansliet",
      sentAt: "3 dec. 2026 10:15",
    });
    expect(sheet.name).toBe(THEIR_VERSION_SHEET);
    expect(sheet.heading[0]).toContain("version 4");
    expect(sheet.heading[1]).toContain("Kansliet");
    const [table] = sheet.tables;
    expect(table!.columns.map((c) => c.header)).toEqual(["Del", "Grupp", "Rad", "2009", "2010"]);
    expect(table!.rows[2]).toEqual(["Kostnad", "insatser", "Samverkansteamet", 900_000, 900_000]);
    expect(table!.summaryRows.map((r) => r.slice(3))).toEqual([
      [1_540_000, 1_540_000],
      [1_390_000, 1_390_000],
      [150_000, 150_000],
    ]);
  });

  it("When the sender is not known, then the heading says so instead of naming one", () => {
    const sheet = theirVersionSheet(simpleBudget(["2009"]), { revision: 1, sentBy: null, sentAt: null });
    expect(sheet.heading).toHaveLength(3);
    expect(sheet.heading[1]).not.toContain("null");
  });

  it("When their participants report has a suppressed count, then it shows as suppressed, never as a number", () => {
    const report = participantsReport("2014", { byKon: { kvinna: 22, man: null } }, ["byKon.man"]);
    const rows = theirVersionSheet(report, { revision: 2, sentBy: null, sentAt: null }).tables[0]!.rows;
    expect(rows).toContainEqual(["participants", 40]);
    expect(rows).toContainEqual(["byKon.kvinna", 22]);
    expect(rows).toContainEqual(["byKon.man", SUPPRESSED]);
  });
});
