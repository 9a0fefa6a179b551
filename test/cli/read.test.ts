/** The exceljs reader hands the core what Excel would hand the add-in. */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readWorkbookBuffer, readWorkbookFile } from "../../xlsx/read";
import { fixture } from "../support/cli";

describe("When a workbook is read into grids", () => {
  it("then formulas keep their cached result (also 0), dates become serials, merged cells are empty but the first", async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("Blad");
    ws.getCell("A1").value = "Titel";
    ws.mergeCells("A1:C1");
    ws.getCell("A2").value = { formula: "B2-B2", result: 0 } as ExcelJS.CellFormulaValue;
    ws.getCell("B2").value = 5;
    ws.getCell("C2").value = new Date(Date.UTC(2014, 5, 7));
    ws.getCell("C2").numFmt = "yyyy-mm-dd";
    ws.getCell("A3").value = { richText: [{ text: "Över-" }, { text: "skott" }] };
    ws.getCell("B3").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
    const buffer = await workbook.xlsx.writeBuffer();

    const [grid] = await readWorkbookBuffer(buffer as ArrayBuffer);
    expect(grid!.values).toEqual([
      ["Titel", null, null],
      [0, 5, 41797],
      ["Över-skott", "#REF!"],
    ]);
    expect(grid!.formulas![1]![0]).toBe("=B2-B2");
    expect(grid!.numberFormats![1]![2]).toBe("yyyy-mm-dd");
    expect(grid!.merges).toEqual([{ start: { row: 0, col: 0 }, end: { row: 0, col: 2 } }]);
  });

  it("then every fixture reads into one grid per sheet", async () => {
    const grids = await readWorkbookFile(fixture("samverkansteamet-deltagare-2014.xlsx"));
    expect(grids.map((g) => [g.sheet, g.values.length])).toEqual([["Deltagare 2014", 68]]);
  });
});
