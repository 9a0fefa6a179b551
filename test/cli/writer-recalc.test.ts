/** The exceljs writer's formulas, recalculated by a real spreadsheet engine (LibreOffice Calc). */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { columnRef, layoutSheet, type OutputSheet } from "../../shared/output";
import { writeOutputSheets } from "../../xlsx/write";
import { recalculate, shownValue } from "../support/libreoffice";

describe("When a plan with structured-reference formulas is written and recalculated", () => {
  it("then the summary rows show the sums of the table's rows", async () => {
    const t = "Budget_2030";
    const sumOf = (section: string) =>
      `SUMIFS(${columnRef(t, "2030")},${columnRef(t, "Avsnitt")},"${section}")`;
    const sheet: OutputSheet = {
      name: "Budget 2030",
      heading: ["Test"],
      tables: [
        {
          name: t,
          columns: [{ header: "Avsnitt" }, { header: "Rad" }, { header: "2030", numberFormat: "#,##0" }],
          rows: [
            ["Intäkt", "Medlemsbidrag", 1_000_000],
            ["Kostnad", "Insatser", 700_000],
            ["Kostnad", "'=evil()", 250_500],
          ],
          summaryRows: [
            [null, "Summa intäkter", { formula: `=${sumOf("Intäkt")}` }],
            [null, "Summa kostnader", { formula: `=${sumOf("Kostnad")}` }],
            [null, "Över-/underskott", { formula: `=${sumOf("Intäkt")}-${sumOf("Kostnad")}` }],
          ],
        },
      ],
    };
    const workbook = new ExcelJS.Workbook();
    writeOutputSheets(workbook, [sheet]);
    const file = join(mkdtempSync(join(tmpdir(), "samsyn-w-")), "plan.xlsx");
    await workbook.xlsx.writeFile(file);

    const recalculated = await recalculate(file);
    const ws = recalculated.getWorksheet("Budget 2030")!;
    const [placement] = layoutSheet(sheet);
    const summary = (i: number) => shownValue(ws.getCell(placement!.firstSummaryRow + i, 3));
    expect([summary(0), summary(1), summary(2)]).toEqual([1_000_000, 950_500, 49_500]);
    expect(shownValue(ws.getCell(placement!.firstBodyRow + 2, 2))).toBe("'=evil()");
  });
});
