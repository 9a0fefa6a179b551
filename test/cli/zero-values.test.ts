/**
 * A zero is a value: every formula the converter writes carries the value the core computed,
 * 0 included (a formula saved without one reads as blank in previews, pandas and importers).
 * The Infosamverkan budget has no income lines, so its "Summa intäkter" SUMIFS is 0.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { convertFile } from "../../cli/inspect";
import { FakeBook } from "../../playground/fake-excel/book";
import { saveBook } from "../../playground/fake-excel/xlsx";

describe("When the Infosamverkan budget is converted", () => {
  it("then every formula on Samsyn's sheets is saved with its value, the zero SUMIFS over Intäkt too", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "samsyn-zero-")), "info.xlsx");
    await convertFile(resolve("../shared/fixtures/infosamverkan-projektbudget.xlsx"), out, {});
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const formulas: [string, string, unknown][] = [];
    for (const ws of workbook.worksheets.filter((w) => w.name.startsWith("Samsyn "))) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          // Not cell.value: exceljs drops a formula result of 0 from it; cell.result keeps it.
          if (cell.type === ExcelJS.ValueType.Formula) formulas.push([ws.name, cell.formula, cell.result]);
        }),
      );
    }
    expect(formulas.length).toBeGreaterThan(0);
    expect(formulas.filter(([, , result]) => result === undefined || result === null)).toEqual([]);
    const income = formulas.find(([, f]) => /SUMIFS\(.*"Intäkt"\)$/.test(f));
    expect(income?.[2]).toBe(0);
  });
});

describe("When the playground saves a workbook whose formula shows 0", () => {
  it("then the saved formula keeps its 0, as Excel saves it", async () => {
    const book = new FakeBook();
    const sheet = book.addSheet("Blad1");
    sheet.patch(0, 0, { value: 0 });
    sheet.patch(0, 1, { formula: "=A1*2", value: 0 });
    const out = join(mkdtempSync(join(tmpdir(), "samsyn-zero-")), "fake.xlsx");
    await saveBook(book, out);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const cell = workbook.getWorksheet("Blad1")!.getCell("B1");
    expect([cell.formula, cell.result]).toEqual(["A1*2", 0]);
  });
});
