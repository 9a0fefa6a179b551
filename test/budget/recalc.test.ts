/** The Ale budget's and a Sydost-shaped budget's conversion plans written by the exceljs writer and recalculated by LibreOffice Calc. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { convertFile } from "../../cli/inspect";
import { budgetOutputSheets, readBudgetSheet } from "../../shared/budget";
import { hasResult, layoutSheet } from "../../shared/output";
import type { BudgetTable } from "../../shared/report";
import { readWorkbookFile } from "../../xlsx/read";
import { writeOutputSheets } from "../../xlsx/write";
import { sydostBudget } from "../support/budget-utfall";
import { writeSydostHalfYear } from "../support/budget-utfall-workbook";
import { recalculate, shownValue } from "../support/libreoffice";

describe("When the Ale budget is converted and recalculated in a real spreadsheet engine", () => {
  it("then the live rows show the core's income, cost, surplus, group sums and contributions total", async () => {
    const [grid] = await readWorkbookFile(
      path.resolve("../shared/fixtures/ale-kungalv-stenungsund-tjorn-vp2008.xlsx"),
    );
    const reading = readBudgetSheet(grid!);
    const budget = reading.tables.find((t) => t.kind === "budget") as BudgetTable;
    const [sheet] = budgetOutputSheets(reading.tables, new Set([grid!.sheet]));
    const workbook = new ExcelJS.Workbook();
    writeOutputSheets(workbook, [sheet!]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "samsyn-budget-")), "ale.xlsx");
    await workbook.xlsx.writeFile(file);

    const ws = (await recalculate(file)).getWorksheet(sheet!.name)!;
    const [bidrag, main, groups] = layoutSheet(sheet!);
    const periodCols = [6, 7, 8]; // after Avsnitt, Grupp, Rubrik, Rad, Källcell
    const summary = (i: number) =>
      periodCols.map((c) => shownValue(ws.getCell(main!.firstSummaryRow + i, c)));
    expect(summary(0)).toEqual(budget.periods.map((p) => budget.totals.income[p]));
    expect(summary(1)).toEqual(budget.periods.map((p) => budget.totals.cost[p]));
    expect(summary(2)).toEqual([79_000, 1_813_000, 2_878_000]);

    const groupRows = groups!.table.rows.length;
    const groupSums = Array.from({ length: groupRows }, (_, i) => [
      shownValue(ws.getCell(groups!.firstBodyRow + i, 2)),
      shownValue(ws.getCell(groups!.firstBodyRow + i, 3)),
    ]);
    expect(groupSums).toContainEqual(["insatser", 5_565_000]);
    expect(groupSums).toContainEqual(["revision", 60_000]);

    expect([4, 5].map((c) => shownValue(ws.getCell(bidrag!.firstSummaryRow, c)))).toEqual([
      5_251_000, 7_000_000,
    ]);
  });
});

describe("When a budget with utfall (the Sydost shape) is converted and recalculated in a real spreadsheet engine", () => {
  it("then each line's avvikelse, the sums of utfall and avvikelse and the groups show the values the file carries", async () => {
    const budget = sydostBudget({ halfYear: true });
    const [sheet] = budgetOutputSheets([budget], new Set([budget.sheet]));
    const workbook = new ExcelJS.Workbook();
    writeOutputSheets(workbook, [sheet!]);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "samsyn-budget-")), "sydost.xlsx");
    await workbook.xlsx.writeFile(file);

    const ws = (await recalculate(file)).getWorksheet(sheet!.name)!;
    // Every formula cell of every table and sum row: what LibreOffice computes is what the plan carries.
    let formulas = 0;
    for (const p of layoutSheet(sheet!)) {
      const rows = [
        ...p.table.rows.map((row, i) => ({ row, at: p.firstBodyRow + i })),
        ...p.table.summaryRows.map((row, i) => ({ row, at: p.firstSummaryRow + i })),
      ];
      for (const { row, at } of rows)
        row.forEach((cell, c) => {
          if (!hasResult(cell)) return;
          expect([at, c + 1, shownValue(ws.getCell(at, c + 1))]).toEqual([at, c + 1, cell.result]);
          formulas++;
        });
    }
    // 14 lines × 2 avvikelse, 3 sums × 6 columns, 7 groups × 6 columns.
    expect(formulas).toBe(14 * 2 + 3 * 6 + 7 * 6);
    const [main] = layoutSheet(sheet!);
    // Över-/underskott 2023: budget, utfall jan–jun, avvikelse jan–jun, utfall, avvikelse (fixture row 27).
    expect([6, 7, 8, 9, 10].map((c) => shownValue(ws.getCell(main!.firstSummaryRow + 2, c)))).toEqual([
      160_000, 430_120, 270_120, 484_195, 324_195,
    ]);
  });
});

/**
 * What `samsyn convert` writes for a budget with utfall, recalculated: on the "Samsyn Budget
 * 2023" sheet each line's avvikelse is its utfall − budget, and the sums are the sheet's own.
 * Needs the reader that reads utfall columns (helper A's part of issue 20).
 */
