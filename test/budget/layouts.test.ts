/**
 * Issue 9's messy layouts, generated with their truth: every sheet of every class read right to
 * the krona with exactly the truth's issues, and one corrupted stated figure reported at its cell.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readBudgetSheet } from "../../shared/budget";
import { gridFromRows } from "../../shared/grid";
import { describeIssue } from "../../shared/messages";
import type { BudgetTable } from "../../shared/report";
import { cellsAndCodes, judge, LAYOUT_CLASSES, layoutArb } from "./layouts";

describe.each(LAYOUT_CLASSES)("layout %s", (layout) => {
  it("is read right: totals, every line's side and group, exactly the truth's issues", () => {
    fc.assert(
      fc.property(layoutArb(layout), (sheet) => {
        const v = judge(sheet, readBudgetSheet(sheet.grid));
        expect(v.why).toBeNull();
      }),
      { numRuns: 120 },
    );
  });

  it("reports a corrupted stated figure at its cell and nowhere else", () => {
    fc.assert(
      fc.property(
        layoutArb(layout, true).filter((s) => s.truth.corrupted !== null),
        (sheet) => {
          const reading = readBudgetSheet(sheet.grid);
          expect(cellsAndCodes(reading.issues)).toEqual(sheet.truth.issues);
          const wrong = reading.issues.filter(
            (i) => i.code === "total-mismatch" || i.code === "surplus-mismatch",
          );
          expect(wrong.map((i) => i.cell)).toEqual([sheet.truth.corrupted]);
        },
      ),
      { numRuns: 80 },
    );
  });
});

const budgetOf = (rows: Parameters<typeof gridFromRows>[1]) => {
  const reading = readBudgetSheet(gridFromRows("Budget", rows));
  const budget = reading.tables.find((t): t is BudgetTable => t.kind === "budget")!;
  return { reading, budget, lines: budget.lines.map((l) => [l.cell, l.section, l.group]) };
};

describe("the arithmetic over the words", () => {
  it("ends 'Finansiering' where the result row says the costs begin", () => {
    const { reading, lines } = budgetOf([
      [null, "2024 (tkr)"],
      ["Finansiering", null],
      ["Försäkringskassan", 500],
      ["Region Väst", 250],
      ["Kommunerna", 250],
      ["Unga vuxna", 600],
      ["IPS", 300],
      ["Resultat", 100],
    ]);
    expect(lines).toEqual([
      ["A3", "income", "medlemsbidrag"],
      ["A4", "income", "medlemsbidrag"],
      ["A5", "income", "medlemsbidrag"],
      ["A6", "cost", "insatser"],
      ["A7", "cost", "insatser"],
    ]);
    expect(cellsAndCodes(reading.issues)).toEqual([]);
  });

  it("keeps the words' reading and reports a wrong total that no reading makes true", () => {
    const { reading, lines } = budgetOf([
      [null, "2024 (tkr)"],
      ["Finansiering", null],
      ["Finansiell ram", 1000],
      ["Unga vuxna", 600],
      ["Resultat", 123],
    ]);
    expect(lines).toEqual([
      ["A3", "income", "finansiell ram"],
      ["A4", "income", "övriga intäkter"],
    ]);
    expect(cellsAndCodes(reading.issues)).toEqual([["B5", "surplus-mismatch"]]);
  });

  it("ends a section row's reach at the last line the figures allow, the shortest move", () => {
    const { reading, lines } = budgetOf([
      [null, "2024 (tkr)"],
      ["Medel", null],
      ["Finansiell ram", 1000],
      ["Alfa", 100],
      ["Beta", 100],
      ["Kansli", 500],
      ["Resultat", 500],
    ]);
    expect(lines.map((l) => l[1])).toEqual(["income", "income", "cost", "cost"]);
    expect(cellsAndCodes(reading.issues)).toEqual([]);
  });

  it("says a line is unclear where two readings fit the stated figures equally", () => {
    const { reading } = budgetOf([
      [null, "2024 (tkr)"],
      ["Finansiell ram", 1000],
      ["Alfa", 100],
      ["Kansli", 500],
      ["Beta", 100],
      ["Resultat", 500],
    ]);
    // Alfa or Beta is income; which one, only the person who wrote it knows.
    expect(cellsAndCodes(reading.issues)).toEqual([
      ["A3", "line-unclassified"],
      ["A5", "line-unclassified"],
    ]);
  });

  it("counts a 'varav' row and a count as neither income nor cost, and says so", () => {
    const { reading, lines, budget } = budgetOf([
      [null, "2024 (kr)"],
      ["Finansiell ram", 1000],
      ["varav ESF-medel", 300],
      ["Unga vuxna", 600],
      ["Antal deltagare", 40],
      ["Resultat", 400],
    ]);
    expect(lines).toEqual([
      ["A2", "income", "finansiell ram"],
      ["A4", "cost", "insatser"],
    ]);
    expect(budget.totals.surplus).toEqual({ "2024": 400 });
    expect(cellsAndCodes(reading.issues)).toEqual([
      ["A3", "line-not-counted"],
      ["A5", "line-not-counted"],
    ]);
    expect(describeIssue(reading.issues.find((i) => i.cell === "A3")!, "en")).toBe(
      'Line "varav ESF-medel" (A3) counts as neither income nor cost: it is part of another line, or a count.',
    );
  });

  it("reads costs written with a minus sign as costs, totals and result true, and says so once", () => {
    const { reading, lines, budget } = budgetOf([
      [null, "2024 (kr)"],
      ["Finansiell ram", 1000],
      ["Unga vuxna", -500],
      ["Kansli", -300],
      ["Summa kostnader", -800],
      ["Resultat", 200],
    ]);
    expect(lines).toEqual([
      ["A2", "income", "finansiell ram"],
      ["A3", "cost", "insatser"],
      ["A4", "cost", "kansli och administration"],
    ]);
    expect(budget.totals).toEqual({
      income: { "2024": 1000 },
      cost: { "2024": 800 },
      surplus: { "2024": 200 },
    });
    expect(cellsAndCodes(reading.issues)).toEqual([["A3", "costs-negative"]]);
  });

  it("reads a header of years typed as text beside 'Budgetpost' as the header", () => {
    const { budget, lines } = budgetOf([
      ["Budget i tkr", null, null],
      [null, null, null],
      ["Budgetpost", "2023", "2024"],
      ["Finansiell ram", 1000, 1100],
      ["Insatser", null, null],
      ["Jobbcoacher", 800, 900],
      ["Summa", 800, 900],
    ]);
    expect(budget.periods).toEqual(["2023", "2024"]);
    expect(lines).toEqual([
      ["A4", "income", "finansiell ram"],
      ["A6", "cost", "insatser"],
    ]);
  });
});

describe("cost groups for the network", () => {
  it("counts an insats by name as insatser, other words as their group, a heading's group for its lines", () => {
    const { reading, lines } = budgetOf([
      [null, "2024 (kr)"],
      ["Finansiell ram", 5000],
      ["Kostnader", null],
      ["Unga vuxna", 1000],
      ["Kvinnohälsa", 900],
      ["Oförutsett", 50],
      ["Reserv", 50],
      ["Styrelse och revision", 100],
      ["Kansli", null],
      ["Personal", 700],
      ["- Övriga kostnader", 30],
    ]);
    expect(lines).toEqual([
      ["A2", "income", "finansiell ram"],
      ["A4", "cost", "insatser"],
      ["A5", "cost", "insatser"],
      ["A6", "cost", "övrigt"],
      ["A7", "cost", "övrigt"],
      ["A8", "cost", "styrelse"],
      ["A10", "cost", "kansli och administration"],
      ["A11", "cost", "kansli och administration"],
    ]);
    expect(cellsAndCodes(reading.issues)).toEqual([["A8", "group-combined"]]);
    const info = reading.issues.find((i) => i.code === "group-combined")!;
    expect(info.severity).toBe("info");
    expect(describeIssue(info, "sv")).toBe(
      "Raden ”Styrelse och revision” (A8) nämner flera kostnadsgrupper; den räknas som styrelse (inte revision).",
    );
    expect(describeIssue(info, "en")).toBe(
      'Line "Styrelse och revision" (A8) names more than one cost group; it counts as styrelse (not revision).',
    );
  });
});
