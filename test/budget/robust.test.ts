/** Arbitrary sheets, budget-like or not: the reader never throws, and what it returns is always well formed. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetOutputSheets, readBudgetSheet } from "../../shared/budget";
import { type CellValue, type Grid, parseA1 } from "../../shared/grid";
import { describeIssue } from "../../shared/messages";
import { BudgetTable, ContributionsTable } from "../../shared/report";

const WORDS = [
  "Finansiell ram",
  "Insatser",
  "- projekt A",
  "Kansli",
  "Summa",
  "Totalt",
  "Summa kostnader",
  "Summa intäkter",
  "Över-/underskott +/-",
  "Årets resultat",
  "INTÄKTER",
  "KOSTNADER",
  "Försäkringskassan",
  "Region",
  "Kommuner",
  "Bidrag i tkr",
  "2008 (tkr)",
  "Budget 2015",
  "Prognos 2015",
  "Utfall 2013",
  "Belopp",
  "tkr",
  "kr",
  "Kommentar",
  "+ 79",
  "1 440 000 kr",
  "25 tkr/6 mån",
  "(82)",
  "−82",
  "-",
  "#REF!",
  "#DIV/0!",
  "se bilaga",
  "9,03",
  "1.440.000",
  "Projekttid 2009-10-01—2010-06-30",
  "2009-10-01",
  "=SUM(A1)",
  "@x",
  "",
  " ",
  "Diverse",
  "Övrigt",
  "Revision",
];

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.integer({ min: -5000, max: 5000 }) },
  { weight: 1, arbitrary: fc.constantFrom(2008, 2009, 2010, 2015) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

const HEADERS = [
  "2008 (tkr)",
  "2009(tkr)",
  2010,
  "Budget 2015",
  "Prognos 2015",
  "Utfall 2013",
  "Belopp",
  "Kommentar",
];

/** Noise, or noise shaped like a budget: a period header, then label words over amounts. */
const rowsArb = fc.oneof(
  fc.array(fc.array(cellArb, { maxLength: 7 }), { maxLength: 30 }),
  fc
    .tuple(
      fc.constantFrom<CellValue>(null, "Bidrag i tkr", "Post", "INTÄKTER"),
      fc.array(fc.constantFrom<CellValue>(...HEADERS), { minLength: 1, maxLength: 4 }),
      fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.array(cellArb, { maxLength: 5 })), { maxLength: 25 }),
    )
    .map(([caption, headers, body]) => [
      [caption, ...headers],
      ...body.map(([label, cells]) => [label, ...cells]),
    ]),
);

const gridArb: fc.Arbitrary<Grid> = fc
  .record({
    rows: rowsArb,
    origin: fc.record({ row: fc.nat(20), col: fc.nat(5) }),
    merge: fc.option(fc.record({ r: fc.nat(5), c: fc.nat(3), h: fc.nat(2), w: fc.nat(3) })),
  })
  .map(({ rows, origin, merge }) => ({
    sheet: "Blad",
    origin,
    values: rows,
    formulas: null,
    numberFormats: null,
    merges: merge
      ? [
          {
            start: { row: origin.row + merge.r, col: origin.col + merge.c },
            end: { row: origin.row + merge.r + merge.h, col: origin.col + merge.c + merge.w },
          },
        ]
      : [],
  }));

describe("arbitrary sheets", () => {
  it("read without throwing into schema-valid tables and issues inside the sheet, with messages", () => {
    fc.assert(
      fc.property(gridArb, (grid) => {
        const { tables, issues } = readBudgetSheet(grid);
        for (const t of tables) {
          if (t.kind === "budget") BudgetTable.parse(t);
          else ContributionsTable.parse(t);
          expect(t.periodLabels).toHaveLength(t.periods.length);
        }
        for (const issue of issues) {
          if (issue.cell !== null) {
            const a = parseA1(issue.cell)!;
            expect(a.row - grid.origin.row).toBeGreaterThanOrEqual(0);
            expect(a.row - grid.origin.row).toBeLessThan(grid.values.length);
          }
          // Each language says it in its own words, with every figure filled in.
          const sv = describeIssue(issue, "sv");
          const en = describeIssue(issue, "en");
          expect(sv).not.toBe(en);
          expect(`${sv} ${en}`).not.toMatch(/undefined|NaN|\[object|null\b/);
          if ("text" in issue) expect(sv).toContain(issue.text.slice(0, 20));
        }
        expect(tables.length === 0).toBe(issues.some((i) => i.code === "no-table"));
        const sheets = budgetOutputSheets(tables, new Set([grid.sheet]));
        for (const s of sheets) {
          expect(s.name.length).toBeLessThanOrEqual(31);
          for (const t of s.tables)
            for (const row of [...t.rows, ...t.summaryRows]) expect(row).toHaveLength(t.columns.length);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("are read the same every time", () => {
    fc.assert(
      fc.property(gridArb, (grid) => {
        expect(readBudgetSheet(grid)).toEqual(readBudgetSheet(grid));
      }),
      { numRuns: 200 },
    );
  });
});