async function convertedBudget(source: string) {
  const out = path.join(mkdtempSync(path.join(tmpdir(), "samsyn-convert-")), "ut.xlsx");
  const result = await convertFile(source, out, {});
  expect(result.stderr).toBe("");
  const ws = (await recalculate(out)).getWorksheet("Samsyn Budget 2023")!;
  const rows = Array.from({ length: ws.rowCount + 1 }, (_, r) =>
    Array.from({ length: ws.columnCount }, (_, c) => (r === 0 ? null : shownValue(ws.getCell(r, c + 1)))),
  );
  const headerRow = rows.findIndex((r) => r[3] === "Rad");
  const header = rows[headerRow]!;
  const col = (name: string) => header.indexOf(name);
  const body: unknown[][] = [];
  for (let r = headerRow + 1; rows[r]?.[0]; r++) body.push(rows[r]!);
  const summary = (label: string) => rows.find((r) => r[3] === label)!;
  return { header, col, body, summary };
}

describe("When samsyn convert writes a budget with utfall and LibreOffice recalculates it", () => {
  it("then the Sydost fixture's sheet has Utfall and Avvikelse 2023 beside the budget, live, as the source states them", async () => {
    const { header, col, body, summary } = await convertedBudget(
      path.resolve("../shared/fixtures/sydost-budget-utfall-2023.xlsx"),
    );
    expect(header.slice(5)).toEqual(["2023", "Utfall 2023", "Avvikelse 2023", "2024"]);
    expect(body).toHaveLength(14);
    for (const row of body)
      expect([row[3], row[col("Avvikelse 2023")]]).toEqual([
        row[3],
        (row[col("Utfall 2023")] as number) - (row[col("2023")] as number),
      ]);
    // Fixture rows 13, 26, 27 (Summa intäkter, Summa kostnader, Årets resultat), column B, C, D, E.
    expect(["Summa intäkter", "Summa kostnader", "Över-/underskott"].map((l) => summary(l).slice(5))).toEqual(
      [
        [8_000_000, 8_012_345, 12_345, 8_160_000],
        [7_840_000, 7_528_150, -311_850, 7_949_200],
        [160_000, 484_195, 324_195, 210_800],
      ],
    );
  });

  it("then a sheet with utfall to 30 June has Utfall and Avvikelse jan–jun 2023 against the year's budget", async () => {
    const source = path.join(mkdtempSync(path.join(tmpdir(), "samsyn-utfall-")), "halvar.xlsx");
    await writeSydostHalfYear(source);
    const { header, summary } = await convertedBudget(source);
    expect(header.slice(5)).toEqual([
      "2023",
      "Utfall jan–jun 2023",
      "Avvikelse jan–jun 2023",
      "Utfall 2023",
      "Avvikelse 2023",
      "2024",
    ]);
    expect(summary("Över-/underskott").slice(5)).toEqual([
      160_000, 430_120, 270_120, 484_195, 324_195, 210_800,
    ]);
  });
});
