/**
 * Printing a converted workbook: each added sheet one page wide (landscape where wider than
 * tall), its main table's header row on every page, the title in the page header — in the file
 * `samsyn convert` saves (exceljs) and in what the pane writes (office.js, through the fake).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { convert } from "../../addin/convert";
import { columnWidthPoints } from "../../addin/excel/write";
import { fakeHost } from "../../playground/fake-excel/excel";
import { loadBook } from "../../playground/fake-excel/xlsx";
import { layoutSheet, printLayout } from "../../shared/output";
import { fixture, samsyn } from "../support/cli";

const ALE = fixture("ale-kungalv-stenungsund-tjorn-vp2008.xlsx");

describe("When a converted budget is printed", () => {
  it("then the saved file prints each added sheet one page wide, header row repeated, title on top", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "samsyn-print-")), "ale.xlsx");
    expect((await samsyn(["convert", ALE, "-o", out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const added = wb.worksheets.filter((ws) => ws.name.startsWith("Samsyn "));
    expect(added.length).toBeGreaterThan(1);
    for (const ws of added) {
      const setup = ws.pageSetup;
      expect([ws.name, setup.fitToPage, setup.fitToWidth, setup.fitToHeight]).toEqual([ws.name, true, 1, 0]);
      expect(setup.printTitlesRow, ws.name).toMatch(/^\d+:\d+$/);
      expect(ws.headerFooter.oddHeader, ws.name).toBe(`&C${String(ws.getCell("A1").value)}`);
    }
    const budget = added.find((ws) => ws.name.startsWith("Samsyn Budget"))!;
    expect(budget.pageSetup.orientation).toBe("landscape");
    // The repeated row is the header row of the sheet's first table (Ale's contributions, above its budget).
    const [row] = budget.pageSetup.printTitlesRow!.split(":").map(Number);
    expect(budget.getRow(row!).getCell(1).value).toBe("Medlem");
  });

  it("then the pane sets the same page layout, and column widths in points that match the file's characters", async () => {
    const book = await loadBook(ALE);
    book.active = book.sheet("Budget 2008");
    const converted = await convert(fakeHost(book), { kind: "active" });
    for (const plan of converted.sheets) {
      const sheet = book.sheet(plan.name)!;
      const print = printLayout(plan);
      expect(sheet.pageLayout).toEqual({
        orientation: print.orientation === "landscape" ? "Landscape" : "Portrait",
        fitToPagesWide: 1,
        fitToPagesTall: 0,
        printTitleRows: `$${layoutSheet(plan)[0]!.headerRow}:$${layoutSheet(plan)[0]!.headerRow}`,
        centerHeader: plan.heading[0],
      });
    }
    // "Rad", 48 characters wide: 48 × 7 px + 5 px = 341 px = 255.75 points (was 336, a third too wide).
    const budget = converted.sheets.find((s) => s.name.startsWith("Samsyn Budget"))!;
    const lines = budget.tables.find((t) => t.columns[0]?.header === "Avsnitt")!;
    const rad = lines.columns.findIndex((c) => c.header === "Rad");
    expect(book.sheet(budget.name)!.columnWidths.get(rad)).toBe(255.75);
    expect(columnWidthPoints(48)).toBe(255.75);
  });
});
